#include "store/logsearch.h"

#include "store/logblock.h"
#include "store/sqlutil.h"

#include <QCoreApplication>
#include <QSet>

#include <algorithm>

namespace DeployDesk::Internal {

namespace {

// The trigrams of `text`'s words, or the marks of its words of one or two characters with
// a non-ASCII one, each a quoted token, ANDed (see ftsQuery()); numbers only `withNumbers`.
QString trigramQuery(QByteArrayView text, bool withNumbers)
{
    QStringList tokens;
    const auto add = [&tokens](const QString &token) {
        const QString quoted = QLatin1Char('"') + token + QLatin1Char('"');
        if (!tokens.contains(quoted))
            tokens.append(quoted);
    };
    forEachWord(text, [&](const char *word, qsizetype length) {
        if (!withNumbers && isDigits(word, length))
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

} // namespace

QString ftsQuery(const QString &text)
{
    // The words as the writer splits them (isTermByte()). Words of one or two ASCII
    // characters and numbers add nothing: logIndexQuery() asks the grams for them.
    return trigramQuery(text.toUtf8(), false);
}

LogIndexQuery logIndexQuery(const QString &text)
{
    LogIndexQuery query;
    query.match = ftsQuery(text);
    LogGrams pairs;
    forEachWord(text.toUtf8(), [&](const char *word, qsizetype length) {
        if (length == 2 && gramIndex(word[0]) >= 0 && gramIndex(word[1]) >= 0) {
            pairs.addPairs(word, length);
        } else if (length >= 3 && isDigits(word, length)) {
            LogGrams grams;
            grams.addNumber(word, length);
            query.numbers.append(LogIndexQuery::Number{
                trigramQuery(QByteArrayView(word, length), true), grams.stored()});
        }
    });
    query.pairs = pairs.stored();
    return query;
}

Result<void> LogIndexInserter::prepare(QSqlDatabase &db, const QString &path,
                                       const QString &operation)
{
    m_db = db;
    m_path = path;
    m_terms.clear();
    m_grams.emplace(db);
    if (auto ok = m_parts.prepare(db, path, operation); !ok)
        return ok;
    return DeployDesk::Internal::prepare(
        *m_grams, path, operation,
        QStringLiteral("INSERT INTO log_grams (id, grams) VALUES (?, ?)"));
}

Result<void> LogIndexInserter::add(qint64 blockId, const QByteArray &terms, const QByteArray &grams,
                                   const QString &operation)
{
    auto table = m_parts.tableFor(blockId, true, operation);
    if (!table)
        return std::unexpected(table.error());
    auto it = m_terms.find(*table);
    if (it == m_terms.end()) {
        it = m_terms.insert(*table, QSqlQuery(*m_db));
        if (auto ok = DeployDesk::Internal::prepare(
                *it, m_path, operation,
                QStringLiteral("INSERT INTO \"%1\" (rowid, text) VALUES (?, ?)").arg(*table));
            !ok) {
            m_terms.erase(it);
            return ok;
        }
    }
    it->bindValue(0, blockId);
    it->bindValue(1, terms); // as bytes, as prune's 'delete' gives them back
    if (auto ok = exec(*it, m_path, operation); !ok)
        return ok;
    return addGrams(blockId, grams, operation);
}

Result<void> LogIndexInserter::addGrams(qint64 blockId, const QByteArray &grams,
                                        const QString &operation)
{
    if (grams.isEmpty())
        return {}; // no row: no search of two characters or a number can find the block
    m_grams->bindValue(0, blockId);
    m_grams->bindValue(1, grams);
    return exec(*m_grams, m_path, operation);
}

Result<void> indexPendingLogBlocks(QSqlDatabase &db, const QString &path, int batchSize)
{
    const QString operation =
        QCoreApplication::translate("DeployDesk", "indexing logs for substring search");
    // Every block pending the trigram index is pending its grams too (schema step 8 lists
    // every block), so one walk over log_grams_pending does both; this keeps that true for a
    // history edited some other way, once, and only when there is something to do.
    QSqlQuery termsPending(db);
    if (auto ok = runQuery(termsPending, path, operation,
                           QStringLiteral("SELECT 1 FROM log_fts_pending LIMIT 1"), {});
        !ok)
        return ok;
    if (termsPending.next()) {
        termsPending.finish();
        auto ok = inTransaction(db, path, operation, [&]() -> Result<void> {
            if (auto ok = execSql(db, path,
                                  QStringLiteral("INSERT OR IGNORE INTO log_grams_pending SELECT "
                                                 "p.id FROM log_fts_pending p JOIN log_blocks b "
                                                 "ON b.id = p.id"));
                !ok)
                return ok;
            return execSql(db, path,
                           QStringLiteral("DELETE FROM log_fts_pending WHERE id NOT IN (SELECT "
                                          "id FROM log_grams_pending)"));
        });
        if (!ok)
            return ok;
    }
    for (;;) {
        QSqlQuery probe(db);
        if (auto ok = runQuery(probe, path, operation,
                               QStringLiteral("SELECT 1 FROM log_grams_pending LIMIT 1"), {});
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
            if (auto ok = runQuery(
                    q, path, operation,
                    QStringLiteral("SELECT p.id, b.data, EXISTS (SELECT 1 FROM log_fts_pending f "
                                   "WHERE f.id = p.id) FROM (SELECT id FROM log_grams_pending "
                                   "ORDER BY id LIMIT %1) p LEFT JOIN log_blocks b ON b.id = p.id")
                        .arg(batchSize),
                    {});
                !ok)
                return ok;
            LogIndexInserter index;
            if (auto ok = index.prepare(db, path, operation); !ok)
                return ok;
            QSqlQuery doneTerms(db), doneGrams(db);
            if (auto ok = prepare(doneTerms, path, operation,
                                  QStringLiteral("DELETE FROM log_fts_pending WHERE id = ?"));
                !ok)
                return ok;
            if (auto ok = prepare(doneGrams, path, operation,
                                  QStringLiteral("DELETE FROM log_grams_pending WHERE id = ?"));
                !ok)
                return ok;
            while (q.next()) {
                const qint64 id = q.value(0).toLongLong();
                const bool termsPending = q.value(2).toBool();
                // A block that is gone or does not decode gets nothing: a search still
                // reads it (damaged ones report their damage, as before).
                if (!q.value(1).isNull()) {
                    if (auto lines = decodeLogBlock(q.value(1).toByteArray())) {
                        LogBlockEncoder encoder;
                        for (const LogLine &line : std::as_const(*lines))
                            encoder.add(line);
                        auto ok =
                            termsPending
                                ? index.add(id, encoder.terms(), encoder.gramsToStore(), operation)
                                : index.addGrams(id, encoder.gramsToStore(), operation);
                        if (!ok)
                            return ok;
                    }
                }
                for (QSqlQuery *done : {&doneTerms, &doneGrams}) {
                    done->bindValue(0, id);
                    if (auto ok = exec(*done, path, operation); !ok)
                        return ok;
                }
            }
            return {};
        });
        if (!batch)
            return batch;
    }
}

namespace {

Result<QList<LogMatch>> searchParts(QSqlDatabase &db, const QString &path, const QString &text,
                                    const QString &operation, const LogIndexQuery &index,
                                    const QList<LogIndexPart> &parts, qint64 runId, int limit,
                                    bool onePerRun, const std::function<bool(qint64)> &acceptRun)
{
    // Candidates are sorted by id only; a block's data is read only when it is decoded,
    // so a common word does not drag megabytes of blocks through the sort.
    QString sql = QStringLiteral("SELECT b.id, b.run_id, b.stage_id, coalesce(s.name, ''), "
                                 "b.first_line FROM ");
    sql += QStringLiteral("log_blocks b LEFT JOIN stages s ON s.id = b.stage_id WHERE 1 ");
    // A candidate is in each of these sets. Blocks not indexed yet (written before schema
    // step 7 or 8) are in every set of the index they lack.
    const auto terms = [&parts](const QString &name) {
        const QString match = logIndexMatchSql(parts, name);
        return (match.isEmpty() ? QString() : match + QStringLiteral(" UNION ALL ")) +
               QStringLiteral("SELECT id FROM log_fts_pending");
    };
    const QString grams = QStringLiteral("SELECT id FROM log_grams WHERE dd_grams_cover(grams, "
                                         "%1) UNION ALL SELECT id FROM log_grams_pending");
    if (!index.match.isEmpty())
        sql += QStringLiteral("AND b.id IN (%1) ").arg(terms(QStringLiteral("match")));
    if (!index.pairs.isEmpty())
        sql += QStringLiteral("AND b.id IN (%1) ").arg(grams.arg(QStringLiteral(":pairs")));
    for (qsizetype i = 0; i < index.numbers.size(); ++i) {
        sql += QStringLiteral("AND b.id IN (%1 UNION ALL %2) ")
                   .arg(terms(QStringLiteral("number%1").arg(i)),
                        grams.arg(QStringLiteral(":numberGrams%1").arg(i)));
    }
    if (runId > 0)
        sql += QStringLiteral("AND b.run_id = :run ");
    sql += QStringLiteral("ORDER BY b.run_id DESC, s.position, b.stage_id, b.first_line");

    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (auto ok = prepare(q, path, operation, sql); !ok)
        return std::unexpected(ok.error());
    if (!index.match.isEmpty())
        bindLogIndexMatch(q, parts, QStringLiteral("match"), index.match);
    if (!index.pairs.isEmpty())
        q.bindValue(QStringLiteral(":pairs"), index.pairs);
    for (qsizetype i = 0; i < index.numbers.size(); ++i) {
        bindLogIndexMatch(q, parts, QStringLiteral("number%1").arg(i), index.numbers[i].match);
        q.bindValue(QStringLiteral(":numberGrams%1").arg(i), index.numbers[i].grams);
    }
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

} // namespace

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
    const LogIndexQuery index = logIndexQuery(text);
    const QString operation =
        QCoreApplication::translate("DeployDesk", "searching logs for \"%1\"").arg(text);
    auto parts = logIndexParts(db, path, operation);
    if (!parts)
        return std::unexpected(parts.error());
    // A part is dropped only well after it was retired (dropLogIndexPartStep()), and a
    // retired part holds no block: should it be dropped between reading the parts and
    // the query, the query is made again without it.
    auto found =
        searchParts(db, path, text, operation, index, *parts, runId, limit, onePerRun, acceptRun);
    if (!found) {
        auto now = logIndexParts(db, path, operation);
        if (now &&
            !std::equal(now->cbegin(), now->cend(), parts->cbegin(), parts->cend(),
                        [](const LogIndexPart &a, const LogIndexPart &b) { return a.id == b.id; }))
            return searchParts(db, path, text, operation, index, *now, runId, limit, onePerRun,
                               acceptRun);
    }
    return found;
}

} // namespace DeployDesk::Internal
