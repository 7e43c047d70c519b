#include "store/historystore.h"
#include "store/logblock.h"
#include "store/logcompact.h"
#include "store/logreader.h"
#include "store/logwriter.h"
#include "store/sqlutil.h"

#include "storetestutil.h"

#include <QFileInfo>
#include <QRandomGenerator>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>
#include <thread>

using namespace DeployDesk;

class TestLogWriter final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void linesRoundtripExactly();
    void numberingIsContiguousAcrossFlushesAndReopens();
    void concurrentProducersKeepPerStageOrder();
    void batchesOfAReadKeepOrderPastTheQueueLimit();
    void linesReachOtherConnectionsWithoutFlush();
    void destructorFlushes();
    void backpressureWithASlowWriterDoesNotDeadlock();
    void theWalIsCheckpointedWhileAStageStreams();
    void blocksAreStoredCompressedAndReadBackExactly();
    void blocksOfOlderHistoriesStillRead();
    void aDamagedCompressedBlockIsAnErrorNotACrash();
    void compactCompressesOldBlocksAndKeepsThemReadable();
    void numberAndPairSearchesReadOnlyBlocksThatMayHoldThem();

private:
    // Runs `body` with a connection of its own to the history database.
    template<typename F> void withDb(F &&body)
    {
        const QString name = Internal::uniqueConnectionName(QStringLiteral("raw"));
        {
            auto db = Internal::openConnection(m_store->databasePath(), name);
            QVERIFY(db);
            body(*db);
            db->close();
        }
        QSqlDatabase::removeDatabase(name);
    }
    // Every line of a stage through LogReader's cursor (the CLI's `logs` and export path).
    QList<QByteArray> readAll(qint64 stageId)
    {
        QList<QByteArray> texts;
        auto reader = LogReader::open(m_store->databasePath());
        if (!reader)
            return texts;
        auto cursor = (*reader)->cursor(stageId, 1);
        if (!cursor)
            return texts;
        LogLineView line;
        while ((*cursor)->next(&line))
            texts.append(QByteArray(line.text.data(), line.text.size()));
        if ((*cursor)->error())
            texts.append("ERROR " + (*cursor)->error()->message.toUtf8());
        return texts;
    }
    std::pair<qint64, qint64> newStage(const QString &name = QStringLiteral("build"));

    QTemporaryDir *m_dir = nullptr;
    std::unique_ptr<HistoryStore> m_store;
};

void TestLogWriter::init()
{
    m_dir = new QTemporaryDir;
    auto store = HistoryStore::open(m_dir->path());
    DD_VERIFY_OK(store);
    m_store = std::move(*store);
}

void TestLogWriter::cleanup()
{
    m_store.reset();
    delete m_dir;
}

std::pair<qint64, qint64> TestLogWriter::newStage(const QString &name)
{
    RunRecord run;
    run.workspace = QStringLiteral("/w");
    run.pipeline = QStringLiteral("ci");
    const qint64 runId = m_store->createRun(run).value_or(0);
    StageRecord stage;
    stage.runId = runId;
    stage.name = name;
    return {runId, m_store->createStage(stage).value_or(0)};
}

void TestLogWriter::linesRoundtripExactly()
{
    const auto [runId, stageId] = newStage();
    QByteArray binary;
    for (int i = 0; i < 256; ++i)
        binary.append(char(i));
    const QList<LogLine> lines{
        {1'700'000'000'001, LogStream::Stdout, "plain"},
        {1'700'000'000'002, LogStream::Stderr, ""},
        {1'700'000'000'000, LogStream::System, "attempt 1 of 3"},
        {1'700'000'000'003, LogStream::Stdout, "\x1b[32mgreen\x1b[0m ünïcödé ✓"},
        {1'700'000'000'004, LogStream::Stdout, QByteArray(1024 * 1024, 'M')},
        {1'700'000'000'005, LogStream::Stderr, binary},
        {1'700'000'000'006, LogStream::Stdout, ""},
    };
    for (const LogLine &line : lines)
        m_store->logWriter()->append(runId, stageId, line);
    DD_VERIFY_OK(m_store->logWriter()->flush());
    QVERIFY(!m_store->logWriter()->lastError());

    auto stored = m_store->logLines(stageId, 1, 100);
    DD_VERIFY_OK(stored);
    QCOMPARE(stored->size(), lines.size());
    for (qsizetype i = 0; i < lines.size(); ++i) {
        QCOMPARE(stored->at(i).timestampMs, lines[i].timestampMs);
        QCOMPARE(int(stored->at(i).stream), int(lines[i].stream));
        QCOMPARE(stored->at(i).text, lines[i].text);
    }
}

void TestLogWriter::numberingIsContiguousAcrossFlushesAndReopens()
{
    const auto [runId, a] = newStage(QStringLiteral("a"));
    const qint64 b = newStage(QStringLiteral("b")).second;
    int written = 0;
    for (int round = 0; round < 40; ++round) {
        for (int i = 0; i < 7; ++i) {
            ++written;
            m_store->logWriter()->append(
                runId, a, LogLine{written, LogStream::Stdout, "a" + QByteArray::number(written)});
            m_store->logWriter()->append(
                runId, b, LogLine{written, LogStream::Stdout, "b" + QByteArray::number(written)});
        }
        DD_VERIFY_OK(m_store->logWriter()->flush());
    }
    // A new store (and writer) continues where the file ends.
    m_store.reset();
    auto reopened = HistoryStore::open(m_dir->path());
    DD_VERIFY_OK(reopened);
    m_store = std::move(*reopened);
    for (int i = 0; i < 5; ++i) {
        ++written;
        m_store->logWriter()->append(
            runId, a, LogLine{written, LogStream::Stdout, "a" + QByteArray::number(written)});
    }
    DD_VERIFY_OK(m_store->logWriter()->flush());

    QCOMPARE(*m_store->logLineCount(a), written);
    QCOMPARE(*m_store->logLineCount(b), written - 5);
    auto lines = m_store->logLines(a, 1, written);
    QCOMPARE(lines->size(), written);
    for (int i = 0; i < written; ++i)
        QCOMPARE(lines->at(i).text, "a" + QByteArray::number(i + 1));
    // A search reports the number the reader uses.
    auto match = m_store->searchLogs(QStringLiteral("a123"));
    QCOMPARE(match->size(), 1);
    QCOMPARE(match->at(0).lineNumber, 123);
}

void TestLogWriter::concurrentProducersKeepPerStageOrder()
{
    constexpr int kThreads = 4;
    constexpr int kLines = 20000;
    QList<std::pair<qint64, qint64>> stages;
    for (int t = 0; t < kThreads; ++t)
        stages.append(newStage(QStringLiteral("s%1").arg(t)));
    std::vector<std::thread> producers;
    for (int t = 0; t < kThreads; ++t) {
        producers.emplace_back([&, t] {
            for (int i = 1; i <= kLines; ++i)
                m_store->logWriter()->append(stages[t].first, stages[t].second,
                                             LogLine{i, LogStream::Stdout, QByteArray::number(i)});
        });
    }
    for (auto &p : producers)
        p.join();
    DD_VERIFY_OK(m_store->logWriter()->flush());
    for (const auto &[runId, stageId] : stages) {
        QCOMPARE(*m_store->logLineCount(stageId), kLines);
        auto lines = m_store->logLines(stageId, 1, kLines);
        for (int i = 0; i < kLines; i += 997)
            QCOMPARE(lines->at(i).text, QByteArray::number(i + 1));
        QCOMPARE(lines->last().text, QByteArray::number(kLines));
    }
}

// A stage's pipeline hands the lines of a read over together. With the writer stalled (a
// connection holds the write lock), four stages doing so fill the queue to kMaxQueuedLines
// in the middle of their batches: the appends wait there, and go on where they were once
// the writer moves again.
void TestLogWriter::batchesOfAReadKeepOrderPastTheQueueLimit()
{
    constexpr int kThreads = 4;
    constexpr int kBatch = 1000; // the queue's limit is not a multiple of it
    constexpr int kBatches = 40; // 160,000 lines: more than twice the limit
    static_assert(kThreads * kBatch * kBatches > 2 * LogWriter::kMaxQueuedLines);
    QList<std::pair<qint64, qint64>> stages;
    for (int t = 0; t < kThreads; ++t)
        stages.append(newStage(QStringLiteral("s%1").arg(t)));
    const QString name = Internal::uniqueConnectionName(QStringLiteral("blocker"));
    auto blocker = Internal::openConnection(m_store->databasePath(), name);
    DD_VERIFY_OK(blocker);
    QVERIFY(Internal::execSql(*blocker, {}, QStringLiteral("BEGIN IMMEDIATE")));

    std::atomic<int> appended{0}; // lines of the batches whose append returned
    std::vector<std::thread> producers;
    for (int t = 0; t < kThreads; ++t) {
        producers.emplace_back([&, t] {
            QByteArray text;
            std::vector<LogLineRef> lines;
            for (int b = 0; b < kBatches; ++b) {
                text.clear();
                lines.clear();
                for (int i = 1; i <= kBatch; ++i)
                    text += QByteArray::number(b * kBatch + i) + " of stage " +
                            QByteArray::number(t) + '\n';
                qsizetype at = 0;
                for (int i = 0; i < kBatch; ++i) {
                    const qsizetype end = text.indexOf('\n', at);
                    lines.push_back(LogLineRef{b * kBatch + i, LogStream::Stdout,
                                               QByteArrayView(text).sliced(at, end - at)});
                    at = end + 1;
                }
                m_store->logWriter()->append(stages[t].first, stages[t].second, lines);
                appended += kBatch;
            }
        });
    }
    // The producers are held inside their batches: at most the writer's stalled batch and a
    // full queue are taken (kMaxQueuedLines each), fewer than all lines.
    QTRY_VERIFY_WITH_TIMEOUT(appended.load() >= LogWriter::kMaxQueuedLines, 10000);
    QVERIFY2(appended.load() <= 2 * LogWriter::kMaxQueuedLines,
             QByteArray::number(appended.load()).constData());

    QVERIFY(Internal::execSql(*blocker, {}, QStringLiteral("ROLLBACK")));
    for (auto &p : producers)
        p.join();
    DD_VERIFY_OK(m_store->logWriter()->flush());
    for (int t = 0; t < kThreads; ++t) {
        const qint64 stageId = stages[t].second;
        QCOMPARE(*m_store->logLineCount(stageId), kBatch * kBatches);
        auto lines = m_store->logLines(stageId, 1, kBatch * kBatches);
        DD_VERIFY_OK(lines);
        for (int i = 0; i < kBatch * kBatches; ++i) {
            const QByteArray expected =
                QByteArray::number(i + 1) + " of stage " + QByteArray::number(t);
            if (lines->at(i).text != expected || lines->at(i).timestampMs != i)
                QFAIL(qPrintable(QStringLiteral("stage %1, line %2: %3")
                                     .arg(t)
                                     .arg(i + 1)
                                     .arg(QString::fromUtf8(lines->at(i).text))));
        }
    }
    blocker->close();
    *blocker = QSqlDatabase();
    QSqlDatabase::removeDatabase(name);
}

void TestLogWriter::linesReachOtherConnectionsWithoutFlush()
{
    const auto [runId, stageId] = newStage();
    auto reader = HistoryStore::open(m_dir->path());
    DD_VERIFY_OK(reader);
    for (int i = 0; i < 3; ++i)
        m_store->logWriter()->append(runId, stageId, LogLine{i, LogStream::Stdout, "tick"});
    // No flush(): the writer commits on its own within its 250 ms period.
    QTRY_COMPARE_WITH_TIMEOUT((*reader)->logLineCount(stageId).value_or(-1), 3, 5000);
    QCOMPARE((*reader)->logLines(stageId, 1, 3)->size(), 3);
}

void TestLogWriter::destructorFlushes()
{
    const auto [runId, stageId] = newStage();
    {
        LogWriter writer(m_store->databasePath());
        for (int i = 0; i < 10000; ++i)
            writer.append(runId, stageId, LogLine{i, LogStream::Stdout, "bye"});
    }
    QCOMPARE(*m_store->logLineCount(stageId), 10000);
}

void TestLogWriter::backpressureWithASlowWriterDoesNotDeadlock()
{
    const auto [runId, stageId] = newStage();
    // Another connection holds the write lock: the writer stalls in busy_timeout.
    const QString name = Internal::uniqueConnectionName(QStringLiteral("blocker"));
    auto blocker = Internal::openConnection(m_store->databasePath(), name);
    DD_VERIFY_OK(blocker);
    QVERIFY(Internal::execSql(*blocker, {}, QStringLiteral("BEGIN IMMEDIATE")));

    constexpr int kTotal = 3 * LogWriter::kMaxQueuedLines;
    std::atomic<int> appended{0};
    std::atomic<bool> done{false};
    std::thread producer([&] {
        for (int i = 1; i <= kTotal; ++i) {
            m_store->logWriter()->append(runId, stageId,
                                         LogLine{i, LogStream::Stdout, QByteArray::number(i)});
            appended.store(i, std::memory_order_relaxed);
        }
        done = true;
    });
    // The producer gets at most one batch in flight plus a full queue ahead of the writer.
    QTRY_VERIFY_WITH_TIMEOUT(appended.load() >= LogWriter::kMaxQueuedLines, 5000);
    QVERIFY(!done.load());
    QVERIFY2(appended.load() <= 2 * LogWriter::kMaxQueuedLines + 1,
             QByteArray::number(appended.load()).constData());

    QVERIFY(Internal::execSql(*blocker, {}, QStringLiteral("ROLLBACK")));
    QTRY_VERIFY_WITH_TIMEOUT(done.load(), 30000);
    producer.join();
    DD_VERIFY_OK(m_store->logWriter()->flush());
    QCOMPARE(*m_store->logLineCount(stageId), kTotal);
    QCOMPARE(m_store->logLines(stageId, kTotal, 1)->value(0).text, QByteArray::number(kTotal));
    blocker->close();
    *blocker = QSqlDatabase();
    QSqlDatabase::removeDatabase(name);
}

void TestLogWriter::theWalIsCheckpointedWhileAStageStreams()
{
    // The writer's commits no longer checkpoint (a thread of the writer's does): the WAL
    // must still be copied back and start over, not grow for as long as a stage streams.
    const auto [runId, stageId] = newStage();
    const auto pages = [this] {
        qint64 count = 0;
        withDb([&](QSqlDatabase &db) {
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("PRAGMA page_count")) && q.next());
            count = q.value(0).toLongLong();
        });
        return count;
    };
    const qint64 before = pages();
    QRandomGenerator random(7); // hex of random bytes: compresses to about half
    qint64 lines = 0;
    for (int flush = 0; flush < 16; ++flush) {
        for (int i = 0; i < 5000; ++i) {
            QByteArray bytes(100, Qt::Uninitialized);
            random.fillRange(reinterpret_cast<quint32 *>(bytes.data()), 25);
            m_store->logWriter()->append(runId, stageId,
                                         LogLine{++lines, LogStream::Stdout, bytes.toHex()});
        }
        DD_VERIFY_OK(m_store->logWriter()->flush());
        // A stage streams on while the checkpoint runs; waiting for it here makes the
        // WAL's high-water mark below exact.
        m_store->logWriter()->waitForCheckpoint();
    }
    m_store->logWriter()->append(runId, stageId, LogLine{++lines, LogStream::Stdout, "end"});
    DD_VERIFY_OK(m_store->logWriter()->flush());

    // Over 2,000 pages written, yet the WAL file (it never shrinks: its size is the most
    // frames it ever held) never held more than one checkpoint's worth (1,000 frames) and a
    // flush's more: each time, it started over. (Were the commits left to checkpoint
    // themselves past 4,000 frames only, it would reach those.)
    const qint64 grown = pages() - before;
    QVERIFY2(grown > 2000, QByteArray::number(grown) + " pages written");
    qint64 pageSize = 0;
    withDb([&](QSqlDatabase &db) {
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral("PRAGMA page_size")) && q.next());
        pageSize = q.value(0).toLongLong();
    });
    QVERIFY(pageSize > 0);
    const qint64 mostFrames =
        (QFileInfo(m_store->databasePath() + QStringLiteral("-wal")).size() - 32) /
        (pageSize + 24); // a 32-byte header, then frames of a 24-byte header and a page
    QVERIFY2(mostFrames > 0 && mostFrames < 1500,
             QByteArray::number(mostFrames) + " frames in the WAL at most");
    QCOMPARE(*m_store->logLineCount(stageId), lines);
    QCOMPARE(m_store->logLines(stageId, lines, 1)->value(0).text, QByteArray("end"));
}

void TestLogWriter::blocksAreStoredCompressedAndReadBackExactly()
{
    const auto [runId, stageId] = newStage();
    QList<QByteArray> written;
    qint64 rawBytes = 0;
    for (int i = 1; i <= 20'000; ++i) {
        QByteArray text = "log line number " + QByteArray::number(i) + " of the docs build";
        if (i % 1000 == 0)
            text =
                "\x1b[31mERROR\x1b[0m webpack compiled with " + QByteArray::number(i) + " errors";
        rawBytes += text.size();
        written.append(text);
        m_store->logWriter()->append(runId, stageId,
                                     LogLine{1'700'000'000'000 + i, LogStream::Stdout, text});
    }
    DD_VERIFY_OK(m_store->logWriter()->flush());

    // Stored as zstd frames, and much smaller than the text.
    qint64 storedBytes = 0;
    int compressed = 0;
    int blocks = 0;
    withDb([&](QSqlDatabase &db) {
        QSqlQuery q(db);
        QVERIFY(
            q.exec(QStringLiteral("SELECT data FROM log_blocks WHERE stage_id = %1").arg(stageId)));
        while (q.next()) {
            const QByteArray data = q.value(0).toByteArray();
            storedBytes += data.size();
            // A block is compressed unless it is too small to gain: below
            // kMinCompressedBlock, or a few lines that zstd's frame does not shrink (the
            // writer cuts a block when its time is up, so a slow machine makes some).
            const bool isCompressed = quint8(data.at(0)) == Internal::kCompressedFormatVersion;
            QVERIFY2(
                isCompressed || data.size() < 4 * Internal::kMinCompressedBlock,
                qPrintable(
                    QStringLiteral("a block of %1 bytes stored uncompressed").arg(data.size())));
            compressed += isCompressed;
            ++blocks;
        }
    });
    QVERIFY(blocks > 1);
    QVERIFY(compressed > 0);
    QVERIFY2(storedBytes * 5 < rawBytes,
             qPrintable(QStringLiteral("%1 bytes stored for %2").arg(storedBytes).arg(rawBytes)));

    // Byte for byte the same through every reader: pages, the cursor, search.
    auto lines = m_store->logLines(stageId, 1, 30'000);
    DD_VERIFY_OK(lines);
    QCOMPARE(lines->size(), written.size());
    for (qsizetype i = 0; i < written.size(); ++i)
        QCOMPARE(lines->at(i).text, written[i]);
    QCOMPARE(readAll(stageId), written);
    auto found = m_store->searchLogs(QStringLiteral("number 12345 of"), runId);
    DD_VERIFY_OK(found);
    QCOMPARE(found->size(), 1);
    QCOMPARE(found->at(0).lineNumber, 12345);
}

void TestLogWriter::blocksOfOlderHistoriesStillRead()
{
    // A block as DeployDesk wrote it before compression (format 1) next to new ones.
    const auto [runId, stageId] = newStage();
    QList<LogLine> old;
    for (int i = 1; i <= 200; ++i)
        old.append(LogLine{1000 + i, LogStream::Stderr, "old line " + QByteArray::number(i)});
    const QByteArray plain = Internal::encodeLogBlock(old);
    QCOMPARE(quint8(plain.at(0)), quint8(1));
    withDb([&, runId = runId, stageId = stageId](QSqlDatabase &db) {
        QSqlQuery q(db);
        q.prepare(QStringLiteral("INSERT INTO log_blocks (run_id, stage_id, first_line, "
                                 "line_count, data) VALUES (?, ?, 1, ?, ?)"));
        q.addBindValue(runId);
        q.addBindValue(stageId);
        q.addBindValue(old.size());
        q.addBindValue(plain);
        QVERIFY(q.exec());
    });
    for (int i = 201; i <= 400; ++i)
        m_store->logWriter()->append(
            runId, stageId,
            LogLine{1000 + i, LogStream::Stdout, "new line " + QByteArray::number(i)});
    DD_VERIFY_OK(m_store->logWriter()->flush());
    const QList<QByteArray> all = readAll(stageId);
    QCOMPARE(all.size(), 400);
    QCOMPARE(all.at(0), QByteArray("old line 1"));
    QCOMPARE(all.at(199), QByteArray("old line 200"));
    QCOMPARE(all.at(200), QByteArray("new line 201"));
    auto page = m_store->logLines(stageId, 150, 100);
    DD_VERIFY_OK(page);
    QCOMPARE(page->at(0).text, QByteArray("old line 150"));
    QCOMPARE(page->at(99).text, QByteArray("new line 249"));
}

void TestLogWriter::aDamagedCompressedBlockIsAnErrorNotACrash()
{
    const auto [runId, stageId] = newStage();
    for (int i = 1; i <= 300; ++i)
        m_store->logWriter()->append(
            runId, stageId,
            LogLine{i, LogStream::Stdout, "a line worth compressing " + QByteArray::number(i)});
    DD_VERIFY_OK(m_store->logWriter()->flush());
    withDb([&, stageId = stageId](QSqlDatabase &db) {
        QSqlQuery q(db);
        // Bytes in the middle of the zstd frame flipped.
        QVERIFY(q.exec(QStringLiteral("UPDATE log_blocks SET data = substr(data, 1, 12) || "
                                      "randomblob(40) || substr(data, 53) WHERE stage_id = %1")
                           .arg(stageId)));
    });
    auto lines = m_store->logLines(stageId, 1, 400);
    QVERIFY(!lines);
    QVERIFY2(lines.error().message.contains(QStringLiteral("stage %1").arg(stageId)) ||
                 lines.error().message.contains(QStringLiteral("damaged")),
             qPrintable(lines.error().message));
    const QList<QByteArray> read = readAll(stageId);
    QVERIFY(!read.isEmpty() && read.last().startsWith("ERROR "));
}

void TestLogWriter::compactCompressesOldBlocksAndKeepsThemReadable()
{
    // A history written before compression: its blocks are format 1.
    const auto [runId, stageId] = newStage();
    QList<QByteArray> written;
    for (int i = 1; i <= 3000; ++i) {
        written.append("pytest tests/test_search.py::test_case_" + QByteArray::number(i) +
                       " PASSED");
        m_store->logWriter()->append(runId, stageId, LogLine{i, LogStream::Stdout, written.last()});
    }
    DD_VERIFY_OK(m_store->logWriter()->flush());
    // Made plain again, the way a DeployDesk before compression stored them.
    withDb([&, stageId = stageId](QSqlDatabase &db) {
        QSqlQuery q(db);
        QVERIFY(q.exec(
            QStringLiteral("SELECT id, data FROM log_blocks WHERE stage_id = %1").arg(stageId)));
        QList<QPair<qint64, QByteArray>> blocks;
        while (q.next())
            blocks.append({q.value(0).toLongLong(), q.value(1).toByteArray()});
        for (const auto &[id, data] : blocks) {
            auto plain = Internal::uncompressLogBlock(data);
            QVERIFY(plain);
            QSqlQuery u(db);
            u.prepare(QStringLiteral("UPDATE log_blocks SET data = ? WHERE id = ?"));
            u.addBindValue(QByteArray(plain->constData(), plain->size()));
            u.addBindValue(id);
            QVERIFY(u.exec());
        }
    });
    auto count = [&](const char *where) {
        qint64 n = 0;
        withDb([&](QSqlDatabase &db) {
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM log_blocks WHERE %1")
                               .arg(QLatin1String(where))));
            QVERIFY(q.next());
            n = q.value(0).toLongLong();
        });
        return n;
    };
    QVERIFY(count("substr(data, 1, 1) = x'01'") > 1);

    qint64 reported = 0;
    auto done = compactLogs(m_store->databasePath(), [&](qint64 n) { reported = n; });
    DD_VERIFY_OK(done);
    QVERIFY(done->blocks > 1);
    QCOMPARE(reported, done->blocks);
    QVERIFY(done->bytesAfter * 3 < done->bytesBefore);
    QCOMPARE(count("substr(data, 1, 1) = x'01'"), 0);

    QCOMPARE(readAll(stageId), written);
    auto found = m_store->searchLogs(QStringLiteral("test_case_2999 "), runId);
    DD_VERIFY_OK(found);
    QCOMPARE(found->size(), 1);
    QCOMPARE(found->at(0).lineNumber, 2999);

    auto again = compactLogs(m_store->databasePath());
    DD_VERIFY_OK(again);
    QCOMPARE(again->blocks, 0); // nothing left to do
}

QTEST_GUILESS_MAIN(TestLogWriter)
#include "tst_logwriter.moc"

// A search for a number or two characters asks the blocks' grams (schema step 8) instead
// of reading every block: a damaged block that cannot hold the text is not read, so its
// damage does not fail the search (a search that reads it does).
void TestLogWriter::numberAndPairSearchesReadOnlyBlocksThatMayHoldThem()
{
    const auto [runId, holder] = newStage(QStringLiteral("deploy"));
    const auto [otherRun, other] = newStage(QStringLiteral("test"));
    m_store->logWriter()->append(runId, holder,
                                 LogLine{1, LogStream::Stdout, "release 20261130 zq done"});
    // One full block: a block of fewer than kMinGramLines lines stores no grams and is
    // read by every such search.
    for (int i = 1; i <= Internal::LogBlockEncoder::kMaxLines; ++i)
        m_store->logWriter()->append(otherRun, other,
                                     LogLine{i, LogStream::Stdout, "other 11111 log line"});
    DD_VERIFY_OK(m_store->logWriter()->flush());
    withDb([&, other = other](QSqlDatabase &db) {
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral("UPDATE log_blocks SET data = x'01ffffffffffffffffffffff' "
                                      "WHERE stage_id = %1")
                           .arg(other)));
        QVERIFY(q.numRowsAffected() > 0);
    });
    // Inside a long number (which the trigram index holds only the start of), a number that
    // is all of one, two letters, two digits, and two letters beside a number.
    for (const char *text : {"6113", "0261130", "113", "20261130", "zq", "ZQ", "30", "0 zq"}) {
        auto found = m_store->searchLogs(QString::fromLatin1(text));
        DD_VERIFY_OK(found);
        QCOMPARE(found->size(), 1);
        QCOMPARE(found->at(0).stageId, holder);
    }
    for (const char *absent : {"9999", "qz", "111111 zq", "11111 log"}) {
        auto found = m_store->searchLogs(QString::fromLatin1(absent));
        if (QByteArray(absent).startsWith("11111 ")) {
            QVERIFY(!found); // the damaged block may hold it: read, and its damage reported
            continue;
        }
        DD_VERIFY_OK(found);
        QVERIFY(found->isEmpty());
    }
    auto any = m_store->searchLogs(QStringLiteral("e"));
    QVERIFY2(!any, "one letter reads every block, the damaged one too");
    QVERIFY2(any.error().message.contains(QStringLiteral("damaged")),
             qPrintable(any.error().message));
}
