// The fake HTTP server the platform fakes build on: what it parses (keep-alive, chunked
// request bodies, Expect: 100-continue), routes and records, and its faults as a real client
// sees them.
#include "fakes/fakehttpserver.h"

#include "net/httpclient.h"
#include "net/httpjob.h"

#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>

#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>

using namespace DeployDesk;
using namespace DeployDesk::Test;

class TestFakeHttpServer : public QObject
{
    Q_OBJECT

    // Sends raw bytes on one connection and reads until `answers` complete answers arrived.
    static QByteArray exchange(QTcpSocket &socket, const QByteArray &bytes, int answers)
    {
        socket.write(bytes);
        QByteArray in;
        const auto complete = [&] {
            int found = 0;
            qsizetype at = 0;
            while (true) {
                const qsizetype head = in.indexOf("\r\n\r\n", at);
                if (head < 0)
                    break;
                const qsizetype lengthAt = in.indexOf("Content-Length: ", at);
                const qint64 length =
                    lengthAt >= 0 && lengthAt < head
                        ? in.mid(lengthAt + 16, in.indexOf("\r\n", lengthAt) - lengthAt - 16)
                              .toLongLong()
                        : 0;
                if (in.size() < head + 4 + length)
                    break;
                at = head + 4 + length;
                ++found;
            }
            return found >= answers;
        };
        if (!QTest::qWaitFor([&] { return (in += socket.readAll(), complete()); }, 10000))
            qWarning("timed out waiting for %d answers", answers);
        return in;
    }

private slots:
    void keepAliveChunkedAndContinue()
    {
        FakeHttpServer server;
        QVERIFY(server.listen());
        server.on("POST", "/echo", [](const FakeRequest &r) { return FakeResponse::text(r.body); });
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, server.port());
        QVERIFY(socket.waitForConnected(5000));
        const QByteArray out =
            exchange(socket,
                     "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhello"
                     "POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
                     "3\r\nabc\r\n4;ext=1\r\ndefg\r\n0\r\n\r\n",
                     2);
        QVERIFY2(out.contains("\r\n\r\nhello") && out.contains("\r\n\r\nabcdefg"), out.constData());
        QCOMPARE(server.requestCount(), 2);
        QCOMPARE(server.connectionCount(), 1);
        QCOMPARE(server.requests().at(1).body, QByteArray("abcdefg"));

        const QByteArray continued = exchange(
            socket, "POST /echo HTTP/1.1\r\nExpect: 100-continue\r\nContent-Length: 2\r\n\r\nok",
            2);
        QVERIFY(continued.startsWith("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK"));
    }

    void routesParamsAndFallback()
    {
        FakeHttpServer server;
        QVERIFY(server.listen());
        server.on("GET", "/collections/{name}/points/{id}", [](const FakeRequest &r) {
            return FakeResponse::json({{"name", r.params.value("name")},
                                       {"id", r.params.value("id")},
                                       {"wait", r.query.queryItemValue("wait")}});
        });
        HttpClient client(Platform::Generic, server.url());
        client.setRetryPolicy(RetryPolicy::none());
        HttpJob *job =
            client.send(HttpRequest::get(QUrl("/collections/my%20docs/points/42?wait=true")), this);
        QSignalSpy done(job, &Job::result);
        job->start();
        QVERIFY(done.wait(10000));
        QCOMPARE(job->jsonObject().value("name").toString(), "my docs");
        QCOMPARE(job->jsonObject().value("id").toString(), "42");
        QCOMPARE(job->jsonObject().value("wait").toString(), "true");
        QCOMPARE(server.requests().at(0).path, "/collections/my docs/points/42");

        HttpJob *missing = client.send(HttpRequest::get(QUrl("/nope")), this);
        QSignalSpy missingDone(missing, &Job::result);
        missing->start();
        QVERIFY(missingDone.wait(10000));
        QCOMPARE(missing->status(), 404);
        QVERIFY(missing->error().message.contains("no route for GET /nope"));
    }

    void chunkedAnswerDelayAndOrder()
    {
        FakeHttpServer server;
        QVERIFY(server.listen());
        FakeResponse chunked = FakeResponse::json({{"big", QString(5000, 'y')}});
        chunked.chunked = true;
        server.enqueue(chunked.withDelay(std::chrono::milliseconds(20)));
        HttpClient client(Platform::Generic, server.url());
        HttpJob *job = client.send(HttpRequest::get(QUrl("/x")), this);
        QSignalSpy done(job, &Job::result);
        job->start();
        QVERIFY(done.wait(10000));
        QCOMPARE(job->outcome(), Job::Outcome::Success);
        QCOMPARE(job->jsonObject().value("big").toString().size(), 5000);
        const FakeRequest request = server.requests().at(0);
        QVERIFY(request.answeredNs - request.receivedNs >= 20'000'000); // the delay, on its clock
    }

    // The segment size a client's connection sends with: loopback's own (~64 KB) by default,
    // an Ethernet path's when the server announces one; a body of many segments still arrives
    // whole.
    void segmentSizeAsOnAPathOverEthernet()
    {
        const auto clientSegment = [](FakeHttpServer &server) {
            QTcpSocket socket;
            socket.connectToHost(QHostAddress::LocalHost, server.port());
            if (!socket.waitForConnected(5000))
                return -1;
            int mss = 0;
            socklen_t size = sizeof mss;
            if (::getsockopt(int(socket.socketDescriptor()), IPPROTO_TCP, TCP_MAXSEG, &mss, &size))
                return -1;
            return mss;
        };
        FakeHttpServer loopback;
        QVERIFY(loopback.listen());
        QVERIFY2(clientSegment(loopback) > 1448, "loopback's own segments are larger");

        FakeHttpServer server;
        server.setSegmentSize(1448);
        QVERIFY(server.listen());
        const int mss = clientSegment(server);
        QVERIFY2(mss > 0 && mss <= 1448, qPrintable(QString::number(mss)));

        server.on("POST", "/echo", [](const FakeRequest &r) { return FakeResponse::text(r.body); });
        HttpClient client(Platform::Generic, server.url());
        HttpRequest request = HttpRequest::post(QUrl("/echo"));
        request.body = QByteArray(200'000, 'x');
        HttpJob *job = client.send(std::move(request), this);
        QSignalSpy done(job, &Job::result);
        job->start();
        QVERIFY(done.wait(10000));
        QCOMPARE(job->outcome(), Job::Outcome::Success);
        QCOMPARE(job->body().size(), 200'000);
    }
};

QTEST_GUILESS_MAIN(TestFakeHttpServer)
#include "tst_fakehttpserver.moc"
