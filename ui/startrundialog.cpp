#include "ui/startrundialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace DeployDesk::Ui {

StartRunDialog::StartRunDialog(const QString &title, const QString &question,
                               const QString &startText, QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("startRunDialog"));
    setWindowTitle(title);
    auto *text = new QLabel(question, this);
    text->setWordWrap(true);
    m_message = new QLineEdit(this);
    m_message->setObjectName(QStringLiteral("runMessage"));
    m_message->setPlaceholderText(tr("Optional: kept in the history"));
    m_message->setAccessibleName(tr("Message"));
    m_message->setClearButtonEnabled(true);
    auto *form = new QFormLayout;
    form->addRow(tr("&Message:"), m_message);

    auto *buttons = new QDialogButtonBox(this);
    m_start = buttons->addButton(startText, QDialogButtonBox::AcceptRole);
    buttons->addButton(QDialogButtonBox::Cancel);
    m_start->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(text);
    layout->addLayout(form);
    layout->addWidget(buttons);
    m_message->setFocus();
    setMinimumWidth(420);
}

QString StartRunDialog::message() const
{
    return m_message->text().trimmed();
}

} // namespace DeployDesk::Ui
