#pragma once

#include <QString>
#include <QtGlobal>

namespace DeployDesk::ProcessInfo {

// The start time of a process in clock ticks since boot (/proc/PID/stat field 22),
// or -1 when there is no such process. With the pid it identifies a process for good:
// a recycled pid has another start time.
qint64 startTicks(qint64 pid);

// Whether the process that had `pid` and `ticks` is still running.
bool isAlive(qint64 pid, qint64 ticks);

} // namespace DeployDesk::ProcessInfo
