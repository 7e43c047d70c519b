#pragma once

#include "net/httprequest.h"
#include "net/platform.h"
#include "net/retrypolicy.h"

#include <QObject>
#include <QStringList>

#include <chrono>

namespace DeployDesk {

class HttpJob;

// DeployDesk's one HTTP client: a small value holding what every request to one service
// shares (platform, base URL, headers, token, secrets, timeout, retry policy). Copy it
// freely. The requests themselves go through the QNetworkAccessManager of the thread that
// starts the job: one per thread, created on first use, transfer timeout always set, shared
// by every client of that thread (so connections to a host are reused).
//
//   HttpClient vercel(Platform::Vercel, base->url);     // base from resolvePlatformBase()
//   vercel.setBearerToken(token);                       // sent, and masked everywhere
//   vercel.setAuthHint(tr("the secret VERCEL_TOKEN"));  // named by 401/403 errors
//   HttpJob *job = vercel.send(HttpRequest::get(QUrl(QStringLiteral("/v13/deployments/x"))),
//                              this);
//   connect(job, &Job::result, this, …);  // and &Job::logLine for retry notes
//   job->start();
//
// Everything the job reports (log lines, Error messages and details, lcNet debug output of
// bodies) goes through a SecretMasker holding the client's and the request's secrets.
class HttpClient final
{
public:
    static constexpr std::chrono::milliseconds kDefaultTimeout{30000};

    HttpClient() = default;
    explicit HttpClient(Platform platform, QUrl baseUrl = {})
        : m_platform(platform)
        , m_baseUrl(std::move(baseUrl))
    {}

    Platform platform() const { return m_platform; }
    // Relative request URLs are joined to it (joinUrl()). May be empty: absolute URLs only.
    void setBaseUrl(QUrl url) { m_baseUrl = std::move(url); }
    QUrl baseUrl() const { return m_baseUrl; }

    // Sent with every request (a request's header of the same name wins).
    void setHeader(const QByteArray &name, const QByteArray &value);
    void setSecretHeader(const QByteArray &name, const QByteArray &value); // value masked
    // Authorization: Bearer <token>, masked.
    void setBearerToken(const QByteArray &token);
    // More values to mask in everything this client's jobs report (a stage's secretValues).
    void addSecret(const QByteArray &value);
    void addSecrets(const QStringList &values);
    QList<QByteArray> secrets() const { return m_secrets; }
    QList<HttpRequest::Header> headers() const { return m_headers; }

    // What a user must fix after a 401/403, named in the error: "the secret VERCEL_TOKEN".
    void setAuthHint(const QString &hint) { m_authHint = hint; }
    QString authHint() const { return m_authHint; }

    // Transfer timeout of each request (see HttpRequest::timeout). Default 30s.
    void setTimeout(std::chrono::milliseconds timeout) { m_timeout = timeout; }
    std::chrono::milliseconds timeout() const { return m_timeout; }

    void setRetryPolicy(const RetryPolicy &policy) { m_retryPolicy = policy; }
    const RetryPolicy &retryPolicy() const { return m_retryPolicy; }

    // The absolute URL a request's url stands for.
    QUrl resolve(const QUrl &url) const;

    // A job for one request (with its retries), not started: connect, then start().
    // The job copies what it needs; the client may go away before it ends.
    HttpJob *send(HttpRequest request, QObject *parent = nullptr) const;

private:
    Platform m_platform = Platform::Generic;
    QUrl m_baseUrl;
    QList<HttpRequest::Header> m_headers;
    QList<QByteArray> m_secrets;
    QString m_authHint;
    std::chrono::milliseconds m_timeout = kDefaultTimeout;
    RetryPolicy m_retryPolicy;
};

} // namespace DeployDesk
