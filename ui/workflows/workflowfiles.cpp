#include "ui/workflows/workflowfiles.h"

#include "config/workflowloader.h"

#include <QDir>

namespace DeployDesk::Ui::Internal {

QList<WorkflowFile> loadWorkflowFiles(const QString &workspace)
{
    QList<WorkflowFile> files;
    for (const QString &path : WorkflowLoader::workflowFiles(workspace)) {
        const WorkflowLoadResult loaded = WorkflowLoader::loadFile(path, workspace);
        WorkflowFile file;
        file.path = path;
        file.displayPath = loaded.workflow.displayPath.isEmpty()
                               ? QDir(workspace).relativeFilePath(path)
                               : loaded.workflow.displayPath;
        file.name = loaded.workflow.displayName().isEmpty() ? file.displayPath
                                                            : loaded.workflow.displayName();
        for (const Diagnostic &d : loaded.diagnostics)
            file.problems.append(d.toString());
        file.workflow = loaded.workflow;
        files.append(file);
    }
    return files;
}

QString defaultEvent(const Workflow &workflow)
{
    if (workflow.on.has(QStringLiteral("push")) || workflow.on.events.isEmpty())
        return QStringLiteral("push");
    return workflow.on.events.constFirst();
}

} // namespace DeployDesk::Ui::Internal
