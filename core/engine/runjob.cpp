#include "engine/runjob.h"

#include "common/logging.h"

#include <QCoreApplication>
#include <QDir>
#include <QSet>
#include <QThread>

namespace DeployDesk {

RunJob::RunJob(RunPlan plan, SinkFactory sinks, QObject *parent)
    : Job(parent)
    , m_plan(std::move(plan))
    , m_sinks(std::move(sinks))
{
    m_order = coveredStages(m_plan.pipeline, m_plan.selection);
    QHash<QString, const Stage *> byName;
    for (const Stage &s : std::as_const(m_plan.pipeline.stages))
        byName.insert(s.name, &s);
    const size_t n = size_t(m_order.size());
    m_states.resize(n);
    m_stageAt.reserve(n);
    m_needsAt.resize(n);
    for (int i = 0; i < int(n); ++i) {
        m_index.insert(m_order[i], i);
        m_stageAt.push_back(byName.value(m_order[i]));
    }
    for (size_t i = 0; i < n; ++i) {
        for (const QString &need : m_stageAt[i]->needs) {
            if (const int at = m_index.value(need, -1); at >= 0)
                m_needsAt[i].push_back(at);
        }
    }
    m_reusedAt.assign(n, 0);
    for (const QString &name : std::as_const(m_plan.reused)) {
        if (const int at = m_index.value(name, -1); at >= 0)
            m_reusedAt[size_t(at)] = 1;
    }
    int limit = m_plan.maxParallel > 0 ? m_plan.maxParallel : m_plan.pipeline.maxParallel;
    if (limit <= 0)
        limit = std::max(1, QThread::idealThreadCount());
    m_maxParallel = limit;
    m_gated = gatedStages(m_plan.pipeline, m_plan.environment, m_order);
    for (const QString &name : std::as_const(m_plan.reused))
        m_gated.removeAll(name);
    m_gatedAt.assign(n, 0);
    for (const QString &name : std::as_const(m_gated)) {
        if (const int at = m_index.value(name, -1); at >= 0)
            m_gatedAt[size_t(at)] = 1;
    }
    if (!m_gated.isEmpty())
        m_approval = m_plan.approved ? Approval::Approved : Approval::NotAsked;
}

RunJob::~RunJob() = default;

QStringList RunJob::coveredStages(const Pipeline &pipeline, const QStringList &selection)
{
    return pipeline.coveredStages(selection);
}

QStringList RunJob::gatedStages(const Pipeline &pipeline, const QString &environment,
                                const QStringList &covered)
{
    const Environment *env = pipeline.environment(environment);
    if (!env || !env->isProtected)
        return {};
    const QHash<QString, const Stage *> byName = pipeline.stagesByName();
    QStringList named;
    for (const QString &name : covered) {
        const Stage *s = byName.value(name);
        if (!s)
            continue;
        const StageCondition &c = s->condition;
        if ((c.op == StageCondition::Op::Equals || c.op == StageCondition::Op::In) &&
            c.values.contains(environment))
            named << name;
    }
    return named.isEmpty() ? covered : named;
}

void RunJob::approve()
{
    if (m_approval != Approval::NotAsked && m_approval != Approval::Asked)
        return;
    m_approval = Approval::Approved;
    schedule();
}

void RunJob::refuse(const QString &reason)
{
    if (m_approval != Approval::NotAsked && m_approval != Approval::Asked)
        return;
    m_approval = Approval::Refused;
    m_refusal = reason;
    schedule();
}

void RunJob::doStart()
{
    schedule();
}

void RunJob::schedule()
{
    if (isFinished())
        return;
    bool progress = true;
    while (progress) {
        progress = false;
        for (int i = m_firstOpen; i < int(m_states.size()); ++i) {
            const StageState &st = m_states[size_t(i)];
            if (st.status != StageStatus::Pending)
                continue;
            const Stage &stage = *m_stageAt[size_t(i)];
            // Needs outside this run's selection are treated as satisfied: the user
            // asked for this stage explicitly.
            bool ready = true;
            int blocker = -1;
            for (int need : m_needsAt[size_t(i)]) {
                const StageState &it = m_states[size_t(need)];
                if (!isFinal(it.status)) {
                    ready = false;
                } else if (!it.satisfied && !stage.runsAfterFailedNeeds) {
                    blocker = need;
                    break;
                }
            }
            if (blocker >= 0) {
                settle(i, StageStatus::Skipped,
                       tr("needs \"%1\", which did not succeed").arg(m_order[blocker]), nullptr,
                       false);
                progress = true;
                continue;
            }
            if (!ready)
                continue;
            // A stage reused from an earlier run is done once what it needs is: a stage it
            // needs may run again in this run (its inputs changed) and fail, and then what
            // comes after must not go on as if it had not.
            if (m_reusedAt[size_t(i)]) {
                settle(i, StageStatus::Success, tr("reused from the earlier run"), nullptr, true);
                progress = true;
                continue;
            }
            if (!stage.skipReason.isEmpty()) {
                settle(i, StageStatus::Skipped, stage.skipReason, nullptr, false);
                progress = true;
                continue;
            }
            if (!stage.condition.matches(m_plan.environment)) {
                settle(i, StageStatus::Skipped,
                       m_plan.environment.isEmpty()
                           ? tr("condition \"%1\" is false in a run without an environment "
                                "(--env)")
                                 .arg(stage.condition.text)
                           : tr("condition \"%1\" is false for environment \"%2\"")
                                 .arg(stage.condition.text, m_plan.environment),
                       nullptr, false);
                progress = true;
                continue;
            }
            if (m_gatedAt[size_t(i)] && m_approval != Approval::Approved) {
                if (m_approval == Approval::Refused) {
                    settle(i, StageStatus::Cancelled, m_refusal, nullptr, false);
                    progress = true;
                } else if (m_approval == Approval::NotAsked) {
                    m_approval = Approval::Asked;
                    emit approvalRequired(m_gated);
                    if (isFinished() || m_approval != Approval::Asked)
                        return; // a direct connection decided already (and rescheduled)
                }
                continue;
            }
            if (m_running >= m_maxParallel)
                continue;
            startStage(i);
            progress = true;
        }
    }
    finishIfDone();
}

QProcessEnvironment RunJob::environmentFor(const RunPlan &plan, const Stage &stage)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    // A stage gets only the secrets it declares: DeployDesk's own environment may hold
    // others (it is where secrets come from without a keychain).
    const auto hide = [&](const QString &name) {
        if (!stage.secrets.contains(name))
            env.remove(name);
    };
    for (const QString &name : plan.secretNames)
        hide(name);
    for (auto it = plan.secrets.cbegin(); it != plan.secrets.cend(); ++it)
        hide(it.key());
    for (const Stage &s : plan.pipeline.stages) {
        for (const QString &name : s.secrets)
            hide(name);
    }
    for (auto it = plan.pipeline.env.cbegin(); it != plan.pipeline.env.cend(); ++it)
        env.insert(it.key(), it.value());
    QString url;
    if (const Environment *e = plan.pipeline.environment(plan.environment)) {
        for (auto it = e->variables.cbegin(); it != e->variables.cend(); ++it)
            env.insert(it.key(), it.value());
        url = e->url;
    }
    for (auto it = stage.env.cbegin(); it != stage.env.cend(); ++it)
        env.insert(it.key(), it.value());
    for (const QString &secret : stage.secrets) {
        if (plan.secrets.contains(secret))
            env.insert(secret, plan.secrets.value(secret));
    }
    env.insert(QStringLiteral("DEPLOYDESK"), QStringLiteral("1"));
    env.insert(QStringLiteral("DEPLOYDESK_RUN_ID"), QString::number(plan.runId));
    env.insert(QStringLiteral("DEPLOYDESK_STAGE"), stage.name);
    env.insert(QStringLiteral("DEPLOYDESK_ENVIRONMENT"), plan.environment);
    env.insert(QStringLiteral("DEPLOYDESK_ENVIRONMENT_URL"), url);
    env.insert(QStringLiteral("DEPLOYDESK_WORKSPACE"), plan.pipeline.workspaceDir);
    // Where DeployDesk keeps this workspace's deploy state (a place for local databases).
    if (!plan.stateDir.isEmpty())
        env.insert(QStringLiteral("DEPLOYDESK_STATE_DIR"), plan.stateDir);
    return env;
}

SecretMasker RunJob::makeMasker() const
{
    // Every secret value of the run is masked in every stage's log, not only in the
    // stages that asked for it: a value can leak through files or other tools.
    SecretMasker masker;
    for (const QString &value : m_plan.secrets)
        masker.addSecret(value.toUtf8());
    return masker;
}

StageContext RunJob::contextFor(const RunPlan &plan, const Stage &stage)
{
    StageContext context;
    context.workspaceDir = plan.pipeline.workspaceDir;
    context.workdir = QDir(plan.pipeline.workspaceDir).filePath(stage.workdir);
    context.environment = plan.environment;
    if (const Environment *e = plan.pipeline.environment(plan.environment))
        context.environmentUrl = e->url;
    context.stageName = stage.name;
    context.runId = plan.runId;
    context.commit = plan.commit;
    context.branch = plan.branch;
    context.triggeredBy = plan.triggeredBy;
    context.stateDir = plan.stateDir;
    context.dataDir = plan.dataDir;
    context.liveBefore = plan.liveBefore;
    context.env = environmentFor(plan, stage);
    for (const QString &value : plan.secrets)
        context.secretValues.append(value);
    return context;
}

void RunJob::startStage(int i)
{
    const QString name = m_order[i];
    const Stage &stage = *m_stageAt[size_t(i)];
    const StageContext context = contextFor(m_plan, stage);

    auto *job = new StageJob(stage, context, makeMasker(), m_sinks(name), this);
    StageState &st = m_states[size_t(i)];
    st.status = StageStatus::Running;
    st.job = job;
    ++m_running;
    connect(job, &StageJob::attemptStarted, this,
            [this, name](int attempt) { emit stageAttempt(name, attempt); });
    connect(job, &Job::progress, this, [this, name](qint64 done, qint64 total, qint64 billed) {
        emit stageProgress(name, done, total, billed);
    });
    connect(job, &Job::result, this, [this, i, job] {
        --m_running;
        const StageStatus status = job->status();
        const bool satisfied = status == StageStatus::Success ||
                               (status == StageStatus::Failed && job->stage().continueOnError);
        if (status == StageStatus::Failed && !job->stage().continueOnError)
            m_anyFailed = true;
        // A stage that ended itself as cancelled (a GitHub job replaced in its concurrency
        // group) makes the run cancelled, as on GitHub; never a success.
        if (status == StageStatus::Cancelled && !isCancelRequested())
            m_anyCancelled = true;
        settle(i, status, job->reason(), job, satisfied);
        job->deleteLater();
        schedule();
    });
    emit stageStarted(name);
    job->start();
}

void RunJob::settle(int i, StageStatus status, const QString &reason, StageJob *job, bool satisfied)
{
    StageState &st = m_states[size_t(i)];
    st.status = status;
    st.satisfied = satisfied;
    while (m_firstOpen < int(m_states.size()) && isFinal(m_states[size_t(m_firstOpen)].status))
        ++m_firstOpen;
    emit stageFinished(m_order[i], status, reason, job);
}

void RunJob::doCancel()
{
    for (int i = 0; i < int(m_states.size()); ++i) {
        if (m_states[size_t(i)].status == StageStatus::Pending)
            settle(i, StageStatus::Cancelled, tr("cancelled before it started"), nullptr, false);
    }
    for (StageState &st : m_states) {
        if (st.status == StageStatus::Running && st.job)
            st.job->cancel();
    }
    finishIfDone();
}

void RunJob::finishIfDone()
{
    if (isFinished() || m_running > 0)
        return;
    for (int i = m_firstOpen; i < int(m_states.size()); ++i) {
        if (!isFinal(m_states[size_t(i)].status))
            return;
    }
    if (isCancelRequested() || m_approval == Approval::Refused || m_anyCancelled) {
        m_runStatus = RunStatus::Cancelled;
        emitCancelled();
    } else if (m_anyFailed) {
        m_runStatus = RunStatus::Failed;
        emitFailure(Error{ErrorCode::Process, tr("one or more stages failed"), {}, std::nullopt});
    } else {
        m_runStatus = RunStatus::Success;
        emitSuccess();
    }
}

} // namespace DeployDesk
