// Storage faults met for real: a full tmpfs, a read-only remount, damaged log blocks.
#include "store/historystore.h"
#include "store/logblock.h"
#include "store/logwriter.h"
#include "store/sqlutil.h"

#include "smallfs.h"
#include "storetestutil.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace DeployDesk;

namespace {

LogLine line(const QByteArray &text)
{
    return LogLine{1700000000000, LogStream::Stdout, text};
}

std::pair<qint64, qint64> newStage(HistoryStore &store, const QString &name)
{
    RunRecord run;
    run.workspace = QStringLiteral("/w");
    run.pipeline = QStringLiteral("ci");
    const qint64 runId = store.createRun(run).value_or(0);
    StageRecord stage;
    stage.runId = runId;
    stage.name = name;
    return {runId, store.createStage(stage).value_or(0)};
}

} // namespace

class TestStorageFaults final : public QObject
{
    Q_OBJECT

private slots:
    void fullDiskLosesLinesWithAMarkerAndTheWriterRecovers();
    void openingAFullOrReadOnlyFolderSaysWhatIsWrong();
    void damagedLogBlocksAreErrorsNamingTheStage();
    void aHealthyHistoryPassesTheCheck();
};

void TestStorageFaults::fullDiskLosesLinesWithAMarkerAndTheWriterRecovers()
{
    QTemporaryDir tmp;
    SmallFs fs(tmp.filePath("data"), QStringLiteral("3m"));
    if (!fs.ok())
        QSKIP(qPrintable(fs.whyNot()));
    auto opened = HistoryStore::open(fs.path());
    DD_VERIFY_OK(opened);
    HistoryStore &store = **opened;
    const auto [runId, stageId] = newStage(store, QStringLiteral("build"));
    LogWriter *writer = store.logWriter();
    for (int i = 1; i <= 100; ++i)
        writer->append(runId, stageId, line("before " + QByteArray::number(i)));
    DD_VERIFY_OK(writer->flush());

    QVERIFY(fs.fill());
    for (int i = 1; i <= 1000; ++i)
        writer->append(runId, stageId, line("lost " + QByteArray::number(i)));
    auto failed = writer->flush();
    QVERIFY(!failed);
    // What and where: the database, and what is wrong with its folder.
    QVERIFY2(failed.error().message.contains("no space left on the device holding " + fs.path()),
             qPrintable(failed.error().message));
    QVERIFY2(failed.error().message.contains(store.databasePath()),
             qPrintable(failed.error().message));
    const QList<LogWriter::Loss> losses = writer->takeLosses(runId);
    QCOMPARE(losses.size(), 1);
    QCOMPARE(losses[0].stageId, stageId);
    QCOMPARE(losses[0].lines, 1000);
    QVERIFY(writer->takeLosses(runId).isEmpty()); // taken once

    QVERIFY(fs.unfill());
    for (int i = 1; i <= 50; ++i)
        writer->append(runId, stageId, line("after " + QByteArray::number(i)));
    DD_VERIFY_OK(writer->flush());

    // Readers see the lines kept, a marker where the others were lost, and the rest.
    auto lines = store.logLines(stageId, 1, 1000);
    DD_VERIFY_OK(lines);
    QCOMPARE(lines->size(), 100 + 1 + 50);
    QCOMPARE(lines->at(99).text, QByteArray("before 100"));
    const LogLine &marker = lines->at(100);
    QCOMPARE(marker.stream, LogStream::System);
    QVERIFY2(marker.text.contains("1000 log line") &&
                 marker.text.contains("could not be recorded here") &&
                 marker.text.contains("no space left"),
             marker.text.constData());
    QCOMPARE(lines->at(101).text, QByteArray("after 1"));
    QCOMPARE(lines->last().text, QByteArray("after 50"));
    // The marker is searchable like any line.
    auto found = store.searchLogs(QStringLiteral("could not be recorded"));
    DD_VERIFY_OK(found);
    QCOMPARE(found->size(), 1);
}

void TestStorageFaults::openingAFullOrReadOnlyFolderSaysWhatIsWrong()
{
    QTemporaryDir tmp;
    SmallFs fs(tmp.filePath("data"), QStringLiteral("3m"));
    if (!fs.ok())
        QSKIP(qPrintable(fs.whyNot()));
    {
        auto opened = HistoryStore::open(fs.path());
        DD_VERIFY_OK(opened);
        newStage(**opened, QStringLiteral("build"));
    } // closed: the -wal and -shm files are gone, and must be made again to read

    QVERIFY(fs.fill());
    {
        auto opened = HistoryStore::open(fs.path());
        if (opened) { // SQLite found room for its shared memory: writing must fail
            auto id = (*opened)->createRun(RunRecord{});
            QVERIFY(!id);
            opened = std::unexpected(id.error());
        }
        const QString message = opened.error().message;
        QVERIFY2(message.contains("no space left"), qPrintable(message));
        QVERIFY2(!message.contains("move the file away"), qPrintable(message));
        QVERIFY2(!message.contains("cannot be read as SQLite"), qPrintable(message));
    }
    QVERIFY(fs.unfill());

    QVERIFY(fs.setReadOnly(true));
    {
        auto opened = HistoryStore::open(fs.path());
        if (opened) { // read-only SQLite could read it: writing must fail
            auto id = (*opened)->createRun(RunRecord{});
            QVERIFY(!id);
            opened = std::unexpected(id.error());
        }
        const QString message = opened.error().message;
        QVERIFY2(message.contains("read-only"), qPrintable(message));
        QVERIFY2(!message.contains("move the file away"), qPrintable(message));
    }
    QVERIFY(fs.setReadOnly(false));
    // Healthy all along: it opens and holds its run.
    auto opened = HistoryStore::open(fs.path());
    DD_VERIFY_OK(opened);
    QCOMPARE((*opened)->runs(RunFilter{}).value_or(QList<RunRecord>{}).size(), 1);
}

void TestStorageFaults::damagedLogBlocksAreErrorsNamingTheStage()
{
    QTemporaryDir tmp;
    auto opened = HistoryStore::open(tmp.path());
    DD_VERIFY_OK(opened);
    HistoryStore &store = **opened;
    const auto [runId, good] = newStage(store, QStringLiteral("good"));
    StageRecord bad;
    bad.runId = runId;
    bad.name = QStringLiteral("bad");
    bad.id = store.createStage(bad).value_or(0);
    // Three blocks each, the last one short.
    constexpr int kBlock = Internal::LogBlockEncoder::kMaxLines;
    constexpr int kLines = 2 * kBlock + kBlock / 3;
    for (int i = 1; i <= kLines; ++i) {
        store.logWriter()->append(runId, good, line("good " + QByteArray::number(i)));
        store.logWriter()->append(runId, bad.id, line("bad " + QByteArray::number(i)));
    }
    DD_VERIFY_OK(store.logWriter()->flush());

    // The second block of "bad" gets bytes that do not decode; the third claims a line
    // count its bytes do not hold.
    const QString name = Internal::uniqueConnectionName(QStringLiteral("damage"));
    {
        auto db = Internal::openConnection(store.databasePath(), name);
        DD_VERIFY_OK(db);
        QSqlQuery q(*db);
        QVERIFY(q.exec(QStringLiteral("UPDATE log_blocks SET data = x'01ffffffffffffffffffffff' "
                                      "WHERE stage_id = %1 AND first_line = %2")
                           .arg(bad.id)
                           .arg(kBlock + 1)));
        QCOMPARE(q.numRowsAffected(), 1);
        QVERIFY(q.exec(QStringLiteral("UPDATE log_blocks SET line_count = line_count + 5 WHERE "
                                      "stage_id = %1 AND first_line = %2")
                           .arg(bad.id)
                           .arg(2 * kBlock + 1)));
        QCOMPARE(q.numRowsAffected(), 1);
    }
    QSqlDatabase::removeDatabase(name);

    auto lines = store.logLines(bad.id, 1, kLines);
    QVERIFY(!lines);
    QVERIFY2(lines.error().message.contains(
                 QStringLiteral("stage %1 is damaged from line %2").arg(bad.id).arg(kBlock + 1)),
             qPrintable(lines.error().message));
    // What comes before the damage still reads, and so does every other stage.
    QCOMPARE(store.logLines(bad.id, 1, kBlock).value_or(QList<LogLine>{}).size(), kBlock);
    QCOMPARE(store.logLines(good, 1, kLines).value_or(QList<LogLine>{}).size(), kLines);

    auto damage = store.check();
    DD_VERIFY_OK(damage);
    QCOMPARE(damage->size(), 1); // a stage's first damage stops its check
    QVERIFY2(damage->at(0).contains(QStringLiteral("run %1, stage \"bad\"").arg(runId)) &&
                 damage->at(0).contains(QStringLiteral("line %1").arg(kBlock + 1)),
             qPrintable(damage->join('\n')));
}

void TestStorageFaults::aHealthyHistoryPassesTheCheck()
{
    QTemporaryDir tmp;
    auto opened = HistoryStore::open(tmp.path());
    DD_VERIFY_OK(opened);
    const auto [runId, stageId] = newStage(**opened, QStringLiteral("build"));
    for (int i = 0; i < 1000; ++i)
        (*opened)->logWriter()->append(runId, stageId, line("line " + QByteArray::number(i)));
    DD_VERIFY_OK((*opened)->logWriter()->flush());
    auto damage = (*opened)->check();
    DD_VERIFY_OK(damage);
    QVERIFY2(damage->isEmpty(), qPrintable(damage->join('\n')));
}

QTEST_GUILESS_MAIN(TestStorageFaults)
#include "tst_storagefaults.moc"
