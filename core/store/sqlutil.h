#pragma once

#include "common/error.h"

#include <QDateTime>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QString>
#include <QVariant>

struct sqlite3;

namespace DeployDesk::Internal {

// The SQLite handle behind an open QSQLITE connection; nullptr for any other.
sqlite3 *sqliteHandle(const QSqlDatabase &db);

// Opens a new named QSQLITE connection to `path` for the calling thread and applies the
// per-connection pragmas (foreign keys, busy timeout). Does not write to the file.
Result<QSqlDatabase> openConnection(const QString &path, const QString &connectionName);
// Whether a connection from openConnection() waits for another connection's lock (polling,
// up to the busy timeout, as it was opened) or fails at once with SQLITE_BUSY, for a step
// that must never make a writer wait. Use this, not PRAGMA busy_timeout: that pragma
// replaces the polling handler with SQLite's own, and its value 0 with none at all.
void setWaitWhileBusy(QSqlDatabase &db, bool wait);
// Sets WAL and synchronous=NORMAL (WAL is persistent: this writes the file header).
Result<void> enableWal(QSqlDatabase &db, const QString &path);
// A process-wide unique connection name with the given prefix.
QString uniqueConnectionName(const QString &prefix);

// True for the files of core/data/index's local vector index (*.vectors.sqlite): messages
// about them say "vector index <path>", about any other file "history database <path>".
bool isVectorIndexFile(const QString &path);

// "history database <path>: <operation> failed: <driver text>" ("vector index <path>: …").
Error sqlError(const QString &path, const QString &operation, const QSqlError &error);

// Executes one statement without parameters.
Result<void> execSql(QSqlDatabase &db, const QString &path, const QString &sql);
// Prepares `sql` on `query`; the error names the operation.
Result<void> prepare(QSqlQuery &query, const QString &path, const QString &operation,
                     const QString &sql);
Result<void> exec(QSqlQuery &query, const QString &path, const QString &operation);
// Forward-only: prepares `sql`, binds `values` in order and executes it.
Result<void> runQuery(QSqlQuery &query, const QString &path, const QString &operation,
                      const QString &sql, const QVariantList &values);

// The store's connection `name` (opened by HistoryStore, in the thread that uses it).
inline QSqlDatabase connection(const QString &name)
{
    return QSqlDatabase::database(name, false);
}

// QtSql binds a null QString as SQL NULL; text columns are NOT NULL DEFAULT ''.
inline QString toDb(const QString &text)
{
    return text.isNull() ? QStringLiteral("") : text;
}
inline QVariant toDb(const QDateTime &dt)
{
    return dt.isValid() ? QVariant(dt.toMSecsSinceEpoch())
                        : QVariant(QMetaType::fromType<qint64>());
}
inline QDateTime fromDb(const QVariant &v)
{
    return v.isNull() ? QDateTime() : QDateTime::fromMSecsSinceEpoch(v.toLongLong(), Qt::UTC);
}

// Runs `body` inside BEGIN IMMEDIATE ... COMMIT, rolling back when it fails; a failed
// BEGIN or COMMIT is reported as a failure of `operation`.
template<typename F>
auto inTransaction(QSqlDatabase &db, const QString &path, const QString &operation, F &&body)
    -> decltype(body())
{
    if (auto begun = execSql(db, path, QStringLiteral("BEGIN IMMEDIATE")); !begun) {
        Error e = begun.error();
        e.message += QStringLiteral(" (%1)").arg(operation);
        return std::unexpected(e);
    }
    auto result = body();
    if (!result) {
        execSql(db, path, QStringLiteral("ROLLBACK"));
        return result;
    }
    if (auto committed = execSql(db, path, QStringLiteral("COMMIT")); !committed) {
        execSql(db, path, QStringLiteral("ROLLBACK"));
        Error e = committed.error();
        e.message += QStringLiteral(" (%1)").arg(operation);
        return std::unexpected(e);
    }
    return result;
}

} // namespace DeployDesk::Internal
