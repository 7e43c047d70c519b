#include "net/httprequest.h"

#include <QJsonDocument>

namespace DeployDesk {

HttpRequest &HttpRequest::setHeader(const QByteArray &name, const QByteArray &value)
{
    headers.removeIf(
        [&](const Header &h) { return h.first.compare(name, Qt::CaseInsensitive) == 0; });
    headers.append({name, value});
    return *this;
}

HttpRequest &HttpRequest::setSecretHeader(const QByteArray &name, const QByteArray &value)
{
    if (!value.isEmpty() && !secrets.contains(value))
        secrets.append(value);
    return setHeader(name, value);
}

HttpRequest &HttpRequest::setJson(const QJsonObject &json)
{
    body = QJsonDocument(json).toJson(QJsonDocument::Compact);
    return setHeader("Content-Type", "application/json");
}

HttpRequest &HttpRequest::setJson(const QJsonArray &json)
{
    body = QJsonDocument(json).toJson(QJsonDocument::Compact);
    return setHeader("Content-Type", "application/json");
}

QByteArray HttpRequest::header(QByteArrayView name) const
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

bool HttpRequest::isIdempotent() const
{
    if (idempotent)
        return *idempotent;
    const QByteArray verb = method.toUpper();
    return verb == "GET" || verb == "HEAD" || verb == "PUT" || verb == "DELETE" ||
           verb == "OPTIONS";
}

} // namespace DeployDesk
