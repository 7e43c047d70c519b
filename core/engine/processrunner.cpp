#include "engine/processrunner.h"

#include "common/duration.h"
#include "common/logging.h"
#include "common/processinfo.h"
#include "engine/stageserver.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QProcess>
#include <QSocketNotifier>
#include <QTimer>

#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstring>

#include <fcntl.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

// How a stage is run
// -------------------
// Served (the default where the guard is found): start() hands the stage to the stage
// server (stageserver.h), whose pool of guards runs the stages of this whole program,
// with the stage's pipes and a status socket of this runner, and returns. The guard
// that takes it runs the command in a session of its own — its process group is the
// command's pid, reported as "started" (pid() is 0 until then) — and reports its wait
// status once nothing of the stage is left. Cancel, timeout and the destructor are
// messages on the status socket, never signals to the guard, whose pid outlives the
// stage; only the last-resort SIGKILL goes to the stage's own group. When this program
// ends, however it ends, the guards see end of file and end their stages. When no
// server can take the stage, or DEPLOYDESK_STAGE_SERVER=0, the runner falls back to:
//
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
    bool active() const;

    // Served stages (see the top of this file).
    bool startServed();
    void onStatusReadable();
    bool waitServedEnd(int timeoutMs);
    void tellGuard(qint32 kind);
    void guardVanished();
    qsizetype readPipe(int fd, LogStream stream, QSocketNotifier *notifier);
    void onPipeReadable(LogStream stream);
    void closeServed();

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

    bool served = false;
    qint64 guardPid = 0; // served: the guard running the stage, once it reported
    int outFd = -1;
    int errFd = -1;
    // Served stages read into this buffer, reused while no receiver of output() keeps the
    // chunk (growing a fresh one per read copied up to 1.5 times each read's bytes).
    QByteArray readBuffer;
    bool outPipeGrown = false; // to kPipeSize, for a producer in bulk
    bool errPipeGrown = false;
    int statusFd = -1;
    // Children of the runner; deleted later (one may be emitting when they go).
    QSocketNotifier *outNotifier = nullptr;
    QSocketNotifier *errNotifier = nullptr;
    QSocketNotifier *statusNotifier = nullptr;
};

namespace {

// Messages on a served stage's status socket (tools/stageguard.c, report()).
enum GuardMessageKind : qint32 {
    ReportStarted = 1,
    ReportExited = 2,
    ControlTerminate = 3,
    ControlKillNow = 4,
};
struct GuardMessage
{
    qint32 kind = 0;
    qint32 guardPid = 0;
    qint32 group = 0;
    qint32 value = 0;
};

// 1: a message read; 0: end of file (the guard is gone); -1: nothing to read now.
int readGuardMessage(int fd, GuardMessage *message)
{
    qint32 raw[4];
    ssize_t n;
    do {
        n = ::recv(fd, raw, sizeof raw, MSG_DONTWAIT);
    } while (n < 0 && errno == EINTR);
    if (n == 0 || (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK))
        return 0;
    if (n < 0)
        return -1;
    if (n != sizeof raw)
        return -1; // not from the guard: ignored
    message->kind = raw[0];
    message->guardPid = raw[1];
    message->group = raw[2];
    message->value = raw[3];
    return 1;
}

// Waits up to timeoutMs for fd to be readable (or hung up). False on timeout.
bool waitReadable(int fd, int timeoutMs)
{
    pollfd p{fd, POLLIN, 0};
    int r;
    do {
        r = ::poll(&p, 1, timeoutMs);
    } while (r < 0 && errno == EINTR);
    return r > 0;
}

void closeFd(int &fd)
{
    if (fd >= 0)
        ::close(fd);
    fd = -1;
}

} // namespace

bool ProcessRunner::Private::active() const
{
    if (served)
        return statusFd >= 0;
    return process && process->state() != QProcess::NotRunning;
}

void ProcessRunner::Private::closeServed()
{
    for (QSocketNotifier **notifier : {&outNotifier, &errNotifier, &statusNotifier}) {
        if (*notifier) {
            (*notifier)->setEnabled(false);
            (*notifier)->deleteLater();
            *notifier = nullptr;
        }
    }
    closeFd(outFd);
    closeFd(errFd);
    closeFd(statusFd);
}

namespace {
// A served stage's output pipe holds this much once its producer is seen in bulk (where the
// system allows it; 64 KiB else, and for every quiet stage).
constexpr int kPipeSize = 1024 * 1024;
constexpr qsizetype kMaxChunk = 1024 * 1024; // read at most this much at a time
// A read of at least a full stdio buffer means a producer in bulk: the pipe is then left to
// fill until kRestMs after that read (its handling counts), so a stage writing 4 KiB at a
// time costs a wake-up (of this thread, and of its writer's) per ~kRestMs instead of one per
// write; a read that filled the buffer is followed by the next at once. A trickle is read as
// it comes.
constexpr qsizetype kBulkRead = 4096;
constexpr int kRestMs = 2;
} // namespace

// Reads what the pipe holds now (up to kMaxChunk) and emits it as one chunk; returns its size.
qsizetype ProcessRunner::Private::readPipe(int fd, LogStream stream, QSocketNotifier *notifier)
{
    if (fd < 0)
        return 0;
    if (!readBuffer.isDetached())
        readBuffer = QByteArray(); // a receiver kept the last chunk: it is theirs now
    QByteArray &chunk = readBuffer;
    // A pipe's default size, and kMaxChunk once a producer in bulk has grown its pipe;
    // within the buffer's capacity after the first read: no copy, no zeroing.
    const qsizetype limit = outPipeGrown || errPipeGrown ? kMaxChunk : 64 * 1024;
    chunk.resize(limit);
    qsizetype used = 0;
    bool ended = false;
    while (used < limit) {
        ssize_t n;
        do {
            n = ::read(fd, chunk.data() + used, size_t(limit - used));
        } while (n < 0 && errno == EINTR);
        if (n <= 0) {
            ended = n == 0 || (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK);
            break;
        }
        used += n;
        if (used < limit)
            break; // a short read: the pipe is empty for now
    }
    chunk.resize(used);
    if (ended && notifier)
        notifier->setEnabled(false); // every writer is gone
    const qsizetype size = chunk.size();
    if (size > 0)
        emit q->output(stream, chunk);
    return size;
}

void ProcessRunner::Private::onPipeReadable(LogStream stream)
{
    const bool out = stream == LogStream::Stdout;
    QSocketNotifier *notifier = out ? outNotifier : errNotifier;
    const auto readAt = std::chrono::steady_clock::now();
    const qsizetype size = readPipe(out ? outFd : errFd, stream, notifier);
    if (size < kBulkRead)
        return;
    // The output may have ended the stage (closeServed()): then the notifier is no longer
    // ours, and nothing is to be read again.
    if (notifier != (out ? outNotifier : errNotifier) || !notifier->isEnabled())
        return;
    bool &grown = out ? outPipeGrown : errPipeGrown;
    if (!grown) {
        grown = true;
        ::fcntl(out ? outFd : errFd, F_SETPIPE_SZ, kPipeSize); // may fail: then it rests less
    }
    // The rest counts from the read: the chunk's handling is part of it. A read that filled
    // its buffer found the producer waiting on us: no rest then.
    const auto handled = std::chrono::duration_cast<std::chrono::milliseconds>(
        std::chrono::steady_clock::now() - readAt);
    const int rest = size >= kMaxChunk ? 0 : kRestMs - int(handled.count());
    if (rest <= 0)
        return;
    notifier->setEnabled(false);
    QTimer::singleShot(rest, Qt::PreciseTimer, notifier, [this, notifier, out] {
        if (notifier == (out ? outNotifier : errNotifier) && (out ? outFd : errFd) >= 0)
            notifier->setEnabled(true);
    });
}

bool ProcessRunner::Private::startServed()
{
    int out[2] = {-1, -1};
    int err[2] = {-1, -1};
    int status[2] = {-1, -1};
    const int devNull = ::open("/dev/null", O_RDONLY | O_CLOEXEC);
    const bool made = devNull >= 0 && ::pipe2(out, O_CLOEXEC | O_NONBLOCK) == 0 &&
                      ::pipe2(err, O_CLOEXEC | O_NONBLOCK) == 0 &&
                      ::socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, status) == 0;
    QString error;
    bool sent = false;
    if (made) {
        // The guard's ends block as usual: O_NONBLOCK is per open file, so set it here only.
        for (int fd : {out[1], err[1]})
            ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) & ~O_NONBLOCK);
        const int fds[4] = {devNull, out[1], err[1], status[1]};
        sent = StageServer::request(spec, fds, &error);
    } else {
        error = QString::fromLocal8Bit(std::strerror(errno));
    }
    for (int fd : {devNull, out[1], err[1], status[1]}) {
        if (fd >= 0)
            ::close(fd);
    }
    if (!sent) {
        for (int fd : {out[0], err[0], status[0]}) {
            if (fd >= 0)
                ::close(fd);
        }
        qCWarning(lcProcess) << "the stage server cannot take a stage:" << error
                             << "- starting a guard of its own";
        return false;
    }
    served = true;
    guarded = true;
    guardPid = 0;
    outFd = out[0];
    errFd = err[0];
    statusFd = status[0];
    outPipeGrown = errPipeGrown = false;
    outNotifier = new QSocketNotifier(outFd, QSocketNotifier::Read, q);
    errNotifier = new QSocketNotifier(errFd, QSocketNotifier::Read, q);
    statusNotifier = new QSocketNotifier(statusFd, QSocketNotifier::Read, q);
    QObject::connect(outNotifier, &QSocketNotifier::activated, q,
                     [this] { onPipeReadable(LogStream::Stdout); });
    QObject::connect(errNotifier, &QSocketNotifier::activated, q,
                     [this] { onPipeReadable(LogStream::Stderr); });
    QObject::connect(statusNotifier, &QSocketNotifier::activated, q,
                     [this] { onStatusReadable(); });
    qCDebug(lcProcess) << "stage handed to the stage server:" << spec.command;
    if (running && spec.timeout.count() > 0)
        timeoutTimer.start(spec.timeout);
    return true;
}

// Cancel, timeout, destructor: a message to the guard (sent before it reported too).
void ProcessRunner::Private::tellGuard(qint32 kind)
{
    if (statusFd < 0)
        return;
    const qint32 message[4] = {kind, 0, 0, 0};
    while (::send(statusFd, message, sizeof message, MSG_DONTWAIT | MSG_NOSIGNAL) < 0 &&
           errno == EINTR) {
    }
}

// The status socket closed without a status: the guard was killed (SIGKILL) or crashed,
// or (before it reported) the stage server ended with the request unread.
void ProcessRunner::Private::guardVanished()
{
    if (guardPid == 0) {
        closeServed();
        ProcessResult result;
        result.status = ProcessResult::Status::FailedToStart;
        result.errorString =
            QCoreApplication::translate("DeployDesk",
                                        "the stage server ended before it ran \"%1\"; run the "
                                        "stage again")
                .arg(spec.command);
        finish(result);
        return;
    }
    qCWarning(lcProcess) << "the stage guard" << guardPid << "ended without reporting";
    endLeftCgroup();
    onFinished(SIGKILL, QProcess::CrashExit);
}

void ProcessRunner::Private::onStatusReadable()
{
    if (statusFd < 0)
        return; // closed since the notifier fired
    GuardMessage message;
    for (;;) {
        const int got = readGuardMessage(statusFd, &message);
        if (got < 0)
            return;
        if (got == 0) {
            guardVanished();
            return;
        }
        if (message.kind == ReportStarted) {
            guardPid = message.guardPid;
            pid = message.group;
            qCDebug(lcProcess) << "stage guard" << guardPid << "runs it as group" << pid;
        } else if (message.kind == ReportExited) {
            guardPid = message.guardPid;
            const int waitStatus = message.value;
            onFinished(WIFSIGNALED(waitStatus) ? WTERMSIG(waitStatus) : WEXITSTATUS(waitStatus),
                       WIFSIGNALED(waitStatus) ? QProcess::CrashExit : QProcess::NormalExit);
            return;
        }
    }
}

// Blocks until the served guard has ended the stage (reported or vanished); false on
// timeout. Notes the group when the guard reports it meanwhile.
bool ProcessRunner::Private::waitServedEnd(int timeoutMs)
{
    GuardMessage message;
    while (statusFd >= 0) {
        const int got = readGuardMessage(statusFd, &message);
        if (got == 0 || (got > 0 && message.kind == ReportExited)) {
            if (got == 0 && guardPid > 0)
                endLeftCgroup();
            return true;
        }
        if (got > 0 && message.kind == ReportStarted) {
            guardPid = message.guardPid;
            pid = message.group;
        }
        if (got < 0 && !waitReadable(statusFd, timeoutMs))
            return false;
    }
    return true;
}

void ProcessRunner::Private::discardProcess()
{
    if (served) {
        killNow();
        closeServed();
        served = false;
        return;
    }
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
    if (served) {
        if (statusFd < 0)
            return;
        tellGuard(ControlKillNow);
        if (!waitServedEnd(5000)) {
            sendSignal(SIGKILL); // the stage's group, once known
            waitServedEnd(5000);
        }
        closeServed();
        return;
    }
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
    const QString dir = ProcessInfo::stageCgroupDir(served ? guardPid : pid);
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
    if (served) {
        // The guard ended every process of the stage before it reported: all they wrote
        // is in the pipes (a killed guard's leftovers may still write; not waited for), up
        // to kPipeSize each: a pipe read to kMaxChunk is read once more.
        for (int i = 0; i < 2 && readPipe(outFd, LogStream::Stdout, outNotifier) >= kMaxChunk;
             ++i) {
        }
        for (int i = 0; i < 2 && readPipe(errFd, LogStream::Stderr, errNotifier) >= kMaxChunk;
             ++i) {
        }
        return;
    }
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
    if (StageServer::enabled() && startServed())
        return;
    served = false;
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
    // A served guard removes its cgroup before it reports (guardVanished() ends it when
    // the guard could not).
    if (guarded && !served && pid > 0)
        endLeftCgroup();
    if (served)
        closeServed();

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
    if (!active() || pid <= 0)
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
    if (served)
        tellGuard(ControlTerminate);
    else if (guarded && pid > 0)
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
    if (d->served) {
        d->killNow();
        d->closeServed();
    }
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
