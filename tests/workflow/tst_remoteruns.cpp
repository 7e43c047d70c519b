// GitHub Actions runs on GitHub's runners, in the history: import, dispatch, follow (logs
// into the log store, searchable), cancel, re-run, deployment reviews, and polite API use
// (conditional requests, backing off, rate limits), against the contract fake.

#include "fakes/githubactionsfake.h"
#include "integrations/github/actionsapi.h"
#include "integrations/github/remoteruns.h"
#include "log/secretmasker.h"
#include "statuscompare.h"
#include "store/historystore.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace DeployDesk;
using namespace DeployDesk::GitHub;
using namespace DeployDesk::Test;
using namespace std::chrono;

namespace {

const QByteArray kToken = "ghp_remoteRunsTestToken1234567890";

// Runs a job to its end on the test's event loop.
bool finish(Job *job, int timeoutMs = 20000)
{
    QSignalSpy done(job, &Job::result);
    job->start();
    return job->isFinished() || done.wait(timeoutMs);
}

QString logText(HistoryStore &store, qint64 stageId)
{
    auto lines = store.logLines(stageId, 1, 10000);
    if (!lines)
        return {};
    QStringList text;
    for (const LogLine &l : *lines)
        text.append(QString::fromUtf8(l.text));
    return text.join(u'\n');
}

} // namespace

class tst_RemoteRuns : public QObject
{
    Q_OBJECT

    std::unique_ptr<QTemporaryDir> m_tmp;
    std::unique_ptr<GitHubActionsFake> m_fake;
    std::unique_ptr<HistoryStore> m_store;
    std::unique_ptr<ActionsSession> m_session;
    qint64 m_workflow = 0;

    FollowOptions quickFollow() const
    {
        FollowOptions options;
        options.workspace = m_tmp->path();
        options.pollInterval = milliseconds(20);
        options.maxPollInterval = milliseconds(200);
        return options;
    }

private slots:
    void init()
    {
        m_tmp = std::make_unique<QTemporaryDir>();
        QVERIFY(m_tmp->isValid());
        m_fake = std::make_unique<GitHubActionsFake>(QStringLiteral("octo"), QStringLiteral("docs"),
                                                     kToken);
        QVERIFY(m_fake->listen());
        GitHubActionsFake::Workflow ci;
        ci.name = QStringLiteral("CI");
        ci.path = QStringLiteral(".github/workflows/ci.yml");
        ci.jobNames = {QStringLiteral("build"), QStringLiteral("test")};
        ci.inputs = {{QStringLiteral("target"), QStringLiteral("string"), true}};
        m_workflow = m_fake->addWorkflow(ci);
        auto store = HistoryStore::open(m_tmp->path() + QStringLiteral("/data"));
        QVERIFY2(store, qPrintable(store ? QString() : store.error().toString()));
        m_store = std::move(*store);
        m_session = std::make_unique<ActionsSession>(ActionsApi(
            Repository{QStringLiteral("octo"), QStringLiteral("docs")}, m_fake->url(), kToken));
    }

    void cleanup()
    {
        m_session.reset();
        m_store.reset();
        m_fake.reset();
    }

    // What a person sees of a remote job's log: timestamps read, groups kept as the markers
    // the log viewer folds, annotations as a local job shows them, secrets masked, GitHub's
    // byte-order mark gone.
    void jobLogIsShownLikeALocalOne()
    {
        SecretMasker masker;
        masker.addSecret("s3cr3t-value");
        const QByteArray log = "\xEF\xBB\xBF"
                               "2026-12-01T10:00:00.1234567Z ##[group]Run make\r\n"
                               "2026-12-01T10:00:01.5000000Z cc -c a.c s3cr3t-value\r\n"
                               "2026-12-01T10:00:02.0000000Z ##[endgroup]\r\n"
                               "2026-12-01T10:00:03.0000000Z ##[error]Process completed with exit "
                               "code 2.\r\n"
                               "no stamp here\n"
                               "2026-12-01T10:00:04.0000000Z bad \xff byte";
        const StoredLog stored = convertJobLog(log, masker);
        QStringList texts;
        for (const LogLine &l : stored.lines)
            texts.append(QString::fromUtf8(l.text));
        QCOMPARE(texts,
                 (QStringList{QStringLiteral("##[group]Run make"), QStringLiteral("cc -c a.c ***"),
                              QStringLiteral("##[endgroup]"),
                              QStringLiteral("Error: Process completed with exit code 2."),
                              QStringLiteral("no stamp here"), QStringLiteral("bad \uFFFD byte"),
                              QStringLiteral("Annotations:"),
                              QStringLiteral("  Error: Process completed with exit code 2.")}));
        QCOMPARE(stored.lines.at(0).timestampMs,
                 QDateTime(QDate(2026, 12, 1), QTime(10, 0, 0, 123), Qt::UTC).toMSecsSinceEpoch());
        QCOMPARE(stored.lines.at(1).timestampMs,
                 QDateTime(QDate(2026, 12, 1), QTime(10, 0, 1, 500), Qt::UTC).toMSecsSinceEpoch());
        // A line without a stamp keeps the one before it.
        QCOMPARE(stored.lines.at(4).timestampMs, stored.lines.at(3).timestampMs);
        QCOMPARE(stored.annotations.size(), 1);
        QCOMPARE(annotationText(stored.annotations.first()),
                 QStringLiteral("Error: Process completed with exit code 2."));
        QVERIFY(stored.annotations.first().level == Annotation::Level::Error);
    }

    // Dispatch → follow → every job's log in the store → a word from it found by search.
    void dispatchFollowAndSearch()
    {
        DispatchJob dispatch(m_session.get(), QStringLiteral("ci.yml"), QStringLiteral("main"),
                             QJsonObject{{QStringLiteral("target"), QStringLiteral("staging")}});
        QVERIFY(finish(&dispatch));
        QVERIFY2(dispatch.outcome() == Job::Outcome::Success, qPrintable(dispatch.errorText()));
        QVERIFY(dispatch.remoteRunId() > 0);
        QCOMPARE(m_fake->dispatches.size(), 1);
        QCOMPARE(m_fake->dispatches.first().value(u"inputs").toObject().value(u"target"),
                 QJsonValue(QStringLiteral("staging")));
        const qint64 remoteId = dispatch.remoteRunId();

        RemoteFollowJob follow(m_session.get(), m_store.get(), remoteId, quickFollow());
        QStringList jobStates;
        connect(&follow, &RemoteFollowJob::jobChanged, this, [&](const RemoteJob &j) {
            jobStates.append(j.name + u':' + (j.conclusion.isEmpty() ? j.status : j.conclusion));
        });
        QStringList steps;
        connect(&follow, &RemoteFollowJob::stepChanged, this,
                [&](const RemoteJob &j, const RemoteStep &step) {
                    steps.append(j.name + u'/' + step.name + u':' +
                                 (step.conclusion.isEmpty() ? step.status : step.conclusion));
                });
        QSignalSpy done(&follow, &Job::result);
        follow.start();
        // The run is recorded as soon as the follow has seen it, queued.
        QTRY_VERIFY(follow.runId() > 0);
        auto queued = m_store->run(follow.runId());
        QVERIFY(queued);
        DD_COMPARE_STATUS(queued->status, RunStatus::Queued);
        QVERIFY(queued->remote);
        QVERIFY(queued->remoteUrl.endsWith(QStringLiteral("/actions/runs/%1").arg(remoteId)));

        m_fake->startRun(remoteId);
        QTRY_VERIFY(jobStates.contains(QStringLiteral("build:in_progress")));
        m_fake->completeJob(remoteId, QStringLiteral("build"), QStringLiteral("success"),
                            "2026-12-01T10:00:00.0000000Z ##[group]Compile\n"
                            "2026-12-01T10:00:01.0000000Z built zebracorn.o with " +
                                kToken + "\n");
        m_fake->startJob(remoteId, QStringLiteral("test"));
        m_fake->completeJob(remoteId, QStringLiteral("test"), QStringLiteral("failure"),
                            "2026-12-01T10:00:05.0000000Z ##[error]assertion failed in "
                            "test_search\n");
        QVERIFY(done.wait(20000));
        QVERIFY2(follow.outcome() == Job::Outcome::Success, qPrintable(follow.errorText()));
        QCOMPARE(follow.remoteRun().conclusion, QStringLiteral("failure"));
        QVERIFY(jobStates.contains(QStringLiteral("build:success")));
        QVERIFY2(steps.contains(QStringLiteral("build/Set up job:success")),
                 qPrintable(steps.join(u' ')));
        QVERIFY(jobStates.contains(QStringLiteral("test:failure")));

        auto run = m_store->run(follow.runId());
        QVERIFY(run);
        DD_COMPARE_STATUS(run->status, RunStatus::Failed);
        QCOMPARE(run->pipeline, QStringLiteral("CI"));
        QCOMPARE(run->branch, QStringLiteral("main"));
        QVERIFY(run->finishedAt.isValid());
        auto stages = m_store->stages(follow.runId());
        QVERIFY(stages);
        QCOMPARE(stages->size(), 2);
        QCOMPARE(stages->at(0).name, QStringLiteral("build"));
        DD_COMPARE_STATUS(stages->at(0).status, StageStatus::Success);
        DD_COMPARE_STATUS(stages->at(1).status, StageStatus::Failed);
        const QString buildLog = logText(*m_store, stages->at(0).id);
        QVERIFY2(buildLog.contains(QStringLiteral("##[group]Compile")), qPrintable(buildLog));
        QVERIFY(!buildLog.contains(QString::fromUtf8(kToken))); // the token is masked
        QVERIFY(logText(*m_store, stages->at(1).id)
                    .contains(QStringLiteral("Error: assertion failed in test_search")));
        QCOMPARE(follow.annotations().size(), 1);
        QCOMPARE(annotationText(follow.annotations().first()),
                 QStringLiteral("Error: assertion failed in test_search"));
        // Kept with the stage that reported it, for the panel and `show`.
        auto kept = m_store->annotations(follow.runId());
        QVERIFY(kept);
        QCOMPARE(kept->size(), 1);
        QCOMPARE(kept->first().stage, QStringLiteral("test"));
        QCOMPARE(kept->first().annotation.message,
                 QStringLiteral("assertion failed in test_search"));
        QVERIFY(kept->first().annotation.level == Annotation::Level::Error);

        auto found = m_store->searchLogs(QStringLiteral("zebracorn"));
        QVERIFY(found);
        QCOMPARE(found->size(), 1);
        QCOMPARE(found->first().runId, follow.runId());
        QCOMPARE(found->first().stage, QStringLiteral("build"));

        // Both logs were fetched from the short-lived URL without the token (the fake answers
        // 400 to one that carries it), once each.
        auto links = m_store->remoteStages(follow.runId());
        QVERIFY(links);
        for (const RemoteStageLink &link : *links)
            QVERIFY(link.logFetched);

        // Following it again changes nothing and stores no line (or annotation) twice.
        const qint64 buildLines = *m_store->logLineCount(stages->at(0).id);
        const qint64 testLines = *m_store->logLineCount(stages->at(1).id);
        QVERIFY(buildLines > 0 && testLines > 0);
        RemoteFollowJob again(m_session.get(), m_store.get(), remoteId, quickFollow());
        QVERIFY(finish(&again));
        QCOMPARE(again.runId(), follow.runId());
        QCOMPARE(*m_store->logLineCount(stages->at(0).id), buildLines);
        QCOMPARE(*m_store->logLineCount(stages->at(1).id), testLines);
        QCOMPARE(m_store->annotations(follow.runId())->size(), 1);
        auto foundAgain = m_store->searchLogs(QStringLiteral("zebracorn"));
        QCOMPARE(foundAgain->size(), 1);
    }

    // 5xx answers and a cut connection on the way are retried; the log still arrives whole.
    void serverErrorsAreRetried()
    {
        GitHubActionsFake::Run run;
        run.workflowId = m_workflow;
        run.name = QStringLiteral("CI");
        const qint64 remoteId = m_fake->addRun(run);
        m_fake->startRun(remoteId);
        m_fake->completeJob(remoteId, QStringLiteral("build"), QStringLiteral("success"),
                            "line one\nline two\n");
        m_fake->completeJob(remoteId, QStringLiteral("test"), QStringLiteral("success"),
                            "tests ok\n");
        m_fake->server().enqueue(FakeResponse::empty(503), 2);
        m_fake->server().enqueue(FakeResponse::faulty(FakeResponse::Fault::ResetMidBody), 1);
        RemoteFollowJob follow(m_session.get(), m_store.get(), remoteId, quickFollow());
        QSignalSpy notes(&follow, &Job::logLine);
        QVERIFY(finish(&follow));
        QVERIFY2(follow.outcome() == Job::Outcome::Success, qPrintable(follow.errorText()));
        QVERIFY(notes.size() >= 2); // "503 from 127.0.0.1:…, retrying in …"
        auto stages = m_store->stages(follow.runId());
        QVERIFY(stages);
        QCOMPARE(stages->size(), 2);
        QCOMPARE(logText(*m_store, stages->at(0).id), QStringLiteral("line one\nline two"));
    }

    // GitHub that answers 204 to a dispatch (older servers): the run is found by listing.
    void dispatchWithoutRunDetailsFindsTheRun()
    {
        m_fake->returnRunDetails = false;
        DispatchJob dispatch(m_session.get(), QStringLiteral("ci.yml"), QStringLiteral("main"),
                             QJsonObject{{QStringLiteral("target"), QStringLiteral("x")}});
        QVERIFY(finish(&dispatch));
        QVERIFY2(dispatch.outcome() == Job::Outcome::Success, qPrintable(dispatch.errorText()));
        QCOMPARE(dispatch.remoteRunId(), m_fake->runs().last().id);
    }

    // GitHub's refusals reach the user in GitHub's words, naming what to fix.
    void refusalsAreClear()
    {
        DispatchJob missing(m_session.get(), QStringLiteral("ci.yml"), QStringLiteral("main"), {});
        QVERIFY(finish(&missing));
        QCOMPARE(missing.outcome(), Job::Outcome::Failed);
        QVERIFY2(
            missing.errorText().contains(QStringLiteral("Required input 'target' not provided")),
            qPrintable(missing.errorText()));

        ActionsSession badToken(ActionsApi(
            Repository{QStringLiteral("octo"), QStringLiteral("docs")}, m_fake->url(), "wrong"));
        ActionsCall *call = badToken.call(badToken.api().workflows(), this);
        QVERIFY(finish(call));
        QCOMPARE(call->outcome(), Job::Outcome::Failed);
        QCOMPARE(call->error().code, ErrorCode::Unauthorized);
        QVERIFY2(call->errorText().contains(QStringLiteral("Bad credentials")) &&
                     call->errorText().contains(QStringLiteral("GITHUB_TOKEN")),
                 qPrintable(call->errorText()));
    }

    // 250 runs in three pages; the second import asks one conditional question and stops.
    void importIsIncremental()
    {
        m_fake->addRuns(m_workflow, 250);
        ImportOptions options;
        options.workspace = m_tmp->path();
        options.jobsFor = 10;
        RemoteImportJob first(m_session.get(), m_store.get(), options);
        QVERIFY(finish(&first));
        QVERIFY2(first.outcome() == Job::Outcome::Success, qPrintable(first.errorText()));
        QVERIFY2(first.totals().added == 250,
                 qPrintable(QStringLiteral("%1 added, %2 updated, %3 unchanged")
                                .arg(first.totals().added)
                                .arg(first.totals().updated)
                                .arg(first.totals().unchanged)));
        QCOMPARE(first.pages(), 3);
        QCOMPARE(first.jobsFetched(), 10);

        RunFilter all;
        all.limit = 1000;
        auto runs = m_store->runs(all);
        QVERIFY(runs);
        QCOMPARE(runs->size(), 250);
        QVERIFY(std::all_of(runs->cbegin(), runs->cend(),
                            [](const RunRecord &r) { return r.remote && isFinal(r.status); }));
        // The newest runs got their jobs as stages, the older ones none yet.
        QCOMPARE(m_store->stages(runs->first().id)->size(), 1);
        QCOMPARE(m_store->stages(runs->last().id)->size(), 0);
        const int statusesSeen = int(std::count_if(runs->cbegin(), runs->cend(), [](auto &r) {
            return r.status == RunStatus::Cancelled;
        }));
        QVERIFY(statusesSeen > 0);

        const int before = m_fake->apiRequests();
        const int notModifiedBefore = m_fake->notModified();
        RemoteImportJob second(m_session.get(), m_store.get(), options);
        QVERIFY(finish(&second));
        QCOMPARE(second.totals().added, 0);
        QCOMPARE(second.pages(), 1);
        QCOMPARE(m_fake->notModified() - notModifiedBefore, 1); // the first page: 304
        // One page, then the jobs of the next 10 runs without them.
        QCOMPARE(m_fake->apiRequests() - before, 1 + 10);

        // A new run is the only one added.
        m_fake->addRuns(m_workflow, 1);
        RemoteImportJob third(m_session.get(), m_store.get(), options);
        QVERIFY(finish(&third));
        QCOMPARE(third.totals().added, 1);
        QCOMPARE(m_store->runs(all)->size(), 251);
    }

    // Nothing changes: each poll waits longer, and every answer is a 304 (no quota spent).
    void followBacksOffWhenNothingChanges()
    {
        GitHubActionsFake::Run run;
        run.workflowId = m_workflow;
        run.name = QStringLiteral("CI");
        run.jobs = {GitHubActionsFake::Job{}};
        run.jobs[0].name = QStringLiteral("build");
        const qint64 remoteId = m_fake->addRun(run);

        RemoteFollowJob follow(m_session.get(), m_store.get(), remoteId, quickFollow());
        follow.start();
        QTRY_VERIFY_WITH_TIMEOUT(follow.polls() >= 10, 10000);
        follow.cancel();
        QCOMPARE(follow.outcome(), Job::Outcome::Cancelled);

        QList<qint64> runPolls;
        QStringList paths;
        for (const FakeRequest &r : m_fake->server().requests()) {
            paths.append(r.path);
            if (r.path.endsWith(QStringLiteral("/actions/runs/%1").arg(remoteId)))
                runPolls.append(r.receivedNs);
        }
        QVERIFY2(runPolls.size() >= 9, qPrintable(paths.join(u' ')));
        // Backing off: 20 ms, then 1.6 times longer each time nothing changed, up to 200 ms.
        QList<qint64> gapsMs;
        for (qsizetype i = 1; i < runPolls.size(); ++i)
            gapsMs.append((runPolls.at(i) - runPolls.at(i - 1)) / 1000000);
        const QString gapText = [&] {
            QStringList t;
            for (qint64 g : gapsMs)
                t.append(QString::number(g));
            return t.join(u' ');
        }();
        QVERIFY2(gapsMs.last() >= 190 && gapsMs.last() < 1000, qPrintable(gapText));
        QVERIFY2(gapsMs.at(1) < 150, qPrintable(gapText));
        // Every poll after the first of each URL was conditional and answered 304.
        QVERIFY(m_fake->notModified() >= 2 * (runPolls.size() - 1) - 1);
        // The run stays as GitHub says, not interrupted when the follow stops.
        auto recorded = m_store->run(follow.runId());
        QVERIFY(recorded);
        DD_COMPARE_STATUS(recorded->status, RunStatus::Queued);
        auto recovered = m_store->recoverInterrupted([](qint64, qint64) { return false; });
        QVERIFY(recovered);
        QVERIFY(!recovered->contains(follow.runId()));
    }

    // A secondary rate limit is waited out (Retry-After), and the quota is known after.
    void secondaryRateLimitIsWaitedOut()
    {
        m_fake->secondaryLimit(1, seconds(1));
        ActionsCall *call = m_session->call(m_session->api().workflows(), this);
        QSignalSpy notes(call, &Job::logLine);
        QVERIFY(finish(call, 10000));
        QVERIFY2(call->outcome() == Job::Outcome::Success, qPrintable(call->errorText()));
        const QList<FakeRequest> requests = m_fake->server().requests();
        QCOMPARE(requests.size(), 2);
        QVERIFY(requests.at(1).receivedNs - requests.at(0).answeredNs >= 900'000'000);
        QCOMPARE(notes.size(), 1);
        QVERIFY(m_session->rateLimit().known());
        QVERIFY(m_session->rateLimit().toString().contains(QStringLiteral("requests left")));
    }

    // A primary limit whose reset is far away is not waited for: the error says how long.
    void exhaustedQuotaFailsClearly()
    {
        m_fake->exhaustQuota(seconds(600));
        ActionsCall *call = m_session->call(m_session->api().workflows(), this);
        QVERIFY(finish(call));
        QCOMPARE(call->outcome(), Job::Outcome::Failed);
        QCOMPARE(call->error().code, ErrorCode::RateLimited);
        QVERIFY2(call->errorText().contains(QStringLiteral("API rate limit exceeded")),
                 qPrintable(call->errorText()));
        QCOMPARE(m_session->rateLimit().remaining, 0);
    }

    // Cancel, re-run of failed jobs (a new attempt, recorded as a run of its own) and a
    // deployment review.
    void cancelRerunAndReview()
    {
        GitHubActionsFake::Workflow deploy;
        deploy.name = QStringLiteral("Deploy");
        deploy.path = QStringLiteral(".github/workflows/deploy.yml");
        deploy.jobNames = {QStringLiteral("ship")};
        deploy.jobEnvironment.insert(QStringLiteral("ship"), QStringLiteral("production"));
        const qint64 deployWorkflow = m_fake->addWorkflow(deploy);
        DispatchJob dispatch(m_session.get(), QString::number(deployWorkflow),
                             QStringLiteral("main"), {});
        QVERIFY(finish(&dispatch));
        QVERIFY2(dispatch.outcome() == Job::Outcome::Success, qPrintable(dispatch.errorText()));
        const qint64 remoteId = dispatch.remoteRunId();

        ActionsCall *pending = m_session->call(m_session->api().pendingDeployments(remoteId), this);
        QVERIFY(finish(pending));
        const QList<PendingDeployment> waiting = parsePendingDeployments(pending->json().toArray());
        QCOMPARE(waiting.size(), 1);
        QCOMPARE(waiting.first().environment, QStringLiteral("production"));
        ActionsCall *approve = m_session->call(
            m_session->api().reviewDeployments(remoteId, {waiting.first().environmentId}, true,
                                               QStringLiteral("looks good")),
            this);
        QVERIFY(finish(approve));
        QVERIFY2(approve->outcome() == Job::Outcome::Success, qPrintable(approve->errorText()));
        QCOMPARE(m_fake->reviews.size(), 1);
        QCOMPARE(m_fake->reviews.first().second.value(u"state").toString(),
                 QStringLiteral("approved"));

        m_fake->startRun(remoteId);
        m_fake->completeJob(remoteId, QStringLiteral("ship"), QStringLiteral("failure"), "boom\n");
        ActionsCall *cancelLate = m_session->call(m_session->api().cancel(remoteId), this);
        QVERIFY(finish(cancelLate));
        QCOMPARE(cancelLate->outcome(), Job::Outcome::Failed);
        QCOMPARE(cancelLate->error().code, ErrorCode::Conflict);
        QVERIFY(cancelLate->errorText().contains(QStringLiteral("completed")));

        RemoteFollowJob first(m_session.get(), m_store.get(), remoteId, quickFollow());
        QVERIFY(finish(&first));
        ActionsCall *rerun = m_session->call(m_session->api().rerunFailedJobs(remoteId), this);
        QVERIFY(finish(rerun));
        QVERIFY2(rerun->outcome() == Job::Outcome::Success, qPrintable(rerun->errorText()));
        RemoteFollowJob second(m_session.get(), m_store.get(), remoteId, quickFollow());
        second.start();
        QTRY_VERIFY(second.runId() > 0);
        QVERIFY(second.runId() != first.runId()); // attempt 2 is a run of its own
        QCOMPARE(second.remoteRun().runAttempt, 2);
        m_fake->startRun(remoteId);
        m_fake->completeJob(remoteId, QStringLiteral("ship"), QStringLiteral("success"),
                            "shipped\n");
        QTRY_VERIFY(second.isFinished());
        DD_COMPARE_STATUS(m_store->run(second.runId())->status, RunStatus::Success);
        DD_COMPARE_STATUS(m_store->run(first.runId())->status, RunStatus::Failed);
        auto attempts = m_store->remoteRunAttempts(QLatin1String(kProvider),
                                                   QStringLiteral("127.0.0.1/octo/docs"), remoteId);
        QVERIFY(attempts);
        QCOMPARE(attempts->size(), 2);
        QCOMPARE(attempts->first().attempt, 2);
    }
};

QTEST_GUILESS_MAIN(tst_RemoteRuns)
#include "tst_remoteruns.moc"
