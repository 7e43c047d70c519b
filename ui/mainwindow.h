#pragma once

#include "config/pipeline.h"
#include "store/records.h"

#include <QElapsedTimer>
#include <QFileSystemWatcher>
#include <QMainWindow>
#include <QPointer>
#include <QTimer>

#include <memory>

class QAction;
class QDockWidget;
class QLabel;
class QMenu;
class QPlainTextEdit;
class QTabWidget;

namespace DeployDesk {
class HistoryStore;
class SecretStore;
struct LoadResult;
struct RollbackRequest;
struct RunRequest;
} // namespace DeployDesk

namespace DeployDesk::Ui {

class ApprovalDialog;
class EnvironmentList;
class EmbeddingsView;
class EnvironmentsView;
class HistoryBrowser;
class LogViewer;
class RunService;
class StageGraphView;
class TrayIcon;
class WorkflowsView;

// The panel: environments in a sidebar; Pipeline (the stage graph), Logs, History, Workflows
// (the workspace's GitHub Actions workflows: plans, local runs, dispatches) and Environments
// (releases, rollback, queue, previews) tabs; a status bar with the run's state,
// elapsed time and queue; a tray icon and notifications. Runs go through RunService (a thread of
// their own): nothing here waits on a process, the keychain or a log write.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    enum Tab { PipelineTab, LogsTab, HistoryTab, WorkflowsTab, EnvironmentsTab, EmbeddingsTab };

    // `workspace` may be empty: the window then asks for one.
    explicit MainWindow(const QString &workspace, QWidget *parent = nullptr);
    ~MainWindow() override;

    void openWorkspace(const QString &dir);
    QString workspace() const { return m_workspace; }
    static QStringList recentWorkspaces();

    // Actions, also for tests: run (no environment), deploy to `environment` (asks
    // first), cancel (asks first), re-run the failed stages of `runId` (0: the latest).
    void runPipeline();
    // Asks for an optional message (kept in the history as `run -m` keeps it), then runs.
    void runPipelineWithMessage();
    // Runs `stage` and every stage it needs for the selected environment, as
    // `deploydeskctl run --stage` does (the graph's context menu); with an environment it
    // asks first, with a message field, as a deploy does.
    void runStage(const QString &stage);
    void deploy(const QString &environment);
    void cancelRun();
    void rerunFailed(qint64 runId = 0);
    void reviewApproval();
    // Starts a rollback the Environments tab planned and the user confirmed.
    void rollback(const RollbackRequest &request);
    // Deploys the stored artifacts of successful run `runId` to `environment` (asks first;
    // a protected environment then waits for approval as a deploy does).
    void promote(qint64 runId, const QString &environment);
    void openStageLog(const QString &stage);
    void showTab(Tab tab);

    // For tests.
    StageGraphView *graph() const { return m_graph; }
    LogViewer *logViewer() const { return m_logs; }
    HistoryBrowser *historyBrowser() const { return m_history; }
    EnvironmentList *environmentList() const { return m_environments; }
    EnvironmentsView *environmentsView() const { return m_environmentsView; }
    EmbeddingsView *embeddingsView() const { return m_embeddingsView; }
    WorkflowsView *workflowsView() const { return m_workflowsView; }
    RunService *runService() const { return m_service.get(); }
    TrayIcon *trayIcon() const { return m_tray; }
    QTabWidget *tabs() const { return m_tabs; }
    QString statusBarText() const;
    // What of the current (or last) run could not be recorded; empty when all was.
    QString notRecordedText() const;
    qint64 currentRunId() const { return m_run.id; }
    const Pipeline &pipeline() const { return m_pipeline; }
    // True while the history is being opened (or migrated) off the GUI thread.
    bool isHistoryOpening() const { return m_historyOpening; }
    bool isHistoryOpen() const { return m_store != nullptr; }
    // Skips the confirmation questions (tests that are not about them).
    void setConfirmations(bool ask) { m_confirm = ask; }
    // The window's frame inside the available area of the screen it is on: shrunk to fit
    // (a saved geometry from a bigger screen, a 2x scale factor) and moved onto it. Done
    // when the window is first shown.
    void fitToScreen();

signals:
    // The history has been opened (ok), or cannot be (the status bar says why).
    void historyReady(bool ok);
    void pipelineLoaded(bool ok);
    void runStarted(qint64 runId);
    void runFinished(qint64 runId, DeployDesk::RunStatus status);
    void approvalDialogShown(DeployDesk::Ui::ApprovalDialog *dialog);

protected:
    void closeEvent(QCloseEvent *event) override;
    void showEvent(QShowEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void createActions();
    void createMenus();
    void reload();
    void historyOpened(const QString &error);
    void loaded(const LoadResult &result);
    void start(const RunRequest &request);
    void started(const RunRecord &run, const QList<StageRecord> &stages);
    void startFailed(const QString &message, const LoadResult &result);
    void stageChanged(const StageRecord &stage);
    void approvalRequired(const QString &environment, const QStringList &stages);
    void finished(const RunRecord &run);
    void recordingFailed(const Error &error);
    // `intoGraph`: the graph shows its stages' results (not when the file has problems:
    // they may no longer be the file's stages).
    void showLatestRun(bool intoGraph = true);
    void showRunInLogs(qint64 runId, const QList<StageRecord> &stages);
    // Shows run `runId`'s logs in the Logs tab (stage `stageId` first; 0: the first).
    void openRunLogs(qint64 runId, qint64 stageId);
    // The Pipeline tab's title for deploydesk.yml's pipeline.
    QString pipelineTitle() const;
    void updateStatus();
    void updateActions();
    void rememberWorkspace(const QString &dir);
    void rememberGeometry();
    // The sidebar as wide as its longest entry needs (bounded by a third of the window).
    void fitSidebar();
    void fillRecentMenu();
    void openSettings();
    void pruneHistory();
    // Asks before acting; `no` names the choice that keeps things as they are (Cancel
    // when empty). A question about run `aboutRun` says so if that run ends meanwhile.
    bool ask(const QString &title, const QString &question, const QString &yes,
             const QString &no = {}, qint64 aboutRun = 0);
    // Asks before starting a run, with an optional message (StartRunDialog); true to start.
    bool askToStart(const QString &title, const QString &question, const QString &yes,
                    QString *message);
    // Asks the service to cancel the run going (cancelRun() and quitting, after asking).
    void requestCancel(const QString &reason);
    // True, and the status bar says why, when a run is going (or starting): a question
    // answered after a run began starts nothing.
    bool refuseWhileRunning();

    QString m_workspace;
    QString m_dataDir;
    std::unique_ptr<HistoryStore> m_store; // the GUI thread's read connection, once open
    bool m_historyOpening = true;
    QString m_historyError;
    std::unique_ptr<RunService> m_service;
    Pipeline m_pipeline;
    bool m_pipelineOk = false;
    QString m_validWorkspace; // the workspace whose deploydesk.yml last loaded without problems
    QStringList m_problems;

    RunRecord m_run;       // the live run, or the latest one shown
    RunRecord m_latestRun; // the workspace's newest run in the history (id 0: none)
    QList<StageRecord> m_stages;
    bool m_live = false;
    QStringList m_waitingStages;
    QElapsedTimer m_elapsed;
    QTimer m_tick;
    QFileSystemWatcher m_watcher; // deploydesk.yml: reloaded when saved
    QTimer m_reloadSoon;
    bool m_confirm = true;
    bool m_closing = false;       // quitting: waits for the cancelled run to be recorded
    qint64 m_cancelRequested = 0; // the run being cancelled (asked and confirmed)

    EnvironmentList *m_environments = nullptr;
    QDockWidget *m_environmentsDock = nullptr;
    bool m_fittedToScreen = false; // fitToScreen() ran at the first show
    bool m_sidebarFitted = false;  // fitSidebar() sized it once
    QTabWidget *m_tabs = nullptr;
    StageGraphView *m_graph = nullptr;
    QPlainTextEdit *m_problemsView = nullptr;
    QLabel *m_pipelineTitle = nullptr;
    LogViewer *m_logs = nullptr;
    HistoryBrowser *m_history = nullptr;
    EnvironmentsView *m_environmentsView = nullptr;
    EmbeddingsView *m_embeddingsView = nullptr;
    WorkflowsView *m_workflowsView = nullptr;
    // The graph shows the pipeline of a workflow run (started from the Workflows tab), not
    // deploydesk.yml's, until the file is reloaded or another run starts.
    bool m_graphShowsWorkflow = false;
    QLabel *m_runState = nullptr;
    QLabel *m_elapsedLabel = nullptr;
    QLabel *m_queue = nullptr;
    QLabel *m_notRecorded = nullptr; // what of the current run could not be recorded
    int m_recordingFailures = 0;
    TrayIcon *m_tray = nullptr;
    QMenu *m_trayMenu = nullptr;
    QMenu *m_recentMenu = nullptr;
    QMenu *m_deployMenu = nullptr;
    QPointer<ApprovalDialog> m_approvalDialog;

    QAction *m_openAction = nullptr;
    QAction *m_reloadAction = nullptr;
    QAction *m_settingsAction = nullptr;
    QAction *m_quitAction = nullptr;
    QAction *m_runAction = nullptr;
    QAction *m_runWithMessageAction = nullptr;
    QAction *m_deployAction = nullptr;
    QAction *m_cancelAction = nullptr;
    QAction *m_rerunAction = nullptr;
    QAction *m_approvalAction = nullptr;
    QList<QAction *> m_tabActions;
};

} // namespace DeployDesk::Ui
