#pragma once

#include "config/pipelineloader.h"
#include "engine/runjob.h"
#include "log/secretmasker.h"
#include "run/deploylock.h"
#include "run/rollbackjob.h"
#include "run/runrecorder.h"
#include "store/records.h"
#include "store/releaserecords.h"

#include <QObject>
#include <QPointer>

namespace DeployDesk {

class DeploymentReporter;
class HistoryStore;
class SecretStore;
class StageJob;

// An approval given before a run starts (a GitHub workflow's jobs deploying to an
// environment that deploydesk.yml protects): recorded as the run's "approved" event,
// masked like everything else the run records.
struct EnvironmentApproval
{
    QString environment;
    QString by;     // empty: the OS user
    QString reason; // empty: none given
};

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
    // With rerunOf: deploy that run's stored artifacts to `environment` without rebuilding:
    // every stage that succeeded there and deploys nothing is reused.
    bool promote = false;
    // The branch recorded (and used for branch previews) when the workspace is not a git
    // checkout; a checkout on another branch is an error.
    QString branch;
    // Stage name -> `with:` keys replacing the pipeline's for this run only
    // (deploydeskctl migrate --revision R sets the alembic stages' revision).
    QMap<QString, QVariantMap> withOverrides;
    // A GitHub Actions workflow's `concurrency:` (deploydeskctl workflow run): one run of
    // the group at a time across every process sharing the history, in FIFO order through
    // the deploy queue. As on GitHub, a new run cancels the group's runs still waiting, and
    // with cancelInProgress the one running too.
    QString concurrencyGroup;
    bool cancelInProgress = false;
    // Approvals for the environments of a workflow's jobs, given before the run.
    QList<EnvironmentApproval> approvals;
};

struct RollbackRequest
{
    QString environment;
    qint64 releaseId = 0;  // 0: the release before the live one
    QString message;       // why
    bool approved = false; // required for a protected environment
    QString approvedBy;
    // Required when the plan changes the database (RollbackPlan::schemaChange()): the
    // approval names both revisions, "FROM:TO", as the plan shows them.
    QString approvedSchemaChange;
};

// `deploydeskctl index switch` and the panel's Switch: the vector index of `environment`
// (the pipeline's `reembed` stage) made to serve another of its versions.
struct IndexSwitchRequest
{
    QString environment;
    int version = 0;       // the index version to make live
    QString message;       // why
    bool approved = false; // required for a protected environment
    QString approvedBy;
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
    // stages that would start in a run of `stages` (all when empty) in `environment`.
    LoadResult load(const QString &workspaceDir, const QString &environment = {},
                    const QStringList &stages = {}) const;

    // Records a new run of a validated pipeline and starts it. Invalid requests (an
    // unknown stage or environment, a re-run of another workspace's run) are errors.
    Result<qint64> start(const Pipeline &pipeline, const RunRequest &request);
    // Records a rollback run of `request.environment` to a release and starts it: one
    // stage per layer that changes, executed in order through each layer's target.
    Result<qint64> startRollback(const Pipeline &pipeline, const RollbackRequest &request);
    // Records an index-switch run and starts it: one stage, rollback-vector-index, that
    // switches the index (ReembedTarget::rollback) as a rollback would, then a release of
    // kind IndexSwitch whose vector-index layer is the version switched to (the other
    // layers carry over), so History and Environments show it like a rollback.
    Result<qint64> startIndexSwitch(const Pipeline &pipeline, const IndexSwitchRequest &request);
    // Where deploy targets of `pipeline` keep their state (release folders, services).
    static QString deployStateDir(const QString &dataDir, const Pipeline &pipeline);
    // The stages of `covered` that deploy (their type is a deploy target).
    static QStringList deployStages(const Pipeline &pipeline, const QStringList &covered);
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
    // What could not be recorded in the history during the current (or last) run, in
    // order; not empty means the run's record is incomplete and the run did not succeed.
    const QList<Error> &recordingFailures() const { return m_recorder.failures(); }

signals:
    void stageChanged(const DeployDesk::StageRecord &stage);
    // A running stage's progress (RunJob::stageProgress); not recorded, for live views.
    void stageProgress(const QString &stage, qint64 done, qint64 total, qint64 billed);
    void finished(const DeployDesk::RunRecord &run);
    // The deploy stages of a protected environment are ready: call approve() or refuse().
    void approvalRequired(const QString &environment, const QStringList &stages);
    // Another deploy or rollback holds the environment; this run waits its turn.
    void queued(const DeployDesk::QueueTicket &ahead);
    // Something could not be written to the history (a full disk, a read-only or failing
    // device, a lock held by another process too long); it is retried, and the run will
    // end failed. `error` says what and where.
    void recordingFailed(const DeployDesk::Error &error);

private:
    void onStageStarted(const QString &name);
    void onStageAttempt(const QString &name, int attempt);
    void onStageFinished(const QString &name, StageStatus status, const QString &reason,
                         StageJob *job);
    void onRunFinished();
    // Records what happened as data (store/eventtext.h makes the sentence when it is read);
    // every value is masked.
    void event(const QString &stage, EventKind kind, const EventParams &params = {},
               const QString &who = {});
    // An event whose only parameter is a text of its own (an error as it was reported).
    void event(const QString &stage, EventKind kind, const QString &detail)
    {
        event(stage, kind, EventParams{{QStringLiteral("detail"), detail}});
    }
    void save(StageRecord &stage);
    // The stage's record is incomplete (a state change, an event or log lines were not
    // written): it cannot end as a success. Saves it again when it already did.
    void markIncomplete(const QString &stage, bool resave = true);
    // Waits for the log writer and turns the lines it gave up on into failures.
    void takeLogLosses();
    void keepArtifacts(const StageRecord &record, const Stage &stage);
    // Fills plan.secrets (every declared or known secret with a value) and
    // plan.secretNames, and makes m_masker mask all of their values.
    void collectSecrets(const Pipeline &pipeline, RunPlan &plan);
    // runcontrollerdeploy.cpp
    // `queueKey` empty: the run's environment; else a concurrency group's key.
    void startWhenLocked(std::function<void()> begin, const QString &group = {});
    // Cancels the runs of a concurrency group that a new run replaces (see RunRequest).
    void supersede(const QString &group, bool cancelInProgress);
    void recordDeployments(const QString &stage, StageJob *job);
    bool startAutoRollback();
    void recordRelease(ReleaseKind kind, qint64 restores, const QList<DeploymentRecord> &changed,
                       bool complete);
    void finishRun(RunStatus status);
    void onRollbackFinished();
    // What startRollback and startIndexSwitch share once the plan is made and allowed.
    struct RollbackStart
    {
        QString message;      // the run's (masked when recorded)
        QString operation;    // "rollback" or "index-switch": the "started" event's sentence
        QString planText;     // the "rollback-plan" event
        EventParams approved; // the "approved" event's, without who approved
        ReleaseKind kind = ReleaseKind::Rollback;
        std::optional<SchemaChange> schemaChange; // approved (a rollback's database step)
    };
    Result<qint64> beginRollbackRun(const Pipeline &pipeline, const Environment &environment,
                                    const RollbackPlan &plan, const QString &approvedBy,
                                    bool approved, const RollbackStart &how);
    void startGitHubReport();
    void emitFinished();

    HistoryStore *m_store = nullptr;
    SecretStore *m_secrets = nullptr;
    QPointer<RunJob> m_job;
    RunRecord m_run;
    Pipeline m_pipeline;
    QMap<QString, StageRecord> m_stages;
    QStringList m_order;
    RunPlan m_plan;
    QPointer<DeployLock> m_lock;
    QPointer<RollbackJob> m_rollback;
    std::optional<ReleaseRecord> m_liveBefore;
    QList<DeploymentRecord> m_deployed;
    QString m_rollbackWantedBy; // the stage whose failure asks for a rollback
    ReleaseKind m_releaseKind = ReleaseKind::Deploy;
    qint64 m_restores = 0;
    bool m_isRollbackRun = false;
    QPointer<DeploymentReporter> m_github;
    bool m_active = false; // from start() until finished() (queued and rolling back included)
    // The run's secret values: what is recorded (message, events, reasons) passes it.
    SecretMasker m_masker;
    RunRecorder m_recorder{nullptr};
    QMap<QString, Error> m_incomplete; // stage name -> why its record is incomplete
};

} // namespace DeployDesk

// RunController::recordingFailed crosses threads (the panel runs on a thread of its own).
Q_DECLARE_METATYPE(DeployDesk::Error)
