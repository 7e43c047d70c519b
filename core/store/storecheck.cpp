// HistoryStore::check(): what `deploydeskctl check` reports.
#include "store/historystore.h"

#include "store/logblock.h"
#include "store/logindexparts.h"
#include "store/sqlutil.h"

namespace DeployDesk {

using namespace Internal;

namespace {

struct StageRef
{
    qint64 id = 0;
    qint64 runId = 0;
    QString name;
};

// "run 3, stage "build" (id 7): ..."
QString where(const StageRef &s)
{
    return HistoryStore::tr("run %1, stage \"%2\" (id %3)").arg(s.runId).arg(s.name).arg(s.id);
}

// The damage in one stage's log, or nothing.
std::optional<QString> checkStageLog(QSqlDatabase &db, const QString &path, const StageRef &stage)
{
    QSqlQuery q(db);
    const QString operation = HistoryStore::tr("checking the log of stage %1").arg(stage.id);
    if (auto ok = runQuery(q, path, operation,
                           QStringLiteral("SELECT first_line, line_count, data FROM log_blocks "
                                          "WHERE stage_id = ? ORDER BY first_line"),
                           {stage.id});
        !ok)
        return where(stage) + QStringLiteral(": ") + ok.error().message;
    qint64 expected = 1;
    while (q.next()) {
        const qint64 first = q.value(0).toLongLong();
        const qint64 count = q.value(1).toLongLong();
        if (first != expected)
            return HistoryStore::tr("%1: its log skips from line %2 to line %3")
                .arg(where(stage))
                .arg(expected)
                .arg(first);
        auto lines = decodeLogBlock(q.value(2).toByteArray());
        if (!lines)
            return HistoryStore::tr("%1: the log block from line %2 does not decode: %3")
                .arg(where(stage))
                .arg(first)
                .arg(lines.error().message);
        if (lines->size() != count)
            return HistoryStore::tr("%1: the log block from line %2 holds %3 lines, %4 "
                                    "recorded")
                .arg(where(stage))
                .arg(first)
                .arg(lines->size())
                .arg(count);
        expected = first + count;
    }
    if (q.lastError().isValid())
        return HistoryStore::tr("%1: its log cannot be read past line %2: %3")
            .arg(where(stage))
            .arg(expected - 1)
            .arg(sqlError(path, operation, q.lastError()).message);
    return std::nullopt;
}

} // namespace

Result<QStringList> HistoryStore::check() const
{
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    QStringList damage;

    // 1. SQLite's own check of every page and index.
    {
        QSqlQuery q(db);
        if (auto ok = runQuery(q, m_path, tr("running SQLite's integrity check"),
                               QStringLiteral("PRAGMA integrity_check(100)"), {});
            !ok)
            damage << tr("SQLite's integrity check could not run: %1").arg(ok.error().message);
        while (q.next()) {
            const QString row = q.value(0).toString();
            if (row != QLatin1String("ok"))
                damage << tr("SQLite: %1").arg(row);
        }
        if (q.lastError().isValid())
            damage << tr("SQLite's integrity check stopped: %1").arg(q.lastError().text());
    }

    // 2. Every stage's log, stage by stage, so one damaged log does not hide the others.
    QList<StageRef> stages;
    {
        QSqlQuery q(db);
        if (auto ok =
                runQuery(q, m_path, tr("listing stages"),
                         QStringLiteral("SELECT id, run_id, name FROM stages ORDER BY id"), {});
            !ok)
            return std::unexpected(ok.error());
        while (q.next())
            stages.append(
                StageRef{q.value(0).toLongLong(), q.value(1).toLongLong(), q.value(2).toString()});
        if (q.lastError().isValid())
            damage
                << tr("the list of stages cannot be read to its end: %1").arg(q.lastError().text());
    }
    for (const StageRef &stage : std::as_const(stages)) {
        if (auto problem = checkStageLog(db, m_path, stage))
            damage << *problem;
    }

    // 3. The full-text index's own consistency check (it writes nothing when consistent).
    for (const QString &problem : checkLogIndexParts(db, HistoryStore::kSchemaVersion))
        damage << tr("the log search index: %1").arg(problem);
    return damage;
}

} // namespace DeployDesk
