#pragma once

#include "common/error.h"
#include "deploy/localservice/serviceroot.h"

#include <QProcessEnvironment>
#include <QString>

#include <chrono>

namespace DeployDesk::LocalService {

// Starts `/bin/sh -c command` in `dir`, detached from this program: forked twice, so it
// is nobody's child and keeps running when DeployDesk exits; in a session and process
// group of its own (its pid is the group id); stdin /dev/null, stdout and stderr
// appended to `logFile`; `environment` as its whole environment. Returns its pid and
// start ticks (startTicks is -1 when it already ended). Not under deploydesk-stage on
// purpose: the guard ends its stage when DeployDesk dies.
Result<ProcessRecord> startDetached(const QString &dir, const QString &command,
                                    const QProcessEnvironment &environment, const QString &logFile,
                                    int port);

// Members of process group `pgid` that are still running (zombies do not count).
int runningInGroup(qint64 pgid);

// Sends `signal` to the process group of `record` if its leader is still the process
// recorded (pid and start ticks). False when nothing was signalled.
bool signalGroup(const ProcessRecord &record, int signal);

// Whether anything of `record` still runs (its leader, or its group).
bool isRunningGroup(const ProcessRecord &record);

// Blocking: waits up to `grace` for group `pgid` (signalled moments ago) to end, then
// SIGKILLs what is left of it and waits for that.
void waitThenKill(qint64 pgid, std::chrono::milliseconds grace);

// Blocking: SIGTERM, then SIGKILL after `grace`, until the group is gone. For the CLI
// and tests; the deploy job stops instances asynchronously (GroupStopper).
void stopAndWait(const ProcessRecord &record, std::chrono::milliseconds grace);

// A TCP port on 127.0.0.1 that nothing listens on right now, other than `avoid` (a port
// kept for something that does not listen yet); 0 when none was found.
int freePort(int avoid = 0);
// Whether something already listens on 127.0.0.1:port.
bool portInUse(int port);

// deploydesk-forward: $DEPLOYDESK_FORWARD_HELPER, else next to this program, else next
// to the stage guard (ProcessRunner::guardPath()). Empty when not found.
QString forwarderPath();

// Stops everything a service root runs: the forwarder, the live instance and every
// instance recorded by a release, each by pid AND start ticks (a recycled pid is left
// alone). Blocking (up to `grace` per process group, in parallel); for tests and
// `deploydeskctl`. active.json stays, so status() still names the release, not running.
// Returns how many processes (forwarder included) were stopped.
int stopAll(const QString &root, std::chrono::milliseconds grace = std::chrono::seconds(5));

} // namespace DeployDesk::LocalService
