// deploydeskctl end to end: validate, run, history, show, logs, cancel from another
// terminal, kill -9 of a running run, re-run of the failed stages, exit codes.
#include "../process/processtestutil.h"
#include "clihelper.h"

#include <QDirIterator>
#include <QJsonArray>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QSet>
#include <QSignalSpy>

#include <csignal>
#include <sys/stat.h>

class TestCli : public QObject
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

    static bool pidAlive(qint64 pid)
    {
        if (::kill(pid_t(pid), 0) != 0)
            return false;
        QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
        return stat.open(QIODevice::ReadOnly) && !stat.readAll().contains(") Z ");
    }

    static qint64 readPid(const QString &path)
    {
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly))
            return 0;
        return f.readAll().trimmed().toLongLong();
    }

private slots:
    void version()
    {
        Cli cli;
        const CliResult r = cli.run({"--version"});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out.trimmed(), QStringLiteral("deploydeskctl " DEPLOYDESK_VERSION));
    }

    void unknownCommandIsInvalidInput()
    {
        Cli cli;
        const CliResult r = cli.run({"deploy-everything"});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains("unknown command \"deploy-everything\""));
        QVERIFY(r.err.contains("validate"));
    }

    void validateReportsEveryProblemWithPositions()
    {
        Cli cli;
        const QString ws = workspace("invalid", "name: broken\n"
                                                "stages:\n"
                                                "  lint:\n"
                                                "    run: echo lint\n"
                                                "    neds: [build]\n"
                                                "  deploy:\n"
                                                "    run: echo deploy\n"
                                                "    needs: [biuld]\n");
        const CliResult r = cli.run({"validate"}, ws);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QRegularExpression("deploydesk\\.yml:5:5: .*\"neds\".*\"needs\"")),
                 qPrintable(r.err));
        QVERIFY2(r.err.contains(QRegularExpression("deploydesk\\.yml:8:\\d+: .*\"biuld\"")),
                 qPrintable(r.err));
        QVERIFY(r.err.contains("2 problems"));
        // Nothing ran, nothing was recorded.
        QCOMPARE(cli.history().size(), 0);
        const CliResult run = cli.run({"run"}, ws);
        QCOMPARE(run.exitCode, 2);
        QCOMPARE(cli.history().size(), 0);
    }

    void validateAcceptsAGoodFile()
    {
        Cli cli;
        const QString ws = workspace("good", "name: good\nstages:\n  a:\n    run: echo a\n");
        const CliResult r = cli.run({"validate"}, ws);
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains("valid"));
    }

    void successfulRunIsRecorded()
    {
        Cli cli;
        const QString ws = workspace(
            "ok",
            "name: ok\n"
            "environments:\n  preview: {}\n"
            "stages:\n"
            "  lint:\n    run: echo linting; printf '\\033[32mgreen\\033[0m\\n'\n"
            "  build:\n    needs: [lint]\n    run: mkdir -p out && echo site > out/index.html\n"
            "    artifacts: [out/]\n");
        const CliResult r = cli.run({"run", "--env", "preview", "-m", "first deploy"}, ws);
        QCOMPARE(r.exitCode, 0);
        // Piped output: one plain line per change.
        QVERIFY2(r.out.contains(QRegularExpression("lint success")), qPrintable(r.out));
        QVERIFY(r.out.contains("build success"));
        QVERIFY(!r.out.contains("\x1b["));

        const QJsonArray runs = cli.history();
        QCOMPARE(runs.size(), 1);
        const QJsonObject run = runs[0].toObject();
        QCOMPARE(run["status"].toString(), "success");
        QCOMPARE(run["environment"].toString(), "preview");
        QCOMPARE(run["message"].toString(), "first deploy");
        QVERIFY(!run["triggeredBy"].toString().isEmpty());

        const QJsonObject shown = cli.show(run["id"].toInteger());
        QCOMPARE(stageOf(shown, "lint")["status"].toString(), "success");
        QCOMPARE(stageOf(shown, "lint")["exitCode"].toInt(), 0);
        const QJsonArray artifacts = shown["artifacts"].toArray();
        QCOMPARE(artifacts.size(), 1);
        QCOMPARE(artifacts[0].toObject()["path"].toString(), "out/");
        QCOMPARE(artifacts[0].toObject()["size"].toInteger(), 5);

        const CliResult logs = cli.run({"logs", QString::number(run["id"].toInteger()), "lint"});
        QCOMPARE(logs.exitCode, 0);
        QCOMPARE(logs.out, QStringLiteral("linting\ngreen\n")); // colours stripped when piped
        const CliResult coloured =
            cli.run({"logs", QString::number(run["id"].toInteger()), "lint", "--color", "always"});
        QVERIFY(coloured.out.contains("\x1b[32mgreen"));
        const CliResult all = cli.run({"logs", QString::number(run["id"].toInteger())});
        QVERIFY(all.out.contains("lint  | linting"));
    }

    // Deploying to a protected environment from a script: without --approve nothing
    // starts (nothing could approve it; tst_surprises has the details); with --approve the
    // deploy runs and the approval is recorded with its reason.
    void protectedEnvironmentNeedsApproval()
    {
        Cli cli;
        const QString ws = workspace("protected", "name: protected\n"
                                                  "environments:\n  production:\n"
                                                  "    protected: true\n"
                                                  "stages:\n"
                                                  "  build:\n    run: echo build\n"
                                                  "  deploy:\n    needs: [build]\n"
                                                  "    if: environment == production\n"
                                                  "    run: touch deployed\n");
        const CliResult refused = cli.run({"run", "--env", "production"}, ws);
        QCOMPARE(refused.exitCode, 2);
        QVERIFY2(refused.err.contains("--approve"), qPrintable(refused.err));
        QVERIFY(!QFile::exists(ws + "/deployed"));
        QCOMPARE(cli.history().size(), 0);
        QJsonObject shown;

        const CliResult approved =
            cli.run({"run", "--env", "production", "--approve", "-m", "release 1.2"}, ws);
        QCOMPARE(approved.exitCode, 0);
        QVERIFY(QFile::exists(ws + "/deployed"));
        shown = cli.show(cli.history()[0].toObject()["id"].toInteger());
        bool found = false;
        for (const QJsonValue &e : shown["events"].toArray()) {
            const QJsonObject o = e.toObject();
            if (o["kind"].toString() == "approved")
                found = o["message"].toString().contains("release 1.2") &&
                        !o["who"].toString().isEmpty();
        }
        QVERIFY(found);
    }

    void failedRunSkipsDependentsAndShowsTheTail()
    {
        Cli cli;
        const QString ws =
            workspace("fail", "name: fail\n"
                              "stages:\n"
                              "  test:\n    run: \"echo 'AssertionError: 2 != 3'; exit 3\"\n"
                              "  build:\n    needs: [test]\n    run: echo build\n"
                              "  docs:\n    run: echo docs\n");
        const CliResult r = cli.run({"run"}, ws);
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("AssertionError: 2 != 3"), qPrintable(r.err));
        const QJsonObject run = cli.history()[0].toObject();
        QCOMPARE(run["status"].toString(), "failed");
        const QJsonObject shown = cli.show(run["id"].toInteger());
        QCOMPARE(stageOf(shown, "test")["exitCode"].toInt(), 3);
        QCOMPARE(stageOf(shown, "build")["status"].toString(), "skipped");
        QCOMPARE(stageOf(shown, "docs")["status"].toString(), "success");
        QCOMPARE(cli.history({"--status", "failed"}).size(), 1);
        QCOMPARE(cli.history({"--status", "success"}).size(), 0);
        QCOMPARE(cli.history({"--grep", "assertionerror"}).size(), 1);
        QCOMPARE(cli.history({"--grep", "nothing-like-this"}).size(), 0);
    }

    void rerunFailedReusesWhatSucceeded()
    {
        Cli cli;
        const QString ws = workspace(
            "rerun",
            "name: rerun\n"
            "stages:\n"
            "  build:\n    run: echo built >> build-count && mkdir -p dist && echo v1 > dist/app\n"
            "    artifacts: [dist/]\n"
            "  test:\n    needs: [build]\n    run: test -f fixed\n"
            "  deploy:\n    needs: [test]\n    run: cat dist/app\n");
        QCOMPARE(cli.run({"run"}, ws).exitCode, 1);
        const qint64 first = cli.history()[0].toObject()["id"].toInteger();
        writeFile(ws + "/fixed", "");
        QDir(ws + "/dist").removeRecursively(); // the artifact must come back from the history
        const CliResult r = cli.run({"run", "--rerun-failed", QString::number(first)}, ws);
        QCOMPARE(r.exitCode, 0);
        QFile count(ws + "/build-count");
        QVERIFY(count.open(QIODevice::ReadOnly));
        QCOMPARE(count.readAll(), QByteArray("built\n")); // build ran once, in the first run
        const QJsonObject second = cli.history()[0].toObject();
        QCOMPARE(second["rerunOf"].toInteger(), first);
        const QJsonObject shown = cli.show(second["id"].toInteger());
        QVERIFY(stageOf(shown, "build")["reusedFrom"].toInteger() > 0);
        QCOMPARE(stageOf(shown, "deploy")["status"].toString(), "success");
        const CliResult logs =
            cli.run({"logs", QString::number(second["id"].toInteger()), "deploy"});
        QCOMPARE(logs.out, QStringLiteral("v1\n"));
        // Nothing left to re-run.
        const CliResult again =
            cli.run({"run", "--rerun-failed", QString::number(second["id"].toInteger())}, ws);
        QCOMPARE(again.exitCode, 2);
        QVERIFY(again.err.contains("no failed or skipped stages"));
    }

    // Issue 11 §7: a stage with `inputs:` is reused when its inputs, command and
    // environment hash as a successful earlier run's did, and its artifacts come back.
    // A stage that runs again and builds the same files keeps them again, as that run's
    // artifacts, without adding their bytes to the data folder (stored by content).
    void aBuildKeptAgainAddsNoBytes()
    {
        Cli cli;
        const QString ws =
            workspace("same-build", "name: same-build\n"
                                    "stages:\n"
                                    "  build:\n    run: mkdir -p dist && seq 1 20000 > dist/app "
                                    "&& cp dist/app dist/copy\n    artifacts: [dist/]\n");
        // What the files under artifacts/ take on disk, each inode once (as du counts).
        const auto onDisk = [&] {
            QSet<QPair<quint64, quint64>> seen;
            qint64 bytes = 0;
            QDirIterator it(cli.dataDir() + "/artifacts", QDir::Files,
                            QDirIterator::Subdirectories);
            while (it.hasNext()) {
                struct stat st;
                if (::lstat(QFile::encodeName(it.next()).constData(), &st) != 0)
                    continue;
                const QPair<quint64, quint64> inode{st.st_dev, st.st_ino};
                if (!seen.contains(inode)) {
                    seen.insert(inode);
                    bytes += st.st_size;
                }
            }
            return bytes;
        };
        QCOMPARE(cli.run({"run"}, ws).exitCode, 0);
        const qint64 once = onDisk();
        QCOMPARE(once, QFileInfo(ws + "/dist/app").size()); // app and copy are the same file
        QCOMPARE(cli.run({"run"}, ws).exitCode, 0);
        QCOMPARE(cli.run({"run"}, ws).exitCode, 0);
        QCOMPARE(onDisk(), once);
        // Each run still lists, and can give back, what it built.
        for (int i = 0; i < 3; ++i) {
            const QJsonObject shown = cli.show(cli.history()[i].toObject()["id"].toInteger());
            const QJsonArray kept = shown["artifacts"].toArray();
            QCOMPARE(kept.size(), 1);
            QCOMPARE(kept[0].toObject()["size"].toInteger(), 2 * once);
        }
    }

    // Issue 11 §7: a stage's `cache:` comes back in the next run, with the log saying hit or
    // miss and why, and the process told through DEPLOYDESK_CACHE_HIT.
    void aStageCacheIsRestoredInTheNextRun()
    {
        Cli cli;
        const QString ws = workspace(
            "cache", "name: cache\n"
                     "stages:\n"
                     "  install:\n"
                     "    run: echo \"hit=$DEPLOYDESK_CACHE_HIT\" && [ -d node_modules ] || "
                     "(echo installing >> installs && mkdir -p node_modules/pkg && cp "
                     "package-lock.json node_modules/pkg/index.js)\n"
                     "    cache: { key: { files: [package-lock.json], prefix: npm }, paths: "
                     "[node_modules] }\n");
        writeFile(ws + "/package-lock.json", "{\"lockfileVersion\": 3}\n");
        QCOMPARE(cli.run({"run"}, ws).exitCode, 0);
        QVERIFY(QDir(ws + "/node_modules").removeRecursively()); // a fresh clone
        QCOMPARE(cli.run({"run"}, ws).exitCode, 0);
        const QString second = cli.run({"logs", "2", "install"}).out;
        QVERIFY2(second.contains("cache hit: key npm-") && second.contains("hit=true"),
                 qPrintable(second));
        QCOMPARE(QFile(ws + "/installs").size(), qint64(QByteArray("installing\n").size()));
        QVERIFY(QFileInfo::exists(ws + "/node_modules/pkg/index.js"));

        writeFile(ws + "/package-lock.json", "{\"lockfileVersion\": 3, \"x\": 1}\n");
        QVERIFY(QDir(ws + "/node_modules").removeRecursively());
        QCOMPARE(cli.run({"run"}, ws).exitCode, 0);
        const QString third = cli.run({"logs", "3", "install"}).out;
        QVERIFY2(third.contains("changed: package-lock.json") && third.contains("hit=false") &&
                     third.contains("cache saved: key npm-"),
                 qPrintable(third));
        QVERIFY(
            QDir(cli.dataDir() + "/caches").entryList(QDir::Dirs | QDir::NoDotAndDotDot).size() >=
            2);
    }

    void stagesWithUnchangedInputsAreReused()
    {
        Cli cli;
        const QString ws = workspace(
            "inputs",
            "name: inputs\n"
            "stages:\n"
            "  build:\n    run: echo built >> build-count && mkdir -p dist && cat $(find src "
            "-name '*.txt' | sort) > dist/app\n"
            "    inputs: [\"src/**/*.txt\"]\n    artifacts: [dist/]\n"
            "  check:\n    needs: [build]\n    run: cat dist/app\n");
        QDir(ws).mkpath("src/sub");
        writeFile(ws + "/src/app.txt", "v1\n");
        const auto builds = [&] {
            QFile count(ws + "/build-count");
            return count.open(QIODevice::ReadOnly) ? count.readAll().count('\n') : 0;
        };
        // A run, and what its check stage printed (the build's artifact); its `show --json`.
        const auto runAndCheck = [&](const char *expected) -> QJsonObject {
            const CliResult r = cli.run({"run"}, ws);
            if (!QTest::qVerify(r.exitCode == 0, "run", qPrintable(r.err), __FILE__, __LINE__))
                return {};
            const qint64 id = cli.history()[0].toObject()["id"].toInteger();
            const QString printed = cli.run({"logs", QString::number(id), "check"}).out;
            if (!QTest::qCompare(printed, QString::fromUtf8(expected), "printed", "expected",
                                 __FILE__, __LINE__))
                return {};
            return cli.show(id);
        };
        runAndCheck("v1\n");
        QCOMPARE(builds(), 1);
        if (QTest::currentTestFailed())
            return;
        const qint64 firstBuild =
            stageOf(cli.show(cli.history()[0].toObject()["id"].toInteger()), "build")["id"]
                .toInteger();

        QJsonObject shown = runAndCheck("v1\n"); // nothing changed
        QCOMPARE(builds(), 1);
        QCOMPARE(stageOf(shown, "build")["reusedFrom"].toInteger(), firstBuild);
        const CliResult text = cli.run({"show", QString::number(shown["id"].toInteger())});
        QVERIFY2(text.out.contains("stage build reused from run 1: its inputs, command and "
                                   "environment are unchanged"),
                 qPrintable(text.out));

        QDir(ws + "/dist").removeRecursively(); // comes back from the history
        runAndCheck("v1\n");
        QCOMPARE(builds(), 1);

        writeFile(ws + "/src/readme.md", "not an input\n");
        runAndCheck("v1\n");
        QCOMPARE(builds(), 1);

        writeFile(ws + "/src/app.txt", "v2\n"); // an input changed
        runAndCheck("v2\n");
        QCOMPARE(builds(), 2);

        writeFile(ws + "/src/sub/more.txt", "more\n"); // a new file matches
        runAndCheck("v2\nmore\n");
        QCOMPARE(builds(), 3);
        runAndCheck("v2\nmore\n");
        QCOMPARE(builds(), 3);
    }

    // The case a user met: --rerun-failed reused `install` after package.json changed, so
    // the rebuilt site failed again. With `inputs:`, a changed stage runs again.
    void rerunFailedRunsAStageWhoseInputsChanged()
    {
        Cli cli;
        const QString ws =
            workspace("rerun-inputs", "name: rerun-inputs\n"
                                      "stages:\n"
                                      "  install:\n    run: cp package.json installed.json\n"
                                      "    inputs: [package.json]\n"
                                      "  site:\n    needs: [install]\n"
                                      "    run: cmp package.json installed.json\n");
        writeFile(ws + "/package.json", "{\"dependencies\": {\"a\": \"1\"}}\n");
        QCOMPARE(cli.run({"run"}, ws).exitCode, 0);
        // A run whose site fails; then package.json changes and the failure is re-run.
        writeFile(ws + "/installed.json", "stale\n");
        const CliResult failing = cli.run({"run", "--stage", "site"}, ws);
        QVERIFY2(failing.exitCode == 1, qPrintable(failing.err));
        const qint64 failed = cli.history()[0].toObject()["id"].toInteger();
        QVERIFY(stageOf(cli.show(failed), "install")["reusedFrom"].toInteger() > 0);

        writeFile(ws + "/package.json", "{\"dependencies\": {\"a\": \"2\"}}\n");
        const CliResult rerun = cli.run({"run", "--rerun-failed", QString::number(failed)}, ws);
        QVERIFY2(rerun.exitCode == 0, qPrintable(rerun.err));
        const qint64 id = cli.history()[0].toObject()["id"].toInteger();
        const QJsonObject shown = cli.show(id);
        QCOMPARE(stageOf(shown, "install")["reusedFrom"].toInteger(), 0);
        QCOMPARE(stageOf(shown, "install")["status"].toString(), "success");
        QVERIFY(cli.run({"show", QString::number(id)})
                    .out.contains(QStringLiteral("stage install runs again: its inputs, command or "
                                                 "environment changed since run %1")
                                      .arg(failed)));
    }

    // A stage reused by its inputs waits for what it needs: when a stage it needs runs
    // again and fails, it is skipped, and so is what comes after it.
    void aReusedStageWaitsForWhatItNeeds()
    {
        Cli cli;
        const QString ws =
            workspace("reuse-needs", "name: reuse-needs\n"
                                     "stages:\n"
                                     "  lint:\n    run: test ! -f broken.cfg\n"
                                     "    inputs: [\"*.cfg\"]\n"
                                     "  build:\n    needs: [lint]\n    run: echo built\n"
                                     "    inputs: [src]\n"
                                     "  publish:\n    needs: [build]\n"
                                     "    run: echo published >> published\n");
        QDir(ws).mkpath("src");
        writeFile(ws + "/src/app.txt", "v1\n");
        writeFile(ws + "/lint.cfg", "strict\n");
        QCOMPARE(cli.run({"run"}, ws).exitCode, 0);
        writeFile(ws + "/broken.cfg", "oops\n"); // lint's inputs change, and it fails
        const CliResult r = cli.run({"run"}, ws);
        QCOMPARE(r.exitCode, 1);
        const QJsonObject shown = cli.show(cli.history()[0].toObject()["id"].toInteger());
        QCOMPARE(stageOf(shown, "lint")["status"].toString(), "failed");
        QCOMPARE(stageOf(shown, "build")["status"].toString(), "skipped");
        QVERIFY(stageOf(shown, "build")["reusedFrom"].isNull());
        QCOMPARE(stageOf(shown, "publish")["status"].toString(), "skipped");
        QFile published(ws + "/published");
        QVERIFY(published.open(QIODevice::ReadOnly));
        QCOMPARE(published.readAll(), QByteArray("published\n")); // the first run only
    }

    void cancelFromAnotherTerminal()
    {
        Cli cli;
        const QString pidFile = m_tmp.filePath("cancel-sleep.pid");
        const QString ws =
            workspace("cancel", QStringLiteral("name: cancel\n"
                                               "stages:\n"
                                               "  long:\n    run: sleep 60 & echo $! > %1; wait\n"
                                               "  after:\n    needs: [long]\n    run: echo after\n")
                                    .arg(pidFile)
                                    .toUtf8());
        QProcess *runner = cli.start({"run", "--workspace", ws}, this);
        QVERIFY(runner->waitForStarted());
        QTRY_VERIFY_WITH_TIMEOUT(readPid(pidFile) > 0, 20000);
        const qint64 sleeper = readPid(pidFile);
        const QJsonArray running = cli.history({"--status", "running"});
        QCOMPARE(running.size(), 1);
        const qint64 id = running[0].toObject()["id"].toInteger();
        const CliResult r = cli.run({"cancel", QString::number(id)});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(hasFinished(runner, 20000));
        QCOMPARE(runner->exitCode(), 130);
        QTRY_VERIFY_WITH_TIMEOUT(!pidAlive(sleeper), 10000);
        const QJsonObject shown = cli.show(id);
        QCOMPARE(shown["status"].toString(), "cancelled");
        QCOMPARE(stageOf(shown, "long")["status"].toString(), "cancelled");
        QCOMPARE(stageOf(shown, "after")["status"].toString(), "cancelled");
        bool requested = false;
        for (const QJsonValue &e : shown["events"].toArray())
            requested = requested || e.toObject()["kind"].toString() == "cancel-requested";
        QVERIFY(requested);
    }

    void killMinus9LeavesAnInterruptedRunWithItsLogs()
    {
        Cli cli;
        const QString pidFile = m_tmp.filePath("crash-sleep.pid");
        const QString ws = workspace(
            "crash",
            QStringLiteral(
                "name: crash\n"
                "stages:\n"
                "  deploy:\n    run: echo uploading part 1; sleep 60 & echo $! > %1; wait\n")
                .arg(pidFile)
                .toUtf8());
        QProcess *runner = cli.start({"run", "--workspace", ws}, this);
        QVERIFY(runner->waitForStarted());
        QTRY_VERIFY_WITH_TIMEOUT(readPid(pidFile) > 0, 20000);
        const qint64 sleeper = readPid(pidFile);
        // The line reaches the store within the writer's flush interval.
        QTRY_VERIFY_WITH_TIMEOUT(cli.run({"logs", "1"}).out.contains("uploading part 1"), 10000);
        ::kill(pid_t(runner->processId()), SIGKILL);
        QVERIFY(hasFinished(runner, 10000));
        // The stage's processes do not outlive the runner.
        QTRY_VERIFY_WITH_TIMEOUT(!pidAlive(sleeper), 10000);
        // The next start marks the run interrupted; its logs are kept.
        const QJsonObject shown = cli.show(1);
        QCOMPARE(shown["status"].toString(), "interrupted");
        QCOMPARE(stageOf(shown, "deploy")["status"].toString(), "interrupted");
        QVERIFY(cli.run({"logs", "1", "deploy"}).out.contains("uploading part 1"));
    }

    void followPrintsUntilTheRunEnds()
    {
        Cli cli;
        const QString gate = m_tmp.filePath("follow-gate");
        const QString ws = workspace(
            "follow",
            QStringLiteral(
                "name: follow\n"
                "stages:\n"
                "  talk:\n    run: echo first; while [ ! -f %1 ]; do sleep 0.05; done; echo last\n")
                .arg(gate)
                .toUtf8());
        QProcess *runner = cli.start({"run", "--workspace", ws}, this);
        QVERIFY(runner->waitForStarted());
        // Generous: under a loaded CI (two cores, another test starting PostgreSQL) the run's
        // first line has taken over 10 s to be stored.
        QTRY_VERIFY2_WITH_TIMEOUT(cli.run({"logs", "1"}).out.contains("first"),
                                  qPrintable(QString::fromUtf8(runner->readAllStandardError())),
                                  30000);
        QProcess *follower = cli.start({"logs", "1", "talk", "--follow"}, this);
        QVERIFY(follower->waitForStarted());
        QByteArray seen;
        QTRY_VERIFY2_WITH_TIMEOUT((seen += follower->readAllStandardOutput()).contains("first"),
                                  qPrintable(seen + follower->readAllStandardError()), 10000);
        QVERIFY(!seen.contains("last")); // still waiting for the gate
        writeFile(gate, "");
        QVERIFY(hasFinished(runner, 20000));
        QVERIFY(hasFinished(follower, 20000)); // ends by itself when the run ends
        QCOMPARE(follower->exitCode(), 0);
        seen += follower->readAllStandardOutput();
        QCOMPARE(seen, QByteArray("first\nlast\n"));
    }

    // Stages that start daemons (setsid, double fork, nohup, set -m) and exit: the run
    // succeeds and, within a bounded wait, none of the daemons outlives it.
    void detachedStageProcessesEndWithTheRun()
    {
        namespace T = DeployDesk::Test;
        Cli cli;
        const QByteArray marker = T::newMarker();
        auto cleanup = qScopeGuard([&] { T::killMarked(marker); });
        cli.env().insert(QString::fromLatin1(T::markerVariable()), QString::fromLatin1(marker));
        QByteArray yaml = "name: daemons\nstages:\n";
        QStringList pidFiles;
        for (const T::DetachCase &c : T::detachCases()) {
            const QString pidFile =
                m_tmp.filePath(QStringLiteral("daemon-%1.pid").arg(pidFiles.size()));
            yaml += QStringLiteral("  start%1:\n    run: |\n").arg(pidFiles.size()).toUtf8();
            const QString command = T::stageCommand(QString::fromLatin1(c.command), pidFile,
                                                    QStringLiteral("echo started"));
            for (const QString &line : command.split(QLatin1Char('\n')))
                yaml += "      " + line.toUtf8() + "\n";
            pidFiles << pidFile;
        }
        const CliResult r = cli.run({"run"}, workspace("daemons", yaml));
        QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
        for (const QString &pidFile : std::as_const(pidFiles))
            QVERIFY2(T::readPid(pidFile) > 0, qPrintable(pidFile)); // each daemon did run
        QTRY_COMPARE_WITH_TIMEOUT(T::markedProcesses(marker), QList<qint64>(), 5000);
    }

    // The stage server's guards keep a stage's cgroup for their next stage; when the run
    // ends, so do they, and none of those cgroups is left behind.
    void stageCgroupsGoWithTheRun()
    {
        Cli cli;
        QByteArray yaml = "name: cgroups\nmax-parallel: 2\nstages:\n";
        QStringList files;
        for (int i = 0; i < 6; ++i) {
            files << m_tmp.filePath(QStringLiteral("cgroup-%1.txt").arg(i));
            yaml += QStringLiteral("  s%1:\n    run: echo \"$DEPLOYDESK_STAGE_CGROUP\" > '%2'\n")
                        .arg(i)
                        .arg(files.constLast())
                        .toUtf8();
        }
        const CliResult r = cli.run({"run"}, workspace("cgroups", yaml));
        QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
        QSet<QString> cgroups;
        for (const QString &file : std::as_const(files)) {
            QFile f(file);
            QVERIFY2(f.open(QIODevice::ReadOnly), qPrintable(file));
            const QString cgroup = QString::fromLocal8Bit(f.readAll().trimmed());
            if (!cgroup.isEmpty())
                cgroups.insert(cgroup);
        }
        if (cgroups.isEmpty())
            QSKIP("no cgroup v2 can be made here");
        for (const QString &cgroup : std::as_const(cgroups))
            QTRY_VERIFY2_WITH_TIMEOUT(!QFileInfo::exists(cgroup), qPrintable(cgroup), 5000);
    }

    // kill -9 of the runner while `logs --follow` waits: the follower sees that the run's
    // runner is gone, marks the run interrupted (as any next command would) and ends.
    void followEndsWhenTheRunnerIsKilled()
    {
        Cli cli;
        const QString ws = workspace("follow-killed", "name: followkilled\n"
                                                      "stages:\n"
                                                      "  long:\n    run: echo first; sleep 300\n");
        QProcess *runner = cli.start({"run", "--workspace", ws}, this);
        QVERIFY(runner->waitForStarted());
        // Generous: under a loaded CI (two cores, another test starting PostgreSQL) the run's
        // first line has taken over 10 s to be stored.
        QTRY_VERIFY2_WITH_TIMEOUT(cli.run({"logs", "1"}).out.contains("first"),
                                  qPrintable(QString::fromUtf8(runner->readAllStandardError())),
                                  30000);
        QProcess *follower = cli.start({"logs", "1", "--follow"}, this);
        QVERIFY(follower->waitForStarted());
        QByteArray seen;
        QTRY_VERIFY2_WITH_TIMEOUT((seen += follower->readAllStandardOutput()).contains("first"),
                                  qPrintable(seen + follower->readAllStandardError()), 10000);
        QCOMPARE(follower->state(), QProcess::Running);

        ::kill(pid_t(runner->processId()), SIGKILL);
        QVERIFY(hasFinished(runner, 10000));
        QVERIFY2(hasFinished(follower, 20000), "logs --follow went on after its runner died");
        QCOMPARE(follower->exitStatus(), QProcess::NormalExit);
        QCOMPARE(follower->exitCode(), 1);
        const QString err = QString::fromUtf8(follower->readAllStandardError());
        QVERIFY2(err.contains(QStringLiteral("run 1 was interrupted")), qPrintable(err));
        seen += follower->readAllStandardOutput();
        QVERIFY(seen.startsWith("first\n"));
        const QJsonObject shown = cli.show(1);
        QCOMPARE(shown["status"].toString(), "interrupted");
        QCOMPARE(stageOf(shown, "long")["status"].toString(), "interrupted");
    }

    void secretsFallBackToTheEnvironment()
    {
        Cli cli;
        const QString ws = workspace(
            "secret",
            "name: secret\n"
            "stages:\n"
            "  deploy:\n    run: echo using $DEPLOY_TOKEN\n    secrets: [DEPLOY_TOKEN]\n");
        CliResult r = cli.run({"validate"}, ws);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("DEPLOY_TOKEN"), qPrintable(r.err));
        r = cli.run({"secrets", "set", "DEPLOY_TOKEN"}, ws, "tok-123456\n");
        QCOMPARE(r.exitCode, 1); // no keychain here
        QVERIFY2(r.err.contains("keychain"), qPrintable(r.err));
        r = cli.run({"secrets", "list"}, ws);
        QVERIFY(r.out.contains(QRegularExpression("DEPLOY_TOKEN\\s+NOT SET")));
        cli.env().insert("DEPLOY_TOKEN", "tok-123456");
        r = cli.run({"secrets", "list"}, ws);
        QVERIFY(r.out.contains(QRegularExpression("DEPLOY_TOKEN\\s+set \\(environment\\)")));
        QVERIFY(!r.out.contains("tok-123456"));
        r = cli.run({"run"}, ws);
        QCOMPARE(r.exitCode, 0);
        const CliResult logs = cli.run({"logs", "1"});
        QCOMPARE(logs.out, QStringLiteral("using ***\n"));
        // The value reaches neither the history nor any output.
        const CliResult shown = cli.run({"show", "1", "--json"});
        QVERIFY(!shown.out.contains("tok-123456"));
        QDirIterator it(cli.dataDir(), QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            QFile f(it.next());
            QVERIFY(f.open(QIODevice::ReadOnly));
            QVERIFY2(!f.readAll().contains("tok-123456"), qPrintable(f.fileName()));
        }
    }

    void aTerminalGetsALiveTable()
    {
        // script(1) gives deploydeskctl a pseudo-terminal, as an interactive shell would.
        Cli cli;
        const QString ws = workspace("tty", "name: tty\n"
                                            "stages:\n"
                                            "  lint:\n    run: echo ok\n"
                                            "  test:\n    needs: [lint]\n    run: exit 3\n"
                                            "  deploy:\n    needs: [test]\n    run: echo never\n");
        QProcess p;
        QProcessEnvironment env = cli.env();
        env.insert("TERM", "xterm");
        p.setProcessEnvironment(env);
        p.start("script", {"-qec", Cli::program() + " --workspace " + ws + " run", "/dev/null"});
        QVERIFY(p.waitForFinished(60000));
        QCOMPARE(p.exitCode(), 1); // script passes the run's exit code through (-e)
        const QString out = QString::fromUtf8(p.readAllStandardOutput());
        QVERIFY2(out.contains("\x1b["), qPrintable(out)); // redrawn in place, in colour
        QVERIFY(out.contains(QRegularExpression("✔ lint\\s+success")));
        QVERIFY(out.contains(QRegularExpression("✘ test\\s+failed\\s+[\\d.]+ m?s\\s+exit code 3")));
        QVERIFY(out.contains(QRegularExpression("↷ deploy\\s+skipped")));
    }

    void badRunIdsAreInvalidInput()
    {
        Cli cli;
        CliResult r = cli.run({"show", "abc"});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains("not a run id"));
        r = cli.run({"show", "999"});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains("999"));
        r = cli.run({"history", "--status", "sucess"});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains("success"));
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
