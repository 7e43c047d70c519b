// Loads the workflow files under data/: every bad file's diagnostics must match its
// .expected file exactly (1-based line:column and message), every good file must load
// cleanly, and the example workspace's CI workflow must come out as written.

#include "config/workflowloader.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace DeployDesk;

namespace {

QString dataDir()
{
    return QStringLiteral(DD_TEST_SOURCE_DIR "/data");
}

QStringList render(const QList<Diagnostic> &diagnostics)
{
    QStringList lines;
    for (const Diagnostic &d : diagnostics)
        lines.append(
            QStringLiteral("%1:%2: %3").arg(d.where.line).arg(d.where.column).arg(d.message));
    return lines;
}

QStringList expectedLines(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        return {QStringLiteral("cannot open %1").arg(path)};
    QStringList lines;
    for (const QString &line : QString::fromUtf8(file.readAll()).split(u'\n')) {
        if (!line.isEmpty() && !line.startsWith(u'#'))
            lines.append(line);
    }
    return lines;
}

QString messages(const WorkflowLoadResult &result)
{
    return render(result.diagnostics).join(u'\n');
}

} // namespace

class TestWorkflowLoader final : public QObject
{
    Q_OBJECT

private slots:
    void badFiles_data();
    void badFiles();
    void goodFiles_data();
    void goodFiles();
    void exampleWorkflowModel();
    void everythingModel();
    void expressionErrorsPointIntoBlockScalars();
    void hostileInputIsBounded();
    void notARegularFile();
    void workflowFilesOfAWorkspace();
    void localActions();
};

void TestWorkflowLoader::badFiles_data()
{
    QTest::addColumn<QString>("file");
    const QDir dir(dataDir() + QStringLiteral("/bad"));
    const QStringList files = dir.entryList({QStringLiteral("*.yml")}, QDir::Files, QDir::Name);
    QVERIFY(files.size() >= 7);
    for (const QString &f : files)
        QTest::newRow(qPrintable(f)) << dir.filePath(f);
}

void TestWorkflowLoader::badFiles()
{
    QFETCH(QString, file);
    const WorkflowLoadResult result = WorkflowLoader::loadFile(file, QString());
    QVERIFY(!result.ok());
    for (const Diagnostic &d : result.diagnostics)
        QCOMPARE(d.where.file, file);
    QString expectedPath = file;
    expectedPath.replace(QStringLiteral(".yml"), QStringLiteral(".expected"));
    QCOMPARE(render(result.diagnostics).join(u'\n'), expectedLines(expectedPath).join(u'\n'));
}

void TestWorkflowLoader::goodFiles_data()
{
    QTest::addColumn<QString>("file");
    const QDir dir(dataDir() + QStringLiteral("/good"));
    for (const QString &f : dir.entryList({QStringLiteral("*.yml")}, QDir::Files, QDir::Name))
        QTest::newRow(qPrintable(f)) << dir.filePath(f);
    QTest::newRow("example ci.yml")
        << QStringLiteral(DD_SOURCE_DIR "/examples/textbook/.github/workflows/ci.yml");
}

void TestWorkflowLoader::goodFiles()
{
    QFETCH(QString, file);
    const WorkflowLoadResult result = WorkflowLoader::loadFile(file, QString());
    QVERIFY2(result.ok(), qPrintable(messages(result)));
    QVERIFY(!result.workflow.jobs.isEmpty());
}

void TestWorkflowLoader::exampleWorkflowModel()
{
    const QString workspace = QStringLiteral(DD_SOURCE_DIR "/examples/textbook");
    const WorkflowLoadResult result = WorkflowLoader::loadFile(
        workspace + QStringLiteral("/.github/workflows/ci.yml"), workspace);
    QVERIFY2(result.ok(), qPrintable(messages(result)));
    const Workflow &w = result.workflow;
    QCOMPARE(w.displayPath, QStringLiteral(".github/workflows/ci.yml"));
    QCOMPARE(w.displayName(), QStringLiteral("CI"));
    QCOMPARE(w.on.events, (QStringList{QStringLiteral("push"), QStringLiteral("pull_request"),
                                       QStringLiteral("workflow_dispatch")}));
    QCOMPARE(w.on.dispatchInputs.size(), 1);
    QCOMPARE(w.on.dispatchInputs[0].type, QStringLiteral("choice"));
    QCOMPARE(
        w.on.dispatchInputs[0].options,
        (QStringList{QStringLiteral("all"), QStringLiteral("backend"), QStringLiteral("site")}));
    QCOMPARE(w.defaults.shell.text, QStringLiteral("bash"));
    QCOMPARE(w.concurrency.group.text, QStringLiteral("ci-${{ github.ref }}"));
    QStringList ids;
    for (const WorkflowJob &job : w.jobs)
        ids.append(job.id);
    QCOMPARE(ids, (QStringList{QStringLiteral("lint"), QStringLiteral("typecheck"),
                               QStringLiteral("test"), QStringLiteral("build-site")}));
    const WorkflowJob *build = w.job(QStringLiteral("build-site"));
    QVERIFY(build);
    QCOMPARE(build->needs.size(), 3);
    QCOMPARE(build->needs[2].first, QStringLiteral("test"));
    QCOMPARE(build->outputs.size(), 1);
    QCOMPARE(build->outputs[0].first, QStringLiteral("pages"));
    QCOMPARE(build->steps.size(), 3);
    QCOMPARE(build->steps[1].id, QStringLiteral("build"));
    QVERIFY(build->steps[1].run.text.startsWith(QStringLiteral("$PYTHON site/build.py")));
    const WorkflowJob *test = w.job(QStringLiteral("test"));
    QCOMPARE(test->matrix.axes.size(), 1);
    QCOMPARE(test->matrix.axes[0].first, QStringLiteral("suite"));
    QCOMPARE(test->matrix.axes[0].second.size(), 2);
    QCOMPARE(test->failFast.text, QStringLiteral("false"));
}

void TestWorkflowLoader::everythingModel()
{
    const WorkflowLoadResult result =
        WorkflowLoader::loadFile(dataDir() + QStringLiteral("/good/everything.yml"), QString());
    QVERIFY2(result.ok(), qPrintable(messages(result)));
    const Workflow &w = result.workflow;
    QCOMPARE(w.on.schedules,
             (QStringList{QStringLiteral("30 5 * * 1-5"), QStringLiteral("0 */6 * * *")}));
    QCOMPARE(w.on.dispatchInputs.size(), 4);
    QCOMPARE(w.on.dispatchInputs[1].type, QStringLiteral("boolean"));
    QCOMPARE(w.on.dispatchInputs[1].defaultValue, std::optional<QString>(QStringLiteral("true")));
    QCOMPARE(w.env.size(), 3);
    QCOMPARE(w.env[1].first, QStringLiteral("REF"));
    const WorkflowJob *test = w.job(QStringLiteral("test"));
    // Typed matrix values: numbers and booleans stay typed, quoted text stays text.
    QCOMPARE(test->matrix.axes[1].second.at(0), QJsonValue(QStringLiteral("3.10")));
    QCOMPARE(test->matrix.axes[2].second.at(0), QJsonValue(false));
    QCOMPARE(test->matrix.include.size(), 1);
    QCOMPARE(test->matrix.exclude.size(), 1);
    QCOMPARE(test->maxParallel.text, QStringLiteral("2"));
    QCOMPARE(test->steps[1].shell.text, QStringLiteral("python"));
    const WorkflowJob *build = w.job(QStringLiteral("build"));
    QCOMPARE(build->runsOnLabels,
             (QStringList{QStringLiteral("self-hosted"), QStringLiteral("linux")}));
    QCOMPARE(build->defaults.workingDirectory.text, QStringLiteral("site"));
    const WorkflowJob *deploy = w.job(QStringLiteral("deploy"));
    QCOMPARE(deploy->environmentName.text, QStringLiteral("${{ inputs.target }}"));
    QVERIFY(deploy->environmentUrl.isSet());
    QCOMPARE(deploy->concurrency.group.text, QStringLiteral("deploy-${{ inputs.target }}"));
    const WorkflowJob *container = w.job(QStringLiteral("in-container"));
    QCOMPARE(container->container.text, QStringLiteral("node:20"));
    QCOMPARE(container->services, QStringList{QStringLiteral("postgres")});
    QVERIFY(w.job(QStringLiteral("call"))->uses.isSet());
}

void TestWorkflowLoader::expressionErrorsPointIntoBlockScalars()
{
    const QByteArray yaml = "on: push\n"
                            "jobs:\n"
                            "  a:\n"
                            "    runs-on: ubuntu-latest\n"
                            "    steps:\n"
                            "      - run: |\n"
                            "          echo one\n"
                            "          echo ${{ github.sha ==  }}\n"
                            "      - run: 'echo ${{ nope.x }}'\n";
    const WorkflowLoadResult result = WorkflowLoader::loadString(yaml, QStringLiteral("w.yml"));
    QCOMPARE(result.diagnostics.size(), 2);
    // Line 8 is the second line of the block scalar; the problem is past "==".
    QCOMPARE(result.diagnostics[0].where.line, 8);
    QVERIFY2(result.diagnostics[0].where.column > 30, qPrintable(messages(result)));
    // Inside a quoted scalar: the column of "nope" (the quote counted).
    QCOMPARE(result.diagnostics[1].where.line, 9);
    QCOMPARE(result.diagnostics[1].where.column, 24);
    QVERIFY2(result.diagnostics[1].message.contains(QStringLiteral("\"nope\"")),
             qPrintable(messages(result)));
}

void TestWorkflowLoader::hostileInputIsBounded()
{
    // An alias bomb is refused by the shared YAML front end, where it grows too large.
    QByteArray yaml = "on: push\nx: &a \"" + QByteArray(3 * 1024 * 1024, 'x') + "\"\ny: [";
    for (int i = 0; i < 1000; ++i)
        yaml += "*a, ";
    yaml += "*a]\njobs: {}\n";
    WorkflowLoadResult result = WorkflowLoader::loadString(yaml, QStringLiteral("w.yml"));
    QCOMPARE(result.diagnostics.size(), 1);
    QVERIFY2(result.diagnostics[0].message.contains(QStringLiteral("aliases are expanded")),
             qPrintable(messages(result)));
    // An expression nested far too deep is an error, not a crash.
    const QByteArray deep = "on: push\njobs:\n  a:\n    runs-on: x\n    steps:\n      - run: "
                            "echo ${{ " +
                            QByteArray(100000, '(') + "1" + QByteArray(100000, ')') + " }}\n";
    result = WorkflowLoader::loadString(deep, QStringLiteral("w.yml"));
    QCOMPARE(result.diagnostics.size(), 1);
    QCOMPARE(result.diagnostics[0].where.line, 6);
    // A matrix whose include holds a million entries is bounded too.
    QByteArray wide = "on: push\njobs:\n  a:\n    runs-on: x\n    strategy:\n      matrix:\n"
                      "        include: [";
    for (int i = 0; i < 200000; ++i)
        wide += "{a: 1}, ";
    wide += "{a: 2}]\n    steps: [{run: x}]\n";
    result = WorkflowLoader::loadString(wide, QStringLiteral("w.yml"));
    QCOMPARE(result.diagnostics.size(), 1);
    QVERIFY2(result.diagnostics[0].message.contains(QStringLiteral("too large")),
             qPrintable(messages(result)));
}

void TestWorkflowLoader::notARegularFile()
{
    QTemporaryDir dir;
    const QString fifo = dir.filePath(QStringLiteral("ci.yml"));
    QCOMPARE(::mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
    const WorkflowLoadResult result = WorkflowLoader::loadFile(fifo, dir.path());
    QCOMPARE(result.diagnostics.size(), 1);
    QVERIFY2(result.diagnostics[0].message.contains(QStringLiteral("a workflow must be a regular "
                                                                   "file")),
             qPrintable(messages(result)));
    QCOMPARE(result.diagnostics[0].where.file, QStringLiteral("ci.yml"));
}

void TestWorkflowLoader::workflowFilesOfAWorkspace()
{
    QTemporaryDir dir;
    QVERIFY(QDir(dir.path()).mkpath(QStringLiteral(".github/workflows/sub")));
    for (const char *name : {"b.yaml", "a.yml", "notes.md", "sub/c.yml"}) {
        QFile f(dir.filePath(QStringLiteral(".github/workflows/") + QLatin1String(name)));
        QVERIFY(f.open(QIODevice::WriteOnly));
    }
    const QStringList files = WorkflowLoader::workflowFiles(dir.path());
    QCOMPARE(files, (QStringList{dir.filePath(QStringLiteral(".github/workflows/a.yml")),
                                 dir.filePath(QStringLiteral(".github/workflows/b.yaml"))}));
    QVERIFY(WorkflowLoader::workflowFiles(dir.filePath(QStringLiteral("none"))).isEmpty());
}

void TestWorkflowLoader::localActions()
{
    QTemporaryDir dir;
    QVERIFY(QDir(dir.path()).mkpath(QStringLiteral("composite")));
    QVERIFY(QDir(dir.path()).mkpath(QStringLiteral("node")));
    QVERIFY(QDir(dir.path()).mkpath(QStringLiteral("empty")));
    QFile composite(dir.filePath(QStringLiteral("composite/action.yml")));
    QVERIFY(composite.open(QIODevice::WriteOnly));
    composite.write(
        "name: c\nruns:\n  using: composite\n  steps:\n    - run: echo\n      shell: bash\n");
    composite.close();
    QFile node(dir.filePath(QStringLiteral("node/action.yaml")));
    QVERIFY(node.open(QIODevice::WriteOnly));
    node.write("name: n\nruns:\n  using: node20\n  main: index.js\n");
    node.close();
    QCOMPARE(WorkflowLoader::loadLocalAction(dir.filePath(QStringLiteral("node")), dir.path())
                 .action.runsUsing,
             QStringLiteral("node20"));
    // A composite action is read whole: inputs, outputs and steps, each run step naming its
    // shell (GitHub requires it there).
    QVERIFY(QDir(dir.path()).mkpath(QStringLiteral("noshell")));
    QFile noShell(dir.filePath(QStringLiteral("noshell/action.yml")));
    QVERIFY(noShell.open(QIODevice::WriteOnly));
    noShell.write("name: n\ninputs:\n  who: {required: true, default: world}\n"
                  "outputs:\n  said: {value: '${{ steps.say.outputs.text }}'}\n"
                  "runs:\n  using: composite\n  steps:\n    - id: say\n      run: echo hi\n");
    noShell.close();
    const LocalActionLoadResult action =
        WorkflowLoader::loadLocalAction(dir.filePath(QStringLiteral("noshell")), dir.path());
    QCOMPARE(action.diagnostics.size(), 1);
    QCOMPARE(action.diagnostics[0].toString(),
             QStringLiteral("noshell/action.yml:9:7: step 1 of a composite action runs a script "
                            "and must name its \"shell\", e.g. \"shell: bash\""));
    QCOMPARE(action.action.inputs.size(), 1);
    QVERIFY(action.action.inputs[0].required);
    QCOMPARE(action.action.inputs[0].defaultValue.text, QStringLiteral("world"));
    QCOMPARE(action.action.outputs.size(), 1);
    QCOMPARE(action.action.steps.size(), 1);
    const LocalActionLoadResult good =
        WorkflowLoader::loadLocalAction(dir.filePath(QStringLiteral("composite")), dir.path());
    QVERIFY2(good.ok(), qPrintable(good.diagnostics.value(0).toString()));
    QCOMPARE(good.action.runsUsing, QStringLiteral("composite"));
    QCOMPARE(good.action.steps.size(), 1);
    const LocalActionLoadResult missing =
        WorkflowLoader::loadLocalAction(dir.filePath(QStringLiteral("empty")), dir.path());
    QCOMPARE(missing.diagnostics.size(), 1);
    QVERIFY2(missing.diagnostics[0].toString().startsWith(
                 QStringLiteral("empty/action.yml:1:1: the local action \"empty\" has no "
                                "action.yml")),
             qPrintable(missing.diagnostics[0].toString()));
}

QTEST_GUILESS_MAIN(TestWorkflowLoader)
#include "tst_workflowloader.moc"
