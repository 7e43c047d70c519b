// deploydeskctl prune, backup, restore
#include "cli.h"
#include "common/bytesize.h"
#include "common/paths.h"
#include "common/processinfo.h"
#include "common/translate.h"

#include "store/historybackup.h"
#include "store/historyprune.h"
#include "store/historystore.h"
#include "store/logcompact.h"

#include <QCoreApplication>
#include <QDir>
#include <QLocale>
#include <QRegularExpression>

namespace DeployDesk::Cli {

namespace {
const QCommandLineOption kOlderThan(QStringLiteral("older-than"),
                                    tr("Remove runs that ended more than this long ago: a number "
                                       "and a unit, h (hours), d (days) or w (weeks), e.g. 90d."),
                                    QStringLiteral("age"));
const QCommandLineOption kKeepLast(QStringLiteral("keep-last"),
                                   tr("Keep the N newest runs (of the environment with --env) "
                                      "and remove the older ones."),
                                   QStringLiteral("N"));
const QCommandLineOption kMaxLogSize(QStringLiteral("max-log-size"),
                                     tr("Keep the newest runs whose logs take at most this much "
                                        "(500M, 2G) and remove the older ones."),
                                     QStringLiteral("size"));
const QCommandLineOption kEnv({QStringLiteral("e"), QStringLiteral("env")},
                              tr("Only runs of this environment."), QStringLiteral("E"));
const QCommandLineOption kDryRun(QStringLiteral("dry-run"),
                                 tr("Print what would be removed and change nothing."));
const QCommandLineOption kAllWorkspaces(QStringLiteral("all-workspaces"),
                                        tr("Prune the runs of every workspace (--keep-last then "
                                           "keeps N per workspace)."));
const QCommandLineOption kVacuum(QStringLiteral("vacuum"),
                                 tr("Rebuild the file to give the freed space back (once; later "
                                    "prunes then reclaim it in small steps)."));
const QCommandLineOption kForce(QStringLiteral("force"), tr("Replace FILE if it exists."));

// "90d" -> 90 days; 0 when it is no age.
qint64 parseAgeMs(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("^\\s*(\\d{1,6})\\s*([hdw])\\s*$"));
    const auto m = re.match(text);
    if (!m.hasMatch())
        return 0;
    const qint64 n = m.captured(1).toLongLong();
    const QChar unit = m.captured(2).at(0);
    const qint64 hour = 3600 * 1000;
    return n * (unit == QLatin1Char('h')   ? hour
                : unit == QLatin1Char('d') ? 24 * hour
                                           : 7 * 24 * hour);
}

} // namespace

void addPruneOptions(QCommandLineParser &parser)
{
    parser.addOptions({kOlderThan, kKeepLast, kMaxLogSize, kEnv, kDryRun, kAllWorkspaces, kVacuum});
}

void addBackupOptions(QCommandLineParser &parser)
{
    parser.addOption(kForce);
}

int prune(Context &ctx)
{
    const QString usage =
        tr("usage: deploydeskctl prune --older-than AGE | --keep-last N | --max-log-size SIZE "
           "[--env E] [--dry-run] [--all-workspaces] [--vacuum]");
    if (ctx.args.positionalArguments().size() != 1) {
        ctx.err(usage);
        return ExitInvalid;
    }
    PrunePolicy policy;
    if (ctx.args.isSet(kOlderThan)) {
        const qint64 age = parseAgeMs(ctx.args.value(kOlderThan));
        if (age <= 0) {
            ctx.err(tr("--older-than: expected an age such as 90d, 12h or 8w, got \"%1\"")
                        .arg(ctx.args.value(kOlderThan)));
            return ExitInvalid;
        }
        policy.olderThan = QDateTime::currentDateTimeUtc().addMSecs(-age);
    }
    if (ctx.args.isSet(kKeepLast)) {
        bool ok = false;
        policy.keepLast = ctx.args.value(kKeepLast).toInt(&ok);
        if (!ok || policy.keepLast < 0) {
            ctx.err(tr("--keep-last: expected a number of runs (0 or more), got \"%1\"")
                        .arg(ctx.args.value(kKeepLast)));
            return ExitInvalid;
        }
    }
    if (ctx.args.isSet(kMaxLogSize)) {
        policy.maxLogBytes = parseBytes(ctx.args.value(kMaxLogSize));
        if (policy.maxLogBytes < 0) {
            ctx.err(tr("--max-log-size: expected a size such as 500M or 2G, got \"%1\"")
                        .arg(ctx.args.value(kMaxLogSize)));
            return ExitInvalid;
        }
    }
    if (!policy.olderThan && policy.keepLast < 0 && policy.maxLogBytes < 0) {
        ctx.err(tr("prune needs --older-than AGE, --keep-last N or --max-log-size SIZE (or "
                   "several: a run goes when it meets them all)"));
        ctx.err(usage);
        return ExitInvalid;
    }
    policy.environment = ctx.args.value(kEnv);
    policy.workspace = ctx.args.isSet(kAllWorkspaces) ? QString() : ctx.workspace;
    policy.dryRun = ctx.args.isSet(kDryRun);
    policy.vacuum = ctx.args.isSet(kVacuum);

    auto store = ctx.store(); // marks runs whose runner died as interrupted: they may go
    if (!store) {
        ctx.err(store.error().toString());
        return ExitInvalid;
    }
    HistoryPruner pruner((*store)->databasePath(), (*store)->dataDir());
    auto report = pruner.prune(policy);
    if (!report) {
        ctx.err(report.error().toString());
        return ExitFailed;
    }
    const PruneReport &r = *report;
    const QString where = policy.workspace.isEmpty() ? tr("every workspace") : policy.workspace;
    // Each count with its own plural ("1 run", "2 runs").
    const QString what =
        QStringList{
            QCoreApplication::translate("DeployDesk", "%n run(s)", nullptr, int(r.runs)),
            QCoreApplication::translate("DeployDesk", "%n stage(s)", nullptr, int(r.stages)),
            QCoreApplication::translate("DeployDesk", "%n log line(s) (%1 of logs)", nullptr,
                                        int(r.logLines))
                .arg(formatBytes(r.logBytes)),
            QCoreApplication::translate("DeployDesk", "%n artifact copy(ies) (%1 freed on disk)",
                                        nullptr, int(r.artifacts))
                .arg(formatBytes(r.artifactBytes))}
            .join(QStringLiteral(", "));
    ctx.out(policy.dryRun ? tr("would remove from %1: %2").arg(where, what)
                          : tr("removed from %1: %2").arg(where, what));
    if (r.runFolders)
        ctx.out(QCoreApplication::translate("DeployDesk",
                                            "removed the job folders of %n local workflow run(s)",
                                            nullptr, int(r.runFolders)));
    if (r.keptRunning)
        ctx.out(QCoreApplication::translate("DeployDesk",
                                            "kept %n run(s) that are queued or running", nullptr,
                                            int(r.keptRunning)));
    if (r.keptReleases)
        ctx.out(QCoreApplication::translate("DeployDesk",
                                            "kept %n run(s) that made a release (a release is "
                                            "pinned until you unpin it: deploydeskctl releases "
                                            "unpin RELEASE)",
                                            nullptr, int(r.keptReleases)));
    if (r.keptDamaged)
        ctx.out(QCoreApplication::translate("DeployDesk",
                                            "kept %n run(s) whose logs are damaged; see "
                                            "deploydeskctl check",
                                            nullptr, int(r.keptDamaged)));
    for (const QString &w : r.warnings)
        ctx.err(tr("warning: %1").arg(w));
    if (policy.dryRun) {
        ctx.out(tr("the history takes %1 on disk (%2 of it free pages); nothing was changed")
                    .arg(formatBytes(r.fileBytesBefore), formatBytes(r.freeBytesAfter)));
        return ExitSuccess;
    }
    if (r.reclaimed)
        ctx.out(tr("the history file went from %1 to %2")
                    .arg(formatBytes(r.fileBytesBefore), formatBytes(r.fileBytesAfter)));
    else if (r.freeBytesAfter > 0)
        ctx.out(tr("the history takes %1 on disk; %2 of it is free space that later runs reuse "
                   "(add --vacuum to give it back to the file system)")
                    .arg(formatBytes(r.fileBytesAfter), formatBytes(r.freeBytesAfter)));
    return ExitSuccess;
}

int compact(Context &ctx)
{
    if (ctx.args.positionalArguments().size() != 1) {
        ctx.err(tr("usage: deploydeskctl compact"));
        return ExitInvalid;
    }
    auto store = ctx.store();
    if (!store) {
        ctx.err(store.error().toString());
        return ExitInvalid;
    }
    auto done = compactLogs((*store)->databasePath());
    if (!done) {
        // What was compressed stays so; running compact again goes on from there.
        ctx.err(done.error().toString());
        return ExitFailed;
    }
    if (done->blocks == 0) {
        ctx.out(tr("every stored log block is compressed already; nothing was changed"));
        return ExitSuccess;
    }
    ctx.out(QCoreApplication::translate("DeployDesk", "compressed %n log block(s): %1 → %2",
                                        nullptr, int(done->blocks))
                .arg(formatBytes(done->bytesBefore), formatBytes(done->bytesAfter)));
    return ExitSuccess;
}

int backup(Context &ctx)
{
    const QStringList args = ctx.args.positionalArguments();
    if (args.size() != 2) {
        ctx.err(tr("usage: deploydeskctl backup FILE [--force]"));
        return ExitInvalid;
    }
    auto store = ctx.store();
    if (!store) {
        ctx.err(store.error().toString());
        return ExitInvalid;
    }
    auto written = backupHistory((*store)->databasePath(),
                                 QDir(QDir::currentPath()).absoluteFilePath(args.at(1)),
                                 ctx.args.isSet(kForce));
    if (!written) {
        ctx.err(written.error().toString());
        return written.error().code == ErrorCode::Io ? ExitFailed : ExitInvalid;
    }
    ctx.out(QCoreApplication::translate("DeployDesk",
                                        "wrote %1: %n run(s), %2 (schema version %3); restore it "
                                        "with: deploydeskctl restore %1",
                                        nullptr, int(written->runs))
                .arg(written->file, formatBytes(written->bytes))
                .arg(written->schemaVersion));
    return ExitSuccess;
}

int restore(Context &ctx)
{
    const QStringList args = ctx.args.positionalArguments();
    if (args.size() != 2) {
        ctx.err(tr("usage: deploydeskctl restore FILE"));
        return ExitInvalid;
    }
    // Not ctx.store(): the history may be unreadable, which is a reason to restore it.
    const QString dataDir = Paths::dataDir();
    if (!QDir().mkpath(dataDir)) {
        ctx.err(tr("cannot create the data directory %1; check its parent's permissions or set "
                   "DEPLOYDESK_DATA_DIR")
                    .arg(dataDir));
        return ExitInvalid;
    }
    const QString path = QDir(dataDir).absoluteFilePath(QStringLiteral("history.sqlite"));
    auto restored =
        restoreHistory(path, QDir(QDir::currentPath()).absoluteFilePath(args.at(1)),
                       [](qint64 pid, qint64 ticks) { return ProcessInfo::isAlive(pid, ticks); });
    if (!restored) {
        ctx.err(restored.error().toString());
        return ExitInvalid;
    }
    ctx.out(QCoreApplication::translate("DeployDesk", "restored %n run(s) from %1 into %2", nullptr,
                                        int(restored->restored.runs))
                .arg(restored->restored.file, path));
    if (!restored->keptAs.isEmpty())
        ctx.out(tr("the history as it was is kept as %1").arg(restored->keptAs));
    return ExitSuccess;
}

} // namespace DeployDesk::Cli

namespace DeployDesk::Cli {

int pinRelease(Context &ctx, bool pinned, const QString &id)
{
    bool ok = false;
    const qint64 releaseId = id.toLongLong(&ok);
    if (!ok || releaseId <= 0) {
        ctx.err(tr("\"%1\" is not a release id; release ids are positive numbers as listed by "
                   "\"deploydeskctl releases ENV\"")
                    .arg(id));
        return ExitInvalid;
    }
    auto store = ctx.store();
    if (!store) {
        ctx.err(store.error().toString());
        return ExitInvalid;
    }
    HistoryPruner pruner((*store)->databasePath(), (*store)->dataDir());
    if (auto done = pruner.setPinned(releaseId, pinned); !done) {
        ctx.err(done.error().toString());
        return ExitInvalid;
    }
    ctx.out(pinned ? tr("release %1 is pinned: prune keeps its run").arg(releaseId)
                   : tr("release %1 is unpinned: prune may now remove its run (and the "
                        "release with it)")
                         .arg(releaseId));
    return ExitSuccess;
}

} // namespace DeployDesk::Cli
