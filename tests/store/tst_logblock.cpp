#include "store/logblock.h"
#include "store/logsearch.h"

#include "storetestutil.h"

#include <QTest>

#include <limits>

using namespace DeployDesk;
using namespace DeployDesk::Internal;

Q_DECLARE_METATYPE(QList<DeployDesk::LogLine>)

namespace {
bool sameLines(const QList<LogLine> &a, const QList<LogLine> &b)
{
    if (a.size() != b.size())
        return false;
    for (qsizetype i = 0; i < a.size(); ++i) {
        if (a[i].timestampMs != b[i].timestampMs || a[i].stream != b[i].stream ||
            a[i].text != b[i].text)
            return false;
    }
    return true;
}
// The terms a search splits `text` into (forEachTerm(), ASCII lowercased), each once, in
// order, after those in `terms` already.
void appendQueryTerms(QByteArrayView text, QList<QByteArray> &terms)
{
    Internal::forEachTerm(text, [&terms](const char *begin, qsizetype length) {
        QByteArray term(begin, length);
        for (char &c : term)
            c = (c >= 'A' && c <= 'Z') ? char(c + 32) : c;
        if (!terms.contains(term))
            terms << term;
    });
}
} // namespace

class TestLogBlock final : public QObject
{
    Q_OBJECT

private slots:
    void roundtrip_data();
    void roundtrip();
    void encoderReportsFullness();
    void damagedBlocksAreErrors_data();
    void damagedBlocksAreErrors();
    void stripAnsi_data();
    void stripAnsi();
    void termsAreDistinctWords();
    void termsMatchTheQuerySplit();
    void termsOfWordsOfEveryLength();
    void aBlockIndexesWhatItsLinesShow();
    void ftsQuery_data();
    void ftsQuery();
    void gramsHoldPairsAndTheDigitsOfLongNumbers_data();
    void gramsHoldPairsAndTheDigitsOfLongNumbers();
    void indexQueryAsksTheGramsForPairsAndNumbers();
    void smallBlocksStoreNoGramsAndAreAlwaysRead();
};

void TestLogBlock::roundtrip_data()
{
    QTest::addColumn<QList<LogLine>>("lines");
    QByteArray allBytes;
    for (int i = 0; i < 256; ++i)
        allBytes.append(char(i));
    const qint64 now = 1'700'000'000'123;
    QTest::newRow("empty block") << QList<LogLine>{};
    QTest::newRow("one line") << QList<LogLine>{{now, LogStream::Stdout, "hello world"}};
    QTest::newRow("zero-length lines")
        << QList<LogLine>{{now, LogStream::Stdout, ""}, {now, LogStream::Stderr, ""}};
    QTest::newRow("every stream") << QList<LogLine>{{now, LogStream::Stdout, "out"},
                                                    {now + 1, LogStream::Stderr, "err"},
                                                    {now + 2, LogStream::System, "sys"}};
    QTest::newRow("binary bytes, NUL and invalid UTF-8")
        << QList<LogLine>{{now, LogStream::Stdout, allBytes},
                          {now, LogStream::Stderr, QByteArray("\xff\xfe\0\x80", 4)}};
    QTest::newRow("ANSI kept") << QList<LogLine>{{now, LogStream::Stdout, "\x1b[31mred\x1b[0m"}};
    QTest::newRow("1 MB line") << QList<LogLine>{
        {now, LogStream::Stdout, QByteArray(1024 * 1024, 'x')},
        {now + 5, LogStream::Stdout, "after"}};
    QTest::newRow("time going backwards")
        << QList<LogLine>{{now, LogStream::Stdout, "a"}, {now - 100000, LogStream::Stdout, "b"}};
    QTest::newRow("extreme timestamps")
        << QList<LogLine>{{std::numeric_limits<qint64>::max(), LogStream::Stdout, "max"},
                          {std::numeric_limits<qint64>::min(), LogStream::Stdout, "min"},
                          {0, LogStream::Stdout, "zero"},
                          {-1, LogStream::Stdout, "minus one"}};
}

void TestLogBlock::roundtrip()
{
    QFETCH(QList<LogLine>, lines);
    const QByteArray data = encodeLogBlock(lines);
    auto decoded = decodeLogBlock(data);
    DD_VERIFY_OK(decoded);
    QVERIFY(sameLines(*decoded, lines));
}

void TestLogBlock::encoderReportsFullness()
{
    LogBlockEncoder encoder;
    for (int i = 0; i < LogBlockEncoder::kMaxLines - 1; ++i)
        encoder.add(LogLine{i, LogStream::Stdout, "short"});
    QVERIFY(!encoder.isFull());
    encoder.add(LogLine{0, LogStream::Stdout, "short"});
    QVERIFY(encoder.isFull());
    // ~50 bytes a line costs little more than the text itself.
    QVERIFY(encoder.byteSize() < LogBlockEncoder::kMaxLines * (5 + 3 + 1));
    QCOMPARE(encoder.terms(), QByteArray("short")); // each word once per block

    encoder.clear();
    encoder.add(LogLine{0, LogStream::Stdout, QByteArray(LogBlockEncoder::kMaxBytes, 'y')});
    QVERIFY(encoder.isFull());
    QCOMPARE(encoder.lineCount(), 1);
}

void TestLogBlock::damagedBlocksAreErrors_data()
{
    QTest::addColumn<QByteArray>("data");
    const QByteArray good = encodeLogBlock({{1000, LogStream::Stdout, "hello"}});
    QTest::newRow("nothing") << QByteArray();
    QTest::newRow("unknown version") << QByteArray("\x07") + good.mid(1);
    QTest::newRow("cut in the text") << good.left(good.size() - 2);
    QTest::newRow("cut after the timestamp") << good.left(3);
    QTest::newRow("unknown stream") << QByteArray("\x01\x02\x09\x01z", 5);
    QTest::newRow("length past the end") << QByteArray("\x01\x02\x01\x7f"
                                                       "abc",
                                                       7);
    QTest::newRow("unterminated varint") << QByteArray("\x01\xff\xff", 3);
}

void TestLogBlock::damagedBlocksAreErrors()
{
    QFETCH(QByteArray, data);
    auto decoded = decodeLogBlock(data);
    QVERIFY(!decoded);
    QVERIFY2(decoded.error().message.contains(QLatin1String("damaged")),
             qPrintable(decoded.error().message));
}

// What the index sees of a line (AnsiParser::strip, from core/log): the cases a search
// depends on.
void TestLogBlock::stripAnsi_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("plain") << QByteArray("no escapes") << QByteArray("no escapes");
    QTest::newRow("SGR") << QByteArray("\x1b[1;31mERR\x1b[0mOR") << QByteArray("ERROR");
    QTest::newRow("cursor and erase") << QByteArray("a\x1b[2K\x1b[10Gb") << QByteArray("ab");
    QTest::newRow("OSC title BEL") << QByteArray("\x1b]0;title\x07text") << QByteArray("text");
    QTest::newRow("OSC hyperlink ST")
        << QByteArray("\x1b]8;;http://x\x1b\\link\x1b]8;;\x1b\\") << QByteArray("link");
    QTest::newRow("charset") << QByteArray("\x1b(Bok") << QByteArray("ok");
    QTest::newRow("two-byte") << QByteArray("\x1b"
                                            "7x\x1b"
                                            "8")
                              << QByteArray("x");
    QTest::newRow("incomplete at end") << QByteArray("done\x1b[3") << QByteArray("done");
}

void TestLogBlock::stripAnsi()
{
    QFETCH(QByteArray, input);
    QFETCH(QByteArray, expected);
    QCOMPARE(Internal::stripAnsi(input), expected);
}

void TestLogBlock::termsAreDistinctWords()
{
    LogBlockEncoder encoder;
    encoder.add(LogLine{0, LogStream::Stdout, "\x1b[31mERROR\x1b[0m: disk full on /dev/sda1"});
    encoder.add(LogLine{0, LogStream::Stderr, "Error: DISK full (retry 2)"});
    encoder.add(LogLine{0, LogStream::Stdout, "grüße_an alle"});
    QCOMPARE(encoder.terms(), QByteArray("error disk full on dev sda1 retry 2 grüße "
                                         "\x01ü\x01 \x01rü \x01ß\x01 \x01üß \x01ß"
                                         "e an alle"));
    // Long words are indexed whole, in pieces of 16 bytes that share two characters, so
    // every three characters of the word are inside one piece.
    LogBlockEncoder cut;
    cut.add(LogLine{0, LogStream::Stdout, "pid 123456 sha 0123456789abcdef0123456789"});
    // A long number gives its first four digits (unique numbers would fill the index).
    QCOMPARE(cut.terms(), QByteArray("pid 1234 sha 0123456789abcdef ef0123456789"));
    // A word with non-ASCII characters adds each such character, and each pair holding
    // one, marked: a search for one emoji or two CJK characters finds them.
    LogBlockEncoder marks;
    marks.add(LogLine{0, LogStream::Stdout, "ok \xf0\x9f\x9a\x80 日本語"});
    QCOMPARE(marks.terms(), QByteArray("ok \xf0\x9f\x9a\x80 \x01\xf0\x9f\x9a\x80\x01 日本語 "
                                       "\x01日\x01 \x01本\x01 \x01日本 \x01語\x01 \x01本語"));
    // Many distinct words (the table grows) stay distinct and complete.
    LogBlockEncoder many;
    QByteArray expected;
    for (int i = 0; i < 3000; ++i) {
        many.add(LogLine{0, LogStream::Stdout,
                         "w" + QByteArray::number(i) + " W" + QByteArray::number(i)});
        expected += (i ? " w" : "w") + QByteArray::number(i);
    }
    QCOMPARE(many.terms(), expected);
}

// The writer's fused one-pass term extraction must keep exactly the words that
// forEachTerm() (which builds search queries) keeps: else a search could miss a line.
void TestLogBlock::termsMatchTheQuerySplit()
{
    const QList<QByteArray> pieces{"a",
                                   "Z",
                                   "ok",
                                   "Build",
                                   "ERROR",
                                   "7",
                                   "42",
                                   "1234",
                                   "123456789",
                                   "ümlaut",
                                   "\xe2\x82\xac",
                                   "日本語",
                                   "x_y",
                                   "-",
                                   " ",
                                   ".",
                                   ":",
                                   "/",
                                   "0123456789abcdefXYZ",
                                   "ABCDEFGHIJKLMNOPQRSTU",
                                   "abcdefghijklmno\xc3\xa9z",
                                   "\xff\xfe",
                                   "\xf0\x9f\x9a\x80",
                                   "\xe2\x9c\x93",
                                   "\x80\x80\x80",
                                   "ÄÖÜ",
                                   "9999999999999999999"};
    quint32 seed = 12345;
    const auto next = [&seed] { return seed = seed * 1103515245u + 12345u; };
    for (int round = 0; round < 2000; ++round) {
        QByteArray line;
        const int parts = int(next() % 12) + 1;
        for (int i = 0; i < parts; ++i)
            line += pieces[int(next() % quint32(pieces.size()))];
        LogBlockEncoder encoder;
        encoder.add(LogLine{0, LogStream::Stdout, line});
        QList<QByteArray> expected;
        appendQueryTerms(line, expected);
        QCOMPARE(encoder.terms(), expected.join(' '));
    }
}

// The encoder reads a word's first 16 bytes eight (or four, or one) at a time: every length
// and every place of the byte that makes a word not all digits, not lowercase or not ASCII
// gives the terms forEachTerm() gives.
void TestLogBlock::termsOfWordsOfEveryLength()
{
    const QList<QByteArray> odd{"A", "z", "\xc3\xa9", "0"};
    for (qsizetype length = 1; length <= 40; ++length) {
        for (const char fill : {'7', 'q', 'Q'}) {
            for (qsizetype at = -1; at < length; ++at) {
                for (const QByteArray &mark : odd) {
                    QByteArray word(length, fill);
                    if (at >= 0)
                        word.replace(at, 1, mark);
                    const QByteArray line = "x " + word + " y";
                    LogBlockEncoder encoder;
                    encoder.add(LogLine{0, LogStream::Stdout, line});
                    QList<QByteArray> expected;
                    appendQueryTerms(line, expected);
                    QVERIFY2(encoder.terms() == expected.join(' '),
                             qPrintable(QStringLiteral("%1: %2 for %3")
                                            .arg(QString::fromUtf8(line),
                                                 QString::fromUtf8(encoder.terms()),
                                                 QString::fromUtf8(expected.join(' ')))));
                }
            }
        }
    }
}

// A block's terms and grams are those of its lines as shown, whatever the encoder's
// shortcuts: a line with escape sequences (its first pass stops at the ESC), lines of the
// same shape (the n-th word of the last line is taken as known), counters (the digits the
// last number shared are not set again), and blocks that close and start again.
void TestLogBlock::aBlockIndexesWhatItsLinesShow()
{
    const QList<QByteArray> pieces{"log ",
                                   "line ",
                                   "Number ",
                                   "ERR",
                                   "\x1b[31m",
                                   "\x1b[0m",
                                   "\x1b[1;32mok",
                                   " ",
                                   "-",
                                   "\x1b]8;;http://x\x1b\\",
                                   "ümlaut",
                                   "2024",
                                   "x",
                                   "\x1b[3",
                                   ":",
                                   "abcdefghijklmnopq"};
    quint32 seed = 4711;
    const auto next = [&seed] { return seed = seed * 1103515245u + 12345u; };
    LogBlockEncoder encoder;
    QList<QByteArray> lines;
    qint64 counter = 99990;
    for (int round = 0; round < 6000; ++round) {
        QByteArray line;
        const int parts = int(next() % 6);
        for (int i = 0; i < parts; ++i)
            line += pieces[int(next() % quint32(pieces.size()))];
        // A counter, sometimes with its next value's digits cut by an escape sequence.
        const QByteArray number = QByteArray::number(counter += (next() % 4 == 0) ? 7 : 1);
        line += next() % 5 == 0 ? number.first(3) + "\x1b[0m" + number.sliced(3) : number;
        if (next() % 3 == 0)
            line += " " + pieces[int(next() % quint32(pieces.size()))];
        encoder.add(LogLine{0, LogStream::Stdout, line});
        lines << line;
        if (!encoder.isFull() && round + 1 < 6000)
            continue;
        QList<QByteArray> expected;
        QByteArray grams(Internal::kGramBytes, '\0');
        for (const QByteArray &l : std::as_const(lines)) {
            const QByteArray shown = Internal::stripAnsi(l);
            appendQueryTerms(shown, expected);
            LogBlockEncoder alone; // each line's grams on their own, or-ed
            alone.add(LogLine{0, LogStream::Stdout, shown});
            const QByteArray own = alone.grams();
            for (qsizetype i = 0; i < own.size(); ++i)
                grams[i] = char(quint8(grams[i]) | quint8(own[i]));
        }
        while (!grams.isEmpty() && grams.back() == '\0')
            grams.chop(1);
        QCOMPARE(encoder.terms(), expected.join(' '));
        QCOMPARE(encoder.grams(), grams);
        encoder.clear();
        lines.clear();
    }
}

void TestLogBlock::ftsQuery_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected");
    QTest::newRow("one word") << "error"
                              << R"("err" "rro" "ror")";
    QTest::newRow("part of a word") << "uoted"
                                    << R"("uot" "ote" "ted")";
    QTest::newRow("lowercased") << "ERRor"
                                << R"("err" "rro" "ror")";
    QTest::newRow("two words") << "  disk   full "
                               << R"("dis" "isk" "ful" "ull")";
    QTest::newRow("punctuation splits") << "deploy-site.yml"
                                        << R"("dep" "epl" "plo" "loy" "sit" "ite" "yml")";
    QTest::newRow("quotes split") << R"(say"hi)"
                                  << R"("say")";
    QTest::newRow("repeated trigrams once") << "aaaa aaa"
                                            << R"("aaa")";
    QTest::newRow("short ASCII words add nothing") << "a-b ok"
                                                   << "";
    QTest::newRow("non-ASCII characters") << "Grüße"
                                          << R"("grü" "rüß" "üße")";
    QTest::newRow("one emoji") << "\u2705"
                               << "\"\x01\u2705\x01\"";
    QTest::newRow("two CJK characters") << "日本"
                                        << "\"\x01日本\"";
    QTest::newRow("emoji beside ASCII") << "a\U0001F680"
                                        << "\"\x01"
                                           "a\U0001F680\"";
    QTest::newRow("numbers add nothing") << "exit 1234567 42"
                                         << R"("exi" "xit")";
    QTest::newRow("punctuation only") << ":: -> ::"
                                      << "";
}

void TestLogBlock::ftsQuery()
{
    QFETCH(QString, text);
    QFETCH(QString, expected);
    QCOMPARE(Internal::ftsQuery(text), expected);
}

// What a block's grams say it may hold (what the search asks for a query's pairs and
// numbers): every pair of letters or digits side by side, in either case, and every
// digit sequence of a long number; nothing across a separator.
void TestLogBlock::gramsHoldPairsAndTheDigitsOfLongNumbers_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<bool>("mayHold");
    const auto row = [](const char *query, bool mayHold) {
        QTest::addRow("%s", query) << QString::fromUtf8(query) << mayHold;
    };
    row("ok", true);      // "OK:" in upper case
    row("zq", false);     // nowhere
    row("kd", false);     // "ok deploy": across a space
    row("pl", true);      // inside "deploy"
    row("3f", true);      // inside the long hex word
    row("1130", true);    // inside the long number 20261130
    row("2026113", true); // its sequences
    row("611", true);     // a three-digit part
    row("300", false);    // not inside it
    row("4711", false);   // the digits of "47-11" are two numbers
    row("47", true);      // a pair of a short number
    row("99", true);      // inside "ü99": the digits beside each other
    row("ü9", false);     // not a pair of ASCII letters or digits: not asked
}

void TestLogBlock::gramsHoldPairsAndTheDigitsOfLongNumbers()
{
    QFETCH(QString, query);
    QFETCH(bool, mayHold);
    LogBlockEncoder encoder;
    encoder.add(LogLine{1, LogStream::Stdout, "OK: deploy 20261130 from 3fa9c0de4b7e8d1f2a6c"});
    encoder.add(LogLine{2, LogStream::Stderr, "\x1b[31mcode 47-11\x1b[0m ü99"});
    const Internal::LogIndexQuery asked = Internal::logIndexQuery(query);
    QByteArray mask = asked.pairs;
    for (const auto &number : asked.numbers)
        mask = number.grams;
    QVERIFY2(!mask.isEmpty() || !mayHold, "the query asks the grams nothing");
    if (mask.isEmpty())
        return;
    QCOMPARE(Internal::gramsCover(encoder.grams(), mask), mayHold);
    QCOMPARE(
        Internal::gramsCover(
            Internal::logBlockGrams(
                {LogLine{1, LogStream::Stdout, "OK: deploy 20261130 from 3fa9c0de4b7e8d1f2a6c"},
                 LogLine{2, LogStream::Stderr, "\x1b[31mcode 47-11\x1b[0m ü99"}}),
            mask),
        mayHold);
}

void TestLogBlock::indexQueryAsksTheGramsForPairsAndNumbers()
{
    const Internal::LogIndexQuery words = Internal::logIndexQuery(QStringLiteral("error"));
    QCOMPARE(words.match, Internal::ftsQuery(QStringLiteral("error")));
    QVERIFY(words.pairs.isEmpty() && words.numbers.isEmpty());

    // Two letters and two numbers: the pair in one mask, each number its own (it may lie
    // in a word or a short number, which the trigram index holds, or in a long one).
    const Internal::LogIndexQuery mixed =
        Internal::logIndexQuery(QStringLiteral("pid 4711 ok 20261130 7"));
    QCOMPARE(mixed.match, QStringLiteral(R"("pid")"));
    QVERIFY(!mixed.pairs.isEmpty());
    QCOMPARE(mixed.numbers.size(), 2);
    QCOMPARE(mixed.numbers[0].match, QStringLiteral(R"("471" "711")"));
    QCOMPARE(mixed.numbers[1].match, QStringLiteral(R"("202" "026" "261" "611" "113" "130")"));

    QVERIFY(Internal::logIndexQuery(QStringLiteral("a 7 :")).isEmpty()); // nothing to ask
}

void TestLogBlock::smallBlocksStoreNoGramsAndAreAlwaysRead()
{
    LogBlockEncoder encoder;
    for (int i = 1; i < kMinGramLines; ++i)
        encoder.add(LogLine{i, LogStream::Stdout, "release 20261130"});
    QCOMPARE(encoder.gramsToStore(), kUnknownGrams);
    const QByteArray absent = Internal::logIndexQuery(QStringLiteral("zq")).pairs;
    QVERIFY(Internal::gramsCover(kUnknownGrams, absent)); // a candidate for any query
    encoder.add(LogLine{kMinGramLines, LogStream::Stdout, "release 20261130"});
    QCOMPARE(encoder.gramsToStore(), encoder.grams());
    QVERIFY(!Internal::gramsCover(encoder.gramsToStore(), absent));
    QVERIFY(Internal::gramsCover(encoder.gramsToStore(),
                                 Internal::logIndexQuery(QStringLiteral("re")).pairs));
}

QTEST_GUILESS_MAIN(TestLogBlock)
#include "tst_logblock.moc"
