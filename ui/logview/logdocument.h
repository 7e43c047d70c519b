#pragma once

#include <QList>
#include <QtGlobal>

#include <vector>

namespace DeployDesk::Ui::Internal {

// What the viewer shows as one sequence of lines: one stage's log, or the lines of all
// stages of a run interleaved by time. A document line is 0-based here ("index"); the
// viewer shows it 1-based. The order is a list of segments, each a run of consecutive
// lines of one stage, so a stage shown alone is a single segment and a merge of several
// stages costs one entry per switch between stages, never one per line.
class LogDocument final
{
public:
    struct Segment
    {
        qint64 firstIndex = 0; // document index of its first line
        int stage = 0;         // index into stageIds()
        qint64 firstLine = 1;  // 1-based line within the stage
    };
    struct Position
    {
        int stage = -1;
        qint64 line = 0; // 1-based within the stage; 0: none
    };

    LogDocument() = default;
    explicit LogDocument(QList<qint64> stageIds)
        : m_stageIds(std::move(stageIds))
    {}

    const QList<qint64> &stageIds() const { return m_stageIds; }
    qint64 lineCount() const { return m_lineCount; }
    const std::vector<Segment> &segments() const { return m_segments; }

    // Appends `count` lines of `stage` from `firstLine`, extending the last segment when
    // they continue it.
    void append(int stage, qint64 firstLine, qint64 count);
    void clear();
    void addStage(qint64 stageId) { m_stageIds.append(stageId); }

    Position locate(qint64 index) const;
    // The segment holding `index` (binary search), or -1.
    qsizetype segmentAt(qint64 index) const;
    // Number of lines of segment `s`.
    qint64 segmentLength(qsizetype s) const;
    // The document index of a stage's line, or -1 (linear in the number of segments).
    qint64 indexOf(int stage, qint64 line) const;

private:
    QList<qint64> m_stageIds;
    std::vector<Segment> m_segments;
    qint64 m_lineCount = 0;
};

} // namespace DeployDesk::Ui::Internal
