#include "deploy/localservice/startupwatch.h"

#include "common/duration.h"

#include <QFile>
#include <QNetworkReply>
#include <QNetworkRequest>

#include <algorithm>

namespace DeployDesk::LocalService {

namespace {
constexpr qint64 kMaxLogChunk = 256 * 1024; // per read, so a chatty service cannot stall us
constexpr int kMaxLineBytes = 16 * 1024;
} // namespace

StartupWatch::StartupWatch(ProcessRecord instance, QUrl url, QString logFile, qint64 logOffset,
                           std::chrono::milliseconds timeout, QObject *parent)
    : QObject(parent)
    , m_instance(instance)
    , m_url(std::move(url))
    , m_logFile(std::move(logFile))
    , m_timeout(timeout)
    , m_logOffset(logOffset)
{
    m_retry.setSingleShot(true);
    connect(&m_retry, &QTimer::timeout, this, &StartupWatch::attempt);
}

StartupWatch::~StartupWatch()
{
    stop();
}

void StartupWatch::start()
{
    m_elapsed.start();
    m_retry.start(100); // give the process a moment to open its port
}

void StartupWatch::stop()
{
    m_stopped = true;
    m_retry.stop();
    if (m_reply)
        m_reply->abort();
}

void StartupWatch::attempt()
{
    if (m_stopped)
        return;
    readLog();
    if (!m_instance.isRunning()) {
        m_stopped = true;
        emit unhealthy(tr("the service exited before it answered"));
        return;
    }
    ++m_attempts;
    QNetworkRequest request(m_url);
    const auto left = m_timeout - std::chrono::milliseconds(m_elapsed.elapsed());
    request.setTransferTimeout(int(std::clamp<qint64>(left.count(), 200, 5000)));
    request.setRawHeader("Connection", "close");
    m_reply = m_network.get(request);
    connect(m_reply, &QNetworkReply::finished, this, [this, reply = m_reply] { onReply(reply); });
}

void StartupWatch::onReply(QNetworkReply *reply)
{
    reply->deleteLater();
    if (m_stopped)
        return;
    readLog();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status == 200) {
        m_stopped = true;
        emit logLine(tr("health check: GET %1 answered 200").arg(m_url.toString()));
        emit healthy();
        return;
    }
    retryOrFail(status ? tr("answered %1").arg(status) : reply->errorString());
}

void StartupWatch::retryOrFail(const QString &outcome)
{
    emit logLine(tr("health check %1: GET %2: %3").arg(m_attempts).arg(m_url.toString(), outcome));
    const std::chrono::milliseconds interval(m_attempts >= 4 ? 1000
                                                             : 100 << std::min(m_attempts, 3));
    const auto elapsed = std::chrono::milliseconds(m_elapsed.elapsed());
    if (elapsed + interval > m_timeout) {
        m_stopped = true;
        emit unhealthy(tr("no 200 from %1 within %2 (last try: %3)")
                           .arg(m_url.toString(), formatDuration(m_timeout), outcome));
        return;
    }
    m_retry.start(interval);
}

void StartupWatch::readLog()
{
    QFile file(m_logFile);
    if (!file.open(QIODevice::ReadOnly) || file.size() <= m_logOffset)
        return;
    file.seek(m_logOffset);
    const QByteArray chunk = file.read(kMaxLogChunk);
    m_logOffset += chunk.size();
    m_partial += chunk;
    qsizetype start = 0;
    for (qsizetype nl = m_partial.indexOf('\n'); nl >= 0; nl = m_partial.indexOf('\n', start)) {
        QByteArray line = m_partial.mid(start, nl - start);
        if (line.endsWith('\r'))
            line.chop(1);
        emit logLine(QString::fromUtf8(line));
        start = nl + 1;
    }
    m_partial.remove(0, start);
    if (m_partial.size() > kMaxLineBytes) { // a line without end: show what there is
        emit logLine(QString::fromUtf8(m_partial));
        m_partial.clear();
    }
}

} // namespace DeployDesk::LocalService
