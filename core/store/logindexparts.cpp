#include "store/logindexparts.h"

#include "common/translate.h"
#include "store/sqlutil.h"

#include <QElapsedTimer>
#include <QSqlError>

#include <atomic>
#include <utility>

namespace DeployDesk::Internal {

namespace {

constexpr qint64 kDefaultPartBlocks = qint64(1) << 18;
std::atomic<qint64> partBlocksForTesting{0};

QString quoted(const QString &name)
{
    return QLatin1Char('"') + name + QLatin1Char('"');
}

} // namespace

qint64 logIndexPartBlocks()
{
    const qint64 blocks = partBlocksForTesting.load();
    return blocks > 0 ? blocks : kDefaultPartBlocks;
}

void setLogIndexPartBlocksForTesting(qint64 blocks)
{
    partBlocksForTesting.store(blocks);
}

Result<QList<LogIndexPart>> logIndexParts(QSqlDatabase &db, const QString &path,
                                          const QString &operation, bool retired)
{
    QSqlQuery q(db);
    if (auto ok = runQuery(q, path, operation,
                           QStringLiteral("SELECT id, first_id, name FROM log_fts_parts WHERE "
                                          "retired = ? ORDER BY first_id, id"),
                           {retired ? 1 : 0});
        !ok) {
        // A file not migrated to step 12 yet (read on the way, as the migration tests do):
        // its one index.
        QSqlQuery older(db);
        if (older.exec(
                QStringLiteral("SELECT 1 FROM sqlite_master WHERE name = 'log_fts_parts'")) &&
            !older.next() && !older.lastError().isValid())
            return retired ? QList<LogIndexPart>{}
                           : QList<LogIndexPart>{LogIndexPart{0, 0, QStringLiteral("log_fts")}};
        return std::unexpected(ok.error());
    }
    QList<LogIndexPart> parts;
    while (q.next())
        parts.append(
            LogIndexPart{q.value(0).toLongLong(), q.value(1).toLongLong(), q.value(2).toString()});
    if (q.lastError().isValid())
        return std::unexpected(sqlError(path, operation, q.lastError()));
    return parts;
}

Result<void> LogIndexPartMap::prepare(QSqlDatabase &db, const QString &path,
                                      const QString &operation)
{
    m_db = db;
    m_path = path;
    m_find.emplace(db);
    m_find->setForwardOnly(true);
    return DeployDesk::Internal::prepare(
        *m_find, path, operation,
        QStringLiteral("SELECT first_id, name FROM log_fts_parts WHERE retired = 0 AND first_id "
                       "<= ? ORDER BY first_id DESC LIMIT 1"));
}

Result<QString> LogIndexPartMap::tableFor(qint64 blockId, bool create, const QString &operation)
{
    m_find->bindValue(0, blockId);
    if (auto ok = exec(*m_find, m_path, operation); !ok)
        return std::unexpected(ok.error());
    std::optional<qint64> first;
    QString table;
    if (m_find->next()) {
        first = m_find->value(0).toLongLong();
        table = m_find->value(1).toString();
    }
    m_find->finish();
    if (!create || (first && blockId - *first < logIndexPartBlocks()))
        return table;
    return createPart(blockId, operation);
}

Result<QString> LogIndexPartMap::createPart(qint64 firstId, const QString &operation)
{
    QSqlQuery q(*m_db);
    // The name comes from the row's id (AUTOINCREMENT: never reused, not even for a part
    // dropped before), so a part's table is never confused with an earlier one's.
    if (auto ok = runQuery(q, m_path, operation,
                           QStringLiteral("INSERT INTO log_fts_parts (first_id, name) VALUES (?, "
                                          "'log_fts_new')"),
                           {firstId});
        !ok)
        return std::unexpected(ok.error());
    const QString name = QStringLiteral("log_fts_%1").arg(q.lastInsertId().toLongLong());
    if (auto ok = runQuery(q, m_path, operation,
                           QStringLiteral("UPDATE log_fts_parts SET name = ? WHERE name = "
                                          "'log_fts_new'"),
                           {name});
        !ok)
        return std::unexpected(ok.error());
    // As schema step 7 made the first one.
    if (auto ok = execSql(*m_db, m_path,
                          QStringLiteral("CREATE VIRTUAL TABLE %1 USING fts5(text, content='', "
                                         "tokenize='trigram', detail='none')")
                              .arg(quoted(name)));
        !ok)
        return std::unexpected(ok.error());
    return name;
}

QString logIndexMatchSql(const QList<LogIndexPart> &parts, const QString &name)
{
    QStringList selects;
    for (qsizetype i = 0; i < parts.size(); ++i) {
        const QString table = quoted(parts[i].table);
        selects
            << QStringLiteral("SELECT rowid FROM %1 WHERE %1 MATCH :%2_%3").arg(table, name).arg(i);
    }
    return selects.join(QStringLiteral(" UNION ALL "));
}

void bindLogIndexMatch(QSqlQuery &query, const QList<LogIndexPart> &parts, const QString &name,
                       const QString &match)
{
    for (qsizetype i = 0; i < parts.size(); ++i)
        query.bindValue(QStringLiteral(":%1_%2").arg(name).arg(i), match);
}

QStringList checkLogIndexParts(QSqlDatabase &db, int schemaVersion)
{
    QStringList tables{QStringLiteral("log_fts")};
    QStringList problems;
    if (schemaVersion >= 12) {
        QSqlQuery q(db);
        tables.clear();
        if (!q.exec(QStringLiteral("SELECT name FROM log_fts_parts WHERE retired = 0 ORDER BY "
                                   "first_id")))
            return {q.lastError().text().trimmed()};
        while (q.next())
            tables << q.value(0).toString();
        if (tables.isEmpty())
            problems << tr("it has no part");
    }
    for (const QString &table : std::as_const(tables)) {
        QSqlQuery q(db);
        if (!q.exec(
                QStringLiteral("INSERT INTO %1(%1) VALUES('integrity-check')").arg(quoted(table))))
            problems << tr("part %1: %2").arg(table, q.lastError().text().trimmed());
    }
    return problems;
}

Result<int> retireEmptyLogIndexParts(QSqlDatabase &db, const QString &path)
{
    const QString operation = tr("retiring emptied parts of the log search index");
    return inTransaction(db, path, operation, [&]() -> Result<int> {
        auto parts = logIndexParts(db, path, operation);
        if (!parts)
            return std::unexpected(parts.error());
        QSqlQuery probe(db), retire(db);
        probe.setForwardOnly(true);
        if (auto ok = DeployDesk::Internal::prepare(
                probe, path, operation,
                QStringLiteral("SELECT 1 FROM log_blocks WHERE id >= ? AND id < ? LIMIT 1"));
            !ok)
            return std::unexpected(ok.error());
        if (auto ok = DeployDesk::Internal::prepare(
                retire, path, operation,
                QStringLiteral("UPDATE log_fts_parts SET retired = 1 WHERE id = ?"));
            !ok)
            return std::unexpected(ok.error());
        int retired = 0;
        // The newest part is kept even when empty: new blocks go to it.
        for (qsizetype i = 0; i + 1 < parts->size(); ++i) {
            probe.bindValue(0, parts->at(i).firstId);
            probe.bindValue(1, parts->at(i + 1).firstId);
            if (auto ok = exec(probe, path, operation); !ok)
                return std::unexpected(ok.error());
            const bool holdsBlocks = probe.next();
            probe.finish();
            if (holdsBlocks)
                continue;
            retire.bindValue(0, parts->at(i).id);
            if (auto ok = exec(retire, path, operation); !ok)
                return std::unexpected(ok.error());
            ++retired;
        }
        return retired;
    });
}

Result<bool> dropLogIndexPartStep(QSqlDatabase &db, const QString &path, int budgetMs)
{
    const QString operation = tr("dropping an emptied part of the log search index");
    QElapsedTimer held;
    return inTransaction(db, path, operation, [&]() -> Result<bool> {
        held.start();
        auto retired = logIndexParts(db, path, operation, true);
        if (!retired)
            return std::unexpected(retired.error());
        if (retired->isEmpty())
            return false;
        const LogIndexPart part = retired->first();
        // FTS5's shadow tables that grow with the index: its pages (a row is about a page:
        // a few at a time) and its per-block sizes (small rows: many at a time). The rows
        // FTS5 reads to open the table (rowid 1, its averages, and 10, its structure) stay:
        // DROP TABLE opens it on a connection that has not yet.
        bool removed = false;
        for (const auto &[suffix, chunk] : {std::pair{"_data", 8}, std::pair{"_docsize", 256}}) {
            const QString shadow = part.table + QLatin1String(suffix);
            QSqlQuery exists(db);
            if (auto ok = runQuery(exists, path, operation,
                                   QStringLiteral("SELECT 1 FROM sqlite_master WHERE type = "
                                                  "'table' AND name = ?"),
                                   {shadow});
                !ok)
                return std::unexpected(ok.error());
            if (!exists.next())
                continue;
            exists.finish();
            QSqlQuery remove(db);
            if (auto ok = DeployDesk::Internal::prepare(
                    remove, path, operation,
                    QStringLiteral("DELETE FROM %1 WHERE rowid IN (SELECT rowid FROM %1 %2 "
                                   "LIMIT %3)")
                        .arg(quoted(shadow), qstrcmp(suffix, "_data") == 0
                                                 ? QStringLiteral("WHERE rowid > 10")
                                                 : QString())
                        .arg(chunk));
                !ok)
                return std::unexpected(ok.error());
            // Chunk after chunk until the table is empty or the budget is spent: the step
            // holds the lock about the budget whatever the size of the rows.
            for (;;) {
                if (auto ok = exec(remove, path, operation); !ok)
                    return std::unexpected(ok.error());
                const int n = remove.numRowsAffected();
                removed = removed || n > 0;
                if (n < chunk)
                    break; // none left
                if (held.elapsed() >= budgetMs)
                    return true;
            }
            if (removed && held.elapsed() >= budgetMs)
                return true;
        }
        if (removed)
            return true; // the table itself goes in the next step, empty
        if (auto ok = execSql(db, path,
                              QStringLiteral("DROP TABLE IF EXISTS %1").arg(quoted(part.table)));
            !ok)
            return std::unexpected(ok.error());
        QSqlQuery forget(db);
        if (auto ok = runQuery(forget, path, operation,
                               QStringLiteral("DELETE FROM log_fts_parts WHERE id = ?"), {part.id});
            !ok)
            return std::unexpected(ok.error());
        return true;
    });
}

} // namespace DeployDesk::Internal
