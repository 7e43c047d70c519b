// deploydeskctl reembed / index: the vector-index layer from the command line. `reembed` runs
// the pipeline's `reembed` stage as a recorded run (or, with --dry-run, prints what it would
// send); `index versions|switch|query` read and switch the index that stage writes.
#include "cli.h"
#include "common/translate.h"

#include "data/embed/embedder.h"
#include "data/reembed/reembedtarget.h"
#include "engine/runjob.h"
#include "engine/stagejob.h"
#include "run/reembedstage.h"
#include "run/runcontroller.h"
#include "store/historystore.h"

#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace DeployDesk::Cli {

namespace {

const QCommandLineOption kFull(QStringLiteral("full"),
                               tr("Rebuild a new index version whole, validate it and switch "
                                  "(default: incremental, in place)."));
const QCommandLineOption kDryRun(QStringLiteral("dry-run"),
                                 tr("Only show what changed: per file new, changed, removed and "
                                    "unchanged chunks, inputs and estimated billed tokens."));
const QCommandLineOption kEnv({QStringLiteral("e"), QStringLiteral("env")},
                              tr("The environment (default: the pipeline's first)."),
                              QStringLiteral("name"));
const QCommandLineOption kJsonOut(QStringLiteral("json"), tr("Print JSON."));
const QCommandLineOption kVersion(QStringLiteral("index-version"),
                                  tr("Query this version instead of the live one."),
                                  QStringLiteral("N"));
const QCommandLineOption kTop(QStringLiteral("top"), tr("How many hits (default 5)."),
                              QStringLiteral("k"), QStringLiteral("5"));
const QCommandLineOption kApproveIndex(QStringLiteral("approve"),
                                       tr("Approve switching a protected environment's index."));
const QCommandLineOption kWhy({QStringLiteral("m"), QStringLiteral("message")},
                              tr("Why (recorded with an approval)."), QStringLiteral("text"));

struct StageSetup
{
    Pipeline pipeline;
    ReembedStage reembed; // the pipeline's `reembed` stage, options expanded as a run would
};

std::expected<StageSetup, int> reembedStage(Context &ctx, const QVariantMap &overrides = {})
{
    auto store = ctx.store();
    if (!store) {
        ctx.err(store.error().toString());
        return std::unexpected(ExitInvalid);
    }
    RunController controller(*store, ctx.secrets());
    StageSetup setup;
    auto loaded = loadWorkspace(ctx, controller, ctx.args.value(kEnv));
    if (!loaded)
        return std::unexpected(loaded.error());
    setup.pipeline = *loaded;
    auto stage =
        reembedStageOf(setup.pipeline, ctx.args.value(kEnv), (*store)->dataDir(), overrides);
    if (!stage) {
        ctx.err(stage.error().message);
        return std::unexpected(ExitInvalid);
    }
    setup.reembed = *stage;
    return setup;
}

std::expected<Data::ReembedSetup, int> readSetup(Context &ctx, const StageSetup &stage)
{
    auto setup = Data::ReembedStageOptions::read(stage.reembed.request);
    if (!setup) {
        ctx.err(tr("stage %1: %2").arg(stage.reembed.stage.name, setup.error().toString()));
        return std::unexpected(ExitInvalid);
    }
    return *setup;
}

int failed(Context &ctx, Job *job)
{
    if (job->outcome() == Job::Outcome::Cancelled) {
        ctx.err(tr("cancelled"));
        return ExitCancelled;
    }
    ctx.err(job->errorText());
    return ExitFailed;
}

int versions(Context &ctx, const Data::ReembedSetup &setup)
{
    auto *state = setup.index->state();
    std::unique_ptr<Job> owner(state);
    runToEnd(state);
    if (state->outcome() != Job::Outcome::Success)
        return failed(ctx, state);
    QJsonArray list;
    for (auto it = state->state().versions.crbegin(); it != state->state().versions.crend(); ++it) {
        auto *info = setup.index->info(*it);
        std::unique_ptr<Job> infoOwner(info);
        runToEnd(info);
        if (info->outcome() != Job::Outcome::Success)
            return failed(ctx, info);
        const bool live = state->state().live == *it;
        const auto &i = info->info();
        list.append(QJsonObject{{QStringLiteral("version"), *it},
                                {QStringLiteral("name"), i.name},
                                {QStringLiteral("live"), live},
                                {QStringLiteral("points"), i.points},
                                {QStringLiteral("dimension"), i.dimension},
                                {QStringLiteral("model"), i.metadata.value("model").toString()}});
    }
    if (ctx.args.isSet(kJsonOut)) {
        ctx.writeRaw(QJsonDocument(list).toJson(QJsonDocument::Indented));
        return ExitSuccess;
    }
    ctx.out(tr("index %1 (%2, %3)")
                .arg(setup.index->name(), setup.index->kind(), setup.index->location()));
    if (list.isEmpty())
        ctx.out(tr("  no versions yet: run deploydeskctl reembed"));
    for (const QJsonValue &v : list)
        ctx.out(tr("  %1v%2  %3 points, %4 dimensions, %5")
                    .arg(v["live"].toBool() ? QStringLiteral("* ") : QStringLiteral("  "))
                    .arg(v["version"].toInt())
                    .arg(v["points"].toInteger())
                    .arg(v["dimension"].toInt())
                    .arg(v["model"].toString()));
    return ExitSuccess;
}

int switchTo(Context &ctx, const StageSetup &stage, const Data::ReembedSetup &setup,
             const QString &text)
{
    QString digits = text;
    if (digits.startsWith(u'v'))
        digits.remove(0, 1);
    bool ok = false;
    const int version = digits.toInt(&ok);
    if (!ok || version <= 0) {
        ctx.err(tr("\"%1\" is not an index version; give one listed by \"deploydeskctl index "
                   "versions\" (e.g. 3 or v3)")
                    .arg(text));
        return ExitInvalid;
    }
    const Environment *env = stage.pipeline.environment(stage.reembed.environment);
    RunRequest approval;
    approval.environment = stage.reembed.environment;
    approval.approved = ctx.args.isSet(kApproveIndex);
    approval.message = ctx.args.value(kWhy);
    if (const int refused = approveProtected(ctx, approval, env && env->isProtected))
        return refused;
    auto *state = setup.index->state();
    std::unique_ptr<Job> owner(state);
    runToEnd(state);
    if (state->outcome() != Job::Outcome::Success)
        return failed(ctx, state);
    if (!state->state().versions.contains(version)) {
        ctx.err(tr("index %1 has no version %2").arg(setup.index->name()).arg(version));
        return ExitInvalid;
    }
    const auto live = state->state().live;
    // A recorded run, as a rollback is: History and Environments show the switch.
    auto store = ctx.store();
    RunController controller(*store, ctx.secrets());
    IndexSwitchRequest request;
    request.environment = approval.environment;
    request.version = version;
    request.message = approval.message;
    request.approved = approval.approved;
    request.approvedBy = approval.approvedBy;
    return follow(
        ctx, controller, *store,
        [&] { return controller.startIndexSwitch(stage.pipeline, request); },
        [&](qint64 id) {
            return tr("run %1: index switch %2 → v%3")
                .arg(id)
                .arg(live ? QStringLiteral("v%1").arg(*live) : tr("none"))
                .arg(version);
        });
}

int query(Context &ctx, const Data::ReembedSetup &setup, const QString &text)
{
    std::optional<int> version;
    if (ctx.args.isSet(kVersion))
        version = ctx.args.value(kVersion).remove(u'v').toInt();
    const int top = std::clamp(ctx.args.value(kTop).toInt(), 1, 100);
    Data::EmbedJob *embed = setup.embedder->embed({text}, Data::InputType::Query);
    std::unique_ptr<Job> owner(embed);
    runToEnd(embed);
    if (embed->outcome() != Job::Outcome::Success)
        return failed(ctx, embed);
    auto *job = setup.index->query(version, embed->vectors().first(), top);
    std::unique_ptr<Job> jobOwner(job);
    runToEnd(job);
    if (job->outcome() != Job::Outcome::Success)
        return failed(ctx, job);
    QJsonArray hits;
    for (const Data::IndexHit &h : job->hits())
        hits.append(QJsonObject{{QStringLiteral("score"), h.score},
                                {QStringLiteral("url"), h.payload.value("url")},
                                {QStringLiteral("docPath"), h.payload.value("docPath")},
                                {QStringLiteral("headingPath"), h.payload.value("headingPath")}});
    if (ctx.args.isSet(kJsonOut)) {
        ctx.writeRaw(QJsonDocument(hits).toJson(QJsonDocument::Indented));
        return ExitSuccess;
    }
    for (const QJsonValue &h : hits)
        ctx.out(QStringLiteral("%1  %2  %3")
                    .arg(h["score"].toDouble(), 0, 'f', 3)
                    .arg(h["url"].toString(), h["headingPath"].toString()));
    if (hits.isEmpty())
        ctx.out(tr("no hits"));
    return ExitSuccess;
}

} // namespace

void addReembedOptions(QCommandLineParser &parser)
{
    parser.addOptions({kFull, kDryRun, kEnv, kApproveIndex, kWhy});
}

void addIndexOptions(QCommandLineParser &parser)
{
    parser.addOptions({kEnv, kJsonOut, kVersion, kTop, kApproveIndex, kWhy});
}

int reembed(Context &ctx)
{
    if (ctx.args.positionalArguments().size() != 1) {
        ctx.err(tr("usage: deploydeskctl reembed [--full] [--dry-run] [--env E]"));
        return ExitInvalid;
    }
    const QVariantMap full{{QStringLiteral("mode"), QStringLiteral("full")}};
    auto stage = reembedStage(ctx, ctx.args.isSet(kFull) ? full : QVariantMap());
    if (!stage)
        return stage.error();
    if (ctx.args.isSet(kDryRun)) {
        auto setup = readSetup(ctx, *stage);
        if (!setup)
            return setup.error();
        auto *job = new Data::ReembedJob(setup->embedder, setup->index, setup->options);
        std::unique_ptr<Job> owner(job);
        job->setDryRun(true);
        QObject::connect(job, &Job::logLine, job, [&ctx](const QString &line) { ctx.out(line); });
        runToEnd(job);
        if (job->outcome() != Job::Outcome::Success)
            return failed(ctx, job);
        ctx.out(tr("dry run: nothing was embedded or written"));
        return ExitSuccess;
    }
    auto store = ctx.store();
    RunController controller(*store, ctx.secrets());
    RunRequest request;
    request.environment = stage->reembed.environment;
    request.stages = {stage->reembed.stage.name};
    if (ctx.args.isSet(kFull))
        request.withOverrides.insert(stage->reembed.stage.name, full);
    request.message = ctx.args.value(kWhy);
    request.approved = ctx.args.isSet(kApproveIndex);
    if (const int refused = approveProtected(
            ctx, request,
            !RunController::stagesNeedingApproval(stage->pipeline, request).isEmpty()))
        return refused;
    return follow(
        ctx, controller, *store, [&] { return controller.start(stage->pipeline, request); },
        [&](qint64 id) {
            return ctx.args.isSet(kFull)
                       ? tr("run %1 re-embeds the docs of %2 (full rebuild)")
                             .arg(id)
                             .arg(request.environment)
                       : tr("run %1 re-embeds the docs of %2").arg(id).arg(request.environment);
        });
}

int index(Context &ctx)
{
    const QStringList args = ctx.args.positionalArguments();
    const QString usage =
        tr("usage: deploydeskctl index versions [--json] | index switch VERSION [--approve] | "
           "index query \"TEXT\" [--index-version N] [--top K] [--json]   [--env E]");
    const QString sub = args.value(1);
    if (!((sub == u"versions" && args.size() == 2) || (sub == u"switch" && args.size() == 3) ||
          (sub == u"query" && args.size() == 3))) {
        ctx.err(usage);
        return ExitInvalid;
    }
    auto stage = reembedStage(ctx);
    if (!stage)
        return stage.error();
    auto setup = readSetup(ctx, *stage);
    if (!setup)
        return setup.error();
    if (sub == u"versions")
        return versions(ctx, *setup);
    if (sub == u"switch")
        return switchTo(ctx, *stage, *setup, args.at(2));
    return query(ctx, *setup, args.at(2));
}

} // namespace DeployDesk::Cli
