#include "engine/healthcheckstage.h"

#include "common/duration.h"

#include <QCoreApplication>
#include <QNetworkReply>
#include <QNetworkRequest>

namespace DeployDesk {

HealthCheckStage::HealthCheckStage(QObject *parent)
    : BuiltinStage(parent)
{
    m_retryTimer.setSingleShot(true);
    connect(&m_retryTimer, &QTimer::timeout, this, &HealthCheckStage::attempt);
}

HealthCheckStage::~HealthCheckStage()
{
    if (m_reply)
        m_reply->abort();
}

void HealthCheckStage::start(const QVariantMap &with, const StageContext &context)
{
    QString url = with.value(QStringLiteral("url")).toString();
    if (url.isEmpty() && !context.environmentUrl.isEmpty())
        url = context.environmentUrl + with.value(QStringLiteral("path")).toString();
    m_url = QUrl(url, QUrl::StrictMode);
    if (url.isEmpty() || !m_url.isValid() || m_url.scheme().isEmpty()) {
        finish(false, tr("health-check needs a valid \"url\" in \"with\" (or an environment "
                         "url); found \"%1\"")
                          .arg(url));
        return;
    }
    bool ok = true;
    if (with.contains(QStringLiteral("expect-status")))
        m_expectStatus = with.value(QStringLiteral("expect-status")).toInt(&ok);
    if (!ok || m_expectStatus < 100 || m_expectStatus > 599) {
        finish(false, tr("\"expect-status\" must be an HTTP status such as 200; found \"%1\"")
                          .arg(with.value(QStringLiteral("expect-status")).toString()));
        return;
    }
    for (const auto &[key, target] :
         {std::pair{QStringLiteral("timeout"), &m_timeout}, std::pair{QStringLiteral("wait"), &m_wait},
          std::pair{QStringLiteral("interval"), &m_interval}}) {
        if (!with.contains(key))
            continue;
        const auto parsed = parseDuration(with.value(key).toString());
        if (!parsed) {
            finish(false, tr("\"%1\" must be a duration such as 10s; found \"%2\"")
                              .arg(key, with.value(key).toString()));
            return;
        }
        *target = *parsed;
    }
    m_network.setTransferTimeout(int(m_timeout.count()));
    m_elapsed.start();
    attempt();
}

void HealthCheckStage::attempt()
{
    ++m_attempts;
    QNetworkRequest request(m_url);
    request.setTransferTimeout(int(m_timeout.count()));
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::NoLessSafeRedirectPolicy);
    m_reply = m_network.get(request);
    connect(m_reply, &QNetworkReply::finished, this, [this, reply = m_reply] {
        reply->deleteLater();
        if (m_done)
            return;
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        QString outcome;
        if (status == m_expectStatus) {
            emit logLine(tr("GET %1 answered %2").arg(m_url.toString()).arg(status));
            finish(true, {});
            return;
        }
        outcome = status ? tr("answered %1, expected %2").arg(status).arg(m_expectStatus)
                         : reply->errorString();
        emit logLine(tr("GET %1 (try %2): %3").arg(m_url.toString()).arg(m_attempts).arg(outcome));
        if (std::chrono::milliseconds(m_elapsed.elapsed()) + m_interval < m_wait) {
            m_retryTimer.start(m_interval);
            return;
        }
        finish(false, tr("health check of %1 failed: %2").arg(m_url.toString(), outcome));
    });
}

void HealthCheckStage::cancel()
{
    m_retryTimer.stop();
    if (m_reply)
        m_reply->abort();
    finish(false, tr("cancelled"));
}

void HealthCheckStage::finish(bool success, const QString &reason)
{
    if (m_done)
        return;
    m_done = true;
    // Always asynchronous, so start() never reports before it returns.
    QMetaObject::invokeMethod(
        this, [this, success, reason] { emit finished(success, reason); }, Qt::QueuedConnection);
}

} // namespace DeployDesk
