#include "deploy/localsite/localsitedeployjob.h"

#include "deploy/localsite/siteserver.h"

#include <QThread>

namespace DeployDesk::LocalSite {

LocalSiteDeployJob::LocalSiteDeployJob(TargetRequest request, QObject *parent)
    : TargetJob(parent)
    , m_request(std::move(request))
{}

LocalSiteDeployJob::~LocalSiteDeployJob()
{
    m_cancel = true;
    if (m_worker)
        m_worker->wait(); // the worker stops at the next file; it never outlives the job
}

void LocalSiteDeployJob::doStart()
{
    auto options = SiteOptionsReader::read(m_request, true);
    if (!options) {
        emitFailure(options.error());
        return;
    }
    // Called on the worker: each line is queued to this job's thread. The job outlives
    // the worker (see the destructor), so `this` is valid when the line is delivered.
    auto log = [this](const QString &line) {
        QMetaObject::invokeMethod(
            this, [this, line] { emit logLine(line); }, Qt::QueuedConnection);
    };
    const bool serve = options->serve;
    const QString root = options->root, url = options->url;
    m_publisher = std::make_unique<SitePublisher>(std::move(*options), &m_cancel, log);
    m_worker.reset(QThread::create([this, serve, root, url, log] {
        m_outcome = m_publisher->run();
        if (m_outcome != SitePublisher::Outcome::Published || !serve)
            return;
        auto served = ensureSiteServer(root, url);
        log(served ? *served : served.error().message);
    }));
    m_worker->setObjectName(QStringLiteral("local-site deploy"));
    connect(m_worker.get(), &QThread::finished, this, &LocalSiteDeployJob::workerDone,
            Qt::QueuedConnection);
    m_worker->start();
}

void LocalSiteDeployJob::doCancel()
{
    m_cancel = true; // the result comes when the worker has cleaned up
}

void LocalSiteDeployJob::workerDone()
{
    m_worker->wait();
    switch (m_outcome) {
    case SitePublisher::Outcome::Published:
        if (isCancelRequested())
            emit logLine(tr("the cancel came after the release was complete: it is live"));
        addDeployment(m_publisher->deployment());
        emitSuccess();
        break;
    case SitePublisher::Outcome::Cancelled:
        emitCancelled();
        break;
    case SitePublisher::Outcome::Failed:
        emitFailure(m_publisher->error());
        break;
    }
}

} // namespace DeployDesk::LocalSite
