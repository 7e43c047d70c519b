#include "deploy/localservice/servicedeployjob.h"
#include "common/async.h"

#include "common/duration.h"
#include "common/processinfo.h"
#include "deploy/localservice/groupstopper.h"
#include "deploy/localservice/releasecopy.h"
#include "deploy/localservice/serviceprocess.h"
#include "deploy/localservice/startupwatch.h"

#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QPromise>
#include <QRegularExpression>
#include <QSet>
#include <QThreadPool>

#include <csignal>

namespace DeployDesk::LocalService {

namespace {
bool isSafeReleaseId(const QString &id)
{
    static const QRegularExpression safe(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9._-]*$"));
    return safe.match(id).hasMatch();
}
} // namespace

ServiceDeployJob::ServiceDeployJob(TargetRequest request, std::optional<Deployment> rollbackTo,
                                   QObject *parent)
    : TargetJob(parent)
    , m_request(std::move(request))
    , m_rollbackTo(std::move(rollbackTo))
{
    // Whatever the outcome, the next deploy may start as soon as this one has ended.
    connect(this, &Job::result, this, [this] { m_lock.reset(); });
    connect(&m_copyWatcher, &QFutureWatcher<Result<int>>::finished, this, [this] {
        const Result<int> copied = m_copyWatcher.future().result();
        if (isCancelRequested()) {
            emitCancelled(); // copyRelease removed the partial folder
            return;
        }
        if (!copied) {
            emitFailure(copied.error());
            return;
        }
        emit logLine(tr("copied %n file(s) into %1", nullptr, *copied)
                         .arg(m_root->releaseDir(m_release.id)));
        launch();
    });
}

ServiceDeployJob::~ServiceDeployJob()
{
    m_cancelCopy->store(true);
    // Destroyed while the new instance was still on trial (the panel closed): it must not
    // keep running unseen. After the swap it is the live release and stays.
    if (m_step == Step::Starting && !isFinished())
        signalGroup(m_instance, SIGTERM);
}

Result<void> ServiceDeployJob::prepare()
{
    auto options = parseOptions(m_request, m_rollbackTo ? Need::Start : Need::Deploy);
    if (!options)
        return std::unexpected(options.error());
    m_options = *options;
    m_root = std::make_unique<ServiceRoot>(m_options.root);
    if (!QDir().mkpath(m_root->releasesDir()))
        return makeError(ErrorCode::Io,
                         tr("cannot create the folder %1").arg(m_root->releasesDir()));
    if (forwarderPath().isEmpty())
        return makeError(ErrorCode::Unavailable,
                         tr("deploydesk-forward was not found next to DeployDesk; reinstall "
                            "DeployDesk (it owns the stable port of a local service)"));

    m_lock = std::make_unique<QLockFile>(m_root->lockFile());
    m_lock->setStaleLockTime(0); // stale only when its owner is gone: a deploy may take long
    if (!m_lock->tryLock(0)) {
        qint64 pid = 0;
        QString host, app;
        m_lock->getLockInfo(&pid, &host, &app);
        return makeError(ErrorCode::Conflict,
                         tr("another deploy or rollback of the service in %1 is running (process "
                            "%2); wait for it to end")
                             .arg(m_options.root)
                             .arg(pid));
    }

    m_old = m_root->active();
    if (m_rollbackTo) {
        const QString id = m_rollbackTo->version;
        const auto info = isSafeReleaseId(id) ? m_root->release(id) : std::nullopt;
        if (!info) {
            QStringList kept;
            for (const ReleaseInfo &r : m_root->releases())
                kept << r.id;
            return makeError(
                ErrorCode::NotFound,
                tr("release \"%1\" is no longer in %2 (kept: %3); pick one of those")
                    .arg(id, m_root->releasesDir(),
                         kept.isEmpty() ? tr("none") : kept.join(QStringLiteral(", "))));
        }
        m_release = *info;
    } else {
        const StageContext &c = m_request.context;
        const QDateTime now = QDateTime::currentDateTimeUtc();
        m_release = ReleaseInfo{m_root->newReleaseId(now, c.commit),
                                now,
                                c.commit,
                                c.branch,
                                c.runId,
                                false,
                                std::nullopt};
    }

    const auto forwarder = m_root->forwarder();
    const bool forwarding =
        forwarder && forwarder->isRunning() && forwarder->port == m_options.port;
    if (!forwarding && portInUse(m_options.port))
        return makeError(ErrorCode::Conflict,
                         tr("port %1 is already in use by another program; local-service needs it "
                            "free for its stable port: stop that program or choose another "
                            "\"port\"")
                             .arg(m_options.port));
    return {};
}

void ServiceDeployJob::doStart()
{
    if (const auto prepared = prepare(); !prepared) {
        emitFailure(prepared.error());
        return;
    }
    if (m_rollbackTo && m_old && m_old->release == m_release.id && m_old->instance.isRunning()) {
        emit logLine(
            tr("release %1 is already live (pid %2)").arg(m_release.id).arg(m_old->instance.pid));
        m_instance = m_old->instance;
        swap(); // makes sure the stable port forwards to it
        return;
    }
    if (m_rollbackTo)
        launch();
    else
        copy();
}

void ServiceDeployJob::copy()
{
    m_step = Step::Copying;
    const QString to = m_root->releaseDir(m_release.id);
    emit logLine(tr("copying %1 to release %2").arg(m_options.from, m_release.id));
    auto promise = std::make_shared<QPromise<Result<int>>>();
    m_copyWatcher.setFuture(promise->future());
    workPool()->start([promise, from = m_options.from, to, skip = QStringList{m_root->path()},
                       cancel = m_cancelCopy] {
        promise->start();
        promise->addResult(copyRelease(from, to, skip, *cancel));
        promise->finish();
    });
}

void ServiceDeployJob::launch()
{
    m_step = Step::Starting;
    // Not the stable port: on a first deploy nothing listens there yet, and the kernel may
    // hand it out (a stable port in the ephemeral range); the forwarder must get it.
    const int port = freePort(m_options.port);
    if (port == 0) {
        emitFailure(makeErrorValue(ErrorCode::Unavailable,
                                   tr("no free port on 127.0.0.1 for the new instance")));
        return;
    }
    QProcessEnvironment env = m_request.context.env.isEmpty()
                                  ? QProcessEnvironment::systemEnvironment()
                                  : m_request.context.env;
    env.insert(QStringLiteral("PORT"), QString::number(port));
    env.insert(QStringLiteral("DEPLOYDESK_RELEASE"), m_release.id);
    const QString logFile = m_root->serviceLog(m_release.id);
    const qint64 logOffset = QFileInfo(logFile).size();
    emit logLine(tr("starting release %1 on 127.0.0.1:%2: %3")
                     .arg(m_release.id)
                     .arg(port)
                     .arg(m_options.command));
    const auto started =
        startDetached(m_root->releaseDir(m_release.id), m_options.command, env, logFile, port);
    if (!started) {
        m_release.failed = !m_rollbackTo;
        m_root->setRelease(m_release);
        emitFailure(started.error());
        return;
    }
    m_instance = *started;
    m_release.instance = m_instance;
    if (const auto saved = m_root->setRelease(m_release); !saved) {
        stopNewThen([this, error = saved.error()] { emitFailure(error); });
        return;
    }
    QUrl url;
    url.setScheme(QStringLiteral("http"));
    url.setHost(QStringLiteral("127.0.0.1"));
    url.setPort(port);
    url.setPath(m_options.healthPath);
    m_watch = new StartupWatch(m_instance, url, logFile, logOffset, m_options.startTimeout, this);
    connect(m_watch, &StartupWatch::logLine, this, &Job::logLine);
    connect(m_watch, &StartupWatch::healthy, this, &ServiceDeployJob::swap);
    connect(m_watch, &StartupWatch::unhealthy, this, &ServiceDeployJob::onUnhealthy);
    m_watch->start();
}

void ServiceDeployJob::onUnhealthy(const QString &reason)
{
    if (!m_rollbackTo) {
        m_release.failed = true;
        m_root->setRelease(m_release);
    }
    QString live;
    if (m_old && m_old->instance.isRunning())
        live = tr("the previous release %1 stays live").arg(m_old->release);
    else if (m_old)
        live = tr("the previous release %1 stays as it was (not running)").arg(m_old->release);
    else
        live = tr("nothing was live before and nothing is now");
    const QStringList tail = m_root->serviceLogTail(m_release.id, 12);
    QString message =
        tr("release %1 failed its health check: %2; %3").arg(m_release.id, reason, live);
    if (!tail.isEmpty())
        message += QLatin1Char('\n') +
                   tr("last lines of %1:").arg(m_root->serviceLog(m_release.id)) +
                   QStringLiteral("\n  ") + tail.join(QStringLiteral("\n  "));
    const Error error = makeErrorValue(ErrorCode::Process, message, tail.join(QLatin1Char('\n')));
    stopNewThen([this, error] { emitFailure(error); });
}

void ServiceDeployJob::stopNewThen(std::function<void()> then)
{
    if (m_watch)
        m_watch->stop();
    auto *stopper =
        new GroupStopper(m_instance, std::chrono::milliseconds(0), m_options.stopGrace, this);
    stopper->setStartedHere(true);
    connect(stopper, &GroupStopper::finished, this, std::move(then));
    m_stopper = stopper;
    stopper->start();
}

void ServiceDeployJob::swap()
{
    m_step = Step::Swapping;
    m_new.release = m_release.id;
    m_new.instance = m_instance;
    m_new.port = m_options.port;
    m_new.url = m_options.url;
    m_new.healthPath = m_options.healthPath;
    m_new.previous = !m_old                           ? QString()
                     : m_old->release != m_release.id ? m_old->release
                                                      : m_old->previous;
    m_new.since = QDateTime::currentDateTimeUtc();
    if (const auto written = m_root->setActive(m_new); !written) {
        stopNewThen([this, error = written.error()] { emitFailure(error); });
        return;
    }
    const auto forwarder = m_root->forwarder();
    if (forwarder && forwarder->isRunning() && forwarder->port == m_options.port) {
        retireOld();
        return;
    }
    if (forwarder && forwarder->isRunning()) {
        emit logLine(
            tr("the stable port moves from %1 to %2").arg(forwarder->port).arg(m_options.port));
        signalGroup(*forwarder, SIGTERM);
    }
    startForwarder();
}

void ServiceDeployJob::startForwarder()
{
    m_forwarder = new QProcess(this);
    m_forwarder->setProgram(forwarderPath());
    m_forwarder->setArguments(
        {QString::number(m_options.port), m_root->activeFile(), m_root->forwarderLog()});
    m_forwarder->setStandardInputFile(QProcess::nullDevice());
    connect(m_forwarder, &QProcess::finished, this, &ServiceDeployJob::onForwarderFinished);
    connect(m_forwarder, &QProcess::errorOccurred, this, [this](QProcess::ProcessError error) {
        if (error == QProcess::FailedToStart)
            onForwarderFinished();
    });
    m_forwarder->start();
}

void ServiceDeployJob::onForwarderFinished()
{
    const QString out = QString::fromLocal8Bit(m_forwarder->readAllStandardOutput()).trimmed();
    const QString err = QString::fromLocal8Bit(m_forwarder->readAllStandardError()).trimmed();
    const bool ok = m_forwarder->exitStatus() == QProcess::NormalExit &&
                    m_forwarder->exitCode() == 0 && m_forwarder->error() != QProcess::FailedToStart;
    const qint64 pid = out.toLongLong();
    m_forwarder->deleteLater();
    m_forwarder = nullptr;
    if (ok && pid > 0) {
        const ProcessRecord record{pid, ProcessInfo::startTicks(pid), m_options.port};
        m_root->setForwarder(record);
        emit logLine(tr("the stable port 127.0.0.1:%1 is open (deploydesk-forward, pid %2)")
                         .arg(m_options.port)
                         .arg(pid));
        retireOld();
        return;
    }
    // Put the old state back: the new instance was never reachable.
    if (m_old)
        m_root->setActive(*m_old);
    else
        m_root->clearActive();
    const Error error = makeErrorValue(
        ErrorCode::Conflict,
        tr("cannot open the stable port %1: %2; release %3 was not put live")
            .arg(QString::number(m_options.port),
                 err.isEmpty() ? tr("deploydesk-forward failed") : err, m_release.id));
    if (m_instance == (m_old ? m_old->instance : ProcessRecord{}))
        emitFailure(error); // "already live": nothing new to stop
    else
        stopNewThen([this, error] { emitFailure(error); });
}

void ServiceDeployJob::retireOld()
{
    m_step = Step::Draining;
    if (!m_old || m_old->instance.pid == m_instance.pid || !m_old->instance.isRunning()) {
        finishSuccess();
        return;
    }
    emit logLine(tr("stopping release %1 (pid %2) after a %3 drain")
                     .arg(m_old->release)
                     .arg(m_old->instance.pid)
                     .arg(formatDuration(m_options.drain)));
    m_stopper = new GroupStopper(m_old->instance, m_options.drain, m_options.stopGrace, this);
    connect(m_stopper, &GroupStopper::finished, this, &ServiceDeployJob::finishSuccess);
    m_stopper->start();
    if (isCancelRequested())
        m_stopper->skipDrain();
}

void ServiceDeployJob::finishSuccess()
{
    m_step = Step::Done;
    prune();
    addDeployment(liveDeployment());
    emit logLine(tr("release %1 is live at %2").arg(m_release.id, m_options.url));
    emitSuccess();
}

void ServiceDeployJob::prune()
{
    // The `keep` newest releases that went live once, and always the live and the
    // previous one; failed releases go at the next success.
    QSet<QString> keep{m_new.release, m_new.previous};
    int kept = 0;
    const QList<ReleaseInfo> all = m_root->releases();
    for (const ReleaseInfo &r : all) {
        if (!r.failed && kept < m_options.keep) {
            keep.insert(r.id);
            ++kept;
        }
    }
    for (const ReleaseInfo &r : all) {
        if (r.id == m_new.release)
            continue;
        // An instance left over by a deploy that never ended (DeployDesk was killed while
        // it waited for the health check): nothing forwards to it.
        if (r.instance && r.instance->isRunning() &&
            !(m_old && r.instance->pid == m_old->instance.pid)) {
            emit logLine(tr("stopping a leftover instance of release %1 (pid %2)")
                             .arg(r.id)
                             .arg(r.instance->pid));
            signalGroup(*r.instance, SIGTERM);
            continue;
        }
        if (keep.contains(r.id) || (r.instance && r.instance->isRunning()))
            continue;
        if (const auto removed = m_root->removeRelease(r.id); removed)
            emit logLine(tr("removed release %1").arg(r.id));
        else
            emit logLine(removed.error().message);
    }
}

Deployment ServiceDeployJob::liveDeployment() const
{
    Deployment d;
    d.target = QStringLiteral("local-service");
    d.layer = Layer::Backend;
    d.version = m_release.id;
    d.url = m_options.url;
    d.createdAt = m_release.createdAt;
    d.details = {{QStringLiteral("port"), m_options.port},
                 {QStringLiteral("instancePort"), m_instance.port},
                 {QStringLiteral("pid"), m_instance.pid},
                 {QStringLiteral("startTicks"), m_instance.startTicks},
                 {QStringLiteral("root"), m_options.root},
                 {QStringLiteral("healthPath"), m_options.healthPath}};
    return d;
}

void ServiceDeployJob::doCancel()
{
    switch (m_step) {
    case Step::Copying:
        m_cancelCopy->store(true); // the copy's end reports Cancelled
        break;
    case Step::Starting:
        if (!m_stopper) // not already stopping it after a failed check
            stopNewThen([this] { emitCancelled(); });
        break;
    case Step::Swapping:
        break; // the new release is (about to be) live: finishes with Success
    case Step::Draining:
        if (m_stopper)
            m_stopper->skipDrain();
        break;
    case Step::Idle:
    case Step::Done:
        emitCancelled();
        break;
    }
}

} // namespace DeployDesk::LocalService
