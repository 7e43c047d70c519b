#include "deploy/railway/railwayapi.h"

#include "deploy/railway/railwayoptions.h"

#include <QDateTime>
#include <QJsonArray>

namespace DeployDesk::Railway {
namespace {
constexpr int kAttempts = 5;

// Every field DeployDesk reads of a Deployment (schema type Deployment).
#define DD_RAILWAY_DEPLOYMENT_FIELDS                                                               \
    "id status createdAt statusUpdatedAt url staticUrl canRollback canRedeploy projectId "         \
    "serviceId environmentId meta"
} // namespace

const QString RailwayApi::kProjectToken = QStringLiteral(
    "query projectToken { projectToken { projectId environmentId project { id name } "
    "environment { id name } } }");

const QString RailwayApi::kProject = QStringLiteral(
    "query project($id: String!, $servicesAfter: String, $environmentsAfter: String) {"
    " project(id: $id) { id name"
    " services(first: 100, after: $servicesAfter) { edges { node { id name } }"
    " pageInfo { hasNextPage endCursor } }"
    " environments(first: 100, after: $environmentsAfter) { edges { node { id name } }"
    " pageInfo { hasNextPage endCursor } } } }");

const QString RailwayApi::kDeployment = QStringLiteral(
    "query deployment($id: String!) { deployment(id: $id) { " DD_RAILWAY_DEPLOYMENT_FIELDS " } }");

const QString RailwayApi::kDeployments = QStringLiteral(
    "query deployments($input: DeploymentListInput!, $first: Int, $after: String) {"
    " deployments(input: $input, first: $first, after: $after) {"
    " edges { node { " DD_RAILWAY_DEPLOYMENT_FIELDS " } } pageInfo { hasNextPage endCursor } } }");

const QString RailwayApi::kBuildLogs =
    QStringLiteral("query buildLogs($deploymentId: String!, $limit: Int, $startDate: DateTime,"
                   " $endDate: DateTime) { buildLogs(deploymentId: $deploymentId, limit: $limit,"
                   " startDate: $startDate, endDate: $endDate) { timestamp message severity } }");

const QString RailwayApi::kDeploymentLogs = QStringLiteral(
    "query deploymentLogs($deploymentId: String!, $limit: Int, $startDate: DateTime,"
    " $endDate: DateTime) { deploymentLogs(deploymentId: $deploymentId, limit: $limit,"
    " startDate: $startDate, endDate: $endDate) { timestamp message severity } }");

const QString RailwayApi::kDeploy =
    QStringLiteral("mutation serviceInstanceDeployV2($environmentId: String!, $serviceId: String!,"
                   " $commitSha: String) { serviceInstanceDeployV2(environmentId: $environmentId,"
                   " serviceId: $serviceId, commitSha: $commitSha) }");

const QString RailwayApi::kRollback =
    QStringLiteral("mutation deploymentRollback($id: String!) { deploymentRollback(id: $id) }");

RailwayApi::RailwayApi(const RailwayOptions &options)
{
    HttpClient http(Platform::Railway, options.baseUrl);
    if (options.tokenKind == TokenKind::Project)
        http.setSecretHeader("Project-Access-Token", options.token); // and no Bearer
    else
        http.setBearerToken(options.token);
    http.addSecrets(options.secrets);
    http.setAuthHint(options.describeToken());
    RetryPolicy policy;
    policy.maxAttempts = kAttempts;
    http.setRetryPolicy(policy);
    m_client = GraphQlClient(http, QUrl(QString::fromLatin1(kRailwayGraphQlPath)));
}

QJsonObject RailwayApi::listInput(const QString &projectId, const QString &environmentId,
                                  const QString &serviceId, const QStringList &statusIn)
{
    QJsonObject input;
    if (!projectId.isEmpty())
        input.insert(QStringLiteral("projectId"), projectId);
    if (!environmentId.isEmpty())
        input.insert(QStringLiteral("environmentId"), environmentId);
    if (!serviceId.isEmpty())
        input.insert(QStringLiteral("serviceId"), serviceId);
    if (!statusIn.isEmpty())
        input.insert(QStringLiteral("status"),
                     QJsonObject{{QStringLiteral("in"), QJsonArray::fromStringList(statusIn)}});
    return input;
}

QString RailwayApi::deploymentUrl(const QString &host)
{
    if (host.isEmpty() || host.contains(QLatin1String("://")))
        return host;
    return QStringLiteral("https://") + host;
}

Deployment RailwayApi::toDeployment(const QJsonObject &node)
{
    Deployment deployment;
    deployment.target = QStringLiteral("railway");
    deployment.layer = Layer::Backend;
    deployment.version = node.value(QStringLiteral("id")).toString();
    QString host = node.value(QStringLiteral("staticUrl")).toString();
    if (host.isEmpty())
        host = node.value(QStringLiteral("url")).toString();
    deployment.url = deploymentUrl(host);
    const QDateTime created = QDateTime::fromString(
        node.value(QStringLiteral("createdAt")).toString(), Qt::ISODateWithMs);
    if (created.isValid())
        deployment.createdAt = created.toUTC();
    QVariantMap details;
    for (const char *key : {"projectId", "environmentId", "serviceId", "status"}) {
        const QString value = node.value(QLatin1String(key)).toString();
        if (!value.isEmpty())
            details.insert(QLatin1String(key), value);
    }
    if (node.contains(QStringLiteral("canRollback")))
        details.insert(QStringLiteral("canRollback"),
                       node.value(QStringLiteral("canRollback")).toBool());
    const QJsonObject meta = node.value(QStringLiteral("meta")).toObject();
    const QString commit = meta.value(QStringLiteral("commitHash")).toString();
    if (!commit.isEmpty())
        details.insert(QStringLiteral("commit"), commit);
    deployment.details = details;
    return deployment;
}

bool RailwayApi::isLive(const QString &status)
{
    return status == u"SUCCESS" || status == u"SLEEPING";
}

bool RailwayApi::isFailed(const QString &status)
{
    return status == u"FAILED" || status == u"CRASHED" || status == u"REMOVED" ||
           status == u"REMOVING" || status == u"SKIPPED";
}

bool RailwayApi::isBuilding(const QString &status)
{
    return status == u"QUEUED" || status == u"WAITING" || status == u"INITIALIZING" ||
           status == u"BUILDING" || status == u"NEEDS_APPROVAL";
}

} // namespace DeployDesk::Railway
