// The bundled example workspace runs green end to end, offline, with real tools:
// flake8, mypy, pytest and the site build.
#include "clihelper.h"

class TestExamplePipeline : public QObject
{
    Q_OBJECT

    QTemporaryDir m_tmp;

private slots:
    void examplePipelinePasses()
    {
        const QString ws = m_tmp.filePath("textbook");
        copyTree(QStringLiteral(DD_SOURCE_DIR "/examples/textbook"), ws);
        Cli cli;
        const CliResult valid = cli.run({"validate"}, ws);
        QVERIFY2(valid.exitCode == 0, qPrintable(valid.err));

        const CliResult r = cli.run({"run", "-m", "example"}, ws, {}, 540000);
        QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
        const QJsonArray runs = cli.history();
        QCOMPARE(runs.size(), 1);
        const QJsonObject shown = cli.show(runs[0].toObject()["id"].toInteger());
        QCOMPARE(shown["status"].toString(), "success");
        const QJsonArray stages = shown["stages"].toArray();
        QVERIFY(stages.size() >= 4);
        // Without --env the checks and the build run; the deploy stages and their health
        // gate (if: environment in [staging, production]) are skipped.
        const QStringList deploying{"migrate", "deploy-site", "deploy-backend", "reembed",
                                    "smoke-test"};
        for (const QJsonValue &s : stages)
            QCOMPARE(s.toObject()["status"].toString(),
                     deploying.contains(s.toObject()["name"].toString()) ? "skipped" : "success");
        // The site build produced pages and they are kept with the run.
        QVERIFY(QFile::exists(ws + "/build/index.html"));
        bool keptBuild = false;
        for (const QJsonValue &a : shown["artifacts"].toArray())
            keptBuild = keptBuild || (a.toObject()["path"].toString().startsWith("build") &&
                                      a.toObject()["size"].toInteger() > 0);
        QVERIFY(keptBuild);
        // The tests' own output is in the history.
        const CliResult logs =
            cli.run({"logs", QString::number(runs[0].toObject()["id"].toInteger())});
        QVERIFY2(logs.out.contains("passed"), qPrintable(logs.out.right(2000)));
    }

    // The backend's Alembic migrations run as the pipeline's migrate stage against the
    // SQLite file the example defaults to, offline, and come back down on an approved
    // rollback.
    void exampleMigratesItsDatabase()
    {
        const QString ws = m_tmp.filePath("textbook-db");
        copyTree(QStringLiteral(DD_SOURCE_DIR "/examples/textbook"), ws);
        Cli cli;
        cli.env().remove("DATABASE_URL");
        const CliResult first =
            cli.run({"migrate", "staging", "--revision", "0001"}, ws, {}, 300000);
        QVERIFY2(first.exitCode == 0, qPrintable(first.out + first.err));
        QVERIFY2(first.out.contains("database of staging is at revision 0001 (it was at base)"),
                 qPrintable(first.out));
        const CliResult head = cli.run({"migrate", "staging"}, ws, {}, 300000);
        QVERIFY2(head.exitCode == 0, qPrintable(head.out + head.err));
        QVERIFY2(head.out.contains("database of staging is at revision 0002 (it was at 0001)"),
                 qPrintable(head.out));
        // One SQLite file per environment, in DeployDesk's state folder, not the workspace.
        QDirIterator files(cli.dataDir(), {"textbook-staging.db"}, QDir::Files,
                           QDirIterator::Subdirectories);
        QVERIFY(files.hasNext());
        QVERIFY(files.next().contains("/deploy/textbook-"));
        QDirIterator inWorkspace(ws, {"*.db"}, QDir::Files, QDirIterator::Subdirectories);
        QVERIFY(!inWorkspace.hasNext());

        const CliResult back =
            cli.run({"rollback", "staging", "--yes", "--approve-downgrade", "0002:0001"}, ws);
        QVERIFY2(back.exitCode == 0, qPrintable(back.out + back.err));
        const CliResult releases = cli.run({"releases", "staging", "--json"}, ws);
        const QJsonObject live =
            QJsonDocument::fromJson(releases.out.toUtf8()).array()[0].toObject();
        QCOMPARE(live["kind"].toString(), "rollback");
        QCOMPARE(live["layers"].toArray()[0].toObject()["layer"].toString(), "database");
        QCOMPARE(live["layers"].toArray()[0].toObject()["version"].toString(), "0001");
    }
};

QTEST_GUILESS_MAIN(TestExamplePipeline)
#include "tst_example_pipeline.moc"
