#include "historymodel.h"

#include "common/duration.h"
#include "store/historystore.h"

#include <QBrush>
#include <QColor>

namespace DeployDesk::Ui {

namespace {
QColor statusColour(RunStatus s)
{
    switch (s) {
    case RunStatus::Success:
        return QColor(0x2e, 0x7d, 0x32);
    case RunStatus::Failed:
        return QColor(0xc6, 0x28, 0x28);
    case RunStatus::Running:
    case RunStatus::Queued:
        return QColor(0x15, 0x65, 0xc0);
    case RunStatus::Cancelled:
    case RunStatus::Interrupted:
        return QColor(0xef, 0x6c, 0x00);
    }
    return {};
}
} // namespace

HistoryModel::HistoryModel(HistoryStore *store, QObject *parent)
    : QAbstractTableModel(parent)
    , m_store(store)
{
    m_atEnd = m_store == nullptr;
}

HistoryModel::~HistoryModel() = default;

void HistoryModel::setFilter(const RunFilter &filter)
{
    m_filter = filter;
    refresh();
}

void HistoryModel::refresh()
{
    beginResetModel();
    m_runs.clear();
    m_atEnd = m_store == nullptr;
    m_error.clear();
    // No fetching from inside a change's own signals (views and testers ask): rows
    // inserted while another change is being announced would confuse every observer.
    m_changing = true;
    endResetModel();
    m_changing = false;
    // The first page right away, so a view shows rows before anyone scrolls.
    if (canFetchMore())
        fetchMore();
}

QList<RunRecord> HistoryModel::loadPage() const
{
    RunFilter page = m_filter;
    page.limit = kPageSize;
    page.beforeId = m_runs.isEmpty() ? 0 : m_runs.constLast().id;
    auto runs = m_store->runs(page);
    if (!runs) {
        m_error = runs.error().toString();
        return {};
    }
    return *runs;
}

bool HistoryModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && !m_atEnd && !m_changing;
}

void HistoryModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent))
        return;
    const QList<RunRecord> page = loadPage();
    if (page.size() < kPageSize)
        m_atEnd = true;
    if (page.isEmpty())
        return;
    const int first = int(m_runs.size());
    m_changing = true;
    beginInsertRows({}, first, first + int(page.size()) - 1);
    m_runs += page;
    endInsertRows();
    m_changing = false;
}

int HistoryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_runs.size());
}

int HistoryModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant HistoryModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const RunRecord &r = m_runs.at(index.row());
    if (role == RunIdRole)
        return r.id;
    if (role == Qt::ForegroundRole && index.column() == Status)
        return QBrush(statusColour(r.status));
    if (role == Qt::TextAlignmentRole && (index.column() == Id || index.column() == Duration))
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::ToolTipRole && index.column() == Commit)
        return r.commit;
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case Id:
        return r.id;
    case Status:
        return toString(r.status);
    case Environment:
        return r.environment;
    case Branch:
        return r.branch;
    case Commit:
        return r.commit.left(8);
    case Who:
        return r.triggeredBy;
    case Started:
        return r.startedAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    case Duration:
        return r.durationMs() < 0 ? QString()
                                  : formatDuration(std::chrono::milliseconds(r.durationMs()));
    case Message:
        return r.message;
    }
    return {};
}

QVariant HistoryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Id:
        return tr("Run");
    case Status:
        return tr("Status");
    case Environment:
        return tr("Environment");
    case Branch:
        return tr("Branch");
    case Commit:
        return tr("Commit");
    case Who:
        return tr("Who");
    case Started:
        return tr("Started");
    case Duration:
        return tr("Duration");
    case Message:
        return tr("Message");
    }
    return {};
}

} // namespace DeployDesk::Ui
