// The GitHub Actions workflow loader (core/config/workflowloader.cpp) on arbitrary bytes.
// Properties: no crash, no exception escapes, bounded work (aliases, nesting, matrices and
// expressions are all bounded); every diagnostic has a position inside the file and a
// message; a file with no diagnostics has at least one job.

#include "config/workflowloader.h"
#include "fuzzinput.h"

using namespace DeployDesk;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray yaml(reinterpret_cast<const char *>(data), qsizetype(size));
    const WorkflowLoadResult result = WorkflowLoader::loadString(yaml, QStringLiteral("w.yml"));
    const qsizetype lines = yaml.count('\n') + 1;
    for (const Diagnostic &d : result.diagnostics) {
        DD_FUZZ_CHECK(d.where.file == QLatin1String("w.yml"));
        DD_FUZZ_CHECK(d.where.line >= 1 && d.where.line <= lines + 1);
        DD_FUZZ_CHECK(d.where.column >= 1);
        DD_FUZZ_CHECK(!d.message.isEmpty());
    }
    if (result.ok())
        DD_FUZZ_CHECK(!result.workflow.jobs.isEmpty());
    return 0;
}
