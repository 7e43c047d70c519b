#pragma once

#include "common/deployment.h"
#include "net/httpclient.h"
#include "net/httprequest.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QUrlQuery>

#include <optional>

namespace DeployDesk::Vercel {

struct VercelOptions;

// The Vercel REST calls DeployDesk makes (apis.md §1), as requests for one HttpClient that
// carries the token (masked), the base URL and the retry policy. teamId goes on every call,
// uploads included, as the official client does.
class VercelApi final
{
    Q_DECLARE_TR_FUNCTIONS(DeployDesk::Vercel::VercelApi)

public:
    VercelApi() = default;
    explicit VercelApi(const VercelOptions &options);

    const HttpClient &http() const { return m_http; }
    QString teamId() const { return m_teamId; }

    // POST /v13/deployments: the files by digest; 400 missing_files names what to upload.
    HttpRequest createDeployment(const QJsonObject &body) const;
    // POST /v2/files: one file's bytes streamed from disk, addressed by its SHA-1.
    HttpRequest uploadFile(const QString &path, const QByteArray &sha1, qint64 size) const;
    // GET /v13/deployments/{id}.
    HttpRequest deployment(const QString &idOrUrl) const;
    // GET /v3/deployments/{id}/events (no follow), from `since` (ms) on when given.
    HttpRequest events(const QString &id, std::optional<qint64> since) const;
    // GET /v6/deployments?projectId=…&limit=… (&until=… for the next page) plus `filters`.
    HttpRequest listDeployments(const QString &project, int limit, std::optional<qint64> until,
                                const QUrlQuery &filters = {}) const;
    // POST /v{version}/projects/{projectId}/rollback/{deploymentId} with body {}.
    HttpRequest rollback(const QString &projectId, const QString &deploymentId, int version) const;
    // POST /v10/projects/{projectId}/promote/{deploymentId}.
    HttpRequest promote(const QString &projectId, const QString &deploymentId) const;

    // A deployment as Vercel describes it: create and get answers carry `id` and `createdAt`,
    // list items `uid` and `created`. details: projectId, teamId, target ("production" or
    // "preview"), inspectorUrl, state, and branch when meta has one.
    static Deployment toDeployment(const QJsonObject &object, const QString &teamId);
    // readyState (or state in lists); "" when absent.
    static QString readyState(const QJsonObject &object);
    // https://<host>, or the value itself when it already has a scheme.
    static QString deploymentUrl(const QString &host);

private:
    QUrl url(const QString &path, QUrlQuery query = {}) const;

    HttpClient m_http;
    QString m_teamId;
};

} // namespace DeployDesk::Vercel
