#pragma once

#include "common/error.h"

#include <QHash>
#include <QList>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>

#include <optional>

namespace DeployDesk::Internal {

// The log index in parts (schema step 12, issue 11 §4). Each part is an FTS5 table of its
// own (the trigram index of schema step 7) holding the blocks of one range of block ids:
// from its first_id up to the next live part's. A new block past the newest part's range
// starts a new part, so no part grows past logIndexPartBlocks() blocks, and FTS5's merges
// (which stop only between terms, so a merge step lasts as long as the longest doclist it
// meets) stay short however large the history grows: docs/benchmarks.md §10 measured the
// worst merge step of pruning a whole index at ~30 ms up to 2^19 blocks and 150 ms at 2^21.
// A part whose range holds no block any more is retired (searches and writers stop using
// it at once) and then dropped in short steps (dropLogIndexPartStep()).
//
// log_fts_parts: id, first_id, name, retired. The index from before step 12, log_fts, is
// the part whose range starts at 0.
struct LogIndexPart
{
    qint64 id = 0;      // log_fts_parts.id
    qint64 firstId = 0; // the first block id of its range
    QString table;      // its FTS5 table
};

// Blocks per part: 2^18 (the measurement above).
qint64 logIndexPartBlocks();
// Tests only: parts of `blocks` blocks; 0 restores the default.
void setLogIndexPartBlocksForTesting(qint64 blocks);

// The live parts (`retired` false) or the retired ones, by first block id.
Result<QList<LogIndexPart>> logIndexParts(QSqlDatabase &db, const QString &path,
                                          const QString &operation, bool retired = false);

// Which part a block's index entries go to (the writer, creating parts) or came from (the
// prune). Prepared once per connection; used inside the caller's write transaction, so the
// answer holds until it commits: parts are created and retired only in write transactions,
// and only when no block of theirs exists, so a block stays in the part it was added to.
class LogIndexPartMap final
{
public:
    Result<void> prepare(QSqlDatabase &db, const QString &path, const QString &operation);
    // The FTS5 table for block `blockId`. With `create`, a block no live part's range takes
    // in (before the first part, or logIndexPartBlocks() past the start of the part before
    // it) gets a new part whose range starts at it; without, that gives an empty string.
    Result<QString> tableFor(qint64 blockId, bool create, const QString &operation);

private:
    Result<QString> createPart(qint64 firstId, const QString &operation);

    std::optional<QSqlDatabase> m_db;
    std::optional<QSqlQuery> m_find;
    QString m_path;
};

// "SELECT rowid FROM p1 WHERE p1 MATCH :<name>0 UNION ALL SELECT rowid FROM p2 …" over
// `parts`, for a MATCH of the parameter `name` bound once per part (bindLogIndexMatch());
// empty for no parts.
QString logIndexMatchSql(const QList<LogIndexPart> &parts, const QString &name);
void bindLogIndexMatch(QSqlQuery &query, const QList<LogIndexPart> &parts, const QString &name,
                       const QString &match);

// FTS5's own consistency check of each live part (of the one index before schema step 12,
// for a file of an older `schemaVersion`): what fails, naming the part, or nothing. It
// writes nothing when the parts are consistent.
QStringList checkLogIndexParts(QSqlDatabase &db, int schemaVersion);

// Retires the live parts whose range holds no block, except the newest (new blocks go to
// it), in one write transaction. Returns how many it retired.
Result<int> retireEmptyLogIndexParts(QSqlDatabase &db, const QString &path);

// One step of dropping a retired part: deletes rows of its storage (FTS5's shadow tables;
// nothing reads a retired part), a few at a time, until they are gone or the step has held
// the write lock `budgetMs` (0: one chunk); when none is left, drops its table and its row.
// Each step is one write transaction, so a large part is dropped without holding the lock
// long. Returns false when no retired part is left.
Result<bool> dropLogIndexPartStep(QSqlDatabase &db, const QString &path, int budgetMs);

} // namespace DeployDesk::Internal
