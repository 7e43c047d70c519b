#include "ui/history/reportexport.h"

#include "secrets/secretstore.h"
#include "store/historystore.h"

#include <QCoreApplication>
#include <QMutex>
#include <QSaveFile>

namespace DeployDesk::Ui::Internal {

namespace {

QMutex s_hookMutex;
std::function<void()> s_hook; // guarded by s_hookMutex

} // namespace

void setReportExportHookForTesting(std::function<void()> hook)
{
    const QMutexLocker locker(&s_hookMutex);
    s_hook = std::move(hook);
}

Result<void> exportRunReport(const HistoryStore *store, qint64 runId, const QString &path,
                             ReportFormat format)
{
    std::function<void()> hook;
    {
        const QMutexLocker locker(&s_hookMutex);
        hook = s_hook;
    }
    if (hook)
        hook();
    // The messages keep the history browser's translation context.
    if (!store) {
        return makeError(ErrorCode::Unavailable,
                         QCoreApplication::translate("DeployDesk::Ui::HistoryBrowser",
                                                     "the history is not open"));
    }
    SecretStore secrets(store->dataDir() + QStringLiteral("/secrets.json"));
    auto report = runReport(*store, runId, format, secrets.knownValues());
    if (!report)
        return std::unexpected(report.error());
    const QByteArray bytes = report->toUtf8();
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        return makeError(ErrorCode::Io,
                         QCoreApplication::translate("DeployDesk::Ui::HistoryBrowser",
                                                     "cannot write the report of run %1 to %2: "
                                                     "%3; choose a folder you can write to")
                             .arg(runId)
                             .arg(path, file.errorString()));
    }
    return {};
}

} // namespace DeployDesk::Ui::Internal
