#pragma once

#include "store/records.h"

#include <QAbstractTableModel>
#include <QList>

namespace DeployDesk {
class HistoryStore;
}

namespace DeployDesk::Ui {

// The runs of the history, newest first, loaded a page at a time as the view scrolls
// (keyset paging: each page asks for runs older than the last one loaded), so a history
// of a million runs opens at once and never sits in memory whole.
class HistoryModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HistoryModel)

public:
    enum Column {
        Id,
        Status,
        Environment,
        Branch,
        Commit,
        Who,
        Started,
        Duration,
        Message,
        ColumnCount
    };
    static constexpr int kPageSize = 100;
    static constexpr int RunIdRole = Qt::UserRole + 1;

    explicit HistoryModel(HistoryStore *store, QObject *parent = nullptr);
    ~HistoryModel() override;

    // Shows the runs that pass `filter` (its limit and beforeId are the model's own).
    void setFilter(const RunFilter &filter);
    const RunFilter &filter() const { return m_filter; }
    // Reloads from the newest run, e.g. after a run ended.
    void refresh();
    // The last error reading the store, for the status bar; empty when fine.
    QString lastError() const { return m_error; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent = {}) const override;
    void fetchMore(const QModelIndex &parent = {}) override;

private:
    QList<RunRecord> loadPage() const;

    HistoryStore *m_store = nullptr;
    RunFilter m_filter;
    QList<RunRecord> m_runs;
    bool m_atEnd = false;
    bool m_changing = false; // a reset or insertion is being announced
    mutable QString m_error;
};

} // namespace DeployDesk::Ui
