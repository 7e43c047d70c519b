#pragma once

#include "common/error.h"

#include <QString>
#include <QStringList>
#include <QStringView>

#include <optional>

namespace DeployDesk {

class HistoryStore;

enum class ReportFormat { Markdown, Html };

// "md"/"markdown" and "html"/"htm" (any case); nullopt for anything else.
std::optional<ReportFormat> reportFormatFromName(QStringView name);

// How many of a failed stage's last log lines a report shows.
constexpr int kReportLogTailLines = 50;

// A self-contained report of one run, to attach to a ticket or a chat: the run's header
// (status, pipeline, environment, branch, commit, who, why, times), its stages, events
// and artifacts, and the last kReportLogTailLines log lines of each failed stage with the
// ANSI escapes removed. HTML is one page with a small inline style sheet and every value
// escaped. Each of `secretValues` (at least SecretMasker::kMinimumLength characters) is
// replaced by "***" wherever it appears; stored logs are masked already, this also covers
// messages and reasons. NotFound when there is no such run.
Result<QString> runReport(const HistoryStore &store, qint64 runId, ReportFormat format,
                          const QStringList &secretValues = {});

struct StageRecord;

// A stage's outcome as people read it (CLI lines, show, reports): its status name, or
// "failed (allowed)" for a failure that continue-on-error allowed.
QString stageOutcome(const StageRecord &stage);
// Where a reused stage's result comes from: "reused from run 5 (stage build)"; empty
// when the stage is not reused.
QString reusedNote(const HistoryStore &store, const StageRecord &stage);

// The line First Error lands on in a stage's stored log (FirstErrorFinder, the panel's
// rule): its 1-based number and text without ANSI escapes; nullopt when no line says
// anything went wrong.
struct FirstErrorLine
{
    qint64 line = 0;
    QString text;
};
Result<std::optional<FirstErrorLine>> firstErrorOf(const HistoryStore &store, qint64 stageId);

} // namespace DeployDesk
