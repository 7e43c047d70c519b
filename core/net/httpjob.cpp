#include "net/httpjob.h"

#include "common/duration.h"
#include "common/logging.h"
#include "net/threadnetwork.h"

#include <QFile>
#include <QJsonParseError>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSaveFile>

namespace DeployDesk {

using std::chrono::milliseconds;

namespace {

constexpr int kMaxRedirects = 5;
constexpr qsizetype kMaxDetail = 4096;
constexpr qsizetype kMaxDebugBody = 1024;

bool sameOrigin(const QUrl &a, const QUrl &b)
{
    return a.scheme().compare(b.scheme(), Qt::CaseInsensitive) == 0 &&
           a.host().compare(b.host(), Qt::CaseInsensitive) == 0 &&
           a.port(a.scheme() == QLatin1String("https") ? 443 : 80) ==
               b.port(b.scheme() == QLatin1String("https") ? 443 : 80);
}

bool isRedirect(int status)
{
    return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
}

bool isRetriedStatus(int status)
{
    return status == 408 || status == 500 || status == 502 || status == 503 || status == 504;
}

// A transport failure: no status line, or the network or proxy layer (1-199) failed after
// it (a connection reset mid-body). Qt maps HTTP statuses to the other ranges (400 even to a
// "protocol" error): those are answers, read from the status.
bool isTransportError(QNetworkReply::NetworkError error, int status)
{
    const int code = int(error);
    return code != 0 && (status == 0 || code < 200);
}

} // namespace

HttpJob::HttpJob(const HttpClient &client, HttpRequest request, QObject *parent)
    : Job(parent)
    , m_request(std::move(request))
    , m_platform(client.platform())
    , m_authHint(client.authHint())
    , m_policy(client.retryPolicy())
    , m_timeout(m_request.timeout.value_or(client.timeout()))
{
    // The client's headers first, unless the request sets the same name.
    QList<HttpRequest::Header> headers;
    for (const HttpRequest::Header &header : client.headers()) {
        const bool overridden =
            std::any_of(m_request.headers.cbegin(), m_request.headers.cend(), [&](const auto &own) {
                return own.first.compare(header.first, Qt::CaseInsensitive) == 0;
            });
        if (!overridden)
            headers.append(header);
    }
    m_request.headers = headers + m_request.headers;
    m_url = client.resolve(m_request.url);
    m_maxAttempts = std::max(1, m_request.maxAttempts.value_or(m_policy.maxAttempts));
    m_secrets = client.secrets();
    for (const QByteArray &secret : std::as_const(m_request.secrets)) {
        if (!m_secrets.contains(secret))
            m_secrets.append(secret);
    }
    m_masker.setSecrets(m_secrets);
    m_retryTimer.setSingleShot(true);
    m_retryTimer.setTimerType(Qt::PreciseTimer); // never earlier than Retry-After
    connect(&m_retryTimer, &QTimer::timeout, this, &HttpJob::attempt);
}

HttpJob::~HttpJob()
{
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
    }
}

QByteArray HttpJob::header(QByteArrayView name) const
{
    for (const auto &[key, value] : m_headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

QJsonDocument HttpJob::json() const
{
    if (!m_json)
        m_json = QJsonDocument::fromJson(m_body);
    return *m_json;
}

RemoteError HttpJob::remoteError() const
{
    RemoteError error = parseRemoteError(m_platform, m_body, m_headers);
    error.message = masked(error.message);
    return error;
}

QString HttpJob::masked(const QString &text) const
{
    if (m_masker.isEmpty() || text.isEmpty())
        return text;
    QByteArrayList lines = text.toUtf8().split('\n');
    for (QByteArray &line : lines)
        line = m_masker.mask(line);
    return QString::fromUtf8(lines.join('\n'));
}

QString HttpJob::describeRequest() const
{
    return masked(QString::fromLatin1(m_request.method) + QLatin1Char(' ') +
                  m_url.toString(QUrl::RemoveQuery | QUrl::RemoveUserInfo | QUrl::RemoveFragment));
}

void HttpJob::doStart()
{
    const QString scheme = m_url.scheme().toLower();
    if (!m_url.isValid() || m_url.host().isEmpty() ||
        (scheme != QLatin1String("http") && scheme != QLatin1String("https"))) {
        fail(makeErrorValue(ErrorCode::Invalid,
                            tr("%1: not an http:// or https:// URL")
                                .arg(masked(QString::fromLatin1(m_request.method) +
                                            QLatin1Char(' ') + m_url.toString()))));
        return;
    }
    attempt();
}

void HttpJob::attempt()
{
    if (isFinished())
        return;
    ++m_attempts;
    m_status = 0;
    m_received = 0;
    m_headers.clear();
    m_body.clear();
    m_json.reset();

    QNetworkRequest request(m_url);
    request.setTransferTimeout(int(std::max<qint64>(m_timeout.count(), 1)));
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::ManualRedirectPolicy);
    for (const auto &[name, value] : std::as_const(m_request.headers))
        request.setRawHeader(name, value);

    QFile *file = nullptr;
    if (!m_request.bodyFile.isEmpty()) {
        file = new QFile(m_request.bodyFile);
        if (!file->open(QIODevice::ReadOnly)) {
            const QString reason = file->errorString();
            delete file;
            fail(makeErrorValue(
                ErrorCode::Io,
                tr("%1: cannot read %2: %3").arg(describeRequest(), m_request.bodyFile, reason)));
            return;
        }
        request.setHeader(QNetworkRequest::ContentLengthHeader, file->size());
    }
    const bool hasBody = file || !m_request.body.isEmpty();
    if (hasBody && !request.hasRawHeader("Content-Type"))
        request.setRawHeader("Content-Type", "application/octet-stream");

    qCDebug(lcNet).noquote() << describeRequest() << "attempt" << m_attempts
                             << masked(QString::fromUtf8(m_request.body.left(kMaxDebugBody)));

    QNetworkAccessManager *network = Internal::threadNetwork();
    const QByteArray verb = m_request.method.toUpper();
    QNetworkReply *reply = nullptr;
    if (file)
        reply = network->sendCustomRequest(request, verb, file);
    else if (verb == "GET" && !hasBody)
        reply = network->get(request);
    else if (verb == "HEAD")
        reply = network->head(request);
    else if (verb == "DELETE" && !hasBody)
        reply = network->deleteResource(request);
    else if (verb == "POST")
        reply = network->post(request, m_request.body);
    else if (verb == "PUT")
        reply = network->put(request, m_request.body);
    else
        reply = network->sendCustomRequest(request, verb, m_request.body);
    if (file)
        file->setParent(reply); // read until the reply is done
    m_reply = reply;
    connect(reply, &QNetworkReply::readyRead, this, &HttpJob::onReadyRead);
    connect(reply, &QNetworkReply::finished, this, &HttpJob::onFinished);
    connect(reply, &QNetworkReply::uploadProgress, this, &HttpJob::uploadProgress);
    connect(reply, &QNetworkReply::downloadProgress, this, &HttpJob::downloadProgress);
}

void HttpJob::onReadyRead()
{
    if (!m_reply)
        return;
    if (!m_reply->isReadable())
        return; // aborted
    if (m_status == 0)
        m_status = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const bool toFile = !m_request.responseFile.isEmpty() && m_status >= 200 && m_status < 300;
    if (!toFile) {
        const QByteArray chunk = m_reply->readAll();
        m_received += chunk.size();
        m_body += chunk;
        return;
    }
    if (!m_responseFile) {
        m_responseFile = new QSaveFile(m_request.responseFile, m_reply);
        if (!m_responseFile->open(QIODevice::WriteOnly)) {
            fail(makeErrorValue(ErrorCode::Io, tr("%1: cannot write %2: %3")
                                                   .arg(describeRequest(), m_request.responseFile,
                                                        m_responseFile->errorString())));
            m_reply->abort();
            return;
        }
    }
    const QByteArray chunk = m_reply->readAll();
    m_received += chunk.size();
    if (m_responseFile->write(chunk) != chunk.size()) {
        fail(makeErrorValue(ErrorCode::Io, tr("%1: cannot write %2: %3")
                                               .arg(describeRequest(), m_request.responseFile,
                                                    m_responseFile->errorString())));
        m_reply->abort();
    }
}

void HttpJob::onFinished()
{
    QNetworkReply *reply = qobject_cast<QNetworkReply *>(sender());
    if (!reply)
        return;
    reply->deleteLater();
    if (reply != m_reply || isFinished())
        return;
    onReadyRead(); // whatever is left
    if (isFinished())
        return;
    m_reply = nullptr;
    const QPointer<QSaveFile> responseFile = m_responseFile;
    m_responseFile = nullptr;
    const auto discardFile = [&] {
        if (responseFile)
            responseFile->cancelWriting();
    };

    const QNetworkReply::NetworkError networkError = reply->error();
    m_status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    m_headers = reply->rawHeaderPairs();
    qCDebug(lcNet).noquote() << describeRequest() << "->" << m_status << networkError
                             << masked(QString::fromUtf8(m_body.left(kMaxDebugBody)));

    // Qt may end a reply whose connection was reset mid-body without an error: a body
    // shorter than its Content-Length is a cut connection all the same.
    const QByteArray length = header("content-length");
    const QByteArray encoding = header("content-encoding").trimmed().toLower();
    const bool cutShort = !isTransportError(networkError, m_status) && !length.isEmpty() &&
                          (encoding.isEmpty() || encoding == "identity") &&
                          m_request.method.toUpper() != "HEAD" && m_status != 204 &&
                          m_status != 304 && m_status >= 200 &&
                          m_received < length.trimmed().toLongLong();

    if (isTransportError(networkError, m_status) || cutShort) {
        discardFile();
        m_status = 0; // no whole answer
        const bool timedOut = networkError == QNetworkReply::OperationCanceledError ||
                              networkError == QNetworkReply::TimeoutError;
        QString what;
        if (cutShort) {
            what = tr("the answer was cut short (%1 of %2 bytes)")
                       .arg(m_received)
                       .arg(QString::fromLatin1(length.trimmed()));
        } else if (networkError == QNetworkReply::ConnectionRefusedError) {
            what = tr("connection refused");
        } else if (networkError == QNetworkReply::RemoteHostClosedError) {
            what = tr("the server closed the connection");
        } else if (networkError == QNetworkReply::HostNotFoundError) {
            what = tr("host %1 not found").arg(m_url.host());
        } else {
            what = timedOut ? tr("no answer within %1").arg(formatDuration(m_timeout))
                            : reply->errorString();
        }
        const bool hopeless = networkError == QNetworkReply::HostNotFoundError ||
                              networkError == QNetworkReply::SslHandshakeFailedError ||
                              networkError == QNetworkReply::ProtocolUnknownError;
        // Refused: nothing was sent, so even a POST may go again.
        const bool retry = !hopeless && (m_request.isIdempotent() ||
                                         networkError == QNetworkReply::ConnectionRefusedError);
        Error error = makeErrorValue(timedOut ? ErrorCode::Timeout : ErrorCode::Network,
                                     tr("%1: %2").arg(describeRequest(), what));
        if (retry && retryOrFail(what, m_policy.backoff(m_attempts)))
            return;
        fail(std::move(error));
        return;
    }

    if (isRedirect(m_status) && m_request.followRedirects) {
        discardFile();
        followRedirect();
        return;
    }
    if (m_status >= 200 && m_status < 400) {
        finishSuccess(responseFile);
        return;
    }

    discardFile();
    const ErrorCode code = errorCodeForStatus(m_status, m_headers);
    const bool rateLimited = code == ErrorCode::RateLimited;
    if (rateLimited || (m_request.isIdempotent() && isRetriedStatus(m_status))) {
        std::optional<milliseconds> wait = parseRetryAfter(header("retry-after"));
        if (!wait && header("x-ratelimit-remaining").trimmed() == "0") {
            bool ok = false;
            const qint64 reset = header("x-ratelimit-reset").trimmed().toLongLong(&ok);
            if (ok)
                wait = milliseconds(
                    std::max<qint64>((reset - QDateTime::currentSecsSinceEpoch() + 1) * 1000, 0));
        }
        if (wait && *wait > m_policy.maxRetryAfter) {
            Error error = httpError();
            error.message +=
                tr(" (asked to wait %1, more than the %2 allowed)")
                    .arg(formatDuration(*wait), formatDuration(m_policy.maxRetryAfter));
            fail(std::move(error));
            return;
        }
        milliseconds delay = wait.value_or(m_policy.backoff(m_attempts));
        if (!wait && rateLimited)
            delay = std::max(delay, m_policy.rateLimitFloor);
        if (retryOrFail(QString::number(m_status), delay))
            return;
    }
    fail(httpError());
}

bool HttpJob::retryOrFail(const QString &what, milliseconds delay)
{
    if (m_attempts >= m_maxAttempts)
        return false;
    emit logLine(masked(
        tr("%1 from %2, retrying in %3 (attempt %4 of %5)")
            .arg(what,
                 m_url.port() < 0 ? m_url.host()
                                  : m_url.host() + QLatin1Char(':') + QString::number(m_url.port()),
                 formatDuration(delay))
            .arg(m_attempts + 1)
            .arg(m_maxAttempts)));
    m_retryTimer.start(delay);
    return true;
}

void HttpJob::followRedirect()
{
    const QByteArray location = header("location");
    const QUrl target = m_url.resolved(QUrl::fromEncoded(location));
    const QString scheme = target.scheme().toLower();
    QString problem;
    if (location.isEmpty() || !target.isValid())
        problem = tr("answered %1 without a valid Location").arg(m_status);
    else if (++m_redirects > kMaxRedirects)
        problem = tr("more than %1 redirects").arg(kMaxRedirects);
    else if (scheme != QLatin1String("http") && scheme != QLatin1String("https"))
        problem = tr("redirected to a %1: URL").arg(scheme);
    else if (m_url.scheme().toLower() == QLatin1String("https") && scheme == QLatin1String("http"))
        problem = tr("redirected from https to http (refused)");
    if (!problem.isEmpty()) {
        fail(makeErrorValue(ErrorCode::Remote, tr("%1: %2").arg(describeRequest(), problem)));
        return;
    }
    if (!sameOrigin(m_url, target)) {
        // A token never follows a redirect to someone else (GitHub's log links).
        m_request.headers.removeIf([this](const HttpRequest::Header &h) {
            return h.first.compare("authorization", Qt::CaseInsensitive) == 0 ||
                   m_secrets.contains(h.second) ||
                   std::any_of(m_secrets.cbegin(), m_secrets.cend(),
                               [&](const QByteArray &s) { return h.second.contains(s); });
        });
    }
    const QByteArray verb = m_request.method.toUpper();
    if (m_status == 303 || ((m_status == 301 || m_status == 302) && verb == "POST")) {
        m_request.method = verb == "HEAD" ? "HEAD" : "GET";
        m_request.body.clear();
        m_request.bodyFile.clear();
        m_request.headers.removeIf([](const HttpRequest::Header &h) {
            return h.first.compare("content-type", Qt::CaseInsensitive) == 0 ||
                   h.first.compare("content-length", Qt::CaseInsensitive) == 0;
        });
    }
    qCDebug(lcNet).noquote() << describeRequest() << "redirected to"
                             << masked(target.toString(QUrl::RemoveUserInfo));
    m_url = target;
    --m_attempts; // a redirect is not a new attempt
    attempt();
}

void HttpJob::finishSuccess(QSaveFile *responseFile)
{
    if (!m_request.responseFile.isEmpty() && m_status < 300) {
        // An empty answer still makes the file.
        QSaveFile empty(m_request.responseFile);
        QSaveFile *file = responseFile;
        if (!file) {
            file = &empty;
            file->open(QIODevice::WriteOnly);
        }
        if (!file->commit()) {
            fail(makeErrorValue(ErrorCode::Io, tr("%1: cannot write %2: %3")
                                                   .arg(describeRequest(), m_request.responseFile,
                                                        file->errorString())));
            return;
        }
    }
    const QByteArray contentType = header("content-type").toLower();
    const bool isJson =
        m_request.expectJson || contentType.contains("/json") || contentType.contains("+json");
    if (isJson && !m_request.rawBody && m_request.responseFile.isEmpty() &&
        !m_body.trimmed().isEmpty()) {
        QJsonParseError parseError;
        m_json = QJsonDocument::fromJson(m_body, &parseError);
        if (parseError.error != QJsonParseError::NoError) {
            Error error = makeErrorValue(
                ErrorCode::Remote, tr("%1: HTTP %2 with an answer that is not valid JSON (%3 at "
                                      "offset %4)")
                                       .arg(describeRequest())
                                       .arg(m_status)
                                       .arg(parseError.errorString())
                                       .arg(parseError.offset));
            error.detail = masked(QString::fromUtf8(m_body.left(kMaxDetail)));
            fail(std::move(error));
            return;
        }
    }
    emitSuccess();
}

Error HttpJob::httpError() const
{
    const RemoteError remote = remoteError();
    const ErrorCode code = errorCodeForStatus(m_status, m_headers);
    QString said = remote.message;
    if (said.isEmpty())
        said = code == ErrorCode::Unauthorized ? tr("the credentials were refused")
                                               : tr("no details in the answer");
    QStringList notes;
    if (!remote.code.isEmpty() && remote.code != said)
        notes << remote.code;
    if (!remote.requestId.isEmpty())
        notes << tr("request id %1").arg(remote.requestId);
    if (m_attempts > 1)
        notes << tr("%n attempts", nullptr, m_attempts);
    QString message = tr("%1: HTTP %2: %3").arg(describeRequest()).arg(m_status).arg(said);
    if (!notes.isEmpty())
        message += QStringLiteral(" (") + notes.join(QStringLiteral("; ")) + QLatin1Char(')');
    if (code == ErrorCode::Unauthorized && !m_authHint.isEmpty())
        message += tr("; check %1").arg(m_authHint);
    return makeErrorValue(code, masked(message),
                          masked(QString::fromUtf8(m_body.left(kMaxDetail))));
}

void HttpJob::fail(Error error)
{
    emitFailure(std::move(error));
}

void HttpJob::doCancel()
{
    m_retryTimer.stop();
    emitCancelled(); // first, so the aborted reply's finished() finds the job ended
    if (m_reply) {
        m_reply->abort();
    }
}

} // namespace DeployDesk
