#pragma once

#include "common/error.h"

#include <QSqlDatabase>
#include <QString>

namespace DeployDesk::Internal {

// The number of migration steps, i.e. the newest schema version this build knows.
int latestSchemaVersion();

// Reads PRAGMA user_version; fails with a message naming `path` when the file is not a
// SQLite database.
Result<int> readSchemaVersion(QSqlDatabase &db, const QString &path);

// Applies migration steps (current version + 1) .. targetVersion, each in its own
// transaction that also sets user_version. Refuses a database newer than
// latestSchemaVersion() without writing to it.
Result<void> migrate(QSqlDatabase &db, const QString &path, int targetVersion);

} // namespace DeployDesk::Internal
