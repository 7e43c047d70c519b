#include "run/reembedstage.h"

#include "common/translate.h"
#include "data/reembed/reembedtarget.h"
#include "engine/runjob.h"
#include "engine/stagejob.h"
#include "run/runcontroller.h"

namespace DeployDesk {

Result<ReembedStage> reembedStageOf(const Pipeline &pipeline, const QString &environment,
                                    const QString &dataDir, const QVariantMap &overrides)
{
    ReembedStage setup;
    setup.environment = environment;
    if (setup.environment.isEmpty() && !pipeline.environments.isEmpty())
        setup.environment = pipeline.environments.first().name;
    const Stage *found = nullptr;
    for (const Stage &s : pipeline.stages)
        if (s.uses == QLatin1String(Data::ReembedTarget::kName))
            found = &s;
    if (!found)
        return makeError(ErrorCode::Invalid,
                         tr("deploydesk.yml has no stage with `uses: reembed`; add one (see "
                            "docs/pipeline-reference.md)"));
    RunPlan plan;
    plan.pipeline = pipeline;
    plan.environment = setup.environment;
    plan.stateDir = RunController::deployStateDir(dataDir, pipeline);
    // The plan holds its own copy of the pipeline: look the stage up there.
    setup.stage = *plan.pipeline.stage(found->name);
    for (auto it = overrides.cbegin(); it != overrides.cend(); ++it)
        setup.stage.with.insert(it.key(), it.value());
    StageContext context = RunJob::contextFor(plan, setup.stage);
    setup.request =
        TargetRequest{StageJob::expandParameters(setup.stage.with, context.env), context};
    return setup;
}

} // namespace DeployDesk
