#include "deploy/localservice/servicehealthjob.h"

#include "deploy/localservice/serviceoptions.h"
#include "deploy/localservice/serviceroot.h"

#include "net/httpclient.h"
#include "net/httpjob.h"

namespace DeployDesk::LocalService {

ServiceHealthJob::ServiceHealthJob(TargetRequest request, Deployment deployment, QObject *parent)
    : TargetJob(parent)
    , m_request(std::move(request))
    , m_deployment(std::move(deployment))
{}

ServiceHealthJob::~ServiceHealthJob() = default; // m_get is a child: deleting it aborts

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
    HttpClient client;
    client.setTimeout(options->healthTimeout);
    client.setRetryPolicy(RetryPolicy::none());
    HttpRequest request = HttpRequest::get(url);
    request.headers.append(HttpRequest::Header{"Connection", "close"});
    HttpJob *get = client.send(request, this);
    m_get = get;
    connect(get, &Job::result, this, [this, url, get] {
        get->deleteLater();
        if (isFinished())
            return;
        const int status = get->status();
        if (status == 200) {
            emit logLine(tr("GET %1 answered 200").arg(url.toString()));
            addDeployment(m_deployment);
            emitSuccess();
            return;
        }
        if (status) {
            emitFailure(makeErrorValue(
                ErrorCode::Remote,
                tr("health check of %1 failed: it answered %2").arg(url.toString()).arg(status)));
            return;
        }
        // The client says what happened ("no answer within 10s", "connection refused")
        // after "GET <url>: ", and keeps Timeout apart from Network.
        Error error = get->error();
        const QString prefix = QStringLiteral("GET ") + url.toString() + QStringLiteral(": ");
        const QString what =
            error.message.startsWith(prefix) ? error.message.mid(prefix.size()) : error.message;
        error.message = tr("health check of %1 failed: %2").arg(url.toString(), what);
        emitFailure(std::move(error));
    });
    get->start();
}

void ServiceHealthJob::doCancel()
{
    emitCancelled();
    if (m_get)
        m_get->cancel();
}

} // namespace DeployDesk::LocalService
