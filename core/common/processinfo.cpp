#include "common/processinfo.h"

#include <QFile>

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

} // namespace DeployDesk::ProcessInfo
