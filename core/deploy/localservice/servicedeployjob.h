#pragma once

#include "deploy/deploytarget.h"
#include "deploy/localservice/serviceoptions.h"
#include "deploy/localservice/serviceroot.h"

#include <QFutureWatcher>
#include <QLockFile>

#include <atomic>
#include <memory>
#include <optional>

class QProcess;

namespace DeployDesk::LocalService {

class GroupStopper;
class StartupWatch;

// deploy() and rollback() of local-service: start the release beside the live one, wait
// for its health check, swap the forwarder's target (active.json), stop the old instance
// after the drain. A failure before the swap leaves the old release live and no process
// of the new one running. A cancel before the swap ends the same way (Cancelled); once the
// swap is done, the new release is live and the job finishes with Success (a cancel then
// only skips the drain).
class ServiceDeployJob final : public TargetJob
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ServiceDeployJob)

public:
    // Without `rollbackTo`: deploys a new release copied from `from`.
    ServiceDeployJob(TargetRequest request, std::optional<Deployment> rollbackTo,
                     QObject *parent = nullptr);
    ~ServiceDeployJob() override;

protected:
    void doStart() override;
    void doCancel() override;

private:
    enum class Step { Idle, Copying, Starting, Swapping, Draining, Done };

    Result<void> prepare();
    void copy();
    void launch();
    void onUnhealthy(const QString &reason);
    void swap();
    void startForwarder();
    void onForwarderFinished();
    void retireOld();
    void finishSuccess();
    void stopNewThen(std::function<void()> then);
    void prune();
    Deployment liveDeployment() const;

    TargetRequest m_request;
    std::optional<Deployment> m_rollbackTo;
    Options m_options;
    std::unique_ptr<ServiceRoot> m_root;
    std::unique_ptr<QLockFile> m_lock;
    Step m_step = Step::Idle;
    std::optional<ActiveState> m_old;
    ReleaseInfo m_release;
    ProcessRecord m_instance;
    ActiveState m_new;
    std::shared_ptr<std::atomic_bool> m_cancelCopy = std::make_shared<std::atomic_bool>(false);
    QFutureWatcher<Result<int>> m_copyWatcher;
    StartupWatch *m_watch = nullptr;
    QProcess *m_forwarder = nullptr;
    GroupStopper *m_stopper = nullptr;
};

} // namespace DeployDesk::LocalService
