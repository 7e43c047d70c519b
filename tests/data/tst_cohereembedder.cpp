// The Cohere embedder against the Cohere contract fake (apis.md §4): request shape, batches of
// at most 96, calls in flight, the inputs-per-minute budget, and faults (429 with and without
// Retry-After, 5xx, resets, malformed JSON, timeouts) with every text embedded exactly once
// and in its place. Orderings are checked on the fake's clock, never the client's speed.
#include "data/embed/cohereembedder.h"
#include "data/embed/cohereembedjob.h"
#include "data/embed/inputbudget.h"
#include "fakes/coherefake.h"
#include "net/nettestutil.h"

#include <QMap>
#include <QSignalSpy>
#include <QTest>

using namespace DeployDesk;
using namespace DeployDesk::Data;
using namespace DeployDesk::Test;
using namespace std::chrono_literals;

namespace {
const QByteArray kKey = "co-SECRET-key-0123456789";

QStringList makeTexts(int count, const QString &tag = QStringLiteral("chunk"))
{
    QStringList texts;
    for (int i = 0; i < count; ++i)
        texts << QStringLiteral("%1 %2 about ownership and borrowing").arg(tag).arg(i);
    return texts;
}

CohereOptions optionsFor(const CohereFake &fake)
{
    CohereOptions options;
    options.apiKey = kKey;
    options.secrets = {QString::fromUtf8(kKey)};
    options.baseUrl = fake.url();
    options.inputsPerMinute = 0;
    options.timeout = 5s;
    options.retry = quickRetries(4);
    options.retry.maxRetryAfter = 5s;
    return options;
}

// Every text has the fake's vector for it, in its place, announced exactly once.
void verifyAll(const EmbedJob *job, const QList<int> &announced, const QString &inputType,
               int dimension = 1024)
{
    QCOMPARE(job->vectors().size(), job->texts().size());
    QCOMPARE(announced.size(), job->texts().size());
    for (int i = 0; i < job->texts().size(); ++i) {
        QCOMPARE(announced.at(i), 1);
        QCOMPARE(job->vectors().at(i),
                 CohereFake::expectedVector(job->texts().at(i), inputType, dimension));
    }
}

struct Watch
{
    QList<int> announced;
    QList<int> progress;
    QStringList log;

    void attach(EmbedJob *job)
    {
        announced = QList<int>(job->total(), 0);
        QObject::connect(job, &EmbedJob::batchReady, job,
                         [this](int first, const QList<Embedding> &vectors) {
                             for (int i = 0; i < vectors.size(); ++i)
                                 ++announced[first + i];
                         });
        QObject::connect(job, &EmbedJob::progress, job,
                         [this](int done, int) { progress << done; });
    }
};
} // namespace

class TestCohereEmbedder : public QObject
{
    Q_OBJECT

private slots:
    void requestsFollowTheContract()
    {
        CohereFake fake;
        fake.setApiKey(kKey);
        QVERIFY(fake.listen());
        CohereEmbedder embedder(optionsFor(fake));
        QCOMPARE(embedder.info().dimension, 1024);
        QCOMPARE(embedder.info().model, QStringLiteral("embed-english-v3.0"));

        EmbedJob *job = embedder.embed(makeTexts(200), InputType::Document, this);
        Watch watch;
        watch.attach(job);
        QVERIFY(runJob(job, &watch.log));
        QCOMPARE(job->outcome(), Job::Outcome::Success);
        verifyAll(job, watch.announced, QStringLiteral("search_document"));
        QCOMPARE(watch.progress.last(), 200);
        QVERIFY(fake.violations().isEmpty());

        // 96 + 96 + 8, each a V2EmbedRequest with the fields Cohere wants.
        QCOMPARE(fake.calls(), 3);
        QList<int> sizes;
        for (const QJsonObject &body : fake.bodies()) {
            sizes << int(body.value("texts").toArray().size());
            QCOMPARE(body.value("model").toString(), QStringLiteral("embed-english-v3.0"));
            QCOMPARE(body.value("input_type").toString(), QStringLiteral("search_document"));
            QCOMPARE(body.value("embedding_types").toArray(), QJsonArray{"float"});
            QCOMPARE(body.value("truncate").toString(), QStringLiteral("NONE"));
            QVERIFY(!body.contains("output_dimension"));
        }
        std::sort(sizes.begin(), sizes.end());
        QCOMPARE(sizes, (QList<int>{8, 96, 96}));
        for (const FakeRequest &r : fake.server().requests())
            QCOMPARE(r.header("authorization"), "Bearer " + kKey);
        // The key never reaches the log.
        QVERIFY(!watch.log.join('\n').contains(QString::fromUtf8(kKey)));
    }

    void queriesAreSearchQueries()
    {
        CohereFake fake;
        fake.setApiKey(kKey);
        QVERIFY(fake.listen());
        CohereOptions options = optionsFor(fake);
        options.model = QStringLiteral("embed-v4.0");
        options.dimension = 512;
        CohereEmbedder embedder(options);
        EmbedJob *job =
            embedder.embed({QStringLiteral("what is a borrow?")}, InputType::Query, this);
        Watch watch;
        watch.attach(job);
        QVERIFY(runJob(job));
        QCOMPARE(job->outcome(), Job::Outcome::Success);
        verifyAll(job, watch.announced, QStringLiteral("search_query"), 512);
        QCOMPARE(fake.bodies().value(0).value("input_type").toString(),
                 QStringLiteral("search_query"));
        QCOMPARE(fake.bodies().value(0).value("output_dimension").toInt(), 512);
    }

    void callsInFlightAreBounded()
    {
        CohereFake fake;
        fake.setApiKey(kKey);
        fake.setLatency(150ms);
        QVERIFY(fake.listen());
        CohereOptions options = optionsFor(fake);
        options.batchSize = 10;
        options.maxInFlight = 3;
        CohereEmbedder embedder(options);
        auto *job =
            static_cast<CohereEmbedJob *>(embedder.embed(makeTexts(90), InputType::Document, this));
        Watch watch;
        watch.attach(job);
        QVERIFY(runJob(job));
        QCOMPARE(job->outcome(), Job::Outcome::Success);
        verifyAll(job, watch.announced, QStringLiteral("search_document"));
        QCOMPARE(fake.calls(), 9);
        QCOMPARE(job->peakInFlight(), 3);
        // On the fake's clock: never more than 3 calls between arrival and answer at once.
        const auto requests = fake.server().requests();
        int peak = 0;
        for (const FakeRequest &a : requests) {
            int open = 0;
            for (const FakeRequest &b : requests)
                open += b.receivedNs <= a.receivedNs && b.answeredNs > a.receivedNs;
            peak = std::max(peak, open);
        }
        QVERIFY2(peak <= 3 && peak >= 2, qPrintable(QString::number(peak)));
    }

    // The budget holds in every window on the fake's clock: the fake, with the same budget,
    // never answers 429, and a window's leftover room is used by a smaller batch.
    void budgetIsKeptInEveryWindow()
    {
        CohereFake fake;
        fake.setApiKey(kKey);
        fake.setBudget(100, 1s);
        QVERIFY(fake.listen());
        CohereOptions options = optionsFor(fake);
        options.inputsPerMinute = 100;
        options.budgetWindow = 1s;
        options.budgetMargin = 50ms;
        options.batchSize = 40;
        CohereEmbedder embedder(options);
        EmbedJob *job = embedder.embed(makeTexts(250), InputType::Document, this);
        Watch watch;
        watch.attach(job);
        QVERIFY(runJob(job, &watch.log));
        QCOMPARE(job->outcome(), Job::Outcome::Success);
        verifyAll(job, watch.announced, QStringLiteral("search_document"));
        QCOMPARE(fake.rateLimitedCalls(), 0);
        QVERIFY(fake.maxWindowInputs() <= 100);
        // 40 + 40 + 20 fill the first window; the next waits for it to pass.
        const auto requests = fake.server().requests();
        QCOMPARE(fake.bodies().value(2).value("texts").toArray().size(), 20);
        QVERIFY(requests.at(3).receivedNs - requests.at(0).receivedNs >= 1'000'000'000);
    }

    void faultsLoseAndDuplicateNothing_data()
    {
        QTest::addColumn<FakeResponse>("fault");
        QTest::addColumn<int>("retryAfterMs"); // the least wait before the retry
        // Qt's HTTP layer itself sends a request again once when the connection closes before
        // a byte of the answer; then the embedder sees no failure and makes no retry.
        QTest::addColumn<int>("retries");
        QTest::newRow("429 with Retry-After") << CohereFake::rateLimited(1) << 1000 << 1;
        QTest::newRow("503") << FakeResponse::json({{"message", "unavailable"}}, 503) << 0 << 1;
        QTest::newRow("500 plain text") << FakeResponse::text("internal error", 500) << 0 << 1;
        QTest::newRow("reset mid-answer") << FakeResponse::json({{"padding", QString(4000, 'x')}})
                                                 .withFault(FakeResponse::Fault::ResetMidBody)
                                          << 0 << 1;
        QTest::newRow("reset before answer")
            << FakeResponse::faulty(FakeResponse::Fault::ResetBeforeAnswer) << 0 << 0;
        QTest::newRow("malformed JSON")
            << FakeResponse::text("{\"embeddings\": {\"float\": [[0.1, ", 200, "application/json")
            << 0 << 1;
        QTest::newRow("wrong shape")
            << FakeResponse::json({{"embeddings", QJsonObject()}}) << 0 << 1;
        QTest::newRow("timeout") << FakeResponse::faulty(FakeResponse::Fault::NeverAnswer) << 0
                                 << 1;
    }

    void faultsLoseAndDuplicateNothing()
    {
        QFETCH(FakeResponse, fault);
        QFETCH(int, retryAfterMs);
        QFETCH(int, retries);
        CohereFake fake;
        fake.setApiKey(kKey);
        fake.setLatency(50ms);
        QVERIFY(fake.listen());
        fake.inject(fault, 1); // the first call to arrive, in the middle of the batches
        CohereOptions options = optionsFor(fake);
        options.batchSize = 25;
        options.maxInFlight = 2;
        options.timeout = 400ms;
        CohereEmbedder embedder(options);
        auto *job = static_cast<CohereEmbedJob *>(
            embedder.embed(makeTexts(100), InputType::Document, this));
        Watch watch;
        watch.attach(job);
        QVERIFY(runJob(job, &watch.log));
        QVERIFY2(job->outcome() == Job::Outcome::Success, qPrintable(job->errorText()));
        verifyAll(job, watch.announced, QStringLiteral("search_document"));
        QCOMPARE(fake.calls(), 5);
        QCOMPARE(job->retries(), retries);
        QCOMPARE(watch.log.join('\n').contains("retrying in"), retries > 0);
        // Each text answered once with a vector by the fake: the faulty call had none.
        for (const QString &text : job->texts())
            QCOMPARE(fake.timesEmbedded().value(text), 1);
        if (retryAfterMs > 0) {
            // The batch that got the 429 came back no sooner than Retry-After asked.
            const auto requests = fake.server().requests();
            const QJsonValue first = requests.at(0).jsonObject().value("texts");
            bool found = false;
            for (int i = 1; i < requests.size() && !found; ++i) {
                if (requests.at(i).jsonObject().value("texts") != first)
                    continue;
                found = true;
                QVERIFY(requests.at(i).receivedNs - requests.at(0).answeredNs >=
                        qint64(retryAfterMs) * 1'000'000);
            }
            QVERIFY(found);
        }
    }

    // A 429 without Retry-After (Cohere sends none) holds back every call, not only the
    // one that got it, for at least the rate-limit floor.
    void rateLimitPausesEveryCall()
    {
        CohereFake fake;
        fake.setApiKey(kKey);
        QVERIFY(fake.listen());
        fake.inject(CohereFake::rateLimited(0), 1);
        CohereOptions options = optionsFor(fake);
        options.batchSize = 10;
        options.maxInFlight = 1;
        options.retry.rateLimitFloor = 300ms;
        CohereEmbedder embedder(options);
        EmbedJob *job = embedder.embed(makeTexts(30), InputType::Document, this);
        Watch watch;
        watch.attach(job);
        QVERIFY(runJob(job));
        QCOMPARE(job->outcome(), Job::Outcome::Success);
        verifyAll(job, watch.announced, QStringLiteral("search_document"));
        const auto requests = fake.server().requests();
        QCOMPARE(requests.size(), 4);
        QVERIFY(requests.at(1).receivedNs - requests.at(0).answeredNs >= 290'000'000);
    }

    void persistentFailureGivesUp()
    {
        CohereFake fake;
        fake.setApiKey(kKey);
        QVERIFY(fake.listen());
        fake.inject(FakeResponse::json({{"message", "upstream overloaded"}}, 503), 100);
        CohereOptions options = optionsFor(fake);
        options.retry.maxAttempts = 3;
        CohereEmbedder embedder(options);
        EmbedJob *job = embedder.embed(makeTexts(5), InputType::Document, this);
        QVERIFY(runJob(job));
        QCOMPARE(job->outcome(), Job::Outcome::Failed);
        QCOMPARE(fake.calls(), 3);
        QVERIFY2(job->errorText().contains("did not embed texts 1–5 of 5 after 3 attempt(s)"),
                 qPrintable(job->errorText()));
        QVERIFY2(job->errorText().contains("upstream overloaded"), qPrintable(job->errorText()));
    }

    // Errors a user must fix end the job at once, in Cohere's words, naming the texts.
    void refusalsAreReportedInCoheresWords_data()
    {
        QTest::addColumn<QString>("what");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("expected");
        QTest::newRow("bad key") << "key" << int(ErrorCode::Unauthorized)
                                 << "HTTP 401: invalid api token";
        QTest::newRow("billing") << "billing" << int(ErrorCode::Remote)
                                 << "HTTP 402: Please add or update your payment method";
        QTest::newRow("over-length")
            << "length" << int(ErrorCode::Remote)
            << "Cohere refused texts 1–3 of 3: POST %1/v2/embed: HTTP 400: invalid request: "
               "input at index 2 is too long";
        QTest::newRow("unknown model")
            << "model" << int(ErrorCode::NotFound) << "model 'embed-nonexistent' not found";
    }

    void refusalsAreReportedInCoheresWords()
    {
        QFETCH(QString, what);
        QFETCH(int, code);
        QFETCH(QString, expected);
        CohereFake fake;
        fake.setApiKey(what == "key" ? QByteArray("another-key") : kKey);
        fake.setBillingLimitReached(what == "billing");
        fake.setMaxTokens(what == "length" ? 5 : 0);
        QVERIFY(fake.listen());
        CohereOptions options = optionsFor(fake);
        if (what == "model") {
            options.model = QStringLiteral("embed-nonexistent");
            options.dimension = 1024;
        }
        CohereEmbedder embedder(options);
        QStringList texts{"short one", "short two", "a text far longer than five words allows"};
        EmbedJob *job = embedder.embed(texts, InputType::Document, this);
        QVERIFY(runJob(job));
        QCOMPARE(job->outcome(), Job::Outcome::Failed);
        QCOMPARE(int(job->error().code), code);
        if (expected.contains("%1"))
            expected = expected.arg(fake.url().toString());
        QVERIFY2(job->errorText().contains(expected), qPrintable(job->errorText()));
        if (what == "key")
            QVERIFY(job->errorText().endsWith("check the secret COHERE_API_KEY (deploydeskctl "
                                              "secrets set COHERE_API_KEY)"));
        QVERIFY(!job->errorText().contains(QString::fromUtf8(kKey)));
        QVERIFY(!job->error().detail.contains(QString::fromUtf8(kKey)));
        QCOMPARE(fake.calls(), 1); // not retried
    }

    void emptyTextIsRefusedBeforeSending()
    {
        CohereFake fake;
        fake.setApiKey(kKey);
        QVERIFY(fake.listen());
        CohereEmbedder embedder(optionsFor(fake));
        EmbedJob *job = embedder.embed({"one", "  ", "three"}, InputType::Document, this);
        QVERIFY(runJob(job));
        QCOMPARE(job->outcome(), Job::Outcome::Failed);
        QCOMPARE(job->error().code, ErrorCode::Invalid);
        QVERIFY2(job->errorText().startsWith("text 2 of 3 is empty"), qPrintable(job->errorText()));
        QCOMPARE(fake.calls(), 0);
    }

    // An open job (texts streamed in as the docs are chunked) sends full batches only, each
    // appended text in its place, the last partial batch once the input is closed, and
    // succeeds only then.
    void openJobSendsFullBatchesUntilClosed()
    {
        CohereFake fake;
        fake.setApiKey(kKey);
        QVERIFY(fake.listen());
        CohereOptions options = optionsFor(fake);
        options.batchSize = 10;
        options.maxInFlight = 4;
        CohereEmbedder embedder(options);
        auto *job = static_cast<CohereEmbedJob *>(
            embedder.embed(makeTexts(25, QStringLiteral("first")), InputType::Document, this));
        job->setOpen(true);
        QMap<int, int> announced;
        connect(job, &EmbedJob::batchReady, this, [&](int first, const QList<Embedding> &v) {
            for (int i = 0; i < v.size(); ++i)
                ++announced[first + i];
        });
        QSignalSpy finished(job, &Job::result);
        QStringList log;
        connect(job, &Job::logLine, this, [&](const QString &line) { log << line; });
        job->start();

        // 25 texts: two calls of 10; the other 5 wait for more.
        QTRY_COMPARE(job->done(), 20);
        QCOMPARE(job->calls(), 2);
        QCOMPARE(finished.count(), 0);
        QVERIFY2(log.value(0).startsWith("embedding the texts as they come"),
                 qPrintable(log.value(0)));

        job->append(makeTexts(12, QStringLiteral("more"))); // 17 waiting: one more call of 10
        QCOMPARE(job->total(), 37);
        QTRY_COMPARE(job->done(), 30);
        QCOMPARE(job->calls(), 3);
        QCOMPARE(finished.count(), 0); // every text so far has its vector, but more may come

        job->closeInput(); // the last 7 go
        QTRY_COMPARE(finished.count(), 1);
        QCOMPARE(job->outcome(), Job::Outcome::Success);
        QCOMPARE(job->calls(), 4);
        QList<int> sizes;
        for (const QJsonObject &body : fake.bodies())
            sizes << int(body.value("texts").toArray().size());
        QCOMPARE(sizes, (QList<int>{10, 10, 10, 7}));
        QCOMPARE(job->texts().size(), 37);
        QCOMPARE(job->texts().at(25), QStringLiteral("more 0 about ownership and borrowing"));
        for (int i = 0; i < 37; ++i) {
            QCOMPARE(announced.value(i), 1);
            QCOMPARE(job->vectors().at(i),
                     CohereFake::expectedVector(job->texts().at(i), "search_document", 1024));
        }
    }

    void openJobRefusesAnEmptyAppendedText()
    {
        CohereFake fake;
        fake.setApiKey(kKey);
        fake.setLatency(200ms);
        QVERIFY(fake.listen());
        CohereOptions options = optionsFor(fake);
        options.batchSize = 3;
        CohereEmbedder embedder(options);
        EmbedJob *job = embedder.embed(makeTexts(3), InputType::Document, this);
        job->setOpen(true);
        QSignalSpy finished(job, &Job::result);
        QSignalSpy batches(job, &EmbedJob::batchReady);
        job->start(); // a full batch: one call
        QTRY_COMPARE(fake.calls(), 1);
        job->append({QStringLiteral("four"), QStringLiteral(" \n ")});
        QCOMPARE(finished.count(), 1);
        QCOMPARE(job->outcome(), Job::Outcome::Failed);
        QCOMPARE(job->error().code, ErrorCode::Invalid);
        QVERIFY2(job->errorText().startsWith("text 5 of 5 is empty"), qPrintable(job->errorText()));
        // The call in flight was aborted: its answer is never announced.
        QVERIFY(!batches.wait(400));
    }

    void cancelStopsCallsAndReportsOnce()
    {
        CohereFake fake;
        fake.setApiKey(kKey);
        fake.setLatency(300ms);
        QVERIFY(fake.listen());
        CohereOptions options = optionsFor(fake);
        options.batchSize = 10;
        options.maxInFlight = 2;
        CohereEmbedder embedder(options);
        EmbedJob *job = embedder.embed(makeTexts(100), InputType::Document, this);
        QSignalSpy finished(job, &Job::result);
        QSignalSpy batches(job, &EmbedJob::batchReady);
        job->start();
        QTRY_COMPARE(fake.calls(), 2);
        job->cancel();
        QTRY_COMPARE(finished.count(), 1);
        QCOMPARE(job->outcome(), Job::Outcome::Cancelled);
        QVERIFY(job->errorText().isEmpty());
        // Nothing more is sent, and nothing more is announced, once cancelled: no request
        // arrives in the time the answers to the aborted calls would have taken.
        QSignalSpy received(&fake.server(), &FakeHttpServer::requestReceived);
        QVERIFY(!received.wait(600));
        QCOMPARE(fake.calls(), 2);
        QCOMPARE(batches.count(), 0);
        QCOMPARE(finished.count(), 1);
    }

    void optionsNameWhatToSet()
    {
        QProcessEnvironment env;
        CohereOptions options;
        auto missing = resolveCohereOptions(options, env, QStringLiteral("embed-docs"));
        QVERIFY(!missing);
        QCOMPARE(missing.error().code, ErrorCode::NotFound);
        QCOMPARE(missing.error().message,
                 QStringLiteral("cohere needs an API key in the secret COHERE_API_KEY, which "
                                "stage \"embed-docs\" does not have: set it with `deploydeskctl "
                                "secrets set COHERE_API_KEY` and list it under the stage's "
                                "secrets: [COHERE_API_KEY]"));

        env.insert(QStringLiteral("COHERE_API_KEY"), QStringLiteral("k"));
        env.insert(QStringLiteral("DEPLOYDESK_API_COHERE"), QStringLiteral("http://127.0.0.1:9"));
        auto resolved = resolveCohereOptions(options, env);
        QVERIFY(resolved);
        QCOMPARE(resolved->baseUrl, QUrl("http://127.0.0.1:9"));
        QCOMPARE(resolved->apiKey, QByteArray("k"));
        QCOMPARE(resolved->dimension, 1024);
        QVERIFY(resolved->notes.value(0).contains("DEPLOYDESK_API_COHERE"));

        options.model = QStringLiteral("embed-english-light-v3.0");
        options.dimension = 1024;
        auto wrong = resolveCohereOptions(options, env);
        QVERIFY(!wrong);
        QVERIFY(wrong.error().message.contains("gives 384 dimensions, not 1024"));
        options.model = QStringLiteral("embed-v4.0");
        options.dimension = 768;
        QVERIFY(!resolveCohereOptions(options, env));
        options.dimension = 256;
        QCOMPARE(resolveCohereOptions(options, env)->dimension, 256);
    }

    void budgetLogIsExact()
    {
        InputBudget budget(100, 1000ms);
        QCOMPARE(budget.room(0), 100);
        budget.spend(0, 60);
        budget.spend(100, 40);
        QCOMPARE(budget.room(500), 0);
        QCOMPARE(budget.waitFor(500, 30), 500); // the 60 at t=0 leave at t=1000
        QCOMPARE(budget.waitFor(500, 80), 600); // both must leave
        QCOMPARE(budget.room(1000), 60);
        QCOMPARE(budget.room(1100), 100);
        InputBudget none;
        QVERIFY(!none.isLimited());
        QCOMPARE(none.waitFor(0, 1'000'000), 0);
    }
};

QTEST_GUILESS_MAIN(TestCohereEmbedder)
#include "tst_cohereembedder.moc"
