#pragma once

#include "common/error.h"
#include "config/paramschema.h"

#include <QString>

#include <chrono>

namespace DeployDesk {

struct TargetRequest;

namespace LocalService {

// The `with:` options of a local-service stage (or rollback), checked and resolved:
// paths absolute, defaults filled in.
struct Options
{
    QString from;    // the folder to release (absolute)
    QString command; // run by /bin/sh -c in the release folder, with PORT set
    int port = 0;    // the stable port users call
    QString healthPath = QStringLiteral("/health");
    std::chrono::milliseconds startTimeout{30000};
    std::chrono::milliseconds healthTimeout{10000}; // one health GET without an answer
    std::chrono::milliseconds drain{2000};     // time the old instance keeps running after a swap
    std::chrono::milliseconds stopGrace{5000}; // SIGTERM -> SIGKILL
    int keep = 3;
    QString root; // releases/, active.json, forwarder.json (absolute)
    QString url;  // the public URL; http://127.0.0.1:<port> by default
};

ParamSchema params();

// What an operation needs: deploy needs `command` and `port`; rollback needs `command`
// and `port` too (it starts the release again); status, list and health only the root.
enum class Need { Root, Start, Deploy };
Result<Options> parseOptions(const TargetRequest &request, Need need);

} // namespace LocalService
} // namespace DeployDesk
