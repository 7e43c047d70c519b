#include "run/workflowrun.h"

#include "common/translate.h"
#include "config/expression.h"
#include "config/pipelineloader.h"
#include "integrations/github/deploymentreporter.h"
#include "run/gitinfo.h"

#include <QDir>
#include <QFileInfo>
#include <QProcessEnvironment>
#include <QSet>

namespace DeployDesk {

WorkflowPlanOptions workflowPlanOptions(const QString &workspace, const QString &event,
                                        const QMap<QString, QString> &inputs)
{
    WorkflowPlanOptions options;
    options.event = event.isEmpty() ? QStringLiteral("push") : event;
    options.inputs = inputs;
    options.workspaceDir = workspace;
    const GitInfo git = readGitInfo(workspace);
    options.sha = git.commit;
    if (!git.branch.isEmpty())
        options.ref = QStringLiteral("refs/heads/") + git.branch;
    // A `github:` section with problems leaves the defaults (validate and the remote
    // commands name the problems).
    if (const auto place = locateGitHub(workspace, QProcessEnvironment::systemEnvironment())) {
        if (!place->owner.isEmpty())
            options.repository = place->owner + u'/' + place->repository;
        options.apiUrl = place->apiUrl.toString();
    }
    options.actor = qEnvironmentVariable("USER");
    return options;
}

Result<void> applyWorkflowConcurrency(const Workflow &workflow, const WorkflowPlanOptions &options,
                                      const WorkflowPlan &plan, RunRequest &request)
{
    if (!workflow.concurrency.isSet())
        return {};
    ExprContext context;
    context.contexts.insert(QStringLiteral("github"),
                            githubContext(workflow, options, plan.inputs));
    context.contexts.insert(QStringLiteral("inputs"), plan.inputs);
    context.contexts.insert(QStringLiteral("vars"), QJsonObject());
    const auto evaluate = [&](const WorkflowText &text) -> Result<QString> {
        const auto parsed = ExprTemplate::parse(text.text);
        const auto value = parsed
                               ? parsed->evaluate(context)
                               : std::expected<QString, ExprError>(std::unexpected(parsed.error()));
        if (!value)
            return std::unexpected(Error{ErrorCode::Invalid,
                                         tr("\"concurrency\": %1").arg(value.error().message),
                                         {},
                                         text.where});
        return *value;
    };
    const auto group = evaluate(workflow.concurrency.group);
    if (!group)
        return std::unexpected(group.error());
    const auto cancel = workflow.concurrency.cancelInProgress.isSet()
                            ? evaluate(workflow.concurrency.cancelInProgress)
                            : Result<QString>(QStringLiteral("false"));
    if (!cancel)
        return std::unexpected(cancel.error());
    request.concurrencyGroup = *group;
    request.cancelInProgress = *cancel == u"true";
    return {};
}

QMap<QString, QStringList> protectedEnvironmentJobs(const WorkflowPlan &plan,
                                                    const QString &workspace)
{
    const QString own = QDir(workspace).filePath(QStringLiteral("deploydesk.yml"));
    QSet<QString> protectedNames;
    if (QFileInfo::exists(own)) {
        for (const Environment &e : PipelineLoader::loadFile(own).pipeline.environments) {
            if (e.isProtected)
                protectedNames.insert(e.name);
        }
    }
    QMap<QString, QStringList> jobs;
    for (const PlannedJob &job : plan.jobs) {
        if (job.runsHere && job.decision != PlannedJob::Decision::Skipped &&
            protectedNames.contains(job.environment))
            jobs[job.environment].append(job.name);
    }
    return jobs;
}

} // namespace DeployDesk
