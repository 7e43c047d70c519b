#include "engine/processrunner.h"

#include "common/duration.h"
#include "common/logging.h"
#include "common/processinfo.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QProcess>
#include <QTimer>

#include <cerrno>
#include <csignal>
#include <cstring>

#include <sys/types.h>
#include <unistd.h>

// How a stage is run
// -------------------
// QProcess starts `deploydesk-stage <our pid> <grace-ms> /bin/sh -c COMMAND` (see
// tools/stageguard.c). QProcess's child modifier calls setsid() between fork and exec,
// so the guard's pid is the process group id before QProcess even reports the start:
// cancel() right after start() cannot miss the group. The guard ends every process of
// the stage — its descendants, whatever session or group they moved to, and its cgroup
// where one can be made — when the shell exits, on cancel and timeout (SIGTERM), on
// destruction (SIGUSR1: at once) and when this program dies (PR_SET_PDEATHSIG).
//
// Note: PR_SET_PDEATHSIG fires when the *thread* that started the guard ends. A
// ProcessRunner living in a worker thread must therefore be destroyed (which ends its
// group anyway) before that thread ends.
//
// Without the guard (guardPath() empty, or DEPLOYDESK_STAGE_HELPER set to an empty
// value), /bin/sh -c runs directly, still in its own group via setsid(): cancel, timeout
// and the destructor still end the whole group, and leftovers in the group are SIGKILLed
// when the shell exits, but a process that left the group (setsid, set -m) survives,
// and nothing ends the stage if this program is killed.

namespace DeployDesk {

namespace {
constexpr std::chrono::milliseconds kGuardBackstop{3000};
} // namespace

namespace Internal {

QString signalName(int sig)
{
    const char *abbrev = sigabbrev_np(sig);
    return abbrev ? QStringLiteral("SIG") + QString::fromLatin1(abbrev)
                  : QCoreApplication::translate("DeployDesk", "unknown signal");
}

} // namespace Internal

QString ProcessResult::describe() const
{
    switch (status) {
    case Status::Exited:
        return QCoreApplication::translate("DeployDesk", "exit code %1").arg(exitCode);
    case Status::Signaled:
        return QCoreApplication::translate("DeployDesk", "killed by signal %1 (%2)")
            .arg(signal)
            .arg(Internal::signalName(signal));
    case Status::FailedToStart:
        return QCoreApplication::translate("DeployDesk", "failed to start: %1").arg(errorString);
    case Status::TimedOut:
        // ProcessRunner puts "timed out after 10s" into errorString.
        return errorString.isEmpty() ? QCoreApplication::translate("DeployDesk", "timed out")
                                     : errorString;
    case Status::Cancelled:
        return QCoreApplication::translate("DeployDesk", "cancelled");
    }
    return {};
}

struct ProcessRunner::Private
{
    explicit Private(ProcessRunner *runner)
        : q(runner)
    {}

    void startProcess();
    void finish(const ProcessResult &result);
    void failLater(const QString &message);
    void onFinished(int exitCode, QProcess::ExitStatus exitStatus);
    void drain();
    void terminate();
    void sendSignal(int sig);
    void discardProcess();
    void endLeftCgroup();
    void killNow();

    ProcessRunner *q = nullptr;
    QProcess *process = nullptr;
    QTimer timeoutTimer;
    QTimer killTimer;
    ProcessSpec spec;
    qint64 pid = 0;
    quint64 generation = 0;
    bool running = false;
    bool inStart = false;
    bool guarded = false;
    bool terminating = false;
    bool cancelled = false;
    bool timedOut = false;
};

void ProcessRunner::Private::discardProcess()
{
    if (!process)
        return;
    QObject::disconnect(process, nullptr, nullptr, nullptr);
    killNow();
    process->deleteLater();
    process = nullptr;
}

// Ends the stage at once and waits for it (blocking, up to a few seconds): the guard on
// SIGUSR1 SIGKILLs every process of the stage, those outside its group included; a
// SIGKILL to the group would end the guard first and leave those running.
void ProcessRunner::Private::killNow()
{
    if (!process || process->state() == QProcess::NotRunning)
        return;
    if (guarded && pid > 0) {
        ::kill(static_cast<pid_t>(pid), SIGUSR1);
        if (process->waitForFinished(5000)) {
            endLeftCgroup();
            return;
        }
    }
    sendSignal(SIGKILL);
    process->waitForFinished(5000);
    if (guarded)
        endLeftCgroup();
}

// The guard removes its stage's cgroup when it ends; a cgroup still there means the guard
// itself was killed (SIGKILL) and could not end the stage: what runs in it is ended here.
void ProcessRunner::Private::endLeftCgroup()
{
    const QString dir = ProcessInfo::stageCgroupDir(pid);
    if (dir.isEmpty() || !QFileInfo(dir).isDir())
        return;
    qCWarning(lcProcess) << "the stage guard" << pid
                         << "ended without removing its cgroup; ending what runs in" << dir;
    if (!ProcessInfo::endStageCgroup(dir))
        qCWarning(lcProcess) << "cannot remove the stage cgroup" << dir;
}

void ProcessRunner::Private::finish(const ProcessResult &result)
{
    if (!running)
        return;
    if (inStart) {
        // Never emit from inside start(): the caller may not be ready for it.
        QMetaObject::invokeMethod(
            q,
            [this, gen = generation, result] {
                if (gen == generation)
                    finish(result);
            },
            Qt::QueuedConnection);
        return;
    }
    running = false;
    timeoutTimer.stop();
    killTimer.stop();
    pid = 0;
    qCDebug(lcProcess) << "stage process done:" << result.describe();
    emit q->done(result); // last: a slot may start() again
}

void ProcessRunner::Private::failLater(const QString &message)
{
    ProcessResult result;
    result.status = ProcessResult::Status::FailedToStart;
    result.errorString = message;
    const bool wasInStart = inStart;
    inStart = true;
    finish(result); // queued
    inStart = wasInStart;
}

void ProcessRunner::Private::drain()
{
    if (!process)
        return;
    const QByteArray out = process->readAllStandardOutput();
    if (!out.isEmpty())
        emit q->output(LogStream::Stdout, out);
    const QByteArray err = process->readAllStandardError();
    if (!err.isEmpty())
        emit q->output(LogStream::Stderr, err);
}

void ProcessRunner::Private::startProcess()
{
    const QString guard = ProcessRunner::guardPath();
    guarded = !guard.isEmpty();

    process = new QProcess(q);
    if (guarded) {
        process->setProgram(guard);
        process->setArguments({QString::number(QCoreApplication::applicationPid()),
                               QString::number(spec.killGrace.count()), QStringLiteral("/bin/sh"),
                               QStringLiteral("-c"), spec.command});
    } else {
        process->setProgram(QStringLiteral("/bin/sh"));
        process->setArguments({QStringLiteral("-c"), spec.command});
    }
    process->setWorkingDirectory(spec.workdir);
    process->setProcessEnvironment(spec.environment);
    process->setProcessChannelMode(QProcess::SeparateChannels);
    process->setStandardInputFile(QProcess::nullDevice());
    // Runs in the child between fork and exec: only async-signal-safe calls.
    process->setChildProcessModifier([] { ::setsid(); });

    QProcess *p = process;
    QObject::connect(p, &QProcess::readyReadStandardOutput, q, [this, p] {
        const QByteArray chunk = p->readAllStandardOutput();
        if (!chunk.isEmpty())
            emit q->output(LogStream::Stdout, chunk);
    });
    QObject::connect(p, &QProcess::readyReadStandardError, q, [this, p] {
        const QByteArray chunk = p->readAllStandardError();
        if (!chunk.isEmpty())
            emit q->output(LogStream::Stderr, chunk);
    });
    QObject::connect(p, &QProcess::errorOccurred, q, [this, p](QProcess::ProcessError error) {
        if (error != QProcess::FailedToStart) {
            qCDebug(lcProcess) << "stage process error:" << p->errorString();
            return; // Crashed is followed by finished(); the rest is not final
        }
        ProcessResult result;
        result.status = ProcessResult::Status::FailedToStart;
        result.errorString =
            QCoreApplication::translate("DeployDesk", "%1 (running \"%2\" in \"%3\")")
                .arg(p->errorString(), p->program(), spec.workdir);
        finish(result);
    });
    QObject::connect(p, &QProcess::finished, q, [this](int exitCode, QProcess::ExitStatus status) {
        onFinished(exitCode, status);
    });

    qCDebug(lcProcess) << "starting stage process" << process->program() << process->arguments();
    process->start(QIODevice::ReadOnly);
    if (process->state() != QProcess::NotRunning)
        pid = process->processId();
    if (running && spec.timeout.count() > 0)
        timeoutTimer.start(spec.timeout);
}

void ProcessRunner::Private::onFinished(int exitCode, QProcess::ExitStatus exitStatus)
{
    drain(); // everything written before the exit arrives before done()
    if (!guarded && pid > 0)
        ::kill(-static_cast<pid_t>(pid), SIGKILL); // background leftovers in the group
    if (guarded && pid > 0)
        endLeftCgroup();

    ProcessResult result;
    if (cancelled) {
        result.status = ProcessResult::Status::Cancelled;
    } else if (timedOut) {
        result.status = ProcessResult::Status::TimedOut;
        result.errorString = QCoreApplication::translate("DeployDesk", "timed out after %1")
                                 .arg(formatDuration(spec.timeout));
    } else if (exitStatus == QProcess::CrashExit) {
        // On Unix, Qt 6 reports the terminating signal as exitCode() of a CrashExit
        // (tests/process/tst_stageguard.cpp checks this).
        result.status = ProcessResult::Status::Signaled;
        result.signal = exitCode;
    } else {
        result.status = ProcessResult::Status::Exited;
        result.exitCode = exitCode;
    }
    finish(result);
}

void ProcessRunner::Private::sendSignal(int sig)
{
    if (!process || process->state() == QProcess::NotRunning || pid <= 0)
        return;
    // Right after fork the child may not have called setsid() yet: then the group does
    // not exist, and signalling the process itself is all there is to do.
    if (::kill(-static_cast<pid_t>(pid), sig) != 0 && errno == ESRCH)
        ::kill(static_cast<pid_t>(pid), sig);
}

void ProcessRunner::Private::terminate()
{
    if (!running || terminating)
        return;
    terminating = true;
    timeoutTimer.stop();
    // The guard passes SIGTERM on to the group itself (and SIGKILLs it after the grace):
    // signalling the group as well would give every process two SIGTERMs, which some
    // tools take as "force quit". Without the guard, the group gets it directly.
    if (guarded && pid > 0)
        ::kill(static_cast<pid_t>(pid), SIGTERM);
    else
        sendSignal(SIGTERM);
    // The guard SIGKILLs what ignores SIGTERM itself after the same grace, including the
    // processes outside the group that only it can find: the group's SIGKILL here (which
    // ends the guard too) is only the backstop for a guard that does not end.
    killTimer.start(guarded ? spec.killGrace + kGuardBackstop : spec.killGrace);
}

ProcessRunner::ProcessRunner(QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>(this))
{
    d->timeoutTimer.setSingleShot(true);
    d->killTimer.setSingleShot(true);
    connect(&d->timeoutTimer, &QTimer::timeout, this, [this] {
        if (!d->running || d->cancelled)
            return;
        qCDebug(lcProcess) << "stage process timed out after" << d->spec.timeout.count() << "ms";
        d->timedOut = true;
        d->terminate();
    });
    connect(&d->killTimer, &QTimer::timeout, this, [this] { d->sendSignal(SIGKILL); });
}

ProcessRunner::~ProcessRunner()
{
    d->timeoutTimer.stop();
    d->killTimer.stop();
    if (d->process) {
        QObject::disconnect(d->process, nullptr, nullptr, nullptr);
        d->killNow();
        delete d->process;
        d->process = nullptr;
    }
}

void ProcessRunner::start(const ProcessSpec &spec)
{
    if (d->running) {
        qCWarning(lcProcess) << "ProcessRunner::start() called while a stage process is running";
        ProcessResult result;
        result.status = ProcessResult::Status::FailedToStart;
        result.errorString =
            tr("another command is still running in this runner; wait for done() or cancel() it "
               "before starting \"%1\"")
                .arg(spec.command);
        QMetaObject::invokeMethod(
            this, [this, result] { emit done(result); }, Qt::QueuedConnection);
        return;
    }
    d->discardProcess();
    d->spec = spec;
    d->pid = 0;
    d->running = true;
    d->terminating = false;
    d->cancelled = false;
    d->timedOut = false;
    ++d->generation;

    d->inStart = true;
    if (!spec.workdir.isEmpty() && !QFileInfo(spec.workdir).isDir()) {
        d->failLater(tr("the working directory \"%1\" does not exist or is not a directory; "
                        "create it or fix the stage's workdir")
                         .arg(spec.workdir));
    } else {
        d->startProcess();
    }
    d->inStart = false;
}

void ProcessRunner::cancel()
{
    if (!d->running)
        return;
    if (!d->timedOut)
        d->cancelled = true;
    d->terminate();
}

bool ProcessRunner::isRunning() const
{
    return d->running;
}

qint64 ProcessRunner::pid() const
{
    return d->pid;
}

QString ProcessRunner::guardPath()
{
    const QString name = QStringLiteral("deploydesk-stage");
    if (qEnvironmentVariableIsSet("DEPLOYDESK_STAGE_HELPER")) {
        const QString helper = qEnvironmentVariable("DEPLOYDESK_STAGE_HELPER");
        if (helper.isEmpty())
            return {}; // explicitly disabled
        if (QFileInfo(helper).isExecutable())
            return helper;
        qCWarning(lcProcess) << "DEPLOYDESK_STAGE_HELPER is" << helper
                             << "which is not an executable file; looking elsewhere";
    }
    if (QCoreApplication::instance()) {
        const QString next = QCoreApplication::applicationDirPath() + QLatin1Char('/') + name;
        if (QFileInfo(next).isExecutable())
            return next;
    }
#ifdef DEPLOYDESK_LIBEXECDIR
    const QString installed = QStringLiteral(DEPLOYDESK_LIBEXECDIR "/") + name;
    if (QFileInfo(installed).isExecutable())
        return installed;
#endif
    return {};
}

} // namespace DeployDesk
