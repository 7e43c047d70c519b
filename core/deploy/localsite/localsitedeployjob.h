#pragma once

#include "deploy/deploytarget.h"
#include "deploy/localsite/sitepublisher.h"

#include <atomic>
#include <memory>

class QThread;

namespace DeployDesk::LocalSite {

// local-site's deploy(): a SitePublisher on a worker thread of its own (copying a big
// site must not hold up the event loop, nor a thread-pool thread other work waits for).
// Log lines come back to the job's thread in order, before the result. Cancel stops the
// copy between files; destroying the job cancels and waits for the worker.
class LocalSiteDeployJob final : public TargetJob
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LocalSiteDeployJob)

public:
    explicit LocalSiteDeployJob(TargetRequest request, QObject *parent = nullptr);
    ~LocalSiteDeployJob() override;

protected:
    void doStart() override;
    void doCancel() override;

private:
    void workerDone();

    TargetRequest m_request;
    std::atomic_bool m_cancel{false};
    std::unique_ptr<SitePublisher> m_publisher;
    SitePublisher::Outcome m_outcome = SitePublisher::Outcome::Failed;
    std::unique_ptr<QThread> m_worker;
};

} // namespace DeployDesk::LocalSite
