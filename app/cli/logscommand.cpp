// deploydeskctl logs RUN [STAGE] [--follow]
#include "cli.h"
#include "common/translate.h"

#include "common/processinfo.h"
#include "log/ansiparser.h"
#include "store/historystore.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QThread>

namespace DeployDesk::Cli {

namespace {
const QCommandLineOption kFollow({QStringLiteral("f"), QStringLiteral("follow")},
                                 tr("Keep printing new lines until the run ends."));
const QCommandLineOption kTimestamps({QStringLiteral("t"), QStringLiteral("timestamps")},
                                     tr("Start each line with its time."));
const QCommandLineOption kColor(QStringLiteral("color"),
                                tr("Colours: auto (on a terminal), always or never."),
                                QStringLiteral("when"), QStringLiteral("auto"));

constexpr qint64 kPage = 20000;
} // namespace

void addLogsOptions(QCommandLineParser &parser)
{
    parser.addOptions({kFollow, kTimestamps, kColor});
}

int logs(Context &ctx)
{
    const auto run =
        ctx.runArgument(QStringLiteral("deploydeskctl logs RUN [STAGE] [--follow]"), 3);
    if (!run)
        return run.error();
    const qint64 id = run->id;
    const QStringList args = ctx.args.positionalArguments();
    const QString when = ctx.args.value(kColor);
    if (when != QLatin1String("auto") && when != QLatin1String("always") &&
        when != QLatin1String("never")) {
        ctx.err(tr("--color must be auto, always or never; found \"%1\"").arg(when));
        return ExitInvalid;
    }
    const bool colour = when == QLatin1String("always") ||
                        (when == QLatin1String("auto") && ctx.stdoutIsTerminal());
    const bool timestamps = ctx.args.isSet(kTimestamps);
    HistoryStore *store = *ctx.store();
    auto stages = store->stages(id);
    if (!stages) {
        ctx.err(stages.error().toString());
        return ExitFailed;
    }
    QList<StageRecord> chosen;
    if (args.size() == 3) {
        for (const StageRecord &s : std::as_const(*stages)) {
            if (s.name == args[2])
                chosen << s;
        }
        if (chosen.isEmpty()) {
            QStringList names;
            for (const StageRecord &s : std::as_const(*stages))
                names << s.name;
            ctx.err(tr("run %1 has no stage \"%2\"; its stages: %3")
                        .arg(id)
                        .arg(args[2], names.join(QStringLiteral(", "))));
            return ExitInvalid;
        }
    } else {
        chosen = *stages;
    }
    const bool prefix = chosen.size() > 1;
    int width = 0;
    for (const StageRecord &s : std::as_const(chosen))
        width = std::max(width, int(s.name.size()));

    QHash<qint64, qint64> printed; // stage id -> lines printed
    QHash<qint64, Error> damaged;  // stage id -> why its log cannot be read on
    QByteArray buffer;
    buffer.reserve(1 << 20);
    auto printNew = [&](const StageRecord &s) -> bool {
        bool any = false;
        while (!damaged.contains(s.id)) {
            auto lines = store->logLines(s.id, printed.value(s.id) + 1, kPage);
            if (!lines) {
                // Said once, naming the run and the stage; the other stages go on.
                damaged.insert(s.id, lines.error());
                ctx.writeRaw(buffer);
                buffer.clear();
                ctx.err(tr("run %1, stage %2: its log cannot be read after line %3: %4")
                            .arg(id)
                            .arg(s.name)
                            .arg(printed.value(s.id))
                            .arg(lines.error().message));
                break;
            }
            if (lines->isEmpty())
                break;
            any = true;
            const QByteArray stagePrefix =
                prefix ? s.name.toUtf8().leftJustified(width) + " | " : QByteArray();
            for (const LogLine &line : std::as_const(*lines)) {
                if (timestamps)
                    buffer += QDateTime::fromMSecsSinceEpoch(line.timestampMs)
                                  .toString(QStringLiteral("HH:mm:ss.zzz "))
                                  .toLatin1();
                buffer += stagePrefix;
                buffer +=
                    colour ? AnsiParser::forTerminal(line.text) : AnsiParser::strip(line.text);
                buffer += '\n';
                if (buffer.size() > (1 << 20) - 4096) {
                    ctx.writeRaw(buffer);
                    buffer.clear();
                }
            }
            printed[s.id] += lines->size();
            if (lines->size() < kPage)
                break;
        }
        return any;
    };

    if (!ctx.args.isSet(kFollow)) {
        for (const StageRecord &s : std::as_const(chosen))
            printNew(s);
        ctx.writeRaw(buffer);
        return damaged.isEmpty() ? ExitSuccess : ExitInvalid;
    }
    // Follow: poll the store (the runner is another process) until the run has ended
    // and nothing new came after that. A runner that died without recording the end
    // (kill -9, a crash, a power cut) ends nothing: while the run is not final, its
    // runner is checked as every command checks it when it opens the history, and a run
    // whose runner is gone is marked interrupted the same way (recoverInterrupted).
    const auto runnerAlive = [](qint64 pid, qint64 ticks) {
        return ProcessInfo::isAlive(pid, ticks);
    };
    std::optional<RunRecord> last;
    while (true) {
        auto now = store->run(id);
        if (now && !isFinal(now->status) && !runnerAlive(now->runnerPid, now->runnerStartTicks)) {
            if (auto marked = store->recoverInterrupted(runnerAlive); !marked)
                ctx.err(marked.error().toString());
            now = store->run(id);
        }
        if (now)
            last = *now;
        const bool wasFinal = !now || isFinal(now->status);
        bool any = false;
        for (const StageRecord &s : std::as_const(chosen))
            any = printNew(s) || any;
        ctx.writeRaw(buffer);
        buffer.clear();
        std::fflush(stdout);
        if (wasFinal && !any)
            break;
        if (!any)
            QThread::msleep(200);
    }
    if (!damaged.isEmpty())
        return ExitInvalid;
    if (last && last->status == RunStatus::Interrupted) {
        ctx.err(tr("run %1 was interrupted: the process running it (pid %2) is gone without "
                   "recording its end; its log ends here. \"deploydeskctl show %1\" has the "
                   "details")
                    .arg(id)
                    .arg(last->runnerPid));
        return ExitFailed;
    }
    return ExitSuccess;
}

} // namespace DeployDesk::Cli
