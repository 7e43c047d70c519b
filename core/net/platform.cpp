#include "net/platform.h"

#include "net/nettr.h"

namespace DeployDesk {

namespace {

using Internal::NetTr;

// Drops a trailing slash so joinUrl() can always add one.
QUrl normalized(QUrl url)
{
    QString path = url.path();
    while (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    url.setPath(path);
    return url;
}

} // namespace

QString platformName(Platform platform)
{
    switch (platform) {
    case Platform::Vercel:
        return QStringLiteral("Vercel");
    case Platform::Railway:
        return QStringLiteral("Railway");
    case Platform::GitHub:
        return QStringLiteral("GitHub");
    case Platform::Cohere:
        return QStringLiteral("Cohere");
    case Platform::Qdrant:
        return QStringLiteral("Qdrant");
    case Platform::Generic:
        break;
    }
    return QStringLiteral("HTTP");
}

QString baseUrlVariable(Platform platform)
{
    switch (platform) {
    case Platform::Vercel:
        return QStringLiteral("DEPLOYDESK_API_VERCEL");
    case Platform::Railway:
        return QStringLiteral("DEPLOYDESK_API_RAILWAY");
    case Platform::GitHub:
        return QStringLiteral("DEPLOYDESK_API_GITHUB");
    case Platform::Cohere:
        return QStringLiteral("DEPLOYDESK_API_COHERE");
    case Platform::Qdrant:
        return QStringLiteral("DEPLOYDESK_API_QDRANT");
    case Platform::Generic:
        break;
    }
    return {};
}

QUrl defaultBaseUrl(Platform platform)
{
    switch (platform) {
    case Platform::Vercel:
        return QUrl(QStringLiteral("https://api.vercel.com"));
    case Platform::Railway:
        return QUrl(QStringLiteral("https://backboard.railway.com"));
    case Platform::GitHub:
        return QUrl(QStringLiteral("https://api.github.com"));
    case Platform::Cohere:
        return QUrl(QStringLiteral("https://api.cohere.com"));
    case Platform::Qdrant:
    case Platform::Generic:
        break;
    }
    return {};
}

Result<PlatformBase> resolvePlatformBase(Platform platform, const QUrl &configured,
                                         const QProcessEnvironment &env)
{
    const QUrl fallback = configured.isEmpty() ? defaultBaseUrl(platform) : configured;
    const QString variable = baseUrlVariable(platform);
    const QString value = variable.isEmpty() ? QString() : env.value(variable).trimmed();
    if (value.isEmpty()) {
        if (fallback.isEmpty()) {
            return makeError(ErrorCode::Invalid,
                             platform == Platform::Generic
                                 ? NetTr::tr("no URL given")
                                 : NetTr::tr("no %1 URL: set it in the workspace or in %2")
                                       .arg(platformName(platform), variable));
        }
        return PlatformBase{normalized(fallback), {}};
    }

    const QUrl url(value, QUrl::StrictMode);
    const QString scheme = url.scheme().toLower();
    QString problem;
    if (!url.isValid() || (scheme != QLatin1String("http") && scheme != QLatin1String("https")) ||
        url.host().isEmpty())
        problem = NetTr::tr("must be an http:// or https:// URL such as http://127.0.0.1:8080");
    else if (url.hasQuery() || url.hasFragment())
        problem = NetTr::tr("must not have a query or a fragment (only scheme, host, port and path "
                            "prefix are replaced)");
    else if (!url.userInfo().isEmpty())
        problem = NetTr::tr("must not carry a user name or password (tokens belong in secrets)");
    if (!problem.isEmpty()) {
        // The value is shown without user info: it may hold a password.
        return makeError(ErrorCode::Invalid,
                         NetTr::tr("%1 %2; found \"%3\"")
                             .arg(variable, problem,
                                  url.isValid() ? url.toString(QUrl::RemoveUserInfo) : value));
    }

    PlatformBase base{normalized(url), {}};
    base.notice = fallback.isEmpty() ? NetTr::tr("using %1=%2").arg(variable, base.url.toString())
                                     : NetTr::tr("using %1=%2 instead of %3")
                                           .arg(variable, base.url.toString(),
                                                fallback.toString(QUrl::RemoveUserInfo));
    return base;
}

QUrl joinUrl(const QUrl &base, QStringView path, const QUrlQuery &query)
{
    QUrl url = base;
    QStringView rest = path;
    QString ownQuery;
    if (const qsizetype q = rest.indexOf(QLatin1Char('?')); q >= 0) {
        ownQuery = rest.mid(q + 1).toString();
        rest = rest.left(q);
    }
    while (rest.startsWith(QLatin1Char('/')))
        rest = rest.mid(1);
    QString prefix = base.path(QUrl::FullyEncoded);
    while (prefix.endsWith(QLatin1Char('/')))
        prefix.chop(1);
    url.setPath(prefix + QLatin1Char('/') + rest.toString(), QUrl::TolerantMode);
    QUrlQuery merged(ownQuery);
    for (const auto &[key, value] : query.queryItems(QUrl::FullyEncoded))
        merged.addQueryItem(key, value);
    if (merged.isEmpty())
        url.setQuery(QString());
    else
        url.setQuery(merged.query(QUrl::FullyEncoded), QUrl::TolerantMode);
    return url;
}

} // namespace DeployDesk
