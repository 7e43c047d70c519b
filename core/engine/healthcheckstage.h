#pragma once

#include "engine/stagetype.h"

#include <QElapsedTimer>
#include <QPointer>
#include <QTimer>
#include <QUrl>

namespace DeployDesk {

class HttpJob;

// `uses: health-check` — GETs `url` (default: the environment's url + `path`) until it
// answers with `expect-status` (default 200), trying every `interval` (default 2s) for
// up to `wait` (default 0: one try); each request times out after `timeout` (10s). Requests
// go through HttpClient (one try each: the stage's own loop does the waiting).
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

    QPointer<HttpJob> m_request;
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
