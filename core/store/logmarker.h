#pragma once

#include "common/error.h"
#include "log/logline.h"

#include <QSqlDatabase>

namespace DeployDesk::Internal {

// The line DeployDesk writes into a stage's log where lines could not be recorded: a
// System line that every reader (deploydeskctl logs, the panel's log view, search)
// shows in place of what was lost.
LogLine lostLinesMarker(qint64 lines, const Error &why);
// The line added to a stage's log when the store is next opened and finds the stage
// still running under a process that is gone: its end, and maybe lines, were not recorded.
LogLine unfinishedLogMarker(qint64 pid);

// Appends one line after a stage's last stored line (its own block and index entry),
// inside the caller's transaction.
Result<void> appendLogLine(QSqlDatabase &db, const QString &path, qint64 runId, qint64 stageId,
                           const LogLine &line);

} // namespace DeployDesk::Internal
