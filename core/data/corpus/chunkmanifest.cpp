#include "data/corpus/chunkmanifest.h"

#include "common/translate.h"
#include "store/sqlutil.h"

#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

#include <cerrno>
#include <cstdio>
#include <cstring>

namespace DeployDesk {

namespace {

constexpr int kFormat = 1;

Error sqlFailure(const QString &path, const QString &operation, const QSqlError &error)
{
    QString message = tr("chunk manifest %1: %2 failed").arg(path, operation);
    const QString text = error.text().trimmed();
    if (!text.isEmpty())
        message += QStringLiteral(": ") + text;
    return Error{ErrorCode::Io, message, error.nativeErrorCode(), std::nullopt};
}

} // namespace

// One SQLite connection for the duration of a call (or of a Writer); removed (and the file
// closed) on return.
class ChunkManifest::Writer::Connection final
{
public:
    explicit Connection(const QString &path)
        : m_path(path)
        , m_name(Internal::uniqueConnectionName(QStringLiteral("manifest")))
    {
        m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
        m_db.setDatabaseName(path);
        m_db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=10000"));
        if (!m_db.open())
            m_error = sqlFailure(path, tr("opening"), m_db.lastError());
    }
    ~Connection()
    {
        m_db.close();
        m_db = QSqlDatabase();
        QSqlDatabase::removeDatabase(m_name);
    }
    Connection(const Connection &) = delete;
    Connection &operator=(const Connection &) = delete;

    const std::optional<Error> &error() const { return m_error; }
    QSqlDatabase &db() { return m_db; }

    Result<void> exec(const QString &sql)
    {
        QSqlQuery query(m_db);
        if (!query.exec(sql))
            return std::unexpected(sqlFailure(m_path, sql.section(u' ', 0, 1), query.lastError()));
        return {};
    }

    template<typename F> Result<void> transaction(const QString &operation, F &&body)
    {
        if (auto begun = exec(QStringLiteral("BEGIN IMMEDIATE")); !begun)
            return begun;
        Result<void> result = body();
        if (result)
            result = exec(QStringLiteral("COMMIT"));
        if (!result) {
            exec(QStringLiteral("ROLLBACK"));
            result.error().message += QStringLiteral(" (%1)").arg(operation);
        }
        return result;
    }

    const QString &path() const { return m_path; }

private:
    QString m_path;
    QString m_name;
    QSqlDatabase m_db;
    std::optional<Error> m_error;
};

namespace {

using Connection = ChunkManifest::Writer::Connection;

Result<void> createSchema(Connection &c, const QString &fingerprint)
{
    for (const char *sql : {
             "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
             "CREATE TABLE IF NOT EXISTS chunks (id TEXT PRIMARY KEY, key TEXT NOT NULL, "
             "doc_path TEXT NOT NULL, ordinal INTEGER NOT NULL, sha256 TEXT NOT NULL, "
             "tokens INTEGER NOT NULL, url TEXT NOT NULL, heading_path TEXT NOT NULL)",
             "CREATE INDEX IF NOT EXISTS chunks_doc ON chunks (doc_path, ordinal)",
             "CREATE INDEX IF NOT EXISTS chunks_sha256 ON chunks (sha256)",
         }) {
        if (auto done = c.exec(QString::fromLatin1(sql)); !done)
            return done;
    }
    if (auto done = c.exec(QStringLiteral("PRAGMA user_version = %1").arg(kFormat)); !done)
        return done;
    QSqlQuery query(c.db());
    query.prepare(QStringLiteral("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)"));
    const QList<std::pair<QString, QString>> meta{
        {QStringLiteral("format"), QString::number(kFormat)},
        {QStringLiteral("fingerprint"), fingerprint},
        {QStringLiteral("saved_at"), QDateTime::currentDateTimeUtc().toString(Qt::ISODate)},
    };
    for (const auto &[key, value] : meta) {
        query.bindValue(0, key);
        query.bindValue(1, value);
        if (!query.exec())
            return std::unexpected(
                sqlFailure(c.path(), tr("recording the settings"), query.lastError()));
    }
    return {};
}

Result<void> insertEntries(Connection &c, const QList<ManifestEntry> &entries)
{
    QSqlQuery query(c.db());
    if (!query.prepare(QStringLiteral("INSERT OR REPLACE INTO chunks (id, key, doc_path, ordinal, "
                                      "sha256, tokens, url, heading_path) "
                                      "VALUES (?, ?, ?, ?, ?, ?, ?, ?)")))
        return std::unexpected(sqlFailure(c.path(), tr("writing chunks"), query.lastError()));
    const auto text = [](const QString &s) { return s.isNull() ? QStringLiteral("") : s; };
    for (const ManifestEntry &e : entries) {
        query.bindValue(0, e.id.toString(QUuid::WithoutBraces));
        query.bindValue(1, text(e.key));
        query.bindValue(2, text(e.docPath));
        query.bindValue(3, e.ordinal);
        query.bindValue(4, QString::fromLatin1(e.sha256.toHex()));
        query.bindValue(5, e.tokens);
        query.bindValue(6, text(e.url));
        query.bindValue(7, text(e.headingPath));
        if (!query.exec())
            return std::unexpected(sqlFailure(c.path(), tr("writing chunks"), query.lastError()));
    }
    return {};
}

} // namespace

ManifestEntry ManifestEntry::from(const Chunk &chunk)
{
    return ManifestEntry{
        chunk.id,     chunk.key,    chunk.docPath, chunk.ordinal,
        chunk.sha256, chunk.tokens, chunk.url,     chunk.headingPath.join(QStringLiteral(" > "))};
}

void ChunkManifest::add(const ChunkedDocument &doc)
{
    for (const Chunk &chunk : doc.chunks)
        entries.append(ManifestEntry::from(chunk));
}

namespace {

QString notManifest(const QString &path)
{
    return tr("\"%1\" is not a DeployDesk chunk manifest (written by \"deploydeskctl corpus "
              "--write-manifest\" or a re-embed)")
        .arg(path);
}

Error notAManifest(const QString &path, const QSqlQuery &query)
{
    return makeErrorValue(ErrorCode::Invalid, notManifest(path), query.lastError().text());
}

// Opens a manifest file for reading and checks it is one this DeployDesk reads; gives its
// chunker fingerprint.
Result<QString> openManifest(Connection &connection, const QString &path)
{
    if (connection.error())
        return std::unexpected(*connection.error());
    QSqlQuery query(connection.db());
    if (!query.exec(QStringLiteral("SELECT key, value FROM meta")))
        return std::unexpected(notAManifest(path, query));
    QString fingerprint;
    int format = 0;
    while (query.next()) {
        const QString key = query.value(0).toString();
        if (key == QLatin1String("format"))
            format = query.value(1).toInt();
        else if (key == QLatin1String("fingerprint"))
            fingerprint = query.value(1).toString();
    }
    if (format == 0)
        return makeError(ErrorCode::Invalid, notManifest(path));
    if (format > kFormat)
        return makeError(ErrorCode::Invalid,
                         tr("the manifest \"%1\" has format %2, newer than this DeployDesk "
                            "reads (%3); update DeployDesk")
                             .arg(path)
                             .arg(format)
                             .arg(kFormat));
    return fingerprint;
}

} // namespace

Result<ChunkManifest> ChunkManifest::load(const QString &path)
{
    if (!QFileInfo::exists(path))
        return makeError(ErrorCode::NotFound, tr("the manifest \"%1\" does not exist").arg(path));
    Connection connection(path);
    auto fingerprint = openManifest(connection, path);
    if (!fingerprint)
        return std::unexpected(fingerprint.error());
    ChunkManifest manifest;
    manifest.fingerprint = std::move(*fingerprint);
    QSqlQuery query(connection.db());
    query.setForwardOnly(true);
    if (!query.exec(QStringLiteral("SELECT id, key, doc_path, ordinal, sha256, tokens, url, "
                                   "heading_path FROM chunks ORDER BY doc_path, ordinal")))
        return std::unexpected(notAManifest(path, query));
    while (query.next()) {
        ManifestEntry e;
        e.id = QUuid::fromString(query.value(0).toString());
        e.key = query.value(1).toString();
        e.docPath = query.value(2).toString();
        e.ordinal = query.value(3).toInt();
        e.sha256 = QByteArray::fromHex(query.value(4).toString().toLatin1());
        e.tokens = query.value(5).toInt();
        e.url = query.value(6).toString();
        e.headingPath = query.value(7).toString();
        manifest.entries.append(std::move(e));
    }
    return manifest;
}

Result<int> ChunkManifest::count(const QString &path)
{
    if (!QFileInfo::exists(path))
        return makeError(ErrorCode::NotFound, tr("the manifest \"%1\" does not exist").arg(path));
    Connection connection(path);
    if (auto opened = openManifest(connection, path); !opened)
        return std::unexpected(opened.error());
    QSqlQuery query(connection.db());
    if (!query.exec(QStringLiteral("SELECT count(*) FROM chunks")) || !query.next())
        return std::unexpected(notAManifest(path, query));
    return query.value(0).toInt();
}

Result<void> ChunkManifest::save(const QString &path) const
{
    const QString temporary = path + QStringLiteral(".tmp");
    QFile::remove(temporary);
    {
        Connection connection(temporary);
        if (connection.error())
            return std::unexpected(*connection.error());
        auto written = connection.transaction(tr("writing the manifest"), [&]() -> Result<void> {
            if (auto schema = createSchema(connection, fingerprint); !schema)
                return schema;
            return insertEntries(connection, entries);
        });
        if (!written) {
            QFile::remove(temporary);
            return written;
        }
    }
    // The old file's WAL (left by a killed ChunkManifest::Writer) must not be applied to
    // the new file.
    QFile::remove(path + QStringLiteral("-wal"));
    QFile::remove(path + QStringLiteral("-shm"));
    // rename(2) replaces the old file atomically.
    if (std::rename(QFile::encodeName(temporary).constData(),
                    QFile::encodeName(path).constData()) != 0) {
        QFile::remove(temporary);
        return makeError(ErrorCode::Io,
                         tr("cannot write the manifest \"%1\": %2")
                             .arg(path, QString::fromLocal8Bit(std::strerror(errno))));
    }
    return {};
}

namespace {

Result<void> removeEntries(Connection &connection, const QList<QUuid> &removed)
{
    QSqlQuery query(connection.db());
    query.prepare(QStringLiteral("DELETE FROM chunks WHERE id = ?"));
    for (const QUuid &id : removed) {
        query.bindValue(0, id.toString(QUuid::WithoutBraces));
        if (!query.exec())
            return std::unexpected(
                sqlFailure(connection.path(), tr("removing chunks"), query.lastError()));
    }
    return {};
}

} // namespace

Result<void> ChunkManifest::commit(const QString &path, const QString &fingerprint,
                                   const QList<ManifestEntry> &upserts, const QList<QUuid> &removed)
{
    Connection connection(path);
    if (connection.error())
        return std::unexpected(*connection.error());
    return connection.transaction(tr("recording a re-embed batch"), [&]() -> Result<void> {
        if (auto schema = createSchema(connection, fingerprint); !schema)
            return schema;
        if (auto inserted = insertEntries(connection, upserts); !inserted)
            return inserted;
        return removeEntries(connection, removed);
    });
}

ChunkManifest::Writer::Writer(QString path, QString fingerprint)
    : m_path(std::move(path))
    , m_fingerprint(std::move(fingerprint))
{}

ChunkManifest::Writer::~Writer() = default;

Result<void> ChunkManifest::Writer::commit(const QList<ManifestEntry> &upserts,
                                           const QList<QUuid> &removed)
{
    if (!m_connection) {
        auto connection = std::make_unique<Connection>(m_path);
        if (connection->error())
            return std::unexpected(*connection->error());
        if (auto wal = Internal::enableWal(connection->db(), m_path); !wal)
            return wal;
        if (auto schema = connection->transaction(
                tr("recording a re-embed batch"),
                [&]() -> Result<void> { return createSchema(*connection, m_fingerprint); });
            !schema)
            return schema;
        m_connection = std::move(connection);
    }
    auto done = m_connection->transaction(tr("recording a re-embed batch"), [&]() -> Result<void> {
        if (auto inserted = insertEntries(*m_connection, upserts); !inserted)
            return inserted;
        return removeEntries(*m_connection, removed);
    });
    if (!done)
        m_connection.reset(); // opened afresh next time
    return done;
}

void ChunkManifest::remove(const QString &path)
{
    for (const char *suffix : {"", "-wal", "-shm", "-journal"})
        QFile::remove(path + QLatin1String(suffix));
}

} // namespace DeployDesk
