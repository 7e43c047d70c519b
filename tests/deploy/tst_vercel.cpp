// The vercel target against the Vercel contract fake (tests/fakes/vercelfake): the
// file-digest protocol (only missing files uploaded, once each, many at a time, through
// resets, 503s and 429s), the build followed into the log, production and preview, the
// errors a user sees (wrong project, expired or missing token, failed build, malformed
// answers) with the token never shown, listing with pagination, rollback and promote
// without a rebuild, health, and .vercel/project.json.
#include "deploy/vercel/verceltarget.h"
#include "fakes/vercelfake.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace DeployDesk;
using namespace DeployDesk::Test;

namespace {
const QByteArray kToken = "vcp_Secret0Token1ForTests2xYz";
const QString kTeam = QStringLiteral("team_deploydesk42");

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

void writeFile(const QString &path, const QByteArray &content)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    QCOMPARE(file.write(content), content.size());
}

QByteArray sha1(const QByteArray &content)
{
    return QCryptographicHash::hash(content, QCryptographicHash::Sha1).toHex();
}

// Largest number of requests the server was working on at once.
int peakOverlap(const QList<FakeRequest> &requests)
{
    QList<std::pair<qint64, int>> edges;
    for (const FakeRequest &r : requests) {
        if (r.answeredNs == 0)
            continue;
        edges.append({r.receivedNs, +1});
        edges.append({r.answeredNs, -1});
    }
    std::sort(edges.begin(), edges.end());
    int now = 0, peak = 0;
    for (const auto &[time, delta] : edges) {
        now += delta;
        peak = std::max(peak, now);
    }
    return peak;
}
} // namespace

class TestVercel : public QObject
{
    Q_OBJECT

    std::unique_ptr<QTemporaryDir> m_tmp;
    std::unique_ptr<VercelFake> m_fake;
    QString m_ws;
    QString m_projectId;
    VercelTarget m_target;

    // A site of `count` small files, a 1 MB file and two files with the same content.
    // Returns the distinct digests.
    QSet<QByteArray> makeSite(int count = 24, const QByteArray &variant = "v1")
    {
        QSet<QByteArray> shas;
        const QString root = m_ws + "/site/dist";
        auto add = [&](const QString &path, const QByteArray &content) {
            writeFile(root + "/" + path, content);
            shas.insert(sha1(content));
        };
        add("index.html", "<!doctype html><title>" + variant + "</title>");
        for (int i = 0; i < count; ++i)
            add(QStringLiteral("assets/chunk-%1.js").arg(i),
                "console.log(" + QByteArray::number(i) + ", '" + variant + "');\n");
        add("img/big.bin", QByteArray(1024 * 1024, char('a' + count % 26)) + variant);
        add("copy/a.txt", "same bytes");
        add("copy/b.txt", "same bytes");
        writeFile(root + "/.DS_Store", "never deployed");
        return shas;
    }

    TargetRequest request(QVariantMap with, const QString &environment = "production",
                          bool token = true) const
    {
        TargetRequest r;
        if (!with.contains("from"))
            with.insert("from", "site/dist");
        if (!with.contains("poll-interval"))
            with.insert("poll-interval", "50ms");
        r.with = with;
        StageContext &c = r.context;
        c.workspaceDir = m_ws;
        c.workdir = m_ws;
        c.environment = environment;
        c.stageName = "deploy-site";
        c.runId = 42;
        c.commit = "0123456789abcdef0123456789abcdef01234567";
        c.branch = "main";
        QProcessEnvironment env;
        env.insert("DEPLOYDESK_API_VERCEL", m_fake->url().toString());
        if (token)
            env.insert("VERCEL_TOKEN", QString::fromLatin1(kToken));
        c.env = env;
        c.secretValues = {QString::fromLatin1(kToken)};
        return r;
    }
    QVariantMap withProject(const QVariantMap &extra = {}) const
    {
        QVariantMap w{{"project", "docs-site"}, {"team", kTeam}};
        for (auto it = extra.cbegin(); it != extra.cend(); ++it)
            w.insert(it.key(), it.value());
        return w;
    }
    Finished deploy(const TargetRequest &r)
    {
        std::unique_ptr<TargetJob> job(m_target.deploy(r, nullptr));
        return run(job.get());
    }
    void verifyNoToken(const Finished &f)
    {
        QVERIFY2(!f.text().contains(QString::fromLatin1(kToken)), qPrintable(f.text()));
        for (const Deployment &d : f.deployments)
            QVERIFY(!QJsonDocument::fromVariant(d.details).toJson().contains(kToken));
    }

private slots:
    void init()
    {
        m_tmp = std::make_unique<QTemporaryDir>();
        QVERIFY(m_tmp->isValid());
        m_ws = m_tmp->path();
        m_fake = std::make_unique<VercelFake>();
        QVERIFY(m_fake->listen());
        m_fake->setToken(kToken);
        m_fake->setTeam(kTeam);
        m_projectId = m_fake->addProject("docs-site");
    }

    void deployUploadsOnlyMissingFilesOnceThroughFaults()
    {
        const QSet<QByteArray> shas = makeSite();
        m_fake->resetNextUploads(1);
        m_fake->inject(
            "POST", "/v2/files",
            FakeResponse::json(QJsonObject{{"error", QJsonObject{{"code", "internal_server_error"},
                                                                 {"message", "try again"}}}},
                               503));
        const Finished f = deploy(request(withProject()));
        QVERIFY(f.done);
        QVERIFY2(f.outcome == Job::Outcome::Success, qPrintable(f.text()));
        QCOMPARE(f.results, 1);

        // Exactly the missing files, each accepted once, although one upload was cut off
        // mid-body and another answered 503.
        const auto accepted = m_fake->acceptedUploads();
        QCOMPARE(QSet<QByteArray>(accepted.keyBegin(), accepted.keyEnd()), shas);
        for (auto it = accepted.cbegin(); it != accepted.cend(); ++it)
            QCOMPARE(it.value(), 1);
        QVERIFY2(m_fake->calls("POST", "/v2/files").size() >= shas.size() + 2,
                 qPrintable(QString::number(m_fake->calls("POST", "/v2/files").size()) + "\n" +
                            f.log.join('\n')));
        QVERIFY2(m_fake->violations().isEmpty(), qPrintable(m_fake->violations().join('\n')));

        // Create, upload, the same create again.
        const auto bodies = m_fake->createBodies();
        QCOMPARE(bodies.size(), 2);
        QCOMPARE(bodies.at(0), bodies.at(1));
        const QJsonObject body = bodies.at(0);
        QCOMPARE(body.value("target").toString(), "production");
        QCOMPARE(body.value("project").toString(), "docs-site");
        QCOMPARE(body.value("meta").toObject().value("deploydeskRun").toString(), "42");
        QCOMPARE(body.value("meta").toObject().value("branch").toString(), "main");
        QCOMPARE(body.value("files").toArray().size(), 24 + 4); // .DS_Store left out
        QCOMPARE(body.value("files").toArray().first().toObject().value("file").toString(),
                 "assets/chunk-0.js");

        // READY, the URL recorded, the build in the log (each event once).
        QCOMPARE(f.deployments.size(), 1);
        const Deployment d = f.deployments.first();
        QCOMPARE(d.target, "vercel");
        QVERIFY(d.layer == Layer::Site);
        QVERIFY(d.version.startsWith("dpl_"));
        QVERIFY(m_fake->deployments().contains(d.version));
        QCOMPARE(d.url, "https://" + m_fake->deployments().value(d.version).url);
        QCOMPARE(d.details.value("projectId").toString(), m_projectId);
        QCOMPARE(d.details.value("teamId").toString(), kTeam);
        QCOMPARE(d.details.value("target").toString(), "production");
        QVERIFY(d.details.value("inspectorUrl").toString().startsWith("https://vercel.com/"));
        QCOMPARE(m_fake->productionOf(m_projectId), d.version);
        const QString log = f.log.join('\n');
        QVERIFY2(log.contains("> Running \"vercel build\""), qPrintable(log));
        QCOMPARE(f.log.count("Build Completed in /vercel/output"), 1);
        QCOMPARE(f.log.count("Deployment completed"), 1);
        QVERIFY(log.contains(": BUILDING"));
        QVERIFY(log.contains("waiting for Vercel to point production at it"));
        QVERIFY(log.contains("503 from 127.0.0.1"));
        QVERIFY(log.contains("ready: " + d.url));
        verifyNoToken(f);
    }

    void unchangedRedeployUploadsNothing()
    {
        makeSite();
        QVERIFY(deploy(request(withProject())).outcome == Job::Outcome::Success);
        const int uploads = m_fake->calls("POST", "/v2/files").size();
        m_fake->clearUploads();

        const Finished again = deploy(request(withProject()));
        QVERIFY2(again.outcome == Job::Outcome::Success, qPrintable(again.text()));
        QCOMPARE(m_fake->calls("POST", "/v2/files").size(), uploads);
        QVERIFY(m_fake->acceptedUploads().isEmpty());
        QCOMPARE(m_fake->createBodies().size(), 3); // 2 the first time, 1 now

        // One changed file: only it goes up.
        writeFile(m_ws + "/site/dist/index.html", "changed");
        QVERIFY(deploy(request(withProject())).outcome == Job::Outcome::Success);
        QCOMPARE(m_fake->acceptedUploads().keys(), QList<QByteArray>{sha1("changed")});
    }

    void uploadsRunInParallel_data()
    {
        QTest::addColumn<QVariant>("parallel");
        QTest::addColumn<int>("atLeast");
        QTest::addColumn<int>("atMost");
        QTest::newRow("default") << QVariant() << 8 << 16;
        QTest::newRow("one at a time") << QVariant(1) << 1 << 1;
    }
    void uploadsRunInParallel()
    {
        QFETCH(QVariant, parallel);
        QFETCH(int, atLeast);
        QFETCH(int, atMost);
        makeSite(40);
        m_fake->setUploadLatency(std::chrono::milliseconds(150));
        QVariantMap with = withProject();
        if (parallel.isValid())
            with.insert("parallel", parallel);
        const Finished f = deploy(request(with));
        QVERIFY2(f.outcome == Job::Outcome::Success, qPrintable(f.text()));
        const int peak = peakOverlap(m_fake->calls("POST", "/v2/files"));
        QVERIFY2(peak >= atLeast && peak <= atMost, qPrintable(QString::number(peak)));
    }

    void previewDeploysWithoutTarget()
    {
        makeSite(3);
        const Finished f = deploy(request(withProject(), "preview"));
        QVERIFY2(f.outcome == Job::Outcome::Success, qPrintable(f.text()));
        const QJsonObject body = m_fake->createBodies().last();
        QVERIFY(!body.contains("target"));
        QCOMPARE(body.value("gitMetadata").toObject().value("commitRef").toString(), "main");
        const Deployment d = f.deployments.first();
        QCOMPARE(d.details.value("target").toString(), "preview");
        QCOMPARE(d.details.value("branch").toString(), "main");
        QVERIFY(d.url.startsWith("https://docs-site-"));
        QVERIFY(m_fake->productionOf(m_projectId).isEmpty());
        QVERIFY(f.log.join('\n').contains("ready: " + d.url + " (preview)"));
    }

    void wrongProjectNamesTheSetting()
    {
        makeSite(2);
        const Finished f = deploy(request(withProject({{"project", "prj_doesnotexist"}})));
        QCOMPARE(f.outcome, Job::Outcome::Failed);
        QCOMPARE(f.error.code, ErrorCode::NotFound);
        const QString m = f.error.message;
        QVERIFY2(m.contains("prj_doesnotexist") && m.contains("\"project\"") &&
                     m.contains("Project not found") && m.contains("request id fra1::"),
                 qPrintable(m));
        QVERIFY(m_fake->acceptedUploads().isEmpty());
        verifyNoToken(f);
    }

    void expiredTokenNamesTheSecretAndIsNeverShown()
    {
        makeSite(2);
        // The platform refuses the token; its answer even quotes it.
        m_fake->inject(
            "POST", "/v13/deployments",
            FakeResponse::json(
                QJsonObject{
                    {"error", QJsonObject{{"code", "forbidden"},
                                          {"message", "The token " + QString::fromLatin1(kToken) +
                                                          " has expired"}}}},
                401));
        const Finished f = deploy(request(withProject()));
        QCOMPARE(f.outcome, Job::Outcome::Failed);
        QCOMPARE(f.error.code, ErrorCode::Unauthorized);
        QVERIFY2(f.error.message.contains("VERCEL_TOKEN") &&
                     f.error.message.contains("deploydeskctl secrets set VERCEL_TOKEN") &&
                     f.error.message.contains("has expired") &&
                     f.error.message.contains("request id"),
                 qPrintable(f.error.message));
        verifyNoToken(f);

        // A wrong token altogether.
        m_fake->setToken("another-token-entirely");
        const Finished g = deploy(request(withProject()));
        QCOMPARE(g.error.code, ErrorCode::Unauthorized);
        QVERIFY(g.error.message.contains("Not authorized"));
        verifyNoToken(g);
    }

    void missingTokenSaysHowToSetIt()
    {
        makeSite(2);
        const Finished f = deploy(request(withProject(), "production", false));
        QCOMPARE(f.outcome, Job::Outcome::Failed);
        QVERIFY2(f.error.message.contains("VERCEL_TOKEN") &&
                     f.error.message.contains("`deploydeskctl secrets set VERCEL_TOKEN`") &&
                     f.error.message.contains("deploy-site"),
                 qPrintable(f.error.message));
        QCOMPARE(m_fake->server().requestCount(), 0);

        // Another secret name, named as such.
        TargetRequest r = request(withProject({{"token-secret", "VERCEL_DOCS"}}));
        const Finished g = deploy(r);
        QVERIFY(g.error.message.contains("deploydeskctl secrets set VERCEL_DOCS"));
    }

    void rateLimitIsHonoured()
    {
        makeSite(3);
        m_fake->inject("POST", "/v13/deployments", VercelFake::rateLimited(1));
        m_fake->inject("POST", "/v2/files", VercelFake::rateLimited(1));
        const Finished f = deploy(request(withProject()));
        QVERIFY2(f.outcome == Job::Outcome::Success, qPrintable(f.text()));
        const auto creates = m_fake->calls("POST", "/v13/deployments");
        QVERIFY(creates.size() >= 3);
        // The retry came no sooner than Retry-After asked.
        QVERIFY(creates.at(1).receivedNs - creates.at(0).answeredNs >= 990'000'000);
        QVERIFY(f.log.join('\n').contains("429 from 127.0.0.1"));
        QCOMPARE(m_fake->acceptedUploads().size(), 6); // 3 chunks, index, big, one copy
    }

    void failedBuildReportsVercelsReason()
    {
        makeSite(2);
        m_fake->failNextBuild("BUILD_FAILED", "Command \"npm run build\" exited with 1");
        const Finished f = deploy(request(withProject()));
        QCOMPARE(f.outcome, Job::Outcome::Failed);
        QVERIFY2(f.error.message.contains("BUILD_FAILED") &&
                     f.error.message.contains("exited with 1") &&
                     f.error.message.contains("https://vercel.com/"),
                 qPrintable(f.error.message));
        QVERIFY(f.log.contains("Error: Command \"npm run build\" exited with 1"));
    }

    void malformedAnswers()
    {
        makeSite(2);
        // One unreadable status answer is survived…
        m_fake->inject("GET", "/v13/deployments/",
                       FakeResponse::text("{\"id\": \"dpl_", 200, "application/json"));
        const Finished f = deploy(request(withProject()));
        QVERIFY2(f.outcome == Job::Outcome::Success, qPrintable(f.text()));
        QVERIFY(f.log.join('\n').contains("status check failed"));

        // …an unreadable create answer is a clear failure.
        writeFile(m_ws + "/site/dist/new.txt", "new");
        m_fake->inject("POST", "/v13/deployments",
                       FakeResponse::text("<html>upstream", 200, "application/json"));
        const Finished g = deploy(request(withProject()));
        QCOMPARE(g.outcome, Job::Outcome::Failed);
        QVERIFY2(g.error.message.contains("not valid JSON"), qPrintable(g.error.message));
    }

    void listFollowsPagination()
    {
        QStringList ids;
        for (int i = 0; i < 7; ++i)
            ids.prepend(m_fake->seedDeployment(m_projectId, i % 2 ? "production" : "preview",
                                               "READY", 1600000000000 + i * 1000));
        m_fake->seedDeployment(m_fake->addProject("other"), "production", "READY", 1600000009000);
        m_fake->setPageSize(3);
        std::unique_ptr<TargetJob> job(m_target.list(request(withProject()), nullptr));
        const Finished f = run(job.get());
        QVERIFY2(f.outcome == Job::Outcome::Success, qPrintable(f.text()));
        QStringList got;
        for (const Deployment &d : f.deployments)
            got << d.version;
        QCOMPARE(got, ids); // newest first, every page
        const auto pages = m_fake->calls("GET", "/v6/deployments");
        QCOMPARE(pages.size(), 3);
        QVERIFY(!pages.at(0).query.hasQueryItem("until"));
        QCOMPARE(pages.at(1).query.queryItemValue("until"), "1600000004000");
        QCOMPARE(pages.at(2).query.queryItemValue("until"), "1600000001000");
        QCOMPARE(pages.at(0).query.queryItemValue("projectId"), "docs-site");
        QCOMPARE(f.deployments.at(0).details.value("target").toString(), "preview");
        QCOMPARE(f.deployments.at(1).details.value("target").toString(), "production");
        QVERIFY(m_fake->violations().isEmpty());
    }

    void statusIsTheNewestReadyProduction()
    {
        const QString live =
            m_fake->seedDeployment(m_projectId, "production", "READY", 1600000001000);
        m_fake->seedDeployment(m_projectId, "production", "ERROR", 1600000002000);
        m_fake->seedDeployment(m_projectId, "preview", "READY", 1600000003000);
        std::unique_ptr<TargetJob> job(m_target.status(request(withProject()), nullptr));
        const Finished f = run(job.get());
        QVERIFY2(f.outcome == Job::Outcome::Success, qPrintable(f.text()));
        QCOMPARE(f.deployments.size(), 1);
        QCOMPARE(f.deployments.first().version, live);

        VercelFake empty;
        QVERIFY(empty.listen());
    }

    void rollbackCallsV9WithEmptyBody()
    {
        const QString old =
            m_fake->seedDeployment(m_projectId, "production", "READY", 1600000001000, "PROMOTED");
        const QString now =
            m_fake->seedDeployment(m_projectId, "production", "READY", 1600000002000, "PROMOTED");
        Deployment to{"vercel", Layer::Site,
                      old,      {},
                      {},       {{"projectId", m_projectId}, {"target", "production"}}};
        std::unique_ptr<TargetJob> job(m_target.rollback(request(withProject()), to, nullptr));
        const Finished f = run(job.get());
        QVERIFY2(f.outcome == Job::Outcome::Success, qPrintable(f.text()));
        const auto calls = m_fake->calls("POST", "/v9/projects/");
        QCOMPARE(calls.size(), 1);
        QCOMPARE(calls.first().path, "/v9/projects/" + m_projectId + "/rollback/" + old);
        QCOMPARE(calls.first().body, QByteArray("{}"));
        QCOMPARE(calls.first().query.queryItemValue("teamId"), kTeam);
        QCOMPARE(m_fake->productionOf(m_projectId), old);
        QCOMPARE(f.deployments.first().version, old);
        QVERIFY(f.deployments.first().url.startsWith("https://"));
        QVERIFY(f.log.join('\n').contains("Vercel rollback, no rebuild"));
        QCOMPARE(m_target.rollbackMechanism(), "Vercel rollback (no rebuild)");
        Q_UNUSED(now);
    }

    void rollbackFallsBackToV1()
    {
        const QString old =
            m_fake->seedDeployment(m_projectId, "production", "READY", 1600000001000, "PROMOTED");
        m_fake->setRollbackV9(false);
        Deployment to{"vercel", Layer::Site, old, {}, {}, {{"target", "production"}}};
        std::unique_ptr<TargetJob> job(m_target.rollback(request(withProject()), to, nullptr));
        const Finished f = run(job.get());
        QVERIFY2(f.outcome == Job::Outcome::Success, qPrintable(f.text()));
        QCOMPARE(m_fake->calls("POST", "/v1/projects/").size(), 1);
        QCOMPARE(m_fake->calls("POST", "/v1/projects/").first().body, QByteArray("{}"));
        QCOMPARE(m_fake->productionOf(m_projectId), old);
    }

    void rollbackOfStagedPromotesAndPreviewIsRecorded()
    {
        const QString staged =
            m_fake->seedDeployment(m_projectId, "production", "READY", 1600000001000, "STAGED");
        Deployment to{"vercel", Layer::Site, staged, {}, {}, {{"target", "production"}}};
        std::unique_ptr<TargetJob> job(m_target.rollback(request(withProject()), to, nullptr));
        Finished f = run(job.get());
        QVERIFY2(f.outcome == Job::Outcome::Success, qPrintable(f.text()));
        QCOMPARE(
            m_fake->calls("POST", "/v10/projects/" + m_projectId + "/promote/" + staged).size(), 1);
        QVERIFY(m_fake->calls("POST", "/v9/").isEmpty());

        const QString preview =
            m_fake->seedDeployment(m_projectId, "preview", "READY", 1600000002000);
        Deployment p{"vercel", Layer::Site, preview, {}, {}, {{"target", "preview"}}};
        job.reset(m_target.rollback(request(withProject(), "preview"), p, nullptr));
        f = run(job.get());
        QVERIFY2(f.outcome == Job::Outcome::Success, qPrintable(f.text()));
        QCOMPARE(f.deployments.first().version, preview);
        QVERIFY(m_fake->calls("POST", "/v9/").isEmpty());
        QCOMPARE(m_fake->calls("POST", "/v10/").size(), 1);

        // A deployment Vercel no longer has.
        Deployment gone{"vercel", Layer::Site, "dpl_gone", {}, {}, {{"target", "production"}}};
        job.reset(m_target.rollback(request(withProject()), gone, nullptr));
        f = run(job.get());
        QCOMPARE(f.error.code, ErrorCode::NotFound);
        QVERIFY(f.error.message.contains("dpl_gone is no longer on Vercel"));
    }

    void projectJsonGivesProjectAndTeam()
    {
        makeSite(2);
        writeFile(
            m_ws + "/.vercel/project.json",
            QJsonDocument(QJsonObject{{"projectId", m_projectId}, {"orgId", kTeam}}).toJson());
        const Finished f = deploy(request({}));
        QVERIFY2(f.outcome == Job::Outcome::Success, qPrintable(f.text()));
        QCOMPARE(m_fake->createBodies().first().value("project").toString(), m_projectId);
        QVERIFY(m_fake->violations().isEmpty()); // teamId from orgId, on every call
        QVERIFY(f.log.join('\n').contains("project and team from"));
        QCOMPARE(f.deployments.first().details.value("teamId").toString(), kTeam);

        // A personal account's orgId is not a team.
        m_fake->setTeam({});
        writeFile(
            m_ws + "/.vercel/project.json",
            QJsonDocument(QJsonObject{{"projectId", m_projectId}, {"orgId", "user_abc"}}).toJson());
        const Finished g = deploy(request({}));
        QVERIFY2(g.outcome == Job::Outcome::Success, qPrintable(g.text()));
        QVERIFY(!m_fake->calls("POST", "/v13/deployments").last().query.hasQueryItem("teamId"));

        // Without project.json or "project": say what to set.
        QFile::remove(m_ws + "/.vercel/project.json");
        const Finished h = deploy(request({}));
        QCOMPARE(h.error.code, ErrorCode::Invalid);
        QVERIFY(h.error.message.contains("\"project\"") && h.error.message.contains("vercel link"));
    }

    void healthRequestsTheDeploymentUrl()
    {
        makeSite(2);
        m_fake->setSiteUrlPrefix(m_fake->url().toString() + "/sites/");
        const Finished f = deploy(request(withProject()));
        QVERIFY2(f.outcome == Job::Outcome::Success, qPrintable(f.text()));
        const Deployment d = f.deployments.first();
        std::unique_ptr<TargetJob> job(m_target.health(request(withProject()), d, nullptr));
        const Finished h = run(job.get());
        QVERIFY2(h.outcome == Job::Outcome::Success, qPrintable(h.text()));
        // The site never gets the Vercel token.
        for (const FakeRequest &r : m_fake->calls("GET", "/sites/"))
            QVERIFY(r.header("authorization").isEmpty());

        Deployment gone = d;
        gone.version = "dpl_unknown";
        gone.url = m_fake->url().toString() + "/sites/dpl_unknown";
        job.reset(m_target.health(request(withProject()), gone, nullptr));
        const Finished g = run(job.get());
        QCOMPARE(g.outcome, Job::Outcome::Failed);
        QVERIFY(g.error.message.contains("404"));
    }

    void cancelDuringUploadsIsNotAFailure()
    {
        makeSite(30);
        m_fake->setUploadLatency(std::chrono::milliseconds(3000));
        std::unique_ptr<TargetJob> job(m_target.deploy(request(withProject()), nullptr));
        QSignalSpy results(job.get(), &Job::result);
        job->start();
        QTRY_VERIFY_WITH_TIMEOUT(
            m_fake->uploadCalls() > 0 || m_fake->calls("POST", "/v2/files").size() > 0, 20000);
        job->cancel();
        QTRY_COMPARE(results.count(), 1);
        QCOMPARE(job->outcome(), Job::Outcome::Cancelled);
        job.reset(); // joins the upload threads
    }

    void registeredAsTargetAndStageType()
    {
        registerVercel();
        QVERIFY(TargetRegistry::instance().names().contains("vercel"));
        QVERIFY(StageTypeRegistry::instance().names().contains("vercel"));
        QStringList params;
        for (const ParamSpec &p : StageTypeRegistry::instance().params("vercel"))
            params << p.name;
        for (const char *name :
             {"from", "project", "team", "token-secret", "production", "parallel", "timeout"})
            QVERIFY2(params.contains(name), name);

        makeSite(2);
        auto stage = StageTypeRegistry::instance().create("vercel");
        QVERIFY(stage);
        const TargetRequest r = request(withProject());
        stage->configure(r.with, r.context);
        QSignalSpy results(stage.get(), &Job::result);
        stage->start();
        QTRY_COMPARE_WITH_TIMEOUT(results.count(), 1, 30000);
        QVERIFY2(stage->outcome() == Job::Outcome::Success, qPrintable(stage->errorText()));
        QCOMPARE(stage->deployments().size(), 1);
        QVERIFY(stage->deployments().first().version.startsWith("dpl_"));
    }
};

QTEST_GUILESS_MAIN(TestVercel)
#include "tst_vercel.moc"
