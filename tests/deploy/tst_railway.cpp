// The railway target against the Railway contract fake (tests/fakes/railwayfake), which
// checks every operation against Railway's schema: a deploy followed to SUCCESS with its
// build and deploy logs (each line once, in order, through 429s, 5xx, resets, malformed
// JSON and a log window larger than one answer), project and workspace tokens, the deploy
// call never repeated and its lost answer recovered, the errors a user sees (expired token,
// wrong project, service or environment, unreachable URL, failed build, crash) naming the
// setting to fix with Railway's message and request id and nothing changed, the token never
// shown, listing with pagination, status, rollback where canRollback allows it and a clear
// refusal where it does not, health, and the stage type.
#include "deploy/railway/railwaytarget.h"
#include "fakes/railwayfake.h"

#include <QJsonDocument>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>

using namespace DeployDesk;
using namespace DeployDesk::Test;

namespace {
const QByteArray kProjectToken = "rwp_Secret0Project1Token2ForTests";
const QByteArray kWorkspaceToken = "rww_Secret3Workspace4Token5ForTests";
const QString kCommit = QStringLiteral("0123456789abcdef0123456789abcdef01234567");

struct Finished
{
    bool done = false;
    Job::Outcome outcome = Job::Outcome::Failed;
    Error error;
    QList<Deployment> deployments;
    QStringList log;
    int results = 0;

    QString text() const { return log.join(u'\n') + u'\n' + error.message + u'\n' + error.detail; }
};

// The variables of a GraphQL request the fake recorded.
QJsonObject vars(const FakeRequest &request)
{
    return request.jsonObject().value("variables").toObject();
}

Finished run(TargetJob *job, int timeoutMs = 60000)
{
    Finished f;
    QObject::connect(job, &Job::logLine, job, [&f](const QString &line) { f.log << line; });
    QObject::connect(job, &Job::result, job, [&f] { ++f.results; });
    job->start();
    f.done = QTest::qWaitFor([&] { return f.results > 0; }, timeoutMs);
    f.outcome = job->outcome();
    f.error = job->error();
    f.deployments = job->deployments();
    return f;
}
} // namespace

class TestRailway : public QObject
{
    Q_OBJECT

    std::unique_ptr<RailwayFake> m_fake;
    RailwayTarget m_target;
    QString m_project;
    QString m_backend;
    QString m_production;
    QString m_staging;

    TargetRequest request(QVariantMap with, const QString &environment = "production",
                          const QByteArray &secret = "RAILWAY_TOKEN",
                          const QByteArray &token = kProjectToken) const
    {
        TargetRequest r;
        if (!with.contains("poll-interval"))
            with.insert("poll-interval", "20ms");
        r.with = with;
        StageContext &c = r.context;
        c.environment = environment;
        c.stageName = "deploy-backend";
        c.runId = 7;
        c.commit = kCommit;
        c.branch = "main";
        QProcessEnvironment env;
        env.insert("DEPLOYDESK_API_RAILWAY", m_fake->url().toString());
        if (!secret.isEmpty())
            env.insert(QString::fromLatin1(secret), QString::fromLatin1(token));
        c.env = env;
        c.secretValues = {QString::fromLatin1(token)};
        return r;
    }
    Finished deploy(const TargetRequest &r)
    {
        std::unique_ptr<TargetJob> job(m_target.deploy(r, nullptr));
        return run(job.get());
    }
    void verifyNoToken(const Finished &f)
    {
        for (const QByteArray &token : {kProjectToken, kWorkspaceToken}) {
            QVERIFY2(!f.text().contains(QString::fromLatin1(token)), qPrintable(f.text()));
            for (const Deployment &d : f.deployments)
                QVERIFY(!QJsonDocument::fromVariant(d.details).toJson().contains(token));
        }
    }
    void verifyContract()
    {
        QVERIFY2(m_fake->violations().isEmpty(), qPrintable(m_fake->violations().join('\n')));
    }

private slots:
    void init()
    {
        m_fake = std::make_unique<RailwayFake>();
        QVERIFY(m_fake->listen());
        m_project =
            m_fake->addProject("textbook", {"backend", "worker"}, {"production", "staging"});
        m_backend = m_fake->serviceId(m_project, "backend");
        m_production = m_fake->environmentId(m_project, "production");
        m_staging = m_fake->environmentId(m_project, "staging");
        m_fake->addProjectToken(kProjectToken, m_project, m_production);
        m_fake->addWorkspaceToken(kWorkspaceToken, {m_project});
    }

    void deployFollowsLogsAndRecords()
    {
        const QString before =
            m_fake->seedDeployment(m_project, m_production, m_backend, "SUCCESS", true);
        m_fake->setBuildLines(8);
        const Finished f = deploy(request({{"service", "backend"}}));
        QVERIFY(f.done);
        QVERIFY2(f.outcome == Job::Outcome::Success, qPrintable(f.text()));
        QCOMPARE(f.results, 1);
        verifyContract();

        // One deploy call, with the project token and the run's commit.
        const auto calls = m_fake->calls("serviceInstanceDeployV2");
        QCOMPARE(calls.size(), 1);
        QCOMPARE(calls.first().header("project-access-token"), kProjectToken);
        QVERIFY(calls.first().header("authorization").isEmpty());
        const QJsonObject variables = calls.first().jsonObject().value("variables").toObject();
        QCOMPARE(variables.value("serviceId").toString(), m_backend);
        QCOMPARE(variables.value("environmentId").toString(), m_production);
        QCOMPARE(variables.value("commitSha").toString(), kCommit);

        // The new deployment is live, the one before removed, and recorded.
        QCOMPARE(f.deployments.size(), 1);
        const Deployment d = f.deployments.first();
        QCOMPARE(d.target, "railway");
        QVERIFY(d.layer == Layer::Backend);
        QCOMPARE(m_fake->liveOf(m_production, m_backend), d.version);
        QCOMPARE(m_fake->deployments().value(before).status, "REMOVED");
        QCOMPARE(d.url, "https://backend-production.up.railway.app");
        QVERIFY(d.createdAt.isValid());
        QCOMPARE(d.details.value("projectId").toString(), m_project);
        QCOMPARE(d.details.value("environmentId").toString(), m_production);
        QCOMPARE(d.details.value("serviceId").toString(), m_backend);
        QCOMPARE(d.details.value("serviceName").toString(), "backend");
        QCOMPARE(d.details.value("environmentName").toString(), "production");
        QCOMPARE(d.details.value("commit").toString(), kCommit);

        // Build and deploy logs in the stage log, each line once and in order.
        const QString log = f.log.join('\n');
        QVERIFY2(log.contains("Railway build log of " + d.version), qPrintable(log));
        QVERIFY(log.contains("Railway deploy log of " + d.version));
        int last = -1;
        for (int i = 1; i <= 8; ++i) {
            const QString line = QStringLiteral("build step %1 of 8").arg(i);
            QCOMPARE(f.log.count(line), 1);
            QVERIFY(f.log.indexOf(line) > last);
            last = int(f.log.indexOf(line));
        }
        QCOMPARE(f.log.count("Build time: 12.34 seconds"), 1);
        QCOMPARE(f.log.count("INFO:     Uvicorn running on http://0.0.0.0:8080"), 1);
        QVERIFY(log.contains(d.version + ": BUILDING"));
        QVERIFY(log.contains(d.version + ": SUCCESS"));
        QVERIFY(log.contains("live: " + d.url));
        QVERIFY(log.contains("using DEPLOYDESK_API_RAILWAY="));
        verifyNoToken(f);
    }

    void faultsAreSurvivedAndNothingIsLost()
    {
        m_fake->setBuildLines(9);
        const QByteArray malformed = "{\"data\": {\"deployment\": {\"id\": ";
        m_fake->inject("deployment", FakeResponse::json(QJsonObject{{"error", "upstream"}}, 503));
        m_fake->inject("deployment", FakeResponse::text(malformed, 200, "application/json"));
        m_fake->inject("buildLogs", FakeResponse::faulty(FakeResponse::Fault::ResetBeforeAnswer));
        m_fake->inject("deployments", RailwayFake::rateLimited(1));
        const Finished f = deploy(request({{"service", "backend"}}));
        QVERIFY2(f.outcome == Job::Outcome::Success, qPrintable(f.text()));
        verifyContract();
        QCOMPARE(m_fake->mutations(), 1);
        for (int i = 1; i <= 9; ++i)
            QCOMPARE(f.log.count(QStringLiteral("build step %1 of 9").arg(i)), 1);
        const QString log = f.log.join('\n');
        QVERIFY2(log.contains("429 from 127.0.0.1"), qPrintable(log));
        QVERIFY(log.contains("503 from 127.0.0.1") || log.contains("status check failed"));
        QVERIFY(log.contains("status check failed")); // the malformed answer
        // The retry after the 429 came no sooner than Retry-After asked.
        const auto lists = m_fake->calls("deployments");
        QVERIFY(lists.size() >= 2);
        QVERIFY(lists.at(1).receivedNs - lists.at(0).answeredNs >= 990'000'000);
    }

    void logWindowLargerThanOneAnswerIsBackFilled()
    {
        m_fake->setBuildLines(2500, 2500); // all at once: more than one answer's limit
        const Finished f = deploy(request({{"service", "backend"}}));
        QVERIFY2(f.outcome == Job::Outcome::Success, qPrintable(f.text()));
        verifyContract();
        int last = -1;
        for (int i = 1; i <= 2500; ++i) {
            const QString line = QStringLiteral("build step %1 of 2500").arg(i);
            QCOMPARE(f.log.count(line), 1);
            const int at = int(f.log.indexOf(line));
            QVERIFY2(at > last, qPrintable(line));
            last = at;
        }
        // The follower asked for the older part of the window (endDate).
        bool backfilled = false;
        for (const FakeRequest &r : m_fake->calls("buildLogs"))
            backfilled |= r.jsonObject().value("variables").toObject().contains("endDate");
        QVERIFY(backfilled);
    }

    void lostDeployAnswerIsRecoveredNotRepeated()
    {
        m_fake->loseNextAnswer("serviceInstanceDeployV2");
        const Finished f = deploy(request({{"service", "backend"}}));
        QVERIFY2(f.outcome == Job::Outcome::Success, qPrintable(f.text()));
        QCOMPARE(m_fake->mutations(), 1);
        QVERIFY(f.log.join('\n').contains("appeared meanwhile; following it"));
        QCOMPARE(m_fake->liveOf(m_production, m_backend), f.deployments.first().version);

        // A 5xx before Railway did anything: not repeated, and nothing changed.
        const int before = int(m_fake->deployments().size());
        m_fake->inject("serviceInstanceDeployV2",
                       FakeResponse::json(QJsonObject{{"error", "bad gateway"}}, 502));
        const Finished g = deploy(request({{"service", "backend"}}));
        QCOMPARE(g.outcome, Job::Outcome::Failed);
        QCOMPARE(m_fake->calls("serviceInstanceDeployV2").size(), 2);
        QCOMPARE(m_fake->deployments().size(), before);
        QVERIFY2(g.error.message.contains("no new deployment appeared") &&
                     g.error.message.contains("nothing changed") && g.error.message.contains("502"),
                 qPrintable(g.error.message));
    }

    void badInputNamesTheSettingAndChangesNothing_data()
    {
        QTest::addColumn<QVariantMap>("with");
        QTest::addColumn<QByteArray>("secret");
        QTest::addColumn<QByteArray>("token");
        QTest::addColumn<int>("code");
        QTest::addColumn<QStringList>("says");
        QTest::newRow("expired project token")
            << QVariantMap{{"service", "backend"}} << QByteArray("RAILWAY_TOKEN")
            << QByteArray("rwp_expired_token_0000") << int(ErrorCode::Unauthorized)
            << QStringList{"Project Token not found", "RAILWAY_TOKEN",
                           "deploydeskctl secrets set RAILWAY_TOKEN", "request id"};
        QTest::newRow("expired workspace token")
            << QVariantMap{{"service", "backend"}, {"project", "x"}}
            << QByteArray("RAILWAY_API_TOKEN") << QByteArray("rww_expired_token_0000")
            << int(ErrorCode::Unauthorized)
            << QStringList{"Not Authorized", "RAILWAY_API_TOKEN", "workspace token", "request id"};
        QTest::newRow("wrong project id")
            << QVariantMap{{"service", "backend"},
                           {"project", "9d0c5a1e-0000-4000-8000-000000000000"}}
            << QByteArray("RAILWAY_API_TOKEN") << kWorkspaceToken << int(ErrorCode::NotFound)
            << QStringList{"9d0c5a1e-0000-4000-8000-000000000000", "\"project\"",
                           "Project not found", "request id"};
        QTest::newRow("wrong service")
            << QVariantMap{{"service", "backendd"}} << QByteArray("RAILWAY_TOKEN") << kProjectToken
            << int(ErrorCode::NotFound)
            << QStringList{"no service \"backendd\"", "\"service\"", "backend, worker"};
        QTest::newRow("workspace token without project")
            << QVariantMap{{"service", "backend"}, {"railway-environment", "prod"}}
            << QByteArray("RAILWAY_API_TOKEN") << QByteArray(kWorkspaceToken)
            << int(ErrorCode::Invalid) << QStringList{"\"project\""};
        QTest::newRow("token of another environment")
            << QVariantMap{{"service", "backend"}, {"railway-environment", "staging"}}
            << QByteArray("RAILWAY_TOKEN") << kProjectToken << int(ErrorCode::Invalid)
            << QStringList{"\"railway-environment\"", "scoped to environment production"};
        QTest::newRow("no token") << QVariantMap{{"service", "backend"}} << QByteArray()
                                  << QByteArray() << int(ErrorCode::NotFound)
                                  << QStringList{"RAILWAY_TOKEN", "RAILWAY_API_TOKEN",
                                                 "deploy-backend"};
        QTest::newRow("no service") << QVariantMap{} << QByteArray("RAILWAY_TOKEN") << kProjectToken
                                    << int(ErrorCode::Invalid) << QStringList{"\"service\""};
    }
    void badInputNamesTheSettingAndChangesNothing()
    {
        QFETCH(QVariantMap, with);
        QFETCH(QByteArray, secret);
        QFETCH(QByteArray, token);
        QFETCH(int, code);
        QFETCH(QStringList, says);
        m_fake->seedDeployment(m_project, m_production, m_backend, "SUCCESS", true);
        const auto before = m_fake->deployments();
        const Finished f = deploy(request(with, "production", secret, token));
        QCOMPARE(f.outcome, Job::Outcome::Failed);
        QCOMPARE(f.results, 1);
        QCOMPARE(int(f.error.code), code);
        for (const QString &part : says)
            QVERIFY2(f.error.message.contains(part), qPrintable(f.error.message));
        QCOMPARE(m_fake->mutations(), 0);
        QCOMPARE(m_fake->deployments().size(), before.size());
        verifyNoToken(f);
        verifyContract();
    }

    void wrongEnvironmentNameListsTheEnvironments()
    {
        QVariantMap with{
            {"service", "backend"}, {"project", m_project}, {"railway-environment", "prod"}};
        const Finished f =
            deploy(request(with, "production", "RAILWAY_API_TOKEN", kWorkspaceToken));
        QCOMPARE(f.error.code, ErrorCode::NotFound);
        QVERIFY2(f.error.message.contains("no environment \"prod\"") &&
                     f.error.message.contains("\"railway-environment\"") &&
                     f.error.message.contains("production, staging"),
                 qPrintable(f.error.message));
        QCOMPARE(m_fake->mutations(), 0);
    }

    void unreachableUrlNamesTheVariable()
    {
        QTcpServer closed;
        QVERIFY(closed.listen(QHostAddress::LocalHost));
        const quint16 port = closed.serverPort();
        closed.close();
        TargetRequest r = request({{"service", "backend"}});
        r.context.env.insert("DEPLOYDESK_API_RAILWAY",
                             QStringLiteral("http://127.0.0.1:%1").arg(port));
        const Finished f = deploy(r);
        QCOMPARE(f.outcome, Job::Outcome::Failed);
        QCOMPARE(f.error.code, ErrorCode::Network);
        QVERIFY2(f.error.message.contains("DEPLOYDESK_API_RAILWAY=http://127.0.0.1:"),
                 qPrintable(f.error.message));
    }

    void workspaceTokenIsBearerAndEnvironmentFollowsTheRun()
    {
        QVariantMap with{{"service", m_backend}, {"project", m_project}};
        const Finished f = deploy(request(with, "staging", "RAILWAY_API_TOKEN", kWorkspaceToken));
        QVERIFY2(f.outcome == Job::Outcome::Success, qPrintable(f.text()));
        verifyContract();
        const auto calls = m_fake->calls("serviceInstanceDeployV2");
        QCOMPARE(calls.first().header("authorization"), "Bearer " + kWorkspaceToken);
        QVERIFY(calls.first().header("project-access-token").isEmpty());
        QCOMPARE(vars(calls.first()).value("environmentId").toString(), m_staging);
        QCOMPARE(m_fake->liveOf(m_staging, m_backend), f.deployments.first().version);
        QVERIFY(m_fake->calls("projectToken").isEmpty());

        // commit: latest deploys the service's source as configured.
        with.insert("commit", "latest");
        const Finished g = deploy(request(with, "staging", "RAILWAY_API_TOKEN", kWorkspaceToken));
        QVERIFY2(g.outcome == Job::Outcome::Success, qPrintable(g.text()));
        QVERIFY(!vars(m_fake->calls("serviceInstanceDeployV2").last()).contains("commitSha"));
    }

    void failedBuildAndCrashKeepTheLiveDeployment()
    {
        const QString live =
            m_fake->seedDeployment(m_project, m_production, m_backend, "SUCCESS", true);
        m_fake->failNextBuild();
        const Finished f = deploy(request({{"service", "backend"}}));
        QCOMPARE(f.outcome, Job::Outcome::Failed);
        QVERIFY2(f.error.message.contains("FAILED") && f.error.message.contains("build"),
                 qPrintable(f.error.message));
        QVERIFY(f.log.join('\n').contains("ERROR: failed to solve"));
        QCOMPARE(m_fake->liveOf(m_production, m_backend), live);

        m_fake->crashNextDeploy();
        const Finished g = deploy(request({{"service", "backend"}}));
        QCOMPARE(g.outcome, Job::Outcome::Failed);
        QVERIFY2(g.error.message.contains("CRASHED") && g.error.message.contains("exited"),
                 qPrintable(g.error.message));
        QVERIFY(g.log.contains("KeyError: 'DATABASE_URL'"));
        QCOMPARE(m_fake->liveOf(m_production, m_backend), live);
        verifyContract();
    }

    void listFollowsPaginationAndStatusIsTheLiveOne()
    {
        QStringList ids;
        for (int i = 0; i < 6; ++i)
            ids.prepend(
                m_fake->seedDeployment(m_project, m_production, m_backend, "REMOVED", true));
        const QString live =
            m_fake->seedDeployment(m_project, m_production, m_backend, "SUCCESS", true);
        ids.prepend(live);
        m_fake->seedDeployment(m_project, m_staging, m_backend, "SUCCESS", true);
        m_fake->setPageSize(3);
        std::unique_ptr<TargetJob> job(m_target.list(request({{"service", "backend"}}), nullptr));
        const Finished f = run(job.get());
        QVERIFY2(f.outcome == Job::Outcome::Success, qPrintable(f.text()));
        QStringList got;
        for (const Deployment &d : f.deployments)
            got << d.version;
        QCOMPARE(got, ids); // newest first, every page, only this environment
        const auto pages = m_fake->calls("deployments");
        QCOMPARE(pages.size(), 3);
        QVERIFY(!vars(pages.at(0)).contains("after"));
        QCOMPARE(vars(pages.at(1)).value("after").toString(), "cursor:2");
        QCOMPARE(f.deployments.first().details.value("serviceName").toString(), "backend");
        verifyContract();

        job.reset(m_target.status(request({{"service", "backend"}}), nullptr));
        const Finished s = run(job.get());
        QVERIFY2(s.outcome == Job::Outcome::Success, qPrintable(s.text()));
        QCOMPARE(s.deployments.size(), 1);
        QCOMPARE(s.deployments.first().version, live);
        const QJsonObject input =
            vars(m_fake->calls("deployments").last()).value("input").toObject();
        QCOMPARE(input.value("status").toObject().value("in").toArray(),
                 QJsonArray({"SUCCESS", "SLEEPING"}));
    }

    void rollbackRestoresAnEarlierImage()
    {
        const QString old =
            m_fake->seedDeployment(m_project, m_production, m_backend, "REMOVED", true,
                                   "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");
        const QString now =
            m_fake->seedDeployment(m_project, m_production, m_backend, "SUCCESS", true);
        Deployment to{"railway", Layer::Backend, old, {}, {}, {{"serviceName", "backend"}}};
        std::unique_ptr<TargetJob> job(
            m_target.rollback(request({{"service", "backend"}}), to, nullptr));
        const Finished f = run(job.get());
        QVERIFY2(f.outcome == Job::Outcome::Success, qPrintable(f.text()));
        verifyContract();
        const auto calls = m_fake->calls("deploymentRollback");
        QCOMPARE(calls.size(), 1);
        QCOMPARE(vars(calls.first()).value("id").toString(), old);
        const QString live = m_fake->liveOf(m_production, m_backend);
        QCOMPARE(f.deployments.first().version, live);
        QCOMPARE(m_fake->deployments().value(live).image, m_fake->deployments().value(old).image);
        QCOMPARE(m_fake->deployments().value(now).status, "REMOVED");
        QCOMPARE(f.deployments.first().details.value("restores").toString(), old);
        QVERIFY(f.log.join('\n').contains("Railway rollback to " + old));
        QVERIFY(f.log.join('\n').contains("Starting Container"));
        QVERIFY(m_target.rollbackMechanism().startsWith("Railway rollback"));
        QCOMPARE(m_fake->calls("serviceInstanceDeployV2").size(), 0); // no rebuild
    }

    void rollbackWhereRailwayDoesNotAllowItChangesNothing()
    {
        const QString old =
            m_fake->seedDeployment(m_project, m_production, m_backend, "REMOVED", false,
                                   "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb");
        const QString now =
            m_fake->seedDeployment(m_project, m_production, m_backend, "SUCCESS", true);
        Deployment to{"railway", Layer::Backend, old, {}, {}, {{"commit", "bbbbbbbbbbbb"}}};
        std::unique_ptr<TargetJob> job(
            m_target.rollback(request({{"service", "backend"}}), to, nullptr));
        Finished f = run(job.get());
        QCOMPARE(f.outcome, Job::Outcome::Failed);
        QCOMPARE(f.error.code, ErrorCode::Conflict);
        QVERIFY2(f.error.message.contains("canRollback is false") &&
                     f.error.message.contains("Nothing was changed") &&
                     f.error.message.contains("commit bbbbbbbbbbbb"),
                 qPrintable(f.error.message));
        QCOMPARE(m_fake->mutations(), 0);
        QCOMPARE(m_fake->liveOf(m_production, m_backend), now);

        // Gone from Railway.
        Deployment gone{"railway", Layer::Backend, "0000dead-0000-4000-8000-000000000000", {}, {},
                        {}};
        job.reset(m_target.rollback(request({{"service", "backend"}}), gone, nullptr));
        f = run(job.get());
        QCOMPARE(f.error.code, ErrorCode::NotFound);
        QVERIFY2(f.error.message.contains("no longer on Railway") &&
                     f.error.message.contains("Deployment not found"),
                 qPrintable(f.error.message));

        // Live already: nothing to do.
        Deployment current{"railway", Layer::Backend, now, {}, {}, {}};
        job.reset(m_target.rollback(request({{"service", "backend"}}), current, nullptr));
        f = run(job.get());
        QVERIFY2(f.outcome == Job::Outcome::Success, qPrintable(f.text()));
        QCOMPARE(f.deployments.first().version, now);
        QCOMPARE(m_fake->mutations(), 0);
        verifyContract();
    }

    void healthRequestsTheDeploymentUrl()
    {
        m_fake->setSiteUrlPrefix(m_fake->url().toString() + "/sites/");
        const Finished f = deploy(request({{"service", "backend"}}));
        QVERIFY2(f.outcome == Job::Outcome::Success, qPrintable(f.text()));
        const Deployment d = f.deployments.first();
        std::unique_ptr<TargetJob> job(m_target.health(request({}), d, nullptr));
        const Finished h = run(job.get());
        QVERIFY2(h.outcome == Job::Outcome::Success, qPrintable(h.text()));
        QCOMPARE(m_fake->server().requestCount("/sites/" + d.version + "/health"), 1);
        for (const FakeRequest &r : m_fake->server().requests())
            if (r.path.startsWith("/sites/"))
                QVERIFY(r.header("authorization").isEmpty() &&
                        r.header("project-access-token").isEmpty());

        Deployment gone = d;
        gone.version = "unknown";
        gone.url = m_fake->url().toString() + "/sites/unknown";
        job.reset(m_target.health(request({}), gone, nullptr));
        const Finished g = run(job.get());
        QCOMPARE(g.outcome, Job::Outcome::Failed);
        QVERIFY(g.error.message.contains("404"));

        Deployment noUrl = d;
        noUrl.url.clear();
        job.reset(m_target.health(request({}), noUrl, nullptr));
        QVERIFY(run(job.get()).error.message.contains("Generate Domain"));
    }

    void cancelWhileFollowingIsNotAFailure()
    {
        m_fake->setBuildLines(1000, 1);
        std::unique_ptr<TargetJob> job(m_target.deploy(request({{"service", "backend"}}), nullptr));
        QSignalSpy results(job.get(), &Job::result);
        job->start();
        QTRY_VERIFY_WITH_TIMEOUT(m_fake->calls("buildLogs").size() > 0, 20000);
        job->cancel();
        QTRY_COMPARE(results.count(), 1);
        QCOMPARE(job->outcome(), Job::Outcome::Cancelled);
        QTest::qWait(100); // late answers must not produce a second result
        QCOMPARE(results.count(), 1);
    }

    void registeredAsTargetAndStageType()
    {
        registerRailway();
        QVERIFY(TargetRegistry::instance().names().contains("railway"));
        QVERIFY(StageTypeRegistry::instance().names().contains("railway"));
        QStringList params;
        for (const ParamSpec &p : StageTypeRegistry::instance().params("railway"))
            params << p.name;
        for (const char *name : {"service", "project", "railway-environment", "token-secret",
                                 "token-kind", "commit", "timeout", "poll-interval", "health-path"})
            QVERIFY2(params.contains(name), name);

        auto stage = StageTypeRegistry::instance().create("railway");
        QVERIFY(stage);
        const TargetRequest r = request({{"service", "backend"}});
        stage->configure(r.with, r.context);
        QSignalSpy results(stage.get(), &Job::result);
        stage->start();
        QTRY_COMPARE_WITH_TIMEOUT(results.count(), 1, 30000);
        QVERIFY2(stage->outcome() == Job::Outcome::Success, qPrintable(stage->errorText()));
        QCOMPARE(stage->deployments().size(), 1);
        QCOMPARE(stage->deployments().first().target, "railway");
    }
};

QTEST_GUILESS_MAIN(TestRailway)
#include "tst_railway.moc"
