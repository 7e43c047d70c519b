#pragma once

#include "common/error.h"

#include <QSqlDatabase>
#include <QString>

#include <span>

namespace DeployDesk::Internal {

// The forward migrations of one kind of SQLite file: step i (1-based) takes PRAGMA
// user_version from i-1 to i, each step a list of statements. The history has its own
// (historySchemaSteps()); the vector indexes of core/data/index have theirs. Messages name
// the file by its kind (isVectorIndexFile()): "history database …" or "vector index …".
using SchemaSteps = std::span<const std::span<const char *const>>;

SchemaSteps historySchemaSteps();

// The number of migration steps, i.e. the newest schema version this build knows.
int latestSchemaVersion();

// Reads PRAGMA user_version (any kind of file); fails with a message naming `path` when the file is
// not a SQLite database.
Result<int> readSchemaVersion(QSqlDatabase &db, const QString &path);

// Applies migration steps (current version + 1) .. targetVersion in one transaction that
// also sets user_version: a failed step leaves the file as it was (its error names the
// version). Refuses a database newer than latestSchemaVersion() without writing to it.
Result<void> migrate(QSqlDatabase &db, const QString &path, int targetVersion);
// The same for another kind of file: its own steps, whose count is its newest version.
Result<void> migrate(QSqlDatabase &db, const QString &path, SchemaSteps steps, int targetVersion);

} // namespace DeployDesk::Internal
