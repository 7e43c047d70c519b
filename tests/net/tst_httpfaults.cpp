// What HttpJob does when the network or the platform misbehaves: timeouts, 5xx, 429 with
// Retry-After, connections reset mid-answer or mid-upload, malformed JSON, cancellation.
// Orderings are checked on the fake server's clock, never the client's speed.
#include "nettestutil.h"

#include "net/httpjob.h"

#include <QTcpServer>

using namespace DeployDesk;
using namespace DeployDesk::Test;
using namespace std::chrono_literals;

namespace {
FakeResponse okJson()
{
    return FakeResponse::json({{"ok", true}, {"padding", QString(2000, 'x')}});
}
} // namespace

class TestHttpFaults : public QObject
{
    Q_OBJECT

private slots:
    void silentServerTimesOut()
    {
        FakeHttpServer server;
        QVERIFY(server.listen());
        server.setFallback([](const FakeRequest &) {
            return FakeResponse::faulty(FakeResponse::Fault::NeverAnswer);
        });
        HttpClient client = clientFor(server);
        client.setRetryPolicy(RetryPolicy::none());
        client.setTimeout(300ms);
        HttpJob *job = client.send(HttpRequest::get(QUrl("/slow")), this);
        QVERIFY(runJob(job));
        QCOMPARE(job->outcome(), Job::Outcome::Failed);
        QCOMPARE(job->error().code, ErrorCode::Timeout);
        QCOMPARE(job->error().message,
                 QString("GET %1: no answer within 300 ms").arg(server.url("/slow").toString()));
        QCOMPARE(job->status(), 0);
    }

    // A transfer that starts and then stalls also times out (the timeout is per silence).
    void stallMidBodyTimesOutAndIsRetried()
    {
        FakeHttpServer server;
        QVERIFY(server.listen());
        server.enqueue(okJson().withFault(FakeResponse::Fault::StallMidBody));
        server.setFallback([](const FakeRequest &) { return okJson(); });
        HttpClient client = clientFor(server);
        client.setTimeout(300ms);
        QStringList log;
        HttpJob *job = client.send(HttpRequest::get(QUrl("/stall")), this);
        QVERIFY(runJob(job, &log));
        QCOMPARE(job->outcome(), Job::Outcome::Success);
        QCOMPARE(server.requestCount(), 2);
        QVERIFY2(log.value(0).startsWith("no answer within 300 ms from 127.0.0.1:"),
                 qPrintable(log.join('\n')));
    }

    void getIsRetriedOn503ThenSucceeds()
    {
        FakeHttpServer server;
        QVERIFY(server.listen());
        server.enqueue(FakeResponse::json({{"message", "warming up"}}, 503), 2);
        server.on("GET", "/v1/status", [](const FakeRequest &) { return okJson(); });
        QStringList log;
        HttpJob *job = clientFor(server).send(HttpRequest::get(QUrl("/v1/status")), this);
        QVERIFY(runJob(job, &log));
        QCOMPARE(job->outcome(), Job::Outcome::Success);
        QCOMPARE(server.requestCount("/v1/status"), 3);
        QCOMPARE(job->attempts(), 3);
        QCOMPARE(log.size(), 2);
        const QString host = QString("127.0.0.1:%1").arg(server.port());
        QVERIFY2(log.at(0).startsWith("503 from " + host + ", retrying in "),
                 qPrintable(log.at(0)));
        QVERIFY(log.at(0).endsWith("(attempt 2 of 4)"));
        QVERIFY(log.at(1).endsWith("(attempt 3 of 4)"));
    }

    void postIsNotRetriedOn500()
    {
        FakeHttpServer server;
        QVERIFY(server.listen());
        server.setFallback([](const FakeRequest &) {
            return FakeResponse::json({{"message", "boom"}}, 500);
        });
        QStringList log;
        HttpJob *job = clientFor(server).send(
            HttpRequest::post(QUrl("/v13/deployments"), {{"name", "site"}}), this);
        QVERIFY(runJob(job, &log));
        QCOMPARE(job->outcome(), Job::Outcome::Failed);
        QCOMPARE(job->error().code, ErrorCode::Remote);
        QVERIFY2(job->error().message.endsWith("/v13/deployments: HTTP 500: boom"),
                 qPrintable(job->error().message));
        QCOMPARE(server.requestCount(), 1);
        QVERIFY(log.isEmpty());
    }

    // A POST the platform documents as safe to repeat may be marked idempotent.
    void idempotentPostIsRetried()
    {
        FakeHttpServer server;
        QVERIFY(server.listen());
        server.enqueue(FakeResponse::empty(502));
        server.setFallback([](const FakeRequest &) { return okJson(); });
        HttpJob *job = clientFor(server).send(
            HttpRequest::post(QUrl("/v2/embed"), {{"texts", QJsonArray{"a"}}}).setIdempotent(true),
            this);
        QVERIFY(runJob(job));
        QCOMPARE(job->outcome(), Job::Outcome::Success);
        QCOMPARE(server.requestCount(), 2);
        QCOMPARE(server.requests().at(1).jsonObject(), server.requests().at(0).jsonObject());
    }

    // 429 is retried even for a POST (the request was not processed), after Retry-After.
    void retryAfterIsHonoured()
    {
        FakeHttpServer server;
        QVERIFY(server.listen());
        server.enqueue(FakeResponse::tooManyRequests(1));
        server.setFallback([](const FakeRequest &) { return okJson(); });
        QStringList log;
        HttpJob *job = clientFor(server).send(
            HttpRequest::post(QUrl("/graphql/v2"), {{"query", "{ me { id } }"}}), this);
        QVERIFY(runJob(job, &log));
        QCOMPARE(job->outcome(), Job::Outcome::Success);
        QCOMPARE(server.requestCount(), 2);
        const QList<FakeRequest> requests = server.requests();
        const qint64 waitedNs = requests.at(1).receivedNs - requests.at(0).answeredNs;
        QVERIFY2(waitedNs >= 990'000'000, qPrintable(QString::number(waitedNs)));
        QCOMPARE(log.size(), 1);
        QVERIFY2(log.at(0).startsWith("429 from ") &&
                     log.at(0).endsWith(", retrying in 1 s (attempt 2 of 4)"),
                 qPrintable(log.at(0)));
    }

    void retryAfterBeyondTheCapFailsAtOnce()
    {
        FakeHttpServer server;
        QVERIFY(server.listen());
        server.setFallback([](const FakeRequest &) {
            return FakeResponse::tooManyRequests(
                3600, {{"error",
                        QJsonObject{{"code", "rate_limited"}, {"message", "Too many requests"}}}});
        });
        HttpJob *job = clientFor(server, Platform::Vercel).send(HttpRequest::get(QUrl("/x")), this);
        QVERIFY(runJob(job));
        QCOMPARE(job->error().code, ErrorCode::RateLimited);
        QVERIFY2(job->error().message.contains(
                     "HTTP 429: Too many requests (rate_limited) (asked to wait 1 h, more than the "
                     "1 min allowed)"),
                 qPrintable(job->error().message));
        QCOMPARE(server.requestCount(), 1);
    }

    void stillRateLimitedAfterAllAttempts()
    {
        FakeHttpServer server;
        QVERIFY(server.listen());
        server.setFallback([](const FakeRequest &) {
            return FakeResponse::json({{"message", "You are past the per minute request limit"}},
                                      429); // Cohere sends no Retry-After
        });
        HttpClient client = clientFor(server, Platform::Cohere);
        client.setRetryPolicy(quickRetries(3));
        QStringList log;
        HttpJob *job = client.send(HttpRequest::get(QUrl("/v2/models")), this);
        QVERIFY(runJob(job, &log));
        QCOMPARE(job->error().code, ErrorCode::RateLimited);
        QVERIFY2(job->error().message.contains("past the per minute request limit (3 attempts)"),
                 qPrintable(job->error().message));
        QCOMPARE(server.requestCount(), 3);
        QCOMPARE(log.size(), 2);
    }

    void resetMidAnswerIsRetriedForIdempotentRequests()
    {
        FakeHttpServer server;
        QVERIFY(server.listen());
        server.enqueue(okJson().withFault(FakeResponse::Fault::ResetMidBody));
        server.setFallback([](const FakeRequest &) { return okJson(); });
        QStringList log;
        HttpJob *job = clientFor(server).send(HttpRequest::get(QUrl("/points")), this);
        QVERIFY(runJob(job, &log));
        QVERIFY2(job->outcome() == Job::Outcome::Success, qPrintable(job->errorText()));
        QVERIFY(job->jsonObject().value("ok").toBool());
        // Qt's HTTP layer may itself send a GET again on a new connection when one is reset.
        QVERIFY(server.requestCount() >= 2);
        QCOMPARE(log.size(), 1);
    }

    // Cut after the head: Qt does not send it again, neither does HttpJob.
    void resetMidAnswerFailsAPost()
    {
        FakeHttpServer server;
        QVERIFY(server.listen());
        server.enqueue(okJson().withFault(FakeResponse::Fault::ResetMidBody));
        server.setFallback([](const FakeRequest &) { return okJson(); });
        HttpJob *job = clientFor(server).send(HttpRequest::post(QUrl("/deploy"), {{"a", 1}}), this);
        QVERIFY(runJob(job));
        QCOMPARE(job->outcome(), Job::Outcome::Failed);
        QCOMPARE(job->error().code, ErrorCode::Network);
        QVERIFY2(job->error().message.startsWith("POST " + server.url("/deploy").toString() + ": "),
                 qPrintable(job->error().message));
        QCOMPARE(server.requestCount(), 1);
    }

    // Closed before a byte of the answer: Qt's own HTTP layer sends any request once more on
    // a new connection (it cannot tell a dropped idle connection from a crash); HttpJob adds
    // no retry of its own for a POST. Documented in retrypolicy.h.
    void closedBeforeTheAnswerFailsAPost()
    {
        FakeHttpServer server;
        QVERIFY(server.listen());
        server.setFallback([](const FakeRequest &) {
            return FakeResponse::faulty(FakeResponse::Fault::ResetBeforeAnswer);
        });
        QStringList log;
        HttpJob *job = clientFor(server).send(HttpRequest::post(QUrl("/deploy"), {{"a", 1}}), this);
        QVERIFY(runJob(job, &log));
        QCOMPARE(job->outcome(), Job::Outcome::Failed);
        QCOMPARE(job->error().code, ErrorCode::Network);
        QCOMPARE(job->attempts(), 1);
        QVERIFY(log.isEmpty());
        QVERIFY(server.requestCount() <= 3);
    }

    // The connection drops while the client is still sending the body; a PUT goes again,
    // whole.
    void resetDuringUploadIsRetriedForAPut()
    {
        FakeHttpServer server;
        QVERIFY(server.listen());
        server.resetDuringRequestBody(1, 1000);
        QByteArray received;
        server.setFallback([&](const FakeRequest &r) {
            received = r.body;
            return FakeResponse::json({{"result", QJsonObject{{"status", "completed"}}}});
        });
        QJsonArray points;
        for (int i = 0; i < 2000; ++i)
            points.append(QJsonObject{{"id", i}, {"vector", QJsonArray{0.1, 0.2, 0.3}}});
        HttpRequest request =
            HttpRequest::put(QUrl("/collections/docs/points"), {{"points", points}});
        HttpJob *job = clientFor(server, Platform::Qdrant).send(request, this);
        QVERIFY(runJob(job));
        QCOMPARE(job->outcome(), Job::Outcome::Success);
        QCOMPARE(server.requestCount(), 2);
        QVERIFY(server.requests().at(0).body.size() < request.body.size());
        QCOMPARE(received, request.body);
    }

    // Nothing listens: nothing was sent, so even a POST is tried again; then Network.
    void connectionRefused()
    {
        QTcpServer closed;
        QVERIFY(closed.listen(QHostAddress::LocalHost));
        const quint16 port = closed.serverPort();
        closed.close();
        HttpClient client(Platform::Vercel, QUrl(QString("http://127.0.0.1:%1").arg(port)));
        client.setRetryPolicy(quickRetries(3));
        QStringList log;
        HttpJob *job = client.send(HttpRequest::post(QUrl("/v13/deployments"), {{"a", 1}}), this);
        QVERIFY(runJob(job, &log));
        QCOMPARE(job->error().code, ErrorCode::Network);
        QCOMPARE(job->error().message,
                 QString("POST http://127.0.0.1:%1/v13/deployments: connection refused").arg(port));
        QCOMPARE(job->attempts(), 3);
        QCOMPARE(log.size(), 2);
        QVERIFY(log.at(0).startsWith("connection refused from 127.0.0.1:"));
    }

    void malformedJsonNamesTheUrl()
    {
        FakeHttpServer server;
        QVERIFY(server.listen());
        server.setFallback([](const FakeRequest &) {
            return FakeResponse::text("{\"id\": \"dpl_1\", oops", 200, "application/json");
        });
        HttpJob *job =
            clientFor(server).send(HttpRequest::get(QUrl("/v13/deployments/dpl_1")), this);
        QVERIFY(runJob(job));
        QCOMPARE(job->outcome(), Job::Outcome::Failed);
        QCOMPARE(job->error().code, ErrorCode::Remote);
        const QString message = job->error().message;
        QVERIFY2(message.startsWith("GET " + server.url("/v13/deployments/dpl_1").toString() +
                                    ": HTTP 200 with an answer that is not valid JSON"),
                 qPrintable(message));
        QVERIFY(job->error().detail.contains("oops"));

        // Asked for JSON, answered in text.
        server.setFallback([](const FakeRequest &) { return FakeResponse::text("hello"); });
        HttpRequest request = HttpRequest::get(QUrl("/text"));
        request.expectJson = true;
        HttpJob *text = clientFor(server).send(request, this);
        QVERIFY(runJob(text));
        QCOMPARE(text->error().code, ErrorCode::Remote);

        // A caller that reads the answer itself (off its thread) gets the bytes as sent,
        // JSON Content-Type or not; what it finds wrong is its own to report.
        server.setFallback([](const FakeRequest &) {
            return FakeResponse::text("{\"id\": \"dpl_1\", oops", 200, "application/json");
        });
        HttpRequest raw = HttpRequest::get(QUrl("/v13/deployments/dpl_1"));
        raw.rawBody = true;
        HttpJob *bytes = clientFor(server).send(raw, this);
        QVERIFY(runJob(bytes));
        QCOMPARE(bytes->outcome(), Job::Outcome::Success);
        QCOMPARE(bytes->body(), QByteArray("{\"id\": \"dpl_1\", oops"));
    }

    void cancelMidRequest()
    {
        FakeHttpServer server;
        QVERIFY(server.listen());
        server.setFallback([](const FakeRequest &) {
            return FakeResponse::faulty(FakeResponse::Fault::NeverAnswer);
        });
        HttpJob *job = clientFor(server).send(HttpRequest::get(QUrl("/wait")), this);
        QSignalSpy finished(job, &Job::result);
        job->start();
        QTRY_COMPARE(server.requestCount(), 1);
        job->cancel();
        QTRY_COMPARE(finished.count(), 1);
        QCOMPARE(job->outcome(), Job::Outcome::Cancelled);
        QVERIFY(job->error().message.isEmpty());
        QTest::qWait(100); // the aborted reply must not produce a second result
        QCOMPARE(finished.count(), 1);
    }

    void cancelWhileWaitingToRetry()
    {
        FakeHttpServer server;
        QVERIFY(server.listen());
        server.setFallback([](const FakeRequest &) { return FakeResponse::tooManyRequests(30); });
        HttpJob *job = clientFor(server).send(HttpRequest::get(QUrl("/busy")), this);
        QSignalSpy finished(job, &Job::result);
        QSignalSpy log(job, &Job::logLine);
        job->start();
        QTRY_COMPARE(log.count(), 1); // waiting 30s before attempt 2
        job->cancel();
        QTRY_COMPARE(finished.count(), 1);
        QCOMPARE(job->outcome(), Job::Outcome::Cancelled);
        QCOMPARE(server.requestCount(), 1);
    }

    void deletingARunningJobIsSafe()
    {
        FakeHttpServer server;
        QVERIFY(server.listen());
        server.enqueue(FakeResponse::faulty(FakeResponse::Fault::NeverAnswer));
        server.setFallback([](const FakeRequest &) { return okJson(); });
        HttpJob *job = clientFor(server).send(HttpRequest::get(QUrl("/wait")), this);
        job->start();
        QTRY_COMPARE(server.requestCount(), 1);
        delete job; // aborts its transfer; the reply must not call back into it
        HttpJob *next = clientFor(server).send(HttpRequest::get(QUrl("/next")), this);
        QVERIFY(runJob(next));
        QCOMPARE(next->outcome(), Job::Outcome::Success);
    }
};

QTEST_GUILESS_MAIN(TestHttpFaults)
#include "tst_httpfaults.moc"
