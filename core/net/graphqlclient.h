#pragma once

#include "net/httpclient.h"

#include <QJsonObject>
#include <QString>
#include <QUrl>

namespace DeployDesk {

class GraphQlJob;

// A thin GraphQL layer over HttpClient: POST {"query", "variables"} to one endpoint, the
// answer's `data` object on success, `errors[]` turned into an Error.
//
//   HttpClient http(Platform::Railway, base->url);
//   http.setBearerToken(token);
//   http.setAuthHint(tr("the secret RAILWAY_TOKEN"));
//   GraphQlClient railway(http, QUrl(QString::fromLatin1(kRailwayGraphQlPath)));
//   GraphQlJob *job = railway.send(query, {{"id", id}}, this);
//
// A query (an operation that does not start with `mutation`) is idempotent, so it is retried
// on 5xx and connection errors like any GET; a mutation is not (Railway's deploy calls have
// no idempotency). 429 is retried for both (see RetryPolicy).
class GraphQlClient final
{
public:
    GraphQlClient() = default;
    // `endpoint`: a path joined to the client's base URL, or an absolute URL.
    GraphQlClient(HttpClient http, QUrl endpoint)
        : m_http(std::move(http))
        , m_endpoint(std::move(endpoint))
    {}

    HttpClient &http() { return m_http; }
    const HttpClient &http() const { return m_http; }
    QUrl endpoint() const { return m_http.resolve(m_endpoint); }

    // A job (not started) for one operation. `idempotent` unset: true unless `query` is a
    // mutation.
    GraphQlJob *send(const QString &query, const QJsonObject &variables = {},
                     QObject *parent = nullptr, std::optional<bool> idempotent = {}) const;

    // True when the operation in `query` is a mutation (comments and whitespace skipped).
    static bool isMutation(QStringView query);

private:
    HttpClient m_http;
    QUrl m_endpoint;
};

} // namespace DeployDesk
