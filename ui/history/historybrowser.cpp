#include "historybrowser.h"

#include "comparedialog.h"
#include "historyfilterbar.h"
#include "promotemenu.h"
#include "rundetailspane.h"
#include "store/historystore.h"
#include "ui/common/statusstyle.h"
#include "ui/history/historyreader.h"
#include "ui/history/reportexport.h"
#include "ui/historymodel.h"

#include <QAction>
#include <QDateTime>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QSplitter>
#include <QStyle>
#include <QStyleOptionViewItem>
#include <QTreeView>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace DeployDesk::Ui {

namespace {
// How many pages selectRun() reads looking for an older run before it gives up (the
// details pane shows the run anyway).
constexpr int kMaxPagesForSelection = 20;
// Pixels beyond what a cell's text and icon need, so a column sized from its longest word
// does not sit flush against the next one.
constexpr int kColumnSlack = 8;
} // namespace

HistoryBrowser::HistoryBrowser(HistoryStore *store, QWidget *parent)
    : QWidget(parent)
{
    m_filters = new HistoryFilterBar(this);
    m_model = new HistoryModel(std::shared_ptr<Internal::HistoryReader>(), this);
    m_view = new QTreeView(this);
    m_view->setAccessibleName(tr("Runs"));
    m_view->setRootIsDecorated(false);
    m_view->setUniformRowHeights(true); // lets the view fetch pages lazily
    m_view->setAllColumnsShowFocus(true);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setModel(m_model);
    m_view->header()->setSectionResizeMode(QHeaderView::Interactive);
    m_view->header()->setStretchLastSection(true); // the message takes what is left
    m_view->header()->setSortIndicator(HistoryModel::Started, Qt::DescendingOrder);
    m_view->header()->setSortIndicatorShown(true);
    m_view->header()->setSectionsClickable(true);
    m_lastSortColumn = HistoryModel::Started;
    // Only Started and Duration sort: a click on another header puts the indicator back.
    connect(m_view->header(), &QHeaderView::sortIndicatorChanged, this,
            [this](int column, Qt::SortOrder order) {
                if (!HistoryModel::isSortable(column)) {
                    const QSignalBlocker blocker(m_view->header());
                    m_view->header()->setSortIndicator(m_lastSortColumn, m_lastSortOrder);
                    return;
                }
                m_lastSortColumn = column;
                m_lastSortOrder = order;
                m_model->sort(column, order);
            });
    m_details = new RunDetailsPane(this);
    m_status = new QLabel(this);
    m_status->setAccessibleName(tr("History status"));

    // The details sit beside the runs when both fit side by side, else below them
    // (updateSplitter()).
    m_splitter = new QSplitter(Qt::Vertical, this);
    m_splitter->setChildrenCollapsible(false);
    m_splitter->addWidget(m_view);
    m_splitter->addWidget(m_details);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 2);
    // The filters wrap onto more rows in a window too narrow for them (German at the
    // default size, 800x600) instead of widening it (their FlowLayout).
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_filters);
    layout->addWidget(m_splitter, 1);
    layout->addWidget(m_status);
    m_status->setWordWrap(true); // a long "cannot be opened: ..." wraps, not widens the window
    fitColumns();

    createActions();
    connect(m_filters, &HistoryFilterBar::filterChanged, this, &HistoryBrowser::applyFilter);
    connect(m_model, &HistoryModel::pageLoaded, this, &HistoryBrowser::pageLoaded);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &HistoryBrowser::selectionChanged);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &HistoryBrowser::selectionChanged);
    connect(m_view, &QTreeView::doubleClicked, this, &HistoryBrowser::openLogs);
    connect(m_details, &RunDetailsPane::stageActivated, this, &HistoryBrowser::openLogsRequested);
    connect(this, &HistoryBrowser::reportExported, this, &HistoryBrowser::reportWritten);
    m_placeholder = tr("The history is not open.");
    if (store)
        setStore(store);
    else
        applyFilter();
}

HistoryBrowser::~HistoryBrowser() = default;

int HistoryBrowser::cellWidth(const QString &text, bool withIcon) const
{
    QStyleOptionViewItem option;
    option.initFrom(m_view);
    option.font = m_view->font();
    option.fontMetrics = QFontMetrics(option.font);
    option.text = text;
    option.features = QStyleOptionViewItem::HasDisplay;
    if (withIcon) {
        option.features |= QStyleOptionViewItem::HasDecoration;
        const int side = m_view->style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, m_view);
        option.decorationSize = QSize(side, side);
        option.icon = statusIcon(RunStatus::Success);
    }
    const QSize size =
        m_view->style()->sizeFromContents(QStyle::CT_ItemViewItem, &option, QSize(), m_view);
    return size.width() + kColumnSlack;
}

void HistoryBrowser::fitColumns()
{
    QHeaderView *header = m_view->header();
    const auto fit = [&](int column, const QStringList &samples, bool withIcon = false) {
        int width = header->sectionSizeHint(column);
        for (const QString &sample : samples)
            width = std::max(width, cellWidth(sample, withIcon));
        header->resizeSection(column, width);
    };
    QStringList statuses;
    for (const RunStatus status : {RunStatus::Queued, RunStatus::Running, RunStatus::Success,
                                   RunStatus::Failed, RunStatus::Cancelled, RunStatus::Interrupted})
        statuses << statusText(status);
    fit(HistoryModel::Id, {QStringLiteral("00000")});
    fit(HistoryModel::Status, statuses, true);
    fit(HistoryModel::Environment, m_environmentNames);
    fit(HistoryModel::Branch, {QStringLiteral("main")});
    fit(HistoryModel::Commit, {QStringLiteral("0123abcd")});
    fit(HistoryModel::Who, {QStringLiteral("someone")});
    fit(HistoryModel::Started,
        {QDateTime::currentDateTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"))});
    fit(HistoryModel::Duration, {QStringLiteral("59m59s")});
    updateSplitter(true);
}

int HistoryBrowser::listWidthNeeded() const
{
    int width = 2 * m_view->frameWidth() + m_view->style()->pixelMetric(QStyle::PM_ScrollBarExtent);
    for (int column = 0; column < HistoryModel::Message; ++column)
        width += m_view->header()->sectionSize(column);
    // Room for a short message ("docs: fix typo") before the details go beside the runs.
    return width + m_view->fontMetrics().averageCharWidth() * 24;
}

void HistoryBrowser::updateSplitter(bool force)
{
    // Beside each other when the runs keep all their columns and the details their
    // usual stage rows (name, status, duration, a reason); below each other otherwise.
    const int detailsNeeded = m_view->fontMetrics().averageCharWidth() * 60;
    const int listNeeded = listWidthNeeded();
    const Qt::Orientation wanted =
        m_splitter->width() >= listNeeded + detailsNeeded + m_splitter->handleWidth()
            ? Qt::Horizontal
            : Qt::Vertical;
    if (wanted == m_splitter->orientation() && !force)
        return;
    m_splitter->setOrientation(wanted);
    if (wanted == Qt::Horizontal) {
        const int spare = m_splitter->width() - listNeeded - detailsNeeded;
        m_splitter->setSizes({listNeeded + spare / 2, detailsNeeded + spare - spare / 2});
    } else {
        const int height = m_splitter->height();
        m_splitter->setSizes({height * 11 / 20, height - height * 11 / 20});
    }
}

void HistoryBrowser::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    updateSplitter(false);
}

void HistoryBrowser::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    // Another language or font: the columns are sized from the new words.
    if (event->type() == QEvent::LanguageChange || event->type() == QEvent::FontChange ||
        event->type() == QEvent::StyleChange)
        fitColumns();
}

void HistoryBrowser::setStore(HistoryStore *store)
{
    m_store = store;
    m_reader = store ? std::make_shared<Internal::HistoryReader>(store->dataDir()) : nullptr;
    m_countReader = store ? std::make_unique<Internal::HistoryReader>(store->dataDir()) : nullptr;
    m_model->setReader(m_reader);
    m_details->setReader(m_reader);
    applyFilter();
}

void HistoryBrowser::setPlaceholder(const QString &text)
{
    m_placeholder = text;
    if (!m_reader)
        m_status->setText(text);
}

void HistoryBrowser::createActions()
{
    const auto make = [this](const QString &text, const QKeySequence &key, auto slot) {
        auto *action = new QAction(text, this);
        action->setShortcut(key);
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        connect(action, &QAction::triggered, this, slot);
        addAction(action);
        return action;
    };
    m_compare = make(tr("&Compare selected runs"), QKeySequence(Qt::CTRL | Qt::Key_D),
                     [this]() { compareSelected(); });
    m_export = make(tr("&Export report..."), QKeySequence(Qt::CTRL | Qt::Key_E),
                    &HistoryBrowser::exportSelected);
    m_rerun =
        make(tr("&Re-run failed stages"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R), [this]() {
            const QList<qint64> ids = selectedRunIds();
            if (ids.size() == 1)
                emit rerunFailedRequested(ids.first());
        });
    m_clear = make(tr("C&lear filters"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L),
                   [this]() { m_filters->clear(); });
    // Enter opens logs from the lists only: in the filter fields it applies the filter.
    m_openLogs = new QAction(tr("&Open logs"), this);
    m_openLogs->setShortcuts({QKeySequence(Qt::Key_Return), QKeySequence(Qt::Key_Enter)});
    m_openLogs->setShortcutContext(Qt::WidgetShortcut);
    connect(m_openLogs, &QAction::triggered, this, &HistoryBrowser::openLogs);
    m_view->addAction(m_openLogs);
    auto *openStage = new QAction(m_openLogs->text(), this);
    openStage->setShortcuts(m_openLogs->shortcuts());
    openStage->setShortcutContext(Qt::WidgetShortcut);
    connect(openStage, &QAction::triggered, this, [this]() {
        if (m_details->runId())
            emit openLogsRequested(m_details->runId(), m_details->currentStageId());
    });
    m_details->stagesView()->addAction(openStage);
    m_promoteMenu = new PromoteMenu(this);
    connect(m_promoteMenu, &PromoteMenu::promoteRequested, this, &HistoryBrowser::promoteRequested);
    m_promote = make(tr("&Promote to…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P), [this]() {
        const QRect row = m_view->visualRect(m_view->currentIndex());
        m_promoteMenu->popup(
            m_view->viewport()->mapToGlobal(row.isValid() ? row.bottomLeft() : QPoint()));
    });
    m_promote->setMenu(m_promoteMenu);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_view, &QWidget::customContextMenuRequested, this, &HistoryBrowser::showContextMenu);
    updateActions();
}

void HistoryBrowser::showContextMenu(const QPoint &pos)
{
    auto *menu = new QMenu(this);
    menu->setAttribute(Qt::WA_DeleteOnClose);
    menu->addActions({m_openLogs, m_rerun, m_compare, m_export});
    menu->addSeparator();
    menu->addMenu(m_promoteMenu)->setEnabled(m_promote->isEnabled());
    menu->popup(m_view->viewport()->mapToGlobal(pos));
}

QList<QAction *> HistoryBrowser::actions() const
{
    return {m_compare, m_export, m_openLogs, m_rerun, m_promote, m_clear};
}

void HistoryBrowser::setWorkspace(const QString &dir)
{
    if (dir == m_workspace)
        return;
    m_workspace = dir;
    applyFilter();
}

void HistoryBrowser::setEnvironments(const QStringList &names)
{
    if (names != m_environmentNames) {
        m_environmentNames = names;
        fitColumns();
    }
    m_filters->setEnvironments(names);
    m_promoteMenu->setEnvironments(names);
}

void HistoryBrowser::applyFilter()
{
    RunFilter filter = m_filters->filter();
    filter.workspace = m_workspace;
    m_details->showRun(0);
    m_pendingSelection = 0;
    m_model->setFilter(filter);
    m_status->setText(m_reader ? tr("Loading...") : m_placeholder);
    countMatches();
    updateActions();
}

void HistoryBrowser::readLatestRun()
{
    if (!m_countReader)
        return;
    RunFilter filter;
    filter.workspace = m_workspace;
    filter.limit = 1;
    m_countReader->read(
        this,
        [filter](HistoryStore *store) {
            if (!store)
                return RunRecord();
            auto runs = store->runs(filter);
            return runs && !runs->isEmpty() ? runs->first() : RunRecord();
        },
        [this, workspace = m_workspace](const RunRecord &run) {
            if (workspace == m_workspace) // not an answer for a workspace left meanwhile
                emit latestRunRead(run);
        });
}

void HistoryBrowser::countMatches()
{
    const quint64 generation = ++m_countGeneration;
    if (!m_countReader) {
        m_filters->matchCountLabel()->clear();
        return;
    }
    readLatestRun();
    m_filters->setMatchCount(std::nullopt);
    const RunFilter filter = m_model->filter();
    struct Counted
    {
        std::optional<RunCount> count;
        QString error;
    };
    m_countReader->read(
        this,
        [filter](HistoryStore *store) {
            Counted result;
            if (!store)
                return result;
            auto count = store->countRuns(filter);
            if (count)
                result.count = *count;
            else
                result.error = count.error().toString();
            return result;
        },
        [this, generation](const Counted &result) {
            if (generation != m_countGeneration)
                return;
            if (result.count) {
                m_filters->setMatchCount(result.count);
            } else {
                m_filters->matchCountLabel()->clear();
                m_filters->matchCountLabel()->setToolTip(result.error);
            }
        });
}

void HistoryBrowser::refresh()
{
    const QList<qint64> selected = selectedRunIds();
    m_model->refresh();
    m_status->setText(m_reader ? tr("Loading...") : m_placeholder);
    countMatches();
    if (!selected.isEmpty()) {
        m_pendingSelection = selected.first();
        m_pagesSearched = 0;
        m_details->showRun(m_pendingSelection); // its status may have changed
    }
    updateActions();
}

void HistoryBrowser::selectRun(qint64 runId)
{
    m_details->showRun(runId);
    const int row = m_model->rowOfRun(runId);
    if (row >= 0) {
        m_pendingSelection = 0;
        m_view->setCurrentIndex(m_model->index(row, 0));
        m_view->scrollTo(m_model->index(row, 0));
        return;
    }
    m_pendingSelection = runId;
    m_pagesSearched = 0;
    if (m_model->canFetchMore())
        m_model->fetchMore();
}

void HistoryBrowser::pageLoaded()
{
    if (!m_model->lastError().isEmpty())
        m_status->setText(m_model->lastError());
    else if (m_model->rowCount() == 0)
        m_status->setText(tr("No runs match these filters."));
    else
        m_status->clear();
    if (m_pendingSelection) {
        const int row = m_model->rowOfRun(m_pendingSelection);
        if (row >= 0) {
            const qint64 id = m_pendingSelection;
            m_pendingSelection = 0;
            selectRun(id);
        } else if (m_model->canFetchMore() && ++m_pagesSearched < kMaxPagesForSelection) {
            m_model->fetchMore();
        } else {
            m_pendingSelection = 0;
        }
    }
    updateActions();
}

QList<qint64> HistoryBrowser::selectedRunIds() const
{
    QList<int> rows;
    for (const QModelIndex &index : m_view->selectionModel()->selectedRows())
        rows.append(index.row());
    std::sort(rows.begin(), rows.end());
    QList<qint64> ids;
    for (int row : rows)
        ids.append(m_model->runAt(row).id);
    return ids;
}

void HistoryBrowser::selectionChanged()
{
    const QModelIndex current = m_view->currentIndex();
    const QList<qint64> selected = selectedRunIds();
    qint64 shown = 0;
    if (current.isValid() && m_view->selectionModel()->isRowSelected(current.row()))
        shown = m_model->runAt(current.row()).id;
    else if (!selected.isEmpty())
        shown = selected.first();
    if (shown != m_details->runId())
        m_details->showRun(shown);
    updateActions();
}

void HistoryBrowser::updateActions()
{
    const QList<qint64> ids = selectedRunIds();
    m_compare->setEnabled(ids.size() == 2);
    m_export->setEnabled(ids.size() == 1);
    m_openLogs->setEnabled(ids.size() == 1);
    bool rerunnable = false;
    if (ids.size() == 1) {
        const RunStatus s = m_model->runAt(m_model->rowOfRun(ids.first())).status;
        rerunnable = isFinal(s) && s != RunStatus::Success;
    }
    m_rerun->setEnabled(rerunnable);
    const RunRecord one =
        ids.size() == 1 ? m_model->runAt(m_model->rowOfRun(ids.first())) : RunRecord{};
    m_promoteMenu->setRun(one.status == RunStatus::Success ? one.id : 0, one.environment);
    m_promote->setEnabled(one.id && one.status == RunStatus::Success &&
                          !m_promoteMenu->environments().isEmpty());
}

void HistoryBrowser::openLogs()
{
    const QList<qint64> ids = selectedRunIds();
    if (ids.size() == 1)
        emit openLogsRequested(ids.first(), 0);
}

CompareDialog *HistoryBrowser::compareSelected()
{
    const QList<qint64> ids = selectedRunIds();
    if (ids.size() != 2 || !m_store) {
        m_status->setText(tr("Select exactly two runs to compare (Ctrl+click the second one)."));
        return nullptr;
    }
    auto *dialog = new CompareDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    if (auto ok = dialog->compare(*m_store, ids.at(0), ids.at(1)); !ok)
        m_status->setText(ok.error().toString());
    dialog->open();
    return dialog;
}

void HistoryBrowser::exportReport(qint64 runId, const QString &path, ReportFormat format)
{
    if (!m_reader) {
        emit reportExported(runId, path, tr("the history is not open"));
        return;
    }
    m_reader->read(
        this,
        [runId, path, format](HistoryStore *store) {
            const Result<void> written = Internal::exportRunReport(store, runId, path, format);
            return written ? QString() : written.error().toString();
        },
        [this, runId, path](const QString &error) { emit reportExported(runId, path, error); });
}

std::pair<QString, ReportFormat> HistoryBrowser::exportTarget(const QString &path,
                                                              ReportFormat filter)
{
    if (const auto typed = reportFormatFromName(QFileInfo(path).suffix()))
        return {path, *typed};
    const QString suffix =
        filter == ReportFormat::Html ? QStringLiteral(".html") : QStringLiteral(".md");
    return {path + suffix, filter};
}

void HistoryBrowser::exportSelected()
{
    const QList<qint64> ids = selectedRunIds();
    if (ids.size() != 1)
        return;
    const QString markdown = tr("Markdown (*.md)");
    const QString html = tr("HTML (*.html)");
    QString chosen = markdown;
    QString path =
        QFileDialog::getSaveFileName(this, tr("Export the report of run %1").arg(ids.first()),
                                     QStringLiteral("run-%1.md").arg(ids.first()),
                                     markdown + QStringLiteral(";;") + html, &chosen);
    if (path.isEmpty())
        return;
    ReportFormat format = chosen == html ? ReportFormat::Html : ReportFormat::Markdown;
    std::tie(path, format) = exportTarget(path, format);
    m_status->setText(tr("Writing the report of run %1 to %2…").arg(ids.first()).arg(path));
    exportReport(ids.first(), path, format);
}

void HistoryBrowser::reportWritten(qint64 runId, const QString &path, const QString &error)
{
    if (error.isEmpty()) {
        m_status->setText(tr("Wrote the report of run %1 to %2").arg(runId).arg(path));
        return;
    }
    m_status->setText(error);
    // Not exec(): the window goes on while the message is shown.
    auto *box =
        new QMessageBox(QMessageBox::Warning, tr("Export report"), error, QMessageBox::Ok, this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

} // namespace DeployDesk::Ui
