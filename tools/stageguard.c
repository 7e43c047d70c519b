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
 *    DEPLOYDESK_STAGE_CGROUP. Then it starts PROGRAM in the same group (sharing the
 *    guard's memory until the exec, as posix_spawn does: see spawnStage) and waits for it.
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
 * Served (deploydesk-stage --serve, see serve() below): a pool of guards forked by one
 * server per DeployDesk process runs stage after stage; each stage's program then
 * leads a session and process group of its own (its pid is the group id), and the
 * runner talks to the guard through a status socket instead of signals and exit codes.
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
#include <linux/sched.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/signalfd.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
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
static char s_cgroupParent[PATH_MAX]; /* where stage cgroups are made; "" if nowhere */
static int s_cgroupParentKnown = 0;

/* Finds s_cgroupParent: <cgroup2 mount><own cgroup>. The server finds it once, before
 * it forks guards, which inherit it. */
static void findCgroupParent(void)
{
    if (s_cgroupParentKnown)
        return;
    s_cgroupParentKnown = 1;
    s_cgroupParent[0] = '\0';
    static char buf[65536];
    if (readSmallFile("/proc/self/cgroup", buf, sizeof buf) <= 0)
        return;
    char own[PATH_MAX];
    own[0] = '\0';
    for (char *line = strtok(buf, "\n"); line; line = strtok(NULL, "\n")) {
        if (strncmp(line, "0::", 3) == 0) {
            snprintf(own, sizeof own, "%s", line + 3);
            break;
        }
    }
    if (own[0] != '/')
        return;
    if (readSmallFile("/proc/self/mountinfo", buf, sizeof buf) <= 0)
        return;
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
        return;
    const int n = snprintf(s_cgroupParent, sizeof s_cgroupParent, "%s%s", mount,
                           strcmp(own, "/") == 0 ? "" : own);
    if (n <= 0 || (size_t)n >= sizeof s_cgroupParent)
        s_cgroupParent[0] = '\0';
}

static int s_keepCgroup = 0;   /* served: the cgroup stays for the guard's next stage */
static int s_cgroupKilled = 0; /* cgroup.kill was used on it: a process started into it
                                * later may be killed too (seen on Linux 6.18), so it is
                                * not kept */
static int s_cgroupFd = -1;    /* the cgroup's directory while it is kept (for clone3) */

static int makeCgroup(void)
{
    const char *off = getenv("DEPLOYDESK_STAGE_NO_CGROUP");
    if (off && *off && strcmp(off, "0") != 0)
        return -1;
    if (s_keepCgroup && s_cgroupDir[0])
        return 0; /* made for an earlier stage of this guard, and empty since */
    s_cgroupDir[0] = '\0';
    findCgroupParent();
    if (!s_cgroupParent[0])
        return -1;
    const int n = snprintf(s_cgroupDir, sizeof s_cgroupDir, "%s/deploydesk-stage-%ld",
                           s_cgroupParent, (long)getpid());
    if (n <= 0 || (size_t)n >= sizeof s_cgroupDir || mkdir(s_cgroupDir, 0755) != 0) {
        s_cgroupDir[0] = '\0';
        return -1;
    }
    return 0;
}

/*
 * What the stage's child does between its start and the exec of the program
 * (startProgram). Everything it needs is prepared by the guard beforehand: started
 * with vfork semantics (spawnStage), the child shares the guard's memory until the exec,
 * so it must not allocate or change anything there.
 */
struct StageStart
{
    char **program;
    char **words;       /* a simple command's words (or NULL), tried first */
    char **envp;        /* with DEPLOYDESK_STAGE_CGROUP when it runs in the cgroup */
    char **envpOutside; /* without it */
    const sigset_t *commandMask;
    const char *workdir;
    int ownSession;
    int goFd; /* fork() on old kernels: wait for the move into the cgroup */
};

/* "deploydesk-stage: WHAT "NAME": ERROR" on stderr, from the child: formatted on its stack
 * (stdio could allocate in the memory it shares with the guard). */
static void childError(const char *what, const char *name, int err)
{
    char line[1024];
    const int n =
        snprintf(line, sizeof line, "%s: %s \"%s\": %s\n", progname, what, name, strerror(err));
    if (n > 0)
        (void)!write(STDERR_FILENO, line, (size_t)n < sizeof line ? (size_t)n : sizeof line - 1);
}

/* In the stage's child: returns an exit code only when the program cannot be run. */
static int startProgram(void *arg)
{
    const struct StageStart *start = arg;
    if (start->ownSession)
        setsid();
    char **envp = start->envp;
    if (start->goFd >= 0) {
        char used = '0';
        while (read(start->goFd, &used, 1) < 0 && errno == EINTR) {
        }
        if (used != '1')
            envp = start->envpOutside;
    }
    /* Without CLONE_SIGHAND the child has handlers of its own: resetting them here does
     * not touch the guard's. */
    struct sigaction dfl;
    memset(&dfl, 0, sizeof dfl);
    dfl.sa_handler = SIG_DFL;
    sigaction(SIGCHLD, &dfl, NULL);
    sigaction(SIGTERM, &dfl, NULL);
    sigaction(SIGINT, &dfl, NULL);
    sigaction(SIGHUP, &dfl, NULL);
    sigaction(SIGUSR1, &dfl, NULL);
    sigprocmask(SIG_SETMASK, start->commandMask, NULL);
    if (start->workdir && *start->workdir && chdir(start->workdir) != 0) {
        childError("cannot enter the working directory", start->workdir, errno);
        return GuardFailure;
    }
    /* Not a program (a shell builtin such as exit or cd): the shell runs it below. */
    if (start->words)
        execvpe(start->words[0], start->words, envp);
    execvpe(start->program[0], start->program, envp);
    const int err = errno;
    childError("cannot run", start->program[0], err);
    return err == ENOENT ? NotFound : CannotExecute;
}

struct CloneArgs
{
    uint64_t flags, pidfd, childTid, parentTid, exitSignal, stack, stackSize, tls, setTid,
        setTidSize, cgroup;
};
#define CloneIntoCgroup 0x200000000ULL

#if defined(__x86_64__) && defined(SYS_clone3)
#define DD_SPAWN_SHARED 1
/*
 * clone3() whose child runs fn(arg) on the stack given in args and exits with its
 * result: the child never returns through the caller's frames, which is what lets it
 * share the caller's memory (CLONE_VM | CLONE_VFORK), as glibc's posix_spawn does.
 */
static long clone3Run(struct CloneArgs *args, int (*fn)(void *), void *arg)
{
    long ret;
    register long entry __asm__("r12") = (long)fn;
    register long data __asm__("r13") = (long)arg;
    __asm__ volatile("syscall\n\t"
                     "test %%rax, %%rax\n\t"
                     "jnz 1f\n\t"
                     /* the child, on its own stack (16-byte aligned at its top) */
                     "xor %%ebp, %%ebp\n\t"
                     "mov %%r13, %%rdi\n\t"
                     "call *%%r12\n\t"
                     "mov %%eax, %%edi\n\t"
                     "mov $231, %%eax\n\t" /* exit_group */
                     "syscall\n\t"
                     "hlt\n\t"
                     "1:\n\t"
                     : "=a"(ret)
                     : "0"((long)SYS_clone3), "D"(args), "S"(sizeof *args), "r"(entry), "r"(data)
                     : "rcx", "r11", "memory");
    if (ret < 0) { /* the raw system call: -errno */
        errno = (int)-ret;
        return -1;
    }
    return ret;
}

/* The stack the child of a shared start runs on until its exec (one per guard, with a
 * guard page below it). */
static char *s_spawnStack = NULL;
static const size_t SpawnStackSize = 256 * 1024;

static int haveSpawnStack(void)
{
    if (s_spawnStack)
        return 1;
    const size_t page = (size_t)sysconf(_SC_PAGESIZE);
    char *base = mmap(NULL, SpawnStackSize + page, PROT_READ | PROT_WRITE,
                      MAP_PRIVATE | MAP_ANONYMOUS | MAP_STACK, -1, 0);
    if (base == MAP_FAILED)
        return 0;
    mprotect(base, page, PROT_NONE);
    s_spawnStack = base + page;
    return 1;
}

/* What execvpe() may put on the child's stack: the PATH search's buffer and a script's
 * argument vector. */
static size_t spawnStackNeed(const struct StageStart *start)
{
    size_t need = 32 * 1024;
    for (char **e = start->envp; *e; ++e) {
        if (strncmp(*e, "PATH=", 5) == 0)
            need += strlen(*e);
    }
    for (char **a = start->program; *a; ++a)
        need += strlen(*a) + sizeof *a;
    return need;
}
#endif

/*
 * Starts the stage's child running startProgram(): inside the stage's cgroup when
 * cgroupFd >= 0 (CLONE_INTO_CGROUP, Linux 5.7+: no moving it afterwards, no waiting until
 * it is moved), and where it can, sharing the guard's memory until the exec
 * (CLONE_VM | CLONE_VFORK: no copy of the guard's page tables to make and tear down, a
 * third of a trivial stage's cost on a two-core VM, see docs/benchmarks.md §2). Returns
 * -1 with errno set where the kernel cannot (ENOSYS: the caller forks instead).
 */
static pid_t spawnStage(struct StageStart *start, int cgroupFd)
{
#ifdef SYS_clone3
    struct CloneArgs args;
    memset(&args, 0, sizeof args);
    args.exitSignal = SIGCHLD;
    if (cgroupFd >= 0) {
        args.flags |= CloneIntoCgroup;
        args.cgroup = (uint64_t)cgroupFd;
    }
#ifdef DD_SPAWN_SHARED
    if (start->goFd < 0 && spawnStackNeed(start) < SpawnStackSize && haveSpawnStack()) {
        args.flags |= CLONE_VM | CLONE_VFORK;
        args.stack = (uint64_t)(uintptr_t)s_spawnStack;
        args.stackSize = SpawnStackSize;
        const long pid = clone3Run(&args, startProgram, start);
        if (pid >= 0 || (errno != ENOSYS && errno != EINVAL))
            return (pid_t)pid;
        /* An older kernel or a sandbox that refuses it: as below. */
        args.flags &= ~(uint64_t)(CLONE_VM | CLONE_VFORK);
        args.stack = args.stackSize = 0;
    }
#endif
    if (cgroupFd < 0) {
        errno = ENOSYS;
        return -1;
    }
    const long pid = syscall(SYS_clone3, &args, sizeof args);
    if (pid == 0)
        _exit(startProgram(start));
    return (pid_t)pid;
#else
    (void)start;
    (void)cgroupFd;
    errno = ENOSYS;
    return -1;
#endif
}

/* spawnStage() into the stage's cgroup (kept open for the next stage when served). */
static pid_t spawnIntoCgroup(struct StageStart *start)
{
    const int dir =
        s_cgroupFd >= 0 ? s_cgroupFd : open(s_cgroupDir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dir < 0)
        return -1;
    const pid_t pid = spawnStage(start, dir);
    const int err = errno;
    if (pid > 0 && s_keepCgroup)
        s_cgroupFd = dir;
    else if (dir != s_cgroupFd)
        close(dir);
    errno = err;
    return pid;
}

/*
 * The environment of the stage's program: the guard's (served: the request's), with
 * DEPLOYDESK_STAGE_CGROUP naming the stage's cgroup in *inside, and without it in
 * *outside. Both point into environ and `cgroupVar`; free() the arrays. 0 on success.
 */
static int stageEnvironments(char ***inside, char ***outside, char *cgroupVar, size_t size)
{
    static const char name[] = "DEPLOYDESK_STAGE_CGROUP=";
    size_t count = 0;
    while (environ && environ[count])
        ++count;
    *inside = malloc((count + 2) * sizeof **inside);
    *outside = malloc((count + 1) * sizeof **outside);
    if (!*inside || !*outside) {
        free(*inside);
        free(*outside);
        return -1;
    }
    size_t in = 0, out = 0;
    for (size_t i = 0; i < count; ++i) {
        if (strncmp(environ[i], name, sizeof name - 1) == 0)
            continue;
        (*inside)[in++] = environ[i];
        (*outside)[out++] = environ[i];
    }
    if (s_cgroupDir[0] && (size_t)snprintf(cgroupVar, size, "%s%s", name, s_cgroupDir) < size)
        (*inside)[in++] = cgroupVar;
    (*inside)[in] = NULL;
    (*outside)[out] = NULL;
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
static void dropCgroup(void)
{
    if (s_cgroupFd >= 0)
        close(s_cgroupFd);
    s_cgroupFd = -1;
    if (!s_cgroupDir[0])
        return;
    /* A process that has just exited may hold it for a moment. */
    for (int tries = 0; tries < 200 && rmdir(s_cgroupDir) != 0 && errno == EBUSY; ++tries) {
        struct timespec pause = {0, 5 * 1000000L};
        nanosleep(&pause, NULL);
    }
    s_cgroupDir[0] = '\0';
}

/* At the end of a stage: removes its cgroup, or keeps it (empty) for the next stage. */
static void removeCgroup(void)
{
    if (!s_keepCgroup || s_cgroupKilled)
        dropCgroup();
    s_cgroupKilled = 0;
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

/* The stage's process group: the guard's own (started on its own), or the program's
 * (served: the program leads a session of its own). */
static pid_t s_pgid = 0;

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
    s_cgroupKilled = 1;
    return ok ? 0 : -1;
}

/* ---- Talking to a served runner ------------------------------------------------- */

/*
 * A guard started by the stage server (see serve()) talks to its ProcessRunner through
 * a status socket of the stage's own: messages of four 32-bit integers {kind, guard pid,
 * process group, value}, one per packet.
 *   guard -> runner: Started once the stage's program runs (its process group is the
 *                    program's pid); Exited (value: the wait status) once nothing of the
 *                    stage is left.
 *   runner -> guard: Terminate (cancel, timeout: SIGTERM, then SIGKILL after the grace),
 *                    KillNow (the runner's destructor). End of file — the runner, or
 *                    DeployDesk, is gone — counts as Terminate.
 * A runner never signals a served guard: a guard runs one stage after another, so its
 * pid outlives the stage.
 */
enum { ReportStarted = 1, ReportExited = 2, ControlTerminate = 3, ControlKillNow = 4 };
enum { ControlReady = -1 }; /* waitSignal(): the status socket has something */

static int s_statusFd = -1;  /* served: the runner's status socket; -1 otherwise */
static int s_statusEof = 0;  /* the runner has gone */
static int s_control = 0;    /* the strongest request read: 0, Terminate or KillNow */
static int s_signalFd = -1;  /* the guard's signals, read synchronously */
static int s_serverGone = 0; /* served: SIGTERM (the server ended): stop after the stage */

static void report(int kind, int value)
{
    if (s_statusFd < 0 || s_statusEof)
        return;
    const int32_t message[4] = {kind, (int32_t)getpid(), (int32_t)s_pgid, value};
    while (send(s_statusFd, message, sizeof message, MSG_NOSIGNAL) < 0 && errno == EINTR) {
    }
}

/* Reads what the runner sent; notes end of file. */
static void readControl(void)
{
    while (s_statusFd >= 0 && !s_statusEof) {
        int32_t message[4];
        const ssize_t n = recv(s_statusFd, message, sizeof message, MSG_DONTWAIT);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
            return;
        if (n <= 0) {
            s_statusEof = 1;
            return;
        }
        if (n == sizeof message &&
            (message[0] == ControlTerminate || message[0] == ControlKillNow) &&
            message[0] > s_control)
            s_control = message[0];
    }
}

/*
 * Waits up to timeoutMs for a signal of interest or a message from the runner. Returns
 * the signal number, ControlReady, or 0 on timeout. Termination signals the guard sent
 * to its own group are swallowed.
 */
static int waitSignal(const sigset_t *set, long long timeoutMs)
{
    (void)set; /* s_signalFd was made for it */
    const long long deadline = nowMs() + (timeoutMs < 0 ? 0 : timeoutMs);
    for (;;) {
        long long left = deadline - nowMs();
        if (left < 0)
            left = 0;
        struct pollfd fds[2] = {{s_signalFd, POLLIN, 0},
                                {s_statusFd >= 0 && !s_statusEof ? s_statusFd : -1, POLLIN, 0}};
        const int r = poll(fds, 2, (int)(left > INT_MAX ? INT_MAX : left));
        if (r < 0 && errno == EINTR)
            continue;
        if (r <= 0)
            return 0;
        if (fds[1].revents) {
            readControl();
            return ControlReady;
        }
        struct signalfd_siginfo info;
        if (read(s_signalFd, &info, sizeof info) != (ssize_t)sizeof info)
            continue;
        if (info.ssi_signo != SIGCHLD && info.ssi_code == SI_USER &&
            (pid_t)info.ssi_pid == getpid())
            continue; /* our own kill(-pgid, SIGTERM) */
        return (int)info.ssi_signo;
    }
}

/* What the runner asked for, as a grace period: -1 nothing, 0 at once, else graceMs. */
static long long requestedEnd(long long graceMs)
{
    if (s_control == ControlKillNow)
        return 0;
    if (s_control == ControlTerminate || s_statusEof)
        return graceMs;
    return -1;
}

/*
 * Ends every process of the stage: SIGTERM to the group and to each stage process
 * outside it (a new session, a job of its own), up to graceMs for them to end, then
 * SIGKILL (the whole cgroup at once where there is one, and each process found) until
 * none is left. Keeps reaping meanwhile. SIGUSR1 or KillNow cuts the grace short.
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
        const int sig = waitSignal(set, left < 20 ? left : 20);
        if (sig == SIGUSR1 || s_control == ControlKillNow)
            break;
        if (sig == SIGTERM || sig == SIGINT || sig == SIGHUP)
            s_serverGone = 1;
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

/* The signals the guard takes synchronously (and the server blocks around fork). */
static void guardSignals(sigset_t *set)
{
    sigemptyset(set);
    sigaddset(set, SIGCHLD);
    sigaddset(set, SIGTERM);
    sigaddset(set, SIGINT);
    sigaddset(set, SIGHUP);
    sigaddset(set, SIGUSR1);
}

/*
 * Blocks the guard's signals (they are read from s_signalFd) and returns in *before* the
 * mask it found. A handler (never run while blocked) instead of SIG_DFL/SIG_IGN makes
 * sure none of them is discarded as ignored.
 */
static int takeSignals(sigset_t *set, sigset_t *before)
{
    guardSignals(set);
    sigprocmask(SIG_BLOCK, set, before);
    struct sigaction act;
    memset(&act, 0, sizeof act);
    act.sa_handler = noop;
    sigemptyset(&act.sa_mask);
    sigaction(SIGCHLD, &act, NULL);
    sigaction(SIGTERM, &act, NULL);
    sigaction(SIGINT, &act, NULL);
    sigaction(SIGHUP, &act, NULL);
    sigaction(SIGUSR1, &act, NULL);
    s_signalFd = signalfd(-1, set, SFD_CLOEXEC);
    if (s_signalFd < 0) {
        fail("cannot read signals (signalfd)", errno);
        return -1;
    }
    return 0;
}

/*
 * Runs one stage: `program` (NULL-terminated argv) with the signal mask `commandMask`,
 * entering `workdir` when not NULL, in a session of its own when `ownSession` (served)
 * or else in the guard's process group. Returns the wait status to pass on.
 */
static int runStage(char **program, long long graceMs, const sigset_t *set,
                    const sigset_t *commandMask, const char *workdir, int ownSession)
{
    int programArgc = 0;
    while (program[programArgc])
        ++programArgc;
    s_child = -1;
    s_childDone = 0;
    s_childStatus = 0;
    s_cgroupUsed = 0;
    s_control = 0;
    if (!ownSession)
        s_pgid = getpgrp();

    /* Everything the child needs is made here: it may share the guard's memory. */
    char *words[64];
    char *simple = NULL;
    if (programArgc == 3 && strcmp(program[0], "/bin/sh") == 0 && strcmp(program[1], "-c") == 0) {
        simple = strdup(program[2]);
        if (simple && splitSimpleCommand(simple, words, 64) <= 0) {
            free(simple);
            simple = NULL;
        }
    }
    const int inCgroup = makeCgroup() == 0;
    char cgroupVar[PATH_MAX + 32];
    char **inside = NULL;
    char **outside = NULL;
    if (stageEnvironments(&inside, &outside, cgroupVar, sizeof cgroupVar) != 0) {
        free(simple);
        fail("cannot start the stage (out of memory)", ENOMEM);
        removeCgroup();
        return (GuardFailure & 0xff) << 8;
    }
    struct StageStart start = {
        program, simple ? words : NULL, inside, outside, commandMask, workdir, ownSession, -1};

    /* The child starts inside the stage's cgroup, or (older kernels) waits on `go`
     * until the parent has moved it there. */
    int go[2] = {-1, -1};
    int born = 0; /* started inside the cgroup: no moving, no waiting on `go` */
    if (inCgroup) {
        s_child = spawnIntoCgroup(&start);
        born = s_child >= 0;
        if (born)
            s_cgroupUsed = 1;
        else if (pipe2(go, O_CLOEXEC) != 0)
            dropCgroup();
    }
    if (!born) {
        if (go[0] >= 0) {
            start.goFd = go[0];
        } else {
            start.envp = start.envpOutside;
            s_child = spawnStage(&start, -1);
        }
        if (go[0] >= 0 || s_child < 0) {
            s_child = fork();
            if (s_child == 0)
                _exit(startProgram(&start));
        }
    }
    const int spawnErrno = errno;
    free(inside);
    free(outside);
    free(simple);
    if (s_child < 0) {
        fail("cannot start the stage (fork)", spawnErrno);
        if (go[0] >= 0) {
            close(go[0]);
            close(go[1]);
        }
        removeCgroup();
        return (GuardFailure & 0xff) << 8;
    }
    if (go[1] >= 0) {
        joinCgroup(s_child);
        const char used = s_cgroupUsed ? '1' : '0';
        while (write(go[1], &used, 1) < 0 && errno == EINTR) {
        }
        close(go[0]);
        close(go[1]);
    }
    if (ownSession)
        s_pgid = s_child; /* the child's setsid() may not have run yet: see endStage() */
    report(ReportStarted, 0);

    int terminating = 0;
    while (!s_childDone) {
        const int sig = waitSignal(set, 60 * 60 * 1000);
        if (sig == SIGCHLD || sig == 0) {
            reapChildren();
            continue;
        }
        long long grace;
        if (sig == ControlReady) {
            grace = requestedEnd(graceMs);
            if (grace < 0)
                continue;
        } else {
            /* SIGTERM, SIGINT, SIGHUP: end the whole stage; SIGUSR1: at once (SIGKILL). */
            grace = sig == SIGUSR1 ? 0 : graceMs;
            if (sig != SIGUSR1)
                s_serverGone = 1;
        }
        terminating = 1;
        endStage(grace, set);
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
        endStage(graceMs, set);

    removeCgroup();
    return s_childStatus;
}

/* ---- Serving a whole program's stages ------------------------------------------- */

/*
 * deploydesk-stage --serve: one per DeployDesk process (core/engine/stageserver.cpp).
 * Stages are run by a pool of guards it forks: each takes a request, runs that stage
 * as a guard started on its own would (minus the exec of the guard: the stage costs
 * one fork of a small process and the exec of its command, as under make), reports,
 * and waits for the next one. The server forks another guard whenever the last idle
 * one takes a request.
 *
 * Requests arrive on fd 3, a SOCK_SEQPACKET socket that all guards read (each packet
 * goes to one of them): NUL-terminated strings — "1" (the version), the grace in ms,
 * the working directory, the number N of program arguments, the N arguments, then the
 * environment (NAME=VALUE each) — with four descriptors attached: the stage's stdin,
 * stdout and stderr, and the runner's status socket (see report()).
 *
 * Everything ends with DeployDesk: at end of file on fd 3 the server and the idle guards
 * exit; a busy guard sees end of file on its status socket and ends its stage (with the
 * grace). If the server itself is killed, its guards get SIGTERM (PR_SET_PDEATHSIG):
 * idle ones exit, busy ones end their stage first.
 */
enum { ServeFd = 3, RequestFds = 4, MaxRequest = 1 << 20 };
enum { GuardIdle = 1, GuardBusy = 2 }; /* guard -> server, on the pool pipe */

/* A socket, not a pipe: a server already gone must not end the guard with SIGPIPE before
 * it has removed its cgroup. */
static void tellServer(int poolFd, int state)
{
    const int32_t message[2] = {state, (int32_t)getpid()};
    while (send(poolFd, message, sizeof message, MSG_NOSIGNAL) < 0 && errno == EINTR) {
    }
}

/* Splits a request into its strings; NULL-terminated array, or NULL when malformed. */
static char **splitRequest(char *buf, long length)
{
    size_t count = 0;
    for (long i = 0; i < length; ++i)
        count += buf[i] == '\0';
    if (length == 0 || buf[length - 1] != '\0')
        return NULL;
    char **strings = calloc(count + 1, sizeof *strings);
    if (!strings)
        return NULL;
    size_t k = 0;
    for (long i = 0; i < length; i += (long)strlen(buf + i) + 1)
        strings[k++] = buf + i;
    strings[k] = NULL;
    return strings;
}

/*
 * Waits for a request (or a signal). Returns its length, 0 when the guard should exit
 * (end of file, SIGTERM), -1 for one that is malformed (descriptors closed, status
 * socket kept in fds[3] when there was one).
 */
static long takeRequest(char *buf, int fds[RequestFds])
{
    for (;;) {
        struct pollfd wait[2] = {{ServeFd, POLLIN, 0}, {s_signalFd, POLLIN, 0}};
        if (poll(wait, 2, -1) < 0) {
            if (errno == EINTR)
                continue;
            return 0;
        }
        if (wait[1].revents) {
            struct signalfd_siginfo info;
            if (read(s_signalFd, &info, sizeof info) == (ssize_t)sizeof info &&
                info.ssi_signo != SIGCHLD && info.ssi_signo != SIGUSR1)
                return 0; /* the server ended */
            reapChildren();
            continue;
        }
        union {
            char buf[CMSG_SPACE(RequestFds * sizeof(int))];
            struct cmsghdr align;
        } control;
        struct iovec iov = {buf, MaxRequest};
        struct msghdr msg;
        memset(&msg, 0, sizeof msg);
        msg.msg_iov = &iov;
        msg.msg_iovlen = 1;
        msg.msg_control = control.buf;
        msg.msg_controllen = sizeof control.buf;
        const ssize_t n = recvmsg(ServeFd, &msg, MSG_DONTWAIT | MSG_CMSG_CLOEXEC);
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR))
            continue; /* another guard took it */
        if (n <= 0)
            return 0; /* DeployDesk ended */
        int received = 0;
        for (struct cmsghdr *c = CMSG_FIRSTHDR(&msg); c; c = CMSG_NXTHDR(&msg, c)) {
            if (c->cmsg_level != SOL_SOCKET || c->cmsg_type != SCM_RIGHTS)
                continue;
            const int count = (int)((c->cmsg_len - CMSG_LEN(0)) / sizeof(int));
            for (int i = 0; i < count; ++i) {
                int fd;
                memcpy(&fd, CMSG_DATA(c) + i * sizeof(int), sizeof fd);
                if (received < RequestFds)
                    fds[received++] = fd;
                else
                    close(fd);
            }
        }
        if (received != RequestFds || (msg.msg_flags & (MSG_TRUNC | MSG_CTRUNC))) {
            for (int i = 0; i < received && i < 3; ++i) {
                close(fds[i]);
                fds[i] = -1;
            }
            if (received < RequestFds)
                fds[3] = -1;
            return -1;
        }
        return (long)n;
    }
}

/* A guard of the pool: runs stages until DeployDesk or the server ends. */
static int guardLoop(pid_t server, int poolFd, const sigset_t *commandMask)
{
    sigset_t set;
    sigset_t ignored;
    if (takeSignals(&set, &ignored) != 0)
        return GuardFailure;
    prctl(PR_SET_PDEATHSIG, SIGTERM, 0, 0, 0);
    if (getppid() != server)
        return GuardFailure;
    prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0);
    s_keepCgroup = 1;
    const int devNull = open("/dev/null", O_RDWR | O_CLOEXEC);
    char *buf = malloc(MaxRequest + 1);
    char **ownEnvironment = environ;
    if (devNull < 0 || !buf)
        return GuardFailure;

    while (!s_serverGone) {
        int fds[RequestFds] = {-1, -1, -1, -1};
        const long length = takeRequest(buf, fds);
        if (length == 0)
            break;
        tellServer(poolFd, GuardBusy);
        s_statusFd = fds[3];
        s_statusEof = 0;
        s_control = 0;
        s_pgid = 0;
        char **strings = length > 0 ? splitRequest(buf, length) : NULL;
        int count = 0;
        while (strings && strings[count])
            ++count;
        long long graceMs = 0;
        long long argc = 0;
        char **program = NULL;
        if (length < 0 || !strings || count < 5 || strcmp(strings[0], "1") != 0 ||
            parseNumber(strings[1], 24LL * 3600 * 1000, &graceMs) != 0 ||
            parseNumber(strings[3], count - 4, &argc) != 0 || argc < 1 ||
            !(program = calloc((size_t)argc + 1, sizeof *program))) {
            fprintf(stderr, "%s: ignoring a malformed stage request\n", progname);
            report(ReportExited, (GuardFailure & 0xff) << 8);
        } else {
            for (int i = 0; i < 3; ++i)
                dup2(fds[i], i);
            memcpy(program, strings + 4, (size_t)argc * sizeof *program);
            environ = strings + 4 + argc; /* the rest, NULL-terminated */
            /* Cancelled, or its runner gone, while it waited: not started at all. */
            readControl();
            const int status = s_control != 0 || s_statusEof
                                   ? SIGTERM
                                   : runStage(program, graceMs, &set, commandMask, strings[2], 1);
            environ = ownEnvironment;
            report(ReportExited, status);
            for (int i = 0; i < 3; ++i)
                dup2(devNull, i); /* the stage's pipes reach end of file */
        }
        for (int i = 0; i < RequestFds; ++i) {
            if (fds[i] >= 0)
                close(fds[i]);
        }
        s_statusFd = -1;
        free(program);
        free(strings);
        tellServer(poolFd, GuardIdle);
    }
    dropCgroup();
    return 0;
}

static int s_serverChildFd = -1; /* the server's SIGCHLD */
static sigset_t s_stageMask;     /* the mask DeployDesk started the server with */

static pid_t forkGuard(pid_t server, int poolPipe[2])
{
    /* Blocked from the guard's first instruction on: nothing sent to it is lost. */
    sigset_t set;
    guardSignals(&set);
    sigset_t serverMask;
    sigprocmask(SIG_BLOCK, &set, &serverMask);
    const pid_t guard = fork();
    if (guard == 0) {
        close(poolPipe[0]);
        close(s_serverChildFd);
        /* The stages get the mask DeployDesk gave the server (none blocked). */
        exit(guardLoop(server, poolPipe[1], &s_stageMask));
    }
    const int err = errno;
    sigprocmask(SIG_SETMASK, &serverMask, NULL);
    if (guard < 0)
        fail("cannot start a stage guard (fork)", err);
    return guard;
}

/*
 * Removes the empty cgroups of guards that are gone (killed before they could remove
 * theirs). One that still holds processes is left: its runner ends them
 * (ProcessRunner::Private::endLeftCgroup()), and rmdir() refuses a cgroup in use.
 */
static void sweepCgroups(void)
{
    DIR *dir = s_cgroupParent[0] ? opendir(s_cgroupParent) : NULL;
    if (!dir)
        return;
    const char prefix[] = "deploydesk-stage-";
    struct dirent *entry;
    while ((entry = readdir(dir)) != NULL) {
        long long pid = 0;
        if (strncmp(entry->d_name, prefix, sizeof prefix - 1) != 0 ||
            parseNumber(entry->d_name + sizeof prefix - 1, INT_MAX, &pid) != 0 || pid <= 0)
            continue;
        char path[PATH_MAX + 300];
        if (kill((pid_t)pid, 0) == 0 || errno != ESRCH) {
            /* Its guard runs (or a process that took its pid: left alone), unless it is a
             * zombie its parent has not reaped yet. */
            char stat[512];
            snprintf(path, sizeof path, "/proc/%lld/stat", pid);
            const char *close =
                readSmallFile(path, stat, sizeof stat) > 0 ? strrchr(stat, ')') : NULL;
            if (!close || (close[1] != ' ' || (close[2] != 'Z' && close[2] != 'X')))
                continue;
        }
        snprintf(path, sizeof path, "%s/%s", s_cgroupParent, entry->d_name);
        rmdir(path);
    }
    closedir(dir);
}

struct PoolGuard
{
    pid_t pid;
    int busy;
};

static int serve(void)
{
    const pid_t server = getpid();
    findCgroupParent(); /* once: the guards inherit it */
    int pool[2];
    if (socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, pool) != 0) {
        fail("cannot make the guards' socket", errno);
        return GuardFailure;
    }
    sweepCgroups();
    sigset_t childSet;
    sigemptyset(&childSet);
    sigaddset(&childSet, SIGCHLD);
    sigprocmask(SIG_BLOCK, &childSet, &s_stageMask);
    const int childFd = signalfd(-1, &childSet, SFD_CLOEXEC | SFD_NONBLOCK);
    s_serverChildFd = childFd;
    if (childFd < 0) {
        fail("cannot read signals (signalfd)", errno);
        return GuardFailure;
    }

    struct PoolGuard *guards = NULL;
    size_t count = 0;
    size_t capacity = 0;
    for (;;) {
        size_t idle = 0;
        for (size_t i = 0; i < count; ++i)
            idle += !guards[i].busy;
        if (idle == 0) {
            if (count == capacity) {
                capacity = capacity ? capacity * 2 : 8;
                struct PoolGuard *grown = realloc(guards, capacity * sizeof *grown);
                if (!grown)
                    return GuardFailure;
                guards = grown;
            }
            const pid_t guard = forkGuard(server, pool);
            if (guard < 0)
                return GuardFailure; /* DeployDesk falls back to a guard per stage */
            guards[count].pid = guard;
            guards[count].busy = 0;
            ++count;
        }
        struct pollfd wait[3] = {{ServeFd, 0, 0}, {pool[0], POLLIN, 0}, {childFd, POLLIN, 0}};
        if (poll(wait, 3, -1) < 0) {
            if (errno == EINTR)
                continue;
            return GuardFailure;
        }
        if (wait[0].revents & (POLLHUP | POLLERR))
            return 0; /* DeployDesk ended: so do the idle guards (end of file) */
        if (wait[1].revents & POLLIN) {
            int32_t message[2];
            if (read(pool[0], message, sizeof message) == (ssize_t)sizeof message) {
                for (size_t i = 0; i < count; ++i) {
                    if (guards[i].pid == (pid_t)message[1])
                        guards[i].busy = message[0] == GuardBusy;
                }
            }
        }
        if (wait[2].revents & POLLIN) {
            struct signalfd_siginfo info;
            while (read(childFd, &info, sizeof info) == (ssize_t)sizeof info) {
            }
            pid_t gone;
            while ((gone = waitpid(-1, NULL, WNOHANG)) > 0) {
                for (size_t i = 0; i < count; ++i) {
                    if (guards[i].pid == gone) {
                        guards[i] = guards[--count];
                        break;
                    }
                }
            }
        }
    }
}

int main(int argc, char **argv)
{
    if (argc == 2 && strcmp(argv[1], "--serve") == 0)
        return serve();
    if (argc < 4) {
        fprintf(stderr, "usage: %s <parent-pid> <grace-ms> PROGRAM [ARG...]\n       %s --serve\n",
                progname, progname);
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

    sigset_t set;
    sigset_t oldMask;
    if (takeSignals(&set, &oldMask) != 0)
        return GuardFailure;
    if (getpgrp() != getpid() && setsid() < 0) {
        fail("cannot create a process group for the stage (setsid)", errno);
        return GuardFailure;
    }
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
    const int status = runStage(argv + 3, graceMs, &set, &oldMask, NULL, 0);
    exitLikeChild(status, &set);
    return GuardFailure;
}
