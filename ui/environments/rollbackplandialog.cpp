#include "rollbackplandialog.h"

#include "ui/approvalfields.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace DeployDesk::Ui {

namespace {
enum Column { LayerColumn, FromColumn, ToColumn, HowColumn, ColumnCount };
}

RollbackPlanDialog::RollbackPlanDialog(const RollbackPlan &plan, bool isProtected, QWidget *parent)
    : QDialog(parent)
    , m_plan(plan)
    , m_protected(isProtected)
{
    setObjectName(QStringLiteral("rollbackPlanDialog"));
    setWindowTitle(tr("Roll %1 back to release %2").arg(plan.environment).arg(plan.target.id));
    const ReleaseRecord &t = plan.target;
    QString intro =
        tr("<p>Roll <b>%1</b> back to release <b>%2</b> (run %3, %4, %5 by %6).</p>")
            .arg(plan.environment.toHtmlEscaped())
            .arg(t.id)
            .arg(t.runId)
            .arg(t.commit.isEmpty() ? tr("no commit") : t.commit.left(8).toHtmlEscaped())
            .arg(QLocale().toString(t.createdAt.toLocalTime(), QLocale::ShortFormat))
            .arg(t.who.toHtmlEscaped());
    if (plan.live)
        intro += tr("<p>Live now: release %1.</p>").arg(plan.live->id);
    if (!plan.changesAnything())
        intro +=
            tr("<p><b>Nothing to roll back:</b> release %1 has the live versions.</p>").arg(t.id);
    else if (isProtected)
        intro += tr("<p><b>%1</b> is protected: a rollback needs the same approval as a "
                    "deploy. Your decision is recorded in the history.</p>")
                     .arg(plan.environment.toHtmlEscaped());
    m_intro = new QLabel(intro, this);
    m_intro->setWordWrap(true);

    m_steps = new QTreeWidget(this);
    m_steps->setObjectName(QStringLiteral("rollbackSteps"));
    m_steps->setAccessibleName(tr("What changes, layer by layer"));
    m_steps->setRootIsDecorated(false);
    m_steps->setColumnCount(ColumnCount);
    m_steps->setHeaderLabels({tr("Layer"), tr("Live now"), tr("After the rollback"), tr("How")});
    for (const RollbackStep &s : plan.steps) {
        auto *item = new QTreeWidgetItem(m_steps);
        item->setData(LayerColumn, Qt::UserRole, int(s.layer));
        item->setText(LayerColumn, toString(s.layer));
        item->setText(FromColumn, s.from ? s.from->deployment.version : tr("nothing"));
        item->setText(ToColumn,
                      s.changes && s.to ? s.to->deployment.version : item->text(FromColumn));
        item->setText(HowColumn,
                      s.changes ? tr("by %1").arg(s.mechanism) : tr("unchanged: %1").arg(s.note));
        if (!s.changes) {
            QFont f = item->font(HowColumn);
            f.setItalic(true);
            for (int c = 0; c < ColumnCount; ++c) {
                item->setFont(c, f);
                item->setForeground(c, palette().brush(QPalette::Disabled, QPalette::Text));
            }
        }
        for (int c = 0; c < ColumnCount; ++c)
            item->setToolTip(c, item->text(c));
    }
    m_steps->header()->setStretchLastSection(true);
    for (int c = 0; c < HowColumn; ++c)
        m_steps->resizeColumnToContents(c);

    m_fields = new ApprovalFields(plan.environment, isProtected, this);

    QWidget *schemaRow = nullptr;
    if (const std::optional<SchemaChange> change = plan.schemaChange()) {
        schemaRow = new QWidget(this);
        auto *label = new QLabel(tr("The database goes from revision <b>%1</b> to <b>%2</b>, "
                                    "which can drop what later migrations added. Type "
                                    "<b>%3</b> to approve the &database change:")
                                     .arg(change->from.toHtmlEscaped(), change->to.toHtmlEscaped(),
                                          change->key().toHtmlEscaped()),
                                 schemaRow);
        label->setWordWrap(true);
        m_schema = new QLineEdit(schemaRow);
        m_schema->setObjectName(QStringLiteral("schemaApproval"));
        m_schema->setAccessibleName(tr("Approve the database change"));
        m_schema->setPlaceholderText(change->key());
        label->setBuddy(m_schema);
        auto *rowLayout = new QVBoxLayout(schemaRow);
        rowLayout->setContentsMargins(0, 0, 0, 0);
        rowLayout->addWidget(label);
        rowLayout->addWidget(m_schema);
        connect(m_schema, &QLineEdit::textChanged, this, &RollbackPlanDialog::updateButtons);
    }

    auto *buttons = new QDialogButtonBox(this);
    m_rollBack =
        buttons->addButton(tr("&Roll back to release %1").arg(t.id), QDialogButtonBox::AcceptRole);
    m_rollBack->setObjectName(QStringLiteral("rollBackButton"));
    m_keep = buttons->addButton(tr("&Keep current release"), QDialogButtonBox::RejectRole);
    m_keep->setObjectName(QStringLiteral("keepButton"));
    // A protected rollback starts only once the name is typed, so Enter may go ahead
    // there; elsewhere Enter keeps what is live.
    (isProtected || m_schema ? m_rollBack : m_keep)->setDefault(true);
    connect(m_rollBack, &QPushButton::clicked, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_fields, &ApprovalFields::changed, this, &RollbackPlanDialog::updateButtons);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_intro);
    layout->addWidget(m_steps, 1);
    layout->addWidget(m_fields);
    if (schemaRow)
        layout->addWidget(schemaRow);
    layout->addWidget(buttons);
    resize(640, 400);
    updateButtons();
    if (plan.changesAnything() && isProtected)
        m_fields->firstField()->setFocus();
    else if (m_schema)
        m_schema->setFocus();
    else
        m_keep->setFocus();
}

RollbackRequest RollbackPlanDialog::request() const
{
    RollbackRequest r;
    r.environment = m_plan.environment;
    r.releaseId = m_plan.target.id;
    r.message = m_fields->reason();
    r.approved = m_protected && m_fields->isComplete();
    if (r.approved)
        r.approvedBy = m_fields->approver();
    if (m_schema && isSchemaApproved())
        r.approvedSchemaChange = m_plan.schemaChange()->key();
    return r;
}

QString RollbackPlanDialog::stepText(Layer layer) const
{
    for (int i = 0; i < m_steps->topLevelItemCount(); ++i) {
        const QTreeWidgetItem *item = m_steps->topLevelItem(i);
        if (item->data(LayerColumn, Qt::UserRole).toInt() != int(layer))
            continue;
        QStringList parts;
        for (int c = 0; c < ColumnCount; ++c)
            parts << item->text(c);
        return parts.join(QStringLiteral("  "));
    }
    return {};
}

bool RollbackPlanDialog::isSchemaApproved() const
{
    if (!m_schema)
        return true;
    return m_schema->text().trimmed() == m_plan.schemaChange()->key();
}

void RollbackPlanDialog::updateButtons()
{
    m_rollBack->setEnabled(m_plan.changesAnything() && m_fields->isComplete() &&
                           isSchemaApproved());
}

} // namespace DeployDesk::Ui
