// deploydeskctl prune, backup, restore and releases unpin, run as a user runs them, against
// a history this test writes (and keeps writing while a backup runs).
#include "clihelper.h"

#include "common/processinfo.h"
#include "store/historystore.h"
#include "store/logsearch.h"
#include "store/logwriter.h"

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QSqlQuery>

using namespace DeployDesk;

namespace {

const QDateTime kNow = QDateTime::currentDateTimeUtc();

// A run of `workspace` with one stage and `lines` log lines holding `word`.
qint64 addRun(HistoryStore &store, const QString &workspace, int daysAgo, const QString &word,
              int lines = 50, RunStatus status = RunStatus::Success)
{
    RunRecord r;
    r.workspace = workspace;
    r.pipeline = QStringLiteral("ci");
    r.environment = QStringLiteral("prod");
    r.status = status;
    r.startedAt = kNow.addDays(-daysAgo);
    if (status == RunStatus::Running) {
        r.runnerPid = QCoreApplication::applicationPid();
        r.runnerStartTicks = ProcessInfo::startTicks(r.runnerPid);
    } else {
        r.finishedAt = r.startedAt.addSecs(30);
    }
    const qint64 id = store.createRun(r).value();
    StageRecord s;
    s.runId = id;
    s.name = QStringLiteral("build");
    s.status = StageStatus::Success;
    const qint64 stage = store.createStage(s).value();
    for (int i = 0; i < lines; ++i) {
        LogLine l;
        l.timestampMs = r.startedAt.toMSecsSinceEpoch() + i;
        l.text = QStringLiteral("line %1 of %2").arg(i).arg(word).toUtf8();
        store.logWriter()->append(id, stage, l);
    }
    return id;
}

// Opens `file` read-only and answers `sql`'s first value.
QVariant peek(const QString &file, const QString &sql)
{
    QVariant value;
    {
        QSqlDatabase db =
            QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("peek"));
        db.setDatabaseName(file);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        if (db.open()) {
            QSqlQuery q(db);
            if (q.exec(sql) && q.next())
                value = q.value(0);
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("peek"));
    return value;
}

} // namespace

class TestPruneCli final : public QObject
{
    Q_OBJECT

private slots:
    void pruneDryRunThenForReal();
    void pruneRefusesBadArguments();
    void unpinLetsAReleaseGo();
    void backupWhileAnotherProcessWrites();
    void restoreRefusesWhatIsNotAGoodHistory();
    void restoreReplacesAndKeepsTheOld();
    void restoreRefusedWhileARunRuns();
};

void TestPruneCli::pruneDryRunThenForReal()
{
    Cli cli;
    QTemporaryDir ws;
    QTemporaryDir other;
    {
        auto store = HistoryStore::open(cli.dataDir());
        QVERIFY(store);
        for (int i = 0; i < 3; ++i)
            addRun(**store, ws.path(), 200, QStringLiteral("ancient"));
        addRun(**store, ws.path(), 1, QStringLiteral("modern"));
        addRun(**store, other.path(), 200, QStringLiteral("elsewhere"));
        QVERIFY((*store)->logWriter()->flush());
    }
    CliResult r = cli.run({"prune", "--older-than", "90d", "--dry-run"}, ws.path());
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.contains("would remove from " + ws.path() +
                            ": 3 runs, 3 stages, 150 log "
                            "lines"),
             qPrintable(r.out));
    QVERIFY(r.out.contains("nothing was changed"));
    QCOMPARE(cli.history({"--limit", "100"}).size(), 5);

    r = cli.run({"prune", "--older-than", "90d"}, ws.path());
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.contains("removed from " + ws.path() + ": 3 runs"), qPrintable(r.out));
    QCOMPARE(cli.history({"--limit", "100"}).size(), 2); // the recent run and the other workspace's
    QCOMPARE(cli.history({"--grep", "ancient"}).size(), 0);
    QCOMPARE(cli.history({"--grep", "modern"}).size(), 1);
    QCOMPARE(cli.history({"--grep", "elsewhere"}).size(), 1);

    r = cli.run({"prune", "--keep-last", "0", "--all-workspaces"}, ws.path());
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.contains("removed from every workspace: 2 runs"), qPrintable(r.out));
    QCOMPARE(cli.history().size(), 0);
    r = cli.run({"check"});
    QCOMPARE(r.exitCode, 0);
}

void TestPruneCli::pruneRefusesBadArguments()
{
    Cli cli;
    CliResult r = cli.run({"prune"});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains("prune needs --older-than AGE, --keep-last N or --max-log-size SIZE"),
             qPrintable(r.err));
    r = cli.run({"prune", "--max-log-size", "lots"});
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.err.contains("--max-log-size: expected a size such as 500M or 2G, got \"lots\""));
    r = cli.run({"prune", "--older-than", "90 days"});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains("--older-than: expected an age such as 90d, 12h or 8w, got \"90 "
                            "days\""),
             qPrintable(r.err));
    r = cli.run({"prune", "--keep-last", "-3"});
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.err.contains("--keep-last: expected a number of runs"));
    r = cli.run({"releases", "unpin", "twelve"});
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.err.contains("\"twelve\" is not a release id"));
    r = cli.run({"releases", "unpin", "12"});
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.err.contains("there is no release with id 12"));
}

void TestPruneCli::unpinLetsAReleaseGo()
{
    Cli cli;
    QTemporaryDir ws;
    qint64 releaseId = 0;
    qint64 runId = 0;
    {
        auto store = HistoryStore::open(cli.dataDir());
        QVERIFY(store);
        runId = addRun(**store, ws.path(), 400, QStringLiteral("shipped"));
        ReleaseRecord rel;
        rel.workspace = ws.path();
        rel.environment = QStringLiteral("prod");
        rel.runId = runId;
        releaseId = (*store)->createRelease(rel).value();
        QVERIFY((*store)->logWriter()->flush());
    }
    CliResult r = cli.run({"prune", "--older-than", "30d"}, ws.path());
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.contains("removed from " + ws.path() + ": 0 runs"), qPrintable(r.out));
    QVERIFY(r.out.contains("kept 1 run that made a release"));
    QVERIFY(r.out.contains("deploydeskctl releases unpin RELEASE"));

    r = cli.run({"releases", "unpin", QString::number(releaseId)});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.contains(QStringLiteral("release %1 is unpinned").arg(releaseId)));
    r = cli.run({"prune", "--older-than", "30d"}, ws.path());
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.contains(": 1 run,"), qPrintable(r.out));
    QCOMPARE(cli.history().size(), 0);
    r = cli.run({"releases", "prod"}, ws.path());
    QVERIFY(r.out.contains("has no releases yet"));
}

// The backup runs in its own process while this one keeps adding runs and log lines.
void TestPruneCli::backupWhileAnotherProcessWrites()
{
    Cli cli;
    QTemporaryDir ws;
    QTemporaryDir out;
    auto store = HistoryStore::open(cli.dataDir());
    QVERIFY(store);
    QList<qint64> before;
    for (int i = 0; i < 200; ++i)
        before << addRun(**store, ws.path(), 3, QStringLiteral("committed%1").arg(i), 200);
    QVERIFY((*store)->logWriter()->flush());

    const QString file = out.filePath("history-backup.sqlite");
    QProcess *backup = cli.start({"backup", file}, this);
    QVERIFY(backup->waitForStarted());
    int written = 0;
    while (backup->state() != QProcess::NotRunning) {
        addRun(**store, ws.path(), 0, QStringLiteral("during"), 200);
        QVERIFY((*store)->logWriter()->flush());
        ++written;
        backup->waitForFinished(0);
    }
    QVERIFY(hasFinished(backup));
    QCOMPARE(backup->exitCode(), 0);
    const QString said = QString::fromUtf8(backup->readAllStandardOutput());
    QVERIFY2(said.contains("wrote " + file), qPrintable(said));
    QVERIFY2(written > 0, "the writer never ran while the backup did");

    QCOMPARE(peek(file, "PRAGMA integrity_check").toString(), QStringLiteral("ok"));
    QCOMPARE(peek(file, "PRAGMA user_version").toInt(), HistoryStore::kSchemaVersion);
    const qint64 last = before.last();
    QCOMPARE(peek(file, QStringLiteral("SELECT count(*) FROM runs WHERE id <= %1").arg(last))
                 .toLongLong(),
             qint64(before.size()));
    QCOMPARE(
        peek(file,
             QStringLiteral("SELECT sum(line_count) FROM log_blocks WHERE run_id <= %1").arg(last))
            .toLongLong(),
        qint64(before.size()) * 200);
    // The copy's search index finds what the runs wrote before the backup, in as many blocks
    // as the history holds it (a run's lines may span two blocks, as the writer batched them).
    const QString query = QStringLiteral("SELECT count(*) FROM log_fts WHERE log_fts MATCH '%1'")
                              .arg(Internal::ftsQuery(QStringLiteral("committed199")));
    const qint64 inCopy = peek(file, query).toLongLong();
    QVERIFY(inCopy >= 1);
    QCOMPARE(inCopy, peek((*store)->databasePath(), query).toLongLong());

    CliResult r = cli.run({"backup", file});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(file + " exists already; choose another file name, or add --force"),
             qPrintable(r.err));
    r = cli.run({"backup", file, "--force"});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(peek(file, "SELECT count(*) FROM runs").toLongLong(), qint64(before.size() + written));
}

void TestPruneCli::restoreRefusesWhatIsNotAGoodHistory()
{
    Cli cli;
    QTemporaryDir ws;
    QTemporaryDir out;
    {
        auto store = HistoryStore::open(cli.dataDir());
        QVERIFY(store);
        for (int i = 0; i < 100; ++i)
            addRun(**store, ws.path(), 1, QStringLiteral("kept%1").arg(i), 100);
        QVERIFY((*store)->logWriter()->flush());
    }
    const QString good = out.filePath("good.sqlite");
    QCOMPARE(cli.run({"backup", good}).exitCode, 0);

    // Damaged: pages in the middle overwritten.
    const QString damaged = out.filePath("damaged.sqlite");
    QVERIFY(QFile::copy(good, damaged));
    {
        QFile f(damaged);
        QVERIFY(f.open(QIODevice::ReadWrite));
        QVERIFY(f.size() > 64 * 1024);
        f.seek(8 * 1024);
        f.write(QByteArray(32 * 1024, '\x5a'));
    }
    CliResult r = cli.run({"restore", damaged});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(damaged + " is damaged"), qPrintable(r.err));

    // Another program's SQLite database.
    const QString foreign = out.filePath("notes.sqlite");
    {
        QSqlDatabase db = QSqlDatabase::addDatabase("QSQLITE", "foreign");
        db.setDatabaseName(foreign);
        QVERIFY(db.open());
        QSqlQuery q(db);
        QVERIFY(q.exec("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)"));
        QVERIFY(q.exec("INSERT INTO notes (text) VALUES ('hello')"));
        db.close();
    }
    QSqlDatabase::removeDatabase("foreign");
    r = cli.run({"restore", foreign});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(foreign + " is not a DeployDesk history (it has no DeployDesk schema "
                                      "version); restore takes a file written by "
                                      "\"deploydeskctl backup\""),
             qPrintable(r.err));

    // Not SQLite at all, and no file.
    const QString text = out.filePath("readme.txt");
    writeFile(text, QByteArray("just some text\n").repeated(400));
    r = cli.run({"restore", text});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(text + " is not a DeployDesk history (SQLite cannot read it"),
             qPrintable(r.err));
    r = cli.run({"restore", out.filePath("missing.sqlite")});
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.err.contains("missing.sqlite does not exist"));

    // The history is as it was, and nothing was left beside it.
    QCOMPARE(cli.history({"--limit", "1000"}).size(), 100);
    const QStringList left = QDir(cli.dataDir()).entryList({"history.sqlite.*"}, QDir::Files);
    QVERIFY2(left.isEmpty(), qPrintable(left.join(", ")));
}

void TestPruneCli::restoreReplacesAndKeepsTheOld()
{
    Cli cli;
    QTemporaryDir ws;
    QTemporaryDir out;
    {
        auto store = HistoryStore::open(cli.dataDir());
        QVERIFY(store);
        for (int i = 0; i < 5; ++i)
            addRun(**store, ws.path(), 1, QStringLiteral("original"));
        QVERIFY((*store)->logWriter()->flush());
    }
    const QString file = out.filePath("monday.sqlite");
    QCOMPARE(cli.run({"backup", file}).exitCode, 0);
    {
        auto store = HistoryStore::open(cli.dataDir());
        QVERIFY(store);
        for (int i = 0; i < 3; ++i)
            addRun(**store, ws.path(), 0, QStringLiteral("later"));
        QVERIFY((*store)->logWriter()->flush());
    }
    QCOMPARE(cli.history({"--limit", "100"}).size(), 8);

    CliResult r = cli.run({"restore", file});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.contains("restored 5 runs from " + file), qPrintable(r.out));
    QCOMPARE(cli.history({"--limit", "100"}).size(), 5);
    QCOMPARE(cli.history({"--grep", "later"}).size(), 0);
    QCOMPARE(cli.history({"--grep", "original"}).size(), 5);
    QCOMPARE(cli.run({"check"}).exitCode, 0);

    const QStringList kept =
        QDir(cli.dataDir()).entryList({"history.sqlite.before-restore-*"}, QDir::Files);
    QCOMPARE(kept.size(), 1);
    QVERIFY2(r.out.contains(kept.first()), qPrintable(r.out));
    const QString old = QDir(cli.dataDir()).filePath(kept.first());
    QCOMPARE(peek(old, "SELECT count(*) FROM runs").toLongLong(), 8);
    QCOMPARE(peek(old, "PRAGMA integrity_check").toString(), QStringLiteral("ok"));
    // New runs go on from the restored history.
    auto store = HistoryStore::open(cli.dataDir());
    QVERIFY(store);
    addRun(**store, ws.path(), 0, QStringLiteral("after"));
    QVERIFY((*store)->logWriter()->flush());
    QCOMPARE(cli.history({"--grep", "after"}).size(), 1);
}

void TestPruneCli::restoreRefusedWhileARunRuns()
{
    Cli cli;
    QTemporaryDir ws;
    QTemporaryDir out;
    qint64 running = 0;
    {
        auto store = HistoryStore::open(cli.dataDir());
        QVERIFY(store);
        addRun(**store, ws.path(), 1, QStringLiteral("done"));
        QVERIFY((*store)->logWriter()->flush());
    }
    const QString file = out.filePath("b.sqlite");
    QCOMPARE(cli.run({"backup", file}).exitCode, 0);
    {
        auto store = HistoryStore::open(cli.dataDir());
        QVERIFY(store);
        // This test process is the run's live runner.
        running = addRun(**store, ws.path(), 0, QStringLiteral("busy"), 10, RunStatus::Running);
        QVERIFY((*store)->logWriter()->flush());
    }
    CliResult r = cli.run({"restore", file});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(QStringLiteral("run %1 is running (process %2)")
                                .arg(running)
                                .arg(QCoreApplication::applicationPid())),
             qPrintable(r.err));
    QVERIFY(r.err.contains("wait for it to end or cancel it"));
    QCOMPARE(cli.history({"--limit", "100"}).size(), 2);
}

QTEST_GUILESS_MAIN(TestPruneCli)
#include "tst_prunecli.moc"
