#include "net/httpclient.h"

#include "net/httpjob.h"

namespace DeployDesk {

void HttpClient::setHeader(const QByteArray &name, const QByteArray &value)
{
    m_headers.removeIf([&](const HttpRequest::Header &h) {
        return h.first.compare(name, Qt::CaseInsensitive) == 0;
    });
    m_headers.append({name, value});
}

void HttpClient::setSecretHeader(const QByteArray &name, const QByteArray &value)
{
    addSecret(value);
    setHeader(name, value);
}

void HttpClient::setBearerToken(const QByteArray &token)
{
    addSecret(token);
    setHeader("Authorization", "Bearer " + token);
}

void HttpClient::addSecret(const QByteArray &value)
{
    if (!value.isEmpty() && !m_secrets.contains(value))
        m_secrets.append(value);
}

void HttpClient::addSecrets(const QStringList &values)
{
    for (const QString &value : values)
        addSecret(value.toUtf8());
}

QUrl HttpClient::resolve(const QUrl &url) const
{
    if (!url.isRelative() || m_baseUrl.isEmpty())
        return url;
    return joinUrl(m_baseUrl, url.toString(QUrl::FullyEncoded));
}

HttpJob *HttpClient::send(HttpRequest request, QObject *parent) const
{
    return new HttpJob(*this, std::move(request), parent);
}

} // namespace DeployDesk
