#include "deploy/vercel/vercelapi.h"

#include "deploy/vercel/verceloptions.h"

#include <QDateTime>
#include <QJsonArray>
#include <QVariantList>

namespace DeployDesk::Vercel {
namespace {
// The official client retries an upload up to 5 times; the same for everything here.
constexpr int kAttempts = 5;

QString segment(const QString &value)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(value));
}
} // namespace

VercelApi::VercelApi(const VercelOptions &options)
    : m_http(Platform::Vercel, options.baseUrl)
    , m_teamId(options.teamId)
{
    m_http.setBearerToken(options.token);
    m_http.addSecrets(options.secrets);
    m_http.setAuthHint(tr("the secret %1 (deploydeskctl secrets set %1)").arg(options.tokenSecret));
    RetryPolicy policy;
    policy.maxAttempts = kAttempts;
    m_http.setRetryPolicy(policy);
}

QUrl VercelApi::url(const QString &path, QUrlQuery query) const
{
    if (!m_teamId.isEmpty())
        query.addQueryItem(QStringLiteral("teamId"),
                           QString::fromLatin1(QUrl::toPercentEncoding(m_teamId)));
    QUrl url;
    url.setPath(path, QUrl::TolerantMode);
    if (!query.isEmpty())
        url.setQuery(query.query(QUrl::FullyEncoded), QUrl::TolerantMode);
    return url;
}

HttpRequest VercelApi::createDeployment(const QJsonObject &body) const
{
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("skipAutoDetectionConfirmation"), QStringLiteral("1"));
    auto request = HttpRequest::post(url(QStringLiteral("/v13/deployments"), query), body);
    request.expectJson = true;
    return request;
}

HttpRequest VercelApi::uploadFile(const QString &path, const QByteArray &sha1, qint64 size) const
{
    auto request = HttpRequest::post(url(QStringLiteral("/v2/files")));
    request.bodyFile = path;
    request.setHeader("Content-Type", "application/octet-stream");
    request.setHeader("x-vercel-digest", sha1);
    request.setHeader("x-now-size", QByteArray::number(size));
    // Files are addressed by content: sending one again does no harm.
    request.setIdempotent(true);
    return request;
}

HttpRequest VercelApi::deployment(const QString &idOrUrl) const
{
    auto request = HttpRequest::get(url(QStringLiteral("/v13/deployments/") + segment(idOrUrl)));
    request.expectJson = true;
    return request;
}

HttpRequest VercelApi::events(const QString &id, std::optional<qint64> since) const
{
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("direction"), QStringLiteral("forward"));
    query.addQueryItem(QStringLiteral("limit"), QStringLiteral("-1"));
    if (since)
        query.addQueryItem(QStringLiteral("since"), QString::number(*since));
    auto request =
        HttpRequest::get(url(QStringLiteral("/v3/deployments/%1/events").arg(segment(id)), query));
    request.expectJson = true;
    return request;
}

HttpRequest VercelApi::listDeployments(const QString &project, int limit,
                                       std::optional<qint64> until, const QUrlQuery &filters) const
{
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("projectId"),
                       QString::fromLatin1(QUrl::toPercentEncoding(project)));
    query.addQueryItem(QStringLiteral("limit"), QString::number(limit));
    if (until)
        query.addQueryItem(QStringLiteral("until"), QString::number(*until));
    for (const auto &[key, value] : filters.queryItems(QUrl::FullyEncoded))
        query.addQueryItem(key, value);
    auto request = HttpRequest::get(url(QStringLiteral("/v6/deployments"), query));
    request.expectJson = true;
    return request;
}

HttpRequest VercelApi::rollback(const QString &projectId, const QString &deploymentId,
                                int version) const
{
    // The CLI sends {} and notes that the body is required.
    return HttpRequest::post(url(QStringLiteral("/v%1/projects/%2/rollback/%3")
                                     .arg(version)
                                     .arg(segment(projectId), segment(deploymentId))),
                             QJsonObject{});
}

HttpRequest VercelApi::promote(const QString &projectId, const QString &deploymentId) const
{
    return HttpRequest::post(url(QStringLiteral("/v10/projects/%1/promote/%2")
                                     .arg(segment(projectId), segment(deploymentId))),
                             QJsonObject{});
}

QString VercelApi::readyState(const QJsonObject &object)
{
    QString state = object.value(QStringLiteral("readyState")).toString();
    if (state.isEmpty())
        state = object.value(QStringLiteral("state")).toString();
    return state.toUpper();
}

QString VercelApi::deploymentUrl(const QString &host)
{
    if (host.isEmpty() || host.contains(QLatin1String("://")))
        return host;
    return QStringLiteral("https://") + host;
}

Deployment VercelApi::toDeployment(const QJsonObject &object, const QString &teamId)
{
    Deployment deployment;
    deployment.target = QStringLiteral("vercel");
    deployment.layer = Layer::Site;
    deployment.version = object.value(QStringLiteral("id")).toString();
    if (deployment.version.isEmpty())
        deployment.version = object.value(QStringLiteral("uid")).toString();
    deployment.url = deploymentUrl(object.value(QStringLiteral("url")).toString());
    qint64 created = object.value(QStringLiteral("createdAt")).toInteger();
    if (created <= 0)
        created = object.value(QStringLiteral("created")).toInteger();
    if (created > 0)
        deployment.createdAt = QDateTime::fromMSecsSinceEpoch(created, Qt::UTC);

    QVariantMap details;
    const QString projectId = object.value(QStringLiteral("projectId")).toString();
    if (!projectId.isEmpty())
        details.insert(QStringLiteral("projectId"), projectId);
    if (!teamId.isEmpty())
        details.insert(QStringLiteral("teamId"), teamId);
    const QString target = object.value(QStringLiteral("target")).toString();
    details.insert(QStringLiteral("target"), target.isEmpty() ? QStringLiteral("preview") : target);
    const QString inspector = object.value(QStringLiteral("inspectorUrl")).toString();
    if (!inspector.isEmpty())
        details.insert(QStringLiteral("inspectorUrl"), inspector);
    const QString state = readyState(object);
    if (!state.isEmpty())
        details.insert(QStringLiteral("state"), state);
    const QJsonObject meta = object.value(QStringLiteral("meta")).toObject();
    const QString branch = meta.value(QStringLiteral("branch")).toString();
    if (!branch.isEmpty())
        details.insert(QStringLiteral("branch"), branch);
    QVariantList aliases;
    for (const QJsonValue &alias : object.value(QStringLiteral("alias")).toArray()) {
        if (!alias.toString().isEmpty())
            aliases.append(alias.toString());
    }
    if (!aliases.isEmpty())
        details.insert(QStringLiteral("aliases"), aliases);
    deployment.details = details;
    return deployment;
}

} // namespace DeployDesk::Vercel
