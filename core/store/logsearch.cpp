#include "store/logsearch.h"

#include "store/logblock.h"
#include "store/sqlutil.h"

#include <QCoreApplication>
#include <QSet>

namespace DeployDesk::Internal {

QString ftsQuery(const QString &text)
{
    // The same split as the writer's (LogBlockEncoder), each word a prefix term, ANDed.
    const QByteArray utf8 = text.toUtf8();
    QStringList terms;
    forEachTerm(utf8, [&terms](const char *begin, qsizetype length) {
        const QString quoted =
            QLatin1Char('"') + QString::fromUtf8(begin, length) + QStringLiteral("\"*");
        if (!terms.contains(quoted))
            terms.append(quoted);
    });
    return terms.join(QLatin1Char(' '));
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
    if (match.isEmpty())
        sql += QStringLiteral("log_blocks b ");
    else
        sql += QStringLiteral("log_fts f JOIN log_blocks b ON b.id = f.rowid ");
    sql += QStringLiteral("LEFT JOIN stages s ON s.id = b.stage_id WHERE 1 ");
    if (!match.isEmpty())
        sql += QStringLiteral("AND log_fts MATCH :match ");
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
