#include "store/historybackup.h"

#include "common/logging.h"
#include "common/status.h"
#include "common/translate.h"
#include "store/historystore.h"
#include "store/logindexparts.h"
#include "store/schema.h"
#include "store/sqlutil.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlDriver>

#include <sqlite3.h>

namespace DeployDesk {

using namespace Internal;

namespace {

// A connection that closes and unregisters itself.
class Connection final
{
public:
    Connection() = default;
    ~Connection() { close(); }
    Q_DISABLE_COPY_MOVE(Connection)

    Result<void> open(const QString &path)
    {
        m_name = uniqueConnectionName(QStringLiteral("deploydesk-backup"));
        auto db = openConnection(path, m_name);
        if (!db) {
            m_name.clear();
            return std::unexpected(db.error());
        }
        m_db = *db;
        return {};
    }
    void close()
    {
        if (m_name.isEmpty())
            return;
        m_db.close();
        m_db = QSqlDatabase();
        QSqlDatabase::removeDatabase(m_name);
        m_name.clear();
    }
    QSqlDatabase &db() { return m_db; }
    sqlite3 *handle() const { return sqliteHandle(m_db); }

private:
    QString m_name;
    QSqlDatabase m_db;
};

QString stamp()
{
    return QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss"));
}

void removeDatabaseFiles(const QString &path)
{
    for (const char *suffix : {"", "-wal", "-shm", "-journal"})
        QFile::remove(path + QLatin1String(suffix));
}

Result<qint64> countRuns(QSqlDatabase &db, const QString &path)
{
    QSqlQuery q(db);
    if (auto ok =
            runQuery(q, path, tr("counting runs"), QStringLiteral("SELECT count(*) FROM runs"), {});
        !ok)
        return std::unexpected(ok.error());
    return q.next() ? q.value(0).toLongLong() : 0;
}

// The tables each schema version has (schema.cpp): what makes a file a DeployDesk history.
QStringList tablesOf(int version)
{
    QStringList tables{QStringLiteral("runs"), QStringLiteral("stages"), QStringLiteral("events"),
                       QStringLiteral("artifacts")};
    // From step 12 the log index is in parts, listed in log_fts_parts (the first of them,
    // log_fts, goes once its blocks have been pruned).
    if (version >= 2)
        tables << QStringLiteral("log_blocks")
               << (version >= 12 ? QStringLiteral("log_fts_parts") : QStringLiteral("log_fts"));
    if (version >= 7)
        tables << QStringLiteral("log_fts_pending");
    if (version >= 8)
        tables << QStringLiteral("log_grams") << QStringLiteral("log_grams_pending");
    if (version >= 4)
        tables << QStringLiteral("deployments") << QStringLiteral("releases")
               << QStringLiteral("release_layers") << QStringLiteral("deploy_queue");
    return tables;
}

Error notAHistory(const QString &file, const QString &why)
{
    return makeErrorValue(ErrorCode::Invalid,
                          tr("%1 is not a DeployDesk history (%2); restore takes a file written "
                             "by \"deploydeskctl backup\"")
                              .arg(file, why));
}

} // namespace

Result<HistoryFileInfo> backupHistory(const QString &databasePath, const QString &target,
                                      bool overwrite)
{
    const QFileInfo info(target);
    const QString absolute = info.absoluteFilePath();
    if (info.exists() && !overwrite)
        return makeError(ErrorCode::Invalid,
                         tr("%1 exists already; choose another file name, or add --force to "
                            "replace it")
                             .arg(absolute));
    if (info.isDir())
        return makeError(ErrorCode::Invalid,
                         tr("%1 is a folder; give the backup a file name, for example "
                            "%1/history-backup.sqlite")
                             .arg(absolute));
    if (!QFileInfo(info.absolutePath()).isDir())
        return makeError(ErrorCode::NotFound,
                         tr("cannot write the backup %1: the folder %2 does not exist")
                             .arg(absolute, info.absolutePath()));
    if (QFileInfo(absolute) == QFileInfo(databasePath))
        return makeError(
            ErrorCode::Invalid,
            tr("%1 is the history itself; write the backup to another file").arg(absolute));

    const QString partial =
        QStringLiteral("%1.partial-%2").arg(absolute).arg(QCoreApplication::applicationPid());
    removeDatabaseFiles(partial);
    {
        Connection live;
        if (auto ok = live.open(databasePath); !ok)
            return std::unexpected(ok.error());
        QSqlQuery q(live.db());
        const QString operation = tr("writing a backup to %1").arg(absolute);
        if (auto ok = prepare(q, databasePath, operation, QStringLiteral("VACUUM INTO ?")); !ok)
            return std::unexpected(ok.error());
        q.addBindValue(partial);
        if (auto ok = exec(q, databasePath, operation); !ok) {
            removeDatabaseFiles(partial);
            return std::unexpected(ok.error());
        }
    }
    HistoryFileInfo result;
    {
        Connection copy;
        if (auto ok = copy.open(partial); !ok) {
            removeDatabaseFiles(partial);
            return std::unexpected(ok.error());
        }
        auto version = readSchemaVersion(copy.db(), partial);
        auto runs = version ? countRuns(copy.db(), partial) : Result<qint64>(0);
        if (!version || !runs) {
            const Error e = !version ? version.error() : runs.error();
            copy.close();
            removeDatabaseFiles(partial);
            return std::unexpected(e);
        }
        result.schemaVersion = *version;
        result.runs = *runs;
    }
    if (QFileInfo::exists(absolute) && !QFile::remove(absolute)) {
        removeDatabaseFiles(partial);
        return makeError(ErrorCode::Io,
                         tr("cannot replace %1; check its permissions").arg(absolute));
    }
    if (!QFile::rename(partial, absolute)) {
        removeDatabaseFiles(partial);
        return makeError(ErrorCode::Io,
                         tr("cannot move the backup into place as %1; check the folder's "
                            "permissions")
                             .arg(absolute));
    }
    result.file = absolute;
    result.bytes = QFileInfo(absolute).size();
    return result;
}

Result<HistoryFileInfo> checkHistoryFile(const QString &file, const QString &scratch)
{
    const QFileInfo info(file);
    if (!info.exists())
        return makeError(ErrorCode::NotFound,
                         tr("%1 does not exist; give the path of a file written by "
                            "\"deploydeskctl backup\"")
                             .arg(info.absoluteFilePath()));
    if (!info.isFile())
        return makeError(ErrorCode::Invalid, tr("%1 is not a file").arg(info.absoluteFilePath()));
    removeDatabaseFiles(scratch);
    if (!QFile::copy(file, scratch))
        return makeError(ErrorCode::Io, tr("cannot copy %1 to %2 to check it; check that the "
                                           "file is readable and the folder writable")
                                            .arg(info.absoluteFilePath(), scratch));
    QFile::setPermissions(scratch, QFile::ReadOwner | QFile::WriteOwner);
    const QString name = info.absoluteFilePath();
    HistoryFileInfo result;
    result.file = name;
    result.bytes = info.size();

    Connection copy;
    if (auto ok = copy.open(scratch); !ok)
        return std::unexpected(notAHistory(name, ok.error().message));
    QSqlQuery q(copy.db());
    if (!q.exec(QStringLiteral("SELECT count(*) FROM sqlite_master")) || !q.next())
        return std::unexpected(
            notAHistory(name, tr("SQLite cannot read it: %1").arg(q.lastError().text().trimmed())));
    if (!q.exec(QStringLiteral("PRAGMA integrity_check(20)")))
        return makeError(ErrorCode::Invalid,
                         tr("%1 is damaged: SQLite's integrity check fails (%2); it was not "
                            "restored")
                             .arg(name, q.lastError().text().trimmed()));
    QStringList damage;
    while (q.next()) {
        if (q.value(0).toString() != QLatin1String("ok"))
            damage << q.value(0).toString();
    }
    if (q.lastError().isValid())
        damage << q.lastError().text().trimmed();
    if (!damage.isEmpty())
        return makeError(ErrorCode::Invalid, tr("%1 is damaged, it was not restored: %2")
                                                 .arg(name, damage.join(QStringLiteral("; "))));
    if (!q.exec(QStringLiteral("PRAGMA user_version")) || !q.next())
        return std::unexpected(notAHistory(name, q.lastError().text().trimmed()));
    result.schemaVersion = q.value(0).toInt();
    if (result.schemaVersion > HistoryStore::kSchemaVersion)
        return makeError(ErrorCode::Invalid,
                         tr("%1 has schema version %2, newer than this DeployDesk understands "
                            "(%3); restore it with a newer DeployDesk")
                             .arg(name)
                             .arg(result.schemaVersion)
                             .arg(HistoryStore::kSchemaVersion));
    if (result.schemaVersion < 1)
        return std::unexpected(notAHistory(name, tr("it has no DeployDesk schema version")));
    QStringList missing;
    for (const QString &table : tablesOf(result.schemaVersion)) {
        QSqlQuery t(copy.db());
        if (!runQuery(
                t, scratch, tr("checking the tables"),
                QStringLiteral("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?"),
                {table}) ||
            !t.next())
            missing << table;
    }
    if (!missing.isEmpty())
        return std::unexpected(
            notAHistory(name, tr("tables missing: %1").arg(missing.join(QStringLiteral(", ")))));
    if (result.schemaVersion >= 2) {
        if (const QStringList problems = checkLogIndexParts(copy.db(), result.schemaVersion);
            !problems.isEmpty())
            return makeError(ErrorCode::Invalid,
                             tr("%1 is damaged: its log search index fails its check (%2); it "
                                "was not restored")
                                 .arg(name, problems.join(QStringLiteral("; "))));
    }
    auto runs = countRuns(copy.db(), scratch);
    if (!runs)
        return std::unexpected(notAHistory(name, runs.error().message));
    result.runs = *runs;
    return result;
}

Result<RestoreReport> restoreHistory(const QString &databasePath, const QString &file,
                                     const std::function<bool(qint64, qint64)> &runnerAlive)
{
    const QString scratch = databasePath + QStringLiteral(".restoring");
    struct Cleanup
    {
        QString path;
        ~Cleanup() { removeDatabaseFiles(path); }
    } cleanup{scratch};
    RestoreReport report;
    {
        auto checked = checkHistoryFile(file, scratch);
        if (!checked)
            return std::unexpected(checked.error());
        report.restored = *checked;
    }

    Connection live;
    if (auto ok = live.open(databasePath); !ok)
        return std::unexpected(ok.error());
    auto version = readSchemaVersion(live.db(), databasePath);
    if (!version)
        return std::unexpected(version.error());
    if (*version >= 1) {
        QSqlQuery q(live.db());
        if (auto ok = runQuery(q, databasePath, tr("looking for running runs"),
                               QStringLiteral("SELECT id, runner_pid, runner_start_ticks FROM "
                                              "runs WHERE status IN (?, ?)"),
                               {toString(RunStatus::Running), toString(RunStatus::Queued)});
            !ok)
            return std::unexpected(ok.error());
        while (q.next()) {
            const qint64 pid = q.value(1).toLongLong();
            if (runnerAlive && runnerAlive(pid, q.value(2).toLongLong()))
                return makeError(ErrorCode::Conflict,
                                 tr("run %1 is running (process %2): the history cannot be "
                                    "replaced under it; wait for it to end or cancel it "
                                    "(deploydeskctl cancel %1), then restore")
                                     .arg(q.value(0).toLongLong())
                                     .arg(pid));
        }
        // Keep what is there: a consistent copy, like a backup.
        report.keptAs = databasePath + QStringLiteral(".before-restore-") + stamp();
        QSqlQuery keep(live.db());
        const QString operation = tr("keeping the current history as %1").arg(report.keptAs);
        if (auto ok = prepare(keep, databasePath, operation, QStringLiteral("VACUUM INTO ?")); !ok)
            return std::unexpected(ok.error());
        keep.addBindValue(report.keptAs);
        if (auto ok = exec(keep, databasePath, operation); !ok)
            return std::unexpected(ok.error());
    }

    Connection source;
    if (auto ok = source.open(scratch); !ok)
        return std::unexpected(ok.error());
    sqlite3 *to = live.handle();
    sqlite3 *from = source.handle();
    if (!to || !from)
        return makeError(ErrorCode::Internal,
                         tr("restore needs Qt's SQLite driver (QSQLITE) to give its SQLite "
                            "handle; it did not"));
    sqlite3_backup *backup = sqlite3_backup_init(to, "main", from, "main");
    if (!backup)
        return makeError(ErrorCode::Io, tr("history database %1: restoring from %2 failed: %3")
                                            .arg(databasePath, report.restored.file,
                                                 QString::fromUtf8(sqlite3_errmsg(to))));
    const int stepped = sqlite3_backup_step(backup, -1);
    sqlite3_backup_finish(backup);
    if (stepped != SQLITE_DONE) {
        QString why = QString::fromUtf8(sqlite3_errstr(stepped));
        if (stepped == SQLITE_BUSY || stepped == SQLITE_LOCKED)
            why = tr("another process is writing the history; try again in a moment");
        else if (stepped == SQLITE_READONLY)
            why = tr("the backup's page size differs from the history's, which SQLite cannot "
                     "copy into a WAL database; move %1 away (keeping %2) and restore again")
                      .arg(databasePath, report.keptAs);
        return makeError(ErrorCode::Io, tr("history database %1: restoring from %2 failed: %3; "
                                           "the history is unchanged")
                                            .arg(databasePath, report.restored.file, why));
    }
    source.close();
    if (auto ok = enableWal(live.db(), databasePath); !ok)
        return std::unexpected(ok.error());
    if (auto ok = migrate(live.db(), databasePath, HistoryStore::kSchemaVersion); !ok)
        return std::unexpected(ok.error());
    qCInfo(lcStore) << "restored" << databasePath << "from" << report.restored.file << "kept"
                    << report.keptAs;
    return report;
}

} // namespace DeployDesk
