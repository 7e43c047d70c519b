// deploydeskctl workflow remote | import | dispatch | follow | cancel | approve against the
// GitHub contract fake (DEPLOYDESK_API_GITHUB), as a user runs them: dispatch, follow to the
// end, then the run is in `history`, its logs in `logs`, and `history --grep` finds a word
// from them.

#include "cli/clihelper.h"
#include "fakes/githubactionsfake.h"

#include <QSignalSpy>

using namespace DeployDesk::Test;

namespace {

const QByteArray kToken = "ghp_cliRemoteToken0987654321abcdef";

// deploydeskctl on the test's event loop (the fake answers from it).
CliResult runLive(Cli &cli, const QStringList &args, const QString &workspace,
                  const std::function<void()> &whileRunning = {})
{
    QProcess p;
    p.setProcessEnvironment(cli.env());
    QSignalSpy finished(&p, &QProcess::finished);
    p.start(Cli::program(), args + QStringList{QStringLiteral("--workspace"), workspace});
    if (!p.waitForStarted())
        return {};
    if (whileRunning)
        whileRunning();
    if (p.state() != QProcess::NotRunning && !finished.wait(60000)) {
        p.kill();
        p.waitForFinished();
    }
    return CliResult{p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1,
                     QString::fromUtf8(p.readAllStandardOutput()),
                     QString::fromUtf8(p.readAllStandardError())};
}

} // namespace

class tst_RemoteWorkflowCli : public QObject
{
    Q_OBJECT

    QTemporaryDir m_workspace;
    std::unique_ptr<GitHubActionsFake> m_fake;
    std::unique_ptr<Cli> m_cli;
    qint64 m_ci = 0;

private slots:
    void init()
    {
        writeFile(m_workspace.filePath(".github/workflows/ci.yml"),
                  "name: CI\n"
                  "on:\n"
                  "  workflow_dispatch:\n"
                  "    inputs:\n"
                  "      target:\n"
                  "        type: choice\n"
                  "        options: [staging, production]\n"
                  "        required: true\n"
                  "jobs:\n"
                  "  build:\n"
                  "    runs-on: ubuntu-latest\n"
                  "    steps:\n"
                  "      - run: make\n"
                  "  test:\n"
                  "    runs-on: ubuntu-latest\n"
                  "    steps:\n"
                  "      - run: make test\n");
        m_fake = std::make_unique<GitHubActionsFake>("octo", "docs", kToken);
        QVERIFY(m_fake->listen());
        GitHubActionsFake::Workflow ci;
        ci.name = "CI";
        ci.path = ".github/workflows/ci.yml";
        ci.jobNames = {"build", "test"};
        ci.inputs = {{"target", "choice", true}};
        m_ci = m_fake->addWorkflow(ci);
        m_cli = std::make_unique<Cli>();
        m_cli->env().insert("DEPLOYDESK_API_GITHUB", m_fake->url().toString());
        m_cli->env().insert("GITHUB_TOKEN", QString::fromLatin1(kToken));
    }

    void cleanup()
    {
        m_cli.reset();
        m_fake.reset();
    }

    void dispatchFollowThenLogsAndSearch()
    {
        const CliResult r = runLive(
            *m_cli,
            {"workflow", "dispatch", "ci.yml", "--repo", "octo/docs", "--ref", "main", "--input",
             "target=staging", "--poll", "0.05"},
            m_workspace.path(), [&] {
                QTRY_COMPARE_WITH_TIMEOUT(m_fake->dispatches.size(), 1, 20000);
                const qint64 id = m_fake->runs().last().id;
                m_fake->startRun(id);
                m_fake->completeJob(id, "build", "success",
                                    "2026-12-01T10:00:00.0000000Z compiled zebracorn.o\n");
                m_fake->startJob(id, "test");
                m_fake->completeJob(id, "test", "failure",
                                    "2026-12-01T10:00:02.0000000Z ##[error]test_search failed\n");
            });
        const qint64 remoteId = m_fake->runs().last().id;
        QVERIFY2(r.exitCode == 1, qPrintable(r.out + r.err)); // the run failed on GitHub
        QVERIFY2(r.out.contains(
                     QStringLiteral("dispatched ci.yml on main: GitHub run %1").arg(remoteId)),
                 qPrintable(r.out));
        QVERIFY2(r.out.contains("build: success") && r.out.contains("test: failure"),
                 qPrintable(r.out));
        QVERIFY(r.out.contains("Error: test_search failed"));
        // Steps as GitHub lists them, as they end.
        QVERIFY2(r.out.contains(QString::fromUtf8("build › Set up job: success")),
                 qPrintable(r.out));
        QVERIFY2(r.err.contains("GitHub API: ") && r.err.contains("requests left"),
                 qPrintable(r.err));
        QVERIFY(!r.out.contains(QString::fromLatin1(kToken)));
        QVERIFY(!r.err.contains(QString::fromLatin1(kToken)));
        QCOMPARE(m_fake->dispatches.first().value("inputs").toObject().value("target").toString(),
                 QStringLiteral("staging"));

        const QJsonArray runs = m_cli->history();
        QCOMPARE(runs.size(), 1);
        const QJsonObject run = runs.first().toObject();
        QCOMPARE(run.value("status").toString(), QStringLiteral("failed"));
        QVERIFY(run.value("remoteUrl")
                    .toString()
                    .endsWith(QStringLiteral("/actions/runs/%1").arg(remoteId)));
        const QString id = QString::number(run.value("id").toInteger());
        const CliResult table = m_cli->run({"history"});
        QVERIFY2(table.out.contains(id + " (GitHub)"), qPrintable(table.out));
        const CliResult logs = m_cli->run({"logs", id});
        QCOMPARE(logs.exitCode, 0);
        QVERIFY2(logs.out.contains("compiled zebracorn.o"), qPrintable(logs.out));
        const QJsonArray found = m_cli->history({"--grep", "zebracorn"});
        QCOMPARE(found.size(), 1);
        QCOMPARE(found.first().toObject().value("id"), run.value("id"));
    }

    // The workflow file's typed inputs are checked before anything is sent.
    void badInputsAreRefusedLocally()
    {
        const CliResult r = runLive(*m_cli,
                                    {"workflow", "dispatch", "ci.yml", "--repo", "octo/docs",
                                     "--ref", "main", "--input", "target=moon"},
                                    m_workspace.path());
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("moon"), qPrintable(r.err));
        QCOMPARE(m_fake->apiRequests(), 0);
    }

    void missingTokenSaysHowToSetIt()
    {
        m_cli->env().remove("GITHUB_TOKEN");
        const CliResult r =
            runLive(*m_cli, {"workflow", "remote", "--repo", "octo/docs"}, m_workspace.path());
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("deploydeskctl secrets set GITHUB_TOKEN"), qPrintable(r.err));
    }

    // GitHub Enterprise Server: the repository and the API's URL come from the workspace's
    // deploydesk.yml (no --repo, no DEPLOYDESK_API_GITHUB); the requests go below /api/v3.
    // A broken `github:` section stops the command with a pointer to validate.
    void enterpriseServerFromTheWorkspace()
    {
        QTemporaryDir workspace;
        GitHubActionsFake ghes("octo", "handbook", kToken, nullptr, "/api/v3");
        QVERIFY(ghes.listen());
        GitHubActionsFake::Workflow ci;
        ci.name = "Handbook CI";
        ci.path = ".github/workflows/ci.yml";
        ci.jobNames = {"build"};
        ghes.addWorkflow(ci);
        QCOMPARE(ghes.url().path(), QStringLiteral("/api/v3"));
        writeFile(workspace.filePath("deploydesk.yml"), "name: handbook\n"
                                                        "github:\n"
                                                        "  repository: octo/handbook\n"
                                                        "  api-url: " +
                                                            ghes.url().toString().toUtf8() +
                                                            "\n"
                                                            "stages:\n"
                                                            "  build:\n"
                                                            "    run: make\n");
        m_cli->env().remove("DEPLOYDESK_API_GITHUB");
        CliResult r = runLive(*m_cli, {"workflow", "remote"}, workspace.path());
        QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
        QVERIFY2(r.out.contains("Handbook CI"), qPrintable(r.out));
        QVERIFY(!ghes.server().requests().isEmpty());
        for (const FakeRequest &request : ghes.server().requests())
            QVERIFY2(request.path.startsWith("/api/v3/repos/octo/handbook/"),
                     qPrintable(request.path));
        QCOMPARE(m_fake->server().requestCount(), 0);

        writeFile(workspace.filePath("deploydesk.yml"), "name: handbook\n"
                                                        "github:\n"
                                                        "  repository: handbook\n"
                                                        "stages:\n"
                                                        "  build:\n"
                                                        "    run: make\n");
        r = runLive(*m_cli, {"workflow", "remote"}, workspace.path());
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("the \"github\" section of") &&
                     r.err.contains("deploydeskctl validate"),
                 qPrintable(r.err));
    }

    void importListCancelAndApprove()
    {
        m_fake->addRuns(m_ci, 120);
        const CliResult list =
            runLive(*m_cli, {"workflow", "remote", "--repo", "octo/docs"}, m_workspace.path());
        QCOMPARE(list.exitCode, 0);
        QVERIFY2(list.out.contains(".github/workflows/ci.yml"), qPrintable(list.out));

        const CliResult imported =
            runLive(*m_cli, {"workflow", "import", "--repo", "octo/docs", "--jobs", "5"},
                    m_workspace.path());
        QVERIFY2(imported.exitCode == 0, qPrintable(imported.err));
        QVERIFY2(imported.out.contains("120 new run(s)"), qPrintable(imported.out));
        QCOMPARE(m_cli->history({"--limit", "500"}).size(), 120);
        // The newest run is listed first, as GitHub lists it.
        const QJsonObject newest = m_cli->history({"--limit", "1"}).first().toObject();
        QVERIFY(newest.value("remoteUrl")
                    .toString()
                    .endsWith(QStringLiteral("/%1").arg(m_fake->runs().last().id)));

        const CliResult late =
            runLive(*m_cli,
                    {"workflow", "cancel", QString::number(m_fake->runs().last().id), "--repo",
                     "octo/docs"},
                    m_workspace.path());
        QCOMPARE(late.exitCode, 1);
        QVERIFY2(late.err.contains("Cannot cancel a workflow run that is completed"),
                 qPrintable(late.err));

        GitHubActionsFake::Workflow deploy;
        deploy.name = "Deploy";
        deploy.path = ".github/workflows/deploy.yml";
        deploy.jobNames = {"ship"};
        deploy.jobEnvironment.insert("ship", "production");
        const qint64 deployId = m_fake->addWorkflow(deploy);
        GitHubActionsFake::Run waiting;
        waiting.workflowId = deployId;
        const qint64 runId = m_fake->addRun(waiting);
        const CliResult wrongEnv = runLive(*m_cli,
                                           {"workflow", "approve", QString::number(runId), "--repo",
                                            "octo/docs", "--environment", "staging"},
                                           m_workspace.path());
        QCOMPARE(wrongEnv.exitCode, 2);
        QVERIFY2(wrongEnv.err.contains("it waits for: production"), qPrintable(wrongEnv.err));
        // GitHub shows the comment to every reader of the run: a pasted token is not sent.
        const CliResult pasted =
            runLive(*m_cli,
                    {"workflow", "approve", QString::number(runId), "--repo", "octo/docs",
                     "--comment", "release 1.4 " + QString::fromLatin1(kToken)},
                    m_workspace.path());
        QCOMPARE(pasted.exitCode, 2);
        QVERIFY2(pasted.err.contains("holds the value of a secret") &&
                     pasted.err.contains("nothing was sent"),
                 qPrintable(pasted.err));
        QVERIFY(!pasted.err.contains(QString::fromLatin1(kToken)));
        QCOMPARE(m_fake->reviews.size(), 0);
        const CliResult approved = runLive(*m_cli,
                                           {"workflow", "approve", QString::number(runId), "--repo",
                                            "octo/docs", "--comment", "release 1.4"},
                                           m_workspace.path());
        QVERIFY2(approved.exitCode == 0, qPrintable(approved.err));
        QVERIFY(approved.out.contains("deployment to production approved"));
        QCOMPARE(m_fake->reviews.size(), 1);
        QCOMPARE(m_fake->reviews.first().second.value("comment").toString(),
                 QStringLiteral("release 1.4"));
    }
};

QTEST_GUILESS_MAIN(tst_RemoteWorkflowCli)
#include "tst_remoteworkflowcli.moc"
