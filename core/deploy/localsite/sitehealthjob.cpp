#include "deploy/localsite/sitehealthjob.h"

#include <QFileInfo>
#include <QNetworkReply>
#include <QNetworkRequest>

namespace DeployDesk::LocalSite {
namespace {
constexpr int kTimeoutMs = 10'000;
}

SiteHealthJob::SiteHealthJob(QString indexFile, QUrl url, QObject *parent)
    : TargetJob(parent)
    , m_indexFile(std::move(indexFile))
    , m_url(std::move(url))
{
    m_network.setTransferTimeout(kTimeoutMs);
}

SiteHealthJob::~SiteHealthJob()
{
    if (m_reply)
        m_reply->abort();
}

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
    QNetworkRequest request(m_url);
    request.setTransferTimeout(kTimeoutMs);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::NoLessSafeRedirectPolicy);
    m_reply = m_network.get(request);
    connect(m_reply, &QNetworkReply::finished, this, [this, reply = m_reply] {
        reply->deleteLater();
        if (isFinished())
            return;
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (status == 200) {
            emit logLine(tr("GET %1 answered 200").arg(m_url.toString()));
            emitSuccess();
        } else if (status != 0) {
            emitFailure(makeErrorValue(
                ErrorCode::Remote,
                tr("GET %1 answered %2, expected 200").arg(m_url.toString()).arg(status)));
        } else {
            emitFailure(makeErrorValue(
                ErrorCode::Network,
                tr("GET %1 failed: %2").arg(m_url.toString(), reply->errorString())));
        }
    });
}

void SiteHealthJob::doCancel()
{
    emitCancelled(); // first, so the aborted reply finds the job ended
    if (m_reply)
        m_reply->abort();
}

} // namespace DeployDesk::LocalSite
