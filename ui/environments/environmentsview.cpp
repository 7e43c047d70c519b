#include "environmentsview.h"

#include "livereleasecard.h"
#include "queuetabs.h"
#include "releasecomparedialog.h"
#include "releasesmodel.h"
#include "rollbackplandialog.h"
#include "store/historystore.h"

#include <QAction>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSplitter>
#include <QStyle>
#include <QTreeView>
#include <QVBoxLayout>

namespace DeployDesk::Ui {

namespace {
constexpr auto kQueueInterval = std::chrono::seconds(2);

} // namespace

EnvironmentsView::EnvironmentsView(HistoryStore *store, QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("environmentsView"));
    m_reader = new EnvironmentsReader(store ? store->dataDir() : QString(), this);

    m_environment = new QComboBox(this);
    m_environment->setObjectName(QStringLiteral("environmentCombo"));
    m_environment->setAccessibleName(tr("Environment"));
    m_environment->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    auto *environmentLabel = new QLabel(tr("E&nvironment:"), this);
    environmentLabel->setBuddy(m_environment);
    m_refreshButton = new QPushButton(tr("Refresh"), this);
    m_refreshButton->setToolTip(tr("Read the releases, the queue and the previews again (F5)"));

    m_card = new LiveReleaseCard(this);

    m_model = new ReleasesModel(this);
    m_releases = new QTreeView(this);
    m_releases->setObjectName(QStringLiteral("releasesView"));
    m_releases->setAccessibleName(tr("Releases, newest first"));
    m_releases->setModel(m_model);
    m_releases->setUniformRowHeights(true);
    m_releases->setAllColumnsShowFocus(true);
    m_releases->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_releases->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_releases->header()->setStretchLastSection(true);
    const QFontMetrics fm = m_releases->fontMetrics();
    const auto width = [&fm](const QString &sample) { return fm.horizontalAdvance(sample) + 28; };
    // The first column also holds the expand arrow and the live release's icon.
    m_releases->header()->resizeSection(
        ReleasesModel::Release, width(tr("%1 (live)").arg(9999)) + m_releases->indentation() +
                                    style()->pixelMetric(QStyle::PM_SmallIconSize) + 8);
    m_releases->header()->resizeSection(ReleasesModel::Kind, width(tr("Rollback to %1").arg(999)));
    m_releases->header()->resizeSection(
        ReleasesModel::When,
        width(QLocale().toString(QDateTime::currentDateTime(), QLocale::ShortFormat)));
    m_releases->header()->resizeSection(ReleasesModel::Commit, width(tr("0123abcd on main")));
    m_releases->header()->resizeSection(ReleasesModel::Who, width(QStringLiteral("someone")));

    m_rollbackButton = new QPushButton(tr("Roll &back…"), this);
    m_rollbackButton->setObjectName(QStringLiteral("rollbackButton"));
    m_rollbackButton->setToolTip(
        tr("Plan a rollback to the selected release; nothing changes before you confirm "
           "(Enter, Ctrl+Shift+B)"));
    m_compareButton = new QPushButton(tr("Co&mpare…"), this);
    m_compareButton->setObjectName(QStringLiteral("compareButton"));
    m_compareButton->setToolTip(tr("Compare the two selected releases (Ctrl+D)"));
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("environmentsStatus"));
    m_status->setWordWrap(true);
    m_status->setAccessibleName(tr("Environments status"));

    m_bottom = new QueueTabs(this);

    auto *top = new QHBoxLayout;
    top->addWidget(environmentLabel);
    top->addWidget(m_environment);
    top->addStretch(1);
    top->addWidget(m_refreshButton);
    auto *releasesPage = new QWidget(this);
    auto *releasesLayout = new QVBoxLayout(releasesPage);
    releasesLayout->setContentsMargins(0, 0, 0, 0);
    releasesLayout->addWidget(m_releases, 1);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_rollbackButton);
    buttons->addWidget(m_compareButton);
    buttons->addWidget(m_status, 1);
    releasesLayout->addLayout(buttons);
    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(releasesPage);
    splitter->addWidget(m_bottom);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_card);
    layout->addWidget(splitter, 1);

    createActions();
    connect(m_environment, &QComboBox::currentIndexChanged, this,
            &EnvironmentsView::showEnvironment);
    connect(m_refreshButton, &QPushButton::clicked, this, &EnvironmentsView::refresh);
    connect(m_rollbackButton, &QPushButton::clicked, this, &EnvironmentsView::rollbackSelected);
    connect(m_compareButton, &QPushButton::clicked, this, [this] { compareSelected(); });
    connect(m_model, &ReleasesModel::moreRequested, this, &EnvironmentsView::readMore);
    connect(m_model, &QAbstractItemModel::modelReset, this, &EnvironmentsView::fixSpans);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &EnvironmentsView::fixSpans);
    connect(m_releases->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &EnvironmentsView::updateActions);
    connect(m_releases->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &EnvironmentsView::updateActions);
    m_queueTimer.setInterval(kQueueInterval);
    connect(&m_queueTimer, &QTimer::timeout, this, &EnvironmentsView::refreshQueue);
    updateActions();
}

EnvironmentsView::~EnvironmentsView() = default;

void EnvironmentsView::createActions()
{
    m_rollbackAction = new QAction(tr("Roll &Back to Selected Release…"), this);
    m_rollbackAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_B));
    m_rollbackAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(m_rollbackAction, &QAction::triggered, this, &EnvironmentsView::rollbackSelected);
    addAction(m_rollbackAction);
    // Enter on a release plans the rollback to it (in the list only).
    m_rollbackEnter = new QAction(m_rollbackAction->text(), this);
    m_rollbackEnter->setShortcuts({QKeySequence(Qt::Key_Return), QKeySequence(Qt::Key_Enter)});
    m_rollbackEnter->setShortcutContext(Qt::WidgetShortcut);
    connect(m_rollbackEnter, &QAction::triggered, this, &EnvironmentsView::rollbackSelected);
    m_releases->addAction(m_rollbackEnter);
    m_compareAction = new QAction(tr("&Compare Selected Releases"), this);
    m_compareAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_D));
    m_compareAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(m_compareAction, &QAction::triggered, this, [this] { compareSelected(); });
    addAction(m_compareAction);
    m_refreshAction = new QAction(tr("&Refresh Releases"), this);
    connect(m_refreshAction, &QAction::triggered, this, &EnvironmentsView::refresh);
}

QList<QAction *> EnvironmentsView::actions() const
{
    return {m_rollbackAction, m_compareAction, m_refreshAction};
}

void EnvironmentsView::setStore(HistoryStore *store)
{
    m_reader->setDataDir(store ? store->dataDir() : QString());
    // The previous reader's pending reads are dropped with it.
    ++m_generation;
    m_queueReading = false;
    m_planning = false;
    updateActions();
    refresh();
}

void EnvironmentsView::setPipeline(const Pipeline &pipeline, const QString &workspace)
{
    const QString previous = currentEnvironment();
    if (workspace != m_workspace) {
        m_limits.clear();
        m_snapshot = {};
    }
    m_pipeline = pipeline;
    m_workspace = workspace;
    ++m_generation;
    {
        const QSignalBlocker blocker(m_environment);
        m_environment->clear();
        for (const Environment &e : pipeline.environments)
            m_environment->addItem(e.isProtected ? tr("%1 (protected)").arg(e.name) : e.name,
                                   e.name);
        const int index = m_environment->findData(previous);
        m_environment->setCurrentIndex(index >= 0 ? index : 0);
    }
    showEnvironment();
    refresh();
}

void EnvironmentsView::setCurrentEnvironment(const QString &name)
{
    const int index = m_environment->findData(name);
    if (index >= 0)
        m_environment->setCurrentIndex(index);
}

QString EnvironmentsView::currentEnvironment() const
{
    return m_environment->currentData().toString();
}

bool EnvironmentsView::isProtected(const QString &environment) const
{
    const Environment *e = m_pipeline.environment(environment);
    return e && e->isProtected;
}

void EnvironmentsView::refresh()
{
    if (m_workspace.isEmpty())
        return;
    QStringList names;
    for (const Environment &e : std::as_const(m_pipeline.environments))
        names << e.name;
    const quint64 generation = m_generation;
    m_recheckHealth = true;
    m_reader->readAll(this, m_workspace, names, m_limits,
                      [this, generation](const EnvironmentsSnapshot &s) {
                          if (generation == m_generation)
                              applySnapshot(s);
                      });
}

void EnvironmentsView::readMore()
{
    const QString env = m_model->environment();
    if (env.isEmpty() || m_workspace.isEmpty())
        return;
    m_limits[env] = m_model->releaseCount() + EnvironmentsReader::kPageSize;
    const quint64 generation = m_generation;
    m_reader->readAll(this, m_workspace, {env}, m_limits,
                      [this, generation](const EnvironmentsSnapshot &s) {
                          if (generation == m_generation)
                              applySnapshot(s);
                      });
}

void EnvironmentsView::applySnapshot(const EnvironmentsSnapshot &s)
{
    for (auto it = s.releases.cbegin(); it != s.releases.cend(); ++it) {
        m_snapshot.releases.insert(it.key(), it.value());
        m_snapshot.more.insert(it.key(), s.more.value(it.key()));
    }
    m_snapshot.error = s.error;
    showEnvironment();
    m_bottom->setQueue(s.queue);
    m_bottom->setPreviews(s.previews);
    if (!s.error.isEmpty())
        m_status->setText(s.error);
    emit loaded();
    emit queueLoaded();
}

void EnvironmentsView::showEnvironment()
{
    const QString env = currentEnvironment();
    const QList<ReleaseRecord> releases = m_snapshot.releases.value(env);
    const QList<qint64> selected =
        env == m_model->environment() ? selectedReleaseIds() : QList<qint64>();
    m_model->setReleases(env, releases, m_snapshot.more.value(env));
    for (qint64 id : selected)
        selectRelease(id, true);
    // The card checks its addresses when it shows another release, and on refresh().
    const qint64 liveId = releases.isEmpty() ? 0 : releases.first().id;
    if (m_recheckHealth || env != m_cardEnvironment || liveId != m_cardRelease) {
        m_card->setRelease(env, isProtected(env),
                           releases.isEmpty() ? std::nullopt
                                              : std::optional<ReleaseRecord>(releases.first()));
        m_cardEnvironment = env;
        m_cardRelease = liveId;
        m_recheckHealth = false;
    }
    updateActions();
}

void EnvironmentsView::refreshQueue()
{
    if (m_workspace.isEmpty() || m_queueReading)
        return;
    m_queueReading = true;
    const quint64 generation = m_generation;
    m_reader->readQueue(this, m_workspace,
                        [this, generation](const Result<QList<QueueTicket>> &tickets) {
                            m_queueReading = false;
                            if (generation != m_generation)
                                return;
                            if (!tickets) {
                                m_status->setText(tickets.error().toString());
                                return;
                            }
                            m_bottom->setQueue(*tickets);
                            emit queueLoaded();
                        });
}

void EnvironmentsView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    refreshQueue();
    m_queueTimer.start();
}

void EnvironmentsView::hideEvent(QHideEvent *event)
{
    QWidget::hideEvent(event);
    m_queueTimer.stop();
}

void EnvironmentsView::fixSpans()
{
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const QModelIndex release = m_model->index(row, 0);
        for (int child = 0; child < m_model->rowCount(release); ++child)
            m_releases->setFirstColumnSpanned(child, release, true);
    }
}

QList<qint64> EnvironmentsView::selectedReleaseIds() const
{
    QList<qint64> ids;
    for (const QModelIndex &index : m_releases->selectionModel()->selectedRows()) {
        if (index.parent().isValid())
            continue; // a layer row: not a release
        ids.append(index.data(ReleasesModel::ReleaseIdRole).toLongLong());
    }
    std::sort(ids.begin(), ids.end(), std::greater<>());
    return ids;
}

void EnvironmentsView::selectRelease(qint64 releaseId, bool add)
{
    const QModelIndex index = m_model->indexOfRelease(releaseId);
    if (!index.isValid())
        return;
    const auto flags = (add ? QItemSelectionModel::Select : QItemSelectionModel::ClearAndSelect) |
                       QItemSelectionModel::Rows;
    m_releases->selectionModel()->setCurrentIndex(index, flags);
    m_releases->scrollTo(index);
}

void EnvironmentsView::setRollbackEnabled(bool enabled)
{
    m_rollbackEnabled = enabled;
    updateActions();
}

void EnvironmentsView::updateActions()
{
    const QList<qint64> ids = selectedReleaseIds();
    std::optional<ReleaseRecord> current = m_model->releaseOf(m_releases->currentIndex());
    if (ids.size() == 1)
        current = m_model->release(ids.first());
    const bool earlier =
        current && m_model->releaseCount() > 0 && current->id != m_model->releaseAt(0).id;
    const bool canRollBack = m_rollbackEnabled && earlier && ids.size() <= 1 && !m_planning;
    m_rollbackButton->setEnabled(canRollBack);
    m_rollbackAction->setEnabled(canRollBack);
    m_rollbackEnter->setEnabled(canRollBack);
    m_compareButton->setEnabled(ids.size() == 2);
    m_compareAction->setEnabled(ids.size() == 2);
    m_refreshAction->setEnabled(!m_workspace.isEmpty());
    if (current && !earlier && ids.size() <= 1 && m_snapshot.error.isEmpty())
        m_status->setText(
            tr("Release %1 is live; choose an earlier one to roll back to.").arg(current->id));
    else if (m_snapshot.error.isEmpty() && !m_planning)
        m_status->clear();
}

void EnvironmentsView::rollbackSelected()
{
    const QList<qint64> ids = selectedReleaseIds();
    std::optional<ReleaseRecord> target = ids.size() == 1
                                              ? m_model->release(ids.first())
                                              : m_model->releaseOf(m_releases->currentIndex());
    if (!target || ids.size() > 1 || !m_rollbackEnabled || m_planning)
        return;
    if (m_model->releaseCount() > 0 && target->id == m_model->releaseAt(0).id) {
        m_status->setText(
            tr("Release %1 is live; choose an earlier one to roll back to.").arg(target->id));
        return;
    }
    m_planning = true;
    m_status->setText(tr("Planning the rollback to release %1…").arg(target->id));
    updateActions();
    m_reader->planRollback(this, m_workspace, target->environment, target->id,
                           [this](const Result<RollbackPlan> &plan) { openPlan(plan); });
}

void EnvironmentsView::openPlan(const Result<RollbackPlan> &plan)
{
    m_planning = false;
    updateActions();
    if (!plan) {
        m_status->setText(plan.error().toString());
        return;
    }
    m_status->clear();
    auto *dialog = new RollbackPlanDialog(*plan, isProtected(plan->environment), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        const RollbackRequest request = dialog->request();
        // The plan may be stale: a deploy or rollback that ended while it was open changed
        // what is live. Then it is planned again from what is live now, and asked again.
        const RollbackPlan &shown = dialog->plan();
        const qint64 liveThen = shown.live ? shown.live->id : 0;
        if (m_model->environment() == shown.environment && m_model->releaseCount() > 0 &&
            m_model->releaseAt(0).id != liveThen) {
            m_status->setText(tr("Release %1 of %2 went live while the plan was open: planning "
                                 "the rollback to release %3 again…")
                                  .arg(m_model->releaseAt(0).id)
                                  .arg(shown.environment)
                                  .arg(shown.target.id));
            m_planning = true;
            updateActions();
            m_reader->planRollback(this, m_workspace, shown.environment, shown.target.id,
                                   [this](const Result<RollbackPlan> &plan) { openPlan(plan); });
            return;
        }
        m_status->setText(
            tr("Rolling %1 back to release %2…").arg(request.environment).arg(request.releaseId));
        emit rollbackRequested(request);
    });
    dialog->open();
    emit planDialogShown(dialog);
}

ReleaseCompareDialog *EnvironmentsView::compareSelected()
{
    const QList<qint64> ids = selectedReleaseIds();
    if (ids.size() != 2) {
        m_status->setText(tr("Select exactly two releases to compare (Ctrl+click the second)."));
        return nullptr;
    }
    auto *dialog = new ReleaseCompareDialog(m_workspace, *m_model->release(ids.at(1)),
                                            *m_model->release(ids.at(0)), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
    emit compareDialogShown(dialog);
    return dialog;
}

QTreeWidget *EnvironmentsView::queueView() const
{
    return m_bottom->queueView();
}

QTreeWidget *EnvironmentsView::previewsView() const
{
    return m_bottom->previewsView();
}

QString EnvironmentsView::statusText() const
{
    return m_status->text();
}

} // namespace DeployDesk::Ui
