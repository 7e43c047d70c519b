#include "store/logsearch.h"

#include "store/logblock.h"
#include "store/sqlutil.h"

#include <QCoreApplication>
#include <QSet>

#include <algorithm>

namespace DeployDesk::Internal {

QString ftsQuery(const QString &text)
{
    // The words as the writer splits them (isTermByte()); each word's trigrams, or for a
    // word of one or two characters with a non-ASCII one, its mark (forEachWordTerm()).
    // Each as a quoted token, ANDed. Words of one or two ASCII characters and numbers add
    // nothing: the exact check on the lines looks for them.
    QStringList tokens;
    const auto add = [&tokens](const QString &token) {
        const QString quoted = QLatin1Char('"') + token + QLatin1Char('"');
        if (!tokens.contains(quoted))
            tokens.append(quoted);
    };
    forEachWord(text.toUtf8(), [&add](const char *word, qsizetype length) {
        if (isDigits(word, length))
            return; // a number may be inside a longer one, of which the index has a part
        const QList<uint> chars = QString::fromUtf8(word, length).toLower().toUcs4();
        if (chars.size() >= 3) {
            for (qsizetype i = 0; i + 3 <= chars.size(); ++i)
                add(QString::fromUcs4(reinterpret_cast<const char32_t *>(chars.constData() + i),
                                      3));
            return;
        }
        if (std::all_of(chars.cbegin(), chars.cend(), [](uint c) { return c < 0x80; }))
            return;
        QString mark{QChar(QLatin1Char(kShortTermMark))};
        mark +=
            QString::fromUcs4(reinterpret_cast<const char32_t *>(chars.constData()), chars.size());
        if (chars.size() == 1)
            mark += QLatin1Char(kShortTermMark);
        add(mark);
    });
    return tokens.join(QLatin1Char(' '));
}

Result<void> indexPendingLogBlocks(QSqlDatabase &db, const QString &path, int batchSize)
{
    const QString operation =
        QCoreApplication::translate("DeployDesk", "indexing logs for substring search");
    for (;;) {
        QSqlQuery probe(db);
        if (auto ok = runQuery(probe, path, operation,
                               QStringLiteral("SELECT 1 FROM log_fts_pending LIMIT 1"), {});
            !ok)
            return ok;
        if (!probe.next())
            return {};
        probe.finish();
        // One batch a transaction: a writer waits at most one batch, and what is done stays
        // done when the process ends in the middle.
        auto batch = inTransaction(db, path, operation, [&]() -> Result<void> {
            QSqlQuery q(db);
            q.setForwardOnly(true);
            if (auto ok = runQuery(q, path, operation,
                                   QStringLiteral("SELECT p.id, b.data FROM log_fts_pending p "
                                                  "LEFT JOIN log_blocks b ON b.id = p.id "
                                                  "ORDER BY p.id LIMIT %1")
                                       .arg(batchSize),
                                   {});
                !ok)
                return ok;
            QSqlQuery insert(db), done(db);
            if (auto ok =
                    prepare(insert, path, operation,
                            QStringLiteral("INSERT INTO log_fts (rowid, text) VALUES (?, ?)"));
                !ok)
                return ok;
            if (auto ok = prepare(done, path, operation,
                                  QStringLiteral("DELETE FROM log_fts_pending WHERE id = ?"));
                !ok)
                return ok;
            while (q.next()) {
                const qint64 id = q.value(0).toLongLong();
                // A block that is gone or does not decode gets no terms: a search still
                // reads it (damaged ones report their damage, as before).
                if (!q.value(1).isNull()) {
                    if (auto lines = decodeLogBlock(q.value(1).toByteArray())) {
                        insert.bindValue(0, id);
                        insert.bindValue(1, QString::fromUtf8(logBlockTerms(*lines)));
                        if (auto ok = exec(insert, path, operation); !ok)
                            return ok;
                    }
                }
                done.bindValue(0, id);
                if (auto ok = exec(done, path, operation); !ok)
                    return ok;
            }
            return {};
        });
        if (!batch)
            return batch;
    }
}

Result<QList<LogMatch>> searchLogBlocks(QSqlDatabase &db, const QString &path, const QString &text,
                                        qint64 runId, int limit, bool onePerRun,
                                        const std::function<bool(qint64)> &acceptRun)
{
    if (text.trimmed().isEmpty()) {
        return makeError(ErrorCode::Invalid,
                         QCoreApplication::translate(
                             "DeployDesk", "log search: expected some text to look for, got an "
                                           "empty string"));
    }
    const QString match = ftsQuery(text);
    // Candidates are sorted by id only; a block's data is read only when it is decoded,
    // so a common word does not drag megabytes of blocks through the sort.
    QString sql = QStringLiteral("SELECT b.id, b.run_id, b.stage_id, coalesce(s.name, ''), "
                                 "b.first_line FROM ");
    // Blocks written before the trigram index (schema step 7) and not indexed yet are
    // candidates for every search.
    sql += QStringLiteral("log_blocks b LEFT JOIN stages s ON s.id = b.stage_id WHERE 1 ");
    if (!match.isEmpty())
        sql += QStringLiteral("AND b.id IN (SELECT rowid FROM log_fts WHERE log_fts MATCH :match "
                              "UNION ALL SELECT id FROM log_fts_pending) ");
    if (runId > 0)
        sql += QStringLiteral("AND b.run_id = :run ");
    sql += QStringLiteral("ORDER BY b.run_id DESC, s.position, b.stage_id, b.first_line");

    const QString operation =
        QCoreApplication::translate("DeployDesk", "searching logs for \"%1\"").arg(text);
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (auto ok = prepare(q, path, operation, sql); !ok)
        return std::unexpected(ok.error());
    if (!match.isEmpty())
        q.bindValue(QStringLiteral(":match"), match);
    if (runId > 0)
        q.bindValue(QStringLiteral(":run"), runId);
    if (auto ok = exec(q, path, operation); !ok)
        return std::unexpected(ok.error());
    QSqlQuery data(db);
    data.setForwardOnly(true);
    if (auto ok = prepare(data, path, operation,
                          QStringLiteral("SELECT data FROM log_blocks WHERE id = ?"));
        !ok)
        return std::unexpected(ok.error());

    QList<LogMatch> matches;
    qint64 skippedRun = 0; // matched already (onePerRun) or refused by acceptRun
    qint64 checkedRun = 0;
    while (q.next()) {
        const qint64 blockRun = q.value(1).toLongLong();
        if (blockRun == skippedRun)
            continue;
        if (acceptRun && blockRun != checkedRun) {
            checkedRun = blockRun;
            if (!acceptRun(blockRun)) {
                skippedRun = blockRun;
                continue;
            }
        }
        data.bindValue(0, q.value(0).toLongLong());
        if (auto ok = exec(data, path, operation); !ok)
            return std::unexpected(ok.error());
        if (!data.next())
            continue; // removed meanwhile
        auto lines = decodeLogBlock(data.value(0).toByteArray());
        data.finish();
        if (!lines)
            return std::unexpected(lines.error());
        const qint64 firstLine = q.value(4).toLongLong();
        for (qsizetype i = 0; i < lines->size(); ++i) {
            const QByteArray &raw = lines->at(i).text;
            if (!QString::fromUtf8(stripAnsi(raw)).contains(text, Qt::CaseInsensitive))
                continue;
            matches.append(LogMatch{blockRun, q.value(2).toLongLong(), q.value(3).toString(),
                                    firstLine + i, raw});
            if (limit > 0 && matches.size() >= limit)
                return matches;
            if (onePerRun) {
                skippedRun = blockRun;
                break;
            }
        }
    }
    if (q.lastError().isValid())
        return std::unexpected(sqlError(path, operation, q.lastError()));
    return matches;
}

} // namespace DeployDesk::Internal
