#pragma once

#include "config/pipelineloader.h"
#include "log/secretmasker.h"
#include "store/records.h"

#include <QObject>
#include <QPointer>

namespace DeployDesk {

class HistoryStore;
class RunJob;
class SecretStore;
class StageJob;

struct RunRequest
{
    QString environment;
    QStringList stages;  // --stage; empty: all
    QString message;     // why
    qint64 rerunOf = 0;  // re-run the failed and skipped stages of this run
    int maxParallel = 0; // 0: the pipeline's setting or the CPU count
    // Approves the deploy to a protected environment up front (deploydeskctl --approve);
    // recorded in the history as an "approved" event by approvedBy with `message`.
    bool approved = false;
    QString approvedBy; // empty: the OS user
};

// Runs a workspace's pipeline and records everything in the history: the run, its
// stages (state, attempts, exit codes, timings), events, artifacts and logs.
// Observers (CLI, panel) follow the signals; the controller never blocks on them.
class RunController final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RunController)

public:
    RunController(HistoryStore *store, SecretStore *secrets, QObject *parent = nullptr);
    ~RunController() override;

    // Loads and validates <workspaceDir>/deploydesk.yml, with secrets checked for the
    // stages that would run in `environment`.
    LoadResult load(const QString &workspaceDir, const QString &environment = {}) const;

    // Records a new run of a validated pipeline and starts it. Invalid requests (an
    // unknown stage or environment, a re-run of another workspace's run) are errors.
    Result<qint64> start(const Pipeline &pipeline, const RunRequest &request);
    void cancel(const QString &reason = {});
    // Answers approvalRequired(): records an "approved" or "refused" event (who, why)
    // and lets the deploy stages start, or cancels them.
    void approve(const QString &who, const QString &reason = {});
    void refuse(const QString &who, const QString &reason = {});
    bool isWaitingForApproval() const;
    // The stages that would wait for approval in a run of `request` (none when its
    // environment is not protected).
    static QStringList stagesNeedingApproval(const Pipeline &pipeline, const RunRequest &request);

    bool isRunning() const;
    qint64 runId() const { return m_run.id; }
    const RunRecord &run() const { return m_run; }
    QList<StageRecord> stageRecords() const;

signals:
    void stageChanged(const DeployDesk::StageRecord &stage);
    void finished(const DeployDesk::RunRecord &run);
    // The deploy stages of a protected environment are ready: call approve() or refuse().
    void approvalRequired(const QString &environment, const QStringList &stages);

private:
    void onStageStarted(const QString &name);
    void onStageAttempt(const QString &name, int attempt);
    void onStageFinished(const QString &name, StageStatus status, const QString &reason,
                         StageJob *job);
    void onRunFinished();
    void event(const QString &stage, const QString &kind, const QString &message,
               const QString &who = {});
    void save(StageRecord &stage);
    void keepArtifacts(const StageRecord &record, const Stage &stage);

    HistoryStore *m_store = nullptr;
    SecretStore *m_secrets = nullptr;
    QPointer<RunJob> m_job;
    RunRecord m_run;
    Pipeline m_pipeline;
    QMap<QString, StageRecord> m_stages;
    QStringList m_order;
    // The run's secret values: what is recorded (message, events, reasons) passes it.
    SecretMasker m_masker;
};

} // namespace DeployDesk
