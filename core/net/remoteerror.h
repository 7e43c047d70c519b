#pragma once

#include "common/error.h"
#include "net/platform.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <utility>

namespace DeployDesk {

// What a platform said in an error answer, read from its own error body:
//   Vercel   {"error":{"code":"forbidden","message":"…"}}
//   Qdrant   {"status":{"error":"Not found: …"}}, or plain text (401/403)
//   GitHub   {"message":"Not Found","documentation_url":"…"} (+ errors[] on 422)
//   Cohere   {"id":"…","message":"…"}
//   Railway  {"errors":[{"message":"Not Authorized"}]}
// Each platform's shape is tried first, then the others (proxies and self-hosted instances
// answer in their own ways), then a short plain-text body. HTML pages are ignored.
struct RemoteError
{
    QString code;    // the platform's error code when it has one ("not_found"), else empty
    QString message; // the platform's message, one line, at most ~300 characters
    // From x-vercel-id, x-github-request-id, x-railway-request-id, x-request-id, … or the
    // body (request_id; a GraphQL error's traceId or extensions.traceId/requestId).
    QString requestId;
};

RemoteError parseRemoteError(Platform platform, const QByteArray &body,
                             const QList<std::pair<QByteArray, QByteArray>> &headers = {});

// The ErrorCode an HTTP error status means: 401/403 Unauthorized, 404 NotFound,
// 409 Conflict, 429 RateLimited, 408/504 Timeout, else Remote. A 403 that GitHub marks as a
// rate limit (Retry-After, or x-ratelimit-remaining: 0) is RateLimited.
ErrorCode errorCodeForStatus(int status,
                             const QList<std::pair<QByteArray, QByteArray>> &headers = {});

} // namespace DeployDesk
