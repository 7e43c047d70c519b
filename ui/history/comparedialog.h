#pragma once

#include "common/error.h"

#include <QDialog>

class QCheckBox;
class QLabel;
class QTreeView;

namespace DeployDesk {
class HistoryStore;
}

namespace DeployDesk::Ui {

class CompareModel;

// Compares two runs stage by stage (see CompareModel). The older run is "A".
class CompareDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CompareDialog)

public:
    explicit CompareDialog(QWidget *parent = nullptr);

    // Reads both runs and their stages; on failure the dialog shows why.
    Result<void> compare(const HistoryStore &store, qint64 runA, qint64 runB);

    CompareModel *model() const { return m_model; }
    QTreeView *view() const { return m_view; }
    QCheckBox *onlyChangesBox() const { return m_onlyChanges; }
    QString summary() const;

private:
    CompareModel *m_model = nullptr;
    QLabel *m_summary = nullptr;
    QCheckBox *m_onlyChanges = nullptr;
    QTreeView *m_view = nullptr;
};

} // namespace DeployDesk::Ui
