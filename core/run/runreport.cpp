#include "run/runreport.h"
#include "common/translate.h"

#include "common/duration.h"
#include "log/ansiparser.h"
#include "log/errorclassifier.h"
#include "log/secretmasker.h"
#include "store/eventtext.h"
#include "store/historystore.h"

#include <QCoreApplication>
#include <QRegularExpression>

#include <algorithm>

namespace DeployDesk {

namespace {

// The report as neutral parts, rendered as Markdown or HTML at the end.
struct Table
{
    QString title;
    QStringList headers;
    QList<QStringList> rows;
    QString empty; // shown instead of an empty table
};

struct LogTail
{
    QString title;
    QString note; // above the lines: where First Error lands
    QStringList lines;
};

struct Report
{
    QString title;
    QList<std::pair<QString, QString>> fields;
    QList<Table> tables;
    QList<LogTail> logs;
};

class Masker
{
public:
    explicit Masker(const QStringList &secrets)
    {
        for (const QString &s : secrets) {
            if (s.size() >= SecretMasker::kMinimumLength && !m_secrets.contains(s))
                m_secrets.append(s);
        }
        // Longest first, so a secret that contains another is masked whole.
        std::sort(m_secrets.begin(), m_secrets.end(),
                  [](const QString &a, const QString &b) { return a.size() > b.size(); });
    }
    QString operator()(QString text) const
    {
        for (const QString &s : m_secrets)
            text.replace(s, QString::fromLatin1(SecretMasker::kMask));
        return text;
    }

private:
    QStringList m_secrets;
};

QString utc(const QDateTime &t)
{
    return t.isValid() ? t.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss 'UTC'"))
                       : QStringLiteral("-");
}

QString duration(qint64 ms)
{
    return ms < 0 ? QStringLiteral("-") : formatDuration(std::chrono::milliseconds(ms));
}

QString dash(const QString &text)
{
    return text.isEmpty() ? QStringLiteral("-") : text;
}

// --- Markdown ---------------------------------------------------------------------------

QString mdCell(QString text)
{
    text.replace(QLatin1Char('\\'), QStringLiteral("\\\\"));
    text.replace(QLatin1Char('|'), QStringLiteral("\\|"));
    text.replace(QLatin1Char('<'), QStringLiteral("&lt;"));
    text.replace(QLatin1Char('\r'), QLatin1Char(' '));
    text.replace(QLatin1Char('\n'), QLatin1Char(' '));
    return text;
}

QString mdRow(const QStringList &cells)
{
    QStringList escaped;
    for (const QString &c : cells)
        escaped.append(mdCell(c));
    return QStringLiteral("| ") + escaped.join(QStringLiteral(" | ")) + QStringLiteral(" |\n");
}

QString renderMarkdown(const Report &report)
{
    QString out = QStringLiteral("# ") + mdCell(report.title) + QStringLiteral("\n\n");
    out += mdRow({tr("Field"), tr("Value")}) + QStringLiteral("|---|---|\n");
    for (const auto &[name, value] : report.fields)
        out += mdRow({name, value});
    for (const Table &t : report.tables) {
        out += QStringLiteral("\n## ") + mdCell(t.title) + QStringLiteral("\n\n");
        if (t.rows.isEmpty()) {
            out += mdCell(t.empty) + QLatin1Char('\n');
            continue;
        }
        out += mdRow(t.headers);
        out += QStringLiteral("|") + QStringLiteral("---|").repeated(t.headers.size()) +
               QLatin1Char('\n');
        for (const QStringList &row : t.rows)
            out += mdRow(row);
    }
    for (const LogTail &log : report.logs) {
        out += QStringLiteral("\n## ") + mdCell(log.title) + QStringLiteral("\n\n");
        if (!log.note.isEmpty())
            out += mdCell(log.note) + QStringLiteral("\n\n");
        // A fence longer than any run of backticks in the lines, so none can close it.
        int longest = 0;
        static const QRegularExpression ticks(QStringLiteral("`+"));
        for (const QString &line : log.lines) {
            for (auto it = ticks.globalMatch(line); it.hasNext();)
                longest = std::max(longest, int(it.next().capturedLength()));
        }
        const QString fence = QString(std::max(3, longest + 1), QLatin1Char('`'));
        out += fence + QStringLiteral("text\n") + log.lines.join(QLatin1Char('\n')) +
               QLatin1Char('\n') + fence + QLatin1Char('\n');
    }
    return out;
}

// --- HTML -------------------------------------------------------------------------------

QString h(const QString &text)
{
    return text.toHtmlEscaped();
}

QString renderHtml(const Report &report)
{
    QString out =
        QStringLiteral("<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\">\n<title>");
    out += h(report.title);
    out += QStringLiteral(
        "</title>\n<style>\n"
        "body{font-family:sans-serif;margin:2em;color:#222}\n"
        "table{border-collapse:collapse;margin:.5em 0}\n"
        "th,td{border:1px solid #ccc;padding:.25em .6em;text-align:left;vertical-align:top}\n"
        "th{background:#f3f3f3}\n"
        "pre{background:#f6f6f6;border:1px solid #ddd;padding:.6em;overflow-x:auto}\n"
        "</style>\n</head>\n<body>\n");
    out += QStringLiteral("<h1>") + h(report.title) + QStringLiteral("</h1>\n<table>\n");
    for (const auto &[name, value] : report.fields)
        out += QStringLiteral("<tr><th>%1</th><td>%2</td></tr>\n").arg(h(name), h(value));
    out += QStringLiteral("</table>\n");
    for (const Table &t : report.tables) {
        out += QStringLiteral("<h2>") + h(t.title) + QStringLiteral("</h2>\n");
        if (t.rows.isEmpty()) {
            out += QStringLiteral("<p>") + h(t.empty) + QStringLiteral("</p>\n");
            continue;
        }
        out += QStringLiteral("<table>\n<tr>");
        for (const QString &header : t.headers)
            out += QStringLiteral("<th>") + h(header) + QStringLiteral("</th>");
        out += QStringLiteral("</tr>\n");
        for (const QStringList &row : t.rows) {
            out += QStringLiteral("<tr>");
            for (const QString &cell : row)
                out += QStringLiteral("<td>") + h(cell) + QStringLiteral("</td>");
            out += QStringLiteral("</tr>\n");
        }
        out += QStringLiteral("</table>\n");
    }
    for (const LogTail &log : report.logs) {
        out += QStringLiteral("<h2>") + h(log.title) + QStringLiteral("</h2>\n");
        if (!log.note.isEmpty())
            out += QStringLiteral("<p>") + h(log.note) + QStringLiteral("</p>\n");
        out += QStringLiteral("<pre>");
        out += h(log.lines.join(QLatin1Char('\n')));
        out += QStringLiteral("</pre>\n");
    }
    out += QStringLiteral("</body>\n</html>\n");
    return out;
}

Result<LogTail> logTail(const HistoryStore &store, const StageRecord &stage, const Masker &mask)
{
    auto count = store.logLineCount(stage.id);
    if (!count)
        return std::unexpected(count.error());
    const qint64 first = std::max<qint64>(1, *count - kReportLogTailLines + 1);
    auto lines = store.logLines(stage.id, first, kReportLogTailLines);
    if (!lines)
        return std::unexpected(lines.error());
    LogTail tail;
    if (stage.isAllowedFailure())
        tail.title =
            *count > kReportLogTailLines
                ? tr("Log of stage \"%1\", an allowed failure (continue-on-error) (last %2 of "
                     "%3 lines)")
                      .arg(mask(stage.name))
                      .arg(kReportLogTailLines)
                      .arg(*count)
                : tr("Log of stage \"%1\", an allowed failure (continue-on-error)")
                      .arg(mask(stage.name));
    else
        tail.title = *count > kReportLogTailLines
                         ? tr("Log of failed stage \"%1\" (last %2 of %3 lines)")
                               .arg(mask(stage.name))
                               .arg(kReportLogTailLines)
                               .arg(*count)
                         : tr("Log of failed stage \"%1\"").arg(mask(stage.name));
    auto firstError = firstErrorOf(store, stage.id);
    if (!firstError)
        return std::unexpected(firstError.error());
    if (*firstError)
        tail.note =
            tr("First error, line %1: %2").arg((*firstError)->line).arg(mask((*firstError)->text));
    for (const LogLine &line : std::as_const(*lines))
        tail.lines.append(mask(QString::fromUtf8(AnsiParser::strip(line.text))));
    if (tail.lines.isEmpty())
        tail.lines.append(tr("(no output)"));
    return tail;
}

} // namespace

std::optional<ReportFormat> reportFormatFromName(QStringView name)
{
    const QString lower = name.toString().toLower();
    if (lower == QLatin1String("md") || lower == QLatin1String("markdown"))
        return ReportFormat::Markdown;
    if (lower == QLatin1String("html") || lower == QLatin1String("htm"))
        return ReportFormat::Html;
    return std::nullopt;
}

Result<QString> runReport(const HistoryStore &store, qint64 runId, ReportFormat format,
                          const QStringList &secretValues)
{
    auto run = store.run(runId);
    if (!run)
        return std::unexpected(run.error());
    auto stages = store.stages(runId);
    if (!stages)
        return std::unexpected(stages.error());
    auto events = store.events(runId);
    if (!events)
        return std::unexpected(events.error());
    auto artifacts = store.artifacts(runId);
    if (!artifacts)
        return std::unexpected(artifacts.error());
    const Masker mask(secretValues);
    const RunRecord &r = *run;

    Report report;
    report.title = tr("Run %1 of %2: %3").arg(r.id).arg(mask(r.pipeline), toString(r.status));
    report.fields = {
        {tr("Status"), toString(r.status)},
        {tr("Pipeline"), mask(r.pipeline)},
        {tr("Workspace"), mask(r.workspace)},
        {tr("Environment"), dash(mask(r.environment))},
        {tr("Branch"), dash(mask(r.branch))},
        {tr("Commit"), dash(r.commit)},
        {tr("Working tree"),
         r.commit.isEmpty() ? QStringLiteral("-")
         : r.dirty
             ? tr("uncommitted changes (%1)").arg(mask(r.changedFiles.join(QStringLiteral(", "))))
             : tr("clean")},
        {tr("Triggered by"), dash(mask(r.triggeredBy))},
        {tr("Message"), dash(mask(r.message))},
        {tr("Started"), utc(r.startedAt)},
        {tr("Finished"), utc(r.finishedAt)},
        {tr("Duration"), duration(r.durationMs())},
    };
    if (r.rerunOf)
        report.fields.append({tr("Re-run of"), tr("run %1").arg(r.rerunOf)});
    if (!r.selectedStages.isEmpty())
        report.fields.append(
            {tr("Selected stages"), mask(r.selectedStages.join(QStringLiteral(", ")))});
    QStringList allowed;
    for (const StageRecord &s : std::as_const(*stages))
        if (s.isAllowedFailure())
            allowed << mask(s.name);
    if (!allowed.isEmpty())
        report.fields.append(
            {tr("Allowed failures"), tr("%1 (continue-on-error: they did not fail the run)")
                                         .arg(allowed.join(QStringLiteral(", ")))});

    Table stageTable{
        tr("Stages"),
        {tr("Stage"), tr("Status"), tr("Attempts"), tr("Exit"), tr("Duration"), tr("Note")},
        {},
        tr("No stages were recorded.")};
    for (const StageRecord &s : std::as_const(*stages)) {
        QString note = mask(s.reason);
        if (s.reusedFrom)
            note = reusedNote(store, s);
        const QString exit =
            s.signal ? tr("signal %1").arg(s.signal)
                     : (s.exitCode < 0 ? QStringLiteral("-") : QString::number(s.exitCode));
        stageTable.rows.append({mask(s.name), stageOutcome(s), QString::number(s.attempts), exit,
                                duration(s.durationMs()), dash(note)});
    }
    Table eventTable{tr("Events"),
                     {tr("Time"), tr("Stage"), tr("Kind"), tr("Who"), tr("Message")},
                     {},
                     tr("No events were recorded.")};
    for (const EventRecord &e : std::as_const(*events))
        eventTable.rows.append({utc(e.at), dash(mask(e.stage)), eventKindText(e.kind),
                                dash(mask(e.who)), mask(eventText(e))});
    Table artifactTable{tr("Artifacts"),
                        {tr("Stage"), tr("Path"), tr("Size (bytes)"), tr("SHA-256")},
                        {},
                        tr("No artifacts were kept.")};
    for (const ArtifactRecord &a : std::as_const(*artifacts))
        artifactTable.rows.append({mask(a.stage), mask(a.path), QString::number(a.size), a.sha256});
    report.tables = {stageTable, eventTable, artifactTable};

    // The failures that failed the run first, then those continue-on-error allowed.
    for (const bool allowed : {false, true}) {
        for (const StageRecord &s : std::as_const(*stages)) {
            if (s.status != StageStatus::Failed || s.allowedFailure != allowed)
                continue;
            auto tail = logTail(store, s, mask);
            if (!tail)
                return std::unexpected(tail.error());
            report.logs.append(*tail);
        }
    }
    return format == ReportFormat::Html ? renderHtml(report) : renderMarkdown(report);
}

QString stageOutcome(const StageRecord &stage)
{
    return stage.isAllowedFailure() ? tr("failed (allowed)") : toString(stage.status);
}

QString reusedNote(const HistoryStore &store, const StageRecord &stage)
{
    if (!stage.reusedFrom)
        return {};
    if (auto from = store.stage(stage.reusedFrom); from)
        return tr("reused from run %1 (stage %2)").arg(from->runId).arg(from->name);
    return tr("reused from an earlier run (its stage %1 is no longer in the history)")
        .arg(stage.reusedFrom);
}

Result<std::optional<FirstErrorLine>> firstErrorOf(const HistoryStore &store, qint64 stageId)
{
    auto count = store.logLineCount(stageId);
    if (!count)
        return std::unexpected(count.error());
    constexpr qint64 kChunk = 5000;
    FirstErrorFinder finder;
    QString chosenText;
    LineSeverity chosen = LineSeverity::None;
    for (qint64 first = 1; first <= *count; first += kChunk) {
        auto lines = store.logLines(stageId, first, kChunk);
        if (!lines)
            return std::unexpected(lines.error());
        bool more = true;
        for (qsizetype i = 0; i < lines->size() && more; ++i) {
            const QByteArray stripped = AnsiParser::strip(lines->at(i).text);
            more = finder.feed(first + i, lines->at(i).stream, stripped);
            if (finder.severity() != chosen) {
                chosen = finder.severity();
                chosenText = QString::fromUtf8(stripped);
            }
        }
        if (!more || lines->isEmpty())
            break;
    }
    if (const auto line = finder.index())
        return std::optional<FirstErrorLine>(FirstErrorLine{*line, chosenText});
    return std::optional<FirstErrorLine>();
}

} // namespace DeployDesk
