#include "ui/approvaldialog.h"

#include "common/paths.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace DeployDesk::Ui {

ApprovalDialog::ApprovalDialog(const QString &environment, const QStringList &stages, qint64 runId,
                               QWidget *parent)
    : QDialog(parent)
    , m_environment(environment)
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

    auto *form = new QFormLayout;
    m_who = new QLineEdit(Paths::currentUser(), this);
    m_who->setAccessibleName(tr("Approved by"));
    m_reason = new QLineEdit(this);
    m_reason->setPlaceholderText(tr("Optional, e.g. release 1.4 after the review"));
    m_reason->setAccessibleName(tr("Reason"));
    m_confirm = new QLineEdit(this);
    m_confirm->setPlaceholderText(environment);
    m_confirm->setAccessibleName(tr("Type the environment name to confirm"));
    form->addRow(tr("Approved &by:"), m_who);
    form->addRow(tr("&Reason:"), m_reason);
    form->addRow(tr("Type <b>%1</b> to &confirm:").arg(environment.toHtmlEscaped()), m_confirm);
    layout->addLayout(form);

    auto *buttons = new QDialogButtonBox(this);
    m_approve = buttons->addButton(tr("&Approve and deploy"), QDialogButtonBox::AcceptRole);
    m_refuse = buttons->addButton(tr("Re&fuse"), QDialogButtonBox::DestructiveRole);
    buttons->addButton(tr("Decide &later"), QDialogButtonBox::RejectRole);
    m_approve->setDefault(true);
    layout->addWidget(buttons);

    connect(m_confirm, &QLineEdit::textChanged, this, &ApprovalDialog::updateButtons);
    connect(m_who, &QLineEdit::textChanged, this, &ApprovalDialog::updateButtons);
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
    m_confirm->setFocus();
}

QString ApprovalDialog::approver() const
{
    return m_who->text().trimmed();
}

QString ApprovalDialog::reason() const
{
    return m_reason->text().trimmed();
}

void ApprovalDialog::updateButtons()
{
    m_approve->setEnabled(m_confirm->text().trimmed() == m_environment && !approver().isEmpty());
    m_refuse->setEnabled(!approver().isEmpty());
}

} // namespace DeployDesk::Ui
