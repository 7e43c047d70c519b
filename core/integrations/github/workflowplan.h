#pragma once

// What a workflow would do on this machine for one event: its jobs after matrix expansion,
// in dependency order, and for each job and step whether it runs here and, when not,
// exactly why. Pure: reads no files except local actions' metadata and looks commands up
// on PATH.

#include "config/workflow.h"

#include <QJsonObject>
#include <QMap>
#include <QProcessEnvironment>

#include <optional>

namespace DeployDesk {

struct WorkflowPlanOptions
{
    QString event = QStringLiteral("push");
    QMap<QString, QString> inputs; // --input k=v, for workflow_dispatch
    // The github context's facts: ref (refs/heads/main), sha, repository (owner/name),
    // actor, workspace.
    QString ref;
    QString sha;
    QString repository;
    QString actor;
    QString workspaceDir;
    QString apiUrl; // the REST API's URL (GitHub Enterprise Server); "" for api.github.com
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment(); // PATH
};

struct PlannedStep
{
    enum class Kind {
        Script,    // a `run:` step, through `shell`
        Workspace, // actions/checkout: the workspace is the checkout
        Composite, // a local composite action (uses: ./path)
        NotRun,    // anything else: `reason` says why
    };
    int index = 0; // 0-based in its job
    QString name;  // as GitHub shows it: `name:`, "Run <first line>", "Run <action>"
    Kind kind = Kind::Script;
    QString shell;  // for Script: the command line, e.g. "bash --noprofile --norc -eo pipefail {0}"
    QString reason; // for NotRun, and what Workspace/Composite mean
    QString condition; // `if:` as written, when there is one
    // Its value when the plan can know it (it reads only github, inputs, vars, matrix and
    // strategy; the steps before it are assumed to succeed); unset: decided at run time.
    std::optional<bool> conditionValue;
    SourceLocation where;
};

struct PlannedJob
{
    QString id;
    QString name;         // as GitHub shows it, with the matrix values: "test (18, ubuntu)"
    QJsonObject matrix;   // this leg's values; empty without a matrix
    QStringList needs;    // job ids
    bool runsHere = true; // false: `reason` says why (container, services, reusable
                          // workflow, a runner this machine is not, ...)
    QString reason;
    // The job's `if:` at plan time: "" when it has none; otherwise what is known now.
    enum class Decision { Runs, Skipped, AtRunTime };
    Decision decision = Decision::Runs;
    QString conditionNote; // e.g. "if: github.ref == 'refs/heads/main' is false"
    QString environment;   // `environment:` name (a protected environment asks first)
    QList<PlannedStep> steps;
    SourceLocation where;
};

struct WorkflowPlan
{
    QString event;
    bool triggered = true;  // whether the workflow runs on `event` at all
    QList<PlannedJob> jobs; // dependency order (a job after everything it needs)
    QJsonObject inputs;     // the inputs context (typed, defaults filled in)
    // Problems with the request (unknown or badly typed inputs, an event the workflow does
    // not take, a matrix that cannot be expanded): each a full sentence.
    QStringList problems;
    bool ok() const { return problems.isEmpty(); }
};

// The inputs context for `options.inputs` against the workflow's typed inputs (booleans
// and numbers typed, defaults filled in); problems appended to `problems`.
QJsonObject workflowInputs(const Workflow &workflow, const QMap<QString, QString> &given,
                           QStringList &problems);

WorkflowPlan planWorkflow(const Workflow &workflow, const WorkflowPlanOptions &options);

// The github context the plan and a job's run both see: the event (with
// github.event.inputs as text for workflow_dispatch), ref, sha, repository, actor,
// workspace, workflow and GitHub's URLs, from `facts`. A run adds what only it knows
// (run_id, job, event_path, token).
QJsonObject githubContext(const Workflow &workflow, const WorkflowPlanOptions &facts,
                          const QJsonObject &inputs);

// Why a step's `uses:` that is not a local action (`./path`) does not run here: a Docker
// action or an action from GitHub; empty for actions/checkout, whose checkout is the
// workspace itself.
QString remoteActionNotRun(const QString &uses);

// The command line GitHub runs a script with for `shell` ("" for the default: bash when
// it exists, else sh), or an empty string when the shell does not run here; `why` then
// says why.
QString shellCommand(const QString &shell, const QProcessEnvironment &environment, QString *why);

// The script of a `run:` step as a command the stage guard may exec without the shell,
// because the shell would mean the same by it; "" when the shell must run it.
QString directStepCommand(const QString &shell, const QString &script,
                          const QProcessEnvironment &environment);

} // namespace DeployDesk
