// RunController::startIndexSwitch: `index switch` recorded as a release, the way a rollback is.
#include "run/runcontroller.h"

#include "common/paths.h"
#include "data/reembed/reembedtarget.h"
#include "run/builtinstages.h"
#include "run/reembedstage.h"
#include "store/historystore.h"

namespace DeployDesk {

Result<qint64> RunController::startIndexSwitch(const Pipeline &pipeline,
                                               const IndexSwitchRequest &request)
{
    registerBuiltinStageTypes();
    if (isRunning())
        return makeError(ErrorCode::Invalid, tr("a run is already in progress"));
    const Environment *environment = pipeline.environment(request.environment);
    if (!environment)
        return makeError(ErrorCode::Invalid, tr("environment \"%1\" is not defined in %2")
                                                 .arg(request.environment, pipeline.filePath));
    if (request.version <= 0)
        return makeError(ErrorCode::Invalid,
                         tr("%1 is not an index version; give one the index lists (e.g. 3)")
                             .arg(request.version));
    if (environment->isProtected && !request.approved)
        return makeError(ErrorCode::Invalid,
                         tr("%1 is protected: switching its index needs the same approval as a "
                            "deploy")
                             .arg(request.environment));
    auto stage = reembedStageOf(pipeline, request.environment, m_store->dataDir());
    if (!stage)
        return std::unexpected(stage.error());
    auto setup = Data::ReembedStageOptions::read(stage->request);
    if (!setup)
        return makeError(setup.error().code,
                         tr("stage %1: %2").arg(stage->stage.name, setup.error().toString()));

    RollbackPlan plan;
    plan.workspace = pipeline.workspaceDir;
    plan.environment = request.environment;
    auto live = m_store->liveRelease(pipeline.workspaceDir, request.environment);
    if (!live)
        return std::unexpected(live.error());
    plan.live = *live;
    RollbackStep step;
    step.layer = Layer::VectorIndex;
    if (plan.live)
        if (const ReleaseLayer *l = plan.live->layer(Layer::VectorIndex))
            step.from = l->deployment;
    DeploymentRecord to;
    to.stage = stage->stage.name;
    to.workspace = pipeline.workspaceDir;
    to.environment = request.environment;
    to.deployment = Data::ReembedTarget::deploymentOf(*setup, request.version);
    step.to = to;
    step.changes = true;
    step.mechanism = Data::ReembedTarget().rollbackMechanism();
    plan.steps = {step};
    // The release it makes: the live one's layers, the vector index switched.
    if (plan.live)
        plan.target = *plan.live;
    plan.target.id = 0;

    const QString from = step.from ? step.from->deployment.version : tr("nothing recorded");
    const QString version = to.deployment.version;
    RollbackStart how;
    how.message = request.message.isEmpty()
                      ? tr("index switch to %1").arg(version)
                      : tr("index switch to %1: %2").arg(version, request.message);
    how.operation = QStringLiteral("index-switch");
    how.planText =
        tr("Switch the vector index %1 of %2:\n  vector-index: %3 → %4 by %5")
            .arg(setup->index->name(), request.environment, from, version, step.mechanism);
    how.approved = {{QStringLiteral("environment"), request.environment},
                    {QStringLiteral("version"), version}};
    how.kind = ReleaseKind::IndexSwitch;
    return beginRollbackRun(pipeline, *environment, plan, request.approvedBy, request.approved,
                            how);
}

} // namespace DeployDesk
