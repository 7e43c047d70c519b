#include "log/ansiparser.h"
#include "log/logpipeline.h"
#include "log/secretmasker.h"

#include <QRandomGenerator>
#include <QTest>

using namespace DeployDesk;

namespace {

// Escape sequences a stage's output carries, and whether the masker keeps them when they
// fall inside a masked value (CSI sequences such as SGR colours are kept after the mask,
// so the colour state after the line is unchanged; anything else is dropped).
struct Escape
{
    const char *name;
    QByteArray bytes;
    bool kept;
};

const QList<Escape> &escapes()
{
    static const QList<Escape> list{
        {"SGR", "\x1b[31m", true},
        {"grep match start", "\x1b[01;31m\x1b[K", true},
        {"grep match end", "\x1b[m\x1b[K", true},
        {"SGR true colour", "\x1b[38;2;255;0;0m", true},
        {"CSI erase line", "\x1b[2K", true},
        {"CSI private", "\x1b[?25l", true},
        {"OSC title (BEL)", "\x1b]0;build title\x07", false},
        {"OSC 8 link (ST)", "\x1b]8;;https://example.org/\x1b\\", false},
        {"charset (nF)", "\x1b(B", false},
        {"two-byte ESC 7",
         "\x1b"
         "7",
         false},
    };
    return list;
}

// The CSI sequences of a line, in order (what decides the colours after it).
QList<QByteArray> csiSequences(const QByteArray &line)
{
    QList<QByteArray> out;
    for (qsizetype at = line.indexOf('\x1b'); at >= 0; at = line.indexOf('\x1b', at)) {
        const qsizetype length = AnsiParser::hiddenLength(QByteArrayView(line).sliced(at));
        if (length >= 3 && line[at + 1] == '[' && quint8(line[at + length - 1]) >= 0x40)
            out.append(line.mid(at, length));
        at += length;
    }
    return out;
}

// Marks every occurrence of every value in `text` and replaces each run of marked bytes
// by "***": the reference the masker is compared with.
QByteArray naiveMask(const QByteArray &text, const QList<QByteArray> &values)
{
    QList<bool> secret(text.size(), false);
    for (const QByteArray &value : values) {
        for (qsizetype at = text.indexOf(value); at >= 0; at = text.indexOf(value, at + 1))
            std::fill(secret.begin() + at, secret.begin() + at + value.size(), true);
    }
    QByteArray out;
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (!secret[i])
            out += text[i];
        else if (i == 0 || !secret[i - 1])
            out += "***";
    }
    return out;
}

} // namespace

class tst_SecretMasker final : public QObject
{
    Q_OBJECT

private slots:
    void mask_data()
    {
        QTest::addColumn<QList<QByteArray>>("secrets");
        QTest::addColumn<QByteArray>("line");
        QTest::addColumn<QByteArray>("expected");
        using L = QList<QByteArray>;
        QTest::newRow("no secrets")
            << L{} << QByteArray("token=hunter2") << QByteArray("token=hunter2");
        QTest::newRow("no match") << L{"hunter2"} << QByteArray("all good")
                                  << QByteArray("all good");
        QTest::newRow("one") << L{"hunter2"} << QByteArray("token=hunter2;")
                             << QByteArray("token=***;");
        QTest::newRow("whole line") << L{"hunter2"} << QByteArray("hunter2") << QByteArray("***");
        QTest::newRow("every occurrence")
            << L{"hunter2"} << QByteArray("hunter2 hunter2hunter2 x hunter2")
            << QByteArray("*** *** x ***");
        QTest::newRow("several values")
            << L{"alpha-key", "beta-key"} << QByteArray("a=alpha-key b=beta-key")
            << QByteArray("a=*** b=***");
        QTest::newRow("longest first: value inside another")
            << L{"abc", "xxabcxx"} << QByteArray("[xxabcxx] [abc]") << QByteArray("[***] [***]");
        QTest::newRow("overlapping values mask the union")
            << L{"abcdef", "defghi"} << QByteArray("<abcdefghi>") << QByteArray("<***>");
        QTest::newRow("value overlapping itself")
            << L{"aaa"} << QByteArray("baaaaab") << QByteArray("b***b");
        QTest::newRow("short value ignored")
            << L{"ab", "x"} << QByteArray("ab x abc") << QByteArray("ab x abc");
        QTest::newRow("minimum length masked")
            << L{"abc"} << QByteArray("ab abc") << QByteArray("ab ***");
        QTest::newRow("multi-line value masked line by line")
            << L{"-----BEGIN KEY-----\nMIIEvQIBADANBg\r\nxy\n-----END KEY-----\n"}
            << QByteArray("MIIEvQIBADANBg") << QByteArray("***");
        QTest::newRow("multi-line value: short line not masked")
            << L{"first-line\nxy"} << QByteArray("xy first-line") << QByteArray("xy ***");
        QTest::newRow("utf-8 value")
            << L{"pässwörd"} << QByteArray("pw: pässwörd!") << QByteArray("pw: ***!");
    }

    void mask()
    {
        QFETCH(QList<QByteArray>, secrets);
        QFETCH(QByteArray, line);
        QFETCH(QByteArray, expected);
        SecretMasker masker;
        masker.setSecrets(secrets);
        QCOMPARE(masker.mask(line), expected);

        // Same result whatever order the values were added in.
        SecretMasker reversed;
        for (auto it = secrets.crbegin(); it != secrets.crend(); ++it)
            reversed.addSecret(*it);
        QCOMPARE(reversed.mask(line), expected);
    }

    void agreesWithNaiveMasking()
    {
        // Lines over a tiny alphabet are full of overlapping, touching and repeated
        // occurrences: compare with a straightforward mark-every-byte implementation.
        const QList<QByteArray> secrets{"abc", "bca", "aaaa", "cabca", "cc\ncab"};
        const QList<QByteArray> lines{"abc", "bca", "aaaa", "cabca", "cab"}; // what is masked
        SecretMasker masker;
        masker.setSecrets(secrets);
        QRandomGenerator random(20240501);
        for (int round = 0; round < 2000; ++round) {
            QByteArray line;
            const int length = random.bounded(0, 40);
            for (int i = 0; i < length; ++i)
                line += "abc"[random.bounded(3)];
            QList<bool> secret(line.size(), false);
            for (const QByteArray &value : lines) {
                for (qsizetype at = line.indexOf(value); at >= 0; at = line.indexOf(value, at + 1))
                    std::fill(secret.begin() + at, secret.begin() + at + value.size(), true);
            }
            QByteArray expected;
            for (qsizetype i = 0; i < line.size(); ++i) {
                if (!secret[i])
                    expected += line[i];
                else if (i == 0 || !secret[i - 1])
                    expected += "***";
            }
            QCOMPARE(masker.mask(line), expected);
        }
    }

    void escapeSequenceInsideTheValue_data()
    {
        // A value split by an escape sequence at every position: what a reader sees is
        // masked, e.g. grep --color=always "api_key=hunter" on "api_key=hunter2".
        QTest::addColumn<QByteArray>("line");
        QTest::addColumn<QByteArray>("expected");
        const QByteArray value = "hunter2";
        for (const Escape &e : escapes()) {
            for (qsizetype at = 0; at <= value.size(); ++at) {
                const QByteArray line =
                    "api_key=" + value.first(at) + e.bytes + value.sliced(at) + "; next";
                QByteArray expected;
                if (at == 0) // before the value: not part of it
                    expected = "api_key=" + e.bytes + "***; next";
                else if (at == value.size()) // after it
                    expected = "api_key=***" + e.bytes + "; next";
                else
                    expected = "api_key=***" + (e.kept ? e.bytes : QByteArray()) + "; next";
                QTest::addRow("%s at %d", e.name, int(at)) << line << expected;
            }
        }
        QTest::newRow("grep --color=always")
            << QByteArray("\x1b[01;31m\x1b[Kapi_key=hunter\x1b[m\x1b[K2")
            << QByteArray("\x1b[01;31m\x1b[Kapi_key=***\x1b[m\x1b[K");
        QTest::newRow("split twice") << QByteArray("k=h\x1b[1mun\x1b]0;t\x07ter\x1b[0m2!")
                                     << QByteArray("k=***\x1b[1m\x1b[0m!");
        QTest::newRow("a sequence between every byte")
            << QByteArray("\x1b[31mh\x1b[32mu\x1b[33mn\x1b[34mt\x1b[35me\x1b[36mr\x1b[37m2\x1b[0m")
            << QByteArray("\x1b[31m***\x1b[32m\x1b[33m\x1b[34m\x1b[35m\x1b[36m\x1b[37m\x1b[0m");
        QTest::newRow("value inside an OSC title") << QByteArray("\x1b]0;deploying with hunter2\x07"
                                                                 "done")
                                                   << QByteArray("\x1b]0;deploying with ***\x07"
                                                                 "done");
        QTest::newRow("value inside an OSC 8 link, another split in the text")
            << QByteArray("\x1b]8;;https://x.org/?t=hunter2\x1b\\hunt\x1b[1mer2\x1b]8;;\x1b\\")
            << QByteArray("\x1b]8;;https://x.org/?t=***\x1b\\***\x1b[1m\x1b]8;;\x1b\\");
        QTest::newRow("value cut by an unfinished sequence at the end")
            << QByteArray("hunt\x1b[3") << QByteArray("hunt\x1b[3");
        QTest::newRow("ESC but no value")
            << QByteArray("\x1b[32mok\x1b[0m hunter") << QByteArray("\x1b[32mok\x1b[0m hunter");
    }

    void escapeSequenceInsideTheValue()
    {
        QFETCH(QByteArray, line);
        QFETCH(QByteArray, expected);
        SecretMasker masker;
        masker.setSecrets({"hunter2"});
        const QByteArray masked = masker.mask(line);
        QCOMPARE(masked, expected);
        QVERIFY(!AnsiParser::strip(masked).contains("hunter2"));
        QCOMPARE(csiSequences(masked), csiSequences(line));
    }

    void overlappingValuesSplitByEscapes()
    {
        SecretMasker masker;
        masker.setSecrets({"abcdef", "defghi"});
        QCOMPARE(masker.mask("<abc\x1b[1mdef\x1b[0mghi>"), QByteArray("<***\x1b[1m\x1b[0m>"));
        QCOMPARE(masker.mask("<abcdef\x1b[0mghi> <abcdef>"), QByteArray("<***\x1b[0m> <***>"));
    }

    void visibleTextAgreesWithNaiveMasking()
    {
        // Random lines over a tiny alphabet with escape sequences between random bytes:
        // what a reader sees of the masked line is the naive masking of what they would
        // have seen, and the colours are unchanged.
        const QList<QByteArray> secrets{"abc", "bca", "aaaa", "cabca"};
        SecretMasker masker;
        masker.setSecrets(secrets);
        QRandomGenerator random(20240502);
        for (int round = 0; round < 5000; ++round) {
            QByteArray line;
            const int length = random.bounded(0, 40);
            for (int i = 0; i < length; ++i) {
                if (random.bounded(4) == 0) {
                    const Escape &e = escapes()[random.bounded(int(escapes().size()))];
                    line += e.bytes;
                }
                line += "abc"[random.bounded(3)];
            }
            const QByteArray masked = masker.mask(line);
            QCOMPARE(AnsiParser::strip(masked), naiveMask(AnsiParser::strip(line), secrets));
            QCOMPARE(csiSequences(masked), csiSequences(line));
        }
    }

    void lineWithEscapesButNoValueIsShared()
    {
        SecretMasker masker;
        masker.addSecret("hunter2");
        const QByteArray line = "\x1b[32mnothing to hide\x1b[0m";
        QCOMPARE(masker.mask(line).constData(), line.constData());
    }

    void valueAcrossTheCutOfAVeryLongLine_data()
    {
        // A line longer than the pipeline's limit is stored in pieces; the value may
        // cross the cut at any byte, also when an escape sequence splits it.
        QTest::addColumn<QByteArray>("value"); // as the stage writes it
        QTest::addColumn<qsizetype>("before"); // bytes of the value before the cut
        QTest::addColumn<bool>("chunked");     // fed in 64 KB reads, else in one
        const QList<std::pair<const char *, QByteArray>> values{
            {"plain", "hunter2"},
            {"grep colours", "hun\x1b[m\x1b[Kter2"},
            {"OSC inside", "hunt\x1b]0;a title\x07"
                           "er2"},
        };
        for (const auto &[name, value] : values) {
            for (qsizetype before = -1; before <= value.size() + 1; ++before) {
                QTest::addRow("%s, %d before the cut", name, int(before))
                    << value << before << false;
                QTest::addRow("%s, %d before the cut, chunked", name, int(before))
                    << value << before << true;
            }
        }
    }

    void valueAcrossTheCutOfAVeryLongLine()
    {
        QFETCH(QByteArray, value);
        QFETCH(qsizetype, before);
        QFETCH(bool, chunked);
        constexpr qsizetype kMax = 1024 * 1024;
        const QByteArray line = QByteArray(kMax - before - 8, 'x') + "api_key=" + value +
                                " and more " + QByteArray(3000, 'y');
        SecretMasker masker;
        masker.setSecrets({"hunter2"});
        const QByteArray expected = masker.mask(line);
        QVERIFY(!AnsiParser::strip(expected).contains("hunter2"));

        QList<QByteArray> pieces;
        LogPipeline pipeline(
            masker,
            [&](std::span<const LogLineRef> lines) {
                for (const LogLineRef &l : lines)
                    pieces.append(l.text.toByteArray());
            },
            [] { return 0; }, kMax);
        const QByteArray input = line + "\nafter\n";
        const qsizetype step = chunked ? 64 * 1024 : input.size();
        for (qsizetype at = 0; at < input.size(); at += step)
            pipeline.feed(LogStream::Stdout, QByteArrayView(input).sliced(at).first(
                                                 std::min(step, input.size() - at)));
        pipeline.finish();

        QVERIFY(pieces.size() >= 3); // really cut
        QCOMPARE(pieces.back(), QByteArray("after"));
        pieces.removeLast();
        for (const QByteArray &piece : std::as_const(pieces)) {
            QVERIFY(piece.size() <= kMax + 64 * 1024); // memory stays bounded
            QVERIFY(!AnsiParser::strip(piece).contains("hunt"));
            QVERIFY(!AnsiParser::strip(piece).contains("er2"));
        }
        QCOMPARE(pieces.join(), expected); // nothing lost, nothing added
    }

    void emptyMaskerSharesTheLine()
    {
        SecretMasker masker;
        QVERIFY(masker.isEmpty());
        const QByteArray line = "nothing to hide";
        const QByteArray result = masker.mask(line);
        QCOMPARE(result, line);
        QCOMPARE(result.constData(), line.constData()); // no copy
    }

    // A workflow step's output or annotation (maskText) keeps a leading byte order mark:
    // masking changes the value, nothing else.
    void maskTextKeepsALeadingByteOrderMark()
    {
        SecretMasker masker;
        masker.addSecret("hunter2");
        const QString text = QStringLiteral("\uFEFFkey=hunter2");
        QCOMPARE(masker.maskText(text), QStringLiteral("\uFEFFkey=***"));
    }

    // A value that starts inside a colour sequence and ends in the text after it
    // ("\x1b[1m" + "e"): the colour kept after "***" made the value again with the next
    // "e", one "e" per pass, so a line with more "e"s than passes kept it
    // (fuzz_secretmasker, finding 11).
    void aColourKeptInAMaskNeverRemakesTheValue()
    {
        SecretMasker masker;
        masker.addSecret("[1me");
        const QByteArray line = "x\x1b[1meeeeeeeeeeeeeeeeeep";
        const QByteArray masked = masker.mask(line);
        QVERIFY2(!masked.contains("[1me"), masked.constData());
        QVERIFY2(!AnsiParser::strip(masked).contains("[1me"), masked.constData());
        // What the value did not touch is still shown.
        QVERIFY2(AnsiParser::strip(masked).startsWith("x***"), masked.constData());
        QVERIFY2(AnsiParser::strip(masked).endsWith("p"), masked.constData());
    }

    // A long line is masked in pieces (safeCut()): a colour kept after a mask at the end of
    // one piece and the text the next piece starts with make no value either — "\x1b[m"
    // kept before the cut and "ee" after it were the value "mee" (fuzz_secretmasker,
    // finding 13).
    void aColourKeptAtAPieceEndNeverRemakesTheValue()
    {
        SecretMasker masker;
        masker.addSecret("mee");
        for (const QByteArray &line : {QByteArray("\x1b[meeeee"), QByteArray("ab \x1b[meeeeeeeee"),
                                       QByteArray("\x1b[31mee\x1b[meeeeee")}) {
            const qsizetype cut = masker.safeCut(line);
            const QByteArray joined = masker.mask(line.first(cut)) + masker.mask(line.sliced(cut));
            QVERIFY2(!joined.contains("mee"), joined.constData());
            QVERIFY2(!AnsiParser::strip(joined).contains("mee"), joined.constData());
            QVERIFY2(AnsiParser::strip(joined).endsWith("ee"), joined.constData());
        }
    }

    // A binary value that starts or ends inside a character of the line masks the whole
    // character: the stored line stays UTF-8 and no U+FFFD appears beside the mask
    // (fuzz_secretmasker, finding 12).
    void aValueCuttingACharacterMasksAllOfIt()
    {
        SecretMasker masker;
        masker.addSecret("\xA9xyz");     // the end of "é", then "xyz"
        masker.addSecret("key\xE2\x82"); // "key" and the start of "€"
        QCOMPARE(masker.mask("caf\xC3\xA9xyz!"), QByteArray("caf***!"));
        QCOMPARE(masker.mask("a key\xE2\x82\xAC b"), QByteArray("a *** b"));
        QCOMPARE(masker.mask("\x1b[1mcaf\xC3\xA9xyz!"), QByteArray("\x1b[1mcaf***!"));
        QCOMPARE(masker.maskText(QStringLiteral("caf\u00E9xyz, a key\u20AC b")),
                 QStringLiteral("caf***, a *** b"));
    }

    void unmatchedLineIsShared()
    {
        SecretMasker masker;
        masker.addSecret("hunter2");
        const QByteArray line = "nothing to hide";
        QCOMPARE(masker.mask(line).constData(), line.constData());
    }

    void onlyTooShortValuesLeavesMaskerEmpty()
    {
        SecretMasker masker;
        masker.setSecrets({"a", "bc", "", "\n\n"});
        QVERIFY(masker.isEmpty());
    }

    void setSecretsReplaces()
    {
        SecretMasker masker;
        masker.setSecrets({"old-secret"});
        masker.setSecrets({"new-secret"});
        QCOMPARE(masker.mask("old-secret new-secret"), QByteArray("old-secret ***"));
    }

    void maskingUncoversNoValue()
    {
        // Found by fuzz_secretmasker (tests/fuzz): masking the value "_key\x1b" took the
        // ESC of an APC string ("\x1b_...") with it, so the text that string hid showed,
        // and with it "hunter2" (split by a colour change, so not in the bytes as such).
        SecretMasker masker;
        masker.setSecrets({"hunter2", "_key\x1b"});
        const QByteArray line("api_key\x1b_kpiaey=hunt\x1b[2mer2");
        QCOMPARE(AnsiParser::strip(line), QByteArray("api_keyer2")); // what a reader sees
        const QByteArray masked = masker.mask(line);
        QVERIFY2(!AnsiParser::strip(masked).contains("hunter2"), masked.constData());
        // The mask takes the whole APC string whose ESC the value holds; what the reader saw
        // around it ("api", "er2") reads as before.
        QCOMPARE(masked, QByteArray("api***\x1b[2mer2"));
    }

    void aLineCutWhereSafeUncoversNoValue()
    {
        // Found by fuzz_secretmasker (tests/fuzz): a long line comes in pieces, each masked
        // up to safeCut() and the rest carried over. Masking "ey\x1b" took the ESC of
        // "\x1bh" with it, so the "h" showed; cut after it, it made "hr2" with the next
        // piece's "r2", which neither piece's mask saw.
        SecretMasker masker;
        masker.setSecrets({"hr2", "ey\x1b"});
        const QByteArray piece("ey\x1bhr\x1bK2");
        QCOMPARE(AnsiParser::strip(piece), QByteArray("eyr2")); // what a reader sees
        const qsizetype cut = masker.safeCut(piece);
        const QByteArray joined = masker.mask(piece.first(cut)) + masker.mask(piece.sliced(cut));
        QVERIFY2(!AnsiParser::strip(joined).contains("hr2"), joined.constData());
        QCOMPARE(joined, masker.mask(piece)); // as if it had come whole
    }

    void aMaskAfterAnOpenSequenceShowsNoHiddenText()
    {
        // Found by fuzz_secretmasker (tests/fuzz): masking "hr\x1b" took the "h" that ended
        // "\x1bh"; the "***" after that ESC made a new sequence "\x1b***[" that ate the
        // "[" of the next one, and the "2" it hid showed: with "ey" in front, "ey2" — on the
        // whole line in the second pass, but not when the line came in two pieces.
        SecretMasker masker;
        masker.setSecrets({"ey2", "hr\x1b"});
        const QByteArray piece("ey\x1bhr\x1b[2");
        QCOMPARE(AnsiParser::strip(piece), QByteArray("eyr"));
        for (qsizetype cut = 0; cut <= piece.size(); ++cut) {
            const QByteArray joined =
                masker.mask(piece.first(cut)) + masker.mask(piece.sliced(cut));
            if (cut == masker.safeCut(piece))
                QVERIFY2(!AnsiParser::strip(joined).contains("ey2"), joined.constData());
        }
        // What was not part of a value reads as before: "ey", then the mask.
        QCOMPARE(AnsiParser::strip(masker.mask(piece)), QByteArray("ey***"));
    }

    void valueThatIsAColourSequenceIsNotPutBack()
    {
        // Found by fuzz_secretmasker (tests/fuzz): a value that is a whole CSI sequence
        // was masked, then put back after the mask (the masker keeps the colours set
        // inside a mask), so the line still held it.
        SecretMasker masker;
        masker.setSecrets({"\x1b[38:2::255:128:0m", "::255:128:0m"});
        const QByteArray masked = masker.mask("a \x1b[38:2::255:128:0mred");
        QVERIFY2(!masked.contains("::255:128:0m"), masked.constData());
        QCOMPARE(masked, QByteArray("a ***red"));
    }
};

QTEST_GUILESS_MAIN(tst_SecretMasker)
#include "tst_secretmasker.moc"
