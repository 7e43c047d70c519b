#pragma once

#include "common/job.h"
#include "log/secretmasker.h"
#include "net/httpclient.h"
#include "net/httprequest.h"
#include "net/remoteerror.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QSaveFile>
#include <QTimer>

class QNetworkReply;

namespace DeployDesk {

// One HTTP request with its retries, as a Job (made by HttpClient::send(), not started).
//
// Outcome:
// - Success: a 2xx answer (or a 3xx when the request does not follow redirects). When the
//   answer is JSON (by Content-Type, or HttpRequest::expectJson) json() holds it, valid.
// - Failed, with an Error whose message names the method and URL (no query, no user info)
//   and says what happened in the platform's own words:
//     "GET https://api.vercel.com/v13/deployments/x: HTTP 404: Deployment not found
//      (not_found; request id fra1::abc)"
//   ErrorCode: 401/403 Unauthorized (the message ends with "; check <auth hint>"),
//   404 NotFound, 409 Conflict, 429 RateLimited (after retries), 408/504 and transfer
//   timeouts Timeout ("…: no answer within 10s"), connection/DNS/TLS failures Network,
//   other statuses and a malformed JSON answer Remote. Error::detail holds the masked
//   response body (at most 4 KB). status(), headers() and body() stay readable after a
//   failure: a caller may look at a platform's error code (remoteError().code).
// - Cancelled: cancel() aborts the transfer or the wait before a retry; no failure.
// Retries follow the client's RetryPolicy (see retrypolicy.h); each one is announced on
// logLine: "429 from api.vercel.com, retrying in 3s (attempt 2 of 5)".
class HttpJob final : public Job
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HttpJob)

public:
    HttpJob(const HttpClient &client, HttpRequest request, QObject *parent = nullptr);
    ~HttpJob() override;

    const HttpRequest &request() const { return m_request; }
    // The absolute URL (after redirects, the last one asked).
    QUrl url() const { return m_url; }
    int attempts() const { return m_attempts; }

    // The last answer. status() is 0 when no HTTP answer came (connection error, timeout).
    int status() const { return m_status; }
    const QList<HttpRequest::Header> &headers() const { return m_headers; }
    QByteArray header(QByteArrayView name) const; // case-insensitive; empty when absent
    QByteArray body() const { return m_body; }    // empty when streamed to responseFile
    QJsonDocument json() const;                   // null when the body is not JSON
    QJsonObject jsonObject() const { return json().object(); }
    // The platform's error (code, message, request id) of a 4xx/5xx answer.
    RemoteError remoteError() const;

    // Masks the client's and the request's secrets in `text` (for callers' own messages).
    QString masked(const QString &text) const;

signals:
    void uploadProgress(qint64 sent, qint64 total);
    void downloadProgress(qint64 received, qint64 total);

protected:
    void doStart() override;
    void doCancel() override;

private:
    void attempt();
    void onReadyRead();
    void onFinished();
    void followRedirect();
    bool retryOrFail(const QString &what, std::chrono::milliseconds delay);
    void finishSuccess(QSaveFile *responseFile);
    void fail(Error error);
    Error httpError() const;
    QString describeRequest() const;

    HttpRequest m_request;
    Platform m_platform = Platform::Generic;
    QString m_authHint;
    RetryPolicy m_policy;
    std::chrono::milliseconds m_timeout{HttpClient::kDefaultTimeout};
    int m_maxAttempts = 1;
    QList<QByteArray> m_secrets;
    SecretMasker m_masker;
    QUrl m_url;
    QPointer<QNetworkReply> m_reply;
    QPointer<QSaveFile> m_responseFile; // this attempt's, a child of its reply
    QTimer m_retryTimer;
    int m_attempts = 0;
    int m_redirects = 0;
    int m_status = 0;
    qint64 m_received = 0; // body bytes of this attempt
    QList<HttpRequest::Header> m_headers;
    QByteArray m_body;
    mutable std::optional<QJsonDocument> m_json;
};

} // namespace DeployDesk
