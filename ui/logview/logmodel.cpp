#include "ui/logview/logmodel.h"

#include "store/logreader.h"
#include "ui/logview/linerender.h"
#include "ui/logview/logscan.h"

#include "common/async.h"

#include <QDateTime>
#include <QtConcurrent>

namespace DeployDesk::Ui {

using namespace Internal;

LogModel::LogModel(const QString &databasePath, QObject *parent)
    : QAbstractTableModel(parent)
    , m_path(databasePath)
{
    m_pollTimer.setInterval(kPollIntervalMs);
    connect(&m_pollTimer, &QTimer::timeout, this, &LogModel::poll);
}

LogModel::~LogModel()
{
    cancelPending(this); // the scans stop early
}

void LogModel::setDatabasePath(const QString &databasePath)
{
    if (databasePath == m_path)
        return;
    m_path = databasePath;
    m_reader.reset();
    m_error.clear();
    if (!m_stages.isEmpty())
        resetDocument();
}

bool LogModel::ensureReader() const
{
    if (m_reader)
        return true;
    auto reader = LogReader::open(m_path);
    if (!reader) {
        m_error = reader.error().message;
        qCWarning(lcLogView) << reader.error().message;
        return false;
    }
    m_reader = std::move(*reader);
    return true;
}

void LogModel::setError(const QString &message)
{
    m_error = message;
    qCWarning(lcLogView) << message;
    emit errorOccurred(message);
}

QString LogModel::stageName(int stage) const
{
    const qint64 id = m_doc.stageIds().value(stage, -1);
    for (const LogStageRef &s : m_stages) {
        if (s.id == id)
            return s.name;
    }
    return {};
}

QStringList LogModel::stageNames() const
{
    QStringList names;
    for (qsizetype s = 0; s < m_doc.stageIds().size(); ++s)
        names.append(stageName(int(s)));
    return names;
}

void LogModel::setStages(const QList<LogStageRef> &stages, qint64 stageId)
{
    m_stages = stages;
    m_shownStage = stageId;
    resetDocument();
}

void LogModel::addStage(const LogStageRef &stage)
{
    m_stages.append(stage);
    if (!isInterleaved())
        return;
    m_cache.emplace_back();
    if (m_ordering) { // the running merge does not know it: start over
        resetDocument();
        return;
    }
    m_doc.addStage(stage.id);
    m_mergedCounts.append(0);
    poll();
}

void LogModel::showStage(qint64 stageId)
{
    if (stageId == m_shownStage)
        return;
    m_shownStage = stageId;
    resetDocument();
}

void LogModel::resetDocument()
{
    ++m_generation;
    cancelPending(this);
    m_mergeRunning = false;
    m_groupScanRunning = false;
    const bool wasOrdering = m_ordering;
    beginResetModel();
    m_cache.clear();
    m_cachedBlocks = 0;
    m_groups = GroupIndex();
    m_mergedCounts.clear();
    m_ordering = false;
    QList<qint64> ids;
    if (isInterleaved()) {
        for (const LogStageRef &s : std::as_const(m_stages))
            ids.append(s.id);
    } else {
        ids.append(m_shownStage);
    }
    m_doc = LogDocument(ids);
    m_cache.resize(ids.size());
    if (ensureReader()) {
        // Meanwhile (and for good when one stage is shown) the stages one after the other.
        for (qsizetype s = 0; s < ids.size(); ++s) {
            auto count = m_reader->lineCount(ids[s]);
            if (!count) {
                m_error = count.error().message;
                qCWarning(lcLogView) << m_error;
            }
            const qint64 n = count ? *count : 0;
            m_doc.append(int(s), 1, n);
            m_mergedCounts.append(n);
        }
    }
    m_ordering = isInterleaved() && ids.size() > 1 && m_doc.lineCount() > 0;
    endResetModel();
    emit documentReset();
    if (m_ordering != wasOrdering)
        emit orderingChanged(m_ordering);
    if (m_ordering)
        startMerge(true);
    else if (!isInterleaved())
        startGroupScan();
}

void LogModel::startMerge(bool initial)
{
    if (m_mergeRunning)
        return;
    QList<qint64> toCounts = m_mergedCounts;
    QList<qint64> fromCounts = m_mergedCounts;
    LogDocument base(m_doc.stageIds());
    if (initial) {
        fromCounts.fill(0);
    } else {
        bool grew = false;
        for (qsizetype s = 0; s < toCounts.size(); ++s) {
            auto count = m_reader->lineCount(m_doc.stageIds()[s]);
            if (count && *count > toCounts[s]) {
                toCounts[s] = *count;
                grew = true;
            }
        }
        if (!grew)
            return;
        base = m_doc;
    }
    m_mergeRunning = true;
    onCurrentResult(QtConcurrent::run(&m_pool, &mergeStages, m_path, base, fromCounts, toCounts),
                    this, &m_generation, [this, initial](const MergeResult &result) {
                        m_mergeRunning = false;
                        if (result.error)
                            setError(result.error->message);
                        if (initial) {
                            beginResetModel();
                            m_doc = result.doc;
                            m_mergedCounts = result.counts;
                            m_ordering = false;
                            endResetModel();
                            emit documentReset();
                            emit orderingChanged(false);
                        } else if (result.doc.lineCount() > m_doc.lineCount()) {
                            const qint64 old = m_doc.lineCount();
                            beginInsertRows({}, int(old), int(result.doc.lineCount() - 1));
                            m_doc = result.doc;
                            m_mergedCounts = result.counts;
                            endInsertRows();
                            emit linesAppended(old, m_doc.lineCount());
                        }
                        if (isLive())
                            startMerge(false);
                    });
}

void LogModel::startGroupScan()
{
    if (isInterleaved() || m_groupScanRunning || m_groups.scannedTo() >= m_doc.lineCount())
        return;
    m_groupScanRunning = true;
    onCurrentResult(
        QtConcurrent::run(&m_pool, &scanGroups, m_path, m_shownStage, m_groups, m_doc.lineCount()),
        this, &m_generation, [this](const GroupScanResult &result) {
            m_groupScanRunning = false;
            if (result.error) {
                setError(result.error->message);
                return;
            }
            GroupIndex groups = result.groups;
            groups.keepCollapsedFrom(m_groups); // the user's choices while it ran
            m_groups = std::move(groups);       // only closed groups collapse: rows stay
            if (rowCount() > 0)
                emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1),
                                 {GroupRole, GroupDepthRole, Qt::DecorationRole});
            emit groupsChanged();
            startGroupScan();
        });
}

void LogModel::setLive(bool live)
{
    if (live == isLive())
        return;
    if (live)
        m_pollTimer.start();
    else
        m_pollTimer.stop();
    // Also when going idle: the lines written since the last poll (the run's end) show.
    poll();
}

void LogModel::poll()
{
    if (!ensureReader())
        return;
    if (isInterleaved()) {
        if (m_ordering) // the stages shown one after the other cannot grow in the middle
            return;
        if (m_doc.stageIds().size() == 1 || m_doc.lineCount() == 0) {
            // Nothing to order yet: becomes a merge as soon as there is something.
            bool any = false;
            for (qint64 id : m_doc.stageIds()) {
                auto count = m_reader->lineCount(id);
                any = any || (count && *count > 0);
            }
            if (m_doc.lineCount() == 0 && any) {
                resetDocument();
                return;
            }
        }
        startMerge(false);
        return;
    }
    auto count = m_reader->lineCount(m_shownStage);
    if (!count) {
        setError(count.error().message);
        return;
    }
    const qint64 old = m_doc.lineCount();
    if (*count <= old)
        return;
    // New lines come after every group the scan has closed, so all of them are rows.
    const int firstRow = rowCount();
    beginInsertRows({}, firstRow, firstRow + int(*count - old) - 1);
    m_doc.append(0, old + 1, *count - old);
    endInsertRows();
    emit linesAppended(old, *count);
    startGroupScan();
}

qint64 LogModel::documentIndex(int row) const
{
    if (row < 0 || row >= rowCount())
        return -1;
    if (isInterleaved() || !m_groups.hasHiddenLines())
        return row;
    return m_groups.lineForRow(row) - 1;
}

int LogModel::rowForIndex(qint64 index, bool reveal)
{
    if (index < 0 || index >= m_doc.lineCount())
        return -1;
    if (isInterleaved() || !m_groups.hasHiddenLines())
        return int(index);
    const qint64 row = m_groups.rowForLine(index + 1);
    if (row >= 0 || !reveal)
        return int(row);
    for (int g : m_groups.groupsHiding(index + 1)) {
        const int header = int(m_groups.rowForLine(m_groups.groups()[g].start));
        setGroupCollapsed(header, false);
    }
    return int(m_groups.rowForLine(index + 1));
}

bool LogModel::setGroupCollapsed(int row, bool collapsed)
{
    if (isInterleaved())
        return false;
    const qint64 line = documentIndex(row) + 1;
    const int g = m_groups.groupStartingAt(line);
    if (g < 0)
        return false;
    GroupIndex next = m_groups;
    if (!next.setCollapsed(g, collapsed))
        return false;
    const qint64 end = m_groups.groups()[g].end;
    const qint64 before = m_groups.visibleUpTo(end);
    const qint64 after = next.visibleUpTo(end);
    if (collapsed) {
        beginRemoveRows({}, row + 1, row + int(before - after));
        m_groups = std::move(next);
        endRemoveRows();
    } else {
        beginInsertRows({}, row + 1, row + int(after - before));
        m_groups = std::move(next);
        endInsertRows();
    }
    emit dataChanged(index(row, 0), index(row, ColumnCount - 1), {GroupRole});
    emit groupsChanged();
    return true;
}

bool LogModel::toggleGroup(int row)
{
    const RowData d = rowData(row);
    if (d.group == ExpandedGroup)
        return setGroupCollapsed(row, true);
    if (d.group == CollapsedGroup)
        return setGroupCollapsed(row, false);
    return false;
}

LogModel::CachedLine LogModel::cachedLine(int stage, qint64 line) const
{
    if (stage < 0 || stage >= int(m_cache.size()) || !ensureReader())
        return {};
    auto &blocks = m_cache[stage];
    auto it = blocks.upper_bound(line);
    if (it != blocks.begin()) {
        --it;
        if (line < it->second.firstLine + it->second.lines.size()) {
            it->second.lastUse = ++m_useClock;
        } else {
            it = blocks.end();
        }
    } else {
        it = blocks.end();
    }
    if (it == blocks.end()) {
        auto block = m_reader->blockAt(m_doc.stageIds()[stage], line);
        if (!block) {
            m_error = block.error().message;
            qCWarning(lcLogView) << m_error;
            return {};
        }
        if (m_cachedBlocks >= kCacheBlocks) { // evict the least recently used
            std::map<qint64, CachedBlock> *oldestMap = nullptr;
            std::map<qint64, CachedBlock>::iterator oldest;
            for (auto &map : m_cache) {
                for (auto i = map.begin(); i != map.end(); ++i) {
                    if (!oldestMap || i->second.lastUse < oldest->second.lastUse) {
                        oldestMap = &map;
                        oldest = i;
                    }
                }
            }
            oldestMap->erase(oldest);
            --m_cachedBlocks;
        }
        CachedBlock cached;
        cached.firstLine = block->firstLine;
        cached.lines = std::move(block->lines);
        cached.rendered.resize(cached.lines.size());
        cached.lastUse = ++m_useClock;
        // A block that grew since it was cached (live partial blocks) replaces it.
        if (blocks.erase(cached.firstLine) == 0)
            ++m_cachedBlocks;
        it = blocks.emplace(cached.firstLine, std::move(cached)).first;
    }
    CachedBlock &b = it->second;
    const qsizetype i = line - b.firstLine;
    Rendered &r = b.rendered[i];
    if (!r.done) {
        Internal::renderLine(b.lines[i], &r.text, &r.spans);
        r.done = true;
    }
    return CachedLine{&b.lines[i], &r};
}

LogModel::RowData LogModel::rowData(int row) const
{
    RowData d;
    d.index = documentIndex(row);
    if (d.index < 0)
        return d;
    const LogDocument::Position pos = m_doc.locate(d.index);
    d.stage = pos.stage;
    d.line = pos.line;
    const CachedLine cached = cachedLine(pos.stage, pos.line);
    if (!cached.line) {
        d.text = tr("(line %1 could not be read: %2)").arg(pos.line).arg(m_error);
        d.stream = LogStream::System;
        return d;
    }
    d.timestampMs = cached.line->timestampMs;
    d.stream = cached.line->stream;
    d.text = cached.rendered->text;
    d.spans = cached.rendered->spans;
    if (!isInterleaved()) {
        const int g = m_groups.groupStartingAt(pos.line);
        if (g >= 0) {
            const LogGroup &group = m_groups.groups()[g];
            d.group = group.end == 0 ? OpenGroup : group.collapsed ? CollapsedGroup : ExpandedGroup;
            d.depth = group.depth;
        }
    }
    return d;
}

QString LogModel::plainText(int row) const
{
    return rowData(row).text;
}

int LogModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid())
        return 0;
    if (isInterleaved() || !m_groups.hasHiddenLines())
        return int(m_doc.lineCount());
    return int(m_groups.visibleUpTo(m_doc.lineCount()));
}

int LogModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant LogModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const RowData d = rowData(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case LineColumn:
            return d.index + 1;
        case TimeColumn:
            return QDateTime::fromMSecsSinceEpoch(d.timestampMs).toString(u"HH:mm:ss.zzz");
        case StageColumn:
            return stageName(d.stage);
        case TextColumn:
            return d.text;
        }
        return {};
    case LineRole:
        return d.index + 1;
    case StageIdRole:
        return d.stage >= 0 ? m_doc.stageIds().value(d.stage) : 0;
    case StageLineRole:
        return d.line;
    case TimestampRole:
        return d.timestampMs;
    case StreamRole:
        return int(d.stream);
    case SpansRole:
        return QVariant::fromValue(d.spans);
    case GroupRole:
        return int(d.group);
    case GroupDepthRole:
        return d.depth;
    default:
        return {};
    }
}

QVariant LogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case LineColumn:
        return tr("Line");
    case TimeColumn:
        return tr("Time");
    case StageColumn:
        return tr("Stage");
    case TextColumn:
        return tr("Text");
    }
    return {};
}

} // namespace DeployDesk::Ui
