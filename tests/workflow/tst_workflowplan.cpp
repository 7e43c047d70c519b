// What `workflow plan` says a workflow would do here: GitHub's matrix expansion (the
// documented examples), typed dispatch inputs, job conditions known before the run, and for
// each job and step whether it runs on this machine and why not.

#include "config/workflowloader.h"
#include "integrations/github/workflowplan.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace DeployDesk;

namespace {

Workflow load(const QByteArray &yaml, const QString &workspace = {})
{
    const WorkflowLoadResult result =
        WorkflowLoader::loadString(yaml, QStringLiteral("w.yml"), workspace);
    for (const Diagnostic &d : result.diagnostics)
        qWarning("%s", qPrintable(d.toString()));
    return result.workflow;
}

QByteArray matrixJob(const QByteArray &matrix)
{
    return "on: push\njobs:\n  j:\n    runs-on: ubuntu-latest\n    strategy:\n      matrix:\n" +
           matrix + "    steps: [{run: make}]\n";
}

QStringList names(const WorkflowPlan &plan)
{
    QStringList list;
    for (const PlannedJob &job : plan.jobs)
        list.append(job.name);
    return list;
}

QString compact(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

WorkflowPlanOptions options(const QString &event = QStringLiteral("push"))
{
    WorkflowPlanOptions o;
    o.event = event;
    o.ref = QStringLiteral("refs/heads/main");
    o.sha = QStringLiteral("0123456789abcdef0123456789abcdef01234567");
    o.repository = QStringLiteral("octo/docs");
    return o;
}

} // namespace

class TestWorkflowPlan final : public QObject
{
    Q_OBJECT

private slots:
    void matrixExpansion_data();
    void matrixExpansion();
    void matrixFromAnExpression();
    void matrixThatExcludesEverything();
    void dispatchInputs();
    void inputProblems();
    void eventTheWorkflowDoesNotTake();
    void jobConditions();
    void jobsComeAfterWhatTheyNeed();
    void whereJobsRun();
    void steps();
    void shells();
    void exampleWorkflow();
};

void TestWorkflowPlan::matrixExpansion_data()
{
    QTest::addColumn<QByteArray>("matrix");
    QTest::addColumn<QStringList>("legs");
    // GitHub's documentation, "Expanding or adding matrix configurations".
    QTest::newRow("include expands and adds")
        << QByteArray("        fruit: [apple, pear]\n"
                      "        animal: [cat, dog]\n"
                      "        include:\n"
                      "          - color: green\n"
                      "          - color: pink\n"
                      "            animal: cat\n"
                      "          - fruit: apple\n"
                      "            shape: circle\n"
                      "          - fruit: banana\n"
                      "          - fruit: banana\n"
                      "            animal: cat\n")
        << QStringList{QStringLiteral(
                           R"({"animal":"cat","color":"pink","fruit":"apple","shape":"circle"})"),
                       QStringLiteral(
                           R"({"animal":"dog","color":"green","fruit":"apple","shape":"circle"})"),
                       QStringLiteral(R"({"animal":"cat","color":"pink","fruit":"pear"})"),
                       QStringLiteral(R"({"animal":"dog","color":"green","fruit":"pear"})"),
                       QStringLiteral(R"({"fruit":"banana"})"),
                       QStringLiteral(R"({"animal":"cat","fruit":"banana"})")};
    // "Excluding matrix configurations": 12 combinations, one and then two excluded.
    QTest::newRow("exclude partial matches")
        << QByteArray("        os: [macos-latest, windows-latest]\n"
                      "        version: [12, 14, 16]\n"
                      "        environment: [staging, production]\n"
                      "        exclude:\n"
                      "          - os: macos-latest\n"
                      "            version: 12\n"
                      "            environment: production\n"
                      "          - os: windows-latest\n"
                      "            version: 16\n")
        << QStringList{
               QStringLiteral(R"({"environment":"staging","os":"macos-latest","version":12})"),
               QStringLiteral(R"({"environment":"staging","os":"macos-latest","version":14})"),
               QStringLiteral(R"({"environment":"production","os":"macos-latest","version":14})"),
               QStringLiteral(R"({"environment":"staging","os":"macos-latest","version":16})"),
               QStringLiteral(R"({"environment":"production","os":"macos-latest","version":16})"),
               QStringLiteral(R"({"environment":"staging","os":"windows-latest","version":12})"),
               QStringLiteral(R"({"environment":"production","os":"windows-latest","version":12})"),
               QStringLiteral(R"({"environment":"staging","os":"windows-latest","version":14})"),
               QStringLiteral(
                   R"({"environment":"production","os":"windows-latest","version":14})")};
    // "Example: Adding configurations": an include that names every axis value of one
    // combination adds to it only.
    QTest::newRow("include extends one combination")
        << QByteArray("        os: [windows-latest, ubuntu-latest]\n"
                      "        node: [14, 16]\n"
                      "        include:\n"
                      "          - os: windows-latest\n"
                      "            node: 16\n"
                      "            npm: 6\n")
        << QStringList{QStringLiteral(R"({"node":14,"os":"windows-latest"})"),
                       QStringLiteral(R"({"node":16,"npm":6,"os":"windows-latest"})"),
                       QStringLiteral(R"({"node":14,"os":"ubuntu-latest"})"),
                       QStringLiteral(R"({"node":16,"os":"ubuntu-latest"})")};
    // "Example: Adding new combinations": only include.
    QTest::newRow("only include")
        << QByteArray("        include:\n"
                      "          - site: production\n"
                      "            datacenter: site-a\n"
                      "          - site: staging\n"
                      "            datacenter: site-b\n")
        << QStringList{QStringLiteral(R"({"datacenter":"site-a","site":"production"})"),
                       QStringLiteral(R"({"datacenter":"site-b","site":"staging"})")};
    // An include that would overwrite an axis value does not: it becomes a job of its own.
    QTest::newRow("include never overwrites an axis value")
        << QByteArray("        node: [18]\n"
                      "        include:\n"
                      "          - node: 20\n"
                      "            experimental: true\n")
        << QStringList{QStringLiteral(R"({"node":18})"),
                       QStringLiteral(R"({"experimental":true,"node":20})")};
    // Objects as values, matched and excluded whole.
    QTest::newRow("object values")
        << QByteArray("        cfg: [{os: linux, cc: gcc}, {os: linux, cc: clang}]\n"
                      "        exclude:\n"
                      "          - cfg: {os: linux, cc: clang}\n")
        << QStringList{QStringLiteral(R"({"cfg":{"cc":"gcc","os":"linux"}})")};
}

void TestWorkflowPlan::matrixExpansion()
{
    QFETCH(QByteArray, matrix);
    QFETCH(QStringList, legs);
    const WorkflowPlan plan = planWorkflow(load(matrixJob(matrix)), options());
    QVERIFY2(plan.ok(), qPrintable(plan.problems.join(u'\n')));
    QStringList actual;
    for (const PlannedJob &job : plan.jobs)
        actual.append(compact(job.matrix));
    QCOMPARE(actual.join(u'\n'), legs.join(u'\n'));
}

void TestWorkflowPlan::matrixFromAnExpression()
{
    const Workflow w =
        load("on:\n  workflow_dispatch:\n    inputs:\n      versions:\n"
             "        default: '[\"18\", \"20\"]'\n"
             "jobs:\n  test:\n    name: node ${{ matrix.node }}\n"
             "    runs-on: ubuntu-latest\n    strategy:\n      matrix:\n"
             "        node: ${{ fromJSON(inputs.versions) }}\n"
             "        os: [linux]\n"
             "    steps: [{run: make}]\n"
             "  all:\n    runs-on: ubuntu-latest\n    strategy:\n"
             "      matrix: ${{ fromJSON('{\"a\":[1,2],\"include\":[{\"a\":3}]}') }}\n"
             "    steps: [{run: make}]\n");
    WorkflowPlan plan = planWorkflow(w, options(QStringLiteral("workflow_dispatch")));
    QVERIFY2(plan.ok(), qPrintable(plan.problems.join(u'\n')));
    // The name uses the matrix itself, so nothing is appended to it.
    QCOMPARE(names(plan), (QStringList{QStringLiteral("node 18"), QStringLiteral("node 20"),
                                       QStringLiteral("all (1)"), QStringLiteral("all (2)"),
                                       QStringLiteral("all (3)")}));
    // A value that is no JSON is a problem that names where it is.
    WorkflowPlanOptions bad = options(QStringLiteral("workflow_dispatch"));
    bad.inputs.insert(QStringLiteral("versions"), QStringLiteral("[18, oops"));
    plan = planWorkflow(w, bad);
    QCOMPARE(plan.problems.size(), 1);
    QVERIFY2(plan.problems[0].startsWith(QStringLiteral("w.yml:12:15: the matrix of job \"test\"")),
             qPrintable(plan.problems[0]));
}

void TestWorkflowPlan::matrixThatExcludesEverything()
{
    const WorkflowPlan plan = planWorkflow(
        load(matrixJob("        os: [linux]\n        exclude: [{os: linux}]\n")), options());
    QCOMPARE(plan.problems.size(), 1);
    QVERIFY2(plan.problems[0].contains(QStringLiteral("makes no jobs: every combination is "
                                                      "excluded")),
             qPrintable(plan.problems[0]));
}

void TestWorkflowPlan::dispatchInputs()
{
    const Workflow w = load("on:\n  workflow_dispatch:\n    inputs:\n"
                            "      target: {type: choice, options: [staging, production], "
                            "default: staging}\n"
                            "      dry-run: {type: boolean, default: true}\n"
                            "      retries: {type: number, default: 3}\n"
                            "      note: {}\n"
                            "jobs:\n  deploy:\n    runs-on: ubuntu-latest\n"
                            "    if: inputs.retries > 2 && !inputs.dry-run && "
                            "github.event.inputs.dry-run == 'false'\n"
                            "    environment: ${{ inputs.target }}\n"
                            "    steps: [{run: make}]\n");
    QStringList problems;
    QJsonObject inputs = workflowInputs(w, {}, problems);
    QVERIFY(problems.isEmpty());
    QCOMPARE(compact(inputs),
             QStringLiteral(R"({"dry-run":true,"note":"","retries":3,"target":"staging"})"));

    WorkflowPlanOptions o = options(QStringLiteral("workflow_dispatch"));
    WorkflowPlan plan = planWorkflow(w, o);
    QVERIFY2(plan.ok(), qPrintable(plan.problems.join(u'\n')));
    QCOMPARE(plan.jobs[0].decision, PlannedJob::Decision::Skipped);
    QCOMPARE(plan.jobs[0].environment, QStringLiteral("staging"));

    o.inputs = {{QStringLiteral("dry-run"), QStringLiteral("false")},
                {QStringLiteral("target"), QStringLiteral("production")}};
    plan = planWorkflow(w, o);
    QVERIFY2(plan.ok(), qPrintable(plan.problems.join(u'\n')));
    QCOMPARE(plan.jobs[0].decision, PlannedJob::Decision::Runs);
    QCOMPARE(plan.jobs[0].environment, QStringLiteral("production"));
    QVERIFY2(plan.jobs[0].conditionNote.endsWith(QStringLiteral(" is true")),
             qPrintable(plan.jobs[0].conditionNote));
}

void TestWorkflowPlan::inputProblems()
{
    const Workflow w = load("on:\n  workflow_dispatch:\n    inputs:\n"
                            "      target: {type: choice, options: [staging, production]}\n"
                            "      dry-run: {type: boolean}\n"
                            "      retries: {type: number}\n"
                            "      ticket: {required: true}\n"
                            "jobs:\n  a:\n    runs-on: x\n    steps: [{run: make}]\n");
    WorkflowPlanOptions o = options(QStringLiteral("workflow_dispatch"));
    o.inputs = {{QStringLiteral("target"), QStringLiteral("prod")},
                {QStringLiteral("dry-run"), QStringLiteral("yes")},
                {QStringLiteral("retries"), QStringLiteral("three")},
                {QStringLiteral("colour"), QStringLiteral("red")}};
    const WorkflowPlan plan = planWorkflow(w, o);
    QCOMPARE(
        plan.problems,
        (QStringList{QStringLiteral("--input colour: the workflow has no such input; its inputs: "
                                    "target, dry-run, retries, ticket"),
                     QStringLiteral("input \"target\" must be one of: staging, production; found "
                                    "\"prod\""),
                     QStringLiteral("input \"dry-run\" is a boolean: give true or false; found "
                                    "\"yes\""),
                     QStringLiteral("input \"retries\" is a number; found \"three\""),
                     QStringLiteral("input \"ticket\" is required; give it with --input "
                                    "ticket=VALUE")}));
    // Inputs belong to workflow_dispatch only.
    WorkflowPlanOptions push = options();
    push.inputs = {{QStringLiteral("target"), QStringLiteral("staging")}};
    const WorkflowPlan pushPlan = planWorkflow(w, push);
    QVERIFY(pushPlan.problems.contains(QStringLiteral(
        "--input is for --event workflow_dispatch; the \"push\" event has no inputs")));
}

void TestWorkflowPlan::eventTheWorkflowDoesNotTake()
{
    const Workflow w = load("on: [pull_request, workflow_dispatch]\n"
                            "jobs:\n  a:\n    runs-on: x\n    steps: [{run: make}]\n");
    const WorkflowPlan plan = planWorkflow(w, options());
    QVERIFY(!plan.triggered);
    QCOMPARE(plan.problems,
             QStringList{QStringLiteral("the workflow does not run on \"push\"; it runs on: "
                                        "pull_request, workflow_dispatch")});
}

void TestWorkflowPlan::jobConditions()
{
    const Workflow w = load("on: [push, pull_request]\njobs:\n"
                            "  main-only:\n    if: github.ref == 'refs/heads/MAIN'\n"
                            "    runs-on: x\n    steps: [{run: a}]\n"
                            "  tags-only:\n    if: ${{ startsWith(github.ref, 'refs/tags/') }}\n"
                            "    runs-on: x\n    steps: [{run: a}]\n"
                            "  after:\n    needs: main-only\n"
                            "    if: needs.main-only.outputs.go == 'yes'\n"
                            "    runs-on: x\n    steps: [{run: a}]\n"
                            "  cleanup:\n    needs: main-only\n    if: failure()\n"
                            "    runs-on: x\n    steps: [{run: a}]\n"
                            "  always:\n    if: always() && github.event_name == 'push'\n"
                            "    runs-on: x\n    steps: [{run: a}]\n");
    WorkflowPlan plan = planWorkflow(w, options());
    QVERIFY2(plan.ok(), qPrintable(plan.problems.join(u'\n')));
    QCOMPARE(plan.jobs.size(), 5);
    // String comparison is case-insensitive, as on GitHub.
    QCOMPARE(plan.jobs[0].decision, PlannedJob::Decision::Runs);
    QCOMPARE(plan.jobs[1].decision, PlannedJob::Decision::Skipped);
    QCOMPARE(plan.jobs[1].conditionNote,
             QStringLiteral("if: ${{ startsWith(github.ref, 'refs/tags/') }} is false"));
    QCOMPARE(plan.jobs[2].id, QStringLiteral("always"));
    QCOMPARE(plan.jobs[2].decision, PlannedJob::Decision::Runs);
    QCOMPARE(plan.jobs[3].decision, PlannedJob::Decision::AtRunTime);
    QCOMPARE(plan.jobs[4].decision, PlannedJob::Decision::AtRunTime);
    plan = planWorkflow(w, options(QStringLiteral("pull_request")));
    QCOMPARE(plan.jobs[2].decision, PlannedJob::Decision::Skipped);
}

void TestWorkflowPlan::jobsComeAfterWhatTheyNeed()
{
    const Workflow w =
        load("on: push\njobs:\n"
             "  deploy:\n    needs: [build, test]\n    runs-on: x\n    steps: [{run: a}]\n"
             "  test:\n    needs: build\n    runs-on: x\n    steps: [{run: a}]\n"
             "  build:\n    runs-on: x\n    steps: [{run: a}]\n"
             "  docs:\n    runs-on: x\n    steps: [{run: a}]\n");
    const WorkflowPlan plan = planWorkflow(w, options());
    QCOMPARE(names(plan), (QStringList{QStringLiteral("build"), QStringLiteral("docs"),
                                       QStringLiteral("test"), QStringLiteral("deploy")}));
    QCOMPARE(plan.jobs[3].needs, (QStringList{QStringLiteral("build"), QStringLiteral("test")}));
}

void TestWorkflowPlan::whereJobsRun()
{
    const WorkflowLoadResult loaded = WorkflowLoader::loadFile(
        QStringLiteral(DD_TEST_SOURCE_DIR "/data/good/everything.yml"), QString());
    QVERIFY(loaded.ok());
    const WorkflowPlan plan = planWorkflow(loaded.workflow, options());
    QVERIFY2(plan.ok(), qPrintable(plan.problems.join(u'\n')));
    QHash<QString, const PlannedJob *> byName;
    for (const PlannedJob &job : plan.jobs)
        byName.insert(job.name, &job);
    QCOMPARE(names(plan), (QStringList{QStringLiteral("Lint"), QStringLiteral("in-container"),
                                       QStringLiteral("call"),
                                       QStringLiteral("test (ubuntu-latest, 3.10, false)"),
                                       QStringLiteral("test (ubuntu-latest, 3.11, false)"),
                                       QStringLiteral("test (windows-latest, 3.11, false)"),
                                       QStringLiteral("test (ubuntu-latest, 3.12, true)"),
                                       QStringLiteral("build"), QStringLiteral("deploy")}));
    QVERIFY(byName.value(QStringLiteral("Lint"))->runsHere);
    // runs-on from the matrix, leg by leg.
    QVERIFY(byName.value(QStringLiteral("test (ubuntu-latest, 3.11, false)"))->runsHere);
    const PlannedJob *windows = byName.value(QStringLiteral("test (windows-latest, 3.11, false)"));
    QVERIFY(!windows->runsHere);
    QCOMPARE(windows->reason, QStringLiteral("needs a Windows runner (runs-on: windows-latest); "
                                             "this machine runs Linux"));
    QVERIFY(byName.value(QStringLiteral("build"))->runsHere); // [self-hosted, linux]
    const PlannedJob *container = byName.value(QStringLiteral("in-container"));
    QVERIFY(!container->runsHere);
    QVERIFY2(container->reason.startsWith(QStringLiteral("runs in the container \"node:20\"")),
             qPrintable(container->reason));
    const PlannedJob *call = byName.value(QStringLiteral("call"));
    QVERIFY(!call->runsHere);
    QCOMPARE(call->reason, QStringLiteral("calls the reusable workflow "
                                          "\"octo/workflows/.github/workflows/release.yml@v1\"; "
                                          "reusable workflows run on GitHub only"));
    // deploy: only on workflow_dispatch.
    QCOMPARE(byName.value(QStringLiteral("deploy"))->decision, PlannedJob::Decision::Skipped);
}

void TestWorkflowPlan::steps()
{
    QTemporaryDir dir;
    QVERIFY(QDir(dir.path()).mkpath(QStringLiteral(".github/actions/ship")));
    QVERIFY(QDir(dir.path()).mkpath(QStringLiteral(".github/actions/js")));
    QFile ship(dir.filePath(QStringLiteral(".github/actions/ship/action.yml")));
    QVERIFY(ship.open(QIODevice::WriteOnly));
    ship.write("name: ship\nruns:\n  using: composite\n  steps: [{run: echo, shell: bash}]\n");
    ship.close();
    QFile js(dir.filePath(QStringLiteral(".github/actions/js/action.yml")));
    QVERIFY(js.open(QIODevice::WriteOnly));
    js.write("name: js\nruns:\n  using: node20\n  main: index.js\n");
    js.close();
    const Workflow w = load("on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n"
                            "      - uses: actions/checkout@v4\n"
                            "      - uses: actions/setup-node@v4\n"
                            "        with: {node-version: 20}\n"
                            "      - uses: docker://alpine:3.20\n"
                            "      - uses: ./.github/actions/ship\n"
                            "      - uses: ./.github/actions/js\n"
                            "      - uses: ./.github/actions/missing\n"
                            "      - name: Build it\n        run: make\n"
                            "      - run: |\n          make test\n          make docs\n"
                            "        if: success()\n",
                            dir.path());
    WorkflowPlanOptions o = options();
    o.workspaceDir = dir.path();
    const WorkflowPlan plan = planWorkflow(w, o);
    QVERIFY2(plan.ok(), qPrintable(plan.problems.join(u'\n')));
    const QList<PlannedStep> &s = plan.jobs[0].steps;
    QCOMPARE(s.size(), 8);
    QCOMPARE(s[0].kind, PlannedStep::Kind::Workspace);
    QCOMPARE(s[0].name, QStringLiteral("Run actions/checkout@v4"));
    QCOMPARE(s[1].kind, PlannedStep::Kind::NotRun);
    QCOMPARE(s[1].reason, QStringLiteral("\"actions/setup-node@v4\" is an action from GitHub; only "
                                         "\"run\" steps, actions/checkout and local composite "
                                         "actions run here"));
    QCOMPARE(s[2].kind, PlannedStep::Kind::NotRun);
    QVERIFY2(s[2].reason.contains(QStringLiteral("Docker container action")),
             qPrintable(s[2].reason));
    QCOMPARE(s[3].kind, PlannedStep::Kind::Composite);
    QCOMPARE(s[4].kind, PlannedStep::Kind::NotRun);
    QCOMPARE(s[4].reason, QStringLiteral("\"./.github/actions/js\" is a node20 action; only "
                                         "composite actions run here"));
    QCOMPARE(s[5].kind, PlannedStep::Kind::NotRun);
    QVERIFY2(s[5].reason.contains(QStringLiteral("has no action.yml")), qPrintable(s[5].reason));
    QCOMPARE(s[6].name, QStringLiteral("Build it"));
    QCOMPARE(s[6].kind, PlannedStep::Kind::Script);
    QCOMPARE(s[7].name, QStringLiteral("Run make test"));
    QCOMPARE(s[7].condition, QStringLiteral("success()"));
}

void TestWorkflowPlan::shells()
{
    QTemporaryDir bin;
    // A PATH with sh and bash only: python and pwsh are missing.
    for (const char *name : {"sh", "bash"}) {
        QVERIFY(QFile::link(QStandardPaths::findExecutable(QLatin1String(name)),
                            bin.filePath(QLatin1String(name))));
    }
    QProcessEnvironment env;
    env.insert(QStringLiteral("PATH"), bin.path());
    QString why;
    QCOMPARE(shellCommand(QString(), env, &why), QStringLiteral("bash -e {0}"));
    QCOMPARE(shellCommand(QStringLiteral("bash"), env, &why),
             QStringLiteral("bash --noprofile --norc -eo pipefail {0}"));
    QCOMPARE(shellCommand(QStringLiteral("sh"), env, &why), QStringLiteral("sh -e {0}"));
    QVERIFY(shellCommand(QStringLiteral("python"), env, &why).isEmpty());
    QCOMPARE(why, QStringLiteral("the shell \"python\" needs \"python\" on PATH, and it is not "
                                 "there"));
    QVERIFY(shellCommand(QStringLiteral("cmd"), env, &why).isEmpty());
    QCOMPARE(why, QStringLiteral("the shell \"cmd\" exists on Windows runners only"));
    QVERIFY(shellCommand(QStringLiteral("perl -w"), env, &why).isEmpty());
    QCOMPARE(why, QStringLiteral("the custom shell \"perl -w\" must name the script file as {0}, "
                                 "e.g. \"perl {0}\""));
    QCOMPARE(shellCommand(QStringLiteral("bash -x {0}"), env, &why), QStringLiteral("bash -x {0}"));
    // Without bash, the default is sh.
    QVERIFY(QFile::remove(bin.filePath(QStringLiteral("bash"))));
    QCOMPARE(shellCommand(QString(), env, &why), QStringLiteral("sh -e {0}"));

    // In a plan: defaults.run.shell of the job wins over the workflow's; the step's over both.
    const Workflow w = load("on: push\ndefaults: {run: {shell: python}}\njobs:\n"
                            "  a:\n    runs-on: x\n    steps: [{run: print(1)}]\n"
                            "  b:\n    runs-on: x\n    defaults: {run: {shell: sh}}\n"
                            "    steps: [{run: echo}, {run: echo, shell: cmd}]\n");
    WorkflowPlanOptions o = options();
    o.environment = env;
    const WorkflowPlan plan = planWorkflow(w, o);
    QCOMPARE(plan.jobs[0].steps[0].kind, PlannedStep::Kind::NotRun);
    QCOMPARE(plan.jobs[1].steps[0].shell, QStringLiteral("sh -e {0}"));
    QCOMPARE(plan.jobs[1].steps[1].kind, PlannedStep::Kind::NotRun);
}

void TestWorkflowPlan::exampleWorkflow()
{
    const QString workspace = QStringLiteral(DD_SOURCE_DIR "/examples/textbook");
    const WorkflowLoadResult loaded = WorkflowLoader::loadFile(
        workspace + QStringLiteral("/.github/workflows/ci.yml"), workspace);
    QVERIFY(loaded.ok());
    WorkflowPlanOptions o = options();
    o.workspaceDir = workspace;
    const WorkflowPlan plan = planWorkflow(loaded.workflow, o);
    QVERIFY2(plan.ok(), qPrintable(plan.problems.join(u'\n')));
    QCOMPARE(names(plan),
             (QStringList{QStringLiteral("lint"), QStringLiteral("typecheck"),
                          QStringLiteral("test (backend)"), QStringLiteral("test (site)"),
                          QStringLiteral("build-site")}));
    // Everything in the example runs here: checkout is the workspace, the rest is bash.
    for (const PlannedJob &job : plan.jobs) {
        QVERIFY2(job.runsHere, qPrintable(job.reason));
        for (const PlannedStep &step : job.steps) {
            QVERIFY2(step.kind == PlannedStep::Kind::Script ||
                         step.kind == PlannedStep::Kind::Workspace,
                     qPrintable(step.name + u' ' + step.reason));
            if (step.kind == PlannedStep::Kind::Script)
                QCOMPARE(step.shell, QStringLiteral("bash --noprofile --norc -eo pipefail {0}"));
        }
    }
    // The matrix fills the step's name; on push the suite filter lets both suites run.
    QCOMPARE(plan.jobs[2].steps[1].name, QStringLiteral("pytest backend/tests"));
    QCOMPARE(plan.jobs[2].steps[1].conditionValue, std::optional<bool>(true));
    // Dispatched for one suite: the other leg's step is skipped, and the plan knows it.
    WorkflowPlanOptions dispatch = o;
    dispatch.event = QStringLiteral("workflow_dispatch");
    dispatch.inputs.insert(QStringLiteral("suite"), QStringLiteral("site"));
    const WorkflowPlan one = planWorkflow(loaded.workflow, dispatch);
    QVERIFY2(one.ok(), qPrintable(one.problems.join(u'\n')));
    QCOMPARE(one.jobs[2].name, QStringLiteral("test (backend)"));
    QCOMPARE(one.jobs[2].steps[1].conditionValue, std::optional<bool>(false));
    QCOMPARE(one.jobs[3].steps[1].conditionValue, std::optional<bool>(true));
    // A step reading another step's outputs is decided at run time.
    QCOMPARE(one.jobs[4].steps[2].name,
             QStringLiteral("Run echo \"built ${{ steps.build.outputs.pages }} pages\""));
}

QTEST_GUILESS_MAIN(TestWorkflowPlan)
#include "tst_workflowplan.moc"
