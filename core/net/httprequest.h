#pragma once

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QUrl>

#include <chrono>
#include <optional>
#include <utility>

namespace DeployDesk {

// One HTTP request as HttpClient::send() takes it. A plain value: build it, then send it.
//
//   auto request = HttpRequest::post(QUrl(QStringLiteral("/v13/deployments")), body);
//   request.setHeader("x-vercel-digest", sha1);
//
// `url` is absolute, or a path (with an optional query) joined to the client's base URL with
// joinUrl(), so a base URL override keeps the platform's paths.
struct HttpRequest
{
    using Header = std::pair<QByteArray, QByteArray>;

    QByteArray method = "GET";
    QUrl url;
    QList<Header> headers; // sent in order after the client's own; a name here replaces the
                           // client's header of the same name
    QByteArray body;
    // A file sent as the body, streamed from disk (never read whole into memory); wins over
    // `body`. Content-Length is its size; reopened from the start for each attempt.
    QString bodyFile;
    // A 2xx response body is streamed into this file (written atomically when the job
    // succeeds) instead of memory; error bodies stay in memory for the error message.
    QString responseFile;
    // Unset: GET, HEAD, PUT, DELETE and OPTIONS are idempotent, POST and PATCH are not. Set it
    // to true for a POST the platform documents as safe to repeat (Cohere embed, Qdrant
    // scroll/query/delete, Vercel file upload by digest), false to forbid retries.
    std::optional<bool> idempotent;
    // Transfer timeout: the job fails with ErrorCode::Timeout when no byte moves for this
    // long. Unset: the client's timeout.
    std::optional<std::chrono::milliseconds> timeout;
    // Attempts including the first. Unset: the client's RetryPolicy::maxAttempts.
    std::optional<int> maxAttempts;
    // A 2xx answer must be JSON: the job fails (ErrorCode::Remote) when it is not. A response
    // whose Content-Type is application/json or */*+json is checked the same way anyway.
    bool expectJson = false;
    // The caller parses the answer itself (e.g. off the event-loop thread, for large JSON
    // answers): a 2xx body is handed over as bytes, not parsed, whatever its Content-Type;
    // jsonObject() stays empty. Error bodies are still read for the platform's message.
    bool rawBody = false;
    // Follow 301/302/303/307/308 (at most 5). The Authorization header and every secret
    // header are dropped when a redirect leaves the origin (GitHub's log links). When false a
    // 3xx ends the job successfully: read its Location with HttpJob::header().
    bool followRedirects = true;
    // Values masked ("***") in every log line and error message of this request, besides the
    // client's secrets. setSecretHeader() adds to it.
    QList<QByteArray> secrets;

    static HttpRequest get(QUrl url) { return make("GET", std::move(url)); }
    static HttpRequest head(QUrl url) { return make("HEAD", std::move(url)); }
    static HttpRequest deleteResource(QUrl url) { return make("DELETE", std::move(url)); }
    static HttpRequest post(QUrl url) { return make("POST", std::move(url)); }
    static HttpRequest post(QUrl url, const QJsonObject &json)
    {
        return make("POST", std::move(url)).setJson(json);
    }
    static HttpRequest put(QUrl url, const QJsonObject &json)
    {
        return make("PUT", std::move(url)).setJson(json);
    }
    static HttpRequest patch(QUrl url, const QJsonObject &json)
    {
        return make("PATCH", std::move(url)).setJson(json);
    }

    // Replaces a header of the same name (names compare case-insensitively).
    HttpRequest &setHeader(const QByteArray &name, const QByteArray &value);
    // A header whose value is a secret (a token): masked wherever this request is logged.
    HttpRequest &setSecretHeader(const QByteArray &name, const QByteArray &value);
    // Compact JSON body with Content-Type: application/json.
    HttpRequest &setJson(const QJsonObject &json);
    HttpRequest &setJson(const QJsonArray &json);
    HttpRequest &setIdempotent(bool value)
    {
        idempotent = value;
        return *this;
    }

    QByteArray header(QByteArrayView name) const; // empty when absent
    bool isIdempotent() const;

private:
    static HttpRequest make(QByteArray method, QUrl url)
    {
        HttpRequest request;
        request.method = std::move(method);
        request.url = std::move(url);
        return request;
    }
};

} // namespace DeployDesk
