#pragma once

// What the Workflows tab reads off the GUI thread: the workspace's workflow files (each
// loaded and validated) and a workflow's plan for an event. Both read files and look
// commands up on PATH, so the view runs them on its own thread.

#include "config/workflow.h"
#include "integrations/github/workflowplan.h"

#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

namespace DeployDesk::Ui::Internal {

struct WorkflowFile
{
    QString path;         // absolute
    QString displayPath;  // relative to the workspace: .github/workflows/ci.yml
    QString name;         // the name GitHub shows (Workflow::displayName())
    QStringList problems; // every diagnostic, file:line:column: message; empty when it loads
    Workflow workflow;    // as much as could be read
    bool ok() const { return problems.isEmpty(); }
};

// .github/workflows/*.yml and *.yaml of `workspace`, sorted by name, each loaded.
QList<WorkflowFile> loadWorkflowFiles(const QString &workspace);

// The event a workflow is planned for first: push when it takes it, else its first event.
QString defaultEvent(const Workflow &workflow);

} // namespace DeployDesk::Ui::Internal
