#include "store/logcompact.h"

#include "store/logblock.h"
#include "store/sqlutil.h"

#include <QCoreApplication>
#include <QSqlQuery>

namespace DeployDesk {

using namespace Internal;

namespace {
constexpr int kBatch = 64; // ≤ 4 MB of blocks per transaction
} // namespace

Result<CompactReport> compactLogs(const QString &databasePath,
                                  const std::function<void(qint64 done)> &progress)
{
    const QString operation =
        QCoreApplication::translate("DeployDesk", "compressing the stored logs");
    const QString name = uniqueConnectionName(QStringLiteral("deploydesk-compact"));
    CompactReport report;
    Result<CompactReport> result = report;
    {
        auto db = openConnection(databasePath, name);
        if (!db)
            return std::unexpected(db.error());
        qint64 after = 0; // the last block id looked at
        for (;;) {
            // Candidates read outside the write transaction: a writer waits only while a
            // batch is written back.
            QSqlQuery q(*db);
            q.setForwardOnly(true);
            if (auto ok = runQuery(q, databasePath, operation,
                                   QStringLiteral("SELECT id, data FROM log_blocks WHERE id > ? "
                                                  "AND length(data) >= ? AND substr(data, 1, "
                                                  "1) = x'01' ORDER BY id LIMIT ?"),
                                   {after, kMinCompressedBlock, kBatch});
                !ok) {
                result = std::unexpected(ok.error());
                break;
            }
            struct Block
            {
                qint64 id;
                QByteArray stored;
                qint64 before;
            };
            QList<Block> batch;
            while (q.next()) {
                const QByteArray plain = q.value(1).toByteArray();
                batch.append(Block{q.value(0).toLongLong(), compressLogBlock(plain), plain.size()});
            }
            q.finish();
            if (batch.isEmpty())
                break;
            after = batch.last().id;
            auto written = inTransaction(*db, databasePath, operation, [&]() -> Result<void> {
                QSqlQuery u(*db);
                if (auto ok = prepare(u, databasePath, operation,
                                      QStringLiteral("UPDATE log_blocks SET data = ? WHERE id = "
                                                     "? AND substr(data, 1, 1) = x'01'"));
                    !ok)
                    return ok;
                for (const Block &b : std::as_const(batch)) {
                    if (b.stored.size() >= b.before)
                        continue; // did not shrink: stays plain
                    u.addBindValue(b.stored);
                    u.addBindValue(b.id);
                    if (auto ok = exec(u, databasePath, operation); !ok)
                        return ok;
                    if (u.numRowsAffected() == 1) {
                        ++report.blocks;
                        report.bytesBefore += b.before;
                        report.bytesAfter += b.stored.size();
                    }
                }
                return {};
            });
            if (!written) {
                result = std::unexpected(written.error());
                break;
            }
            if (progress)
                progress(report.blocks);
        }
        if (result)
            result = report;
        db->close();
    }
    QSqlDatabase::removeDatabase(name);
    return result;
}

} // namespace DeployDesk
