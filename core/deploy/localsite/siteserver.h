#pragma once

#include "common/error.h"

#include <QString>

namespace DeployDesk::LocalSite {

// `serve: true`: keeps a small static HTTP server answering at the site's url for the
// `current` release of `root`, for machines without a web server (the example workspace).
// It is Python's http.server (`python3 -m http.server`), started once, detached so it
// outlives DeployDesk, and found again through <root>/server.json (pid and start time, so
// a recycled pid is not mistaken for it). It serves the folder through the `current`
// link, so every switch (deploy, rollback) is seen by the next request.
// Returns the line to log: "serving … at …" or "already serving …".
Result<QString> ensureSiteServer(const QString &root, const QString &url);

} // namespace DeployDesk::LocalSite
