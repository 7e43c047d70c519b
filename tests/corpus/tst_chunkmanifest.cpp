// Docs folders on disk: which files are docs, what a manifest keeps, and what changed
// after an edit, a rename and a delete; bad docs are named and the rest is chunked.

#include "common/async.h"
#include "data/corpus/docscorpus.h"
#include "data/corpus/manifestdiff.h"

#include <QDir>
#include <QFile>
#include <QSemaphore>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

using namespace DeployDesk;

namespace {

void write(const QString &path, const QByteArray &bytes)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(bytes);
}

QByteArray section(const char *title, const char *tag)
{
    QByteArray text = "## " + QByteArray(title) + "\n\n";
    for (int i = 0; i < 8; ++i)
        text += QByteArray(tag) + " line " + QByteArray::number(i) + " of this section.\n";
    return text + "\n";
}

const MarkdownChunker &chunker()
{
    static const MarkdownChunker c(ChunkerOptions{60, 0, QStringLiteral("/docs")});
    return c;
}

ChunkManifest chunkAll(const QString &root)
{
    auto result = DocsCorpus::chunk(root, {}, chunker());
    if (!result)
        qFatal("%s", qPrintable(result.error().toString()));
    if (!result->problems.isEmpty())
        qFatal("%s", qPrintable(result->problems.first().toString()));
    return result->manifest;
}

const ManifestDiff::File *fileOf(const ManifestDiff &diff, const QString &path)
{
    for (const ManifestDiff::File &f : diff.files) {
        if (f.docPath == path)
            return &f;
    }
    return nullptr;
}

} // namespace

class TestChunkManifest final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void scanFindsTheDocsDocusaurusPublishes();
    void saveAndLoadKeepEveryField();
    void diffAfterAnEdit();
    void diffAfterARename();
    void diffAfterADelete();
    void batchesCommittedAreWhatAResumeSkips();
    void writerBatchesAreSeenAtOnceAndFoldedInAtTheEnd();
    void notAManifestIsAnError();
    void badDocsAreNamedAndTheOthersChunked();
    void manyDocsComeInPathOrderEvenWithThePoolBusy();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_docs;
};

void TestChunkManifest::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_docs = m_dir->filePath(QStringLiteral("docs"));
    write(m_docs + QStringLiteral("/a.md"),
          "# Alpha\n\n" + section("One", "A1") + section("Two", "A2") + section("Three", "A3"));
    write(m_docs + QStringLiteral("/guides/b.mdx"),
          "---\ntitle: Beta\n---\n" + section("Four", "B4") + section("Five", "B5"));
}

void TestChunkManifest::scanFindsTheDocsDocusaurusPublishes()
{
    for (const char *name :
         {"_partial.md", "_private/x.md", "node_modules/pkg/readme.md", ".hidden/x.md",
          "drafts/wip.md", "guides/c.draft.md", "img.png", "api/__tests__/t.md", "notes.txt"})
        write(m_docs + u'/' + QString::fromLatin1(name), "# X\n");
    CorpusOptions options;
    options.ignore = {QStringLiteral("drafts"), QStringLiteral("*.draft.md")};
    auto docs = DocsCorpus::scan(m_docs, options);
    QVERIFY(docs);
    QCOMPARE(*docs, (QStringList{"a.md", "guides/b.mdx"}));

    auto missing = DocsCorpus::scan(m_dir->filePath(QStringLiteral("nope")));
    QVERIFY(!missing);
    QCOMPARE(missing.error().code, ErrorCode::NotFound);
}

void TestChunkManifest::saveAndLoadKeepEveryField()
{
    const ChunkManifest manifest = chunkAll(m_docs);
    QVERIFY(manifest.size() >= 5);
    const QString path = m_dir->filePath(QStringLiteral("v1.manifest"));
    QVERIFY(manifest.save(path));
    QVERIFY(!QFile::exists(path + QStringLiteral(".tmp")));
    auto loaded = ChunkManifest::load(path);
    QVERIFY2(loaded, qPrintable(loaded ? QString() : loaded.error().toString()));
    QCOMPARE(loaded->fingerprint, chunker().fingerprint());
    QCOMPARE(loaded->size(), manifest.size());
    for (int i = 0; i < manifest.size(); ++i) {
        const ManifestEntry &a = manifest.entries[i];
        const ManifestEntry &b = loaded->entries[i];
        QCOMPARE(b.id, a.id);
        QCOMPARE(b.key, a.key);
        QCOMPARE(b.docPath, a.docPath);
        QCOMPARE(b.ordinal, a.ordinal);
        QCOMPARE(b.sha256, a.sha256);
        QCOMPARE(b.tokens, a.tokens);
        QCOMPARE(b.url, a.url);
        QCOMPARE(b.headingPath, a.headingPath);
    }
    // Saving again replaces the file.
    ChunkManifest smaller = manifest;
    smaller.entries.removeLast();
    QVERIFY(smaller.save(path));
    QCOMPARE(ChunkManifest::load(path)->size(), manifest.size() - 1);
}

void TestChunkManifest::diffAfterAnEdit()
{
    const ChunkManifest before = chunkAll(m_docs);
    write(m_docs + QStringLiteral("/a.md"),
          "# Alpha\n\n" + section("One", "A1") + section("Two", "Z9") + section("Three", "A3"));
    const ChunkManifest after = chunkAll(m_docs);
    const ManifestDiff diff = ManifestDiff::compute(before, after);
    QCOMPARE(diff.changed, 1);
    QCOMPARE(diff.added, 0);
    QCOMPARE(diff.removed, 0);
    QCOMPARE(diff.unchanged, after.size() - 1);
    QCOMPARE(diff.inputs(), 1);
    QCOMPARE(diff.toEmbed.first().key, QStringLiteral("a.md#two/0"));
    QCOMPARE(diff.tokensToEmbed, qint64(diff.toEmbed.first().tokens));
    QVERIFY(diff.reusable.isEmpty());
    const ManifestDiff::File *a = fileOf(diff, QStringLiteral("a.md"));
    QVERIFY(a);
    QCOMPARE(a->changed, 1);
    QCOMPARE(fileOf(diff, QStringLiteral("guides/b.mdx"))->changed, 0);
    QVERIFY(!diff.fingerprintChanged);

    QVERIFY(ManifestDiff::compute(after, after).isEmpty());
}

void TestChunkManifest::diffAfterARename()
{
    const ChunkManifest before = chunkAll(m_docs);
    QVERIFY(QDir(m_docs).rename(QStringLiteral("guides/b.mdx"), QStringLiteral("b-renamed.mdx")));
    const ChunkManifest after = chunkAll(m_docs);
    const ManifestDiff diff = ManifestDiff::compute(before, after);
    const ManifestDiff::File *gone = fileOf(diff, QStringLiteral("guides/b.mdx"));
    const ManifestDiff::File *renamed = fileOf(diff, QStringLiteral("b-renamed.mdx"));
    QVERIFY(gone && renamed);
    QVERIFY(gone->removed > 0);
    QCOMPARE(renamed->added, gone->removed);
    QCOMPARE(renamed->renamedFrom, QStringLiteral("guides/b.mdx"));
    // New ids (the doc path is part of the identity), the same texts: every vector can be
    // copied rather than paid for again.
    QCOMPARE(diff.inputs(), renamed->added);
    QCOMPARE(int(diff.reusable.size()), renamed->added);
    QCOMPARE(diff.reusableTokens, diff.tokensToEmbed);
    QCOMPARE(diff.toDelete.size(), gone->removed);
    QCOMPARE(fileOf(diff, QStringLiteral("a.md"))->unchanged,
             fileOf(diff, QStringLiteral("a.md"))->unchanged + 0);
    QCOMPARE(fileOf(diff, QStringLiteral("a.md"))->changed, 0);
}

void TestChunkManifest::diffAfterADelete()
{
    const ChunkManifest before = chunkAll(m_docs);
    QVERIFY(QFile::remove(m_docs + QStringLiteral("/a.md")));
    const ChunkManifest after = chunkAll(m_docs);
    const ManifestDiff diff = ManifestDiff::compute(before, after);
    QSet<QUuid> idsOfA;
    for (const ManifestEntry &e : before.entries) {
        if (e.docPath == QLatin1String("a.md"))
            idsOfA.insert(e.id);
    }
    QCOMPARE(QSet<QUuid>(diff.toDelete.cbegin(), diff.toDelete.cend()), idsOfA);
    QCOMPARE(diff.inputs(), 0);
    QCOMPARE(diff.tokensToEmbed, 0);
    QCOMPARE(fileOf(diff, QStringLiteral("a.md"))->removed, int(idsOfA.size()));
    QCOMPARE(diff.unchanged, after.size());
}

void TestChunkManifest::batchesCommittedAreWhatAResumeSkips()
{
    const ChunkManifest docs = chunkAll(m_docs);
    const QString path = m_dir->filePath(QStringLiteral("v2.manifest"));
    const QList<ManifestEntry> firstBatch = docs.entries.mid(0, 3);
    QVERIFY(ChunkManifest::commit(path, docs.fingerprint, firstBatch, {}));
    auto partial = ChunkManifest::load(path);
    QVERIFY(partial);
    QCOMPARE(partial->size(), 3);
    // A run that stopped here has the rest to do, and only the rest.
    const ManifestDiff left = ManifestDiff::compute(*partial, docs);
    QCOMPARE(left.inputs(), docs.size() - 3);
    QCOMPARE(left.unchanged, 3);

    ManifestEntry stale = docs.entries.first();
    stale.id = pointId(QStringLiteral("gone.md#/0"));
    QVERIFY(ChunkManifest::commit(path, docs.fingerprint, {stale}, {}));
    QVERIFY(ChunkManifest::commit(path, docs.fingerprint, docs.entries.mid(3), {stale.id}));
    auto complete = ChunkManifest::load(path);
    QVERIFY(complete);
    QCOMPARE(complete->size(), docs.size());
    QVERIFY(ManifestDiff::compute(*complete, docs).isEmpty());
}

void TestChunkManifest::writerBatchesAreSeenAtOnceAndFoldedInAtTheEnd()
{
    const ChunkManifest docs = chunkAll(m_docs);
    QVERIFY(docs.size() > 3);
    const QString path = m_dir->filePath(QStringLiteral("v3.manifest"));
    {
        ChunkManifest::Writer writer(path, docs.fingerprint);
        QVERIFY(writer.commit(docs.entries.mid(0, 3), {}));
        // A reader (the next run after a kill, the validation) sees each batch committed
        // while the writer still has the file open.
        auto partial = ChunkManifest::load(path);
        QVERIFY(partial);
        QCOMPARE(partial->size(), 3);
        QCOMPARE(partial->fingerprint, docs.fingerprint);
        QCOMPARE(ChunkManifest::count(path).value_or(-1), 3);
        ManifestEntry stale = docs.entries.first();
        stale.id = pointId(QStringLiteral("gone.md#/0"));
        QVERIFY(writer.commit({stale}, {}));
        QCOMPARE(ChunkManifest::count(path).value_or(-1), 4);
        QVERIFY(writer.commit(docs.entries.mid(3), {stale.id}));
        // What the validation counts before the writer closes: every batch, the stale
        // entry gone.
        QCOMPARE(ChunkManifest::count(path).value_or(-1), docs.size());
    }
    // Closed: everything is in the file itself, no WAL left beside it.
    QVERIFY(!QFile::exists(path + QStringLiteral("-wal")));
    auto complete = ChunkManifest::load(path);
    QVERIFY(complete);
    QCOMPARE(complete->size(), docs.size());
    QVERIFY(ManifestDiff::compute(*complete, docs).isEmpty());
    // A stale WAL beside a manifest written whole is not applied to it.
    QFile wal(path + QStringLiteral("-wal"));
    QVERIFY(wal.open(QIODevice::WriteOnly));
    wal.write(QByteArray(4096, 'x'));
    wal.close();
    QVERIFY(docs.save(path));
    QVERIFY(!QFile::exists(path + QStringLiteral("-wal")));
    auto saved = ChunkManifest::load(path);
    QVERIFY(saved);
    QCOMPARE(saved->size(), docs.size());
}

void TestChunkManifest::notAManifestIsAnError()
{
    auto missing = ChunkManifest::load(m_dir->filePath(QStringLiteral("none.manifest")));
    QVERIFY(!missing);
    QCOMPARE(missing.error().code, ErrorCode::NotFound);
    auto missingCount = ChunkManifest::count(m_dir->filePath(QStringLiteral("none.manifest")));
    QVERIFY(!missingCount);
    QCOMPARE(missingCount.error().code, ErrorCode::NotFound);

    const QString text = m_dir->filePath(QStringLiteral("notes.txt"));
    write(text, "just some text, not SQLite\n");
    auto notSqlite = ChunkManifest::load(text);
    QVERIFY(!notSqlite);
    QVERIFY(notSqlite.error().message.contains(QLatin1String("not a DeployDesk chunk manifest")));
    auto notSqliteCount = ChunkManifest::count(text);
    QVERIFY(!notSqliteCount);
    QVERIFY(
        notSqliteCount.error().message.contains(QLatin1String("not a DeployDesk chunk manifest")));

    const QString other = m_dir->filePath(QStringLiteral("other.sqlite"));
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("o"));
        db.setDatabaseName(other);
        QVERIFY(db.open());
        QVERIFY(QSqlQuery(db).exec(QStringLiteral("CREATE TABLE t (x)")));
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("o"));
    auto wrongTables = ChunkManifest::load(other);
    QVERIFY(!wrongTables);
    QCOMPARE(wrongTables.error().code, ErrorCode::Invalid);
    auto wrongTablesCount = ChunkManifest::count(other);
    QVERIFY(!wrongTablesCount);
    QCOMPARE(wrongTablesCount.error().code, ErrorCode::Invalid);
}

void TestChunkManifest::badDocsAreNamedAndTheOthersChunked()
{
    write(m_docs + QStringLiteral("/latin1.md"), "# Caf\xE9\n\nText.\n");
    write(m_docs + QStringLiteral("/broken-fm.md"), "---\ntitle: [x\n---\n# Still here\n\nText.\n");
    // A file the kernel refuses to read, even to root.
    QVERIFY(
        QFile::link(QStringLiteral("/proc/self/mem"), m_docs + QStringLiteral("/unreadable.md")));

    auto result = DocsCorpus::chunk(m_docs, {}, chunker());
    QVERIFY(result);
    QStringList problems;
    for (const Error &e : result->problems)
        problems.append(e.where ? e.where->file.mid(m_docs.size() + 1) + u':' +
                                      QString::number(e.where->line)
                                : e.message);
    problems.sort();
    QCOMPARE(problems, (QStringList{"broken-fm.md:2", "latin1.md:1", "unreadable.md:0"}));
    QCOMPARE(result->skippedDocs, 2);
    QSet<QString> chunked;
    for (const ManifestEntry &e : result->manifest.entries)
        chunked.insert(e.docPath);
    QCOMPARE(chunked, (QSet<QString>{"a.md", "guides/b.mdx", "broken-fm.md"}));
}

void TestChunkManifest::manyDocsComeInPathOrderEvenWithThePoolBusy()
{
    // More docs than are ever chunked ahead of the one handed on, each a different size
    // (a big one every 17th) so they finish out of order.
    QStringList expected;
    for (int i = 0; i < 700; ++i) {
        const QString name = QStringLiteral("many/doc-%1.md").arg(i, 4, 10, QLatin1Char('0'));
        QByteArray text = "# Doc " + QByteArray::number(i) + "\n\n";
        for (int j = 0; j < (i % 17 == 0 ? 400 : 1 + i % 5); ++j)
            text += "Line " + QByteArray::number(j) + " of doc " + QByteArray::number(i) + ".\n";
        write(m_docs + u'/' + name, text);
        expected.append(name);
    }
    expected.append({QStringLiteral("a.md"), QStringLiteral("guides/b.mdx")});
    expected.sort();

    const auto chunkInOrder = [&] {
        QStringList handed;
        auto result = DocsCorpus::chunk(m_docs, {}, chunker(), [&](const ChunkedDocument &doc) {
            handed.append(doc.docPath);
            QVERIFY(!doc.chunks.isEmpty());
        });
        QVERIFY(result);
        QCOMPARE(result->problems.size(), 0);
        QCOMPARE(handed, expected);
        QStringList inManifest;
        for (const ManifestEntry &e : result->manifest.entries) {
            if (inManifest.isEmpty() || inManifest.last() != e.docPath)
                inManifest.append(e.docPath);
        }
        QCOMPARE(inManifest, expected);
    };
    chunkInOrder();

    // Every thread of the pool held by other work: the caller chunks the docs itself.
    QSemaphore release;
    QSemaphore started;
    const int threads = workPool()->maxThreadCount();
    for (int i = 0; i < threads; ++i) {
        workPool()->start([&] {
            started.release();
            release.acquire();
        });
    }
    started.acquire(threads);
    chunkInOrder();
    release.release(threads);
    workPool()->waitForDone();
}

QTEST_GUILESS_MAIN(TestChunkManifest)
#include "tst_chunkmanifest.moc"
