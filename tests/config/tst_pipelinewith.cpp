// `with:` checked against the parameters of the stage type (LoadOptions::stageTypeParams):
// every kind, accepted and refused, `$` values left for the stage, and no check without a
// schema.

#include "config/pipelineloader.h"
#include "testschemas.h"

#include <QTest>

using namespace DeployDesk;

namespace {

const QString fileName = QStringLiteral("deploydesk.yml");

// A `publish` stage with its required parameters and `extra` (line 6) in `with:`.
QByteArray publishWith(const QByteArray &extra)
{
    return "name: t\nstages:\n  p:\n    uses: publish\n    with:\n      " + extra +
           "\n      target: site\n      token-name: T\n";
}

QString messages(const LoadResult &result)
{
    QStringList lines;
    for (const Diagnostic &d : result.diagnostics)
        lines.append(d.toString());
    return lines.join(u'\n');
}

} // namespace

class TestPipelineWith final : public QObject
{
    Q_OBJECT

private slots:
    void kinds_data();
    void kinds();
    void booleansAreStoredAsTrueOrFalse_data();
    void booleansAreStoredAsTrueOrFalse();
    void strings();
    void notCheckedWithoutSchema();
    void unknownTypeIsReportedAlone();
    void withBeforeUses();
};

void TestPipelineWith::kinds_data()
{
    QTest::addColumn<QByteArray>("param");
    QTest::addColumn<QString>("error"); // empty: accepted; else the message at 6:7+

    const QString where = QStringLiteral("\"%1\" in \"with\" of stage \"p\" must be %2; found %3");
    const QString whole = QStringLiteral("a whole number from 1 to 8");
    const QString duration = QStringLiteral("a duration such as 90s, 10m or 1h");

    // StringList: one scalar or a list of scalars.
    QTest::newRow("list: one string") << QByteArray("files: dist") << QString();
    QTest::newRow("list: a number") << QByteArray("files: 3") << QString();
    QTest::newRow("list: list") << QByteArray("files: [dist, 'a b', 3]") << QString();
    QTest::newRow("list: empty list") << QByteArray("files: []") << QString();
    QTest::newRow("list: a map")
        << QByteArray("files: { a: b }")
        << QStringLiteral("6:14: \"files\" in \"with\" of stage \"p\" must be a list of strings "
                          "or a single string; found a map");
    QTest::newRow("list: nested")
        << QByteArray("files: [a, [b]]")
        << QStringLiteral("6:18: items of \"files\" in \"with\" of stage \"p\" must be strings; "
                          "found a list");
    // Int within [min, max].
    QTest::newRow("int: min") << QByteArray("parallel: 1") << QString();
    QTest::newRow("int: max") << QByteArray("parallel: 8") << QString();
    QTest::newRow("int: quoted") << QByteArray("parallel: '4'") << QString();
    QTest::newRow("int: below") << QByteArray("parallel: 0")
                                << "6:17: " + where.arg("parallel", whole, "\"0\"");
    QTest::newRow("int: above") << QByteArray("parallel: 9")
                                << "6:17: " + where.arg("parallel", whole, "\"9\"");
    QTest::newRow("int: fraction")
        << QByteArray("parallel: 1.5") << "6:17: " + where.arg("parallel", whole, "\"1.5\"");
    QTest::newRow("int: words") << QByteArray("parallel: four")
                                << "6:17: " + where.arg("parallel", whole, "\"four\"");
    QTest::newRow("int: list") << QByteArray("parallel: [1]")
                               << "6:17: " + where.arg("parallel", whole, "a list");
    QTest::newRow("int: nothing") << QByteArray("parallel:")
                                  << "6:7: " + where.arg("parallel", whole, "nothing");
    // Bool: what YAML calls a boolean.
    QTest::newRow("bool: true") << QByteArray("dry-run: true") << QString();
    QTest::newRow("bool: no") << QByteArray("dry-run: no") << QString();
    QTest::newRow("bool: On") << QByteArray("dry-run: On") << QString();
    QTest::newRow("bool: 1") << QByteArray("dry-run: 1")
                             << "6:16: " + where.arg("dry-run", "true or false", "\"1\"");
    QTest::newRow("bool: maybe") << QByteArray("dry-run: maybe")
                                 << "6:16: " + where.arg("dry-run", "true or false", "\"maybe\"");
    // Duration: the same parser as `timeout`.
    QTest::newRow("duration: 1h30m") << QByteArray("wait: 1h30m") << QString();
    QTest::newRow("duration: seconds") << QByteArray("wait: 90") << QString();
    QTest::newRow("duration: words")
        << QByteArray("wait: 5 minutes") << "6:13: " + where.arg("wait", duration, "\"5 minutes\"");
    QTest::newRow("duration: fraction")
        << QByteArray("wait: 1.5h") << "6:13: " + where.arg("wait", duration, "\"1.5h\"");
    // Choice.
    QTest::newRow("choice: ok") << QByteArray("mode: mirror") << QString();
    QTest::newRow("choice: case")
        << QByteArray("mode: Sync")
        << QStringLiteral("6:13: \"mode\" in \"with\" of stage \"p\" must be one of copy, sync, "
                          "mirror; found \"Sync\"; did you mean \"sync\"?");
    QTest::newRow("choice: far off")
        << QByteArray("mode: teleport")
        << QStringLiteral("6:13: \"mode\" in \"with\" of stage \"p\" must be one of copy, sync, "
                          "mirror; found \"teleport\"");
    QTest::newRow("unknown parameters")
        << QByteArray("path: x\n      target2: y") // two unknown ones, each reported
        << QStringLiteral(
               "6:7: unknown parameter \"path\" in \"with\" of stage \"p\"; known parameters of "
               "publish: target, files, dry-run, parallel, mode, wait, token-name\n"
               "7:7: unknown parameter \"target2\" in \"with\" of stage \"p\"; did you mean "
               "\"target\"? (known parameters of publish: target, files, dry-run, parallel, "
               "mode, wait, token-name)");
    // `$` values are expanded when the stage starts, and checked then.
    QTest::newRow("$ int") << QByteArray("parallel: $PARALLEL") << QString();
    QTest::newRow("${} choice") << QByteArray("mode: ${MODE}") << QString();
    QTest::newRow("$ in the middle") << QByteArray("wait: ${MINUTES}m") << QString();
    QTest::newRow("$ bool quoted") << QByteArray("dry-run: \"$DRY\"") << QString();
    QTest::newRow("$ list item") << QByteArray("files: [$DIST, b]") << QString();
    QTest::newRow("$ does not excuse a map")
        << QByteArray("parallel: { a: $X }") << "6:17: " + where.arg("parallel", whole, "a map");
}

void TestPipelineWith::kinds()
{
    QFETCH(QByteArray, param);
    QFETCH(QString, error);
    const LoadResult result =
        PipelineLoader::loadString(publishWith(param), fileName, QString(), Test::loadOptions());
    QStringList expected;
    if (!error.isEmpty()) {
        for (const QString &line : error.split(u'\n'))
            expected.append(fileName + u':' + line);
    }
    QCOMPARE(messages(result), expected.join(u'\n'));
}

void TestPipelineWith::booleansAreStoredAsTrueOrFalse_data()
{
    QTest::addColumn<QByteArray>("written");
    QTest::addColumn<QString>("stored");
    QTest::newRow("yes") << QByteArray("yes") << QStringLiteral("true");
    QTest::newRow("On") << QByteArray("On") << QStringLiteral("true");
    QTest::newRow("no") << QByteArray("no") << QStringLiteral("false");
    QTest::newRow("FALSE") << QByteArray("FALSE") << QStringLiteral("false");
    QTest::newRow("$DRY") << QByteArray("$DRY") << QStringLiteral("$DRY");
}

// A stage type reading QVariant("no").toBool() would get true: the loader stores the
// meaning, not the spelling.
void TestPipelineWith::booleansAreStoredAsTrueOrFalse()
{
    QFETCH(QByteArray, written);
    QFETCH(QString, stored);
    const LoadResult result = PipelineLoader::loadString(publishWith("dry-run: " + written),
                                                         fileName, QString(), Test::loadOptions());
    QCOMPARE(messages(result), QString());
    const QVariant value = result.pipeline.stages.first().with.value(QStringLiteral("dry-run"));
    QCOMPARE(value.typeId(), QMetaType::QString);
    QCOMPARE(value.toString(), stored);
}

// String: any scalar, empty included.
void TestPipelineWith::strings()
{
    const auto load = [](const QByteArray &url) {
        return messages(PipelineLoader::loadString(
            "name: t\nstages:\n  c:\n    uses: health-check\n    with: { url: " + url + " }\n",
            fileName, QString(), Test::loadOptions()));
    };
    QCOMPARE(load("http://localhost:8000/"), QString());
    QCOMPARE(load("''"), QString());
    QCOMPARE(load("8000"), QString());
    QCOMPARE(load("[a]"), QStringLiteral("deploydesk.yml:5:18: \"url\" in \"with\" of stage \"c\" "
                                         "must be a string; found a list"));
    QCOMPARE(load("{ a: b }"),
             QStringLiteral("deploydesk.yml:5:18: \"url\" in \"with\" of stage \"c\" must be a "
                            "string; found a map"));
}

void TestPipelineWith::notCheckedWithoutSchema()
{
    const QByteArray yaml = "name: t\nstages:\n  p:\n    uses: publish\n"
                            "    with: { anything: [1, 2], parallel: lots }\n";
    LoadOptions options;
    QCOMPARE(messages(PipelineLoader::loadString(yaml, fileName, QString(), options)), QString());

    options.knownStageTypes = {QStringLiteral("publish")};
    options.stageTypeParams = {{QStringLiteral("other"), Test::stageTypeParams().first()}};
    QCOMPARE(messages(PipelineLoader::loadString(yaml, fileName, QString(), options)), QString());

    // A type registered with no parameters takes any.
    options.stageTypeParams = {{QStringLiteral("publish"), ParamSchema{}}};
    QCOMPARE(messages(PipelineLoader::loadString(yaml, fileName, QString(), options)), QString());
}

void TestPipelineWith::unknownTypeIsReportedAlone()
{
    const QByteArray yaml = "name: t\nstages:\n  p:\n    uses: pubilsh\n    with: { x: 1 }\n";
    QCOMPARE(messages(PipelineLoader::loadString(yaml, fileName, QString(), Test::loadOptions())),
             QStringLiteral("deploydesk.yml:4:11: unknown stage type \"pubilsh\" in stage \"p\"; "
                            "did you mean \"publish\"? (known types: health-check, publish)"));
}

void TestPipelineWith::withBeforeUses()
{
    const QByteArray yaml = "name: t\nstages:\n  p:\n    with: { target: x, mode: copy }\n"
                            "    uses: publish\n";
    QCOMPARE(messages(PipelineLoader::loadString(yaml, fileName, QString(), Test::loadOptions())),
             QStringLiteral("deploydesk.yml:4:5: \"with\" of stage \"p\" is missing required "
                            "parameter \"token-name\" of publish"));
}

QTEST_GUILESS_MAIN(TestPipelineWith)
#include "tst_pipelinewith.moc"
