// deploydeskctl export RUN [--format md|html] [-o FILE]
#include "cli.h"
#include "common/translate.h"

#include "run/runreport.h"
#include "secrets/secretstore.h"
#include "store/historystore.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QSaveFile>

namespace DeployDesk::Cli {

namespace {
const QCommandLineOption kFormat({QStringLiteral("f"), QStringLiteral("format")},
                                 tr("md (Markdown, the default) or html; by default taken from "
                                    "the extension of -o."),
                                 QStringLiteral("format"));
const QCommandLineOption kOutput({QStringLiteral("o"), QStringLiteral("output")},
                                 tr("Write the report to this file instead of stdout."),
                                 QStringLiteral("file"));

const QString kUsage = QStringLiteral("deploydeskctl export RUN [--format md|html] [-o FILE]");
} // namespace

void addExportOptions(QCommandLineParser &parser)
{
    parser.addOptions({kFormat, kOutput});
}

int exportRun(Context &ctx)
{
    const QStringList positional = ctx.args.positionalArguments();
    if (positional.size() != 2) {
        ctx.err(tr("usage: %1").arg(kUsage));
        return ExitInvalid;
    }
    const qint64 id = ctx.parseRunId(positional[1]);
    if (!id)
        return ExitInvalid;
    const QString output = ctx.args.value(kOutput);
    ReportFormat format = ReportFormat::Markdown;
    if (ctx.args.isSet(kFormat)) {
        const auto named = reportFormatFromName(ctx.args.value(kFormat));
        if (!named) {
            ctx.err(tr("--format must be md or html; found \"%1\"").arg(ctx.args.value(kFormat)));
            return ExitInvalid;
        }
        format = *named;
    } else if (!output.isEmpty()) {
        format = reportFormatFromName(QFileInfo(output).suffix()).value_or(ReportFormat::Markdown);
    }
    auto store = ctx.store();
    if (!store) {
        ctx.err(store.error().toString());
        return ExitFailed;
    }
    auto report = runReport(**store, id, format, ctx.secrets()->knownValues());
    if (!report) {
        ctx.err(report.error().toString());
        // An unknown run is invalid input (exit 2, as for `show` and `logs`); a store that
        // cannot be read is a failure.
        return report.error().code == ErrorCode::NotFound ? ExitInvalid : ExitFailed;
    }
    const QByteArray bytes = report->toUtf8();
    if (output.isEmpty()) {
        ctx.writeRaw(bytes);
        return ExitSuccess;
    }
    QSaveFile file(output);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        ctx.err(tr("cannot write the report of run %1 to %2: %3; check that the folder exists "
                   "and is writable")
                    .arg(id)
                    .arg(output, file.errorString()));
        return ExitFailed;
    }
    ctx.out(tr("wrote the report of run %1 to %2").arg(id).arg(output));
    return ExitSuccess;
}

} // namespace DeployDesk::Cli
