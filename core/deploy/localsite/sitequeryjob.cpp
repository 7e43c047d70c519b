#include "deploy/localsite/sitequeryjob.h"

namespace DeployDesk::LocalSite {

SiteQueryJob::SiteQueryJob(Work work, QObject *parent)
    : TargetJob(parent)
    , m_work(std::move(work))
{}

void SiteQueryJob::doStart()
{
    const auto done = m_work([this](const QString &line) { emit logLine(line); });
    if (!done) {
        emitFailure(done.error());
        return;
    }
    for (const Deployment &deployment : *done)
        addDeployment(deployment);
    emitSuccess();
}

void SiteQueryJob::doCancel()
{
    emitCancelled(); // not reached while the work runs: it ends within doStart()
}

} // namespace DeployDesk::LocalSite
