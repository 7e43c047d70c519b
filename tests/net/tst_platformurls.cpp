// Platform base URLs and their DEPLOYDESK_API_* overrides: scheme, host, port and path prefix
// replaced, the platform's own paths kept, http accepted, bad values explained.
#include "nettestutil.h"

#include "net/httpjob.h"
#include "net/platform.h"

using namespace DeployDesk;
using namespace DeployDesk::Test;

class TestPlatformUrls : public QObject
{
    Q_OBJECT

private slots:
    void defaults()
    {
        const QProcessEnvironment empty;
        QCOMPARE(resolvePlatformBase(Platform::Vercel, {}, empty)->url,
                 QUrl("https://api.vercel.com"));
        QCOMPARE(resolvePlatformBase(Platform::GitHub, {}, empty)->url,
                 QUrl("https://api.github.com"));
        QCOMPARE(resolvePlatformBase(Platform::Cohere, {}, empty)->url,
                 QUrl("https://api.cohere.com"));
        const auto railway = resolvePlatformBase(Platform::Railway, {}, empty);
        QCOMPARE(joinUrl(railway->url, QString::fromLatin1(kRailwayGraphQlPath)),
                 QUrl("https://backboard.railway.com/graphql/v2"));
        QVERIFY(railway->notice.isEmpty());
        QCOMPARE(resolvePlatformBase(Platform::Qdrant, QUrl("http://qdrant.lan:6333/"), empty)->url,
                 QUrl("http://qdrant.lan:6333"));
        const auto qdrant = resolvePlatformBase(Platform::Qdrant, {}, empty);
        QVERIFY(!qdrant);
        QCOMPARE(qdrant.error().code, ErrorCode::Invalid);
        QCOMPARE(qdrant.error().message,
                 "no Qdrant URL: set it in the workspace or in DEPLOYDESK_API_QDRANT");
    }

    void overrides_data()
    {
        QTest::addColumn<int>("platform");
        QTest::addColumn<QString>("configured");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("notice");
        QTest::newRow("vercel http") << int(Platform::Vercel) << ""
                                     << "http://127.0.0.1:1234"
                                     << "/v13/deployments"
                                     << "http://127.0.0.1:1234/v13/deployments"
                                     << "using DEPLOYDESK_API_VERCEL=http://127.0.0.1:1234 instead "
                                        "of https://api.vercel.com";
        QTest::newRow("railway prefix")
            << int(Platform::Railway) << ""
            << "https://proxy.corp/railway/"
            << "/graphql/v2"
            << "https://proxy.corp/railway/graphql/v2"
            << "using DEPLOYDESK_API_RAILWAY=https://proxy.corp/railway instead of "
               "https://backboard.railway.com";
        QTest::newRow("github enterprise")
            << int(Platform::GitHub) << ""
            << "https://ghe.example.com/api/v3"
            << "repos/o/r/deployments?per_page=100"
            << "https://ghe.example.com/api/v3/repos/o/r/deployments?per_page=100"
            << "using DEPLOYDESK_API_GITHUB=https://ghe.example.com/api/v3 instead of "
               "https://api.github.com";
        QTest::newRow("cohere") << int(Platform::Cohere) << ""
                                << " http://localhost:8080 "
                                << "/v2/embed"
                                << "http://localhost:8080/v2/embed"
                                << "using DEPLOYDESK_API_COHERE=http://localhost:8080 instead of "
                                   "https://api.cohere.com";
        QTest::newRow("qdrant over the workspace's")
            << int(Platform::Qdrant) << "https://qdrant.example.com:6333"
            << "http://127.0.0.1:6334/q"
            << "/collections/docs/points"
            << "http://127.0.0.1:6334/q/collections/docs/points"
            << "using DEPLOYDESK_API_QDRANT=http://127.0.0.1:6334/q instead of "
               "https://qdrant.example.com:6333";
        QTest::newRow("qdrant without a workspace url")
            << int(Platform::Qdrant) << ""
            << "http://127.0.0.1:6333"
            << "/collections"
            << "http://127.0.0.1:6333/collections"
            << "using DEPLOYDESK_API_QDRANT=http://127.0.0.1:6333";
        QTest::newRow("not set") << int(Platform::Vercel) << ""
                                 << ""
                                 << "/v2/files"
                                 << "https://api.vercel.com/v2/files"
                                 << "";
    }
    void overrides()
    {
        QFETCH(int, platform);
        QFETCH(QString, configured);
        QFETCH(QString, value);
        QFETCH(QString, path);
        QFETCH(QString, url);
        QFETCH(QString, notice);
        QProcessEnvironment env;
        if (!value.isEmpty())
            env.insert(baseUrlVariable(Platform(platform)), value);
        const auto base = resolvePlatformBase(Platform(platform), QUrl(configured), env);
        QVERIFY2(base, qPrintable(base ? QString() : base.error().message));
        QCOMPARE(joinUrl(base->url, path).toString(), url);
        QCOMPARE(base->notice, notice);
    }

    void badOverridesAreExplained_data()
    {
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("message");
        QTest::newRow("ftp") << "ftp://127.0.0.1/"
                             << "DEPLOYDESK_API_VERCEL must be an http:// or https:// URL such as "
                                "http://127.0.0.1:8080; found \"ftp://127.0.0.1/\"";
        QTest::newRow("no scheme") << "127.0.0.1:8080"
                                   << "DEPLOYDESK_API_VERCEL must be an http://";
        QTest::newRow("words") << "not a url"
                               << "DEPLOYDESK_API_VERCEL must be an http://";
        QTest::newRow("query") << "http://127.0.0.1:1/?x=1"
                               << "DEPLOYDESK_API_VERCEL must not have a query or a fragment";
        QTest::newRow("user info")
            << "http://me:hunter2@127.0.0.1:1/"
            << "DEPLOYDESK_API_VERCEL must not carry a user name or password";
    }
    void badOverridesAreExplained()
    {
        QFETCH(QString, value);
        QFETCH(QString, message);
        QProcessEnvironment env;
        env.insert("DEPLOYDESK_API_VERCEL", value);
        const auto base = resolvePlatformBase(Platform::Vercel, {}, env);
        QVERIFY(!base);
        QCOMPARE(base.error().code, ErrorCode::Invalid);
        QVERIFY2(base.error().message.startsWith(message), qPrintable(base.error().message));
        QVERIFY(!base.error().message.contains("hunter2"));
    }

    void joinUrlKeepsQueries()
    {
        const QUrl base("http://h:1/pre/");
        QCOMPARE(joinUrl(base, u"/a/b").toString(), "http://h:1/pre/a/b");
        QCOMPARE(joinUrl(base, u"a?x=1", QUrlQuery("teamId=t1")).toString(),
                 "http://h:1/pre/a?x=1&teamId=t1");
        QCOMPARE(joinUrl(QUrl("http://h:1"), u"/v6/deployments", QUrlQuery("until=5")).toString(),
                 "http://h:1/v6/deployments?until=5");
        QCOMPARE(joinUrl(QUrl("http://h"), u"/collections/my%20docs").path(QUrl::FullyEncoded),
                 "/collections/my%20docs");
    }

    // The override as a user sets it (the process environment), all the way to a request:
    // the fake sees the platform path under the prefix.
    void overrideReachesTheServer()
    {
        FakeHttpServer server;
        QVERIFY(server.listen());
        server.on("GET", "/proxy/v13/deployments/{id}", [](const FakeRequest &r) {
            return FakeResponse::json({{"id", r.params.value("id")}, {"readyState", "READY"}});
        });
        qputenv("DEPLOYDESK_API_VERCEL", server.url("/proxy/").toEncoded());
        const auto base = resolvePlatformBase(Platform::Vercel);
        qunsetenv("DEPLOYDESK_API_VERCEL");
        QVERIFY(base);
        QVERIFY(base->notice.startsWith("using DEPLOYDESK_API_VERCEL=http://127.0.0.1:"));
        HttpClient client(Platform::Vercel, base->url);
        HttpJob *job = client.send(HttpRequest::get(QUrl("/v13/deployments/dpl_9")), this);
        QVERIFY(runJob(job));
        QCOMPARE(job->outcome(), Job::Outcome::Success);
        QCOMPARE(job->jsonObject().value("id").toString(), "dpl_9");
        QCOMPARE(server.requests().at(0).path, "/proxy/v13/deployments/dpl_9");
    }
};

QTEST_GUILESS_MAIN(TestPlatformUrls)
#include "tst_platformurls.moc"
