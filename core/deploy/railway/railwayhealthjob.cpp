#include "deploy/railway/railwayhealthjob.h"

#include "net/httpclient.h"
#include "net/httpjob.h"

namespace DeployDesk::Railway {

RailwayHealthJob::RailwayHealthJob(Deployment deployment, QString path, QStringList secrets,
                                   QObject *parent)
    : TargetJob(parent)
    , m_deployment(std::move(deployment))
    , m_path(std::move(path))
    , m_secrets(std::move(secrets))
{}

RailwayHealthJob::~RailwayHealthJob() = default;

void RailwayHealthJob::doStart()
{
    const QUrl base(m_deployment.url);
    if (m_deployment.url.isEmpty() || !base.isValid() || base.host().isEmpty()) {
        emitFailure(makeErrorValue(
            ErrorCode::Invalid,
            tr("Railway deployment %1 has no public URL to check: give the service a domain "
               "in Railway (its Settings, Networking, Generate Domain)")
                .arg(m_deployment.version)));
        return;
    }
    const QUrl url = joinUrl(base, m_path);
    HttpClient client(Platform::Generic);
    client.addSecrets(m_secrets);
    client.setTimeout(std::chrono::seconds(10));
    RetryPolicy policy;
    policy.maxAttempts = 3;
    client.setRetryPolicy(policy);
    m_job = client.send(HttpRequest::get(url), this);
    connect(m_job, &Job::logLine, this, &Job::logLine);
    connect(m_job, &Job::result, this, [this, url] {
        HttpJob *job = m_job;
        job->deleteLater();
        if (isFinished() || job->outcome() == Outcome::Cancelled)
            return;
        if (job->outcome() == Outcome::Failed) {
            Error error = job->error();
            error.message = tr("%1 is not healthy: %2").arg(m_deployment.version, error.message);
            emitFailure(std::move(error));
            return;
        }
        if (job->status() != 200) {
            emitFailure(makeErrorValue(
                ErrorCode::Remote,
                tr("%1 is not healthy: %2 answered HTTP %3, not 200")
                    .arg(m_deployment.version, job->url().toString(QUrl::RemoveQuery))
                    .arg(job->status())));
            return;
        }
        emit logLine(tr("%1 answered 200").arg(url.toString(QUrl::RemoveQuery)));
        addDeployment(m_deployment);
        emitSuccess();
    });
    m_job->start();
}

void RailwayHealthJob::doCancel()
{
    emitCancelled();
    if (m_job)
        m_job->cancel();
}

} // namespace DeployDesk::Railway
