#include "ui/logview/logdocument.h"

#include <algorithm>

namespace DeployDesk::Ui::Internal {

void LogDocument::append(int stage, qint64 firstLine, qint64 count)
{
    if (count <= 0)
        return;
    if (!m_segments.empty()) {
        const Segment &last = m_segments.back();
        if (last.stage == stage && last.firstLine + (m_lineCount - last.firstIndex) == firstLine) {
            m_lineCount += count;
            return;
        }
    }
    m_segments.push_back(Segment{m_lineCount, stage, firstLine});
    m_lineCount += count;
}

void LogDocument::clear()
{
    m_segments.clear();
    m_lineCount = 0;
}

qsizetype LogDocument::segmentAt(qint64 index) const
{
    if (index < 0 || index >= m_lineCount)
        return -1;
    auto it = std::upper_bound(m_segments.begin(), m_segments.end(), index,
                               [](qint64 i, const Segment &s) { return i < s.firstIndex; });
    return (it - m_segments.begin()) - 1;
}

qint64 LogDocument::segmentLength(qsizetype s) const
{
    const qint64 end =
        s + 1 < qsizetype(m_segments.size()) ? m_segments[s + 1].firstIndex : m_lineCount;
    return end - m_segments[s].firstIndex;
}

LogDocument::Position LogDocument::locate(qint64 index) const
{
    const qsizetype s = segmentAt(index);
    if (s < 0)
        return {};
    const Segment &seg = m_segments[s];
    return Position{seg.stage, seg.firstLine + (index - seg.firstIndex)};
}

qint64 LogDocument::indexOf(int stage, qint64 line) const
{
    for (qsizetype s = 0; s < qsizetype(m_segments.size()); ++s) {
        const Segment &seg = m_segments[s];
        if (seg.stage == stage && line >= seg.firstLine && line < seg.firstLine + segmentLength(s))
            return seg.firstIndex + (line - seg.firstLine);
    }
    return -1;
}

} // namespace DeployDesk::Ui::Internal
