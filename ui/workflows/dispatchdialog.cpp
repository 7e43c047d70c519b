#include "ui/workflows/dispatchdialog.h"

#include "integrations/github/workflowplan.h"
#include "ui/common/statusstyle.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpressionValidator>
#include <QSet>
#include <QVBoxLayout>

namespace DeployDesk::Ui {

namespace {
// `text` with a mnemonic on its first letter no other field has taken yet; unchanged when
// every letter is taken.
QString withMnemonic(const QString &text, QSet<QChar> &taken)
{
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i).toLower();
        if (!c.isLetterOrNumber() || taken.contains(c))
            continue;
        taken.insert(c);
        QString marked = text;
        marked.insert(i, QLatin1Char('&'));
        return marked;
    }
    return text;
}

bool parsesAsNumber(const QString &text)
{
    bool ok = false;
    QLocale::c().toDouble(text.trimmed(), &ok);
    return ok;
}
} // namespace

DispatchDialog::DispatchDialog(const Workflow &workflow, Purpose purpose, const QString &ref,
                               QWidget *parent)
    : QDialog(parent)
    , m_workflow(workflow)
    , m_purpose(purpose)
{
    setObjectName(QStringLiteral("dispatchDialog"));
    const QString name = workflow.displayName();
    setWindowTitle(purpose == Purpose::Dispatch ? tr("Dispatch %1 on GitHub").arg(name)
                                                : tr("Run %1 Locally").arg(name));
    auto *intro = new QLabel(
        purpose == Purpose::Dispatch
            ? tr("GitHub runs %1 (%2) on its runners for workflow_dispatch with these inputs; "
                 "the run is followed here and recorded in the history.")
                  .arg(name, workflow.displayPath)
            : tr("%1 (%2) runs on this machine for workflow_dispatch with these inputs.")
                  .arg(name, workflow.displayPath),
        this);
    intro->setWordWrap(true);

    // The buttons first: the fields' mnemonics never take their letters (Cancel's is the
    // translation's, "&Abbrechen" in German).
    auto *buttons = new QDialogButtonBox(this);
    QPushButton *ok = buttons->addButton(
        purpose == Purpose::Dispatch ? tr("&Dispatch") : tr("&Run"), QDialogButtonBox::AcceptRole);
    ok->setObjectName(QStringLiteral("dispatchButton"));
    ok->setDefault(true);
    QPushButton *cancel = buttons->addButton(QDialogButtonBox::Cancel);
    QSet<QChar> taken;
    for (const QPushButton *b : {ok, cancel}) {
        if (const qsizetype at = b->text().indexOf(QLatin1Char('&'));
            at >= 0 && at + 1 < b->text().size())
            taken.insert(b->text().at(at + 1).toLower());
    }

    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    if (purpose == Purpose::Dispatch) {
        m_ref = new QLineEdit(ref, this);
        m_ref->setObjectName(QStringLiteral("refEdit"));
        m_ref->setAccessibleName(tr("Branch or tag"));
        m_ref->setPlaceholderText(tr("e.g. main"));
        const QString refLabel = tr("&Branch or tag: *");
        taken.insert(refLabel.at(refLabel.indexOf(QLatin1Char('&')) + 1).toLower());
        auto *label = new QLabel(refLabel, this);
        label->setBuddy(m_ref);
        form->addRow(label, m_ref);
    }
    static const QRegularExpression number(
        QStringLiteral("^[-+]?[0-9]*[.]?[0-9]*([eE][-+]?[0-9]*)?$"));
    for (const WorkflowInput &input : workflow.on.dispatchInputs) {
        const QString value = input.defaultValue.value_or(QString());
        QWidget *field = nullptr;
        if (input.type == u"boolean") {
            auto *check = new QCheckBox(this);
            check->setChecked(value.compare(u"true", Qt::CaseInsensitive) == 0);
            field = check;
        } else if (input.type == u"choice") {
            auto *combo = new QComboBox(this);
            combo->addItems(input.options);
            if (const qsizetype at = input.options.indexOf(value); at >= 0)
                combo->setCurrentIndex(int(at));
            field = combo;
        } else {
            auto *edit = new QLineEdit(value, this);
            if (input.type == u"number") {
                edit->setValidator(new QRegularExpressionValidator(number, edit));
                edit->setPlaceholderText(tr("a number"));
            } else if (input.type == u"environment") {
                edit->setPlaceholderText(tr("a GitHub environment's name"));
            }
            field = edit;
        }
        field->setObjectName(QStringLiteral("input_") + input.name);
        field->setAccessibleName(input.name);
        field->setAccessibleDescription(input.description);
        field->setToolTip(input.description);
        // Required is said in words (and for screen readers), not only with the star.
        const QString text =
            input.required ? tr("%1: *").arg(input.name) : tr("%1:").arg(input.name);
        auto *label = new QLabel(withMnemonic(text, taken), this);
        label->setBuddy(field);
        if (input.required)
            label->setToolTip(tr("Required"));
        form->addRow(label, field);
        if (!input.description.isEmpty()) {
            auto *description = new QLabel(input.description, this);
            description->setWordWrap(true);
            description->setForegroundRole(QPalette::PlaceholderText);
            form->addRow(QString(), description);
        }
        m_fields.insert(input.name, field);
    }
    auto *legend = new QLabel(tr("* required"), this);
    legend->setForegroundRole(QPalette::PlaceholderText);
    if (workflow.on.dispatchInputs.isEmpty() && purpose == Purpose::RunLocally)
        legend->hide();
    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("dispatchError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("QLabel { color: %1; font-weight: bold; }")
                               .arg(statusColour(RunStatus::Failed, palette()).name()));
    m_error->hide();

    connect(buttons, &QDialogButtonBox::accepted, this, &DispatchDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &DispatchDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(legend);
    layout->addWidget(m_error);
    layout->addStretch(1);
    layout->addWidget(buttons);
    resize(std::max(sizeHint().width(), 460), sizeHint().height());
}

DispatchDialog::~DispatchDialog() = default;

QString DispatchDialog::ref() const
{
    return m_ref ? m_ref->text().trimmed() : QString();
}

QMap<QString, QString> DispatchDialog::values() const
{
    QMap<QString, QString> values;
    for (auto it = m_fields.cbegin(); it != m_fields.cend(); ++it) {
        QString value;
        if (auto *check = qobject_cast<QCheckBox *>(it.value()))
            value = check->isChecked() ? QStringLiteral("true") : QStringLiteral("false");
        else if (auto *combo = qobject_cast<QComboBox *>(it.value()))
            value = combo->currentText();
        else if (auto *edit = qobject_cast<QLineEdit *>(it.value()))
            value = edit->text().trimmed();
        // An empty optional input is left out: GitHub (or the plan) fills its default.
        if (!value.isEmpty())
            values.insert(it.key(), value);
    }
    return values;
}

QJsonObject DispatchDialog::inputs() const
{
    QJsonObject inputs;
    const QMap<QString, QString> given = values();
    for (auto it = given.cbegin(); it != given.cend(); ++it)
        inputs.insert(it.key(), it.value());
    return inputs;
}

QString DispatchDialog::errorText() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

QString DispatchDialog::problem(QWidget **field) const
{
    if (m_ref && ref().isEmpty()) {
        *field = m_ref;
        return tr("Enter the branch or tag to dispatch on.");
    }
    // In the form's order, so the first one to fix is named first.
    for (const WorkflowInput &input : m_workflow.on.dispatchInputs) {
        auto *edit = qobject_cast<QLineEdit *>(m_fields.value(input.name));
        if (!edit)
            continue;
        const QString text = edit->text().trimmed();
        if (input.required && text.isEmpty()) {
            *field = edit;
            return tr("\"%1\" is required: enter a value.").arg(input.name);
        }
        if (input.type == u"number" && !text.isEmpty() && !parsesAsNumber(text)) {
            *field = edit;
            return tr("\"%1\" must be a number; found \"%2\".").arg(input.name, text);
        }
    }
    // What the plan would refuse (the types as workflowInputs() checks them).
    QStringList problems;
    workflowInputs(m_workflow, values(), problems);
    *field = nullptr;
    return problems.join(QLatin1Char('\n'));
}

void DispatchDialog::accept()
{
    QWidget *field = nullptr;
    const QString why = problem(&field);
    if (why.isEmpty()) {
        m_error->hide();
        QDialog::accept();
        return;
    }
    m_error->setText(why);
    m_error->show();
    if (field)
        field->setFocus(Qt::OtherFocusReason);
}

} // namespace DeployDesk::Ui
