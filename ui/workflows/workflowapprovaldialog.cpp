#include "ui/workflows/workflowapprovaldialog.h"

#include "ui/approvalfields.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace DeployDesk::Ui {

WorkflowApprovalDialog::WorkflowApprovalDialog(const QString &workflow, const QString &environment,
                                               const QStringList &jobs, QWidget *parent)
    : QDialog(parent)
    , m_environment(environment)
{
    setObjectName(QStringLiteral("workflowApprovalDialog"));
    setWindowTitle(tr("Approve %1 deploying to %2").arg(workflow, environment));
    auto *intro = new QLabel(
        tr("<p><b>%1</b> is a protected environment in deploydesk.yml.</p>"
           "<p>Running <b>%2</b> here starts these jobs, which deploy to it:<br><b>%3</b></p>"
           "<p>Your approval is recorded with the run.</p>")
            .arg(environment.toHtmlEscaped(), workflow.toHtmlEscaped(),
                 jobs.join(QStringLiteral(", ")).toHtmlEscaped()),
        this);
    intro->setWordWrap(true);
    m_fields = new ApprovalFields(environment, true, this);
    auto *buttons = new QDialogButtonBox(this);
    m_approve = buttons->addButton(tr("&Approve and Run"), QDialogButtonBox::AcceptRole);
    m_approve->setDefault(true);
    buttons->addButton(QDialogButtonBox::Cancel);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    const auto update = [this] { m_approve->setEnabled(m_fields->isComplete()); };
    connect(m_fields, &ApprovalFields::changed, this, update);
    update();

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_fields);
    layout->addWidget(buttons);
    // Wide enough for the fields to show what is typed in them.
    resize(std::max(sizeHint().width(), 480), sizeHint().height());
    m_fields->firstField()->setFocus();
}

QString WorkflowApprovalDialog::approver() const
{
    return m_fields->approver();
}

QString WorkflowApprovalDialog::reason() const
{
    return m_fields->reason();
}

} // namespace DeployDesk::Ui
