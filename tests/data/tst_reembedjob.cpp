// The re-embed: incremental updates send only what changed, a full rebuild switches the alias,
// a failed golden question blocks the switch, and a cancelled rebuild resumes without
// embedding committed chunks again. Real parts: the docs chunker, LocalEmbedder, LocalIndex
// (SQLite files) and the manifests.
#include "data/corpus/chunkmanifest.h"
#include "data/corpus/docscorpus.h"
#include "data/corpus/markdownchunker.h"
#include "data/embed/localembedder.h"
#include "data/index/localindex.h"
#include "data/reembed/reembedjob.h"
#include "net/nettestutil.h"

#include <QDir>
#include <QFile>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace DeployDesk;
using namespace DeployDesk::Data;
using namespace DeployDesk::Test;

namespace {

// The local embedder, counting the document texts it is asked to embed (those streamed
// into an open job included: counted when the job ends).
class CountingEmbedder final : public Embedder
{
public:
    mutable int documents = 0;
    EmbedderInfo info() const override { return m_inner.info(); }
    EmbedJob *embed(QStringList texts, InputType type, QObject *parent) const override
    {
        EmbedJob *job = m_inner.embed(std::move(texts), type, parent);
        if (type == InputType::Document) {
            QObject::connect(job, &Job::result, job, [this, job] { documents += job->total(); });
        }
        return job;
    }

private:
    LocalEmbedder m_inner{64};
};

const char *const kTopics[] = {"borrowing", "ownership", "lifetimes", "traits",
                               "generics",  "closures",  "iterators", "macros"};

QString section(const QString &topic, int n)
{
    QString text = QStringLiteral("## %1 part %2\n\n").arg(topic).arg(n);
    for (int i = 0; i < 6; ++i)
        text += QStringLiteral("The %1 rules explain %1 part %2 case %3 with examples. ")
                    .arg(topic)
                    .arg(n)
                    .arg(i);
    return text + QStringLiteral("\n\n");
}

void writeDoc(const QString &root, const QString &topic, const QString &extra = {})
{
    QString text = QStringLiteral("# %1\n\n").arg(topic);
    for (int n = 1; n <= 3; ++n)
        text += section(topic, n);
    text += extra;
    QFile file(QDir(root).filePath(topic + QStringLiteral(".md")));
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(text.toUtf8());
}

} // namespace

class TestReembedJob : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_docs, m_indexDir, m_stateDir;
    std::shared_ptr<CountingEmbedder> m_embedder;
    std::shared_ptr<LocalIndex> m_index;

    ReembedOptions options(ReembedOptions::Mode mode = ReembedOptions::Mode::Incremental)
    {
        ReembedOptions o;
        o.docsRoot = m_docs;
        o.stateDir = m_stateDir;
        o.mode = mode;
        o.chunker.maxTokens = 80; // one chunk per section
        o.batchSize = 2;
        o.topK = 3;
        return o;
    }

    ReembedJob *run(ReembedOptions o, Job::Outcome expected = Job::Outcome::Success,
                    QStringList *log = nullptr)
    {
        auto *job = new ReembedJob(m_embedder, m_index, std::move(o), this);
        [&] {
            QVERIFY(runJob(job, log));
            QVERIFY2(job->outcome() == expected, qPrintable(job->errorText()));
        }();
        return job;
    }

    IndexState state()
    {
        auto *job = m_index->state(this);
        [&] { QVERIFY(runJob(job)); }();
        return job->state();
    }

    qint64 count(int version)
    {
        auto *job = m_index->count(version, this);
        [&] { QVERIFY(runJob(job)); }();
        return job->count();
    }

    int manifestSize(int version)
    {
        auto manifest = ChunkManifest::load(
            ReembedJob::manifestPath(m_stateDir, QStringLiteral("docs"), version));
        [&] {
            QVERIFY2(manifest.has_value(),
                     qPrintable(manifest ? QString() : manifest.error().toString()));
        }();
        return manifest ? manifest->size() : -1;
    }

private slots:
    void init()
    {
        QVERIFY(m_dir.isValid());
        const QString base = m_dir.filePath(QString::number(QDateTime::currentMSecsSinceEpoch()) +
                                            QTest::currentTestFunction());
        m_docs = base + QStringLiteral("/docs");
        m_indexDir = base + QStringLiteral("/index");
        m_stateDir = base + QStringLiteral("/state");
        QVERIFY(QDir().mkpath(m_docs) && QDir().mkpath(m_indexDir));
        for (const char *topic : kTopics)
            writeDoc(m_docs, QString::fromLatin1(topic));
        m_embedder = std::make_shared<CountingEmbedder>();
        m_index = std::make_shared<LocalIndex>(m_indexDir, QStringLiteral("docs"));
    }

    void incrementalSendsOnlyWhatChanged()
    {
        // No live version yet: the first run builds v1 whole and makes it live.
        ReembedJob *first = run(options());
        const int chunks = first->plan().chunks;
        QVERIFY(chunks >= 24); // 8 docs x 3 sections at least
        QCOMPARE(m_embedder->documents, chunks);
        QCOMPARE(state().live, 1);
        QCOMPARE(count(1), chunks);

        // One section edited, one doc deleted, one section added.
        m_embedder->documents = 0;
        QString edited = QString::fromUtf8([&] {
            QFile f(QDir(m_docs).filePath("traits.md"));
            return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
        }());
        edited.replace(QStringLiteral("traits part 2 case 3"),
                       QStringLiteral("traits part 2 case three"));
        {
            QFile f(QDir(m_docs).filePath("traits.md"));
            QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
            f.write(edited.toUtf8());
        }
        const int removedChunks = [&] {
            auto m = ChunkManifest::load(
                ReembedJob::manifestPath(m_stateDir, QStringLiteral("docs"), 1));
            int n = 0;
            for (const auto &e : m->entries)
                n += e.docPath == QLatin1String("macros.md");
            return n;
        }();
        QVERIFY(QFile::remove(QDir(m_docs).filePath("macros.md")));
        writeDoc(m_docs, QStringLiteral("closures"), section(QStringLiteral("capture"), 4));

        ReembedJob *second = run(options());
        QCOMPARE(second->plan().target, 1); // in place
        QCOMPARE(second->plan().diff.changed, 1);
        const int added = second->plan().diff.added; // the new section (split in parts)
        QVERIFY(added >= 1 && added <= 2);
        QCOMPARE(second->plan().diff.removed, removedChunks);
        // Only the changed section and the new one were sent, not the ~20 unchanged ones.
        QCOMPARE(m_embedder->documents, 1 + added);
        QCOMPARE(second->removed(), removedChunks);
        QCOMPARE(count(1), second->plan().chunks);
        QCOMPARE(manifestSize(1), second->plan().chunks);
        QCOMPARE(state().versions, QList<int>{1});

        // Nothing changed: nothing sent.
        m_embedder->documents = 0;
        ReembedJob *third = run(options());
        QVERIFY(third->plan().diff.isEmpty());
        QCOMPARE(m_embedder->documents, 0);
    }

    void fullRebuildSwitchesAndKeepsThePrevious()
    {
        run(options());
        QCOMPARE(state().live, 1);
        QStringList log;
        ReembedJob *full = run(options(ReembedOptions::Mode::Full), Job::Outcome::Success, &log);
        QCOMPARE(full->plan().target, 2);
        const IndexState after = state();
        QCOMPARE(after.live, 2);
        QCOMPARE(after.versions, (QList<int>{1, 2}));
        QCOMPARE(count(2), full->plan().chunks);
        QCOMPARE(manifestSize(2), full->plan().chunks);
        QVERIFY2(log.contains(QStringLiteral("index switch v1 → v2")), qPrintable(log.join('\n')));
        QVERIFY(!QFile::exists(ReembedJob::statePath(m_stateDir, QStringLiteral("docs"))));
    }

    // A new version's chunks are embedded as the docs are chunked: each point still holds
    // its own chunk's vector (found first, at similarity 1, by that vector), nothing is
    // missing or doubled, and the plan's figures follow in the log.
    void newVersionIsEmbeddedAsTheDocsAreChunked()
    {
        // Enough docs that the version is ready while most are still being chunked.
        for (int i = 0; i < 200; ++i)
            writeDoc(m_docs, QStringLiteral("extra%1").arg(i));
        QStringList log;
        ReembedJob *job = run(options(ReembedOptions::Mode::Full), Job::Outcome::Success, &log);
        const int chunks = job->plan().chunks;
        QVERIFY(chunks >= 208 * 3);
        QCOMPARE(m_embedder->documents, chunks);
        QCOMPARE(job->embedded(), chunks);
        QCOMPARE(job->plan().diff.added, chunks);
        QCOMPARE(count(1), chunks);
        QCOMPARE(manifestSize(1), chunks);
        QCOMPARE(state().live, 1);
        const QString joined = log.join('\n');
        QVERIFY2(log.value(0).contains(QLatin1String("embedded as they are chunked")),
                 qPrintable(joined));
        QVERIFY2(joined.contains(QStringLiteral("%1 chunks: %1 new").arg(chunks)),
                 qPrintable(joined));

        auto manifest =
            ChunkManifest::load(ReembedJob::manifestPath(m_stateDir, QStringLiteral("docs"), 1));
        QVERIFY(manifest);
        MarkdownChunker chunker(options().chunker);
        QSet<QString> ids;
        const auto docs = DocsCorpus::scan(m_docs);
        QVERIFY(docs);
        for (const QString &doc : *docs) {
            auto chunked = chunker.chunkFile(m_docs, doc);
            QVERIFY(chunked);
            for (const Chunk &chunk : chunked->chunks) {
                ids.insert(chunk.idString());
                auto *query = m_index->query(1, LocalEmbedder::embedText(chunk.text, 64), 1, this);
                QVERIFY(runJob(query));
                QCOMPARE(query->hits().size(), 1);
                QCOMPARE(query->hits().first().id, chunk.idString());
                QVERIFY(query->hits().first().score > 0.9999);
                QCOMPARE(query->hits().first().payload.value("text").toString(), chunk.text);
            }
        }
        QCOMPARE(ids.size(), chunks);
        // Nothing left to do: the manifest lists exactly the docs' chunks.
        m_embedder->documents = 0;
        QCOMPARE(run(options())->plan().diff.inputs(), 0);
        QCOMPARE(m_embedder->documents, 0);
    }

    void goldenQuestionsGateTheSwitch()
    {
        run(options());
        ReembedOptions o = options(ReembedOptions::Mode::Full);
        o.golden = {
            {QStringLiteral("how do lifetimes work"), QStringLiteral("/docs/lifetimes"), 1}};
        run(o); // passes: v2 live
        QCOMPARE(state().live, 2);

        o.golden.append(
            {QStringLiteral("iterators rules explained"), QStringLiteral("/docs/generics"), 2});
        ReembedJob *failed = run(o, Job::Outcome::Failed);
        const QString message = failed->errorText();
        QVERIFY2(message.contains(QStringLiteral("\"iterators rules explained\"")),
                 qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral("/docs/generics")), qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral("/docs/iterators")), qPrintable(message)); // found
        QVERIFY2(message.contains(QStringLiteral("line 2")), qPrintable(message));
        QCOMPARE(state().live, 2); // v3 built, not made live
        QCOMPARE(state().versions, (QList<int>{1, 2, 3}));
    }

    void cancelledRebuildResumesWithoutEmbeddingAgain()
    {
        auto *job = new ReembedJob(m_embedder, m_index, options(), this);
        connect(job, &Job::progress, job, [job](qint64 done, qint64, qint64) {
            if (done >= 4)
                job->cancel();
        });
        QVERIFY(runJob(job));
        QCOMPARE(job->outcome(), Job::Outcome::Cancelled);
        const int chunks = job->plan().chunks;
        const int committed = manifestSize(1);
        QVERIFY(committed >= 4 && committed < chunks);
        QCOMPARE(count(1), committed); // what the manifest lists is in the index, no more
        QVERIFY(!state().live);        // not switched
        QVERIFY(QFile::exists(ReembedJob::statePath(m_stateDir, QStringLiteral("docs"))));

        m_embedder->documents = 0;
        ReembedJob *resumed = run(options());
        QVERIFY(resumed->plan().resumed);
        QCOMPARE(resumed->plan().target, 1);
        QCOMPARE(m_embedder->documents, chunks - committed);
        QCOMPARE(count(1), chunks);
        QCOMPARE(manifestSize(1), chunks);
        QCOMPARE(state().live, 1);
    }

    void dryRunChangesNothing()
    {
        auto *job = new ReembedJob(m_embedder, m_index, options(), this);
        job->setDryRun(true);
        QStringList log;
        QVERIFY(runJob(job, &log));
        QCOMPARE(job->outcome(), Job::Outcome::Success);
        QCOMPARE(m_embedder->documents, 0);
        QVERIFY(state().versions.isEmpty());
        QCOMPARE(job->plan().diff.inputs(), job->plan().chunks);
        QVERIFY2(log.last().contains(QStringLiteral("inputs to embed")),
                 qPrintable(log.join('\n')));
    }

    void docsThatCannotBeReadFailBeforeAnythingIsEmbedded()
    {
        run(options());
        QCOMPARE(state().live, 1);
        m_embedder->documents = 0;
        // The docs are chunked while the version to write is made: a folder that is gone
        // fails the run, names the folder, and nothing is embedded or switched.
        ReembedOptions o = options(ReembedOptions::Mode::Full);
        o.docsRoot = m_docs + QStringLiteral("-moved");
        ReembedJob *failed = run(o, Job::Outcome::Failed);
        QVERIFY2(failed->errorText().contains(o.docsRoot), qPrintable(failed->errorText()));
        QCOMPARE(m_embedder->documents, 0);
        QCOMPARE(state().live, 1);
        // The next run with the docs in place makes the rebuild whole, and no stray
        // version is left.
        ReembedJob *full = run(options(ReembedOptions::Mode::Full));
        QCOMPARE(full->plan().target, 2);
        QCOMPARE(state().live, 2);
        QCOMPARE(state().versions, (QList<int>{1, 2}));
        QCOMPARE(count(2), full->plan().chunks);
        QCOMPARE(manifestSize(2), full->plan().chunks);
    }

    void cancelledWhileTheDocsAreChunked()
    {
        const int chunks = run(options())->plan().chunks;
        const QString manifest = ReembedJob::manifestPath(m_stateDir, QStringLiteral("docs"), 1);
        QVERIFY(ChunkManifest::count(manifest));
        ChunkManifest::remove(manifest);
        m_embedder->documents = 0;
        // The missing manifest is reported while the docs are still being chunked; a cancel
        // then ends the run at once, and nothing is embedded or written afterwards.
        auto *job = new ReembedJob(m_embedder, m_index, options(), this);
        connect(job, &Job::logLine, job, [job](const QString &line) {
            if (line.contains(QLatin1String("has no manifest")))
                job->cancel();
        });
        QVERIFY(runJob(job));
        QCOMPARE(job->outcome(), Job::Outcome::Cancelled);
        QCOMPARE(m_embedder->documents, 0);
        QVERIFY(!QFile::exists(manifest));
        QCOMPARE(state().live, 1);
        QCOMPARE(count(1), chunks); // untouched
        // The next run embeds everything again (it has no manifest to go by) and records it.
        ReembedJob *again = run(options());
        QCOMPARE(m_embedder->documents, again->plan().chunks);
        QCOMPARE(manifestSize(1), again->plan().chunks);
    }

    void goldenFileErrorsSayWhereAndHow()
    {
        auto parsed =
            GoldenQuestions::parse(QStringLiteral("# questions\nok => /docs/a\n  no arrow here\n"),
                                   QStringLiteral("golden.txt"));
        QVERIFY(!parsed);
        QCOMPARE(parsed.error().toString().left(16), QStringLiteral("golden.txt:3:3: "));
        QVERIFY(GoldenQuestions::matches("/docs/a/", "/docs/a#part", "a.md"));
        QVERIFY(GoldenQuestions::matches("a.md", "/docs/x", "a.md"));
        QVERIFY(!GoldenQuestions::matches("/docs/a", "/docs/ab", "ab.md"));
    }
};

QTEST_GUILESS_MAIN(TestReembedJob)
#include "tst_reembedjob.moc"
