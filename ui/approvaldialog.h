#pragma once

#include <QDialog>

class QLineEdit;
class QPushButton;

namespace DeployDesk::Ui {

class ApprovalFields;

// Asks for the approval of a deploy to a protected environment: who approves, an
// optional reason, and the environment's name typed to confirm. Approve stays disabled
// until the name matches; Refuse needs no typing. Closing the dialog (Esc) decides
// nothing: the run keeps waiting and the dialog can be opened again.
class ApprovalDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ApprovalDialog)

public:
    enum Decision { Undecided, Approved, Refused };

    ApprovalDialog(const QString &environment, const QStringList &stages, qint64 runId,
                   QWidget *parent = nullptr);

    Decision decision() const { return m_decision; }
    QString approver() const;
    QString reason() const;

    // For tests and keyboard users: the widgets by role.
    QLineEdit *approverEdit() const;
    QLineEdit *reasonEdit() const;
    QLineEdit *confirmEdit() const;
    QPushButton *approveButton() const { return m_approve; }
    QPushButton *refuseButton() const { return m_refuse; }

private:
    void updateButtons();

    ApprovalFields *m_fields = nullptr;
    QPushButton *m_approve = nullptr;
    QPushButton *m_refuse = nullptr;
    Decision m_decision = Undecided;
};

} // namespace DeployDesk::Ui
