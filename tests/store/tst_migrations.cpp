#include "store/historyprune.h"
#include "store/historystore.h"
#include "store/logblock.h"
#include "store/logindexparts.h"
#include "store/logsearch.h"
#include "store/logwriter.h"
#include "store/schema.h"
#include "store/sqlutil.h"

#include "storetestutil.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QTest>

using namespace DeployDesk;

namespace {

QByteArray fileHash(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256);
}

// Runs `body` with a raw connection to `path`, then closes it.
template<typename F> void withConnection(const QString &path, F &&body)
{
    const QString name = Internal::uniqueConnectionName(QStringLiteral("test"));
    {
        auto db = Internal::openConnection(path, name);
        QVERIFY2(db, why(db).constData());
        body(*db);
        db->close();
    }
    QSqlDatabase::removeDatabase(name);
}

} // namespace

class TestMigrations final : public QObject
{
    Q_OBJECT

private slots:
    void stepsMatchTheStore();
    void createsTheLatestSchema();
    void migratesFromEachOlderVersion_data();
    void migratesFromEachOlderVersion();
    void logsWrittenBeforeTheTrigramIndexAreFound();
    void logsWrittenBeforeTheGramsAreFound();
    void logsIndexedBeforeThePartsAreFoundAndPruned();
    void refusesANewerDatabaseUntouched();
    void refusesACorruptFile();
    void usesWal();
    void aNewHistoryWritesRunsAsDurablyAsAnOldOne();
    void aFailedStepLeavesTheFileAsItWas();
};

void TestMigrations::stepsMatchTheStore()
{
    QCOMPARE(Internal::latestSchemaVersion(), HistoryStore::kSchemaVersion);
    QVERIFY(HistoryStore::kSchemaVersion >= 2);
}

void TestMigrations::createsTheLatestSchema()
{
    QTemporaryDir dir;
    auto store = HistoryStore::open(dir.path() + QStringLiteral("/nested/data"));
    DD_VERIFY_OK(store);
    QCOMPARE((*store)->schemaVersion(), HistoryStore::kSchemaVersion);
    QVERIFY(QFile::exists((*store)->databasePath()));
    // Reopening an up-to-date database is a no-op.
    store->reset();
    auto again = HistoryStore::open(dir.path() + QStringLiteral("/nested/data"));
    DD_VERIFY_OK(again);
    QCOMPARE((*again)->schemaVersion(), HistoryStore::kSchemaVersion);
}

void TestMigrations::migratesFromEachOlderVersion_data()
{
    QTest::addColumn<int>("from");
    for (int v = 0; v < HistoryStore::kSchemaVersion; ++v)
        QTest::addRow("from version %d", v) << v;
}

void TestMigrations::migratesFromEachOlderVersion()
{
    QFETCH(int, from);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("history.sqlite"));
    withConnection(path, [&](QSqlDatabase &db) {
        auto migrated = Internal::migrate(db, path, from);
        QVERIFY2(migrated, why(migrated).constData());
        QCOMPARE(*Internal::readSchemaVersion(db, path), from);
        if (from >= 1) { // the run history exists since version 1
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral(
                "INSERT INTO runs (id, workspace, pipeline, environment, status, branch, "
                "started_at, selected_stages) VALUES (7, '/ws', 'ci', 'production', 'failed', "
                "'main', 1700000000000, '[\"build\"]')")));
            QVERIFY(q.exec(QStringLiteral("INSERT INTO stages (id, run_id, name, status, "
                                          "position) VALUES (3, 7, 'build', 'failed', 0)")));
            QVERIFY(q.exec(QStringLiteral("INSERT INTO events (run_id, kind, message) VALUES "
                                          "(7, 'started', 'go')")));
            QVERIFY(q.exec(QStringLiteral("INSERT INTO artifacts (run_id, path, size) VALUES "
                                          "(7, 'dist/app.tar', 42)")));
        }
    });

    auto store = HistoryStore::open(dir.path());
    DD_VERIFY_OK(store);
    HistoryStore &s = **store;
    QCOMPARE(s.schemaVersion(), HistoryStore::kSchemaVersion);
    if (from >= 1) {
        auto run = s.run(7);
        DD_VERIFY_OK(run);
        QCOMPARE(run->environment, QStringLiteral("production"));
        DD_COMPARE_STATUS(run->status, RunStatus::Failed);
        QCOMPARE(run->selectedStages, QStringList{QStringLiteral("build")});
        QCOMPARE(run->startedAt, QDateTime::fromMSecsSinceEpoch(1700000000000, Qt::UTC));
        QCOMPARE(s.stages(7)->size(), 1);
        QCOMPARE(s.events(7)->size(), 1);
        QCOMPARE(s.artifacts(7)->value(0).size, 42);
        RunFilter failedInProduction;
        failedInProduction.environment = QStringLiteral("production");
        failedInProduction.status = QStringLiteral("failed");
        QCOMPARE(s.runs(failedInProduction)->size(), 1);
    }
    // What the newest steps add works on the migrated file: logs and their search.
    RunRecord run;
    run.workspace = QStringLiteral("/ws");
    run.pipeline = QStringLiteral("ci");
    const qint64 runId = *s.createRun(run);
    StageRecord stage;
    stage.runId = runId;
    stage.name = QStringLiteral("test");
    const qint64 stageId = *s.createStage(stage);
    s.logWriter()->append(runId, stageId, LogLine{1, LogStream::Stdout, "migrated fine"});
    DD_VERIFY_OK(s.logWriter()->flush());
    QCOMPARE(s.searchLogs(QStringLiteral("MIGRATED"))->size(), 1);
}

// Schema step 7 replaced the word index with a trigram one. Blocks written before are
// listed as pending: a search reads them until they are indexed (when the store is
// opened), and finds a part of a word in them either way.
void TestMigrations::logsWrittenBeforeTheTrigramIndexAreFound()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("history.sqlite"));
    const QByteArray block = Internal::encodeLogBlock(
        {LogLine{1, LogStream::Stdout, "a \"quoted\" word"}, LogLine{2, LogStream::Stdout, "end"}});
    withConnection(path, [&](QSqlDatabase &db) {
        QVERIFY(Internal::migrate(db, path, 6));
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral("INSERT INTO runs (id, workspace, pipeline, status) "
                                      "VALUES (7, '/ws', 'ci', 'success')")));
        QVERIFY(q.exec(QStringLiteral("INSERT INTO stages (id, run_id, name, status, position) "
                                      "VALUES (3, 7, 'build', 'success', 0)")));
        QVERIFY(
            q.prepare(QStringLiteral("INSERT INTO log_blocks (id, run_id, stage_id, "
                                     "first_line, line_count, data) VALUES (1, 7, 3, 1, 2, ?)")));
        q.addBindValue(block);
        QVERIFY(q.exec());
        // What version 6's writer gave its word index.
        QVERIFY(q.exec(QStringLiteral("INSERT INTO log_fts (rowid, text) VALUES (1, 'a quoted "
                                      "word end')")));

        QVERIFY(Internal::migrate(db, path, 7));
        QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM log_fts_pending")) && q.next());
        QCOMPARE(q.value(0).toInt(), 1);
        q.finish();
        // Not indexed yet: still found, by part of a word too.
        auto found = Internal::searchLogBlocks(db, path, QStringLiteral("uote"), 0, 0, false);
        QVERIFY2(found, why(found).constData());
        QCOMPARE(found->size(), 1);
        QCOMPARE(found->first().lineNumber, 1);
    });

    auto store = HistoryStore::open(dir.path());
    DD_VERIFY_OK(store);
    withConnection(path, [&](QSqlDatabase &db) {
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM log_fts_pending")) && q.next());
        QCOMPARE(q.value(0).toInt(), 0); // indexed when opened
        q.finish();
        // Its grams too (schema step 8 came after 7 here): pending no more, one row.
        QVERIFY(q.exec(QStringLiteral("SELECT (SELECT count(*) FROM log_grams_pending), "
                                      "(SELECT count(*) FROM log_grams)")) &&
                q.next());
        QCOMPARE(q.value(0).toInt(), 0);
        QCOMPARE(q.value(1).toInt(), 1);
        q.finish();
        // Found through the index now: the block is a candidate of the MATCH itself.
        QVERIFY(q.exec(QStringLiteral("SELECT rowid FROM log_fts WHERE log_fts MATCH '%1'")
                           .arg(Internal::ftsQuery(QStringLiteral("uote")))));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toInt(), 1);
        q.finish();
        QVERIFY(q.exec(QStringLiteral("INSERT INTO log_fts(log_fts) VALUES('integrity-check')")));
    });
    QCOMPARE((*store)->searchLogs(QStringLiteral("QUOTED\" w"))->size(), 1);
    QCOMPARE((*store)->searchLogs(QStringLiteral("uoted"))->value(0).text,
             QByteArray("a \"quoted\" word"));
}

// Schema step 8 added the blocks' grams (pairs of letters or digits, the digits of long
// numbers). Blocks written before are pending: found by two letters or a number inside a
// long one before and after they are done, and only their grams are added (their trigram
// terms are there already).
void TestMigrations::logsWrittenBeforeTheGramsAreFound()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("history.sqlite"));
    const QList<LogLine> lines{LogLine{1, LogStream::Stdout, "release 20261130 zq"},
                               LogLine{2, LogStream::Stdout, "end"}};
    const auto count = [](QSqlDatabase &db, const char *sql) {
        QSqlQuery q(db);
        return q.exec(QString::fromLatin1(sql)) && q.next() ? q.value(0).toInt() : -1;
    };
    withConnection(path, [&](QSqlDatabase &db) {
        QVERIFY(Internal::migrate(db, path, 7));
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral("INSERT INTO runs (id, workspace, pipeline, status) "
                                      "VALUES (7, '/ws', 'ci', 'success')")));
        QVERIFY(q.exec(QStringLiteral("INSERT INTO stages (id, run_id, name, status, position) "
                                      "VALUES (3, 7, 'build', 'success', 0)")));
        QVERIFY(
            q.prepare(QStringLiteral("INSERT INTO log_blocks (id, run_id, stage_id, "
                                     "first_line, line_count, data) VALUES (1, 7, 3, 1, 2, ?)")));
        q.addBindValue(Internal::encodeLogBlock(lines));
        QVERIFY(q.exec());
        // What version 7's writer gave its trigram index.
        QVERIFY(q.prepare(QStringLiteral("INSERT INTO log_fts (rowid, text) VALUES (1, ?)")));
        q.addBindValue(Internal::logBlockTerms(lines));
        QVERIFY(q.exec());

        QVERIFY(Internal::migrate(db, path, 8));
        QCOMPARE(count(db, "SELECT count(*) FROM log_grams_pending"), 1);
        QCOMPARE(count(db, "SELECT count(*) FROM log_grams"), 0);
        for (const char *text : {"zq", "6113"}) {
            auto found =
                Internal::searchLogBlocks(db, path, QString::fromLatin1(text), 0, 0, false);
            QVERIFY2(found, why(found).constData());
            QCOMPARE(found->size(), 1);
        }
    });

    auto store = HistoryStore::open(dir.path());
    DD_VERIFY_OK(store);
    withConnection(path, [&](QSqlDatabase &db) {
        QCOMPARE(count(db, "SELECT count(*) FROM log_grams_pending"), 0);
        QCOMPARE(count(db, "SELECT count(*) FROM log_grams"), 1);
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral("INSERT INTO log_fts(log_fts) VALUES('integrity-check')")));
    });
    for (const char *text : {"zq", "6113", "20261130", "ZQ"})
        QCOMPARE((*store)->searchLogs(QString::fromLatin1(text))->size(), 1);
    QVERIFY((*store)->searchLogs(QStringLiteral("qz"))->isEmpty());
}

// Schema step 12 put the log index in parts: the index so far is the first part (from
// block 0), found as before; new blocks past its range go to new parts; and once its blocks
// are pruned, it is dropped like any part.
void TestMigrations::logsIndexedBeforeThePartsAreFoundAndPruned()
{
    Internal::setLogIndexPartBlocksForTesting(2);
    const auto restore = qScopeGuard([] { Internal::setLogIndexPartBlocksForTesting(0); });
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("history.sqlite"));
    const QList<LogLine> lines{LogLine{1, LogStream::Stdout, "old dromedary line"}};
    withConnection(path, [&](QSqlDatabase &db) {
        QVERIFY(Internal::migrate(db, path, 11));
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral("INSERT INTO runs (id, workspace, pipeline, status, "
                                      "started_at, finished_at) VALUES (7, '/ws', 'ci', "
                                      "'success', 1000, 2000)")));
        QVERIFY(q.exec(QStringLiteral("INSERT INTO stages (id, run_id, name, status, position) "
                                      "VALUES (3, 7, 'build', 'success', 0)")));
        QVERIFY(
            q.prepare(QStringLiteral("INSERT INTO log_blocks (id, run_id, stage_id, "
                                     "first_line, line_count, data) VALUES (1, 7, 3, 1, 1, ?)")));
        q.addBindValue(Internal::encodeLogBlock(lines));
        QVERIFY(q.exec());
        // What version 11's writer gave its index.
        QVERIFY(q.prepare(QStringLiteral("INSERT INTO log_fts (rowid, text) VALUES (1, ?)")));
        q.addBindValue(Internal::logBlockTerms(lines));
        QVERIFY(q.exec());
    });

    auto store = HistoryStore::open(dir.path());
    DD_VERIFY_OK(store);
    HistoryStore &s = **store;
    QCOMPARE(s.searchLogs(QStringLiteral("dromedary"))->size(), 1);
    RunRecord run;
    run.workspace = QStringLiteral("/ws");
    run.pipeline = QStringLiteral("ci");
    run.status = RunStatus::Success;
    run.startedAt = QDateTime::currentDateTimeUtc();
    run.finishedAt = run.startedAt;
    const qint64 runId = *s.createRun(run);
    StageRecord stage;
    stage.runId = runId;
    stage.name = QStringLiteral("test");
    const qint64 stageId = *s.createStage(stage);
    for (int i = 0; i < 3; ++i) { // blocks 2, 3 and 4
        s.logWriter()->append(
            runId, stageId, LogLine{1, LogStream::Stdout, "new bactrian " + QByteArray::number(i)});
        DD_VERIFY_OK(s.logWriter()->flush());
    }
    const auto parts = [&] {
        QStringList names;
        withConnection(path, [&](QSqlDatabase &db) {
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("SELECT first_id, name FROM log_fts_parts ORDER BY "
                                          "first_id")));
            while (q.next())
                names << QStringLiteral("%1:%2").arg(q.value(0).toInt()).arg(q.value(1).toString());
        });
        return names;
    };
    // Block 2 still in the first part's range (0-1)? No: 2 - 0 >= 2 starts a part at 2.
    QCOMPARE(parts(), (QStringList{QStringLiteral("0:log_fts"), QStringLiteral("2:log_fts_2"),
                                   QStringLiteral("4:log_fts_3")}));
    QCOMPARE(s.searchLogs(QStringLiteral("bactrian"))->size(), 3);
    QCOMPARE(s.searchLogs(QStringLiteral("dromedary"))->size(), 1);

    HistoryPruner pruner(s.databasePath(), s.dataDir());
    PrunePolicy policy;
    policy.keepLast = 1;
    auto report = pruner.prune(policy);
    DD_VERIFY_OK(report);
    QCOMPARE(report->runs, 1);
    QCOMPARE(parts(), (QStringList{QStringLiteral("2:log_fts_2"), QStringLiteral("4:log_fts_3")}));
    withConnection(path, [&](QSqlDatabase &db) {
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral("SELECT group_concat(name, ' ') FROM (SELECT name FROM "
                                      "sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE "
                                      "VIRTUAL TABLE%' ORDER BY name)")));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("log_fts_2 log_fts_3"));
    });
    QVERIFY(s.searchLogs(QStringLiteral("dromedary"))->isEmpty());
    QCOMPARE(s.searchLogs(QStringLiteral("bactrian"))->size(), 3);
    DD_VERIFY_UNDAMAGED(s);
}

void TestMigrations::refusesANewerDatabaseUntouched()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("history.sqlite"));
    const int newer = HistoryStore::kSchemaVersion + 1;
    withConnection(path, [&](QSqlDatabase &db) {
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral("CREATE TABLE future (x)")));
        QVERIFY(q.exec(QStringLiteral("PRAGMA user_version=%1").arg(newer)));
    });
    const QByteArray before = fileHash(path);
    QVERIFY(!before.isEmpty());

    auto store = HistoryStore::open(dir.path());
    QVERIFY(!store);
    const QString message = store.error().message;
    QVERIFY2(message.contains(path), qPrintable(message));
    QVERIFY2(message.contains(QStringLiteral("schema version %1, newer than this DeployDesk "
                                             "understands (%2); upgrade DeployDesk")
                                  .arg(newer)
                                  .arg(HistoryStore::kSchemaVersion)),
             qPrintable(message));
    QCOMPARE(fileHash(path), before);
    QVERIFY(!QFile::exists(path + QStringLiteral("-wal")));
}

void TestMigrations::refusesACorruptFile()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("history.sqlite"));
    {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray("this is not a database, just text\n").repeated(200));
    }
    const QByteArray before = fileHash(path);
    auto store = HistoryStore::open(dir.path());
    QVERIFY(!store);
    QVERIFY2(store.error().message.contains(path), qPrintable(store.error().message));
    QVERIFY2(store.error().message.contains(QStringLiteral("cannot be read as SQLite")),
             qPrintable(store.error().message));
    QCOMPARE(fileHash(path), before);
}

void TestMigrations::usesWal()
{
    QTemporaryDir dir;
    auto store = HistoryStore::open(dir.path());
    DD_VERIFY_OK(store);
    withConnection((*store)->databasePath(), [&](QSqlDatabase &db) {
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral("PRAGMA journal_mode")));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("wal"));
    });
}

// A new history's schema is made without fsyncs (synchronous=OFF); what the store writes
// after that, the runs, is as durable as in a history that already existed (NORMAL).
void TestMigrations::aNewHistoryWritesRunsAsDurablyAsAnOldOne()
{
    QTemporaryDir dir;
    // The store's own connection (HistoryStore::open names it deploydesk-history-N).
    const auto storeSynchronous = [] {
        int value = -1;
        for (const QString &name : QSqlDatabase::connectionNames()) {
            if (!name.startsWith(QLatin1String("deploydesk-history-")))
                continue;
            QSqlQuery q(QSqlDatabase::database(name, false));
            if (q.exec(QStringLiteral("PRAGMA synchronous")) && q.next())
                value = q.value(0).toInt();
        }
        return value;
    };
    for (const char *history : {"made now", "made before"}) {
        auto store = HistoryStore::open(dir.path());
        DD_VERIFY_OK(store);
        QVERIFY2(storeSynchronous() == 1, history); // NORMAL, as enableWal() sets it
        store->reset();
        QCOMPARE(storeSynchronous(), -1); // its connection is gone
    }
    // And the new file is a history like any other: the latest schema, in WAL, with the
    // incremental vacuum a prune needs.
    withConnection(QDir(dir.path()).filePath(QStringLiteral("history.sqlite")),
                   [&](QSqlDatabase &db) {
                       QSqlQuery q(db);
                       QVERIFY(q.exec(QStringLiteral("PRAGMA user_version")) && q.next());
                       QCOMPARE(q.value(0).toInt(), Internal::latestSchemaVersion());
                       QVERIFY(q.exec(QStringLiteral("PRAGMA auto_vacuum")) && q.next());
                       QCOMPARE(q.value(0).toInt(), 2); // INCREMENTAL
                       QVERIFY(q.exec(QStringLiteral("PRAGMA journal_mode")) && q.next());
                       QCOMPARE(q.value(0).toString(), QStringLiteral("wal"));
                   });
}

// The steps go in one transaction: one that fails leaves neither its own changes nor those
// of the steps before it, and its message names the version it was to reach.
void TestMigrations::aFailedStepLeavesTheFileAsItWas()
{
    QTemporaryDir dir;
    const QString path = QDir(dir.path()).filePath(QStringLiteral("kind.sqlite"));
    static constexpr const char *kOne[] = {"CREATE TABLE a (x)", "INSERT INTO a VALUES (1)"};
    static constexpr const char *kTwo[] = {"CREATE TABLE b (y)", "INSERT INTO nowhere VALUES (2)"};
    static constexpr const char *kThree[] = {"CREATE TABLE c (z)"};
    static constexpr std::span<const char *const> kSteps[] = {kOne, kTwo, kThree};
    withConnection(path, [&](QSqlDatabase &db) {
        auto migrated = Internal::migrate(db, path, kSteps, 3);
        QVERIFY(!migrated);
        QVERIFY2(migrated.error().message.contains(QStringLiteral("schema version 2")),
                 qPrintable(migrated.error().message));
        QCOMPARE(*Internal::readSchemaVersion(db, path), 0);
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM sqlite_master")) && q.next());
        QCOMPARE(q.value(0).toInt(), 0); // not even step 1's table
        // Fixed, the same steps apply whole.
        static constexpr const char *kTwoFixed[] = {"CREATE TABLE b (y)"};
        static constexpr std::span<const char *const> kFixed[] = {kOne, kTwoFixed, kThree};
        DD_VERIFY_OK(Internal::migrate(db, path, kFixed, 3));
        QCOMPARE(*Internal::readSchemaVersion(db, path), 3);
        QVERIFY(q.exec(QStringLiteral("SELECT x FROM a")) && q.next());
        QCOMPARE(q.value(0).toInt(), 1);
    });
}

QTEST_GUILESS_MAIN(TestMigrations)
#include "tst_migrations.moc"
