#include "deploy/vercel/vercelrollbackjob.h"

#include "net/httpjob.h"

namespace DeployDesk::Vercel {

VercelRollbackJob::VercelRollbackJob(TargetRequest request, Deployment to, Mode mode,
                                     QObject *parent)
    : VercelJob(std::move(request), false, parent)
    , m_to(std::move(to))
    , m_mode(mode)
{}

VercelRollbackJob::~VercelRollbackJob() = default;

void VercelRollbackJob::run()
{
    if (m_to.version.isEmpty()) {
        fail(makeErrorValue(ErrorCode::Invalid, tr("no Vercel deployment id to make live")));
        return;
    }
    m_projectId = m_to.details.value(QStringLiteral("projectId")).toString();
    if (m_projectId.isEmpty())
        m_projectId = options().project;
    call(api().deployment(m_to.version), [this](HttpJob *job) {
        if (job->outcome() == Outcome::Failed) {
            Error error = job->error();
            error.message =
                error.code == ErrorCode::NotFound
                    ? tr("deployment %1 is no longer on Vercel: %2")
                          .arg(m_to.version, error.message)
                    : tr("checking deployment %1 failed: %2").arg(m_to.version, error.message);
            fail(std::move(error));
            return;
        }
        checked(job->jsonObject());
    });
}

void VercelRollbackJob::checked(const QJsonObject &deployment)
{
    m_deployment = deployment;
    const QString state = VercelApi::readyState(deployment);
    if (state != QLatin1String("READY")) {
        fail(makeErrorValue(
            ErrorCode::Conflict,
            tr("deployment %1 is %2 on Vercel; only a READY deployment can be "
               "made live again")
                .arg(m_to.version, state.isEmpty() ? tr("in no known state") : state)));
        return;
    }
    const QString projectId = deployment.value(QStringLiteral("projectId")).toString();
    if (!projectId.isEmpty())
        m_projectId = projectId;
    if (m_mode == Mode::Promote) {
        promote();
        return;
    }
    QString target = m_to.details.value(QStringLiteral("target")).toString();
    if (target.isEmpty())
        target = deployment.value(QStringLiteral("target")).toString();
    if (target.isEmpty() || target == QLatin1String("preview")) {
        done(
            tr("a preview is not promoted: %1 still serves it")
                .arg(VercelApi::deploymentUrl(deployment.value(QStringLiteral("url")).toString())));
        return;
    }
    if (deployment.value(QStringLiteral("readySubstate")).toString() == QLatin1String("STAGED")) {
        log(tr("%1 never served production (STAGED): promoting it").arg(m_to.version));
        promote();
        return;
    }
    rollback(9);
}

void VercelRollbackJob::rollback(int version)
{
    call(api().rollback(m_projectId, m_to.version, version), [this, version](HttpJob *job) {
        if (job->outcome() == Outcome::Success) {
            done(tr("production → %1 (Vercel rollback, no rebuild)").arg(m_to.version));
            return;
        }
        if (job->status() == 404 && version == 9) {
            log(tr("the v9 rollback call answered 404 (%1); trying the documented v1 path")
                    .arg(job->remoteError().message));
            rollback(1);
            return;
        }
        Error error = job->error();
        error.message = tr("rolling %1 back to %2 failed: %3")
                            .arg(options().describeProject(), m_to.version, error.message);
        fail(std::move(error));
    });
}

void VercelRollbackJob::promote()
{
    call(api().promote(m_projectId, m_to.version), [this](HttpJob *job) {
        if (job->outcome() == Outcome::Failed) {
            Error error = job->error();
            error.message = tr("promoting %1 failed: %2").arg(m_to.version, error.message);
            fail(std::move(error));
            return;
        }
        done(job->status() == 202
                 ? tr("production → %1 (promoted, no rebuild; Vercel finishes the switch "
                      "shortly)")
                       .arg(m_to.version)
                 : tr("production → %1 (promoted, no rebuild)").arg(m_to.version));
    });
}

void VercelRollbackJob::done(const QString &how)
{
    log(how);
    Deployment live = VercelApi::toDeployment(m_deployment, options().teamId);
    if (live.version.isEmpty())
        live.version = m_to.version;
    // What was recorded at deploy time stays (branch, target), refreshed by what Vercel says.
    QVariantMap details = m_to.details;
    for (auto it = live.details.cbegin(); it != live.details.cend(); ++it)
        details.insert(it.key(), it.value());
    if (!m_projectId.isEmpty())
        details.insert(QStringLiteral("projectId"), m_projectId);
    live.details = details;
    if (live.url.isEmpty())
        live.url = m_to.url;
    addDeployment(std::move(live));
    emitSuccess();
}

} // namespace DeployDesk::Vercel
