#pragma once

#include "deploy/deploytarget.h"

#include <functional>

namespace DeployDesk::LocalSite {

// A local-site operation that only reads or switches links (rollback, list, status):
// quick file-system calls, done when the job begins.
class SiteQueryJob final : public TargetJob
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SiteQueryJob)

public:
    using LogFunction = std::function<void(const QString &)>;
    using Work = std::function<Result<QList<Deployment>>(const LogFunction &log)>;

    explicit SiteQueryJob(Work work, QObject *parent = nullptr);

protected:
    void doStart() override;
    void doCancel() override;

private:
    Work m_work;
};

} // namespace DeployDesk::LocalSite
