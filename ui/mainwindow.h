#pragma once

#include <QMainWindow>

#include <memory>

class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTreeView;
class QTreeWidget;

namespace DeployDesk {
class HistoryStore;
class RunController;
class SecretStore;
struct RunRecord;
struct StageRecord;
} // namespace DeployDesk

namespace DeployDesk::Ui {

class HistoryModel;

// The panel's first window: a workspace's pipeline with live stage states, its
// problems if the file is invalid, and the recent runs from the history.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    explicit MainWindow(const QString &workspace, QWidget *parent = nullptr);
    ~MainWindow() override;

private:
    void reload();
    void refreshHistory();
    void runPipeline();
    void cancelRun();
    void stageChanged(const StageRecord &stage);
    void runFinished(const RunRecord &run);

    QString m_workspace;
    std::unique_ptr<HistoryStore> m_store;
    std::unique_ptr<SecretStore> m_secrets;
    std::unique_ptr<RunController> m_controller;
    QTreeWidget *m_stages = nullptr;
    QTreeView *m_history = nullptr;
    HistoryModel *m_historyModel = nullptr;
    QPlainTextEdit *m_problems = nullptr;
    QPushButton *m_run = nullptr;
    QPushButton *m_cancel = nullptr;
    QLabel *m_status = nullptr;
};

} // namespace DeployDesk::Ui
