#pragma once

#include "common/serialthread.h"
#include "config/pipelineloader.h"
#include "run/runcontroller.h"
#include "store/records.h"
#include "ui/workflows/workflowstart.h"

#include <QMap>
#include <QObject>

#include <functional>

namespace DeployDesk::Ui {

namespace Internal {
class RunWorker;
}

// The panel's way to run pipelines without ever blocking the GUI thread. Opening the
// history (creating or migrating it, which may take long on an old one), loading the
// pipeline (which asks the keychain whether secrets are set), running it (process
// output, log writes that may wait under backpressure, artifact copies) and recording
// it all happen on a SerialThread of their own, with a history connection of their own;
// the window only sends requests and follows the signals (queued). Requests are served
// in order, after the history is open: historyOpened() comes before any other answer.
class RunService final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RunService)

public:
    explicit RunService(const QString &dataDir, QObject *parent = nullptr);
    // A run still going is cancelled and waited for (at most 30 s), so it is recorded
    // cancelled with all its stages; one that does not end by then is recorded interrupted.
    ~RunService() override;

    // Called on the service's thread right before it opens the history: a test holds the
    // opening there (a long migration) to see what the window does meanwhile.
    static void setHistoryOpenHookForTesting(std::function<void()> hook);

    // Loads <workspace>/deploydesk.yml, secrets checked for `environment`: loaded().
    void load(const QString &workspace, const QString &environment = {});
    // Loads and starts a run: started() or startFailed().
    void start(const QString &workspace, const RunRequest &request);
    // Loads and starts a rollback run (RunController::startRollback): started() or
    // startFailed() (no such release, nothing to roll back, approval missing...).
    void startRollback(const QString &workspace, const RollbackRequest &request);
    // Loads and starts an index-switch run (RunController::startIndexSwitch): started() or
    // startFailed().
    void startIndexSwitch(const QString &workspace, const IndexSwitchRequest &request);
    // Deploys the stored artifacts of successful run `runId` to `environment` without
    // rebuilding (deploydeskctl promote): started() or startFailed(). A protected
    // environment asks for approval as a deploy does (approvalRequired()).
    void promote(const QString &workspace, qint64 runId, const QString &environment,
                 const QString &message = {});
    // Loads the GitHub Actions workflow at `workflowPath`, plans it for `event` with
    // `inputs` (workflow_dispatch) and starts the pipeline that runs its jobs here, as
    // `deploydeskctl workflow run` does (the workflow's `concurrency:` too): started() or
    // workflowStartFailed(). Jobs that deploy to an environment deploydesk.yml protects
    // need an approval among `approvals` (recorded with the run); without one nothing
    // starts and workflowApprovalNeeded() says which. The run is then followed like any
    // other (stageChanged(), finished()); runPipeline() is the workflow's pipeline.
    void startWorkflow(const QString &workspace, const QString &workflowPath, const QString &event,
                       const QMap<QString, QString> &inputs = {},
                       const QList<DeployDesk::Ui::WorkflowApproval> &approvals = {});
    void cancel(const QString &reason);
    void approve(const QString &who, const QString &reason);
    void refuse(const QString &who, const QString &reason);

    bool isRunning() const { return m_running; }
    // A start, rollback or promotion was asked for and has not been answered yet
    // (started() or startFailed() comes next).
    bool isStarting() const { return m_starting > 0; }
    bool isWaitingForApproval() const { return m_waiting; }
    qint64 runId() const { return m_runId; }
    QString environment() const { return m_environment; }
    // The pipeline of the run going (or of the last one started): deploydesk.yml's, or a
    // workflow's (its filePath is the workflow file).
    const Pipeline &runPipeline() const { return m_runPipeline; }

signals:
    // The history is open (created or migrated as needed, runs whose runner is gone marked
    // interrupted): `error` is empty, else why it cannot be opened (runs cannot start).
    void historyOpened(const QString &error);
    void loaded(const DeployDesk::LoadResult &result);
    void started(const DeployDesk::RunRecord &run, const QList<DeployDesk::StageRecord> &stages);
    void startFailed(const QString &message, const DeployDesk::LoadResult &result);
    // A workflow could not be started (startWorkflow()): `message` says why (its file's
    // problems, the plan's, the history's).
    void workflowStartFailed(const QString &message);
    // Nothing was started: the jobs in `jobs` deploy to environments deploydesk.yml protects
    // (environment -> job names) and are not approved; startWorkflow() again with approvals.
    void workflowApprovalNeeded(const QString &workflowPath, const QString &event,
                                const QMap<QString, QString> &inputs,
                                const QMap<QString, QStringList> &jobs);
    void stageChanged(const DeployDesk::StageRecord &stage);
    // A running stage's progress: `done` of `total` units, `billed` tokens so far.
    void stageProgress(const QString &stage, qint64 done, qint64 total, qint64 billed);
    void approvalRequired(const QString &environment, const QStringList &stages);
    void finished(const DeployDesk::RunRecord &run);
    // Part of the run could not be written to the history (RunController::recordingFailed).
    void recordingFailed(const DeployDesk::Error &error);

private:
    SerialThread m_thread;
    Internal::RunWorker *m_worker = nullptr; // lives on m_thread
    bool m_running = false;
    int m_starting = 0; // requests to start posted and not answered yet
    bool m_waiting = false;
    qint64 m_runId = 0;
    QString m_environment;
    Pipeline m_runPipeline;
};

} // namespace DeployDesk::Ui
