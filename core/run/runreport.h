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

} // namespace DeployDesk
