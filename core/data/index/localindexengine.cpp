#include "data/index/localindexengine.h"

#include "common/translate.h"
#include "store/schema.h"
#include "store/sqlutil.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSaveFile>
#include <QtEndian>

#include <array>
#include <cmath>
#include <queue>
#include <span>

namespace DeployDesk::Data::Internal {

using DeployDesk::Internal::execSql;
using DeployDesk::Internal::inTransaction;
using DeployDesk::Internal::runQuery;

namespace {

// Step 1: the version's spec (meta: name, version, dimension, distance, metadata JSON,
// created_at) and its points.
constexpr std::array kStep1{
    "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    R"(CREATE TABLE points (
        id TEXT PRIMARY KEY,
        vector BLOB NOT NULL,
        norm REAL NOT NULL,
        payload TEXT NOT NULL DEFAULT '{}'))",
};

const std::array<std::span<const char *const>, 1> &steps()
{
    static const std::array<std::span<const char *const>, 1> all{std::span(kStep1)};
    return all;
}

QByteArray toBlob(const QList<float> &vector)
{
    QByteArray blob(vector.size() * qsizetype(sizeof(float)), Qt::Uninitialized);
    qToLittleEndian<float>(vector.constData(), vector.size(), blob.data());
    return blob;
}

// The dot product of `query` with the float32 blob, without copying the blob.
double dotWith(const QList<float> &query, const QByteArray &blob)
{
    const qsizetype n = std::min(query.size(), blob.size() / qsizetype(sizeof(float)));
    const char *data = blob.constData();
    double dot = 0;
    for (qsizetype i = 0; i < n; ++i)
        dot += double(query[i]) * qFromLittleEndian<float>(data + i * sizeof(float));
    return dot;
}

double normOf(const QList<float> &vector)
{
    double sum = 0;
    for (const float v : vector)
        sum += double(v) * v;
    return std::sqrt(sum);
}

QString versionList(const QList<int> &versions)
{
    QStringList names;
    for (int v : versions)
        names << QString::number(v);
    return names.isEmpty() ? tr("none") : names.join(QStringLiteral(", "));
}

} // namespace

int localIndexSchemaVersion()
{
    return int(steps().size());
}

LocalIndexEngine::LocalIndexEngine(QString folder, QString name)
    : m_folder(std::move(folder))
    , m_name(std::move(name))
    , m_thread(QStringLiteral("vector index"))
{
    m_thread.onStop([this] {
        for (int version : m_open.keys())
            close(version);
    });
}

LocalIndexEngine::~LocalIndexEngine()
{
    m_thread.stop(SerialThread::PendingWork::Drop);
}

QString LocalIndexEngine::pathOf(int version) const
{
    return QDir(m_folder).filePath(versionName(m_name, version) +
                                   QStringLiteral(".vectors.sqlite"));
}

QString LocalIndexEngine::livePath() const
{
    return QDir(m_folder).filePath(m_name + QStringLiteral(".live.json"));
}

Error LocalIndexEngine::noVersion(int version)
{
    auto known = state();
    return makeErrorValue(ErrorCode::NotFound,
                          tr("vector index %1 in %2 has no version %3 (versions: %4)")
                              .arg(m_name, m_folder)
                              .arg(version)
                              .arg(versionList(known ? known->versions : QList<int>())));
}

Result<LocalIndexEngine::Open> LocalIndexEngine::open(int version, bool create)
{
    if (auto it = m_open.constFind(version); it != m_open.constEnd())
        return *it;
    const QString path = pathOf(version);
    if (!create && !QFileInfo::exists(path))
        return std::unexpected(noVersion(version));
    if (create && !QDir().mkpath(m_folder))
        return makeError(
            ErrorCode::Io,
            tr("cannot create the folder %1 for vector index %2").arg(m_folder, m_name));
    const QString connection =
        DeployDesk::Internal::uniqueConnectionName(QStringLiteral("vectors"));
    auto db = DeployDesk::Internal::openConnection(path, connection);
    if (!db)
        return std::unexpected(db.error());
    auto fail = [&](const Error &error) -> Result<Open> {
        db->close();
        *db = QSqlDatabase();
        QSqlDatabase::removeDatabase(connection);
        return std::unexpected(error);
    };
    if (auto version = DeployDesk::Internal::readSchemaVersion(*db, path); !version)
        return fail(version.error());
    if (auto ok = DeployDesk::Internal::enableWal(*db, path); !ok)
        return fail(ok.error());
    if (auto ok = DeployDesk::Internal::migrate(*db, path, steps(), localIndexSchemaVersion()); !ok)
        return fail(ok.error());
    Open open{connection, 0};
    QSqlQuery q(*db);
    if (auto ok = runQuery(q, path, tr("reading the dimension"),
                           QStringLiteral("SELECT value FROM meta WHERE key = 'dimension'"), {});
        !ok)
        return fail(ok.error());
    if (q.next())
        open.dimension = q.value(0).toInt();
    m_open.insert(version, open);
    return open;
}

void LocalIndexEngine::close(int version)
{
    const Open open = m_open.take(version);
    if (open.connection.isEmpty())
        return;
    {
        QSqlDatabase db = QSqlDatabase::database(open.connection, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(open.connection);
}

Result<std::optional<int>> LocalIndexEngine::liveVersion() const
{
    QFile file(livePath());
    if (!file.exists())
        return std::optional<int>();
    if (!file.open(QIODevice::ReadOnly))
        return makeError(ErrorCode::Io,
                         tr("cannot read %1: %2").arg(file.fileName(), file.errorString()));
    const QJsonObject live = QJsonDocument::fromJson(file.readAll()).object();
    const int version = live.value(QStringLiteral("version")).toInt();
    if (version <= 0)
        return makeError(ErrorCode::Invalid,
                         tr("%1 does not name a version ({\"version\": N} expected); "
                            "activate a version again to rewrite it")
                             .arg(file.fileName()));
    return std::optional<int>(version);
}

Result<IndexState> LocalIndexEngine::state()
{
    IndexState state;
    const QRegularExpression pattern(
        QStringLiteral("^%1_v(\\d+)\\.vectors\\.sqlite$").arg(QRegularExpression::escape(m_name)));
    const QStringList files =
        QDir(m_folder).entryList({m_name + QStringLiteral("_v*.vectors.sqlite")}, QDir::Files);
    for (const QString &file : files) {
        if (const auto match = pattern.match(file); match.hasMatch())
            state.versions.append(match.captured(1).toInt());
    }
    std::sort(state.versions.begin(), state.versions.end());
    auto live = liveVersion();
    if (!live)
        return std::unexpected(live.error());
    state.live = *live;
    return state;
}

Result<IndexVersionInfo> LocalIndexEngine::info(int version, bool withCount)
{
    auto open = this->open(version, false);
    if (!open)
        return std::unexpected(open.error());
    const QString path = pathOf(version);
    QSqlDatabase db = QSqlDatabase::database(open->connection, false);
    QSqlQuery q(db);
    if (auto ok = runQuery(q, path, tr("reading the spec"),
                           QStringLiteral("SELECT key, value FROM meta"), {});
        !ok)
        return std::unexpected(ok.error());
    IndexVersionInfo info;
    info.version = version;
    info.name = versionName(m_name, version);
    while (q.next()) {
        const QString key = q.value(0).toString();
        if (key == QLatin1String("dimension"))
            info.dimension = q.value(1).toInt();
        else if (key == QLatin1String("distance"))
            info.distance = q.value(1).toString();
        else if (key == QLatin1String("metadata"))
            info.metadata = QJsonDocument::fromJson(q.value(1).toString().toUtf8()).object();
    }
    if (withCount) {
        auto n = count(version);
        if (!n)
            return std::unexpected(n.error());
        info.points = *n;
    }
    return info;
}

Result<IndexVersionInfo> LocalIndexEngine::create(int version, const IndexSpec &spec)
{
    if (spec.distance != QLatin1String("Cosine"))
        return makeError(ErrorCode::Invalid,
                         tr("the local vector index searches by cosine only; found distance "
                            "\"%1\"")
                             .arg(spec.distance));
    if (spec.dimension < 1 || spec.dimension > 65536)
        return makeError(ErrorCode::Invalid,
                         tr("a vector dimension is from 1 to 65536; found %1").arg(spec.dimension));
    const bool existed = QFileInfo::exists(pathOf(version));
    auto open = this->open(version, true);
    if (!open)
        return std::unexpected(open.error());
    if (existed && open->dimension != 0) {
        auto current = info(version, true);
        if (!current)
            return current;
        if (current->dimension != spec.dimension)
            return makeError(ErrorCode::Conflict,
                             tr("version %1 of vector index %2 exists with %3 dimensions, not "
                                "%4; build another version or drop this one")
                                 .arg(version)
                                 .arg(m_name)
                                 .arg(current->dimension)
                                 .arg(spec.dimension));
        return current;
    }
    const QString path = pathOf(version);
    QSqlDatabase db = QSqlDatabase::database(open->connection, false);
    auto written = inTransaction(db, path, tr("writing the spec"), [&]() -> Result<void> {
        const QList<std::pair<QString, QString>> meta{
            {QStringLiteral("name"), m_name},
            {QStringLiteral("version"), QString::number(version)},
            {QStringLiteral("dimension"), QString::number(spec.dimension)},
            {QStringLiteral("distance"), spec.distance},
            {QStringLiteral("metadata"),
             QString::fromUtf8(QJsonDocument(spec.metadata).toJson(QJsonDocument::Compact))},
            {QStringLiteral("created_at"), QString::number(QDateTime::currentMSecsSinceEpoch())},
        };
        for (const auto &[key, value] : meta) {
            QSqlQuery q(db);
            if (auto ok = runQuery(q, path, tr("writing the spec"),
                                   QStringLiteral("INSERT OR REPLACE INTO meta(key, value) "
                                                  "VALUES (?, ?)"),
                                   {key, value});
                !ok)
                return ok;
        }
        return {};
    });
    if (!written)
        return std::unexpected(written.error());
    m_open[version].dimension = spec.dimension;
    return info(version, true);
}

Result<qint64> LocalIndexEngine::upsert(int version, const QList<IndexPoint> &points)
{
    auto open = this->open(version, false);
    if (!open)
        return std::unexpected(open.error());
    const QString path = pathOf(version);
    QSqlDatabase db = QSqlDatabase::database(open->connection, false);
    auto written = inTransaction(db, path, tr("writing points"), [&]() -> Result<void> {
        QSqlQuery q(db);
        if (auto ok = DeployDesk::Internal::prepare(
                q, path, tr("writing points"),
                QStringLiteral("INSERT INTO points(id, vector, norm, payload) VALUES (?, ?, ?, "
                               "?) ON CONFLICT(id) DO UPDATE SET vector = excluded.vector, "
                               "norm = excluded.norm, payload = excluded.payload"));
            !ok)
            return ok;
        for (const IndexPoint &point : points) {
            q.addBindValue(point.id.toLower());
            q.addBindValue(toBlob(point.vector));
            q.addBindValue(normOf(point.vector));
            q.addBindValue(
                QString::fromUtf8(QJsonDocument(point.payload).toJson(QJsonDocument::Compact)));
            if (auto ok = DeployDesk::Internal::exec(q, path, tr("writing points")); !ok)
                return ok;
        }
        return {};
    });
    if (!written)
        return std::unexpected(written.error());
    return qint64(points.size());
}

Result<qint64> LocalIndexEngine::remove(int version, const QStringList &ids)
{
    auto open = this->open(version, false);
    if (!open)
        return std::unexpected(open.error());
    const QString path = pathOf(version);
    QSqlDatabase db = QSqlDatabase::database(open->connection, false);
    auto removed = inTransaction(db, path, tr("deleting points"), [&]() -> Result<void> {
        QSqlQuery q(db);
        if (auto ok = DeployDesk::Internal::prepare(q, path, tr("deleting points"),
                                                    QStringLiteral("DELETE FROM points WHERE "
                                                                   "id = ?"));
            !ok)
            return ok;
        for (const QString &id : ids) {
            q.addBindValue(id.toLower());
            if (auto ok = DeployDesk::Internal::exec(q, path, tr("deleting points")); !ok)
                return ok;
        }
        return {};
    });
    if (!removed)
        return std::unexpected(removed.error());
    return qint64(ids.size());
}

Result<qint64> LocalIndexEngine::count(int version)
{
    auto open = this->open(version, false);
    if (!open)
        return std::unexpected(open.error());
    QSqlDatabase db = QSqlDatabase::database(open->connection, false);
    QSqlQuery q(db);
    if (auto ok = runQuery(q, pathOf(version), tr("counting points"),
                           QStringLiteral("SELECT count(*) FROM points"), {});
        !ok)
        return std::unexpected(ok.error());
    return q.next() ? q.value(0).toLongLong() : 0;
}

Result<QList<IndexHit>> LocalIndexEngine::query(std::optional<int> version,
                                                const QList<float> &vector, int limit)
{
    if (!version) {
        auto live = liveVersion();
        if (!live)
            return std::unexpected(live.error());
        if (!*live)
            return makeError(ErrorCode::NotFound,
                             tr("vector index %1 in %2 has no live version yet; activate one")
                                 .arg(m_name, m_folder));
        version = *live;
    }
    auto open = this->open(*version, false);
    if (!open)
        return std::unexpected(open.error());
    if (vector.size() != open->dimension)
        return makeError(ErrorCode::Invalid,
                         tr("the query vector has %1 dimensions; %2 holds vectors of %3 (was it "
                            "embedded with another model?)")
                             .arg(vector.size())
                             .arg(versionName(m_name, *version))
                             .arg(open->dimension));
    const double queryNorm = normOf(vector);
    if (queryNorm == 0)
        return makeError(ErrorCode::Invalid, tr("the query vector is all zeros"));
    limit = std::max(1, limit);

    const QString path = pathOf(*version);
    QSqlDatabase db = QSqlDatabase::database(open->connection, false);
    QSqlQuery scan(db);
    if (auto ok = runQuery(scan, path, tr("searching"),
                           QStringLiteral("SELECT rowid, vector, norm FROM points"), {});
        !ok)
        return std::unexpected(ok.error());
    // The best `limit` so far in a min-heap on score.
    using Scored = std::pair<double, qint64>;
    std::priority_queue<Scored, std::vector<Scored>, std::greater<>> best;
    while (scan.next()) {
        const double norm = scan.value(2).toDouble();
        const double score =
            norm > 0 ? dotWith(vector, scan.value(1).toByteArray()) / (queryNorm * norm) : 0.0;
        if (int(best.size()) < limit) {
            best.emplace(score, scan.value(0).toLongLong());
        } else if (score > best.top().first) {
            best.pop();
            best.emplace(score, scan.value(0).toLongLong());
        }
    }
    QList<IndexHit> hits;
    QSqlQuery fetch(db);
    if (auto ok = DeployDesk::Internal::prepare(
            fetch, path, tr("searching"),
            QStringLiteral("SELECT id, payload FROM points WHERE rowid = ?"));
        !ok)
        return std::unexpected(ok.error());
    while (!best.empty()) {
        const auto [score, rowid] = best.top();
        best.pop();
        fetch.addBindValue(rowid);
        if (auto ok = DeployDesk::Internal::exec(fetch, path, tr("searching")); !ok)
            return std::unexpected(ok.error());
        if (fetch.next())
            hits.append(
                IndexHit{fetch.value(0).toString(), score,
                         QJsonDocument::fromJson(fetch.value(1).toString().toUtf8()).object()});
    }
    std::sort(hits.begin(), hits.end(), [](const IndexHit &a, const IndexHit &b) {
        return a.score != b.score ? a.score > b.score : a.id < b.id;
    });
    return hits;
}

Result<void> LocalIndexEngine::activate(int version)
{
    auto open = this->open(version, false);
    if (!open)
        return std::unexpected(open.error());
    QSaveFile file(livePath());
    if (!file.open(QIODevice::WriteOnly))
        return makeError(ErrorCode::Io,
                         tr("cannot write %1: %2").arg(file.fileName(), file.errorString()));
    file.write(QJsonDocument(QJsonObject{{QStringLiteral("version"), version},
                                         {QStringLiteral("name"), versionName(m_name, version)},
                                         {QStringLiteral("switched_at"),
                                          QDateTime::currentDateTimeUtc().toString(Qt::ISODate)}})
                   .toJson());
    if (!file.commit()) // a rename over the old file: readers see the old or the new one
        return makeError(ErrorCode::Io,
                         tr("cannot write %1: %2").arg(file.fileName(), file.errorString()));
    return {};
}

Result<void> LocalIndexEngine::drop(int version)
{
    auto live = liveVersion();
    if (!live)
        return std::unexpected(live.error());
    if (*live == version)
        return makeError(ErrorCode::Conflict,
                         tr("%1 is the live version of vector index %2; activate another "
                            "version before dropping it")
                             .arg(versionName(m_name, version), m_name));
    const QString path = pathOf(version);
    if (!QFileInfo::exists(path))
        return std::unexpected(noVersion(version));
    close(version);
    for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")}) {
        QFile file(path + suffix);
        if (file.exists() && !file.remove())
            return makeError(ErrorCode::Io,
                             tr("cannot delete %1: %2").arg(file.fileName(), file.errorString()));
    }
    return {};
}

} // namespace DeployDesk::Data::Internal
