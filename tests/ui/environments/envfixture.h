#pragma once

// A workspace that is a real git checkout with three commits, and a history seeded
// through HistoryStore with the releases of two environments (no deploy is run): staging
// has releases 1..3 (3 live), production 4..5 (5 live, protected). Site addresses answer
// (a small HTTP server of the test); backend addresses point at a closed port.
#include "deploy/deploytarget.h"
#include "engine/stagetype.h"
#include "store/historystore.h"

#include <QProcess>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace EnvFixture {

using namespace DeployDesk;

// Finishes on the next turn of the event loop reporting `result` (nothing is deployed
// anywhere: the engine's part is what the panel tests need).
class DoneJob final : public TargetJob
{
public:
    DoneJob(Deployment result, QObject *parent)
        : TargetJob(parent)
        , m_result(std::move(result))
    {}

protected:
    void doStart() override
    {
        if (m_result.isValid())
            addDeployment(m_result);
        emitSuccess();
    }
    void doCancel() override { emitCancelled(); }

private:
    Deployment m_result;
};

// A target whose deploy reports version "r<run id>" and whose rollback reports the
// version asked for; the plan names its mechanism.
class TestTarget final : public DeployTarget
{
public:
    TestTarget(QString name, Layer layer, QString mechanism)
        : m_name(std::move(name))
        , m_layer(layer)
        , m_mechanism(std::move(mechanism))
    {}
    QString name() const override { return m_name; }
    Layer layer() const override { return m_layer; }
    ParamSchema params() const override { return {}; }
    QString rollbackMechanism() const override { return m_mechanism; }
    TargetJob *deploy(const TargetRequest &r, QObject *parent) override
    {
        return new DoneJob(Deployment{m_name,
                                      m_layer,
                                      QString("r%1").arg(r.context.runId),
                                      QString(),
                                      QDateTime::currentDateTimeUtc(),
                                      {}},
                           parent);
    }
    TargetJob *rollback(const TargetRequest &, const Deployment &to, QObject *parent) override
    {
        return new DoneJob(to, parent);
    }
    TargetJob *list(const TargetRequest &, QObject *parent) override
    {
        return new DoneJob({}, parent);
    }
    TargetJob *status(const TargetRequest &, QObject *parent) override
    {
        return new DoneJob({}, parent);
    }
    TargetJob *health(const TargetRequest &, const Deployment &, QObject *parent) override
    {
        return new DoneJob({}, parent);
    }

private:
    QString m_name;
    Layer m_layer;
    QString m_mechanism;
};

inline void registerTargets()
{
    static bool done = false;
    if (done)
        return;
    done = true;
    const auto site = [] {
        return std::make_unique<TestTarget>("test-site", Layer::Site, "folder switch");
    };
    const auto api = [] {
        return std::make_unique<TestTarget>("test-api", Layer::Backend, "service swap");
    };
    TargetRegistry::instance().add("test-site", site);
    TargetRegistry::instance().add("test-api", api);
    StageTypeRegistry::instance().add("test-site", "test target",
                                      [site] { return std::make_unique<DeployStage>(site()); });
}

// Answers 404 at /api (a backend's root) and 200 "ok" everywhere else.
class OkServer final : public QTcpServer
{
public:
    OkServer()
    {
        connect(this, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *s = nextPendingConnection()) {
                connect(s, &QTcpSocket::readyRead, s, [s] {
                    const QByteArray request = s->readAll();
                    if (!request.contains("\r\n\r\n"))
                        return;
                    s->write(request.startsWith("GET /api ")
                                 ? "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n"
                                   "Connection: close\r\n\r\n"
                                 : "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n"
                                   "Connection: close\r\n\r\nok");
                    s->disconnectFromHost();
                });
                connect(s, &QTcpSocket::disconnected, s, &QObject::deleteLater);
            }
        });
    }
};

inline bool git(const QString &dir, const QStringList &args, QString *out = nullptr)
{
    QProcess p;
    p.setWorkingDirectory(dir);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert("GIT_AUTHOR_NAME", "Ana");
    env.insert("GIT_AUTHOR_EMAIL", "ana@example.org");
    env.insert("GIT_COMMITTER_NAME", "Ana");
    env.insert("GIT_COMMITTER_EMAIL", "ana@example.org");
    p.setProcessEnvironment(env);
    p.start("git", args);
    if (!p.waitForFinished(30000) || p.exitCode() != 0)
        return false;
    if (out)
        *out = QString::fromUtf8(p.readAllStandardOutput()).trimmed();
    return true;
}

struct Fixture
{
    QTemporaryDir dir;
    QString data;
    QString workspace;
    std::unique_ptr<HistoryStore> store;
    OkServer server;
    quint16 closedPort = 0;
    QStringList commits; // c1, c2, c3
    qint64 staging[3] = {};
    qint64 production[2] = {};

    QString siteUrl(const QString &version) const
    {
        return QStringLiteral("http://127.0.0.1:%1/%2/").arg(server.serverPort()).arg(version);
    }
    // Staging's backend answers 404 at its root and 200 at its health path; production's
    // does not answer at all.
    QString apiUrl(const QString &env = "staging") const
    {
        return QStringLiteral("http://127.0.0.1:%1/api")
            .arg(env == "staging" ? server.serverPort() : closedPort);
    }

    bool setUp()
    {
        registerTargets();
        data = dir.filePath("data");
        workspace = dir.filePath("workspace");
        QDir().mkpath(workspace);
        QFile yml(workspace + "/deploydesk.yml");
        if (!yml.open(QIODevice::WriteOnly))
            return false;
        yml.write("name: shop\n"
                  "environments:\n"
                  "  staging: {}\n"
                  "  production: { protected: true }\n"
                  "stages:\n"
                  "  build:\n"
                  "    run: echo built\n"
                  "  deploy-site:\n"
                  "    needs: [build]\n"
                  "    uses: test-site\n"
                  "    if: environment in [staging, production]\n");
        yml.close();
        if (!git(workspace, {"init", "-q", "-b", "main"}))
            return false;
        for (const char *message : {"first", "second", "third"}) {
            QFile f(workspace + "/notes.txt");
            f.open(QIODevice::Append);
            f.write(QByteArray(message) + "\n");
            f.close();
            QString sha;
            if (!git(workspace, {"add", "-A"}) ||
                !git(workspace, {"commit", "-q", "-m", QString("%1 change").arg(message)}) ||
                !git(workspace, {"rev-parse", "HEAD"}, &sha))
                return false;
            commits << sha;
        }
        if (!server.listen(QHostAddress::LocalHost))
            return false;
        QTcpServer closed;
        if (!closed.listen(QHostAddress::LocalHost))
            return false;
        closedPort = closed.serverPort();
        closed.close();

        auto opened = HistoryStore::open(data);
        if (!opened)
            return false;
        store = std::move(*opened);
        // staging: 1 site v1 + api b1; 2 site v2 (api carried); 3 site v3 (api carried), live.
        DeploymentRecord b1;
        staging[0] = release("staging", 0, "v1", &b1, true, "ana", "first release");
        staging[1] = release("staging", 1, "v2", &b1, false, "bob", "new header");
        staging[2] = release("staging", 2, "v3", &b1, false, "ana", "faster search");
        DeploymentRecord b1p;
        production[0] = release("production", 0, "v1", &b1p, true, "ana", "launch");
        production[1] = release("production", 2, "v3", &b1p, false, "ana", "promote v3");
        return staging[2] && production[1];
    }

    // One release of `env` made by a run of commit `commitIndex`: the site changes to
    // `site`; the backend is `api` (deployed now when `newApi`, else carried over).
    qint64 release(const QString &env, int commitIndex, const QString &site, DeploymentRecord *api,
                   bool newApi, const QString &who, const QString &why)
    {
        RunRecord run;
        run.workspace = workspace;
        run.pipeline = "shop";
        run.environment = env;
        run.status = RunStatus::Success;
        run.triggeredBy = who;
        run.message = why;
        run.commit = commits.value(commitIndex);
        run.branch = "main";
        run.startedAt = QDateTime::currentDateTimeUtc();
        auto runId = store->createRun(run);
        if (!runId)
            return 0;
        store->finishRun(*runId, RunStatus::Success, QDateTime::currentDateTimeUtc());
        const auto deployment = [&](const QString &target, Layer layer, const QString &version,
                                    const QString &url, const QVariantMap &details = {}) {
            DeploymentRecord d;
            d.runId = *runId;
            d.stage = "deploy-" + toString(layer);
            d.workspace = workspace;
            d.environment = env;
            d.deployment =
                Deployment{target, layer, version, url, QDateTime::currentDateTimeUtc(), details};
            auto id = store->addDeployment(d);
            d.id = id ? *id : 0;
            return d;
        };
        ReleaseRecord r;
        r.workspace = workspace;
        r.environment = env;
        r.runId = *runId;
        r.commit = run.commit;
        r.branch = run.branch;
        r.who = who;
        r.why = why;
        r.layers.append(
            {Layer::Site, true, deployment("test-site", Layer::Site, site, siteUrl(site))});
        if (newApi) {
            *api = deployment("test-api", Layer::Backend, "b1", apiUrl(env),
                              {{"healthPath", "/api/health"}});
        }
        r.layers.append({Layer::Backend, newApi, *api});
        auto id = store->createRelease(r);
        return id ? *id : 0;
    }

    // A deploy marked as a branch preview.
    bool addPreview(const QString &branch, const QString &url)
    {
        RunRecord run;
        run.workspace = workspace;
        run.pipeline = "shop";
        run.environment = "preview";
        run.status = RunStatus::Success;
        run.branch = branch;
        run.commit = commits.last();
        run.startedAt = QDateTime::currentDateTimeUtc();
        auto runId = store->createRun(run);
        if (!runId)
            return false;
        DeploymentRecord d;
        d.runId = *runId;
        d.stage = "deploy-site";
        d.workspace = workspace;
        d.environment = "preview";
        d.deployment = Deployment{
            "test-site",        Layer::Site, "p-" + branch, url, QDateTime::currentDateTimeUtc(),
            {{"preview", true}}};
        return bool(store->addDeployment(d));
    }
};

} // namespace EnvFixture
