// deploydeskctl validate | run
#include "cli.h"
#include "common/translate.h"
#include "signalwatcher.h"

#include "common/duration.h"
#include "common/paths.h"
#include "engine/stageserver.h"
#include "log/ansiparser.h"
#include "run/runcontroller.h"
#include "run/runreport.h"
#include "store/historystore.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QTextStream>
#include <QTimer>

#include <csignal>

namespace DeployDesk::Cli {

namespace {
const QCommandLineOption kEnv({QStringLiteral("e"), QStringLiteral("env")},
                              tr("The environment to run for."), QStringLiteral("name"));
const QCommandLineOption kStage({QStringLiteral("s"), QStringLiteral("stage")},
                                tr("Run only this stage and what it needs (repeatable)."),
                                QStringLiteral("stage"));
const QCommandLineOption kRerun(QStringLiteral("rerun-failed"),
                                tr("Re-run only the failed and skipped stages of this run."),
                                QStringLiteral("run"));
const QCommandLineOption kMessage({QStringLiteral("m"), QStringLiteral("message")},
                                  tr("Why this run: kept in the history."), QStringLiteral("text"));
const QCommandLineOption kApprove(
    QStringLiteral("approve"),
    tr("Approve the deploy to a protected environment (recorded in the history with -m)."));
const QCommandLineOption kMaxParallel(QStringLiteral("max-parallel"),
                                      tr("At most this many stages at once."), QStringLiteral("n"));

} // namespace

int printDiagnostics(Context &ctx, const LoadResult &loaded)
{
    const QString base = ctx.workspace + QLatin1Char('/');
    for (const Diagnostic &d : loaded.diagnostics) {
        Diagnostic shown = d;
        if (shown.where.file.startsWith(base))
            shown.where.file = shown.where.file.mid(base.size());
        ctx.err(shown.toString());
    }
    ctx.err(loaded.diagnostics.size() == 1
                ? tr("1 problem; nothing was run")
                : tr("%1 problems; nothing was run").arg(loaded.diagnostics.size()));
    return ExitInvalid;
}

namespace {

QString symbol(const StageRecord &r)
{
    if (r.isAllowedFailure())
        return QStringLiteral("!");
    const StageStatus s = r.status;
    switch (s) {
    case StageStatus::Pending:
        return QStringLiteral("·");
    case StageStatus::Running:
        return QStringLiteral("▶");
    case StageStatus::Success:
        return QStringLiteral("✔");
    case StageStatus::Failed:
        return QStringLiteral("✘");
    case StageStatus::Skipped:
        return QStringLiteral("↷");
    case StageStatus::Cancelled:
    case StageStatus::Interrupted:
        return QStringLiteral("■");
    }
    return {};
}

const char *colour(const StageRecord &r)
{
    if (r.isAllowedFailure())
        return "\x1b[33m"; // amber: failed, but allowed (continue-on-error)
    const StageStatus s = r.status;
    switch (s) {
    case StageStatus::Running:
        return "\x1b[36m";
    case StageStatus::Success:
        return "\x1b[32m";
    case StageStatus::Failed:
        return "\x1b[31m";
    case StageStatus::Skipped:
    case StageStatus::Pending:
        return "\x1b[2m";
    default:
        return "\x1b[33m";
    }
}

QString stageTime(const StageRecord &s)
{
    if (!s.startedAt.isValid())
        return {};
    const QDateTime end = s.finishedAt.isValid() ? s.finishedAt : QDateTime::currentDateTimeUtc();
    return formatDuration(std::chrono::milliseconds(s.startedAt.msecsTo(end)));
}

// Live progress: on a terminal a table redrawn in place; piped, one line per change.
class Progress final
{
public:
    Progress(Context &ctx, RunController &controller)
        : m_ctx(ctx)
        , m_controller(controller)
        , m_live(ctx.stdoutIsTerminal() && qEnvironmentVariable("TERM") != QLatin1String("dumb"))
    {}

    void changed(const StageRecord &s)
    {
        if (m_live) {
            redraw();
            return;
        }
        if (s.status == StageStatus::Pending)
            return;
        // One line per change a reader cares about: a new state or a new attempt.
        const auto seen = std::pair{s.status, std::max(s.attempts, 1)};
        if (m_printed.value(s.name) == seen)
            return;
        m_printed.insert(s.name, seen);
        QString line = QStringLiteral("%1 %2 %3")
                           .arg(QDateTime::currentDateTime().toString(QStringLiteral("HH:mm:ss")),
                                s.name, stageOutcome(s));
        if (s.status == StageStatus::Running && s.attempts > 1)
            line += tr(" (attempt %1)").arg(s.attempts);
        if (isFinal(s.status)) {
            // A reused success says so ("lint success: reused from the earlier run").
            if (!s.reason.isEmpty() && (s.status != StageStatus::Success || s.reusedFrom > 0))
                line += QStringLiteral(": ") + s.reason;
            if (const QString t = stageTime(s); !t.isEmpty() && s.status != StageStatus::Skipped)
                line += tr(" in %1").arg(t);
        }
        m_ctx.out(line);
    }

    void redraw()
    {
        if (!m_live)
            return;
        const QList<StageRecord> stages = m_controller.stageRecords();
        QByteArray frame;
        if (m_drawn > 0)
            frame += "\x1b[" + QByteArray::number(m_drawn) + "F"; // up to the first line
        int width = 8;
        for (const StageRecord &s : stages)
            width = std::max(width, int(s.name.size()));
        for (const StageRecord &s : stages) {
            QString status = stageOutcome(s);
            if (s.status == StageStatus::Running && s.attempts > 1)
                status += tr(" (attempt %1)").arg(s.attempts);
            QString line = QStringLiteral("  %1 %2  %3  %4")
                               .arg(symbol(s), s.name.leftJustified(width),
                                    status.leftJustified(20), stageTime(s));
            if (isFinal(s.status) && s.status != StageStatus::Success && !s.reason.isEmpty())
                line += QStringLiteral("  ") + s.reason.left(80);
            frame += "\x1b[2K" + QByteArray(colour(s)) + line.toUtf8() + "\x1b[0m\n";
        }
        m_drawn = int(stages.size());
        m_ctx.writeRaw(frame);
        std::fflush(stdout);
    }

private:
    Context &m_ctx;
    RunController &m_controller;
    bool m_live = false;
    int m_drawn = 0;
    QHash<QString, std::pair<StageStatus, int>> m_printed;
};

// The last lines of a failed stage, so the reason is on screen at 2 a.m.
void printTail(Context &ctx, HistoryStore *store, const StageRecord &s, int count)
{
    auto total = store->logLineCount(s.id);
    if (!total || *total == 0)
        return;
    const qint64 first = std::max<qint64>(1, *total - count + 1);
    auto lines = store->logLines(s.id, first, count);
    if (!lines)
        return;
    if (s.isAllowedFailure())
        ctx.err(tr("--- last %1 lines of %2, an allowed failure (continue-on-error; all: "
                   "deploydeskctl logs %3 %2) ---")
                    .arg(lines->size())
                    .arg(s.name)
                    .arg(s.runId));
    else
        ctx.err(tr("--- last %1 lines of %2 (all: deploydeskctl logs %3 %2) ---")
                    .arg(lines->size())
                    .arg(s.name)
                    .arg(s.runId));
    for (const LogLine &line : std::as_const(*lines)) {
        const QByteArray text = ctx.stdoutIsTerminal() ? AnsiParser::forTerminal(line.text)
                                                       : AnsiParser::strip(line.text);
        ctx.err(QString::fromUtf8(text));
    }
    // Where First Error lands (the panel's rule), when the tail may not show it.
    if (s.isAllowedFailure())
        return;
    if (auto found = firstErrorOf(*store, s.id); found && *found)
        ctx.err(tr("first error of %1, line %2: %3")
                    .arg(s.name)
                    .arg((*found)->line)
                    .arg((*found)->text));
}
} // namespace

void addRunOptions(QCommandLineParser &parser)
{
    parser.addOptions({kEnv, kStage, kRerun, kMessage, kMaxParallel, kApprove});
}

void addValidateOptions(QCommandLineParser &parser)
{
    parser.addOptions({kEnv, kStage});
}

int validate(Context &ctx)
{
    // Secrets are checked for the run `run` would make with the same --env and --stage:
    // only the stages that would start need theirs.
    const QString environment = ctx.args.value(kEnv);
    RunController controller(nullptr, ctx.secrets());
    const LoadResult loaded = controller.load(ctx.workspace, environment, ctx.args.values(kStage));
    if (!loaded.ok())
        return printDiagnostics(ctx, loaded);
    for (const QString &name : ctx.args.values(kStage)) {
        if (!loaded.pipeline.stage(name)) {
            ctx.err(tr("stage \"%1\" is not defined in deploydesk.yml").arg(name));
            return ExitInvalid;
        }
    }
    ctx.out(tr("deploydesk.yml is valid: pipeline \"%1\", %2, %3")
                .arg(loaded.pipeline.name,
                     QCoreApplication::translate("DeployDesk", "%n stage(s)", nullptr,
                                                 int(loaded.pipeline.stages.size())),
                     QCoreApplication::translate("DeployDesk", "%n environment(s)", nullptr,
                                                 int(loaded.pipeline.environments.size()))));
    ctx.out(environment.isEmpty()
                ? tr("secrets checked for a run without an environment; check another with "
                     "--env NAME")
                : tr("secrets checked for a run in environment %1").arg(environment));
    return ExitSuccess;
}

int run(Context &ctx)
{
    // The stage server starts while the history opens (a new one takes ~10 ms): the first
    // stage then finds it ready.
    StageServer::warmUp();
    auto store = ctx.store();
    if (!store) {
        ctx.err(store.error().toString());
        return ExitInvalid;
    }
    RunRequest request;
    request.environment = ctx.args.value(kEnv);
    request.stages = ctx.args.values(kStage);
    request.message = ctx.args.value(kMessage);
    if (ctx.args.isSet(kRerun)) {
        request.rerunOf = ctx.parseRunId(ctx.args.value(kRerun));
        if (!request.rerunOf)
            return ExitInvalid;
    }
    if (ctx.args.isSet(kMaxParallel)) {
        bool ok = false;
        request.maxParallel = ctx.args.value(kMaxParallel).toInt(&ok);
        if (!ok || request.maxParallel < 1) {
            ctx.err(tr("--max-parallel needs a whole number of at least 1; found \"%1\"")
                        .arg(ctx.args.value(kMaxParallel)));
            return ExitInvalid;
        }
    }

    RunController controller(*store, ctx.secrets());
    // Only the stages that will run need their secrets (a re-run's are known once the
    // earlier run is read: its selection is checked when it starts).
    const LoadResult loaded = controller.load(ctx.workspace, request.environment, request.stages);
    if (!loaded.ok())
        return printDiagnostics(ctx, loaded);

    // A protected environment: approve up front (--approve, or typed on a terminal).
    // Without either nothing can approve it, so nothing starts: no build to be thrown away
    // when the deploy stages are refused at the end.
    request.approved = ctx.args.isSet(kApprove);
    const QStringList gated = RunController::stagesNeedingApproval(loaded.pipeline, request);
    if (!gated.isEmpty() && !request.approved && !ctx.stdinIsTerminal()) {
        ctx.err(tr("environment %1 is protected and stages %2 deploy to it: run again with "
                   "--approve -m REASON (not on a terminal, nothing can be typed to approve); "
                   "nothing was run")
                    .arg(request.environment, gated.join(QStringLiteral(", "))));
        return ExitInvalid;
    }
    if (!gated.isEmpty() && !request.approved && ctx.stdinIsTerminal()) {
        ctx.out(tr("Environment %1 is protected: stages %2 deploy to it.")
                    .arg(request.environment, gated.join(QStringLiteral(", "))));
        ctx.out(tr("Type the environment's name to approve, anything else to cancel:"));
        QTextStream in(stdin);
        const QString answer = in.readLine().trimmed();
        if (answer != request.environment) {
            ctx.err(tr("not approved: nothing was run"));
            return ExitCancelled;
        }
        request.approved = true;
    }

    return follow(
        ctx, controller, *store, [&] { return controller.start(loaded.pipeline, request); },
        [&](qint64 id) {
            return tr("run %1 of \"%2\"%3 started")
                .arg(id)
                .arg(loaded.pipeline.name, request.environment.isEmpty()
                                               ? QString()
                                               : tr(" for %1").arg(request.environment));
        });
}

int follow(Context &ctx, RunController &controller, HistoryStore *store,
           const std::function<Result<qint64>()> &start,
           const std::function<QString(qint64)> &startedText)
{
    SignalWatcher watcher;
    Progress progress(ctx, controller);
    QObject::connect(&controller, &RunController::approvalRequired, &controller,
                     [&](const QString &environment, const QStringList &stages) {
                         const QString why = tr("not approved: run without --approve and not on a "
                                                "terminal; run again with --approve -m REASON");
                         ctx.err(tr("environment %1 is protected; stages %2 were not started: %3")
                                     .arg(environment, stages.join(QStringLiteral(", ")), why));
                         controller.refuse(Paths::currentUser(), why);
                     });
    QObject::connect(&controller, &RunController::queued, &controller,
                     [&](const QueueTicket &ahead) {
                         ctx.out(tr("waiting: run %1 (%2) holds %3; this run starts when it ends "
                                    "(see deploydeskctl queue)")
                                     .arg(ahead.runId)
                                     .arg(ahead.what, ahead.environment));
                     });
    int code = ExitFailed;
    // Said as it happens: the run goes on, the change is retried, the run will fail.
    QObject::connect(&controller, &RunController::recordingFailed, &controller,
                     [&](const Error &error) {
                         ctx.err(tr("could not record: %1; retrying, and this run will not "
                                    "count as a success")
                                     .arg(error.message));
                     });
    QObject::connect(&controller, &RunController::stageChanged, &controller,
                     [&](const StageRecord &s) { progress.changed(s); });
    QObject::connect(&watcher, &SignalWatcher::received, &controller, [&](int sig) {
        controller.cancel(sig == SIGINT ? tr("interrupted from the terminal (Ctrl+C)")
                                        : tr("cancel requested (signal %1)").arg(sig));
    });
    QObject::connect(&controller, &RunController::finished, &controller, [&](const RunRecord &r) {
        progress.redraw();
        // The allowed failures (continue-on-error) first and short, so the tail of the
        // stage that failed the run is the last thing on the screen.
        QStringList allowed;
        for (const StageRecord &s : controller.stageRecords()) {
            if (s.isAllowedFailure()) {
                allowed << s.name;
                printTail(ctx, store, s, 5);
            }
        }
        for (const StageRecord &s : controller.stageRecords()) {
            if (s.failedForReal())
                printTail(ctx, store, s, 20);
        }
        const QString took = formatDuration(std::chrono::milliseconds(r.durationMs()));
        if (allowed.isEmpty())
            ctx.out(tr("run %1 %2 in %3").arg(r.id).arg(toString(r.status), took));
        else
            ctx.out(QCoreApplication::translate(
                        "DeployDesk",
                        "run %1 %2 in %3, with %n allowed failure(s) (continue-on-error): %4",
                        nullptr, int(allowed.size()))
                        .arg(r.id)
                        .arg(toString(r.status), took, allowed.join(QStringLiteral(", "))));
        if (!r.environment.isEmpty()) {
            if (auto release = store->releaseOfRun(r.id); release && *release) {
                for (const ReleaseLayer &l : (*release)->layers) {
                    const Deployment &d = l.deployment.deployment;
                    if (l.changed && l.layer == Layer::Database)
                        ctx.out(
                            tr("  database of %1 is at revision %2 (it was at %3)")
                                .arg(r.environment, d.version,
                                     d.details.value(QStringLiteral("before"), QStringLiteral("?"))
                                         .toString()));
                    else if (l.changed && !l.deployment.deployment.url.isEmpty())
                        ctx.out(tr("  %1 of %2 answers at %3")
                                    .arg(toString(l.layer), r.environment,
                                         l.deployment.deployment.url));
                }
            }
        }
        code = r.status == RunStatus::Success     ? ExitSuccess
               : r.status == RunStatus::Cancelled ? ExitCancelled
                                                  : ExitFailed;
        if (const QList<Error> &failures = controller.recordingFailures(); !failures.isEmpty()) {
            ctx.err(QCoreApplication::translate(
                        "DeployDesk",
                        "run %1's record is incomplete: %n change(s) could not be recorded in "
                        "the history when they happened; the first: %2",
                        nullptr, int(failures.size()))
                        .arg(r.id)
                        .arg(failures.constFirst().message));
            if (r.status == RunStatus::Interrupted)
                ctx.err(tr("its end could not be recorded either: the history will show it as "
                           "interrupted once it can be written"));
            if (r.status != RunStatus::Cancelled)
                code = ExitNotRecorded;
        }
        QCoreApplication::exit(0);
    });
    auto started = start();
    if (!started) {
        ctx.err(started.error().toString());
        return started.error().code == ErrorCode::Io ? ExitNotRecorded : ExitInvalid;
    }
    ctx.out(startedText(*started));
    QTimer ticker;
    if (ctx.stdoutIsTerminal()) {
        QObject::connect(&ticker, &QTimer::timeout, &controller, [&] { progress.redraw(); });
        ticker.start(250);
    }
    QCoreApplication::exec();
    return code;
}

} // namespace DeployDesk::Cli
