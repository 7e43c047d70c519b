// deploydeskctl logs RUN [STAGE] [--follow]
#include "cli.h"
#include "common/translate.h"

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
    // and nothing new came after that.
    while (true) {
        const auto now = store->run(id);
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
    return damaged.isEmpty() ? ExitSuccess : ExitInvalid;
}

} // namespace DeployDesk::Cli
