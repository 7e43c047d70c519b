#include "ui/workflows/planview.h"

#include "ui/common/statusstyle.h"

#include <QHeaderView>
#include <QStyledItemDelegate>
#include <QTimer>

namespace DeployDesk::Ui {

namespace {
// Row heights from the state wrapped at its column's width (a tree view asks its delegate
// for a row's height without the column's width, so the text would never wrap).
class WrappingDelegate final : public QStyledItemDelegate
{
public:
    explicit WrappingDelegate(QTreeView *view)
        : QStyledItemDelegate(view)
        , m_view(view)
    {}

    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        QStyleOptionViewItem measured = option;
        if (index.column() == PlanView::StateColumn)
            measured.rect =
                QRect(0, 0, m_view->header()->sectionSize(PlanView::StateColumn), 1 << 16);
        else
            measured.features &= ~QStyleOptionViewItem::WrapText;
        return QStyledItemDelegate::sizeHint(measured, index);
    }

    // Only the state wraps; a long step name is cut (its tooltip has it whole).
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override
    {
        QStyledItemDelegate::initStyleOption(option, index);
        if (index.column() != PlanView::StateColumn)
            option->features &= ~QStyleOptionViewItem::WrapText;
    }

private:
    QTreeView *m_view;
};
} // namespace

PlanView::PlanView(QWidget *parent)
    : QTreeWidget(parent)
{
    setObjectName(QStringLiteral("workflowPlan"));
    setAccessibleName(tr("Local plan"));
    setColumnCount(ColumnCount);
    setHeaderLabels({tr("Job or step"), tr("On this machine")});
    setWordWrap(true);
    setUniformRowHeights(false);
    setItemDelegate(new WrappingDelegate(this));
    setSelectionMode(QAbstractItemView::SingleSelection);
    header()->setStretchLastSection(true);
    header()->setSectionResizeMode(NameColumn, QHeaderView::Interactive);
    // Rows are measured again once the state column's width settles.
    auto *relayout = new QTimer(this);
    relayout->setSingleShot(true);
    connect(relayout, &QTimer::timeout, this, &QTreeView::doItemsLayout);
    connect(header(), &QHeaderView::sectionResized, relayout, [relayout] { relayout->start(0); });
}

PlanView::~PlanView() = default;

QString PlanView::jobState(const PlannedJob &job)
{
    if (!job.runsHere)
        return tr("Not run here: %1").arg(job.reason);
    switch (job.decision) {
    case PlannedJob::Decision::Skipped:
        return tr("Skipped (%1)").arg(job.conditionNote);
    case PlannedJob::Decision::AtRunTime:
        return tr("Runs here if %1").arg(job.conditionNote);
    case PlannedJob::Decision::Runs:
        break;
    }
    return job.conditionNote.isEmpty() ? tr("Runs here")
                                       : tr("Runs here (%1)").arg(job.conditionNote);
}

QString PlanView::stepState(const PlannedJob &job, const PlannedStep &step)
{
    // A step of a job that does not run here does not run either, whatever it is.
    if (!job.runsHere)
        return tr("Not run: its job does not run here");
    if (job.decision == PlannedJob::Decision::Skipped)
        return tr("Skipped with its job");
    if (step.conditionValue && !*step.conditionValue)
        return tr("Skipped (if: %1 is false)").arg(step.condition);
    QString what;
    switch (step.kind) {
    case PlannedStep::Kind::Script:
        what = tr("Runs here");
        break;
    case PlannedStep::Kind::Workspace:
    case PlannedStep::Kind::Composite:
        what = step.reason;
        break;
    case PlannedStep::Kind::NotRun:
        return tr("Not run: %1").arg(step.reason);
    }
    if (step.conditionValue)
        what += QStringLiteral(" ") + tr("(if: %1 is true)").arg(step.condition);
    else if (!step.condition.isEmpty())
        what += QStringLiteral(" ") + tr("(if: %1, decided at run time)").arg(step.condition);
    return what;
}

void PlanView::setPlan(const WorkflowPlan &plan)
{
    clear();
    QList<QTreeWidgetItem *> jobs;
    for (const PlannedJob &job : plan.jobs) {
        const bool runs = job.runsHere && job.decision != PlannedJob::Decision::Skipped;
        auto *item = new QTreeWidgetItem(QStringList{job.name, jobState(job)});
        item->setIcon(StateColumn, statusIcon(runs ? StageStatus::Pending : StageStatus::Skipped));
        item->setData(NameColumn, RunsHereRole, runs);
        QStringList details;
        if (!job.needs.isEmpty())
            details << tr("needs: %1").arg(job.needs.join(QStringLiteral(", ")));
        if (!job.environment.isEmpty())
            details << tr("environment: %1").arg(job.environment);
        details << QStringLiteral("%1:%2").arg(job.where.file).arg(job.where.line);
        item->setToolTip(NameColumn, details.join(QLatin1Char('\n')));
        item->setToolTip(StateColumn, jobState(job));
        for (const PlannedStep &step : job.steps) {
            auto *child = new QTreeWidgetItem(
                item, QStringList{QStringLiteral("%1. %2").arg(step.index + 1).arg(step.name),
                                  stepState(job, step)});
            const bool stepRuns = runs && step.kind != PlannedStep::Kind::NotRun &&
                                  !(step.conditionValue && !*step.conditionValue);
            child->setIcon(StateColumn,
                           statusIcon(stepRuns ? StageStatus::Pending : StageStatus::Skipped));
            child->setToolTip(NameColumn, step.name);
            child->setToolTip(StateColumn, step.kind == PlannedStep::Kind::Script
                                               ? step.shell
                                               : stepState(job, step));
        }
        jobs.append(item);
    }
    addTopLevelItems(jobs);
    expandAll();
    fitNameColumn();
}

void PlanView::fitNameColumn()
{
    const int wanted =
        std::max(sizeHintForColumn(NameColumn), header()->sectionSizeHint(NameColumn));
    const int room = std::max(120, viewport()->width() * 9 / 20);
    setColumnWidth(NameColumn, std::min(wanted, room));
}

void PlanView::resizeEvent(QResizeEvent *event)
{
    QTreeWidget::resizeEvent(event);
    fitNameColumn();
}

QStringList PlanView::jobNames() const
{
    QStringList names;
    for (int i = 0; i < topLevelItemCount(); ++i)
        names << topLevelItem(i)->text(NameColumn);
    return names;
}

QString PlanView::jobStateText(const QString &name) const
{
    for (int i = 0; i < topLevelItemCount(); ++i) {
        if (topLevelItem(i)->text(NameColumn) == name)
            return topLevelItem(i)->text(StateColumn);
    }
    return {};
}

} // namespace DeployDesk::Ui
