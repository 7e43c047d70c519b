// Annotations: what a stage reported about places in the code (schema step 11).
#include "store/historystore.h"

#include "store/sqlutil.h"

namespace DeployDesk {

using namespace Internal;

Result<void> HistoryStore::addAnnotations(qint64 runId, const QString &stage,
                                          const QList<Annotation> &annotations)
{
    if (annotations.isEmpty())
        return {};
    QSqlDatabase db = connection(m_connectionName);
    const QString operation = tr("recording the annotations of stage %1").arg(stage);
    return inTransaction(db, m_path, operation, [&]() -> Result<void> {
        QSqlQuery q(db);
        if (auto ok = prepare(q, m_path, operation,
                              QStringLiteral("INSERT INTO annotations (run_id, stage, level, "
                                             "file, line, col, title, message) VALUES (?, ?, ?, "
                                             "?, ?, ?, ?, ?)"));
            !ok)
            return ok;
        for (const Annotation &a : annotations) {
            q.bindValue(0, runId);
            q.bindValue(1, toDb(stage));
            q.bindValue(2, annotationLevelName(a.level));
            q.bindValue(3, toDb(a.file));
            q.bindValue(4, a.line);
            q.bindValue(5, a.column);
            q.bindValue(6, toDb(a.title));
            q.bindValue(7, toDb(a.message));
            if (auto ok = exec(q, m_path, operation); !ok)
                return ok;
        }
        return {};
    });
}

Result<QList<AnnotationRecord>> HistoryStore::annotations(qint64 runId) const
{
    QSqlQuery q(connection(m_connectionName));
    if (auto ok = runQuery(q, m_path, tr("reading the annotations of run %1").arg(runId),
                           QStringLiteral("SELECT id, stage, level, file, line, col, title, "
                                          "message FROM annotations WHERE run_id = ? ORDER BY "
                                          "id"),
                           {runId});
        !ok)
        return std::unexpected(ok.error());
    QList<AnnotationRecord> out;
    while (q.next()) {
        AnnotationRecord r;
        r.id = q.value(0).toLongLong();
        r.runId = runId;
        r.stage = q.value(1).toString();
        r.annotation.level = annotationLevelFromName(q.value(2).toString());
        r.annotation.file = q.value(3).toString();
        r.annotation.line = q.value(4).toInt();
        r.annotation.column = q.value(5).toInt();
        r.annotation.title = q.value(6).toString();
        r.annotation.message = q.value(7).toString();
        out.append(std::move(r));
    }
    return out;
}

} // namespace DeployDesk
