#pragma once

#include <QString>

namespace DeployDesk::Paths {

// Where the history store, logs and artifacts live: $DEPLOYDESK_DATA_DIR when set,
// else the user's data directory (~/.local/share/deploydesk). Created on demand.
QString dataDir();

// The user who triggered a run: the OS login name.
QString currentUser();

} // namespace DeployDesk::Paths
