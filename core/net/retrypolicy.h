#pragma once

#include <QByteArrayView>
#include <QDateTime>

#include <chrono>
#include <optional>

namespace DeployDesk {

// When and how long HttpJob waits before sending a request again.
//
// What is retried (HttpJob decides, this struct only says how often and how long):
// - 429 Too Many Requests, always: the platform did not process the request. So is a 403 that
//   GitHub marks as a rate limit (Retry-After, or x-ratelimit-remaining: 0).
// - 5xx (500, 502, 503, 504) and 408, connection errors (reset, closed, refused) and transfer
//   timeouts, only when the request is idempotent (HttpRequest::isIdempotent()). A refused
//   connection is retried for any request: nothing was sent.
// - Nothing else: other 4xx, DNS failures, TLS failures.
// One retry is not ours: when a connection closes before a single byte of the answer, Qt's
// HTTP layer itself sends the request once more on a new connection (it cannot tell a kept-
// alive connection the server dropped from a crash), whatever the method. A body shorter
// than its Content-Length counts as a cut connection, not an answer.
//
// How long: the server's Retry-After (seconds or an HTTP date; GitHub's x-ratelimit-reset when
// x-ratelimit-remaining is 0) when it sends one, on any retried status. A wait longer than
// maxRetryAfter is not waited for: the job fails at once (ErrorCode::RateLimited for a 429)
// and says how long the platform asked to wait. Otherwise exponential backoff with full
// jitter: a uniform random wait in [0, min(maxDelay, baseDelay * 2^(retry-1))], at least
// rateLimitFloor for a 429 without Retry-After (Cohere sends none).
struct RetryPolicy
{
    int maxAttempts = 4; // the first try included; 1 means no retry
    std::chrono::milliseconds baseDelay{500};
    std::chrono::milliseconds maxDelay{20000};
    std::chrono::milliseconds maxRetryAfter{60000};
    std::chrono::milliseconds rateLimitFloor{1000};

    static RetryPolicy none()
    {
        RetryPolicy policy;
        policy.maxAttempts = 1;
        return policy;
    }

    // The full-jitter wait before retry number `retry` (1 for the second attempt).
    std::chrono::milliseconds backoff(int retry) const;
    // The upper bound backoff() draws from, for tests and messages.
    std::chrono::milliseconds backoffCeiling(int retry) const;
};

// A Retry-After value: delta-seconds ("120") or an HTTP date ("Wed, 21 Oct 2015 07:28:00 GMT",
// also RFC 850 and asctime forms). A date in the past gives 0. nullopt when it is neither.
std::optional<std::chrono::milliseconds>
parseRetryAfter(QByteArrayView value, const QDateTime &now = QDateTime::currentDateTimeUtc());

} // namespace DeployDesk
