// The `if:` condition parser (core/config/conditionparser.cpp).
// Input: the condition text (UTF-8). Properties: no crash; a parsed condition keeps the
// text as written, has values exactly when it is not Always, and each value is non-empty
// and matches the environment it names when the operator is == or in.

#include "config/conditionparser.h"
#include "fuzzinput.h"

using namespace DeployDesk;
using namespace DeployDesk::Internal;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString text = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    const std::optional<StageCondition> condition = parseCondition(text);
    if (!condition)
        return 0;
    using Op = StageCondition::Op;
    DD_FUZZ_CHECK(condition->op != Op::Always);
    DD_FUZZ_CHECK(!condition->values.isEmpty());
    for (const QString &value : condition->values) {
        DD_FUZZ_CHECK(!value.isEmpty());
        if (condition->op == Op::Equals || condition->op == Op::In)
            DD_FUZZ_CHECK(condition->matches(value));
        else
            DD_FUZZ_CHECK(!condition->matches(value));
    }
    if (condition->op == Op::Equals || condition->op == Op::NotEquals)
        DD_FUZZ_CHECK(condition->values.size() == 1);
    return 0;
}
