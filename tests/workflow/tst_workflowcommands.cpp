// The workflow commands a step prints, read as GitHub's runner reads them: each kind, the
// escapes, stop/resume, the deprecated and the refused commands, malformed lines, and the
// same result wherever the output is cut between reads.

#include "integrations/github/workflowcommands.h"

#include <QTest>

using namespace DeployDesk;

using Kind = WorkflowCommand::Kind;
using Parser = WorkflowCommandParser;
using Lines = QList<Parser::Line>;
using Properties = QMap<QString, QString>;

namespace {

Lines parseChunks(const QList<QByteArray> &chunks, const Parser::Options &options = {})
{
    Parser parser(options);
    Lines lines;
    for (const QByteArray &chunk : chunks)
        lines += parser.feed(chunk);
    lines += parser.finish();
    return lines;
}

Lines parse(const QByteArray &output, const Parser::Options &options = {})
{
    return parseChunks({output}, options);
}

Lines parseBytewise(const QByteArray &output, const Parser::Options &options = {})
{
    QList<QByteArray> chunks;
    for (char c : output)
        chunks.append(QByteArray(1, c));
    return parseChunks(chunks, options);
}

// The command of a one-line output (nullopt when the line is text).
std::optional<WorkflowCommand> commandOf(const QByteArray &line,
                                         const Parser::Options &options = {})
{
    const Lines lines = parse(line + '\n', options);
    Q_ASSERT(lines.size() == 1);
    return lines.front().command;
}

QList<std::optional<Kind>> kindsOf(const Lines &lines)
{
    QList<std::optional<Kind>> list;
    for (const Parser::Line &line : lines)
        list.append(line.command ? std::optional(line.command->kind) : std::nullopt);
    return list;
}

// Readable lines for a failing comparison.
QStringList describe(const Lines &lines)
{
    QStringList list;
    for (const Parser::Line &line : lines) {
        QString text = QString::fromUtf8(line.text.toPercentEncoding(" :=,")) +
                       (line.continues ? QStringLiteral(" [continues]") : QString());
        if (const auto &c = line.command) {
            text += QStringLiteral(" -> %1 #%2 \"%3\" line %4%5%6")
                        .arg(int(c->kind))
                        .arg(c->name, c->value)
                        .arg(c->line)
                        .arg(c->echoed ? QStringLiteral(" echoed") : QString(),
                             c->problem.isEmpty() ? QString() : QStringLiteral(" problem"));
            for (auto it = c->properties.begin(); it != c->properties.end(); ++it)
                text += QStringLiteral(" %1=%2").arg(it.key(), it.value());
        }
        list.append(text);
    }
    return list;
}

// Every kind, stop and resume, echo, an unknown command, a legacy one, CRLF, empty lines,
// escapes, a refused command, and a last line without a newline.
const QByteArray kSample = "Run ./build.sh\n"
                           "::group::Build %25 step\r\n"
                           "  ::warning file=src/a.c,line=3,col=5,title=a%2Cb::Unused x%0Ay\n"
                           "\n"
                           "::debug::d\r\n"
                           "::echo::on\n"
                           "::set-output name=tag::v1.2\n"
                           "::stop-commands::a4f19c2e\n"
                           "::error::not a command now\n"
                           "::A4F19C2E::\n"
                           "::add-mask::hunter22\n"
                           "::set-env name=X::y\n"
                           "::future-command::z\n"
                           "note ##[notice]legacy form\n"
                           "::endgroup::\n"
                           "::error file=x,line=1::last";

} // namespace

class TestWorkflowCommands final : public QObject
{
    Q_OBJECT

private slots:
    void kinds_data()
    {
        QTest::addColumn<QByteArray>("line");
        QTest::addColumn<Kind>("kind");
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("value");
        QTest::addColumn<Properties>("properties");

        QTest::newRow("debug") << QByteArray("::debug::hello") << Kind::Debug << "debug"
                               << "hello" << Properties{};
        QTest::newRow("notice") << QByteArray("::notice title=Heads up::n") << Kind::Notice
                                << "notice"
                                << "n" << Properties{{"title", "Heads up"}};
        QTest::newRow("warning")
            << QByteArray("::warning file=app.js,line=1,col=5,endColumn=7,title=Bad::Missing ;")
            << Kind::Warning << "warning"
            << "Missing ;"
            << Properties{{"file", "app.js"},
                          {"line", "1"},
                          {"col", "5"},
                          {"endColumn", "7"},
                          {"title", "Bad"}};
        QTest::newRow("error") << QByteArray("::error file=a.c,line=10,endLine=12::boom")
                               << Kind::Error << "error"
                               << "boom"
                               << Properties{{"file", "a.c"}, {"line", "10"}, {"endLine", "12"}};
        QTest::newRow("group") << QByteArray("::group::My title") << Kind::Group << "group"
                               << "My title" << Properties{};
        QTest::newRow("endgroup") << QByteArray("::endgroup::") << Kind::EndGroup << "endgroup"
                                  << "" << Properties{};
        QTest::newRow("add-mask") << QByteArray("::add-mask::s3cret") << Kind::AddMask << "add-mask"
                                  << "s3cret" << Properties{};
        QTest::newRow("set-output")
            << QByteArray("::set-output name=x::v") << Kind::SetOutput << "set-output"
            << "v" << Properties{{"name", "x"}};
        QTest::newRow("save-state")
            << QByteArray("::save-state name=pid::42") << Kind::SaveState << "save-state"
            << "42" << Properties{{"name", "pid"}};
        QTest::newRow("stop-commands")
            << QByteArray("::stop-commands::t0k3n-x") << Kind::StopCommands << "stop-commands"
            << "t0k3n-x" << Properties{};
        QTest::newRow("echo") << QByteArray("::echo::on") << Kind::Echo << "echo"
                              << "on" << Properties{};
        QTest::newRow("set-env") << QByteArray("::set-env name=FOO::bar") << Kind::SetEnv
                                 << "set-env"
                                 << "bar" << Properties{{"name", "FOO"}};
        QTest::newRow("add-path") << QByteArray("::add-path::/opt/bin") << Kind::AddPath
                                  << "add-path"
                                  << "/opt/bin" << Properties{};
        QTest::newRow("add-matcher")
            << QByteArray("::add-matcher::.github/eslint.json") << Kind::AddMatcher << "add-matcher"
            << ".github/eslint.json" << Properties{};
        QTest::newRow("remove-matcher") << QByteArray("::remove-matcher owner=eslint::")
                                        << Kind::RemoveMatcher << "remove-matcher"
                                        << "" << Properties{{"owner", "eslint"}};
        QTest::newRow("unknown") << QByteArray("::future-thing k=v::x") << Kind::Unknown
                                 << "future-thing"
                                 << "x" << Properties{{"k", "v"}};
        QTest::newRow("leading spaces")
            << QByteArray("   ::warning::indented") << Kind::Warning << "warning"
            << "indented" << Properties{};
        QTest::newRow("leading tab and cr")
            << QByteArray("\t\r::warning::x") << Kind::Warning << "warning"
            << "x" << Properties{};
        QTest::newRow("leading no-break space")
            << QByteArray("\xC2\xA0::warning::x") << Kind::Warning << "warning"
            << "x" << Properties{};
        QTest::newRow("name in capitals")
            << QByteArray("::WARNING::upper") << Kind::Warning << "WARNING"
            << "upper" << Properties{};
        QTest::newRow("property names in any case")
            << QByteArray("::Error FILE=a.c,Line=3,ENDCOLUMN=4::x") << Kind::Error << "Error"
            << "x" << Properties{{"file", "a.c"}, {"line", "3"}, {"endColumn", "4"}};
        QTest::newRow("message with ::")
            << QByteArray("::error::std::vector failed: a::b") << Kind::Error << "error"
            << "std::vector failed: a::b" << Properties{};
        QTest::newRow("legacy form")
            << QByteArray("##[warning]old style") << Kind::Warning << "warning"
            << "old style" << Properties{};
        QTest::newRow("legacy form inside a line")
            << QByteArray("prefix ##[group]Title") << Kind::Group << "group"
            << "Title" << Properties{};
        QTest::newRow("legacy properties")
            << QByteArray("##[error file=a%3Bb.c;line=2]x%5Dy") << Kind::Error << "error"
            << "x]y" << Properties{{"file", "a;b.c"}, {"line", "2"}};
        QTest::newRow("unknown then legacy")
            << QByteArray("::nope::##[debug]d") << Kind::Debug << "debug"
            << "d" << Properties{};
        QTest::newRow("utf-8") << QByteArray("::warning title=Ünïcode::héllo ✓") << Kind::Warning
                               << "warning"
                               << "héllo ✓" << Properties{{"title", "Ünïcode"}};
    }

    void kinds()
    {
        QFETCH(QByteArray, line);
        QFETCH(Kind, kind);
        QFETCH(QString, name);
        QFETCH(QString, value);
        QFETCH(Properties, properties);
        const auto command = commandOf(line);
        QVERIFY(command);
        QCOMPARE(command->kind, kind);
        QCOMPARE(command->name, name);
        QCOMPARE(command->value, value);
        QCOMPARE(command->properties, properties);
        QCOMPARE(command->line, 1);
    }

    void escapes_data()
    {
        QTest::addColumn<QByteArray>("line");
        QTest::addColumn<QString>("title");
        QTest::addColumn<QString>("value");
        QTest::newRow("none") << QByteArray("::error title=t::v") << "t"
                              << "v";
        QTest::newRow("property: all five")
            << QByteArray("::error title=a%2Cb%3Ac%0Ad%0De%25f::v") << "a,b:c\nd\re%f"
            << "v";
        QTest::newRow("message: three") << QByteArray("::error title=t::1%0A2%0D3%254") << "t"
                                        << "1\n2\r3%4";
        QTest::newRow("message keeps %3A and %2C")
            << QByteArray("::error title=t::a%3Ab%2Cc") << "t"
            << "a%3Ab%2Cc";
        QTest::newRow("%25 is undone last") << QByteArray("::error title=%250A::%250A") << "%0A"
                                            << "%0A";
        QTest::newRow("lower case is not an escape")
            << QByteArray("::error title=%0a%2c::%0a") << "%0a%2c"
            << "%0a";
        QTest::newRow("lone percent") << QByteArray("::error title=100%::50%") << "100%"
                                      << "50%";
        QTest::newRow("a raw comma ends the value") << QByteArray("::error title=a,b::v") << "a"
                                                    << "v";
    }

    void escapes()
    {
        QFETCH(QByteArray, line);
        QFETCH(QString, title);
        QFETCH(QString, value);
        const auto command = commandOf(line);
        QVERIFY(command);
        QCOMPARE(command->properties.value(QStringLiteral("title")), title);
        QCOMPARE(command->value, value);
    }

    void propertiesAreSplitAsTheRunnerSplitsThem_data()
    {
        QTest::addColumn<QByteArray>("line");
        QTest::addColumn<Properties>("properties");
        QTest::newRow("= in a value")
            << QByteArray("::error title=x=y::m") << Properties{{"title", "x=y"}};
        QTest::newRow("== after the key")
            << QByteArray("::error title==x::m") << Properties{{"title", "x"}};
        QTest::newRow("= before the key")
            << QByteArray("::error =title=x::m") << Properties{{"title", "x"}};
        QTest::newRow("no value") << QByteArray("::error title=,line=2::m")
                                  << Properties{{"line", "2"}};
        QTest::newRow("no =") << QByteArray("::error title,line=2::m") << Properties{{"line", "2"}};
        QTest::newRow("empty parts")
            << QByteArray("::error ,,line=2,,::m") << Properties{{"line", "2"}};
        QTest::newRow("spaces: trimmed around all, kept around each")
            << QByteArray("::error  file=a.c , line=3 ::m")
            << Properties{{"file", "a.c "}, {" line", "3"}};
        QTest::newRow("a repeated key: the last value")
            << QByteArray("::error line=1,LINE=2::m") << Properties{{"line", "2"}};
    }

    void propertiesAreSplitAsTheRunnerSplitsThem()
    {
        QFETCH(QByteArray, line);
        QFETCH(Properties, properties);
        const auto command = commandOf(line);
        QVERIFY(command);
        QCOMPARE(command->properties, properties);
    }

    void malformedLinesAreText_data()
    {
        QTest::addColumn<QByteArray>("line");
        QTest::newRow("empty") << QByteArray("");
        QTest::newRow("plain") << QByteArray("compiling main.c");
        QTest::newRow("no second ::") << QByteArray("::error");
        QTest::newRow("no second :: but a message") << QByteArray("::error file=a.c:3: bad");
        QTest::newRow("empty name") << QByteArray(":: ::");
        QTest::newRow("nothing") << QByteArray("::::");
        QTest::newRow("name starts with a space") << QByteArray(":: warning::x");
        QTest::newRow("not at the start") << QByteArray("echo ::warning::x");
        QTest::newRow("one colon") << QByteArray(":warning::x");
        QTest::newRow("not a name") << QByteArray("::[1]::x");
        QTest::newRow("legacy without ]") << QByteArray("##[warning x");
        QTest::newRow("legacy unknown") << QByteArray("##[section]Starting");
        QTest::newRow("c++ scope") << QByteArray("std::cout << x;");
    }

    void malformedLinesAreText()
    {
        QFETCH(QByteArray, line);
        const Lines lines = parse(line + '\n');
        QCOMPARE(lines.size(), 1);
        QCOMPARE(lines.front().text, line);
        QVERIFY(!lines.front().command);
    }

    void sampleIsReadAsGitHubReadsIt()
    {
        const Lines lines = parse(kSample);
        const QList<std::optional<Kind>> expected{
            std::nullopt,  Kind::Group,          Kind::Warning,   std::nullopt,
            Kind::Debug,   Kind::Echo,           Kind::SetOutput, Kind::StopCommands,
            std::nullopt,  Kind::ResumeCommands, Kind::AddMask,   Kind::SetEnv,
            Kind::Unknown, Kind::Notice,         Kind::EndGroup,  Kind::Error};
        QCOMPARE(kindsOf(lines), expected);
        QCOMPARE(lines[1].text, QByteArray("::group::Build %25 step")); // no "\r"
        QCOMPARE(lines[1].command->value, QStringLiteral("Build % step"));
        QCOMPARE(lines[2].command->value, QStringLiteral("Unused x\ny"));
        QCOMPARE(lines[2].command->properties.value(QStringLiteral("title")),
                 QStringLiteral("a,b"));
        QCOMPARE(lines[2].command->line, 3);
        QCOMPARE(lines[8].text, QByteArray("::error::not a command now"));
        QCOMPARE(lines[9].command->name, QStringLiteral("A4F19C2E"));
        QCOMPARE(lines[11].command->failsStep, true);
        QCOMPARE(lines[13].command->value, QStringLiteral("legacy form"));
        QCOMPARE(lines[15].command->line, 16);
        QCOMPARE(lines[15].command->value, QStringLiteral("last"));
        // Echo: off until ::echo::on; set-output echoes then, add-mask as ::add-mask::***.
        QCOMPARE(lines[1].command->echoed, false);
        QCOMPARE(lines[6].command->echoed, true);
        QCOMPARE(lines[10].command->echoed, true);
        QCOMPARE(lines[15].command->echoed, false); // error never echoes: it is an annotation
    }

    void everySplitPositionGivesTheSameLines_data()
    {
        QTest::addColumn<qsizetype>("maxLineBytes");
        QTest::newRow("default bound") << Parser::kDefaultMaxLineBytes;
        QTest::newRow("bound 24") << qsizetype(24);
        QTest::newRow("bound 7") << qsizetype(7);
    }

    void everySplitPositionGivesTheSameLines()
    {
        QFETCH(qsizetype, maxLineBytes);
        Parser::Options options;
        options.maxLineBytes = maxLineBytes;
        const Lines whole = parse(kSample, options);
        for (qsizetype i = 0; i <= kSample.size(); ++i) {
            for (qsizetype j = i; j <= kSample.size(); ++j) {
                const Lines parts = parseChunks(
                    {kSample.first(i), kSample.sliced(i, j - i), kSample.sliced(j)}, options);
                if (parts != whole) {
                    QCOMPARE(describe(parts), describe(whole));
                    QFAIL(qPrintable(QStringLiteral("split at %1 and %2 differs").arg(i).arg(j)));
                }
            }
        }
        QCOMPARE(describe(parseBytewise(kSample, options)), describe(whole));
        QVERIFY(parseBytewise(kSample, options) == whole);
    }

    void linesEndWithLfOrCrLf()
    {
        const Lines lines = parse("::warning::a\r\n::warning::b\n\r\n::warning::c\r");
        QCOMPARE(kindsOf(lines), (QList<std::optional<Kind>>{Kind::Warning, Kind::Warning,
                                                             std::nullopt, Kind::Warning}));
        QCOMPARE(lines[0].command->value, QStringLiteral("a"));
        QCOMPARE(lines[1].command->value, QStringLiteral("b"));
        QCOMPARE(lines[2].text, QByteArray());
        QCOMPARE(lines[3].command->value, QStringLiteral("c")); // a final "\r" ends the line
        QCOMPARE(lines[3].command->line, 4);
        // A lone "\r" inside a line does not end it (progress bars): not a command.
        QVERIFY(!commandOf("50%\r::warning::x"));
    }

    void lastLineComesWithFinish()
    {
        Parser parser;
        QVERIFY(parser.feed("::warning::no newline").isEmpty());
        const Lines last = parser.finish();
        QCOMPARE(last.size(), 1);
        QCOMPARE(last.front().command->kind, Kind::Warning);
        QVERIFY(parser.finish().isEmpty());
    }

    void lineNumbersCountEveryLine()
    {
        const Lines lines = parse("a\n\n::debug::3\r\n\r\nb\n::debug::6\n");
        QCOMPARE(lines[2].command->line, 3);
        QCOMPARE(lines[5].command->line, 6);
    }

    void stopAndResume()
    {
        Parser parser;
        const Lines lines = parser.feed("::stop-commands::pause-d8f1\n"
                                        "::warning::not now\n"
                                        "::future::not unknown either\n"
                                        "::pause-d8f1x::not the token\n"
                                        "::PAUSE-D8F1::\n"
                                        "::warning::again\n");
        QCOMPARE(kindsOf(lines),
                 (QList<std::optional<Kind>>{Kind::StopCommands, std::nullopt, std::nullopt,
                                             std::nullopt, Kind::ResumeCommands, Kind::Warning}));
        QVERIFY(lines[0].command->echoed); // always printed
        QVERIFY(lines[0].command->problem.isEmpty());
        QVERIFY(lines[4].command->echoed);
        QVERIFY(!parser.commandsStopped());

        QVERIFY(parser.feed("::stop-commands::tok-991\n").front().command);
        QVERIFY(parser.commandsStopped());
        QVERIFY(!parser.feed("::error::x\n").front().command);
        // Anything the runner parses as the command TOKEN resumes: indented, with
        // properties and a message, or in the legacy form inside a line.
        const auto resume = parser.feed("  ::tok-991 a=b::trailing text\n").front().command;
        QVERIFY(resume);
        QCOMPARE(resume->kind, Kind::ResumeCommands);
        QCOMPARE(resume->value, QStringLiteral("trailing text"));
        QVERIFY(parser.feed("::stop-commands::tok-992\n").front().command);
        QCOMPARE(parser.feed("log: ##[tok-992]\n").front().command->kind, Kind::ResumeCommands);
        QVERIFY(!parser.commandsStopped());
    }

    void guessableStopTokensAreRefused_data()
    {
        QTest::addColumn<QByteArray>("line");
        QTest::newRow("a command's name") << QByteArray("::stop-commands::warning");
        QTest::newRow("in another case") << QByteArray("::stop-commands::Group");
        QTest::newRow("stop-commands itself") << QByteArray("::stop-commands::stop-commands");
        QTest::newRow("pause-logging") << QByteArray("::stop-commands::PAUSE-LOGGING");
        QTest::newRow("empty") << QByteArray("::stop-commands::");
    }

    void guessableStopTokensAreRefused()
    {
        QFETCH(QByteArray, line);
        const Lines lines = parse(line + "\n::warning::still a command\n");
        QCOMPARE(lines[0].command->kind, Kind::StopCommands);
        QVERIFY(lines[0].command->problem.contains(u"ACTIONS_ALLOW_UNSECURE_STOPCOMMAND_TOKENS"));
        QVERIFY(lines[0].command->failsStep);
        QVERIFY(!lines[0].command->echoed);
        QCOMPARE(lines[1].command->kind, Kind::Warning);
    }

    void commandNameAsTokenWhenAllowed()
    {
        // With ACTIONS_ALLOW_UNSECURE_STOPCOMMAND_TOKENS the runner takes it: the next
        // ::warning:: resumes, and then warning is no longer a command at all (the runner
        // takes the token out of its registered commands).
        Parser::Options options;
        options.allowUnsecureStopTokens = true;
        const Lines lines = parse("::stop-commands::warning\n"
                                  "::error::hidden\n"
                                  "::warning::resumes\n"
                                  "::warning::plain text now\n"
                                  "::error::still a command\n",
                                  options);
        QCOMPARE(kindsOf(lines),
                 (QList<std::optional<Kind>>{Kind::StopCommands, std::nullopt, Kind::ResumeCommands,
                                             Kind::Unknown, Kind::Error}));
        QVERIFY(lines[0].command->problem.isEmpty());
    }

    void deprecatedCommandsStillWork()
    {
        for (const char *line : {"::set-output name=result::42", "::save-state name=result::42"}) {
            const auto command = commandOf(line);
            QVERIFY(command);
            QCOMPARE(command->properties.value(QStringLiteral("name")), QStringLiteral("result"));
            QCOMPARE(command->value, QStringLiteral("42"));
            QVERIFY(command->problem.isEmpty());
            QVERIFY(command->deprecation.contains(u"deprecated"));
            QVERIFY(command->deprecation.contains(u"Environment Files"));
        }
        const auto empty = commandOf("::set-output name=empty::");
        QVERIFY(empty->problem.isEmpty());
        QCOMPARE(empty->value, QString());
        const auto nameless = commandOf("::set-output::42");
        QCOMPARE(nameless->problem,
                 QStringLiteral("Required field 'name' is missing in ##[set-output] command."));
        QVERIFY(nameless->failsStep);
    }

    void setEnvAndAddPathAreRefused()
    {
        for (const char *line : {"::set-env name=FOO::bar", "::add-path::/opt/tool/bin"}) {
            const auto command = commandOf(line);
            QVERIFY(command);
            QVERIFY(command->failsStep);
            QVERIFY(command->problem.contains(u"command is disabled"));
            QVERIFY(command->problem.contains(u"ACTIONS_ALLOW_UNSECURE_COMMANDS"));
            QVERIFY(command->problem.contains(u"CVE-2020-15228"));
        }
        Parser::Options allowed;
        allowed.allowUnsecureCommands = true;
        QVERIFY(commandOf("::set-env name=FOO::bar", allowed)->problem.isEmpty());
        QVERIFY(commandOf("::add-path::/opt/tool/bin", allowed)->problem.isEmpty());
        // Even then NODE_OPTIONS is refused (an error, the step goes on), and add-path
        // needs a directory.
        const auto node = commandOf("::set-env name=node_options::--require x", allowed);
        QVERIFY(node->problem.contains(u"NODE_OPTIONS"));
        QVERIFY(!node->failsStep);
        QVERIFY(commandOf("::add-path::", allowed)->failsStep);
        QVERIFY(commandOf("::set-env::x", allowed)->failsStep);
    }

    void echoOnlyChangesWhatIsEchoed()
    {
        const Lines lines = parse("::set-output name=a::1\n"
                                  "::echo::ON\n"
                                  "::set-output name=a::2\n"
                                  "::warning::w\n"
                                  "::add-mask::secret-value\n"
                                  "::add-mask:: \n"
                                  "::group::g\n"
                                  "::echo:: off \n"
                                  "::set-output name=a::3\n"
                                  "::echo::loud\n");
        QList<bool> echoed;
        for (const Parser::Line &line : lines)
            echoed.append(line.command->echoed);
        QCOMPARE(echoed,
                 (QList<bool>{false, false, true, false, true, false, true, true, false, false}));
        QVERIFY(lines[5].command->problem.contains(u"empty string"));
        QVERIFY(!lines[5].command->failsStep);
        QVERIFY(lines[9].command->problem.contains(u"Invalid echo command value"));
        QVERIFY(lines[9].command->failsStep);

        Parser::Options debug;
        debug.echo = true;
        QVERIFY(commandOf("::set-output name=a::1", debug)->echoed);
    }

    void matchers()
    {
        QVERIFY(commandOf("::add-matcher::")->problem.contains(u"File path"));
        QVERIFY(!commandOf("::remove-matcher owner=x::file.json")->problem.isEmpty());
        QVERIFY(!commandOf("::remove-matcher::")->problem.isEmpty());
        QVERIFY(commandOf("::remove-matcher::file.json")->problem.isEmpty());
    }

    void longLinesArePassedThroughInPieces_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QList<QByteArray>>("pieces");
        QTest::addColumn<QList<bool>>("continues");
        QTest::addColumn<bool>("lastIsCommand");
        using B = QList<QByteArray>;
        using C = QList<bool>;
        // Bound 16.
        QTest::newRow("exactly the bound: a command")
            << QByteArray("::warning::abcde\n") << B{"::warning::abcde"} << C{false} << true;
        QTest::newRow("exactly the bound, crlf")
            << QByteArray("::warning::abcde\r\n") << B{"::warning::abcde"} << C{false} << true;
        QTest::newRow("one more: text") << QByteArray("::warning::abcdef\n")
                                        << B{"::warning::abcde", "f"} << C{true, false} << false;
        QTest::newRow("three pieces")
            << QByteArray("::warning::" + QByteArray(30, 'x') + "\r\n")
            << B{"::warning::xxxxx", QByteArray(16, 'x'), QByteArray(9, 'x')}
            << C{true, true, false} << false;
        QTest::newRow("a command after a long line")
            << QByteArray(QByteArray(20, 'y') + "\n::debug::after\n")
            << B{QByteArray(16, 'y'), "yyyy", "::debug::after"} << C{true, false, false} << true;
        QTest::newRow("unterminated")
            << QByteArray(QByteArray(33, 'z')) << B{QByteArray(16, 'z'), QByteArray(16, 'z'), "z"}
            << C{true, true, false} << false;
    }

    void longLinesArePassedThroughInPieces()
    {
        QFETCH(QByteArray, input);
        QFETCH(QList<QByteArray>, pieces);
        QFETCH(QList<bool>, continues);
        QFETCH(bool, lastIsCommand);
        Parser::Options options;
        options.maxLineBytes = 16;
        for (const Lines &lines : {parse(input, options), parseBytewise(input, options)}) {
            QList<QByteArray> texts;
            QList<bool> flags;
            for (const Parser::Line &line : lines) {
                texts.append(line.text);
                flags.append(line.continues);
                if (&line != &lines.back())
                    QVERIFY(!line.command);
            }
            QCOMPARE(texts, pieces);
            QCOMPARE(flags, continues);
            QCOMPARE(bool(lines.back().command), lastIsCommand);
            if (lastIsCommand)
                QCOMPARE(lines.back().command->line, input.count('\n'));
        }
    }

    void runawayLineIsNotBuffered()
    {
        // 10 MiB without a newline, fed in 64 KiB reads: pieces of 1 MiB come out as the
        // data arrives, and none is a command.
        Parser parser;
        QList<qsizetype> sizes;
        const QByteArray chunk = "::warning::" + QByteArray(64 * 1024 - 11, 'x');
        for (int i = 0; i < 160; ++i) {
            for (const Parser::Line &line : parser.feed(chunk)) {
                QVERIFY(line.continues);
                QVERIFY(!line.command);
                sizes.append(line.text.size());
            }
        }
        QCOMPARE(sizes.size(), 9);
        for (qsizetype size : sizes)
            QCOMPARE(size, Parser::kDefaultMaxLineBytes);
        const Lines last = parser.finish();
        QCOMPARE(last.size(), 1);
        QVERIFY(!last.front().continues);
        QCOMPARE(last.front().text.size(), Parser::kDefaultMaxLineBytes);
        QCOMPARE(parser.lineCount(), 1);
    }

    void invalidUtf8IsReplaced()
    {
        const auto command = commandOf("::warning::bad \xFF byte");
        QVERIFY(command);
        QCOMPARE(command->value, QStringLiteral("bad \uFFFD byte"));
    }
};

QTEST_GUILESS_MAIN(TestWorkflowCommands)
#include "tst_workflowcommands.moc"
