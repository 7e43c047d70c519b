#pragma once

#include "config/pipeline.h"
#include "environmentsreader.h"
#include "run/runcontroller.h"

#include <QTimer>
#include <QWidget>

class QAction;
class QComboBox;
class QLabel;
class QPushButton;
class QTreeView;
class QTreeWidget;

namespace DeployDesk {
class HistoryStore;
}

namespace DeployDesk::Ui {

class LiveReleaseCard;
class QueueTabs;
class ReleaseCompareDialog;
class ReleasesModel;
class RollbackPlanDialog;

// The Environments tab: for the chosen environment its live release (commit, when, who,
// each layer's address and whether it answers) and the releases before it, each of which
// can be rolled back to (a plan first, then approval when the environment is protected);
// two releases compared; the deploy queue of the workspace (refreshed while shown) and
// its branch previews. Reads go through EnvironmentsReader, off the GUI thread; a
// rollback the user confirms leaves as rollbackRequested() for the run service.
class EnvironmentsView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EnvironmentsView)

public:
    // `store` gives the history's folder (nullptr: no history); reads use a connection of
    // their own.
    explicit EnvironmentsView(HistoryStore *store, QWidget *parent = nullptr);
    ~EnvironmentsView() override;

    // The history to read (the window opens it after it shows); nullptr: none.
    void setStore(HistoryStore *store);
    // Shows the environments of `pipeline` (in `workspace`), keeping the chosen one.
    void setPipeline(const Pipeline &pipeline, const QString &workspace);
    void setCurrentEnvironment(const QString &name);
    QString currentEnvironment() const;
    // Reads releases, queue and previews again (a run ended, F5).
    void refresh();
    // Rolling back is possible (no run in progress).
    void setRollbackEnabled(bool enabled);
    // Roll back (Ctrl+Shift+B), compare (Ctrl+D) and refresh, for the window's menu.
    QList<QAction *> actions() const;

    // Plans a rollback to the selected release and opens the plan: planDialogShown().
    void rollbackSelected();
    // Opens the comparison of the two selected releases: compareDialogShown().
    ReleaseCompareDialog *compareSelected();
    QList<qint64> selectedReleaseIds() const; // release rows, newest first
    void selectRelease(qint64 releaseId, bool add = false);

    // For tests.
    ReleasesModel *model() const { return m_model; }
    QTreeView *releasesView() const { return m_releases; }
    LiveReleaseCard *liveCard() const { return m_card; }
    QTreeWidget *queueView() const;
    QTreeWidget *previewsView() const;
    QComboBox *environmentCombo() const { return m_environment; }
    QPushButton *rollbackButton() const { return m_rollbackButton; }
    QPushButton *compareButton() const { return m_compareButton; }
    QString statusText() const;
    bool isQueueRefreshing() const { return m_queueTimer.isActive(); }

signals:
    void rollbackRequested(const DeployDesk::RollbackRequest &request);
    void planDialogShown(DeployDesk::Ui::RollbackPlanDialog *dialog);
    void compareDialogShown(DeployDesk::Ui::ReleaseCompareDialog *dialog);
    void loaded();      // releases, queue and previews arrived
    void queueLoaded(); // the queue arrived (also on each timer tick)

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    void createActions();
    void applySnapshot(const EnvironmentsSnapshot &snapshot);
    void showEnvironment();
    void readMore();
    void refreshQueue();
    void updateActions();
    void fixSpans();
    void openPlan(const Result<RollbackPlan> &plan);
    bool isProtected(const QString &environment) const;

    EnvironmentsReader *m_reader = nullptr;
    Pipeline m_pipeline;
    QString m_workspace;
    quint64 m_generation = 0; // answers for an earlier workspace are dropped
    EnvironmentsSnapshot m_snapshot;
    QHash<QString, int> m_limits; // releases read per environment (grows with fetchMore)
    QString m_cardEnvironment;    // what the card shows
    qint64 m_cardRelease = -1;
    bool m_recheckHealth = false;
    bool m_rollbackEnabled = true;
    bool m_planning = false;
    bool m_queueReading = false;
    QTimer m_queueTimer;

    QComboBox *m_environment = nullptr;
    QPushButton *m_refreshButton = nullptr;
    LiveReleaseCard *m_card = nullptr;
    ReleasesModel *m_model = nullptr;
    QTreeView *m_releases = nullptr;
    QPushButton *m_rollbackButton = nullptr;
    QPushButton *m_compareButton = nullptr;
    QueueTabs *m_bottom = nullptr;
    QLabel *m_status = nullptr;
    QAction *m_rollbackAction = nullptr;
    QAction *m_rollbackEnter = nullptr;
    QAction *m_compareAction = nullptr;
    QAction *m_refreshAction = nullptr;
};

} // namespace DeployDesk::Ui
