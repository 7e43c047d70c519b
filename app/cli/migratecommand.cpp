// deploydeskctl migrate
#include "cli.h"
#include "common/translate.h"

#include "run/runcontroller.h"
#include "store/historystore.h"

namespace DeployDesk::Cli {

namespace {
const QCommandLineOption kRevision(QStringLiteral("revision"),
                                   tr("Upgrade to this revision instead of the stage's (head)."),
                                   QStringLiteral("R"));
const QCommandLineOption kMessage({QStringLiteral("m"), QStringLiteral("message")},
                                  tr("Why: kept in the history."), QStringLiteral("text"));
const QCommandLineOption kApprove(QStringLiteral("approve"),
                                  tr("Approve the migration of a protected environment."));
} // namespace

void addMigrateOptions(QCommandLineParser &parser)
{
    parser.addOptions({kRevision, kMessage, kApprove});
}

// Runs the pipeline's alembic stages for ENV (and what they need) as a run of its own:
// the database layer it reaches is recorded as a release of ENV.
int migrate(Context &ctx)
{
    const QStringList args = ctx.args.positionalArguments();
    if (args.size() != 2) {
        ctx.err(tr("usage: deploydeskctl migrate ENV [--revision R] [-m WHY] [--approve]"));
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
    for (const Stage &s : pipeline.stages) {
        if (s.uses == QLatin1String("alembic") && s.condition.matches(request.environment))
            request.stages << s.name;
    }
    if (request.stages.isEmpty()) {
        ctx.err(tr("deploydesk.yml has no alembic stage that runs in %1; add one (uses: "
                   "alembic, see docs/migrations.md)")
                    .arg(request.environment));
        return ExitInvalid;
    }
    const QString revision = ctx.args.value(kRevision).trimmed();
    if (ctx.args.isSet(kRevision) && revision.isEmpty()) {
        ctx.err(tr("--revision needs a revision: head, a revision id or +N"));
        return ExitInvalid;
    }
    if (!revision.isEmpty()) {
        for (const QString &name : std::as_const(request.stages))
            request.withOverrides[name].insert(QStringLiteral("revision"), revision);
    }
    const QString target = revision.isEmpty() ? tr("the stage's revision") : revision;
    request.message = ctx.args.value(kMessage).isEmpty()
                          ? tr("migrate %1 to %2").arg(request.environment, target)
                          : ctx.args.value(kMessage);
    request.approved = ctx.args.isSet(kApprove);
    if (const int refused = approveProtected(
            ctx, request, !RunController::stagesNeedingApproval(pipeline, request).isEmpty()))
        return refused;
    return follow(
        ctx, controller, *store, [&] { return controller.start(pipeline, request); },
        [&](qint64 id) {
            return tr("run %1 migrates the database of %2 (%3)")
                .arg(id)
                .arg(request.environment, request.stages.join(QStringLiteral(", ")));
        });
}

} // namespace DeployDesk::Cli
