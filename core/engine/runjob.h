#pragma once

#include "config/pipeline.h"
#include "engine/job.h"
#include "engine/stagejob.h"

#include <QHash>
#include <QPointer>

#include <functional>
#include <vector>

namespace DeployDesk {

// What one run is to do.
struct RunPlan
{
    Pipeline pipeline;
    QString environment;            // may be empty
    QStringList selection;          // stages asked for (and all they need); empty: all
    QStringList reused;             // stages already successful in the run being re-run
    int maxParallel = 0;            // 0: the pipeline's, else the number of CPUs
    qint64 runId = 0;               // exported as DEPLOYDESK_RUN_ID
    QMap<QString, QString> secrets; // name -> value, injected where a stage asks for it
    bool approved = false;          // the protected environment's deploy was approved up front
    // For built-in stages (StageContext): who and what is deployed, where targets keep
    // their state, and what was live in the environment before this run.
    QString commit;
    QString branch;
    QString triggeredBy;
    QString stateDir;
    QString dataDir; // stage caches live under it; empty: no stage keeps a cache
    QList<Deployment> liveBefore;
    // Secret names known beyond the pipeline (the secret store's). These, the keys of
    // `secrets` and every name a stage declares are removed from the environment a
    // stage inherits from DeployDesk, unless the stage declares them.
    QStringList secretNames;
};

// Runs the stages of a plan as a DAG: a stage starts when everything it needs has
// succeeded (or failed with continue-on-error), at most maxParallel at a time, in file
// order among the ready ones. A failed stage skips its dependents; a stage whose `if:`
// does not match is skipped, and so are its dependents. cancel() cancels the running
// stages and marks the waiting ones cancelled. Every stage ends with exactly one
// stageFinished(); the run ends with exactly one result().
//
// In a protected environment the deploy stages (see gatedStages()) wait for approval:
// when the first of them is ready, approvalRequired() is emitted once and they stay
// pending until approve() (they then start) or refuse() (they are cancelled and the run
// ends cancelled). Every other stage goes on meanwhile.
class RunJob final : public Job
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RunJob)

public:
    using SinkFactory = std::function<LogPipeline::Sink(const QString &stage)>;

    RunJob(RunPlan plan, SinkFactory sinks, QObject *parent = nullptr);
    ~RunJob() override;

    const RunPlan &plan() const { return m_plan; }
    int maxParallel() const { return m_maxParallel; }
    // The stages this run covers, in file order.
    QStringList stages() const { return m_order; }
    // The stages a run of `selection` covers: those asked for and all they need, in
    // file order (every stage when the selection is empty).
    static QStringList coveredStages(const Pipeline &pipeline, const QStringList &selection);
    // The stages of `covered` that need approval before they start when the run is in
    // `environment`: none unless it is protected; else those whose `if:` names it
    // (`== NAME` or `in [..., NAME]`), the deploy stages; when no stage names it, all
    // of them (the whole run deploys there).
    static QStringList gatedStages(const Pipeline &pipeline, const QString &environment,
                                   const QStringList &covered);
    // What a built-in stage of `plan` gets: its context, environment included.
    static StageContext contextFor(const RunPlan &plan, const Stage &stage);
    QStringList gatedStages() const { return m_gated; }
    bool isWaitingForApproval() const { return m_approval == Approval::Asked; }
    void approve();
    void refuse(const QString &reason);
    StageStatus stageStatus(const QString &stage) const
    {
        const int i = m_index.value(stage, -1);
        return i >= 0 ? m_states[size_t(i)].status : StageStatus::Pending;
    }
    // After result(): success, failed or cancelled.
    RunStatus runStatus() const { return m_runStatus; }
    int runningCount() const { return m_running; }

signals:
    void stageStarted(const QString &stage);
    // The deploy stages are ready and wait for approve() or refuse().
    void approvalRequired(const QStringList &stages);
    void stageAttempt(const QString &stage, int attempt);
    // A stage's Job::progress (a re-embed's chunks and billed tokens).
    void stageProgress(const QString &stage, qint64 done, qint64 total, qint64 billed);
    // `job` is null for stages that never ran (skipped, cancelled while waiting, reused).
    void stageFinished(const QString &stage, DeployDesk::StageStatus status, const QString &reason,
                       DeployDesk::StageJob *job);

protected:
    void doStart() override;
    void doCancel() override;

private:
    struct StageState
    {
        StageStatus status = StageStatus::Pending;
        bool satisfied = false; // dependents may go on
        QPointer<StageJob> job;
    };

    void schedule();
    void startStage(int i);
    void settle(int i, StageStatus status, const QString &reason, StageJob *job, bool satisfied);
    void finishIfDone();
    static QProcessEnvironment environmentFor(const RunPlan &plan, const Stage &stage);
    SecretMasker makeMasker() const;

    RunPlan m_plan;
    SinkFactory m_sinks;
    // The run's stages by their place in m_order: the scheduler walks them by index, so a
    // pass over 500 stages hashes no names (it did, for each stage and each need, after
    // every stage's end: a quarter of a 500-stage run's CPU).
    QStringList m_order;
    QHash<QString, int> m_index;             // name -> place in m_order
    std::vector<const Stage *> m_stageAt;    // into m_plan, which never changes
    std::vector<std::vector<int>> m_needsAt; // the needs inside this run (others count as met)
    std::vector<char> m_reusedAt;
    std::vector<char> m_gatedAt;
    std::vector<StageState> m_states;
    int m_firstOpen = 0; // every stage before it is final
    int m_maxParallel = 1;
    int m_running = 0;
    bool m_anyFailed = false;
    bool m_anyCancelled = false;
    RunStatus m_runStatus = RunStatus::Running;
    enum class Approval { NotNeeded, NotAsked, Asked, Approved, Refused };
    Approval m_approval = Approval::NotNeeded;
    QStringList m_gated;
    QString m_refusal;
};

} // namespace DeployDesk
