#pragma once

#include <QDialog>

class QPushButton;

namespace DeployDesk::Ui {

class ApprovalFields;

// Asks before Run Locally starts a workflow whose jobs deploy to an environment that
// deploydesk.yml protects, as `deploydeskctl workflow run` asks (or takes --approve): who
// approves, why, and the environment's name typed to confirm. Approve stays disabled until
// the name matches; Cancel (Esc) starts nothing. The approval is recorded with the run.
class WorkflowApprovalDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WorkflowApprovalDialog)

public:
    WorkflowApprovalDialog(const QString &workflow, const QString &environment,
                           const QStringList &jobs, QWidget *parent = nullptr);

    QString environment() const { return m_environment; }
    QString approver() const;
    QString reason() const;
    ApprovalFields *fields() const { return m_fields; }
    QPushButton *approveButton() const { return m_approve; }

private:
    QString m_environment;
    ApprovalFields *m_fields = nullptr;
    QPushButton *m_approve = nullptr;
};

} // namespace DeployDesk::Ui
