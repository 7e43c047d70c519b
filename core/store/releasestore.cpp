// HistoryStore: deployments, releases and the deploy queue (schema step 4).
#include "store/historystore.h"

#include "store/sqlutil.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <array>

namespace DeployDesk {

using namespace Internal;

namespace {

constexpr std::array<QLatin1StringView, 5> kKinds{
    QLatin1StringView("deploy"), QLatin1StringView("rollback"), QLatin1StringView("auto-rollback"),
    QLatin1StringView("promote"), QLatin1StringView("index-switch")};

QVariant nullableId(qint64 id)
{
    return id > 0 ? QVariant(id) : QVariant(QMetaType::fromType<qint64>());
}

const QString kDeploymentColumns = QStringLiteral(
    "d.id, d.run_id, d.stage, d.workspace, d.environment, d.layer, d.target, d.version, d.url, "
    "d.details, d.created_at");

DeploymentRecord deploymentFromRow(const QSqlQuery &q, int first)
{
    DeploymentRecord r;
    r.id = q.value(first + 0).toLongLong();
    r.runId = q.value(first + 1).toLongLong();
    r.stage = q.value(first + 2).toString();
    r.workspace = q.value(first + 3).toString();
    r.environment = q.value(first + 4).toString();
    fromString(q.value(first + 5).toString(), &r.deployment.layer);
    r.deployment.target = q.value(first + 6).toString();
    r.deployment.version = q.value(first + 7).toString();
    r.deployment.url = q.value(first + 8).toString();
    r.deployment.details =
        QJsonDocument::fromJson(q.value(first + 9).toByteArray()).object().toVariantMap();
    r.deployment.createdAt = fromDb(q.value(first + 10));
    return r;
}

const QString kReleaseColumns =
    QStringLiteral("id, workspace, environment, run_id, kind, restores, complete, git_commit, "
                   "branch, who, why, created_at");

ReleaseRecord releaseFromRow(const QSqlQuery &q)
{
    ReleaseRecord r;
    r.id = q.value(0).toLongLong();
    r.workspace = q.value(1).toString();
    r.environment = q.value(2).toString();
    r.runId = q.value(3).toLongLong();
    fromString(q.value(4).toString(), &r.kind);
    r.restores = q.value(5).toLongLong();
    r.complete = q.value(6).toInt() != 0;
    r.commit = q.value(7).toString();
    r.branch = q.value(8).toString();
    r.who = q.value(9).toString();
    r.why = q.value(10).toString();
    r.createdAt = fromDb(q.value(11));
    return r;
}

} // namespace

QString toString(ReleaseKind kind)
{
    return QString(kKinds[size_t(kind)]);
}

bool fromString(const QString &text, ReleaseKind *kind)
{
    for (size_t i = 0; i < kKinds.size(); ++i) {
        if (text == kKinds[i]) {
            *kind = ReleaseKind(i);
            return true;
        }
    }
    return false;
}

Result<qint64> HistoryStore::addDeployment(const DeploymentRecord &d)
{
    QSqlQuery q(connection(m_connectionName));
    const QString operation =
        tr("recording the %1 deployment of run %2").arg(toString(d.deployment.layer)).arg(d.runId);
    const QByteArray details = QJsonDocument(QJsonObject::fromVariantMap(d.deployment.details))
                                   .toJson(QJsonDocument::Compact);
    if (auto ok = runQuery(
            q, m_path, operation,
            QStringLiteral("INSERT INTO deployments (run_id, stage, workspace, environment, layer, "
                           "target, version, url, details, created_at) VALUES "
                           "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
            {d.runId, toDb(d.stage), toDb(d.workspace), toDb(d.environment),
             toString(d.deployment.layer), toDb(d.deployment.target), toDb(d.deployment.version),
             toDb(d.deployment.url), QString::fromUtf8(details),
             toDb(d.deployment.createdAt.isValid() ? d.deployment.createdAt
                                                   : QDateTime::currentDateTimeUtc())});
        !ok)
        return std::unexpected(ok.error());
    return q.lastInsertId().toLongLong();
}

Result<QList<DeploymentRecord>> HistoryStore::deployments(qint64 runId) const
{
    QSqlQuery q(connection(m_connectionName));
    if (auto ok = runQuery(q, m_path, tr("reading the deployments of run %1").arg(runId),
                           QStringLiteral("SELECT %1 FROM deployments d WHERE d.run_id = ? "
                                          "ORDER BY d.id")
                               .arg(kDeploymentColumns),
                           {runId});
        !ok)
        return std::unexpected(ok.error());
    QList<DeploymentRecord> out;
    while (q.next())
        out.append(deploymentFromRow(q, 0));
    return out;
}

Result<qint64> HistoryStore::createRelease(const ReleaseRecord &r)
{
    QSqlDatabase db = connection(m_connectionName);
    const QString operation = tr("recording a release of environment %1").arg(r.environment);
    return inTransaction(db, m_path, operation, [&]() -> Result<qint64> {
        QSqlQuery q(db);
        if (auto ok = runQuery(
                q, m_path, operation,
                QStringLiteral("INSERT INTO releases (workspace, environment, run_id, kind, "
                               "restores, complete, git_commit, branch, who, why, created_at) "
                               "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                {toDb(r.workspace), toDb(r.environment), r.runId, toString(r.kind),
                 nullableId(r.restores), r.complete ? 1 : 0, toDb(r.commit), toDb(r.branch),
                 toDb(r.who), toDb(r.why),
                 toDb(r.createdAt.isValid() ? r.createdAt : QDateTime::currentDateTimeUtc())});
            !ok)
            return std::unexpected(ok.error());
        const qint64 id = q.lastInsertId().toLongLong();
        for (const ReleaseLayer &layer : r.layers) {
            QSqlQuery l(db);
            if (auto ok = runQuery(
                    l, m_path, operation,
                    QStringLiteral("INSERT INTO release_layers (release_id, layer, "
                                   "deployment_id, changed) VALUES (?, ?, ?, ?)"),
                    {id, toString(layer.layer), layer.deployment.id, layer.changed ? 1 : 0});
                !ok)
                return std::unexpected(ok.error());
        }
        return id;
    });
}

Result<QList<ReleaseRecord>> HistoryStore::releases(const QString &workspace,
                                                    const QString &environment, int limit) const
{
    QSqlDatabase db = connection(m_connectionName);
    const QString operation = tr("reading the releases of environment %1").arg(environment);
    QSqlQuery q(db);
    if (auto ok = runQuery(q, m_path, operation,
                           QStringLiteral("SELECT %1 FROM releases WHERE workspace = ? AND "
                                          "environment = ? ORDER BY id DESC LIMIT ?")
                               .arg(kReleaseColumns),
                           {workspace, environment, limit});
        !ok)
        return std::unexpected(ok.error());
    QList<ReleaseRecord> out;
    while (q.next())
        out.append(releaseFromRow(q));
    for (ReleaseRecord &r : out) {
        QSqlQuery l(db);
        if (auto ok = runQuery(l, m_path, operation,
                               QStringLiteral("SELECT rl.layer, rl.changed, %1 FROM release_layers "
                                              "rl JOIN deployments d ON d.id = rl.deployment_id "
                                              "WHERE rl.release_id = ?")
                                   .arg(kDeploymentColumns),
                               {r.id});
            !ok)
            return std::unexpected(ok.error());
        while (l.next()) {
            ReleaseLayer layer;
            fromString(l.value(0).toString(), &layer.layer);
            layer.changed = l.value(1).toInt() != 0;
            layer.deployment = deploymentFromRow(l, 2);
            r.layers.append(layer);
        }
        std::sort(r.layers.begin(), r.layers.end(),
                  [](const ReleaseLayer &a, const ReleaseLayer &b) { return a.layer < b.layer; });
    }
    return out;
}

Result<ReleaseRecord> HistoryStore::release(qint64 releaseId) const
{
    QSqlQuery q(connection(m_connectionName));
    if (auto ok =
            runQuery(q, m_path, tr("reading release %1").arg(releaseId),
                     QStringLiteral("SELECT workspace, environment FROM releases WHERE id = ?"),
                     {releaseId});
        !ok)
        return std::unexpected(ok.error());
    if (!q.next())
        return makeError(ErrorCode::NotFound,
                         tr("there is no release %1; list them with `deploydeskctl releases ENV`")
                             .arg(releaseId));
    const QString workspace = q.value(0).toString();
    const QString environment = q.value(1).toString();
    // Small: an environment's releases are few compared with runs.
    auto all = releases(workspace, environment, 1'000'000);
    if (!all)
        return std::unexpected(all.error());
    for (const ReleaseRecord &r : *all)
        if (r.id == releaseId)
            return r;
    return makeError(ErrorCode::Internal, tr("release %1 vanished while reading").arg(releaseId));
}

Result<std::optional<ReleaseRecord>> HistoryStore::liveRelease(const QString &workspace,
                                                               const QString &environment) const
{
    auto newest = releases(workspace, environment, 1);
    if (!newest)
        return std::unexpected(newest.error());
    if (newest->isEmpty())
        return std::optional<ReleaseRecord>();
    return std::optional<ReleaseRecord>(newest->first());
}

Result<std::optional<ReleaseRecord>> HistoryStore::releaseOfRun(qint64 runId) const
{
    QSqlQuery q(connection(m_connectionName));
    if (auto ok = runQuery(q, m_path, tr("reading the release of run %1").arg(runId),
                           QStringLiteral("SELECT id FROM releases WHERE run_id = ? "
                                          "ORDER BY id DESC LIMIT 1"),
                           {runId});
        !ok)
        return std::unexpected(ok.error());
    if (!q.next())
        return std::optional<ReleaseRecord>();
    auto r = release(q.value(0).toLongLong());
    if (!r)
        return std::unexpected(r.error());
    return std::optional<ReleaseRecord>(*r);
}

Result<QList<DeploymentRecord>> HistoryStore::previewDeployments(const QString &workspace,
                                                                 int limit) const
{
    QSqlQuery q(connection(m_connectionName));
    if (auto ok = runQuery(q, m_path, tr("reading the branch previews"),
                           QStringLiteral("SELECT %1 FROM deployments d WHERE d.workspace = ? AND "
                                          "json_extract(d.details, '$.preview') = 1 "
                                          "ORDER BY d.id DESC LIMIT ?")
                               .arg(kDeploymentColumns),
                           {workspace, limit});
        !ok)
        return std::unexpected(ok.error());
    QList<DeploymentRecord> out;
    while (q.next())
        out.append(deploymentFromRow(q, 0));
    return out;
}

Result<qint64> HistoryStore::enqueue(const QueueTicket &t)
{
    QSqlQuery q(connection(m_connectionName));
    if (auto ok = runQuery(q, m_path, tr("queueing a deploy to %1").arg(t.environment),
                           QStringLiteral("INSERT INTO deploy_queue (workspace, environment, "
                                          "run_id, what, pid, start_ticks, enqueued_at) VALUES "
                                          "(?, ?, ?, ?, ?, ?, ?)"),
                           {toDb(t.workspace), toDb(t.environment), t.runId, toDb(t.what), t.pid,
                            t.startTicks, toDb(QDateTime::currentDateTimeUtc())});
        !ok)
        return std::unexpected(ok.error());
    return q.lastInsertId().toLongLong();
}

Result<void> HistoryStore::removeTicket(qint64 ticketId)
{
    QSqlQuery q(connection(m_connectionName));
    return runQuery(q, m_path, tr("leaving the deploy queue"),
                    QStringLiteral("DELETE FROM deploy_queue WHERE id = ?"), {ticketId});
}

Result<QList<QueueTicket>> HistoryStore::queue(const QString &workspace,
                                               const QString &environment) const
{
    QSqlQuery q(connection(m_connectionName));
    QString sql = QStringLiteral("SELECT id, workspace, environment, run_id, what, pid, "
                                 "start_ticks, enqueued_at FROM deploy_queue");
    QStringList where;
    QVariantList values;
    if (!workspace.isEmpty()) {
        where << QStringLiteral("workspace = ?");
        values << workspace;
    }
    if (!environment.isEmpty()) {
        where << QStringLiteral("environment = ?");
        values << environment;
    }
    if (!where.isEmpty())
        sql += QStringLiteral(" WHERE ") + where.join(QStringLiteral(" AND "));
    sql += QStringLiteral(" ORDER BY id");
    if (auto ok = runQuery(q, m_path, tr("reading the deploy queue"), sql, values); !ok)
        return std::unexpected(ok.error());
    QList<QueueTicket> out;
    while (q.next()) {
        QueueTicket t;
        t.id = q.value(0).toLongLong();
        t.workspace = q.value(1).toString();
        t.environment = q.value(2).toString();
        t.runId = q.value(3).toLongLong();
        t.what = q.value(4).toString();
        t.pid = q.value(5).toLongLong();
        t.startTicks = q.value(6).toLongLong();
        t.enqueuedAt = fromDb(q.value(7));
        out.append(t);
    }
    return out;
}

} // namespace DeployDesk
