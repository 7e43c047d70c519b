#pragma once

// What the panel's Run Locally starts, prepared as `deploydeskctl workflow run` prepares it:
// the workflow file loaded and planned for the event (with the workflow_dispatch inputs),
// its jobs as a pipeline, the workflow's `concurrency:` evaluated into the request, and the
// jobs that deploy to an environment deploydesk.yml protects (they need an approval first).
// Reads files and looks commands up on PATH: for RunService's thread.

#include "common/error.h"
#include "config/pipeline.h"
#include "run/runcontroller.h"

#include <QList>
#include <QMap>
#include <QMetaType>
#include <QString>
#include <QStringList>

namespace DeployDesk::Ui {

// An approval given in the panel for a protected environment a workflow's jobs deploy to;
// recorded with the run as an "approved" event, as `workflow run --approve` records it.
struct WorkflowApproval
{
    QString environment;
    QString approver;
    QString reason;
};

namespace Internal {

struct PreparedWorkflowRun
{
    Pipeline pipeline;
    RunRequest request; // the stages and the concurrency group
    // Environment deploydesk.yml protects -> the jobs that deploy there and would run.
    QMap<QString, QStringList> protectedJobs;
};

Result<PreparedWorkflowRun> prepareWorkflowRun(const QString &workspace, const QString &path,
                                               const QString &event,
                                               const QMap<QString, QString> &inputs);

} // namespace Internal
} // namespace DeployDesk::Ui
