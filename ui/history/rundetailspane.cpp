#include "rundetailspane.h"

#include "common/duration.h"
#include "store/historystore.h"
#include "ui/common/statusstyle.h"

#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QTabWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace DeployDesk::Ui {

namespace {
QString localTime(const QDateTime &t)
{
    return t.isValid() ? t.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"))
                       : QString();
}

QString durationText(qint64 ms)
{
    return ms < 0 ? QString() : formatDuration(std::chrono::milliseconds(ms));
}

QTreeWidget *makeList(const QStringList &headers, const QString &name, QWidget *parent)
{
    auto *list = new QTreeWidget(parent);
    list->setHeaderLabels(headers);
    list->setRootIsDecorated(false);
    list->setUniformRowHeights(true);
    list->setAccessibleName(name);
    list->header()->setSectionResizeMode(QHeaderView::Interactive);
    list->header()->setStretchLastSection(true);
    return list;
}
} // namespace

RunDetailsPane::RunDetailsPane(HistoryStore *store, QWidget *parent)
    : QWidget(parent)
    , m_store(store)
{
    m_header = new QLabel(this);
    m_header->setTextFormat(Qt::PlainText);
    m_header->setWordWrap(true);
    m_header->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_header->setAccessibleName(tr("Run summary"));
    m_stages = makeList(
        {tr("Stage"), tr("Status"), tr("Attempts"), tr("Duration"), tr("Reason"), tr("Reused")},
        tr("Stages of the run"), this);
    m_events = makeList({tr("Time"), tr("Stage"), tr("Kind"), tr("Message"), tr("Who")},
                        tr("Events of the run"), this);
    m_artifacts =
        makeList({tr("Path"), tr("Size"), tr("SHA-256")}, tr("Artifacts of the run"), this);
    m_tabs = new QTabWidget(this);
    m_tabs->setAccessibleName(tr("Run details"));
    m_tabs->addTab(m_stages, tr("&Stages"));
    m_tabs->addTab(m_events, tr("E&vents"));
    m_tabs->addTab(m_artifacts, tr("&Artifacts"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_header);
    layout->addWidget(m_tabs, 1);

    const auto activate = [this](QTreeWidgetItem *item) {
        if (item && m_runId)
            emit stageActivated(m_runId, item->data(StageNameColumn, StageIdRole).toLongLong());
    };
    connect(m_stages, &QTreeWidget::itemActivated, this, activate);
    clearAll(tr("Select a run to see its stages, events and artifacts."));
}

void RunDetailsPane::clearAll(const QString &message)
{
    m_runId = 0;
    m_header->setText(message);
    m_stages->clear();
    m_events->clear();
    m_artifacts->clear();
}

QString RunDetailsPane::headerText() const
{
    return m_header->text();
}

qint64 RunDetailsPane::currentStageId() const
{
    const QTreeWidgetItem *item = m_stages->currentItem();
    return item ? item->data(StageNameColumn, StageIdRole).toLongLong() : 0;
}

void RunDetailsPane::fillHeader(const RunRecord &r)
{
    QStringList lines;
    lines << tr("Run %1 of %2: %3").arg(r.id).arg(r.pipeline, statusText(r.status));
    const QString none = tr("none");
    lines << tr("Environment: %1    Branch: %2    Commit: %3")
                 .arg(r.environment.isEmpty() ? none : r.environment,
                      r.branch.isEmpty() ? none : r.branch,
                      r.commit.isEmpty() ? none : r.commit.left(12));
    lines << tr("Triggered by: %1    Started: %2    Duration: %3")
                 .arg(r.triggeredBy, localTime(r.startedAt),
                      r.durationMs() < 0 ? tr("still running") : durationText(r.durationMs()));
    if (!r.message.isEmpty())
        lines << tr("Message: %1").arg(r.message);
    if (r.rerunOf)
        lines << tr("Re-run of run %1").arg(r.rerunOf);
    m_header->setText(lines.join(QLatin1Char('\n')));
}

bool RunDetailsPane::showRun(qint64 runId)
{
    if (runId <= 0 || !m_store) {
        clearAll(tr("Select a run to see its stages, events and artifacts."));
        return runId <= 0;
    }
    auto run = m_store->run(runId);
    auto stages = m_store->stages(runId);
    auto events = m_store->events(runId);
    auto artifacts = m_store->artifacts(runId);
    if (!run || !stages || !events || !artifacts) {
        const Error e = !run      ? run.error()
                        : !stages ? stages.error()
                        : !events ? events.error()
                                  : artifacts.error();
        clearAll(e.toString());
        return false;
    }
    m_runId = runId;
    fillHeader(*run);

    m_stages->clear();
    QList<QTreeWidgetItem *> items;
    for (const StageRecord &s : std::as_const(*stages)) {
        auto *item = new QTreeWidgetItem(QStringList{
            s.name, statusText(s.status), QString::number(s.attempts), durationText(s.durationMs()),
            s.reason, s.reusedFrom ? tr("reused from stage %1").arg(s.reusedFrom) : QString()});
        item->setIcon(StageStatusColumn, statusIcon(s.status));
        item->setForeground(StageStatusColumn, statusColour(s.status));
        item->setData(StageNameColumn, StageIdRole, s.id);
        item->setTextAlignment(StageAttemptsColumn, Qt::AlignRight | Qt::AlignVCenter);
        item->setTextAlignment(StageDurationColumn, Qt::AlignRight | Qt::AlignVCenter);
        item->setToolTip(StageReasonColumn, s.reason);
        items.append(item);
    }
    m_stages->addTopLevelItems(items);

    m_events->clear();
    items.clear();
    for (const EventRecord &e : std::as_const(*events))
        items.append(
            new QTreeWidgetItem(QStringList{localTime(e.at), e.stage, e.kind, e.message, e.who}));
    m_events->addTopLevelItems(items);

    m_artifacts->clear();
    items.clear();
    const QLocale locale;
    for (const ArtifactRecord &a : std::as_const(*artifacts)) {
        const QString path = a.stage.isEmpty() ? a.path : a.stage + QLatin1Char('/') + a.path;
        auto *item = new QTreeWidgetItem(
            QStringList{path, locale.formattedDataSize(a.size), a.sha256.left(12)});
        item->setToolTip(ArtifactHashColumn, a.sha256);
        item->setToolTip(ArtifactPathColumn, a.storedPath);
        items.append(item);
    }
    m_artifacts->addTopLevelItems(items);
    m_tabs->setTabText(0, tr("&Stages (%1)").arg(stages->size()));
    m_tabs->setTabText(1, tr("E&vents (%1)").arg(events->size()));
    m_tabs->setTabText(2, tr("&Artifacts (%1)").arg(artifacts->size()));
    for (QTreeWidget *list : {m_stages, m_events, m_artifacts})
        list->header()->resizeSections(QHeaderView::ResizeToContents);
    return true;
}

} // namespace DeployDesk::Ui
