// local-service against the textbook example's real FastAPI backend under uvicorn:
// blue/green deploys behind the stable port, rollback, failed health checks that leave
// the old release live, services that outlive the program that started them, and no
// process left behind by any test.
#include "localservicetestutil.h"
#include "stableport.h"

#include "common/processinfo.h"
#include "deploy/localservice/localservicetarget.h"
#include "deploy/localservice/serviceprocess.h"
#include "deploy/localservice/serviceroot.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>

#include <algorithm>
#include <memory>

using namespace DeployDesk;
using namespace LocalServiceTest;

namespace {
const QString kUvicorn =
    QStringLiteral("/usr/bin/python3 -m uvicorn app.main:app --host 127.0.0.1 --port $PORT");

// The quick test service (tests/deploy/releaseserver.py): answers /release with the
// content of its RELEASE file.
const QString kReleaseServer = QStringLiteral("exec /usr/bin/python3 releaseserver.py");

bool makeReleaseServer(const QString &dir, const QByteArray &release)
{
    QDir(dir).removeRecursively();
    return QDir().mkpath(dir) &&
           QFile::copy(QStringLiteral(DD_TEST_SOURCE_DIR "/releaseserver.py"),
                       dir + QStringLiteral("/releaseserver.py")) &&
           writeFile(dir + QStringLiteral("/RELEASE"), release);
}

QString versionOf(const Answer &answer)
{
    return QJsonDocument::fromJson(answer.body)
        .object()
        .value(QStringLiteral("version"))
        .toString();
}
} // namespace

class TestLocalService : public QObject
{
    Q_OBJECT

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_root;
    QString m_workspace;
    int m_port = 0;

    TargetRequest request(const QString &from, const QString &command = kUvicorn) const
    {
        TargetRequest r;
        r.with = {{QStringLiteral("root"), m_root},
                  {QStringLiteral("from"), from},
                  {QStringLiteral("port"), QString::number(m_port)},
                  {QStringLiteral("command"), command},
                  // Generous for a loaded machine; a healthy start takes a second or two.
                  {QStringLiteral("start-timeout"), QStringLiteral("90s")},
                  {QStringLiteral("drain"), QStringLiteral("200ms")}};
        r.context.workspaceDir = m_workspace;
        r.context.workdir = m_workspace;
        r.context.environment = QStringLiteral("staging");
        r.context.env = QProcessEnvironment::systemEnvironment();
        r.context.env.insert(QStringLiteral("PYTHONDONTWRITEBYTECODE"), QStringLiteral("1"));
        return r;
    }

    Outcome deploy(const QString &from, const QString &command = kUvicorn,
                   const QVariantMap &extra = {})
    {
        LocalServiceTarget target;
        TargetRequest r = request(from, command);
        r.with.insert(extra);
        return run(target.deploy(r, this));
    }

    Outcome status(const QString &root)
    {
        LocalServiceTarget target;
        TargetRequest r;
        r.with = {{QStringLiteral("root"), root}};
        return run(target.status(r, this));
    }

private slots:
    void initTestCase()
    {
        QProcess probe;
        probe.start(QStringLiteral("/usr/bin/python3"),
                    {QStringLiteral("-c"), QStringLiteral("import uvicorn, fastapi")});
        QVERIFY2(probe.waitForFinished(60000) && probe.exitCode() == 0,
                 "needs Debian's python3-uvicorn and python3-fastapi (scripts/lib/common.sh)");
        QVERIFY2(!LocalService::forwarderPath().isEmpty(),
                 "deploydesk-forward must be built next to the test");
    }

    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_workspace = m_dir->filePath(QStringLiteral("workspace"));
        m_root = m_dir->filePath(QStringLiteral("services/staging"));
        QVERIFY(QDir().mkpath(m_workspace));
        m_port = stablePort();
        QVERIFY2(m_port > 0, "no free port below the ephemeral range");
    }

    // Every test ends with nothing running: stopAll() ends what the root records, and no
    // process may still work in (or name) the test's folder.
    void cleanup()
    {
        LocalService::stopAll(m_dir->path() + QStringLiteral("/services/staging"));
        LocalService::stopAll(m_dir->path() + QStringLiteral("/state/services/staging"));
        LocalService::stopAll(m_dir->path() + QStringLiteral("/fake"));
        QTRY_COMPARE_WITH_TIMEOUT(processesUsing(m_dir->path()), QStringList(), 10000);
        QCOMPARE(get(m_port).status, 0); // the stable port is closed again
        m_dir.reset();
    }

    // A service that accepts the connection and never answers: the health check says so
    // in words ("no answer within 300ms"), not Qt's "Operation canceled".
    void silentHealthEndpointSaysNoAnswer()
    {
        QTcpServer silent;
        QVERIFY(silent.listen(QHostAddress::LocalHost));
        QList<QTcpSocket *> held; // accepted, never answered
        connect(&silent, &QTcpServer::newConnection, &silent, [&] {
            while (QTcpSocket *socket = silent.nextPendingConnection())
                held << socket;
        });
        Deployment deployment;
        deployment.details.insert(QStringLiteral("port"), silent.serverPort());
        TargetRequest r = request(m_workspace);
        r.with.insert(QStringLiteral("health-timeout"), QStringLiteral("300ms"));
        LocalServiceTarget target;
        const Outcome checked = run(target.health(r, deployment, this));
        QVERIFY(checked.finished);
        QCOMPARE(checked.outcome, Job::Outcome::Failed);
        const QString expected = QStringLiteral("health check of http://127.0.0.1:%1/health "
                                                "failed: no answer within 300 ms")
                                     .arg(silent.serverPort());
        QVERIFY2(checked.error.contains(expected), qPrintable(checked.error));
        QVERIFY(!held.isEmpty());
    }

    void deploySwapsAndRollsBack()
    {
        const QString backend = m_workspace + QStringLiteral("/backend");
        QVERIFY(makeBackend(backend, QStringLiteral("1.0.0")));
        const Outcome first = deploy(QStringLiteral("backend"));
        QVERIFY2(first.ok(), qPrintable(first.error + QLatin1Char('\n') + first.log.join('\n')));
        QCOMPARE(first.results, 1);
        QCOMPARE(first.deployments.size(), 1);
        const Deployment v1 = first.deployments.first();
        QCOMPARE(v1.target, QStringLiteral("local-service"));
        QVERIFY(v1.layer == Layer::Backend);
        QCOMPARE(v1.url, QStringLiteral("http://127.0.0.1:%1").arg(m_port));
        QCOMPARE(v1.details.value(QStringLiteral("port")).toInt(), m_port);
        QVERIFY(v1.details.value(QStringLiteral("instancePort")).toInt() != m_port);
        QVERIFY(QFileInfo(m_root + QStringLiteral("/releases/") + v1.version +
                          QStringLiteral("/app/main.py"))
                    .isFile());
        // The service's own output reached the stage's log while it started.
        QVERIFY2(first.log.join('\n').contains(QStringLiteral("Uvicorn running on")),
                 qPrintable(first.log.join('\n')));

        Answer answer = get(m_port);
        QCOMPARE(answer.status, 200);
        QCOMPARE(versionOf(answer), QStringLiteral("1.0.0"));

        // A second release: new code in the same folder.
        QVERIFY(makeBackend(backend, QStringLiteral("2.0.0")));
        const Outcome second = deploy(QStringLiteral("backend"));
        QVERIFY2(second.ok(), qPrintable(second.error));
        const Deployment v2 = second.deployments.first();
        QVERIFY(v2.version != v1.version);
        QCOMPARE(versionOf(get(m_port)), QStringLiteral("2.0.0"));
        // The old instance was stopped after the swap.
        const LocalService::ProcessRecord old{
            v1.details.value(QStringLiteral("pid")).toLongLong(),
            v1.details.value(QStringLiteral("startTicks")).toLongLong(), 0};
        QVERIFY(!old.isRunning());
        QCOMPARE(LocalService::runningInGroup(old.pid), 0);

        LocalServiceTarget target;
        const Outcome listed = run(target.list(request(QStringLiteral("backend")), this));
        QVERIFY(listed.ok());
        QCOMPARE(listed.deployments.size(), 2);
        QCOMPARE(listed.deployments[0].version, v2.version); // newest first
        QCOMPARE(listed.deployments[1].version, v1.version);

        // Rollback: the first release answers again, started the same way.
        const Outcome back = run(target.rollback(request(QStringLiteral("backend")), v1, this));
        QVERIFY2(back.ok(), qPrintable(back.error));
        QCOMPARE(back.deployments.first().version, v1.version);
        QCOMPARE(versionOf(get(m_port)), QStringLiteral("1.0.0"));

        const Outcome now = status(m_root);
        QVERIFY(now.ok());
        QCOMPARE(now.deployments.size(), 1);
        QCOMPARE(now.deployments.first().version, v1.version);
        QCOMPARE(now.deployments.first().details.value(QStringLiteral("running")).toBool(), true);
        QCOMPARE(now.deployments.first().details.value(QStringLiteral("previous")).toString(),
                 v2.version);

        const Outcome healthy =
            run(target.health(request(QStringLiteral("backend")), back.deployments.first(), this));
        QVERIFY2(healthy.ok(), qPrintable(healthy.error));

        // Rolling back to a release that was pruned or never existed says what is kept.
        Deployment gone = v1;
        gone.version = QStringLiteral("19990101-000000");
        const Outcome missing =
            run(target.rollback(request(QStringLiteral("backend")), gone, this));
        QCOMPARE(missing.outcome, Job::Outcome::Failed);
        QVERIFY2(missing.error.contains(QStringLiteral("no longer in")) &&
                     missing.error.contains(v2.version),
                 qPrintable(missing.error));
        QCOMPARE(versionOf(get(m_port)), QStringLiteral("1.0.0"));
    }

    void failedHealthCheckKeepsTheOldRelease_data()
    {
        QTest::addColumn<QString>("command");
        QTest::addColumn<bool>("brokenHealth");
        QTest::addColumn<QString>("reason");
        QTest::addColumn<QString>("logged");
        QTest::newRow("command exits")
            << QStringLiteral("echo 'cannot reach the database at db:5432' >&2; exit 3") << false
            << QStringLiteral("exited before it answered")
            << QStringLiteral("cannot reach the database at db:5432");
        QTest::newRow("health answers 500") << kUvicorn << true << QStringLiteral("answered 500")
                                            << QStringLiteral("\"GET /health HTTP/1.1\" 500");
    }

    void failedHealthCheckKeepsTheOldRelease()
    {
        QFETCH(QString, command);
        QFETCH(bool, brokenHealth);
        QFETCH(QString, reason);
        QFETCH(QString, logged);
        QVERIFY(makeBackend(m_workspace + QStringLiteral("/good"), QStringLiteral("1.0.0")));
        const Outcome good = deploy(QStringLiteral("good"));
        QVERIFY2(good.ok(), qPrintable(good.error));
        const Deployment live = good.deployments.first();

        QVERIFY(makeBackend(m_workspace + QStringLiteral("/bad"), QStringLiteral("2.0.0"),
                            brokenHealth));
        // A service that answers, just never with 200, is given up on after start-timeout.
        const Outcome bad = deploy(QStringLiteral("bad"), command,
                                   {{QStringLiteral("start-timeout"), QStringLiteral("25s")}});
        QCOMPARE(bad.outcome, Job::Outcome::Failed);
        QCOMPARE(bad.results, 1);
        QVERIFY2(bad.error.contains(QStringLiteral("failed its health check")),
                 qPrintable(bad.error));
        QVERIFY2(bad.error.contains(reason), qPrintable(bad.error));
        QVERIFY2(bad.error.contains(
                     QStringLiteral("the previous release %1 stays live").arg(live.version)),
                 qPrintable(bad.error));
        QVERIFY2(bad.error.contains(logged),
                 qPrintable(bad.error));              // the last lines of service.log
        QVERIFY(bad.log.join('\n').contains(logged)); // streamed while waiting

        // The old release still answers, and nothing of the failed one runs.
        const Answer answer = get(m_port);
        QCOMPARE(answer.status, 200);
        QCOMPARE(versionOf(answer), QStringLiteral("1.0.0"));
        const LocalService::ServiceRoot root(m_root);
        QCOMPARE(root.active()->release, live.version);
        int failedReleases = 0;
        for (const LocalService::ReleaseInfo &r : root.releases()) {
            if (r.id == live.version)
                continue;
            ++failedReleases;
            QVERIFY(r.failed);
            QVERIFY(r.instance);
            QVERIFY(!r.instance->isRunning());
            QCOMPARE(LocalService::runningInGroup(r.instance->pid), 0);
        }
        QCOMPARE(failedReleases, 1);
        // A failed release is not offered for rollback.
        LocalServiceTarget target;
        const Outcome listed = run(target.list(request(QStringLiteral("good")), this));
        QCOMPARE(listed.deployments.size(), 1);
    }

    // The process that deployed ends (the panel closes): the service keeps answering and a
    // new target object finds it again by pid and start time.
    void survivesThePanel()
    {
        QVERIFY(makeBackend(m_workspace + QStringLiteral("/backend"), QStringLiteral("3.0.0")));
        QProcess deployer;
        deployer.setProcessEnvironment([] {
            QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
            env.insert(QStringLiteral("PYTHONDONTWRITEBYTECODE"), QStringLiteral("1"));
            return env;
        }());
        deployer.start(
            QStringLiteral(DD_BIN_DIR "/localservicedeployer"),
            {m_root, m_workspace + QStringLiteral("/backend"), QString::number(m_port), kUvicorn});
        QVERIFY(deployer.waitForFinished(180000));
        QVERIFY2(deployer.exitCode() == 0, deployer.readAllStandardError().constData());
        const QJsonObject printed =
            QJsonDocument::fromJson(deployer.readAllStandardOutput()).object();
        const qint64 pid = printed.value(QStringLiteral("pid")).toInteger();
        QVERIFY(pid > 0);

        const Answer answer = get(m_port);
        QCOMPARE(answer.status, 200);
        QCOMPARE(versionOf(answer), QStringLiteral("3.0.0"));

        const Outcome found = status(m_root);
        QVERIFY(found.ok());
        QCOMPARE(found.deployments.size(), 1);
        const Deployment d = found.deployments.first();
        QCOMPARE(d.version, printed.value(QStringLiteral("version")).toString());
        QCOMPARE(d.details.value(QStringLiteral("pid")).toLongLong(), pid);
        QCOMPARE(d.details.value(QStringLiteral("startTicks")).toLongLong(),
                 printed.value(QStringLiteral("startTicks")).toInteger());
        QCOMPARE(d.details.value(QStringLiteral("running")).toBool(), true);
        QCOMPARE(d.details.value(QStringLiteral("forwarding")).toBool(), true);

        // A state file whose pid now belongs to another process (same pid, other start
        // time) or to no process at all is not mistaken for the service.
        QProcess sleeper;
        sleeper.start(QStringLiteral("sleep"), {QStringLiteral("30")});
        QVERIFY(sleeper.waitForStarted());
        const qint64 deadPid = sleeper.processId();
        const qint64 deadTicks = ProcessInfo::startTicks(deadPid);
        QVERIFY(deadTicks >= 0);
        sleeper.kill();
        QVERIFY(sleeper.waitForFinished());
        const QString fake = m_dir->filePath(QStringLiteral("fake"));
        const LocalService::ServiceRoot fakeRoot(fake);
        const struct
        {
            qint64 pid, ticks;
        } cases[] = {
            {QCoreApplication::applicationPid(),
             ProcessInfo::startTicks(QCoreApplication::applicationPid()) + 1},
            {deadPid, deadTicks},
        };
        for (const auto &c : cases) {
            LocalService::ActiveState state;
            state.release = QStringLiteral("20240101-000000");
            state.instance = {c.pid, c.ticks, 41234};
            state.port = m_port;
            QVERIFY(fakeRoot.setActive(state));
            const Outcome reported = status(fake);
            QVERIFY(reported.ok());
            QCOMPARE(reported.deployments.size(), 1);
            QCOMPARE(reported.deployments.first().details.value(QStringLiteral("running")).toBool(),
                     false);
            QVERIFY(reported.log.join('\n').contains(QStringLiteral("does not run")));
        }

        // stopAll() ends it; the live release is still named, no longer running.
        QCOMPARE(LocalService::stopAll(m_root), 2); // the instance and the forwarder
        QCOMPARE(get(m_port).status, 0);
        const Outcome after = status(m_root);
        QCOMPARE(after.deployments.first().details.value(QStringLiteral("running")).toBool(),
                 false);
        QCOMPARE(after.deployments.first().details.value(QStringLiteral("forwarding")).toBool(),
                 false);

        // A rollback to the live release starts it again (after a reboot, say).
        LocalServiceTarget target;
        const Outcome restarted = run(target.rollback(request(QStringLiteral("backend")), d, this));
        QVERIFY2(restarted.ok(), qPrintable(restarted.error));
        QCOMPARE(versionOf(get(m_port)), QStringLiteral("3.0.0"));
    }

    // Requests already forwarded to the old instance finish during the drain; new ones
    // go to the new instance.
    void drainLetsRunningRequestsFinish()
    {
        const QString dir = m_workspace + QStringLiteral("/svc");
        QVERIFY(makeReleaseServer(dir, "one"));
        const QVariantMap drain{{QStringLiteral("drain"), QStringLiteral("5s")}};
        const Outcome first = deploy(QStringLiteral("svc"), kReleaseServer, drain);
        QVERIFY2(first.ok(), qPrintable(first.error));
        const QString oldLog =
            LocalService::ServiceRoot(m_root).serviceLog(first.deployments.first().version);

        QNetworkAccessManager network;
        QNetworkRequest slowRequest(QUrl(QStringLiteral("http://127.0.0.1:%1/slow").arg(m_port)));
        slowRequest.setTransferTimeout(60000);
        QNetworkReply *slow = network.get(slowRequest);
        QSignalSpy slowDone(slow, &QNetworkReply::finished);
        // The old instance is working on it (it says so in its service.log).
        QTRY_VERIFY_WITH_TIMEOUT(readFile(oldLog).contains("slow request started"), 20000);
        QVERIFY(slowDone.isEmpty());

        QVERIFY(makeReleaseServer(dir, "two"));
        const Outcome second = deploy(QStringLiteral("svc"), kReleaseServer, drain);
        QVERIFY2(second.ok(), qPrintable(second.error));
        QVERIFY(slowDone.count() == 1 || slowDone.wait(30000));
        QCOMPARE(slow->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
        QCOMPARE(slow->readAll(), QByteArray("one"));
        delete slow;
        QCOMPARE(get(m_port, QStringLiteral("/release")).body, QByteArray("two"));
        QVERIFY(readFile(oldLog).contains("GET /slow"));
    }

    // `keep` newest releases stay, and always the live and the previous one.
    void pruneKeepsLiveAndPrevious()
    {
        const QString dir = m_workspace + QStringLiteral("/svc");
        const QVariantMap keep{{QStringLiteral("keep"), QStringLiteral("2")},
                               {QStringLiteral("drain"), QStringLiteral("0s")}};
        QStringList ids;
        for (const QByteArray name : {"r1", "r2", "r3"}) {
            QVERIFY(makeReleaseServer(dir, name));
            const Outcome o = deploy(QStringLiteral("svc"), kReleaseServer, keep);
            QVERIFY2(o.ok(), qPrintable(o.error));
            ids << o.deployments.first().version;
        }
        const LocalService::ServiceRoot root(m_root);
        const auto idsOf = [&root] {
            QStringList out;
            for (const LocalService::ReleaseInfo &r : root.releases())
                out << r.id;
            return out;
        };
        QCOMPARE(idsOf(), (QStringList{ids[2], ids[1]}));
        QVERIFY(!QFileInfo::exists(root.releaseDir(ids[0])));

        LocalServiceTarget target;
        TargetRequest r = request(QStringLiteral("svc"), kReleaseServer);
        r.with.insert(keep);
        Deployment to;
        to.target = QStringLiteral("local-service");
        to.version = ids[1];
        const Outcome back = run(target.rollback(r, to, this));
        QVERIFY2(back.ok(), qPrintable(back.error));
        QCOMPARE(get(m_port, QStringLiteral("/release")).body, QByteArray("r2"));

        QVERIFY(makeReleaseServer(dir, "r4"));
        const Outcome fourth = deploy(QStringLiteral("svc"), kReleaseServer, keep);
        QVERIFY2(fourth.ok(), qPrintable(fourth.error));
        ids << fourth.deployments.first().version;
        // r4 and r3 are the two newest; r2 was live before r4: kept for a rollback.
        QCOMPARE(idsOf(), (QStringList{ids[3], ids[2], ids[1]}));
        QCOMPARE(root.active()->previous, ids[1]);
    }

    void cancelWhileStartingStopsTheNewInstance()
    {
        QVERIFY(makeBackend(m_workspace + QStringLiteral("/backend"), QStringLiteral("1.0.0")));
        LocalServiceTarget target;
        TargetJob *job = target.deploy(
            request(QStringLiteral("backend"), QStringLiteral("echo waiting; exec sleep 60")),
            this);
        QObject::connect(job, &Job::logLine, job, [job](const QString &line) {
            if (line.startsWith(QStringLiteral("health check 1:")))
                job->cancel();
        });
        const Outcome o = run(job);
        QCOMPARE(o.outcome, Job::Outcome::Cancelled);
        QCOMPARE(o.results, 1);
        const auto releases = LocalService::ServiceRoot(m_root).releases();
        QCOMPARE(releases.size(), 1);
        QVERIFY(releases.first().instance);
        QVERIFY(!releases.first().instance->isRunning());
        QVERIFY(!LocalService::ServiceRoot(m_root).active());
    }

    void stablePortTakenFailsBeforeStarting()
    {
        QTcpServer squatter;
        QVERIFY(squatter.listen(QHostAddress::LocalHost, quint16(m_port)));
        QVERIFY(makeBackend(m_workspace + QStringLiteral("/backend"), QStringLiteral("1.0.0")));
        const Outcome o = deploy(QStringLiteral("backend"));
        QCOMPARE(o.outcome, Job::Outcome::Failed);
        QVERIFY2(o.error.contains(QStringLiteral("port %1 is already in use").arg(m_port)),
                 qPrintable(o.error));
        QVERIFY(LocalService::ServiceRoot(m_root).releases().isEmpty());
        squatter.close();
    }

    // `uses: local-service` as a stage: needs an environment, and keeps its services under
    // DeployDesk's state folder by default.
    void stageTypeDeploysIntoTheStateFolder()
    {
        registerLocalService();
        QVERIFY(TargetRegistry::instance().names().contains(QStringLiteral("local-service")));
        QVERIFY(StageTypeRegistry::instance().names().contains(QStringLiteral("local-service")));
        const ParamSchema params =
            StageTypeRegistry::instance().params(QStringLiteral("local-service"));
        QVERIFY(std::any_of(params.begin(), params.end(), [](const ParamSpec &p) {
            return p.name == QLatin1String("command") && p.required;
        }));

        QVERIFY(makeBackend(m_workspace + QStringLiteral("/backend"), QStringLiteral("4.0.0")));
        TargetRequest r = request(QStringLiteral("backend"));
        r.with.remove(QStringLiteral("root"));
        r.context.stateDir = m_dir->filePath(QStringLiteral("state"));

        auto withoutEnv = StageTypeRegistry::instance().create(QStringLiteral("local-service"));
        StageContext noEnv = r.context;
        noEnv.environment.clear();
        withoutEnv->configure(r.with, noEnv);
        QSignalSpy refused(withoutEnv.get(), &Job::result);
        withoutEnv->start();
        QVERIFY(refused.wait());
        QCOMPARE(withoutEnv->outcome(), Job::Outcome::Failed);
        QVERIFY(withoutEnv->errorText().contains(QStringLiteral("needs an environment")));

        auto stage = StageTypeRegistry::instance().create(QStringLiteral("local-service"));
        stage->configure(r.with, r.context);
        QSignalSpy done(stage.get(), &Job::result);
        stage->start();
        QVERIFY(done.wait(180000));
        QVERIFY2(stage->outcome() == Job::Outcome::Success, qPrintable(stage->errorText()));
        QCOMPARE(stage->deployments().size(), 1);
        QCOMPARE(stage->deployments().first().details.value(QStringLiteral("root")).toString(),
                 m_dir->filePath(QStringLiteral("state/services/staging")));
        QCOMPARE(versionOf(get(m_port)), QStringLiteral("4.0.0"));
    }
};

QTEST_GUILESS_MAIN(TestLocalService)
#include "tst_localservice.moc"
