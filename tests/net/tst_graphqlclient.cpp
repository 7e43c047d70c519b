// The GraphQL layer against a fake Railway endpoint: data out, errors[] as Errors in
// Railway's words, queries retried and mutations not.
#include "nettestutil.h"

#include "net/graphqlclient.h"
#include "net/graphqljob.h"
#include "net/httpjob.h"

using namespace DeployDesk;
using namespace DeployDesk::Test;

class TestGraphQlClient : public QObject
{
    Q_OBJECT

    static GraphQlClient railway(const FakeHttpServer &server)
    {
        HttpClient http = clientFor(server, Platform::Railway);
        http.setBearerToken("railway-token-123");
        http.setAuthHint(QStringLiteral("the secret RAILWAY_TOKEN"));
        return GraphQlClient(http, QUrl(QString::fromLatin1(kRailwayGraphQlPath)));
    }

private slots:
    void queryReturnsData()
    {
        FakeHttpServer server;
        QVERIFY(server.listen());
        server.on("POST", "/graphql/v2", [](const FakeRequest &r) {
            const QJsonObject body = r.jsonObject();
            return FakeResponse::json(
                {{"data",
                  QJsonObject{{"deployment", QJsonObject{{"id", body["variables"]["id"].toString()},
                                                         {"status", "SUCCESS"},
                                                         {"query", body["query"].toString()}}}}}});
        });
        const QString query = "query($id: String!) { deployment(id: $id) { id status } }";
        GraphQlJob *job = railway(server).send(query, {{"id", "dep-1"}}, this);
        QVERIFY(runJob(job));
        QCOMPARE(job->outcome(), Job::Outcome::Success);
        const QJsonObject deployment = job->data().value("deployment").toObject();
        QCOMPARE(deployment.value("id").toString(), "dep-1");
        QCOMPARE(deployment.value("status").toString(), "SUCCESS");
        QCOMPARE(deployment.value("query").toString(), query);
        QCOMPARE(server.requests().at(0).header("authorization"), "Bearer railway-token-123");
    }

    void errorsBecomeErrors_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("message");
        QTest::newRow("not authorized")
            << QByteArray(
                   R"({"data":null,"errors":[{"message":"Not Authorized","extensions":{}}]})")
            << int(ErrorCode::Unauthorized)
            << "/graphql/v2: Not Authorized; check the secret RAILWAY_TOKEN";
        QTest::newRow("project token")
            << QByteArray(R"({"data":null,"errors":[{"message":"Project Token not found"}]})")
            << int(ErrorCode::Unauthorized) << ": Project Token not found; check the secret";
        QTest::newRow("not found")
            << QByteArray(
                   R"({"data":null,"errors":[{"message":"Deployment not found","path":["deployment"]}]})")
            << int(ErrorCode::NotFound) << ": Deployment not found";
        QTest::newRow("several")
            << QByteArray(
                   R"({"data":null,"errors":[{"message":"Problem processing request"},{"message":"second"},{"message":"third"}]})")
            << int(ErrorCode::Remote) << ": Problem processing request (and 2 more errors)";
        QTest::newRow("trace id")
            << QByteArray(
                   R"({"data":null,"errors":[{"message":"Not Authorized","traceId":"4242"},{"message":"x"}]})")
            << int(ErrorCode::Unauthorized)
            << ": Not Authorized (and 1 more errors; request id 4242); check the secret";
        QTest::newRow("rate limited")
            << QByteArray(
                   R"({"errors":[{"message":"slow down","extensions":{"code":"RATE_LIMITED"}}]})")
            << int(ErrorCode::RateLimited) << ": slow down";
        QTest::newRow("not graphql") << QByteArray(R"({"hello":"world"})") << int(ErrorCode::Remote)
                                     << ": not a GraphQL answer";
    }
    void errorsBecomeErrors()
    {
        QFETCH(QByteArray, body);
        QFETCH(int, code);
        QFETCH(QString, message);
        FakeHttpServer server;
        QVERIFY(server.listen());
        server.setFallback([body](const FakeRequest &) {
            return FakeResponse::text(body, 200, "application/json");
        });
        GraphQlJob *job = railway(server).send("query { me { id } }", {}, this);
        QVERIFY(runJob(job));
        QCOMPARE(job->outcome(), Job::Outcome::Failed);
        QCOMPARE(int(job->error().code), code);
        QVERIFY2(job->error().message.startsWith("POST " + server.url("/graphql/v2").toString()),
                 qPrintable(job->error().message));
        QVERIFY2(job->error().message.contains(message), qPrintable(job->error().message));
        QCOMPARE(server.requestCount(), 1); // a GraphQL error is an answer: not retried
    }

    // An HTTP error with a GraphQL body keeps Railway's message.
    void httpErrorWithGraphQlBody()
    {
        FakeHttpServer server;
        QVERIFY(server.listen());
        server.setFallback([](const FakeRequest &) {
            return FakeResponse::json(
                {{"errors", QJsonArray{QJsonObject{{"message", "Not Authorized"}}}}}, 401);
        });
        GraphQlJob *job = railway(server).send("query { me { id } }", {}, this);
        QVERIFY(runJob(job));
        QCOMPARE(job->error().code, ErrorCode::Unauthorized);
        QVERIFY2(job->error().message.contains("HTTP 401: Not Authorized; check the secret "
                                               "RAILWAY_TOKEN"),
                 qPrintable(job->error().message));
        QVERIFY(!job->error().message.contains("railway-token-123"));
    }

    void queriesAreRetriedMutationsAreNot()
    {
        FakeHttpServer server;
        QVERIFY(server.listen());
        server.setFallback([](const FakeRequest &) {
            return FakeResponse::json({{"data", QJsonObject{{"ok", true}}}});
        });
        server.enqueue(FakeResponse::empty(503));
        GraphQlJob *query = railway(server).send("query { me { id } }", {}, this);
        QVERIFY(runJob(query));
        QCOMPARE(query->outcome(), Job::Outcome::Success);
        QCOMPARE(server.requestCount(), 2);

        server.clearRequests();
        server.enqueue(FakeResponse::empty(503));
        GraphQlJob *mutation = railway(server).send(
            "mutation($e: String!, $s: String!) { serviceInstanceDeployV2(environmentId: $e, "
            "serviceId: $s) }",
            {{"e", "env"}, {"s", "svc"}}, this);
        QVERIFY(runJob(mutation));
        QCOMPARE(mutation->outcome(), Job::Outcome::Failed);
        QCOMPARE(mutation->error().code, ErrorCode::Remote);
        QCOMPARE(server.requestCount(), 1);

        // 429 is retried even for a mutation: Railway did not process it.
        server.clearRequests();
        server.enqueue(FakeResponse::tooManyRequests(0));
        GraphQlJob *limited =
            railway(server).send("mutation { deploymentRestart(id: \"d\") }", {}, this);
        QStringList log;
        QVERIFY(runJob(limited, &log));
        QCOMPARE(limited->outcome(), Job::Outcome::Success);
        QCOMPARE(server.requestCount(), 2);
        QCOMPARE(log.size(), 1);
    }

    void cancelEndsCancelledOnce()
    {
        FakeHttpServer server;
        QVERIFY(server.listen());
        server.setFallback([](const FakeRequest &) {
            return FakeResponse::faulty(FakeResponse::Fault::NeverAnswer);
        });
        GraphQlJob *job = railway(server).send("query { me { id } }", {}, this);
        QSignalSpy finished(job, &Job::result);
        job->start();
        QTRY_COMPARE(server.requestCount(), 1);
        job->cancel();
        QTRY_COMPARE(finished.count(), 1);
        QCOMPARE(job->outcome(), Job::Outcome::Cancelled);
        QTest::qWait(100);
        QCOMPARE(finished.count(), 1);
    }

    void isMutation_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<bool>("mutation");
        QTest::newRow("query") << "query { a }" << false;
        QTest::newRow("shorthand") << "{ a }" << false;
        QTest::newRow("mutation") << "mutation { a }" << true;
        QTest::newRow("named") << "  mutation Deploy($x: ID) { a }" << true;
        QTest::newRow("comment first") << "# deploy it\nmutation { a }" << true;
        QTest::newRow("prefix only") << "mutationish { a }" << false;
        QTest::newRow("subscription") << "subscription { a }" << false;
    }
    void isMutation()
    {
        QFETCH(QString, query);
        QFETCH(bool, mutation);
        QCOMPARE(GraphQlClient::isMutation(query), mutation);
    }
};

QTEST_GUILESS_MAIN(TestGraphQlClient)
#include "tst_graphqlclient.moc"
