#include "store/historystore.h"
#include "store/logwriter.h"
#include "store/sqlutil.h"

#include "storetestutil.h"

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
    void linesReachOtherConnectionsWithoutFlush();
    void destructorFlushes();
    void backpressureWithASlowWriterDoesNotDeadlock();

private:
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

QTEST_GUILESS_MAIN(TestLogWriter)
#include "tst_logwriter.moc"
