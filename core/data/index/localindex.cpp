#include "data/index/localindex.h"

#include "common/async.h"
#include "data/index/localindexengine.h"

#include <functional>

namespace DeployDesk::Data {
namespace {

using Internal::LocalIndexEngine;

// What one step yields; the job keeps what its operation asked for.
struct StepResult
{
    qint64 count = 0;
    QList<IndexHit> hits;
    IndexState state;
    IndexVersionInfo info;
};
using Step = std::function<Result<StepResult>(LocalIndexEngine &)>;

// Runs steps one after the other on the engine's thread; progress after each (`sizes`: how
// much each one counts for). A cancel takes effect between steps.
class LocalIndexJob final : public IndexJob
{
public:
    LocalIndexJob(std::shared_ptr<LocalIndexEngine> engine, QList<Step> steps, QList<qint64> sizes,
                  QObject *parent)
        : IndexJob(parent)
        , m_engine(std::move(engine))
        , m_steps(std::move(steps))
        , m_sizes(std::move(sizes))
    {
        for (qint64 size : std::as_const(m_sizes))
            m_total += size;
    }
    ~LocalIndexJob() override { cancelPending(this); }

protected:
    void doStart() override { next(); }
    void doCancel() override
    {
        cancelPending(this);
        emitCancelled();
    }

private:
    void next()
    {
        if (isFinished())
            return;
        if (m_index >= m_steps.size()) {
            emitSuccess();
            return;
        }
        LocalIndexEngine *engine = m_engine.get(); // alive: this job holds it
        Step step = m_steps.at(m_index);
        runAsync(
            engine->thread(), this, [engine, step] { return step(*engine); },
            [this](Result<StepResult> result) {
                if (!result) {
                    emitFailure(result.error());
                    return;
                }
                m_count += result->count;
                if (!result->hits.isEmpty())
                    m_hits = std::move(result->hits);
                m_state = std::move(result->state);
                if (result->info.version != 0)
                    m_info = std::move(result->info);
                m_done += m_sizes.value(m_index);
                ++m_index;
                if (m_total > 0)
                    emit progress(m_done, m_total);
                next();
            });
    }

    std::shared_ptr<LocalIndexEngine> m_engine;
    QList<Step> m_steps;
    QList<qint64> m_sizes;
    qsizetype m_index = 0;
    qint64 m_done = 0;
    qint64 m_total = 0;
};

// A job that fails at once (bad arguments), in the same result path.
class FailedJob final : public IndexJob
{
public:
    FailedJob(Error error, QObject *parent)
        : IndexJob(parent)
        , m_failure(std::move(error))
    {}

protected:
    void doStart() override { emitFailure(m_failure); }
    void doCancel() override { emitCancelled(); }

private:
    Error m_failure;
};

template<typename F> Step step(F f)
{
    return Step(std::move(f));
}

} // namespace

LocalIndex::LocalIndex(const QString &folder, const QString &name)
    : m_engine(std::make_shared<LocalIndexEngine>(folder, name))
{}

LocalIndex::~LocalIndex() = default;

QString LocalIndex::name() const
{
    return m_engine->name();
}

QString LocalIndex::location() const
{
    return m_engine->folder();
}

QString LocalIndex::pathOf(int version) const
{
    return m_engine->pathOf(version);
}

IndexJob *LocalIndex::state(QObject *parent) const
{
    return new LocalIndexJob(m_engine, {step([](LocalIndexEngine &e) -> Result<StepResult> {
                                 auto state = e.state();
                                 if (!state)
                                     return std::unexpected(state.error());
                                 StepResult r;
                                 r.state = *state;
                                 return r;
                             })},
                             {0}, parent);
}

IndexJob *LocalIndex::info(int version, QObject *parent) const
{
    return new LocalIndexJob(m_engine, {step([version](LocalIndexEngine &e) -> Result<StepResult> {
                                 auto info = e.info(version, true);
                                 if (!info)
                                     return std::unexpected(info.error());
                                 StepResult r;
                                 r.info = *info;
                                 r.count = info->points;
                                 return r;
                             })},
                             {0}, parent);
}

IndexJob *LocalIndex::createVersion(int version, const IndexSpec &spec, QObject *parent) const
{
    if (auto ok = checkIndexName(name()); !ok)
        return new FailedJob(ok.error(), parent);
    return new LocalIndexJob(m_engine,
                             {step([version, spec](LocalIndexEngine &e) -> Result<StepResult> {
                                 auto info = e.create(version, spec);
                                 if (!info)
                                     return std::unexpected(info.error());
                                 StepResult r;
                                 r.info = *info;
                                 return r;
                             })},
                             {0}, parent);
}

IndexJob *LocalIndex::upsert(int version, QList<IndexPoint> points, QObject *parent) const
{
    // The whole list is checked against the version's dimension before the first write.
    QList<Step> steps{step([version, points](LocalIndexEngine &e) -> Result<StepResult> {
        auto info = e.info(version, false);
        if (!info)
            return std::unexpected(info.error());
        if (auto ok = checkPoints(points, info->dimension); !ok)
            return std::unexpected(ok.error());
        return StepResult{};
    })};
    QList<qint64> sizes{0};
    for (qsizetype first = 0; first < points.size(); first += kUpsertBatch) {
        const QList<IndexPoint> batch = points.mid(first, kUpsertBatch);
        sizes.append(batch.size());
        steps.append(step([version, batch](LocalIndexEngine &e) -> Result<StepResult> {
            auto n = e.upsert(version, batch);
            if (!n)
                return std::unexpected(n.error());
            StepResult r;
            r.count = *n;
            return r;
        }));
    }
    return new LocalIndexJob(m_engine, std::move(steps), std::move(sizes), parent);
}

IndexJob *LocalIndex::remove(int version, QStringList ids, QObject *parent) const
{
    QList<Step> steps;
    QList<qint64> sizes;
    if (ids.isEmpty()) {
        // Still checks that the version exists.
        steps.append(step([version](LocalIndexEngine &e) -> Result<StepResult> {
            auto info = e.info(version, false);
            if (!info)
                return std::unexpected(info.error());
            return StepResult{};
        }));
        sizes.append(0);
    }
    for (qsizetype first = 0; first < ids.size(); first += kUpsertBatch) {
        const QStringList batch = ids.mid(first, kUpsertBatch);
        sizes.append(batch.size());
        steps.append(step([version, batch](LocalIndexEngine &e) -> Result<StepResult> {
            auto n = e.remove(version, batch);
            if (!n)
                return std::unexpected(n.error());
            StepResult r;
            r.count = *n;
            return r;
        }));
    }
    return new LocalIndexJob(m_engine, std::move(steps), std::move(sizes), parent);
}

IndexJob *LocalIndex::count(int version, QObject *parent) const
{
    return new LocalIndexJob(m_engine, {step([version](LocalIndexEngine &e) -> Result<StepResult> {
                                 auto n = e.count(version);
                                 if (!n)
                                     return std::unexpected(n.error());
                                 StepResult r;
                                 r.count = *n;
                                 return r;
                             })},
                             {0}, parent);
}

IndexJob *LocalIndex::query(std::optional<int> version, QList<float> vector, int limit,
                            QObject *parent) const
{
    return new LocalIndexJob(
        m_engine, {step([version, vector, limit](LocalIndexEngine &e) -> Result<StepResult> {
            auto hits = e.query(version, vector, limit);
            if (!hits)
                return std::unexpected(hits.error());
            StepResult r;
            r.hits = *hits;
            r.count = hits->size();
            return r;
        })},
        {0}, parent);
}

IndexJob *LocalIndex::activate(int version, QObject *parent) const
{
    return new LocalIndexJob(m_engine, {step([version](LocalIndexEngine &e) -> Result<StepResult> {
                                 if (auto ok = e.activate(version); !ok)
                                     return std::unexpected(ok.error());
                                 auto state = e.state();
                                 if (!state)
                                     return std::unexpected(state.error());
                                 StepResult r;
                                 r.state = *state;
                                 return r;
                             })},
                             {0}, parent);
}

IndexJob *LocalIndex::dropVersion(int version, QObject *parent) const
{
    return new LocalIndexJob(m_engine, {step([version](LocalIndexEngine &e) -> Result<StepResult> {
                                 if (auto ok = e.drop(version); !ok)
                                     return std::unexpected(ok.error());
                                 auto state = e.state();
                                 if (!state)
                                     return std::unexpected(state.error());
                                 StepResult r;
                                 r.state = *state;
                                 return r;
                             })},
                             {0}, parent);
}

} // namespace DeployDesk::Data
