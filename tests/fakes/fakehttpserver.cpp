#include "fakes/fakehttpserver.h"

#include <QPointer>
#include <QTcpSocket>
#include <QTimer>

#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <unistd.h>

namespace DeployDesk::Test {

namespace {

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 201:
        return "Created";
    case 202:
        return "Accepted";
    case 204:
        return "No Content";
    case 301:
        return "Moved Permanently";
    case 302:
        return "Found";
    case 303:
        return "See Other";
    case 304:
        return "Not Modified";
    case 307:
        return "Temporary Redirect";
    case 308:
        return "Permanent Redirect";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 408:
        return "Request Timeout";
    case 409:
        return "Conflict";
    case 422:
        return "Unprocessable Entity";
    case 429:
        return "Too Many Requests";
    case 500:
        return "Internal Server Error";
    case 502:
        return "Bad Gateway";
    case 503:
        return "Service Unavailable";
    case 504:
        return "Gateway Timeout";
    default:
        return "Status";
    }
}

bool hasBodyStatus(int status)
{
    return status >= 200 && status != 204 && status != 304;
}

QString decodeSegment(const QByteArray &segment)
{
    return QUrl::fromPercentEncoding(segment);
}

} // namespace

QByteArray FakeRequest::header(QByteArrayView name) const
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

FakeResponse FakeResponse::json(const QJsonObject &object, int status)
{
    return text(QJsonDocument(object).toJson(QJsonDocument::Compact), status, "application/json");
}

FakeResponse FakeResponse::jsonArray(const QJsonArray &array, int status)
{
    return text(QJsonDocument(array).toJson(QJsonDocument::Compact), status, "application/json");
}

FakeResponse FakeResponse::text(const QByteArray &text, int status, const QByteArray &contentType)
{
    FakeResponse response;
    response.status = status;
    response.body = text;
    response.headers.append({"Content-Type", contentType});
    return response;
}

FakeResponse FakeResponse::empty(int status)
{
    FakeResponse response;
    response.status = status;
    return response;
}

FakeResponse FakeResponse::tooManyRequests(int retryAfterSeconds, const QJsonObject &body)
{
    FakeResponse response =
        json(body.isEmpty() ? QJsonObject{{"message", "rate limited"}} : body, 429);
    response.headers.append({"Retry-After", QByteArray::number(retryAfterSeconds)});
    return response;
}

FakeResponse FakeResponse::faulty(Fault fault)
{
    FakeResponse response;
    response.fault = fault;
    return response;
}

// One accepted connection: reads requests one after the other (keep-alive), answers each.
class FakeHttpServer::Connection final : public QObject
{
public:
    Connection(FakeHttpServer *server, QTcpSocket *socket, int id)
        : QObject(server)
        , m_server(server)
        , m_socket(socket)
        , m_id(id)
    {
        socket->setParent(this);
        connect(socket, &QTcpSocket::readyRead, this, &Connection::process);
        connect(socket, &QTcpSocket::disconnected, this, &QObject::deleteLater);
    }

    void reset()
    {
        // SO_LINGER 0: closing sends a TCP RST instead of a FIN.
        const qintptr fd = m_socket->socketDescriptor();
        if (fd >= 0) {
            const linger option{1, 0};
            ::setsockopt(int(fd), SOL_SOCKET, SO_LINGER, &option, sizeof option);
        }
        m_socket->abort();
        deleteLater();
    }

    void close()
    {
        m_socket->abort();
        deleteLater();
    }

private:
    enum class State { Head, Body, Chunks, Busy };

    void process()
    {
        m_buffer += m_socket->readAll();
        while (m_state != State::Busy) {
            if (m_state == State::Head && !readHead())
                return;
            if (m_state == State::Body && !readBody())
                return;
            if (m_state == State::Chunks && !readChunks())
                return;
        }
    }

    bool readHead()
    {
        const qsizetype end = m_buffer.indexOf("\r\n\r\n");
        if (end < 0)
            return false;
        const QList<QByteArray> lines = m_buffer.left(end).split('\n');
        m_buffer.remove(0, end + 4);
        m_request = FakeRequest{};
        m_request.connection = m_id;
        const QList<QByteArray> first = lines.value(0).trimmed().split(' ');
        m_request.method = first.value(0);
        m_request.target = first.value(1);
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const QByteArray line = lines.at(i).trimmed();
            const qsizetype colon = line.indexOf(':');
            if (colon > 0)
                m_request.headers.append(
                    {line.left(colon).trimmed(), line.mid(colon + 1).trimmed()});
        }
        const qsizetype q = m_request.target.indexOf('?');
        const QByteArray rawPath = q < 0 ? m_request.target : m_request.target.left(q);
        m_request.path = QUrl::fromPercentEncoding(rawPath);
        m_request.query =
            QUrlQuery(q < 0 ? QString() : QString::fromLatin1(m_request.target.mid(q + 1)));
        m_rawPath = rawPath;

        if (m_request.header("expect").toLower() == "100-continue")
            m_socket->write("HTTP/1.1 100 Continue\r\n\r\n");
        const bool chunked = m_request.header("transfer-encoding").toLower().contains("chunked");
        m_remaining = chunked ? 0 : m_request.header("content-length").toLongLong();
        m_resetAfter = -1;
        if ((chunked || m_remaining > 0) && m_server->m_bodyResets > 0) {
            --m_server->m_bodyResets;
            m_resetAfter = m_server->m_bodyResetAfter;
        }
        m_state = chunked ? State::Chunks : State::Body;
        return true;
    }

    bool bodyResetDue()
    {
        if (m_resetAfter < 0 || m_request.body.size() + m_buffer.size() < m_resetAfter)
            return false;
        m_request.body += m_buffer.left(m_resetAfter - m_request.body.size());
        m_request.receivedNs = m_server->nowNs();
        m_request.index = m_server->record(m_request);
        m_state = State::Busy;
        reset();
        return true;
    }

    bool readBody()
    {
        if (bodyResetDue())
            return false;
        const qsizetype take = qsizetype(std::min<qint64>(m_remaining, m_buffer.size()));
        m_request.body += m_buffer.left(take);
        m_buffer.remove(0, take);
        m_remaining -= take;
        if (m_remaining > 0)
            return false;
        complete();
        return true;
    }

    bool readChunks()
    {
        if (bodyResetDue())
            return false;
        for (;;) {
            const qsizetype lineEnd = m_buffer.indexOf("\r\n");
            if (lineEnd < 0)
                return false;
            bool ok = false;
            const qint64 size =
                m_buffer.left(lineEnd).split(';').value(0).trimmed().toLongLong(&ok, 16);
            if (!ok) {
                close();
                m_state = State::Busy;
                return false;
            }
            if (size == 0) { // last chunk, then (no) trailers and an empty line
                const qsizetype end = m_buffer.indexOf("\r\n\r\n", lineEnd);
                if (end < 0 && m_buffer.size() < lineEnd + 4)
                    return false;
                m_buffer.remove(0, end < 0 ? lineEnd + 4 : end + 4);
                complete();
                return true;
            }
            if (m_buffer.size() < lineEnd + 2 + size + 2)
                return false;
            m_request.body += m_buffer.mid(lineEnd + 2, size);
            m_buffer.remove(0, lineEnd + 2 + size + 2);
        }
    }

    void complete()
    {
        m_request.receivedNs = m_server->nowNs();
        m_state = State::Busy;
        m_request.index = int(m_server->m_requests.size());
        const FakeResponse response = m_server->dispatch(m_request, m_rawPath);
        const int index = m_server->record(m_request);
        emit m_server->requestReceived(m_request);
        if (response.delay.count() > 0) {
            // The delay counts from the request's arrival, as a network's latency does: the
            // time this one thread spent making the answer is not added to it (a real server
            // makes concurrent answers in parallel).
            using namespace std::chrono;
            const auto spent =
                duration_cast<milliseconds>(nanoseconds(m_server->nowNs() - m_request.receivedNs));
            QTimer::singleShot(std::max(response.delay - spent, milliseconds(0)), Qt::PreciseTimer,
                               this, [this, response, index] { answer(response, index); });
            return;
        }
        answer(response, index);
    }

    void answer(const FakeResponse &response, int index)
    {
        using Fault = FakeResponse::Fault;
        if (response.fault == Fault::NeverAnswer)
            return; // Busy for ever
        if (response.fault == Fault::ResetBeforeAnswer) {
            m_server->markAnswered(index);
            reset();
            return;
        }
        const bool head = m_request.method == "HEAD";
        const bool close = m_request.header("connection").toLower() == "close";
        QByteArray out = "HTTP/1.1 " + QByteArray::number(response.status) + ' ' +
                         reasonPhrase(response.status) + "\r\n";
        bool hasLength = false;
        for (const auto &[name, value] : response.headers) {
            hasLength = hasLength || name.compare("content-length", Qt::CaseInsensitive) == 0;
            out += name + ": " + value + "\r\n";
        }
        if (response.chunked && hasBodyStatus(response.status))
            out += "Transfer-Encoding: chunked\r\n";
        else if (!hasLength && hasBodyStatus(response.status))
            out += "Content-Length: " + QByteArray::number(response.body.size()) + "\r\n";
        out += close ? "Connection: close\r\n\r\n" : "Connection: keep-alive\r\n\r\n";
        QByteArray body = head || !hasBodyStatus(response.status) ? QByteArray() : response.body;
        if (response.chunked && !body.isEmpty())
            body = QByteArray::number(body.size(), 16) + "\r\n" + body + "\r\n0\r\n\r\n";
        else if (response.chunked && hasBodyStatus(response.status) && !head)
            body = "0\r\n\r\n";

        if (response.fault == Fault::ResetMidBody || response.fault == Fault::StallMidBody) {
            m_socket->write(out + body.left(body.size() / 2));
            m_socket->flush();
            m_server->markAnswered(index);
            if (response.fault == Fault::ResetMidBody) {
                // Let the head and half body leave before the reset.
                QTimer::singleShot(50, this, &Connection::reset);
            }
            return; // stalled: Busy for ever
        }
        m_socket->write(out + body);
        m_server->markAnswered(index);
        if (close) {
            m_socket->disconnectFromHost();
            return;
        }
        m_state = State::Head;
        if (!m_buffer.isEmpty())
            QTimer::singleShot(0, this, &Connection::process);
    }

    FakeHttpServer *m_server;
    QTcpSocket *m_socket;
    int m_id;
    State m_state = State::Head;
    QByteArray m_buffer;
    FakeRequest m_request;
    QByteArray m_rawPath;
    qint64 m_remaining = 0;
    qint64 m_resetAfter = -1;
};

FakeHttpServer::FakeHttpServer(QObject *parent)
    : QObject(parent)
{
    m_clock.start();
    m_fallback = [](const FakeRequest &request) {
        return FakeResponse::json(
            QJsonObject{{"error", QStringLiteral("no route for %1 %2")
                                      .arg(QString::fromLatin1(request.method), request.path)}},
            404);
    };
    connect(&m_server, &QTcpServer::newConnection, this, &FakeHttpServer::accept);
}

FakeHttpServer::~FakeHttpServer() = default;

bool FakeHttpServer::listen(quint16 port)
{
    if (m_segmentSize <= 0)
        return m_server.listen(QHostAddress::LocalHost, port);
    // TCP_MAXSEG has to be set before listen() to be announced; accepted sockets inherit it.
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return false;
    const int one = 1;
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(port);
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one) != 0 ||
        ::setsockopt(fd, IPPROTO_TCP, TCP_MAXSEG, &m_segmentSize, sizeof m_segmentSize) != 0 ||
        ::bind(fd, reinterpret_cast<const sockaddr *>(&address), sizeof address) != 0 ||
        ::listen(fd, SOMAXCONN) != 0 || !m_server.setSocketDescriptor(fd)) {
        ::close(fd);
        return false;
    }
    return true;
}

QUrl FakeHttpServer::url(const QString &path) const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(port()).arg(path));
}

void FakeHttpServer::on(const QByteArray &method, const QString &pattern, Handler handler)
{
    m_routes.append({method.toUpper(), pattern.split(QLatin1Char('/')), std::move(handler)});
}

void FakeHttpServer::enqueue(const FakeResponse &response, int times)
{
    for (int i = 0; i < times; ++i)
        m_queue.append(response);
}

void FakeHttpServer::resetDuringRequestBody(int times, qint64 afterBytes)
{
    m_bodyResets = times;
    m_bodyResetAfter = std::max<qint64>(afterBytes, 0);
}

int FakeHttpServer::requestCount(const QString &path) const
{
    return int(std::count_if(m_requests.cbegin(), m_requests.cend(),
                             [&](const FakeRequest &r) { return r.path == path; }));
}

void FakeHttpServer::closeConnections()
{
    for (Connection *connection : findChildren<Connection *>(Qt::FindDirectChildrenOnly))
        connection->close();
}

void FakeHttpServer::accept()
{
    while (QTcpSocket *socket = m_server.nextPendingConnection())
        new Connection(this, socket, ++m_connections);
}

FakeResponse FakeHttpServer::dispatch(FakeRequest &request, const QByteArray &rawPath)
{
    if (!m_queue.isEmpty())
        return m_queue.takeFirst();
    const QList<QByteArray> segments = rawPath.split('/');
    for (const Route &route : std::as_const(m_routes)) {
        if (route.method != request.method.toUpper() || route.segments.size() != segments.size())
            continue;
        QHash<QString, QString> params;
        bool match = true;
        for (qsizetype i = 0; i < segments.size() && match; ++i) {
            const QString &want = route.segments.at(i);
            const QString have = decodeSegment(segments.at(i));
            if (want.startsWith(QLatin1Char('{')) && want.endsWith(QLatin1Char('}')))
                params.insert(want.mid(1, want.size() - 2), have);
            else
                match = want == have;
        }
        if (match) {
            request.params = params;
            return route.handler(request);
        }
    }
    return m_fallback(request);
}

int FakeHttpServer::record(const FakeRequest &request)
{
    FakeRequest copy = request;
    copy.index = int(m_requests.size());
    m_requests.append(copy);
    return copy.index;
}

void FakeHttpServer::markAnswered(int index)
{
    if (index >= 0 && index < m_requests.size())
        m_requests[index].answeredNs = nowNs();
}

} // namespace DeployDesk::Test
