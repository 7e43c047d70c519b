/*
 * deploydesk-forward: the stable port of a `local-service` deploy target.
 *
 *   deploydesk-forward <listen-port> <state-file> <log-file>
 *
 * 1. It listens on 127.0.0.1:<listen-port>. When that fails (the port is taken), it says
 *    why on stderr and exits with 1: the caller learns it at once, before anything runs.
 * 2. It then detaches: it forks twice; the grandchild (the forwarder) starts a new
 *    session (setsid) and sends its pid to the original process, which prints it
 *    on stdout and exits with 0. The forwarder is nobody's child any more, so it keeps
 *    running when DeployDesk exits, however it exits. Its stdin is /dev/null; its stdout
 *    and stderr go to <log-file> (appended).
 * 3. Each accepted connection is forwarded to 127.0.0.1:<instancePort>, the port read
 *    from <state-file> (JSON; only its "instancePort" number is used). The file is read
 *    again whenever it changes (DeployDesk replaces it with a rename, so a swap is
 *    atomic): new connections go to the new instance, connections already open stay
 *    with the instance they started with until one side closes them.
 * 4. One thread per connection copies bytes both ways (poll + read/write), passing on
 *    half-closes (shutdown), until both directions have ended.
 * 5. It ends on SIGTERM, SIGINT or SIGHUP, and on its own when the folder holding
 *    <state-file> no longer exists (the service root was deleted), so a forgotten
 *    forwarder cannot outlive its service root for long.
 *
 * Failures before listening exit with 1 (port taken) or 125 (bad arguments, fork failure).
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <limits.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

enum { BadUsage = 125, PortTaken = 1, BufferSize = 64 * 1024 };

static const char *const progname = "deploydesk-forward";

static char s_stateFile[PATH_MAX];
static char s_stateDir[PATH_MAX];

static void logLine(const char *format, ...) __attribute__((format(printf, 1, 2)));
static void logLine(const char *format, ...)
{
    char stamp[32];
    const time_t now = time(NULL);
    struct tm tm;
    gmtime_r(&now, &tm);
    strftime(stamp, sizeof stamp, "%Y-%m-%dT%H:%M:%SZ", &tm);
    char text[1024];
    va_list args;
    va_start(args, format);
    vsnprintf(text, sizeof text, format, args);
    va_end(args);
    fprintf(stderr, "%s %s[%d]: %s\n", stamp, progname, (int)getpid(), text);
    fflush(stderr);
}

static int parsePort(const char *text)
{
    char *end = NULL;
    errno = 0;
    const long value = strtol(text, &end, 10);
    if (errno != 0 || end == text || *end != '\0' || value < 1 || value > 65535)
        return -1;
    return (int)value;
}

/* The "instancePort" number of the state file, or 0 when there is none. */
static int readInstancePort(void)
{
    const int fd = open(s_stateFile, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return 0;
    char text[16384];
    size_t size = 0;
    for (;;) {
        const ssize_t n = read(fd, text + size, sizeof text - 1 - size);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break;
        size += (size_t)n;
        if (size == sizeof text - 1)
            break;
    }
    close(fd);
    text[size] = '\0';
    const char *key = strstr(text, "\"instancePort\"");
    if (!key)
        return 0;
    const char *p = key + strlen("\"instancePort\"");
    while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
        ++p;
    if (*p++ != ':')
        return 0;
    while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
        ++p;
    char digits[8] = {0};
    for (size_t i = 0; i < sizeof digits - 1 && *p >= '0' && *p <= '9'; ++i)
        digits[i] = *p++;
    const int port = parsePort(digits);
    return port > 0 ? port : 0;
}

/* The port to forward to; reads the state file again only when it changed. */
static int currentPort(void)
{
    static struct stat s_seen;
    static int s_port = 0;
    struct stat now;
    if (stat(s_stateFile, &now) != 0) {
        if (s_port != 0)
            logLine("%s is gone: refusing connections until it is back", s_stateFile);
        memset(&s_seen, 0, sizeof s_seen);
        s_port = 0;
        return 0;
    }
    if (now.st_ino != s_seen.st_ino || now.st_dev != s_seen.st_dev ||
        now.st_size != s_seen.st_size || now.st_mtim.tv_sec != s_seen.st_mtim.tv_sec ||
        now.st_mtim.tv_nsec != s_seen.st_mtim.tv_nsec) {
        const int port = readInstancePort();
        if (port != s_port)
            logLine("forwarding new connections to 127.0.0.1:%d", port);
        s_port = port;
        s_seen = now;
    }
    return s_port;
}

static int writeAll(int fd, const char *data, size_t size)
{
    while (size > 0) {
        const ssize_t n = send(fd, data, size, MSG_NOSIGNAL);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return -1;
        }
        data += n;
        size -= (size_t)n;
    }
    return 0;
}

struct Pair
{
    int client;
    int port;
};

static void *forwardConnection(void *arg)
{
    struct Pair pair = *(struct Pair *)arg;
    free(arg);
    const int client = pair.client;
    const int upstream = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    struct sockaddr_in address = {0};
    address.sin_family = AF_INET;
    address.sin_port = htons((uint16_t)pair.port);
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (upstream < 0 || connect(upstream, (struct sockaddr *)&address, sizeof address) != 0) {
        logLine("cannot reach the instance on 127.0.0.1:%d: %s", pair.port, strerror(errno));
        if (upstream >= 0)
            close(upstream);
        close(client);
        return NULL;
    }
    const int one = 1;
    setsockopt(upstream, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    setsockopt(client, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);

    char *buffer = malloc(BufferSize);
    /* open[0]: client -> upstream still flowing; open[1]: upstream -> client. */
    int open[2] = {1, 1};
    const int from[2] = {client, upstream};
    const int to[2] = {upstream, client};
    while (buffer && (open[0] || open[1])) {
        struct pollfd fds[2];
        nfds_t count = 0;
        int which[2];
        for (int i = 0; i < 2; ++i) {
            if (!open[i])
                continue;
            fds[count].fd = from[i];
            fds[count].events = POLLIN;
            fds[count].revents = 0;
            which[count++] = i;
        }
        if (poll(fds, count, -1) < 0) {
            if (errno == EINTR)
                continue;
            break;
        }
        int failed = 0;
        for (nfds_t k = 0; k < count && !failed; ++k) {
            if (!(fds[k].revents & (POLLIN | POLLHUP | POLLERR)))
                continue;
            const int i = which[k];
            const ssize_t n = read(from[i], buffer, BufferSize);
            if (n < 0 && errno == EINTR)
                continue;
            if (n < 0) {
                failed = 1; /* a reset: end both directions */
            } else if (n == 0) {
                open[i] = 0;
                shutdown(to[i], SHUT_WR);
            } else if (writeAll(to[i], buffer, (size_t)n) != 0) {
                failed = 1;
            }
        }
        if (failed)
            break;
    }
    free(buffer);
    close(upstream);
    close(client);
    return NULL;
}

static int listenOn(int port)
{
    const int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return -1;
    const int one = 1;
    setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    struct sockaddr_in address = {0};
    address.sin_family = AF_INET;
    address.sin_port = htons((uint16_t)port);
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (bind(fd, (struct sockaddr *)&address, sizeof address) != 0 || listen(fd, 128) != 0) {
        const int err = errno;
        close(fd);
        errno = err;
        return -1;
    }
    return fd;
}

/* Closes every descriptor above stderr except `keep`. */
static void closeInheritedExcept(int keep)
{
    if (keep > 3)
        syscall(SYS_close_range, 3U, (unsigned)keep - 1, 0U);
    if (syscall(SYS_close_range, (unsigned)keep + 1, ~0U, 0U) != 0) {
        for (int fd = 3; fd < 65536; ++fd) {
            if (fd != keep)
                close(fd);
        }
    }
}

/* Detaches; returns only in the forwarder (the grandchild), which keeps `keep` open. */
static void detach(const char *logFile, int keep)
{
    int report[2];
    if (pipe2(report, O_CLOEXEC) != 0) {
        fprintf(stderr, "%s: pipe: %s\n", progname, strerror(errno));
        exit(BadUsage);
    }
    const pid_t child = fork();
    if (child < 0) {
        fprintf(stderr, "%s: fork: %s\n", progname, strerror(errno));
        exit(BadUsage);
    }
    if (child > 0) {
        close(report[1]);
        pid_t forwarder = 0;
        ssize_t n;
        do {
            n = read(report[0], &forwarder, sizeof forwarder);
        } while (n < 0 && errno == EINTR);
        waitpid(child, NULL, 0);
        if (n != (ssize_t)sizeof forwarder || forwarder <= 0) {
            fprintf(stderr, "%s: the forwarder did not start; see %s\n", progname, logFile);
            exit(BadUsage);
        }
        printf("%d\n", (int)forwarder);
        exit(0);
    }
    close(report[0]);
    const pid_t grandchild = fork();
    if (grandchild < 0)
        _exit(BadUsage);
    if (grandchild > 0)
        _exit(0);
    setsid(); /* leads its own session and process group: its pid is the group id */
    const int log = open(logFile, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
    const int null = open("/dev/null", O_RDWR | O_CLOEXEC);
    if (null >= 0)
        dup2(null, STDIN_FILENO);
    dup2(log >= 0 ? log : null, STDOUT_FILENO);
    dup2(log >= 0 ? log : null, STDERR_FILENO);
    if (chdir("/") != 0) {
        /* nothing depends on the working directory */
    }
    const pid_t self = getpid();
    if (write(report[1], &self, sizeof self) != (ssize_t)sizeof self)
        _exit(BadUsage);
    close(report[1]);
    /* Descriptors inherited from whoever started us (DeployDesk's sockets, its database)
       must not stay open for as long as the forwarder runs. */
    closeInheritedExcept(keep);
}

int main(int argc, char **argv)
{
    if (argc != 4) {
        fprintf(stderr, "usage: %s <listen-port> <state-file> <log-file>\n", progname);
        return BadUsage;
    }
    const int port = parsePort(argv[1]);
    if (port < 0) {
        fprintf(stderr, "%s: \"%s\" is not a port number (1-65535)\n", progname, argv[1]);
        return BadUsage;
    }
    if (!realpath(argv[2], s_stateFile)) {
        /* The file may not exist yet; its folder must. */
        char copy[PATH_MAX];
        snprintf(copy, sizeof copy, "%s", argv[2]);
        char dir[PATH_MAX];
        if (!realpath(dirname(copy), dir)) {
            fprintf(stderr, "%s: the folder of %s does not exist\n", progname, argv[2]);
            return BadUsage;
        }
        snprintf(copy, sizeof copy, "%s", argv[2]);
        const char *name = basename(copy);
        if (strlen(dir) + 1 + strlen(name) >= sizeof s_stateFile) {
            fprintf(stderr, "%s: the path %s is too long\n", progname, argv[2]);
            return BadUsage;
        }
        memcpy(s_stateFile, dir, strlen(dir));
        s_stateFile[strlen(dir)] = '/';
        strcpy(s_stateFile + strlen(dir) + 1, name);
    }
    char copy[PATH_MAX];
    snprintf(copy, sizeof copy, "%s", s_stateFile);
    snprintf(s_stateDir, sizeof s_stateDir, "%s", dirname(copy));

    const int server = listenOn(port);
    if (server < 0) {
        fprintf(stderr, "%s: cannot listen on 127.0.0.1:%d: %s\n", progname, port, strerror(errno));
        return PortTaken;
    }
    detach(argv[3], server);

    signal(SIGPIPE, SIG_IGN);
    logLine("listening on 127.0.0.1:%d for %s", port, s_stateFile);
    pthread_attr_t attributes;
    pthread_attr_init(&attributes);
    pthread_attr_setdetachstate(&attributes, PTHREAD_CREATE_DETACHED);
    pthread_attr_setstacksize(&attributes, 256 * 1024);
    for (;;) {
        struct pollfd fd = {server, POLLIN, 0};
        const int ready = poll(&fd, 1, 2000);
        if (ready < 0 && errno != EINTR)
            break;
        if (ready <= 0) {
            struct stat dir;
            if (stat(s_stateDir, &dir) != 0) {
                logLine("%s is gone: stopping", s_stateDir);
                return 0;
            }
            continue;
        }
        const int client = accept4(server, NULL, NULL, SOCK_CLOEXEC);
        if (client < 0)
            continue;
        const int target = currentPort();
        struct Pair *pair = target > 0 ? malloc(sizeof *pair) : NULL;
        if (!pair) {
            close(client);
            continue;
        }
        pair->client = client;
        pair->port = target;
        pthread_t thread;
        if (pthread_create(&thread, &attributes, forwardConnection, pair) != 0) {
            free(pair);
            close(client);
        }
    }
    logLine("poll failed: %s", strerror(errno));
    return 1;
}
