#include "ui/approvalfields.h"

#include "common/paths.h"

#include <QFormLayout>
#include <QLineEdit>

namespace DeployDesk::Ui {

ApprovalFields::ApprovalFields(const QString &environment, bool needsApproval, QWidget *parent)
    : QWidget(parent)
    , m_environment(environment)
    , m_needsApproval(needsApproval)
{
    auto *form = new QFormLayout(this);
    form->setContentsMargins(0, 0, 0, 0);
    m_who = new QLineEdit(Paths::currentUser(), this);
    m_who->setAccessibleName(tr("Approved by"));
    m_reason = new QLineEdit(this);
    m_reason->setPlaceholderText(tr("Optional, e.g. release 1.4 after the review"));
    m_reason->setAccessibleName(tr("Reason"));
    m_confirm = new QLineEdit(this);
    m_confirm->setPlaceholderText(environment);
    m_confirm->setAccessibleName(tr("Type the environment name to confirm"));
    if (needsApproval) {
        form->addRow(tr("Approved &by:"), m_who);
        form->addRow(tr("&Reason:"), m_reason);
        form->addRow(tr("Type <b>%1</b> to &confirm:").arg(environment.toHtmlEscaped()), m_confirm);
    } else {
        form->addRow(tr("&Why:"), m_reason);
        m_who->hide();
        m_confirm->hide();
    }
    connect(m_who, &QLineEdit::textChanged, this, &ApprovalFields::changed);
    connect(m_reason, &QLineEdit::textChanged, this, &ApprovalFields::changed);
    connect(m_confirm, &QLineEdit::textChanged, this, &ApprovalFields::changed);
}

bool ApprovalFields::isComplete() const
{
    return !m_needsApproval || (m_confirm->text().trimmed() == m_environment && hasApprover());
}

bool ApprovalFields::hasApprover() const
{
    return !approver().isEmpty();
}

QString ApprovalFields::approver() const
{
    return m_needsApproval ? m_who->text().trimmed() : Paths::currentUser();
}

QString ApprovalFields::reason() const
{
    return m_reason->text().trimmed();
}

QLineEdit *ApprovalFields::firstField() const
{
    return m_needsApproval ? m_confirm : m_reason;
}

} // namespace DeployDesk::Ui
