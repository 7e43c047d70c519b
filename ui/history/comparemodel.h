#pragma once

#include "store/records.h"

#include <QAbstractTableModel>
#include <QList>

#include <optional>

namespace DeployDesk::Ui {

// Two runs' stages side by side: one row per stage name in either run (in pipeline
// order), with each run's result and duration and the change in duration. A row is
// "changed" when the result differs or the stage ran in only one of the runs; changed
// rows are bold with an icon, and setOnlyChanges() hides the others.
class CompareModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CompareModel)

public:
    enum Column { Stage, StatusA, StatusB, DurationA, DurationB, Delta, ColumnCount };
    static constexpr int ChangedRole = Qt::UserRole + 1;    // bool
    static constexpr int DeltaMsRole = Qt::UserRole + 2;    // qint64, or invalid
    static constexpr int StatusNameRole = Qt::UserRole + 3; // "failed", or invalid

    explicit CompareModel(QObject *parent = nullptr);

    void setRuns(const RunRecord &a, const QList<StageRecord> &stagesA, const RunRecord &b,
                 const QList<StageRecord> &stagesB);
    void setOnlyChanges(bool only);
    bool onlyChanges() const { return m_onlyChanges; }
    int changedCount() const;

    // "+1.2 s", "−3 s" (U+2212), "+2m5s", "0 s".
    static QString formatDelta(qint64 ms);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    struct Row
    {
        QString name;
        std::optional<StageRecord> a;
        std::optional<StageRecord> b;
        bool changed() const { return !a || !b || a->status != b->status; }
    };
    void rebuildVisible();

    qint64 m_runA = 0;
    qint64 m_runB = 0;
    QList<Row> m_all;
    QList<int> m_visible; // indexes into m_all
    bool m_onlyChanges = false;
};

} // namespace DeployDesk::Ui
