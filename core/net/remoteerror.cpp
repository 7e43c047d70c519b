#include "net/remoteerror.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace DeployDesk {

namespace {

constexpr qsizetype kMaxMessage = 300;

QByteArray headerValue(const QList<std::pair<QByteArray, QByteArray>> &headers, QByteArrayView name)
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

// One line, trimmed, not too long.
QString oneLine(QString text)
{
    text = text.simplified();
    if (text.size() > kMaxMessage)
        text = text.left(kMaxMessage - 1) + QChar(0x2026);
    return text;
}

QString stringAt(const QJsonObject &object, const char *key)
{
    const QJsonValue value = object.value(QLatin1String(key));
    return value.isString() ? value.toString() : QString();
}

// The shapes, each filling what it recognises; true when it found a message.
bool vercelShape(const QJsonObject &root, RemoteError &out)
{
    const QJsonValue error = root.value(QLatin1String("error"));
    if (error.isObject()) {
        const QJsonObject object = error.toObject();
        out.code = stringAt(object, "code");
        out.message = stringAt(object, "message");
        return !out.message.isEmpty() || !out.code.isEmpty();
    }
    if (error.isString()) { // {"error":"…"} from many services
        out.message = error.toString();
        out.code = stringAt(root, "error_code");
        if (QString description = stringAt(root, "error_description"); !description.isEmpty())
            out.message = description;
        return true;
    }
    return false;
}

bool qdrantShape(const QJsonObject &root, RemoteError &out)
{
    const QJsonValue status = root.value(QLatin1String("status"));
    if (!status.isObject())
        return false;
    out.message = stringAt(status.toObject(), "error");
    return !out.message.isEmpty();
}

bool graphQlShape(const QJsonObject &root, RemoteError &out)
{
    const QJsonArray errors = root.value(QLatin1String("errors")).toArray();
    if (errors.isEmpty() || !errors.first().isObject())
        return false;
    const QJsonObject first = errors.first().toObject();
    out.message = stringAt(first, "message");
    out.code = stringAt(first.value(QLatin1String("extensions")).toObject(), "code");
    return !out.message.isEmpty();
}

// A GraphQL error's own trace id: errors[0].traceId, or extensions.traceId / requestId.
QString graphQlTraceId(const QJsonObject &root)
{
    const QJsonArray errors = root.value(QLatin1String("errors")).toArray();
    if (errors.isEmpty() || !errors.first().isObject())
        return {};
    const QJsonObject first = errors.first().toObject();
    const QJsonObject extensions = first.value(QLatin1String("extensions")).toObject();
    for (const QString &id : {stringAt(first, "traceId"), stringAt(extensions, "traceId"),
                              stringAt(extensions, "requestId")}) {
        if (!id.isEmpty())
            return id;
    }
    return {};
}

// GitHub and Cohere: {"message": …}; GitHub's 422 adds errors[{resource, field, code}].
bool messageShape(const QJsonObject &root, RemoteError &out)
{
    out.message = stringAt(root, "message");
    if (out.message.isEmpty())
        return false;
    const QJsonArray errors = root.value(QLatin1String("errors")).toArray();
    if (!errors.isEmpty() && errors.first().isObject()) {
        const QJsonObject first = errors.first().toObject();
        QString what = stringAt(first, "message");
        if (what.isEmpty()) {
            what = QStringList{stringAt(first, "resource"), stringAt(first, "field"),
                               stringAt(first, "code")}
                       .join(QLatin1Char(' '))
                       .simplified();
        }
        if (!what.isEmpty())
            out.message += QStringLiteral(": ") + what;
    }
    return true;
}

// FastAPI {"detail": "…"} and RFC 9457 problem details {"title", "detail"}.
bool detailShape(const QJsonObject &root, RemoteError &out)
{
    out.message = stringAt(root, "detail");
    if (out.message.isEmpty())
        out.message = stringAt(root, "title");
    return !out.message.isEmpty();
}

} // namespace

RemoteError parseRemoteError(Platform platform, const QByteArray &body,
                             const QList<std::pair<QByteArray, QByteArray>> &headers)
{
    RemoteError out;
    for (const char *name : {"x-vercel-id", "x-github-request-id", "x-railway-request-id",
                             "x-request-id", "request-id", "x-amzn-requestid", "cf-ray"}) {
        out.requestId = QString::fromLatin1(headerValue(headers, name)).trimmed();
        if (!out.requestId.isEmpty())
            break;
    }

    const QByteArray trimmed = body.trimmed();
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(trimmed, &parseError);
    if (document.isObject()) {
        const QJsonObject root = document.object();
        using Shape = bool (*)(const QJsonObject &, RemoteError &);
        QList<Shape> shapes{vercelShape, qdrantShape, graphQlShape, messageShape, detailShape};
        const Shape preferred = [&]() -> Shape {
            switch (platform) {
            case Platform::Qdrant:
                return qdrantShape;
            case Platform::Railway:
                return graphQlShape;
            case Platform::GitHub:
            case Platform::Cohere:
                return messageShape;
            case Platform::Vercel:
            case Platform::Generic:
                break;
            }
            return vercelShape;
        }();
        shapes.removeOne(preferred);
        shapes.prepend(preferred);
        for (const Shape shape : std::as_const(shapes)) {
            RemoteError found;
            if (shape(root, found)) {
                out.code = found.code;
                out.message = oneLine(found.message.isEmpty() ? found.code : found.message);
                break;
            }
        }
        if (out.requestId.isEmpty())
            out.requestId = stringAt(root, "request_id");
        if (out.requestId.isEmpty())
            out.requestId = graphQlTraceId(root);
        if (out.requestId.isEmpty() && platform == Platform::Cohere)
            out.requestId = stringAt(root, "id"); // Cohere's error id
        return out;
    }
    // Plain text (Qdrant's 401/403, proxies); an HTML page says nothing useful in one line.
    if (!trimmed.isEmpty() && !trimmed.startsWith('<') && !trimmed.startsWith('{') &&
        !trimmed.startsWith('['))
        out.message = oneLine(QString::fromUtf8(trimmed.left(4 * kMaxMessage)));
    return out;
}

ErrorCode errorCodeForStatus(int status, const QList<std::pair<QByteArray, QByteArray>> &headers)
{
    switch (status) {
    case 401:
        return ErrorCode::Unauthorized;
    case 403:
        if (!headerValue(headers, "retry-after").isEmpty() ||
            headerValue(headers, "x-ratelimit-remaining").trimmed() == "0")
            return ErrorCode::RateLimited; // GitHub's primary and secondary rate limits
        return ErrorCode::Unauthorized;
    case 404:
    case 410:
        return ErrorCode::NotFound;
    case 409:
        return ErrorCode::Conflict;
    case 429:
        return ErrorCode::RateLimited;
    case 408:
    case 504:
        return ErrorCode::Timeout;
    default:
        break;
    }
    return ErrorCode::Remote;
}

} // namespace DeployDesk
