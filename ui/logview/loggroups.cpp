#include "ui/logview/loggroups.h"

#include <algorithm>

namespace DeployDesk::Ui::Internal {

GroupMarker groupMarker(QByteArrayView stripped, QByteArrayView *title)
{
    qsizetype i = 0;
    while (i < stripped.size() && (stripped[i] == ' ' || stripped[i] == '\t'))
        ++i;
    const QByteArrayView rest = stripped.sliced(i);
    if (rest.size() < 9 || (rest[0] != ':' && rest[0] != '#'))
        return GroupMarker::None;
    for (const char *start : {"::group::", "##[group]"}) {
        if (rest.startsWith(QByteArrayView(start))) {
            if (title)
                *title = rest.sliced(9).trimmed();
            return GroupMarker::Start;
        }
    }
    for (const char *end : {"::endgroup::", "##[endgroup]"}) {
        if (rest.startsWith(QByteArrayView(end)))
            return GroupMarker::End;
    }
    return GroupMarker::None;
}

void GroupIndex::feed(qint64 line, QByteArrayView stripped)
{
    m_scannedTo = line;
    switch (groupMarker(stripped)) {
    case GroupMarker::Start:
        m_open.push_back(int(m_groups.size()));
        m_groups.push_back(LogGroup{line, 0, int(m_open.size()) - 1, false});
        break;
    case GroupMarker::End:
        if (!m_open.empty()) {
            m_groups[m_open.back()].end = line;
            m_open.pop_back();
        }
        break;
    case GroupMarker::None:
        break;
    }
}

int GroupIndex::groupStartingAt(qint64 line) const
{
    auto it = std::lower_bound(m_groups.begin(), m_groups.end(), line,
                               [](const LogGroup &g, qint64 l) { return g.start < l; });
    return it != m_groups.end() && it->start == line ? int(it - m_groups.begin()) : -1;
}

void GroupIndex::keepCollapsedFrom(const GroupIndex &older)
{
    const size_t n = std::min(older.m_groups.size(), m_groups.size());
    for (size_t i = 0; i < n; ++i)
        m_groups[i].collapsed = older.m_groups[i].collapsed && m_groups[i].end > 0;
    rebuildHidden();
}

bool GroupIndex::setCollapsed(int group, bool collapsed)
{
    if (group < 0 || group >= int(m_groups.size()))
        return false;
    LogGroup &g = m_groups[group];
    if (g.collapsed == collapsed || (collapsed && g.end == 0))
        return false;
    g.collapsed = collapsed;
    rebuildHidden();
    return true;
}

void GroupIndex::rebuildHidden()
{
    m_hidden.clear();
    qint64 hidden = 0;
    for (const LogGroup &g : m_groups) {
        if (!g.collapsed || g.end <= g.start)
            continue;
        if (!m_hidden.empty() && g.start + 1 <= m_hidden.back().last)
            continue; // inside a collapsed group already (groups nest, never overlap)
        m_hidden.push_back(Hidden{g.start + 1, g.end, hidden});
        hidden += g.end - g.start;
    }
}

qint64 GroupIndex::hiddenUpTo(qint64 line) const
{
    auto it = std::upper_bound(m_hidden.begin(), m_hidden.end(), line,
                               [](qint64 l, const Hidden &h) { return l < h.first; });
    if (it == m_hidden.begin())
        return 0;
    --it;
    return it->hiddenBefore + (std::min(line, it->last) - it->first + 1);
}

qint64 GroupIndex::lineForRow(qint64 row) const
{
    // Visible lines before range k: first - 1 - hiddenBefore; find the last range with
    // no more of them than `row`.
    auto it =
        std::upper_bound(m_hidden.begin(), m_hidden.end(), row, [](qint64 r, const Hidden &h) {
            return r < h.first - 1 - h.hiddenBefore;
        });
    if (it == m_hidden.begin())
        return row + 1;
    --it;
    return row + 1 + it->hiddenBefore + (it->last - it->first + 1);
}

qint64 GroupIndex::rowForLine(qint64 line) const
{
    if (hiddenUpTo(line) != hiddenUpTo(line - 1))
        return -1;
    return visibleUpTo(line) - 1;
}

QList<int> GroupIndex::groupsHiding(qint64 line) const
{
    QList<int> result;
    for (int i = 0; i < int(m_groups.size()) && m_groups[i].start < line; ++i) {
        const LogGroup &g = m_groups[i];
        if (g.collapsed && g.end >= line)
            result.append(i);
    }
    return result;
}

} // namespace DeployDesk::Ui::Internal
