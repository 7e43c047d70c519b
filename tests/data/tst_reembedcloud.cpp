// The re-embed through Cohere and Qdrant (their contract fakes): a full rebuild into
// docs_v1 and the alias, then an incremental edit, with a 429 from Cohere and a 503 from
// Qdrant on the way; every text is embedded once per run and every point stored once.
#include "data/corpus/chunkmanifest.h"
#include "data/embed/cohereembedder.h"
#include "data/index/qdrantindex.h"
#include "data/reembed/reembedjob.h"
#include "fakes/coherefake.h"
#include "fakes/qdrantfake.h"
#include "net/nettestutil.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace DeployDesk;
using namespace DeployDesk::Data;
using namespace DeployDesk::Test;
using namespace std::chrono_literals;

namespace {
const QByteArray kCohereKey = "co-SECRET-0123456789";
const QByteArray kQdrantKey = "qd-SECRET-0123456789";

void writeDoc(const QString &root, const QString &name, const QString &text)
{
    QFile file(QDir(root).filePath(name));
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(text.toUtf8());
}

QString doc(const QString &topic, const QString &extra = {})
{
    QString text = QStringLiteral("# %1\n\n").arg(topic);
    for (int n = 1; n <= 3; ++n) {
        text += QStringLiteral("## %1 part %2\n\n").arg(topic).arg(n);
        for (int i = 0; i < 6; ++i)
            text +=
                QStringLiteral("The %1 part %2 rule %3 %4. ").arg(topic).arg(n).arg(i).arg(extra);
        text += QStringLiteral("\n\n");
    }
    return text;
}
} // namespace

class TestReembedCloud : public QObject
{
    Q_OBJECT

private slots:
    void cohereAndQdrantThroughFaults()
    {
        CohereFake cohere;
        cohere.setApiKey(kCohereKey);
        QVERIFY(cohere.listen());
        QdrantFake qdrant;
        qdrant.setApiKey(kQdrantKey);
        QVERIFY2(qdrant.listen(), qPrintable(qdrant.specError()));

        CohereOptions co;
        co.apiKey = kCohereKey;
        co.secrets = {QString::fromUtf8(kCohereKey)};
        co.baseUrl = cohere.url();
        co.model = QStringLiteral("embed-english-light-v3.0");
        co.dimension = 384;
        co.inputsPerMinute = 0;
        co.batchSize = 10;
        co.timeout = 5s;
        co.retry = quickRetries(4);
        co.retry.maxRetryAfter = 5s;
        auto embedder = std::make_shared<CohereEmbedder>(co);

        QdrantOptions qo;
        qo.name = QStringLiteral("docs");
        qo.baseUrl = qdrant.url();
        qo.apiKey = kQdrantKey;
        qo.secrets = {QString::fromUtf8(kQdrantKey)};
        qo.batchSize = 64;
        qo.timeout = 5s;
        qo.retry = quickRetries(4);
        qo.retry.maxRetryAfter = 5s;
        auto index = std::make_shared<QdrantIndex>(qo);

        QTemporaryDir dir;
        const QString docs = dir.filePath("docs");
        QVERIFY(QDir().mkpath(docs));
        for (const char *topic : {"alpha", "beta", "gamma", "delta", "epsilon"})
            writeDoc(docs, QString::fromLatin1(topic) + ".md", doc(QString::fromLatin1(topic)));

        ReembedOptions options;
        options.docsRoot = docs;
        options.stateDir = dir.filePath("state");
        options.chunker.maxTokens = 80;
        options.batchSize = 4;

        cohere.inject(CohereFake::rateLimited(), 1);
        qdrant.inject("PUT", "/collections/docs_v1/points", FakeResponse::json(QJsonObject{}, 503),
                      1);
        auto *full = new ReembedJob(embedder, index, options, this);
        QStringList log;
        QVERIFY(runJob(full, &log, 60000));
        QVERIFY2(full->outcome() == Job::Outcome::Success, qPrintable(full->errorText()));
        const int chunks = full->plan().chunks;
        QVERIFY(chunks >= 15);
        QCOMPARE(cohere.embeddedInputs(), chunks);       // each text answered once, the 429 retried
        QCOMPARE(cohere.calls(), (chunks + 9) / 10 + 1); // batches of 10, one of them twice
        QCOMPARE(qdrant.aliases().value("docs"), QStringLiteral("docs_v1"));
        QCOMPARE(qdrant.collections().value("docs_v1").points.size(), chunks);
        auto manifest = ChunkManifest::load(ReembedJob::manifestPath(options.stateDir, "docs", 1));
        QVERIFY(manifest.has_value());
        QCOMPARE(manifest->size(), chunks);
        for (const ManifestEntry &e : manifest->entries)
            QVERIFY(qdrant.collections().value("docs_v1").points.contains(
                e.id.toString(QUuid::WithoutBraces)));
        // No key in the log.
        for (const QString &line : log) {
            QVERIFY(!line.contains(QString::fromUtf8(kCohereKey)));
            QVERIFY(!line.contains(QString::fromUtf8(kQdrantKey)));
        }

        // One section edited: one input to Cohere, in place in docs_v1.
        writeDoc(docs, "beta.md",
                 doc("beta").replace("beta part 2 rule 4", "beta part 2 rule four"));
        const int before = cohere.embeddedInputs();
        auto *incremental = new ReembedJob(embedder, index, options, this);
        QVERIFY(runJob(incremental, nullptr, 60000));
        QVERIFY2(incremental->outcome() == Job::Outcome::Success,
                 qPrintable(incremental->errorText()));
        QCOMPARE(incremental->plan().diff.inputs(), 1);
        QCOMPARE(cohere.embeddedInputs() - before, 1);
        QCOMPARE(qdrant.collections().value("docs_v1").points.size(), chunks);
        QCOMPARE(qdrant.collections().size(), 1);
        QVERIFY2(qdrant.violations().isEmpty(), qPrintable(qdrant.violations().join('\n')));
        QVERIFY2(cohere.violations().isEmpty(), qPrintable(cohere.violations().join('\n')));
    }
};

QTEST_GUILESS_MAIN(TestReembedCloud)
#include "tst_reembedcloud.moc"
