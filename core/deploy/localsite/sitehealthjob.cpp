#include "deploy/localsite/sitehealthjob.h"

#include "net/httpclient.h"
#include "net/httpjob.h"

#include <QFileInfo>

namespace DeployDesk::LocalSite {

SiteHealthJob::SiteHealthJob(QString indexFile, QUrl url, QObject *parent,
                             std::chrono::milliseconds timeout)
    : TargetJob(parent)
    , m_indexFile(std::move(indexFile))
    , m_url(std::move(url))
    , m_timeout(timeout)
{}

SiteHealthJob::~SiteHealthJob() = default; // m_get is a child: deleting it aborts

void SiteHealthJob::doStart()
{
    if (!QFileInfo(m_indexFile).isFile()) {
        emitFailure(makeErrorValue(
            ErrorCode::NotFound,
            tr("the release has no index page: %1 does not exist").arg(m_indexFile)));
        return;
    }
    emit logLine(tr("%1 is there").arg(m_indexFile));
    if (m_url.isEmpty()) {
        emitSuccess();
        return;
    }
    HttpClient client;
    client.setTimeout(m_timeout);
    client.setRetryPolicy(RetryPolicy::none());
    HttpJob *get = client.send(HttpRequest::get(m_url), this);
    m_get = get;
    connect(get, &Job::result, this, [this, get] {
        get->deleteLater();
        if (isFinished())
            return;
        const int status = get->status();
        if (status == 200) {
            emit logLine(tr("GET %1 answered 200").arg(m_url.toString()));
            emitSuccess();
        } else if (status != 0) {
            emitFailure(makeErrorValue(
                ErrorCode::Remote,
                tr("GET %1 answered %2, expected 200").arg(m_url.toString()).arg(status)));
        } else {
            // The client says what happened: "GET <url>: no answer within 10s", "... connection
            // refused".
            Error error = get->error();
            const QString prefix = QStringLiteral("GET ") + m_url.toString() + QStringLiteral(": ");
            const QString what =
                error.message.startsWith(prefix) ? error.message.mid(prefix.size()) : error.message;
            error.message = tr("GET %1 failed: %2").arg(m_url.toString(), what);
            emitFailure(std::move(error));
        }
    });
    get->start();
}

void SiteHealthJob::doCancel()
{
    emitCancelled(); // first, so the cancelled request finds the job ended
    if (m_get)
        m_get->cancel();
}

} // namespace DeployDesk::LocalSite
