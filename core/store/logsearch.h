#pragma once

#include <functional>

#include "common/error.h"
#include "store/records.h"

#include <QList>
#include <QSqlDatabase>
#include <QString>

namespace DeployDesk::Internal {

// The FTS5 query for `text`: its words (split as the writer splits them, see
// isTermByte()) each as a quoted prefix term, ANDed: "foo-ba" gives "foo"* "ba"*.
// Empty when `text` has no letter or digit (the caller then scans without the index).
QString ftsQuery(const QString &text);

// Lines whose ANSI-stripped text contains `text` (case-insensitive): candidate blocks from
// the full-text index, then an exact substring check on each decoded line. Newest runs
// first, then pipeline order, then line order. `runId` 0 searches every run; `limit` <= 0
// means no limit. With `onePerRun`, stops looking in a run after its first match.
Result<QList<LogMatch>> searchLogBlocks(QSqlDatabase &db, const QString &path, const QString &text,
                                        qint64 runId, int limit, bool onePerRun,
                                        const std::function<bool(qint64 runId)> &acceptRun = {});

} // namespace DeployDesk::Internal
