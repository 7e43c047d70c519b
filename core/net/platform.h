#pragma once

#include "common/error.h"

#include <QProcessEnvironment>
#include <QString>
#include <QUrl>
#include <QUrlQuery>

namespace DeployDesk {

// The platforms DeployDesk talks to. Generic is any other HTTP service (a health endpoint).
enum class Platform { Vercel, Railway, GitHub, Cohere, Qdrant, Generic };

// "Vercel", "Railway", "GitHub", "Cohere", "Qdrant", "HTTP".
QString platformName(Platform platform);

// The environment variable that overrides a platform's base URL:
// DEPLOYDESK_API_VERCEL, _RAILWAY, _GITHUB, _COHERE, _QDRANT; empty for Generic.
QString baseUrlVariable(Platform platform);

// The platform's own base URL: https://api.vercel.com, https://backboard.railway.com,
// https://api.github.com, https://api.cohere.com. Empty for Qdrant (the workspace gives it)
// and Generic.
QUrl defaultBaseUrl(Platform platform);

// Railway's GraphQL endpoint, a platform path joined to Railway's base URL.
inline constexpr char kRailwayGraphQlPath[] = "/graphql/v2";

// The base URL in force for a platform, and where it came from.
struct PlatformBase
{
    QUrl url;       // scheme, host, port and a path prefix without a trailing slash
    QString notice; // for the stage log when an override is in force, else empty:
                    // "using DEPLOYDESK_API_VERCEL=http://127.0.0.1:1234 instead of
                    //  https://api.vercel.com"
};

// Resolves a platform's base URL: the override variable when set in `env`, else `configured`
// (the workspace's Qdrant URL, a self-hosted instance), else defaultBaseUrl().
// An override replaces only scheme, host, port and path prefix: platform paths are joined
// to it by joinUrl(), so DEPLOYDESK_API_RAILWAY=http://127.0.0.1:9/proxy reaches
// http://127.0.0.1:9/proxy/graphql/v2. http:// and https:// are accepted.
// Errors (ErrorCode::Invalid): an override that is not an absolute http(s) URL with a host,
// or carries a query, fragment or user info (the message names the variable and the value);
// no URL at all (Qdrant without a configured URL, Generic without one).
Result<PlatformBase>
resolvePlatformBase(Platform platform, const QUrl &configured = {},
                    const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment());

// `base` + a platform path ("/v13/deployments", with or without its leading slash) + a query.
// A path may carry its own query ("/v6/deployments?limit=20"); `query` items are added to it.
QUrl joinUrl(const QUrl &base, QStringView path, const QUrlQuery &query = {});

} // namespace DeployDesk
