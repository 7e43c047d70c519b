// deploydeskctl end to end, on what surprised users (issue 10 §5): secrets asked for only by
// the stages that will run, allowed failures (continue-on-error) told apart from real ones,
// a dirty working tree recorded, a re-run that would do nothing refused, a protected
// environment refused before anything starts, validate --env, where a reused stage comes
// from, and where First Error lands in the failure summary.
#include "clihelper.h"

#include <QRegularExpression>

class TestSurprises : public QObject
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

    static bool git(const QStringList &args, const QString &dir)
    {
        QProcess p;
        p.setWorkingDirectory(dir);
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert("GIT_AUTHOR_NAME", "t");
        env.insert("GIT_AUTHOR_EMAIL", "t@example.invalid");
        env.insert("GIT_COMMITTER_NAME", "t");
        env.insert("GIT_COMMITTER_EMAIL", "t@example.invalid");
        p.setProcessEnvironment(env);
        p.start("git", args);
        if (!p.waitForFinished() || p.exitCode() != 0) {
            qWarning() << "git" << args << p.readAllStandardError();
            return false;
        }
        return true;
    }

    static qint64 newestRun(Cli &cli) { return cli.history()[0].toObject()["id"].toInteger(); }

private slots:
    // A stage that needs a secret only for staging blocks neither the checks-only run nor
    // `run --stage lint`; `validate` checks what `run` would, and takes --env.
    void onlyTheStagesThatRunNeedTheirSecrets()
    {
        Cli cli;
        cli.env().remove("STAGING_TOKEN");
        cli.env().remove("PUBLISH_KEY");
        const QString ws = workspace("secrets", "name: secrets\n"
                                                "environments:\n  staging: {}\n"
                                                "stages:\n"
                                                "  lint:\n    run: echo lint\n"
                                                "  publish:\n    needs: [lint]\n"
                                                "    run: echo publish\n"
                                                "    secrets: [PUBLISH_KEY]\n"
                                                "  deploy:\n    needs: [lint]\n"
                                                "    if: environment == staging\n"
                                                "    run: echo deploy\n"
                                                "    secrets: [STAGING_TOKEN]\n");
        // Only lint runs: neither secret is needed.
        CliResult r = cli.run({"run", "--stage", "lint"}, ws);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains("lint success"), qPrintable(r.out));
        QVERIFY(!r.out.contains("publish"));
        r = cli.run({"validate", "--stage", "lint"}, ws);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));

        // The checks-only run needs publish's secret, not staging's.
        r = cli.run({"run"}, ws);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("PUBLISH_KEY"), qPrintable(r.err));
        QVERIFY2(!r.err.contains("STAGING_TOKEN"), qPrintable(r.err));
        cli.env().insert("PUBLISH_KEY", "publish-key-123456");
        r = cli.run({"run"}, ws);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(r.out.contains("publish success"));
        QVERIFY(r.out.contains("deploy skipped"));
        // Its skip reason says there was no environment, not `environment ""`.
        const QJsonObject shown = cli.show(newestRun(cli));
        const QString reason = stageOf(shown, "deploy")["reason"].toString();
        QVERIFY2(reason.contains("without an environment"), qPrintable(reason));
        QVERIFY2(!reason.contains("\"\""), qPrintable(reason));

        // validate: a run without --env is valid; staging needs its token.
        r = cli.run({"validate"}, ws);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains("--env"), qPrintable(r.out));
        r = cli.run({"validate", "--env", "staging"}, ws);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("STAGING_TOKEN"), qPrintable(r.err));
        r = cli.run({"validate", "--env", "nowhere"}, ws);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("\"nowhere\" is not defined"), qPrintable(r.err));
        // And the staging run itself still needs it.
        r = cli.run({"run", "--env", "staging"}, ws);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("STAGING_TOKEN"), qPrintable(r.err));
    }

    // continue-on-error failures are allowed failures in the live lines, the final line,
    // show, --json and the report; the real failure's tail is printed last, with the line
    // First Error lands on.
    void allowedFailuresAreToldApart()
    {
        Cli cli;
        const QString ws =
            workspace("allowed", "name: allowed\n"
                                 "stages:\n"
                                 "  lint:\n    continue-on-error: true\n"
                                 "    run: \"echo 'docs/index.md:3 MD013 line too long'; exit 1\"\n"
                                 "  build:\n    needs: [lint]\n    run: echo built\n");
        CliResult r = cli.run({"run"}, ws);
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(QRegularExpression("lint failed \\(allowed\\)")),
                 qPrintable(r.out));
        QVERIFY2(
            r.out.contains(QRegularExpression("run \\d+ success in .*1 allowed failure.*lint")),
            qPrintable(r.out));
        const qint64 id = newestRun(cli);
        const QJsonObject json = cli.show(id);
        QCOMPARE(json["status"].toString(), "success");
        QCOMPARE(stageOf(json, "lint")["status"].toString(), "failed");
        QCOMPARE(stageOf(json, "lint")["allowedFailure"].toBool(), true);
        QCOMPARE(stageOf(json, "build")["allowedFailure"].toBool(), false);
        const CliResult shown = cli.run({"show", QString::number(id)});
        QVERIFY2(shown.out.contains(QRegularExpression("lint\\s+failed \\(allowed\\)")),
                 qPrintable(shown.out));
        QVERIFY(shown.out.contains("continue-on-error"));
        const CliResult report = cli.run({"export", QString::number(id)});
        QCOMPARE(report.exitCode, 0);
        QVERIFY2(report.out.contains("| lint | failed (allowed) |"), qPrintable(report.out));
        QVERIFY(report.out.contains("Allowed failures"));
        QVERIFY(report.out.contains("an allowed failure (continue-on-error)"));

        // With a real failure too: the allowed one's tail first, the real one's last.
        writeFile(ws + "/deploydesk.yml",
                  "name: allowed\n"
                  "stages:\n"
                  "  lint:\n    continue-on-error: true\n"
                  "    run: \"echo 'lint: Error -> cache miss'; exit 1\"\n"
                  "  test:\n"
                  "    run: printf 'collected 2 items\\nE       assert 422 == 200\\n"
                  "FAILED tests/test_api.py::test_search - assert 422 == 200\\n'; exit 1\n");
        r = cli.run({"run"}, ws);
        QCOMPARE(r.exitCode, 1);
        const qsizetype lintTail = r.err.indexOf("of lint, an allowed failure");
        const qsizetype testTail = r.err.indexOf("lines of test");
        QVERIFY2(lintTail >= 0 && testTail > lintTail, qPrintable(r.err));
        // Last on the screen: the line First Error lands on, pytest's explanation (not the
        // FAILED summary line after it).
        const QString lastLine = r.err.trimmed().split('\n').last();
        QVERIFY2(lastLine.contains(QRegularExpression(
                     "^first error of test, line \\d+: E       assert 422 == 200$")),
                 qPrintable(r.err));
        const QJsonObject second = cli.show(newestRun(cli));
        QCOMPARE(stageOf(second, "lint")["allowedFailure"].toBool(), true);
        QCOMPARE(stageOf(second, "test")["allowedFailure"].toBool(), false);
        const CliResult secondReport = cli.run({"export", QString::number(newestRun(cli))});
        QVERIFY2(secondReport.out.contains(
                     QRegularExpression("First error, line \\d+: E       assert 422 == 200")),
                 qPrintable(secondReport.out));
    }

    // A run on a working tree with uncommitted changes records them; a clean one does not.
    void aDirtyWorkingTreeIsRecorded()
    {
        Cli cli;
        const QString ws = workspace("dirty", "name: dirty\nstages:\n  build:\n    run: echo b\n");
        writeFile(ws + "/docs.md", "# Docs\n");
        QVERIFY(git({"init", "-q", "-b", "main"}, ws));
        QVERIFY(git({"add", "deploydesk.yml", "docs.md"}, ws));
        QVERIFY(git({"commit", "-q", "-m", "first"}, ws));

        QCOMPARE(cli.run({"run"}, ws).exitCode, 0);
        QJsonObject json = cli.show(newestRun(cli));
        QVERIFY(!json["commit"].toString().isEmpty());
        QCOMPARE(json["dirty"].toBool(), false);
        QCOMPARE(json["changedFiles"].toArray().size(), 0);

        writeFile(ws + "/docs.md", "# Docs, edited\n");
        writeFile(ws + "/notes.txt", "not committed\n");
        QCOMPARE(cli.run({"run"}, ws).exitCode, 0);
        const qint64 id = newestRun(cli);
        json = cli.show(id);
        QCOMPARE(json["dirty"].toBool(), true);
        QStringList files;
        for (const QJsonValue &v : json["changedFiles"].toArray())
            files << v.toString();
        QCOMPARE(files, (QStringList{" M docs.md", "?? notes.txt"}));
        const CliResult shown = cli.run({"show", QString::number(id)});
        QVERIFY2(shown.out.contains("uncommitted changes"), qPrintable(shown.out));
        QVERIFY(shown.out.contains("?? notes.txt"));
        const CliResult history = cli.run({"history"});
        QVERIFY2(history.out.contains("-dirty"), qPrintable(history.out));
        const CliResult report = cli.run({"export", QString::number(id)});
        QVERIFY2(report.out.contains("uncommitted changes ( M docs.md, ?? notes.txt)"),
                 qPrintable(report.out));
    }

    // --rerun-failed of a run where nothing failed (its deploy was skipped by its `if:`)
    // says so and records nothing.
    void aRerunOfNothingIsRefused()
    {
        Cli cli;
        const QString ws = workspace("norerun", "name: norerun\n"
                                                "environments:\n  production: {}\n"
                                                "stages:\n"
                                                "  build:\n    run: echo build\n"
                                                "  deploy:\n    needs: [build]\n"
                                                "    if: environment == production\n"
                                                "    run: echo deploy\n");
        QCOMPARE(cli.run({"run"}, ws).exitCode, 0);
        const qint64 id = newestRun(cli);
        const CliResult r = cli.run({"run", "--rerun-failed", QString::number(id)}, ws);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("nothing to re-run"), qPrintable(r.err));
        QVERIFY2(r.err.contains("deploy"), qPrintable(r.err));
        QCOMPARE(cli.history().size(), 1);
    }

    // Without --approve and not on a terminal, a protected environment's run is refused
    // before its first stage, with the reason; nothing runs and nothing is recorded.
    void aProtectedRunIsRefusedBeforeItStarts()
    {
        Cli cli;
        const QString ws = workspace("protected", "name: protected\n"
                                                  "environments:\n  production:\n"
                                                  "    protected: true\n"
                                                  "stages:\n"
                                                  "  build:\n    run: touch built\n"
                                                  "  deploy:\n    needs: [build]\n"
                                                  "    if: environment == production\n"
                                                  "    run: touch deployed\n");
        const CliResult r = cli.run({"run", "--env", "production"}, ws);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("protected") && r.err.contains("--approve") &&
                     r.err.contains("deploy"),
                 qPrintable(r.err));
        QVERIFY(!QFile::exists(ws + "/built"));
        QVERIFY(!QFile::exists(ws + "/deployed"));
        QCOMPARE(cli.history().size(), 0);
        // The checks alone (no environment) are not held up.
        QCOMPARE(cli.run({"run"}, ws).exitCode, 0);
        QVERIFY(QFile::exists(ws + "/built"));
    }

    // `show` says which run and stage a reused result comes from, not an internal id.
    void reusedStagesNameTheirRun()
    {
        Cli cli;
        const QString ws = workspace("reused", "name: reused\n"
                                               "stages:\n"
                                               "  build:\n    run: echo build\n"
                                               "  test:\n    needs: [build]\n"
                                               "    run: test -f fixed\n");
        QCOMPARE(cli.run({"run"}, ws).exitCode, 1);
        const qint64 first = newestRun(cli);
        writeFile(ws + "/fixed", "");
        QCOMPARE(cli.run({"run", "--rerun-failed", QString::number(first)}, ws).exitCode, 0);
        const qint64 second = newestRun(cli);
        const CliResult shown = cli.run({"show", QString::number(second)});
        QVERIFY2(shown.out.contains(QStringLiteral("reused from run %1 (stage build)").arg(first)),
                 qPrintable(shown.out));
        QVERIFY(!shown.out.contains("reused from stage"));
        const QJsonObject json = cli.show(second);
        QCOMPARE(stageOf(json, "build")["reusedFromRun"].toInteger(), first);
        QCOMPARE(stageOf(json, "build")["reusedFromStage"].toString(), "build");
        const CliResult report = cli.run({"export", QString::number(second)});
        QVERIFY2(report.out.contains(QStringLiteral("reused from run %1 (stage build)").arg(first)),
                 qPrintable(report.out));
    }
};

QTEST_GUILESS_MAIN(TestSurprises)
#include "tst_surprises.moc"
