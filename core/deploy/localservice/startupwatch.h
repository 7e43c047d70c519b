#pragma once

#include "deploy/localservice/serviceroot.h"

#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QUrl>

#include <chrono>

class QNetworkReply;

namespace DeployDesk::LocalService {

// Waits for a new instance to answer its health check: GETs `url` until it answers 200,
// the instance exits, or `timeout` passes, trying again after 0.2s, 0.4s, 0.8s, then every
// second. Meanwhile the new lines of the instance's service.log come out as logLine().
class StartupWatch final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StartupWatch)

public:
    // `logOffset`: where the log stood before the instance started (older lines are not
    // shown again).
    StartupWatch(ProcessRecord instance, QUrl url, QString logFile, qint64 logOffset,
                 std::chrono::milliseconds timeout, QObject *parent = nullptr);
    ~StartupWatch() override;

    void start();
    void stop(); // no more signals

signals:
    void logLine(const QString &line);
    void healthy();
    // Why it is not healthy: "answered 500", "the service exited before it answered", ...
    void unhealthy(const QString &reason);

private:
    void attempt();
    void onReply(QNetworkReply *reply);
    void readLog();
    void retryOrFail(const QString &outcome);

    ProcessRecord m_instance;
    QUrl m_url;
    QString m_logFile;
    std::chrono::milliseconds m_timeout;
    QNetworkAccessManager m_network;
    QPointer<QNetworkReply> m_reply;
    QTimer m_retry;
    QElapsedTimer m_elapsed;
    qint64 m_logOffset = 0;
    QByteArray m_partial;
    int m_attempts = 0;
    bool m_stopped = false;
};

} // namespace DeployDesk::LocalService
