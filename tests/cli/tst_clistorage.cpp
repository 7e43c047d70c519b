// deploydeskctl when the history cannot be written or read: a full disk during a run
// (a small tmpfs the test mounts), a lock held by another process across a stage, a
// full or read-only data folder, damaged log pages.
#include "clihelper.h"
#include "smallfs.h"

#include <QSqlDatabase>
#include <QSqlQuery>

class TestCliStorage : public QObject
{
    Q_OBJECT

    QTemporaryDir m_tmp;

    QString workspace(const QString &name, const QByteArray &yaml)
    {
        const QString dir = m_tmp.filePath(name);
        QDir().mkpath(dir);
        writeFile(dir + "/deploydesk.yml", yaml);
        return dir;
    }

    static bool noStageRunning(const QJsonObject &run)
    {
        for (const QJsonValue &v : run.value("stages").toArray())
            if (v.toObject().value("status").toString() == "running")
                return false;
        return true;
    }

private slots:
    // The disk fills in the middle of a stage and stays full until the run ends.
    void fullDiskDuringARunFailsItAndSaysWhere()
    {
        Cli cli;
        SmallFs fs(m_tmp.filePath("full-data"), QStringLiteral("3m"));
        if (!fs.ok())
            QSKIP(qPrintable(fs.whyNot()));
        cli.env().insert("DEPLOYDESK_DATA_DIR", fs.path());
        cli.env().insert("FILLER", fs.fillerPath());
        const QString ws = workspace(
            "full", "name: full\n"
                    "stages:\n"
                    "  fill:\n"
                    "    run: |\n"
                    "      for i in $(seq 1 300); do echo \"line $i before\"; done\n"
                    "      dd if=/dev/zero of=\"$FILLER\" bs=64k 2>/dev/null || true\n"
                    "      for i in $(seq 1 3000); do echo \"line $i after the disk filled\"; "
                    "done\n"
                    "  after:\n    needs: [fill]\n    run: echo after\n");
        const CliResult r = cli.run({"run"}, ws);
        // Not a success, and the terminal says what could not be recorded and where.
        QCOMPARE(r.exitCode, 3);
        QVERIFY2(!r.out.contains("run 1 success"), qPrintable(r.out));
        QVERIFY2(r.err.contains("could not record") && r.err.contains("no space left") &&
                     r.err.contains(fs.path() + "/history.sqlite"),
                 qPrintable(r.err));
        QVERIFY2(r.err.contains("record is incomplete"), qPrintable(r.err));

        // Space again: the history is usable, ends consistent, and no stage is running.
        QVERIFY(fs.unfill());
        const QJsonObject shown = cli.show(1);
        const QString status = shown["status"].toString();
        QVERIFY2(status == "interrupted" || status == "failed", qPrintable(status));
        QVERIFY(noStageRunning(shown));
        QVERIFY(stageOf(shown, "fill")["status"].toString() != "success");
        // The log keeps what was stored and is marked where the rest was lost.
        const CliResult logs = cli.run({"logs", "1", "fill"});
        QCOMPARE(logs.exitCode, 0);
        const QStringList lines = logs.out.split('\n', Qt::SkipEmptyParts);
        QVERIFY(!lines.isEmpty());
        QVERIFY2(lines.last().startsWith("[deploydesk] "), qPrintable(logs.out.right(2000)));
        QVERIFY(!logs.out.contains("line 3000 after the disk filled"));
    }

    // Another process holds a write transaction on the history for longer than the busy
    // timeout while a stage finishes.
    void lockHeldAcrossAStageIsRetriedAndFailsTheRun()
    {
        Cli cli;
        cli.env().insert("DEPLOYDESK_BUSY_TIMEOUT", "1000");
        const QString signalDir = m_tmp.filePath("lock-signalDir");
        QDir().mkpath(signalDir);
        const QString ws =
            workspace("lock", QStringLiteral("name: lock\n"
                                             "stages:\n"
                                             "  hold:\n"
                                             "    run: |\n"
                                             "      echo before the lock\n"
                                             "      touch %1/started\n"
                                             "      while [ ! -e %1/go ]; do sleep 0.05; done\n"
                                             "      echo during the lock\n"
                                             "  after:\n    needs: [hold]\n    run: echo after\n")
                                  .arg(signalDir)
                                  .toUtf8());
        QProcess *runner = cli.start({"run", "--workspace", ws}, this);
        QVERIFY(runner->waitForStarted());
        QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(signalDir + "/started"), 30000);

        QByteArray err;
        {
            auto db = QSqlDatabase::addDatabase("QSQLITE", "holder");
            db.setDatabaseName(cli.dataDir() + "/history.sqlite");
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec("BEGIN IMMEDIATE"));
            writeFile(signalDir + "/go", "");
            // Held until the runner says it could not record (at least one busy timeout).
            QTRY_VERIFY_WITH_TIMEOUT((err += runner->readAllStandardError())
                                         .contains("could not "
                                                   "record"),
                                     60000);
            QVERIFY(q.exec("ROLLBACK"));
            db.close();
        }
        QSqlDatabase::removeDatabase("holder");
        QVERIFY(hasFinished(runner, 120000));
        err += runner->readAllStandardError();
        QCOMPARE(runner->exitCode(), 3);
        QVERIFY2(err.contains("lock on the history") && err.contains("record is incomplete"),
                 err.constData());

        // Retried once the lock was gone: the history is consistent without a restart.
        const QJsonObject shown = cli.show(1);
        QCOMPARE(shown["status"].toString(), "failed");
        QVERIFY(noStageRunning(shown));
        QCOMPARE(stageOf(shown, "hold")["status"].toString(), "failed");
        QVERIFY2(stageOf(shown, "hold")["reason"].toString().contains("record is incomplete"),
                 qPrintable(stageOf(shown, "hold")["reason"].toString()));
        QCOMPARE(stageOf(shown, "after")["status"].toString(), "success");
        bool told = false;
        for (const QJsonValue &v : shown["events"].toArray())
            told = told || v.toObject()["kind"].toString() == "record-failed";
        QVERIFY(told);
        // Every line is there, or a marker stands where it is not.
        const QString log = cli.run({"logs", "1", "hold"}).out;
        QVERIFY2((log.contains("before the lock") && log.contains("during the lock")) ||
                     log.contains("could not be recorded here"),
                 qPrintable(log));
    }

    void fullOrReadOnlyDataFolderIsNamedForWhatItIs()
    {
        Cli cli;
        SmallFs fs(m_tmp.filePath("ro-data"), QStringLiteral("3m"));
        if (!fs.ok())
            QSKIP(qPrintable(fs.whyNot()));
        cli.env().insert("DEPLOYDESK_DATA_DIR", fs.path());
        const QString ws = workspace("ro", "name: ro\nstages:\n  a:\n    run: echo a\n");
        QCOMPARE(cli.run({"run"}, ws).exitCode, 0);

        QVERIFY(fs.fill());
        CliResult r = cli.run({"run"}, ws);
        QVERIFY(r.exitCode != 0);
        QVERIFY2(r.err.contains("no space left") && !r.err.contains("move the file away"),
                 qPrintable(r.err));
        QVERIFY(fs.unfill());

        QVERIFY(fs.setReadOnly(true));
        r = cli.run({"run"}, ws);
        QVERIFY(r.exitCode != 0);
        QVERIFY2(r.err.contains("read-only") && !r.err.contains("move the file away"),
                 qPrintable(r.err));
        QVERIFY(fs.setReadOnly(false));
        QCOMPARE(cli.history().size(), 1); // the healthy file was left alone
    }

    void damagedLogPagesAreAnErrorAndCheckNamesThem()
    {
        Cli cli;
        // Blocks stored plain, as an older DeployDesk wrote them, so the test can find the
        // marker's page in the file (a damaged compressed block: tst_logwriter).
        cli.env().insert("DEPLOYDESK_LOG_ZSTD_LEVEL", "0");
        // `big` starts after `good` has ended and waits past the log writer's longest delay
        // (250 ms), so good's line is committed before big's: under load the two could
        // otherwise share a batch, and good's small block the marker's page.
        const QString ws = workspace(
            "damaged", "name: damaged\n"
                       "stages:\n"
                       "  good:\n    run: echo hello from good\n"
                       "  big:\n"
                       "    needs: [good]\n"
                       "    run: |\n"
                       "      sleep 0.6\n"
                       "      for i in $(seq 1 3000); do echo \"line $i of big\"; done\n"
                       "      echo ZQXJ-DAMAGED-PAGE-MARK-0123456789\n"
                       "      for i in $(seq 1 3000); do echo \"more $i of big\"; done\n");
        QCOMPARE(cli.run({"run"}, ws).exitCode, 0);
        QCOMPARE(cli.run({"check"}).exitCode, 0);

        // Overwrite the page holding the marker line, as a failing disk would.
        const QString path = cli.dataDir() + "/history.sqlite";
        QVERIFY(!QFile::exists(path + "-wal") || QFileInfo(path + "-wal").size() == 0);
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadWrite));
        const QByteArray bytes = file.readAll();
        const qsizetype at = bytes.indexOf("ZQXJ-DAMAGED-PAGE-MARK-0123456789");
        QVERIFY(at > 0);
        QVERIFY(bytes.indexOf("ZQXJ-DAMAGED-PAGE-MARK-0123456789", at + 1) < 0);
        QVERIFY(file.seek(at / 4096 * 4096));
        file.write(QByteArray(4096, char(0xff)));
        file.close();

        const CliResult logs = cli.run({"logs", "1"});
        QCOMPARE(logs.exitCode, 2);
        QVERIFY2(logs.err.contains("run 1, stage big") && logs.err.contains("damaged"),
                 qPrintable(logs.err));
        QVERIFY(logs.out.contains("hello from good")); // the other stage is printed
        const CliResult good = cli.run({"logs", "1", "good"});
        QCOMPARE(good.exitCode, 0);
        QCOMPARE(good.out, QStringLiteral("hello from good\n"));
        QCOMPARE(cli.history().size(), 1); // the rest of the history stays usable

        const CliResult check = cli.run({"check"});
        QCOMPARE(check.exitCode, 1);
        QVERIFY2(check.out.contains("run 1, stage \"big\""), qPrintable(check.out));
        QVERIFY2(check.out.contains("SQLite:") || check.out.contains("log block"),
                 qPrintable(check.out));
    }
};

QTEST_GUILESS_MAIN(TestCliStorage)
#include "tst_clistorage.moc"
