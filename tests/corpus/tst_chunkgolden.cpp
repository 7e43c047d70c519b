// The chunker's output on real docs (three Rust book chapters, three synthetic docs with
// MDX, admonitions, tables and code) is fixed: every chunk's key, id, SHA-256, heading
// path, URL, lines and token estimate equal the recorded ones (tests/corpus/golden), so
// speed work on the chunker cannot change what gets embedded without a test failing.

#include "data/corpus/markdownchunker.h"

#include <QDir>
#include <QFile>
#include <QTest>

using namespace DeployDesk;

namespace {

const QString kGolden = QStringLiteral(DD_TEST_SOURCE_DIR "/golden");

QString describe(const ChunkedDocument &doc)
{
    QString out = QStringLiteral("# %1 | %2 | %3 | %4\n")
                      .arg(doc.title, doc.docId, doc.url)
                      .arg(doc.chunks.size());
    for (const Chunk &c : doc.chunks) {
        out += QStringLiteral("%1\t%2\t%3\t%4\t%5\t%6-%7\t%8\n")
                   .arg(c.key, c.idString(), c.sha256Hex(),
                        c.headingPath.join(QStringLiteral(" > ")), c.url)
                   .arg(c.startLine)
                   .arg(c.endLine)
                   .arg(c.tokens);
    }
    return out;
}

} // namespace

class TestChunkGolden final : public QObject
{
    Q_OBJECT

private slots:
    void chunksAreUnchanged_data();
    void chunksAreUnchanged();
};

void TestChunkGolden::chunksAreUnchanged_data()
{
    QTest::addColumn<QString>("doc");
    QTest::addColumn<int>("maxTokens");
    QTest::addColumn<int>("overlap");
    const QStringList docs = QDir(kGolden).entryList(
        {QStringLiteral("*.md"), QStringLiteral("*.mdx")}, QDir::Files, QDir::Name);
    QVERIFY(docs.size() >= 6);
    for (const QString &doc : docs) {
        if (doc == QLatin1String("README.md"))
            continue;
        QTest::addRow("%s default", qPrintable(doc)) << doc << 400 << 0;
        // Small chunks with overlap: every split path (lines, sentences, words, code and
        // table parts, overlap tails) is taken.
        QTest::addRow("%s 96+24", qPrintable(doc)) << doc << 96 << 24;
    }
}

void TestChunkGolden::chunksAreUnchanged()
{
    QFETCH(QString, doc);
    QFETCH(int, maxTokens);
    QFETCH(int, overlap);
    ChunkerOptions options;
    options.maxTokens = maxTokens;
    options.overlapTokens = overlap;
    const MarkdownChunker chunker(options);
    auto chunked = chunker.chunkFile(kGolden, doc);
    if (!chunked)
        QFAIL(qPrintable(chunked.error().toString()));
    QVERIFY(!chunked->chunks.isEmpty());
    const QString actual = describe(*chunked);

    const QString expectedPath =
        QStringLiteral("%1/%2.%3-%4.chunks.tsv").arg(kGolden, doc).arg(maxTokens).arg(overlap);
    QFile file(expectedPath);
    if (qEnvironmentVariableIsSet("DD_UPDATE_GOLDEN")) {
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(actual.toUtf8());
        QSKIP("golden file written");
    }
    QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(expectedPath));
    const QStringList expected = QString::fromUtf8(file.readAll()).split(u'\n');
    const QStringList lines = actual.split(u'\n');
    for (qsizetype i = 0; i < qMax(expected.size(), lines.size()); ++i)
        QCOMPARE(lines.value(i), expected.value(i));
}

QTEST_GUILESS_MAIN(TestChunkGolden)
#include "tst_chunkgolden.moc"
