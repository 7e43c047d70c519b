#include "deploy/railway/railwayrollbackjob.h"

#include "common/duration.h"
#include "net/graphqljob.h"
#include "net/httpjob.h"

#include <QJsonArray>

namespace DeployDesk::Railway {
namespace {
// After a lost rollback answer: this many looks for a deployment it started.
constexpr int kLostAnswerTries = 3;
// Deployments looked at for the one a rollback started.
constexpr int kRecent = 5;
} // namespace

RailwayRollbackJob::RailwayRollbackJob(TargetRequest request, Deployment to, QObject *parent)
    : RailwayJob(std::move(request), false, parent)
    , m_to(std::move(to))
{}

RailwayRollbackJob::~RailwayRollbackJob() = default;

void RailwayRollbackJob::run()
{
    if (m_to.version.isEmpty()) {
        fail(makeErrorValue(ErrorCode::Invalid, tr("no Railway deployment id to make live")));
        return;
    }
    send(RailwayApi::kDeployment, {{QStringLiteral("id"), m_to.version}}, [this](GraphQlJob *job) {
        if (job->outcome() == Outcome::Failed) {
            Error error = job->error();
            error.message = error.code == ErrorCode::NotFound
                                ? tr("deployment %1 is no longer on Railway (nothing changed): %2")
                                      .arg(m_to.version, error.message)
                                : tr("checking Railway deployment %1 failed (nothing changed): %2")
                                      .arg(m_to.version, error.message);
            fail(std::move(error));
            return;
        }
        checked(job->data().value(QStringLiteral("deployment")).toObject());
    });
}

void RailwayRollbackJob::checked(const QJsonObject &deployment)
{
    const QString status = deployment.value(QStringLiteral("status")).toString();
    m_scope.projectId = deployment.value(QStringLiteral("projectId")).toString();
    m_scope.environmentId = deployment.value(QStringLiteral("environmentId")).toString();
    m_scope.serviceId = deployment.value(QStringLiteral("serviceId")).toString();
    m_scope.serviceName = m_to.details.value(QStringLiteral("serviceName")).toString();
    m_scope.environmentName = m_to.details.value(QStringLiteral("environmentName")).toString();
    m_scope.projectName = m_to.details.value(QStringLiteral("projectName")).toString();
    if (m_scope.serviceId.isEmpty() || m_scope.environmentId.isEmpty()) {
        fail(makeErrorValue(ErrorCode::Remote,
                            tr("Railway answered deployment %1 without its service and "
                               "environment")
                                .arg(m_to.version)));
        return;
    }
    if (RailwayApi::isLive(status)) {
        done(deployment, tr("deployment %1 is live already (%2): nothing to roll back")
                             .arg(m_to.version, status));
        return;
    }
    if (!deployment.value(QStringLiteral("canRollback")).toBool()) {
        const QString commit = m_to.details.value(QStringLiteral("commit")).toString();
        fail(makeErrorValue(
            ErrorCode::Conflict,
            tr("Railway does not allow rolling %1 back to deployment %2 (canRollback is false; "
               "it is %3): a deployment older than the plan's retention, or one that never "
               "went live, cannot be restored. Nothing was changed. Deploy %4 again instead")
                .arg(m_scope.describe(), m_to.version, status,
                     commit.isEmpty() ? tr("its source") : tr("commit %1").arg(commit.left(12)))));
        return;
    }
    newestDeployment([this](const QJsonObject &newest) {
        m_before = newest.value(QStringLiteral("id")).toString();
        rollBack();
    });
}

void RailwayRollbackJob::rollBack()
{
    send(RailwayApi::kRollback, {{QStringLiteral("id"), m_to.version}}, [this](GraphQlJob *job) {
        if (job->outcome() == Outcome::Failed) {
            if (outcomeUnknown(job)) {
                log(tr("the answer to the rollback call was lost (%1); looking for the "
                       "deployment it may have started")
                        .arg(job->error().message));
                findLive(kLostAnswerTries, job->error());
                return;
            }
            fail(prefixed(job->error(), tr("Railway refused to roll %1 back to %2: ")
                                            .arg(m_scope.describe(), m_to.version)));
            return;
        }
        const QJsonValue answer = job->data().value(QStringLiteral("deploymentRollback"));
        if (!answer.toBool()) {
            fail(makeErrorValue(
                ErrorCode::Remote,
                tr("Railway answered %1 to deploymentRollback(%2): nothing was "
                   "rolled back")
                    .arg(answer.isBool() ? QStringLiteral("false") : tr("no Boolean"),
                         m_to.version)));
            return;
        }
        log(tr("Railway is rolling %1 back to deployment %2")
                .arg(m_scope.describe(), m_to.version));
        // Until the timeout: Railway has accepted the rollback.
        const int tries =
            int(options().timeout / std::max(options().pollInterval, std::chrono::milliseconds(1)));
        findLive(std::max(tries, kLostAnswerTries), std::nullopt);
    });
}

void RailwayRollbackJob::findLive(int triesLeft, const std::optional<Error> &lost)
{
    const QJsonObject variables{
        {QStringLiteral("input"),
         RailwayApi::listInput(m_scope.projectId, m_scope.environmentId, m_scope.serviceId)},
        {QStringLiteral("first"), kRecent}};
    send(RailwayApi::kDeployments, variables, [this, triesLeft, lost](GraphQlJob *job) {
        if (job->outcome() == Outcome::Success) {
            const QJsonArray edges = job->data()
                                         .value(QStringLiteral("deployments"))
                                         .toObject()
                                         .value(QStringLiteral("edges"))
                                         .toArray();
            // A deployment newer than the one live before, or the old one active again.
            QString found;
            for (qsizetype i = 0; i < edges.size(); ++i) {
                const QJsonObject node =
                    edges.at(i).toObject().value(QStringLiteral("node")).toObject();
                const QString id = node.value(QStringLiteral("id")).toString();
                if (i == 0 && !id.isEmpty() && id != m_before) {
                    found = id;
                    break;
                }
                if (id == m_to.version &&
                    !RailwayApi::isFailed(node.value(QStringLiteral("status")).toString())) {
                    found = id;
                    break;
                }
            }
            if (!found.isEmpty()) {
                log(tr("deployment %1 restores %2; following it").arg(found, m_to.version));
                follow(found, [this](const QJsonObject &deployment) {
                    done(deployment,
                         tr("%1 → deployment %2 (Railway rollback to %3, no rebuild)")
                             .arg(m_scope.describe(),
                                  deployment.value(QStringLiteral("id")).toString(), m_to.version));
                });
                return;
            }
        } else if (job->error().code == ErrorCode::Unauthorized) {
            fail(prefixed(job->error(), tr("looking for the rollback's deployment failed: ")));
            return;
        }
        if (triesLeft <= 1) {
            if (lost)
                fail(prefixed(*lost, tr("rolling %1 back to %2 failed, and no deployment for it "
                                        "appeared on Railway (nothing changed): ")
                                         .arg(m_scope.describe(), m_to.version)));
            else
                fail(makeErrorValue(
                    ErrorCode::Timeout,
                    tr("Railway accepted the rollback of %1 to %2, but no "
                       "deployment for it appeared within %3")
                        .arg(m_scope.describe(), m_to.version, formatDuration(options().timeout))));
            return;
        }
        after(options().pollInterval, [this, triesLeft, lost] { findLive(triesLeft - 1, lost); });
    });
}

void RailwayRollbackJob::done(const QJsonObject &deployment, const QString &how)
{
    log(how);
    Deployment live = RailwayApi::toDeployment(deployment);
    if (live.version.isEmpty())
        live.version = m_to.version;
    // What was recorded at deploy time stays (names, commit), refreshed by what Railway says.
    QVariantMap details = m_to.details;
    for (auto it = live.details.cbegin(); it != live.details.cend(); ++it)
        details.insert(it.key(), it.value());
    if (live.version != m_to.version)
        details.insert(QStringLiteral("restores"), m_to.version);
    live.details = details;
    if (live.url.isEmpty())
        live.url = m_to.url;
    addDeployment(std::move(live));
    emitSuccess();
}

} // namespace DeployDesk::Railway
