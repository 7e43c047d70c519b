// The dotenv parser behind `env-file:`: every syntax rule, line ends, encodings, and
// problems with 1-based line:column, all reported at once.

#include "config/dotenv.h"

#include <QFile>
#include <QRandomGenerator>
#include <QTest>

using namespace DeployDesk;

namespace {

// NAME=value per variable, with control characters shown as escapes so a failure reads well.
QStringList render(const QList<DotEnv::Variable> &variables)
{
    QStringList lines;
    for (const DotEnv::Variable &v : variables) {
        QString value = v.value;
        value.replace(u'\\', QStringLiteral("\\\\"))
            .replace(u'\n', QStringLiteral("\\n"))
            .replace(u'\r', QStringLiteral("\\r"))
            .replace(u'\t', QStringLiteral("\\t"));
        lines.append(QStringLiteral("%1:%2: %3=%4").arg(v.line).arg(v.column).arg(v.name, value));
    }
    return lines;
}

QStringList render(const QList<DotEnv::Problem> &problems)
{
    QStringList lines;
    for (const DotEnv::Problem &p : problems)
        lines.append(QStringLiteral("%1:%2: %3").arg(p.line).arg(p.column).arg(p.message));
    return lines;
}

const QString badName = QStringLiteral(
    "invalid variable name \"%1\"; a name starts with a letter or \"_\" and contains only "
    "letters, digits and \"_\"");
const QString noEquals = QStringLiteral("expected NAME=value; this line has no \"=\"");

} // namespace

class TestDotEnv final : public QObject
{
    Q_OBJECT

private slots:
    void parse_data();
    void parse();
    void lastDefinitionWins();
    void problemsAreCapped();
    void problemsNeverQuoteAValue();
    void randomBytes();
    void referenceExampleParses();
};

void TestDotEnv::parse_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QStringList>("variables"); // line:column: NAME=value
    QTest::addColumn<QStringList>("problems");  // line:column: message

    QTest::newRow("empty file") << QByteArray() << QStringList() << QStringList();
    QTest::newRow("plain") << QByteArray("A=1\nB=two\n") << QStringList{"1:1: A=1", "2:1: B=two"}
                           << QStringList();
    QTest::newRow("no newline at the end")
        << QByteArray("A=1") << QStringList{"1:1: A=1"} << QStringList();
    QTest::newRow("export prefix")
        << QByteArray("export A=1\nexport\tB=2\n  export   C=3\n")
        << QStringList{"1:8: A=1", "2:8: B=2", "3:12: C=3"} << QStringList();
    QTest::newRow("export as a name")
        << QByteArray("export=yes\nexporter=x\n")
        << QStringList{"1:1: export=yes", "2:1: exporter=x"} << QStringList();
    QTest::newRow("blank lines and comments")
        << QByteArray("\n# a comment\n   \n\t# indented comment\nA=1\n\n")
        << QStringList{"5:1: A=1"} << QStringList();
    QTest::newRow("inline comment")
        << QByteArray("A=1 # one\nB=two\t# tab\nC= # only a comment\n")
        << QStringList{"1:1: A=1", "2:1: B=two", "3:1: C="} << QStringList();
    QTest::newRow("hash inside a value")
        << QByteArray("COLOR=#ff0000\nURL=http://x/#frag\nA=a#b # c\n")
        << QStringList{"1:1: COLOR=#ff0000", "2:1: URL=http://x/#frag", "3:1: A=a#b"}
        << QStringList();
    QTest::newRow("whitespace around =")
        << QByteArray("A = 1\nB\t=\t two words  \n  C=3\n")
        << QStringList{"1:1: A=1", "2:1: B=two words", "3:3: C=3"} << QStringList();
    QTest::newRow("= inside a value")
        << QByteArray("DSN=postgres://u@h/db?sslmode=require&a=b\nEQ===\n")
        << QStringList{"1:1: DSN=postgres://u@h/db?sslmode=require&a=b", "2:1: EQ==="}
        << QStringList();
    QTest::newRow("single quotes are literal")
        << QByteArray("A='$HOME \\n # not a comment'\nB='  kept  '  # comment\nC='say \"hi\"'\n")
        << QStringList{"1:1: A=$HOME \\\\n # not a comment", "2:1: B=  kept  ", "3:1: C=say \"hi\""}
        << QStringList();
    QTest::newRow("double quotes with escapes")
        << QByteArray("A=\"line1\\nline2\"\nB=\"say \\\"hi\\\"\"\nC=\"back\\\\slash\"\n"
                      "D=\"tab\\there\"\nE=\"keep \\$ and \\q\"\nF=\"# not a comment\" # one\n")
        << QStringList{"1:1: A=line1\\nline2",        "2:1: B=say \"hi\"",
                       "3:1: C=back\\\\slash",        "4:1: D=tab\\there",
                       "5:1: E=keep \\\\$ and \\\\q", "6:1: F=# not a comment"}
        << QStringList();
    QTest::newRow("double quotes span lines")
        << QByteArray("KEY=\"-----BEGIN-----\nabc\n-----END-----\"\nNEXT=1\n")
        << QStringList{"1:1: KEY=-----BEGIN-----\\nabc\\n-----END-----", "4:1: NEXT=1"}
        << QStringList();
    QTest::newRow("empty values") << QByteArray("A=\nB=\"\"\nC=''\nD=   \n")
                                  << QStringList{"1:1: A=", "2:1: B=", "3:1: C=", "4:1: D="}
                                  << QStringList();
    QTest::newRow("quotes inside an unquoted value")
        << QByteArray("A=it's\nB=a\"b\n") << QStringList{"1:1: A=it's", "2:1: B=a\"b"}
        << QStringList();
    QTest::newRow("CRLF line ends")
        << QByteArray("A=1\r\nB=\"x\"\r\n# c\r\nC='y' # z\r\nD=\"multi\r\nline\"\r\nE=5\r\n")
        << QStringList{"1:1: A=1", "2:1: B=x", "4:1: C=y", "5:1: D=multi\\nline", "7:1: E=5"}
        << QStringList();
    QTest::newRow("UTF-8 values") << QByteArray(
                                         "GREETING=Grüße aus Köln\nJP=\"日本語\"\nEMOJI='🚀 go'\n")
                                  << QStringList{"1:1: GREETING=Grüße aus Köln", "2:1: JP=日本語",
                                                 "3:1: EMOJI=🚀 go"}
                                  << QStringList();
    QTest::newRow("byte order mark") << QByteArray("\xEF\xBB\xBF"
                                                   "A=1\nB=2\n")
                                     << QStringList{"1:1: A=1", "2:1: B=2"} << QStringList();
    QTest::newRow("byte order mark and a bad name")
        << QByteArray("\xEF\xBB\xBF"
                      "1A=1\n")
        << QStringList() << QStringList{"1:1: " + badName.arg("1A")};

    QTest::newRow("invalid names")
        << QByteArray("1ABC=1\nMY-KEY=2\nMY KEY=3\n  export \u00c4=4\nGOOD=5\n")
        << QStringList{"5:1: GOOD=5"}
        << QStringList{"1:1: " + badName.arg("1ABC"), "2:1: " + badName.arg("MY-KEY"),
                       "3:1: " + badName.arg("MY KEY"),
                       "4:10: " + badName.arg(QStringLiteral("\u00c4"))};
    QTest::newRow("no name") << QByteArray("A=1\n  =value\n") << QStringList{"1:1: A=1"}
                             << QStringList{"2:3: expected NAME=value; found no name before \"=\""};
    QTest::newRow("line without =")
        << QByteArray("A=1\nJUST_A_NAME\nexport B\n  TOKEN: abc\nC=3\n")
        << QStringList{"1:1: A=1", "5:1: C=3"}
        << QStringList{"2:1: " + noEquals, "3:8: " + noEquals, "4:3: " + noEquals};
    QTest::newRow("unterminated single quote")
        << QByteArray("A='open\nB=2\n") << QStringList{"2:1: B=2"}
        << QStringList{"1:3: the single-quoted value of \"A\" has no closing ' on this line (a "
                       "value that spans lines needs double quotes)"};
    QTest::newRow("unterminated double quote")
        << QByteArray("A=1\nB = \"open\nC=2\n") << QStringList{"1:1: A=1"}
        << QStringList{
               "2:5: the double-quoted value of \"B\" has no closing \"; add it where the value "
               "ends"};
    QTest::newRow("backslash before the end")
        << QByteArray("A=\"x\\\"") << QStringList()
        << QStringList{
               "1:3: the double-quoted value of \"A\" has no closing \"; add it where the value "
               "ends"};
    QTest::newRow("text after the closing quote")
        << QByteArray("A='x' y\nB=\"a\nb\" c\nC=3\n") << QStringList{"4:1: C=3"}
        << QStringList{"1:7: unexpected text after the closing quote of \"A\"; put the whole "
                       "value inside the quotes, or start a comment with \"#\"",
                       "3:4: unexpected text after the closing quote of \"B\"; put the whole "
                       "value inside the quotes, or start a comment with \"#\""};
    QTest::newRow("every problem at once")
        << QByteArray("OK=1\n9=x\nnothing here\nQ='x\nLAST=\"y\n") << QStringList{"1:1: OK=1"}
        << QStringList{"2:1: " + badName.arg("9"), "3:1: " + noEquals,
                       "4:3: the single-quoted value of \"Q\" has no closing ' on this line (a "
                       "value that spans lines needs double quotes)",
                       "5:6: the double-quoted value of \"LAST\" has no closing \"; add it where "
                       "the value ends"};
    QTest::newRow("invalid UTF-8")
        << QByteArray("A=ok\nB=caf\xE9\nC=\xC3\xA9\xFF\n")
        << QStringList{"1:1: A=ok", "2:1: B=caf\uFFFD", "3:1: C=\u00e9\uFFFD"}
        << QStringList{"2:6: this line is not valid UTF-8; save the file as UTF-8",
                       "3:4: this line is not valid UTF-8; save the file as UTF-8"};
}

void TestDotEnv::parse()
{
    QFETCH(QByteArray, input);
    QFETCH(QStringList, variables);
    QFETCH(QStringList, problems);
    const DotEnv::Result result = DotEnv::parse(input);
    QCOMPARE(render(result.problems).join(u'\n'), problems.join(u'\n'));
    QCOMPARE(render(result.variables).join(u'\n'), variables.join(u'\n'));
    QCOMPARE(result.ok(), problems.isEmpty());
}

void TestDotEnv::lastDefinitionWins()
{
    const DotEnv::Result result = DotEnv::parse("A=1\nB=2\nA=3\n");
    QVERIFY(result.ok());
    QCOMPARE(result.variables.size(), 3);
    const QMap<QString, QString> map = result.toMap();
    QCOMPARE(map.value(QStringLiteral("A")), QStringLiteral("3"));
    QCOMPARE(map.value(QStringLiteral("B")), QStringLiteral("2"));
}

void TestDotEnv::problemsAreCapped()
{
    QByteArray input;
    for (int i = 0; i < 10'000; ++i)
        input += "not a line\n";
    input += "A=1\n";
    const DotEnv::Result result = DotEnv::parse(input);
    QCOMPARE(result.problems.size(), DotEnv::maxProblems + 1);
    QCOMPARE(result.problems.last().message,
             QStringLiteral("more than 100 problems; the rest of the file was not read"));
    QCOMPARE(result.problems.last().line, DotEnv::maxProblems + 1);
}

// A broken line may hold a secret: the messages name the variable, not its value.
void TestDotEnv::problemsNeverQuoteAValue()
{
    const QByteArray input = "TOKEN: s3cr3t-value\n"
                             "KEY='s3cr3t-value\n"
                             "OTHER='x' s3cr3t-value\n"
                             "LAST=\"s3cr3t-value\n";
    const DotEnv::Result result = DotEnv::parse(input);
    QCOMPARE(result.problems.size(), 4);
    for (const DotEnv::Problem &p : result.problems)
        QVERIFY2(!p.message.contains(QStringLiteral("s3cr3t")), qPrintable(p.message));
}

// Whatever a file holds, parsing ends with variables and problems, never a crash or a hang.
void TestDotEnv::randomBytes()
{
    QRandomGenerator random(20240611); // fixed: a failure can be replayed
    const QByteArray alphabet = "AZaz_09= \t'\"\\#\r\nexport\xC3\xA9\xFF";
    for (int round = 0; round < 300; ++round) {
        QByteArray input(random.bounded(1, 4000), Qt::Uninitialized);
        for (char &c : input)
            c = alphabet.at(random.bounded(alphabet.size()));
        const DotEnv::Result result = DotEnv::parse(input);
        QVERIFY(result.problems.size() <= DotEnv::maxProblems + 1);
        for (const DotEnv::Problem &p : result.problems) {
            QVERIFY(p.line >= 1);
            QVERIFY(p.column >= 1);
        }
        for (const DotEnv::Variable &v : result.variables)
            QVERIFY(!v.name.isEmpty());
    }
}

// The example in docs/pipeline-reference.md must parse as the text around it says.
void TestDotEnv::referenceExampleParses()
{
    QFile doc(QStringLiteral(DD_SOURCE_DIR "/docs/pipeline-reference.md"));
    QVERIFY(doc.open(QIODevice::ReadOnly | QIODevice::Text));
    const QByteArray text = doc.readAll();
    const QByteArray fence = "```sh\n# .env.preview\n";
    const qsizetype start = text.indexOf(fence);
    QVERIFY(start >= 0);
    const qsizetype end = text.indexOf("\n```", start + fence.size());
    QVERIFY(end >= 0);
    const DotEnv::Result result =
        DotEnv::parse(text.mid(start + 6, end - start - 6)); // after "```sh\n"
    QCOMPARE(render(result.problems).join(u'\n'), QString());
    const QMap<QString, QString> map = result.toMap();
    QCOMPARE(map.value("API_BASE"), QStringLiteral("https://api.preview.example.org"));
    QCOMPARE(map.value("GREETING"), QStringLiteral("Hello $USER"));
    QCOMPARE(map.value("MOTD"), QStringLiteral("first line\nsecond line"));
    QVERIFY(map.value("CERT").startsWith(QStringLiteral("-----BEGIN CERTIFICATE-----\nMIIB")));
    QCOMPARE(map.value("EMPTY"), QString());
    QVERIFY(map.contains("EMPTY"));
    QCOMPARE(map.value("DSN"), QStringLiteral("postgres://db/app?sslmode=require"));
    QCOMPARE(map.value("COLOR"), QStringLiteral("#ff0000"));
}

QTEST_GUILESS_MAIN(TestDotEnv)
#include "tst_dotenv.moc"
