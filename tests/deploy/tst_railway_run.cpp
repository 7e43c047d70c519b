// A Railway backend through the real RunController and history store, against the Railway
// contract fake: deploys become releases whose backend layer is the Railway deployment, and
// a rollback is a recorded run (one stage per layer) that restores the earlier image by
// Railway's rollback, or fails saying why and changes nothing where Railway does not allow
// it.
#include "run/rollbackjob.h"
#include "run/runcontroller.h"
#include "secrets/secretstore.h"
#include "store/eventtext.h"
#include "store/historystore.h"

#include "fakes/railwayfake.h"
#include "statuscompare.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace DeployDesk;
using namespace DeployDesk::Test;

namespace {
const QByteArray kToken = "rwp_Run0Test1Project2Token3";
}

class TestRailwayRun : public QObject
{
    Q_OBJECT

    QTemporaryDir m_data;
    QTemporaryDir m_workspace;
    std::unique_ptr<HistoryStore> m_store;
    std::unique_ptr<SecretStore> m_secrets;
    std::unique_ptr<RailwayFake> m_fake;
    QString m_production;
    QString m_backend;

    Pipeline pipeline()
    {
        RunController c(m_store.get(), m_secrets.get());
        const LoadResult r = c.load(m_workspace.path());
        [&] { QVERIFY2(r.ok(), qPrintable(r.diagnostics.value(0).toString())); }();
        return r.pipeline;
    }

    RunRecord deploy()
    {
        RunController c(m_store.get(), m_secrets.get());
        QSignalSpy done(&c, &RunController::finished);
        RunRequest r;
        r.environment = QStringLiteral("production");
        auto id = c.start(pipeline(), r);
        [&] { QVERIFY2(bool(id), id ? "" : qPrintable(id.error().message)); }();
        [&] { QVERIFY(done.wait(60000)); }();
        return done.isEmpty() ? RunRecord{} : done.first().first().value<RunRecord>();
    }

    QString recordedVersion(qint64 runId)
    {
        auto release = m_store->releaseOfRun(runId);
        if (!release || !*release || (*release)->layers.isEmpty())
            return {};
        return (*release)->layers.first().deployment.deployment.version;
    }

private slots:
    void initTestCase() { qRegisterMetaType<RunRecord>(); }

    void init()
    {
        auto store = HistoryStore::open(m_data.path());
        QVERIFY(store);
        m_store = std::move(*store);
        m_secrets = std::make_unique<SecretStore>(m_data.filePath("secrets.json"));
        m_secrets->setKeychainEnabled(false);
        qputenv("RAILWAY_TOKEN", kToken); // the secret store's environment fallback
        m_fake = std::make_unique<RailwayFake>();
        QVERIFY(m_fake->listen());
        const QString project = m_fake->addProject("textbook", {"backend"}, {"production"});
        m_production = m_fake->environmentId(project, "production");
        m_backend = m_fake->serviceId(project, "backend");
        m_fake->addProjectToken(kToken, project, m_production);
        QFile f(m_workspace.filePath("deploydesk.yml"));
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(QStringLiteral("name: textbook\n"
                               "env:\n"
                               "  DEPLOYDESK_API_RAILWAY: %1\n"
                               "environments:\n"
                               "  production: {}\n"
                               "stages:\n"
                               "  deploy-backend:\n"
                               "    uses: railway\n"
                               "    with: { service: backend, poll-interval: 20ms }\n"
                               "    secrets: [RAILWAY_TOKEN]\n"
                               "    if: environment in [production]\n")
                    .arg(m_fake->url().toString())
                    .toUtf8());
    }

    void cleanup()
    {
        qunsetenv("RAILWAY_TOKEN");
        m_store.reset();
    }

    void rollbackIsARecordedRunByRailwaysRollback()
    {
        const RunRecord first = deploy();
        DD_COMPARE_STATUS(first.status, RunStatus::Success);
        const RunRecord second = deploy();
        DD_COMPARE_STATUS(second.status, RunStatus::Success);
        const QString v1 = recordedVersion(first.id);
        const QString v2 = recordedVersion(second.id);
        QVERIFY(m_fake->deployments().contains(v1));
        QCOMPARE(m_fake->liveOf(m_production, m_backend), v2);

        auto plan = planRollback(*m_store, m_workspace.path(), "production", 0);
        QVERIFY(plan);
        QVERIFY2(plan->describe().contains("backend: " + v2 + " → " + v1 + " by Railway rollback"),
                 qPrintable(plan->describe()));

        RunController c(m_store.get(), m_secrets.get());
        QSignalSpy done(&c, &RunController::finished);
        RollbackRequest rb;
        rb.environment = QStringLiteral("production");
        auto id = c.startRollback(pipeline(), rb);
        QVERIFY2(id, id ? "" : qPrintable(id.error().message));
        QVERIFY(done.wait(60000));
        DD_COMPARE_STATUS(done.first().first().value<RunRecord>().status, RunStatus::Success);

        // Railway now runs the first deploy's image again, without a rebuild.
        const QString live = m_fake->liveOf(m_production, m_backend);
        QCOMPARE(m_fake->deployments().value(live).image, m_fake->deployments().value(v1).image);
        QCOMPARE(m_fake->calls("deploymentRollback").size(), 1);
        QCOMPARE(m_fake->calls("serviceInstanceDeployV2").size(), 2);
        auto stages = m_store->stages(*id);
        QVERIFY(stages);
        QCOMPARE(stages->size(), 1);
        QCOMPARE(stages->first().name, QStringLiteral("rollback-backend"));
        DD_COMPARE_STATUS(stages->first().status, StageStatus::Success);
        auto release = m_store->liveRelease(m_workspace.path(), "production");
        QVERIFY(release && *release);
        DD_COMPARE_STATUS((*release)->kind, ReleaseKind::Rollback);
        QCOMPARE((*release)->layers.first().deployment.deployment.version, v1);
        QVERIFY(m_fake->violations().isEmpty());
    }

    void aRollbackRailwayRefusesChangesNothing()
    {
        const RunRecord first = deploy();
        const RunRecord second = deploy();
        const QString v1 = recordedVersion(first.id);
        const QString v2 = recordedVersion(second.id);
        m_fake->setCanRollback(v1, false); // past the plan's retention

        RunController c(m_store.get(), m_secrets.get());
        QSignalSpy done(&c, &RunController::finished);
        RollbackRequest rb;
        rb.environment = QStringLiteral("production");
        auto id = c.startRollback(pipeline(), rb);
        QVERIFY(id);
        QVERIFY(done.wait(60000));
        DD_COMPARE_STATUS(done.first().first().value<RunRecord>().status, RunStatus::Failed);
        QCOMPARE(m_fake->liveOf(m_production, m_backend), v2);
        QCOMPARE(m_fake->calls("deploymentRollback").size(), 0);
        auto events = m_store->events(*id);
        QVERIFY(events);
        bool explained = false;
        for (const EventRecord &e : *events)
            explained |= eventText(e).contains("canRollback is false") &&
                         eventText(e).contains("not rolled back: backend");
        QVERIFY(explained);
        auto release = m_store->liveRelease(m_workspace.path(), "production");
        QCOMPARE((*release)->runId, second.id);
        for (const EventRecord &e : *events)
            QVERIFY(!eventText(e).contains(QString::fromLatin1(kToken)));
    }
};

QTEST_GUILESS_MAIN(TestRailwayRun)
#include "tst_railway_run.moc"
