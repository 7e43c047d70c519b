#pragma once

#include "common/deployment.h"
#include "common/error.h"
#include "deploy/localsite/siteoptions.h"

#include <QCoreApplication>
#include <QDateTime>

#include <atomic>
#include <functional>

namespace DeployDesk::LocalSite {

// One local-site deploy from start to end, blocking (run it on a worker thread):
// check the build folder, take the root's lock, copy (hard-linking unchanged files)
// into releases/<id>.partial, write the manifest, sync, rename to releases/<id>, switch
// `current`, prune. A preview goes to previews/<branch>/ instead and switches nothing.
// Before the release is renamed into place a cancel removes the partial copy and leaves
// everything as it was; after that the deploy finishes (the release is whole and live).
class SitePublisher final
{
    Q_DECLARE_TR_FUNCTIONS(SitePublisher)
    Q_DISABLE_COPY_MOVE(SitePublisher)

public:
    enum class Outcome { Published, Failed, Cancelled };
    using LogFunction = std::function<void(const QString &)>;

    SitePublisher(SiteOptions options, const std::atomic_bool *cancel, LogFunction log);

    // Called on the worker after each file is copied or linked, with the count so far.
    void setAfterFile(std::function<void(qint64 files)> afterFile)
    {
        m_afterFile = std::move(afterFile);
    }

    Outcome run();
    const Error &error() const { return m_error; }
    const Deployment &deployment() const { return m_deployment; }

    // Checks made before anything on disk changes (also used by tests and the CLI).
    static Result<void> checkSource(const SiteOptions &options);

private:
    Outcome fail(Error error);
    bool cancelled() const { return m_cancel && m_cancel->load(); }
    Result<bool> lockRoot(class SiteLock &lock);

    SiteOptions m_options;
    const std::atomic_bool *m_cancel = nullptr;
    LogFunction m_log;
    std::function<void(qint64)> m_afterFile;
    Error m_error;
    Deployment m_deployment;
};

} // namespace DeployDesk::LocalSite
