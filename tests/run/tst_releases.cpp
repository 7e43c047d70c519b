// Releases, rollback and the deploy queue through the real RunController and history
// store, with a small deploy target of the test's own ("file-site": the live version is
// a file) so the engine's part is proven apart from any provider.
#include "deploy/deploytarget.h"
#include "engine/stagetype.h"
#include "run/deploylock.h"
#include "run/rollbackjob.h"
#include "run/runcontroller.h"
#include "secrets/secretstore.h"
#include "store/eventtext.h"
#include "store/historystore.h"

#include "githubdeploymentsfake.h"

#include "statuscompare.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace DeployDesk;

namespace {

QString liveFile(const StageContext &c)
{
    return QDir(c.stateDir).filePath(QStringLiteral("file-site-%1").arg(c.environment));
}

QString readLive(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
}

// Finishes on the next turn of the event loop with what `work` returns.
class FileJob final : public TargetJob
{
public:
    FileJob(std::function<Result<Deployment>()> work, QObject *parent)
        : TargetJob(parent)
        , m_work(std::move(work))
    {}

protected:
    void doStart() override
    {
        auto d = m_work();
        if (!d) {
            emitFailure(d.error());
            return;
        }
        if (d->isValid())
            addDeployment(*d);
        emit logLine(QStringLiteral("file-site: %1").arg(d->version));
        emitSuccess();
    }
    void doCancel() override { emitCancelled(); }

private:
    std::function<Result<Deployment>()> m_work;
};

class FileSiteTarget final : public DeployTarget
{
public:
    static inline bool failRollback = false;

    QString name() const override { return QStringLiteral("file-site"); }
    Layer layer() const override { return Layer::Site; }
    ParamSchema params() const override { return {}; }
    QString rollbackMechanism() const override { return QStringLiteral("file switch"); }

    TargetJob *deploy(const TargetRequest &r, QObject *parent) override
    {
        return new FileJob(
            [r]() -> Result<Deployment> {
                QDir().mkpath(r.context.stateDir);
                const QString version = QStringLiteral("v%1").arg(r.context.runId);
                QFile f(liveFile(r.context));
                if (!f.open(QIODevice::WriteOnly))
                    return makeError(ErrorCode::Io, QStringLiteral("cannot write"));
                f.write(version.toUtf8());
                return Deployment{QStringLiteral("file-site"),
                                  Layer::Site,
                                  version,
                                  QStringLiteral("http://example.invalid/") + version,
                                  QDateTime::currentDateTimeUtc(),
                                  {}};
            },
            parent);
    }
    TargetJob *rollback(const TargetRequest &r, const Deployment &to, QObject *parent) override
    {
        return new FileJob(
            [r, to]() -> Result<Deployment> {
                if (failRollback)
                    return makeError(ErrorCode::Remote, QStringLiteral("platform said no"));
                QFile f(liveFile(r.context));
                if (!f.open(QIODevice::WriteOnly))
                    return makeError(ErrorCode::Io, QStringLiteral("cannot write"));
                f.write(to.version.toUtf8());
                return to;
            },
            parent);
    }
    TargetJob *list(const TargetRequest &, QObject *parent) override
    {
        return new FileJob([] { return Result<Deployment>(Deployment{}); }, parent);
    }
    TargetJob *status(const TargetRequest &, QObject *parent) override
    {
        return new FileJob([] { return Result<Deployment>(Deployment{}); }, parent);
    }
    TargetJob *health(const TargetRequest &, const Deployment &, QObject *parent) override
    {
        return new FileJob([] { return Result<Deployment>(Deployment{}); }, parent);
    }
};

void registerFileSite()
{
    static bool done = false;
    if (done)
        return;
    done = true;
    TargetRegistry::instance().add(QStringLiteral("file-site"),
                                   [] { return std::make_unique<FileSiteTarget>(); });
    StageTypeRegistry::instance().add(
        QStringLiteral("file-site"), QStringLiteral("test target"),
        [] { return std::make_unique<DeployStage>(std::make_unique<FileSiteTarget>()); });
}

} // namespace

class TestReleases : public QObject
{
    Q_OBJECT

    QTemporaryDir m_data;
    QTemporaryDir m_workspace;
    std::unique_ptr<HistoryStore> m_store;
    quint16 m_closedPort = 0;

    void writePipeline(const QString &extra = {})
    {
        QFile f(m_workspace.filePath(QStringLiteral("deploydesk.yml")));
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(QStringLiteral("name: shop\n"
                               "environments:\n"
                               "  staging: {}\n"
                               "  production: { protected: true }\n"
                               "stages:\n"
                               "  build:\n"
                               "    run: echo built > out.txt\n"
                               "    artifacts: [out.txt]\n"
                               "  deploy-site:\n"
                               "    needs: [build]\n"
                               "    uses: file-site\n"
                               "    if: environment in [staging, production]\n")
                    .toUtf8() +
                extra.toUtf8());
    }

    Pipeline pipeline()
    {
        RunController c(m_store.get(), nullptr);
        const LoadResult r = c.load(m_workspace.path());
        [&] { QVERIFY2(r.ok(), qPrintable(r.diagnostics.value(0).toString())); }();
        return r.pipeline;
    }

    // Runs a request to its end; returns the finished run.
    RunRecord runToEnd(const RunRequest &request)
    {
        RunController c(m_store.get(), nullptr);
        QSignalSpy done(&c, &RunController::finished);
        auto id = c.start(pipeline(), request);
        [&] { QVERIFY2(bool(id), id ? "" : qPrintable(id.error().message)); }();
        [&] { QVERIFY(done.wait(30000)); }();
        return done.isEmpty() ? RunRecord{} : done.first().first().value<RunRecord>();
    }

    QString live(const QString &env)
    {
        return readLive(QDir(RunController::deployStateDir(m_data.path(), pipeline()))
                            .filePath(QStringLiteral("file-site-") + env));
    }

private slots:
    void initTestCase()
    {
        registerFileSite();
        qRegisterMetaType<RunRecord>();
        QTcpServer s;
        QVERIFY(s.listen(QHostAddress::LocalHost));
        m_closedPort = s.serverPort();
    }

    void init()
    {
        auto store = HistoryStore::open(m_data.path());
        QVERIFY(store);
        m_store = std::move(*store);
        writePipeline();
    }

    void cleanup() { m_store.reset(); }

    void deployRecordsAReleaseWithItsLayers()
    {
        RunRequest r;
        r.environment = QStringLiteral("staging");
        r.message = QStringLiteral("first");
        const RunRecord run = runToEnd(r);
        DD_COMPARE_STATUS(run.status, RunStatus::Success);
        QCOMPARE(live(QStringLiteral("staging")), QStringLiteral("v%1").arg(run.id));
        auto rel = m_store->liveRelease(m_workspace.path(), QStringLiteral("staging"));
        QVERIFY(rel && *rel);
        QCOMPARE((*rel)->runId, run.id);
        QCOMPARE((*rel)->why, QStringLiteral("first"));
        QCOMPARE((*rel)->layers.size(), 1);
        QCOMPARE((*rel)->layers.first().deployment.deployment.version,
                 QStringLiteral("v%1").arg(run.id));
        QVERIFY((*rel)->layers.first().changed);
        // A run without an environment deploys nothing and makes no release.
        const RunRecord checks = runToEnd(RunRequest{});
        DD_COMPARE_STATUS(checks.status, RunStatus::Success);
        auto none = m_store->releaseOfRun(checks.id);
        QVERIFY(none && !*none);
    }

    void rollbackRestoresTheEarlierReleaseAndIsItselfARelease()
    {
        RunRequest r;
        r.environment = QStringLiteral("staging");
        const RunRecord first = runToEnd(r);
        const RunRecord second = runToEnd(r);
        QCOMPARE(live(QStringLiteral("staging")), QStringLiteral("v%1").arg(second.id));

        RunController c(m_store.get(), nullptr);
        QSignalSpy done(&c, &RunController::finished);
        RollbackRequest rb;
        rb.environment = QStringLiteral("staging");
        auto plan = planRollback(*m_store, m_workspace.path(), rb.environment, 0);
        QVERIFY(plan);
        QVERIFY(plan->describe().contains(QStringLiteral("file switch")));
        auto id = c.startRollback(pipeline(), rb);
        QVERIFY2(id, id ? "" : qPrintable(id.error().message));
        QVERIFY(done.wait(30000));
        DD_COMPARE_STATUS(done.first().first().value<RunRecord>().status, RunStatus::Success);
        QCOMPARE(live(QStringLiteral("staging")), QStringLiteral("v%1").arg(first.id));
        auto rel = m_store->liveRelease(m_workspace.path(), QStringLiteral("staging"));
        QVERIFY(rel && *rel);
        DD_COMPARE_STATUS((*rel)->kind, ReleaseKind::Rollback);
        QCOMPARE((*rel)->layers.first().deployment.deployment.version,
                 QStringLiteral("v%1").arg(first.id));
        auto stages = m_store->stages(*id);
        QVERIFY(stages);
        QCOMPARE(stages->size(), 1);
        QCOMPARE(stages->first().name, QStringLiteral("rollback-site"));
        DD_COMPARE_STATUS(stages->first().status, StageStatus::Success);
        // The rollback can itself be undone: rolling back again restores the second.
        auto again = planRollback(*m_store, m_workspace.path(), rb.environment, 0);
        QVERIFY(again);
        QCOMPARE(again->steps.first().to->deployment.version, QStringLiteral("v%1").arg(second.id));
    }

    void failedRollbackSaysWhatChanged()
    {
        RunRequest r;
        r.environment = QStringLiteral("staging");
        runToEnd(r);
        const RunRecord second = runToEnd(r);
        FileSiteTarget::failRollback = true;
        RunController c(m_store.get(), nullptr);
        QSignalSpy done(&c, &RunController::finished);
        RollbackRequest rb;
        rb.environment = QStringLiteral("staging");
        auto id = c.startRollback(pipeline(), rb);
        QVERIFY(id);
        QVERIFY(done.wait(30000));
        FileSiteTarget::failRollback = false;
        DD_COMPARE_STATUS(done.first().first().value<RunRecord>().status, RunStatus::Failed);
        QCOMPARE(live(QStringLiteral("staging")), QStringLiteral("v%1").arg(second.id));
        auto events = m_store->events(*id);
        QVERIFY(events);
        bool explained = false;
        for (const EventRecord &e : *events)
            explained |= eventText(e).contains(QStringLiteral("platform said no")) &&
                         eventText(e).contains(QStringLiteral("not rolled back: site"));
        QVERIFY(explained);
        // Nothing changed, so the live release is still the second deploy's.
        auto rel = m_store->liveRelease(m_workspace.path(), QStringLiteral("staging"));
        QCOMPARE((*rel)->runId, second.id);
    }

    void protectedRollbackNeedsApproval()
    {
        RunRequest r;
        r.environment = QStringLiteral("production");
        r.approved = true;
        runToEnd(r);
        runToEnd(r);
        RunController c(m_store.get(), nullptr);
        RollbackRequest rb;
        rb.environment = QStringLiteral("production");
        auto refused = c.startRollback(pipeline(), rb);
        QVERIFY(!refused);
        QVERIFY(refused.error().message.contains(QStringLiteral("approval")));
    }

    void failingHealthGateRollsTheDeployBack()
    {
        RunRequest r;
        r.environment = QStringLiteral("staging");
        const RunRecord first = runToEnd(r);
        writePipeline(QStringLiteral("  check:\n"
                                     "    needs: [deploy-site]\n"
                                     "    uses: health-check\n"
                                     "    if: environment in [staging, production]\n"
                                     "    with: { url: \"http://127.0.0.1:%1/health\", "
                                     "on-failure: rollback }\n")
                          .arg(m_closedPort));
        const RunRecord bad = runToEnd(r);
        DD_COMPARE_STATUS(bad.status, RunStatus::Failed);
        QCOMPARE(live(QStringLiteral("staging")), QStringLiteral("v%1").arg(first.id));
        auto rel = m_store->liveRelease(m_workspace.path(), QStringLiteral("staging"));
        QVERIFY(rel && *rel);
        DD_COMPARE_STATUS((*rel)->kind, ReleaseKind::AutoRollback);
        QCOMPARE((*rel)->restores, m_store->releaseOfRun(first.id)->value().id);
        const auto events = m_store->events(bad.id);
        QVERIFY(events);
        bool why = false;
        for (const EventRecord &e : *events)
            why |= e.kind == EventKind::AutoRollback && eventText(e).contains("check");
        QVERIFY(why);
    }

    void promoteDeploysTheSameArtifactsWithoutRebuilding()
    {
        RunRequest r;
        r.environment = QStringLiteral("staging");
        const RunRecord staged = runToEnd(r);
        RunRequest p;
        p.environment = QStringLiteral("production");
        p.rerunOf = staged.id;
        p.promote = true;
        p.approved = true;
        const RunRecord promoted = runToEnd(p);
        DD_COMPARE_STATUS(promoted.status, RunStatus::Success);
        auto stages = m_store->stages(promoted.id);
        QVERIFY(stages);
        for (const StageRecord &s : *stages) {
            if (s.name == QLatin1String("build"))
                QVERIFY(s.reusedFrom > 0); // not rebuilt
            else
                DD_COMPARE_STATUS(s.status, StageStatus::Success);
        }
        auto rel = m_store->liveRelease(m_workspace.path(), QStringLiteral("production"));
        DD_COMPARE_STATUS((*rel)->kind, ReleaseKind::Promote);
    }

    void deploysToOneEnvironmentQueueInOrder()
    {
        // Two stores on one file act like two processes.
        auto otherStore = HistoryStore::open(m_data.path());
        QVERIFY(otherStore);
        QueueTicket t;
        t.workspace = m_workspace.path();
        t.environment = QStringLiteral("staging");
        DeployLock first(m_store.get(), t);
        DeployLock second(otherStore->get(), t);
        QSignalSpy firstDone(&first, &Job::result);
        QSignalSpy secondDone(&second, &Job::result);
        QSignalSpy secondWaits(&second, &DeployLock::waiting);
        first.start();
        QVERIFY(firstDone.wait());
        QVERIFY(first.isHeld());
        second.start();
        QVERIFY(secondWaits.wait());
        QCOMPARE(secondDone.count(), 0);
        auto q = m_store->queue(m_workspace.path());
        QCOMPARE(q->size(), 2);
        first.release();
        QVERIFY(secondDone.wait());
        QCOMPARE(second.outcome(), Job::Outcome::Success);
        second.release();
        QCOMPARE(m_store->queue(m_workspace.path())->size(), 0);
    }

    void aDeadHoldersTicketIsTakenOver()
    {
        QueueTicket dead;
        dead.workspace = m_workspace.path();
        dead.environment = QStringLiteral("staging");
        dead.pid = 999999999; // no such process
        dead.startTicks = 1;
        QVERIFY(m_store->enqueue(dead));
        QueueTicket t = dead;
        t.pid = 0;
        DeployLock lock(m_store.get(), t);
        QSignalSpy done(&lock, &Job::result);
        lock.start();
        QVERIFY(done.wait());
        QCOMPARE(lock.outcome(), Job::Outcome::Success);
    }

    // A workspace that names a GitHub repository and has a token mirrors each deploy and
    // rollback as a GitHub deployment: in_progress, then success or failure with the URL.
    void deploysAndRollbacksBecomeGitHubDeployments()
    {
        Test::GitHubDeploymentsFake github("ghp_token_for_the_test");
        QVERIFY(github.server.listen());
        github.autoMergeAnswers = 1; // GitHub's 202: ask again
        writePipeline();
        QFile f(m_workspace.filePath(QStringLiteral("deploydesk.yml")));
        QVERIFY(f.open(QIODevice::Append));
        f.write(QStringLiteral("env:\n  GITHUB_REPOSITORY: acme/shop\n"
                               "  DEPLOYDESK_API_GITHUB: %1\n")
                    .arg(github.server.url().toString())
                    .toUtf8());
        f.close();
        qputenv("GITHUB_TOKEN", "ghp_token_for_the_test");
        SecretStore secrets(m_data.filePath(QStringLiteral("secrets.json")));
        secrets.setKeychainEnabled(false);
        RunRequest r;
        r.environment = QStringLiteral("staging");
        RunRecord first;
        for (int i = 0; i < 2; ++i) {
            RunController c(m_store.get(), &secrets);
            QSignalSpy done(&c, &RunController::finished);
            QVERIFY(c.start(pipeline(), r));
            QVERIFY(done.wait(30000));
            if (i == 0)
                first = done.first().first().value<RunRecord>();
        }
        RunController c(m_store.get(), &secrets);
        QSignalSpy done(&c, &RunController::finished);
        RollbackRequest rb;
        rb.environment = QStringLiteral("staging");
        QVERIFY(c.startRollback(pipeline(), rb));
        QVERIFY(done.wait(30000));
        qunsetenv("GITHUB_TOKEN");

        QCOMPARE(github.deployments.size(), 3); // two deploys and the rollback
        for (const QJsonObject &d : std::as_const(github.deployments)) {
            QCOMPARE(d.value("environment").toString(), QStringLiteral("staging"));
            QCOMPARE(d.value("auto_merge").toBool(true), false);
            QVERIFY(d.value("required_contexts").isArray());
            QVERIFY(d.value("required_contexts").toArray().isEmpty());
            QVERIFY(!d.value("ref").toString().isEmpty());
        }
        QStringList states;
        for (const auto &[id, body] : std::as_const(github.statuses))
            states << QStringLiteral("%1:%2").arg(id).arg(body.value("state").toString());
        QCOMPARE(states, QStringList({"1001:in_progress", "1001:success", "1002:in_progress",
                                      "1002:success", "1003:in_progress", "1003:success"}));
        const QJsonObject last = github.statuses.last().second;
        QCOMPARE(last.value("environment_url").toString(),
                 QStringLiteral("http://example.invalid/v%1").arg(first.id)); // rolled back to
    }

    void aGitHubThatRefusesNeverFailsTheDeploy()
    {
        Test::GitHubDeploymentsFake github("the-right-token");
        QVERIFY(github.server.listen());
        writePipeline();
        QFile f(m_workspace.filePath(QStringLiteral("deploydesk.yml")));
        QVERIFY(f.open(QIODevice::Append));
        f.write(QStringLiteral("env:\n  GITHUB_REPOSITORY: acme/shop\n"
                               "  DEPLOYDESK_API_GITHUB: %1\n")
                    .arg(github.server.url().toString())
                    .toUtf8());
        f.close();
        qputenv("GITHUB_TOKEN", "an-expired-token");
        SecretStore secrets(m_data.filePath(QStringLiteral("secrets.json")));
        secrets.setKeychainEnabled(false);
        RunController c(m_store.get(), &secrets);
        QSignalSpy done(&c, &RunController::finished);
        RunRequest r;
        r.environment = QStringLiteral("staging");
        auto id = c.start(pipeline(), r);
        QVERIFY(id);
        QVERIFY(done.wait(30000));
        qunsetenv("GITHUB_TOKEN");
        DD_COMPARE_STATUS(done.first().first().value<RunRecord>().status, RunStatus::Success);
        const auto events = m_store->events(*id);
        QVERIFY(events);
        bool said = false;
        for (const EventRecord &e : *events) {
            QVERIFY2(!eventText(e).contains(QStringLiteral("an-expired-token")),
                     qPrintable(eventText(e)));
            said |= e.kind == EventKind::GitHub &&
                    eventText(e).contains(QStringLiteral("Bad credentials")) &&
                    eventText(e).contains(QStringLiteral("GITHUB_TOKEN"));
        }
        QVERIFY(said);
    }

    void cancellingAQueuedDeployLeavesTheQueue()
    {
        QueueTicket t;
        t.workspace = m_workspace.path();
        t.environment = QStringLiteral("staging");
        DeployLock holder(m_store.get(), t);
        QSignalSpy held(&holder, &Job::result);
        holder.start();
        QVERIFY(held.wait());
        RunController c(m_store.get(), nullptr);
        QSignalSpy queued(&c, &RunController::queued);
        QSignalSpy done(&c, &RunController::finished);
        RunRequest r;
        r.environment = QStringLiteral("staging");
        auto id = c.start(pipeline(), r);
        QVERIFY(id);
        QVERIFY(queued.wait());
        DD_COMPARE_STATUS(m_store->run(*id)->status, RunStatus::Queued);
        c.cancel();
        QTRY_COMPARE(done.count(), 1);
        DD_COMPARE_STATUS(done.first().first().value<RunRecord>().status, RunStatus::Cancelled);
        QCOMPARE(m_store->queue(m_workspace.path())->size(), 1); // only the holder
        const auto stages = m_store->stages(*id);
        QVERIFY(stages);
        for (const StageRecord &s : *stages)
            DD_COMPARE_STATUS(s.status, StageStatus::Cancelled);
    }
};

QTEST_GUILESS_MAIN(TestReleases)
#include "tst_releases.moc"
