#include "ui/workflows/workflowstart.h"

#include "common/translate.h"
#include "config/workflowloader.h"
#include "integrations/github/workflowpipeline.h"
#include "run/workflowrun.h"
#include "ui/workflows/workflowfiles.h"

#include <QDir>

namespace DeployDesk::Ui::Internal {

Result<PreparedWorkflowRun> prepareWorkflowRun(const QString &workspace, const QString &path,
                                               const QString &event,
                                               const QMap<QString, QString> &inputs)
{
    const WorkflowLoadResult loaded = WorkflowLoader::loadFile(path, workspace);
    if (!loaded.ok())
        return makeError(ErrorCode::Invalid, tr("%1 has %n problem(s); the first: %2", nullptr,
                                                int(loaded.diagnostics.size()))
                                                 .arg(QDir(workspace).relativeFilePath(path),
                                                      loaded.diagnostics.constFirst().toString()));
    const Workflow &workflow = loaded.workflow;
    const WorkflowPlanOptions options = DeployDesk::workflowPlanOptions(workspace, event, inputs);
    const WorkflowPlan plan = planWorkflow(workflow, options);
    if (!plan.ok())
        return makeError(ErrorCode::Invalid, plan.problems.join(QLatin1Char('\n')));

    PreparedWorkflowRun prepared;
    WorkflowPipeline built = workflowPipeline(workflow, plan, options, path, {});
    prepared.pipeline = std::move(built.pipeline);
    prepared.request.stages = built.selection;

    if (auto applied = applyWorkflowConcurrency(workflow, options, plan, prepared.request);
        !applied)
        return std::unexpected(applied.error());
    // Jobs deploying to an environment deploydesk.yml protects ask first, as a deploy
    // there does.
    prepared.protectedJobs = protectedEnvironmentJobs(plan, workspace);
    return prepared;
}

} // namespace DeployDesk::Ui::Internal
