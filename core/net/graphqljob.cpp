#include "net/graphqljob.h"

#include "net/httpjob.h"

namespace DeployDesk {

namespace {

ErrorCode codeForGraphQlError(const QJsonObject &error)
{
    const QString message = error.value(QLatin1String("message")).toString();
    const QString code = error.value(QLatin1String("extensions"))
                             .toObject()
                             .value(QLatin1String("code"))
                             .toString()
                             .toUpper();
    // Railway's own words, as its CLI matches them.
    if (message.contains(QLatin1String("Not Authorized"), Qt::CaseInsensitive) ||
        message.contains(QLatin1String("Project Token not found"), Qt::CaseInsensitive) ||
        message.contains(QLatin1String("Two Factor Authentication Required"),
                         Qt::CaseInsensitive) ||
        code == QLatin1String("UNAUTHENTICATED") || code == QLatin1String("FORBIDDEN"))
        return ErrorCode::Unauthorized;
    if (code == QLatin1String("RATE_LIMITED") || code == QLatin1String("TOO_MANY_REQUESTS"))
        return ErrorCode::RateLimited;
    if (message.contains(QLatin1String("not found"), Qt::CaseInsensitive) ||
        code == QLatin1String("NOT_FOUND"))
        return ErrorCode::NotFound;
    return ErrorCode::Remote;
}

} // namespace

GraphQlJob::GraphQlJob(HttpJob *http, QString authHint, QObject *parent)
    : Job(parent)
    , m_http(http)
    , m_authHint(std::move(authHint))
{
    m_http->setParent(this);
    connect(m_http, &Job::logLine, this, &Job::logLine);
    connect(m_http, &Job::result, this, &GraphQlJob::onHttpResult);
}

GraphQlJob::~GraphQlJob() = default;

void GraphQlJob::doStart()
{
    m_http->start();
}

void GraphQlJob::doCancel()
{
    emitCancelled();
    m_http->cancel(); // its late result finds this job ended
}

void GraphQlJob::onHttpResult()
{
    if (isFinished())
        return;
    if (m_http->outcome() == Outcome::Cancelled) {
        emitCancelled();
        return;
    }
    if (m_http->outcome() == Outcome::Failed) {
        emitFailure(m_http->error()); // a Railway errors[] body already gave its message
        return;
    }
    const QJsonObject root = m_http->jsonObject();
    m_data = root.value(QLatin1String("data")).toObject();
    m_errors = root.value(QLatin1String("errors")).toArray();
    const QString request =
        QStringLiteral("POST ") +
        m_http->url().toString(QUrl::RemoveQuery | QUrl::RemoveUserInfo | QUrl::RemoveFragment);
    if (m_errors.isEmpty()) {
        if (!root.contains(QLatin1String("data"))) {
            emitFailure(
                makeErrorValue(ErrorCode::Remote,
                               m_http->masked(tr("%1: not a GraphQL answer (no \"data\" "
                                                 "nor \"errors\")")
                                                  .arg(request)),
                               m_http->masked(QString::fromUtf8(m_http->body().left(4096)))));
            return;
        }
        emitSuccess();
        return;
    }
    const QJsonObject first = m_errors.first().toObject();
    QString said = first.value(QLatin1String("message")).toString().simplified();
    if (said.isEmpty())
        said = tr("an error without a message");
    const ErrorCode code = codeForGraphQlError(first);
    QString message = tr("%1: %2").arg(request, said);
    QStringList notes;
    if (m_errors.size() > 1)
        notes << tr("and %n more errors", nullptr, int(m_errors.size() - 1));
    if (const QString id = m_http->remoteError().requestId; !id.isEmpty())
        notes << tr("request id %1").arg(id);
    if (!notes.isEmpty())
        message += QStringLiteral(" (") + notes.join(QStringLiteral("; ")) + QLatin1Char(')');
    if (code == ErrorCode::Unauthorized && !m_authHint.isEmpty())
        message += tr("; check %1").arg(m_authHint);
    QStringList all;
    for (const QJsonValue &error : std::as_const(m_errors)) {
        QString line = error.toObject().value(QLatin1String("message")).toString();
        const QJsonArray path = error.toObject().value(QLatin1String("path")).toArray();
        if (!path.isEmpty()) {
            QStringList parts;
            for (const QJsonValue &part : path)
                parts << (part.isDouble() ? QString::number(part.toInt()) : part.toString());
            line = parts.join(QLatin1Char('.')) + QStringLiteral(": ") + line;
        }
        all << line;
    }
    emitFailure(
        makeErrorValue(code, m_http->masked(message), m_http->masked(all.join(QLatin1Char('\n')))));
}

} // namespace DeployDesk
