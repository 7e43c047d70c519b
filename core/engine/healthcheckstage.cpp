#include "engine/healthcheckstage.h"

#include "common/duration.h"
#include "net/httpclient.h"
#include "net/httpjob.h"

namespace DeployDesk {

HealthCheckStage::HealthCheckStage(QObject *parent)
    : BuiltinStage(parent)
{
    m_retryTimer.setSingleShot(true);
    connect(&m_retryTimer, &QTimer::timeout, this, &HealthCheckStage::attempt);
}

HealthCheckStage::~HealthCheckStage() = default; // m_request is a child: deleting it aborts

ParamSchema HealthCheckStage::params()
{
    using K = ParamSpec::Kind;
    return {
        {QStringLiteral("url"), K::String, false, tr("the URL to GET"), {}, 0, 0},
        {QStringLiteral("path"), K::String, false,
         tr("appended to the environment's url when there is no \"url\""), {}, 0, 0},
        {QStringLiteral("expect-status"), K::Int, false, tr("the HTTP status that means healthy"),
         {}, 100, 599},
        {QStringLiteral("timeout"), K::Duration, false, tr("time allowed for one request"), {}, 0, 0},
        {QStringLiteral("wait"), K::Duration, false, tr("keep trying this long"), {}, 0, 0},
        {QStringLiteral("interval"), K::Duration, false, tr("time between tries"), {}, 0, 0},
        {QStringLiteral("on-failure"), K::Choice, false,
         tr("what a failed check does: fail the stage, or also roll the environment back"),
         {QStringLiteral("fail"), QStringLiteral("rollback")}, 0, 0},
    };
}

void HealthCheckStage::doStart()
{
    const QVariantMap &with = this->with();
    const StageContext &context = this->context();
    QString url = with.value(QStringLiteral("url")).toString();
    if (url.isEmpty() && !context.environmentUrl.isEmpty())
        url = context.environmentUrl + with.value(QStringLiteral("path")).toString();
    m_url = QUrl(url, QUrl::StrictMode);
    if (url.isEmpty() || !m_url.isValid() || m_url.scheme().isEmpty()) {
        fail(ErrorCode::Invalid, tr("health-check needs a valid \"url\" in \"with\" (or an environment "
                         "url); found \"%1\"")
                          .arg(url));
        return;
    }
    bool ok = true;
    if (with.contains(QStringLiteral("expect-status")))
        m_expectStatus = with.value(QStringLiteral("expect-status")).toInt(&ok);
    if (!ok || m_expectStatus < 100 || m_expectStatus > 599) {
        fail(ErrorCode::Invalid, tr("\"expect-status\" must be an HTTP status such as 200; found \"%1\"")
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
            fail(ErrorCode::Invalid, tr("\"%1\" must be a duration such as 10s; found \"%2\"")
                              .arg(key, with.value(key).toString()));
            return;
        }
        *target = *parsed;
    }
    m_elapsed.start();
    attempt();
}

void HealthCheckStage::attempt()
{
    ++m_attempts;
    HttpClient client;
    client.setTimeout(m_timeout);
    client.setRetryPolicy(RetryPolicy::none());
    client.addSecrets(context().secretValues);
    HttpRequest request = HttpRequest::get(m_url);
    request.timeout = m_timeout;
    if (m_request)
        m_request->deleteLater();
    m_request = client.send(request, this);
    connect(m_request, &Job::result, this, [this](Job *job) {
        auto *http = static_cast<HttpJob *>(job);
        if (isFinished() || http != m_request)
            return;
        const int status = http->status();
        if (status == m_expectStatus) {
            emit logLine(tr("GET %1 answered %2").arg(m_url.toString()).arg(status));
            emitSuccess();
            return;
        }
        QString outcome;
        if (status) {
            outcome = tr("answered %1, expected %2").arg(status).arg(m_expectStatus);
        } else {
            // The client's message starts with "GET <url>: "; the stage says the URL itself.
            outcome = http->error().message;
            const QString prefix =
                QStringLiteral("GET ") +
                m_url.toString(QUrl::RemoveQuery | QUrl::RemoveUserInfo | QUrl::RemoveFragment) +
                QStringLiteral(": ");
            if (outcome.startsWith(prefix))
                outcome = outcome.mid(prefix.size());
        }
        emit logLine(tr("GET %1 (try %2): %3").arg(m_url.toString()).arg(m_attempts).arg(outcome));
        if (std::chrono::milliseconds(m_elapsed.elapsed()) + m_interval < m_wait) {
            m_retryTimer.start(m_interval);
            return;
        }
        const ErrorCode code =
            status ? ErrorCode::Remote
                   : (http->error().code == ErrorCode::Timeout ? ErrorCode::Timeout
                                                               : ErrorCode::Network);
        fail(code, tr("health check of %1 failed: %2").arg(m_url.toString(), outcome));
    });
    m_request->start();
}

void HealthCheckStage::doCancel()
{
    m_retryTimer.stop();
    emitCancelled(); // before the request's own cancel, so its result finds the stage ended
    if (m_request)
        m_request->cancel();
}

void HealthCheckStage::fail(ErrorCode code, const QString &reason)
{
    setWantsRollback(with().value(QStringLiteral("on-failure")).toString() ==
                     QLatin1String("rollback"));
    emitFailure(Error{code, reason, {}, std::nullopt});
}

} // namespace DeployDesk
