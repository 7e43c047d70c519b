#include "store/logmarker.h"

#include "common/translate.h"
#include "store/logblock.h"
#include "store/logsearch.h"
#include "store/sqlutil.h"

#include <QDateTime>

namespace DeployDesk::Internal {

namespace {
LogLine systemLine(const QString &text)
{
    LogLine line;
    line.timestampMs = QDateTime::currentMSecsSinceEpoch();
    line.stream = LogStream::System;
    line.text = text.toUtf8();
    return line;
}
} // namespace

LogLine lostLinesMarker(qint64 lines, const Error &why)
{
    // Computed apart from the translate() call: lupdate's parser never returns from a
    // template argument list inside one.
    const int count = lines > INT_MAX ? INT_MAX : int(lines);
    return systemLine(
        QCoreApplication::translate("DeployDesk",
                                    "[deploydesk] %n log line(s) could not be recorded here: %1",
                                    nullptr, count)
            .arg(why.message));
}

LogLine unfinishedLogMarker(qint64 pid)
{
    return systemLine(tr("[deploydesk] the log may end early here: the process running this "
                         "stage (pid %1) ended without recording the stage's end")
                          .arg(pid));
}

Result<void> appendLogLine(QSqlDatabase &db, const QString &path, qint64 runId, qint64 stageId,
                           const LogLine &line)
{
    const QString operation = tr("adding a line to the log of stage %1").arg(stageId);
    QSqlQuery last(db);
    if (auto ok = runQuery(last, path, operation,
                           QStringLiteral("SELECT coalesce(max(first_line + line_count), 1) FROM "
                                          "log_blocks WHERE stage_id = ?"),
                           {stageId});
        !ok)
        return ok;
    const qint64 first = last.next() ? last.value(0).toLongLong() : 1;
    last.finish();
    LogBlockEncoder encoder;
    encoder.add(line);
    QSqlQuery insert(db);
    if (auto ok = runQuery(insert, path, operation,
                           QStringLiteral("INSERT INTO log_blocks (run_id, stage_id, first_line, "
                                          "line_count, data) VALUES (?, ?, ?, 1, ?)"),
                           {runId, stageId, first, encoder.data()});
        !ok)
        return ok;
    LogIndexInserter index;
    if (auto ok = index.prepare(db, path, operation); !ok)
        return ok;
    return index.add(insert.lastInsertId().toLongLong(), encoder.terms(), encoder.gramsToStore(),
                     operation);
}

} // namespace DeployDesk::Internal
