#include "engine/stageserver.h"

#include "common/logging.h"
#include "engine/processrunner.h"

#include <QCoreApplication>
#include <QFile>
#include <QMutex>
#include <QMutexLocker>

#include <cerrno>
#include <csignal>
#include <cstring>

#include <fcntl.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

namespace DeployDesk::StageServer {

namespace {

// The largest request a guard takes (tools/stageguard.c, MaxRequest).
constexpr int kMaxRequest = 1 << 20;

struct Server
{
    QMutex mutex;
    int fd = -1; // our end of the server's socket; -1: not running
    pid_t pid = 0;

    ~Server()
    {
        // The server ends on end of file; it is reaped by whoever adopts it.
        if (fd >= 0)
            ::close(fd);
    }

    void stopLocked()
    {
        if (fd >= 0)
            ::close(fd);
        fd = -1;
        if (pid > 0)
            ::waitpid(pid, nullptr, WNOHANG); // ended already, or soon reaped by init
        pid = 0;
    }

    bool startLocked(QString *error)
    {
        const QByteArray path = QFile::encodeName(ProcessRunner::guardPath());
        int sv[2];
        if (::socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, sv) != 0) {
            *error = QString::fromLocal8Bit(std::strerror(errno));
            return false;
        }
        // dup2() onto the same number would keep FD_CLOEXEC: keep the child's end off 3.
        if (sv[1] == 3) {
            const int moved = ::fcntl(sv[1], F_DUPFD_CLOEXEC, 4);
            ::close(sv[1]);
            sv[1] = moved;
        }
        posix_spawn_file_actions_t actions;
        posix_spawn_file_actions_init(&actions);
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
        posix_spawn_file_actions_adddup2(&actions, sv[1], 3);
        posix_spawnattr_t attr;
        posix_spawnattr_init(&attr);
        sigset_t none;
        sigemptyset(&none);
        sigset_t all;
        sigfillset(&all);
        sigdelset(&all, SIGKILL);
        sigdelset(&all, SIGSTOP);
        posix_spawnattr_setsigmask(&attr, &none);
        posix_spawnattr_setsigdefault(&attr, &all);
        // A session of its own: a terminal's Ctrl-C reaches this program, which then
        // cancels its stages, not the server.
        posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSID | POSIX_SPAWN_SETSIGMASK |
                                            POSIX_SPAWN_SETSIGDEF);
        char serve[] = "--serve";
        char *argv[] = {path.data() ? const_cast<char *>(path.constData()) : nullptr, serve,
                        nullptr};
        char *envp[] = {nullptr};
        pid_t child = 0;
        const int rc = sv[1] >= 0
                           ? ::posix_spawn(&child, path.constData(), &actions, &attr, argv, envp)
                           : errno;
        posix_spawnattr_destroy(&attr);
        posix_spawn_file_actions_destroy(&actions);
        if (sv[1] >= 0)
            ::close(sv[1]);
        if (rc != 0) {
            ::close(sv[0]);
            *error = QCoreApplication::translate("DeployDesk", "cannot start \"%1 --serve\": %2")
                         .arg(QFile::decodeName(path), QString::fromLocal8Bit(std::strerror(rc)));
            return false;
        }
        fd = sv[0];
        pid = child;
        // A request is one packet: room for a large environment (the kernel may give less;
        // a request that does not fit goes to a guard of its own).
        const int room = kMaxRequest + 4096;
        ::setsockopt(fd, SOL_SOCKET, SO_SNDBUF, &room, sizeof room);
        qCDebug(lcProcess) << "stage server started, pid" << pid;
        return true;
    }

    // Sends the request as one packet with the descriptors. errno on failure.
    int sendLocked(const QByteArray &frame, const int fds[4])
    {
        union {
            char buf[CMSG_SPACE(4 * sizeof(int))];
            cmsghdr align;
        } control;
        std::memset(&control, 0, sizeof control);
        iovec iov{const_cast<char *>(frame.constData()), size_t(frame.size())};
        msghdr msg{};
        msg.msg_iov = &iov;
        msg.msg_iovlen = 1;
        msg.msg_control = control.buf;
        msg.msg_controllen = sizeof control.buf;
        cmsghdr *c = CMSG_FIRSTHDR(&msg);
        c->cmsg_level = SOL_SOCKET;
        c->cmsg_type = SCM_RIGHTS;
        c->cmsg_len = CMSG_LEN(4 * sizeof(int));
        std::memcpy(CMSG_DATA(c), fds, 4 * sizeof(int));
        ssize_t n;
        do {
            n = ::sendmsg(fd, &msg, MSG_NOSIGNAL);
        } while (n < 0 && errno == EINTR);
        return n < 0 ? errno : 0;
    }
};

Server &server()
{
    static Server instance;
    return instance;
}

void appendString(QByteArray &frame, const QByteArray &text)
{
    frame += text;
    frame += '\0';
}

QByteArray frameFor(const ProcessSpec &spec)
{
    QByteArray frame;
    appendString(frame, "1");
    appendString(frame, QByteArray::number(qint64(spec.killGrace.count())));
    appendString(frame, QFile::encodeName(spec.workdir));
    appendString(frame, "3");
    appendString(frame, "/bin/sh");
    appendString(frame, "-c");
    appendString(frame, spec.command.toLocal8Bit());
    // An empty environment is inherited, as QProcess does.
    const QStringList environment = spec.environment.isEmpty()
                                        ? QProcessEnvironment::systemEnvironment().toStringList()
                                        : spec.environment.toStringList();
    for (const QString &entry : environment)
        appendString(frame, entry.toLocal8Bit());
    return frame;
}

} // namespace

bool enabled()
{
    return qgetenv("DEPLOYDESK_STAGE_SERVER") != "0" && !ProcessRunner::guardPath().isEmpty();
}

bool request(const ProcessSpec &spec, const int fds[4], QString *error)
{
    const QByteArray frame = frameFor(spec);
    if (frame.size() >= kMaxRequest) {
        *error = QCoreApplication::translate("DeployDesk",
                                             "the stage's command and environment take %1 bytes, "
                                             "more than a served guard takes")
                     .arg(frame.size());
        return false;
    }
    Server &s = server();
    QMutexLocker lock(&s.mutex);
    for (int attempt = 0; attempt < 2; ++attempt) {
        if (s.fd < 0 && !s.startLocked(error))
            return false;
        const int err = s.sendLocked(frame, fds);
        if (err == 0)
            return true;
        if (err == EMSGSIZE || err == ENOBUFS) {
            *error = QString::fromLocal8Bit(std::strerror(err));
            return false; // this request only: the server is fine
        }
        // The server has ended (killed by hand, or it failed): start another one.
        qCWarning(lcProcess) << "the stage server" << s.pid
                             << "took no request:" << std::strerror(err)
                             << "- starting another one";
        *error = QString::fromLocal8Bit(std::strerror(err));
        s.stopLocked();
    }
    return false;
}

void warmUp()
{
    if (!enabled())
        return;
    Server &s = server();
    QMutexLocker lock(&s.mutex);
    QString error;
    if (s.fd < 0 && !s.startLocked(&error))
        qCDebug(lcProcess) << "stage server not started ahead:" << error; // request() says why
}

} // namespace DeployDesk::StageServer
