#include "store/historystore.h"
#include "store/logsearch.h"

#include "common/logging.h"
#include "store/eventtext.h"
#include "store/logmarker.h"
#include "store/logwriter.h"
#include "store/schema.h"
#include "store/sqlutil.h"

#include <QCoreApplication>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace DeployDesk {

using namespace Internal;

namespace {

void dropConnection(const QString &name)
{
    {
        QSqlDatabase db = QSqlDatabase::database(name, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
}

QString stagesToText(const QStringList &stages)
{
    return QString::fromUtf8(
        QJsonDocument(QJsonArray::fromStringList(stages)).toJson(QJsonDocument::Compact));
}

Error notFound(const QString &path, const QString &what, qint64 id)
{
    return Error{
        ErrorCode::NotFound,
        QCoreApplication::translate("DeployDesk", "history database %1: there is no %2 with id %3")
            .arg(path, what)
            .arg(id),
        {},
        std::nullopt};
}

// Events recorded as text before schema step 6 read back into parameters, once: the rows
// still without params (found through the partial index events_as_text, so a history with
// none costs one index probe). A text that is not one of DeployDesk's sentences keeps its
// text and is marked '' so it is not read again.
Result<void> readTextEvents(QSqlDatabase &db, const QString &path)
{
    const QString operation =
        QCoreApplication::translate("DeployDesk", "reading events recorded as text");
    QSqlQuery probe(db);
    if (auto ok = runQuery(probe, path, operation,
                           QStringLiteral("SELECT 1 FROM events WHERE params IS NULL LIMIT 1"), {});
        !ok)
        return ok;
    if (!probe.next())
        return {};
    probe.finish();
    const EventTextParser parser(builtInTranslationFiles());
    return inTransaction(db, path, operation, [&]() -> Result<void> {
        QSqlQuery q(db);
        q.setForwardOnly(true);
        if (auto ok = runQuery(q, path, operation,
                               QStringLiteral("SELECT id, kind, message FROM events "
                                              "WHERE params IS NULL"),
                               {});
            !ok)
            return ok;
        struct Row
        {
            qint64 id;
            QString params;
            bool parsed;
        };
        QList<Row> rows;
        while (q.next()) {
            // A kind this version does not know keeps its name and its text.
            const std::optional<EventKind> kind = eventKindFromString(q.value(1).toString());
            std::optional<EventParams> params;
            if (kind)
                params = parser.parse(*kind, q.value(2).toString());
            rows.append(Row{q.value(0).toLongLong(),
                            params ? eventParamsToJson(*params) : QStringLiteral(""),
                            bool(params)});
        }
        q.finish();
        QSqlQuery u(db);
        if (auto ok = prepare(u, path, operation,
                              QStringLiteral("UPDATE events SET params = ?, "
                                             "message = CASE WHEN ? THEN '' ELSE message END "
                                             "WHERE id = ?"));
            !ok)
            return ok;
        for (const Row &row : std::as_const(rows)) {
            u.addBindValue(row.params);
            u.addBindValue(row.parsed ? 1 : 0);
            u.addBindValue(row.id);
            if (auto ok = exec(u, path, operation); !ok)
                return ok;
        }
        qCInfo(lcStore) << "read" << rows.size() << "events recorded as text in" << path;
        return {};
    });
}

} // namespace

QString eventParamsToJson(const EventParams &params)
{
    QJsonObject o;
    for (auto it = params.begin(); it != params.end(); ++it)
        o.insert(it.key(), it.value());
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

EventParams eventParamsFromJson(const QString &json)
{
    EventParams params;
    if (json.isEmpty())
        return params;
    const QJsonObject o = QJsonDocument::fromJson(json.toUtf8()).object();
    for (auto it = o.begin(); it != o.end(); ++it)
        params.insert(it.key(), it.value().toVariant().toString());
    return params;
}

HistoryStore::HistoryStore(QString dataDir, QString path, QString connectionName)
    : m_dataDir(std::move(dataDir))
    , m_path(std::move(path))
    , m_connectionName(std::move(connectionName))
{}

HistoryStore::~HistoryStore()
{
    m_logWriter.reset(); // flushes and joins before the file's last connection goes
    m_kept.clear();      // a statement left unfinalized would keep the connection open
    dropConnection(m_connectionName);
}

Result<HistoryStore::Written> HistoryStore::runKept(const QString &operation, const QString &sql,
                                                    const QVariantList &values)
{
    std::shared_ptr<QSqlQuery> &kept = m_kept[sql];
    if (!kept) {
        auto q = std::make_shared<QSqlQuery>(connection(m_connectionName));
        if (auto ok = prepare(*q, m_path, operation, sql); !ok) {
            m_kept.remove(sql);
            return std::unexpected(ok.error());
        }
        kept = std::move(q);
    }
    QSqlQuery *q = kept.get();
    for (qsizetype i = 0; i < values.size(); ++i)
        q->bindValue(int(i), values[i]);
    auto ok = exec(*q, m_path, operation);
    Written written;
    if (ok) {
        written.insertId = q->lastInsertId().toLongLong();
        written.rowsAffected = q->numRowsAffected();
    }
    q->finish(); // reset: ready for the next call, holding nothing
    if (!ok)
        return std::unexpected(ok.error());
    return written;
}

Result<std::unique_ptr<HistoryStore>> HistoryStore::open(const QString &dataDir)
{
    if (!QDir().mkpath(dataDir)) {
        return makeError(ErrorCode::Io,
                         QCoreApplication::translate("DeployDesk",
                                                     "cannot create the data directory %1; check "
                                                     "its parent's permissions or set "
                                                     "DEPLOYDESK_DATA_DIR")
                             .arg(dataDir));
    }
    const QString path = QDir(dataDir).absoluteFilePath(QStringLiteral("history.sqlite"));
    const QString name = uniqueConnectionName(QStringLiteral("deploydesk-history"));
    auto db = openConnection(path, name);
    if (!db)
        return std::unexpected(db.error());
    auto fail = [&](const Error &error) -> Result<std::unique_ptr<HistoryStore>> {
        *db = QSqlDatabase();
        dropConnection(name);
        return std::unexpected(error);
    };

    // Check before anything writes: a newer or foreign file must stay untouched.
    auto version = readSchemaVersion(*db, path);
    if (!version)
        return fail(version.error());
    if (*version > kSchemaVersion) {
        return fail(Error{ErrorCode::Invalid,
                          tr("history database %1 has schema version %2, newer than this "
                             "DeployDesk understands (%3); upgrade DeployDesk")
                              .arg(path)
                              .arg(*version)
                              .arg(kSchemaVersion),
                          {},
                          std::nullopt});
    }
    // A history made just now (no page yet) is built without waiting on the disk: its mode
    // switches and schema go out with synchronous=OFF, sparing 6 of the 9 fsyncs before a
    // first run's first stage (and of every test that makes a history). An OS crash within
    // those milliseconds can leave the new file damaged; it holds nothing yet, and the next
    // start says it cannot be read. The runs recorded after are written as always (NORMAL).
    bool brandNew = false;
    if (*version == 0) {
        QSqlQuery pages(*db);
        if (!pages.exec(QStringLiteral("PRAGMA page_count")) || !pages.next())
            return fail(sqlError(path, QStringLiteral("PRAGMA page_count"), pages.lastError()));
        brandNew = pages.value(0).toLongLong() == 0;
    }
    const auto syncOff = [&] {
        return brandNew ? execSql(*db, path, QStringLiteral("PRAGMA synchronous=OFF"))
                        : Result<void>{};
    };
    if (auto ok = syncOff(); !ok)
        return fail(ok.error());
    // A new history gives the pages a prune frees back to the file system in small steps
    // (HistoryPruner's incremental vacuum); SQLite takes the mode only before the first
    // table, so an older history keeps its mode until `prune --vacuum` rebuilds it.
    if (*version == 0) {
        if (auto ok = execSql(*db, path, QStringLiteral("PRAGMA auto_vacuum=INCREMENTAL")); !ok)
            return fail(ok.error());
    }
    if (auto ok = enableWal(*db, path); !ok) // NORMAL from here on...
        return fail(ok.error());
    if (auto ok = syncOff(); !ok) // ...but for a new history's schema
        return fail(ok.error());
    if (auto ok = migrate(*db, path, kSchemaVersion); !ok)
        return fail(ok.error());
    if (brandNew) {
        if (auto ok = execSql(*db, path, QStringLiteral("PRAGMA synchronous=NORMAL")); !ok)
            return fail(ok.error());
    }
    // Not being able to read old events into parameters now loses nothing: they show the
    // text they were recorded with, and the next open tries again.
    if (auto ok = readTextEvents(*db, path); !ok)
        qCWarning(lcStore) << ok.error().toString();
    // The same for logs written before the trigram index: until indexed, searches read them.
    if (auto ok = indexPendingLogBlocks(*db, path); !ok)
        qCWarning(lcStore) << ok.error().toString();

    std::unique_ptr<HistoryStore> store(new HistoryStore(dataDir, path, name));
    store->m_logWriter = std::make_unique<LogWriter>(path);
    return store;
}

int HistoryStore::schemaVersion() const
{
    QSqlDatabase db = connection(m_connectionName);
    auto version = readSchemaVersion(db, m_path);
    return version ? *version : -1;
}

Result<QList<qint64>> HistoryStore::recoverInterrupted(
    const std::function<bool(qint64 pid, qint64 startTicks)> &runnerAlive)
{
    QSqlDatabase db = connection(m_connectionName);
    const QString operation = tr("looking for interrupted runs");
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (auto ok = prepare(q, m_path, operation,
                          QStringLiteral("SELECT id, runner_pid, runner_start_ticks FROM runs "
                                         "WHERE status IN (:running, :queued) AND id NOT IN "
                                         "(SELECT run_id FROM remote_runs)"));
        !ok)
        return std::unexpected(ok.error());
    q.bindValue(QStringLiteral(":running"), toString(RunStatus::Running));
    q.bindValue(QStringLiteral(":queued"), toString(RunStatus::Queued));
    if (auto ok = exec(q, m_path, operation); !ok)
        return std::unexpected(ok.error());
    QList<std::pair<qint64, qint64>> dead; // run id, pid
    while (q.next()) {
        const qint64 pid = q.value(1).toLongLong();
        if (!runnerAlive || !runnerAlive(pid, q.value(2).toLongLong()))
            dead.append({q.value(0).toLongLong(), pid});
    }
    q.finish();

    QList<qint64> marked;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (const auto &[runId, pid] : dead) {
        auto done = inTransaction(db, m_path, operation, [&]() -> Result<void> {
            QSqlQuery u(db);
            if (auto ok = prepare(u, m_path, operation,
                                  QStringLiteral("UPDATE runs SET status = :to, finished_at = "
                                                 ":now WHERE id = :id AND status IN (:from, :q)"));
                !ok)
                return ok;
            u.bindValue(QStringLiteral(":to"), toString(RunStatus::Interrupted));
            u.bindValue(QStringLiteral(":now"), toDb(now));
            u.bindValue(QStringLiteral(":id"), runId);
            u.bindValue(QStringLiteral(":from"), toString(RunStatus::Running));
            u.bindValue(QStringLiteral(":q"), toString(RunStatus::Queued));
            if (auto ok = exec(u, m_path, operation); !ok)
                return ok;
            if (u.numRowsAffected() == 0)
                return {}; // finished meanwhile
            // The stages still running lost the end of their record, and maybe lines:
            // their logs say so where they stop.
            QList<qint64> running;
            QSqlQuery r(db);
            if (auto ok = runQuery(r, m_path, operation,
                                   QStringLiteral("SELECT id FROM stages WHERE run_id = ? AND "
                                                  "status = ?"),
                                   {runId, toString(StageStatus::Running)});
                !ok)
                return ok;
            while (r.next())
                running.append(r.value(0).toLongLong());
            r.finish();
            for (qint64 stageId : std::as_const(running)) {
                if (auto ok = appendLogLine(db, m_path, runId, stageId, unfinishedLogMarker(pid));
                    !ok)
                    return ok;
            }
            QSqlQuery s(db);
            if (auto ok = prepare(s, m_path, operation,
                                  QStringLiteral("UPDATE stages SET status = :to, finished_at = "
                                                 ":now WHERE run_id = :id AND status IN (:a, :b)"));
                !ok)
                return ok;
            s.bindValue(QStringLiteral(":to"), toString(StageStatus::Interrupted));
            s.bindValue(QStringLiteral(":now"), toDb(now));
            s.bindValue(QStringLiteral(":id"), runId);
            s.bindValue(QStringLiteral(":a"), toString(StageStatus::Running));
            s.bindValue(QStringLiteral(":b"), toString(StageStatus::Pending));
            if (auto ok = exec(s, m_path, operation); !ok)
                return ok;
            EventRecord event;
            event.runId = runId;
            event.at = now;
            event.kind = EventKind::Interrupted;
            event.params = {{QStringLiteral("pid"), QString::number(pid)}};
            event.who = QStringLiteral("deploydesk");
            if (auto id = addEvent(event); !id)
                return std::unexpected(id.error());
            marked.append(runId);
            return {};
        });
        if (!done)
            return std::unexpected(done.error());
    }
    return marked;
}

Result<qint64> HistoryStore::createRun(const RunRecord &run)
{
    auto q = runKept(
        tr("recording a new run of pipeline \"%1\"").arg(run.pipeline),
        QStringLiteral(
            "INSERT INTO runs (workspace, pipeline, environment, status, triggered_by, "
            "message, git_commit, branch, started_at, finished_at, rerun_of, runner_pid, "
            "runner_start_ticks, selected_stages, git_dirty, git_changes) VALUES (?, ?, ?, ?, ?, "
            "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
        {run.workspace, toDb(run.pipeline), toDb(run.environment), toString(run.status),
         toDb(run.triggeredBy), toDb(run.message), toDb(run.commit), toDb(run.branch),
         toDb(run.startedAt), toDb(run.finishedAt),
         run.rerunOf > 0 ? QVariant(run.rerunOf) : QVariant(QMetaType::fromType<qint64>()),
         run.runnerPid, run.runnerStartTicks, stagesToText(run.selectedStages), run.dirty ? 1 : 0,
         stagesToText(run.changedFiles)});
    if (!q)
        return std::unexpected(q.error());
    return q->insertId;
}

Result<void> HistoryStore::finishRun(qint64 runId, RunStatus status, const QDateTime &finishedAt)
{
    QSqlQuery q(connection(m_connectionName));
    const QString operation = tr("finishing run %1").arg(runId);
    if (auto ok =
            prepare(q, m_path, operation,
                    QStringLiteral("UPDATE runs SET status = ?, finished_at = ? WHERE id = ?"));
        !ok)
        return ok;
    q.addBindValue(toString(status));
    q.addBindValue(toDb(finishedAt));
    q.addBindValue(runId);
    if (auto ok = exec(q, m_path, operation); !ok)
        return ok;
    if (q.numRowsAffected() == 0)
        return std::unexpected(notFound(m_path, tr("run"), runId));
    return {};
}

Result<void> HistoryStore::setRunStatus(qint64 runId, RunStatus status)
{
    QSqlQuery q(connection(m_connectionName));
    const QString operation = tr("updating the status of run %1").arg(runId);
    if (auto ok = prepare(q, m_path, operation,
                          QStringLiteral("UPDATE runs SET status = ? WHERE id = ?"));
        !ok)
        return ok;
    q.addBindValue(toString(status));
    q.addBindValue(runId);
    return exec(q, m_path, operation);
}

namespace {
// NULL for a stage without inputs: the partial index holds only the others.
QVariant inputHashToDb(const QString &hash)
{
    return hash.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(hash);
}

// A stage's columns, in the order the INSERT and the UPDATE of a stage name them.
QVariantList stageValues(const StageRecord &stage)
{
    return {stage.runId,
            toDb(stage.name),
            toString(stage.status),
            stage.attempts,
            stage.exitCode,
            stage.signal,
            toDb(stage.reason),
            stage.reusedFrom > 0 ? QVariant(stage.reusedFrom)
                                 : QVariant(QMetaType::fromType<qint64>()),
            toDb(stage.startedAt),
            toDb(stage.finishedAt),
            stage.position,
            stage.allowedFailure ? 1 : 0,
            inputHashToDb(stage.inputHash)};
}
} // namespace

Result<qint64> HistoryStore::createStage(const StageRecord &stage)
{
    auto q = runKept(tr("recording stage \"%1\" of run %2").arg(stage.name).arg(stage.runId),
                     QStringLiteral("INSERT INTO stages (run_id, name, status, attempts, "
                                    "exit_code, signal, reason, reused_from, started_at, "
                                    "finished_at, position, allowed_failure, input_hash) VALUES "
                                    "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                     stageValues(stage));
    if (!q)
        return std::unexpected(q.error());
    return q->insertId;
}

Result<void> HistoryStore::updateStage(const StageRecord &stage)
{
    auto q = runKept(tr("updating stage %1 (\"%2\")").arg(stage.id).arg(stage.name),
                     QStringLiteral("UPDATE stages SET run_id = ?, name = ?, status = ?, "
                                    "attempts = ?, exit_code = ?, signal = ?, reason = ?, "
                                    "reused_from = ?, started_at = ?, finished_at = ?, "
                                    "position = ?, allowed_failure = ?, input_hash = ? "
                                    "WHERE id = ?"),
                     stageValues(stage) << stage.id);
    if (!q)
        return std::unexpected(q.error());
    if (q->rowsAffected == 0)
        return std::unexpected(notFound(m_path, tr("stage"), stage.id));
    return {};
}

Result<qint64> HistoryStore::addEvent(const EventRecord &event)
{
    auto q =
        runKept(tr("recording a \"%1\" event of run %2").arg(toString(event.kind)).arg(event.runId),
                QStringLiteral("INSERT INTO events (run_id, stage, at, kind, message, "
                               "who, params) VALUES (?, ?, ?, ?, ?, ?, ?)"),
                {event.runId, toDb(event.stage), toDb(event.at), toString(event.kind),
                 toDb(event.message), toDb(event.who), eventParamsToJson(event.params)});
    if (!q)
        return std::unexpected(q.error());
    return q->insertId;
}

Result<qint64> HistoryStore::addArtifact(const ArtifactRecord &artifact)
{
    auto q = runKept(tr("recording artifact %1 of run %2").arg(artifact.path).arg(artifact.runId),
                     QStringLiteral("INSERT INTO artifacts (run_id, stage, path, size, "
                                    "sha256, stored_path) VALUES (?, ?, ?, ?, ?, ?)"),
                     {artifact.runId, toDb(artifact.stage), toDb(artifact.path), artifact.size,
                      toDb(artifact.sha256), toDb(artifact.storedPath)});
    if (!q)
        return std::unexpected(q.error());
    return q->insertId;
}

} // namespace DeployDesk
