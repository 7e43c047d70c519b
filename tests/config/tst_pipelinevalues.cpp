// Field-level behaviour through loadString: durations, retries, booleans, `if:`,
// secrets and the selected environment, workdirs on disk.

#include "config/pipelineloader.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace DeployDesk;
using namespace std::chrono_literals;

namespace {

const QString fileName = QStringLiteral("deploydesk.yml");

// A one-stage pipeline whose stage `s` (line 3) gets `field` on line 5.
QByteArray oneStage(const QByteArray &field)
{
    return "name: t\nstages:\n  s:\n    run: true\n    " + field + "\n";
}

QString messages(const LoadResult &result)
{
    QStringList lines;
    for (const Diagnostic &d : result.diagnostics)
        lines.append(d.toString());
    return lines.join(u'\n');
}

const QByteArray environmentsYaml = "name: t\n"
                                    "environments:\n"
                                    "  preview: {}\n"
                                    "  staging: {}\n"
                                    "  production: { protected: true }\n"
                                    "stages:\n"
                                    "  build:\n"
                                    "    run: make\n"
                                    "    secrets: [BUILD_KEY]\n"
                                    "  deploy:\n"
                                    "    run: ./deploy\n"
                                    "    if: environment in [staging, production]\n"
                                    "    secrets: [DEPLOY_TOKEN, BUILD_KEY]\n"
                                    "  preview:\n"
                                    "    run: ./preview\n"
                                    "    if: environment == preview\n"
                                    "    secrets: PREVIEW_TOKEN\n";

} // namespace

class TestPipelineValues final : public QObject
{
    Q_OBJECT

private slots:
    void durations_data();
    void durations();
    void retries_data();
    void retries();
    void booleans_data();
    void booleans();
    void conditions_data();
    void conditions();
    void secrets_data();
    void secrets();
    void optionalSecrets();
    void selectedEnvironment_data();
    void selectedEnvironment();
    void workdir_data();
    void workdir();
    void cache_data();
    void cache();
    void unknownStageTypesAreNotCheckedWithoutAList();
    void diagnosticsAreSortedByPosition();
};

void TestPipelineValues::durations_data()
{
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<qint64>("ms"); // -1: invalid

    QTest::newRow("integer seconds") << QByteArray("90") << qint64(90'000);
    QTest::newRow("zero") << QByteArray("0") << qint64(0);
    QTest::newRow("ms") << QByteArray("500ms") << qint64(500);
    QTest::newRow("s") << QByteArray("90s") << qint64(90'000);
    QTest::newRow("m") << QByteArray("10m") << qint64(600'000);
    QTest::newRow("h") << QByteArray("1h") << qint64(3'600'000);
    QTest::newRow("h+m") << QByteArray("1h30m") << qint64(5'400'000);
    QTest::newRow("all units") << QByteArray("1h1m1s1ms") << qint64(3'661'001);
    QTest::newRow("quoted") << QByteArray("\"10m\"") << qint64(600'000);
    QTest::newRow("words") << QByteArray("ten minutes") << qint64(-1);
    QTest::newRow("negative") << QByteArray("-5") << qint64(-1);
    QTest::newRow("fraction") << QByteArray("1.5h") << qint64(-1);
    QTest::newRow("upper case unit") << QByteArray("10M") << qint64(-1);
    QTest::newRow("space inside") << QByteArray("1h 30m") << qint64(-1);
    QTest::newRow("units out of order") << QByteArray("30m1h") << qint64(-1);
    QTest::newRow("unit twice") << QByteArray("1m1m") << qint64(-1);
    QTest::newRow("trailing number") << QByteArray("1m30") << qint64(-1);
    QTest::newRow("unknown unit") << QByteArray("2d") << qint64(-1);
    QTest::newRow("huge") << QByteArray("99999999999999999999h") << qint64(-1);
    QTest::newRow("list") << QByteArray("[10m]") << qint64(-1);
}

void TestPipelineValues::durations()
{
    QFETCH(QByteArray, value);
    QFETCH(qint64, ms);
    const LoadResult result =
        PipelineLoader::loadString(oneStage("timeout: " + value), fileName, QString());
    if (ms >= 0) {
        QCOMPARE(messages(result), QString());
        QCOMPARE(result.pipeline.stages.first().timeout, std::chrono::milliseconds(ms));
        return;
    }
    const QString found =
        value.startsWith('[') ? QStringLiteral("a list") : u'"' + QString::fromUtf8(value) + u'"';
    QCOMPARE(messages(result),
             QStringLiteral("deploydesk.yml:5:14: \"timeout\" of stage \"s\" must be a duration "
                            "such as 90s, 10m or 1h; found %1")
                 .arg(found));
}

void TestPipelineValues::retries_data()
{
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<int>("count");
    QTest::addColumn<qint64>("backoffMs");
    QTest::addColumn<QString>("error");

    const QString range = QStringLiteral(
        "deploydesk.yml:5:14: \"retries\" of stage \"s\" must be a whole number from 0 to 10, or "
        "a map such as { count: 2, backoff: 5s }; found \"%1\"");
    QTest::newRow("plain") << QByteArray("3") << 3 << qint64(1000) << QString();
    QTest::newRow("zero") << QByteArray("0") << 0 << qint64(1000) << QString();
    QTest::newRow("ten") << QByteArray("10") << 10 << qint64(1000) << QString();
    QTest::newRow("map") << QByteArray("{ count: 2, backoff: 5s }") << 2 << qint64(5000)
                         << QString();
    QTest::newRow("map without backoff")
        << QByteArray("{ count: 4 }") << 4 << qint64(1000) << QString();
    QTest::newRow("eleven") << QByteArray("11") << 0 << qint64(1000) << range.arg("11");
    QTest::newRow("negative") << QByteArray("-1") << 0 << qint64(1000) << range.arg("-1");
    QTest::newRow("text") << QByteArray("twice") << 0 << qint64(1000) << range.arg("twice");
    QTest::newRow("map without count")
        << QByteArray("{ backoff: 2s }") << 0 << qint64(2000)
        << QStringLiteral("deploydesk.yml:5:14: \"retries\" of stage \"s\" is missing \"count\"; "
                          "write e.g. { count: 2, backoff: 5s }");
    QTest::newRow("bad backoff")
        << QByteArray("{ count: 1, backoff: later }") << 1 << qint64(1000)
        << QStringLiteral("deploydesk.yml:5:35: \"backoff\" in \"retries\" of stage \"s\" must be "
                          "a duration such as 90s, 10m or 1h; found \"later\"");
    QTest::newRow("count out of range")
        << QByteArray("{ count: 50 }") << 0 << qint64(1000)
        << QStringLiteral("deploydesk.yml:5:23: \"count\" in \"retries\" of stage \"s\" must be "
                          "a whole number from 0 to 10; found \"50\"");
}

void TestPipelineValues::retries()
{
    QFETCH(QByteArray, value);
    QFETCH(int, count);
    QFETCH(qint64, backoffMs);
    QFETCH(QString, error);
    const LoadResult result =
        PipelineLoader::loadString(oneStage("retries: " + value), fileName, QString());
    QCOMPARE(messages(result), error);
    QCOMPARE(result.pipeline.stages.first().retries, count);
    QCOMPARE(result.pipeline.stages.first().retryBackoff, std::chrono::milliseconds(backoffMs));
}

void TestPipelineValues::booleans_data()
{
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<bool>("expected");

    QTest::newRow("true") << QByteArray("true") << true << true;
    QTest::newRow("false") << QByteArray("false") << true << false;
    QTest::newRow("yes") << QByteArray("yes") << true << true;
    QTest::newRow("no") << QByteArray("no") << true << false;
    QTest::newRow("True") << QByteArray("True") << true << true;
    QTest::newRow("maybe") << QByteArray("maybe") << false << false;
    QTest::newRow("1") << QByteArray("1") << false << false;
    QTest::newRow("empty") << QByteArray("") << false << false;
}

void TestPipelineValues::booleans()
{
    QFETCH(QByteArray, value);
    QFETCH(bool, valid);
    QFETCH(bool, expected);
    const QByteArray yaml = "name: t\n"
                            "environments:\n"
                            "  prod:\n"
                            "    protected: " +
                            value +
                            "\n"
                            "stages:\n"
                            "  s:\n"
                            "    run: true\n";
    const LoadResult result = PipelineLoader::loadString(yaml, fileName, QString());
    if (valid) {
        QCOMPARE(messages(result), QString());
        QCOMPARE(result.pipeline.environments.first().isProtected, expected);
        return;
    }
    const QString found =
        value.isEmpty() ? QStringLiteral("nothing") : u'"' + QString::fromUtf8(value) + u'"';
    // An empty value is reported at its key.
    const int column = value.isEmpty() ? 5 : 16;
    QCOMPARE(messages(result), QStringLiteral("deploydesk.yml:4:%1: \"protected\" of environment "
                                              "\"prod\" must be true or false; found %2")
                                   .arg(column)
                                   .arg(found));
}

void TestPipelineValues::conditions_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QStringList>("matching"); // of: "", preview, staging, production

    QTest::newRow("equals") << "environment == production" << true << QStringList{"production"};
    QTest::newRow("equals, no spaces")
        << "environment==production" << true << QStringList{"production"};
    QTest::newRow("equals, quoted")
        << "environment == 'production'" << true << QStringList{"production"};
    QTest::newRow("not equals") << "environment != preview" << true
                                << QStringList{"", "staging", "production"};
    QTest::newRow("in") << "environment in [staging, production]" << true
                        << QStringList{"staging", "production"};
    QTest::newRow("in, quoted, spaced")
        << "environment in [ \"staging\" ,'preview' ]" << true << QStringList{"preview", "staging"};
    QTest::newRow("single =") << "environment = production" << false << QStringList{};
    QTest::newRow("other subject") << "branch == main" << false << QStringList{};
    QTest::newRow("missing value") << "environment ==" << false << QStringList{};
    QTest::newRow("trailing text")
        << "environment == production and more" << false << QStringList{};
    QTest::newRow("in without brackets") << "environment in staging" << false << QStringList{};
    QTest::newRow("in, empty") << "environment in []" << false << QStringList{};
    QTest::newRow("in, unclosed") << "environment in [staging" << false << QStringList{};
    QTest::newRow("unclosed quote") << "environment == 'production" << false << QStringList{};
    QTest::newRow("word starting with in")
        << "environment inside [staging]" << false << QStringList{};
}

void TestPipelineValues::conditions()
{
    QFETCH(QString, text);
    QFETCH(bool, valid);
    QFETCH(QStringList, matching);
    QByteArray yaml = environmentsYaml;
    yaml.replace("if: environment == preview", "if: '" + text.toUtf8().replace('\'', "''") + "'");
    const LoadResult result = PipelineLoader::loadString(yaml, fileName, QString());
    if (!valid) {
        QCOMPARE(messages(result),
                 QStringLiteral("deploydesk.yml:16:9: \"if\" of stage \"preview\" must be "
                                "\"environment == NAME\", \"environment != NAME\" or "
                                "\"environment in [A, B]\"; found \"%1\"")
                     .arg(text));
        return;
    }
    QCOMPARE(messages(result), QString());
    const StageCondition &condition = result.pipeline.stages.last().condition;
    QCOMPARE(condition.text, text);
    for (const QString env : {"", "preview", "staging", "production"})
        QCOMPARE(condition.matches(env), matching.contains(env));
}

void TestPipelineValues::secrets_data()
{
    QTest::addColumn<QString>("environment");
    QTest::addColumn<QStringList>("setSecrets");
    QTest::addColumn<QStringList>("expected");

    auto missing = [](int line, int column, const char *stage, const char *secret) {
        return QStringLiteral("deploydesk.yml:%1:%2: stage \"%3\" needs secret \"%4\", which is "
                              "not set; set it with \"deploydeskctl secrets set %4\" or export %4")
            .arg(line)
            .arg(column)
            .arg(QLatin1String(stage), QLatin1String(secret));
    };
    QTest::newRow("all set") << QString()
                             << QStringList{"BUILD_KEY", "DEPLOY_TOKEN", "PREVIEW_TOKEN"}
                             << QStringList{};
    // Only the stages that would start need their secrets (issue 10 §5): without an
    // environment, deploy and preview are skipped.
    QTest::newRow("no environment: stages without an environment condition")
        << QString() << QStringList{} << QStringList{missing(9, 15, "build", "BUILD_KEY")};
    QTest::newRow("production: stages that run there")
        << QStringLiteral("production") << QStringList{"BUILD_KEY"}
        << QStringList{missing(13, 15, "deploy", "DEPLOY_TOKEN")};
    QTest::newRow("preview: deploy is skipped")
        << QStringLiteral("preview") << QStringList{"BUILD_KEY"}
        << QStringList{missing(17, 14, "preview", "PREVIEW_TOKEN")};
}

void TestPipelineValues::secrets()
{
    QFETCH(QString, environment);
    QFETCH(QStringList, setSecrets);
    QFETCH(QStringList, expected);
    LoadOptions options;
    options.environment = environment;
    options.secretIsSet = [setSecrets](const QString &name) { return setSecrets.contains(name); };
    const LoadResult result =
        PipelineLoader::loadString(environmentsYaml, fileName, QString(), options);
    QCOMPARE(messages(result), expected.join(u'\n'));
}

void TestPipelineValues::optionalSecrets()
{
    // An optional secret that is not set is no problem; a required one still is.
    LoadOptions options;
    options.secretIsSet = [](const QString &) { return false; };
    const LoadResult result =
        PipelineLoader::loadString("name: t\nstages:\n  s:\n    run: true\n    secrets: [TOKEN]\n"
                                   "    optional-secrets: [DATABASE_URL]\n",
                                   fileName, QString(), options);
    QCOMPARE(messages(result),
             QStringLiteral("deploydesk.yml:5:15: stage \"s\" needs secret \"TOKEN\", which is "
                            "not set; set it with \"deploydeskctl secrets set TOKEN\" or export "
                            "TOKEN"));
    const Stage &stage = result.pipeline.stages.first();
    QCOMPARE(stage.secrets, (QStringList{"TOKEN", "DATABASE_URL"}));
    QCOMPARE(stage.optionalSecrets, QStringList{"DATABASE_URL"});

    const LoadResult both = PipelineLoader::loadString(
        oneStage("secrets: [DATABASE_URL]\n    optional-secrets: [DATABASE_URL]"), fileName,
        QString());
    QCOMPARE(messages(both),
             QStringLiteral("deploydesk.yml:6:24: stage \"s\" lists secret \"DATABASE_URL\" under "
                            "both \"secrets\" and \"optional-secrets\"; keep it in one of them"));
}

void TestPipelineValues::selectedEnvironment_data()
{
    QTest::addColumn<QByteArray>("yaml");
    QTest::addColumn<QString>("environment");
    QTest::addColumn<QString>("expected");

    QTest::newRow("defined") << environmentsYaml << QStringLiteral("staging") << QString();
    QTest::newRow("undefined")
        << environmentsYaml << QStringLiteral("prod")
        << QStringLiteral("deploydesk.yml:2:1: environment \"prod\" is not defined; defined: "
                          "preview, staging, production");
    QTest::newRow("no environments")
        << oneStage("env: {}") << QStringLiteral("prod")
        << QStringLiteral("deploydesk.yml:1:1: environment \"prod\" is not defined; this file "
                          "defines no environments");
}

void TestPipelineValues::selectedEnvironment()
{
    QFETCH(QByteArray, yaml);
    QFETCH(QString, environment);
    QFETCH(QString, expected);
    LoadOptions options;
    options.environment = environment;
    const LoadResult result = PipelineLoader::loadString(yaml, fileName, QString(), options);
    QCOMPARE(messages(result), expected);
}

void TestPipelineValues::cache_data()
{
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<QString>("key"); // the key text, or "prefix|glob,glob" from files
    QTest::addColumn<QStringList>("paths");
    QTest::addColumn<QString>("error"); // all messages, or empty when valid

    const QString example = QStringLiteral(
        "write e.g. { key: { files: [package-lock.json], prefix: npm }, paths: [node_modules] }");
    QTest::newRow("text key") << QByteArray("{ key: npm-v1, paths: [node_modules] }")
                              << QStringLiteral("npm-v1") << QStringList{"node_modules"}
                              << QString();
    QTest::newRow("files key, trailing slash")
        << QByteArray("{ key: { files: [package-lock.json, \"**/*.lock\"], prefix: npm }, "
                      "paths: [node_modules/, .cache] }")
        << QStringLiteral("npm|package-lock.json,**/*.lock")
        << QStringList{"node_modules", ".cache"} << QString();
    QTest::newRow("not a map")
        << QByteArray("node_modules") << QString() << QStringList()
        << QStringLiteral("deploydesk.yml:5:12: \"cache\" of stage \"s\" must be a map with "
                          "\"key\" and \"paths\"; found \"node_modules\"; %1")
               .arg(example);
    QTest::newRow("no paths")
        << QByteArray("{ key: v1 }") << QStringLiteral("v1") << QStringList()
        << QStringLiteral("deploydesk.yml:5:12: \"cache\" of stage \"s\" is missing \"paths\"; %1")
               .arg(example);
    QTest::newRow("no key")
        << QByteArray("{ paths: [x] }") << QString() << QStringList{"x"}
        << QStringLiteral("deploydesk.yml:5:12: \"cache\" of stage \"s\" is missing \"key\"; %1")
               .arg(example);
    QTest::newRow("empty key") << QByteArray("{ key: \" \", paths: [x] }") << QString()
                               << QStringList{"x"}
                               << QStringLiteral(
                                      "deploydesk.yml:5:19: \"key\" in \"cache\" of stage \"s\" is "
                                      "empty; give a text such as \"npm-v1\" or "
                                      "{ files: [package-lock.json] }");
    QTest::newRow("files missing")
        << QByteArray("{ key: { prefix: npm }, paths: [x] }") << QStringLiteral("npm|")
        << QStringList{"x"}
        << QStringLiteral("deploydesk.yml:5:19: \"key\" in \"cache\" of stage \"s\" is missing "
                          "\"files\"; %1")
               .arg(example);
    QTest::newRow("misspelt key part, outside path, absolute path")
        << QByteArray("{ key: { file: [a] }, paths: [../up, /abs, .] }") << QStringLiteral("|")
        << QStringList()
        << QStringLiteral(
               "deploydesk.yml:5:19: \"key\" in \"cache\" of stage \"s\" is missing \"files\"; "
               "%1\n"
               "deploydesk.yml:5:21: unknown key \"file\" in \"key\" in \"cache\" of stage "
               "\"s\"; did you mean \"files\"?\n"
               "deploydesk.yml:5:42: cache path \"../up\" of stage \"s\" must stay inside the "
               "workspace; remove the \"..\"\n"
               "deploydesk.yml:5:49: cache path \"/abs\" of stage \"s\" must be relative to "
               "the stage's workdir; found an absolute path\n"
               "deploydesk.yml:5:55: cache path \".\" of stage \"s\" names the whole workdir; "
               "name the folders to keep (e.g. node_modules)")
               .arg(example);
    QTest::newRow("braces in a key glob")
        << QByteArray("{ key: { files: [\"*.{json,lock}\"] }, paths: [x] }") << QStringLiteral("|")
        << QStringList{"x"}
        << QStringLiteral(
               "deploydesk.yml:5:29: cache key file \"*.{json,lock}\" of stage \"s\": "
               "backslashes and braces are not part of the glob syntax; use \"*\", \"?\", "
               "\"[abc]\" and \"**\" (any folders), one pattern per item");
    QTest::newRow("empty lists")
        << QByteArray("{ key: { files: [] }, paths: [] }") << QStringLiteral("|") << QStringList()
        << QStringLiteral("deploydesk.yml:5:28: \"files\" in \"key\" in \"cache\" of stage "
                          "\"s\" is an empty list; name the files the cached folders are made "
                          "from (e.g. package-lock.json)\n"
                          "deploydesk.yml:5:41: \"paths\" in \"cache\" of stage \"s\" is an empty "
                          "list; name the folders to keep (e.g. node_modules)");
    QTest::newRow("unknown part")
        << QByteArray("{ key: v1, paths: [x], restore-keys: [v] }") << QStringLiteral("v1")
        << QStringList{"x"}
        << QStringLiteral("deploydesk.yml:5:35: unknown key \"restore-keys\" in \"cache\" of "
                          "stage \"s\"; allowed keys: key, paths");
}

void TestPipelineValues::cache()
{
    QFETCH(QByteArray, value);
    QFETCH(QString, key);
    QFETCH(QStringList, paths);
    QFETCH(QString, error);
    const LoadResult result =
        PipelineLoader::loadString(oneStage("cache: " + value), fileName, QString());
    QCOMPARE(messages(result), error);
    if (!error.isEmpty())
        return;
    const StageCache &cache = result.pipeline.stages.first().cache;
    QVERIFY(cache.enabled());
    QCOMPARE(cache.paths, paths);
    if (key.contains(u'|')) {
        QCOMPARE(cache.key, QString());
        QCOMPARE(cache.prefix, key.section(u'|', 0, 0));
        QCOMPARE(cache.keyFiles, key.section(u'|', 1).split(u',', Qt::SkipEmptyParts));
    } else {
        QCOMPARE(cache.key, key);
        QVERIFY(cache.keyFiles.isEmpty());
    }
}

void TestPipelineValues::workdir_data()
{
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<QString>("stored");
    QTest::addColumn<QString>("error"); // %WS%: the workspace, %OUT%: outside it

    QTest::newRow("subdirectory") << QByteArray("site") << "site" << QString();
    QTest::newRow("nested, untidy") << QByteArray("./site//docs/") << "site/docs" << QString();
    QTest::newRow("root") << QByteArray(".") << "" << QString();
    QTest::newRow("missing") << QByteArray("nope") << "nope"
                             << "deploydesk.yml:5:14: workdir \"nope\" of stage \"s\" does not "
                                "exist in %WS%; create the "
                                "directory or fix the path";
    QTest::newRow("a file") << QByteArray("notes.txt") << "notes.txt"
                            << "deploydesk.yml:5:14: workdir \"notes.txt\" of stage \"s\" is a "
                               "file; expected a directory";
    QTest::newRow("absolute") << QByteArray("/usr") << ""
                              << "deploydesk.yml:5:14: \"workdir\" of stage \"s\" must be a path "
                                 "relative to the workspace; found the absolute path \"/usr\"";
    QTest::newRow("dot-dot") << QByteArray("site/../..") << ""
                             << "deploydesk.yml:5:14: \"workdir\" of stage \"s\" must stay inside "
                                "the workspace; found \"site/../..\", which contains \"..\"";
    QTest::newRow("symlink out") << QByteArray("outside") << "outside"
                                 << "deploydesk.yml:5:14: workdir \"outside\" of stage \"s\" leads "
                                    "outside the workspace (to %OUT%); use a directory inside it";
}

void TestPipelineValues::workdir()
{
    QFETCH(QByteArray, value);
    QFETCH(QString, stored);
    QFETCH(QString, error);
    QTemporaryDir root;
    QVERIFY(root.isValid());
    const QString workspace = root.filePath(QStringLiteral("ws"));
    const QString elsewhere = root.filePath(QStringLiteral("elsewhere"));
    QVERIFY(QDir().mkpath(workspace + QStringLiteral("/site/docs")));
    QVERIFY(QDir().mkpath(elsewhere));
    QFile notes(workspace + QStringLiteral("/notes.txt"));
    QVERIFY(notes.open(QIODevice::WriteOnly));
    notes.close();
    QVERIFY(QFile::link(elsewhere, workspace + QStringLiteral("/outside")));

    const LoadResult result =
        PipelineLoader::loadString(oneStage("workdir: " + value), fileName, workspace);
    error.replace(QStringLiteral("%WS%"), workspace);
    error.replace(QStringLiteral("%OUT%"), QFileInfo(elsewhere).canonicalFilePath());
    QCOMPARE(messages(result), error);
    QCOMPARE(result.pipeline.stages.first().workdir, stored);
}

void TestPipelineValues::unknownStageTypesAreNotCheckedWithoutAList()
{
    const QByteArray yaml = "name: t\nstages:\n  s:\n    uses: anything\n";
    QCOMPARE(messages(PipelineLoader::loadString(yaml, fileName, QString())), QString());
    LoadOptions options;
    options.knownStageTypes = {QStringLiteral("health-check"), QStringLiteral("http-request")};
    QCOMPARE(messages(PipelineLoader::loadString(yaml, fileName, QString(), options)),
             QStringLiteral("deploydesk.yml:4:11: unknown stage type \"anything\" in stage "
                            "\"s\"; known types: health-check, http-request"));
}

void TestPipelineValues::diagnosticsAreSortedByPosition()
{
    // Cross-stage checks run after the file is read, yet come out in file order.
    const QByteArray yaml = "name: t\n"
                            "stages:\n"
                            "  a:\n"
                            "    needs: [zz]\n"
                            "    run: true\n"
                            "  b:\n"
                            "    run: true\n"
                            "    timeout: never\n";
    const LoadResult result = PipelineLoader::loadString(yaml, fileName, QString());
    QCOMPARE(result.diagnostics.size(), 2);
    QCOMPARE(result.diagnostics[0].where.line, 4);
    QCOMPARE(result.diagnostics[1].where.line, 8);
}

QTEST_GUILESS_MAIN(TestPipelineValues)
#include "tst_pipelinevalues.moc"
