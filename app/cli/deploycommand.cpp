// deploydeskctl deploy | releases | rollback | promote | queue | compare
#include "cli.h"
#include "common/translate.h"

#include "common/duration.h"
#include "common/paths.h"
#include "deploy/deploytarget.h"
#include "run/builtinstages.h"
#include "run/gitinfo.h"
#include "run/rollbackjob.h"
#include "run/runcontroller.h"
#include "store/historystore.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTextStream>

namespace DeployDesk::Cli {

namespace {
const QCommandLineOption kBranch({QStringLiteral("b"), QStringLiteral("branch")},
                                 tr("The branch being deployed (for branch previews)."),
                                 QStringLiteral("name"));
const QCommandLineOption kMessage({QStringLiteral("m"), QStringLiteral("message")},
                                  tr("Why: kept in the history."), QStringLiteral("text"));
const QCommandLineOption kApprove(QStringLiteral("approve"),
                                  tr("Approve the deploy to a protected environment."));
const QCommandLineOption kJson(QStringLiteral("json"), tr("Print JSON."));
const QCommandLineOption kYes({QStringLiteral("y"), QStringLiteral("yes")},
                              tr("Do not ask before rolling back (refused for protected "
                                 "environments)."));
const QCommandLineOption kApproveDowngrade(
    QStringLiteral("approve-downgrade"),
    tr("Approve the rollback's database change by naming both revisions, as the plan shows "
       "them: FROM:TO (--yes and --approve do not approve it)."),
    QStringLiteral("from:to"));
const QCommandLineOption kLimit(QStringLiteral("limit"), tr("At most this many releases."),
                                QStringLiteral("n"), QStringLiteral("20"));

QString localTime(const QDateTime &utc)
{
    return utc.isValid() ? utc.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"))
                         : QString();
}

QJsonObject toJson(const ReleaseRecord &r, bool live)
{
    QJsonArray layers;
    for (const ReleaseLayer &l : r.layers) {
        const Deployment &d = l.deployment.deployment;
        layers.append(
            QJsonObject{{QStringLiteral("layer"), toString(l.layer)},
                        {QStringLiteral("changed"), l.changed},
                        {QStringLiteral("target"), d.target},
                        {QStringLiteral("version"), d.version},
                        {QStringLiteral("url"), d.url},
                        {QStringLiteral("run"), l.deployment.runId},
                        {QStringLiteral("details"), QJsonObject::fromVariantMap(d.details)}});
    }
    return QJsonObject{{QStringLiteral("id"), r.id},
                       {QStringLiteral("environment"), r.environment},
                       {QStringLiteral("run"), r.runId},
                       {QStringLiteral("kind"), toString(r.kind)},
                       {QStringLiteral("restores"), r.restores},
                       {QStringLiteral("complete"), r.complete},
                       {QStringLiteral("live"), live},
                       {QStringLiteral("commit"), r.commit},
                       {QStringLiteral("branch"), r.branch},
                       {QStringLiteral("who"), r.who},
                       {QStringLiteral("why"), r.why},
                       {QStringLiteral("created"), r.createdAt.toString(Qt::ISODateWithMs)},
                       {QStringLiteral("layers"), layers}};
}

std::expected<qint64, int> releaseArgument(Context &ctx, const QString &text)
{
    bool ok = false;
    const qint64 id = text.toLongLong(&ok);
    if (!ok || id <= 0) {
        ctx.err(tr("\"%1\" is not a release id; release ids are positive numbers as listed by "
                   "\"deploydeskctl releases ENV\"")
                    .arg(text));
        return std::unexpected(ExitInvalid);
    }
    return id;
}
} // namespace

// The workspace's validated pipeline, or the exit code after its problems were printed.
std::expected<Pipeline, int> loadWorkspace(Context &ctx, RunController &controller,
                                           const QString &environment)
{
    const LoadResult loaded = controller.load(ctx.workspace, environment);
    if (!loaded.ok())
        return std::unexpected(printDiagnostics(ctx, loaded));
    if (!environment.isEmpty() && !loaded.pipeline.environment(environment)) {
        QStringList names;
        for (const Environment &e : loaded.pipeline.environments)
            names << e.name;
        ctx.err(tr("environment \"%1\" is not defined in deploydesk.yml; defined: %2")
                    .arg(environment, names.join(QStringLiteral(", "))));
        return std::unexpected(ExitInvalid);
    }
    return loaded.pipeline;
}

// Asks on a terminal; protected environments need their name typed.
bool confirm(Context &ctx, const QString &environment, bool isProtected)
{
    if (isProtected) {
        ctx.out(tr("Environment %1 is protected. Type its name to approve, anything else to "
                   "cancel:")
                    .arg(environment));
        return QTextStream(stdin).readLine().trimmed() == environment;
    }
    ctx.out(tr("Go ahead? [y/N]"));
    const QString answer = QTextStream(stdin).readLine().trimmed().toLower();
    return answer == QLatin1String("y") || answer == QLatin1String("yes");
}

int approveProtected(Context &ctx, RunRequest &request, bool needsApproval)
{
    if (!needsApproval || request.approved)
        return 0;
    if (!ctx.stdinIsTerminal()) {
        ctx.err(tr("environment %1 is protected: run again with --approve -m REASON; nothing "
                   "was run")
                    .arg(request.environment));
        return ExitInvalid;
    }
    if (!confirm(ctx, request.environment, true)) {
        ctx.err(tr("not approved: nothing was run"));
        return ExitCancelled;
    }
    request.approved = true;
    return 0;
}

void addDeployOptions(QCommandLineParser &parser)
{
    parser.addOptions({kBranch, kMessage, kApprove});
}

void addReleasesOptions(QCommandLineParser &parser)
{
    parser.addOptions({kJson, kLimit});
}

void addRollbackOptions(QCommandLineParser &parser)
{
    parser.addOptions({kYes, kMessage, kApprove, kApproveDowngrade});
}

int deploy(Context &ctx)
{
    const QStringList args = ctx.args.positionalArguments();
    if (args.size() != 2) {
        ctx.err(tr("usage: deploydeskctl deploy ENV [--branch B] [-m WHY] [--approve]"));
        return ExitInvalid;
    }
    auto store = ctx.store();
    if (!store) {
        ctx.err(store.error().toString());
        return ExitInvalid;
    }
    RunController controller(*store, ctx.secrets());
    auto loaded = loadWorkspace(ctx, controller, args.at(1));
    if (!loaded)
        return loaded.error();
    const Pipeline &pipeline = *loaded;
    RunRequest request;
    request.environment = args.at(1);
    request.message = ctx.args.value(kMessage);
    request.branch = ctx.args.value(kBranch);
    request.approved = ctx.args.isSet(kApprove);
    if (RunController::deployStages(pipeline, RunJob::coveredStages(pipeline, {})).isEmpty()) {
        // The registry names every target (sites, services, the database and the vector
        // index), so the message cannot fall behind the targets that exist.
        registerBuiltinStageTypes();
        ctx.err(tr("deploydesk.yml has no deploy stage (uses: %1): nothing would be deployed "
                   "to %2")
                    .arg(TargetRegistry::instance().names().join(QStringLiteral(", ")),
                         request.environment));
        return ExitInvalid;
    }
    if (const int refused = approveProtected(
            ctx, request, !RunController::stagesNeedingApproval(pipeline, request).isEmpty()))
        return refused;
    return follow(
        ctx, controller, *store, [&] { return controller.start(pipeline, request); },
        [&](qint64 id) {
            return tr("run %1 deploys \"%2\" to %3")
                .arg(id)
                .arg(pipeline.name, request.environment);
        });
}

int promote(Context &ctx)
{
    const QStringList args = ctx.args.positionalArguments();
    if (args.size() != 3) {
        ctx.err(tr("usage: deploydeskctl promote RUN ENV [-m WHY] [--approve]"));
        return ExitInvalid;
    }
    const qint64 runId = ctx.parseRunId(args.at(1));
    if (!runId)
        return ExitInvalid;
    auto store = ctx.store();
    if (!store) {
        ctx.err(store.error().toString());
        return ExitInvalid;
    }
    RunController controller(*store, ctx.secrets());
    auto loaded = loadWorkspace(ctx, controller, args.at(2));
    if (!loaded)
        return loaded.error();
    const Pipeline &pipeline = *loaded;
    auto source = (*store)->run(runId);
    if (!source) {
        ctx.err(source.error().toString());
        return ExitInvalid;
    }
    if (source->status != RunStatus::Success) {
        ctx.err(tr("run %1 is %2: only a successful run's artifacts can be promoted")
                    .arg(runId)
                    .arg(toString(source->status)));
        return ExitInvalid;
    }
    RunRequest request;
    request.environment = args.at(2);
    request.rerunOf = runId;
    request.promote = true;
    request.approved = ctx.args.isSet(kApprove);
    request.message = ctx.args.value(kMessage).isEmpty()
                          ? tr("promote run %1 to %2").arg(runId).arg(request.environment)
                          : ctx.args.value(kMessage);
    if (const int refused =
            approveProtected(ctx, request, pipeline.environment(request.environment)->isProtected))
        return refused;
    return follow(
        ctx, controller, *store, [&] { return controller.start(pipeline, request); },
        [&](qint64 id) {
            return tr("run %1 promotes the artifacts of run %2 to %3")
                .arg(id)
                .arg(runId)
                .arg(request.environment);
        });
}

int releases(Context &ctx)
{
    const QStringList args = ctx.args.positionalArguments();
    if (args.size() == 3 &&
        (args.at(1) == QLatin1String("pin") || args.at(1) == QLatin1String("unpin")))
        return pinRelease(ctx, args.at(1) == QLatin1String("pin"), args.at(2));
    if (args.size() != 2) {
        ctx.err(tr("usage: deploydeskctl releases ENV [--json] [--limit N] | releases pin|unpin "
                   "RELEASE"));
        return ExitInvalid;
    }
    auto store = ctx.store();
    if (!store) {
        ctx.err(store.error().toString());
        return ExitInvalid;
    }
    const int limit = std::max(1, ctx.args.value(kLimit).toInt());
    auto list = (*store)->releases(ctx.workspace, args.at(1), limit);
    if (!list) {
        ctx.err(list.error().toString());
        return ExitInvalid;
    }
    if (ctx.args.isSet(kJson)) {
        QJsonArray out;
        for (const ReleaseRecord &r : std::as_const(*list))
            out.append(toJson(r, r.id == list->first().id));
        ctx.writeRaw(QJsonDocument(out).toJson(QJsonDocument::Indented));
        return ExitSuccess;
    }
    if (list->isEmpty()) {
        ctx.out(tr("%1 has no releases yet; deploy with: deploydeskctl deploy %1").arg(args.at(1)));
        return ExitSuccess;
    }
    for (const ReleaseRecord &r : std::as_const(*list)) {
        QString head = tr("release %1%2  %3  run %4  %5  %6  %7")
                           .arg(r.id)
                           .arg(r.id == list->first().id ? tr(" (live)") : QString())
                           .arg(localTime(r.createdAt))
                           .arg(r.runId)
                           .arg(toString(r.kind))
                           .arg(r.commit.isEmpty() ? tr("no commit") : r.commit.left(12))
                           .arg(r.who);
        if (r.restores)
            head += tr("  restores release %1").arg(r.restores);
        if (!r.complete)
            head += tr("  (incomplete)");
        ctx.out(head);
        if (!r.why.isEmpty())
            ctx.out(QStringLiteral("    ") + r.why);
        for (const ReleaseLayer &l : r.layers) {
            const Deployment &d = l.deployment.deployment;
            ctx.out(QStringLiteral("    %1%2 %3 %4 %5")
                        .arg(l.changed ? QStringLiteral("*") : QStringLiteral(" "))
                        .arg(toString(l.layer), -12)
                        .arg(d.target, -13)
                        .arg(d.version, d.url));
        }
    }
    return ExitSuccess;
}

int rollback(Context &ctx)
{
    const QStringList args = ctx.args.positionalArguments();
    if (args.size() < 2 || args.size() > 3) {
        ctx.err(tr("usage: deploydeskctl rollback ENV [RELEASE] [--yes] [-m WHY] [--approve]"));
        return ExitInvalid;
    }
    RollbackRequest request;
    request.environment = args.at(1);
    request.message = ctx.args.value(kMessage);
    if (args.size() == 3) {
        auto id = releaseArgument(ctx, args.at(2));
        if (!id)
            return id.error();
        request.releaseId = *id;
    }
    auto store = ctx.store();
    if (!store) {
        ctx.err(store.error().toString());
        return ExitInvalid;
    }
    RunController controller(*store, ctx.secrets());
    auto loaded = loadWorkspace(ctx, controller, request.environment);
    if (!loaded)
        return loaded.error();
    const Pipeline &pipeline = *loaded;
    auto plan = planRollback(**store, ctx.workspace, request.environment, request.releaseId);
    if (!plan) {
        ctx.err(plan.error().toString());
        return ExitInvalid;
    }
    ctx.out(plan->describe());
    if (!plan->changesAnything()) {
        ctx.err(tr("nothing to roll back: release %1 has the live versions").arg(plan->target.id));
        return ExitInvalid;
    }
    const bool isProtected = pipeline.environment(request.environment)->isProtected;
    request.approved = ctx.args.isSet(kApprove);
    if (isProtected && ctx.args.isSet(kYes) && !request.approved) {
        ctx.err(tr("%1 is protected: --yes is refused there; approve with --approve -m REASON, "
                   "or run on a terminal and type the name")
                    .arg(request.environment));
        return ExitInvalid;
    }
    // A database change needs its own approval naming both revisions: --yes and
    // --approve never give it.
    bool typedSchemaApproval = false;
    if (const std::optional<SchemaChange> change = plan->schemaChange()) {
        const QString given = ctx.args.value(kApproveDowngrade).trimmed();
        if (!given.isEmpty()) {
            if (given != change->key()) {
                ctx.err(
                    tr("--approve-downgrade names %1, but this rollback takes the database "
                       "of %2 from revision %3 to revision %4 (%5); nothing was changed")
                        .arg(given, request.environment, change->from, change->to, change->key()));
                return ExitInvalid;
            }
        } else if (!ctx.stdinIsTerminal()) {
            ctx.err(tr("this rollback takes the database of %1 from revision %2 to revision %3, "
                       "which can drop what later migrations added; --yes and --approve do not "
                       "approve that: run again with --approve-downgrade %4; nothing was changed")
                        .arg(request.environment, change->from, change->to, change->key()));
            return ExitInvalid;
        } else {
            ctx.out(tr("This rollback takes the database of %1 from revision %2 to revision %3, "
                       "which can drop what later migrations added. Type %4 to approve, "
                       "anything else to cancel:")
                        .arg(request.environment, change->from, change->to, change->key()));
            if (QTextStream(stdin).readLine().trimmed() != change->key()) {
                ctx.err(tr("database change not approved: nothing was changed"));
                return ExitCancelled;
            }
            typedSchemaApproval = true;
        }
        request.approvedSchemaChange = change->key();
    }
    if (!ctx.args.isSet(kYes) && !request.approved && !(typedSchemaApproval && !isProtected)) {
        if (!ctx.stdinIsTerminal()) {
            ctx.err(tr("not on a terminal: confirm with --yes%1; nothing was changed")
                        .arg(isProtected ? tr(" (or --approve for a protected environment)")
                                         : QString()));
            return ExitInvalid;
        }
        if (!confirm(ctx, request.environment, isProtected)) {
            ctx.err(tr("not confirmed: nothing was changed"));
            return ExitCancelled;
        }
        request.approved = isProtected;
    }
    return follow(
        ctx, controller, *store, [&] { return controller.startRollback(pipeline, request); },
        [&](qint64 id) {
            return tr("run %1 rolls %2 back to release %3")
                .arg(id)
                .arg(request.environment)
                .arg(plan->target.id);
        });
}

int queue(Context &ctx)
{
    auto store = ctx.store();
    if (!store) {
        ctx.err(store.error().toString());
        return ExitInvalid;
    }
    auto tickets = (*store)->queue(ctx.workspace);
    if (!tickets) {
        ctx.err(tickets.error().toString());
        return ExitInvalid;
    }
    QMap<QString, int> position;
    if (ctx.args.isSet(kJson)) {
        QJsonArray out;
        for (const QueueTicket &t : std::as_const(*tickets)) {
            const int p = position[t.environment]++;
            out.append(QJsonObject{{QStringLiteral("environment"), t.environment},
                                   {QStringLiteral("run"), t.runId},
                                   {QStringLiteral("what"), t.what},
                                   {QStringLiteral("state"), p == 0 ? QStringLiteral("deploying")
                                                                    : QStringLiteral("waiting")},
                                   {QStringLiteral("position"), p},
                                   {QStringLiteral("pid"), t.pid},
                                   {QStringLiteral("since"), t.enqueuedAt.toString(Qt::ISODate)}});
        }
        ctx.writeRaw(QJsonDocument(out).toJson(QJsonDocument::Indented));
        return ExitSuccess;
    }
    if (tickets->isEmpty()) {
        ctx.out(tr("no deploy or rollback is running or waiting"));
        return ExitSuccess;
    }
    for (const QueueTicket &t : std::as_const(*tickets)) {
        const int p = position[t.environment]++;
        ctx.out(p == 0 ? tr("%1: run %2 (%3) is deploying since %4")
                             .arg(t.environment)
                             .arg(t.runId)
                             .arg(t.what, localTime(t.enqueuedAt))
                       : tr("%1: run %2 (%3) waits, number %4 in line since %5")
                             .arg(t.environment)
                             .arg(t.runId)
                             .arg(t.what)
                             .arg(p)
                             .arg(localTime(t.enqueuedAt)));
    }
    return ExitSuccess;
}

int compare(Context &ctx)
{
    const QStringList args = ctx.args.positionalArguments();
    if (args.size() != 3) {
        ctx.err(tr("usage: deploydeskctl compare RELEASE RELEASE"));
        return ExitInvalid;
    }
    auto a = releaseArgument(ctx, args.at(1));
    auto b = releaseArgument(ctx, args.at(2));
    if (!a || !b)
        return ExitInvalid;
    auto store = ctx.store();
    if (!store) {
        ctx.err(store.error().toString());
        return ExitInvalid;
    }
    auto older = (*store)->release(std::min(*a, *b));
    auto newer = (*store)->release(std::max(*a, *b));
    if (!older || !newer) {
        ctx.err((!older ? older.error() : newer.error()).toString());
        return ExitInvalid;
    }
    ctx.out(tr("release %1 (%2, run %3) → release %4 (%5, run %6)")
                .arg(older->id)
                .arg(older->environment)
                .arg(older->runId)
                .arg(newer->id)
                .arg(newer->environment)
                .arg(newer->runId));
    for (int i = 0; i <= int(Layer::VectorIndex); ++i) {
        const Layer layer = Layer(i);
        const ReleaseLayer *x = older->layer(layer);
        const ReleaseLayer *y = newer->layer(layer);
        if (!x && !y)
            continue;
        const QString from = x ? x->deployment.deployment.version : tr("nothing");
        const QString to = y ? y->deployment.deployment.version : tr("nothing");
        ctx.out(from == to ? tr("  %1: unchanged (%2)").arg(toString(layer), from)
                           : tr("  %1: %2 → %3").arg(toString(layer), from, to));
    }
    if (older->commit.isEmpty() || newer->commit.isEmpty()) {
        ctx.out(tr("commits: unknown (a release was made outside a git checkout)"));
        return ExitSuccess;
    }
    if (older->commit == newer->commit) {
        ctx.out(tr("commits: the same (%1)").arg(older->commit.left(12)));
        return ExitSuccess;
    }
    QProcess git;
    git.setWorkingDirectory(ctx.workspace);
    git.start(QStringLiteral("git"),
              {QStringLiteral("log"), QStringLiteral("--oneline"), QStringLiteral("--no-decorate"),
               older->commit + QStringLiteral("..") + newer->commit});
    if (!git.waitForFinished(30000) || git.exitCode() != 0) {
        ctx.out(tr("commits: %1 → %2 (git log could not list them: %3)")
                    .arg(older->commit.left(12), newer->commit.left(12),
                         QString::fromUtf8(git.readAllStandardError()).trimmed()));
        return ExitSuccess;
    }
    const QStringList lines =
        QString::fromUtf8(git.readAllStandardOutput()).split(u'\n', Qt::SkipEmptyParts);
    ctx.out(tr("commits between them: %1").arg(lines.size()));
    for (const QString &l : lines)
        ctx.out(QStringLiteral("  ") + l);
    return ExitSuccess;
}

} // namespace DeployDesk::Cli
