#include "log/linesplitter.h"

#include <QTest>

using namespace DeployDesk;

namespace {

QList<QByteArray> split(const QList<QByteArray> &chunks,
                        qsizetype maxLineBytes = LineSplitter::kDefaultMaxLineBytes)
{
    QList<QByteArray> lines;
    const auto collect = [&](QByteArrayView line) { lines.append(line.toByteArray()); };
    LineSplitter splitter(maxLineBytes);
    for (const QByteArray &chunk : chunks)
        splitter.feed(chunk, collect);
    splitter.finish(collect);
    return lines;
}

QList<QByteArray> splitBytewise(const QByteArray &input, qsizetype maxLineBytes)
{
    QList<QByteArray> chunks;
    for (char c : input)
        chunks.append(QByteArray(1, c));
    return split(chunks, maxLineBytes);
}

// Covers empty lines, CRLF, a lone CR, a trailing CR and an unterminated last line.
const QByteArray kSample = "first line\nsecond\r\n\n\r\nprogress 10%\rprogress 100%\n"
                           "ends with cr\r\r\nabcdefgh\nlast without newline";

} // namespace

class tst_LineSplitter final : public QObject
{
    Q_OBJECT

private slots:
    void lines_data()
    {
        QTest::addColumn<QList<QByteArray>>("chunks");
        QTest::addColumn<QList<QByteArray>>("expected");
        using L = QList<QByteArray>;
        QTest::newRow("empty input") << L{} << L{};
        QTest::newRow("one line") << L{"hello\n"} << L{"hello"};
        QTest::newRow("unterminated") << L{"hello"} << L{"hello"};
        QTest::newRow("empty lines") << L{"\n\n"} << L{"", ""};
        QTest::newRow("crlf") << L{"a\r\nb\r\n"} << L{"a", "b"};
        QTest::newRow("crlf split") << L{"a\r", "\nb\r", "\n"} << L{"a", "b"};
        QTest::newRow("crlf split, empty line") << L{"\r", "\n\r", "\n"} << L{"", ""};
        QTest::newRow("lone cr kept") << L{"50%\r100%\n"} << L{"50%\r100%"};
        QTest::newRow("cr then more data") << L{"50%\r", "100%\n"} << L{"50%\r100%"};
        QTest::newRow("cr at end of stream") << L{"done\r"} << L{"done\r"};
        QTest::newRow("partial across feeds") << L{"hel", "lo\nwor", "ld\n"} << L{"hello", "world"};
        QTest::newRow("empty chunks") << L{"", "a", "", "\n", ""} << L{"a"};
    }

    void lines()
    {
        QFETCH(QList<QByteArray>, chunks);
        QFETCH(QList<QByteArray>, expected);
        QCOMPARE(split(chunks), expected);
    }

    void everySplitPositionGivesSameLines_data()
    {
        QTest::addColumn<qsizetype>("maxLineBytes");
        QTest::newRow("no cutting") << LineSplitter::kDefaultMaxLineBytes;
        QTest::newRow("max 8") << qsizetype(8);
        QTest::newRow("max 4") << qsizetype(4);
        QTest::newRow("max 1") << qsizetype(1);
    }

    void everySplitPositionGivesSameLines()
    {
        QFETCH(qsizetype, maxLineBytes);
        const QList<QByteArray> whole = split({kSample}, maxLineBytes);
        if (maxLineBytes == LineSplitter::kDefaultMaxLineBytes) {
            const QList<QByteArray> expected{"first line",
                                             "second",
                                             "",
                                             "",
                                             "progress 10%\rprogress 100%",
                                             "ends with cr\r",
                                             "abcdefgh",
                                             "last without newline"};
            QCOMPARE(whole, expected);
        }
        for (qsizetype i = 0; i <= kSample.size(); ++i) {
            for (qsizetype j = i; j <= kSample.size(); ++j) {
                const QList<QByteArray> parts = split(
                    {kSample.first(i), kSample.sliced(i, j - i), kSample.sliced(j)}, maxLineBytes);
                if (parts != whole)
                    QFAIL(qPrintable(QStringLiteral("split at %1 and %2 differs").arg(i).arg(j)));
            }
        }
        QCOMPARE(splitBytewise(kSample, maxLineBytes), whole);
    }

    void longLineIsCutIntoPiecesOfMaxBytes_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QList<QByteArray>>("expected");
        using L = QList<QByteArray>;
        QTest::newRow("shorter") << QByteArray("abc\n") << L{"abc"};
        QTest::newRow("exactly max") << QByteArray("abcd\n") << L{"abcd"};
        QTest::newRow("exactly max, crlf") << QByteArray("abcd\r\n") << L{"abcd"};
        QTest::newRow("max plus one") << QByteArray("abcde\n") << L{"abcd", "e"};
        QTest::newRow("twice max") << QByteArray("abcdefgh\n") << L{"abcd", "efgh"};
        QTest::newRow("cr inside") << QByteArray("abcd\rx\n") << L{"abcd", "\rx"};
        QTest::newRow("unterminated") << QByteArray("abcdefghij") << L{"abcd", "efgh", "ij"};
    }

    void longLineIsCutIntoPiecesOfMaxBytes()
    {
        QFETCH(QByteArray, input);
        QFETCH(QList<QByteArray>, expected);
        QCOMPARE(split({input}, 4), expected);
        QCOMPARE(splitBytewise(input, 4), expected);
    }

    void megabyteLines()
    {
        // Three 3 MB lines fed in 1 KB chunks: a splitter that re-scans its partial
        // buffer on every feed would take minutes (and hit the test timeout).
        QByteArray input;
        for (char c : {'a', 'b', 'c'})
            input += QByteArray(3 * 1024 * 1024, c) + "\r\n";
        QList<QByteArray> lines;
        LineSplitter splitter;
        const auto collect = [&](QByteArrayView line) { lines.append(line.toByteArray()); };
        for (qsizetype pos = 0; pos < input.size(); pos += 1024)
            splitter.feed(
                QByteArrayView(input).sliced(pos, std::min<qsizetype>(1024, input.size() - pos)),
                collect);
        splitter.finish(collect);
        QCOMPARE(lines.size(), 3);
        QCOMPARE(lines[0], QByteArray(3 * 1024 * 1024, 'a'));
        QCOMPARE(lines[2], QByteArray(3 * 1024 * 1024, 'c'));
        QVERIFY(!splitter.hasPartialLine());
    }

    void runawayLineDoesNotGrowWithoutBound()
    {
        // 10 MB without a newline, max 1 MB: pieces come out as the data arrives.
        const qsizetype max = 1024 * 1024;
        LineSplitter splitter(max);
        QList<qsizetype> sizes;
        const QByteArray chunk(64 * 1024, 'x');
        for (int i = 0; i < 160; ++i)
            splitter.feed(chunk, [&](QByteArrayView line) { sizes.append(line.size()); });
        QCOMPARE(sizes.size(), 9); // the 10th megabyte may still be one more byte
        for (qsizetype size : sizes)
            QCOMPARE(size, max);
        splitter.finish([&](QByteArrayView line) { sizes.append(line.size()); });
        QCOMPARE(sizes.size(), 10);
        QCOMPARE(sizes.back(), max);
    }

    void piecesSayThatTheLineContinues()
    {
        // Every piece of a cut line but its last says the line goes on (the log pipeline
        // keeps back the end of such a piece, so a secret across the cut is still masked),
        // whatever the reads look like.
        const QByteArray input =
            "short\n" + QByteArray(25, 'a') + "\r\n" + QByteArray(20, 'b') + "\nend";
        for (qsizetype read = 1; read <= input.size(); ++read) {
            LineSplitter splitter(10);
            QList<std::pair<QByteArray, bool>> pieces;
            const LineSplitter::PieceCallback collect = [&](QByteArrayView line, bool continues) {
                pieces.append({line.toByteArray(), continues});
            };
            for (qsizetype at = 0; at < input.size(); at += read)
                splitter.feed(
                    QByteArrayView(input).sliced(at).first(std::min(read, input.size() - at)),
                    collect);
            splitter.finish(collect);
            const QList<std::pair<QByteArray, bool>> expected{
                {"short", false},
                {QByteArray(10, 'a'), true},
                {QByteArray(10, 'a'), true},
                {QByteArray(5, 'a'), false},
                {QByteArray(10, 'b'), true},
                {QByteArray(10, 'b'), false},
                {"end", false},
            };
            QCOMPARE(pieces, expected);
        }
    }

    void completeLinesAreNotCopied()
    {
        const QByteArray chunk = "one\ntwo\r\nthree\n";
        LineSplitter splitter;
        int lines = 0;
        splitter.feed(chunk, [&](QByteArrayView line) {
            ++lines;
            QVERIFY(line.data() >= chunk.constData());
            QVERIFY(line.data() + line.size() <= chunk.constData() + chunk.size());
        });
        QCOMPARE(lines, 3);
    }

    void finishEmitsPartialLineOnce()
    {
        LineSplitter splitter;
        QList<QByteArray> lines;
        const auto collect = [&](QByteArrayView line) { lines.append(line.toByteArray()); };
        splitter.feed("done\nhalf", collect);
        QVERIFY(splitter.hasPartialLine());
        QCOMPARE(lines, QList<QByteArray>{"done"});
        splitter.finish(collect);
        QVERIFY(!splitter.hasPartialLine());
        splitter.finish(collect);
        QCOMPARE(lines, (QList<QByteArray>{"done", "half"}));
    }
};

QTEST_GUILESS_MAIN(tst_LineSplitter)
#include "tst_linesplitter.moc"
