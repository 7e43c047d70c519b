#pragma once

#include "common/serialthread.h"
#include "common/status.h"
#include "ui/workflows/workflowfiles.h"
#include "ui/workflows/workflowstart.h"

#include <QJsonObject>
#include <QMap>
#include <QWidget>

#include <memory>

class QComboBox;
class QLabel;
class QListWidget;
class QPushButton;
class QSplitter;
class QTreeView;

namespace DeployDesk {
class HistoryStore;
struct RunRecord;
struct StageRecord;
namespace GitHub {
struct RateLimit;
}
} // namespace DeployDesk

namespace DeployDesk::Ui {

class ApprovalDialog;

class DispatchDialog;
class WorkflowApprovalDialog;
class HistoryModel;
class PlanView;
class RemoteService;
class RunService;

namespace Internal {
class HistoryReader;
}

// The Workflows tab: the workspace's GitHub Actions workflows on the left (a file that does
// not load shows its first problem, file:line:column); on the right the selected workflow's
// local plan for an event (each job runs here, or not and why; the steps that do not run
// and why), Run Locally (the jobs as a pipeline run of RunService, shown in the Pipeline
// and Logs tabs like any run), Dispatch… (its typed inputs in a form, then the run on
// GitHub followed into the history), Import Runs, and the workflow's recent runs, local and
// remote (marked), newest first. Files are read and plans made on a thread of the view's
// own, the runs on the history reader's, GitHub is asked on RemoteService's: nothing here
// waits on a file, the history or the network.
class WorkflowsView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WorkflowsView)

public:
    explicit WorkflowsView(QWidget *parent = nullptr);
    ~WorkflowsView() override;

    // The data directory: the GitHub service's history connection and secrets.
    void setDataDir(const QString &dataDir);
    void setRunService(RunService *service);
    // The history is open: the workflows' runs are read from it (on a reader thread).
    void setStore(HistoryStore *store);
    void setWorkspace(const QString &workspace);
    // Reads the workflow files again, plans the selected one again and looks again for the
    // repository and GITHUB_TOKEN (F5, after Settings).
    void reload();
    void refreshRuns();

    // What the buttons do.
    void runLocally();
    void openDispatchDialog();
    void importRuns();
    void stopFollowing();
    // The names of the workspace's workflows (their runs in the history carry them).
    QStringList workflowNames() const;
    // Selects the workflow whose path or file name is `file`; false when there is none.
    bool selectWorkflow(const QString &file);

    // For tests.
    QListWidget *fileList() const { return m_files; }
    PlanView *planView() const { return m_plan; }
    QComboBox *eventCombo() const { return m_event; }
    QPushButton *runLocallyButton() const { return m_runLocally; }
    QPushButton *dispatchButton() const { return m_dispatch; }
    QPushButton *importButton() const { return m_import; }
    QPushButton *stopFollowingButton() const { return m_stop; }
    QTreeView *runsView() const { return m_runs; }
    // For the run selected in the recent runs, when it ran on GitHub.
    QPushButton *followRunButton() const { return m_followRun; }
    QPushButton *rerunButton() const { return m_rerun; }
    QPushButton *cancelRemoteButton() const { return m_cancelRemote; }
    QPushButton *reviewButton() const { return m_review; }
    RemoteService *remoteServiceForTesting() const { return m_remote.get(); }
    HistoryModel *runsModel() const { return m_runsModel; }
    RemoteService *remoteService() const { return m_remote.get(); }
    QString localStatusText() const;
    QString remoteStatusText() const;
    // "GitHub repository: owner/name", or what is missing and how to fix it.
    QString gitHubText() const;
    // "GitHub API: N of M requests left …" once GitHub answered; empty before.
    QString rateLimitText() const;
    bool isLoading() const { return m_loading; }
    const Internal::WorkflowFile *currentFile() const;

signals:
    void filesLoaded();
    // The selected workflow's plan is shown (or why there is none).
    void planShown();
    void dispatchDialogShown(DeployDesk::Ui::DispatchDialog *dialog);
    // Run Locally asks for the approval of a deploy to a protected environment.
    void approvalDialogShown(DeployDesk::Ui::WorkflowApprovalDialog *dialog);
    void openLogsRequested(qint64 runId, qint64 stageId);
    // Review Deployment… found what the run waits for and asks (the panel's approval dialog).
    void reviewDialogShown(DeployDesk::Ui::ApprovalDialog *dialog);
    // Runs from GitHub were recorded: the History tab may have more to show.
    void historyChanged();

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    void fitFileList();
    void loadFiles();
    void filesArrived(const QList<Internal::WorkflowFile> &files, const QString &branch);
    void showWorkflow();
    void requestPlan();
    void showPlan(const WorkflowPlan &plan);
    void startLocal(const QString &path, const QString &name, const QString &event,
                    const QMap<QString, QString> &inputs,
                    const QList<WorkflowApproval> &approvals = {});
    // Asks for the approval of each environment in `jobs` (environment -> jobs), one after
    // the other, then starts with them all; a refusal starts nothing.
    void askApprovals(const QString &path, const QString &event,
                      const QMap<QString, QString> &inputs, QMap<QString, QStringList> jobs,
                      QList<WorkflowApproval> approvals);
    void dispatchNow(const QString &fileName, const QString &name, const QString &ref,
                     const QJsonObject &inputs);
    void connectRemote();
    void configured(const QString &repository, const QString &problem);
    void rateLimitChanged(const GitHub::RateLimit &limit);
    void showGitHubLine();
    void runStarted(const RunRecord &run);
    void runFinished(const RunRecord &run);
    void setLocalStatus(const QString &text, bool error = false);
    void setRemoteStatus(const QString &text, bool error = false);
    void updateButtons();
    QString currentEvent() const;
    // The selected recent run when it ran on GitHub, else 0.
    qint64 selectedRemoteRun() const;
    void cancelRemoteRun();
    void reviewDeployments(qint64 runId, const QStringList &environments, const QList<qint64> &ids,
                           const QStringList &waitingJobs);

    QString m_workspace;
    QString m_branch; // the workspace's current branch: the ref a dispatch is on by default
    QList<Internal::WorkflowFile> m_workflows;
    RunService *m_service = nullptr;
    std::unique_ptr<RemoteService> m_remote;
    std::shared_ptr<Internal::HistoryReader> m_reader;
    bool m_loading = false;
    quint64 m_loadGeneration = 0; // answers for an earlier load or plan are dropped
    quint64 m_planGeneration = 0;
    bool m_localPending = false; // Run Locally asked, started() or a failure not come yet
    qint64 m_localRunId = 0;     // the run Run Locally started
    qint64 m_remoteRunId = 0;    // the history's run of the GitHub run followed
    QString m_remoteWorkflow;    // the name of the workflow dispatched or imported

    QSplitter *m_split = nullptr;
    bool m_splitFitted = false; // the file list was sized to its paths once
    QListWidget *m_files = nullptr;
    QLabel *m_filesNote = nullptr;
    QLabel *m_title = nullptr;
    QComboBox *m_event = nullptr;
    QPushButton *m_runLocally = nullptr;
    QPushButton *m_dispatch = nullptr;
    QPushButton *m_import = nullptr;
    QPushButton *m_stop = nullptr;
    QLabel *m_localStatus = nullptr;
    QLabel *m_remoteStatus = nullptr;
    QLabel *m_gitHub = nullptr; // the repository and the quota
    QString m_gitHubText;
    QString m_rateLimitText;
    QLabel *m_planSummary = nullptr;
    PlanView *m_plan = nullptr;
    QTreeView *m_runs = nullptr;
    HistoryModel *m_runsModel = nullptr;
    qint64 m_selectedRun = 0; // kept selected when the runs are read again
    QPushButton *m_followRun = nullptr;
    QPushButton *m_rerun = nullptr;
    QPushButton *m_cancelRemote = nullptr;
    QPushButton *m_review = nullptr;
    SerialThread m_thread; // last: stopped before the members above go
};

} // namespace DeployDesk::Ui
