#pragma once

// HistoryPruner's insides, shared by historyprune.cpp (choosing and deleting runs) and
// historyprunedisk.cpp (artifact copies, reclaiming space, sizes). Not for other files.

#include "common/logging.h"
#include "common/translate.h"
#include "store/historyprune.h"
#include "store/logindexparts.h"
#include "store/sqlutil.h"

#include <QElapsedTimer>
#include <QHash>
#include <QList>
#include <QSet>
#include <QSqlQuery>
#include <QStringList>

#include <optional>
#include <utility>

namespace DeployDesk::Internal {

// "?,?,?" for n values.
QString placeholders(qsizetype n);

// One log block of a run about to go: what its index entry was made of.
struct BlockTerms
{
    qint64 id = 0;
    QByteArray terms;
};

struct RunContent
{
    QList<BlockTerms> blocks;
    qint64 lines = 0;
    qint64 bytes = 0;
    qint64 stages = 0;
    bool damaged = false;
};

struct StoredCopy
{
    QString path;
    qint64 size = 0;
};

} // namespace DeployDesk::Internal

namespace DeployDesk {

using Internal::BlockTerms;
using Internal::RunContent;
using Internal::StoredCopy;

struct HistoryPruner::Private
{
    QString path;
    QString dataDir;
    QString connectionName = Internal::uniqueConnectionName(QStringLiteral("deploydesk-prune"));
    bool opened = false;

    Result<QSqlDatabase> db()
    {
        if (opened)
            return QSqlDatabase::database(connectionName, false);
        auto db = Internal::openConnection(path, connectionName);
        if (!db)
            return db;
        opened = true;
        // WAL with synchronous=NORMAL, as the store's own connection: a commit does not wait
        // for an fsync while it holds the write lock (a prune interrupted by a power cut is
        // consistent and can be run again). No checkpoint inside a commit either: prune()
        // checkpoints between its transactions, when it holds no lock. A 16 MB page cache, so
        // that a transaction does not spill pages to the WAL while it holds the lock.
        for (const char *pragma : {"PRAGMA synchronous=NORMAL", "PRAGMA wal_autocheckpoint=0",
                                   "PRAGMA cache_size=-16384"}) {
            if (auto ok = Internal::execSql(*db, path, QString::fromLatin1(pragma)); !ok)
                return std::unexpected(ok.error());
        }
        return db;
    }
    Result<qint64> scalar(const QString &operation, const QString &sql,
                          const QVariantList &values = {});
    Result<QSet<qint64>> idSet(const QString &operation, const QString &sql);
    Result<QList<qint64>> candidates(const PrunePolicy &policy, PruneReport &report);
    Result<void> count(const QList<qint64> &runs, PruneReport &report,
                       QHash<qint64, QList<StoredCopy>> &copies);
    Result<QHash<qint64, RunContent>> readContent(const QList<qint64> &runs,
                                                  QHash<qint64, QList<StoredCopy>> &copies);
    // `heldMs`: from taking the write lock to the commit (not the wait for the lock).
    Result<QList<qint64>> deleteBatch(const QList<qint64> &runs,
                                      const QHash<qint64, RunContent> &content, qint64 *heldMs);
    void removeCopies(const QHash<qint64, QList<StoredCopy>> &copies, PruneReport &report,
                      bool dryRun);
    Result<void> reclaim(const PrunePolicy &policy, PruneReport &report);
    Result<void> incrementalVacuum(QSqlDatabase &conn, int pages);
    // Removes what runs kept beside the history in the data folder: a local workflow run's
    // job folders (<dataDir>/deploy/<pipeline>/github-jobs/run-<id>: job results, outputs).
    void removeRunFolders(const QList<qint64> &runs, PruneReport &report);
    Result<qint64> bindAndCount(QSqlQuery &q, const QString &operation);
    // FTS5 merges an index's segments inside whichever statement crosses its threshold; in
    // a prune's 'delete's that held the write lock for 100-400 ms. So the parts of the log
    // index (store/logindexparts.h) this prune writes 'delete' entries to have their
    // automatic merges off while it runs (deleteBatch() turns them off in the transaction
    // that first touches a part; the setting is stored in the index, so it holds for every
    // connection), and mergeStep() does at most kMergePages of merging in one of them as
    // its own short transaction between batches. A part of at most logIndexPartBlocks()
    // blocks keeps each step short.
    //
    // FTS5 also merges a level that reaches 'crisismerge' segments (16) inside the statement
    // that adds the 16th, automerge off or not, and goes on up while the next level has 16
    // too, finishing whatever merge had been started there: a merge step always continues
    // the lowest unfinished merge, so while it works through a large level the batches'
    // small segments pile up below it, and the 16th batch then did the whole rest of that
    // merge at once (160-256 ms, traced in docs/benchmarks.md §10). So a part the prune
    // touches also has 'crisismerge' raised to kPruneCrisisMerge: the small segments wait
    // for the merge steps. Not the newest part: the log writer adds a segment to it with
    // every flush, and there the crisis merge is what keeps its levels short (FTS5 refuses
    // a 2,000th segment). FTS5's defaults come back when the prune ends, for every live
    // part that differs from them (also one a killed prune left).
    static constexpr int kMergePages = 64;
    static constexpr int kPruneCrisisMerge = 256;
    QStringList touched; // the parts holding 'delete' entries of this prune, as first met
    QStringList merging; // those that may have merging left, in turn
    std::optional<QList<Internal::LogIndexPart>> liveParts()
    {
        auto conn = db();
        if (!conn)
            return std::nullopt;
        auto live =
            Internal::logIndexParts(*conn, path, tr("reading the parts of the log search index"));
        if (!live) {
            qCWarning(lcStore).noquote() << live.error().message;
            return std::nullopt;
        }
        return *live;
    }
    void releaseMerges()
    {
        auto live = liveParts();
        auto conn = db();
        if (!live || !conn)
            return;
        // FTS5's defaults of the two settings a prune changes.
        static const std::pair<QLatin1String, int> kDefaults[] = {
            {QLatin1String("automerge"), 4}, {QLatin1String("crisismerge"), 16}};
        // Whether a part has a setting other than FTS5's default (a killed prune's).
        const auto changed = [&](const QString &table) {
            QSqlQuery q(*conn);
            if (!q.exec(QStringLiteral("SELECT k, v FROM \"%1_config\"").arg(table)))
                return false;
            while (q.next())
                for (const auto &[key, value] : kDefaults)
                    if (q.value(0).toString() == key && q.value(1).toInt() != value)
                        return true;
            return false;
        };
        // In a write transaction from its start: FTS5 reads the index before it writes the
        // setting, and a read that a writer overtakes cannot become a write (SQLite answers
        // "locked" at once, without waiting).
        const QString operation = tr("turning the log search index's merges back on");
        auto ok = Internal::inTransaction(*conn, path, operation, [&]() -> Result<void> {
            for (const Internal::LogIndexPart &part : std::as_const(*live)) {
                if (!touched.contains(part.table) && !changed(part.table))
                    continue;
                for (const auto &[key, value] : kDefaults) {
                    if (auto ok = Internal::execSql(
                            *conn, path,
                            QStringLiteral("INSERT INTO \"%1\"(\"%1\", rank) VALUES('%2', %3)")
                                .arg(part.table, key)
                                .arg(value));
                        !ok)
                        return ok;
                }
            }
            return {};
        });
        if (!ok)
            qCWarning(lcStore).noquote() << ok.error().message;
    }
    // Keeps to the parts still live (a part whose blocks are all gone is retired and then
    // dropped, not merged).
    void forgetRetiredParts()
    {
        auto live = liveParts();
        if (!live)
            return;
        QStringList tables;
        for (const Internal::LogIndexPart &part : std::as_const(*live))
            tables << part.table;
        merging.removeIf([&tables](const QString &table) { return !tables.contains(table); });
    }
    // Sets `*ms` to the longest it held the write lock; returns whether there was anything
    // to merge (FTS5's rule: a merge that did work changed at least two rows).
    bool mergeStep(qint64 *ms)
    {
        *ms = 0;
        auto conn = db();
        if (!conn)
            return false;
        auto changes = [&] {
            QSqlQuery q(*conn);
            return q.exec(QStringLiteral("SELECT total_changes()")) && q.next()
                       ? q.value(0).toLongLong()
                       : -1;
        };
        while (!merging.isEmpty()) {
            const QString table = merging.takeFirst();
            const qint64 before = changes();
            QElapsedTimer timer;
            // A write transaction from its start (see releaseMerges()); timed from when it
            // has the lock.
            const bool ok = bool(Internal::inTransaction(
                *conn, path, tr("merging the log search index"), [&]() -> Result<void> {
                    timer.start();
                    return Internal::execSql(
                        *conn, path,
                        QStringLiteral("INSERT INTO \"%1\"(\"%1\", rank) VALUES('merge', %2)")
                            .arg(table)
                            .arg(kMergePages));
                }));
            *ms = std::max(*ms, timer.isValid() ? timer.elapsed() : 0);
            if (ok && before >= 0 && changes() - before >= 2) {
                merging.append(table); // its turn again after the others'
                return true;
            }
        }
        return false;
    }
    // A passive checkpoint: copies the WAL into the file without blocking writers. True
    // when it copied all of it (only then does SQLite truncate the file to its pages); a
    // reader whose snapshot is older than the last commit holds the rest back.
    bool checkpoint()
    {
        auto conn = db();
        if (!conn)
            return false;
        QSqlQuery q(*conn);
        if (!q.exec(QStringLiteral("PRAGMA wal_checkpoint(PASSIVE)")) || !q.next())
            return false;
        return q.value(0).toInt() == 0 && q.value(1).toLongLong() == q.value(2).toLongLong();
    }
};

} // namespace DeployDesk
