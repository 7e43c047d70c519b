// The Markdown chunker: what a reader of the index gets for each kind of doc (nested
// headings, long code, tables, MDX, front matter, admonitions, CJK and right-to-left
// text, a huge paragraph, an empty file), stable ids, and bad input named by file:line.

#include "data/corpus/markdownchunker.h"
#include "data/corpus/sha256.h"
#include "data/corpus/tokenestimate.h"

#include <QCryptographicHash>
#include <QFile>
#include <QRegularExpression>
#include <QTest>

using namespace DeployDesk;

namespace {

// A paragraph of `sentences` short English sentences, tagged so a test can find them.
QByteArray prose(const char *tag, int sentences)
{
    QByteArray out;
    for (int i = 0; i < sentences; ++i) {
        if (i)
            out += ' ';
        out += QByteArray(tag) + " sentence " + QByteArray::number(i) + " says a little more.";
    }
    return out;
}

QString summary(const Chunk &c)
{
    return c.key + QStringLiteral(" | ") + c.headingPath.join(QStringLiteral(" > ")) +
           QStringLiteral(" | ") + c.url;
}

// What every chunk of every doc must satisfy.
void checkInvariants(const QList<Chunk> &chunks, int maxTokens)
{
    QSet<QUuid> ids;
    for (int i = 0; i < chunks.size(); ++i) {
        const Chunk &c = chunks[i];
        QCOMPARE(c.ordinal, i);
        QVERIFY2(c.tokens <= maxTokens,
                 qPrintable(QStringLiteral("chunk %1 has %2 tokens").arg(c.key).arg(c.tokens)));
        QCOMPARE(c.tokens, TokenEstimate::tokensOf(c.text.toUtf8()));
        QCOMPARE(c.sha256, QCryptographicHash::hash(c.text.toUtf8(), QCryptographicHash::Sha256));
        QCOMPARE(c.id, pointId(c.key));
        QVERIFY2(!ids.contains(c.id), qPrintable(c.key));
        ids.insert(c.id);
        QVERIFY(!c.text.trimmed().isEmpty());
        QVERIFY(c.startLine >= 1 && c.endLine >= c.startLine);
        // Every code fence opened in a chunk is closed in it.
        static const QRegularExpression fence(QStringLiteral("^ {0,3}(```|~~~)"),
                                              QRegularExpression::MultilineOption);
        QVERIFY2(c.text.count(fence) % 2 == 0, qPrintable(c.text));
    }
}

// Whether OpenSSL's libcrypto is mapped into this process.
bool libcryptoLoaded()
{
    QFile maps(QStringLiteral("/proc/self/maps"));
    if (!maps.open(QIODevice::ReadOnly))
        return false;
    return maps.readAll().contains("/libcrypto.so");
}

} // namespace

class TestMarkdownChunker final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void digestsComeFromLibcryptoOpenedOnFirstUse();
    void chunks_data();
    void chunks();
    void codeLongerThanBudget();
    void tableLongerThanBudget();
    void hugeParagraphLosesNothing();
    void overlapRepeatsTheEndOfThePreviousPart();
    void frontMatterGivesTitleUrlAndPosition();
    void draftsHaveNoChunks();
    void idsAreStable();
    void editingASectionKeepsTheOthers();
    void lineEndsDoNotChangeHashes();
    void invalidUtf8IsNamedByLineAndColumn();
    void brokenFrontMatterIsAWarningWithItsLine();
    void unclosedFrontMatterIsAWarning();

private:
    bool m_libcryptoAtStart = true;
};

void TestMarkdownChunker::chunks_data()
{
    QTest::addColumn<QString>("docPath");
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<int>("maxTokens");
    QTest::addColumn<QStringList>("expected"); // "key | heading path | url" per chunk
    QTest::addColumn<QStringList>("present");  // in the chunks' text
    QTest::addColumn<QStringList>("absent");   // in no chunk's text

    QTest::newRow("empty file") << "empty.md" << QByteArray() << 400 << QStringList()
                                << QStringList() << QStringList();
    QTest::newRow("only blank lines") << "blank.md" << QByteArray("\n\n  \n\t\n") << 400
                                      << QStringList() << QStringList() << QStringList();
    QTest::newRow("only front matter") << "fm.md" << QByteArray("---\ntitle: Nothing yet\n---\n")
                                       << 400 << QStringList() << QStringList() << QStringList();

    QTest::newRow("small doc is one chunk")
        << "guide.md" << QByteArray("# Guide\n\nIntro.\n\n## Install\n\nRun it.\n") << 400
        << QStringList{"guide.md#guide/0 | Guide | /docs/guide"}
        << QStringList{"# Guide\n\nIntro.\n\n## Install\n\nRun it."} << QStringList();

    // Sections that do not fit together are split along the heading tree; each chunk
    // carries its heading path, and those not starting with the doc's title get it as a
    // first line.
    QTest::newRow("nested headings")
        << "guide.md"
        << QByteArray("# Guide\n\n" + prose("A", 4) + "\n\n## Install\n\n" + prose("B", 4) +
                      "\n\n### On Linux\n\n" + prose("C", 4) + "\n\n### On macOS\n\n" +
                      prose("D", 4) + "\n\n## Use\n\n" + prose("E", 4) + "\n")
        << 60
        << QStringList{"guide.md#guide/0 | Guide | /docs/guide",
                       "guide.md#install/0 | Guide > Install | /docs/guide#install",
                       "guide.md#on-linux/0 | Guide > Install > On Linux | "
                       "/docs/guide#on-linux",
                       "guide.md#on-macos/0 | Guide > Install > On macOS | "
                       "/docs/guide#on-macos",
                       "guide.md#use/0 | Guide > Use | /docs/guide#use"}
        << QStringList{"Guide > Install\n\n### On Linux\n\nC sentence 0", "Guide\n\n## Use"}
        << QStringList();

    QTest::newRow("duplicate headings and explicit ids")
        << "dup.md"
        << QByteArray("## Setup\n\n" + prose("A", 4) + "\n\n## Setup\n\n" + prose("B", 4) +
                      "\n\n## Intro {#custom-id}\n\n" + prose("C", 4) + "\n")
        << 40
        << QStringList{"dup.md#setup/0 | Setup | /docs/dup#setup",
                       "dup.md#setup-1/0 | Setup | /docs/dup#setup-1",
                       "dup.md#custom-id/0 | Intro | /docs/dup#custom-id"}
        << QStringList{"## Intro\n"} << QStringList{"{#custom-id}"};

    QTest::newRow("small table stays whole")
        << "table.md"
        << QByteArray("## Limits\n\n| Name | Value |\n|------|-------|\n| a | 1 |\n| b | 2 |\n")
        << 400 << QStringList{"table.md#limits/0 | Limits | /docs/table#limits"}
        << QStringList{"| Name | Value |\n|------|-------|\n| a | 1 |\n| b | 2 |"} << QStringList();

    QTest::newRow("mdx imports, exports, jsx and comments")
        << "install.mdx"
        << QByteArray("import Tabs from '@theme/Tabs';\nimport TabItem from '@theme/TabItem';\n\n"
                      "# Install\n\n<Tabs>\n<TabItem value=\"apt\" label=\"Debian\">\n\n"
                      "Run apt install.\n\n</TabItem>\n<TabItem value=\"brew\"\n"
                      "         label={\"mac\" + \"OS\"}>\n\nRun brew install.\n\n</TabItem>\n"
                      "</Tabs>\n\n{/* a note for editors */}\n\n"
                      "Use `Vec<T>` and <Highlight color=\"red\">red text</Highlight> here.\n\n"
                      "<!-- hidden remark -->\n\n"
                      "export const meta = {\n  a: 1,\n};\n")
        << 400 << QStringList{"install.mdx#install/0 | Install | /docs/install"}
        << QStringList{"Run apt install.", "Run brew install.", "Use `Vec<T>` and red text here."}
        << QStringList{"import", "Tabs",  "TabItem",       "Highlight", "editors",
                       "export", "label", "hidden remark", "a: 1"};

    QTest::newRow("md keeps generics in prose, drops tag lines")
        << "generics.md"
        << QByteArray("# Generics\n\n<Listing number=\"1-1\" caption=\"A `Vec`\">\n\n"
                      "An Option<T> holds a T.\n\n</Listing>\n")
        << 400 << QStringList{"generics.md#generics/0 | Generics | /docs/generics"}
        << QStringList{"An Option<T> holds a T."} << QStringList{"Listing", "caption"};

    QTest::newRow("code fence inside mdx is untouched")
        << "code.mdx"
        << QByteArray("# Code\n\n```jsx\nimport X from 'x';\n<Tabs>{/* c */}</Tabs>\n```\n") << 400
        << QStringList{"code.mdx#code/0 | Code | /docs/code"}
        << QStringList{"```jsx\nimport X from 'x';\n<Tabs>{/* c */}</Tabs>\n```"} << QStringList();

    QTest::newRow("front matter")
        << "guides/01-getting-started.md"
        << QByteArray("---\ntitle: Getting started\nslug: /start\nsidebar_position: 2\n---\n"
                      "Preamble text.\n\n## First steps\n\nText.\n")
        << 400 << QStringList{"guides/01-getting-started.md#/0 | Getting started | /docs/start"}
        << QStringList{"Getting started\n\nPreamble text.\n\n## First steps\n\nText."}
        << QStringList{"slug", "sidebar_position", "---"};

    QTest::newRow("admonitions keep their text")
        << "notes.md"
        << QByteArray("# Notes\n\n:::tip Keep it short\n\nTip body text.\n\n:::\n\n"
                      ":::warning[Careful]\nWarning body.\n:::\n\n:::note\n\nPlain note.\n\n:::\n")
        << 400 << QStringList{"notes.md#notes/0 | Notes | /docs/notes"}
        << QStringList{"Keep it short", "Tip body text.", "Careful", "Warning body.", "Plain note."}
        << QStringList{":::", "tip", "warning"};

    QByteArray cjk = "# 入门\n\n## 安装 指南\n\n";
    for (int i = 0; i < 40; ++i)
        cjk += "这是第" + QByteArray::number(i) + "句话，用来测试中文分块。";
    cjk += "\n";
    // No spaces: cut after "。", four whole sentences a chunk.
    QStringList cjkChunks;
    for (int i = 0; i < 10; ++i)
        cjkChunks.append(QStringLiteral("zh/cjk.md#安装-指南/%1 | 入门 > 安装 指南 | "
                                        "/docs/zh/cjk#安装-指南")
                             .arg(i));
    QTest::newRow("CJK without spaces") << "zh/cjk.md" << cjk << 80 << cjkChunks
                                        << QStringList{"入门\n\n## 安装 指南\n\n这是第0句话",
                                                       "分块。\n\n入门 > 安装 指南\n\n这是第4句话",
                                                       "这是第39句话，用来测试中文分块。"}
                                        << QStringList();

    QTest::newRow("right-to-left text")
        << "ar.md"
        << QByteArray("## مرحبا بالعالم\n\n" + QByteArray("هذا نص عربي قصير. ").repeated(3) +
                      "\n\n## שלום עולם!\n\n" + QByteArray("זהו טקסט בעברית. ").repeated(3) + "\n")
        << 40
        << QStringList{"ar.md#مرحبا-بالعالم/0 | مرحبا بالعالم | /docs/ar#مرحبا-بالعالم",
                       "ar.md#שלום-עולם/0 | שלום עולם! | /docs/ar#שלום-עולם"}
        << QStringList{"## مرحبا بالعالم\n\nهذا نص عربي قصير.", "## שלום עולם!\n\nזהו טקסט"}
        << QStringList();

    QTest::newRow("a title with nothing under it makes no chunk")
        << "chapter.md" << QByteArray("# Chapter\n\n## Section\n\n" + prose("S", 12) + "\n") << 60
        << QStringList{"chapter.md#section/0 | Chapter > Section | /docs/chapter#section",
                       "chapter.md#section/1 | Chapter > Section | /docs/chapter#section"}
        << QStringList{"Chapter\n\n## Section\n\nS sentence 0", "Chapter > Section\n\nS sentence"}
        << QStringList{"# Chapter"};
}

void TestMarkdownChunker::chunks()
{
    QFETCH(QString, docPath);
    QFETCH(QByteArray, input);
    QFETCH(int, maxTokens);
    QFETCH(QStringList, expected);
    QFETCH(QStringList, present);
    QFETCH(QStringList, absent);

    const MarkdownChunker chunker(ChunkerOptions{maxTokens, 0, QStringLiteral("/docs")});
    auto doc = chunker.chunk(input, docPath);
    QVERIFY2(doc, qPrintable(doc ? QString() : doc.error().toString()));
    QVERIFY(doc->warnings.isEmpty());
    QStringList got;
    QString all;
    for (const Chunk &c : doc->chunks) {
        got.append(summary(c));
        all += c.text + QStringLiteral("\n\n");
    }
    QCOMPARE(got, expected);
    checkInvariants(doc->chunks, maxTokens);
    for (const QString &text : present)
        QVERIFY2(all.contains(text),
                 qPrintable(QStringLiteral("missing \"%1\" in:\n%2").arg(text, all)));
    for (const QString &text : absent)
        QVERIFY2(!all.contains(text),
                 qPrintable(QStringLiteral("found \"%1\" in:\n%2").arg(text, all)));
}

void TestMarkdownChunker::codeLongerThanBudget()
{
    QByteArray code = "## Build\n\n```rust title=\"main.rs\"\n";
    for (int i = 0; i < 80; ++i)
        code += "    let value_" + QByteArray::number(i) + " = compute(" + QByteArray::number(i) +
                ");\n";
    code += "```\n\nAfter the code.\n";
    const MarkdownChunker chunker(ChunkerOptions{100, 0, QStringLiteral("/docs")});
    auto doc = chunker.chunk(code, QStringLiteral("build.md"));
    QVERIFY(doc);
    checkInvariants(doc->chunks, 100);
    QVERIFY(doc->chunks.size() >= 3);
    int lines = 0;
    for (const Chunk &c : doc->chunks) {
        QCOMPARE(c.headingPath, QStringList{QStringLiteral("Build")});
        if (!c.text.contains(QLatin1String("let value_")))
            continue;
        // Each part is a fenced block of its own, with the language, cut between lines.
        QVERIFY2(c.text.contains(QLatin1String("```rust title=\"main.rs\"\n    let value_")),
                 qPrintable(c.text));
        QVERIFY(c.text.contains(QRegularExpression(QStringLiteral("\\);\n```($|\n)"))));
        lines += int(c.text.count(QLatin1String("    let value_")));
    }
    QCOMPARE(lines, 80); // every line once, none cut
    QVERIFY(doc->chunks.last().text.contains(QLatin1String("After the code.")));
}

void TestMarkdownChunker::tableLongerThanBudget()
{
    QByteArray table = "# Limits\n\n| Name | Value |\n|:-----|------:|\n";
    for (int i = 0; i < 60; ++i)
        table += "| row " + QByteArray::number(i) + " | " + QByteArray::number(i * 7) + " |\n";
    const MarkdownChunker chunker(ChunkerOptions{60, 0, QStringLiteral("/docs")});
    auto doc = chunker.chunk(table, QStringLiteral("limits.md"));
    QVERIFY(doc);
    checkInvariants(doc->chunks, 60);
    QVERIFY(doc->chunks.size() >= 3);
    int rows = 0;
    for (const Chunk &c : doc->chunks) {
        if (!c.text.contains(QLatin1String("| row ")))
            continue;
        QVERIFY2(c.text.contains(QLatin1String("| Name | Value |\n|:-----|------:|\n| row ")),
                 qPrintable(c.text));
        rows += int(c.text.count(QLatin1String("| row ")));
    }
    QCOMPARE(rows, 60);
}

void TestMarkdownChunker::hugeParagraphLosesNothing()
{
    QByteArray words;
    for (int i = 0; i < 3000; ++i)
        words += (i ? " " : "") + QByteArray("word") + QByteArray::number(i);
    const MarkdownChunker chunker(ChunkerOptions{100, 0, QStringLiteral("/docs")});
    auto doc = chunker.chunk("# One paragraph\n\n" + words + "\n", QStringLiteral("huge.md"));
    QVERIFY(doc);
    checkInvariants(doc->chunks, 100);
    QVERIFY(doc->chunks.size() > 10);
    QStringList seen;
    static const QRegularExpression word(QStringLiteral("word\\d+"));
    for (const Chunk &c : doc->chunks) {
        for (const QRegularExpressionMatch &m : word.globalMatch(c.text))
            seen.append(m.captured());
    }
    QCOMPARE(seen.size(), 3000); // each word once, in order, none cut
    QCOMPARE(seen.first(), QStringLiteral("word0"));
    QCOMPARE(seen.last(), QStringLiteral("word2999"));
}

void TestMarkdownChunker::overlapRepeatsTheEndOfThePreviousPart()
{
    QByteArray words;
    for (int i = 0; i < 600; ++i)
        words += (i ? " " : "") + QByteArray("w") + QByteArray::number(i);
    const MarkdownChunker chunker(ChunkerOptions{80, 20, QStringLiteral("/docs")});
    auto doc = chunker.chunk("## Part\n\n" + words + "\n", QStringLiteral("overlap.md"));
    QVERIFY(doc);
    checkInvariants(doc->chunks, 80);
    QVERIFY(doc->chunks.size() >= 3);
    for (int i = 1; i < doc->chunks.size(); ++i) {
        const QString previous = doc->chunks[i - 1].text;
        QString body = doc->chunks[i].text;
        body = body.mid(body.indexOf(QLatin1String("\n\n")) + 2); // after "Part"
        const QString firstWord = body.section(u' ', 0, 0);
        // The next part starts with words the previous one ended with.
        QVERIFY2(previous.contains(u' ' + firstWord + u' '), qPrintable(firstWord));
        QVERIFY(TokenEstimate::tokensOf(body.left(body.indexOf(QLatin1String("\n\n"))).toUtf8()) <=
                20);
    }
}

void TestMarkdownChunker::frontMatterGivesTitleUrlAndPosition()
{
    const MarkdownChunker chunker;
    auto doc = chunker.chunk("---\ntitle: \"Getting: started\"\nid: begin\nsidebar_position: 2.5\n"
                             "tags: [a, b]\n---\n# Welcome\n\nHi.\n",
                             QStringLiteral("guides/03-start.md"));
    QVERIFY(doc);
    QCOMPARE(doc->title, QStringLiteral("Getting: started"));
    QCOMPARE(doc->docId, QStringLiteral("begin"));
    QCOMPARE(doc->url, QStringLiteral("/docs/guides/begin"));
    QCOMPARE(doc->sidebarPosition, std::optional<double>(2.5));
    // A doc with a "# " heading is headed by it, not by the front matter title.
    QCOMPARE(doc->chunks.first().headingPath, QStringList{QStringLiteral("Welcome")});

    auto numbered = chunker.chunk("Text.\n", QStringLiteral("guides/03-start.md"));
    QVERIFY(numbered);
    QCOMPARE(numbered->title, QStringLiteral("start"));
    QCOMPARE(numbered->url, QStringLiteral("/docs/guides/start"));
    QCOMPARE(numbered->sidebarPosition, std::optional<double>(3));
}

void TestMarkdownChunker::draftsHaveNoChunks()
{
    auto doc = MarkdownChunker().chunk("---\ndraft: true\n---\n# Soon\n\nNot yet.\n",
                                       QStringLiteral("soon.md"));
    QVERIFY(doc);
    QVERIFY(doc->draft);
    QVERIFY(doc->chunks.isEmpty());
}

void TestMarkdownChunker::idsAreStable()
{
    const QByteArray input = "# Guide\n\nIntro.\n";
    auto first = MarkdownChunker().chunk(input, QStringLiteral("guide.md"));
    auto second = MarkdownChunker().chunk(input, QStringLiteral("guide.md"));
    QVERIFY(first && second);
    QCOMPARE(first->chunks.size(), 1);
    QCOMPARE(first->chunks[0].key, QStringLiteral("guide.md#guide/0"));
    // UUIDv5 of the key in DeployDesk's namespace, as Python's uuid.uuid5 computes it.
    QCOMPARE(first->chunks[0].idString(), QStringLiteral("f81c4f7d-3e2b-564a-ad21-0367433685c7"));
    QCOMPARE(second->chunks[0].id, first->chunks[0].id);
    QCOMPARE(second->chunks[0].sha256, first->chunks[0].sha256);
    QCOMPARE(
        pointId(QStringLiteral("guides/01-getting-started.md#/0")).toString(QUuid::WithoutBraces),
        QStringLiteral("b91c322b-e403-5dab-bc33-d785a103cb50"));
    QCOMPARE(first->chunks[0].id.version(), QUuid::Sha1);
    QCOMPARE(first->chunks[0].id.variant(), QUuid::DCE);
    // The same ids as Qt's own UUIDv5, whatever the key (OpenSSL does the SHA-1 here).
    for (const QString &key :
         {QString(), QStringLiteral("a"), QStringLiteral("docs/日本語.md#見出し/3"),
          QStringLiteral("guide.md#") + QString(500, QLatin1Char('x')) + QStringLiteral("/12")})
        QCOMPARE(pointId(key), QUuid::createUuidV5(chunkIdNamespace(), key.toUtf8()));
}

void TestMarkdownChunker::initTestCase()
{
    // Nothing has hashed yet: a process that never chunks never pays for libcrypto.
    m_libcryptoAtStart = libcryptoLoaded();
}

void TestMarkdownChunker::digestsComeFromLibcryptoOpenedOnFirstUse()
{
    QVERIFY2(!m_libcryptoAtStart, "libcrypto was loaded before anything hashed");
    QByteArray bytes;
    for (int n = 0; n < 300; ++n) {
        QCOMPARE(sha256(bytes), QCryptographicHash::hash(bytes, QCryptographicHash::Sha256));
        QCOMPARE(sha1(bytes, QByteArrayView(bytes).first(n / 2)),
                 QCryptographicHash::hash(bytes + bytes.first(n / 2), QCryptographicHash::Sha1));
        bytes += char(n * 7 + 3);
    }
    const QByteArray big(3 * 1024 * 1024 + 17, 'q');
    QCOMPARE(sha256(big), QCryptographicHash::hash(big, QCryptographicHash::Sha256));
    // The fast path was taken, not the fallback: the library is mapped now.
    QVERIFY(libcryptoLoaded());
}

void TestMarkdownChunker::editingASectionKeepsTheOthers()
{
    // Each section is one chunk: two do not fit together.
    const QByteArray a = prose("A", 8), b = prose("B", 8), c = prose("C", 8);
    const QByteArray before =
        "## One\n\n" + a + "\n\n## Two\n\n" + b + "\n\n## Three\n\n" + c + "\n";
    const QByteArray after = "## Zero\n\n" + prose("Z", 2) + "\n\n## One\n\n" + a +
                             "\n\n## Two\n\n" + b + " An edit.\n\n## Three\n\n" + c + "\n";
    const MarkdownChunker chunker(ChunkerOptions{80, 0, QStringLiteral("/docs")});
    auto old = chunker.chunk(before, QStringLiteral("doc.md"));
    auto now = chunker.chunk(after, QStringLiteral("doc.md"));
    QVERIFY(old && now);
    QHash<QString, QByteArray> oldHash;
    for (const Chunk &chunk : old->chunks)
        oldHash.insert(chunk.key, chunk.sha256);
    QHash<QString, QByteArray> newHash;
    for (const Chunk &chunk : now->chunks)
        newHash.insert(chunk.key, chunk.sha256);
    QCOMPARE(oldHash.keys().size(), 3);
    QVERIFY(!oldHash.contains(QStringLiteral("doc.md#zero/0")));
    QVERIFY(newHash.contains(QStringLiteral("doc.md#zero/0")));
    QCOMPARE(newHash.value(QStringLiteral("doc.md#one/0")),
             oldHash.value(QStringLiteral("doc.md#one/0")));
    QVERIFY(newHash.value(QStringLiteral("doc.md#two/0")) !=
            oldHash.value(QStringLiteral("doc.md#two/0")));
    QCOMPARE(newHash.value(QStringLiteral("doc.md#three/0")),
             oldHash.value(QStringLiteral("doc.md#three/0")));
}

void TestMarkdownChunker::lineEndsDoNotChangeHashes()
{
    QByteArray lf = "# Title\n\nLine one\nline two.\n\n```\ncode\n```\n";
    QByteArray crlf = lf;
    crlf.replace("\n", "\r\n");
    auto a = MarkdownChunker().chunk(lf, QStringLiteral("x.md"));
    auto b = MarkdownChunker().chunk("\xEF\xBB\xBF" + crlf, QStringLiteral("x.md"));
    QVERIFY(a && b);
    QCOMPARE(b->chunks.size(), a->chunks.size());
    QCOMPARE(b->chunks[0].sha256, a->chunks[0].sha256);
}

void TestMarkdownChunker::invalidUtf8IsNamedByLineAndColumn()
{
    auto doc = MarkdownChunker().chunk("# Title\n\nabcé\xFF rest\n", QStringLiteral("bad.md"),
                                       QStringLiteral("docs/bad.md"));
    QVERIFY(!doc);
    QCOMPARE(doc.error().code, ErrorCode::Invalid);
    QVERIFY(doc.error().where.has_value());
    QCOMPARE(doc.error().where->toString(), QStringLiteral("docs/bad.md:3:5"));
    QVERIFY(doc.error().message.contains(QLatin1String("UTF-8")));
}

void TestMarkdownChunker::brokenFrontMatterIsAWarningWithItsLine()
{
    auto doc = MarkdownChunker().chunk("---\ntitle: ok\nslug: [unclosed\n---\n# Body\n\nText.\n",
                                       QStringLiteral("broken.md"));
    QVERIFY(doc);
    QCOMPARE(doc->warnings.size(), 1);
    const Error &w = doc->warnings.first();
    QVERIFY(w.where.has_value());
    QCOMPARE(w.where->file, QStringLiteral("broken.md"));
    QVERIFY2(w.where->line >= 3 && w.where->line <= 4, qPrintable(w.toString()));
    QVERIFY(w.message.contains(QLatin1String("YAML")));
    // The doc is still chunked, with the URL its path gives.
    QCOMPARE(doc->chunks.size(), 1);
    QCOMPARE(doc->url, QStringLiteral("/docs/broken"));
    QVERIFY(!doc->chunks[0].text.contains(QLatin1String("unclosed")));

    auto list = MarkdownChunker().chunk("---\n- a\n- b\n---\nText.\n", QStringLiteral("list.md"));
    QVERIFY(list);
    QCOMPARE(list->warnings.size(), 1);
    QCOMPARE(list->warnings.first().where->toString(), QStringLiteral("list.md:2:1"));
}

void TestMarkdownChunker::unclosedFrontMatterIsAWarning()
{
    auto doc = MarkdownChunker().chunk("---\ntitle: x\n\n# Body\n", QStringLiteral("open.md"));
    QVERIFY(doc);
    QCOMPARE(doc->warnings.size(), 1);
    QCOMPARE(doc->warnings.first().where->toString(), QStringLiteral("open.md:1:1"));
    QVERIFY(doc->warnings.first().message.contains(QLatin1String("never closed")));
}

QTEST_GUILESS_MAIN(TestMarkdownChunker)
#include "tst_markdownchunker.moc"
