// The Qdrant index against the Qdrant contract fake, whose request and answer checks follow
// Qdrant's OpenAPI spec: collections per version, upserts in batches with wait=true, deletes,
// exact counts, queries, the atomic alias switch (blue/green) and faults (429 with
// Retry-After, 5xx, resets mid-batch, malformed JSON, timeouts) with nothing lost or
// duplicated.
#include "data/index/qdrantindex.h"
#include "fakes/qdrantfake.h"
#include "indextestutil.h"
#include "net/nettestutil.h"

#include <QTest>

using namespace DeployDesk;
using namespace DeployDesk::Data;
using namespace DeployDesk::Test;
using namespace std::chrono_literals;

namespace {
constexpr int kDim = 8;
const QByteArray kKey = "qd-SECRET-0123456789";

QdrantOptions optionsFor(const QdrantFake &fake)
{
    QdrantOptions options;
    options.name = QStringLiteral("docs");
    options.baseUrl = fake.url();
    options.apiKey = kKey;
    options.secrets = {QString::fromUtf8(kKey)};
    options.batchSize = 64;
    options.parallel = 2;
    options.timeout = 5s;
    options.retry = quickRetries(4);
    options.retry.maxRetryAfter = 5s;
    return options;
}

IndexSpec spec(int dimension = kDim)
{
    IndexSpec s;
    s.dimension = dimension;
    s.metadata = QJsonObject{{"provider", "cohere"}, {"model", "embed-english-v3.0"}};
    return s;
}

// Every point is in the collection exactly once, with its vector and payload.
void verifyStored(const QdrantFake &fake, const QString &collection,
                  const QList<IndexPoint> &points)
{
    const auto stored = fake.collections().value(collection).points;
    QCOMPARE(stored.size(), points.size());
    for (const IndexPoint &p : points) {
        QVERIFY(stored.contains(p.id));
        QCOMPARE(stored.value(p.id).vector, p.vector);
        QCOMPARE(stored.value(p.id).payload, p.payload);
    }
}
} // namespace

class TestQdrantIndex : public QObject
{
    Q_OBJECT

    IndexJob *ok(IndexJob *job)
    {
        [&] {
            QVERIFY(runJob(job));
            QVERIFY2(job->outcome() == Job::Outcome::Success, qPrintable(job->errorText()));
        }();
        return job;
    }

    IndexJob *failed(IndexJob *job)
    {
        [&] {
            QVERIFY(runJob(job));
            QCOMPARE(job->outcome(), Job::Outcome::Failed);
        }();
        return job;
    }

private slots:
    void blueGreenLifecycle()
    {
        QdrantFake fake;
        fake.setApiKey(kKey);
        QVERIFY2(fake.listen(), qPrintable(fake.specError()));
        QdrantIndex index(optionsFor(fake));

        QCOMPARE(ok(index.state(this))->state().nextVersion(), 1);
        QCOMPARE(ok(index.createVersion(1, spec(), this))->info().dimension, kDim);
        const auto old = makePoints(300, kDim, 1, "old");
        IndexJob *upsert = index.upsert(1, old, this);
        QList<qint64> progress;
        connect(upsert, &IndexJob::progress, this, [&](qint64 done, qint64) { progress << done; });
        QCOMPARE(ok(upsert)->count(), 300);
        QCOMPARE(progress.last(), 300);
        verifyStored(fake, "docs_v1", old);
        // Batches of 64 (the last one smaller), each PUT with wait=true (a violation else).
        QCOMPARE(fake.upsertBatchSizes().size(), 5);
        for (int size : fake.upsertBatchSizes())
            QVERIFY(size <= 64);
        QCOMPARE(fake.collections().value("docs_v1").size, kDim);
        QCOMPARE(fake.collections().value("docs_v1").distance, QStringLiteral("Cosine"));
        QCOMPARE(fake.collections().value("docs_v1").metadata.value("model").toString(),
                 QStringLiteral("embed-english-v3.0"));
        QCOMPARE(ok(index.count(1, this))->count(), 300);
        IndexJob *info = ok(index.info(1, this));
        QCOMPARE(info->info().points, 300);
        QCOMPARE(info->info().metadata.value("provider").toString(), QStringLiteral("cohere"));

        ok(index.activate(1, this));
        QCOMPARE(fake.aliases().value("docs"), QStringLiteral("docs_v1"));

        // Version 2 is built beside the live one, then the alias moves in one step.
        ok(index.createVersion(2, spec(), this));
        const auto fresh = makePoints(100, kDim, 2, "new");
        ok(index.upsert(2, fresh, this));
        IndexJob *switched = ok(index.activate(2, this));
        QCOMPARE(switched->state().live, std::optional<int>(2));
        QCOMPARE(switched->state().versions, (QList<int>{1, 2}));
        QCOMPARE(fake.aliases().value("docs"), QStringLiteral("docs_v2"));
        QVERIFY(fake.collections().contains("docs_v1")); // kept for rollback
        // The switch was one request: delete the alias and create it again.
        const auto aliasCalls = [&] {
            QList<FakeRequest> calls;
            for (const FakeRequest &r : fake.server().requests())
                if (r.path == "/collections/aliases")
                    calls << r;
            return calls;
        }();
        QCOMPARE(aliasCalls.size(), 2);
        QCOMPARE(aliasCalls.last().jsonObject().value("actions").toArray().size(), 2);

        // Queries through the alias reach version 2, nearest first, with payloads.
        QRandomGenerator random(5);
        const QList<float> q = randomVector(random, kDim);
        IndexJob *hits = ok(index.query(std::nullopt, q, 5, this));
        QCOMPARE(idsOf(hits->hits()), nearest(fresh, q, 5));
        QVERIFY(hits->hits().first().payload.value("text").toString().startsWith("text of"));
        QCOMPARE(idsOf(ok(index.query(1, q, 3, this))->hits()), nearest(old, q, 3));

        // Rollback is activate(1); the live one is never dropped; the other one, on request.
        IndexJob *refused = failed(index.dropVersion(2, this));
        QCOMPARE(refused->error().code, ErrorCode::Conflict);
        QVERIFY(refused->errorText().contains("docs_v2 is the live version"));
        QCOMPARE(ok(index.activate(1, this))->state().live, std::optional<int>(1));
        QCOMPARE(ok(index.dropVersion(2, this))->state().versions, QList<int>{1});
        QVERIFY(!fake.collections().contains("docs_v2"));

        QVERIFY2(fake.violations().isEmpty(), qPrintable(fake.violations().join('\n')));
        for (const FakeRequest &r : fake.server().requests())
            QCOMPARE(r.header("api-key"), kKey);
    }

    void removeDeletesAndCountIsExact()
    {
        QdrantFake fake;
        fake.setApiKey(kKey);
        QVERIFY(fake.listen());
        QdrantIndex index(optionsFor(fake));
        ok(index.createVersion(1, spec(), this));
        auto points = makePoints(150, kDim);
        ok(index.upsert(1, points, this));
        QStringList gone;
        for (int i = 0; i < 40; ++i)
            gone << points.at(i).id;
        gone << pointId("never there").toString(QUuid::WithoutBraces);
        QCOMPARE(ok(index.remove(1, gone, this))->count(), 41);
        QCOMPARE(ok(index.count(1, this))->count(), 110);
        verifyStored(fake, "docs_v1", points.mid(40));
        // Upserting the same ids again replaces them: nothing is duplicated.
        ok(index.upsert(1, points.mid(40), this));
        QCOMPARE(ok(index.count(1, this))->count(), 110);
        QVERIFY2(fake.violations().isEmpty(), qPrintable(fake.violations().join('\n')));
    }

    void faultsLoseAndDuplicateNothing_data()
    {
        QTest::addColumn<FakeResponse>("fault");
        QTest::addColumn<bool>("resetBody");
        QTest::newRow("429 with Retry-After") << QdrantFake::rateLimited(1) << false;
        QTest::newRow("503") << FakeResponse::json(
                                    {{"status", QJsonObject{{"error", "Service "
                                                                      "unavailable"}}}},
                                    503)
                             << false;
        QTest::newRow("reset mid-answer") << FakeResponse::json({{"result", QString(3000, 'x')}})
                                                 .withFault(FakeResponse::Fault::ResetMidBody)
                                          << false;
        QTest::newRow("reset mid-request") << FakeResponse() << true;
        QTest::newRow("malformed JSON")
            << FakeResponse::text("{\"result\": {\"operation_id\": ", 200, "application/json")
            << false;
        QTest::newRow("timeout") << FakeResponse::faulty(FakeResponse::Fault::NeverAnswer) << false;
    }

    void faultsLoseAndDuplicateNothing()
    {
        QFETCH(FakeResponse, fault);
        QFETCH(bool, resetBody);
        QdrantFake fake;
        fake.setApiKey(kKey);
        QVERIFY(fake.listen());
        QdrantOptions options = optionsFor(fake);
        options.timeout = 400ms;
        QdrantIndex index(options);
        ok(index.createVersion(1, spec(), this));
        // The fault hits the second batch of an upsert in flight.
        ok(index.upsert(1, makePoints(64, kDim, 3, "first"), this));
        if (resetBody)
            fake.server().resetDuringRequestBody(1, 200);
        else
            fake.inject("PUT", "/collections/docs_v1/points", fault, 1);
        const auto points = makePoints(320, kDim, 4, "rest");
        QStringList log;
        IndexJob *job = index.upsert(1, points, this);
        QVERIFY(runJob(job, &log));
        QVERIFY2(job->outcome() == Job::Outcome::Success,
                 qPrintable(job->errorText() + "\n" + log.join('\n')));
        QCOMPARE(job->count(), 320);
        QCOMPARE(ok(index.count(1, this))->count(), 64 + 320);
        auto all = makePoints(64, kDim, 3, "first") + points;
        verifyStored(fake, "docs_v1", all);
        QVERIFY2(fake.violations().isEmpty(), qPrintable(fake.violations().join('\n')));
        if (QTest::currentDataTag() == QByteArray("429 with Retry-After")) {
            // The batch that got the 429 came back a second later, no sooner.
            const auto requests = fake.server().requests();
            qint64 refusedAt = 0;
            QByteArray refusedBody;
            for (const FakeRequest &r : requests) {
                if (r.method == "PUT" && r.path.endsWith("/points") && refusedAt == 0 &&
                    r.jsonObject().value("points").toArray().first().toObject().value("id") ==
                        points.first().id) {
                    refusedAt = r.answeredNs;
                    refusedBody = r.body;
                } else if (refusedAt != 0 && r.body == refusedBody) {
                    QVERIFY(r.receivedNs - refusedAt >= 1'000'000'000);
                    break;
                }
            }
            QVERIFY(refusedAt != 0);
        }
    }

    void refusalsSayWhatToFix()
    {
        QdrantFake fake;
        fake.setApiKey("another-key");
        fake.setReadOnlyKey(kKey);
        QVERIFY(fake.listen());
        fake.addCollection("docs_v1", kDim);
        QdrantIndex index(optionsFor(fake));

        // A read-only key: reads work, writes get Qdrant's 403.
        QCOMPARE(ok(index.count(1, this))->count(), 0);
        IndexJob *write = failed(index.upsert(1, makePoints(3, kDim), this));
        QCOMPARE(write->error().code, ErrorCode::Unauthorized);
        QVERIFY2(write->errorText().contains("HTTP 403: Forbidden: Write access denied"),
                 qPrintable(write->errorText()));
        QVERIFY(write->errorText().contains("check the secret QDRANT_API_KEY"));

        QdrantOptions wrong = optionsFor(fake);
        wrong.apiKey = "not-the-key";
        wrong.secrets = {"not-the-key"};
        IndexJob *denied = failed(QdrantIndex(wrong).state(this));
        QCOMPARE(denied->error().code, ErrorCode::Unauthorized);
        QVERIFY2(denied->errorText().contains("Must provide an API key or an Authorization "
                                              "bearer token"),
                 qPrintable(denied->errorText()));
        QVERIFY(!denied->errorText().contains("not-the-key"));
        QVERIFY(!denied->error().detail.contains("not-the-key"));
    }

    void badInputIsRefusedBeforeWriting()
    {
        QdrantFake fake;
        fake.setApiKey(kKey);
        QVERIFY(fake.listen());
        QdrantIndex index(optionsFor(fake));
        ok(index.createVersion(1, spec(), this));
        auto points = makePoints(10, kDim);
        points[4].id = "chunk-5";
        IndexJob *job = failed(index.upsert(1, points, this));
        QCOMPARE(job->error().code, ErrorCode::Invalid);
        QVERIFY(job->errorText().contains("point 5 of 10: id \"chunk-5\" is not a UUID"));
        QCOMPARE(fake.upserts(), 0);

        // Another dimension for an existing version: a conflict, not a silent mix.
        IndexJob *other = failed(index.createVersion(1, spec(16), this));
        QCOMPARE(other->error().code, ErrorCode::Conflict);
        QVERIFY2(other->errorText().contains("docs_v1 exists with 8 dimensions (Cosine), not 16"),
                 qPrintable(other->errorText()));
        // The same spec again: kept (a resumed re-embed).
        QCOMPARE(ok(index.createVersion(1, spec(), this))->info().dimension, kDim);

        // Qdrant's own words for a query of the wrong size.
        IndexJob *query = failed(index.query(1, QList<float>(3, 1.0f), 5, this));
        QVERIFY2(query->errorText().contains("Vector dimension error: expected dim: 8, got 3"),
                 qPrintable(query->errorText()));
        IndexJob *missing = failed(index.activate(7, this));
        QCOMPARE(missing->error().code, ErrorCode::NotFound);
        QVERIFY(
            missing->errorText().contains("Qdrant has no collection docs_v7 to switch docs to"));
        QVERIFY2(fake.violations().isEmpty(), qPrintable(fake.violations().join('\n')));
    }

    // A switch whose answer is lost leaves the alias as it was, and says so.
    void lostSwitchLeavesTheAliasAlone()
    {
        QdrantFake fake;
        fake.setApiKey(kKey);
        QVERIFY(fake.listen());
        QdrantIndex index(optionsFor(fake));
        ok(index.createVersion(1, spec(), this));
        ok(index.createVersion(2, spec(), this));
        ok(index.activate(1, this));
        fake.inject("POST", "/collections/aliases",
                    FakeResponse::json({{"result", QString(3000, 'x')}})
                        .withFault(FakeResponse::Fault::ResetMidBody));
        IndexJob *job = failed(index.activate(2, this));
        QCOMPARE(job->error().code, ErrorCode::Network);
        QCOMPARE(fake.aliases().value("docs"), QStringLiteral("docs_v1"));
        QCOMPARE(ok(index.state(this))->state().live, std::optional<int>(1));
    }

    void specChecksCatchBrokenRequests()
    {
        // The fake's checks are the spec's: a body Qdrant would refuse is caught.
        OpenApiSchema schema;
        QVERIFY(schema.load(QStringLiteral(DD_SOURCE_DIR "/tests/fakes/specs/"
                                                         "qdrant-openapi-v1.19.json")));
        const QString points = "/collections/{collection_name}/points";
        QVERIFY(
            schema
                .checkRequestBody(
                    "PUT", points,
                    QJsonObject{{"points", QJsonArray{QJsonObject{{"id", "chunk-1"},
                                                                  {"vector", QJsonArray{1, 2}}}}}})
                .join(' ')
                .contains("is not a UUID"));
        QVERIFY(!schema
                     .checkRequestBody(
                         "PUT", "/collections/{collection_name}",
                         QJsonObject{{"vectors", QJsonObject{{"size", 4}, {"distance", "Cos"}}}})
                     .isEmpty());
        QVERIFY(schema
                    .checkRequestBody(
                        "POST", "/collections/aliases",
                        QJsonObject{{"actions",
                                     QJsonArray{QJsonObject{
                                         {"create_alias", QJsonObject{{"alias_name", "docs"}}}}}}})
                    .join(' ')
                    .contains("collection_name"));
        QVERIFY(!schema.checkQuery("PUT", points, QUrlQuery("wait=yes")).isEmpty());
        QVERIFY(schema.checkQuery("PUT", points, QUrlQuery("wait=true")).isEmpty());
        QVERIFY(!schema
                     .checkRequestBody("POST", "/collections/{collection_name}/points/query",
                                       QJsonObject{{"vector", QJsonArray{1.0}}})
                     .isEmpty());
    }

    void optionsNameWhatToSet()
    {
        QProcessEnvironment env;
        QdrantOptions options;
        options.name = "docs";
        auto noUrl = resolveQdrantOptions(options, env);
        QVERIFY(!noUrl);
        QVERIFY(noUrl.error().message.contains("DEPLOYDESK_API_QDRANT"));
        env.insert("DEPLOYDESK_API_QDRANT", "http://127.0.0.1:6333");
        auto noKey = resolveQdrantOptions(options, env, "embed-docs");
        QVERIFY(!noKey);
        QVERIFY(noKey.error().message.startsWith(
            "qdrant needs an API key in the secret QDRANT_API_KEY, which stage \"embed-docs\" "
            "does not have"));
        env.insert("QDRANT_API_KEY", "k");
        auto resolved = resolveQdrantOptions(options, env);
        QVERIFY(resolved);
        QCOMPARE(resolved->baseUrl, QUrl("http://127.0.0.1:6333"));
        QCOMPARE(resolved->apiKey, QByteArray("k"));
        options.batchSize = 1000;
        QVERIFY(resolveQdrantOptions(options, env).error().message.contains("64 to 256"));
    }
};

QTEST_GUILESS_MAIN(TestQdrantIndex)
#include "tst_qdrantindex.moc"
