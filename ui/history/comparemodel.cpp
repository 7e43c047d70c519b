#include "comparemodel.h"

#include "common/duration.h"
#include "ui/common/statusstyle.h"

#include <QApplication>
#include <QFont>
#include <QStyle>

#include <cmath>

namespace DeployDesk::Ui {

CompareModel::CompareModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void CompareModel::setRuns(const RunRecord &a, const QList<StageRecord> &stagesA,
                           const RunRecord &b, const QList<StageRecord> &stagesB)
{
    beginResetModel();
    m_runA = a.id;
    m_runB = b.id;
    m_all.clear();
    for (const StageRecord &s : stagesA)
        m_all.append(Row{s.name, s, std::nullopt});
    // Stages only in B go right after the stage that precedes them in B.
    int insertAt = 0;
    for (const StageRecord &s : stagesB) {
        auto it = std::find_if(m_all.begin(), m_all.end(),
                               [&](const Row &r) { return r.name == s.name; });
        if (it != m_all.end()) {
            it->b = s;
            insertAt = int(it - m_all.begin()) + 1;
        } else {
            m_all.insert(insertAt, Row{s.name, std::nullopt, s});
            ++insertAt;
        }
    }
    rebuildVisible();
    endResetModel();
}

void CompareModel::setOnlyChanges(bool only)
{
    if (only == m_onlyChanges)
        return;
    beginResetModel();
    m_onlyChanges = only;
    rebuildVisible();
    endResetModel();
}

void CompareModel::rebuildVisible()
{
    m_visible.clear();
    for (int i = 0; i < m_all.size(); ++i) {
        if (!m_onlyChanges || m_all.at(i).changed())
            m_visible.append(i);
    }
}

int CompareModel::changedCount() const
{
    return int(
        std::count_if(m_all.cbegin(), m_all.cend(), [](const Row &r) { return r.changed(); }));
}

QString CompareModel::formatDelta(qint64 ms)
{
    const QString sign = ms > 0   ? QStringLiteral("+")
                         : ms < 0 ? QStringLiteral("\u2212")
                                  : QString();
    return sign + formatDuration(std::chrono::milliseconds(std::abs(ms)));
}

int CompareModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_visible.size());
}

int CompareModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant CompareModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_all.at(m_visible.at(index.row()));
    const int column = index.column();
    const std::optional<StageRecord> &side =
        column == StatusA || column == DurationA ? row.a : row.b;
    const auto durationOf = [](const std::optional<StageRecord> &s) {
        return s ? s->durationMs() : qint64(-1);
    };
    const qint64 da = durationOf(row.a);
    const qint64 db = durationOf(row.b);
    const bool hasDelta = da >= 0 && db >= 0;

    switch (role) {
    case ChangedRole:
        return row.changed();
    case DeltaMsRole:
        return hasDelta ? QVariant(db - da) : QVariant();
    case StatusNameRole:
        if ((column == StatusA || column == StatusB) && side)
            return toString(side->status);
        return {};
    case Qt::FontRole:
        if (row.changed()) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        return {};
    case Qt::DecorationRole:
        if ((column == StatusA || column == StatusB) && side)
            return statusIcon(side->status);
        if (column == Stage && row.changed() && qApp)
            return qApp->style()->standardIcon(QStyle::SP_MessageBoxWarning);
        return {};
    case Qt::ForegroundRole:
        if ((column == StatusA || column == StatusB) && side)
            return statusColour(side->status);
        return {};
    case Qt::TextAlignmentRole:
        if (column == DurationA || column == DurationB || column == Delta)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::ToolTipRole:
        if (column == Stage && row.changed())
            return !row.a   ? tr("Only in run %1").arg(m_runB)
                   : !row.b ? tr("Only in run %1").arg(m_runA)
                            : tr("The result changed from %1 to %2")
                                  .arg(statusText(row.a->status), statusText(row.b->status));
        return {};
    case Qt::AccessibleTextRole:
    case Qt::DisplayRole:
        break;
    default:
        return {};
    }
    switch (column) {
    case Stage:
        return row.name;
    case StatusA:
    case StatusB:
        return side ? statusText(side->status) : tr("not run");
    case DurationA:
    case DurationB: {
        const qint64 ms = durationOf(side);
        return ms < 0 ? QString() : formatDuration(std::chrono::milliseconds(ms));
    }
    case Delta:
        return hasDelta ? formatDelta(db - da) : QString();
    }
    return {};
}

QVariant CompareModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Stage:
        return tr("Stage");
    case StatusA:
        return tr("Run %1").arg(m_runA);
    case StatusB:
        return tr("Run %1").arg(m_runB);
    case DurationA:
        return tr("Duration %1").arg(m_runA);
    case DurationB:
        return tr("Duration %1").arg(m_runB);
    case Delta:
        return tr("Change");
    }
    return {};
}

} // namespace DeployDesk::Ui
