#pragma once

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QList>
#include <QString>
#include <QUuid>

#include <cerrno>
#include <csignal>

#include <sys/types.h>

namespace DeployDesk::Test {

// True when pid no longer runs: gone, or a zombie nobody has reaped yet (the PID 1 of a
// container may never reap).
inline bool processGone(qint64 pid)
{
    if (pid <= 0)
        return false;
    if (::kill(static_cast<pid_t>(pid), 0) != 0)
        return errno == ESRCH;
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return true;
    const QByteArray text = stat.readAll();
    const qsizetype close = text.lastIndexOf(')');
    if (close < 0 || close + 2 >= text.size())
        return false;
    const char state = text.at(close + 2);
    return state == 'Z' || state == 'X';
}

// The pid a command wrote to a file, or 0 while the file is missing or incomplete.
inline qint64 readPid(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return 0;
    const QByteArray text = file.readAll();
    if (!text.endsWith('\n'))
        return 0;
    bool ok = false;
    const qint64 pid = text.trimmed().toLongLong(&ok);
    return ok ? pid : 0;
}

// Ends a process a failed test may have left behind.
inline void killLeftover(qint64 pid)
{
    if (pid > 0 && !processGone(pid))
        ::kill(static_cast<pid_t>(pid), SIGKILL);
}

// A variable that marks every process of one test case: `DD_TEST_MARKER=<uuid>`. A stage
// started with it in its environment passes it to everything it starts, however that
// detaches (setsid, double fork, nohup, job control), so /proc finds them all.
inline QByteArray newMarker()
{
    return QUuid::createUuid().toByteArray(QUuid::WithoutBraces);
}
inline const char *markerVariable()
{
    return "DD_TEST_MARKER";
}

// Live (not zombie) processes whose environment holds DD_TEST_MARKER=marker.
inline QList<qint64> markedProcesses(const QByteArray &marker)
{
    const QByteArray entry = QByteArray(markerVariable()) + '=' + marker;
    QList<qint64> found;
    const QStringList pids = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs);
    for (const QString &name : pids) {
        bool ok = false;
        const qint64 pid = name.toLongLong(&ok);
        if (!ok)
            continue;
        QFile environ(QStringLiteral("/proc/%1/environ").arg(pid));
        if (!environ.open(QIODevice::ReadOnly))
            continue;
        if (!environ.readAll().split('\0').contains(entry))
            continue;
        if (!processGone(pid))
            found.append(pid);
    }
    return found;
}

// Ends what a failed test left behind, so the next test does not inherit it.
inline void killMarked(const QByteArray &marker)
{
    for (const qint64 pid : markedProcesses(marker))
        ::kill(static_cast<pid_t>(pid), SIGKILL);
}

// The ways a stage command can start a process that outlives its shell. In each, %1
// stands for a file the detached process writes its pid to once it runs; it then
// sleeps for 300 s. stageCommand() adds the wait for that file, so the detached process
// surely runs before the stage's shell goes on.
struct DetachCase
{
    const char *name;
    const char *command;
};
inline QList<DetachCase> detachCases()
{
    return {
        {"setsid", "setsid sh -c 'echo $$ > \"%1\"; exec sleep 300' &"},
        {"double fork", "( (sh -c 'echo $$ > \"%1\"; exec sleep 300' &) & )"},
        {"nohup", "nohup sh -c 'echo $$ > \"%1\"; exec sleep 300' >/dev/null 2>&1 &"},
        // dash turns job control off without a terminal; bash puts each job in a
        // process group of its own even without one.
        {"set -m", "bash -c 'set -m; sh -c \"echo \\$\\$ > %1; exec sleep 300\" &'"},
        {"setsid shell with a child", "setsid sh -c 'sleep 300 & echo $$ > \"%1\"; wait' &"},
        {"setsid, ignoring SIGTERM",
         "setsid sh -c 'trap \"\" TERM; echo $$ > \"%1\"; while :; do sleep 1; done' &"},
    };
}

// The stage command for a case: start the detached process, wait until it runs, then
// `tail` (exit, or go on running until cancelled).
inline QString stageCommand(const QString &detach, const QString &pidFile, const QString &tail)
{
    return QString::fromLatin1(detach.toLatin1()).arg(pidFile) +
           QStringLiteral("\nwhile [ ! -s '%1' ]; do sleep 0.01; done\n%2").arg(pidFile, tail);
}

} // namespace DeployDesk::Test
