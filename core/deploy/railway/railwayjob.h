#pragma once

#include "deploy/deploytarget.h"
#include "deploy/railway/logfollower.h"
#include "deploy/railway/railwayapi.h"
#include "deploy/railway/railwayoptions.h"
#include "log/secretmasker.h"

#include <QElapsedTimer>
#include <QList>
#include <QPointer>

#include <chrono>
#include <functional>

namespace DeployDesk {
class GraphQlJob;
}

namespace DeployDesk::Railway {

// The service instance an operation works on, ids resolved and names known.
struct Scope
{
    QString projectId;
    QString projectName;
    QString environmentId;
    QString environmentName;
    QString serviceId;
    QString serviceName;

    // "service backend in production of project textbook" for messages.
    QString describe() const;
};

// The base of the railway target's operations: a TargetJob that sends GraphQL operations one
// after the other, each with a callback, and ends them all on cancel. It reads the options
// when it starts, resolves the project, environment and service (resolve()), and follows a
// deployment to its end with its build and deploy logs in the stage log (follow()).
// Everything it reports is masked with the token and the stage's secrets.
class RailwayJob : public TargetJob
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RailwayJob)

public:
    RailwayJob(TargetRequest request, bool needService, QObject *parent = nullptr);
    ~RailwayJob() override;

protected:
    using Done = std::function<void(GraphQlJob *)>;

    // Called once the options are read and the API is ready.
    virtual void run() = 0;

    const RailwayOptions &options() const { return m_options; }
    const RailwayApi &api() const { return m_api; }
    const Scope &scope() const { return m_scope; }

    // Sends one operation; `done` runs with the finished job (success or failure, never a
    // cancel), unless this job has ended meanwhile. `maxAttempts` overrides the retries.
    void send(const QString &document, const QJsonObject &variables, Done done,
              std::optional<int> maxAttempts = {});
    // Resolves options() to a Scope (the project token's project and environment, names to
    // ids); fails this job, naming the setting to fix, when one does not exist. Changes
    // nothing on Railway.
    void resolve(std::function<void()> then);
    // Polls deployment `id` until it is live (SUCCESS, SLEEPING) or has failed, copying its
    // build and deploy logs into the stage log meanwhile; `then` gets its last state when
    // live; a failure, the timeout or a lost deployment fails this job.
    void follow(const QString &id, std::function<void(const QJsonObject &)> then);
    // The newest deployment of the scope's service instance (an empty object when none).
    void newestDeployment(std::function<void(const QJsonObject &)> then);
    // Runs `then` after `wait`, unless this job has ended meanwhile.
    void after(std::chrono::milliseconds wait, std::function<void()> then);
    void log(const QString &line);
    void fail(Error error);
    QString masked(const QString &text) const;
    // A failed call whose outcome on Railway is unknown: no GraphQL answer came (a cut
    // connection, a timeout, a 5xx, an unreadable body). A mutation may have been done.
    static bool outcomeUnknown(const GraphQlJob *job);
    // `error` with its message prefixed by `what`.
    static Error prefixed(Error error, const QString &what);

    void doStart() override;
    void doCancel() override;

    Scope m_scope;

private:
    void resolveProject(const QString &servicesAfter, const QString &environmentsAfter,
                        std::function<void()> then);
    void projectResolved(std::function<void()> then);
    void poll();
    void evaluate(const QJsonObject &deployment);
    void fetchLogs(std::function<void()> then);
    void fetchLog(LogFollower &follower, const QString &document, const QString &field,
                  const QString &title, bool &announced, int &failures, std::function<void()> then);

    TargetRequest m_request;
    bool m_needService = false;
    RailwayOptions m_options;
    RailwayApi m_api;
    SecretMasker m_masker;
    QList<QPointer<Job>> m_children;
    QList<std::pair<QString, QString>> m_services;     // id, name
    QList<std::pair<QString, QString>> m_environments; // id, name

    // follow()
    QString m_followId;
    std::function<void(const QJsonObject &)> m_followed;
    QString m_status;
    QElapsedTimer m_following;
    std::chrono::milliseconds m_wait{0};
    int m_pollFailures = 0;
    bool m_approvalNoted = false;
    LogFollower m_buildLog;
    LogFollower m_deployLog;
    bool m_buildAnnounced = false;
    bool m_deployAnnounced = false;
    bool m_buildDone = false;
    int m_buildLogFailures = 0;
    int m_deployLogFailures = 0;
};

} // namespace DeployDesk::Railway
