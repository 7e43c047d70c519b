// HttpClient against the fake HTTP server: JSON in and out, headers, platform error bodies
// turned into Errors in the platform's own words, secrets kept out of every log and error,
// redirects, bodies streamed from and to files.
#include "nettestutil.h"

#include "common/logging.h"
#include "net/httpjob.h"

#include <QCryptographicHash>
#include <QFile>
#include <QTemporaryDir>

using namespace DeployDesk;
using namespace DeployDesk::Test;

namespace {
QStringList g_debugOutput;
void captureMessages(QtMsgType, const QMessageLogContext &, const QString &message)
{
    g_debugOutput << message;
}
} // namespace

class TestHttpClient : public QObject
{
    Q_OBJECT

private slots:
    void jsonRoundTrip()
    {
        FakeHttpServer server;
        QVERIFY(server.listen());
        server.on("POST", "/api/items/{id}", [](const FakeRequest &r) {
            QJsonObject echo = r.jsonObject();
            echo.insert("id", r.params.value("id"));
            echo.insert("contentType", QString::fromLatin1(r.header("content-type")));
            echo.insert("auth", QString::fromLatin1(r.header("authorization")));
            echo.insert("team", r.query.queryItemValue("teamId"));
            return FakeResponse::json(echo, 201);
        });
        HttpClient client = clientFor(server);
        client.setBearerToken("tok_round_trip");
        HttpJob *job = client.send(
            HttpRequest::post(QUrl("/api/items/7?teamId=team_1"), {{"name", "docs"}, {"n", 3}}),
            this);
        QVERIFY(runJob(job));
        QCOMPARE(job->outcome(), Job::Outcome::Success);
        QCOMPARE(job->status(), 201);
        const QJsonObject answer = job->jsonObject();
        QCOMPARE(answer.value("name").toString(), "docs");
        QCOMPARE(answer.value("n").toInt(), 3);
        QCOMPARE(answer.value("id").toString(), "7");
        QCOMPARE(answer.value("contentType").toString(), "application/json");
        QCOMPARE(answer.value("auth").toString(), "Bearer tok_round_trip");
        QCOMPARE(answer.value("team").toString(), "team_1");
        QCOMPARE(job->header("CONTENT-TYPE"), QByteArray("application/json"));
        QCOMPARE(job->attempts(), 1);
    }

    // Connections are reused: a second request on the same thread needs no new connection.
    void keepAliveReusesTheConnection()
    {
        FakeHttpServer server;
        QVERIFY(server.listen());
        server.on("GET", "/a", [](const FakeRequest &) {
            return FakeResponse::json({{"ok", true}});
        });
        const HttpClient client = clientFor(server);
        for (int i = 0; i < 3; ++i) {
            HttpJob *job = client.send(HttpRequest::get(QUrl("/a")), this);
            QVERIFY(runJob(job));
            QCOMPARE(job->outcome(), Job::Outcome::Success);
        }
        QCOMPARE(server.requestCount(), 3);
        QCOMPARE(server.connectionCount(), 1);
    }

    void platformErrorBodies_data()
    {
        QTest::addColumn<int>("platform");
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QByteArray>("contentType");
        QTest::addColumn<QByteArrayList>("headers"); // name, value, name, value…
        QTest::addColumn<int>("code");
        QTest::addColumn<QStringList>("expected");

        const QByteArray json = "application/json";
        QTest::newRow("vercel 404")
            << int(Platform::Vercel) << 404
            << QByteArray(R"({"error":{"code":"not_found","message":"Deployment not found"}})")
            << json << QByteArrayList{"x-vercel-id", "fra1::abc-123"} << int(ErrorCode::NotFound)
            << QStringList{"HTTP 404: Deployment not found", "not_found",
                           "request id fra1::abc-123"};
        QTest::newRow("vercel 403")
            << int(Platform::Vercel) << 403
            << QByteArray(R"({"error":{"code":"forbidden","message":"Not authorized"}})") << json
            << QByteArrayList{} << int(ErrorCode::Unauthorized)
            << QStringList{"HTTP 403: Not authorized", "check the secret MY_TOKEN"};
        QTest::newRow("vercel 400 code only")
            << int(Platform::Vercel) << 400 << QByteArray(R"({"error":{"code":"bad_request"}})")
            << json << QByteArrayList{} << int(ErrorCode::Remote)
            << QStringList{"HTTP 400: bad_request"};
        QTest::newRow("qdrant 404")
            << int(Platform::Qdrant) << 404
            << QByteArray(
                   "{\"status\":{\"error\":\"Not found: Collection `docs` doesn\x27t exist!\"},"
                   "\"time\":0.0,\"result\":null}")
            << json << QByteArrayList{} << int(ErrorCode::NotFound)
            << QStringList{"HTTP 404: Not found: Collection `docs` doesn\x27t exist!"};
        QTest::newRow("qdrant 409")
            << int(Platform::Qdrant) << 409
            << QByteArray(
                   R"({"status":{"error":"Wrong input: Collection `docs` already exists!"},"time":0.0})")
            << json << QByteArrayList{} << int(ErrorCode::Conflict)
            << QStringList{"already exists"};
        QTest::newRow("qdrant 401 plain text")
            << int(Platform::Qdrant) << 401
            << QByteArray("Must provide an API key or an Authorization bearer token")
            << QByteArray("text/plain") << QByteArrayList{} << int(ErrorCode::Unauthorized)
            << QStringList{"HTTP 401: Must provide an API key or an Authorization bearer token",
                           "; check the secret MY_TOKEN"};
        QTest::newRow("github 404")
            << int(Platform::GitHub) << 404
            << QByteArray("{\"message\":\"Not Found\",\"documentation_url\":"
                          "\"https:/"
                          "/docs.github.com/rest\",\"status\":\"404\"}")
            << json << QByteArrayList{"x-github-request-id", "C0DE:1234"}
            << int(ErrorCode::NotFound)
            << QStringList{"HTTP 404: Not Found", "request id C0DE:1234"};
        QTest::newRow("github 422")
            << int(Platform::GitHub) << 422
            << QByteArray(
                   R"({"message":"Validation Failed","errors":[{"resource":"Deployment","field":"ref","code":"missing_field"}]})")
            << json << QByteArrayList{} << int(ErrorCode::Remote)
            << QStringList{"HTTP 422: Validation Failed: Deployment ref missing_field"};
        QTest::newRow("github 403 rate limit")
            << int(Platform::GitHub) << 403
            << QByteArray(R"({"message":"API rate limit exceeded for user ID 1."})") << json
            << QByteArrayList{"x-ratelimit-remaining", "0", "x-ratelimit-reset",
                              QByteArray::number(QDateTime::currentSecsSinceEpoch() + 3600)}
            << int(ErrorCode::RateLimited)
            << QStringList{"API rate limit exceeded", "asked to wait"};
        QTest::newRow("cohere 400")
            << int(Platform::Cohere) << 400
            << QByteArray(
                   R"({"id":"bc57846a","message":"invalid request: total number of texts must be at most 96 - received 104"})")
            << json << QByteArrayList{} << int(ErrorCode::Remote)
            << QStringList{"must be at most 96 - received 104", "request id bc57846a"};
        QTest::newRow("cohere 401")
            << int(Platform::Cohere) << 401
            << QByteArray(R"({"id":"x1","message":"invalid api token"})") << json
            << QByteArrayList{} << int(ErrorCode::Unauthorized)
            << QStringList{"invalid api token", "check the secret MY_TOKEN"};
        QTest::newRow("railway 400 graphql errors")
            << int(Platform::Railway) << 400
            << QByteArray(
                   R"({"errors":[{"message":"Problem processing request","extensions":{"code":"BAD_USER_INPUT"}}]})")
            << json << QByteArrayList{} << int(ErrorCode::Remote)
            << QStringList{"HTTP 400: Problem processing request", "BAD_USER_INPUT"};
        QTest::newRow("proxy html 502")
            << int(Platform::Vercel) << 502 << QByteArray("<html><body>Bad gateway</body></html>")
            << QByteArray("text/html") << QByteArrayList{} << int(ErrorCode::Remote)
            << QStringList{"HTTP 502: no details in the answer"};
        QTest::newRow("generic fastapi 422")
            << int(Platform::Generic) << 422 << QByteArray(R"({"detail":"field required"})") << json
            << QByteArrayList{} << int(ErrorCode::Remote)
            << QStringList{"HTTP 422: field required"};
    }
    void platformErrorBodies()
    {
        QFETCH(int, platform);
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        QFETCH(QByteArray, contentType);
        QFETCH(QByteArrayList, headers);
        QFETCH(int, code);
        QFETCH(QStringList, expected);

        FakeHttpServer server;
        QVERIFY(server.listen());
        FakeResponse response = FakeResponse::text(body, status, contentType);
        for (qsizetype i = 0; i + 1 < headers.size(); i += 2)
            response.withHeader(headers.at(i), headers.at(i + 1));
        server.setFallback([response](const FakeRequest &) { return response; });
        HttpClient client = clientFor(server, Platform(platform));
        client.setRetryPolicy(RetryPolicy::none());
        client.setAuthHint(QStringLiteral("the secret MY_TOKEN"));
        HttpJob *job = client.send(HttpRequest::get(QUrl("/v1/thing")), this);
        QVERIFY(runJob(job));
        QCOMPARE(job->outcome(), Job::Outcome::Failed);
        QCOMPARE(int(job->error().code), code);
        const QString message = job->error().message;
        QVERIFY2(message.startsWith("GET " + server.url("/v1/thing").toString() + ": "),
                 qPrintable(message));
        for (const QString &part : expected)
            QVERIFY2(message.contains(part), qPrintable(message + " lacks " + part));
        QCOMPARE(job->status(), status); // the answer stays readable after a failure
        QCOMPARE(job->body(), body);
    }

    // A token in a header, a body and an echoing error answer never reaches a log line, an
    // error message or detail, nor the debug output of the net category.
    void secretsNeverReachALog()
    {
        const QByteArray token = "tok-SECRET-8f3a9c";
        const QByteArray other = "sk-other-secret-77";
        FakeHttpServer server;
        QVERIFY(server.listen());
        server.enqueue(FakeResponse::json({{"message", QString("busy, token " + token)}}, 503));
        server.setFallback([&](const FakeRequest &r) {
            return FakeResponse::json(
                {{"error",
                  QJsonObject{{"message", QString("bad token " + r.header("authorization") +
                                                  " and " + r.header("x-api-key"))}}}},
                401);
        });
        QLoggingCategory::setFilterRules(QStringLiteral("deploydesk.core.net.debug=true"));
        g_debugOutput.clear();
        const QtMessageHandler previous = qInstallMessageHandler(captureMessages);

        HttpClient client = clientFor(server);
        client.setBearerToken(token);
        HttpRequest request = HttpRequest::put(QUrl("/v1/keys"), {{"key", QString(other)}});
        request.setSecretHeader("x-api-key", other);
        HttpJob *job = client.send(request, this);
        QStringList log;
        QVERIFY(runJob(job, &log));

        qInstallMessageHandler(previous);
        QLoggingCategory::setFilterRules(QString());
        QCOMPARE(job->error().code, ErrorCode::Unauthorized);
        QCOMPARE(server.requests().at(0).header("x-api-key"), other); // it was sent
        QVERIFY(log.size() == 1 && log.first().contains("503 from"));
        const QString everything = log.join('\n') + job->error().message + job->error().detail +
                                   job->remoteError().message + g_debugOutput.join('\n');
        QVERIFY(!g_debugOutput.isEmpty());
        QVERIFY2(!everything.contains(QString(token)), qPrintable(everything));
        QVERIFY2(!everything.contains(QString(other)), qPrintable(everything));
        QVERIFY(job->error().message.contains("bad token Bearer *** and ***"));
        QVERIFY(job->masked(QString("x" + token)) == "x***");
    }

    void redirectsKeepTheTokenOnlyOnTheSameOrigin()
    {
        FakeHttpServer api;
        FakeHttpServer storage; // another port: another origin
        QVERIFY(api.listen() && storage.listen());
        api.on("GET", "/logs", [&](const FakeRequest &) {
            return FakeResponse::empty(302).withHeader("Location",
                                                       storage.url("/blob?sig=1").toEncoded());
        });
        api.on("GET", "/moved", [](const FakeRequest &) {
            return FakeResponse::empty(301).withHeader("Location", "/here");
        });
        api.on("GET", "/here", [](const FakeRequest &r) {
            return FakeResponse::text("auth=" + r.header("authorization"));
        });
        storage.on("GET", "/blob", [](const FakeRequest &r) {
            return FakeResponse::text("auth=" + r.header("authorization") + ";");
        });
        HttpClient client = clientFor(api);
        client.setBearerToken("tok_redirect");

        HttpJob *cross = client.send(HttpRequest::get(QUrl("/logs")), this);
        QVERIFY(runJob(cross));
        QCOMPARE(cross->outcome(), Job::Outcome::Success);
        QCOMPARE(cross->body(), QByteArray("auth=;"));
        QCOMPARE(cross->url().port(), storage.port());

        HttpJob *same = client.send(HttpRequest::get(QUrl("/moved")), this);
        QVERIFY(runJob(same));
        QCOMPARE(same->body(), QByteArray("auth=Bearer tok_redirect"));
        QCOMPARE(same->attempts(), 1);

        HttpRequest manual = HttpRequest::get(QUrl("/logs"));
        manual.followRedirects = false;
        HttpJob *unfollowed = client.send(manual, this);
        QVERIFY(runJob(unfollowed));
        QCOMPARE(unfollowed->outcome(), Job::Outcome::Success);
        QCOMPARE(unfollowed->status(), 302);
        QVERIFY(unfollowed->header("location").startsWith(storage.url().toEncoded()));
    }

    void bodyStreamsFromAndToFiles()
    {
        QTemporaryDir dir;
        QFile upload(dir.filePath("upload.bin"));
        QVERIFY(upload.open(QIODevice::WriteOnly));
        QByteArray block(64 * 1024, '\0');
        for (int i = 0; i < block.size(); ++i)
            block[i] = char(i * 31 % 251);
        for (int i = 0; i < 48; ++i) // 3 MB
            upload.write(block);
        upload.close();
        QVERIFY(upload.open(QIODevice::ReadOnly));
        const QByteArray sha = QCryptographicHash::hash(upload.readAll(), QCryptographicHash::Sha1);
        upload.close();

        FakeHttpServer server;
        QVERIFY(server.listen());
        QByteArray stored;
        server.on("POST", "/v2/files", [&](const FakeRequest &r) {
            stored = r.body;
            return FakeResponse::empty(200);
        });
        server.on("GET", "/v2/files/x", [&](const FakeRequest &) {
            return FakeResponse::text(stored, 200, "application/octet-stream");
        });
        server.on("GET", "/v2/missing", [](const FakeRequest &) {
            return FakeResponse::json({{"error", QJsonObject{{"message", "gone"}}}}, 404);
        });
        const HttpClient client = clientFor(server);

        HttpRequest post = HttpRequest::post(QUrl("/v2/files"));
        post.bodyFile = upload.fileName();
        post.setHeader("x-vercel-digest", sha.toHex());
        HttpJob *sent = client.send(post, this);
        QVERIFY(runJob(sent));
        QCOMPARE(sent->outcome(), Job::Outcome::Success);
        QCOMPARE(server.requests().at(0).header("content-length"),
                 QByteArray::number(48 * 64 * 1024));
        QCOMPARE(QCryptographicHash::hash(stored, QCryptographicHash::Sha1), sha);

        HttpRequest get = HttpRequest::get(QUrl("/v2/files/x"));
        get.responseFile = dir.filePath("download.bin");
        HttpJob *fetched = client.send(get, this);
        QVERIFY(runJob(fetched));
        QCOMPARE(fetched->outcome(), Job::Outcome::Success);
        QVERIFY(fetched->body().isEmpty());
        QFile download(get.responseFile);
        QVERIFY(download.open(QIODevice::ReadOnly));
        QCOMPARE(QCryptographicHash::hash(download.readAll(), QCryptographicHash::Sha1), sha);

        HttpRequest missing = HttpRequest::get(QUrl("/v2/missing"));
        missing.responseFile = dir.filePath("missing.bin");
        HttpJob *notFound = client.send(missing, this);
        QVERIFY(runJob(notFound));
        QCOMPARE(notFound->error().code, ErrorCode::NotFound);
        QVERIFY(notFound->error().message.contains("HTTP 404: gone"));
        QVERIFY(!QFile::exists(missing.responseFile));

        HttpRequest unreadable = HttpRequest::post(QUrl("/v2/files"));
        unreadable.bodyFile = dir.filePath("does-not-exist");
        HttpJob *io = client.send(unreadable, this);
        QVERIFY(runJob(io));
        QCOMPARE(io->error().code, ErrorCode::Io);
        QVERIFY(io->error().message.contains("does-not-exist"));
    }

    void notAnHttpUrlIsInvalid()
    {
        HttpClient client;
        HttpJob *job = client.send(HttpRequest::get(QUrl("/relative/without/base")), this);
        QVERIFY(runJob(job));
        QCOMPARE(job->error().code, ErrorCode::Invalid);
        QVERIFY(job->error().message.contains("not an http:// or https:// URL"));
    }
};

QTEST_GUILESS_MAIN(TestHttpClient)
#include "tst_httpclient.moc"
