#include "store/historyprune.h"
#include "store/historyprune_p.h"

#include "common/logging.h"
#include "common/status.h"
#include "common/translate.h"
#include "store/logblock.h"
#include "store/logindexparts.h"
#include "store/sqlutil.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QHash>
#include <QScopeGuard>
#include <QSet>

#include <algorithm>
#include <chrono>
#include <thread>

namespace DeployDesk {

using namespace Internal;

namespace Internal {

QString placeholders(qsizetype n)
{
    QString text;
    text.reserve(n * 2);
    for (qsizetype i = 0; i < n; ++i)
        text += i ? QStringLiteral(",?") : QStringLiteral("?");
    return text;
}

} // namespace Internal

namespace {

// Most runs per write transaction: about 0.5 ms each on a loaded machine, so a batch that
// stalls (the thread descheduled, a page read from disk) still ends soon.
constexpr qsizetype kMaxBatch = 32;

// Runs a prune must never remove, whatever its criteria: checked once when choosing and
// again inside each write transaction (a run may have started, or a release been made,
// in between). Binds the running and queued status names, in that order.
const char kRemovable[] = "r.status NOT IN (?, ?) AND NOT EXISTS (SELECT 1 FROM releases x WHERE "
                          "x.run_id = r.id AND x.pinned = 1) AND NOT EXISTS (SELECT 1 FROM "
                          "deployments d JOIN release_layers l ON l.deployment_id = d.id JOIN "
                          "releases x ON x.id = l.release_id WHERE d.run_id = r.id AND x.run_id "
                          "!= r.id)";

} // namespace

HistoryPruner::HistoryPruner(QString databasePath, QString dataDir)
    : d(std::make_unique<Private>())
{
    d->path = std::move(databasePath);
    d->dataDir = std::move(dataDir);
}

HistoryPruner::~HistoryPruner()
{
    if (d->opened) {
        {
            QSqlDatabase db = QSqlDatabase::database(d->connectionName, false);
            db.close();
        }
        QSqlDatabase::removeDatabase(d->connectionName);
    }
}

Result<qint64> HistoryPruner::Private::scalar(const QString &operation, const QString &sql,
                                              const QVariantList &values)
{
    auto conn = db();
    if (!conn)
        return std::unexpected(conn.error());
    QSqlQuery q(*conn);
    if (auto ok = runQuery(q, path, operation, sql, values); !ok)
        return std::unexpected(ok.error());
    return q.next() ? q.value(0).toLongLong() : 0;
}

Result<QSet<qint64>> HistoryPruner::Private::idSet(const QString &operation, const QString &sql)
{
    auto conn = db();
    if (!conn)
        return std::unexpected(conn.error());
    QSqlQuery q(*conn);
    if (auto ok = runQuery(q, path, operation, sql, {}); !ok)
        return std::unexpected(ok.error());
    QSet<qint64> ids;
    while (q.next())
        ids.insert(q.value(0).toLongLong());
    return ids;
}

// The runs the criteria select that may go, oldest first; the others are counted as kept.
Result<QList<qint64>> HistoryPruner::Private::candidates(const PrunePolicy &policy,
                                                         PruneReport &report)
{
    const QString operation = tr("choosing the runs to prune");
    auto pinned = idSet(operation, QStringLiteral("SELECT DISTINCT run_id FROM releases WHERE "
                                                  "pinned = 1"));
    if (!pinned)
        return std::unexpected(pinned.error());
    auto layers = idSet(operation, QStringLiteral("SELECT DISTINCT d.run_id FROM release_layers l "
                                                  "JOIN deployments d ON d.id = l.deployment_id "
                                                  "JOIN releases x ON x.id = l.release_id "
                                                  "WHERE x.run_id != d.run_id"));
    if (!layers)
        return std::unexpected(layers.error());

    // newer: the log bytes of this run and every newer one the prune looks at, for the
    // size cap (computed only when there is one: it reads every block's length).
    const bool capped = policy.maxLogBytes >= 0;
    QString inner = QStringLiteral("SELECT id, status, coalesce(finished_at, started_at) AS at, "
                                   "row_number() OVER (PARTITION BY workspace ORDER BY id DESC) "
                                   "AS rank, %1 AS newer FROM runs %2 WHERE 1")
                        .arg(capped ? QStringLiteral("sum(coalesce(b.bytes, 0)) OVER (ORDER BY "
                                                     "id DESC)")
                                    : QStringLiteral("0"),
                             capped ? QStringLiteral("LEFT JOIN (SELECT run_id, sum(length(data)) "
                                                     "AS bytes FROM log_blocks GROUP BY run_id) "
                                                     "b ON b.run_id = runs.id")
                                    : QString());
    QVariantList values;
    if (!policy.workspace.isEmpty()) {
        inner += QStringLiteral(" AND workspace = ?");
        values << policy.workspace;
    }
    if (!policy.environment.isEmpty()) {
        inner += QStringLiteral(" AND environment = ?");
        values << policy.environment;
    }
    QString sql = QStringLiteral("SELECT id, status FROM (%1) WHERE 1").arg(inner);
    if (policy.keepLast >= 0) {
        sql += QStringLiteral(" AND rank > ?");
        values << policy.keepLast;
    }
    if (policy.olderThan) {
        sql += QStringLiteral(" AND at < ?");
        values << policy.olderThan->toMSecsSinceEpoch();
    }
    if (capped) {
        sql += QStringLiteral(" AND newer > ?");
        values << policy.maxLogBytes;
    }
    sql += QStringLiteral(" ORDER BY id");

    auto conn = db();
    if (!conn)
        return std::unexpected(conn.error());
    QSqlQuery q(*conn);
    if (auto ok = runQuery(q, path, operation, sql, values); !ok)
        return std::unexpected(ok.error());
    const QString running = toString(RunStatus::Running);
    const QString queued = toString(RunStatus::Queued);
    QList<qint64> ids;
    while (q.next()) {
        const qint64 id = q.value(0).toLongLong();
        const QString status = q.value(1).toString();
        if (status == running || status == queued)
            ++report.keptRunning;
        else if (pinned->contains(id) || layers->contains(id))
            ++report.keptReleases;
        else
            ids.append(id);
    }
    if (q.lastError().isValid())
        return std::unexpected(sqlError(path, operation, q.lastError()));
    return ids;
}

Result<qint64> HistoryPruner::Private::bindAndCount(QSqlQuery &q, const QString &operation)
{
    if (auto ok = exec(q, path, operation); !ok)
        return std::unexpected(ok.error());
    return q.next() ? q.value(0).toLongLong() : 0;
}

// Dry run: what the runs hold, without decoding their logs.
Result<void> HistoryPruner::Private::count(const QList<qint64> &runs, PruneReport &report,
                                           QHash<qint64, QList<StoredCopy>> &copies)
{
    auto conn = db();
    if (!conn)
        return std::unexpected(conn.error());
    const QString operation = tr("measuring the runs to prune");
    constexpr qsizetype kChunk = 500;
    for (qsizetype at = 0; at < runs.size(); at += kChunk) {
        const QList<qint64> chunk = runs.mid(at, kChunk);
        QVariantList values;
        for (qint64 id : chunk)
            values << id;
        const QString in = placeholders(chunk.size());
        QSqlQuery q(*conn);
        if (auto ok = runQuery(q, path, operation,
                               QStringLiteral("SELECT coalesce(sum(line_count), 0), "
                                              "coalesce(sum(length(data)), 0) FROM log_blocks "
                                              "WHERE run_id IN (%1)")
                                   .arg(in),
                               values);
            !ok)
            return ok;
        if (q.next()) {
            report.logLines += q.value(0).toLongLong();
            report.logBytes += q.value(1).toLongLong();
        }
        QSqlQuery s(*conn);
        if (auto ok = runQuery(
                s, path, operation,
                QStringLiteral("SELECT count(*) FROM stages WHERE run_id IN (%1)").arg(in), values);
            !ok)
            return ok;
        if (s.next())
            report.stages += s.value(0).toLongLong();
        QSqlQuery a(*conn);
        if (auto ok = runQuery(a, path, operation,
                               QStringLiteral("SELECT run_id, stored_path, size FROM artifacts "
                                              "WHERE run_id IN (%1) AND stored_path != ''")
                                   .arg(in),
                               values);
            !ok)
            return ok;
        while (a.next())
            copies[a.value(0).toLongLong()].append(
                StoredCopy{a.value(1).toString(), a.value(2).toLongLong()});
    }
    report.runs = runs.size();
    return {};
}

// Read outside any write transaction: each run's blocks and the terms the writer indexed
// for them (LogBlockEncoder::terms() of the same lines gives the same terms).
Result<QHash<qint64, RunContent>>
HistoryPruner::Private::readContent(const QList<qint64> &runs,
                                    QHash<qint64, QList<StoredCopy>> &copies)
{
    auto conn = db();
    if (!conn)
        return std::unexpected(conn.error());
    const QString operation = tr("reading the logs of the runs to prune");
    QVariantList values;
    for (qint64 id : runs)
        values << id;
    QSqlQuery q(*conn);
    if (auto ok = runQuery(q, path, operation,
                           QStringLiteral("SELECT id, run_id, line_count, data FROM log_blocks "
                                          "WHERE run_id IN (%1)")
                               .arg(placeholders(runs.size())),
                           values);
        !ok)
        return std::unexpected(ok.error());
    QHash<qint64, RunContent> content;
    for (qint64 id : runs)
        content.insert(id, RunContent{});
    while (q.next()) {
        RunContent &run = content[q.value(1).toLongLong()];
        const QByteArray data = q.value(3).toByteArray();
        run.lines += q.value(2).toLongLong();
        run.bytes += data.size();
        if (run.damaged)
            continue;
        auto lines = decodeLogBlock(data);
        if (!lines) {
            run.damaged = true;
            continue;
        }
        run.blocks.append(BlockTerms{q.value(0).toLongLong(), logBlockTerms(*lines)});
    }
    if (q.lastError().isValid())
        return std::unexpected(sqlError(path, operation, q.lastError()));
    q.finish();
    // Stage counts and artifact copies, read before they cascade away.
    QSqlQuery s(*conn);
    if (auto ok = runQuery(s, path, operation,
                           QStringLiteral("SELECT run_id, count(*) FROM stages WHERE run_id IN "
                                          "(%1) GROUP BY run_id")
                               .arg(placeholders(runs.size())),
                           values);
        !ok)
        return std::unexpected(ok.error());
    while (s.next())
        content[s.value(0).toLongLong()].stages = s.value(1).toLongLong();
    QSqlQuery a(*conn);
    if (auto ok = runQuery(a, path, operation,
                           QStringLiteral("SELECT run_id, stored_path, size FROM artifacts WHERE "
                                          "run_id IN (%1) AND stored_path != ''")
                               .arg(placeholders(runs.size())),
                           values);
        !ok)
        return std::unexpected(ok.error());
    while (a.next())
        copies[a.value(0).toLongLong()].append(
            StoredCopy{a.value(1).toString(), a.value(2).toLongLong()});
    return content;
}

// One write transaction: removes those of `runs` that may still go; returns them.
Result<QList<qint64>> HistoryPruner::Private::deleteBatch(const QList<qint64> &runs,
                                                          const QHash<qint64, RunContent> &content,
                                                          qint64 *heldMs)
{
    auto conn = db();
    if (!conn)
        return std::unexpected(conn.error());
    const QString operation = tr("pruning runs %1 to %2").arg(runs.first()).arg(runs.last());
    QElapsedTimer held;
    auto result = inTransaction(*conn, path, operation, [&]() -> Result<QList<qint64>> {
        held.start(); // BEGIN IMMEDIATE returned: the lock is ours
        QSqlQuery check(*conn);
        check.setForwardOnly(true);
        if (auto ok = prepare(check, path, operation,
                              QStringLiteral("SELECT r.id FROM runs r WHERE r.id IN (%1) AND %2")
                                  .arg(placeholders(runs.size()), QLatin1String(kRemovable)));
            !ok)
            return std::unexpected(ok.error());
        for (qint64 id : runs)
            check.addBindValue(id);
        check.addBindValue(toString(RunStatus::Running));
        check.addBindValue(toString(RunStatus::Queued));
        if (auto ok = exec(check, path, operation); !ok)
            return std::unexpected(ok.error());
        QList<qint64> removable;
        while (check.next())
            removable.append(check.value(0).toLongLong());
        check.finish();

        QSqlQuery blocks(*conn), pending(*conn), logs(*conn), run(*conn);
        if (auto ok = prepare(blocks, path, operation,
                              QStringLiteral("SELECT count(*) FROM log_blocks WHERE run_id = ?"));
            !ok)
            return std::unexpected(ok.error());
        // The part of the index each block's entries are in, and a 'delete' per part.
        LogIndexPartMap parts;
        if (auto ok = parts.prepare(*conn, path, operation); !ok)
            return std::unexpected(ok.error());
        QHash<QString, QSqlQuery> deletes;
        QString newest; // the part new blocks go to, read when first needed
        const auto deleteFor = [&](const QString &table) -> Result<QSqlQuery *> {
            if (auto it = deletes.find(table); it != deletes.end())
                return &*it;
            if (!touched.contains(table)) {
                // Merging is this prune's to do, in short steps (mergeStep()).
                if (auto ok = execSql(*conn, path,
                                      QStringLiteral("INSERT INTO \"%1\"(\"%1\", rank) "
                                                     "VALUES('automerge', 0)")
                                          .arg(table));
                    !ok)
                    return std::unexpected(ok.error());
                if (newest.isEmpty()) {
                    auto live = logIndexParts(*conn, path, operation);
                    if (!live)
                        return std::unexpected(live.error());
                    if (!live->isEmpty())
                        newest = live->last().table;
                }
                if (table != newest) {
                    if (auto ok = execSql(*conn, path,
                                          QStringLiteral("INSERT INTO \"%1\"(\"%1\", rank) "
                                                         "VALUES('crisismerge', %2)")
                                              .arg(table)
                                              .arg(kPruneCrisisMerge));
                        !ok)
                        return std::unexpected(ok.error());
                }
                touched.append(table);
            }
            if (!merging.contains(table))
                merging.append(table);
            auto it = deletes.insert(table, QSqlQuery(*conn));
            if (auto ok = prepare(*it, path, operation,
                                  QStringLiteral("INSERT INTO \"%1\"(\"%1\", rowid, text) "
                                                 "VALUES('delete', ?, ?)")
                                      .arg(table));
                !ok)
                return std::unexpected(ok.error());
            return &*it;
        };
        // A block still waiting for the trigram index (schema step 7) has no entries to
        // remove: the 'delete' command would take terms that were never added.
        if (auto ok = prepare(pending, path, operation,
                              QStringLiteral("DELETE FROM log_fts_pending WHERE id = ?"));
            !ok)
            return std::unexpected(ok.error());
        if (auto ok = prepare(logs, path, operation,
                              QStringLiteral("DELETE FROM log_blocks WHERE run_id = ?"));
            !ok)
            return std::unexpected(ok.error());
        if (auto ok =
                prepare(run, path, operation, QStringLiteral("DELETE FROM runs WHERE id = ?"));
            !ok)
            return std::unexpected(ok.error());

        QList<qint64> removed;
        for (qint64 id : std::as_const(removable)) {
            const RunContent &c = content[id];
            // Blocks added since they were read would leave index entries behind: such a
            // run waits for the next prune.
            blocks.bindValue(0, id);
            auto n = bindAndCount(blocks, operation);
            blocks.finish();
            if (!n)
                return std::unexpected(n.error());
            if (*n != c.blocks.size())
                continue;
            for (const BlockTerms &b : c.blocks) {
                pending.bindValue(0, b.id);
                if (auto ok = exec(pending, path, operation); !ok)
                    return std::unexpected(ok.error());
                if (pending.numRowsAffected() > 0)
                    continue;
                auto table = parts.tableFor(b.id, false, operation);
                if (!table)
                    return std::unexpected(table.error());
                if (table->isEmpty())
                    continue; // no live part holds it: nothing of it is searched
                auto fts = deleteFor(*table);
                if (!fts)
                    return std::unexpected(fts.error());
                (*fts)->bindValue(0, b.id);
                (*fts)->bindValue(1, b.terms);
                if (auto ok = exec(**fts, path, operation); !ok)
                    return std::unexpected(ok.error());
            }
            logs.bindValue(0, id);
            if (auto ok = exec(logs, path, operation); !ok)
                return std::unexpected(ok.error());
            run.bindValue(0, id);
            if (auto ok = exec(run, path, operation); !ok)
                return std::unexpected(ok.error());
            removed.append(id);
        }
        return removed;
    });
    *heldMs = held.isValid() ? held.elapsed() : 0;
    return result;
}

Result<PruneReport> HistoryPruner::prune(const PrunePolicy &policy, const std::atomic<bool> *cancel)
{
    if (!policy.olderThan && policy.keepLast < 0 && policy.maxLogBytes < 0)
        return makeError(ErrorCode::Invalid,
                         tr("prune: expected a criterion, an age (older than), a number of runs "
                            "to keep or a size for the logs, got none"));
    auto sizeBefore = size();
    if (!sizeBefore)
        return std::unexpected(sizeBefore.error());
    PruneReport report;
    report.fileBytesBefore = sizeBefore->fileBytes;
    auto chosen = d->candidates(policy, report);
    if (!chosen)
        return std::unexpected(chosen.error());

    QHash<qint64, QList<StoredCopy>> copies;
    QList<qint64> prunedRuns;
    if (policy.dryRun) {
        if (auto ok = d->count(*chosen, report, copies); !ok)
            return std::unexpected(ok.error());
        d->removeCopies(copies, report, true);
        report.fileBytesAfter = report.fileBytesBefore;
        report.freeBytesAfter = sizeBefore->freeBytes;
        return report;
    }

    // Batches sized so that each write transaction stays near the budget, and a pause
    // after each (at least kGapMs, at least as long as the transaction) in which the next
    // batch is read: a writer that found the lock taken retries within SQLite's busy
    // handler's first, short sleeps and gets it in the pause, instead of backing off to
    // 100 ms sleeps while the prune takes the lock again and again.
    qsizetype batch = 8;
    QElapsedTimer sinceCommit;
    qint64 gapMs = 0;
    d->touched.clear();
    d->merging.clear();
    const auto mergeAgain = qScopeGuard([this] { d->releaseMerges(); });
    // Another short transaction, after the pause a batch gets: `step(qint64 *heldMs)` sets
    // how long it held the write lock, or leaves it at -1 to be timed whole (with its wait
    // for the lock).
    // Transactions that held the lock long are logged with what they were (lcStore, info).
    const auto noteLong = [](const char *kind, qint64 ms) {
        if (ms > HistoryPruner::kBudgetMs * 5)
            qCInfo(lcStore) << "prune:" << kind << "held the write lock for" << ms << "ms";
    };
    const auto afterPause = [&](const char *kind, auto step) {
        std::this_thread::sleep_for(std::chrono::milliseconds(gapMs));
        QElapsedTimer timer;
        timer.start();
        qint64 ms = -1;
        auto result = step(&ms);
        if (ms < 0)
            ms = timer.elapsed();
        noteLong(kind, ms);
        report.longestTransactionMs = std::max(report.longestTransactionMs, ms);
        sinceCommit.start();
        gapMs = std::max<qint64>(HistoryPruner::kGapMs, ms);
        return result;
    };
    // A merge step; whether it found anything to merge.
    const auto mergeAfterPause = [&] {
        return afterPause("a merge step", [&](qint64 *ms) { return d->mergeStep(ms); });
    };
    // Parts of the index whose blocks are all gone are retired, so they are merged no more
    // (and dropped at the end).
    const auto retireEmptyParts = [&] {
        auto conn = d->db();
        if (!conn)
            return;
        if (auto retired =
                afterPause("retiring parts",
                           [&](qint64 *) { return retireEmptyLogIndexParts(*conn, d->path); });
            !retired)
            qCWarning(lcStore).noquote() << retired.error().message;
        else if (*retired > 0)
            d->forgetRetiredParts();
    };
    for (qsizetype at = 0; at < chosen->size();) {
        if (cancel && cancel->load())
            break;
        const QList<qint64> runs = chosen->mid(at, batch);
        at += runs.size();
        QHash<qint64, QList<StoredCopy>> batchCopies;
        auto content = d->readContent(runs, batchCopies);
        if (!content)
            return std::unexpected(content.error());
        QList<qint64> sound;
        for (qint64 id : runs) {
            if ((*content)[id].damaged)
                ++report.keptDamaged;
            else
                sound.append(id);
        }
        if (sound.isEmpty())
            continue;
        if (sinceCommit.isValid() && sinceCommit.elapsed() < gapMs)
            std::this_thread::sleep_for(std::chrono::milliseconds(gapMs - sinceCommit.elapsed()));
        qint64 ms = 0; // how long the lock was held
        auto removed = d->deleteBatch(sound, *content, &ms);
        noteLong("a batch of deletes", ms);
        sinceCommit.start();
        gapMs = std::max<qint64>(HistoryPruner::kGapMs, ms);
        if (removed) {
            mergeAfterPause();
            if (report.transactions % 16 == 15)
                retireEmptyParts();
        }
        if (report.transactions % 8 == 0)
            d->checkpoint();
        if (!removed)
            return std::unexpected(removed.error());
        ++report.transactions;
        report.longestTransactionMs = std::max(report.longestTransactionMs, ms);
        if (ms > HistoryPruner::kBudgetMs)
            batch = std::max<qsizetype>(1, batch / 2);
        else if (ms < HistoryPruner::kBudgetMs / 2)
            batch = std::min<qsizetype>(batch * 2, kMaxBatch);
        for (qint64 id : std::as_const(*removed)) {
            const RunContent &c = (*content)[id];
            report.logLines += c.lines;
            report.logBytes += c.bytes;
            report.stages += c.stages;
            if (auto it = batchCopies.constFind(id); it != batchCopies.cend())
                copies.insert(id, *it);
        }
        report.runs += removed->size();
        prunedRuns.append(*removed);
    }
    // What is left to merge in the parts still live, in the same short steps (bounded: a
    // later prune or FTS5's own merges go on from where this stops).
    retireEmptyParts();
    for (int step = 0; step < 400 && !(cancel && cancel->load()); ++step) {
        if (!mergeAfterPause())
            break;
    }
    // The retired parts (this prune's, or an earlier one's that stopped before it was done)
    // dropped a few of their rows at a time, each step within the budget.
    for (int step = 0; !(cancel && cancel->load()); ++step) {
        auto conn = d->db();
        if (!conn)
            break;
        auto more = afterPause("a drop step", [&](qint64 *) {
            return dropLogIndexPartStep(*conn, d->path, HistoryPruner::kBudgetMs);
        });
        if (!more) {
            qCWarning(lcStore).noquote() << more.error().message;
            break;
        }
        if (!*more)
            break;
        if (step % 8 == 7)
            d->checkpoint();
    }
    d->checkpoint();
    d->removeCopies(copies, report, false);
    d->removeRunFolders(prunedRuns, report);
    if (auto ok = d->reclaim(policy, report); !ok)
        return std::unexpected(ok.error());
    auto sizeAfter = size();
    if (!sizeAfter)
        return std::unexpected(sizeAfter.error());
    report.fileBytesAfter = sizeAfter->fileBytes;
    report.freeBytesAfter = sizeAfter->freeBytes;
    qCInfo(lcStore) << "pruned" << report.runs << "runs from" << d->path << "in"
                    << report.transactions << "transactions, longest" << report.longestTransactionMs
                    << "ms";
    return report;
}
} // namespace DeployDesk
