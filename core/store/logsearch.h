#pragma once

#include <functional>

#include "common/error.h"
#include "store/records.h"

#include <QList>
#include <QSqlDatabase>
#include <QString>

namespace DeployDesk::Internal {

// The FTS5 query for `text` against the trigram index (see forEachWordTerm()): the
// trigrams of its words (split as the writer splits them, see isTermByte()), lowercased,
// each a quoted token, ANDed: "uoted" gives "uot" "ote" "ted". A word of one or two
// characters adds its mark when it holds a non-ASCII character ("🚀" gives "\x01🚀\x01"),
// else nothing; a number adds nothing (kMaxDigitTermBytes). Empty when no word adds anything (the
// caller then reads every block).
QString ftsQuery(const QString &text);

// Indexes the blocks listed in log_fts_pending (written before schema step 7 made the
// index a trigram one), in transactions of `batchSize` blocks, until none is left.
// Searches treat pending blocks as candidates, so an unfinished indexing loses nothing.
Result<void> indexPendingLogBlocks(QSqlDatabase &db, const QString &path, int batchSize = 500);

// Lines whose ANSI-stripped text contains `text` (case-insensitive): candidate blocks from
// the full-text index (and the blocks not indexed yet), then an exact substring check on each
// decoded line. Newest runs first, then pipeline order, then line order. `runId` 0 searches every
// run; `limit` <= 0 means no limit. With `onePerRun`, stops looking in a run after its first match.
Result<QList<LogMatch>> searchLogBlocks(QSqlDatabase &db, const QString &path, const QString &text,
                                        qint64 runId, int limit, bool onePerRun,
                                        const std::function<bool(qint64 runId)> &acceptRun = {});

} // namespace DeployDesk::Internal
