#include "healthprobe.h"

#include <QNetworkReply>
#include <QNetworkRequest>

namespace DeployDesk::Ui {

HealthProbe::HealthProbe(QObject *parent)
    : QObject(parent)
{
    m_network.setTransferTimeout(int(m_timeout.count()));
}

HealthProbe::~HealthProbe()
{
    cancelAll();
}

void HealthProbe::setTimeout(std::chrono::milliseconds timeout)
{
    m_timeout = timeout;
    m_network.setTransferTimeout(int(timeout.count()));
}

void HealthProbe::check(const QUrl &url)
{
    discard(m_inFlight.take(url));
    const QString scheme = url.scheme();
    if (!url.isValid() || (scheme != QLatin1String("http") && scheme != QLatin1String("https"))) {
        m_states.insert(url, State::Unknown);
        emit checked(url, State::Unknown, tr("not an http(s) address"));
        return;
    }
    QNetworkRequest request(url);
    request.setTransferTimeout(int(m_timeout.count()));
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute,
                         QNetworkRequest::AlwaysNetwork);
    QNetworkReply *reply = m_network.get(request);
    m_inFlight.insert(url, reply);
    m_states.insert(url, State::Checking);
    connect(reply, &QNetworkReply::finished, this, [this, reply, url] { finished(reply, url); });
}

void HealthProbe::cancelAll()
{
    const auto replies = m_inFlight.values();
    m_inFlight.clear();
    for (const QPointer<QNetworkReply> &r : replies)
        discard(r);
}

void HealthProbe::discard(QNetworkReply *reply)
{
    if (!reply)
        return;
    reply->disconnect(this);
    // Left to end on its own (at most the timeout): aborting a request whose error is
    // already on its way makes Qt complain, and nothing waits for it.
    if (reply->isFinished())
        reply->deleteLater();
    else
        connect(reply, &QNetworkReply::finished, reply, &QObject::deleteLater);
}

void HealthProbe::finished(QNetworkReply *reply, const QUrl &url)
{
    reply->deleteLater();
    if (m_inFlight.value(url) == reply)
        m_inFlight.remove(url);
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    State state = State::Down;
    QString detail;
    if (reply->error() == QNetworkReply::OperationCanceledError) {
        detail = tr("no answer within %n s", nullptr, int(m_timeout.count() / 1000));
    } else if (status > 0) {
        state = status < 400 ? State::Up : State::Down;
        detail = tr("HTTP %1").arg(status);
    } else {
        switch (reply->error()) {
        case QNetworkReply::ConnectionRefusedError:
            detail = tr("connection refused");
            break;
        case QNetworkReply::HostNotFoundError:
            detail = tr("host not found");
            break;
        case QNetworkReply::TimeoutError:
            detail = tr("no answer within %n s", nullptr, int(m_timeout.count() / 1000));
            break;
        case QNetworkReply::SslHandshakeFailedError:
            detail = tr("TLS handshake failed");
            break;
        default:
            detail = reply->errorString();
            if (detail.size() > 40)
                detail = detail.left(39) + QStringLiteral("…");
        }
    }
    m_states.insert(url, state);
    emit checked(url, state, detail);
}

} // namespace DeployDesk::Ui
