#pragma once

// A GitHub Actions workflow as the DeployDesk pipeline that runs it on this machine: one
// `github-job` stage per job (per matrix leg), shared by `deploydeskctl workflow run` and
// the panel's Workflows view.

#include "config/pipeline.h"
#include "config/workflow.h"
#include "integrations/github/workflowplan.h"

namespace DeployDesk {

struct WorkflowPipeline
{
    Pipeline pipeline;
    QStringList selection; // the stages of the jobs asked for (empty: all)
};

// `plan` is planWorkflow(workflow, options); `path` the workflow file; `jobsAsked` job ids
// to run (with what they need), empty for all. Jobs that cannot run here get their reason
// as the stage's skip reason; `if: always()`/`failure()`/`cancelled()` jobs run after
// failed needs; timeout-minutes (GitHub's default 360) and continue-on-error carry over;
// each job gets the secrets its text names (all optional, as on GitHub).
WorkflowPipeline workflowPipeline(const Workflow &workflow, const WorkflowPlan &plan,
                                  const WorkflowPlanOptions &options, const QString &path,
                                  const QStringList &jobsAsked);

} // namespace DeployDesk
