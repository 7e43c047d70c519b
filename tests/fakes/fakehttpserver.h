#pragma once

// FakeHttpServer: a small HTTP/1.1 server on 127.0.0.1 for tests, the base of the contract
// fakes (tests/fakes/<platform>…) that stand in for Vercel, Railway, Cohere, Qdrant and
// GitHub. Generic: it knows nothing of any platform.
//
// - HTTP/1.1 with keep-alive (several requests per connection, in order), Content-Length and
//   chunked request bodies, `Connection: close`, `Expect: 100-continue`.
// - Routes: on("GET", "/v13/deployments/{id}", handler); `{name}` matches one path segment
//   and lands in FakeRequest::params. A request no route matches gets the fallback
//   (setFallback(); default: 404 with {"error":"no route for GET /x"}).
// - Every request is recorded (requests(), requestCount()) with the time it arrived and the
//   time its answer was written, on one monotonic clock: tests assert orderings with them
//   ("the retry came at least 1s after the 429"), never the client's speed.
// - Faults: a FakeResponse can be delayed, never answered (timeouts), cut mid-body with a
//   TCP reset, or answered with anything (5xx, malformed JSON, 429 + Retry-After).
//   enqueue() puts responses in front of the routes for the next requests (whatever they
//   are): "503 twice, then the real answer". resetDuringRequestBody() cuts the connection
//   while the client is still sending a body.
//
//   FakeHttpServer server;
//   QVERIFY(server.listen());
//   server.on("GET", "/v1/items/{id}", [](const FakeRequest &r) {
//       return FakeResponse::json(QJsonObject{{"id", r.params.value("id")}});
//   });
//   server.enqueue(FakeResponse::empty(503), 2);
//   … client.setBaseUrl(server.url()) …
//   QCOMPARE(server.requestCount("/v1/items/7"), 3);

#include <QByteArray>
#include <QElapsedTimer>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QTcpServer>
#include <QUrl>
#include <QUrlQuery>

#include <chrono>
#include <functional>
#include <utility>

namespace DeployDesk::Test {

using FakeHeader = std::pair<QByteArray, QByteArray>;

struct FakeRequest
{
    QByteArray method;
    QString path; // decoded, without the query
    QUrlQuery query;
    QByteArray target; // the request target as sent ("/v1/x?y=1")
    QList<FakeHeader> headers;
    QByteArray body;
    QHash<QString, QString> params; // {name} segments of the matched route
    int connection = 0;             // 1, 2, … per accepted connection
    int index = 0;                  // 0-based order of arrival over the server's life
    qint64 receivedNs = 0;          // when the whole request had arrived (server clock)
    qint64 answeredNs = 0;          // when its answer was written (0: not answered)

    QByteArray header(QByteArrayView name) const; // case-insensitive; empty when absent
    QJsonDocument json() const { return QJsonDocument::fromJson(body); }
    QJsonObject jsonObject() const { return json().object(); }
};

struct FakeResponse
{
    enum class Fault {
        None,
        NeverAnswer,       // keep the connection open, say nothing (client timeouts)
        ResetBeforeAnswer, // reset the connection instead of answering
        ResetMidBody,      // send the head and half the body, then reset
        StallMidBody,      // send the head and half the body, then say nothing more
    };

    int status = 200;
    QList<FakeHeader> headers;
    QByteArray body;
    std::chrono::milliseconds delay{0}; // answer this long after the request arrived
    Fault fault = Fault::None;
    bool chunked = false; // send the body with Transfer-Encoding: chunked

    static FakeResponse json(const QJsonObject &object, int status = 200);
    static FakeResponse jsonArray(const QJsonArray &array, int status = 200);
    static FakeResponse text(const QByteArray &text, int status = 200,
                             const QByteArray &contentType = "text/plain; charset=utf-8");
    static FakeResponse empty(int status); // no body
    // 429 with Retry-After: <seconds> and a JSON body.
    static FakeResponse tooManyRequests(int retryAfterSeconds, const QJsonObject &body = {});
    static FakeResponse faulty(Fault fault);

    FakeResponse &withHeader(const QByteArray &name, const QByteArray &value)
    {
        headers.append({name, value});
        return *this;
    }
    FakeResponse &withDelay(std::chrono::milliseconds wait)
    {
        delay = wait;
        return *this;
    }
    FakeResponse &withFault(Fault what)
    {
        fault = what;
        return *this;
    }
};

class FakeHttpServer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FakeHttpServer)

public:
    using Handler = std::function<FakeResponse(const FakeRequest &)>;

    explicit FakeHttpServer(QObject *parent = nullptr);
    ~FakeHttpServer() override;

    // Listens on 127.0.0.1, on a free port unless one is given.
    bool listen(quint16 port = 0);
    // Before listen(): TCP segments of at most `bytes` on its connections, both ways (the
    // MSS the server announces), as on a path over Ethernet (1448) rather than loopback's
    // 64 KB. On loopback every segment of a request body is "small", so a client that
    // writes a request in several writes without TCP_NODELAY (Qt's HTTP client does) waits
    // on Nagle for the server's delayed ACK, ~40 ms a request, which a real path does not
    // have (docs/benchmarks.md §9). 0 (the default): the system's.
    void setSegmentSize(int bytes) { m_segmentSize = bytes; }
    quint16 port() const { return m_server.serverPort(); }
    // http://127.0.0.1:<port> + path.
    QUrl url(const QString &path = {}) const;

    // Routes are tried in the order added; `pattern` segments like {id} match one segment.
    void on(const QByteArray &method, const QString &pattern, Handler handler);
    void setFallback(Handler handler) { m_fallback = std::move(handler); }
    // The next `times` requests (any route) get `response` instead of their route's answer.
    void enqueue(const FakeResponse &response, int times = 1);
    // The next `times` requests that carry a body get their connection reset after the head
    // and `afterBytes` of the body arrived; they are recorded (with the partial body) but
    // never reach a handler.
    void resetDuringRequestBody(int times = 1, qint64 afterBytes = 1);

    QList<FakeRequest> requests() const { return m_requests; }
    int requestCount() const { return int(m_requests.size()); }
    int requestCount(const QString &path) const;
    int connectionCount() const { return m_connections; }
    void clearRequests() { m_requests.clear(); }
    // Nanoseconds on the clock requests are stamped with.
    qint64 nowNs() const { return m_clock.nsecsElapsed(); }

    // Closes every open connection (including those kept waiting by NeverAnswer).
    void closeConnections();

signals:
    void requestReceived(const DeployDesk::Test::FakeRequest &request);

private:
    struct Route
    {
        QByteArray method;
        QStringList segments;
        Handler handler;
    };
    class Connection;
    friend class Connection;

    void accept();
    FakeResponse dispatch(FakeRequest &request, const QByteArray &rawPath);
    int record(const FakeRequest &request);
    void markAnswered(int index);

    QTcpServer m_server;
    QElapsedTimer m_clock;
    QList<Route> m_routes;
    Handler m_fallback;
    QList<FakeResponse> m_queue;
    int m_bodyResets = 0;
    qint64 m_bodyResetAfter = 1;
    int m_segmentSize = 0;
    QList<FakeRequest> m_requests;
    int m_connections = 0;
};

} // namespace DeployDesk::Test
