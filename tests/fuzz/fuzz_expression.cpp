// GitHub's expression language (core/config/expression.cpp).
// Input: one selector byte, then the text. Selector bit 0: parse as an `if:` condition,
// else as a template (text with `${{ }}` parts). Properties: no crash, no unbounded work;
// a parsed text evaluates (to a value or an error, never both) against a fixed context;
// a template without `${{` is literal and evaluates to itself; parsing is deterministic.

#include "config/expression.h"
#include "fuzzinput.h"

#include <QJsonArray>

using namespace DeployDesk;

namespace {

const ExprContext &context()
{
    static const ExprContext c = [] {
        ExprContext ctx;
        ctx.contexts.insert(
            QStringLiteral("github"),
            QJsonObject{{QStringLiteral("ref"), QStringLiteral("refs/heads/main")},
                        {QStringLiteral("event_name"), QStringLiteral("push")},
                        {QStringLiteral("event"),
                         QJsonObject{{QStringLiteral("labels"),
                                      QJsonArray{QJsonObject{
                                          {QStringLiteral("name"), QStringLiteral("bug")}}}}}}});
        ctx.contexts.insert(QStringLiteral("matrix"),
                            QJsonObject{{QStringLiteral("node"), 18},
                                        {QStringLiteral("os"), QStringLiteral("linux")}});
        ctx.contexts.insert(QStringLiteral("inputs"),
                            QJsonObject{{QStringLiteral("flag"), true},
                                        {QStringLiteral("list"), QStringLiteral("[1,2]")}});
        ctx.hashFiles = [](const QStringList &patterns) -> std::expected<QString, QString> {
            return QString::number(patterns.size());
        };
        return ctx;
    }();
    return c;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    Fuzz::Input input(data, size);
    const bool asCondition = input.byte() & 1;
    const QByteArray bytes = input.rest().toByteArray();
    const QString text = QString::fromUtf8(bytes);
    if (asCondition) {
        const auto condition = Condition::parse(text);
        const auto again = Condition::parse(text);
        DD_FUZZ_CHECK(condition.has_value() == again.has_value());
        if (condition) {
            const auto value = condition->evaluate(context());
            (void)value;
        } else {
            DD_FUZZ_CHECK(condition.error().offset >= 0);
            DD_FUZZ_CHECK(condition.error().offset <= text.size());
            DD_FUZZ_CHECK(!condition.error().message.isEmpty());
        }
        return 0;
    }
    const auto parsed = ExprTemplate::parse(text);
    if (!parsed) {
        DD_FUZZ_CHECK(parsed.error().offset >= 0);
        DD_FUZZ_CHECK(parsed.error().offset <= text.size());
        DD_FUZZ_CHECK(!parsed.error().message.isEmpty());
        return 0;
    }
    if (!text.contains(QLatin1String("${{"))) {
        DD_FUZZ_CHECK(parsed->isLiteral());
        const auto value = parsed->evaluate(context());
        DD_FUZZ_CHECK(value.has_value() && *value == text);
        return 0;
    }
    const auto value = parsed->evaluateValue(context());
    (void)value;
    return 0;
}
