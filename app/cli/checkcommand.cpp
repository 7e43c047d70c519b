// deploydeskctl check
#include "cli.h"
#include "common/translate.h"

#include "store/historystore.h"

namespace DeployDesk::Cli {

int check(Context &ctx)
{
    auto store = ctx.store();
    if (!store) {
        ctx.err(store.error().toString());
        return ExitNotRecorded;
    }
    auto damage = (*store)->check();
    if (!damage) {
        ctx.err(damage.error().toString());
        return ExitNotRecorded;
    }
    const QString path = (*store)->databasePath();
    if (damage->isEmpty()) {
        ctx.out(tr("%1: no damage found (SQLite's integrity check and the log index's check "
                   "passed)")
                    .arg(path));
        return ExitSuccess;
    }
    for (const QString &problem : std::as_const(*damage))
        ctx.out(QStringLiteral("%1: %2").arg(path, problem));
    ctx.err(tr("%1 is damaged (%2 problems above); the runs and logs not named there can "
               "still be read; restore the file from a backup to get the rest back")
                .arg(path)
                .arg(damage->size()));
    return ExitFailed;
}

} // namespace DeployDesk::Cli
