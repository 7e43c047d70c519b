#pragma once

#include "common/error.h"
#include "run/runreport.h"

#include <QString>
#include <QStringList>

#include <functional>

namespace DeployDesk {
class HistoryStore;
}

namespace DeployDesk::Ui::Internal {

// Writes run `runId`'s report to `path` through a QSaveFile (all or nothing). For the
// history reader's thread: reading a failed stage's log tail and writing the file may be
// slow. `store` null: the history could not be opened. The values of the secrets the
// history's folder knows are masked in it too (`deploydeskctl export` does the same): what
// was recorded before a secret was set is masked when it is reported.
Result<void> exportRunReport(const HistoryStore *store, qint64 runId, const QString &path,
                             ReportFormat format);

// Called by exportRunReport() on the thread that writes, before it writes: lets a test
// check which thread that is, or hold it there.
void setReportExportHookForTesting(std::function<void()> hook);

} // namespace DeployDesk::Ui::Internal
