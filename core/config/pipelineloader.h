#pragma once

#include "config/paramschema.h"
#include "config/pipeline.h"

#include <QList>
#include <QMap>

#include <functional>

namespace DeployDesk {

struct Diagnostic
{
    SourceLocation where; // 1-based
    QString message;
    QString toString() const { return where.toString() + QStringLiteral(": ") + message; }
};

struct LoadOptions
{
    // Names of the built-in stage types that `uses:` may name; when empty, `uses` is
    // not checked (editors and tests that know no registry).
    QStringList knownStageTypes;
    // The parameters each built-in stage type takes in `with:`. A type without an entry
    // (or with an empty schema) takes any parameters.
    QMap<QString, ParamSchema> stageTypeParams;
    // Tells whether a secret has a value; when empty, secrets are not checked.
    std::function<bool(const QString &)> secretIsSet;
    // The run the secrets are checked for: only the stages that would start in it (their
    // `if:` matches `environment`, which must exist when set, and they are among `stages`
    // and what those need; all stages when empty) need their secrets set.
    QString environment;
    QStringList stages;
};

struct LoadResult
{
    Pipeline pipeline;             // as much as could be read
    QList<Diagnostic> diagnostics; // every problem, in file order
    bool ok() const { return diagnostics.isEmpty(); }
};

// Reads and validates a deploydesk.yml. Never throws. Reports every problem at once.
class PipelineLoader final
{
public:
    static LoadResult loadFile(const QString &path, const LoadOptions &options = {});
    // For tests and editors: `displayPath` is what diagnostics name (env-files are named
    // next to it). `workspaceDir` empty: workdirs are not checked and env-files not read.
    static LoadResult loadString(const QByteArray &yaml, const QString &displayPath,
                                 const QString &workspaceDir, const LoadOptions &options = {});
};

} // namespace DeployDesk
