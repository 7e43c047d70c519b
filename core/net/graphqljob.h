#pragma once

#include "common/job.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QPointer>

namespace DeployDesk {

class HttpJob;

// One GraphQL operation (made by GraphQlClient::send(), not started).
//
// Success: HTTP 2xx with a JSON body whose `errors` is absent or empty; data() is its `data`.
// Failed: the HTTP layer's Error (status, timeout, connection, rate limit; a Railway error
// body's errors[] message included), or — on HTTP 200 — the first of `errors[]`:
//   "POST https://backboard.railway.com/graphql/v2: Not Authorized; check the secret
//    RAILWAY_TOKEN"
//   with " (and 2 more errors; request id …)" when there are several and the answer names
//   itself (a request-id header or the error's traceId); Error::detail lists them all.
//   ErrorCode: "Not Authorized", "Project Token not found", "Two Factor Authentication
//   Required", extensions.code UNAUTHENTICATED/FORBIDDEN → Unauthorized; a message with
//   "not found" → NotFound; extensions.code RATE_LIMITED/TOO_MANY_REQUESTS → RateLimited;
//   anything else Remote. A body without `data` nor `errors` is Remote ("not a GraphQL
//   answer").
// Cancelled: as HttpJob. Retry notes of the HTTP layer come out on logLine.
class GraphQlJob final : public Job
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GraphQlJob)

public:
    // Takes ownership of `http` (a POST of the operation, not started).
    GraphQlJob(HttpJob *http, QString authHint, QObject *parent = nullptr);
    ~GraphQlJob() override;

    QJsonObject data() const { return m_data; }
    QJsonArray errors() const { return m_errors; }
    HttpJob *httpJob() const { return m_http; } // status, headers, attempts

protected:
    void doStart() override;
    void doCancel() override;

private:
    void onHttpResult();

    QPointer<HttpJob> m_http;
    QString m_authHint;
    QJsonObject m_data;
    QJsonArray m_errors;
};

} // namespace DeployDesk
