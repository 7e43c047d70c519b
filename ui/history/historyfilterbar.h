#pragma once

#include "store/records.h"

#include <QTimer>
#include <QWidget>

#include <optional>

class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QPushButton;

namespace DeployDesk::Ui {

// The history's filter row: environment, status, branch, who, a date range and text in
// the logs. Typing applies after a short pause, Enter at once; filterChanged() carries
// the filter (workspace, order and paging are the browser's). Branch and Who match any
// part of the name, ignoring case. Beside the fields, how many runs match (setMatchCount).
class HistoryFilterBar final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HistoryFilterBar)

public:
    static constexpr int kDebounceMs = 300;

    explicit HistoryFilterBar(QWidget *parent = nullptr);

    void setEnvironments(const QStringList &names);
    RunFilter filter() const;
    void clear();
    // How many runs pass the filter: "23 runs", "1 run"; nullopt while it is counted (the
    // last number stays until then).
    void setMatchCount(std::optional<RunCount> count);
    QString matchCountText() const;

    // For tests and the main window.
    QComboBox *environmentCombo() const { return m_environment; }
    QComboBox *statusCombo() const { return m_status; }
    QLineEdit *branchEdit() const { return m_branch; }
    QLineEdit *whoEdit() const { return m_who; }
    QDateEdit *fromEdit() const { return m_from; }
    QDateEdit *toEdit() const { return m_to; }
    QLineEdit *grepEdit() const { return m_grep; }
    QLabel *matchCountLabel() const { return m_count; }
    QPushButton *clearButton() const { return m_clear; }

signals:
    void filterChanged(const DeployDesk::RunFilter &filter);

private:
    void schedule();
    void applyNow();

    QComboBox *m_environment = nullptr;
    QComboBox *m_status = nullptr;
    QLineEdit *m_branch = nullptr;
    QLineEdit *m_who = nullptr;
    QDateEdit *m_from = nullptr;
    QDateEdit *m_to = nullptr;
    QLineEdit *m_grep = nullptr;
    QLabel *m_count = nullptr;
    QPushButton *m_clear = nullptr;
    QTimer m_debounce;
    bool m_clearing = false;
};

} // namespace DeployDesk::Ui
