#pragma once

#include <QByteArray>
#include <QFile>
#include <QString>

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

} // namespace DeployDesk::Test
