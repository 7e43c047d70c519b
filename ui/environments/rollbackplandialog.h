#pragma once

#include "run/rollbackjob.h"
#include "run/runcontroller.h"

#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;
class QTreeWidget;

namespace DeployDesk::Ui {

class ApprovalFields;

// Shows a rollback plan before anything changes: per layer what is live, what will be,
// and by which mechanism, or why the layer stays as it is. A database step (an Alembic
// downgrade can drop data) needs its two revisions typed as "FROM:TO", in every
// environment, before the rollback can start. "Roll back to release N" goes
// ahead (for a protected environment only once the approval is filled in: who, why, the
// name typed); "Keep current release" changes nothing. Closing is keeping.
class RollbackPlanDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RollbackPlanDialog)

public:
    RollbackPlanDialog(const RollbackPlan &plan, bool isProtected, QWidget *parent = nullptr);

    const RollbackPlan &plan() const { return m_plan; }
    bool isProtected() const { return m_protected; }
    // After accept(): the request to start (approval included when it was given).
    RollbackRequest request() const;

    // For tests and keyboard users.
    QTreeWidget *stepsView() const { return m_steps; }
    QPushButton *rollBackButton() const { return m_rollBack; }
    QPushButton *keepButton() const { return m_keep; }
    ApprovalFields *approvalFields() const { return m_fields; }
    // Only when the plan changes the database: where "FROM:TO" is typed to approve it.
    QLineEdit *schemaApproval() const { return m_schema; }
    // The text of the row of `layer`: "site  v2 → v1  by file switch" / "unchanged (…)".
    QString stepText(Layer layer) const;

private:
    void updateButtons();
    bool isSchemaApproved() const; // true without a database step

    RollbackPlan m_plan;
    bool m_protected = false;
    QLabel *m_intro = nullptr;
    QTreeWidget *m_steps = nullptr;
    ApprovalFields *m_fields = nullptr;
    QLineEdit *m_schema = nullptr;
    QPushButton *m_rollBack = nullptr;
    QPushButton *m_keep = nullptr;
};

} // namespace DeployDesk::Ui
