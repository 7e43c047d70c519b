#pragma once

#include <QByteArrayView>
#include <QList>
#include <QtGlobal>

#include <utility>
#include <vector>

namespace DeployDesk::Ui::Internal {

enum class GroupMarker { None, Start, End };
// `::group::Title` / `##[group]Title` start a group, `::endgroup::` / `##[endgroup]`
// end the innermost open one (leading blanks allowed, ANSI already stripped). `title`
// receives the text after a start marker.
GroupMarker groupMarker(QByteArrayView stripped, QByteArrayView *title = nullptr);

struct LogGroup
{
    qint64 start = 0; // the header line (1-based)
    qint64 end = 0;   // the end-marker line; 0 while the group is still open
    int depth = 0;    // 0 for a top-level group
    bool collapsed = false;
};

// The groups of one stage's log and which lines collapsing hides. Built by a scan in line
// order (feed()), possibly in a worker and in several increments for a live log; the GUI
// keeps the user's collapsed flags across increments (keepCollapsedFrom()). Collapsing a
// group hides its lines after the header up to and including its end marker; only closed
// groups collapse, so lines that arrive later never change which rows exist.
// Rows are 0-based positions among visible lines; lines are 1-based.
class GroupIndex final
{
public:
    void feed(qint64 line, QByteArrayView stripped);
    qint64 scannedTo() const { return m_scannedTo; }
    void setScannedTo(qint64 line) { m_scannedTo = line; }

    const std::vector<LogGroup> &groups() const { return m_groups; }
    int groupStartingAt(qint64 line) const; // index into groups(), or -1
    void keepCollapsedFrom(const GroupIndex &older);
    // Only closed groups; returns whether anything changed.
    bool setCollapsed(int group, bool collapsed);
    bool hasHiddenLines() const { return !m_hidden.empty(); }

    qint64 hiddenUpTo(qint64 line) const; // hidden lines in [1, line]
    qint64 visibleUpTo(qint64 line) const { return line - hiddenUpTo(line); }
    qint64 lineForRow(qint64 row) const;
    qint64 rowForLine(qint64 line) const; // -1 when hidden
    // The collapsed groups that hide `line`, outermost first.
    QList<int> groupsHiding(qint64 line) const;

private:
    void rebuildHidden();

    struct Hidden
    {
        qint64 first = 0;
        qint64 last = 0;
        qint64 hiddenBefore = 0; // hidden lines before `first`
    };
    std::vector<LogGroup> m_groups; // by start line
    std::vector<int> m_open;        // stack of open groups
    std::vector<Hidden> m_hidden;   // disjoint, sorted
    qint64 m_scannedTo = 0;
};

} // namespace DeployDesk::Ui::Internal
