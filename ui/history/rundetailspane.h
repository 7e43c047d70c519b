#pragma once

#include "store/records.h"

#include <QWidget>

class QLabel;
class QTabWidget;
class QTreeWidget;
class QTreeWidgetItem;

namespace DeployDesk {
class HistoryStore;
}

namespace DeployDesk::Ui {

// One run in detail: a header (status, environment, branch, commit, who, message,
// started, duration), its stages, its events (approvals, refusals, cancels, retries...)
// and its artifacts. Reads a run's few rows from the GUI thread's connection.
class RunDetailsPane final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RunDetailsPane)

public:
    enum StageColumns {
        StageNameColumn,
        StageStatusColumn,
        StageAttemptsColumn,
        StageDurationColumn,
        StageReasonColumn,
        StageReusedColumn,
        StageColumnCount
    };
    enum EventColumns {
        EventTimeColumn,
        EventStageColumn,
        EventKindColumn,
        EventMessageColumn,
        EventWhoColumn,
        EventColumnCount
    };
    enum ArtifactColumns {
        ArtifactPathColumn,
        ArtifactSizeColumn,
        ArtifactHashColumn,
        ArtifactColumnCount
    };
    static constexpr int StageIdRole = Qt::UserRole + 1;

    explicit RunDetailsPane(HistoryStore *store, QWidget *parent = nullptr);

    // Shows run `runId` (0: nothing). Returns false, showing why, when it cannot be read.
    bool showRun(qint64 runId);
    qint64 runId() const { return m_runId; }
    QString headerText() const; // the header as plain text, for tests and screen readers

    QTreeWidget *stagesView() const { return m_stages; }
    QTreeWidget *eventsView() const { return m_events; }
    QTreeWidget *artifactsView() const { return m_artifacts; }
    // The stage under the keyboard focus in the stages list, 0 for none.
    qint64 currentStageId() const;

signals:
    void stageActivated(qint64 runId, qint64 stageId);

private:
    void clearAll(const QString &message);
    void fillHeader(const RunRecord &run);

    HistoryStore *m_store = nullptr;
    qint64 m_runId = 0;
    QLabel *m_header = nullptr;
    QTabWidget *m_tabs = nullptr;
    QTreeWidget *m_stages = nullptr;
    QTreeWidget *m_events = nullptr;
    QTreeWidget *m_artifacts = nullptr;
};

} // namespace DeployDesk::Ui
