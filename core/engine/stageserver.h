#pragma once

#include <QByteArray>
#include <QString>

namespace DeployDesk {

struct ProcessSpec;

// One long-lived `deploydesk-stage --serve` per DeployDesk process (tools/stageguard.c,
// serve()) with a pool of stage guards that take one stage after another, so a stage
// costs the fork of a small process and the exec of its command, as under make, instead
// of a fork of this large program and the exec of a guard as well. The server and its
// idle guards end when this program ends, however it ends (end of file on the socket);
// a busy guard ends its stage then (end of file on the stage's status socket).
//
// Thread-safe: runners in any thread share the one server.
namespace StageServer {

// Whether stages go through the server: a guard was found (ProcessRunner::guardPath())
// and DEPLOYDESK_STAGE_SERVER is not "0".
bool enabled();

// Hands `spec` to the pool with these descriptors as the stage's stdin, stdout and
// stderr and the runner's status socket (a guard gets copies; the caller still owns
// them). Starts the server on first use, and again once if it has ended. False, with
// the reason in *error, when no server can take the request (then the caller starts a
// guard of the stage's own), e.g. a command and environment over 1 MiB.
bool request(const ProcessSpec &spec, const int fds[4], QString *error);

// Starts the server now if it is enabled and not running, so that its start (an exec, a
// pool of guards forked) overlaps with what the caller does before its first stage, e.g.
// opening the history. Quiet when it cannot: the first request() tries again and says why.
void warmUp();

} // namespace StageServer

} // namespace DeployDesk
