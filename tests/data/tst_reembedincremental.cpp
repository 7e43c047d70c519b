// After one doc of a real corpus (three Rust book chapters) is edited, an incremental
// re-embed sends Cohere exactly that doc's changed chunks: the texts the Cohere contract fake
// received are the chunks whose content changed (found by chunking the doc before and after
// the edit), each once, and nothing of the other docs. Real parts: the docs chunker, the
// Cohere embedder over HTTP, LocalIndex (SQLite files) and the manifests.
#include "data/corpus/markdownchunker.h"
#include "data/embed/cohereembedder.h"
#include "data/index/localindex.h"
#include "data/reembed/reembedjob.h"
#include "fakes/coherefake.h"
#include "net/nettestutil.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

using namespace DeployDesk;
using namespace DeployDesk::Data;
using namespace DeployDesk::Test;
using namespace std::chrono_literals;

namespace {

const QByteArray kKey = "co-test-key";
const QString kGolden = QStringLiteral(DD_SOURCE_DIR "/tests/corpus/golden");
const QStringList kDocs{QStringLiteral("appendix-02-operators.md"),
                        QStringLiteral("ch03-02-data-types.md"),
                        QStringLiteral("ch04-01-what-is-ownership.md")};

// Chunk key -> text, of one doc.
QHash<QString, QString> chunkTexts(const QString &root, const QString &doc)
{
    QHash<QString, QString> texts;
    auto chunked = MarkdownChunker().chunkFile(root, doc);
    if (chunked) {
        for (const Chunk &c : chunked->chunks)
            texts.insert(c.key, c.text);
    }
    return texts;
}

// The texts of every embed call the fake answered from call `from` on.
QStringList textsSent(const CohereFake &fake, qsizetype from)
{
    QStringList texts;
    const QList<QJsonObject> bodies = fake.bodies();
    for (qsizetype i = from; i < bodies.size(); ++i) {
        for (const QJsonValue &text : bodies.at(i).value(QStringLiteral("texts")).toArray())
            texts << text.toString();
    }
    return texts;
}

} // namespace

class TestReembedIncremental : public QObject
{
    Q_OBJECT

private slots:
    void editedDocSendsOnlyItsChangedChunks()
    {
        CohereFake cohere;
        cohere.setApiKey(kKey);
        QVERIFY(cohere.listen());
        CohereOptions co;
        co.apiKey = kKey;
        co.baseUrl = cohere.url();
        co.model = QStringLiteral("embed-english-light-v3.0");
        co.dimension = 384;
        co.inputsPerMinute = 0;
        co.timeout = 10s;
        auto embedder = std::make_shared<CohereEmbedder>(co);

        QTemporaryDir dir;
        const QString docs = dir.filePath(QStringLiteral("docs"));
        QVERIFY(QDir().mkpath(docs));
        for (const QString &doc : kDocs)
            QVERIFY(QFile::copy(kGolden + u'/' + doc, docs + u'/' + doc));
        auto index = std::make_shared<LocalIndex>(dir.filePath(QStringLiteral("index")), "docs");
        ReembedOptions options;
        options.docsRoot = docs;
        options.stateDir = dir.filePath(QStringLiteral("state"));

        // The first run embeds every chunk once.
        auto *full = new ReembedJob(embedder, index, options, this);
        QVERIFY(runJob(full, nullptr, 60000));
        QVERIFY2(full->outcome() == Job::Outcome::Success, qPrintable(full->errorText()));
        const int chunks = full->plan().chunks;
        QVERIFY(chunks > 30);
        QCOMPARE(cohere.embeddedInputs(), chunks);

        // Edit one doc: "the heap" (34 times, in some sections only) gets a gloss.
        const QString edited = QStringLiteral("ch04-01-what-is-ownership.md");
        const QHash<QString, QString> before = chunkTexts(docs, edited);
        QFile file(docs + u'/' + edited);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QByteArray text = file.readAll();
        file.close();
        QVERIFY(text.count("the heap") > 10);
        text.replace("the heap", "the heap (the free store)");
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(text);
        file.close();
        const QHash<QString, QString> after = chunkTexts(docs, edited);
        QStringList changed;
        for (auto it = after.cbegin(); it != after.cend(); ++it) {
            if (before.value(it.key()) != it.value())
                changed << it.value();
        }
        // Some chunks of the doc change, not all of them.
        QVERIFY(!changed.isEmpty());
        QVERIFY(changed.size() < after.size());

        const qsizetype callsBefore = cohere.bodies().size();
        auto *incremental = new ReembedJob(embedder, index, options, this);
        QVERIFY(runJob(incremental, nullptr, 60000));
        QVERIFY2(incremental->outcome() == Job::Outcome::Success,
                 qPrintable(incremental->errorText()));
        QStringList sent = textsSent(cohere, callsBefore);
        QCOMPARE(sent.size(), changed.size());
        sent.sort();
        changed.sort();
        QCOMPARE(sent, changed);
        QCOMPARE(incremental->plan().diff.inputs(), int(changed.size()));
        QCOMPARE(incremental->embedded(), int(changed.size()));
        QCOMPARE(cohere.embeddedInputs(), chunks + int(changed.size()));
        QCOMPARE(incremental->finalCount(), chunks);

        // Nothing changed since: nothing is sent.
        const qsizetype callsAfter = cohere.bodies().size();
        auto *again = new ReembedJob(embedder, index, options, this);
        QVERIFY(runJob(again, nullptr, 60000));
        QVERIFY2(again->outcome() == Job::Outcome::Success, qPrintable(again->errorText()));
        QCOMPARE(cohere.bodies().size(), callsAfter);
        QVERIFY2(cohere.violations().isEmpty(), qPrintable(cohere.violations().join('\n')));
    }
};

QTEST_GUILESS_MAIN(TestReembedIncremental)
#include "tst_reembedincremental.moc"
