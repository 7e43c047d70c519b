#pragma once

#include <functional>
#include <optional>

#include "common/error.h"
#include "store/logindexparts.h"
#include "store/records.h"

#include <QHash>
#include <QList>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>

namespace DeployDesk::Internal {

// The FTS5 query for `text` against the trigram index (see forEachWordTerm()): the
// trigrams of its words (split as the writer splits them, see isTermByte()), lowercased,
// each a quoted token, ANDed: "uoted" gives "uot" "ote" "ted". A word of one or two
// characters adds its mark when it holds a non-ASCII character ("🚀" gives "\x01🚀\x01"),
// else nothing; a number adds nothing (kMaxDigitTermBytes). Empty when no word adds anything (the
// caller then reads every block).
QString ftsQuery(const QString &text);

// What a search for `text` asks the log index: the trigram index (ftsQuery()), and the
// blocks' grams (LogGrams) for what that index does not hold — the pairs of its words of
// two ASCII letters or digits, and per number of three or more digits, its digit sequences
// (a number may lie inside a long one, whose sequences only the grams have). Each number
// is also asked of the trigram index, as it may lie inside a word or a short number.
struct LogIndexQuery
{
    struct Number
    {
        QString match;    // the number's trigrams, for the trigram index
        QByteArray grams; // its pairs and sequences (LogGrams::stored())
    };
    QString match;    // ftsQuery(text)
    QByteArray pairs; // empty: no word of two ASCII letters or digits
    QList<Number> numbers;
    bool isEmpty() const { return match.isEmpty() && pairs.isEmpty() && numbers.isEmpty(); }
};
LogIndexQuery logIndexQuery(const QString &text);

// Adds blocks to the log index: their terms to the part of log_fts their id belongs to
// (LogIndexPartMap, which starts a new part when a block is past the newest one's range),
// their grams (when there are any) to log_grams. Prepared once per connection; add() runs
// inside the caller's transaction, after the block's row is inserted.
class LogIndexInserter final
{
public:
    Result<void> prepare(QSqlDatabase &db, const QString &path, const QString &operation);
    Result<void> add(qint64 blockId, const QByteArray &terms, const QByteArray &grams,
                     const QString &operation);
    // Only the grams (a block that has its terms already).
    Result<void> addGrams(qint64 blockId, const QByteArray &grams, const QString &operation);

private:
    std::optional<QSqlDatabase> m_db;
    LogIndexPartMap m_parts;
    // The INSERT of each part written to, by table (a statement per part it meets).
    QHash<QString, QSqlQuery> m_terms;
    std::optional<QSqlQuery> m_grams;
    QString m_path;
};

// Indexes the blocks listed in log_fts_pending (written before schema step 7 made the
// index a trigram one) and log_grams_pending (written before step 8 added the grams), in
// transactions of `batchSize` blocks, until none is left. Searches treat pending blocks as
// candidates, so an unfinished indexing loses nothing.
Result<void> indexPendingLogBlocks(QSqlDatabase &db, const QString &path, int batchSize = 500);

// Lines whose ANSI-stripped text contains `text` (case-insensitive): candidate blocks from
// the log index (logIndexQuery(); and the blocks not indexed yet), then an exact substring check on
// each decoded line. Newest runs first, then pipeline order, then line order. `runId` 0 searches
// every run; `limit` <= 0 means no limit. With `onePerRun`, stops looking in a run after its first
// match.
Result<QList<LogMatch>> searchLogBlocks(QSqlDatabase &db, const QString &path, const QString &text,
                                        qint64 runId, int limit, bool onePerRun,
                                        const std::function<bool(qint64 runId)> &acceptRun = {});

} // namespace DeployDesk::Internal
