/*
 * deploydesk-stage: the supervisor every stage command runs under.
 *
 *   deploydesk-stage <parent-pid> <grace-ms> PROGRAM [ARG...]
 *
 * DeployDesk runs it as `deploydesk-stage <its pid> <grace> /bin/sh -c COMMAND`.
 *
 * 1. The guard makes itself the leader of a new session and process group (setsid)
 *    unless it already leads one: ProcessRunner calls setsid() in QProcess's child
 *    modifier, so the group exists before QProcess reports the start, and a cancel()
 *    right after start() cannot miss it. Either way the guard's pid is the process
 *    group id of the whole stage tree.
 * 2. It asks for SIGTERM when the thread that started it dies (PR_SET_PDEATHSIG),
 *    then checks that its parent is still <parent-pid>; if not, the parent already
 *    died and the guard ends at once without running anything. A <parent-pid> of 0
 *    skips this (for running the guard by hand).
 * 3. It becomes a child subreaper, so descendants orphaned by the shell are reparented
 *    to it and reaped here (no zombies left to a PID 1 that may not reap). Where a
 *    cgroup v2 can be made (see makeCgroup), it makes <its own cgroup>/deploydesk-stage-
 *    <pid> and moves PROGRAM there before it runs; the stage sees the path in
 *    DEPLOYDESK_STAGE_CGROUP. Then it forks and execs PROGRAM in the same group and
 *    waits for it.
 * 4. The stage is every descendant of the guard (a subreaper: whatever detaches — setsid,
 *    a double fork, nohup, a job of its own under set -m — stays its descendant) plus
 *    the members of its cgroup. On SIGTERM, SIGINT or SIGHUP (the parent-death signal
 *    included) it sends SIGTERM to the group and to each stage process outside it,
 *    waits up to <grace-ms> for all to end, then SIGKILLs whatever is left (cgroup.kill,
 *    and each process found in /proc) until none is left. SIGUSR1 skips the SIGTERM and
 *    the grace (ProcessRunner's destructor).
 * 5. When PROGRAM exits, the stage processes still left (background jobs, daemons) are
 *    ended the same way: SIGTERM, then SIGKILL after the grace. Nothing keeps running
 *    unseen, and the cgroup is removed.
 * 6. It exits with PROGRAM's exit code; if PROGRAM was killed by a signal, the guard
 *    kills itself with that signal (core dumps off), so the parent sees the same thing.
 *    QProcess then reports CrashExit with exitCode() == the signal number.
 *
 * The guard's own failures exit with 125 (bad arguments, fork failure, parent gone);
 * PROGRAM not found exits with 127 and not executable with 126, as shells do.
 *
 * No signal handlers run: the signals are blocked and taken synchronously with
 * sigtimedwait(), so there is no async-signal-safety problem to get wrong.
 * The guard itself is a member of the group, so it never sends SIGKILL to the whole
 * group: it SIGKILLs the other processes one by one (found in /proc) until none is left.
 * If the guard itself is SIGKILLed, it can end nothing: ProcessRunner then ends what is
 * left in the stage's cgroup (where there is one); without a cgroup, what left the
 * process group survives (docs/reliability.md).
 */
#define _GNU_SOURCE
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

enum { GuardFailure = 125, CannotExecute = 126, NotFound = 127 };

static const char *const progname = "deploydesk-stage";

static pid_t s_child = -1;    /* the stage program, until it is reaped */
static int s_childStatus = 0; /* its wait status, once reaped */
static int s_childDone = 0;

static void fail(const char *what, int err)
{
    if (err)
        fprintf(stderr, "%s: %s: %s\n", progname, what, strerror(err));
    else
        fprintf(stderr, "%s: %s\n", progname, what);
}

static int parseNumber(const char *text, long long max, long long *out)
{
    char *end = NULL;
    errno = 0;
    const long long value = strtoll(text, &end, 10);
    if (errno != 0 || end == text || *end != '\0' || value < 0 || value > max)
        return -1;
    *out = value;
    return 0;
}

static long long nowMs(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Reaps every child that has ended: the stage program and adopted orphans. */
static void reapChildren(void)
{
    for (;;) {
        int status = 0;
        const pid_t pid = waitpid(-1, &status, WNOHANG);
        if (pid > 0) {
            if (pid == s_child) {
                s_childStatus = status;
                s_childDone = 1;
                s_child = -1;
            }
            continue;
        }
        if (pid < 0 && errno == EINTR)
            continue;
        return; /* 0: children left but none ended; -1/ECHILD: no children */
    }
}

/*
 * Whether any child is left, ended or not, without reaping it. The guard is a
 * subreaper leading its own session: only its descendants can be in its group, and
 * orphaned ones are re-parented to it. No child means no other group member, and the
 * scan of /proc (costly on a busy machine) can be skipped.
 */
static int hasChildren(void)
{
    siginfo_t info;
    memset(&info, 0, sizeof info);
    int r;
    do {
        r = waitid(P_ALL, 0, &info, WEXITED | WNOHANG | WNOWAIT);
    } while (r < 0 && errno == EINTR);
    return r == 0;
}

/*
 * A command made only of plain words (no quotes, variables, globs, redirections,
 * operators or assignments) means the same to the shell as to execvp() after
 * splitting at blanks: such a command is run directly, sparing a shell per stage, as
 * make does. Returns the words in `words` (at most max-1, NULL-terminated) or 0.
 */
static int splitSimpleCommand(char *command, char **words, int max)
{
    int count = 0;
    for (const char *c = command; *c; ++c) {
        const unsigned char ch = (unsigned char)*c;
        if (!(isalnum(ch) || strchr("_./:@%+,-= \t", ch)))
            return 0;
    }
    for (char *word = strtok(command, " \t"); word; word = strtok(NULL, " \t")) {
        if (count + 1 >= max)
            return 0;
        words[count++] = word;
    }
    if (count == 0 || strchr(words[0], '='))
        return 0; /* empty, or an assignment: the shell's business */
    words[count] = NULL;
    return count;
}

/* ---- The stage's processes ------------------------------------------------------ */

/*
 * What belongs to the stage: every descendant of the guard. The guard is a child
 * subreaper, so a process whose parent ends (the middle of a double fork, the shell of
 * `setsid daemon &`) is re-parented to the guard, never to PID 1: while the guard lives,
 * the parent chain of every process the stage started leads to it, whatever session or
 * process group the process moved to (setsid, set -m). Where a cgroup could be made for
 * the stage (see setupCgroup), its members count too.
 */
struct ProcEntry
{
    pid_t pid;
    pid_t ppid;
    pid_t pgrp;
    char state;
    char mark; /* 0 unknown, 1 the stage's, 2 not */
};

static struct ProcEntry *s_procs = NULL;
static size_t s_procCount = 0;
static size_t s_procCapacity = 0;

static char s_cgroupDir[PATH_MAX]; /* the stage's own cgroup, or "" */
static int s_cgroupUsed = 0;       /* the stage's program was moved into it */

static int readSmallFile(const char *path, char *buf, size_t size)
{
    const int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return -1;
    size_t total = 0;
    while (total + 1 < size) {
        const ssize_t n = read(fd, buf + total, size - 1 - total);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break;
        total += (size_t)n;
    }
    close(fd);
    buf[total] = '\0';
    return (int)total;
}

/* Reads pid, ppid, process group and state of every process in /proc. */
static void readProcesses(void)
{
    s_procCount = 0;
    DIR *proc = opendir("/proc");
    if (!proc)
        return;
    struct dirent *entry;
    while ((entry = readdir(proc)) != NULL) {
        long long pidValue = 0;
        if (parseNumber(entry->d_name, INT_MAX, &pidValue) != 0)
            continue;
        char path[300];
        snprintf(path, sizeof path, "/proc/%s/stat", entry->d_name);
        char buf[512];
        if (readSmallFile(path, buf, sizeof buf) <= 0)
            continue;
        /* "pid (comm) state ppid pgrp ...": comm may hold spaces and ')'. */
        const char *close = strrchr(buf, ')');
        char state = 0;
        int ppid = 0;
        int pgrp = 0;
        if (!close || sscanf(close + 1, " %c %d %d", &state, &ppid, &pgrp) != 3)
            continue;
        if (s_procCount == s_procCapacity) {
            const size_t capacity = s_procCapacity ? s_procCapacity * 2 : 512;
            struct ProcEntry *grown = realloc(s_procs, capacity * sizeof *grown);
            if (!grown)
                break;
            s_procs = grown;
            s_procCapacity = capacity;
        }
        struct ProcEntry *p = &s_procs[s_procCount++];
        p->pid = (pid_t)pidValue;
        p->ppid = (pid_t)ppid;
        p->pgrp = (pid_t)pgrp;
        p->state = state;
        p->mark = 0;
    }
    closedir(proc);
}

static int byPid(const void *a, const void *b)
{
    const pid_t x = ((const struct ProcEntry *)a)->pid;
    const pid_t y = ((const struct ProcEntry *)b)->pid;
    return (x > y) - (x < y);
}

static struct ProcEntry *findProcess(pid_t pid)
{
    struct ProcEntry key;
    key.pid = pid;
    return bsearch(&key, s_procs, s_procCount, sizeof key, byPid);
}

/*
 * The stage's own cgroup, where one can be made: a cgroup v2 hierarchy is mounted (found
 * in /proc/self/mountinfo), and the guard may create a cgroup below its own (as root,
 * or in a delegated subtree such as the one systemd gives each user's session manager)
 * and move its child there. The cgroup is <the guard's cgroup>/deploydesk-stage-<pid>;
 * DEPLOYDESK_STAGE_NO_CGROUP=1 turns it off. Returns 0 when the directory was made.
 */
static int makeCgroup(void)
{
    s_cgroupDir[0] = '\0';
    const char *off = getenv("DEPLOYDESK_STAGE_NO_CGROUP");
    if (off && *off && strcmp(off, "0") != 0)
        return -1;
    static char buf[65536];
    if (readSmallFile("/proc/self/cgroup", buf, sizeof buf) <= 0)
        return -1;
    char own[PATH_MAX];
    own[0] = '\0';
    for (char *line = strtok(buf, "\n"); line; line = strtok(NULL, "\n")) {
        if (strncmp(line, "0::", 3) == 0) {
            snprintf(own, sizeof own, "%s", line + 3);
            break;
        }
    }
    if (own[0] != '/')
        return -1;
    if (readSmallFile("/proc/self/mountinfo", buf, sizeof buf) <= 0)
        return -1;
    char mount[PATH_MAX];
    mount[0] = '\0';
    for (char *line = strtok(buf, "\n"); line; line = strtok(NULL, "\n")) {
        /* "id parent maj:min root mountpoint options [optional...] - fstype source ..." */
        char root[PATH_MAX], point[PATH_MAX], fstype[64];
        const char *dash = strstr(line, " - ");
        if (!dash || sscanf(dash + 3, "%63s", fstype) != 1 || strcmp(fstype, "cgroup2") != 0)
            continue;
        if (sscanf(line, "%*s %*s %*s %4095s %4095s", root, point) != 2)
            continue;
        /* Only a mount of the whole (namespace's) hierarchy maps paths one to one; an
         * escaped name (\040 for a blank) is not worth unescaping here. */
        if (strcmp(root, "/") != 0 || strchr(point, '\\'))
            continue;
        snprintf(mount, sizeof mount, "%s", point);
        break;
    }
    if (mount[0] != '/')
        return -1;
    const int n = snprintf(s_cgroupDir, sizeof s_cgroupDir, "%s%s/deploydesk-stage-%ld", mount,
                           strcmp(own, "/") == 0 ? "" : own, (long)getpid());
    if (n <= 0 || (size_t)n >= sizeof s_cgroupDir || mkdir(s_cgroupDir, 0755) != 0) {
        s_cgroupDir[0] = '\0';
        return -1;
    }
    return 0;
}

/* Moves process pid into the stage's cgroup; on failure the cgroup is given up. */
static void joinCgroup(pid_t pid)
{
    if (!s_cgroupDir[0])
        return;
    char path[PATH_MAX + 32];
    snprintf(path, sizeof path, "%s/cgroup.procs", s_cgroupDir);
    const int fd = open(path, O_WRONLY | O_CLOEXEC);
    if (fd >= 0) {
        char text[32];
        const int len = snprintf(text, sizeof text, "%ld\n", (long)pid);
        s_cgroupUsed = write(fd, text, (size_t)len) == len;
        close(fd);
    }
    if (!s_cgroupUsed) {
        rmdir(s_cgroupDir);
        s_cgroupDir[0] = '\0';
    }
}

/* Removes the stage's cgroup once nothing runs in it any more. */
static void removeCgroup(void)
{
    if (!s_cgroupDir[0])
        return;
    /* A process that has just exited may hold it for a moment. */
    for (int tries = 0; tries < 200 && rmdir(s_cgroupDir) != 0 && errno == EBUSY; ++tries) {
        struct timespec pause = {0, 5 * 1000000L};
        nanosleep(&pause, NULL);
    }
    s_cgroupDir[0] = '\0';
}

/* Marks the members of the stage's cgroup (it lists no zombies). */
static void markCgroupMembers(void)
{
    if (!s_cgroupUsed)
        return;
    char path[PATH_MAX + 32];
    snprintf(path, sizeof path, "%s/cgroup.procs", s_cgroupDir);
    FILE *f = fopen(path, "re");
    if (!f)
        return;
    long long pid = 0;
    while (fscanf(f, "%lld", &pid) == 1) {
        struct ProcEntry *p = findProcess((pid_t)pid);
        if (p)
            p->mark = 1;
    }
    fclose(f);
}

/*
 * Calls visit(pid, pgrp) for each live (not zombie) process of the stage, the guard
 * excepted. Returns how many it found.
 */
static int forEachStageProcess(void (*visit)(pid_t pid, pid_t pgrp))
{
    readProcesses();
    qsort(s_procs, s_procCount, sizeof *s_procs, byPid);
    const pid_t self = getpid();
    markCgroupMembers();
    struct ProcEntry *guard = findProcess(self);
    if (guard)
        guard->mark = 1; /* the root of the tree (not counted below) */
    /* A process is the stage's when its parent is: settle them generation by generation. */
    for (int changed = 1; changed;) {
        changed = 0;
        for (size_t i = 0; i < s_procCount; ++i) {
            struct ProcEntry *p = &s_procs[i];
            if (p->mark != 0)
                continue;
            if (p->ppid == self) {
                p->mark = 1;
                changed = 1;
                continue;
            }
            const struct ProcEntry *parent = p->ppid > 0 ? findProcess(p->ppid) : NULL;
            if (!parent || parent->mark != 0) {
                p->mark = parent ? parent->mark : 2;
                changed = 1;
            }
        }
    }
    int found = 0;
    for (size_t i = 0; i < s_procCount; ++i) {
        const struct ProcEntry *p = &s_procs[i];
        if (p->mark != 1 || p->pid == self || p->state == 'Z' || p->state == 'X')
            continue;
        ++found;
        if (visit)
            visit(p->pid, p->pgrp);
    }
    return found;
}

static pid_t s_pgid = 0; /* the stage's process group: the guard's pid */

/* SIGTERM for a process outside the stage's group (the group got it as a whole). */
static void sigtermOutsideGroup(pid_t pid, pid_t pgrp)
{
    if (pgrp != s_pgid)
        kill(pid, SIGTERM);
}

static void sigkillOne(pid_t pid, pid_t pgrp)
{
    (void)pgrp;
    kill(pid, SIGKILL);
}

/* SIGKILL to every member of the cgroup at once (Linux 5.14+); 0 when done. */
static int killCgroup(void)
{
    if (!s_cgroupUsed)
        return -1;
    char path[PATH_MAX + 32];
    snprintf(path, sizeof path, "%s/cgroup.kill", s_cgroupDir);
    const int fd = open(path, O_WRONLY | O_CLOEXEC);
    if (fd < 0)
        return -1;
    const int ok = write(fd, "1", 1) == 1;
    close(fd);
    return ok ? 0 : -1;
}

/*
 * Waits up to timeoutMs for a signal of interest. Returns the signal number, or 0 on
 * timeout. Termination signals the guard sent to its own group are swallowed.
 */
static int waitSignal(const sigset_t *set, long long timeoutMs)
{
    const long long deadline = nowMs() + (timeoutMs < 0 ? 0 : timeoutMs);
    for (;;) {
        long long left = deadline - nowMs();
        if (left < 0)
            left = 0;
        struct timespec ts = {(time_t)(left / 1000), (long)(left % 1000) * 1000000L};
        siginfo_t info;
        const int sig = sigtimedwait(set, &info, &ts);
        if (sig < 0) {
            if (errno == EINTR)
                continue;
            return 0; /* EAGAIN: timed out */
        }
        if (sig != SIGCHLD && info.si_code == SI_USER && info.si_pid == getpid())
            continue; /* our own kill(-pgid, SIGTERM) */
        return sig;
    }
}

/*
 * Ends every process of the stage: SIGTERM to the group and to each stage process
 * outside it (a new session, a job of its own), up to graceMs for them to end, then
 * SIGKILL (the whole cgroup at once where there is one, and each process found) until
 * none is left. Keeps reaping meanwhile.
 */
static void endStage(long long graceMs, const sigset_t *set)
{
    const long long deadline = nowMs() + graceMs;
    if (graceMs > 0) {
        kill(-s_pgid, SIGTERM);
        forEachStageProcess(sigtermOutsideGroup);
    }
    for (;;) {
        reapChildren();
        if (forEachStageProcess(NULL) == 0) {
            reapChildren(); /* members that just became zombies */
            return;
        }
        const long long left = deadline - nowMs();
        if (left <= 0)
            break;
        /* Processes that are not our children end without a SIGCHLD: poll as well. */
        waitSignal(set, left < 20 ? left : 20);
    }
    /* A SIGKILLed process cannot fork any more, so this converges. */
    killCgroup();
    while (forEachStageProcess(sigkillOne) > 0) {
        reapChildren();
        struct timespec pause = {0, 5 * 1000000L};
        nanosleep(&pause, NULL);
    }
    reapChildren();
}

static void exitLikeChild(int status, const sigset_t *blocked)
{
    if (WIFEXITED(status))
        exit(WEXITSTATUS(status));
    if (WIFSIGNALED(status)) {
        const int sig = WTERMSIG(status);
        /* Die of the same signal, without leaving a core file of the guard. */
        const struct rlimit noCore = {0, 0};
        setrlimit(RLIMIT_CORE, &noCore);
        prctl(PR_SET_DUMPABLE, 0, 0, 0, 0);
        struct sigaction dfl;
        memset(&dfl, 0, sizeof dfl);
        dfl.sa_handler = SIG_DFL;
        sigaction(sig, &dfl, NULL);
        sigset_t only;
        sigemptyset(&only);
        sigaddset(&only, sig);
        sigprocmask(SIG_UNBLOCK, &only, NULL);
        sigprocmask(SIG_UNBLOCK, blocked, NULL);
        raise(sig);
        /* Signals whose default action is to ignore or stop end up here. */
        exit(128 + sig);
    }
    exit(GuardFailure);
}

static void noop(int sig)
{
    (void)sig;
}

int main(int argc, char **argv)
{
    if (argc < 4) {
        fprintf(stderr, "usage: %s <parent-pid> <grace-ms> PROGRAM [ARG...]\n", progname);
        return GuardFailure;
    }
    long long parentPid = 0;
    long long graceMs = 0;
    if (parseNumber(argv[1], INT_MAX, &parentPid) != 0) {
        fprintf(stderr,
                "%s: expected a parent pid (a number >= 0) as first argument, found \"%s\"\n",
                progname, argv[1]);
        return GuardFailure;
    }
    if (parseNumber(argv[2], 24LL * 3600 * 1000, &graceMs) != 0) {
        fprintf(stderr,
                "%s: expected a grace period in milliseconds (0 to 86400000) as second argument, "
                "found \"%s\"\n",
                progname, argv[2]);
        return GuardFailure;
    }

    /* Take the signals synchronously. A handler (never run while blocked) instead of
     * SIG_DFL/SIG_IGN makes sure none of them is discarded as ignored. */
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGCHLD);
    sigaddset(&set, SIGTERM);
    sigaddset(&set, SIGINT);
    sigaddset(&set, SIGHUP);
    sigaddset(&set, SIGUSR1);
    sigset_t oldMask;
    sigprocmask(SIG_BLOCK, &set, &oldMask);
    struct sigaction act;
    memset(&act, 0, sizeof act);
    act.sa_handler = noop;
    sigemptyset(&act.sa_mask);
    sigaction(SIGCHLD, &act, NULL);
    sigaction(SIGTERM, &act, NULL);
    sigaction(SIGINT, &act, NULL);
    sigaction(SIGHUP, &act, NULL);
    sigaction(SIGUSR1, &act, NULL);

    if (getpgrp() != getpid() && setsid() < 0) {
        fail("cannot create a process group for the stage (setsid)", errno);
        return GuardFailure;
    }
    s_pgid = getpgrp();

    if (parentPid > 0) {
        prctl(PR_SET_PDEATHSIG, SIGTERM, 0, 0, 0);
        if (getppid() != (pid_t)parentPid) {
            fprintf(stderr,
                    "%s: the program that started this stage (pid %lld) is gone; not running it\n",
                    progname, parentPid);
            return GuardFailure;
        }
    }
    prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0);

    /* The child waits on `go` until the parent has put it into the stage's cgroup. */
    int go[2] = {-1, -1};
    if (makeCgroup() == 0 && pipe2(go, O_CLOEXEC) != 0) {
        rmdir(s_cgroupDir);
        s_cgroupDir[0] = '\0';
    }
    s_child = fork();
    if (s_child < 0) {
        fail("cannot start the stage (fork)", errno);
        removeCgroup();
        return GuardFailure;
    }
    if (s_child > 0 && go[1] >= 0) {
        joinCgroup(s_child);
        const char used = s_cgroupUsed ? '1' : '0';
        while (write(go[1], &used, 1) < 0 && errno == EINTR) {
        }
        close(go[0]);
        close(go[1]);
    }
    if (s_child == 0) {
        if (go[0] >= 0) {
            char used = '0';
            while (read(go[0], &used, 1) < 0 && errno == EINTR) {
            }
            /* The stage can see where it runs (the guard is single-threaded: setenv is
             * safe after fork). */
            if (used == '1')
                setenv("DEPLOYDESK_STAGE_CGROUP", s_cgroupDir, 1);
            else
                unsetenv("DEPLOYDESK_STAGE_CGROUP");
        } else {
            unsetenv("DEPLOYDESK_STAGE_CGROUP");
        }
        struct sigaction dfl;
        memset(&dfl, 0, sizeof dfl);
        dfl.sa_handler = SIG_DFL;
        sigaction(SIGCHLD, &dfl, NULL);
        sigaction(SIGTERM, &dfl, NULL);
        sigaction(SIGINT, &dfl, NULL);
        sigaction(SIGHUP, &dfl, NULL);
        sigaction(SIGUSR1, &dfl, NULL);
        sigprocmask(SIG_SETMASK, &oldMask, NULL);
        if (argc == 6 && strcmp(argv[3], "/bin/sh") == 0 && strcmp(argv[4], "-c") == 0) {
            char *copy = strdup(argv[5]);
            char *words[64];
            if (copy && splitSimpleCommand(copy, words, 64) > 0) {
                execvp(words[0], words);
                /* Not a program (a shell builtin such as exit or cd): the shell runs it. */
            }
            free(copy);
        }
        execvp(argv[3], argv + 3);
        const int err = errno;
        fprintf(stderr, "%s: cannot run \"%s\": %s\n", progname, argv[3], strerror(err));
        _exit(err == ENOENT ? NotFound : CannotExecute);
    }

    int terminating = 0;
    while (!s_childDone) {
        const int sig = waitSignal(&set, 60 * 60 * 1000);
        if (sig == SIGCHLD || sig == 0) {
            reapChildren();
            continue;
        }
        /* SIGTERM, SIGINT, SIGHUP: end the whole stage; SIGUSR1: at once (SIGKILL). */
        terminating = 1;
        endStage(sig == SIGUSR1 ? 0 : graceMs, &set);
        if (!s_childDone) {
            /* endStage() left no live process, so the child is a zombie: reap it. */
            int status = 0;
            pid_t r;
            do {
                r = waitpid(s_child, &status, 0);
            } while (r < 0 && errno == EINTR);
            s_childStatus = r == s_child ? status : 0;
            s_childDone = 1;
        }
    }
    /* Leftovers: background jobs, daemons, whatever detached. With no child left, no
     * descendant is left either (orphans are re-parented to the guard). */
    if (!terminating && hasChildren() && forEachStageProcess(NULL) > 0)
        endStage(graceMs, &set);

    removeCgroup();
    exitLikeChild(s_childStatus, &set);
    return GuardFailure;
}
