#include "ui/approvaldialog.h"

#include "ui/approvalfields.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace DeployDesk::Ui {

ApprovalDialog::ApprovalDialog(const QString &environment, const QStringList &stages, qint64 runId,
                               QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Approve deploy to %1").arg(environment));
    setObjectName(QStringLiteral("approvalDialog"));
    auto *layout = new QVBoxLayout(this);

    auto *intro = new QLabel(
        tr("<p><b>%1</b> is a protected environment.</p>"
           "<p>Run %2 is ready to start these stages, which deploy to it:<br><b>%3</b></p>"
           "<p>Your decision is recorded in the history.</p>")
            .arg(environment.toHtmlEscaped())
            .arg(runId)
            .arg(stages.join(QStringLiteral(", ")).toHtmlEscaped()),
        this);
    intro->setWordWrap(true);
    layout->addWidget(intro);

    m_fields = new ApprovalFields(environment, true, this);
    layout->addWidget(m_fields);

    auto *buttons = new QDialogButtonBox(this);
    m_approve = buttons->addButton(tr("&Approve and deploy"), QDialogButtonBox::AcceptRole);
    m_refuse = buttons->addButton(tr("Re&fuse"), QDialogButtonBox::DestructiveRole);
    buttons->addButton(tr("Decide &later"), QDialogButtonBox::RejectRole);
    m_approve->setDefault(true);
    layout->addWidget(buttons);

    connect(m_fields, &ApprovalFields::changed, this, &ApprovalDialog::updateButtons);
    connect(m_approve, &QPushButton::clicked, this, [this] {
        m_decision = Approved;
        accept();
    });
    connect(m_refuse, &QPushButton::clicked, this, [this] {
        m_decision = Refused;
        accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    updateButtons();
    m_fields->firstField()->setFocus();
}

QString ApprovalDialog::approver() const
{
    return m_fields->approver();
}

QString ApprovalDialog::reason() const
{
    return m_fields->reason();
}

QLineEdit *ApprovalDialog::approverEdit() const
{
    return m_fields->approverEdit();
}

QLineEdit *ApprovalDialog::reasonEdit() const
{
    return m_fields->reasonEdit();
}

QLineEdit *ApprovalDialog::confirmEdit() const
{
    return m_fields->confirmEdit();
}

void ApprovalDialog::updateButtons()
{
    m_approve->setEnabled(m_fields->isComplete());
    m_refuse->setEnabled(m_fields->hasApprover());
}

} // namespace DeployDesk::Ui
