#pragma once

#include <QWidget>

class QLineEdit;

namespace DeployDesk::Ui {

// The fields of an approval, shared by every dialog that changes a protected environment
// (a deploy waiting for approval, a rollback): who approves, why, and the environment's
// name typed to confirm. Without approval (an environment that is not protected) only
// "why" shows. isComplete() says whether the action may go ahead.
class ApprovalFields final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ApprovalFields)

public:
    ApprovalFields(const QString &environment, bool needsApproval, QWidget *parent = nullptr);

    bool needsApproval() const { return m_needsApproval; }
    // Approval given (name typed, approver set), or none needed.
    bool isComplete() const;
    bool hasApprover() const;
    QString approver() const;
    QString reason() const;
    // The field to start typing in: the confirmation when approval is needed, else "why".
    QLineEdit *firstField() const;

    QLineEdit *approverEdit() const { return m_who; }
    QLineEdit *reasonEdit() const { return m_reason; }
    QLineEdit *confirmEdit() const { return m_confirm; }

signals:
    void changed();

private:
    QString m_environment;
    bool m_needsApproval = true;
    QLineEdit *m_who = nullptr;
    QLineEdit *m_reason = nullptr;
    QLineEdit *m_confirm = nullptr;
};

} // namespace DeployDesk::Ui
