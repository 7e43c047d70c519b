#pragma once

#include "common/error.h"

#include <QString>

#include <functional>

namespace DeployDesk {

struct HistoryFileInfo
{
    QString file;
    qint64 bytes = 0;
    qint64 runs = 0;
    int schemaVersion = 0;
};

// Writes a consistent copy of the history at `databasePath` to `target` while runs may be
// writing to it (VACUUM INTO: one read transaction, writers are not blocked; the copy holds
// every run committed when it began). The copy is written next to `target` and renamed
// into place, so `target` is never a half-written file. Refuses an existing `target`
// unless `overwrite`.
Result<HistoryFileInfo> backupHistory(const QString &databasePath, const QString &target,
                                      bool overwrite);

// Checks that `file` is an intact DeployDesk history this build can use: a SQLite
// database that passes PRAGMA integrity_check and the log index's own check, whose schema
// version is at most HistoryStore::kSchemaVersion, and which has the tables that version
// has. The checks run on a copy (`scratch`), so the file itself is only read.
Result<HistoryFileInfo> checkHistoryFile(const QString &file, const QString &scratch);

struct RestoreReport
{
    HistoryFileInfo restored;
    QString keptAs; // the history as it was before, empty when there was none
};

// Replaces the history at `databasePath` with the checked content of `file`: refused while
// a run's runner process is alive (`runnerAlive(pid, startTicks)`); the current history is
// first kept as <databasePath>.before-restore-<yyyyMMdd-HHmmss> (a consistent copy); then
// SQLite's online backup writes the file's pages into the live database in one
// transaction, so other connections (a panel left open) see the restored history and not a
// file swapped under them. An older schema is migrated.
Result<RestoreReport> restoreHistory(const QString &databasePath, const QString &file,
                                     const std::function<bool(qint64, qint64)> &runnerAlive);

} // namespace DeployDesk
