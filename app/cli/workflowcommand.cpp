// deploydeskctl workflow list | plan FILE: the repository's GitHub Actions workflows, and
// what one of them would do on this machine.

#include "cli.h"

#include "common/paths.h"
#include "common/translate.h"
#include "config/expression.h"
#include "config/pipelineloader.h"
#include "config/workflowloader.h"
#include "integrations/github/deploymentreporter.h"
#include "integrations/github/githubjobstage.h"
#include "integrations/github/workflowpipeline.h"
#include "integrations/github/workflowplan.h"
#include "run/gitinfo.h"
#include "run/runcontroller.h"
#include "run/workflowrun.h"
#include "store/historystore.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>

namespace DeployDesk::Cli {

namespace {

const QCommandLineOption kEvent(QStringLiteral("event"),
                                tr("The event to plan for: push (default), pull_request, "
                                   "workflow_dispatch, schedule..."),
                                QStringLiteral("event"), QStringLiteral("push"));
const QCommandLineOption kInput(QStringLiteral("input"),
                                tr("A workflow_dispatch input, name=value (repeatable)."),
                                QStringLiteral("name=value"));
const QCommandLineOption kWorkflowJson(QStringLiteral("json"), tr("Print JSON."));
const QCommandLineOption kJob(QStringLiteral("job"),
                              tr("Run only this job (all its matrix legs) and the jobs it needs "
                                 "(repeatable)."),
                              QStringLiteral("id"));
const QCommandLineOption kStrict(QStringLiteral("strict"),
                                 tr("Refuse to start when a job or step cannot run here."));
const QCommandLineOption kWorkflowMessage({QStringLiteral("m"), QStringLiteral("message")},
                                          tr("Why this run (recorded in the history)."),
                                          QStringLiteral("text"));
const QCommandLineOption kWorkflowApprove(QStringLiteral("approve"),
                                          tr("Approve the jobs whose environment is protected in "
                                             "deploydesk.yml (recorded with -m)."));
const QCommandLineOption kWorkflowMaxParallel(QStringLiteral("max-parallel"),
                                              tr("At most this many jobs at once (default: the "
                                                 "number of CPUs)."),
                                              QStringLiteral("n"));

void printDiagnostics(Context &ctx, const QList<Diagnostic> &diagnostics)
{
    for (const Diagnostic &d : diagnostics)
        ctx.err(d.toString());
}

QString decisionText(PlannedJob::Decision decision)
{
    switch (decision) {
    case PlannedJob::Decision::Runs:
        return QStringLiteral("runs");
    case PlannedJob::Decision::Skipped:
        return QStringLiteral("skipped");
    case PlannedJob::Decision::AtRunTime:
        return QStringLiteral("at-run-time");
    }
    return {};
}

QString kindText(PlannedStep::Kind kind)
{
    switch (kind) {
    case PlannedStep::Kind::Script:
        return QStringLiteral("script");
    case PlannedStep::Kind::Workspace:
        return QStringLiteral("workspace");
    case PlannedStep::Kind::Composite:
        return QStringLiteral("composite");
    case PlannedStep::Kind::NotRun:
        return QStringLiteral("not-run");
    }
    return {};
}

// The file named on the command line: a path, or a file name under .github/workflows.
QString workflowPath(const Context &ctx, const QString &name)
{
    const QDir workspace(ctx.workspace);
    if (QFileInfo::exists(workspace.absoluteFilePath(name)))
        return workspace.absoluteFilePath(name);
    const QString inFolder = workspace.filePath(QStringLiteral(".github/workflows/") + name);
    if (QFileInfo::exists(inFolder))
        return inFolder;
    return workspace.absoluteFilePath(name);
}

int list(Context &ctx)
{
    const QStringList files = WorkflowLoader::workflowFiles(ctx.workspace);
    if (files.isEmpty()) {
        ctx.err(tr("no workflows: %1 holds no .yml or .yaml file")
                    .arg(QDir(ctx.workspace).filePath(QStringLiteral(".github/workflows"))));
        return ExitInvalid;
    }
    QJsonArray json;
    int invalid = 0;
    for (const QString &file : files) {
        const WorkflowLoadResult loaded = WorkflowLoader::loadFile(file, ctx.workspace);
        const Workflow &w = loaded.workflow;
        if (!loaded.ok())
            ++invalid;
        if (ctx.args.isSet(kWorkflowJson)) {
            QJsonArray problems;
            for (const Diagnostic &d : loaded.diagnostics)
                problems.append(d.toString());
            json.append(
                QJsonObject{{QStringLiteral("file"), w.displayPath},
                            {QStringLiteral("name"), w.displayName()},
                            {QStringLiteral("events"), QJsonArray::fromStringList(w.on.events)},
                            {QStringLiteral("jobs"), int(w.jobs.size())},
                            {QStringLiteral("problems"), problems}});
            continue;
        }
        ctx.out(w.name.text.isEmpty() ? w.displayPath
                                      : QStringLiteral("%1  %2").arg(w.displayPath, w.name.text));
        if (loaded.ok()) {
            ctx.out(QStringLiteral("    ") +
                    tr("on: %1; %2")
                        .arg(w.on.events.join(QStringLiteral(", ")),
                             tr("%n job(s)", nullptr, int(w.jobs.size()))));
        } else {
            ctx.out(QStringLiteral("    ") +
                    tr("%n problem(s):", nullptr, int(loaded.diagnostics.size())));
            printDiagnostics(ctx, loaded.diagnostics);
        }
    }
    if (ctx.args.isSet(kWorkflowJson))
        ctx.out(QString::fromUtf8(QJsonDocument(json).toJson(QJsonDocument::Indented)).trimmed());
    return invalid ? ExitInvalid : ExitSuccess;
}

QJsonObject toJson(const WorkflowPlan &plan, const Workflow &workflow)
{
    QJsonArray jobs;
    for (const PlannedJob &job : plan.jobs) {
        QJsonArray steps;
        for (const PlannedStep &step : job.steps) {
            QJsonObject s{{QStringLiteral("name"), step.name},
                          {QStringLiteral("kind"), kindText(step.kind)}};
            if (!step.shell.isEmpty())
                s.insert(QStringLiteral("shell"), step.shell);
            if (!step.reason.isEmpty())
                s.insert(QStringLiteral("reason"), step.reason);
            if (!step.condition.isEmpty())
                s.insert(QStringLiteral("if"), step.condition);
            if (step.conditionValue)
                s.insert(QStringLiteral("ifValue"), *step.conditionValue);
            steps.append(s);
        }
        QJsonObject j{{QStringLiteral("id"), job.id},
                      {QStringLiteral("name"), job.name},
                      {QStringLiteral("needs"), QJsonArray::fromStringList(job.needs)},
                      {QStringLiteral("runsHere"), job.runsHere},
                      {QStringLiteral("decision"), decisionText(job.decision)},
                      {QStringLiteral("steps"), steps}};
        if (!job.matrix.isEmpty())
            j.insert(QStringLiteral("matrix"), job.matrix);
        if (!job.reason.isEmpty())
            j.insert(QStringLiteral("reason"), job.reason);
        if (!job.conditionNote.isEmpty())
            j.insert(QStringLiteral("condition"), job.conditionNote);
        if (!job.environment.isEmpty())
            j.insert(QStringLiteral("environment"), job.environment);
        jobs.append(j);
    }
    return QJsonObject{{QStringLiteral("file"), workflow.displayPath},
                       {QStringLiteral("name"), workflow.displayName()},
                       {QStringLiteral("event"), plan.event},
                       {QStringLiteral("jobs"), jobs}};
}

void printPlan(Context &ctx, const WorkflowPlan &plan, const Workflow &workflow)
{
    ctx.out(tr("Workflow \"%1\" (%2) on %3: %4")
                .arg(workflow.displayName(), workflow.displayPath, plan.event,
                     tr("%n job(s)", nullptr, int(plan.jobs.size()))));
    int here = 0;
    for (const PlannedJob &job : plan.jobs) {
        QString state;
        if (!job.runsHere)
            state = tr("not run here: %1").arg(job.reason);
        else if (job.decision == PlannedJob::Decision::Skipped)
            state = tr("skipped (%1)").arg(job.conditionNote);
        else if (job.decision == PlannedJob::Decision::AtRunTime)
            state = tr("runs here if %1").arg(job.conditionNote);
        else
            state = job.conditionNote.isEmpty() ? tr("runs here")
                                                : tr("runs here (%1)").arg(job.conditionNote);
        if (job.runsHere && job.decision != PlannedJob::Decision::Skipped)
            ++here;
        ctx.out(QString());
        ctx.out(QStringLiteral("%1  %2").arg(job.name, state));
        if (!job.needs.isEmpty())
            ctx.out(QStringLiteral("    ") +
                    tr("needs: %1").arg(job.needs.join(QStringLiteral(", "))));
        if (!job.environment.isEmpty())
            ctx.out(QStringLiteral("    ") + tr("environment: %1").arg(job.environment));
        for (const PlannedStep &step : job.steps) {
            QString what;
            switch (step.kind) {
            case PlannedStep::Kind::Script:
                what = step.shell;
                break;
            case PlannedStep::Kind::Workspace:
            case PlannedStep::Kind::Composite:
                what = step.reason;
                break;
            case PlannedStep::Kind::NotRun:
                what = tr("not run: %1").arg(step.reason);
                break;
            }
            if (step.conditionValue && !*step.conditionValue)
                what = tr("skipped (if: %1 is false)").arg(step.condition);
            else if (step.conditionValue)
                what += QStringLiteral("  ") + tr("(if: %1 is true)").arg(step.condition);
            else if (!step.condition.isEmpty())
                what +=
                    QStringLiteral("  ") + tr("(if: %1, decided at run time)").arg(step.condition);
            ctx.out(QStringLiteral("    %1. %2  %3").arg(step.index + 1).arg(step.name, what));
        }
    }
    ctx.out(QString());
    ctx.out(tr("%1 of %2 would run here; nothing was run (\"workflow run FILE\" runs them)")
                .arg(tr("%n job(s)", nullptr, here))
                .arg(plan.jobs.size()));
}

// The options for planning a workflow of this workspace: --event, --input and the github
// context's facts; nullopt (after saying why) for a malformed --input.
std::optional<WorkflowPlanOptions> planOptions(Context &ctx)
{
    WorkflowPlanOptions options;
    options.event = ctx.args.value(kEvent);
    for (const QString &input : ctx.args.values(kInput)) {
        const qsizetype eq = input.indexOf(u'=');
        if (eq <= 0) {
            ctx.err(tr("--input needs name=value; found \"%1\"").arg(input));
            return std::nullopt;
        }
        options.inputs.insert(input.left(eq), input.mid(eq + 1));
    }
    const QString event = options.event;
    options = workflowPlanOptions(ctx.workspace, event, options.inputs);
    return options;
}

int plan(Context &ctx, const QString &file)
{
    const WorkflowLoadResult loaded =
        WorkflowLoader::loadFile(workflowPath(ctx, file), ctx.workspace);
    if (!loaded.ok()) {
        printDiagnostics(ctx, loaded.diagnostics);
        ctx.err(tr("%n problem(s); nothing was planned", nullptr, int(loaded.diagnostics.size())));
        return ExitInvalid;
    }
    const std::optional<WorkflowPlanOptions> options = planOptions(ctx);
    if (!options)
        return ExitInvalid;
    const WorkflowPlan plan = planWorkflow(loaded.workflow, *options);
    if (!plan.ok()) {
        for (const QString &problem : plan.problems)
            ctx.err(problem);
        ctx.err(tr("%n problem(s); nothing was planned", nullptr, int(plan.problems.size())));
        return ExitInvalid;
    }
    if (ctx.args.isSet(kWorkflowJson))
        ctx.out(QString::fromUtf8(QJsonDocument(toJson(plan, loaded.workflow)).toJson()).trimmed());
    else
        printPlan(ctx, plan, loaded.workflow);
    return ExitSuccess;
}

int runWorkflow(Context &ctx, const QString &file)
{
    const QString path = workflowPath(ctx, file);
    const WorkflowLoadResult loaded = WorkflowLoader::loadFile(path, ctx.workspace);
    if (!loaded.ok()) {
        printDiagnostics(ctx, loaded.diagnostics);
        ctx.err(tr("%n problem(s); nothing was run", nullptr, int(loaded.diagnostics.size())));
        return ExitInvalid;
    }
    const Workflow &workflow = loaded.workflow;
    const std::optional<WorkflowPlanOptions> options = planOptions(ctx);
    if (!options)
        return ExitInvalid;
    const WorkflowPlan plan = planWorkflow(workflow, *options);
    QStringList problems = plan.problems;
    const QStringList jobsAsked = ctx.args.values(kJob);
    for (const QString &id : jobsAsked) {
        if (!workflow.job(id)) {
            QStringList ids;
            for (const WorkflowJob &j : workflow.jobs)
                ids.append(j.id);
            problems.append(tr("--job %1: the workflow has no such job; its jobs: %2")
                                .arg(id, ids.join(QStringLiteral(", "))));
        }
    }
    if (ctx.args.isSet(kStrict)) {
        for (const PlannedJob &job : plan.jobs) {
            if (!job.runsHere) {
                problems.append(
                    tr("--strict: job \"%1\" cannot run here: %2").arg(job.name, job.reason));
                continue;
            }
            for (const PlannedStep &step : job.steps) {
                if (step.kind == PlannedStep::Kind::NotRun) {
                    problems.append(tr("--strict: step %1 \"%2\" of job \"%3\" cannot run here: %4")
                                        .arg(step.index + 1)
                                        .arg(step.name, job.name, step.reason));
                }
            }
        }
    }
    if (!problems.isEmpty()) {
        for (const QString &problem : std::as_const(problems))
            ctx.err(problem);
        ctx.err(tr("%n problem(s); nothing was run", nullptr, int(problems.size())));
        return ExitInvalid;
    }

    WorkflowPipeline built = workflowPipeline(workflow, plan, *options, path, jobsAsked);
    Pipeline &pipeline = built.pipeline;
    if (ctx.args.isSet(kWorkflowMaxParallel)) {
        bool ok = false;
        pipeline.maxParallel = ctx.args.value(kWorkflowMaxParallel).toInt(&ok);
        if (!ok || pipeline.maxParallel < 1) {
            ctx.err(tr("--max-parallel needs a whole number of at least 1; found \"%1\"")
                        .arg(ctx.args.value(kWorkflowMaxParallel)));
            return ExitInvalid;
        }
    }
    auto store = ctx.store();
    if (!store) {
        ctx.err(store.error().toString());
        return ExitInvalid;
    }
    RunRequest request;
    request.stages = built.selection;
    request.message = ctx.args.value(kWorkflowMessage);
    // The workflow's `concurrency:` (github, inputs and vars contexts, as on GitHub).
    if (auto applied = applyWorkflowConcurrency(workflow, *options, plan, request); !applied) {
        ctx.err(applied.error().toString());
        return ExitInvalid;
    }

    // Jobs deploying to an environment that deploydesk.yml protects ask first, as a deploy
    // there does: --approve, or its name typed on a terminal. Recorded with the run.
    const QMap<QString, QStringList> protectedJobs = protectedEnvironmentJobs(plan, ctx.workspace);
    for (auto it = protectedJobs.begin(); it != protectedJobs.end(); ++it) {
        // With --job, the jobs asked for may need one of these: every job that can run
        // here counts (asking once too often rather than never).
        if (!ctx.args.isSet(kWorkflowApprove)) {
            if (!ctx.stdinIsTerminal()) {
                ctx.err(tr("job \"%1\" deploys to %2, which deploydesk.yml protects: run "
                           "again with --approve -m REASON; nothing was run")
                            .arg(it.value().constFirst(), it.key()));
                return ExitInvalid;
            }
            if (!confirm(ctx, it.key(), true)) {
                ctx.err(tr("not approved: nothing was run"));
                return ExitCancelled;
            }
        }
        request.approvals.append({it.key(), QString(), request.message});
    }
    RunController controller(*store, ctx.secrets());
    auto start = [&] { return controller.start(pipeline, request); };
    return follow(ctx, controller, *store, start, [&](qint64 id) {
        return tr("run %1 of workflow \"%2\" (%3) on %4 started")
            .arg(id)
            .arg(workflow.displayName(), workflow.displayPath, plan.event);
    });
}

} // namespace

QList<QCommandLineOption> remoteWorkflowOptions();
int remoteWorkflow(Context &ctx, const QStringList &args, const QCommandLineOption &inputOption,
                   const QCommandLineOption &jsonOption);

void addWorkflowOptions(QCommandLineParser &parser)
{
    parser.addOptions({kEvent, kInput, kWorkflowJson, kJob, kStrict, kWorkflowMessage,
                       kWorkflowMaxParallel, kWorkflowApprove});
    parser.addOptions(remoteWorkflowOptions());
}

int workflow(Context &ctx)
{
    const QStringList args = ctx.args.positionalArguments();
    const QString sub = args.value(1);
    if (sub == u"list" && args.size() == 2)
        return list(ctx);
    if (sub == u"plan" && args.size() == 3)
        return plan(ctx, args.at(2));
    if (sub == u"run" && args.size() == 3)
        return runWorkflow(ctx, args.at(2));
    if (const int code = remoteWorkflow(ctx, args, kInput, kWorkflowJson); code >= 0)
        return code;
    ctx.err(tr("usage: deploydeskctl workflow list [--json] | workflow plan FILE [--event E] "
               "[--input name=value]... [--json] | workflow run FILE [--job ID]... [--event E] "
               "[--input name=value]... [--strict] [-m WHY]\n"
               "On GitHub (--repo owner/name, the secret GITHUB_TOKEN): workflow remote [--json] "
               "| workflow import [--workflow W] [--limit N] [--jobs N] | workflow dispatch FILE "
               "[--ref R] [--input name=value]... [--no-follow] | workflow follow|cancel|rerun "
               "RUN | workflow approve|reject RUN [--environment NAME]... [--comment TEXT]"));
    return ExitInvalid;
}

} // namespace DeployDesk::Cli
