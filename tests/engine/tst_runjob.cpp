// The DAG scheduler: order, parallel limit, skip on failure, continue-on-error,
// conditions, selection, retries, timeouts, cancel, secrets — with real processes.
#include "engine/runjob.h"

#include "statuscompare.h"

#include <QDir>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace DeployDesk;
using namespace std::chrono_literals;

namespace {

Stage stage(const QString &name, const QString &run, const QStringList &needs = {})
{
    Stage s;
    s.name = name;
    s.run = run;
    s.needs = needs;
    return s;
}

// Runs a plan to its end and records what the user would see.
struct Harness
{
    explicit Harness(RunPlan plan)
        : job(std::move(plan),
              [this](const QString &stage) -> LogPipeline::Sink {
                  return [this, stage](std::span<const LogLineRef> lines) {
                      for (const LogLineRef &line : lines)
                          logs[stage] << QString::fromUtf8(line.text);
                  };
              })
        , result(&job, &Job::result)
    {
        QObject::connect(&job, &RunJob::stageStarted, &job, [this](const QString &s) {
            started << s;
            maxRunning = std::max(maxRunning, job.runningCount());
        });
        QObject::connect(
            &job, &RunJob::stageFinished, &job,
            [this](const QString &s, StageStatus status, const QString &reason, StageJob *) {
                finished << s;
                statuses[s] = status;
                reasons[s] = reason;
                ++finishCount[s];
            });
    }

    bool runToEnd(int timeoutMs = 30000)
    {
        job.start();
        return QTest::qWaitFor([this] { return result.count() > 0; }, timeoutMs);
    }

    RunJob job;
    QSignalSpy result;
    QStringList started;
    QStringList finished;
    QHash<QString, StageStatus> statuses;
    QHash<QString, QString> reasons;
    QHash<QString, int> finishCount;
    QHash<QString, QStringList> logs;
    int maxRunning = 0;
};

} // namespace

class TestRunJob : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    RunPlan plan(QList<Stage> stages)
    {
        RunPlan p;
        p.pipeline.name = QStringLiteral("test");
        p.pipeline.workspaceDir = m_dir.path();
        p.pipeline.stages = std::move(stages);
        p.maxParallel = 4;
        p.runId = 7;
        return p;
    }

private slots:
    void stagesRunAfterWhatTheyNeed()
    {
        Harness h(plan({stage("build", "echo build", {"lint", "test"}), stage("lint", "echo lint"),
                        stage("test", "echo test", {"lint"})}));
        QVERIFY(h.runToEnd());
        DD_COMPARE_STATUS(h.job.runStatus(), RunStatus::Success);
        QCOMPARE(h.started, (QStringList{"lint", "test", "build"}));
        QCOMPARE(h.logs.value("build"), QStringList{"build"});
        QCOMPARE(h.result.count(), 1);
    }

    void parallelLimitIsRespected()
    {
        QList<Stage> stages;
        for (int i = 0; i < 6; ++i)
            stages << stage(QStringLiteral("s%1").arg(i), "sleep 0.2");
        RunPlan p = plan(stages);
        p.maxParallel = 2;
        Harness h(p);
        QVERIFY(h.runToEnd());
        DD_COMPARE_STATUS(h.job.runStatus(), RunStatus::Success);
        QCOMPARE(h.maxRunning, 2);
        QCOMPARE(h.started.size(), 6);
    }

    void failureSkipsDependentsButNotOthers()
    {
        Harness h(plan({stage("a", "exit 3"), stage("b", "echo b", {"a"}),
                        stage("c", "echo c", {"b"}), stage("d", "echo d")}));
        QVERIFY(h.runToEnd());
        DD_COMPARE_STATUS(h.job.runStatus(), RunStatus::Failed);
        DD_COMPARE_STATUS(h.statuses["a"], StageStatus::Failed);
        QCOMPARE(h.reasons["a"], QStringLiteral("exit code 3"));
        DD_COMPARE_STATUS(h.statuses["b"], StageStatus::Skipped);
        QCOMPARE(h.reasons["b"], QStringLiteral("needs \"a\", which did not succeed"));
        DD_COMPARE_STATUS(h.statuses["c"], StageStatus::Skipped);
        DD_COMPARE_STATUS(h.statuses["d"], StageStatus::Success);
        QVERIFY(!h.started.contains("b"));
        for (const char *s : {"a", "b", "c", "d"})
            QCOMPARE(h.finishCount[s], 1); // every stage ends exactly once
        QCOMPARE(h.result.count(), 1);
    }

    void continueOnErrorLetsDependentsRun()
    {
        Stage flaky = stage("flaky", "exit 1");
        flaky.continueOnError = true;
        Harness h(plan({flaky, stage("after", "echo after", {"flaky"})}));
        QVERIFY(h.runToEnd());
        DD_COMPARE_STATUS(h.statuses["flaky"], StageStatus::Failed);
        DD_COMPARE_STATUS(h.statuses["after"], StageStatus::Success);
        DD_COMPARE_STATUS(h.job.runStatus(), RunStatus::Success);
    }

    void conditionSkipsStageAndDependents()
    {
        Stage deploy = stage("deploy", "echo deploying");
        deploy.condition.op = StageCondition::Op::Equals;
        deploy.condition.values = QStringList{"production"};
        deploy.condition.text = "environment == production";
        RunPlan p = plan(
            {stage("build", "echo build"), deploy, stage("notify", "echo notify", {"deploy"})});
        p.pipeline.environments << Environment{"preview", false, {}, {}, {}};
        p.environment = "preview";
        Harness h(p);
        QVERIFY(h.runToEnd());
        DD_COMPARE_STATUS(h.statuses["build"], StageStatus::Success);
        DD_COMPARE_STATUS(h.statuses["deploy"], StageStatus::Skipped);
        QVERIFY(h.reasons["deploy"].contains("environment == production"));
        DD_COMPARE_STATUS(h.statuses["notify"], StageStatus::Skipped);
        DD_COMPARE_STATUS(h.job.runStatus(), RunStatus::Success);
    }

    // A stage made in code with a skip reason (a GitHub Actions job that cannot run here) is
    // never started, ends skipped with that reason, and what needs it is skipped too.
    void skipReasonSkipsStageAndDependents()
    {
        Stage windows = stage("windows", "echo never");
        windows.skipReason = QStringLiteral("needs a Windows runner");
        Harness h(plan(
            {stage("build", "echo build"), windows, stage("after", "echo after", {"windows"})}));
        QVERIFY(h.runToEnd());
        DD_COMPARE_STATUS(h.statuses["build"], StageStatus::Success);
        DD_COMPARE_STATUS(h.statuses["windows"], StageStatus::Skipped);
        QCOMPARE(h.reasons["windows"], QStringLiteral("needs a Windows runner"));
        QVERIFY(!h.started.contains("windows"));
        DD_COMPARE_STATUS(h.statuses["after"], StageStatus::Skipped);
        DD_COMPARE_STATUS(h.job.runStatus(), RunStatus::Success);
    }

    // A stage that runs after failed needs (a GitHub Actions job with `if: always()`)
    // starts once they have ended; the others after the failure are still skipped.
    void runsAfterFailedNeedsStartsAnyway()
    {
        Stage cleanup = stage("cleanup", "echo cleaning", {"broken", "skipped"});
        cleanup.runsAfterFailedNeeds = true;
        Harness h(
            plan({stage("broken", "exit 2"), stage("skipped", "echo never", {"broken"}), cleanup}));
        QVERIFY(h.runToEnd());
        DD_COMPARE_STATUS(h.statuses["broken"], StageStatus::Failed);
        DD_COMPARE_STATUS(h.statuses["skipped"], StageStatus::Skipped);
        DD_COMPARE_STATUS(h.statuses["cleanup"], StageStatus::Success);
        QCOMPARE(h.logs.value("cleanup"), QStringList{"cleaning"});
        QCOMPARE(h.started, (QStringList{"broken", "cleanup"}));
        DD_COMPARE_STATUS(h.job.runStatus(), RunStatus::Failed);
    }

    // A protected environment: the stages naming it wait for approval while the checks
    // run; approve() lets them start, refuse() cancels them and the run.
    RunPlan protectedPlan()
    {
        Stage deploy = stage("deploy", "echo deploying", {"build"});
        deploy.condition.op = StageCondition::Op::In;
        deploy.condition.values = QStringList{"staging", "production"};
        deploy.condition.text = "environment in [staging, production]";
        RunPlan p = plan({stage("build", "echo build"), stage("lint", "echo lint"), deploy,
                          stage("notify", "echo notify", {"deploy"})});
        p.pipeline.environments << Environment{"staging", false, {}, {}, {}}
                                << Environment{"production", true, {}, {}, {}};
        p.environment = "production";
        return p;
    }

    void protectedEnvironmentWaitsForApproval()
    {
        Harness h(protectedPlan());
        QCOMPARE(h.job.gatedStages(), QStringList{"deploy"});
        QSignalSpy asked(&h.job, &RunJob::approvalRequired);
        h.job.start();
        QTRY_COMPARE(asked.count(), 1);
        QCOMPARE(asked.at(0).at(0).toStringList(), QStringList{"deploy"});
        // The checks finish; the deploy does not start on its own.
        QTRY_VERIFY(h.finished.contains("build") && h.finished.contains("lint"));
        QVERIFY(h.job.isWaitingForApproval());
        QVERIFY(!h.started.contains("deploy"));
        QCOMPARE(h.result.count(), 0);
        h.job.approve();
        QTRY_COMPARE(h.result.count(), 1);
        DD_COMPARE_STATUS(h.statuses["deploy"], StageStatus::Success);
        DD_COMPARE_STATUS(h.statuses["notify"], StageStatus::Success);
        DD_COMPARE_STATUS(h.job.runStatus(), RunStatus::Success);
        QCOMPARE(asked.count(), 1);
    }

    void refusedApprovalCancelsTheDeploy()
    {
        Harness h(protectedPlan());
        QObject::connect(&h.job, &RunJob::approvalRequired, &h.job,
                         [&] { h.job.refuse("refused by alice: not today"); });
        QVERIFY(h.runToEnd());
        QVERIFY(!h.started.contains("deploy"));
        DD_COMPARE_STATUS(h.statuses["build"], StageStatus::Success);
        DD_COMPARE_STATUS(h.statuses["deploy"], StageStatus::Cancelled);
        QCOMPARE(h.reasons["deploy"], QString("refused by alice: not today"));
        DD_COMPARE_STATUS(h.statuses["notify"], StageStatus::Skipped);
        DD_COMPARE_STATUS(h.job.runStatus(), RunStatus::Cancelled);
    }

    void approvalGivenUpFrontAsksNothing()
    {
        RunPlan p = protectedPlan();
        p.approved = true;
        Harness h(p);
        QSignalSpy asked(&h.job, &RunJob::approvalRequired);
        QVERIFY(h.runToEnd());
        QCOMPARE(asked.count(), 0);
        DD_COMPARE_STATUS(h.statuses["deploy"], StageStatus::Success);
    }

    void unprotectedOrUnnamedEnvironmentGates()
    {
        RunPlan p = protectedPlan();
        // Staging is not protected: nothing waits.
        QVERIFY(RunJob::gatedStages(p.pipeline, "staging", {"build", "deploy"}).isEmpty());
        // A protected environment no stage names: the whole run waits.
        p.pipeline.environments << Environment{"vault", true, {}, {}, {}};
        QCOMPARE(RunJob::gatedStages(p.pipeline, "vault", {"build", "lint"}),
                 (QStringList{"build", "lint"}));
    }

    void selectionRunsTheStageAndWhatItNeeds()
    {
        RunPlan p = plan({stage("lint", "echo lint"), stage("test", "echo test", {"lint"}),
                          stage("docs", "echo docs"), stage("build", "echo build", {"test"})});
        p.selection = QStringList{"test"};
        Harness h(p);
        QVERIFY(h.runToEnd());
        QCOMPARE(h.job.stages(), (QStringList{"lint", "test"}));
        QCOMPARE(h.started, (QStringList{"lint", "test"}));
    }

    void reusedStagesDoNotRunAgain()
    {
        RunPlan p = plan(
            {stage("build", "echo build >> count"), stage("deploy", "echo deploy", {"build"})});
        p.reused = QStringList{"build"};
        Harness h(p);
        QVERIFY(h.runToEnd());
        DD_COMPARE_STATUS(h.statuses["build"], StageStatus::Success);
        QCOMPARE(h.started, QStringList{"deploy"});
        QVERIFY(!QFile::exists(m_dir.filePath("count")));
    }

    void retriesUntilSuccess()
    {
        // Fails twice, then succeeds: counts its attempts in a file.
        Stage s = stage("flaky", "n=$(cat n 2>/dev/null || echo 0); n=$((n+1)); echo $n > n; "
                                 "echo attempt $n; [ $n -ge 3 ]");
        s.retries = 2;
        s.retryBackoff = 10ms;
        QFile::remove(m_dir.filePath("n"));
        Harness h(plan({s}));
        QSignalSpy attempts(&h.job, &RunJob::stageAttempt);
        QVERIFY(h.runToEnd());
        DD_COMPARE_STATUS(h.statuses["flaky"], StageStatus::Success);
        QCOMPARE(attempts.count(), 3);
        QVERIFY(h.logs["flaky"].contains("attempt 3"));
        QVERIFY(h.logs["flaky"].contains("attempt 3 of 3")); // the system line
        QFile::remove(m_dir.filePath("n"));
    }

    void retriesExhaustedFail()
    {
        Stage s = stage("broken", "echo nope; exit 4");
        s.retries = 1;
        s.retryBackoff = 10ms;
        Harness h(plan({s}));
        QVERIFY(h.runToEnd());
        DD_COMPARE_STATUS(h.statuses["broken"], StageStatus::Failed);
        QCOMPARE(h.logs["broken"].count("nope"), 2);
        DD_COMPARE_STATUS(h.job.runStatus(), RunStatus::Failed);
    }

    void backoffDoubles()
    {
        Stage s = stage("x", "true");
        s.retryBackoff = 500ms;
        StageJob job(s, {}, {}, [](std::span<const LogLineRef>) {});
        QCOMPARE(job.backoffBefore(1), 500ms);
        QCOMPARE(job.backoffBefore(2), 1000ms);
        QCOMPARE(job.backoffBefore(3), 2000ms);
    }

    void timeoutFailsTheStage()
    {
        Stage s = stage("slow", "sleep 30");
        s.timeout = 300ms;
        Harness h(plan({s, stage("after", "echo after", {"slow"})}));
        QVERIFY(h.runToEnd());
        DD_COMPARE_STATUS(h.statuses["slow"], StageStatus::Failed);
        QVERIFY2(h.reasons["slow"].contains("timed out"), qPrintable(h.reasons["slow"]));
        DD_COMPARE_STATUS(h.statuses["after"], StageStatus::Skipped);
    }

    void cancelMidRun()
    {
        Harness h(plan({stage("long", "echo begin; sleep 30"), stage("next", "echo next", {"long"}),
                        stage("other", "sleep 30")}));
        QObject::connect(&h.job, &RunJob::stageStarted, &h.job, [&](const QString &s) {
            if (s == "other")
                h.job.cancel();
        });
        QVERIFY(h.runToEnd(15000));
        DD_COMPARE_STATUS(h.job.runStatus(), RunStatus::Cancelled);
        QCOMPARE(h.job.outcome(), Job::Outcome::Cancelled);
        DD_COMPARE_STATUS(h.statuses["long"], StageStatus::Cancelled);
        DD_COMPARE_STATUS(h.statuses["next"], StageStatus::Cancelled);
        DD_COMPARE_STATUS(h.statuses["other"], StageStatus::Cancelled);
        QVERIFY(!h.started.contains("next"));
        QTest::qWait(100);
        QCOMPARE(h.result.count(), 1);
    }

    void cancelBeforeStartRunsNothing()
    {
        Harness h(plan({stage("a", "touch ran")}));
        h.job.start();
        h.job.cancel();
        QTRY_COMPARE(h.result.count(), 1);
        QVERIFY(h.started.isEmpty());
        QVERIFY(!QFile::exists(m_dir.filePath("ran")));
    }

    void secretsAreInjectedAndMasked()
    {
        Stage s = stage("deploy", "echo token=$API_TOKEN; echo other=$OTHER_SECRET");
        s.secrets = QStringList{"API_TOKEN"};
        RunPlan p = plan({s});
        p.secrets.insert("API_TOKEN", "s3cr3t-value");
        p.secrets.insert("OTHER_SECRET", "not-for-this-stage");
        Harness h(p);
        QVERIFY(h.runToEnd());
        DD_COMPARE_STATUS(h.statuses["deploy"], StageStatus::Success);
        // Injected only where asked for, masked in the log.
        QCOMPARE(h.logs["deploy"], (QStringList{"token=***", "other="}));
    }

    void undeclaredSecretsAreNotInherited()
    {
        // DeployDesk's own environment holds secrets (the fallback without a keychain):
        // a stage sees only those it declares, whether another stage declares the name,
        // the store knows it, or it has no value at all; other variables pass.
        qputenv("DD_TEST_DECLARED", "from-env-1");
        qputenv("DD_TEST_KNOWN", "from-env-2");
        qputenv("DD_TEST_UNSET_SECRET", "from-env-3");
        qputenv("DD_TEST_PLAIN", "plain");
        const auto cleanup = qScopeGuard([] {
            qunsetenv("DD_TEST_DECLARED");
            qunsetenv("DD_TEST_KNOWN");
            qunsetenv("DD_TEST_UNSET_SECRET");
            qunsetenv("DD_TEST_PLAIN");
        });
        const QString show = "echo \"${DD_TEST_DECLARED-unset} ${DD_TEST_KNOWN-unset} "
                             "${DD_TEST_UNSET_SECRET-unset} ${DD_TEST_PLAIN-unset}\"";
        Stage other = stage("other", show);
        Stage declares = stage("declares", show);
        declares.secrets = QStringList{"DD_TEST_DECLARED", "DD_TEST_UNSET_SECRET"};
        RunPlan p = plan({other, declares});
        p.secrets.insert("DD_TEST_DECLARED", "from-store");
        p.secretNames = QStringList{"DD_TEST_KNOWN"};
        Harness h(p);
        QVERIFY(h.runToEnd());
        QCOMPARE(h.logs["other"], QStringList{"unset unset unset plain"});
        // The store's value wins; a declared name the store has no value for is passed
        // as DeployDesk has it.
        QCOMPARE(h.logs["declares"], QStringList{"*** unset from-env-3 plain"});
    }

    void stageEnvironmentIsLayered()
    {
        Stage s = stage(
            "env", "echo $A $B $C $DEPLOYDESK_STAGE $DEPLOYDESK_ENVIRONMENT $DEPLOYDESK_RUN_ID");
        s.env.insert("C", "stage");
        s.env.insert("B", "stage-b");
        RunPlan p = plan({s});
        p.pipeline.env.insert("A", "pipeline");
        p.pipeline.env.insert("B", "pipeline-b");
        Environment prod{"production", true, "https://example.org", {{"C", "env-c"}}, {}};
        p.pipeline.environments << prod;
        p.environment = "production";
        p.approved = true; // protected: approved up front
        Harness h(p);
        QVERIFY(h.runToEnd());
        QCOMPARE(h.logs["env"], QStringList{"pipeline stage-b stage env production 7"});
    }

    void workdirIsUsed()
    {
        QDir(m_dir.path()).mkpath("sub/dir");
        Stage s = stage("pwd", "pwd");
        s.workdir = "sub/dir";
        Harness h(plan({s}));
        QVERIFY(h.runToEnd());
        QCOMPARE(h.logs["pwd"], QStringList{QDir(m_dir.filePath("sub/dir")).canonicalPath()});
    }
};

QTEST_GUILESS_MAIN(TestRunJob)
#include "tst_runjob.moc"
