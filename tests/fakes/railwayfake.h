#pragma once

// RailwayFake: a contract fake of Railway's public GraphQL API (shared/reference/apis.md §2,
// specs/railway-schema.json) on FakeHttpServer, for tests. What it checks and answers, as
// Railway does:
// - POST /graphql/v2 with {"query", "variables"}; every operation is checked against the
//   schema subset (railway/schema-subset.json: root field, argument names and types,
//   required arguments, variable types, selected fields, enum values). A broken operation
//   is answered HTTP 400 {"errors":[…GRAPHQL_VALIDATION_FAILED]} and recorded as a
//   violation; answers carry only the fields selected.
// - Auth: `Project-Access-Token: <project token>` (scoped to one project environment) or
//   `Authorization: Bearer <workspace token>` (its projects). Anything else answers HTTP 200
//   {"data":null,"errors":[{"message":"Not Authorized"}]} ("Project Token not found" for an
//   unknown project token); both headers at once is a violation. Errors carry a traceId.
// - Queries projectToken, project(id) (services and environments as paged connections),
//   deployment(id), deployments(input, first, after) (newest first, Relay paging; input by
//   project, environment, service, status in/notIn), buildLogs / deploymentLogs
//   (deploymentId, limit, startDate, endDate; oldest first; more than `limit` lines in the
//   window answers the newest limit+1, the off-by-one the Railway CLI works around).
// - Mutations serviceInstanceDeployV2 → the new deployment's id; deploymentRollback → true
//   (a new deployment with the old image), or an error where canRollback is false.
// - A deployment goes QUEUED → BUILDING → DEPLOYING → SUCCESS over the polls of
//   deployment(id), its build and deploy log lines appearing as it goes (several per
//   millisecond); the live one before it becomes REMOVED. A failing build ends FAILED, a
//   crashing service CRASHED.
// Faults: inject() answers the next calls of one root field with anything (429 +
// Retry-After, 5xx, malformed JSON, resets); loseNextAnswer() does the operation and then
// cuts the connection mid-answer. Test-only: setSiteUrlPrefix() makes staticUrl point back at
// this server (GET /sites/{id}/health answers 200 while the deployment is live).

#include "fakes/fakehttpserver.h"
#include "fakes/graphqlmini.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QObject>
#include <QStringList>

namespace DeployDesk::Test {

class RailwayFake final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RailwayFake)

public:
    struct Deployment
    {
        QString id;
        QString projectId;
        QString environmentId;
        QString serviceId;
        QString status = QStringLiteral("QUEUED");
        qint64 created = 0; // ms
        QString commit;
        QString image;
        bool canRollback = true;
        bool failBuild = false;
        bool crash = false;
        bool skipBuild = false; // a rollback: the image exists
        int polls = 0;
        int buildLines = 0; // lines the build writes
        QJsonArray buildLogs;
        QJsonArray deployLogs;
    };
    struct Project
    {
        QString id;
        QString name;
        QList<std::pair<QString, QString>> services;     // id, name
        QList<std::pair<QString, QString>> environments; // id, name
    };

    explicit RailwayFake(QObject *parent = nullptr);
    ~RailwayFake() override;

    bool listen(quint16 port = 0);
    QUrl url() const { return m_server.url(); }
    FakeHttpServer &server() { return m_server; }

    // A project with these services and environments (names); returns its id.
    QString addProject(const QString &name, const QStringList &services,
                       const QStringList &environments);
    QString serviceId(const QString &projectId, const QString &name) const;
    QString environmentId(const QString &projectId, const QString &name) const;
    void addProjectToken(const QByteArray &token, const QString &projectId,
                         const QString &environmentId);
    void addWorkspaceToken(const QByteArray &token, const QStringList &projectIds);

    // A finished deployment for list, status and rollback tests; returns its id.
    QString seedDeployment(const QString &projectId, const QString &environmentId,
                           const QString &serviceId, const QString &status, bool canRollback,
                           const QString &commit = {});
    // Lines a build writes, `perPoll` of them each time its status is asked.
    // Whether Railway still keeps deployment `id` for a rollback (its plan's retention).
    void setCanRollback(const QString &id, bool can) { m_deployments[id].canRollback = can; }
    void setBuildLines(int lines, int perPoll = 3)
    {
        m_buildLines = lines;
        m_linesPerPoll = perPoll;
    }
    void failNextBuild() { m_failNext = true; }
    void crashNextDeploy() { m_crashNext = true; }
    void setPageSize(int size) { m_pageSize = size; }
    void setSiteUrlPrefix(const QString &prefix) { m_sitePrefix = prefix; }

    // The next `times` calls of root field `field` get `response` (after auth and checks).
    void inject(const QString &field, const FakeResponse &response, int times = 1);
    // The next call of `field` is done, and its answer cut mid-body.
    void loseNextAnswer(const QString &field) { m_lose.append(field); }
    // A Railway 429: Retry-After (integer seconds) and a GraphQL error body.
    static FakeResponse rateLimited(int retryAfterSeconds);

    // Observations.
    QList<FakeRequest> calls(const QString &field) const;
    QStringList fields() const { return m_fields; } // root fields in order of arrival
    QStringList violations() const { return m_violations; }
    QHash<QString, Deployment> deployments() const { return m_deployments; }
    int mutations() const;
    // The deployment live on a service instance ("" when none).
    QString liveOf(const QString &environmentId, const QString &serviceId) const;

private:
    struct Caller
    {
        QString projectToken;     // project id when a project token
        QString tokenEnvironment; // its environment
        QStringList projects;     // workspace token's projects
        bool project = false;
        bool canSee(const QString &projectId, const QString &environmentId = {}) const;
    };
    struct Injection
    {
        QString field;
        FakeResponse response;
        int times = 0;
    };

    FakeResponse handle(const FakeRequest &request);
    static FakeResponse errors(const QString &message, int status = 200, const QString &code = {});
    QJsonValue resolve(const GqlField &field, const QJsonObject &variables, const Caller &caller,
                       QString *error);
    QJsonObject describe(const Deployment &d) const;
    QJsonObject connection(const QList<std::pair<QString, QString>> &items, const GqlField &field,
                           const QJsonObject &variables) const;
    void advance(Deployment &d);
    void addLog(QJsonArray &logs, const QString &message, const QString &severity = {});
    QString timestamp();
    QString newId(const QString &prefix);

    FakeHttpServer m_server;
    GqlSchema m_schema;
    QHash<QString, Project> m_projects;
    QHash<QByteArray, std::pair<QString, QString>> m_projectTokens; // → project, environment
    QHash<QByteArray, QStringList> m_workspaceTokens;
    QHash<QString, Deployment> m_deployments;
    QList<Injection> m_injections;
    QStringList m_lose;
    QStringList m_fields;
    QList<std::pair<QString, FakeRequest>> m_calls;
    QStringList m_violations;
    int m_buildLines = 6;
    int m_linesPerPoll = 3;
    bool m_failNext = false;
    bool m_crashNext = false;
    int m_pageSize = 100;
    QString m_sitePrefix;
    qint64 m_clockNs = 1'785'000'000'000'000'000; // the fake's epoch (2026)
    int m_serial = 0;
};

} // namespace DeployDesk::Test
