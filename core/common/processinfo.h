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

// The cgroup the deploydesk-stage guard with `guardPid`, started by this process, makes
// for its stage (tools/stageguard.c: <our cgroup v2>/deploydesk-stage-<pid>), or empty
// when no cgroup v2 hierarchy is mounted here. The directory exists only while the guard
// runs it, or after the guard itself was killed (SIGKILL) before it could remove it.
QString stageCgroupDir(qint64 guardPid);

// Ends whatever still runs in the stage cgroup `dir` (cgroup.kill: SIGKILL to all at
// once) and removes it. For a guard that was killed: normally the guard does this.
// Blocks up to about a second for the cgroup to empty. False when `dir` remains.
bool endStageCgroup(const QString &dir);

} // namespace DeployDesk::ProcessInfo
