// deploydeskctl history | show | cancel
#include "cli.h"
#include "common/translate.h"

#include "common/duration.h"
#include "common/paths.h"
#include "common/processinfo.h"
#include "run/runreport.h"
#include "store/eventtext.h"
#include "store/historystore.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

#include <csignal>

namespace DeployDesk::Cli {

namespace {
const QCommandLineOption kEnv({QStringLiteral("e"), QStringLiteral("env")},
                              tr("Only runs for this environment."), QStringLiteral("name"));
const QCommandLineOption kStatus(QStringLiteral("status"),
                                 tr("Only runs with this status (success, failed, cancelled, "
                                    "interrupted, running)."),
                                 QStringLiteral("status"));
const QCommandLineOption kBranch(QStringLiteral("branch"), tr("Only runs of this branch."),
                                 QStringLiteral("branch"));
const QCommandLineOption kWho(QStringLiteral("who"), tr("Only runs triggered by this user."),
                              QStringLiteral("user"));
const QCommandLineOption kSince(QStringLiteral("since"),
                                tr("Only runs started since: a date (2026-11-01), a date and "
                                   "time, or an age (30m, 12h, 7d)."),
                                QStringLiteral("when"));
const QCommandLineOption kGrep(QStringLiteral("grep"),
                               tr("Only runs whose logs contain this text."),
                               QStringLiteral("text"));
const QCommandLineOption kLimit(QStringLiteral("limit"), tr("At most this many runs (default 20)."),
                                QStringLiteral("n"), QStringLiteral("20"));
const QCommandLineOption kBefore(QStringLiteral("before"),
                                 tr("Only runs older than this run id (paging)."),
                                 QStringLiteral("run"));
const QCommandLineOption kJson(QStringLiteral("json"), tr("Print JSON instead of a table."));

QDateTime parseSince(const QString &text)
{
    static const QRegularExpression age(QStringLiteral("^(\\d+)([mhdw])$"));
    if (const auto m = age.match(text); m.hasMatch()) {
        const qint64 n = m.captured(1).toLongLong();
        const QChar unit = m.captured(2).at(0);
        const qint64 seconds = unit == QLatin1Char('m')   ? n * 60
                               : unit == QLatin1Char('h') ? n * 3600
                               : unit == QLatin1Char('d') ? n * 86400
                                                          : n * 7 * 86400;
        return QDateTime::currentDateTimeUtc().addSecs(-seconds);
    }
    QDateTime when = QDateTime::fromString(text, Qt::ISODate);
    if (!when.isValid()) {
        const QDate date = QDate::fromString(text, Qt::ISODate);
        if (date.isValid())
            when = date.startOfDay();
    }
    return when.toUTC();
}

QString local(const QDateTime &t)
{
    return t.isValid() ? t.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"))
                       : QString();
}

QString duration(qint64 ms)
{
    return ms < 0 ? QStringLiteral("-") : formatDuration(std::chrono::milliseconds(ms));
}

QJsonObject toJson(const RunRecord &r)
{
    return QJsonObject{
        {QStringLiteral("id"), r.id},
        {QStringLiteral("status"), toString(r.status)},
        {QStringLiteral("pipeline"), r.pipeline},
        {QStringLiteral("workspace"), r.workspace},
        {QStringLiteral("environment"), r.environment},
        {QStringLiteral("triggeredBy"), r.triggeredBy},
        {QStringLiteral("message"), r.message},
        {QStringLiteral("commit"), r.commit},
        {QStringLiteral("branch"), r.branch},
        {QStringLiteral("startedAt"), r.startedAt.toString(Qt::ISODateWithMs)},
        {QStringLiteral("finishedAt"), r.finishedAt.isValid()
                                           ? QJsonValue(r.finishedAt.toString(Qt::ISODateWithMs))
                                           : QJsonValue()},
        {QStringLiteral("durationMs"),
         r.durationMs() < 0 ? QJsonValue() : QJsonValue(r.durationMs())},
        {QStringLiteral("rerunOf"), r.rerunOf ? QJsonValue(r.rerunOf) : QJsonValue()},
        // The working tree had uncommitted changes when the run started, and which.
        {QStringLiteral("dirty"), r.dirty},
        {QStringLiteral("changedFiles"), QJsonArray::fromStringList(r.changedFiles)},
        // It ran on GitHub's runners (imported or followed): where to see it there.
        {QStringLiteral("remoteUrl"), r.remote ? QJsonValue(r.remoteUrl) : QJsonValue()},
    };
}

QJsonObject toJson(const StageRecord &s)
{
    return QJsonObject{
        {QStringLiteral("id"), s.id},
        {QStringLiteral("name"), s.name},
        {QStringLiteral("status"), toString(s.status)},
        {QStringLiteral("attempts"), s.attempts},
        {QStringLiteral("exitCode"), s.exitCode < 0 ? QJsonValue() : QJsonValue(s.exitCode)},
        {QStringLiteral("signal"), s.signal ? QJsonValue(s.signal) : QJsonValue()},
        {QStringLiteral("reason"), s.reason},
        // Failed with continue-on-error: "status" stays "failed", the run did not fail.
        {QStringLiteral("allowedFailure"), s.isAllowedFailure()},
        {QStringLiteral("reusedFrom"), s.reusedFrom ? QJsonValue(s.reusedFrom) : QJsonValue()},
        // The hash of its `inputs:`, command and environment; null for a stage without.
        {QStringLiteral("inputHash"),
         s.inputHash.isEmpty() ? QJsonValue() : QJsonValue(s.inputHash)},
        {QStringLiteral("startedAt"), local(s.startedAt)},
        {QStringLiteral("durationMs"),
         s.durationMs() < 0 ? QJsonValue() : QJsonValue(s.durationMs())},
    };
}

void printTable(Context &ctx, const QList<QStringList> &rows)
{
    if (rows.isEmpty())
        return;
    QList<int> widths(rows.first().size(), 0);
    for (const QStringList &row : rows)
        for (int i = 0; i < row.size(); ++i)
            widths[i] = std::max(widths[i], int(row[i].size()));
    for (const QStringList &row : rows) {
        QString line;
        for (int i = 0; i < row.size(); ++i)
            line += i + 1 == row.size() ? row[i] : row[i].leftJustified(widths[i] + 2);
        ctx.out(line.trimmed());
    }
}
} // namespace

void addShowOptions(QCommandLineParser &parser)
{
    parser.addOption(kJson);
}

void addHistoryOptions(QCommandLineParser &parser)
{
    parser.addOptions({kEnv, kStatus, kBranch, kWho, kSince, kGrep, kLimit, kBefore, kJson});
}

int history(Context &ctx)
{
    RunFilter filter;
    filter.environment = ctx.args.value(kEnv);
    filter.status = ctx.args.value(kStatus);
    if (!filter.status.isEmpty()) {
        RunStatus s;
        if (!fromString(filter.status, &s)) {
            ctx.err(tr("--status must be one of queued, running, success, failed, cancelled, "
                       "interrupted; found \"%1\"")
                        .arg(filter.status));
            return ExitInvalid;
        }
    }
    filter.branch = ctx.args.value(kBranch);
    filter.who = ctx.args.value(kWho);
    filter.grep = ctx.args.value(kGrep);
    if (ctx.args.isSet(kSince)) {
        filter.since = parseSince(ctx.args.value(kSince));
        if (!filter.since.isValid()) {
            ctx.err(tr("--since needs a date (2026-11-01), a date and time (2026-11-01T08:00) or "
                       "an age (30m, 12h, 7d); found \"%1\"")
                        .arg(ctx.args.value(kSince)));
            return ExitInvalid;
        }
    }
    bool ok = false;
    filter.limit = ctx.args.value(kLimit).toInt(&ok);
    if (!ok || filter.limit < 1) {
        ctx.err(tr("--limit needs a whole number of at least 1; found \"%1\"")
                    .arg(ctx.args.value(kLimit)));
        return ExitInvalid;
    }
    if (ctx.args.isSet(kBefore)) {
        filter.beforeId = ctx.parseRunId(ctx.args.value(kBefore));
        if (!filter.beforeId)
            return ExitInvalid;
    }
    auto store = ctx.store();
    if (!store) {
        ctx.err(store.error().toString());
        return ExitInvalid;
    }
    auto runs = (*store)->runs(filter);
    if (!runs) {
        ctx.err(runs.error().toString());
        return ExitFailed;
    }
    if (ctx.args.isSet(kJson)) {
        QJsonArray array;
        for (const RunRecord &r : std::as_const(*runs))
            array.append(toJson(r));
        ctx.writeRaw(QJsonDocument(array).toJson(QJsonDocument::Indented));
        return ExitSuccess;
    }
    if (runs->isEmpty()) {
        ctx.out(tr("no runs match"));
        return ExitSuccess;
    }
    QList<QStringList> rows{{tr("RUN"), tr("STATUS"), tr("ENV"), tr("BRANCH"), tr("COMMIT"),
                             tr("WHO"), tr("STARTED"), tr("DURATION"), tr("MESSAGE")}};
    for (const RunRecord &r : std::as_const(*runs)) {
        rows << QStringList{r.remote ? tr("%1 (GitHub)").arg(r.id) : QString::number(r.id),
                            toString(r.status),
                            r.environment.isEmpty() ? QStringLiteral("-") : r.environment,
                            r.branch.isEmpty() ? QStringLiteral("-") : r.branch,
                            r.commit.isEmpty() ? QStringLiteral("-")
                            : r.dirty          ? r.commit.left(8) + QStringLiteral("-dirty")
                                               : r.commit.left(8),
                            r.triggeredBy,
                            local(r.startedAt),
                            duration(r.durationMs()),
                            r.message};
    }
    printTable(ctx, rows);
    return ExitSuccess;
}

int show(Context &ctx)
{
    const auto run = ctx.runArgument(QStringLiteral("deploydeskctl show RUN [--json]"));
    if (!run)
        return run.error();
    HistoryStore *store = *ctx.store();
    const qint64 id = run->id;
    auto stages = store->stages(id);
    auto events = store->events(id);
    auto artifacts = store->artifacts(id);
    auto annotations = store->annotations(id);
    if (!stages || !events || !artifacts || !annotations) {
        ctx.err(tr("cannot read run %1 from the history").arg(id));
        return ExitFailed;
    }
    const RunRecord &r = *run;
    if (ctx.args.isSet(kJson)) {
        QJsonObject object = toJson(r);
        QJsonArray stageArray;
        for (const StageRecord &s : std::as_const(*stages)) {
            QJsonObject stage = toJson(s);
            // The run and stage a reused result comes from (reusedFrom is a stage id).
            auto from = s.reusedFrom ? store->stage(s.reusedFrom) : Result<StageRecord>{};
            stage.insert(QStringLiteral("reusedFromRun"),
                         s.reusedFrom && from ? QJsonValue(from->runId) : QJsonValue());
            stage.insert(QStringLiteral("reusedFromStage"),
                         s.reusedFrom && from ? QJsonValue(from->name) : QJsonValue());
            stageArray.append(stage);
        }
        object.insert(QStringLiteral("stages"), stageArray);
        QJsonArray artifactArray;
        for (const ArtifactRecord &a : std::as_const(*artifacts))
            artifactArray.append(QJsonObject{{QStringLiteral("stage"), a.stage},
                                             {QStringLiteral("path"), a.path},
                                             {QStringLiteral("size"), a.size},
                                             {QStringLiteral("sha256"), a.sha256}});
        object.insert(QStringLiteral("artifacts"), artifactArray);
        QJsonArray annotationArray;
        for (const AnnotationRecord &a : std::as_const(*annotations)) {
            annotationArray.append(
                QJsonObject{{QStringLiteral("stage"), a.stage},
                            {QStringLiteral("level"), annotationLevelName(a.annotation.level)},
                            {QStringLiteral("file"), a.annotation.file},
                            {QStringLiteral("line"), a.annotation.line},
                            {QStringLiteral("column"), a.annotation.column},
                            {QStringLiteral("title"), a.annotation.title},
                            {QStringLiteral("message"), a.annotation.message}});
        }
        object.insert(QStringLiteral("annotations"), annotationArray);
        QJsonArray eventArray;
        for (const EventRecord &e : std::as_const(*events)) {
            QJsonObject params;
            for (auto it = e.params.begin(); it != e.params.end(); ++it)
                params.insert(it.key(), it.value());
            eventArray.append(QJsonObject{{QStringLiteral("at"), e.at.toString(Qt::ISODateWithMs)},
                                          {QStringLiteral("stage"), e.stage},
                                          {QStringLiteral("kind"), toString(e.kind)},
                                          {QStringLiteral("params"), params},
                                          {QStringLiteral("who"), e.who},
                                          {QStringLiteral("message"), eventText(e)}});
        }
        object.insert(QStringLiteral("events"), eventArray);
        ctx.writeRaw(QJsonDocument(object).toJson(QJsonDocument::Indented));
        return ExitSuccess;
    }
    ctx.out(tr("run %1: %2").arg(r.id).arg(toString(r.status)));
    ctx.out(tr("  pipeline     %1 (%2)").arg(r.pipeline, r.workspace));
    if (!r.environment.isEmpty())
        ctx.out(tr("  environment  %1").arg(r.environment));
    ctx.out(tr("  triggered by %1").arg(r.triggeredBy));
    if (!r.message.isEmpty())
        ctx.out(tr("  message      %1").arg(r.message));
    if (!r.commit.isEmpty())
        ctx.out(tr("  commit       %1 (%2)")
                    .arg(r.commit, r.branch.isEmpty() ? tr("detached") : r.branch));
    if (r.dirty) {
        ctx.out(tr("  working tree uncommitted changes: the run did not build the commit alone"));
        for (const QString &file : r.changedFiles)
            ctx.out(QStringLiteral("               ") + file);
    }
    ctx.out(tr("  started      %1").arg(local(r.startedAt)));
    if (r.finishedAt.isValid())
        ctx.out(tr("  finished     %1 (%2)").arg(local(r.finishedAt), duration(r.durationMs())));
    if (r.rerunOf)
        ctx.out(tr("  re-run of    run %1").arg(r.rerunOf));
    if (r.remote)
        ctx.out(tr("  ran on       GitHub Actions: %1").arg(r.remoteUrl));
    ctx.out({});
    QList<QStringList> rows{
        {tr("STAGE"), tr("STATUS"), tr("ATTEMPTS"), tr("EXIT"), tr("DURATION"), tr("NOTE")}};
    for (const StageRecord &s : std::as_const(*stages)) {
        QString note = s.reason;
        if (s.reusedFrom)
            note = reusedNote(*store, s);
        else if (s.isAllowedFailure())
            note = note.isEmpty() ? tr("continue-on-error: did not fail the run")
                                  : tr("%1; continue-on-error: did not fail the run").arg(note);
        rows << QStringList{
            s.name,
            stageOutcome(s),
            QString::number(s.attempts),
            s.signal ? tr("signal %1").arg(s.signal)
                     : (s.exitCode < 0 ? QStringLiteral("-") : QString::number(s.exitCode)),
            duration(s.durationMs()),
            note};
    }
    printTable(ctx, rows);
    if (!artifacts->isEmpty()) {
        ctx.out({});
        ctx.out(tr("artifacts:"));
        for (const ArtifactRecord &a : std::as_const(*artifacts))
            ctx.out(QStringLiteral("  %1/%2  %3 bytes  sha256 %4")
                        .arg(a.stage, a.path)
                        .arg(a.size)
                        .arg(a.sha256));
    }
    if (!annotations->isEmpty()) {
        ctx.out({});
        ctx.out(tr("annotations:"));
        for (const AnnotationRecord &a : std::as_const(*annotations))
            ctx.out(QStringLiteral("  %1  %2").arg(a.stage, annotationText(a.annotation)));
    }
    ctx.out({});
    ctx.out(tr("events:"));
    for (const EventRecord &e : std::as_const(*events))
        ctx.out(QStringLiteral("  %1  %2  %3")
                    .arg(local(e.at), eventKindText(e.kind).leftJustified(18), eventText(e)));
    return ExitSuccess;
}

int cancel(Context &ctx)
{
    const auto run = ctx.runArgument(QStringLiteral("deploydeskctl cancel RUN"));
    if (!run)
        return run.error();
    HistoryStore *store = *ctx.store();
    const qint64 id = run->id;
    if (isFinal(run->status)) {
        ctx.out(tr("run %1 is not running: it ended as %2").arg(id).arg(toString(run->status)));
        return ExitSuccess;
    }
    if (!ProcessInfo::isAlive(run->runnerPid, run->runnerStartTicks)) {
        ctx.out(tr("run %1 has no live runner; it is marked interrupted").arg(id));
        return ExitSuccess;
    }
    EventRecord e;
    e.runId = id;
    e.at = QDateTime::currentDateTimeUtc();
    e.kind = EventKind::CancelRequested;
    e.who = Paths::currentUser();
    e.params = {{QStringLiteral("by"), e.who},
                {QStringLiteral("pid"), QString::number(QCoreApplication::applicationPid())}};
    // The runner is asked to stop either way; the history just lacks who asked.
    if (auto added = store->addEvent(e); !added)
        ctx.err(added.error().toString());
    if (::kill(pid_t(run->runnerPid), SIGTERM) != 0) {
        ctx.err(tr("cannot signal the runner of run %1 (pid %2): %3")
                    .arg(id)
                    .arg(run->runnerPid)
                    .arg(QString::fromLocal8Bit(strerror(errno))));
        return ExitFailed;
    }
    ctx.out(tr("cancel requested for run %1 (runner pid %2)").arg(id).arg(run->runnerPid));
    return ExitSuccess;
}

} // namespace DeployDesk::Cli
