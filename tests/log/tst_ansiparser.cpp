#include "log/ansiparser.h"

#include <QTest>

using namespace DeployDesk;

namespace {

TextStyle fg(int colour, TextStyle style = {})
{
    style.foreground = colour;
    return style;
}

TextStyle bg(int colour, TextStyle style = {})
{
    style.background = colour;
    return style;
}

TextStyle bold(TextStyle style = {})
{
    style.bold = true;
    return style;
}

// "text|style" pieces, so failures print readably.
QString describe(const AnsiParser::Output &out)
{
    QStringList parts;
    for (const StyledSpan &span : out.spans) {
        const TextStyle &s = span.style;
        parts << QStringLiteral("[%1|fg=%2 bg=%3%4%5%6%7%8]")
                     .arg(out.text.mid(span.start, span.length))
                     .arg(s.foreground)
                     .arg(s.background)
                     .arg(s.bold ? " b" : "", s.faint ? " f" : "", s.italic ? " i" : "",
                          s.underline ? " u" : "", s.inverse ? " r" : "");
    }
    return parts.join(QString());
}

// Appends `next` to `acc` as if both came from one feed.
void accumulate(AnsiParser::Output &acc, const AnsiParser::Output &next)
{
    const int offset = int(acc.text.size());
    acc.text += next.text;
    for (StyledSpan span : next.spans) {
        span.start += offset;
        if (!acc.spans.isEmpty() && acc.spans.back().style == span.style)
            acc.spans.back().length += span.length;
        else
            acc.spans.append(span);
    }
}

void checkCoverage(const AnsiParser::Output &out)
{
    int expectedStart = 0;
    for (qsizetype i = 0; i < out.spans.size(); ++i) {
        QCOMPARE(out.spans[i].start, expectedStart);
        QVERIFY(out.spans[i].length > 0);
        if (i > 0)
            QVERIFY(!(out.spans[i - 1].style == out.spans[i].style));
        expectedStart += out.spans[i].length;
    }
    QCOMPARE(expectedStart, int(out.text.size()));
}

const QByteArray kSample = "\x1b[1;31mERROR\x1b[0m: \x1b]0;title\x07"
                           "caf\xC3\xA9 "
                           "\x1b[38;5;208morange\x1b[39m \x1b[48;2;1;2;3mrgb\x1b[m"
                           "\x1b[2K\x1b[1A\x1b(B\x1b"
                           "7end \xF0\x9F\x98\x80 \x1b]8;;http://x\x1b\\link"
                           "\x1b]8;;\x1b\\ \x1b[4mu\x1b[24m";

} // namespace

class tst_AnsiParser final : public QObject
{
    Q_OBJECT

private slots:
    void sgr_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QString>("expected"); // describe() of the output

        QTest::newRow("plain") << QByteArray("hello") << "[hello|fg=-1 bg=-1]";
        QTest::newRow("empty") << QByteArray() << "";
        QTest::newRow("red then reset")
            << QByteArray("\x1b[31mred\x1b[0m plain") << "[red|fg=1 bg=-1][ plain|fg=-1 bg=-1]";
        QTest::newRow("empty params reset")
            << QByteArray("\x1b[1mb\x1b[mn") << "[b|fg=-1 bg=-1 b][n|fg=-1 bg=-1]";
        QTest::newRow("empty first param resets")
            << QByteArray("\x1b[31mr\x1b[;1mb") << "[r|fg=1 bg=-1][b|fg=-1 bg=-1 b]";
        QTest::newRow("attributes")
            << QByteArray("\x1b[1;2;3;4;7mx") << "[x|fg=-1 bg=-1 b f i u r]";
        QTest::newRow("attributes off")
            << QByteArray("\x1b[1;2;3;4;7m\x1b[22;23;24;27mx") << "[x|fg=-1 bg=-1]";
        QTest::newRow("background and bright")
            << QByteArray("\x1b[42;97mx\x1b[49;39;101my") << "[x|fg=15 bg=2][y|fg=-1 bg=9]";
        QTest::newRow("256 colours") << QByteArray("\x1b[38;5;208;48;5;17mx") << "[x|fg=208 bg=17]";
        QTest::newRow("true colour") << QByteArray("\x1b[38;2;255;128;0mx")
                                     << QStringLiteral("[x|fg=%1 bg=-1]").arg(0x1000000 | 0xFF8000);
        QTest::newRow("true colour, colon form")
            << QByteArray("\x1b[38:2::255:128:0mx")
            << QStringLiteral("[x|fg=%1 bg=-1]").arg(0x1000000 | 0xFF8000);
        QTest::newRow("256 colours then bold")
            << QByteArray("\x1b[38;5;1;1mx") << "[x|fg=1 bg=-1 b]";
        QTest::newRow("out of range colour ignored")
            << QByteArray("\x1b[38;5;300mx") << "[x|fg=-1 bg=-1]";
        QTest::newRow("same style merges")
            << QByteArray("\x1b[31ma\x1b[31mb\x1b[2K") << "[ab|fg=1 bg=-1]";
        QTest::newRow("cursor and erase removed")
            << QByteArray("\x1b[2K\x1b[1Gdone\x1b[?25h") << "[done|fg=-1 bg=-1]";
        QTest::newRow("osc title BEL")
            << QByteArray("\x1b]0;my title\x07text") << "[text|fg=-1 bg=-1]";
        QTest::newRow("osc hyperlink ST")
            << QByteArray("\x1b]8;;https://x.org\x1b\\link\x1b]8;;\x1b\\") << "[link|fg=-1 bg=-1]";
        QTest::newRow("charset and two-byte") << QByteArray("\x1b(Ba\x1b"
                                                            "7b\x1b=c")
                                              << "[abc|fg=-1 bg=-1]";
        QTest::newRow("private sgr-like is not sgr")
            << QByteArray("\x1b[>4;2mx") << "[x|fg=-1 bg=-1]";
        QTest::newRow("aborted by control byte") << QByteArray("\x1b[31\nx") << "[\nx|fg=-1 bg=-1]";
        QTest::newRow("utf-8 and surrogate pairs")
            << QByteArray("\xF0\x9F\x98\x80\x1b[1m\xC3\xA9")
            << "[\U0001F600|fg=-1 bg=-1][\u00E9|fg=-1 bg=-1 b]";
    }

    void sgr()
    {
        QFETCH(QByteArray, input);
        QFETCH(QString, expected);
        AnsiParser parser;
        const AnsiParser::Output out = parser.feed(input);
        QCOMPARE(describe(out), expected);
        checkCoverage(out);
    }

    void offsetsAreInQChars()
    {
        AnsiParser parser;
        const AnsiParser::Output out = parser.feed("\xF0\x9F\x98\x80\x1b[31mred");
        QCOMPARE(out.text, QStringLiteral("\U0001F600red"));
        QCOMPARE(out.spans.size(), 2);
        QCOMPARE(out.spans[1].start, 2);
        QCOMPARE(out.spans[1].length, 3);
    }

    void everySplitPositionGivesSameOutput()
    {
        AnsiParser whole;
        const AnsiParser::Output expected = whole.feed(kSample);
        QCOMPARE(expected.text, QStringLiteral("ERROR: caf\u00E9 orange rgbend \U0001F600 link u"));
        checkCoverage(expected);

        for (qsizetype i = 0; i <= kSample.size(); ++i) {
            for (qsizetype j = i; j <= kSample.size(); ++j) {
                AnsiParser parser;
                AnsiParser::Output acc;
                accumulate(acc, parser.feed(QByteArrayView(kSample).first(i)));
                accumulate(acc, parser.feed(QByteArrayView(kSample).sliced(i, j - i)));
                accumulate(acc, parser.feed(QByteArrayView(kSample).sliced(j)));
                if (acc.text != expected.text || describe(acc) != describe(expected))
                    QFAIL(qPrintable(
                        QStringLiteral("split at %1, %2: %3").arg(i).arg(j).arg(describe(acc))));
            }
        }
        // One byte at a time.
        AnsiParser parser;
        AnsiParser::Output acc;
        for (char c : kSample)
            accumulate(acc, parser.feed(QByteArrayView(&c, 1)));
        QCOMPARE(describe(acc), describe(expected));
        QCOMPARE(parser.currentStyle(), TextStyle());
    }

    // A byte order mark inside a stage's output is a character like any other: it stays,
    // wherever a chunk boundary or an escape sequence puts it (the fuzzer found the text
    // losing it when a chunk happened to begin with one).
    void byteOrderMarkStaysAtEverySplit()
    {
        const QByteArray stream = "a\xEF\xBB\xBF"
                                  "b\x1b[32m\xEF\xBB\xBF"
                                  "c\xEF\xBB\xBF\xEF\xBB\xBF"
                                  "d";
        const QString expected = QStringLiteral("a\uFEFFb\uFEFFc\uFEFF\uFEFFd");
        AnsiParser whole;
        QCOMPARE(whole.feed(stream).text, expected);
        for (qsizetype i = 0; i <= stream.size(); ++i) {
            AnsiParser parser;
            AnsiParser::Output acc;
            accumulate(acc, parser.feed(QByteArrayView(stream).first(i)));
            accumulate(acc, parser.feed(QByteArrayView(stream).sliced(i)));
            QVERIFY2(acc.text == expected, qPrintable(QStringLiteral("split at %1").arg(i)));
        }
        QCOMPARE(AnsiParser::forTerminal(stream), stream);
    }

    void coloursCarryAcrossLines()
    {
        AnsiParser parser;
        parser.feed("\x1b[1;32mbuild ok");
        const AnsiParser::Output second = parser.feed("still green");
        QCOMPARE(describe(second), QStringLiteral("[still green|fg=2 bg=-1 b]"));
        QCOMPARE(parser.currentStyle(), fg(2, bold()));
        const AnsiParser::Output third = parser.feed("\x1b[0mplain");
        QCOMPARE(describe(third), QStringLiteral("[plain|fg=-1 bg=-1]"));
        parser.feed("\x1b[44m");
        QCOMPARE(parser.currentStyle(), bg(4));
        parser.reset();
        QCOMPARE(parser.currentStyle(), TextStyle());
    }

    void resetDropsPendingSequence()
    {
        AnsiParser parser;
        parser.feed("a\x1b[3");
        parser.reset();
        QCOMPARE(parser.feed("1mb").text, QStringLiteral("1mb"));
    }

    void unterminatedSequenceIsNotBufferedForever()
    {
        AnsiParser parser;
        QString text;
        text += parser.feed("\x1b]0;").text;
        for (int i = 0; i < 100; ++i)
            text += parser.feed(QByteArray(10, 'x')).text; // 1000 bytes, never terminated
        text += parser.feed("visible").text;
        QVERIFY2(text.endsWith(QLatin1String("visible")), qPrintable(text));
        QVERIFY(text.size() < 1000); // the first 256 bytes were dropped as a bad sequence

        // Same result when it all comes in one chunk.
        AnsiParser once;
        QCOMPARE(once.feed("\x1b]0;" + QByteArray(1000, 'x') + "visible").text, text);
    }

    void strip_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QByteArray>("expected");
        QTest::newRow("no escapes") << QByteArray("plain line") << QByteArray("plain line");
        QTest::newRow("sgr") << QByteArray("\x1b[1;31mERROR\x1b[0m: x") << QByteArray("ERROR: x");
        QTest::newRow("osc and csi") << QByteArray("\x1b]0;t\x07"
                                                   "a\x1b[2Kb")
                                     << QByteArray("ab");
        QTest::newRow("hyperlink")
            << QByteArray("\x1b]8;;u\x1b\\l\x1b]8;;\x1b\\") << QByteArray("l");
        QTest::newRow("incomplete at end") << QByteArray("abc\x1b[3") << QByteArray("abc");
        QTest::newRow("lone esc at end") << QByteArray("abc\x1b") << QByteArray("abc");
        QTest::newRow("utf-8 kept")
            << QByteArray("\x1b[1m\xC3\xA9t\xC3\xA9") << QByteArray("\xC3\xA9t\xC3\xA9");
        QTest::newRow("sample") << kSample
                                << QByteArray(
                                       "ERROR: caf\xC3\xA9 orange rgbend \xF0\x9F\x98\x80 link u");
    }

    void strip()
    {
        QFETCH(QByteArray, input);
        QFETCH(QByteArray, expected);
        QCOMPARE(AnsiParser::strip(input), expected);
        // strip() and the parser agree on what the text is.
        AnsiParser parser;
        QCOMPARE(parser.feed(input).text, QString::fromUtf8(expected));
    }

    // What `logs` and the failure summary write to a terminal: SGR kept byte for byte,
    // every other sequence and control character shown as text (caret notation).
    void forTerminal_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QByteArray>("expected");
        QTest::newRow("plain") << QByteArray("plain\tline") << QByteArray("plain\tline");
        QTest::newRow("sgr kept") << QByteArray("\x1b[1;31mERROR\x1b[0m \x1b[38;2;1;2;3mx\x1b[m")
                                  << QByteArray("\x1b[1;31mERROR\x1b[0m \x1b[38;2;1;2;3mx\x1b[m");
        QTest::newRow("osc 52 clipboard")
            << QByteArray("a\x1b]52;c;aGVsbG8=\x07z") << QByteArray("a^[]52;c;aGVsbG8=^Gz");
        QTest::newRow("osc title with ST")
            << QByteArray("\x1b]0;pwned\x1b\\x") << QByteArray("^[]0;pwned^[\\x");
        QTest::newRow("clear screen") << QByteArray("\x1b[2J\x1b[H") << QByteArray("^[[2J^[[H");
        QTest::newRow("csi that ends in m but is not sgr")
            << QByteArray("\x1b[>4;1m") << QByteArray("^[[>4;1m");
        QTest::newRow("dcs") << QByteArray("\x1bPq#0;2;0;0;0\x1b\\")
                             << QByteArray("^[Pq#0;2;0;0;0^[\\");
        QTest::newRow("cursor save, charset") << QByteArray("\x1b"
                                                            "7\x1b(0")
                                              << QByteArray("^[7^[(0");
        QTest::newRow("grep's erase to end of line dropped")
            << QByteArray("\x1b[01;31m\x1b[Kmatch\x1b[m\x1b[0K rest\x1b[1K")
            << QByteArray("\x1b[01;31mmatch\x1b[m rest^[[1K");
        QTest::newRow("lone esc at end") << QByteArray("abc\x1b") << QByteArray("abc^[");
        QTest::newRow("incomplete sgr at end") << QByteArray("abc\x1b[3") << QByteArray("abc^[[3");
        QTest::newRow("bel, backspace, cr, del") << QByteArray("a\x07"
                                                               "b\x08"
                                                               "c\rd\x7f")
                                                 << QByteArray("a^Gb^Hc^Md^?");
        QTest::newRow("c1 csi and osc") << QByteArray("\xC2\x9B"
                                                      "2J\xC2\x9D"
                                                      "0;t")
                                        << QByteArray("<U+009B>2J<U+009D>0;t");
        QTest::newRow("raw 8-bit csi byte") << QByteArray("a\x9b"
                                                          "2J")
                                            << QByteArray("a\xEF\xBF\xBD"
                                                          "2J");
        QTest::newRow("utf-8 kept") << QByteArray("caf\xC3\xA9 \xF0\x9F\x98\x80")
                                    << QByteArray("caf\xC3\xA9 \xF0\x9F\x98\x80");
    }

    void forTerminal()
    {
        QFETCH(QByteArray, input);
        QFETCH(QByteArray, expected);
        QCOMPARE(AnsiParser::forTerminal(input), expected);
    }

    void stripEmpty()
    {
        // Found by fuzz_secretmasker (tests/fuzz): an empty view has no data pointer, and
        // strip() passed it to memchr (undefined behaviour, reported by UBSan in the
        // sanitizer build). An empty or null line strips to nothing.
        QCOMPARE(AnsiParser::strip(QByteArrayView()), QByteArray());
        QCOMPARE(AnsiParser::strip(QByteArray()), QByteArray());
        QCOMPARE(AnsiParser::strip(QByteArrayView("", 0)), QByteArray());
        QCOMPARE(AnsiParser::hiddenLength(QByteArrayView()), 0);
    }
};

QTEST_GUILESS_MAIN(tst_AnsiParser)
#include "tst_ansiparser.moc"
