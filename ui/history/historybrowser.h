#pragma once

#include <utility>

#include "common/error.h"
#include "run/runreport.h"
#include "store/records.h"

#include <QList>
#include <QStringList>
#include <QWidget>

#include <memory>

class QAction;
class QLabel;
class QSplitter;
class QTreeView;

namespace DeployDesk {
class HistoryStore;
}

namespace DeployDesk::Ui {

class CompareDialog;
class HistoryFilterBar;
class HistoryModel;
class PromoteMenu;
class RunDetailsPane;

namespace Internal {
class HistoryReader;
}

// The history tab: filters, the runs (lazy, sortable by start and duration), the selected
// run's details, comparing two runs and exporting a report. The list, the details and the
// reports are read on one reader thread with its own connection (Internal::HistoryReader).
class HistoryBrowser final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HistoryBrowser)

public:
    // `store` is the GUI thread's connection (compare) and names the file the reader
    // thread opens; null: nothing to show until setStore().
    explicit HistoryBrowser(HistoryStore *store, QWidget *parent = nullptr);
    ~HistoryBrowser() override;

    // The history is open (the panel opens it off the GUI thread): shows its runs.
    void setStore(HistoryStore *store);
    // What the status line says while there is no history (opening it, or why it cannot).
    void setPlaceholder(const QString &text);

    void setWorkspace(const QString &dir);
    void setEnvironments(const QStringList &names);
    void refresh();
    void selectRun(qint64 runId);
    // Compare selected runs (Ctrl+D), Export report... (Ctrl+E), Open logs (Enter),
    // Re-run failed stages (Ctrl+Shift+R), Clear filters (Ctrl+Shift+L), Promote to…
    // (Ctrl+Shift+P, successful runs).
    QList<QAction *> actions() const;

    // The runs selected in the list, in list order.
    QList<qint64> selectedRunIds() const;
    // Opens the comparison of the two selected runs; nullptr unless exactly two are.
    CompareDialog *compareSelected();
    // Writes run `runId`'s report to `path` (atomically) on the reader's thread and
    // returns at once; reportExported() tells how it went. The UI's Export asks for the path.
    void exportReport(qint64 runId, const QString &path, ReportFormat format);
    // Where Export writes and in which format: an extension typed by the user (.md,
    // .markdown, .html, .htm) wins over the dialog's filter; without one, the filter's
    // format with its extension appended.
    static std::pair<QString, ReportFormat> exportTarget(const QString &path, ReportFormat filter);

    HistoryFilterBar *filterBar() const { return m_filters; }
    HistoryModel *model() const { return m_model; }
    QTreeView *view() const { return m_view; }
    RunDetailsPane *details() const { return m_details; }
    PromoteMenu *promoteMenu() const { return m_promoteMenu; }

signals:
    void openLogsRequested(qint64 runId, qint64 stageId); // stageId 0: the whole run
    void rerunFailedRequested(qint64 runId);
    // A report was written (`error` empty) or not (`error` says why).
    void reportExported(qint64 runId, const QString &path, const QString &error);
    // Deploy the stored artifacts of successful run `runId` to `environment`.
    void promoteRequested(qint64 runId, const QString &environment);
    // The workspace's newest run, whatever the filters (id 0: it has none), read when the
    // history opens, the workspace changes or the list is refreshed.
    void latestRunRead(const DeployDesk::RunRecord &run);

protected:
    void resizeEvent(QResizeEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    // Sizes the columns from what they hold in the current language and font: every
    // status word with its icon, the environments' names, a date, a header's own text.
    void fitColumns();
    int cellWidth(const QString &text, bool withIcon) const;
    // The list's width with every column but the message and a short message.
    int listWidthNeeded() const;
    // Details beside the runs (wide) or below them (narrow); `force` re-sizes the parts.
    void updateSplitter(bool force);
    void applyFilter();
    // Counts the runs that pass the model's filter on the count reader's thread; the filter bar
    // shows the number when it arrives (an answer for an older filter is dropped).
    void countMatches();
    void readLatestRun();
    void selectionChanged();
    void pageLoaded();
    void exportSelected();
    void reportWritten(qint64 runId, const QString &path, const QString &error);
    void openLogs();
    void updateActions();
    void createActions();
    void showContextMenu(const QPoint &pos);

    HistoryStore *m_store = nullptr;
    std::shared_ptr<Internal::HistoryReader> m_reader; // shared with the model and details
    // Counts on a thread and connection of their own: a slow count (a log search over a
    // big history) never delays a page of runs or a run's details.
    std::unique_ptr<Internal::HistoryReader> m_countReader;
    QString m_placeholder;
    QString m_workspace;
    HistoryFilterBar *m_filters = nullptr;
    HistoryModel *m_model = nullptr;
    QTreeView *m_view = nullptr;
    QSplitter *m_splitter = nullptr;
    QStringList m_environmentNames;
    RunDetailsPane *m_details = nullptr;
    QLabel *m_status = nullptr;
    QAction *m_compare = nullptr;
    QAction *m_export = nullptr;
    QAction *m_openLogs = nullptr;
    QAction *m_rerun = nullptr;
    QAction *m_clear = nullptr;
    QAction *m_promote = nullptr;
    PromoteMenu *m_promoteMenu = nullptr;
    qint64 m_pendingSelection = 0; // a run to select once its page has arrived
    int m_pagesSearched = 0;       // pages fetched looking for it
    quint64 m_countGeneration = 0; // counts asked for; only the latest is shown
    int m_lastSortColumn = 0;
    Qt::SortOrder m_lastSortOrder = Qt::DescendingOrder;
};

} // namespace DeployDesk::Ui
