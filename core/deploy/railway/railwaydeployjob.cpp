#include "deploy/railway/railwaydeployjob.h"

#include "net/graphqljob.h"
#include "net/httpjob.h"

namespace DeployDesk::Railway {

RailwayDeployJob::RailwayDeployJob(TargetRequest request, QObject *parent)
    : RailwayJob(std::move(request), true, parent)
{}

RailwayDeployJob::~RailwayDeployJob() = default;

void RailwayDeployJob::run()
{
    resolve([this] {
        const RailwayOptions &o = options();
        log(o.commit.isEmpty() ? tr("deploying %1 on Railway (its source as configured there)")
                                     .arg(scope().describe())
                               : tr("deploying %1 on Railway at commit %2")
                                     .arg(scope().describe(), o.commit.left(12)));
        newestDeployment([this](const QJsonObject &newest) {
            m_before = newest.value(QStringLiteral("id")).toString();
            deploy();
        });
    });
}

void RailwayDeployJob::deploy()
{
    QJsonObject variables{{QStringLiteral("environmentId"), scope().environmentId},
                          {QStringLiteral("serviceId"), scope().serviceId}};
    if (!options().commit.isEmpty())
        variables.insert(QStringLiteral("commitSha"), options().commit);
    send(RailwayApi::kDeploy, variables, [this](GraphQlJob *job) {
        if (job->outcome() == Outcome::Failed) {
            if (outcomeUnknown(job)) {
                recover(job->error());
                return;
            }
            fail(prefixed(job->error(),
                          tr("Railway refused to deploy %1: ").arg(scope().describe())));
            return;
        }
        const QString id = job->data().value(QStringLiteral("serviceInstanceDeployV2")).toString();
        if (id.isEmpty()) {
            fail(makeErrorValue(ErrorCode::Remote,
                                tr("Railway answered serviceInstanceDeployV2 without a "
                                   "deployment id"),
                                masked(QString::fromUtf8(job->httpJob()->body().left(4096)))));
            return;
        }
        log(tr("deployment %1 started").arg(id));
        follow(id, [this](const QJsonObject &deployment) { succeed(deployment); });
    });
}

void RailwayDeployJob::recover(const Error &lost)
{
    log(tr("the answer to the deploy call was lost (%1); looking for the deployment it may "
           "have started")
            .arg(lost.message));
    after(options().pollInterval, [this, lost] {
        newestDeployment([this, lost](const QJsonObject &newest) {
            const QString id = newest.value(QStringLiteral("id")).toString();
            if (id.isEmpty() || id == m_before) {
                fail(prefixed(lost, tr("deploying %1 failed, and no new deployment appeared on "
                                       "Railway (nothing changed; run the deploy again): ")
                                        .arg(scope().describe())));
                return;
            }
            log(tr("deployment %1 appeared meanwhile; following it").arg(id));
            follow(id, [this](const QJsonObject &deployment) { succeed(deployment); });
        });
    });
}

void RailwayDeployJob::succeed(const QJsonObject &deployment)
{
    Deployment result = RailwayApi::toDeployment(deployment);
    QVariantMap &d = result.details;
    d.insert(QStringLiteral("projectId"), scope().projectId);
    d.insert(QStringLiteral("environmentId"), scope().environmentId);
    d.insert(QStringLiteral("serviceId"), scope().serviceId);
    if (!scope().serviceName.isEmpty())
        d.insert(QStringLiteral("serviceName"), scope().serviceName);
    if (!scope().environmentName.isEmpty())
        d.insert(QStringLiteral("environmentName"), scope().environmentName);
    if (!scope().projectName.isEmpty())
        d.insert(QStringLiteral("projectName"), scope().projectName);
    if (!options().commit.isEmpty() && !d.contains(QStringLiteral("commit")))
        d.insert(QStringLiteral("commit"), options().commit);
    log(result.url.isEmpty()
            ? tr("live: deployment %1 (the service has no public domain)").arg(result.version)
            : tr("live: %1 (deployment %2)").arg(result.url, result.version));
    addDeployment(std::move(result));
    emitSuccess();
}

} // namespace DeployDesk::Railway
