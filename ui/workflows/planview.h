#pragma once

#include "integrations/github/workflowplan.h"

#include <QTreeWidget>

namespace DeployDesk::Ui {

// A workflow's local plan (planWorkflow()): each job (per matrix leg), whether it runs on
// this machine and, when not, exactly why, and under it its steps, those that do not run
// here with their reason. The state is in words and a status icon's shape, never only in
// a colour; the reason column wraps.
class PlanView final : public QTreeWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PlanView)

public:
    enum Column { NameColumn, StateColumn, ColumnCount };
    static constexpr int RunsHereRole = Qt::UserRole + 1; // jobs: bool

    explicit PlanView(QWidget *parent = nullptr);
    ~PlanView() override;

    void setPlan(const WorkflowPlan &plan);
    // The state shown for a job ("Runs here", "Not run here: …").
    static QString jobState(const PlannedJob &job);
    static QString stepState(const PlannedJob &job, const PlannedStep &step);
    // The job rows' names, in the plan's order.
    QStringList jobNames() const;
    // The state text of job `name`; empty when there is no such job.
    QString jobStateText(const QString &name) const;

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    // The names as wide as they need, but at most about half the view: the states (reasons)
    // need the room, and wrap.
    void fitNameColumn();
};

} // namespace DeployDesk::Ui
