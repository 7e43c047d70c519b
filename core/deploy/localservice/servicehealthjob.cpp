#include "deploy/localservice/servicehealthjob.h"

#include "deploy/localservice/serviceoptions.h"
#include "deploy/localservice/serviceroot.h"

#include <QNetworkReply>
#include <QNetworkRequest>

namespace DeployDesk::LocalService {

ServiceHealthJob::ServiceHealthJob(TargetRequest request, Deployment deployment, QObject *parent)
    : TargetJob(parent)
    , m_request(std::move(request))
    , m_deployment(std::move(deployment))
{}

ServiceHealthJob::~ServiceHealthJob()
{
    if (m_reply)
        m_reply->abort();
}

void ServiceHealthJob::doStart()
{
    const auto options = parseOptions(m_request, Need::Root);
    if (!options) {
        emitFailure(options.error());
        return;
    }
    const auto active = ServiceRoot(options->root).active();
    int port = m_deployment.details.value(QStringLiteral("port")).toInt();
    if (port <= 0)
        port = options->port > 0 ? options->port : (active ? active->port : 0);
    QString path = m_deployment.details.value(QStringLiteral("healthPath")).toString();
    if (path.isEmpty())
        path = m_request.with.contains(QStringLiteral("health-path")) || !active
                   ? options->healthPath
                   : active->healthPath;
    if (port <= 0) {
        emitFailure(makeErrorValue(ErrorCode::Invalid,
                                   tr("no port to check: nothing is live in %1 and \"port\" is "
                                      "not set")
                                       .arg(options->root)));
        return;
    }
    QUrl url;
    url.setScheme(QStringLiteral("http"));
    url.setHost(QStringLiteral("127.0.0.1"));
    url.setPort(port);
    url.setPath(path);
    QNetworkRequest request(url);
    request.setTransferTimeout(10000);
    request.setRawHeader("Connection", "close");
    m_reply = m_network.get(request);
    connect(m_reply, &QNetworkReply::finished, this, [this, url, reply = m_reply] {
        reply->deleteLater();
        if (isFinished())
            return;
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (status == 200) {
            emit logLine(tr("GET %1 answered 200").arg(url.toString()));
            addDeployment(m_deployment);
            emitSuccess();
            return;
        }
        emitFailure(makeErrorValue(
            status ? ErrorCode::Remote : ErrorCode::Network,
            status
                ? tr("health check of %1 failed: it answered %2").arg(url.toString()).arg(status)
                : tr("health check of %1 failed: %2").arg(url.toString(), reply->errorString())));
    });
}

void ServiceHealthJob::doCancel()
{
    emitCancelled();
    if (m_reply)
        m_reply->abort();
}

} // namespace DeployDesk::LocalService
