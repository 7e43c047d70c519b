#pragma once

#include "common/deployment.h"
#include "net/graphqlclient.h"

#include <QCoreApplication>
#include <QJsonObject>

namespace DeployDesk::Railway {

struct RailwayOptions;

// The Railway GraphQL operations DeployDesk sends (apis.md §2; names, arguments and fields
// as in railwayapp/cli's src/gql/schema.json), over one GraphQlClient that carries the
// token (masked), the endpoint and the retry policy. Queries are retried on 5xx and resets;
// the two mutations are not (Railway has no idempotency: each call deploys again).
class RailwayApi final
{
    Q_DECLARE_TR_FUNCTIONS(DeployDesk::Railway::RailwayApi)

public:
    RailwayApi() = default;
    explicit RailwayApi(const RailwayOptions &options);

    const GraphQlClient &client() const { return m_client; }

    // The operations, as documents with their variables.
    static const QString kProjectToken;   // projectToken { projectId environmentId … }
    static const QString kProject;        // project(id) { name services environments }
    static const QString kDeployment;     // deployment(id)
    static const QString kDeployments;    // deployments(input, first, after)
    static const QString kBuildLogs;      // buildLogs(deploymentId, limit, startDate, endDate)
    static const QString kDeploymentLogs; // deploymentLogs(…), the same shape
    static const QString kDeploy;         // serviceInstanceDeployV2 → the deployment id
    static const QString kRollback;       // deploymentRollback(id) → Boolean

    // DeploymentListInput for one service instance, optionally filtered by status.
    static QJsonObject listInput(const QString &projectId, const QString &environmentId,
                                 const QString &serviceId, const QStringList &statusIn = {});

    // A Railway deployment (the fields kDeployment selects) as DeployDesk records it:
    // version = its id, url = https://<staticUrl or url>; details: projectId, environmentId,
    // serviceId, status, canRollback, commit (meta.commitHash) when known.
    static Deployment toDeployment(const QJsonObject &node);
    // https://<host>, or the value itself when it already has a scheme.
    static QString deploymentUrl(const QString &host);

    // DeploymentStatus: SUCCESS, SLEEPING (deployed and live); FAILED, CRASHED, REMOVED,
    // REMOVING, SKIPPED (ended without being live); the rest is in progress.
    static bool isLive(const QString &status);
    static bool isFailed(const QString &status);
    // Build logs can still grow (QUEUED, WAITING, INITIALIZING, BUILDING, NEEDS_APPROVAL).
    static bool isBuilding(const QString &status);

private:
    GraphQlClient m_client;
};

} // namespace DeployDesk::Railway
