#include "store/eventtext.h"
#include "store/historystore.h"
#include "store/logwriter.h"

#include "storetestutil.h"

#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

using namespace DeployDesk;

Q_DECLARE_METATYPE(DeployDesk::RunFilter)

namespace {

const QDateTime kT0 = QDateTime::fromMSecsSinceEpoch(1'700'000'000'000, Qt::UTC);

RunRecord makeRun(const QString &env, RunStatus status, const QString &branch, const QString &who,
                  const QString &workspace, int minutes)
{
    RunRecord r;
    r.workspace = workspace;
    r.pipeline = QStringLiteral("ci");
    r.environment = env;
    r.status = status;
    r.branch = branch;
    r.triggeredBy = who;
    r.startedAt = kT0.addSecs(minutes * 60);
    return r;
}

StageRecord makeStage(qint64 runId, const QString &name, int position,
                      StageStatus status = StageStatus::Pending)
{
    StageRecord s;
    s.runId = runId;
    s.name = name;
    s.position = position;
    s.status = status;
    return s;
}

QList<qint64> ids(const QList<RunRecord> &runs)
{
    QList<qint64> result;
    for (const RunRecord &r : runs)
        result.append(r.id);
    return result;
}

} // namespace

class TestHistoryStore final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void runRoundtrip();
    void stagesEventsArtifacts();
    void missingRowsAreNotFound();
    void filters_data();
    void filters();
    void unknownStatusIsRejected();
    void keysetPagingHasNoGapsOrDuplicates();
    void recoverInterruptedMarksOnlyDeadRunners();
    void logLinesPageAcrossBlocks();
    void searchIsCaseInsensitiveExactAndIgnoresAnsi();
    void grepFilterFindsRunsWithMatchingLogs();
    void searchFindsWhatAReaderCallsASubstring_data();
    void searchFindsWhatAReaderCallsASubstring();
    void searchFindsEverySubstringOfItsLines();
    void allowedFailuresAndDirtyTreesAreKept();

private:
    void seedFilterRuns();

    QTemporaryDir *m_dir = nullptr;
    std::unique_ptr<HistoryStore> m_store;
    QList<qint64> m_seeded; // ids of seedFilterRuns(), in creation order
};

void TestHistoryStore::init()
{
    m_dir = new QTemporaryDir;
    auto store = HistoryStore::open(m_dir->path());
    DD_VERIFY_OK(store);
    m_store = std::move(*store);
}

void TestHistoryStore::cleanup()
{
    m_store.reset();
    delete m_dir;
    m_dir = nullptr;
    m_seeded.clear();
}

void TestHistoryStore::runRoundtrip()
{
    RunRecord run = makeRun(QStringLiteral("staging"), RunStatus::Running, QStringLiteral("main"),
                            QStringLiteral("ana"), QStringLiteral("/home/ana/site"), 0);
    run.message = QStringLiteral("hotfix for the \"checkout\" page — ünïcode");
    run.commit = QStringLiteral("0123456789abcdef0123456789abcdef01234567");
    run.runnerPid = 4321;
    run.runnerStartTicks = 987654;
    run.selectedStages = {QStringLiteral("build"), QStringLiteral("deploy site")};
    auto first = m_store->createRun(run);
    DD_VERIFY_OK(first);
    run.rerunOf = *first;
    auto id = m_store->createRun(run);
    DD_VERIFY_OK(id);
    QVERIFY(*id > *first);

    auto stored = m_store->run(*id);
    DD_VERIFY_OK(stored);
    QCOMPARE(stored->id, *id);
    QCOMPARE(stored->workspace, run.workspace);
    QCOMPARE(stored->pipeline, run.pipeline);
    QCOMPARE(stored->environment, run.environment);
    DD_COMPARE_STATUS(stored->status, RunStatus::Running);
    QCOMPARE(stored->triggeredBy, run.triggeredBy);
    QCOMPARE(stored->message, run.message);
    QCOMPARE(stored->commit, run.commit);
    QCOMPARE(stored->branch, run.branch);
    QCOMPARE(stored->startedAt, run.startedAt);
    QVERIFY(!stored->finishedAt.isValid());
    QCOMPARE(stored->rerunOf, *first);
    QCOMPARE(stored->runnerPid, 4321);
    QCOMPARE(stored->runnerStartTicks, 987654);
    QCOMPARE(stored->selectedStages, run.selectedStages);
    QCOMPARE(stored->durationMs(), -1);

    const QDateTime end = run.startedAt.addMSecs(90'500);
    DD_VERIFY_OK(m_store->finishRun(*id, RunStatus::Success, end));
    stored = m_store->run(*id);
    DD_COMPARE_STATUS(stored->status, RunStatus::Success);
    QCOMPARE(stored->finishedAt, end);
    QCOMPARE(stored->durationMs(), 90'500);
}

void TestHistoryStore::stagesEventsArtifacts()
{
    const qint64 runId = *m_store->createRun(makeRun({}, RunStatus::Running, {}, {}, "/w", 0));
    // Created out of order: read back in pipeline order.
    auto deploy = m_store->createStage(makeStage(runId, QStringLiteral("deploy"), 2));
    auto build = m_store->createStage(makeStage(runId, QStringLiteral("build"), 0));
    auto test = m_store->createStage(makeStage(runId, QStringLiteral("test"), 1));
    DD_VERIFY_OK(deploy);
    DD_VERIFY_OK(build);
    DD_VERIFY_OK(test);

    StageRecord failed = makeStage(runId, QStringLiteral("test"), 1, StageStatus::Failed);
    failed.id = *test;
    failed.attempts = 3;
    failed.exitCode = 2;
    failed.signal = 15;
    failed.reason = QStringLiteral("3 tests failed");
    failed.reusedFrom = 99;
    failed.startedAt = kT0;
    failed.finishedAt = kT0.addSecs(12);
    DD_VERIFY_OK(m_store->updateStage(failed));

    auto stages = m_store->stages(runId);
    DD_VERIFY_OK(stages);
    QCOMPARE(stages->size(), 3);
    QCOMPARE(stages->at(0).name, QStringLiteral("build"));
    QCOMPARE(stages->at(2).name, QStringLiteral("deploy"));
    const StageRecord &t = stages->at(1);
    QCOMPARE(t.id, *test);
    DD_COMPARE_STATUS(t.status, StageStatus::Failed);
    QCOMPARE(t.attempts, 3);
    QCOMPARE(t.exitCode, 2);
    QCOMPARE(t.signal, 15);
    QCOMPARE(t.reason, failed.reason);
    QCOMPARE(t.reusedFrom, 99);
    QCOMPARE(t.durationMs(), 12'000);
    QCOMPARE(stages->at(0).exitCode, -1);

    for (const EventKind kind : {EventKind::Started, EventKind::Retry, EventKind::Finished}) {
        EventRecord e;
        e.runId = runId;
        e.stage = QStringLiteral("test");
        e.at = kT0;
        e.kind = kind;
        e.params = {{QStringLiteral("attempt"), QStringLiteral("2")},
                    {QStringLiteral("stage"), QStringLiteral("test")}};
        e.who = QStringLiteral("ana");
        DD_VERIFY_OK(m_store->addEvent(e));
    }
    auto events = m_store->events(runId);
    DD_VERIFY_OK(events);
    QCOMPARE(events->size(), 3);
    QCOMPARE(toString(events->at(1).kind), toString(EventKind::Retry));
    QCOMPARE(eventText(events->at(1)), QStringLiteral("attempt 2 of stage test"));
    QCOMPARE(events->at(1).stage, QStringLiteral("test"));
    QCOMPARE(events->at(1).who, QStringLiteral("ana"));
    QCOMPARE(events->at(1).at, kT0);

    ArtifactRecord a{0,
                     runId,
                     QStringLiteral("build"),
                     QStringLiteral("dist/site.tar.gz"),
                     123456,
                     QStringLiteral("ab").repeated(32),
                     QStringLiteral("/data/a/1")};
    auto artifactId = m_store->addArtifact(a);
    DD_VERIFY_OK(artifactId);
    auto artifacts = m_store->artifacts(runId);
    QCOMPARE(artifacts->size(), 1);
    a.id = *artifactId;
    const ArtifactRecord &b = artifacts->at(0);
    QCOMPARE(b.id, a.id);
    QCOMPARE(b.path, a.path);
    QCOMPARE(b.size, a.size);
    QCOMPARE(b.sha256, a.sha256);
    QCOMPARE(b.storedPath, a.storedPath);
    QCOMPARE(b.stage, a.stage);
}

void TestHistoryStore::missingRowsAreNotFound()
{
    auto run = m_store->run(404);
    QVERIFY(!run);
    QCOMPARE(run.error().code, ErrorCode::NotFound);
    QVERIFY(run.error().message.contains(m_store->databasePath()));
    auto finished = m_store->finishRun(404, RunStatus::Failed, kT0);
    QVERIFY(!finished);
    QCOMPARE(finished.error().code, ErrorCode::NotFound);
    StageRecord s = makeStage(1, QStringLiteral("x"), 0);
    s.id = 404;
    QCOMPARE(m_store->updateStage(s).error().code, ErrorCode::NotFound);
    // A stage of a run that does not exist is refused (foreign key).
    auto orphan = m_store->createStage(makeStage(404, QStringLiteral("x"), 0));
    QVERIFY(!orphan);
    QVERIFY2(orphan.error().message.contains(QStringLiteral("FOREIGN KEY")),
             qPrintable(orphan.error().message));
}

void TestHistoryStore::seedFilterRuns()
{
    // index: env, status, branch, who, workspace, minutes after kT0
    const QList<RunRecord> runs{
        makeRun("production", RunStatus::Failed, "main", "ana", "/a", 0),     // 0
        makeRun("production", RunStatus::Success, "main", "bob", "/a", 10),   // 1
        makeRun("staging", RunStatus::Failed, "feature/x", "ana", "/b", 20),  // 2
        makeRun("", RunStatus::Success, "main", "ana", "/a", 30),             // 3
        makeRun("production", RunStatus::Failed, "release", "bob", "/b", 40), // 4
        makeRun("staging", RunStatus::Cancelled, "main", "carl", "/a", 50),   // 5
        makeRun("production", RunStatus::Failed, "main", "ana", "/a", 60),    // 6
    };
    for (const RunRecord &r : runs) {
        auto id = m_store->createRun(r);
        QVERIFY(id);
        m_seeded.append(*id);
    }
}

void TestHistoryStore::filters_data()
{
    QTest::addColumn<RunFilter>("filter");
    QTest::addColumn<QList<int>>("expected"); // indexes into the seeded runs, newest first
    RunFilter f;
    QTest::newRow("no filter") << f << QList<int>{6, 5, 4, 3, 2, 1, 0};
    f = {};
    f.environment = "production";
    QTest::newRow("environment") << f << QList<int>{6, 4, 1, 0};
    f.status = "failed";
    QTest::newRow("environment + status") << f << QList<int>{6, 4, 0};
    f = {};
    f.status = "cancelled";
    QTest::newRow("status") << f << QList<int>{5};
    f = {};
    f.branch = "feature/x";
    QTest::newRow("branch") << f << QList<int>{2};
    f = {};
    f.who = "bob";
    QTest::newRow("who") << f << QList<int>{4, 1};
    f = {};
    f.workspace = "/b";
    QTest::newRow("workspace") << f << QList<int>{4, 2};
    f = {};
    f.since = kT0.addSecs(40 * 60);
    QTest::newRow("since (inclusive)") << f << QList<int>{6, 5, 4};
    f = {};
    f.until = kT0.addSecs(20 * 60);
    QTest::newRow("until (exclusive)") << f << QList<int>{1, 0};
    f.since = kT0.addSecs(10 * 60);
    QTest::newRow("since + until") << f << QList<int>{1};
    f = {};
    f.limit = 2;
    QTest::newRow("limit") << f << QList<int>{6, 5};
    f = {};
    f.environment = "production";
    f.who = "ana";
    f.branch = "main";
    f.workspace = "/a";
    f.status = "failed";
    QTest::newRow("everything at once") << f << QList<int>{6, 0};
    f = {};
    f.environment = "nowhere";
    QTest::newRow("nothing matches") << f << QList<int>{};
    f = {};
    f.branch = "feat";
    QTest::newRow("branch: the whole name by default") << f << QList<int>{};
    f.branch = "FEAT";
    f.partialNames = true;
    QTest::newRow("branch: part of the name, any case") << f << QList<int>{2};
    f = {};
    f.who = "A";
    f.partialNames = true;
    QTest::newRow("who: part of the name") << f << QList<int>{6, 5, 3, 2, 0};
    f.who = "%";
    QTest::newRow("who: % is a plain character") << f << QList<int>{};
    f = {};
    f.branch = "feature_x";
    f.partialNames = true;
    QTest::newRow("branch: _ is a plain character") << f << QList<int>{};
    f.branch = "e/";
    f.status = "failed";
    QTest::newRow("branch part + status") << f << QList<int>{2};
    f = {};
    f.withoutEnvironment = true;
    QTest::newRow("without environment (checks only)") << f << QList<int>{3};
    f.workspace = "/b";
    QTest::newRow("without environment, another workspace") << f << QList<int>{};
}

void TestHistoryStore::filters()
{
    QFETCH(RunFilter, filter);
    QFETCH(QList<int>, expected);
    seedFilterRuns();
    QList<qint64> expectedIds;
    for (int i : expected)
        expectedIds.append(m_seeded.at(i));
    auto runs = m_store->runs(filter);
    DD_VERIFY_OK(runs);
    QCOMPARE(ids(*runs), expectedIds);
    // countRuns counts the same runs (paging and limit aside).
    if (filter.limit == RunFilter().limit) {
        auto counted = m_store->countRuns(filter);
        DD_VERIFY_OK(counted);
        QCOMPARE(counted->runs, qint64(expectedIds.size()));
        QVERIFY(!counted->capped);
    }

    // beforeId applies on top of every other field.
    if (expectedIds.size() >= 2 && filter.limit == RunFilter().limit) {
        filter.beforeId = expectedIds.first();
        expectedIds.removeFirst();
        QCOMPARE(ids(*m_store->runs(filter)), expectedIds);
    }
}

void TestHistoryStore::unknownStatusIsRejected()
{
    RunFilter f;
    f.status = QStringLiteral("exploded");
    auto runs = m_store->runs(f);
    QVERIFY(!runs);
    QCOMPARE(runs.error().code, ErrorCode::Invalid);
    QVERIFY(runs.error().message.contains(QStringLiteral("\"exploded\"")));
    QVERIFY(runs.error().message.contains(QStringLiteral("interrupted")));
}

void TestHistoryStore::keysetPagingHasNoGapsOrDuplicates()
{
    QList<qint64> all;
    QList<qint64> failedOnly;
    for (int i = 0; i < 237; ++i) {
        const RunStatus status = i % 3 == 0 ? RunStatus::Failed : RunStatus::Success;
        const qint64 id =
            *m_store->createRun(makeRun("production", status, "main", "ana", "/a", i));
        all.prepend(id);
        if (status == RunStatus::Failed)
            failedOnly.prepend(id);
    }
    for (const QString &status : {QString(), QStringLiteral("failed")}) {
        RunFilter f;
        f.status = status;
        f.limit = 50;
        QList<qint64> seen;
        for (int page = 0; page < 100; ++page) {
            auto runs = m_store->runs(f);
            DD_VERIFY_OK(runs);
            if (runs->isEmpty())
                break;
            QVERIFY(runs->size() <= 50);
            seen += ids(*runs);
            f.beforeId = runs->last().id;
        }
        QCOMPARE(seen, status.isEmpty() ? all : failedOnly);
    }
}

void TestHistoryStore::recoverInterruptedMarksOnlyDeadRunners()
{
    RunRecord alive = makeRun({}, RunStatus::Running, {}, {}, "/a", 0);
    alive.runnerPid = 100;
    alive.runnerStartTicks = 5;
    RunRecord dead = alive;
    dead.runnerPid = 1234;
    RunRecord reusedPid = alive; // same pid, different start time: another process now
    reusedPid.runnerStartTicks = 6;
    RunRecord done = dead;
    done.status = RunStatus::Success;
    const qint64 aliveId = *m_store->createRun(alive);
    const qint64 deadId = *m_store->createRun(dead);
    const qint64 reusedId = *m_store->createRun(reusedPid);
    const qint64 doneId = *m_store->createRun(done);

    const qint64 built = *m_store->createStage(makeStage(deadId, "build", 0, StageStatus::Success));
    const qint64 running =
        *m_store->createStage(makeStage(deadId, "test", 1, StageStatus::Running));
    (void)*m_store->createStage(makeStage(deadId, "deploy", 2, StageStatus::Pending));
    const qint64 aliveStage =
        *m_store->createStage(makeStage(aliveId, "test", 0, StageStatus::Running));
    for (int i = 0; i < 10; ++i)
        m_store->logWriter()->append(deadId, running, LogLine{i, LogStream::Stdout, "still here"});
    DD_VERIFY_OK(m_store->logWriter()->flush());

    QList<std::pair<qint64, qint64>> asked;
    auto isAlive = [&](qint64 pid, qint64 ticks) {
        asked.append({pid, ticks});
        return pid == 100 && ticks == 5;
    };
    auto marked = m_store->recoverInterrupted(isAlive);
    DD_VERIFY_OK(marked);
    QCOMPARE(QSet<qint64>(marked->begin(), marked->end()), (QSet<qint64>{deadId, reusedId}));
    QCOMPARE(asked.size(), 3); // finished runs are not even looked at

    DD_COMPARE_STATUS(m_store->run(aliveId)->status, RunStatus::Running);
    DD_COMPARE_STATUS(m_store->run(doneId)->status, RunStatus::Success);
    auto run = m_store->run(deadId);
    DD_COMPARE_STATUS(run->status, RunStatus::Interrupted);
    QVERIFY(run->finishedAt.isValid());
    auto stages = m_store->stages(deadId);
    DD_COMPARE_STATUS(stages->at(0).status, StageStatus::Success);
    QCOMPARE(stages->at(0).id, built);
    DD_COMPARE_STATUS(stages->at(1).status, StageStatus::Interrupted);
    QVERIFY(stages->at(1).finishedAt.isValid());
    DD_COMPARE_STATUS(stages->at(2).status, StageStatus::Interrupted);
    DD_COMPARE_STATUS(m_store->stages(aliveId)->at(0).status, StageStatus::Running);
    QCOMPARE(m_store->stages(aliveId)->at(0).id, aliveStage);

    auto events = m_store->events(deadId);
    QCOMPARE(events->size(), 1);
    QCOMPARE(toString(events->at(0).kind), toString(EventKind::Interrupted));
    QVERIFY2(eventText(events->at(0)).contains(QStringLiteral("(pid 1234) is gone")),
             qPrintable(eventText(events->at(0))));
    // Its lines are kept, and a marker says the log may end early there.
    QCOMPARE(*m_store->logLineCount(running), 11);
    QCOMPARE(m_store->logLines(running, 10, 1)->value(0).text, QByteArray("still here"));
    const LogLine marker = m_store->logLines(running, 11, 1)->value(0);
    QCOMPARE(marker.stream, LogStream::System);
    QVERIFY2(marker.text.startsWith("[deploydesk] the log may end early here"),
             marker.text.constData());

    // Idempotent: nothing left to recover.
    QCOMPARE(m_store->recoverInterrupted(isAlive)->size(), 0);
    QCOMPARE(m_store->events(deadId)->size(), 1);
}

void TestHistoryStore::logLinesPageAcrossBlocks()
{
    const qint64 runId = *m_store->createRun(makeRun({}, RunStatus::Running, {}, {}, "/a", 0));
    const qint64 stageId = *m_store->createStage(makeStage(runId, "build", 0));
    const int total = 1000; // several full blocks of 256 plus a partial one
    for (int i = 1; i <= total; ++i)
        m_store->logWriter()->append(runId, stageId,
                                     LogLine{i, LogStream::Stdout, QByteArray::number(i)});
    DD_VERIFY_OK(m_store->logWriter()->flush());
    QCOMPARE(*m_store->logLineCount(stageId), total);
    for (const auto &[first, count] :
         QList<std::pair<int, int>>{{1, 10}, {250, 20}, {256, 2}, {990, 50}, {1000, 1}}) {
        auto lines = m_store->logLines(stageId, first, count);
        DD_VERIFY_OK(lines);
        QCOMPARE(lines->size(), std::min(count, total - first + 1));
        for (int i = 0; i < lines->size(); ++i) {
            QCOMPARE(lines->at(i).text, QByteArray::number(first + i));
            QCOMPARE(lines->at(i).timestampMs, first + i);
        }
    }
    QVERIFY(m_store->logLines(stageId, total + 1, 10)->isEmpty());
    QVERIFY(m_store->logLines(stageId + 1, 1, 10)->isEmpty());
    QCOMPARE(*m_store->logLineCount(stageId + 1), 0);
}

void TestHistoryStore::searchIsCaseInsensitiveExactAndIgnoresAnsi()
{
    LogWriter *w = m_store->logWriter();
    const qint64 oldRun = *m_store->createRun(makeRun({}, RunStatus::Failed, {}, {}, "/a", 0));
    const qint64 oldBuild = *m_store->createStage(makeStage(oldRun, "build", 0));
    const qint64 newRun = *m_store->createRun(makeRun({}, RunStatus::Failed, {}, {}, "/a", 5));
    const qint64 newTest = *m_store->createStage(makeStage(newRun, "test", 1));
    const qint64 newBuild = *m_store->createStage(makeStage(newRun, "build", 0));

    for (int i = 0; i < 300; ++i) // pushes the match into the second block
        w->append(oldRun, oldBuild, LogLine{i, LogStream::Stdout, "compiling module"});
    w->append(oldRun, oldBuild,
              LogLine{1, LogStream::Stderr, "\x1b[1;31mERR\x1b[0mOR: Connection refused"});
    w->append(newRun, newTest, LogLine{2, LogStream::Stdout, "ok"});
    w->append(newRun, newTest, LogLine{3, LogStream::Stdout, "error: connection REFUSED by db"});
    w->append(newRun, newBuild, LogLine{4, LogStream::Stdout, "connection refused twice"});
    // Same words, not the same text: FTS candidates that the exact filter must drop.
    w->append(newRun, newBuild, LogLine{5, LogStream::Stdout, "refused connection"});
    w->append(newRun, newBuild, LogLine{6, LogStream::Stdout, "connection\nrefused"});
    DD_VERIFY_OK(w->flush());

    auto matches = m_store->searchLogs(QStringLiteral("connection refused"));
    DD_VERIFY_OK(matches);
    QCOMPARE(matches->size(), 3);
    // Newest run first, its stages in pipeline order.
    QCOMPARE(matches->at(0).runId, newRun);
    QCOMPARE(matches->at(0).stage, QStringLiteral("build"));
    QCOMPARE(matches->at(0).stageId, newBuild);
    QCOMPARE(matches->at(0).lineNumber, 1);
    QCOMPARE(matches->at(1).stage, QStringLiteral("test"));
    QCOMPARE(matches->at(1).lineNumber, 2);
    QCOMPARE(matches->at(1).text, QByteArray("error: connection REFUSED by db"));
    QCOMPARE(matches->at(2).runId, oldRun);
    QCOMPARE(matches->at(2).lineNumber, 301);
    QCOMPARE(matches->at(2).text, QByteArray("\x1b[1;31mERR\x1b[0mOR: Connection refused"));

    // ANSI inside a word does not hide it.
    auto error = m_store->searchLogs(QStringLiteral("error:"));
    QCOMPARE(error->size(), 2);
    QCOMPARE(error->last().runId, oldRun);

    QCOMPARE(m_store->searchLogs(QStringLiteral("connection refused"), oldRun)->size(), 1);
    QCOMPARE(m_store->searchLogs(QStringLiteral("connection refused"), 0, 2)->size(), 2);
    QCOMPARE(m_store->searchLogs(QStringLiteral("nothing like this"))->size(), 0);
    // Only punctuation: no index to use, still exact.
    QCOMPARE(m_store->searchLogs(QStringLiteral(":"))->size(), 2);
    auto empty = m_store->searchLogs(QStringLiteral("  "));
    QVERIFY(!empty);
    QCOMPARE(empty.error().code, ErrorCode::Invalid);
}

void TestHistoryStore::grepFilterFindsRunsWithMatchingLogs()
{
    QList<qint64> runs;
    for (int i = 0; i < 6; ++i) {
        const RunStatus status = i % 2 ? RunStatus::Failed : RunStatus::Success;
        const qint64 runId = *m_store->createRun(makeRun("production", status, {}, {}, "/a", i));
        const qint64 stageId = *m_store->createStage(makeStage(runId, "deploy", 0));
        runs.append(runId);
        m_store->logWriter()->append(runId, stageId, LogLine{i, LogStream::Stdout, "starting"});
        if (i == 1 || i == 2 || i == 5) {
            for (int n = 0; n < 3; ++n) // several matches in one run: listed once
                m_store->logWriter()->append(runId, stageId,
                                             LogLine{i, LogStream::Stderr, "Health check FAILED"});
        }
    }
    DD_VERIFY_OK(m_store->logWriter()->flush());
    RunFilter f;
    f.grep = QStringLiteral("health check failed");
    QCOMPARE(ids(*m_store->runs(f)), (QList<qint64>{runs[5], runs[2], runs[1]}));
    f.status = QStringLiteral("failed");
    QCOMPARE(ids(*m_store->runs(f)), (QList<qint64>{runs[5], runs[1]}));
    f.beforeId = runs[5];
    QCOMPARE(ids(*m_store->runs(f)), (QList<qint64>{runs[1]}));
    f = {};
    f.grep = QStringLiteral("check failed!");
    QVERIFY(m_store->runs(f)->isEmpty());
}

// Issue 9 §6 / 11 §6: part of a word, non-Latin text inside a word and an emoji alone
// are found, through the trigram index (or, for one or two ASCII characters, by reading).
void TestHistoryStore::searchFindsWhatAReaderCallsASubstring_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QList<int>>("lines"); // line numbers found, in order
    QTest::newRow("mid-word") << "uoted" << QList<int>{1};
    QTest::newRow("mid-word, other case") << "UOTE" << QList<int>{1};
    QTest::newRow("word and part of the next") << "\"quoted\" wo" << QList<int>{1};
    QTest::newRow("CJK inside a word") << "テキスト" << QList<int>{2};
    QTest::newRow("one CJK character") << "索" << QList<int>{2};
    QTest::newRow("two CJK characters") << "本語" << QList<int>{2};
    QTest::newRow("emoji alone") << "\U0001F680" << QList<int>{3};
    QTest::newRow("check mark inside a word") << "\u2713" << QList<int>{4};
    QTest::newRow("umlaut inside a word") << "RÜßE" << QList<int>{5};
    QTest::newRow("across a long word's pieces") << "789abcdef0123" << QList<int>{6};
    QTest::newRow("the end of a long word") << "cdef01234567" << QList<int>{6};
    QTest::newRow("digits inside a number") << "4711" << QList<int>{7};
    QTest::newRow("two ASCII letters (read, not indexed)") << "de" << QList<int>{3, 6};
    QTest::newRow("not there") << "uotes" << QList<int>{};
    QTest::newRow("not there, CJK") << "本日" << QList<int>{};
}

void TestHistoryStore::searchFindsWhatAReaderCallsASubstring()
{
    QFETCH(QString, text);
    QFETCH(QList<int>, lines);
    LogWriter *w = m_store->logWriter();
    const qint64 runId = *m_store->createRun(makeRun({}, RunStatus::Success, {}, {}, "/a", 0));
    const qint64 stageId = *m_store->createStage(makeStage(runId, "build", 0));
    const QList<QByteArray> texts{
        "a \"quoted\" word",
        "検索: 日本語テキストの検索",
        "deploy \xf0\x9f\x9a\x80 done",
        "tests\xe2\x9c\x93passed",
        "Gr\xc3\xbc\xc3\x9f"
        "e an alle",
        "sha 0123456789abcdef0123456789abcdef01234567",
        "line 1234711\x1b[0m",
    };
    for (int i = 0; i < texts.size(); ++i)
        w->append(runId, stageId, LogLine{i, LogStream::Stdout, texts[i]});
    DD_VERIFY_OK(w->flush());
    auto found = m_store->searchLogs(text);
    DD_VERIFY_OK(found);
    QList<int> numbers;
    for (const LogMatch &m : std::as_const(*found))
        numbers << int(m.lineNumber);
    QCOMPARE(numbers, lines);
}

// Every substring of every line (up to 12 characters, not starting or ending in a space)
// finds its line: nothing the index holds or the query asks can lose one.
void TestHistoryStore::searchFindsEverySubstringOfItsLines()
{
    LogWriter *w = m_store->logWriter();
    const qint64 runId = *m_store->createRun(makeRun({}, RunStatus::Success, {}, {}, "/a", 0));
    const qint64 stageId = *m_store->createStage(makeStage(runId, "build", 0));
    const QStringList texts{
        QStringLiteral("Step 3/7: RUN npm ci --no-audit"),
        QStringLiteral("tests/test_api.py::test_search_returns_chunks PASSED [ 42%]"),
        QStringLiteral("ビルドが完了しました (12.3s) ✅"),
        QStringLiteral("Überprüfung fehlgeschlagen: Größe 0x7fffDEADbeef"),
        QStringLiteral("commit 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"),
        QStringLiteral("[2026-11-30 04:17:09] pid 4194303 wrote 1234567890 bytes, exit 137"),
    };
    for (int i = 0; i < texts.size(); ++i)
        w->append(runId, stageId, LogLine{i, LogStream::Stdout, texts[i].toUtf8()});
    DD_VERIFY_OK(w->flush());
    for (int i = 0; i < texts.size(); ++i) {
        const QList<uint> chars = texts[i].toUcs4();
        for (qsizetype from = 0; from < chars.size(); ++from) {
            for (qsizetype n = 1; n <= 12 && from + n <= chars.size(); ++n) {
                const QString part = QString::fromUcs4(
                    reinterpret_cast<const char32_t *>(chars.constData() + from), n);
                if (part.trimmed() != part)
                    continue;
                // ASCII in the other case too: the index is asked in lower case.
                QStringList asked{part};
                if (std::all_of(part.cbegin(), part.cend(),
                                [](QChar c) { return c.unicode() < 0x80; }))
                    asked << (part.toLower() == part ? part.toUpper() : part.toLower());
                for (const QString &query : std::as_const(asked)) {
                    auto found = m_store->searchLogs(query);
                    DD_VERIFY_OK(found);
                    bool line = false;
                    for (const LogMatch &m : std::as_const(*found))
                        line = line || m.lineNumber == i + 1;
                    QVERIFY2(line, qPrintable(QStringLiteral("\"%1\" did not find line %2: %3")
                                                  .arg(query)
                                                  .arg(i + 1)
                                                  .arg(texts[i])));
                }
            }
        }
    }
}

// Issue 10 §5: an allowed failure (continue-on-error) and a dirty working tree are
// recorded, read back, and a stage is found by its id (where a reused result comes from).
void TestHistoryStore::allowedFailuresAndDirtyTreesAreKept()
{
    RunRecord run = makeRun({}, RunStatus::Running, {}, {}, QStringLiteral("/w"), 0);
    run.commit = QStringLiteral("0123456789abcdef0123456789abcdef01234567");
    run.dirty = true;
    run.changedFiles = {QStringLiteral(" M docs/index.md"), QStringLiteral("?? notes.txt")};
    const auto runId = m_store->createRun(run);
    DD_VERIFY_OK(runId);
    auto stored = m_store->run(*runId);
    DD_VERIFY_OK(stored);
    QVERIFY(stored->dirty);
    QCOMPARE(stored->changedFiles, run.changedFiles);
    const auto clean = m_store->createRun(makeRun({}, RunStatus::Running, {}, {}, "/w", 1));
    DD_VERIFY_OK(clean);
    QVERIFY(!m_store->run(*clean)->dirty);
    QVERIFY(m_store->run(*clean)->changedFiles.isEmpty());

    StageRecord lint = makeStage(*runId, QStringLiteral("lint"), 0, StageStatus::Failed);
    lint.allowedFailure = true;
    const auto lintId = m_store->createStage(lint);
    DD_VERIFY_OK(lintId);
    StageRecord test = makeStage(*runId, QStringLiteral("test"), 1, StageStatus::Running);
    const auto testId = m_store->createStage(test);
    DD_VERIFY_OK(testId);
    test.id = *testId;
    test.status = StageStatus::Failed;
    DD_VERIFY_OK(m_store->updateStage(test));

    auto stages = m_store->stages(*runId);
    DD_VERIFY_OK(stages);
    QCOMPARE(stages->size(), 2);
    QVERIFY(stages->at(0).isAllowedFailure());
    QVERIFY(!stages->at(0).failedForReal());
    QVERIFY(!stages->at(1).isAllowedFailure());
    QVERIFY(stages->at(1).failedForReal());

    auto byId = m_store->stage(*lintId);
    DD_VERIFY_OK(byId);
    QCOMPARE(byId->runId, *runId);
    QCOMPARE(byId->name, QStringLiteral("lint"));
    QVERIFY(byId->allowedFailure);
    const auto missing = m_store->stage(*testId + 1000);
    QVERIFY(!missing);
    QCOMPARE(missing.error().code, ErrorCode::NotFound);
}

QTEST_GUILESS_MAIN(TestHistoryStore)
#include "tst_historystore.moc"
