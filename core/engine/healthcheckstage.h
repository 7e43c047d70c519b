#pragma once

#include "engine/stagetype.h"

#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QPointer>
#include <QTimer>

namespace DeployDesk {

// `uses: health-check` — GETs `url` (default: the environment's url + `path`) until it
// answers with `expect-status` (default 200), trying every `interval` (default 2s) for
// up to `wait` (default 0: one try); each request times out after `timeout` (10s).
class HealthCheckStage final : public BuiltinStage
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HealthCheckStage)

public:
    explicit HealthCheckStage(QObject *parent = nullptr);
    ~HealthCheckStage() override;

    static ParamSchema params();

protected:
    void doStart() override;
    void doCancel() override;

private:
    void attempt();
    void fail(ErrorCode code, const QString &reason);

    QNetworkAccessManager m_network;
    QPointer<QNetworkReply> m_reply;
    QTimer m_retryTimer;
    QElapsedTimer m_elapsed;
    QUrl m_url;
    int m_expectStatus = 200;
    std::chrono::milliseconds m_timeout{10000};
    std::chrono::milliseconds m_wait{0};
    std::chrono::milliseconds m_interval{2000};
    int m_attempts = 0;
};

} // namespace DeployDesk
