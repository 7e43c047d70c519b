#pragma once

#include "deploy/deploytarget.h"
#include "deploy/vercel/vercelapi.h"
#include "deploy/vercel/verceloptions.h"
#include "log/secretmasker.h"

#include <QList>
#include <QPointer>

#include <chrono>
#include <functional>

namespace DeployDesk {
class HttpJob;
}

namespace DeployDesk::Vercel {

// The base of the vercel target's operations: a TargetJob that runs HTTP calls and waits
// one after the other, each with a callback, and ends them all on cancel. Options are read
// when the job starts, so a bad setting fails the job like any other error.
class VercelJob : public TargetJob
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(VercelJob)

public:
    VercelJob(TargetRequest request, bool needFrom, QObject *parent = nullptr);
    ~VercelJob() override;

protected:
    using Done = std::function<void(HttpJob *)>;

    // Called once the options are read and the API is ready.
    virtual void run() = 0;

    const VercelOptions &options() const { return m_options; }
    const VercelApi &api() const { return m_api; }
    const TargetRequest &request() const { return m_request; }

    // Sends `request`; `done` runs with the finished HttpJob (success or failure, never a
    // cancel), unless this job has ended meanwhile.
    void call(HttpRequest request, Done done);
    // Runs `then` after `wait`, unless this job has ended meanwhile.
    void after(std::chrono::milliseconds wait, std::function<void()> then);
    // Starts a sub-job; `done` runs with it when it ends (not when it is cancelled).
    void runChild(Job *child, std::function<void(Job *)> done);
    // The stage's log, masked with the token and the stage's secrets.
    void log(const QString &line);
    void fail(Error error);
    QString masked(const QString &text) const;

    void doStart() override;
    void doCancel() override;

private:
    TargetRequest m_request;
    bool m_needFrom = false;
    VercelOptions m_options;
    VercelApi m_api;
    SecretMasker m_masker;
    QList<QPointer<Job>> m_children;
};

} // namespace DeployDesk::Vercel
