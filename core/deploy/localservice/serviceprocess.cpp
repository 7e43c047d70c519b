#include "deploy/localservice/serviceprocess.h"
#include "common/translate.h"

#include "common/processinfo.h"
#include "engine/processrunner.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHostAddress>
#include <QSet>
#include <QTcpServer>
#include <QThread>

#include <cerrno>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <linux/close_range.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <vector>

namespace DeployDesk::LocalService {

namespace {
bool readFully(int fd, void *data, size_t size)
{
    auto *bytes = static_cast<char *>(data);
    while (size > 0) {
        const ssize_t n = ::read(fd, bytes, size);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return false;
        bytes += n;
        size -= size_t(n);
    }
    return true;
}

// Runs in the forked children: async-signal-safe calls only.
[[noreturn]] void runGrandchild(int nullFd, int logFd, int report, const char *dir,
                                char *const argv[], char *const envp[])
{
    ::setsid(); // not a group leader (its parent is), so this cannot fail
    const pid_t self = ::getpid();
    if (::write(report, &self, sizeof self) != ssize_t(sizeof self))
        ::_exit(127);
    struct sigaction dfl = {};
    dfl.sa_handler = SIG_DFL;
    for (int sig = 1; sig < NSIG; ++sig) {
        if (sig != SIGKILL && sig != SIGSTOP)
            ::sigaction(sig, &dfl, nullptr); // an ignored SIGPIPE would survive exec
    }
    sigset_t none;
    sigemptyset(&none);
    ::sigprocmask(SIG_SETMASK, &none, nullptr);
    ::dup2(nullFd, STDIN_FILENO);
    ::dup2(logFd, STDOUT_FILENO);
    ::dup2(logFd, STDERR_FILENO);
    // Whatever else this program has open (sockets, the history database) must not leak
    // into the service: close-on-exec for every descriptor above stderr.
    if (::syscall(SYS_close_range, 3U, ~0U, CLOSE_RANGE_CLOEXEC) != 0) {
        for (int fd = 3; fd < 65536; ++fd)
            ::fcntl(fd, F_SETFD, FD_CLOEXEC);
    }
    int err = 0;
    if (::chdir(dir) != 0)
        err = errno;
    else
        ::execve("/bin/sh", argv, envp);
    if (!err)
        err = errno;
    (void)!::write(report, &err, sizeof err);
    ::_exit(127);
}

// Process groups found in /proc, with how many running (non-zombie) members each has.
int countGroupMembers(qint64 pgid)
{
    int count = 0;
    const QStringList entries = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs);
    for (const QString &entry : entries) {
        bool ok = false;
        entry.toLongLong(&ok);
        if (!ok)
            continue;
        QFile stat(QStringLiteral("/proc/") + entry + QStringLiteral("/stat"));
        if (!stat.open(QIODevice::ReadOnly))
            continue;
        const QByteArray text = stat.readAll();
        const qsizetype close = text.lastIndexOf(')');
        if (close < 0)
            continue;
        const QList<QByteArray> fields = text.mid(close + 2).split(' ');
        // fields[0] is the state (field 3), fields[2] the process group (field 5).
        if (fields.size() > 2 && fields[0] != "Z" && fields[2].toLongLong() == pgid)
            ++count;
    }
    return count;
}
} // namespace

Result<ProcessRecord> startDetached(const QString &dir, const QString &command,
                                    const QProcessEnvironment &environment, const QString &logFile,
                                    int port)
{
    // Everything the children need is prepared here: after fork only async-signal-safe
    // calls are allowed (this program has threads).
    const QByteArray dirBytes = QFile::encodeName(dir);
    const QByteArray commandBytes = command.toLocal8Bit();
    QByteArray shell("/bin/sh"), dashC("-c");
    char *argv[] = {shell.data(), dashC.data(), const_cast<char *>(commandBytes.constData()),
                    nullptr};
    QList<QByteArray> envBytes;
    for (const QString &key : environment.keys())
        envBytes.append((key + QLatin1Char('=') + environment.value(key)).toLocal8Bit());
    std::vector<char *> envp;
    for (QByteArray &entry : envBytes)
        envp.push_back(entry.data());
    envp.push_back(nullptr);

    const int logFd = ::open(QFile::encodeName(logFile).constData(),
                             O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
    if (logFd < 0)
        return makeError(
            ErrorCode::Io,
            tr("cannot open %1: %2").arg(logFile, QString::fromLocal8Bit(std::strerror(errno))));
    const int nullFd = ::open("/dev/null", O_RDONLY | O_CLOEXEC);
    int report[2] = {-1, -1};
    if (nullFd < 0 || ::pipe2(report, O_CLOEXEC) != 0) {
        const int err = errno;
        ::close(logFd);
        if (nullFd >= 0)
            ::close(nullFd);
        return makeError(
            ErrorCode::Process,
            tr("cannot start the service: %1").arg(QString::fromLocal8Bit(std::strerror(err))));
    }
    const pid_t child = ::fork();
    if (child == 0) {
        const pid_t grandchild = ::fork();
        if (grandchild == 0)
            runGrandchild(nullFd, logFd, report[1], dirBytes.constData(), argv, envp.data());
        ::_exit(grandchild < 0 ? 1 : 0);
    }
    const int forkErr = errno;
    ::close(report[1]);
    ::close(logFd);
    ::close(nullFd);
    if (child < 0) {
        ::close(report[0]);
        return makeError(
            ErrorCode::Process,
            tr("cannot start the service: %1").arg(QString::fromLocal8Bit(std::strerror(forkErr))));
    }
    while (::waitpid(child, nullptr, 0) < 0 && errno == EINTR) {
    }
    pid_t pid = 0;
    const bool started = readFully(report[0], &pid, sizeof pid);
    int execErr = 0;
    const bool failed = started && readFully(report[0], &execErr, sizeof execErr);
    ::close(report[0]);
    if (!started || pid <= 0)
        return makeError(ErrorCode::Process, tr("cannot start the service: fork failed"));
    if (failed)
        return makeError(ErrorCode::Process,
                         tr("cannot run /bin/sh in %1: %2")
                             .arg(dir, QString::fromLocal8Bit(std::strerror(execErr))));
    return ProcessRecord{pid, ProcessInfo::startTicks(pid), port};
}

int runningInGroup(qint64 pgid)
{
    return pgid > 0 ? countGroupMembers(pgid) : 0;
}

bool signalGroup(const ProcessRecord &record, int signal)
{
    // Only while the leader is the process recorded (pid and start ticks): after a reboot
    // or a long time, the same number may name somebody else's group.
    if (!record.isRunning())
        return false;
    return ::kill(-pid_t(record.pid), signal) == 0 || ::kill(pid_t(record.pid), signal) == 0;
}

bool isRunningGroup(const ProcessRecord &record)
{
    return record.pid > 0 && (record.isRunning() || runningInGroup(record.pid) > 0);
}

void waitThenKill(qint64 pgid, std::chrono::milliseconds grace)
{
    // The group was verified as ours when it got SIGTERM, moments ago; while any member
    // runs, Linux keeps its id reserved, so signalling the group by id stays safe.
    const auto waitGone = [pgid](std::chrono::milliseconds limit) {
        for (auto waited = std::chrono::milliseconds(0); waited < limit;
             waited += std::chrono::milliseconds(20)) {
            if (runningInGroup(pgid) == 0)
                return true;
            QThread::msleep(20);
        }
        return runningInGroup(pgid) == 0;
    };
    if (waitGone(grace))
        return;
    ::kill(-pid_t(pgid), SIGKILL);
    waitGone(std::chrono::seconds(2));
}

void stopAndWait(const ProcessRecord &record, std::chrono::milliseconds grace)
{
    if (signalGroup(record, SIGTERM))
        waitThenKill(record.pid, grace);
}

int freePort(int avoid)
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0))
        return 0;
    if (avoid == 0 || probe.serverPort() != avoid)
        return probe.serverPort();
    // The kernel handed out the port to avoid (free until its owner listens): ask again
    // while holding it, so the answer differs.
    QTcpServer other;
    return other.listen(QHostAddress::LocalHost, 0) ? other.serverPort() : 0;
}

bool portInUse(int port)
{
    QTcpServer probe;
    // QTcpServer sets SO_REUSEADDR, so a port only in TIME_WAIT counts as free, as it
    // will for the forwarder.
    return !probe.listen(QHostAddress::LocalHost, quint16(port));
}

QString forwarderPath()
{
    const QString name = QStringLiteral("deploydesk-forward");
    const QString helper = qEnvironmentVariable("DEPLOYDESK_FORWARD_HELPER");
    if (!helper.isEmpty() && QFileInfo(helper).isExecutable())
        return helper;
    if (QCoreApplication::instance()) {
        const QString next = QCoreApplication::applicationDirPath() + QLatin1Char('/') + name;
        if (QFileInfo(next).isExecutable())
            return next;
    }
    const QString guard = ProcessRunner::guardPath();
    if (!guard.isEmpty()) {
        const QString beside = QFileInfo(guard).absolutePath() + QLatin1Char('/') + name;
        if (QFileInfo(beside).isExecutable())
            return beside;
    }
    return {};
}

int stopAll(const QString &rootPath, std::chrono::milliseconds grace)
{
    const ServiceRoot root(rootPath);
    QList<ProcessRecord> records;
    if (const auto forwarder = root.forwarder())
        records.append(*forwarder);
    if (const auto active = root.active())
        records.append(active->instance);
    for (const ReleaseInfo &release : root.releases()) {
        if (release.instance)
            records.append(*release.instance);
    }
    QList<ProcessRecord> running;
    QSet<qint64> seen;
    for (const ProcessRecord &r : std::as_const(records)) {
        if (!seen.contains(r.pid) && r.isRunning()) {
            seen.insert(r.pid);
            running.append(r);
        }
    }
    // SIGTERM to all first, so they wind down in parallel, then wait for each.
    QList<qint64> signalled;
    for (const ProcessRecord &r : std::as_const(running)) {
        if (signalGroup(r, SIGTERM))
            signalled.append(r.pid);
    }
    for (const qint64 pgid : std::as_const(signalled))
        waitThenKill(pgid, grace);
    return int(signalled.size());
}

} // namespace DeployDesk::LocalService
