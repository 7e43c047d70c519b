// HistoryStore's remote runs: runs that ran on GitHub Actions, imported or followed.
#include "store/historystore.h"

#include "store/sqlutil.h"

namespace DeployDesk {

using namespace Internal;

namespace {

QVariant nullableMs(const QDateTime &dt)
{
    return toDb(dt);
}

RemoteRunLink linkFromRow(const QSqlQuery &q)
{
    // run_id, provider, repository, remote_id, attempt, url, remote_updated_at, jobs_fetched,
    // status
    RemoteRunLink link;
    link.runId = q.value(0).toLongLong();
    link.provider = q.value(1).toString();
    link.repository = q.value(2).toString();
    link.remoteId = q.value(3).toLongLong();
    link.attempt = q.value(4).toInt();
    link.url = q.value(5).toString();
    link.remoteUpdatedAt = fromDb(q.value(6));
    link.jobsFetched = q.value(7).toBool();
    fromString(q.value(8).toString(), &link.status);
    return link;
}

const QString kLinkColumns = QStringLiteral(
    "l.run_id, l.provider, l.repository, l.remote_id, l.attempt, l.url, l.remote_updated_at, "
    "l.jobs_fetched, r.status");

// The statements one import uses, prepared once per transaction.
struct ImportStatements
{
    QSqlQuery find, insertRun, insertLink, updateRun, updateLink, findStage, insertStage,
        insertStageLink, updateStage, stageCount;
};

} // namespace

Result<RemoteImportResult> HistoryStore::importRemoteRuns(const QList<RemoteRunImport> &runs)
{
    QSqlDatabase db = connection(m_connectionName);
    const QString operation = tr("recording %n remote run(s)", nullptr, int(runs.size()));
    if (runs.isEmpty())
        return RemoteImportResult{};
    return inTransaction(db, m_path, operation, [&]() -> Result<RemoteImportResult> {
        ImportStatements s{QSqlQuery(db), QSqlQuery(db), QSqlQuery(db), QSqlQuery(db),
                           QSqlQuery(db), QSqlQuery(db), QSqlQuery(db), QSqlQuery(db),
                           QSqlQuery(db), QSqlQuery(db)};
        const std::pair<QSqlQuery *, QString> sql[] = {
            {&s.find, QStringLiteral("SELECT run_id, remote_updated_at, jobs_fetched FROM "
                                     "remote_runs WHERE provider = ? AND repository = ? AND "
                                     "remote_id = ? AND attempt = ?")},
            {&s.insertRun,
             QStringLiteral("INSERT INTO runs (workspace, pipeline, environment, status, "
                            "triggered_by, message, git_commit, branch, started_at, "
                            "finished_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")},
            {&s.insertLink,
             QStringLiteral("INSERT INTO remote_runs (run_id, provider, repository, remote_id, "
                            "attempt, url, remote_updated_at, jobs_fetched) VALUES (?, ?, ?, "
                            "?, ?, ?, ?, ?)")},
            {&s.updateRun,
             QStringLiteral("UPDATE runs SET pipeline = ?, status = ?, triggered_by = ?, "
                            "message = ?, git_commit = ?, branch = ?, started_at = ?, "
                            "finished_at = ? WHERE id = ?")},
            {&s.updateLink, QStringLiteral("UPDATE remote_runs SET url = ?, remote_updated_at "
                                           "= ?, jobs_fetched = max(jobs_fetched, ?) WHERE "
                                           "run_id = ?")},
            {&s.findStage, QStringLiteral("SELECT s.id FROM stages s JOIN remote_stages rs ON "
                                          "rs.stage_id = s.id WHERE s.run_id = ? AND "
                                          "rs.job_id = ?")},
            {&s.insertStage,
             QStringLiteral("INSERT INTO stages (run_id, name, status, attempts, reason, "
                            "started_at, finished_at, position) VALUES (?, ?, ?, 1, ?, ?, ?, "
                            "?)")},
            {&s.insertStageLink,
             QStringLiteral("INSERT INTO remote_stages (stage_id, job_id) VALUES (?, ?)")},
            {&s.updateStage, QStringLiteral("UPDATE stages SET name = ?, status = ?, reason = "
                                            "?, started_at = ?, finished_at = ? WHERE id = ?")},
            {&s.stageCount, QStringLiteral("SELECT count(*) FROM stages WHERE run_id = ?")},
        };
        for (const auto &[query, text] : sql) {
            query->setForwardOnly(true);
            if (auto ok = prepare(*query, m_path, operation, text); !ok)
                return std::unexpected(ok.error());
        }
        auto run = [&](QSqlQuery &q, const QVariantList &values) -> Result<void> {
            for (int i = 0; i < values.size(); ++i)
                q.bindValue(i, values.at(i));
            return exec(q, m_path, operation);
        };

        RemoteImportResult result;
        result.runIds.reserve(runs.size());
        for (const RemoteRunImport &in : runs) {
            const RunRecord &r = in.run;
            if (auto ok = run(s.find, {in.provider, in.repository, in.remoteId, in.attempt}); !ok)
                return std::unexpected(ok.error());
            qint64 runId = 0;
            bool changed = true;
            if (s.find.next()) {
                runId = s.find.value(0).toLongLong();
                const bool sameTime = fromDb(s.find.value(1)) == in.remoteUpdatedAt;
                const bool jobsKnown = s.find.value(2).toBool();
                changed = !sameTime || (in.stages && !jobsKnown);
            }
            s.find.finish();

            if (runId == 0) {
                if (auto ok = run(s.insertRun, {r.workspace, toDb(r.pipeline), toDb(r.environment),
                                                toString(r.status), toDb(r.triggeredBy),
                                                toDb(r.message), toDb(r.commit), toDb(r.branch),
                                                nullableMs(r.startedAt), nullableMs(r.finishedAt)});
                    !ok)
                    return std::unexpected(ok.error());
                runId = s.insertRun.lastInsertId().toLongLong();
                if (auto ok =
                        run(s.insertLink,
                            {runId, in.provider, in.repository, in.remoteId, in.attempt,
                             toDb(in.url), nullableMs(in.remoteUpdatedAt), in.stages ? 1 : 0});
                    !ok)
                    return std::unexpected(ok.error());
                ++result.added;
            } else if (!changed) {
                ++result.unchanged;
                result.runIds.append(runId);
                continue;
            } else {
                if (auto ok = run(s.updateRun,
                                  {toDb(r.pipeline), toString(r.status), toDb(r.triggeredBy),
                                   toDb(r.message), toDb(r.commit), toDb(r.branch),
                                   nullableMs(r.startedAt), nullableMs(r.finishedAt), runId});
                    !ok)
                    return std::unexpected(ok.error());
                if (auto ok = run(s.updateLink, {toDb(in.url), nullableMs(in.remoteUpdatedAt),
                                                 in.stages ? 1 : 0, runId});
                    !ok)
                    return std::unexpected(ok.error());
                ++result.updated;
            }
            result.runIds.append(runId);
            if (!in.stages)
                continue;

            if (auto ok = run(s.stageCount, {runId}); !ok)
                return std::unexpected(ok.error());
            int position = s.stageCount.next() ? s.stageCount.value(0).toInt() : 0;
            s.stageCount.finish();
            for (const RemoteStageImport &job : *in.stages) {
                if (auto ok = run(s.findStage, {runId, job.jobId}); !ok)
                    return std::unexpected(ok.error());
                const qint64 stageId = s.findStage.next() ? s.findStage.value(0).toLongLong() : 0;
                s.findStage.finish();
                if (stageId != 0) {
                    if (auto ok = run(s.updateStage, {toDb(job.name), toString(job.status),
                                                      toDb(job.reason), nullableMs(job.startedAt),
                                                      nullableMs(job.finishedAt), stageId});
                        !ok)
                        return std::unexpected(ok.error());
                    continue;
                }
                if (auto ok = run(s.insertStage, {runId, toDb(job.name), toString(job.status),
                                                  toDb(job.reason), nullableMs(job.startedAt),
                                                  nullableMs(job.finishedAt), position++});
                    !ok)
                    return std::unexpected(ok.error());
                const qint64 newStage = s.insertStage.lastInsertId().toLongLong();
                if (auto ok = run(s.insertStageLink, {newStage, job.jobId}); !ok)
                    return std::unexpected(ok.error());
            }
        }
        return result;
    });
}

Result<std::optional<RemoteRunLink>> HistoryStore::remoteRun(qint64 runId) const
{
    QSqlQuery q(connection(m_connectionName));
    const QString operation = tr("reading where run %1 ran").arg(runId);
    if (auto ok = runQuery(q, m_path, operation,
                           QStringLiteral("SELECT %1 FROM remote_runs l JOIN runs r ON r.id = "
                                          "l.run_id WHERE l.run_id = ?")
                               .arg(kLinkColumns),
                           {runId});
        !ok)
        return std::unexpected(ok.error());
    if (!q.next())
        return std::optional<RemoteRunLink>();
    return std::optional<RemoteRunLink>(linkFromRow(q));
}

namespace {
// The links passing `condition` (on remote_runs l joined to runs r; it may end with ORDER BY
// and LIMIT).
Result<QList<RemoteRunLink>> readLinks(const QString &connectionName, const QString &path,
                                       const QString &operation, const QString &condition,
                                       const QVariantList &values)
{
    QSqlQuery q(connection(connectionName));
    if (auto ok = runQuery(q, path, operation,
                           QStringLiteral("SELECT %1 FROM remote_runs l JOIN runs r ON r.id = "
                                          "l.run_id WHERE %2")
                               .arg(kLinkColumns, condition),
                           values);
        !ok)
        return std::unexpected(ok.error());
    QList<RemoteRunLink> links;
    while (q.next())
        links.append(linkFromRow(q));
    return links;
}
} // namespace

Result<QList<RemoteRunLink>> HistoryStore::remoteRunAttempts(const QString &provider,
                                                             const QString &repository,
                                                             qint64 remoteId) const
{
    return readLinks(m_connectionName, m_path, tr("reading remote run %1").arg(remoteId),
                     QStringLiteral("l.provider = ? AND l.repository = ? AND l.remote_id = ? "
                                    "ORDER BY l.attempt DESC"),
                     {provider, repository, remoteId});
}

Result<QList<RemoteRunLink>> HistoryStore::remoteRunsWithoutJobs(const QString &provider,
                                                                 const QString &repository,
                                                                 int limit) const
{
    return readLinks(m_connectionName, m_path, tr("reading remote runs of %1").arg(repository),
                     QStringLiteral("l.provider = ? AND l.repository = ? AND l.jobs_fetched = 0 "
                                    "ORDER BY l.remote_id DESC, l.attempt DESC LIMIT ?"),
                     {provider, repository, limit});
}

Result<QList<RemoteStageLink>> HistoryStore::remoteStages(qint64 runId) const
{
    QSqlQuery q(connection(m_connectionName));
    const QString operation = tr("reading the jobs of run %1").arg(runId);
    if (auto ok = runQuery(q, m_path, operation,
                           QStringLiteral("SELECT s.id, rs.job_id, s.name, s.status, "
                                          "rs.log_fetched FROM stages s JOIN remote_stages rs "
                                          "ON rs.stage_id = s.id WHERE s.run_id = ? ORDER BY "
                                          "s.position, s.id"),
                           {runId});
        !ok)
        return std::unexpected(ok.error());
    QList<RemoteStageLink> links;
    while (q.next()) {
        RemoteStageLink link;
        link.stageId = q.value(0).toLongLong();
        link.jobId = q.value(1).toLongLong();
        link.name = q.value(2).toString();
        fromString(q.value(3).toString(), &link.status);
        link.logFetched = q.value(4).toBool();
        links.append(link);
    }
    return links;
}

Result<void> HistoryStore::markRemoteLogFetched(qint64 stageId)
{
    QSqlQuery q(connection(m_connectionName));
    return runQuery(q, m_path, tr("recording that the log of stage %1 is stored").arg(stageId),
                    QStringLiteral("UPDATE remote_stages SET log_fetched = 1 WHERE stage_id = ?"),
                    {stageId});
}

} // namespace DeployDesk
