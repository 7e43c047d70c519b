#include "store/logreader.h"
#include "common/translate.h"

#include "store/logblock.h"
#include "store/sqlutil.h"

#include <QCoreApplication>
#include <QSqlQuery>

namespace DeployDesk {

using namespace Internal;

namespace {

Error damaged(const QString &path, qint64 stageId, qint64 firstLine)
{
    return damagedLog(path, stageId, firstLine);
}

} // namespace

struct LogReader::Cursor::Private
{
    QString path;
    qint64 stageId = 0;
    qint64 fromLine = 1;
    QSqlQuery query;
    QByteArray data; // the current block, as stored
    const char *p = nullptr;
    const char *end = nullptr;
    qint64 nextNumber = 0; // of the line at p
    qint64 timestamp = 0;
    bool finished = false;
};

Result<std::unique_ptr<LogReader>> LogReader::open(const QString &databasePath)
{
    const QString name = uniqueConnectionName(QStringLiteral("deploydesk-logreader"));
    auto db = openConnection(databasePath, name);
    if (!db)
        return std::unexpected(db.error());
    // Reading only: never wait on the writer's lock longer than a moment.
    execSql(*db, databasePath, QStringLiteral("PRAGMA query_only=1"));
    return std::unique_ptr<LogReader>(new LogReader(databasePath, name));
}

LogReader::LogReader(QString path, QString connectionName)
    : m_path(std::move(path))
    , m_connectionName(std::move(connectionName))
{}

LogReader::~LogReader()
{
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        if (db.isOpen())
            db.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
}

Result<qint64> LogReader::lineCount(qint64 stageId) const
{
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
    q.setForwardOnly(true);
    const QString operation = tr("counting the log lines of stage %1").arg(stageId);
    if (auto ok = prepare(q, m_path, operation,
                          QStringLiteral("SELECT first_line + line_count - 1 FROM log_blocks "
                                         "WHERE stage_id = ? ORDER BY first_line DESC LIMIT 1"));
        !ok)
        return std::unexpected(ok.error());
    q.addBindValue(stageId);
    if (auto ok = exec(q, m_path, operation); !ok)
        return std::unexpected(ok.error());
    return q.next() ? q.value(0).toLongLong() : 0;
}

Result<LogBlock> LogReader::blockAt(qint64 stageId, qint64 line) const
{
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
    q.setForwardOnly(true);
    const QString operation = tr("reading line %1 of stage %2").arg(line).arg(stageId);
    if (auto ok = prepare(q, m_path, operation,
                          QStringLiteral("SELECT first_line, line_count, data FROM log_blocks "
                                         "WHERE stage_id = ? AND first_line <= ? ORDER BY "
                                         "first_line DESC LIMIT 1"));
        !ok)
        return std::unexpected(ok.error());
    q.addBindValue(stageId);
    q.addBindValue(line);
    if (auto ok = exec(q, m_path, operation); !ok)
        return std::unexpected(ok.error());
    if (!q.next() || q.value(0).toLongLong() + q.value(1).toLongLong() <= line) {
        return makeError(ErrorCode::NotFound, tr("history database %1: stage %2 has no log line %3")
                                                  .arg(m_path)
                                                  .arg(stageId)
                                                  .arg(line));
    }
    LogBlock block;
    block.firstLine = q.value(0).toLongLong();
    auto lines = decodeLogBlock(q.value(2).toByteArray());
    if (!lines)
        return std::unexpected(damaged(m_path, stageId, block.firstLine));
    block.lines = std::move(*lines);
    return block;
}

Result<std::unique_ptr<LogReader::Cursor>> LogReader::cursor(qint64 stageId, qint64 fromLine) const
{
    auto d = std::make_unique<Cursor::Private>();
    d->path = m_path;
    d->stageId = stageId;
    d->fromLine = std::max<qint64>(fromLine, 1);
    d->query = QSqlQuery(QSqlDatabase::database(m_connectionName, false));
    d->query.setForwardOnly(true);
    const QString operation = tr("reading the log of stage %1").arg(stageId);
    // The block holding fromLine starts at the greatest first_line <= fromLine.
    if (auto ok = prepare(d->query, m_path, operation,
                          QStringLiteral("SELECT first_line, data FROM log_blocks WHERE "
                                         "stage_id = ? AND first_line >= (SELECT "
                                         "coalesce(max(first_line), 0) FROM log_blocks WHERE "
                                         "stage_id = ? AND first_line <= ?) ORDER BY first_line"));
        !ok)
        return std::unexpected(ok.error());
    d->query.addBindValue(stageId);
    d->query.addBindValue(stageId);
    d->query.addBindValue(d->fromLine);
    if (auto ok = exec(d->query, m_path, operation); !ok)
        return std::unexpected(ok.error());
    return std::unique_ptr<Cursor>(new Cursor(std::move(d)));
}

LogReader::Cursor::Cursor(std::unique_ptr<Private> d)
    : d(std::move(d))
{}

LogReader::Cursor::~Cursor() = default;

bool LogReader::Cursor::loadBlock()
{
    if (!d->query.next()) {
        // A damaged page ends the scan with an error, not as the end of the log.
        if (d->query.lastError().isValid())
            m_error = sqlError(d->path, tr("reading the log of stage %1").arg(d->stageId),
                               d->query.lastError());
        d->finished = true;
        d->query.finish();
        return false;
    }
    d->nextNumber = d->query.value(0).toLongLong();
    d->data = d->query.value(1).toByteArray();
    if (!d->data.isEmpty() && quint8(d->data[0]) == kCompressedFormatVersion) {
        auto plain = uncompressLogBlock(d->data);
        if (!plain) {
            m_error = damaged(d->path, d->stageId, d->nextNumber);
            d->finished = true;
            return false;
        }
        d->data = *plain;
    }
    d->p = d->data.constData();
    d->end = d->p + d->data.size();
    d->timestamp = 0;
    if (d->p == d->end || *d->p != 1) {
        m_error = damaged(d->path, d->stageId, d->nextNumber);
        d->finished = true;
        return false;
    }
    ++d->p;
    return true;
}

bool LogReader::Cursor::next(LogLineView *line)
{
    while (!d->finished) {
        if (d->p == d->end) {
            if (!loadBlock())
                return false;
            continue;
        }
        quint64 delta = 0;
        quint64 length = 0;
        const char *p = d->p;
        if (!readVarint(p, d->end, &delta) || p == d->end) {
            m_error = damaged(d->path, d->stageId, d->nextNumber);
            d->finished = true;
            return false;
        }
        const auto stream = quint8(*p++);
        if (!readVarint(p, d->end, &length) || length > quint64(d->end - p)) {
            m_error = damaged(d->path, d->stageId, d->nextNumber);
            d->finished = true;
            return false;
        }
        const quint64 zz = delta;
        d->timestamp = qint64(quint64(d->timestamp) + quint64(qint64(zz >> 1) ^ -qint64(zz & 1)));
        const qint64 number = d->nextNumber++;
        d->p = p + length;
        if (number < d->fromLine)
            continue;
        line->number = number;
        line->timestampMs = d->timestamp;
        line->stream = LogStream(stream);
        line->text = QByteArrayView(p, qsizetype(length));
        return true;
    }
    return false;
}

} // namespace DeployDesk
