#pragma once

// What `deploydeskctl workflow run` and the panel's Run Locally share to start a GitHub
// Actions workflow here: the facts of the workspace a plan needs, the workflow's
// `concurrency:` evaluated into the run request, and the jobs that deploy to an environment
// deploydesk.yml protects (they need an approval first). Reads files and runs git: not for
// the GUI thread.

#include "common/error.h"
#include "config/workflow.h"
#include "integrations/github/workflowplan.h"
#include "run/runcontroller.h"

#include <QMap>
#include <QString>
#include <QStringList>

namespace DeployDesk {

// The event (push when empty), the workflow_dispatch inputs, and the workspace's facts:
// its git commit and branch (refs/heads/…), the repository (GITHUB_REPOSITORY or the git
// remote origin), the user.
WorkflowPlanOptions workflowPlanOptions(const QString &workspace, const QString &event,
                                        const QMap<QString, QString> &inputs = {});

// The workflow's `concurrency:` (the github, inputs and vars contexts, as on GitHub) into
// request.concurrencyGroup and request.cancelInProgress; nothing when it has none. An
// expression that cannot be evaluated is an Invalid error at its place in the file.
Result<void> applyWorkflowConcurrency(const Workflow &workflow, const WorkflowPlanOptions &options,
                                      const WorkflowPlan &plan, RunRequest &request);

// Environment that `workspace`'s deploydesk.yml protects -> the names of the jobs of `plan`
// that would run here and deploy there. Empty without a deploydesk.yml.
QMap<QString, QStringList> protectedEnvironmentJobs(const WorkflowPlan &plan,
                                                    const QString &workspace);

} // namespace DeployDesk
