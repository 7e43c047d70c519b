// HistoryPruner: what a prune removes and keeps, and that the log search index agrees.
#include "common/filestore.h"
#include "run/artifactstore.h"
#include "store/historyprune.h"
#include "store/historystore.h"
#include "store/logblock.h"
#include "store/logindexparts.h"
#include "store/logsearch.h"
#include "store/logwriter.h"
#include "store/sqlutil.h"

#include "storetestutil.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QRandomGenerator>
#include <QScopeGuard>
#include <QSemaphore>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <thread>

using namespace DeployDesk;

namespace {

const QString kWorkspace = QStringLiteral("/work/site");
const QDateTime kNow = QDateTime::currentDateTimeUtc();

// A seeded log line: `word` in green, padded to one width, so that every stage's first
// block ends at the same line whichever bound of LogBlockEncoder ends it.
QByteArray seededLine(int line, const QString &stage, const QString &word)
{
    return QStringLiteral("\x1b[32mstep %1 of %2: %3 ok\x1b[0m")
        .arg(line)
        .arg(stage, word)
        .toUtf8()
        .leftJustified(56, ' ');
}

// Log lines per stage in a seeded run: one block and a few lines more (two blocks each).
const int kStageLines = [] {
    Internal::LogBlockEncoder block;
    int lines = 0;
    while (!block.isFull()) {
        ++lines;
        block.add(LogLine{kNow.toMSecsSinceEpoch() + lines, LogStream::Stdout,
                          seededLine(lines, QStringLiteral("build"), QStringLiteral("quokka"))});
    }
    return lines + 44;
}();

// A finished (or running) run with two stages, events, kStageLines log lines per stage
// holding `word`, and one artifact copy under <dataDir>/artifacts/<run>/.
struct Seeded
{
    qint64 run = 0;
    QString copy; // the artifact copy's path
};

class PruneFixture
{
public:
    QTemporaryDir dir;
    std::unique_ptr<HistoryStore> store;

    bool open()
    {
        auto opened = HistoryStore::open(dir.path());
        if (!opened)
            return false;
        store = std::move(*opened);
        return true;
    }

    Seeded addRun(const QString &env, int daysAgo, const QString &word,
                  RunStatus status = RunStatus::Success, const QString &workspace = kWorkspace,
                  const QString &sharedCopy = {})
    {
        RunRecord r;
        r.workspace = workspace;
        r.pipeline = QStringLiteral("ci");
        r.environment = env;
        r.status = status;
        r.startedAt = kNow.addDays(-daysAgo);
        if (status != RunStatus::Running && status != RunStatus::Queued)
            r.finishedAt = r.startedAt.addSecs(90);
        Seeded s;
        s.run = store->createRun(r).value();
        for (int i = 0; i < 2; ++i) {
            StageRecord st;
            st.runId = s.run;
            st.name = i ? QStringLiteral("test") : QStringLiteral("build");
            st.position = i;
            st.status = StageStatus::Success;
            const qint64 stageId = store->createStage(st).value();
            for (int line = 1; line <= kStageLines; ++line) {
                LogLine l;
                l.timestampMs = r.startedAt.toMSecsSinceEpoch() + line;
                l.text = seededLine(line, st.name, word);
                store->logWriter()->append(s.run, stageId, l);
            }
            EventRecord e;
            e.runId = s.run;
            e.stage = st.name;
            e.at = r.startedAt;
            e.kind = EventKind::Finished;
            store->addEvent(e).value();
        }
        s.copy = sharedCopy;
        if (s.copy.isEmpty()) {
            s.copy = QStringLiteral("%1/artifacts/%2/build/site.txt").arg(dir.path()).arg(s.run);
            QDir().mkpath(QFileInfo(s.copy).absolutePath());
            QFile f(s.copy);
            if (f.open(QIODevice::WriteOnly))
                f.write(word.toUtf8().repeated(100));
        }
        ArtifactRecord a;
        a.runId = s.run;
        a.stage = QStringLiteral("build");
        a.path = QStringLiteral("site.txt");
        a.size = QFileInfo(s.copy).size();
        a.storedPath = s.copy;
        store->addArtifact(a).value();
        return s;
    }

    // The history's size in pages (its logical size: the WAL's frames do not count).
    qint64 pageCount()
    {
        const QString name = QStringLiteral("page-count");
        qint64 pages = -1;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
            db.setDatabaseName(store->databasePath());
            QSqlQuery q(db);
            if (db.open() && q.exec(QStringLiteral("PRAGMA page_count")) && q.next())
                pages = q.value(0).toLongLong();
            q = QSqlQuery();
            db.close();
        }
        QSqlDatabase::removeDatabase(name);
        return pages;
    }

    // 30 old runs of 2 * kStageLines log lines each and a recent one (word "recent"), all written:
    // logs are stored compressed, so it takes that many for a prune to free whole pages.
    void addBulk()
    {
        for (int i = 0; i < 30; ++i)
            addRun(QStringLiteral("prod"), 1500, QStringLiteral("bulk%1").arg(i));
        addRun(QStringLiteral("prod"), 0, QStringLiteral("recent"));
        DD_VERIFY_OK(store->logWriter()->flush());
    }

    qint64 release(qint64 runId, const QString &env, qint64 carriedDeployment = 0)
    {
        DeploymentRecord d;
        d.runId = runId;
        d.stage = QStringLiteral("deploy");
        d.workspace = kWorkspace;
        d.environment = env;
        d.deployment.target = QStringLiteral("local-site");
        d.deployment.layer = Layer::Site;
        d.deployment.version = QStringLiteral("v%1").arg(runId);
        d.id = store->addDeployment(d).value();
        ReleaseRecord rel;
        rel.workspace = kWorkspace;
        rel.environment = env;
        rel.runId = runId;
        ReleaseLayer layer;
        layer.layer = Layer::Site;
        layer.changed = carriedDeployment == 0;
        layer.deployment = d;
        if (carriedDeployment)
            layer.deployment.id = carriedDeployment;
        rel.layers.append(layer);
        return store->createRelease(rel).value();
    }

    // Rows of `table` whose run_id is `runId`.
    qint64 rows(const QString &table, qint64 runId)
    {
        QSqlDatabase db =
            QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("peek"));
        qint64 n = -1;
        {
            db.setDatabaseName(store->databasePath());
            db.open();
            QSqlQuery q(db);
            q.exec(
                QStringLiteral("SELECT count(*) FROM %1 WHERE run_id = %2").arg(table).arg(runId));
            n = q.next() ? q.value(0).toLongLong() : -1;
        }
        db.close();
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(QStringLiteral("peek"));
        return n;
    }

    // Rows of the full-text index itself (every part of it, retired ones too, as long as
    // their table is there) holding `word`'s trigrams: not filtered through log_blocks, so
    // an index entry left behind by a prune shows here.
    qint64 indexed(const QString &word)
    {
        QSqlDatabase db =
            QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("fts"));
        qint64 n = -1;
        {
            db.setDatabaseName(store->databasePath());
            db.open();
            QSqlQuery parts(db);
            parts.exec(QStringLiteral("SELECT name FROM log_fts_parts"));
            n = 0;
            while (parts.next()) {
                QSqlQuery q(db);
                q.prepare(QStringLiteral("SELECT count(*) FROM \"%1\" WHERE \"%1\" MATCH ?")
                              .arg(parts.value(0).toString()));
                q.addBindValue(Internal::ftsQuery(word)); // its trigrams
                if (!q.exec() || !q.next())
                    return -1;
                n += q.value(0).toLongLong();
            }
        }
        db.close();
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(QStringLiteral("fts"));
        return n;
    }

    // A part's stored setting `key` (FTS5's config table; empty when never set).
    QString ftsConfig(const QString &key, const QString &part = QStringLiteral("log_fts"))
    {
        QSqlDatabase db =
            QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("config"));
        QString v;
        {
            db.setDatabaseName(store->databasePath());
            db.open();
            QSqlQuery q(db);
            q.prepare(QStringLiteral("SELECT v FROM \"%1_config\" WHERE k = ?").arg(part));
            q.addBindValue(key);
            q.exec();
            v = q.next() ? q.value(0).toString() : QString();
        }
        db.close();
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(QStringLiteral("config"));
        return v;
    }

    // The log index's parts: live and retired rows of log_fts_parts, and the FTS5 tables
    // in the file (a part's table, not its shadow tables).
    struct Parts
    {
        QStringList live;
        int retired = 0;
        QStringList tables;
    };
    Parts parts()
    {
        QSqlDatabase db =
            QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("parts"));
        Parts p;
        {
            db.setDatabaseName(store->databasePath());
            db.open();
            QSqlQuery q(db);
            q.exec(QStringLiteral("SELECT name, retired FROM log_fts_parts ORDER BY first_id"));
            while (q.next()) {
                if (q.value(1).toInt())
                    ++p.retired;
                else
                    p.live << q.value(0).toString();
            }
            q.exec(QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table' AND sql "
                                  "LIKE 'CREATE VIRTUAL TABLE%fts5%' ORDER BY name"));
            while (q.next())
                p.tables << q.value(0).toString();
        }
        db.close();
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(QStringLiteral("parts"));
        return p;
    }

    qint64 matches(const QString &word)
    {
        auto found = store->searchLogs(word, 0, 1'000'000);
        return found ? found->size() : -1;
    }
};

} // namespace

class TestHistoryPrune final : public QObject
{
    Q_OBJECT

private slots:
    void removesOldRunsAndKeepsTheRest();
    void aLargePruneGivesItsPagesBack();
    void dryRunChangesNothing();
    void keepLastPerEnvironmentAndWorkspace();
    void unpinnedReleaseGoes();
    void sizeCapKeepsTheNewest();
    void needsACriterion();
    void prunesWhileALogWriterWrites();
    void vacuumShrinksTheFile();
    void sharedContentIsFreedWithItsLastCopy();
    void anIndexInPartsDropsTheEmptiedOnes();
    void aRetiredPartIsDroppedInSteps();
    void mergeSettingsComeBackAfterAKilledPrune();
    void theLastStepsWaitForAnotherWriter();
};

void TestHistoryPrune::removesOldRunsAndKeepsTheRest()
{
    PruneFixture f;
    QVERIFY(f.open());
    const Seeded old1 = f.addRun(QStringLiteral("prod"), 200, QStringLiteral("quokka"));
    const Seeded old2 = f.addRun(QStringLiteral("staging"), 150, QStringLiteral("wombat"));
    const Seeded released = f.addRun(QStringLiteral("prod"), 180, QStringLiteral("platypus"));
    const qint64 releaseId = f.release(released.run, QStringLiteral("prod"));
    const Seeded running =
        f.addRun(QStringLiteral("prod"), 120, QStringLiteral("echidna"), RunStatus::Running);
    const Seeded recent = f.addRun(QStringLiteral("prod"), 10, QStringLiteral("dingo"));
    // A re-run keeps the copy of an old run: the copy stays with it.
    const Seeded rerun = f.addRun(QStringLiteral("prod"), 5, QStringLiteral("numbat"),
                                  RunStatus::Success, kWorkspace, old2.copy);
    DD_VERIFY_OK(f.store->logWriter()->flush());
    QCOMPARE(f.matches(QStringLiteral("quokka")), 2 * kStageLines);
    QVERIFY(f.indexed(QStringLiteral("quokka")) > 0);

    // A local workflow run's job folders (results, outputs) go with their run.
    const auto jobFolder = [&](qint64 run) {
        return f.store->dataDir() +
               QStringLiteral("/deploy/ci-0a1b2c3d/github-jobs/run-%1").arg(run);
    };
    for (qint64 run : {old1.run, recent.run}) {
        QVERIFY(QDir().mkpath(jobFolder(run) + "/lint"));
        QFile results(jobFolder(run) + "/results.jsonl");
        QVERIFY(results.open(QIODevice::WriteOnly));
        results.write("{\"job\":\"lint\",\"result\":\"success\"}\n");
    }

    HistoryPruner pruner(f.store->databasePath(), f.store->dataDir());
    PrunePolicy policy;
    policy.workspace = kWorkspace;
    policy.olderThan = kNow.addDays(-90);
    auto report = pruner.prune(policy);
    DD_VERIFY_OK(report);

    QCOMPARE(report->runFolders, 1);
    QVERIFY(!QFileInfo::exists(jobFolder(old1.run)));
    QVERIFY(QFileInfo::exists(jobFolder(recent.run) + "/results.jsonl"));
    QCOMPARE(report->runs, 2);
    QCOMPARE(report->stages, 4);
    QCOMPARE(report->logLines, 4 * kStageLines);
    QVERIFY(report->logBytes > 0);
    QCOMPARE(report->keptReleases, 1);
    QCOMPARE(report->keptRunning, 1);
    QCOMPARE(report->artifacts, 1); // old2's copy is the re-run's too
    QVERIFY(report->longestTransactionMs >= 0);

    for (qint64 gone : {old1.run, old2.run}) {
        QCOMPARE(f.store->run(gone).error().code, ErrorCode::NotFound);
        for (const char *table : {"stages", "events", "artifacts", "log_blocks"})
            QCOMPARE(f.rows(QString::fromLatin1(table), gone), 0);
    }
    // The search finds nothing of the pruned runs, and the index itself holds nothing of
    // them (entries deleted, not just hidden by the join with log_blocks).
    for (const char *word : {"quokka", "wombat"}) {
        QCOMPARE(f.matches(QString::fromLatin1(word)), 0);
        QCOMPARE(f.indexed(QString::fromLatin1(word)), 0);
    }
    // Words the pruned runs shared with kept ones are still found in the kept ones.
    auto shared = f.store->searchLogs(QStringLiteral("step 17 of build"));
    DD_VERIFY_OK(shared);
    QCOMPARE(shared->size(), 4); // released, running, recent, rerun
    for (const Seeded &kept : {released, running, recent, rerun}) {
        DD_VERIFY_OK(f.store->run(kept.run));
        QCOMPARE(f.rows(QStringLiteral("log_blocks"), kept.run), 4);
        QCOMPARE(f.rows(QStringLiteral("stages"), kept.run), 2);
    }
    for (const char *word : {"platypus", "echidna", "dingo", "numbat"})
        QCOMPARE(f.matches(QString::fromLatin1(word)), 2 * kStageLines);
    QVERIFY(!QFileInfo::exists(old1.copy));
    QVERIFY(!QFileInfo::exists(QFileInfo(old1.copy).absolutePath())); // empty folders too
    QVERIFY(QFileInfo::exists(old2.copy));
    QVERIFY(QFileInfo::exists(released.copy));
    DD_VERIFY_OK(f.store->release(releaseId));
    // SQLite's and the log index's own checks agree.
    DD_VERIFY_UNDAMAGED(*f.store);
    // The index merges its segments on its own again (the prune held that off while it ran,
    // merging in short steps of its own): left off, every later search would get slower.
    QCOMPARE(f.ftsConfig(QStringLiteral("automerge")), QStringLiteral("4"));
}

void TestHistoryPrune::dryRunChangesNothing()
{
    PruneFixture f;
    QVERIFY(f.open());
    const Seeded a = f.addRun(QStringLiteral("prod"), 100, QStringLiteral("alpaca"));
    const Seeded b = f.addRun(QStringLiteral("prod"), 100, QStringLiteral("llama"));
    f.addRun(QStringLiteral("prod"), 1, QStringLiteral("vicuna"));
    DD_VERIFY_OK(f.store->logWriter()->flush());
    const QByteArray before = [&] {
        QFile file(f.store->databasePath());
        file.open(QIODevice::ReadOnly);
        return QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256);
    }();

    HistoryPruner pruner(f.store->databasePath(), f.store->dataDir());
    PrunePolicy policy;
    policy.olderThan = kNow.addDays(-30);
    policy.dryRun = true;
    auto dry = pruner.prune(policy);
    DD_VERIFY_OK(dry);
    QCOMPARE(dry->runs, 2);
    QCOMPARE(dry->logLines, 4 * kStageLines);
    QCOMPARE(dry->artifacts, 2);
    QCOMPARE(f.matches(QStringLiteral("alpaca")), 2 * kStageLines);
    QVERIFY(QFileInfo::exists(a.copy) && QFileInfo::exists(b.copy));
    QFile file(f.store->databasePath());
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256), before);

    // What it announced is what a real prune then does.
    policy.dryRun = false;
    auto real = pruner.prune(policy);
    DD_VERIFY_OK(real);
    QCOMPARE(real->runs, dry->runs);
    QCOMPARE(real->stages, dry->stages);
    QCOMPARE(real->logLines, dry->logLines);
    QCOMPARE(real->logBytes, dry->logBytes);
    QCOMPARE(real->artifacts, dry->artifacts);
    QCOMPARE(real->artifactBytes, dry->artifactBytes);
}

void TestHistoryPrune::keepLastPerEnvironmentAndWorkspace()
{
    PruneFixture f;
    QVERIFY(f.open());
    QList<qint64> prod, staging, other;
    for (int i = 0; i < 4; ++i) {
        prod << f.addRun(QStringLiteral("prod"), 10 - i, QStringLiteral("p%1x").arg(i)).run;
        staging << f.addRun(QStringLiteral("staging"), 10 - i, QStringLiteral("s%1x").arg(i)).run;
        other << f.addRun(QStringLiteral("prod"), 10 - i, QStringLiteral("o%1x").arg(i),
                          RunStatus::Success, QStringLiteral("/work/other"))
                     .run;
    }
    DD_VERIFY_OK(f.store->logWriter()->flush());
    HistoryPruner pruner(f.store->databasePath(), f.store->dataDir());
    PrunePolicy policy;
    policy.workspace = kWorkspace;
    policy.environment = QStringLiteral("prod");
    policy.keepLast = 1;
    auto report = pruner.prune(policy);
    DD_VERIFY_OK(report);
    QCOMPARE(report->runs, 3);
    for (int i = 0; i < 3; ++i)
        QVERIFY(!f.store->run(prod[i]));
    DD_VERIFY_OK(f.store->run(prod[3]));
    for (qint64 id : staging + other) // another environment, another workspace
        DD_VERIFY_OK(f.store->run(id));

    // Every workspace: keep-last counts per workspace.
    policy.workspace.clear();
    policy.environment.clear();
    policy.keepLast = 2;
    report = pruner.prune(policy);
    DD_VERIFY_OK(report);
    // /work/site holds prod[3] and staging[0..3]: staging[0..2] go but staging[3] and
    // prod[3] are the newest two; /work/other keeps other[2..3].
    RunFilter all;
    all.limit = 100;
    auto left = f.store->runs(all);
    DD_VERIFY_OK(left);
    QList<qint64> ids;
    for (const RunRecord &r : *left)
        ids << r.id;
    std::sort(ids.begin(), ids.end());
    QList<qint64> expected{prod[3], staging[3], other[2], other[3]};
    std::sort(expected.begin(), expected.end());
    QCOMPARE(ids, expected);
    QCOMPARE(f.indexed(QStringLiteral("s0x")), 0);
    QVERIFY(f.indexed(QStringLiteral("o3x")) > 0);
}

void TestHistoryPrune::unpinnedReleaseGoes()
{
    PruneFixture f;
    QVERIFY(f.open());
    const Seeded first = f.addRun(QStringLiteral("prod"), 300, QStringLiteral("first"));
    const Seeded second = f.addRun(QStringLiteral("prod"), 200, QStringLiteral("second"));
    const qint64 firstRelease = f.release(first.run, QStringLiteral("prod"));
    // The second release carries the first's site layer over: the first run's deployment
    // stays referenced as long as the second release is there.
    auto firstDeployments = f.store->deployments(first.run);
    DD_VERIFY_OK(firstDeployments);
    const qint64 secondRelease =
        f.release(second.run, QStringLiteral("prod"), firstDeployments->first().id);
    DD_VERIFY_OK(f.store->logWriter()->flush());

    HistoryPruner pruner(f.store->databasePath(), f.store->dataDir());
    PrunePolicy policy;
    policy.olderThan = kNow.addDays(-90);
    auto report = pruner.prune(policy);
    DD_VERIFY_OK(report);
    QCOMPARE(report->runs, 0);
    QCOMPARE(report->keptReleases, 2);

    QCOMPARE(pruner.setPinned(999, false).error().code, ErrorCode::NotFound);
    DD_VERIFY_OK(pruner.setPinned(firstRelease, false));
    report = pruner.prune(policy);
    DD_VERIFY_OK(report);
    QCOMPARE(report->runs, 0); // its deployment is still a layer of the second release
    QCOMPARE(report->keptReleases, 2);

    DD_VERIFY_OK(pruner.setPinned(secondRelease, false));
    report = pruner.prune(policy);
    DD_VERIFY_OK(report);
    QCOMPARE(report->runs, 1); // the second; the first is free once the second has gone
    QVERIFY(!f.store->run(second.run));
    QVERIFY(!f.store->release(secondRelease));
    report = pruner.prune(policy);
    DD_VERIFY_OK(report);
    QCOMPARE(report->runs, 1);
    QVERIFY(!f.store->run(first.run));
    QVERIFY(!f.store->release(firstRelease));
    DD_VERIFY_UNDAMAGED(*f.store);
}

void TestHistoryPrune::sizeCapKeepsTheNewest()
{
    PruneFixture f;
    QVERIFY(f.open());
    QList<qint64> runs;
    for (int i = 0; i < 5; ++i) // the same amount of log each
        runs << f.addRun(QStringLiteral("prod"), 5 - i, QStringLiteral("size%1x").arg(i)).run;
    DD_VERIFY_OK(f.store->logWriter()->flush());
    HistoryPruner pruner(f.store->databasePath(), f.store->dataDir());
    auto size = pruner.size();
    DD_VERIFY_OK(size);
    const qint64 perRun = size->logBytes / 5;
    PrunePolicy policy;
    policy.maxLogBytes = perRun * 5 / 2; // room for two runs' logs and a half
    auto report = pruner.prune(policy);
    DD_VERIFY_OK(report);
    QCOMPARE(report->runs, 3);
    for (int i = 0; i < 3; ++i)
        QVERIFY(!f.store->run(runs[i]));
    DD_VERIFY_OK(f.store->run(runs[3]));
    DD_VERIFY_OK(f.store->run(runs[4]));
    auto after = pruner.size();
    DD_VERIFY_OK(after);
    QVERIFY(after->logBytes <= policy.maxLogBytes);
    QCOMPARE(f.indexed(QStringLiteral("size0x")), 0);
}

void TestHistoryPrune::needsACriterion()
{
    PruneFixture f;
    QVERIFY(f.open());
    HistoryPruner pruner(f.store->databasePath(), f.store->dataDir());
    auto report = pruner.prune(PrunePolicy{});
    QVERIFY(!report);
    QCOMPARE(report.error().code, ErrorCode::Invalid);
    QVERIFY(report.error().message.contains(QLatin1String("criterion")));
}

// A run writes its logs while a prune removes many old runs: nothing it wrote is lost and
// the pruned runs' words are gone from the index.
void TestHistoryPrune::prunesWhileALogWriterWrites()
{
    PruneFixture f;
    QVERIFY(f.open());
    QList<qint64> old;
    for (int i = 0; i < 40; ++i)
        old << f.addRun(QStringLiteral("prod"), 100, QStringLiteral("fossil")).run;
    const Seeded live =
        f.addRun(QStringLiteral("prod"), 0, QStringLiteral("fresh"), RunStatus::Running);
    DD_VERIFY_OK(f.store->logWriter()->flush());
    auto stages = f.store->stages(live.run);
    DD_VERIFY_OK(stages);
    const qint64 stageId = stages->first().id;

    std::atomic<bool> pruning{true};
    std::atomic<int> written{0};
    LogWriter *writer = f.store->logWriter();
    std::thread appender([&] {
        int n = 0;
        while (pruning.load() || n < 2000) {
            LogLine l;
            l.timestampMs = QDateTime::currentMSecsSinceEpoch();
            l.text = QByteArray("streaming line ") + QByteArray::number(++n) + " meerkat";
            writer->append(live.run, stageId, l);
            if (n % 500 == 0)
                writer->flush();
        }
        written = n;
    });
    HistoryPruner pruner(f.store->databasePath(), f.store->dataDir());
    PrunePolicy policy;
    policy.olderThan = kNow.addDays(-30);
    auto report = pruner.prune(policy);
    pruning = false;
    appender.join();
    DD_VERIFY_OK(report);
    DD_VERIFY_OK(writer->flush());
    QCOMPARE(report->runs, 40);
    QCOMPARE(report->keptRunning, 0); // the live run is too young to be a candidate
    QVERIFY(report->transactions >= 1);
    auto count = f.store->logLineCount(stageId);
    DD_VERIFY_OK(count);
    QCOMPARE(*count, kStageLines + written.load());
    auto streamed = f.store->searchLogs(QStringLiteral("meerkat"), live.run, 0);
    DD_VERIFY_OK(streamed);
    QCOMPARE(streamed->size(), written.load());
    QCOMPARE(f.indexed(QStringLiteral("fossil")), 0);
    DD_VERIFY_UNDAMAGED(*f.store);
}

void TestHistoryPrune::vacuumShrinksTheFile()
{
    // A history this DeployDesk creates gives what a prune frees back at once.
    {
        PruneFixture f;
        QVERIFY(f.open());
        f.addBulk();
        HistoryPruner pruner(f.store->databasePath(), f.store->dataDir());
        auto before = pruner.size();
        DD_VERIFY_OK(before);
        QCOMPARE(before->autoVacuum, 2); // incremental from the start
        PrunePolicy policy;
        policy.keepLast = 5;
        auto report = pruner.prune(policy); // no --vacuum needed
        DD_VERIFY_OK(report);
        QVERIFY(report->reclaimed);
        QCOMPARE(report->freeBytesAfter, 0);
        QVERIFY2(report->fileBytesAfter < report->fileBytesBefore,
                 qPrintable(QStringLiteral("%1 -> %2 runs %3 tx %4 free %5")
                                .arg(report->fileBytesBefore)
                                .arg(report->fileBytesAfter)
                                .arg(report->runs)
                                .arg(report->transactions)
                                .arg(before->freeBytes)));
        QCOMPARE(f.matches(QStringLiteral("recent")), 2 * kStageLines);
    }

    // A history made by an older DeployDesk (no auto_vacuum): the pages a prune frees stay
    // in the file until one --vacuum rebuilds it; then prunes reclaim on their own.
    PruneFixture f;
    QVERIFY(f.open());
    f.addBulk();
    {
        QSqlDatabase db =
            QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("older"));
        db.setDatabaseName(f.store->databasePath());
        QVERIFY(db.open());
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral("PRAGMA auto_vacuum=NONE")));
        QVERIFY2(q.exec(QStringLiteral("VACUUM")), qPrintable(q.lastError().text()));
        q = QSqlQuery();
        db.close();
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(QStringLiteral("older"));
    }
    HistoryPruner pruner(f.store->databasePath(), f.store->dataDir());
    auto before = pruner.size();
    DD_VERIFY_OK(before);
    QCOMPARE(before->autoVacuum, 0);

    PrunePolicy policy;
    policy.keepLast = 20;
    auto report = pruner.prune(policy); // no --vacuum: the pages stay, free
    DD_VERIFY_OK(report);
    QVERIFY(!report->reclaimed);
    // How many pages are free afterwards depends on when the WAL was last checkpointed
    // (it was 0 under load): what a user sees is the --vacuum below giving space back.

    policy.keepLast = 10;
    policy.vacuum = true; // rebuilds and switches to incremental
    report = pruner.prune(policy);
    DD_VERIFY_OK(report);
    QVERIFY(report->reclaimed);
    auto after = pruner.size();
    DD_VERIFY_OK(after);
    QCOMPARE(after->autoVacuum, 2);
    QCOMPARE(after->freeBytes, 0);
    QVERIFY2(after->fileBytes < before->fileBytes,
             qPrintable(QStringLiteral("%1 -> %2").arg(before->fileBytes).arg(after->fileBytes)));

    // From now on a prune reclaims without a rebuild.
    policy.keepLast = 2;
    policy.vacuum = false;
    report = pruner.prune(policy);
    DD_VERIFY_OK(report);
    QVERIFY(report->reclaimed);
    QCOMPARE(report->freeBytesAfter, 0);
    QCOMPARE(f.matches(QStringLiteral("recent")), 2 * kStageLines);
}

// Artifacts are stored by content: pruning runs whose copies another run shares frees
// nothing and leaves that run's copy readable; pruning the last one frees the content once,
// and the dry run says so beforehand.
void TestHistoryPrune::sharedContentIsFreedWithItsLastCopy()
{
    PruneFixture f;
    QVERIFY(f.open());
    QTemporaryDir ws;
    const QByteArray site(50000, 's');
    {
        QFile file(ws.filePath(QStringLiteral("site.txt")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(site);
    }
    const ArtifactStore artifacts(f.store->dataDir());
    QList<Seeded> runs;
    for (int daysAgo : {200, 150, 10}) {
        const qint64 next = runs.isEmpty() ? 1 : runs.last().run + 1;
        auto kept =
            artifacts.keep(next, QStringLiteral("build"), ws.path(), QStringLiteral("site.txt"));
        DD_VERIFY_OK(kept);
        runs << f.addRun(QStringLiteral("prod"), daysAgo, QStringLiteral("kiwi"),
                         RunStatus::Success, kWorkspace, kept->storedPath);
        QCOMPARE(runs.last().run, next);
    }
    const QString artifactsDir = f.dir.filePath(QStringLiteral("artifacts"));
    QCOMPARE(distinctBytes(artifactsDir), site.size());
    HistoryPruner pruner(f.store->databasePath(), f.store->dataDir());
    QCOMPARE(pruner.artifactDiskBytes(), site.size());

    PrunePolicy policy;
    policy.workspace = kWorkspace;
    policy.olderThan = kNow.addDays(-90);
    auto old = pruner.prune(policy);
    DD_VERIFY_OK(old);
    QCOMPARE(old->artifacts, 2);
    QCOMPARE(old->artifactBytes, 0); // the newest run still keeps the same file
    QVERIFY(!QFileInfo::exists(runs[0].copy) && !QFileInfo::exists(runs[1].copy));
    QFile newest(runs[2].copy);
    QVERIFY(newest.open(QIODevice::ReadOnly));
    QCOMPARE(newest.readAll(), site);
    QCOMPARE(distinctBytes(artifactsDir), site.size());

    policy.olderThan = kNow.addDays(1);
    policy.dryRun = true;
    auto dry = pruner.prune(policy);
    DD_VERIFY_OK(dry);
    QCOMPARE(dry->artifactBytes, site.size());
    QCOMPARE(distinctBytes(artifactsDir), site.size());
    policy.dryRun = false;
    auto all = pruner.prune(policy);
    DD_VERIFY_OK(all);
    QCOMPARE(all->artifacts, 1);
    QCOMPARE(all->artifactBytes, site.size());
    QCOMPARE(distinctBytes(artifactsDir), 0); // the object went with its last copy
    QCOMPARE(pruner.artifactDiskBytes(), 0);
}

void TestHistoryPrune::aLargePruneGivesItsPagesBack()
{
    // Logs that do not compress (random hex): thousands of pages freed by the prune. Each
    // reclaim step must give back many of them (at least 32): SQLite frees one page per
    // step of `PRAGMA incremental_vacuum`, and a statement executed once (not stepped to
    // its end) gave back one page per 25 ms pause — a 1,000,000-run prune kept 1.1 GB free
    // inside the file (docs/benchmarks.md §10). Pages, not bytes: truncating the WAL alone
    // makes the file smaller.
    PruneFixture f;
    QVERIFY(f.open());
    QRandomGenerator random(7);
    for (int i = 0; i < 24; ++i) {
        const Seeded seeded =
            f.addRun(QStringLiteral("prod"), 1500, QStringLiteral("big%1").arg(i));
        StageRecord st;
        st.runId = seeded.run;
        st.name = QStringLiteral("dump");
        st.position = 2;
        st.status = StageStatus::Success;
        const qint64 stageId = f.store->createStage(st).value();
        for (int line = 0; line < 3000; ++line) {
            LogLine l;
            l.timestampMs = kNow.toMSecsSinceEpoch() + line;
            l.text = QByteArray(192, Qt::Uninitialized);
            for (char &c : l.text)
                c = "0123456789abcdef"[random.bounded(16)];
            f.store->logWriter()->append(seeded.run, stageId, l);
        }
    }
    f.addRun(QStringLiteral("prod"), 0, QStringLiteral("recent"));
    DD_VERIFY_OK(f.store->logWriter()->flush());
    const qint64 pagesBefore = f.pageCount();

    HistoryPruner pruner(f.store->databasePath(), f.store->dataDir());
    PrunePolicy policy;
    policy.keepLast = 1;
    auto report = pruner.prune(policy);
    DD_VERIFY_OK(report);
    QCOMPARE(report->runs, 24);
    QCOMPARE(report->freeBytesAfter, 0);
    const qint64 pagesGivenBack = pagesBefore - f.pageCount();
    QVERIFY2(pagesGivenBack > 1024,
             qPrintable(QStringLiteral("%1 pages given back").arg(pagesGivenBack)));
    QVERIFY2(report->transactions < pagesGivenBack / 8,
             qPrintable(QStringLiteral("%1 transactions for %2 pages")
                            .arg(report->transactions)
                            .arg(pagesGivenBack)));
    QCOMPARE(f.matches(QStringLiteral("recent")), 2 * kStageLines);
}

// A history whose log index is in many parts (3 blocks each here, 2^18 in the product): the
// writer starts a part where the newest one's range ends, a search asks every part, and a
// prune drops the parts it emptied (their tables gone from the file) instead of leaving
// them to grow, while a part it emptied only in part keeps the kept runs' entries.
void TestHistoryPrune::anIndexInPartsDropsTheEmptiedOnes()
{
    Internal::setLogIndexPartBlocksForTesting(3);
    const auto restore = qScopeGuard([] { Internal::setLogIndexPartBlocksForTesting(0); });
    PruneFixture f;
    QVERIFY(f.open());
    // Each run's four blocks written before the next run's: blocks 1-24 old, 25-28 kept.
    for (int i = 0; i < 6; ++i) {
        f.addRun(QStringLiteral("prod"), 200, QStringLiteral("trilobite%1x").arg(i));
        DD_VERIFY_OK(f.store->logWriter()->flush());
    }
    const Seeded kept = f.addRun(QStringLiteral("prod"), 1, QStringLiteral("ammonite"));
    DD_VERIFY_OK(f.store->logWriter()->flush());
    // The first part (log_fts, from the schema: ids 0-2), then parts from 3, 6, ... 27.
    const auto before = f.parts();
    QCOMPARE(before.live.size(), 10);
    QCOMPARE(before.live.first(), QStringLiteral("log_fts"));
    QCOMPARE(before.tables, [&] {
        QStringList t = before.live;
        t.sort();
        return t;
    }());
    for (int i = 0; i < 6; ++i)
        QCOMPARE(f.matches(QStringLiteral("trilobite%1x").arg(i)), 2 * kStageLines);
    // A phrase with a number: its trigrams and grams from every part.
    auto everywhere = f.store->searchLogs(QStringLiteral("step 217 of test"));
    DD_VERIFY_OK(everywhere);
    QCOMPARE(everywhere->size(), 7);

    HistoryPruner pruner(f.store->databasePath(), f.store->dataDir());
    PrunePolicy policy;
    policy.olderThan = kNow.addDays(-30);
    auto report = pruner.prune(policy);
    DD_VERIFY_OK(report);
    QCOMPARE(report->runs, 6);

    // Every part whose blocks all went is gone; left are the two holding the kept run's
    // blocks: from 24 (24-26, with the old block 24's entries deleted) and from 27.
    const auto after = f.parts();
    QCOMPARE(after.retired, 0);
    QCOMPARE(after.live.size(), 2);
    QCOMPARE(after.tables, [&] {
        QStringList t = after.live;
        t.sort();
        return t;
    }());
    for (int i = 0; i < 6; ++i) {
        QCOMPARE(f.matches(QStringLiteral("trilobite%1x").arg(i)), 0);
        QCOMPARE(f.indexed(QStringLiteral("trilobite%1x").arg(i)), 0);
    }
    QCOMPARE(f.matches(QStringLiteral("ammonite")), 2 * kStageLines);
    everywhere = f.store->searchLogs(QStringLiteral("step 217 of test"));
    DD_VERIFY_OK(everywhere);
    QCOMPARE(everywhere->size(), 1);
    DD_VERIFY_UNDAMAGED(*f.store);

    // A new run goes on in the newest part (block 29) and a new one from 30, and is found.
    const Seeded later = f.addRun(QStringLiteral("prod"), 0, QStringLiteral("nautilus"));
    DD_VERIFY_OK(f.store->logWriter()->flush());
    QCOMPARE(f.matches(QStringLiteral("nautilus")), 2 * kStageLines);
    QCOMPARE(f.parts().live.size(), 3);
    DD_VERIFY_OK(f.store->run(later.run));
    DD_VERIFY_OK(f.store->run(kept.run));
}

// A part retired by a prune that stopped before dropping it (here: its blocks removed and
// the part retired by hand) is no longer searched, and the next prune, even one that
// removes no run, drops it a few rows at a time.
void TestHistoryPrune::aRetiredPartIsDroppedInSteps()
{
    Internal::setLogIndexPartBlocksForTesting(5); // one part per run: 0-4 and 5-9
    const auto restore = qScopeGuard([] { Internal::setLogIndexPartBlocksForTesting(0); });
    PruneFixture f;
    QVERIFY(f.open());
    const Seeded first = f.addRun(QStringLiteral("prod"), 3, QStringLiteral("gastropod"));
    DD_VERIFY_OK(f.store->logWriter()->flush());
    f.addRun(QStringLiteral("prod"), 2, QStringLiteral("bivalve"));
    DD_VERIFY_OK(f.store->logWriter()->flush());
    QCOMPARE(f.parts().live.size(), 2);
    {
        QSqlDatabase db =
            QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("retire"));
        db.setDatabaseName(f.store->databasePath());
        QVERIFY(db.open());
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral("DELETE FROM log_blocks WHERE run_id = %1").arg(first.run)));
        auto retired = Internal::retireEmptyLogIndexParts(db, f.store->databasePath());
        DD_VERIFY_OK(retired);
        QCOMPARE(*retired, 1);
        // Retired again: nothing more to retire (the newest part stays even when empty).
        retired = Internal::retireEmptyLogIndexParts(db, f.store->databasePath());
        DD_VERIFY_OK(retired);
        QCOMPARE(*retired, 0);
        q = QSqlQuery();
        db.close();
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(QStringLiteral("retire"));
    }
    auto parts = f.parts();
    QCOMPARE(parts.live, QStringList{QStringLiteral("log_fts_2")});
    QCOMPARE(parts.retired, 1);
    QCOMPARE(parts.tables.size(), 2); // not dropped yet
    QCOMPARE(f.matches(QStringLiteral("gastropod")), 0);
    QCOMPARE(f.matches(QStringLiteral("bivalve")), 2 * kStageLines);

    // Step by step, one chunk of rows at a time (no budget): more than one step, and then
    // the table is gone.
    {
        QSqlDatabase db =
            QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("drop"));
        db.setDatabaseName(f.store->databasePath());
        QVERIFY(db.open());
        int steps = 0;
        for (;;) {
            auto more = Internal::dropLogIndexPartStep(db, f.store->databasePath(), 0);
            DD_VERIFY_OK(more);
            if (!*more)
                break;
            ++steps;
            if (steps == 1) // the part is still there, a row lighter
                QCOMPARE(f.parts().tables.size(), 2);
        }
        QVERIFY2(steps > 2, qPrintable(QString::number(steps)));
        db.close();
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(QStringLiteral("drop"));
    }
    parts = f.parts();
    QCOMPARE(parts.retired, 0);
    QCOMPARE(parts.tables, QStringList{QStringLiteral("log_fts_2")});
    QCOMPARE(f.matches(QStringLiteral("bivalve")), 2 * kStageLines);
    DD_VERIFY_UNDAMAGED(*f.store);
}

// A prune turns FTS5's automatic merges off in the parts it removes entries from, and in the
// older ones holds back the crisis merge too; killed, it leaves them so. The next prune
// gives every live part FTS5's defaults back, also parts it did not touch: left as they
// were, an old part's searches would read ever more segments, and the newest part's
// writer would pile up segments until one flush merged them all.
void TestHistoryPrune::mergeSettingsComeBackAfterAKilledPrune()
{
    Internal::setLogIndexPartBlocksForTesting(5); // one part per run
    const auto restore = qScopeGuard([] { Internal::setLogIndexPartBlocksForTesting(0); });
    PruneFixture f;
    QVERIFY(f.open());
    const QString words[] = {QStringLiteral("crinoid"), QStringLiteral("brachiopod"),
                             QStringLiteral("graptolite")};
    const int ages[] = {200, 150, 1};
    for (int i = 0; i < 3; ++i) {
        f.addRun(QStringLiteral("prod"), ages[i], words[i]);
        DD_VERIFY_OK(f.store->logWriter()->flush());
    }
    const QStringList live = f.parts().live;
    QCOMPARE(live, (QStringList{QStringLiteral("log_fts"), QStringLiteral("log_fts_2"),
                                QStringLiteral("log_fts_3")}));
    // What a prune killed in its middle leaves: the old parts it had reached with merges
    // off and the crisis merge held back, the newest with merges off.
    {
        QSqlDatabase db =
            QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("killed"));
        db.setDatabaseName(f.store->databasePath());
        QVERIFY(db.open());
        QSqlQuery q(db);
        for (const QString &part : {QStringLiteral("log_fts_2"), QStringLiteral("log_fts_3")})
            QVERIFY(q.exec(
                QStringLiteral("INSERT INTO %1(%1, rank) VALUES('automerge', 0)").arg(part)));
        QVERIFY(q.exec(
            QStringLiteral("INSERT INTO log_fts_2(log_fts_2, rank) VALUES('crisismerge', 256)")));
        q = QSqlQuery();
        db.close();
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(QStringLiteral("killed"));
    }
    QCOMPARE(f.ftsConfig(QStringLiteral("crisismerge"), QStringLiteral("log_fts_2")),
             QStringLiteral("256"));

    // The next prune removes only the oldest run (its part, log_fts, is dropped).
    HistoryPruner pruner(f.store->databasePath(), f.store->dataDir());
    PrunePolicy policy;
    policy.olderThan = kNow.addDays(-180);
    auto report = pruner.prune(policy);
    DD_VERIFY_OK(report);
    QCOMPARE(report->runs, 1);
    QCOMPARE(f.parts().live,
             (QStringList{QStringLiteral("log_fts_2"), QStringLiteral("log_fts_3")}));
    for (const QString &part : {QStringLiteral("log_fts_2"), QStringLiteral("log_fts_3")}) {
        QCOMPARE(f.ftsConfig(QStringLiteral("automerge"), part), QStringLiteral("4"));
        QCOMPARE(f.ftsConfig(QStringLiteral("crisismerge"), part), QStringLiteral("16"));
    }
    QCOMPARE(f.matches(words[0]), 0);
    QCOMPARE(f.matches(words[1]), 2 * kStageLines);
    QCOMPARE(f.matches(words[2]), 2 * kStageLines);
    DD_VERIFY_UNDAMAGED(*f.store);
}

// Once a prune has given the file's space back, its connection still waits its turn for
// the write lock: it once lost its busy handler there (the busy timeout was read back as 0
// and set again), so whatever it wrote next — the last step turning the index's merges back
// on, or the next prune — failed "locked" at once whenever another writer held the lock.
void TestHistoryPrune::theLastStepsWaitForAnotherWriter()
{
    PruneFixture f;
    QVERIFY(f.open());
    for (int i = 0; i < 40; ++i)
        f.addRun(QStringLiteral("prod"), 100, QStringLiteral("ichthyosaur"));
    for (int i = 0; i < 3; ++i)
        f.addRun(QStringLiteral("prod"), 50, QStringLiteral("mosasaur"));
    f.addRun(QStringLiteral("prod"), 1, QStringLiteral("plesiosaur"));
    DD_VERIFY_OK(f.store->logWriter()->flush());

    HistoryPruner pruner(f.store->databasePath(), f.store->dataDir());
    PrunePolicy policy;
    policy.olderThan = kNow.addDays(-80);
    auto report = pruner.prune(policy);
    DD_VERIFY_OK(report);
    QCOMPARE(report->runs, 40);
    QVERIFY(report->reclaimed);

    // Another writer (a connection of DeployDesk's own kind) holds the lock for a moment
    // when the same pruner is asked again.
    QSemaphore holding;
    std::thread holder([&] {
        auto db = Internal::openConnection(f.store->databasePath(), QStringLiteral("holder"));
        if (db) {
            QSqlQuery q(*db);
            const bool begun = q.exec(QStringLiteral("BEGIN IMMEDIATE"));
            holding.release();
            if (begun) {
                std::this_thread::sleep_for(std::chrono::milliseconds(300));
                q.exec(QStringLiteral("COMMIT"));
            }
            q = QSqlQuery();
            db->close();
        } else {
            holding.release();
        }
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(QStringLiteral("holder"));
    });
    holding.acquire();
    policy.olderThan = kNow.addDays(-30);
    report = pruner.prune(policy);
    holder.join();
    DD_VERIFY_OK(report);
    QCOMPARE(report->runs, 3);
    QCOMPARE(f.ftsConfig(QStringLiteral("automerge")), QStringLiteral("4"));
    QCOMPARE(f.matches(QStringLiteral("ichthyosaur")), 0);
    QCOMPARE(f.matches(QStringLiteral("mosasaur")), 0);
    QCOMPARE(f.matches(QStringLiteral("plesiosaur")), 2 * kStageLines);
}

QTEST_GUILESS_MAIN(TestHistoryPrune)
#include "tst_historyprune.moc"
