#pragma once

#include "store/records.h"

#include <QAbstractTableModel>
#include <QList>
#include <QTimer>

#include <memory>

namespace DeployDesk {
class HistoryStore;
}

namespace DeployDesk::Ui {

namespace Internal {
class HistoryReader;
}

// The runs of the history, loaded a page at a time as the view scrolls (keyset paging:
// each page asks for the runs after the last one loaded, in the chosen order), so a
// history of a million runs opens at once and never sits in memory whole. Pages are read
// on a thread with its own connection to the store's file: a slow query (a log search,
// a filter no index serves) never blocks the GUI. Rows arrive after refresh() or
// fetchMore() return; pageLoaded() tells when. A run that ran on GitHub Actions says so in
// words ("[GitHub]" before its message) and its tooltip names its URL.
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
    static constexpr int StatusRole = Qt::UserRole + 2;     // the stable name: "failed"
    static constexpr int DurationMsRole = Qt::UserRole + 3; // -1: none
    // It ran on GitHub Actions (RunRecord::remote), and where a person sees it.
    static constexpr int RemoteRole = Qt::UserRole + 4;
    static constexpr int RemoteUrlRole = Qt::UserRole + 5;

    // `store` gives the file to read; the model opens its own connection on its thread.
    explicit HistoryModel(HistoryStore *store, QObject *parent = nullptr);
    // Reads through `reader`, which others (the details pane) may share; none: no rows.
    explicit HistoryModel(std::shared_ptr<Internal::HistoryReader> reader,
                          QObject *parent = nullptr);
    ~HistoryModel() override;

    // Reads through `reader` from now on (the history has just been opened); rows come
    // with the next refresh() or setFilter().
    void setReader(std::shared_ptr<Internal::HistoryReader> reader);

    // Shows the runs that pass `filter` (its limit, order and paging fields are the
    // model's own).
    void setFilter(const RunFilter &filter);
    const RunFilter &filter() const { return m_filter; }
    void setOrder(RunOrder order);
    RunOrder order() const { return m_order; }
    // Reloads from the first run in the order, e.g. after a run ended.
    void refresh();
    // The last error reading the store, for the status bar; empty when fine.
    QString lastError() const { return m_error; }
    // True while a page is being read.
    bool isLoading() const { return m_loading; }
    // True when every run that passes the filter is loaded.
    bool atEnd() const { return m_atEnd; }

    RunRecord runAt(int row) const { return m_runs.value(row); }
    int rowOfRun(qint64 runId) const; // -1: not loaded

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent = {}) const override;
    void fetchMore(const QModelIndex &parent = {}) override;
    // Started (newest/oldest first) and Duration (longest/shortest first) sort; the
    // other columns keep the order they have.
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;
    static bool isSortable(int column) { return column == Started || column == Duration; }

signals:
    // A page arrived (or failed: see lastError()); rows may have been added.
    void pageLoaded();

private:
    void requestPage();
    void pageArrived(quint64 generation, const QList<RunRecord> &page, const QString &error);

    std::shared_ptr<Internal::HistoryReader> m_reader;
    RunFilter m_filter;
    RunOrder m_order = RunOrder::NewestFirst;
    QList<RunRecord> m_runs;
    quint64 m_generation = 0; // pages of an earlier filter or order are dropped
    bool m_atEnd = false;
    bool m_loading = false;
    bool m_settling = false; // rows just arrived; the view is laying them out
    QTimer m_settle;
    QString m_error;
};

} // namespace DeployDesk::Ui
