#include "common/processinfo.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QThread>

namespace DeployDesk::ProcessInfo {

qint64 startTicks(qint64 pid)
{
    if (pid <= 0)
        return -1;
    QFile file(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!file.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray stat = file.readAll();
    // The command name (field 2) is in parentheses and may hold spaces: parse after it.
    const qsizetype close = stat.lastIndexOf(')');
    if (close < 0)
        return -1;
    const QList<QByteArray> fields = stat.mid(close + 2).split(' ');
    // fields[0] is field 3 (state); field 22 is fields[19].
    if (fields.size() < 20)
        return -1;
    if (fields[0] == "Z")
        return -1; // a zombie has finished
    bool ok = false;
    const qint64 ticks = fields[19].toLongLong(&ok);
    return ok ? ticks : -1;
}

bool isAlive(qint64 pid, qint64 ticks)
{
    const qint64 now = startTicks(pid);
    return now >= 0 && now == ticks;
}

QString stageCgroupDir(qint64 guardPid)
{
    // The same lookup as the guard's makeCgroup(): our own cgroup v2 path ("0::/path")
    // under the mount point of the whole hierarchy.
    QFile cgroup(QStringLiteral("/proc/self/cgroup"));
    QFile mountInfo(QStringLiteral("/proc/self/mountinfo"));
    if (guardPid <= 0 || !cgroup.open(QIODevice::ReadOnly) || !mountInfo.open(QIODevice::ReadOnly))
        return {};
    QString own;
    for (const QByteArray &line : cgroup.readAll().split('\n')) {
        if (line.startsWith("0::"))
            own = QString::fromLocal8Bit(line.mid(3));
    }
    if (!own.startsWith(QLatin1Char('/')))
        return {};
    QString mount;
    for (const QByteArray &line : mountInfo.readAll().split('\n')) {
        const qsizetype dash = line.indexOf(" - ");
        if (dash < 0 || !line.mid(dash + 3).startsWith("cgroup2 "))
            continue;
        const QList<QByteArray> fields = line.left(dash).split(' ');
        if (fields.size() < 5 || fields[3] != "/" || fields[4].contains('\\'))
            continue;
        mount = QString::fromLocal8Bit(fields[4]);
        break;
    }
    if (mount.isEmpty())
        return {};
    return mount + (own == QLatin1String("/") ? QString() : own) +
           QStringLiteral("/deploydesk-stage-%1").arg(guardPid);
}

bool endStageCgroup(const QString &dir)
{
    if (dir.isEmpty() || !QFileInfo(dir).isDir())
        return true;
    QFile kill(dir + QStringLiteral("/cgroup.kill"));
    if (kill.open(QIODevice::WriteOnly))
        kill.write("1");
    kill.close();
    // The killed processes leave the cgroup as they exit, a moment later.
    for (int tries = 0; tries < 200; ++tries) {
        if (QDir().rmdir(dir) || !QFileInfo::exists(dir))
            return true;
        QThread::msleep(5);
    }
    return false;
}

} // namespace DeployDesk::ProcessInfo
