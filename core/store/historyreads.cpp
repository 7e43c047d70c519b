// The read side of HistoryStore: runs, stages, events, artifacts, logs and search.
#include "store/historystore.h"

#include "store/eventtext.h"
#include "store/logblock.h"
#include "store/logsearch.h"
#include "store/sqlutil.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

#include <algorithm>

namespace DeployDesk {

using namespace Internal;

namespace {

const QString kRunColumns = QStringLiteral(
    "id, workspace, pipeline, environment, status, triggered_by, message, git_commit, branch, "
    "started_at, finished_at, rerun_of, runner_pid, runner_start_ticks, selected_stages, "
    "git_dirty, git_changes, "
    "(SELECT url FROM remote_runs WHERE remote_runs.run_id = runs.id)");

// The duration a run is sorted by; the same text as the runs_by_duration index (schema.cpp).
const QString kRunDuration = QStringLiteral("coalesce(finished_at - started_at, -1)");

// How many matching runs a log search collects for an order other than newest first.
constexpr int kGrepSortLimit = 10000;

RunRecord runFromRow(const QSqlQuery &q)
{
    RunRecord r;
    r.id = q.value(0).toLongLong();
    r.workspace = q.value(1).toString();
    r.pipeline = q.value(2).toString();
    r.environment = q.value(3).toString();
    fromString(q.value(4).toString(), &r.status);
    r.triggeredBy = q.value(5).toString();
    r.message = q.value(6).toString();
    r.commit = q.value(7).toString();
    r.branch = q.value(8).toString();
    r.startedAt = fromDb(q.value(9));
    r.finishedAt = fromDb(q.value(10));
    r.rerunOf = q.value(11).toLongLong();
    r.runnerPid = q.value(12).toLongLong();
    r.runnerStartTicks = q.value(13).toLongLong();
    const QJsonArray stages = QJsonDocument::fromJson(q.value(14).toByteArray()).array();
    for (const QJsonValue &v : stages)
        r.selectedStages.append(v.toString());
    r.dirty = q.value(15).toBool();
    for (const QJsonValue &v : QJsonDocument::fromJson(q.value(16).toByteArray()).array())
        r.changedFiles.append(v.toString());
    if (!q.value(17).isNull()) {
        r.remote = true;
        r.remoteUrl = q.value(17).toString();
    }
    return r;
}

} // namespace

Result<RunRecord> HistoryStore::run(qint64 runId) const
{
    QSqlQuery q(connection(m_connectionName));
    const QString operation = tr("reading run %1").arg(runId);
    if (auto ok =
            runQuery(q, m_path, operation,
                     QStringLiteral("SELECT %1 FROM runs WHERE id = ?").arg(kRunColumns), {runId});
        !ok)
        return std::unexpected(ok.error());
    if (!q.next()) {
        return makeError(ErrorCode::NotFound,
                         tr("history database %1: there is no run with id %2; list runs with "
                            "`deploydeskctl history`")
                             .arg(m_path)
                             .arg(runId));
    }
    return runFromRow(q);
}

namespace {

// `text` for LIKE … ESCAPE '\\': matches anywhere, its own % and _ taken literally.
QString containsPattern(const QString &text)
{
    QString escaped = text;
    escaped.replace(QLatin1Char('\\'), QStringLiteral("\\\\"));
    escaped.replace(QLatin1Char('%'), QStringLiteral("\\%"));
    escaped.replace(QLatin1Char('_'), QStringLiteral("\\_"));
    return QLatin1Char('%') + escaped + QLatin1Char('%');
}

// The conditions of `filter` that do not depend on paging or order, shared by runs() and
// countRuns().
Result<void> filterConditions(const RunFilter &filter, QStringList &where, QVariantList &values)
{
    auto equals = [&](const char *column, const QString &value) {
        if (value.isEmpty())
            return;
        where.append(QStringLiteral("%1 = ?").arg(QLatin1String(column)));
        values.append(value);
    };
    auto name = [&](const char *column, const QString &value) {
        if (value.isEmpty())
            return;
        if (!filter.partialNames) {
            equals(column, value);
            return;
        }
        where.append(QStringLiteral("%1 LIKE ? ESCAPE '\\'").arg(QLatin1String(column)));
        values.append(containsPattern(value));
    };
    equals("environment", filter.environment);
    if (filter.withoutEnvironment)
        where.append(QStringLiteral("environment = ''"));
    if (!filter.status.isEmpty()) {
        RunStatus status;
        if (!fromString(filter.status, &status)) {
            return makeError(ErrorCode::Invalid,
                             HistoryStore::tr("unknown run status \"%1\"; expected one of queued, "
                                              "running, success, failed, cancelled, interrupted")
                                 .arg(filter.status));
        }
        equals("status", toString(status));
    }
    name("branch", filter.branch);
    name("triggered_by", filter.who);
    equals("workspace", filter.workspace);
    equals("pipeline", filter.pipeline);
    if (filter.since.isValid()) {
        where.append(QStringLiteral("started_at >= ?"));
        values.append(filter.since.toMSecsSinceEpoch());
    }
    if (filter.until.isValid()) {
        where.append(QStringLiteral("started_at < ?"));
        values.append(filter.until.toMSecsSinceEpoch());
    }
    return {};
}

} // namespace

Result<QList<RunRecord>> HistoryStore::runs(const RunFilter &filter) const
{
    QSqlDatabase db = connection(m_connectionName);
    const QString operation = tr("listing runs");
    QStringList where;
    QVariantList values;
    if (auto ok = filterConditions(filter, where, values); !ok)
        return std::unexpected(ok.error());
    if (filter.beforeId > 0) {
        where.append(QStringLiteral("id < ?"));
        values.append(filter.beforeId);
    }
    // Keyset paging: the rows after (duration, id) or id in the requested order.
    const bool byDuration =
        filter.order == RunOrder::LongestFirst || filter.order == RunOrder::ShortestFirst;
    const bool descending =
        filter.order == RunOrder::NewestFirst || filter.order == RunOrder::LongestFirst;
    const QString cmp = descending ? QStringLiteral("<") : QStringLiteral(">");
    if (filter.afterId > 0) {
        if (byDuration) {
            // The plain range lets SQLite seek in the index; the row value alone would
            // make it scan from the first entry.
            where.append(QStringLiteral("%1 %2= ?").arg(kRunDuration, cmp));
            values.append(filter.afterDurationMs);
            where.append(QStringLiteral("(%1, id) %2 (?, ?)").arg(kRunDuration, cmp));
            values.append(filter.afterDurationMs);
        } else {
            where.append(QStringLiteral("id %1 ?").arg(cmp));
        }
        values.append(filter.afterId);
    }
    const QString direction = descending ? QStringLiteral(" DESC") : QStringLiteral(" ASC");
    const QString orderBy = byDuration
                                ? kRunDuration + direction + QStringLiteral(", id") + direction
                                : QStringLiteral("id") + direction;
    if (!filter.grep.isEmpty()) {
        // Walk the runs whose logs match, newest first, and keep those that pass the
        // other filters (a primary-key probe each). Newest first, the walk stops when the
        // page is full; in the other orders it collects up to kGrepSortLimit runs, which
        // the query below sorts.
        QString check = QStringLiteral("SELECT 1 FROM runs WHERE id = ?");
        if (!where.isEmpty())
            check += QStringLiteral(" AND ") + where.join(QStringLiteral(" AND "));
        QSqlQuery probe(db);
        probe.setForwardOnly(true);
        if (!probe.prepare(check))
            return std::unexpected(sqlError(m_path, operation, probe.lastError()));
        const auto accept = [&](qint64 id) {
            probe.bindValue(0, id);
            for (qsizetype i = 0; i < values.size(); ++i)
                probe.bindValue(int(i) + 1, values.at(i));
            const bool ok = probe.exec() && probe.next();
            probe.finish();
            return ok;
        };
        const int walkLimit = filter.order == RunOrder::NewestFirst ? filter.limit : kGrepSortLimit;
        auto found = searchLogBlocks(db, m_path, filter.grep, 0, walkLimit, true, accept);
        if (!found)
            return std::unexpected(found.error());
        QStringList ids;
        for (const LogMatch &m : *found)
            ids.append(QString::number(m.runId));
        if (ids.isEmpty())
            return QList<RunRecord>{};
        // Integers only, so inlining them is safe; SQLite builds one lookup table for IN.
        where.append(QStringLiteral("id IN (%1)").arg(ids.join(QLatin1Char(','))));
    }
    QString sql = QStringLiteral("SELECT %1 FROM runs").arg(kRunColumns);
    if (!where.isEmpty())
        sql += QStringLiteral(" WHERE ") + where.join(QStringLiteral(" AND "));
    sql += QStringLiteral(" ORDER BY ") + orderBy;
    if (filter.limit > 0) {
        sql += QStringLiteral(" LIMIT ?");
        values.append(filter.limit);
    }
    QSqlQuery q(db);
    if (auto ok = runQuery(q, m_path, operation, sql, values); !ok)
        return std::unexpected(ok.error());
    QList<RunRecord> result;
    while (q.next())
        result.append(runFromRow(q));
    return result;
}

Result<RunCount> HistoryStore::countRuns(const RunFilter &filter) const
{
    QSqlDatabase db = connection(m_connectionName);
    const QString operation = tr("counting runs");
    QStringList where;
    QVariantList values;
    if (auto ok = filterConditions(filter, where, values); !ok)
        return std::unexpected(ok.error());
    // With an environment or a status, their index narrows the count best; without
    // statistics SQLite would walk the workspace's index instead (every run of a history
    // that holds one workspace): twice as slow on a million runs (docs/benchmarks.md).
    if (!filter.environment.isEmpty() || !filter.status.isEmpty())
        where.replaceInStrings(QStringLiteral("workspace = ?"), QStringLiteral("+workspace = ?"));
    if (!filter.grep.isEmpty()) {
        // The runs whose logs match, each checked against the other conditions, up to
        // kGrepSortLimit (a log search over a whole big history is not counted to the end).
        QString check = QStringLiteral("SELECT 1 FROM runs WHERE id = ?");
        if (!where.isEmpty())
            check += QStringLiteral(" AND ") + where.join(QStringLiteral(" AND "));
        QSqlQuery probe(db);
        probe.setForwardOnly(true);
        if (!probe.prepare(check))
            return std::unexpected(sqlError(m_path, operation, probe.lastError()));
        const auto accept = [&](qint64 id) {
            probe.bindValue(0, id);
            for (qsizetype i = 0; i < values.size(); ++i)
                probe.bindValue(int(i) + 1, values.at(i));
            const bool ok = probe.exec() && probe.next();
            probe.finish();
            return ok;
        };
        auto found = searchLogBlocks(db, m_path, filter.grep, 0, kGrepSortLimit, true, accept);
        if (!found)
            return std::unexpected(found.error());
        QSet<qint64> ids;
        for (const LogMatch &m : std::as_const(*found))
            ids.insert(m.runId);
        return RunCount{ids.size(), found->size() >= kGrepSortLimit};
    }
    QString sql = QStringLiteral("SELECT COUNT(*) FROM runs");
    if (!where.isEmpty())
        sql += QStringLiteral(" WHERE ") + where.join(QStringLiteral(" AND "));
    QSqlQuery q(db);
    if (auto ok = runQuery(q, m_path, operation, sql, values); !ok)
        return std::unexpected(ok.error());
    return RunCount{q.next() ? q.value(0).toLongLong() : 0, false};
}

namespace {
const QString kStageColumns =
    QStringLiteral("id, run_id, name, status, attempts, exit_code, signal, reason, reused_from, "
                   "started_at, finished_at, position, allowed_failure, input_hash");

StageRecord stageFromRow(const QSqlQuery &q)
{
    StageRecord s;
    s.id = q.value(0).toLongLong();
    s.runId = q.value(1).toLongLong();
    s.name = q.value(2).toString();
    fromString(q.value(3).toString(), &s.status);
    s.attempts = q.value(4).toInt();
    s.exitCode = q.value(5).toInt();
    s.signal = q.value(6).toInt();
    s.reason = q.value(7).toString();
    s.reusedFrom = q.value(8).toLongLong();
    s.startedAt = fromDb(q.value(9));
    s.finishedAt = fromDb(q.value(10));
    s.position = q.value(11).toInt();
    s.allowedFailure = q.value(12).toBool();
    s.inputHash = q.value(13).toString();
    return s;
}
} // namespace

Result<QList<StageRecord>> HistoryStore::stages(qint64 runId) const
{
    QSqlQuery q(connection(m_connectionName));
    if (auto ok = runQuery(q, m_path, tr("reading the stages of run %1").arg(runId),
                           QStringLiteral("SELECT %1 FROM stages WHERE run_id = ? ORDER BY "
                                          "position, id")
                               .arg(kStageColumns),
                           {runId});
        !ok)
        return std::unexpected(ok.error());
    QList<StageRecord> result;
    while (q.next())
        result.append(stageFromRow(q));
    return result;
}

Result<StageRecord> HistoryStore::stage(qint64 stageId) const
{
    QSqlQuery q(connection(m_connectionName));
    if (auto ok = runQuery(q, m_path, tr("reading stage %1").arg(stageId),
                           QStringLiteral("SELECT %1 FROM stages WHERE id = ?").arg(kStageColumns),
                           {stageId});
        !ok)
        return std::unexpected(ok.error());
    if (!q.next())
        return makeError(
            ErrorCode::NotFound,
            tr("history database %1: there is no stage with id %2").arg(m_path).arg(stageId));
    return stageFromRow(q);
}

Result<std::optional<StageRecord>> HistoryStore::reusableStage(const QString &workspace,
                                                               const QString &pipeline,
                                                               const QString &name,
                                                               const QString &inputHash) const
{
    QSqlQuery q(connection(m_connectionName));
    if (auto ok = runQuery(
            q, m_path, tr("looking for an earlier result of stage \"%1\"").arg(name),
            // The input-hash index finds the few stages; each one's run by its id (an IN
            // over the runs would read every run of the workspace).
            QStringLiteral("SELECT %1 FROM stages WHERE input_hash = ? AND name = ? AND "
                           "status = ? AND EXISTS (SELECT 1 FROM runs r WHERE r.id = "
                           "stages.run_id AND r.workspace = ? AND r.pipeline = ? AND r.status "
                           "NOT IN (?, ?)) ORDER BY id DESC LIMIT 1")
                .arg(kStageColumns),
            {inputHash, name, toString(StageStatus::Success), workspace, pipeline,
             toString(RunStatus::Running), toString(RunStatus::Queued)});
        !ok)
        return std::unexpected(ok.error());
    if (!q.next())
        return std::optional<StageRecord>();
    return std::optional<StageRecord>(stageFromRow(q));
}

Result<QList<EventRecord>> HistoryStore::events(qint64 runId) const
{
    QSqlQuery q(connection(m_connectionName));
    if (auto ok = runQuery(q, m_path, tr("reading the events of run %1").arg(runId),
                           QStringLiteral("SELECT id, run_id, stage, at, kind, message, "
                                          "who, params FROM events WHERE run_id = ? "
                                          "ORDER BY id"),
                           {runId});
        !ok)
        return std::unexpected(ok.error());
    QList<EventRecord> result;
    while (q.next()) {
        EventRecord e;
        e.id = q.value(0).toLongLong();
        e.runId = q.value(1).toLongLong();
        e.stage = q.value(2).toString();
        e.at = fromDb(q.value(3));
        // A kind from a newer DeployDesk reads as a note that keeps its text.
        const std::optional<EventKind> kind = eventKindFromString(q.value(4).toString());
        e.kind = kind.value_or(EventKind::Note);
        e.message = q.value(5).toString();
        e.who = q.value(6).toString();
        e.params = eventParamsFromJson(q.value(7).toString());
        if (!kind && e.message.isEmpty())
            e.message = q.value(4).toString() + QStringLiteral(": ") + q.value(7).toString();
        result.append(e);
    }
    return result;
}

Result<QList<ArtifactRecord>> HistoryStore::artifacts(qint64 runId) const
{
    QSqlQuery q(connection(m_connectionName));
    if (auto ok = runQuery(q, m_path, tr("reading the artifacts of run %1").arg(runId),
                           QStringLiteral("SELECT id, run_id, stage, path, size, sha256, "
                                          "stored_path FROM artifacts WHERE run_id = ? "
                                          "ORDER BY id"),
                           {runId});
        !ok)
        return std::unexpected(ok.error());
    QList<ArtifactRecord> result;
    while (q.next()) {
        result.append(ArtifactRecord{q.value(0).toLongLong(), q.value(1).toLongLong(),
                                     q.value(2).toString(), q.value(3).toString(),
                                     q.value(4).toLongLong(), q.value(5).toString(),
                                     q.value(6).toString()});
    }
    return result;
}

Result<QList<LogLine>> HistoryStore::logLines(qint64 stageId, qint64 firstLine,
                                              qint64 maxLines) const
{
    QList<LogLine> result;
    firstLine = std::max<qint64>(firstLine, 1);
    if (maxLines <= 0)
        return result;
    const qint64 end = firstLine + maxLines; // exclusive
    QSqlQuery q(connection(m_connectionName));
    // The block holding firstLine starts at the greatest first_line <= firstLine.
    if (auto ok = runQuery(
            q, m_path, tr("reading the log of stage %1").arg(stageId),
            QStringLiteral("SELECT first_line, data, line_count FROM log_blocks WHERE stage_id "
                           "= ? AND first_line >= (SELECT coalesce(max(first_line), 0) FROM "
                           "log_blocks WHERE stage_id = ? AND first_line <= ?) AND first_line < "
                           "? ORDER BY first_line"),
            {stageId, stageId, firstLine, end});
        !ok)
        return std::unexpected(ok.error());
    qint64 expected = 0; // the first line of the next block, once one is read
    while (q.next()) {
        const qint64 blockFirst = q.value(0).toLongLong();
        auto lines = decodeLogBlock(q.value(1).toByteArray());
        if (!lines || lines->size() != q.value(2).toLongLong() ||
            (expected && blockFirst != expected))
            return std::unexpected(
                damagedLog(m_path, stageId, blockFirst, lines ? QString() : lines.error().message));
        expected = blockFirst + lines->size();
        for (qsizetype i = 0; i < lines->size(); ++i) {
            const qint64 number = blockFirst + i;
            if (number >= firstLine && number < end)
                result.append(std::move((*lines)[i]));
        }
    }
    // A damaged page ends the scan with an error, not with fewer rows.
    if (q.lastError().isValid())
        return std::unexpected(
            sqlError(m_path, tr("reading the log of stage %1").arg(stageId), q.lastError()));
    return result;
}

Result<qint64> HistoryStore::logLineCount(qint64 stageId) const
{
    QSqlQuery q(connection(m_connectionName));
    if (auto ok = runQuery(q, m_path, tr("counting the log lines of stage %1").arg(stageId),
                           QStringLiteral("SELECT first_line + line_count - 1 FROM "
                                          "log_blocks WHERE stage_id = ? ORDER BY "
                                          "first_line DESC LIMIT 1"),
                           {stageId});
        !ok)
        return std::unexpected(ok.error());
    return q.next() ? q.value(0).toLongLong() : 0;
}

Result<QList<LogMatch>> HistoryStore::searchLogs(const QString &text, qint64 runId, int limit) const
{
    QSqlDatabase db = connection(m_connectionName);
    return searchLogBlocks(db, m_path, text, runId, limit, false);
}

} // namespace DeployDesk
