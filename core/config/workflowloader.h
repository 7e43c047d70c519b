#pragma once

#include "config/pipelineloader.h"
#include "config/workflow.h"

namespace DeployDesk {

struct WorkflowLoadResult
{
    Workflow workflow;             // as much as could be read
    QList<Diagnostic> diagnostics; // every problem, in file order
    bool ok() const { return diagnostics.isEmpty(); }
};

// Reads and validates a GitHub Actions workflow file, like PipelineLoader: never throws,
// reports every problem at once with file:line:column — unknown keys, `needs` naming
// unknown jobs or making a cycle, events, typed inputs, cron lines, matrices, and every
// `${{ }}` (its syntax, and whether the contexts and functions it uses are available where
// it stands, by GitHub's context availability table).
struct LocalActionLoadResult
{
    LocalAction action;
    QList<Diagnostic> diagnostics;
    bool ok() const { return diagnostics.isEmpty(); }
};

class WorkflowLoader final
{
public:
    // `workspaceDir`: diagnostics name the file relative to it.
    static WorkflowLoadResult loadFile(const QString &path, const QString &workspaceDir);
    static WorkflowLoadResult loadString(const QByteArray &yaml, const QString &displayPath,
                                         const QString &workspaceDir = {});
    // `.github/workflows/*.yml` and `*.yaml` of a workspace, sorted by name, absolute.
    static QStringList workflowFiles(const QString &workspaceDir);
    // The action.yml (or action.yaml) of a local action, validated like a workflow: its
    // inputs, outputs and, for a composite action, its steps (a `run` step must name its
    // `shell`, as GitHub requires there). `workspaceDir`: diagnostics name the file
    // relative to it.
    static LocalActionLoadResult loadLocalAction(const QString &actionDir,
                                                 const QString &workspaceDir);
};

} // namespace DeployDesk
