// deploydeskctl workflow list | plan | run, as a user would: the example workspace's CI
// workflow plans as runnable here and runs; a broken workflow is listed with every problem
// and a non-zero exit; bad requests (inputs, events, files) say what is wrong; a real run
// carries GITHUB_ENV, GITHUB_OUTPUT, GITHUB_PATH and job outputs between steps and jobs,
// understands workflow commands, masks what must not be seen, and leaves no process behind.

#include "clihelper.h"

#include <QDirIterator>
#include <QStandardPaths>

#include <csignal>

using namespace Qt::StringLiterals;

namespace {

const QString example = QStringLiteral(DD_SOURCE_DIR "/examples/textbook");

void write(const QString &path, const QByteArray &text)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(text);
}

} // namespace

class TestWorkflowCli final : public QObject
{
    Q_OBJECT

private slots:
    void listTheExample();
    void planTheExample();
    void planAsJson();
    void listReportsEveryBrokenFile();
    void badRequests();
    void runTheExample();
    void runCarriesFilesOutputsAndCommands();
    void failedStepsAndConditions();
    void plainCommandsMeanWhatTheShellMeans();
    void enterpriseServerReachesTheSteps();
    void strictRefusesWhatCannotRun();
    void successIsFalseAfterASkippedNeed();
    void protectedEnvironmentAsksFirst();
    void concurrencyGroupQueuesAndCancels();
    void jobConcurrencyQueuesAndCancels();
    void jobAndWorkflowInOneGroupIsADeadlock();
    void killMinus9LeavesNoProcessBehind();
};

void TestWorkflowCli::listTheExample()
{
    Cli cli;
    const CliResult r = cli.run({u"workflow"_s, u"list"_s}, example);
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.contains(u".github/workflows/ci.yml  CI\n    on: push, pull_request, "
                            u"workflow_dispatch; 4 jobs"_s),
             qPrintable(r.out + r.err));
}

void TestWorkflowCli::planTheExample()
{
    Cli cli;
    const CliResult r = cli.run({u"workflow"_s, u"plan"_s, u"ci.yml"_s}, example);
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.startsWith(u"Workflow \"CI\" (.github/workflows/ci.yml) on push: 5 jobs"_s),
             qPrintable(r.out));
    QVERIFY2(r.out.contains(u"test (backend)  runs here\n"_s), qPrintable(r.out));
    QVERIFY2(
        r.out.contains(u"    2. pytest site/tests  bash --noprofile --norc -eo pipefail {0}"_s),
        qPrintable(r.out));
    QVERIFY2(r.out.contains(u"5 jobs of 5 would run here; nothing was run"_s), qPrintable(r.out));
}

void TestWorkflowCli::planAsJson()
{
    Cli cli;
    const CliResult r =
        cli.run({u"workflow"_s, u"plan"_s, u".github/workflows/ci.yml"_s, u"--event"_s,
                 u"workflow_dispatch"_s, u"--input"_s, u"suite=backend"_s, u"--json"_s},
                example);
    QCOMPARE(r.exitCode, 0);
    const QJsonObject plan = QJsonDocument::fromJson(r.out.toUtf8()).object();
    QCOMPARE(plan.value(u"event"_s).toString(), u"workflow_dispatch"_s);
    const QJsonArray jobs = plan.value(u"jobs"_s).toArray();
    QCOMPARE(jobs.size(), 5);
    const QJsonObject site = jobs.at(3).toObject();
    QCOMPARE(site.value(u"name"_s).toString(), u"test (site)"_s);
    QCOMPARE(site.value(u"matrix"_s).toObject().value(u"suite"_s).toString(), u"site"_s);
    const QJsonObject step = site.value(u"steps"_s).toArray().at(1).toObject();
    QCOMPARE(step.value(u"ifValue"_s), QJsonValue(false));
    QCOMPARE(jobs.at(4).toObject().value(u"needs"_s).toArray().size(), 3);
}

void TestWorkflowCli::listReportsEveryBrokenFile()
{
    QTemporaryDir workspace;
    write(workspace.filePath(u".github/workflows/good.yml"_s),
          "on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps: [{run: make}]\n");
    write(workspace.filePath(u".github/workflows/bad.yaml"_s),
          "on: pushh\njobs:\n  a:\n    runs-on: ubuntu-latest\n    needs: b\n"
          "    steps: [{run: 'echo ${{ matrx.os }}'}]\n");
    Cli cli;
    CliResult r = cli.run({u"workflow"_s, u"list"_s}, workspace.path());
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.out.contains(u".github/workflows/good.yml\n    on: "
                            u"push; 1 job"_s),
             qPrintable(r.out));
    QVERIFY2(r.out.contains(u".github/workflows/bad.yaml\n    3 "
                            u"problems:"_s),
             qPrintable(r.out));
    QVERIFY2(r.err.contains(u".github/workflows/bad.yaml:1:5: unknown event \"pushh\" in \"on\"; "
                            u"did you mean \"push\"?"_s),
             qPrintable(r.err));
    QVERIFY2(r.err.contains(u".github/workflows/bad.yaml:5:12: job \"a\" needs \"b\", which is "
                            u"not a job of this workflow"_s),
             qPrintable(r.err));
    QVERIFY2(r.err.contains(u".github/workflows/bad.yaml:6:29: \"run\" of step 1 of job \"a\": "
                            u"unknown context \"matrx\""_s),
             qPrintable(r.err));
    // plan refuses the broken file with the same problems.
    r = cli.run({u"workflow"_s, u"plan"_s, u"bad.yaml"_s}, workspace.path());
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.endsWith(u"3 problems; nothing was planned\n"_s), qPrintable(r.err));
    QCOMPARE(r.out, QString());
}

void TestWorkflowCli::badRequests()
{
    Cli cli;
    CliResult r =
        cli.run({u"workflow"_s, u"plan"_s, u"ci.yml"_s, u"--event"_s, u"schedule"_s}, example);
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(u"the workflow does not run on \"schedule\"; it runs on: push, "
                            u"pull_request, workflow_dispatch"_s),
             qPrintable(r.err));
    r = cli.run({u"workflow"_s, u"plan"_s, u"ci.yml"_s, u"--event"_s, u"workflow_dispatch"_s,
                 u"--input"_s, u"suite=web"_s},
                example);
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(u"input \"suite\" must be one of: all, backend, site; found \"web\""_s),
             qPrintable(r.err));
    r = cli.run({u"workflow"_s, u"plan"_s, u"ci.yml"_s, u"--input"_s, u"suite"_s}, example);
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(u"--input needs name=value; found \"suite\""_s), qPrintable(r.err));
    r = cli.run({u"workflow"_s, u"plan"_s, u"missing.yml"_s}, example);
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(u"missing.yml:1:1: cannot read \"missing.yml\": No such file or "
                            u"directory"_s),
             qPrintable(r.err));
    r = cli.run({u"workflow"_s, u"frobnicate"_s}, example);
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.startsWith(u"usage: deploydeskctl workflow list"_s), qPrintable(r.err));
    QTemporaryDir empty;
    r = cli.run({u"workflow"_s, u"list"_s}, empty.path());
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(u"no workflows: "_s), qPrintable(r.err));
}

namespace {

const QByteArray localWorkflow = R"(name: Local
on: [push, workflow_dispatch]
env:
  GREETING: hello
jobs:
  produce:
    runs-on: ubuntu-latest
    outputs:
      version: ${{ steps.ver.outputs.version }}
    steps:
      - uses: actions/checkout@v4
      - name: Set things
        id: ver
        run: |
          echo "version=1.2.3" >> "$GITHUB_OUTPUT"
          echo "FROM_ENV_FILE=carried" >> "$GITHUB_ENV"
          {
            echo 'NOTES<<EOF_NOTES'
            echo 'line one'
            echo 'line two = 2'
            echo 'EOF_NOTES'
          } >> "$GITHUB_ENV"
          mkdir -p "$RUNNER_TEMP/bin"
          printf '#!/bin/sh\necho tool ran\n' > "$RUNNER_TEMP/bin/mytool"
          chmod +x "$RUNNER_TEMP/bin/mytool"
          echo "$RUNNER_TEMP/bin" >> "$GITHUB_PATH"
          echo "## Summary of produce" >> "$GITHUB_STEP_SUMMARY"
      - name: Read them
        shell: sh
        run: |
          echo "env file: $FROM_ENV_FILE"
          echo "notes: $NOTES"
          mytool
          echo "output: ${{ steps.ver.outputs.version }} ${{ env.GREETING }}"
          echo "job: $GITHUB_JOB event: $GITHUB_EVENT_NAME ci: $CI"
      - name: Commands
        id: cmds
        run: |
          echo "::add-mask::very-private-value"
          echo "masked: very-private-value"
          echo "::group::Inside a group"
          echo "in the group"
          echo "::endgroup::"
          echo "::warning file=app.py,line=3::looks odd"
          echo "::set-output name=legacy::old-style"
          echo "::stop-commands::pause-4d1c2b"
          echo "::error::not a command while stopped"
          echo "::pause-4d1c2b::"
      - name: Token
        env:
          TOKEN: ${{ secrets.MY_TOKEN }}
        run: |
          echo "token is $TOKEN"
          echo "inherited: ${MY_TOKEN:-none}"
      - name: Python
        shell: python
        run: |
          import os
          print("python says", os.environ["GREETING"], "${{ steps.cmds.outputs.legacy }}")
      - uses: actions/setup-node@v4
      - id: greet
        uses: ./.github/actions/greet
        with:
          who: ${{ env.GREETING }}-world
      - run: echo "action said ${{ steps.greet.outputs.sentence }}"
  consume:
    needs: produce
    runs-on: ubuntu-latest
    strategy:
      matrix:
        flavour: [plain, fancy]
    steps:
      - run: echo "got ${{ needs.produce.outputs.version }} as ${{ matrix.flavour }}"
  windows:
    runs-on: windows-latest
    steps:
      - run: echo never
  dispatch-only:
    if: github.event_name == 'workflow_dispatch'
    runs-on: ubuntu-latest
    steps:
      - run: echo never
  gated:
    needs: produce
    if: needs.produce.outputs.version == '9.9'
    runs-on: ubuntu-latest
    steps:
      - run: echo never
)";

const QByteArray greetAction = R"yaml(name: greet
inputs:
  who:
    required: true
  punctuation:
    default: "!"
outputs:
  sentence:
    value: ${{ steps.say.outputs.sentence }}
runs:
  using: composite
  steps:
    - id: say
      shell: bash
      run: |
        echo "hello ${{ inputs.who }}${{ inputs.punctuation }} from $(basename "$GITHUB_ACTION_PATH")"
        echo "sentence=hi ${{ inputs.who }}" >> "$GITHUB_OUTPUT"
)yaml";

QString workspaceWith(const QTemporaryDir &dir, const QByteArray &workflow)
{
    write(dir.filePath(u".github/actions/greet/action.yml"_s), greetAction);
    write(dir.filePath(u".github/workflows/local.yml"_s), workflow);
    return dir.path();
}

// A PATH where `python` is the system's python3 (Debian has no `python`).
void addPython(Cli &cli, const QTemporaryDir &bin)
{
    QFile::link(QStandardPaths::findExecutable(u"python3"_s), bin.filePath(u"python"_s));
    cli.env().insert(u"PATH"_s, bin.path() + u':' + cli.env().value(u"PATH"_s));
}

QString statusOf(Cli &cli, const QString &stage)
{
    return stageOf(cli.show(1), stage).value(u"status"_s).toString();
}

bool fileHolds(const QString &root, const QByteArray &needle)
{
    QDirIterator it(root, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile f(it.next());
        if (f.open(QIODevice::ReadOnly) && f.readAll().contains(needle))
            return true;
    }
    return false;
}

qint64 readPid(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll().trimmed().toLongLong() : 0;
}

bool pidAlive(qint64 pid)
{
    if (::kill(pid_t(pid), 0) != 0)
        return false;
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    return stat.open(QIODevice::ReadOnly) && !stat.readAll().contains(") Z ");
}

} // namespace

void TestWorkflowCli::runTheExample()
{
    // The example's CI workflow passes offline, as its deploydesk.yml does (in a copy: its
    // site build writes build/, which other tests running at once read).
    QTemporaryDir dir;
    const QString ws = dir.filePath(u"textbook"_s);
    copyTree(example, ws);
    Cli cli;
    const CliResult r = cli.run({u"workflow"_s, u"run"_s, u"ci.yml"_s, u"-m"_s, u"ci"_s}, ws);
    QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
    const QJsonObject run = cli.show(1);
    QCOMPARE(run.value(u"status"_s).toString(), u"success"_s);
    for (const char *stage : {"lint", "typecheck", "test.backend", "test.site", "build-site"})
        QCOMPARE(statusOf(cli, QLatin1String(stage)), u"success"_s);
    const QString build = cli.run({u"logs"_s, u"1"_s, u"build-site"_s}).out;
    QVERIFY2(build.contains(u"built 10 pages"_s), qPrintable(build));
}

void TestWorkflowCli::runCarriesFilesOutputsAndCommands()
{
    QTemporaryDir dir;
    QTemporaryDir bin;
    Cli cli;
    addPython(cli, bin);
    cli.env().insert(u"MY_TOKEN"_s, u"tok-5ecret-value"_s);
    const CliResult r =
        cli.run({u"workflow"_s, u"run"_s, u"local.yml"_s}, workspaceWith(dir, localWorkflow));
    QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
    QCOMPARE(statusOf(cli, u"produce"_s), u"success"_s);
    QCOMPARE(statusOf(cli, u"consume.plain"_s), u"success"_s);
    QCOMPARE(statusOf(cli, u"consume.fancy"_s), u"success"_s);
    const QJsonObject windows = stageOf(cli.show(1), u"windows"_s);
    QCOMPARE(windows.value(u"status"_s).toString(), u"skipped"_s);
    QCOMPARE(statusOf(cli, u"dispatch-only"_s), u"skipped"_s);

    const QString log = cli.run({u"logs"_s, u"1"_s, u"produce"_s}).out;
    for (const QString &expected :
         {u"✔ the workspace is the checkout: nothing is cloned"_s, u"env file: carried"_s,
          u"notes: line one\nline two = 2"_s, u"tool ran"_s, u"output: 1.2.3 hello"_s,
          u"job: produce event: push ci: true"_s, u"masked: ***"_s, u"##[group]Inside a group"_s,
          u"in the group"_s, u"Warning: app.py:3: looks odd"_s,
          u"::error::not a command while stopped"_s, u"token is ***"_s, u"inherited: none"_s,
          u"python says hello old-style"_s, u"## Summary of produce"_s,
          u"○ skipped: \"actions/setup-node@v4\" is an action from GitHub"_s,
          u"hello hello-world! from greet"_s, u"action said hi hello-world"_s,
          u"✔ Run ./.github/actions/greet\n"_s}) {
        QVERIFY2(log.contains(expected), qPrintable(expected + u"\n---\n"_s + log));
    }
    QVERIFY2(!log.contains(u"::add-mask::"_s), qPrintable(log));
    QVERIFY2(!log.contains(u"::group::"_s), qPrintable(log));
    // Annotations are kept with their stage: `show` lists them, --json has their parts.
    const QJsonArray annotations = cli.show(1).value(u"annotations"_s).toArray();
    const auto annotation = [&](const QString &message) {
        for (const QJsonValue &v : annotations)
            if (v.toObject().value(u"message"_s).toString().contains(message))
                return v.toObject();
        return QJsonObject();
    };
    const QJsonObject odd = annotation(u"looks odd"_s);
    QCOMPARE(odd.value(u"stage"_s).toString(), u"produce"_s);
    QCOMPARE(odd.value(u"level"_s).toString(), u"warning"_s);
    QCOMPARE(odd.value(u"file"_s).toString(), u"app.py"_s);
    QCOMPARE(odd.value(u"line"_s).toInt(), 3);
    QCOMPARE(annotation(u"actions/setup-node@v4"_s).value(u"level"_s).toString(), u"warning"_s);
    const QString shown = cli.run({u"show"_s, u"1"_s}).out;
    QVERIFY2(shown.contains(u"annotations:\n"_s) &&
                 shown.contains(u"  produce  Warning: app.py:3: looks odd\n"_s),
             qPrintable(shown));
    // An `if:` on what a needed job put out is decided when the job starts.
    const QString gated = cli.run({u"logs"_s, u"1"_s, u"gated"_s}).out;
    QCOMPARE(gated, u"○ job skipped: if: needs.produce.outputs.version == '9.9' is false\n"_s);
    const QString fancy = cli.run({u"logs"_s, u"1"_s, u"consume.fancy"_s}).out;
    QVERIFY2(fancy.contains(u"got 1.2.3 as fancy"_s), qPrintable(fancy));
    // Neither the masked value nor the secret reaches the history, a log or a report.
    QVERIFY(!fileHolds(cli.dataDir(), "very-private-value"));
    QVERIFY(!fileHolds(cli.dataDir(), "tok-5ecret-value"));
    QVERIFY(!r.out.contains(u"very-private-value"_s) && !r.err.contains(u"tok-5ecret-value"_s));
}

void TestWorkflowCli::failedStepsAndConditions()
{
    QTemporaryDir dir;
    Cli cli;
    const QByteArray workflow = R"(on: push
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - run: echo "allowed to fail"; exit 4
        continue-on-error: true
      - run: echo "still going"
      - name: Breaks
        run: echo "about to break"; exit 3
      - run: echo "never printed"
      - if: failure()
        run: echo "cleaning up after the failure"
      - if: always()
        run: echo "always here"
  after:
    needs: build
    runs-on: ubuntu-latest
    steps:
      - run: echo never
  report:
    needs: build
    if: failure()
    runs-on: ubuntu-latest
    steps:
      - run: echo "reporting ${{ needs.build.result }}"
  finally:
    needs: [build, after]
    if: always()
    runs-on: ubuntu-latest
    steps:
      - run: echo "finally after ${{ needs.build.result }} and ${{ needs.after.result }}"
  on-success:
    needs: build
    if: success()
    runs-on: ubuntu-latest
    steps:
      - run: echo never
)";
    const CliResult r =
        cli.run({u"workflow"_s, u"run"_s, u"local.yml"_s}, workspaceWith(dir, workflow));
    QCOMPARE(r.exitCode, 1);
    QCOMPARE(statusOf(cli, u"build"_s), u"failed"_s);
    QCOMPARE(statusOf(cli, u"after"_s), u"skipped"_s);
    const QString all = r.out + r.err;
    QVERIFY2(all.contains(u"step 3 \"Breaks\" failed: exit code 3"_s), qPrintable(all));
    const QString log = cli.run({u"logs"_s, u"1"_s, u"build"_s}).out;
    for (const QString &expected :
         {u"allowed to fail"_s, u"(continue-on-error: the job goes on)"_s, u"still going"_s,
          u"about to break"_s, u"○ Run echo \"never printed\": skipped (an earlier step failed)"_s,
          u"cleaning up after the failure"_s, u"always here"_s}) {
        QVERIFY2(log.contains(expected), qPrintable(expected + u"\n---\n"_s + log));
    }
    QVERIFY(!log.contains(u"\nnever printed"_s));
    // Jobs that run after a failed need, as on GitHub: failure() and always() run,
    // success() does not.
    QCOMPARE(cli.run({u"logs"_s, u"1"_s, u"report"_s}).out.count(u"reporting failure"_s), 1);
    const QString finally = cli.run({u"logs"_s, u"1"_s, u"finally"_s}).out;
    QVERIFY2(finally.contains(u"finally after failure and skipped"_s), qPrintable(finally));
    QCOMPARE(statusOf(cli, u"report"_s), u"success"_s);
    QCOMPARE(statusOf(cli, u"on-success"_s), u"skipped"_s);
}

// A step of plain words is run without bash (the stage guard execs it), which must not
// change what it means: the same environment, builtins and missing commands as in bash,
// and a next job's RUNNER_TEMP holds nothing of this one's.
void TestWorkflowCli::plainCommandsMeanWhatTheShellMeans()
{
    QTemporaryDir dir;
    Cli cli;
    const QByteArray workflow = R"(on: push
jobs:
  direct:
    runs-on: ubuntu-latest
    steps:
      - run: printenv GITHUB_JOB
      - run: printf step-two-%s-done x
      - run: cd sub
      - run: touch "$RUNNER_TEMP/left-by-direct"
      - run: exit 3
        continue-on-error: true
      - run: no-such-command-here --version
        continue-on-error: true
  after:
    needs: direct
    runs-on: ubuntu-latest
    steps:
      - run: test ! -e "$RUNNER_TEMP/left-by-direct" && echo "temp is clean"
)";
    const QString ws = workspaceWith(dir, workflow);
    QVERIFY(QDir(ws).mkpath(u"sub"_s));
    const CliResult r = cli.run({u"workflow"_s, u"run"_s, u"local.yml"_s}, ws);
    QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
    const QString log = cli.run({u"logs"_s, u"1"_s, u"direct"_s}).out;
    for (const QString &expected :
         {u"\ndirect\n"_s, u"step-two-x-done"_s, u"✔ Run cd sub"_s,
          u"✘ Run exit 3: exit code 3 (continue-on-error"_s,
          u"no-such-command-here: command not found"_s,
          u"✘ Run no-such-command-here --version: exit code 127 (continue-on-error"_s}) {
        QVERIFY2(log.contains(expected), qPrintable(expected + u"\n---\n"_s + log));
    }
    const QString after = cli.run({u"logs"_s, u"1"_s, u"after"_s}).out;
    QVERIFY2(after.contains(u"temp is clean"_s), qPrintable(after));
}

// The workspace's `github:` section (GitHub Enterprise Server) is what the steps see as
// the repository and GitHub's URLs, as on a GHES runner.
void TestWorkflowCli::enterpriseServerReachesTheSteps()
{
    QTemporaryDir dir;
    Cli cli;
    cli.env().remove(u"DEPLOYDESK_API_GITHUB"_s);
    cli.env().remove(u"GITHUB_REPOSITORY"_s);
    const QByteArray workflow = R"(on: push
jobs:
  where:
    runs-on: ubuntu-latest
    steps:
      - run: echo "at $GITHUB_SERVER_URL $GITHUB_API_URL $GITHUB_GRAPHQL_URL ${{ github.repository }} ${{ github.api_url }}"
)";
    const QString ws = workspaceWith(dir, workflow);
    write(dir.filePath(u"deploydesk.yml"_s), "name: handbook\n"
                                             "github:\n"
                                             "  repository: octo/handbook\n"
                                             "  api-url: https://ghe.example.com/api/v3/\n"
                                             "stages:\n"
                                             "  build:\n"
                                             "    run: make\n");
    const CliResult r = cli.run({u"workflow"_s, u"run"_s, u"local.yml"_s}, ws);
    QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
    const QString log = cli.run({u"logs"_s, u"1"_s, u"where"_s}).out;
    QVERIFY2(log.contains(u"at https://ghe.example.com https://ghe.example.com/api/v3 "
                          u"https://ghe.example.com/api/graphql octo/handbook "
                          u"https://ghe.example.com/api/v3\n"_s),
             qPrintable(log));
}

// A job whose `if:` (decided when it starts) is false is skipped; on GitHub a job after it
// with `if: success()` written out is skipped too (success() is false when a need did not
// succeed), while `always()` runs and reads the need's result as "skipped".
void TestWorkflowCli::successIsFalseAfterASkippedNeed()
{
    QTemporaryDir dir;
    Cli cli;
    const QByteArray workflow = R"(name: Gate
on: push
jobs:
  first:
    runs-on: ubuntu-latest
    steps:
      - run: echo one
  gate:
    needs: first
    if: needs.first.result == 'failure'
    runs-on: ubuntu-latest
    steps:
      - run: echo gate ran
  after-gate:
    needs: gate
    if: success()
    runs-on: ubuntu-latest
    steps:
      - run: echo after gate ran
  after-gate-always:
    needs: gate
    if: always()
    runs-on: ubuntu-latest
    steps:
      - run: echo "gate was ${{ needs.gate.result }}"
)";
    const CliResult r =
        cli.run({u"workflow"_s, u"run"_s, u"local.yml"_s}, workspaceWith(dir, workflow));
    QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
    const QString gate = cli.run({u"logs"_s, u"1"_s, u"gate"_s}).out;
    QVERIFY2(gate.contains(u"○ job skipped"_s), qPrintable(gate));
    const QString after = cli.run({u"logs"_s, u"1"_s, u"after-gate"_s}).out;
    QVERIFY2(after.contains(u"○ job skipped: if: success() is false"_s), qPrintable(after));
    QVERIFY(!after.contains(u"after gate ran"_s));
    const QString always = cli.run({u"logs"_s, u"1"_s, u"after-gate-always"_s}).out;
    QVERIFY2(always.contains(u"gate was skipped"_s), qPrintable(always));
}

// A job whose `environment:` is protected in deploydesk.yml asks first, as a deploy there
// does: from a script nothing runs without --approve; with it the approval is recorded.
void TestWorkflowCli::protectedEnvironmentAsksFirst()
{
    QTemporaryDir dir;
    Cli cli;
    write(dir.filePath(u"deploydesk.yml"_s), "name: site\n"
                                             "environments:\n  production:\n"
                                             "    protected: true\n"
                                             "stages:\n  build:\n    run: echo build\n");
    const QByteArray workflow = R"(name: Ship
on: push
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - run: echo built
  ship:
    needs: build
    environment: production
    runs-on: ubuntu-latest
    steps:
      - run: touch shipped
)";
    const QString ws = workspaceWith(dir, workflow);
    const CliResult refused = cli.run({u"workflow"_s, u"run"_s, u"local.yml"_s}, ws);
    QCOMPARE(refused.exitCode, 2);
    QVERIFY2(refused.err.contains(u"job \"ship\" deploys to production, which deploydesk.yml "
                                  u"protects: run again with --approve -m REASON"_s),
             qPrintable(refused.err));
    QVERIFY(!QFile::exists(dir.filePath(u"shipped"_s)));
    QCOMPARE(cli.history().size(), 0);

    const CliResult approved = cli.run(
        {u"workflow"_s, u"run"_s, u"local.yml"_s, u"--approve"_s, u"-m"_s, u"release 2"_s}, ws);
    QVERIFY2(approved.exitCode == 0, qPrintable(approved.out + approved.err));
    QVERIFY(QFile::exists(dir.filePath(u"shipped"_s)));
    bool found = false;
    for (const QJsonValue &v : cli.show(1).value(u"events"_s).toArray()) {
        const QString text = v.toObject().value(u"message"_s).toString();
        found = found || text.contains(u"production approved by"_s);
        if (text.contains(u"approved"_s))
            QVERIFY2(text.endsWith(u": release 2"_s), qPrintable(text));
    }
    QVERIFY(found);
}

// `concurrency:` as on GitHub, across processes: a second run of the group waits for the
// first; a third cancels the second (still waiting); with cancel-in-progress a fourth
// cancels the one running.
void TestWorkflowCli::concurrencyGroupQueuesAndCancels()
{
    QTemporaryDir dir;
    Cli cli;
    const QByteArray workflow = R"(name: Conc
on:
  push:
  workflow_dispatch:
    inputs:
      cancel:
        type: string
        default: 'no'
concurrency:
  group: deploy-${{ github.workflow }}
  cancel-in-progress: ${{ inputs.cancel == 'yes' }}
jobs:
  hold:
    runs-on: ubuntu-latest
    timeout-minutes: 1
    steps:
      - run: while [ ! -f "$GITHUB_WORKSPACE/go" ]; do sleep 0.05; done
)";
    const QString ws = workspaceWith(dir, workflow);
    auto status = [&](int run) {
        for (const QJsonValue &v : cli.history())
            if (v.toObject().value(u"id"_s).toInt() == run)
                return v.toObject().value(u"status"_s).toString();
        return QString();
    };
    const QStringList args{u"workflow"_s, u"run"_s, u"local.yml"_s, u"--workspace"_s, ws};
    QProcess *first = cli.start(args, this);
    QTRY_COMPARE_WITH_TIMEOUT(status(1), u"running"_s, 20000);
    QProcess *second = cli.start(args, this);
    QTRY_COMPARE_WITH_TIMEOUT(status(2), u"queued"_s, 20000);
    QTRY_VERIFY_WITH_TIMEOUT(
        cli.run({u"show"_s, u"2"_s})
            .out.contains(u"waiting for run 1 (workflow run) of concurrency group "
                          u"deploy-Conc to finish"_s),
        20000);
    QProcess *third = cli.start(args, this);
    QTRY_COMPARE_WITH_TIMEOUT(status(2), u"cancelled"_s, 20000);
    QTRY_COMPARE_WITH_TIMEOUT(status(3), u"queued"_s, 20000);
    QVERIFY2(cli.run({u"show"_s, u"2"_s})
                 .out.contains(u"run 3 of concurrency group deploy-Conc replaces it"_s),
             qPrintable(cli.run({u"show"_s, u"2"_s}).out));
    QCOMPARE(status(1), u"running"_s); // the running one goes on

    QProcess *fourth = cli.start(
        args + QStringList{u"--event"_s, u"workflow_dispatch"_s, u"--input"_s, u"cancel=yes"_s},
        this);
    QTRY_COMPARE_WITH_TIMEOUT(status(1), u"cancelled"_s, 20000);
    QTRY_COMPARE_WITH_TIMEOUT(status(3), u"cancelled"_s, 20000);
    QTRY_COMPARE_WITH_TIMEOUT(status(4), u"running"_s, 20000);
    write(dir.filePath(u"go"_s), "");
    QTRY_COMPARE_WITH_TIMEOUT(status(4), u"success"_s, 20000);
    for (QProcess *p : {first, second, third, fourth})
        QVERIFY(hasFinished(p));
}

void TestWorkflowCli::strictRefusesWhatCannotRun()
{
    QTemporaryDir dir;
    Cli cli;
    const CliResult r = cli.run({u"workflow"_s, u"run"_s, u"local.yml"_s, u"--strict"_s},
                                workspaceWith(dir, localWorkflow));
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(
        r.err.contains(u"--strict: step 7 \"Run actions/setup-node@v4\" of job \"produce\" "
                       u"cannot run here: \"actions/setup-node@v4\" is an action from GitHub"_s),
        qPrintable(r.err));
    QVERIFY2(r.err.contains(u"--strict: job \"windows\" cannot run here: needs a Windows runner"_s),
             qPrintable(r.err));
    QVERIFY2(r.err.endsWith(u"2 problems; nothing was run\n"_s), qPrintable(r.err));
    QVERIFY(cli.history().isEmpty());
    // --job runs one job and what it needs; an unknown one is refused.
    const CliResult one =
        cli.run({u"workflow"_s, u"run"_s, u"local.yml"_s, u"--job"_s, u"nope"_s}, dir.path());
    QCOMPARE(one.exitCode, 2);
    QVERIFY2(one.err.contains(u"--job nope: the workflow has no such job; its jobs: produce, "
                              u"consume, windows, dispatch-only, gated"_s),
             qPrintable(one.err));
}

void TestWorkflowCli::killMinus9LeavesNoProcessBehind()
{
    QTemporaryDir dir;
    Cli cli;
    const QString pidFile = dir.filePath(u"sleeper.pid"_s);
    const QByteArray workflow = QStringLiteral(R"(on: push
jobs:
  long:
    runs-on: ubuntu-latest
    steps:
      - run: |
          echo "step started"
          sleep 120 & echo $! > %1
          wait
)")
                                    .arg(pidFile)
                                    .toUtf8();
    workspaceWith(dir, workflow);
    QProcess *runner =
        cli.start({u"workflow"_s, u"run"_s, u"local.yml"_s, u"--workspace"_s, dir.path()}, this);
    QVERIFY(runner->waitForStarted());
    QTRY_VERIFY_WITH_TIMEOUT(readPid(pidFile) > 0, 20000);
    const qint64 sleeper = readPid(pidFile);
    QTRY_VERIFY_WITH_TIMEOUT(cli.run({u"logs"_s, u"1"_s}).out.contains(u"step started"_s), 10000);
    ::kill(pid_t(runner->processId()), SIGKILL);
    QVERIFY(hasFinished(runner, 10000));
    QTRY_VERIFY_WITH_TIMEOUT(!pidAlive(sleeper), 10000);
    const QJsonObject shown = cli.show(1);
    QCOMPARE(shown.value(u"status"_s).toString(), u"interrupted"_s);
    QCOMPARE(stageOf(shown, u"long"_s).value(u"status"_s).toString(), u"interrupted"_s);
}

// A job's own `concurrency:`, across processes: the second run's job waits for the first's
// (the rest of its run goes on), a third replaces the waiting one, cancel-in-progress ends
// the running one; each end is in the job's log and recorded on the run it ends.
void TestWorkflowCli::jobConcurrencyQueuesAndCancels()
{
    QTemporaryDir dir;
    Cli cli;
    const QByteArray workflow = R"(name: JobConc
on:
  push:
  workflow_dispatch:
    inputs:
      cancel:
        type: string
        default: 'no'
jobs:
  free:
    runs-on: ubuntu-latest
    steps:
      - run: echo free job ran
  hold:
    runs-on: ubuntu-latest
    concurrency:
      group: site-${{ github.workflow }}
      cancel-in-progress: ${{ inputs.cancel == 'yes' }}
    timeout-minutes: 1
    steps:
      - run: while [ ! -f "$GITHUB_WORKSPACE/go" ]; do sleep 0.05; done
)";
    const QString ws = workspaceWith(dir, workflow);
    auto stageStatus = [&](int run, const QString &stage) {
        return stageOf(cli.show(run), stage).value(u"status"_s).toString();
    };
    auto log = [&](int run) { return cli.run({u"logs"_s, QString::number(run), u"hold"_s}).out; };
    const QStringList args{u"workflow"_s, u"run"_s, u"local.yml"_s, u"--workspace"_s, ws};
    QProcess *first = cli.start(args, this);
    QTRY_COMPARE_WITH_TIMEOUT(stageStatus(1, u"hold"_s), u"running"_s, 20000);
    QProcess *second = cli.start(args, this);
    QTRY_VERIFY_WITH_TIMEOUT(log(2).contains(u"⏸ waiting for job hold of run 1 (concurrency "
                                             u"group site-JobConc) to finish"_s),
                             20000);
    QCOMPARE(stageStatus(2, u"free"_s), u"success"_s); // only the job waits
    QProcess *third = cli.start(args, this);
    QTRY_COMPARE_WITH_TIMEOUT(stageStatus(2, u"hold"_s), u"cancelled"_s, 20000);
    QVERIFY2(log(2).contains(u"✘ Canceling since a higher priority waiting request for "
                             u"'site-JobConc' exists"_s),
             qPrintable(log(2)));
    QVERIFY2(cli.run({u"show"_s, u"2"_s})
                 .out.contains(u"job hold of run 3 in concurrency group site-JobConc replaces "
                               u"its job hold"_s),
             qPrintable(cli.run({u"show"_s, u"2"_s}).out));
    QTRY_VERIFY_WITH_TIMEOUT(log(3).contains(u"waiting for job hold of run 1"_s), 20000);
    QCOMPARE(stageStatus(1, u"hold"_s), u"running"_s); // the running one goes on

    QProcess *fourth = cli.start(
        args + QStringList{u"--event"_s, u"workflow_dispatch"_s, u"--input"_s, u"cancel=yes"_s},
        this);
    QTRY_COMPARE_WITH_TIMEOUT(stageStatus(1, u"hold"_s), u"cancelled"_s, 20000);
    QTRY_COMPARE_WITH_TIMEOUT(stageStatus(3, u"hold"_s), u"cancelled"_s, 20000);
    QTRY_COMPARE_WITH_TIMEOUT(stageStatus(4, u"hold"_s), u"running"_s, 20000);
    write(dir.filePath(u"go"_s), "");
    QTRY_COMPARE_WITH_TIMEOUT(stageStatus(4, u"hold"_s), u"success"_s, 20000);
    for (QProcess *p : {first, second, third, fourth})
        QVERIFY(hasFinished(p));
    QCOMPARE(first->exitCode(), 130); // a run with a cancelled job is cancelled
    QCOMPARE(fourth->exitCode(), 0);
}

// The same group for the workflow and one of its jobs: GitHub cancels the job and says why.
void TestWorkflowCli::jobAndWorkflowInOneGroupIsADeadlock()
{
    QTemporaryDir dir;
    Cli cli;
    const QByteArray workflow = R"(name: Dead
on: push
concurrency: one-group
jobs:
  inner:
    runs-on: ubuntu-latest
    concurrency: one-group
    steps:
      - run: echo never
)";
    const CliResult r =
        cli.run({u"workflow"_s, u"run"_s, u"local.yml"_s}, workspaceWith(dir, workflow));
    QCOMPARE(r.exitCode, 130);
    QCOMPARE(cli.history().first().toObject().value(u"status"_s).toString(), u"cancelled"_s);
    QCOMPARE(statusOf(cli, u"inner"_s), u"cancelled"_s);
    const QString log = cli.run({u"logs"_s, u"1"_s, u"inner"_s}).out;
    QVERIFY2(log.contains(u"✘ Canceling since a deadlock for concurrency group 'one-group' was "
                          u"detected between 'top level workflow' and 'job inner'"_s),
             qPrintable(log));
    QVERIFY(!log.contains(u"\nnever"_s));
}

QTEST_GUILESS_MAIN(TestWorkflowCli)
#include "tst_workflowcli.moc"
