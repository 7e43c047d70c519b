// GITHUB_ENV / GITHUB_OUTPUT / GITHUB_STATE and GITHUB_PATH as GitHub's runner reads them:
// single lines, heredocs with any delimiter, CRLF, the errors a user has to fix (with the
// line and without quoting values), the PATH order and the names GitHub refuses.

#include "common/bytesize.h"
#include "integrations/github/githubfiles.h"

#include <QDir>
#include <QMap>
#include <QTest>

using namespace DeployDesk;

using Entries = QList<GitHubFileEntry>;

namespace {

QString sep()
{
    return QString(QDir::listSeparator());
}

QString joined(const QStringList &parts)
{
    return parts.join(QDir::listSeparator());
}

} // namespace

class TestGitHubFiles final : public QObject
{
    Q_OBJECT

private slots:
    void entries_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<Entries>("expected");

        QTest::newRow("empty file") << QByteArray() << Entries{};
        QTest::newRow("single line") << QByteArray("TAG=v1.2.3\n") << Entries{{"TAG", "v1.2.3", 1}};
        QTest::newRow("no newline at the end")
            << QByteArray("A=1\nB=2") << Entries{{"A", "1", 1}, {"B", "2", 2}};
        QTest::newRow("= inside the value") << QByteArray("URL=https://x.test/?a=1&b=2\n")
                                            << Entries{{"URL", "https://x.test/?a=1&b=2", 1}};
        QTest::newRow("empty value") << QByteArray("EMPTY=\n") << Entries{{"EMPTY", "", 1}};
        QTest::newRow("spaces are kept") << QByteArray("A B= x \n") << Entries{{"A B", " x ", 1}};
        QTest::newRow("<< after = is value") << QByteArray("A=x<<y\n") << Entries{{"A", "x<<y", 1}};
        QTest::newRow("heredoc") << QByteArray("NOTES<<EOF\nline one\nline two\nEOF\n")
                                 << Entries{{"NOTES", "line one\nline two", 1}};
        QTest::newRow("heredoc with a random delimiter")
            << QByteArray("JSON<<ghadelimiter_3f9d2c1e-8b7a-4e5f-9c0d-1a2b3c4d5e6f\n"
                          "{\"a\": 1}\n"
                          "EOF\n"
                          "ghadelimiter_3f9d2c1e-8b7a-4e5f-9c0d-1a2b3c4d5e6f\n")
            << Entries{{"JSON", "{\"a\": 1}\nEOF", 1}};
        QTest::newRow("heredoc with = and empty lines")
            << QByteArray("CFG<<END\nkey=value\n\nother=1\n\nEND\nNEXT=1\n")
            << Entries{{"CFG", "key=value\n\nother=1\n", 1}, {"NEXT", "1", 7}};
        QTest::newRow("= in the delimiter")
            << QByteArray("A<<E=1\nv\nE=1\n") << Entries{{"A", "v", 1}};
        QTest::newRow("empty heredoc") << QByteArray("A<<EOF\nEOF\n") << Entries{{"A", "", 1}};
        QTest::newRow("heredoc of one empty line")
            << QByteArray("A<<EOF\n\nEOF\n") << Entries{{"A", "", 1}};
        QTest::newRow("delimiter at the end without newline")
            << QByteArray("A<<EOF\nv\nEOF") << Entries{{"A", "v", 1}};
        QTest::newRow("empty lines are skipped, numbers kept")
            << QByteArray("\n\nA=1\n\nB<<X\n1\nX\n\nC=3\n")
            << Entries{{"A", "1", 3}, {"B", "1", 5}, {"C", "3", 9}};
        QTest::newRow("crlf") << QByteArray("A=1\r\nB<<EOF\r\nx\r\ny\r\nEOF\r\nC=3\r\n")
                              << Entries{{"A", "1", 1}, {"B", "x\r\ny", 2}, {"C", "3", 6}};
        QTest::newRow("a lone cr is data") << QByteArray("A=1\r") << Entries{{"A", "1\r", 1}};
        QTest::newRow("duplicate names, both in order")
            << QByteArray("A=1\nA=2\n") << Entries{{"A", "1", 1}, {"A", "2", 2}};
        QTest::newRow("utf-8 byte order mark") << QByteArray("\xEF\xBB\xBF"
                                                             "A=é\n")
                                               << Entries{{"A", "é", 1}};
        QTest::newRow("utf-16 (Windows PowerShell)") << QByteArray("\xFF\xFE"
                                                                   "A\0=\0\xE9\0\n\0",
                                                                   10)
                                                     << Entries{{"A", "é", 1}};
    }

    void entries()
    {
        QFETCH(QByteArray, content);
        QFETCH(Entries, expected);
        const auto entries = parseGitHubFile(content, QStringLiteral("GITHUB_OUTPUT"));
        QVERIFY2(entries, qPrintable(entries ? QString() : entries.error().message));
        QCOMPARE(*entries, expected);
    }

    void laterEntriesWin()
    {
        // The runner sets each entry in turn: the last value of a name is the one kept.
        const auto entries =
            parseGitHubFile("A=1\nB<<EOF\nb\nEOF\nA<<EOF\n2\nEOF\n", QStringLiteral("GITHUB_ENV"));
        QVERIFY(entries);
        QMap<QString, QString> values;
        for (const GitHubFileEntry &entry : *entries)
            values.insert(entry.name, entry.value);
        QCOMPARE(values.value(QStringLiteral("A")), QStringLiteral("2"));
        QCOMPARE(values.size(), 2);
    }

    void errors_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<int>("line");
        QTest::addColumn<QStringList>("mentions");

        QTest::newRow("neither form") << QByteArray("not a pair\n") << 1
                                      << QStringList{"neither \"=\" nor \"<<\"", "NAME<<DELIMITER"};
        QTest::newRow("a multi-line value written as NAME=value")
            << QByteArray("A=1\nCHANGES=first line\nsecond line\n") << 3
            << QStringList{"continues the value of CHANGES from line 2", "CHANGES<<EOF"};
        QTest::newRow("blank lines inside such a value")
            << QByteArray("KEY=-----BEGIN\n\nMIIEvQ\n") << 3
            << QStringList{"the value of KEY from line 1", "heredoc"};
        QTest::newRow("a value holding its delimiter line")
            << QByteArray("LOG<<EOF\nbuilding\nEOF\nstill the log\nEOF\n") << 4
            << QStringList{"LOG (the heredoc from line 1) ended at line 3", "$(uuidgen)"};
        QTest::newRow("a line of spaces")
            << QByteArray("A=1\n   \nB=2\n") << 2 << QStringList{"only spaces"};
        QTest::newRow("empty name")
            << QByteArray("A=1\n=value\n") << 2 << QStringList{"no name", "NAME=value"};
        QTest::newRow("empty heredoc name")
            << QByteArray("<<EOF\nx\nEOF\n") << 1 << QStringList{"no name", "NAME<<DELIMITER"};
        QTest::newRow("empty delimiter")
            << QByteArray("A<<\nx\n") << 1 << QStringList{"A<< gives no delimiter"};
        QTest::newRow("missing delimiter") << QByteArray("A=1\n\nNOTES<<EOF\nx\ny\n") << 3
                                           << QStringList{"NOTES", "\"EOF\"", "no later line is"};
        QTest::newRow("last line is not the delimiter")
            << QByteArray("NOTES<<EOF\nx\nEOFX") << 1 << QStringList{"no later line is"};
        QTest::newRow("delimiter line with spaces")
            << QByteArray("NOTES<<EOF\nx\nEOF  \n") << 1 << QStringList{"Line 3 has spaces"};
        QTest::newRow("delimiter with spaces")
            << QByteArray("NOTES << EOF\nx\nEOF\n") << 1
            << QStringList{"spaces included", "write NOTES<<EOF"};
        QTest::newRow("crlf, missing delimiter")
            << QByteArray("A=1\r\nB<<END\r\nv\r\n") << 2 << QStringList{"\"END\""};
    }

    void errors()
    {
        QFETCH(QByteArray, content);
        QFETCH(int, line);
        QFETCH(QStringList, mentions);
        const auto entries = parseGitHubFile(content, QStringLiteral("GITHUB_OUTPUT"));
        QVERIFY(!entries);
        const Error &error = entries.error();
        QCOMPARE(error.code, ErrorCode::Invalid);
        const QString start = QStringLiteral("GITHUB_OUTPUT, line %1: ").arg(line);
        QVERIFY2(error.message.startsWith(start), qPrintable(error.message));
        for (const QString &mention : mentions)
            QVERIFY2(error.message.contains(mention), qPrintable(error.message));
    }

    void errorsDoNotQuoteValues()
    {
        // A private key written as NAME=value: its second line must not end up in a message.
        for (const QByteArray &content :
             {QByteArray("KEY=s3cr3t-first\ns3cr3t-second-line\n"),
              QByteArray("KEY<<EOF\ns3cr3t-first\ns3cr3t-second-line\n")}) {
            const auto entries = parseGitHubFile(content, QStringLiteral("GITHUB_ENV"));
            QVERIFY(!entries);
            QVERIFY(entries.error().message.startsWith(u"GITHUB_ENV, line "));
            QVERIFY2(!entries.error().message.contains(u"s3cr3t"),
                     qPrintable(entries.error().message));
            QVERIFY(!entries.error().detail.contains(u"s3cr3t"));
        }
    }

    void sizeIsBounded()
    {
        QVERIFY(checkGitHubFileSize(kMaxGitHubFileBytes, QStringLiteral("GITHUB_OUTPUT")));
        const auto tooLarge =
            checkGitHubFileSize(kMaxGitHubFileBytes + 1, QStringLiteral("GITHUB_OUTPUT"));
        QVERIFY(!tooLarge);
        QCOMPARE(tooLarge.error().code, ErrorCode::Invalid);
        QVERIFY(tooLarge.error().message.startsWith(u"GITHUB_OUTPUT is "));
        QVERIFY(tooLarge.error().message.contains(formatBytes(kMaxGitHubFileBytes)));

        const QByteArray content(kMaxGitHubFileBytes + 1, 'a');
        const auto entries = parseGitHubFile(content, QStringLiteral("GITHUB_STATE"));
        QVERIFY(!entries);
        QVERIFY(entries.error().message.contains(formatBytes(kMaxGitHubFileBytes)));
    }

    void path_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("empty") << QByteArray() << QStringList{};
        QTest::newRow("lines") << QByteArray("/opt/a/bin\n/opt/b/bin\n")
                               << QStringList{"/opt/a/bin", "/opt/b/bin"};
        QTest::newRow("empty lines skipped, crlf")
            << QByteArray("\n/a\r\n\r\n/b") << QStringList{"/a", "/b"};
        QTest::newRow("spaces are a directory to the runner")
            << QByteArray("/a\n \n") << QStringList{"/a", " "};
        QTest::newRow("repeated") << QByteArray("/a\n/a\n") << QStringList{"/a", "/a"};
    }

    void path()
    {
        QFETCH(QByteArray, content);
        QFETCH(QStringList, expected);
        QCOMPARE(parseGitHubPath(content), expected);
    }

    void pathOrder()
    {
        const QString base = joined({"/usr/local/bin", "/usr/bin"});
        QCOMPARE(prependToPath(base, {}), base);
        // The directory added last comes first.
        QCOMPARE(prependToPath(base, {"/a", "/b"}),
                 joined({"/b", "/a", "/usr/local/bin", "/usr/bin"}));
        // One added again moves to the front, once.
        QCOMPARE(prependToPath(base, {"/a", "/b", "/c", "/a"}),
                 joined({"/a", "/c", "/b", "/usr/local/bin", "/usr/bin"}));
        // Across steps: all the directories added so far, over the job's PATH.
        const QStringList step1 = parseGitHubPath("/tool1\n");
        const QStringList step2 = parseGitHubPath("/tool2\n/tool3\n");
        QCOMPARE(prependToPath(QStringLiteral("/usr/bin"), step1 + step2),
                 joined({"/tool3", "/tool2", "/tool1", "/usr/bin"}));
        // No trailing separator on an empty PATH (it would mean the working directory).
        QCOMPARE(prependToPath(QString(), {"/a", "/b"}), joined({"/b", "/a"}));
        // Already there in front: unchanged.
        const QString already = joined({"/b", "/a", "/usr/bin"});
        QCOMPARE(prependToPath(already, {"/a", "/b"}), already);
        QCOMPARE(prependToPath(QStringLiteral("/usr/bin"), {"/usr/bin"}),
                 QStringLiteral("/usr/bin") + sep() + QStringLiteral("/usr/bin"));
    }

    void refusedEnvNames_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("refused");
        QTest::newRow("NODE_OPTIONS") << "NODE_OPTIONS" << true;
        QTest::newRow("any case") << "node_options" << true;
        QTest::newRow("NODE_ENV") << "NODE_ENV" << false;
        QTest::newRow("PATH") << "PATH" << false;
        QTest::newRow("GITHUB_TOKEN") << "GITHUB_TOKEN" << false;
        QTest::newRow("LD_PRELOAD") << "LD_PRELOAD" << false;
    }

    void refusedEnvNames()
    {
        QFETCH(QString, name);
        QFETCH(bool, refused);
        const std::optional<QString> reason = refusedEnvName(name);
        QCOMPARE(reason.has_value(), refused);
        if (reason) {
            QVERIFY(reason->contains(u"NODE_OPTIONS"));
            QVERIFY(reason->contains(u"GITHUB_ENV"));
        }
    }
};

QTEST_GUILESS_MAIN(TestGitHubFiles)
#include "tst_githubfiles.moc"
