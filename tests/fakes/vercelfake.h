#pragma once

// VercelFake: a contract fake of the Vercel REST API (shared/reference/apis.md §1) on
// FakeHttpServer, for tests and benchmarks. What it checks and answers, as Vercel does:
// - Authorization: Bearer <token> on every call, else 401 {"error":{"code":"forbidden",…}};
//   with a team set, ?teamId=<team> on every call (uploads included), else 403 and a
//   recorded violation.
// - POST /v2/files: x-vercel-digest must be the SHA-1 of the body and Content-Length its
//   size (else 400 bad_request); 200 with an empty body; idempotent.
// - POST /v13/deployments: project by id or name (unknown: 404 not_found); files[] by sha,
//   the ones it lacks answered 400 {"error":{"code":"missing_files","missing":[…]}}; then a
//   deployment QUEUED → BUILDING → READY (or ERROR) over the following polls of
//   GET /v13/deployments/{id}; production gets aliasAssigned one poll after READY.
// - GET /v3/deployments/{id}/events: the build's events so far, created >= since.
// - GET /v6/deployments: newest first, limit, until, target, state; pagination.next is the
//   last item's `created` while more remain, else null. Items carry uid, not id.
// - POST /v9|/v1/projects/{p}/rollback/{id} (body must be {}), /v10/…/promote/{id}.
// Every answer carries x-vercel-id (the request id). Faults: inject() answers the next calls
// to a path with anything (429 + Retry-After, 5xx, malformed JSON, resets);
// resetNextUploads() cuts uploads mid-body; setLatency() delays every answer.
// Test-only extension: setSiteUrlPrefix() makes deployment URLs point back at this server
// (GET /sites/{id} answers 200) so health checks have something to reach.

#include "fakes/fakehttpserver.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QObject>
#include <QSet>
#include <QStringList>

#include <chrono>

namespace DeployDesk::Test {

class VercelFake final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(VercelFake)

public:
    struct Deployment
    {
        QString id;
        QString projectId;
        QString name;
        QString url;
        QString target; // "production" or empty (a preview)
        QString state = QStringLiteral("QUEUED");
        QString readySubstate;
        bool aliasAssigned = false;
        int polls = 0;
        qint64 created = 0;
        QJsonObject meta;
        QString errorCode;
        QString errorMessage;
        bool failBuild = false;
        QJsonArray events;
    };

    explicit VercelFake(QObject *parent = nullptr);
    ~VercelFake() override;

    bool listen(quint16 port = 0);
    QUrl url() const { return m_server.url(); }
    FakeHttpServer &server() { return m_server; }

    void setToken(const QByteArray &token) { m_token = token; }
    void setTeam(const QString &teamId) { m_team = teamId; }
    // Returns the new project's id (prj_…).
    QString addProject(const QString &name);
    // Polls a new deployment spends before READY (the first QUEUED, then BUILDING).
    void setBuildPolls(int polls) { m_buildPolls = polls; }
    // The next deployment's build ends in ERROR with this code and message.
    void failNextBuild(const QString &code, const QString &message);
    void setPageSize(int size) { m_pageSize = size; }
    void setLatency(std::chrono::milliseconds latency) { m_latency = latency; }
    // Only for uploads (on top of setLatency()).
    void setUploadLatency(std::chrono::milliseconds latency) { m_uploadLatency = latency; }
    // When false, /v9/…/rollback answers 404 (an API that only has v1).
    void setRollbackV9(bool available) { m_rollbackV9 = available; }
    void setSiteUrlPrefix(const QString &prefix) { m_sitePrefix = prefix; }
    // Keep uploaded bodies in server().requests() (default true; benchmarks turn it off).
    void setRecordBodies(bool record) { m_recordBodies = record; }

    // A finished deployment for list/status/rollback tests; returns its id.
    QString seedDeployment(const QString &projectId, const QString &target, const QString &state,
                           qint64 created, const QString &readySubstate = {});

    // The next `times` calls of `method` on a path starting with `pathPrefix` get `response`
    // instead of their answer (after the auth check).
    void inject(const QByteArray &method, const QString &pathPrefix, const FakeResponse &response,
                int times = 1);
    // The next `times` uploads get their connection reset after `afterBytes` of the body.
    void resetNextUploads(int times = 1, qint64 afterBytes = 1);
    // A Vercel 429: Retry-After and error.limit as the docs describe.
    static FakeResponse rateLimited(int retryAfterSeconds);

    // Observations.
    QHash<QByteArray, int> acceptedUploads() const { return m_accepted; } // sha → 200s
    int uploadCalls() const { return m_uploadCalls; } // reached the handler (any answer)
    QSet<QByteArray> blobs() const { return m_blobs; }
    QList<QJsonObject> createBodies() const { return m_createBodies; }
    QList<FakeRequest> calls(const QByteArray &method, const QString &pathPrefix) const;
    QStringList violations() const { return m_violations; }
    QHash<QString, Deployment> deployments() const { return m_deployments; }
    QString productionOf(const QString &projectId) const { return m_production.value(projectId); }
    void clearUploads();

private:
    struct Injection
    {
        QByteArray method;
        QString prefix;
        FakeResponse response;
        int times = 0;
    };
    using Handler = std::function<FakeResponse(const FakeRequest &)>;

    void route(const QByteArray &method, const QString &pattern, Handler handler);
    FakeResponse guard(const FakeRequest &request, const Handler &handler);
    static FakeResponse error(int status, const QString &code, const QString &message);
    QString projectIdFor(const QString &idOrName) const;
    QJsonObject describe(const Deployment &d, bool listItem) const;
    void advance(Deployment &d);
    void addEvent(Deployment &d, const QString &type, const QString &text);

    FakeResponse upload(const FakeRequest &request);
    FakeResponse create(const FakeRequest &request);
    FakeResponse get(const FakeRequest &request);
    FakeResponse events(const FakeRequest &request);
    FakeResponse list(const FakeRequest &request);
    FakeResponse rollback(const FakeRequest &request, int version);
    FakeResponse promote(const FakeRequest &request);

    FakeHttpServer m_server;
    QByteArray m_token = "test-token";
    QString m_team;
    QHash<QString, QString> m_projects; // id → name
    QHash<QString, Deployment> m_deployments;
    QHash<QString, QString> m_production; // project id → the deployment serving production
    QSet<QByteArray> m_blobs;
    QHash<QByteArray, int> m_accepted;
    int m_uploadCalls = 0;
    QList<QJsonObject> m_createBodies;
    QList<Injection> m_injections;
    QStringList m_violations;
    int m_buildPolls = 2;
    bool m_failNext = false;
    QString m_failCode;
    QString m_failMessage;
    int m_pageSize = 20;
    std::chrono::milliseconds m_latency{0};
    std::chrono::milliseconds m_uploadLatency{0};
    bool m_rollbackV9 = true;
    QString m_sitePrefix;
    bool m_recordBodies = true;
    int m_resetUploads = 0;
    qint64 m_resetAfter = 1;
    qint64 m_clock = 1700000000000; // the fake's epoch, ms
    int m_serial = 0;
};

} // namespace DeployDesk::Test
