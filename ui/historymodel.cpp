#include "historymodel.h"

#include "common/duration.h"
#include "store/historystore.h"
#include "ui/common/statusstyle.h"
#include "ui/history/historyreader.h"

#include <QBrush>

namespace DeployDesk::Ui {

namespace {
struct Page
{
    QList<RunRecord> runs;
    QString error;
};
} // namespace

HistoryModel::HistoryModel(HistoryStore *store, QObject *parent)
    : HistoryModel(store ? std::make_shared<Internal::HistoryReader>(store->dataDir()) : nullptr,
                   parent)
{}

HistoryModel::HistoryModel(std::shared_ptr<Internal::HistoryReader> reader, QObject *parent)
    : QAbstractTableModel(parent)
    , m_reader(std::move(reader))
{
    m_atEnd = !m_reader;
    m_settle.setSingleShot(true);
    m_settle.setInterval(0);
    connect(&m_settle, &QTimer::timeout, this, [this]() { m_settling = false; });
}

HistoryModel::~HistoryModel() = default;

void HistoryModel::setReader(std::shared_ptr<Internal::HistoryReader> reader)
{
    m_reader = std::move(reader);
}

void HistoryModel::setFilter(const RunFilter &filter)
{
    m_filter = filter;
    refresh();
}

void HistoryModel::setOrder(RunOrder order)
{
    if (order == m_order)
        return;
    m_order = order;
    refresh();
}

void HistoryModel::sort(int column, Qt::SortOrder order)
{
    const bool descending = order == Qt::DescendingOrder;
    if (column == Started)
        setOrder(descending ? RunOrder::NewestFirst : RunOrder::OldestFirst);
    else if (column == Duration)
        setOrder(descending ? RunOrder::LongestFirst : RunOrder::ShortestFirst);
}

void HistoryModel::refresh()
{
    ++m_generation;
    // No fetching from inside the reset's own signals: loading stays set until it is over.
    m_loading = true;
    beginResetModel();
    m_runs.clear();
    m_atEnd = !m_reader;
    m_error.clear();
    m_settling = false;
    m_settle.stop();
    endResetModel();
    m_loading = false;
    // The first page right away, so a view shows rows before anyone scrolls.
    requestPage();
}

void HistoryModel::requestPage()
{
    if (m_loading || m_atEnd)
        return;
    m_loading = true;
    RunFilter page = m_filter;
    page.limit = kPageSize;
    page.order = m_order;
    page.afterId = m_runs.isEmpty() ? 0 : m_runs.constLast().id;
    page.afterDurationMs = m_runs.isEmpty() ? -1 : m_runs.constLast().durationMs();
    const quint64 generation = m_generation;
    m_reader->read(
        this,
        [page](HistoryStore *store) {
            Page result;
            if (!store) {
                result.error = tr("the history cannot be opened");
                return result;
            }
            auto runs = store->runs(page);
            if (runs)
                result.runs = std::move(*runs);
            else
                result.error = runs.error().toString();
            return result;
        },
        [this, generation](Page result) { pageArrived(generation, result.runs, result.error); });
}

void HistoryModel::pageArrived(quint64 generation, const QList<RunRecord> &page,
                               const QString &error)
{
    if (generation != m_generation)
        return;
    // m_loading stays set while rows are announced: views and testers ask for more from
    // inside the insertion's signals, and a page asked for then would start from a stale
    // last row.
    if (!page.isEmpty()) {
        const int first = int(m_runs.size());
        beginInsertRows({}, first, first + int(page.size()) - 1);
        m_runs += page;
        endInsertRows();
        // QTreeView lays its items out again after rows arrive, and every layout asks for
        // one more page: rows arriving later than asked would then load the whole history,
        // page after page. Refuse to fetch until that layout is over (the view started its
        // layout timer in endInsertRows(), so it fires before this one); the view still
        // asks again when the last row comes into sight.
        m_settling = true;
        m_settle.start();
    }
    m_error = error;
    if (!error.isEmpty() || page.size() < kPageSize)
        m_atEnd = true;
    m_loading = false;
    emit pageLoaded();
}

bool HistoryModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && !m_atEnd && !m_loading && !m_settling;
}

void HistoryModel::fetchMore(const QModelIndex &parent)
{
    if (canFetchMore(parent))
        requestPage();
}

int HistoryModel::rowOfRun(qint64 runId) const
{
    for (qsizetype row = 0; row < m_runs.size(); ++row) {
        if (m_runs.at(row).id == runId)
            return int(row);
    }
    return -1;
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
    switch (role) {
    case RunIdRole:
        return r.id;
    case StatusRole:
        return toString(r.status);
    case DurationMsRole:
        return r.durationMs();
    case RemoteRole:
        return r.remote;
    case RemoteUrlRole:
        return r.remoteUrl;
    case Qt::ForegroundRole:
        return index.column() == Status ? QVariant(QBrush(statusColour(r.status))) : QVariant();
    case Qt::DecorationRole:
        return index.column() == Status ? QVariant(statusIcon(r.status)) : QVariant();
    case Qt::TextAlignmentRole:
        return index.column() == Id || index.column() == Duration
                   ? QVariant(int(Qt::AlignRight | Qt::AlignVCenter))
                   : QVariant();
    case Qt::ToolTipRole:
        // The whole commit, and the whole message where the column cuts it; where a remote
        // run ran.
        if (r.remote && (index.column() == Id || index.column() == Message)) {
            const QString where = r.remoteUrl.isEmpty()
                                      ? tr("Ran on GitHub Actions")
                                      : tr("Ran on GitHub Actions: %1").arg(r.remoteUrl);
            return index.column() == Message && !r.message.isEmpty()
                       ? QVariant(where + QLatin1Char('\n') + r.message)
                       : QVariant(where);
        }
        return index.column() == Commit    ? QVariant(r.commit)
               : index.column() == Message ? QVariant(r.message)
                                           : QVariant();
    case Qt::DisplayRole:
        break;
    default:
        return {};
    }
    switch (index.column()) {
    case Id:
        return r.id;
    case Status:
        return statusText(r.status);
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
        // A tag in words, not only a colour or an icon: it ran on GitHub's runners.
        return r.remote ? tr("[GitHub] %1").arg(r.message).trimmed() : r.message;
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
