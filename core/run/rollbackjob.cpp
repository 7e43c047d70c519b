#include "run/rollbackjob.h"
#include "common/translate.h"

#include "deploy/deploytarget.h"
#include "engine/stagejob.h"
#include "store/historystore.h"

#include <QCoreApplication>

namespace DeployDesk {

namespace {
QString layerList(const QList<Layer> &layers)
{
    QStringList names;
    for (Layer l : layers)
        names << toString(l);
    return names.isEmpty() ? tr("none") : names.join(QStringLiteral(", "));
}
} // namespace

QString RollbackPlan::describe() const
{
    QStringList lines;
    lines << tr("Roll %1 back to release %2 (run %3, %4%5):")
                 .arg(environment)
                 .arg(target.id)
                 .arg(target.runId)
                 .arg(target.commit.isEmpty() ? tr("no commit") : target.commit.left(12))
                 .arg(target.branch.isEmpty() ? QString() : QStringLiteral(" on ") + target.branch);
    for (const RollbackStep &s : steps) {
        const QString fromText = s.from ? s.from->deployment.version : tr("nothing");
        if (s.changes && s.layer == Layer::Database)
            lines << tr("  %1: revision %2 → revision %3 by %4; needs an approval naming both "
                        "revisions (%5)")
                         .arg(toString(s.layer), fromText, s.to->deployment.version, s.mechanism,
                              schemaChange()->key());
        else if (s.changes)
            lines << tr("  %1: %2 → %3 by %4")
                         .arg(toString(s.layer), fromText, s.to->deployment.version, s.mechanism);
        else
            lines << tr("  %1: unchanged (%2)").arg(toString(s.layer), s.note);
    }
    return lines.join(u'\n');
}

std::optional<SchemaChange> RollbackPlan::schemaChange() const
{
    for (const RollbackStep &s : steps) {
        if (s.layer == Layer::Database && s.changes && s.to)
            return SchemaChange{s.from ? s.from->deployment.version : QStringLiteral("unknown"),
                                s.to->deployment.version};
    }
    return std::nullopt;
}

void RollbackPlan::holdSchemaChange(const QString &why)
{
    for (RollbackStep &s : steps) {
        if (s.layer == Layer::Database && s.changes) {
            s.changes = false;
            s.note = why;
        }
    }
}

Result<RollbackPlan> planRollback(const HistoryStore &store, const QString &workspace,
                                  const QString &environment, qint64 releaseId)
{
    auto releases = store.releases(workspace, environment, 1'000'000);
    if (!releases)
        return std::unexpected(releases.error());
    if (releases->isEmpty())
        return makeError(
            ErrorCode::NotFound,
            tr("environment %1 has no releases yet: nothing to roll back to").arg(environment));
    RollbackPlan plan;
    plan.workspace = workspace;
    plan.environment = environment;
    plan.live = releases->first();
    if (releaseId == 0) {
        if (releases->size() < 2)
            return makeError(ErrorCode::NotFound,
                             tr("environment %1 has only its live release %2: there is no earlier "
                                "release to roll back to")
                                 .arg(environment)
                                 .arg(plan.live->id));
        plan.target = releases->at(1);
    } else {
        auto found =
            std::find_if(releases->cbegin(), releases->cend(),
                         [releaseId](const ReleaseRecord &r) { return r.id == releaseId; });
        if (found == releases->cend()) {
            auto other = store.release(releaseId);
            if (other)
                return makeError(ErrorCode::Invalid,
                                 tr("release %1 belongs to environment %2, not %3")
                                     .arg(releaseId)
                                     .arg(other->environment, environment));
            return std::unexpected(other.error());
        }
        plan.target = *found;
    }
    for (int i = 0; i <= int(Layer::VectorIndex); ++i) {
        const Layer layer = Layer(i);
        RollbackStep step;
        step.layer = layer;
        if (const ReleaseLayer *l = plan.live->layer(layer))
            step.from = l->deployment;
        if (const ReleaseLayer *l = plan.target.layer(layer))
            step.to = l->deployment;
        if (!step.from && !step.to)
            continue;
        if (!step.to) {
            step.note = tr("release %1 has no %2 layer").arg(plan.target.id).arg(toString(layer));
        } else if (step.from && step.from->deployment.target == step.to->deployment.target &&
                   step.from->deployment.version == step.to->deployment.version) {
            step.note = tr("already %1").arg(step.to->deployment.version);
        } else if (auto target = TargetRegistry::instance().create(step.to->deployment.target)) {
            step.changes = true;
            step.mechanism = target->rollbackMechanism();
        } else {
            step.note = tr("%1 layers cannot be rolled back by this version of DeployDesk")
                            .arg(step.to->deployment.target);
        }
        plan.steps.append(step);
    }
    return plan;
}

RollbackJob::RollbackJob(RollbackPlan plan, RunPlan runPlan, LineSink sink, QObject *parent)
    : Job(parent)
    , m_plan(std::move(plan))
    , m_runPlan(std::move(runPlan))
    , m_sink(std::move(sink))
{}

RollbackJob::~RollbackJob() = default;

void RollbackJob::doStart()
{
    next();
}

void RollbackJob::doCancel()
{
    if (m_current)
        m_current->cancel(); // its result ends this job as Cancelled
    else
        emitCancelled();
}

void RollbackJob::next()
{
    while (++m_index < m_plan.steps.size() && !m_plan.steps.at(m_index).changes) {
    }
    if (m_index >= m_plan.steps.size()) {
        emitSuccess();
        return;
    }
    const RollbackStep &step = m_plan.steps.at(m_index);
    const DeploymentRecord &to = *step.to;
    std::unique_ptr<DeployTarget> target = TargetRegistry::instance().create(to.deployment.target);
    // The stage that deployed it gives the target its options; fall back to none when
    // the pipeline no longer has it (the target then relies on the recorded details).
    Stage stage;
    stage.name = to.stage.isEmpty() ? QStringLiteral("rollback-") + toString(step.layer) : to.stage;
    if (const Stage *s = m_runPlan.pipeline.stage(to.stage))
        stage = *s;
    StageContext context = RunJob::contextFor(m_runPlan, stage);
    TargetRequest request{StageJob::expandParameters(stage.with, context.env), context};
    emit stepStarted(step.layer);
    const Layer layer = step.layer;
    m_sink(layer, tr("rolling %1 back to %2 by %3")
                      .arg(toString(layer), to.deployment.version, step.mechanism));
    TargetJob *job = target->rollback(request, to.deployment, this);
    m_current = job;
    connect(job, &Job::logLine, this, [this, layer](const QString &line) { m_sink(layer, line); });
    connect(job, &Job::result, this, [this, job, layer, t = std::shared_ptr(std::move(target))] {
        job->deleteLater();
        m_current = nullptr;
        if (job->outcome() == Outcome::Success) {
            m_changed.append(layer);
            emit stepFinished(layer, true, {});
            next();
            return;
        }
        QList<Layer> notChanged;
        for (int i = m_index; i < m_plan.steps.size(); ++i)
            if (m_plan.steps.at(i).changes)
                notChanged.append(m_plan.steps.at(i).layer);
        if (job->outcome() == Outcome::Cancelled) {
            emit stepFinished(layer, false, tr("cancelled"));
            m_sink(layer, tr("cancelled; rolled back: %1; not rolled back: %2")
                              .arg(layerList(m_changed), layerList(notChanged)));
            emitCancelled();
            return;
        }
        emit stepFinished(layer, false, job->error().toString());
        Error error = job->error();
        error.message = tr("rolling %1 back failed: %2. Rolled back: %3; not rolled back: %4")
                            .arg(toString(layer), job->error().message, layerList(m_changed),
                                 layerList(notChanged));
        m_sink(layer, error.message);
        emitFailure(error);
    });
    job->start();
}

} // namespace DeployDesk
