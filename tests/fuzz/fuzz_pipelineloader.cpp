// The pipeline loader (core/config/pipelineloader.cpp): reads a deploydesk.yml written by
// hand. Input: the file's bytes. Byte 0 chooses the options (a known stage registry with
// parameter schemas, a secret store, an environment) the way the app and the CLI call it.
// Properties: no crash, no uncaught exception (the loader promises never to throw), every
// diagnostic has a 1-based location in the file and a message, and none is an "internal
// error" (the loader reports that only when its own type checks missed something).

#include "config/pipelineloader.h"
#include "fuzzinput.h"

using namespace DeployDesk;
using namespace DeployDesk::Fuzz;

namespace {

LoadOptions options(quint8 choice)
{
    LoadOptions o;
    if (choice & 1) {
        o.knownStageTypes = {QStringLiteral("local-site"), QStringLiteral("local-service"),
                             QStringLiteral("vercel"), QStringLiteral("migrate")};
        using Kind = ParamSpec::Kind;
        const auto spec = [](const char *name, Kind kind, bool required) {
            ParamSpec p;
            p.name = QString::fromLatin1(name);
            p.kind = kind;
            p.required = required;
            if (kind == Kind::Choice)
                p.choices = {QStringLiteral("blue-green"), QStringLiteral("in-place")};
            if (kind == Kind::Int)
                p.max = 100;
            return p;
        };
        o.stageTypeParams.insert(
            QStringLiteral("local-site"),
            ParamSchema{
                spec("source", Kind::String, true), spec("keep", Kind::Int, false),
                spec("healthcheck", Kind::Bool, false), spec("timeout", Kind::Duration, false),
                spec("paths", Kind::StringList, false), spec("strategy", Kind::Choice, false)});
    }
    if (choice & 2)
        o.secretIsSet = [](const QString &name) { return name.startsWith(u'A'); };
    if (choice & 4)
        o.environment = QStringLiteral("production");
    return o;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    Input input(data, size);
    const LoadOptions loadOptions = options(input.byte());
    const QByteArray yaml = input.rest().toByteArray();

    const LoadResult result =
        PipelineLoader::loadString(yaml, QStringLiteral("deploydesk.yml"), QString(), loadOptions);
    const int lines = int(yaml.count('\n')) + 2; // yaml-cpp may point just past the end
    for (const Diagnostic &d : result.diagnostics) {
        DD_FUZZ_CHECK(d.where.file == QStringLiteral("deploydesk.yml"));
        DD_FUZZ_CHECK(d.where.line >= 1 && d.where.line <= lines);
        DD_FUZZ_CHECK(d.where.column >= 1);
        DD_FUZZ_CHECK(!d.message.isEmpty());
        if (d.message.contains(QStringLiteral("internal error"))) {
            std::fprintf(stderr, "%s\n", qPrintable(d.toString()));
            DD_FUZZ_CHECK(!"the loader hit an internal error");
        }
    }
    return 0;
}
