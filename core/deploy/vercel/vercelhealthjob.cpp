#include "deploy/vercel/vercelhealthjob.h"

#include "net/httpclient.h"
#include "net/httpjob.h"

namespace DeployDesk::Vercel {

VercelHealthJob::VercelHealthJob(Deployment deployment, QStringList secrets, QObject *parent)
    : TargetJob(parent)
    , m_deployment(std::move(deployment))
    , m_secrets(std::move(secrets))
{}

VercelHealthJob::~VercelHealthJob() = default;

void VercelHealthJob::doStart()
{
    const QUrl url(m_deployment.url);
    if (m_deployment.url.isEmpty() || !url.isValid() || url.host().isEmpty()) {
        emitFailure(makeErrorValue(
            ErrorCode::Invalid, tr("deployment %1 has no URL to check").arg(m_deployment.version)));
        return;
    }
    HttpClient client(Platform::Generic);
    client.addSecrets(m_secrets);
    client.setTimeout(std::chrono::seconds(10));
    RetryPolicy policy;
    policy.maxAttempts = 3;
    client.setRetryPolicy(policy);
    m_job = client.send(HttpRequest::get(url), this);
    connect(m_job, &Job::logLine, this, &Job::logLine);
    connect(m_job, &Job::result, this, [this] {
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
        emit logLine(tr("%1 answered 200").arg(m_deployment.url));
        addDeployment(m_deployment);
        emitSuccess();
    });
    m_job->start();
}

void VercelHealthJob::doCancel()
{
    emitCancelled();
    if (m_job)
        m_job->cancel();
}

} // namespace DeployDesk::Vercel
