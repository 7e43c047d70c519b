// Loads the files under data/: every bad file's diagnostics must match its .expected
// file exactly (1-based line:column and message), every good file must load cleanly,
// and the textbook pipeline must come out as written.

#include "config/pipelineloader.h"
#include "testschemas.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace DeployDesk;
using namespace std::chrono_literals;

namespace {

QString dataDir()
{
    return QStringLiteral(DD_TEST_SOURCE_DIR "/data");
}

LoadOptions defaultOptions()
{
    return Test::loadOptions();
}

// `line:column: message`; a diagnostic in another file than `file` (an env-file) starts
// with that file's path relative to the folder holding `file`.
QStringList render(const QList<Diagnostic> &diagnostics, const QString &file = QString())
{
    QStringList lines;
    for (const Diagnostic &d : diagnostics) {
        const QString where =
            d.where.file == file || file.isEmpty()
                ? QString()
                : QFileInfo(file).absoluteDir().relativeFilePath(d.where.file) + u':';
        lines.append(QStringLiteral("%1%2:%3: %4")
                         .arg(where)
                         .arg(d.where.line)
                         .arg(d.where.column)
                         .arg(d.message));
    }
    return lines;
}

// `${WORKSPACE}` stands for the folder holding the file, wherever the tree is checked out.
QStringList expectedLines(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        return {QStringLiteral("cannot open %1").arg(path)};
    QStringList lines;
    for (const QString &line : QString::fromUtf8(file.readAll()).split(u'\n')) {
        if (!line.isEmpty() && !line.startsWith(u'#'))
            lines.append(QString(line).replace(QStringLiteral("${WORKSPACE}"),
                                               QFileInfo(path).absolutePath()));
    }
    return lines;
}

} // namespace

class TestPipelineLoader final : public QObject
{
    Q_OBJECT

private slots:
    void badFiles_data();
    void badFiles();
    void goodFiles_data();
    void goodFiles();
    void textbookModel();
    void everyProblemIsReportedAtOnce();
    void syntaxErrorStopsAtOnePosition();
    void missingFile();
    void directoryInsteadOfFile();
    void loadStringUsesDisplayPath();
    void referenceExamplesAreValid_data();
    void referenceExamplesAreValid();
};

void TestPipelineLoader::badFiles_data()
{
    QTest::addColumn<QString>("file");
    const QDir dir(dataDir() + QStringLiteral("/bad"));
    const QStringList files = dir.entryList({QStringLiteral("*.yml")}, QDir::Files, QDir::Name);
    QVERIFY(files.size() >= 10);
    for (const QString &f : files)
        QTest::newRow(qPrintable(f)) << dir.filePath(f);
}

void TestPipelineLoader::badFiles()
{
    QFETCH(QString, file);
    const LoadResult result = PipelineLoader::loadFile(file, defaultOptions());
    QVERIFY(!result.ok());
    // Env-files are named by their path next to the pipeline file.
    const QString folder = QFileInfo(file).absolutePath() + u'/';
    for (const Diagnostic &d : result.diagnostics)
        QVERIFY2(d.where.file == file || d.where.file.startsWith(folder), qPrintable(d.where.file));
    QString expectedPath = file;
    expectedPath.replace(QStringLiteral(".yml"), QStringLiteral(".expected"));
    // Joined so that a failure shows every line at once.
    QCOMPARE(render(result.diagnostics, file).join(u'\n'), expectedLines(expectedPath).join(u'\n'));
}

void TestPipelineLoader::goodFiles_data()
{
    QTest::addColumn<QString>("file");
    const QDir dir(dataDir() + QStringLiteral("/good"));
    const QStringList files = dir.entryList({QStringLiteral("*.yml")}, QDir::Files, QDir::Name);
    QVERIFY(files.size() >= 3);
    for (const QString &f : files)
        QTest::newRow(qPrintable(f)) << dir.filePath(f);
}

void TestPipelineLoader::goodFiles()
{
    QFETCH(QString, file);
    const LoadResult result = PipelineLoader::loadFile(file, defaultOptions());
    QCOMPARE(render(result.diagnostics).join(u'\n'), QString());
    QVERIFY(!result.pipeline.name.isEmpty());
    QVERIFY(!result.pipeline.stages.isEmpty());
    QCOMPARE(result.pipeline.filePath, QFileInfo(file).absoluteFilePath());
    QCOMPARE(result.pipeline.workspaceDir, QFileInfo(file).absolutePath());
}

void TestPipelineLoader::textbookModel()
{
    const QString file = dataDir() + QStringLiteral("/good/textbook.yml");
    const LoadResult result = PipelineLoader::loadFile(file, defaultOptions());
    QVERIFY(result.ok());
    const Pipeline &p = result.pipeline;
    QCOMPARE(p.name, QStringLiteral("textbook"));
    QCOMPARE(p.maxParallel, 4);
    QCOMPARE(p.env.value(QStringLiteral("PYTHON")), QStringLiteral("/usr/bin/python3"));
    QCOMPARE(p.env.value(QStringLiteral("DEBUG")), QStringLiteral("false"));
    QCOMPARE(p.env.value(QStringLiteral("WORKERS")), QStringLiteral("3"));

    QCOMPARE(p.environments.size(), 3);
    QCOMPARE(p.environments[0].name, QStringLiteral("preview"));
    QCOMPARE(p.environments[1].name, QStringLiteral("staging"));
    QCOMPARE(p.environments[1].url, QStringLiteral("https://staging.example.org"));
    QCOMPARE(p.environments[1].isProtected, false);
    const Environment &prod = p.environments[2];
    QCOMPARE(prod.name, QStringLiteral("production"));
    QCOMPARE(prod.isProtected, true);
    QCOMPARE(prod.url, QStringLiteral("https://example.org"));
    QCOMPARE(prod.variables.value(QStringLiteral("SITE_URL")),
             QStringLiteral("https://example.org"));
    QCOMPARE(prod.location.line, 11);
    QCOMPARE(prod.location.column, 3);

    QStringList order;
    for (const Stage &s : p.stages)
        order.append(s.name);
    QCOMPARE(order, QStringList({"lint", "test", "build-site", "deploy-site", "check", "notify"}));

    const Stage &lint = p.stages[0];
    QCOMPARE(lint.run, QStringLiteral("flake8 backend"));
    QCOMPARE(lint.location, (SourceLocation{file, 16, 3}));
    QCOMPARE(lint.timeout, 0ms);
    QCOMPARE(lint.retries, 0);
    QCOMPARE(lint.retryBackoff, 1000ms);
    QCOMPARE(lint.condition.op, StageCondition::Op::Always);

    const Stage &test = p.stages[1];
    QCOMPARE(test.needs, QStringList({"lint"}));
    QCOMPARE(test.timeout, 5400000ms);
    QCOMPARE(test.retries, 2);
    QCOMPARE(test.retryBackoff, 5000ms);

    const Stage &build = p.stages[2];
    QCOMPARE(build.needs, QStringList({"lint", "test"}));
    QCOMPARE(build.workdir, QStringLiteral("site"));
    QCOMPARE(build.env.value(QStringLiteral("NODE_ENV")), QStringLiteral("production"));
    QCOMPARE(build.timeout, 600000ms);
    QCOMPARE(build.retries, 2);
    QCOMPARE(build.retryBackoff, 1000ms);
    QCOMPARE(build.continueOnError, true);
    QCOMPARE(build.artifacts, QStringList({"build/"}));

    const Stage &deploy = p.stages[3];
    QCOMPARE(deploy.condition.op, StageCondition::Op::In);
    QCOMPARE(deploy.condition.values, QStringList({"staging", "production"}));
    QCOMPARE(deploy.condition.text, QStringLiteral("environment in [staging, \"production\"]"));
    QVERIFY(deploy.condition.matches(QStringLiteral("production")));
    QVERIFY(!deploy.condition.matches(QStringLiteral("preview")));
    QVERIFY(!deploy.condition.matches(QString()));
    QCOMPARE(deploy.secrets, QStringList({"VERCEL_TOKEN"}));
    QCOMPARE(deploy.timeout, 500ms);

    const Stage &check = p.stages[4];
    QCOMPARE(check.uses, QStringLiteral("health-check"));
    QVERIFY(check.run.isEmpty());
    QCOMPARE(check.with.value(QStringLiteral("url")).toString(),
             QStringLiteral("http://localhost:8000/health"));
    QCOMPARE(check.with.value(QStringLiteral("expect-status")).toInt(), 200);
    QCOMPARE(check.condition.op, StageCondition::Op::Equals);
    QVERIFY(check.condition.matches(QStringLiteral("production")));
    QVERIFY(!check.condition.matches(QStringLiteral("staging")));

    const Stage &notify = p.stages[5];
    QCOMPARE(notify.condition.op, StageCondition::Op::NotEquals);
    QVERIFY(notify.condition.matches(QString()));
    QVERIFY(!notify.condition.matches(QStringLiteral("preview")));
    QCOMPARE(notify.timeout, 90000ms);
}

void TestPipelineLoader::everyProblemIsReportedAtOnce()
{
    const QByteArray yaml = "name: many\n"
                            "stages:\n"
                            "  build:\n"
                            "    run: make\n"
                            "    timeout: soon\n"
                            "    retries: many\n"
                            "  deploy:\n"
                            "    needs: [biuld]\n"
                            "    run: ./deploy.sh\n"
                            "    if: environment == prod\n"
                            "    secrets: [TOKEN]\n";
    LoadOptions options;
    options.secretIsSet = [](const QString &) { return false; };
    const LoadResult result =
        PipelineLoader::loadString(yaml, QStringLiteral("deploydesk.yml"), QString(), options);
    const QStringList expected{
        "deploydesk.yml:5:14: \"timeout\" of stage \"build\" must be a duration such as 90s, 10m "
        "or 1h; found \"soon\"",
        "deploydesk.yml:6:14: \"retries\" of stage \"build\" must be a whole number from 0 to 10, "
        "or a map such as { count: 2, backoff: 5s }; found \"many\"",
        "deploydesk.yml:8:13: stage \"deploy\" needs \"biuld\", which is not defined; did you "
        "mean \"build\"?",
        "deploydesk.yml:10:9: \"if\" of stage \"deploy\" names environment \"prod\", which is not "
        "defined; this file defines no environments (add them under \"environments\")",
        // No secret problem: without an environment "deploy" would not start, so its
        // TOKEN is not needed (tst_pipelinevalues checks the secrets of each environment).
    };
    QStringList actual;
    for (const Diagnostic &d : result.diagnostics)
        actual.append(d.toString());
    QCOMPARE(actual.join(u'\n'), expected.join(u'\n'));
    // What could be read is still there, for editors and `show`.
    QCOMPARE(result.pipeline.stages.size(), 2);
    QCOMPARE(result.pipeline.stages[1].needs, QStringList({"biuld"}));
}

void TestPipelineLoader::syntaxErrorStopsAtOnePosition()
{
    const QByteArray yaml = "name: x\n"
                            "stages:\n"
                            "  a:\n"
                            "    run: make\n"
                            "   bad: indentation\n";
    const LoadResult result =
        PipelineLoader::loadString(yaml, QStringLiteral("deploydesk.yml"), QString());
    QCOMPARE(result.diagnostics.size(), 1);
    const Diagnostic &d = result.diagnostics.first();
    QVERIFY2(d.message.startsWith(QStringLiteral("YAML syntax error: ")), qPrintable(d.message));
    QCOMPARE(d.where.file, QStringLiteral("deploydesk.yml"));
    QCOMPARE(d.where.line, 5);
    QCOMPARE(d.where.column, 4);
}

void TestPipelineLoader::missingFile()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("deploydesk.yml"));
    const LoadResult result = PipelineLoader::loadFile(path);
    QCOMPARE(result.diagnostics.size(), 1);
    QCOMPARE(result.diagnostics.first().where, (SourceLocation{path, 1, 1}));
    QCOMPARE(result.diagnostics.first().message,
             QStringLiteral("cannot read \"%1\": No such file or directory; check that the file "
                            "exists and is readable")
                 .arg(path));
}

void TestPipelineLoader::directoryInsteadOfFile()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const LoadResult result = PipelineLoader::loadFile(dir.path());
    QCOMPARE(result.diagnostics.size(), 1);
    QCOMPARE(result.diagnostics.first().where, (SourceLocation{dir.path(), 1, 1}));
    QVERIFY(result.diagnostics.first().message.contains(QStringLiteral("is a directory")));
}

void TestPipelineLoader::loadStringUsesDisplayPath()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const LoadResult result = PipelineLoader::loadString(
        "name: x\nstages: []\n", QStringLiteral("ci/deploydesk.yml"), dir.path());
    QCOMPARE(result.diagnostics.size(), 1);
    QCOMPARE(result.diagnostics.first().toString(),
             QStringLiteral("ci/deploydesk.yml:2:9: \"stages\" must be a map of stage name: "
                            "settings; found a list"));
    QCOMPARE(result.pipeline.workspaceDir, QDir(dir.path()).absolutePath());
    QCOMPARE(result.pipeline.filePath, QDir(dir.path()).absoluteFilePath("ci/deploydesk.yml"));
}

void TestPipelineLoader::referenceExamplesAreValid_data()
{
    QTest::addColumn<QString>("heading");
    QTest::addColumn<QString>("environment");
    QTest::newRow("small") << QStringLiteral("## A small example") << QString();
    QTest::newRow("textbook") << QStringLiteral("## The textbook example")
                              << QStringLiteral("production");
}

// The full examples in docs/pipeline-reference.md must load cleanly, so the reference
// cannot drift from the loader.
void TestPipelineLoader::referenceExamplesAreValid()
{
    QFETCH(QString, heading);
    QFETCH(QString, environment);
    QFile doc(QStringLiteral(DD_SOURCE_DIR "/docs/pipeline-reference.md"));
    QVERIFY(doc.open(QIODevice::ReadOnly | QIODevice::Text));
    const QString text = QString::fromUtf8(doc.readAll());
    const qsizetype section = text.indexOf(heading);
    QVERIFY2(section >= 0, qPrintable(heading));
    const QString fence = QStringLiteral("```yaml\n");
    const qsizetype start = text.indexOf(fence, section);
    QVERIFY(start >= 0);
    const qsizetype end = text.indexOf(QStringLiteral("\n```"), start + fence.size());
    QVERIFY(end >= 0);
    const QByteArray yaml = text.mid(start + fence.size(), end - start - fence.size()).toUtf8();

    QTemporaryDir workspace;
    QVERIFY(workspace.isValid());
    QVERIFY(QDir(workspace.path()).mkpath(QStringLiteral("site")));
    LoadOptions options = defaultOptions();
    options.environment = environment;
    options.secretIsSet = [](const QString &) { return true; };
    const LoadResult result = PipelineLoader::loadString(yaml, QStringLiteral("deploydesk.yml"),
                                                         workspace.path(), options);
    QCOMPARE(render(result.diagnostics).join(u'\n'), QString());
    QVERIFY(!result.pipeline.stages.isEmpty());
}

QTEST_GUILESS_MAIN(TestPipelineLoader)
#include "tst_pipelineloader.moc"
