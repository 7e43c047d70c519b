#pragma once

#include "config/pipeline.h"
#include "engine/job.h"
#include "engine/runjob.h"
#include "store/releaserecords.h"

#include <functional>
#include <optional>

namespace DeployDesk {

class HistoryStore;

// One layer of a rollback plan: what is live, what will be, and how it changes.
struct RollbackStep
{
    Layer layer = Layer::Site;
    std::optional<DeploymentRecord> from; // live now (none: the layer was never deployed)
    std::optional<DeploymentRecord> to;   // to make live (none: the release has no such layer)
    QString mechanism;                    // "symlink switch", "service swap", ...
    bool changes = false;
    QString note; // why it does not change, for the plan
};

// A rollback's database step: the schema goes from one Alembic revision to another.
// It can drop what later migrations added, so it runs only after an approval that names
// both revisions ("FROM:TO", see key()).
struct SchemaChange
{
    QString from; // the live revision ("unknown" when the live release has no database)
    QString to;   // the release's recorded revision
    QString key() const { return from + u':' + to; }
};

struct RollbackPlan
{
    QString workspace;
    QString environment;
    std::optional<ReleaseRecord> live;
    ReleaseRecord target;
    QList<RollbackStep> steps; // every layer that either release has, in Layer order
    bool changesAnything() const
    {
        return std::any_of(steps.cbegin(), steps.cend(),
                           [](const RollbackStep &s) { return s.changes; });
    }
    QString describe() const; // the plan as lines a person reads (CLI, dialog)
    // The database step, when it changes (it needs an approval naming both revisions).
    std::optional<SchemaChange> schemaChange() const;
    // Leaves the database as it is (an automatic rollback has nobody to approve it);
    // `why` goes into the plan.
    void holdSchemaChange(const QString &why);
};

// Builds the plan for rolling `environment` back to release `releaseId` (0: the release
// before the live one). Errors: no such release, a release of another environment, no
// earlier release.
Result<RollbackPlan> planRollback(const HistoryStore &store, const QString &workspace,
                                  const QString &environment, qint64 releaseId);

// Runs a plan's changing steps one layer at a time through each layer's deploy target.
// A failing layer stops the rollback; the error says which layers changed and which did
// not. Each step's lines go to the sink of that layer.
class RollbackJob final : public Job
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RollbackJob)

public:
    using LineSink = std::function<void(Layer, const QString &line)>;

    // `runPlan` gives each step its stage's context (environment, secrets, state dir).
    RollbackJob(RollbackPlan plan, RunPlan runPlan, LineSink sink, QObject *parent = nullptr);
    ~RollbackJob() override;

    const RollbackPlan &plan() const { return m_plan; }
    // After result(): the layers that now run the target's version.
    QList<Layer> changedLayers() const { return m_changed; }

signals:
    void stepStarted(DeployDesk::Layer layer);
    void stepFinished(DeployDesk::Layer layer, bool success, const QString &reason);

protected:
    void doStart() override;
    void doCancel() override;

private:
    void next();

    RollbackPlan m_plan;
    RunPlan m_runPlan;
    LineSink m_sink;
    int m_index = -1;
    QList<Layer> m_changed;
    QPointer<Job> m_current;
};

} // namespace DeployDesk
