#include "store/sqlutil.h"

#include "common/logging.h"
#include "store/logblock.h"
#include "store/storagefault.h"

#include <QCoreApplication>
#include <QSqlDriver>

#include <sqlite3.h>

#include <atomic>
#include <chrono>
#include <thread>

namespace DeployDesk::Internal {

namespace {

constexpr int kBusyPollMs = 2;

// SQLite's default busy handler sleeps longer and longer between tries (up to 100 ms), so
// a writer that found the lock taken may sleep through the moment it is free, again and
// again while another connection writes in many short transactions (a prune, a log
// stream). Polling every few milliseconds keeps a writer's wait close to the holder's
// transaction. `arg` is the timeout in milliseconds.
// dd_grams_cover(grams, mask): 1 when the stored grams have every bit of the mask
// (gramsCover()); NULL grams cover nothing.
void gramsCoverFunction(sqlite3_context *context, int, sqlite3_value **args)
{
    const auto view = [](sqlite3_value *value) {
        const void *data = sqlite3_value_blob(value);
        return QByteArrayView(static_cast<const char *>(data),
                              data ? sqlite3_value_bytes(value) : 0);
    };
    if (sqlite3_value_type(args[0]) == SQLITE_NULL) {
        sqlite3_result_int(context, 0);
        return;
    }
    sqlite3_result_int(context, gramsCover(view(args[0]), view(args[1])) ? 1 : 0);
}

int pollWhileBusy(void *arg, int tries)
{
    const auto timeoutMs = int(reinterpret_cast<quintptr>(arg));
    if (tries * kBusyPollMs >= timeoutMs)
        return 0; // SQLITE_BUSY
    std::this_thread::sleep_for(std::chrono::milliseconds(kBusyPollMs));
    return 1;
}

} // namespace

sqlite3 *sqliteHandle(const QSqlDatabase &db)
{
    const QVariant handle = db.driver() ? db.driver()->handle() : QVariant();
    if (!handle.isValid() || qstrcmp(handle.typeName(), "sqlite3*") != 0)
        return nullptr;
    return *static_cast<sqlite3 *const *>(handle.constData());
}

QString uniqueConnectionName(const QString &prefix)
{
    static std::atomic<quint64> counter{0};
    return QStringLiteral("%1-%2").arg(prefix).arg(++counter);
}

bool isVectorIndexFile(const QString &path)
{
    return path.endsWith(QLatin1String(".vectors.sqlite"));
}

Error sqlError(const QString &path, const QString &operation, const QSqlError &error)
{
    QString message =
        (isVectorIndexFile(path)
             ? QCoreApplication::translate("DeployDesk", "vector index %1: %2 failed")
             : QCoreApplication::translate("DeployDesk", "history database %1: %2 failed"))
            .arg(path, operation);
    const QString text = error.text().trimmed();
    const QString fault =
        describeStorageFault(classifyStorageFault(path, error.nativeErrorCode()), path);
    if (!fault.isEmpty())
        message += QStringLiteral(": ") + fault;
    if (!text.isEmpty())
        message += fault.isEmpty() ? QStringLiteral(": ") + text
                                   : QStringLiteral(" (SQLite: %1)").arg(text);
    return Error{ErrorCode::Io, message, error.nativeErrorCode(), std::nullopt};
}

Result<QSqlDatabase> openConnection(const QString &path, const QString &connectionName)
{
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connectionName);
    db.setDatabaseName(path);
    const int busyMs = busyTimeoutMs();
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(busyMs));
    if (!db.open()) {
        Error e =
            sqlError(path, QCoreApplication::translate("DeployDesk", "opening"), db.lastError());
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(connectionName);
        return std::unexpected(e);
    }
    for (const QString &pragma : {QStringLiteral("PRAGMA foreign_keys=ON"),
                                  QStringLiteral("PRAGMA busy_timeout=%1").arg(busyMs)}) {
        if (auto ok = execSql(db, path, pragma); !ok) {
            db.close();
            db = QSqlDatabase();
            QSqlDatabase::removeDatabase(connectionName);
            return std::unexpected(ok.error());
        }
    }
    if (sqlite3 *h = sqliteHandle(db)) {
        setWaitWhileBusy(db, true);
        // What a log search asks of the blocks' grams (logsearch.cpp).
        sqlite3_create_function_v2(h, "dd_grams_cover", 2,
                                   SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS, nullptr,
                                   gramsCoverFunction, nullptr, nullptr, nullptr);
    }
    return db;
}

void setWaitWhileBusy(QSqlDatabase &db, bool wait)
{
    if (sqlite3 *h = sqliteHandle(db)) {
        if (wait)
            sqlite3_busy_handler(h, pollWhileBusy,
                                 reinterpret_cast<void *>(quintptr(std::max(busyTimeoutMs(), 0))));
        else
            sqlite3_busy_handler(h, nullptr, nullptr);
    }
}

Result<void> enableWal(QSqlDatabase &db, const QString &path)
{
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("PRAGMA journal_mode=WAL")) || !q.next())
        return std::unexpected(
            sqlError(path, QStringLiteral("PRAGMA journal_mode=WAL"), q.lastError()));
    if (q.value(0).toString().compare(QLatin1String("wal"), Qt::CaseInsensitive) != 0) {
        return makeError(ErrorCode::Io,
                         QCoreApplication::translate(
                             "DeployDesk", "history database %1: expected journal mode \"wal\", "
                                           "SQLite kept \"%2\"; check that the directory is on "
                                           "a local file system that supports shared memory")
                             .arg(path, q.value(0).toString()));
    }
    return execSql(db, path, QStringLiteral("PRAGMA synchronous=NORMAL"));
}

Result<void> execSql(QSqlDatabase &db, const QString &path, const QString &sql)
{
    QSqlQuery q(db);
    if (!q.exec(sql)) {
        qCWarning(lcStore) << "statement failed:" << sql << q.lastError().text();
        return std::unexpected(
            sqlError(path, sql.section(QLatin1Char('\n'), 0, 0).trimmed(), q.lastError()));
    }
    return {};
}

Result<void> prepare(QSqlQuery &query, const QString &path, const QString &operation,
                     const QString &sql)
{
    if (!query.prepare(sql))
        return std::unexpected(sqlError(path, operation, query.lastError()));
    return {};
}

Result<void> exec(QSqlQuery &query, const QString &path, const QString &operation)
{
    if (!query.exec())
        return std::unexpected(sqlError(path, operation, query.lastError()));
    return {};
}

Result<void> runQuery(QSqlQuery &query, const QString &path, const QString &operation,
                      const QString &sql, const QVariantList &values)
{
    query.setForwardOnly(true);
    if (auto ok = prepare(query, path, operation, sql); !ok)
        return ok;
    for (const QVariant &v : values)
        query.addBindValue(v);
    return exec(query, path, operation);
}

} // namespace DeployDesk::Internal
