#pragma once

#include "ui/pipeline/graphlayout.h"

#include "common/status.h"
#include "config/pipeline.h"

#include <QAbstractScrollArea>
#include <QDateTime>
#include <QHash>
#include <QStringList>

class QMenu;
class QTimer;

namespace DeployDesk {
struct StageRecord;
}

namespace DeployDesk::Ui {

// The Pipeline tab's stage graph: one node per stage (state colour and icon, name,
// duration or live elapsed time, attempts), edges from `needs`, laid out left to right.
// Click or Enter opens a stage (stageActivated); arrows move the selection; Ctrl+wheel,
// Ctrl+= / Ctrl+- zoom and Ctrl+0 fits the whole graph. Stages that the chosen
// environment's `if:` would skip are drawn dashed; stages waiting for approval say so.
// A node's context menu (right click, Menu key, Shift+F10) runs it and what it needs.
class StageGraphView final : public QAbstractScrollArea
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StageGraphView)

public:
    explicit StageGraphView(QWidget *parent = nullptr);
    ~StageGraphView() override;

    void setPipeline(const Pipeline &pipeline);
    void updateStage(const StageRecord &stage);
    void resetStates(); // every stage pending again, e.g. for a new run
    void setEnvironment(const QString &environment);
    void setSelectedStages(const QStringList &names);
    // `stages` wait for the approval of a deploy to protected `environment`: drawn as
    // waiting (not "Pending"), saying for whom. An empty list: none waits any more.
    void setWaitingForApproval(const QString &environment, const QStringList &stages);
    bool isWaitingForApproval(const QString &name) const;

    QStringList stageNames() const; // in file order
    StageStatus stageStatus(const QString &name) const;
    QString nodeSubtitle(const QString &name) const; // the node's second line, as drawn
    bool isSkippedByCondition(const QString &name) const;
    QRect nodeRect(const QString &name) const; // in viewport coordinates; empty if unknown
    QString currentStage() const;              // the keyboard/mouse selection
    void setCurrentStage(const QString &name);
    bool isElapsedTimerActive() const;
    // Whether the context menu's "Run <stage> and what it needs" can start a run now
    // (no run going, the file valid, the history open).
    void setStageRunEnabled(bool enabled);
    // The context menu of `name`'s node (its Run entry first, then the zoom actions), or
    // of the empty graph when `name` is empty; owned by the caller.
    QMenu *createContextMenu(const QString &name, QWidget *parent);

    qreal zoom() const { return m_zoom; }
    void setZoom(qreal zoom);
    void zoomIn();
    void zoomOut();
    void zoomToFit();

signals:
    void stageActivated(const QString &name); // click or Enter: open its log
    void stageSelected(const QString &name);
    // From a node's context menu (right click, the Menu key or Shift+F10): run this stage
    // and every stage it needs, as `deploydeskctl run --stage` does.
    void stageRunRequested(const QString &name);

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;
    bool viewportEvent(QEvent *event) override;
    void scrollContentsBy(int dx, int dy) override;

private:
    struct NodeState
    {
        StageStatus status = StageStatus::Pending;
        int attempts = 0;
        QDateTime startedAt;
        QDateTime finishedAt;
        bool reused = false;
        bool allowedFailure = false; // failed with continue-on-error
        QString reason;
    };

    int indexAt(const QPoint &viewportPos) const;
    QRectF toViewport(const QRectF &layoutRect) const;
    QPointF toViewport(const QPointF &layoutPoint) const;
    void updateScrollBars();
    void updateTimer();
    void moveSelection(int key);
    void ensureVisible(int index);
    void select(int index);
    QString toolTipFor(int index) const;

    Pipeline m_pipeline;
    GraphLayout m_layout;
    QList<NodeState> m_states; // parallel to m_layout.nodes
    QHash<QString, int> m_index;
    QString m_environment;
    QStringList m_selectedStages; // a --stage filter: others are drawn faded
    QStringList m_waitingStages;  // waiting for approval to deploy to m_waitingFor
    QString m_waitingFor;
    int m_current = -1;
    int m_pressed = -1;
    qreal m_zoom = 1.0;
    QTimer *m_elapsedTimer = nullptr;
    bool m_stageRunEnabled = true;
};

} // namespace DeployDesk::Ui
