#include "environmentsreader.h"

#include "run/builtinstages.h"
#include "store/historystore.h"
#include "ui/history/historyreader.h"

#include <QSet>

namespace DeployDesk::Ui {

namespace {
QString notOpen()
{
    return EnvironmentsReader::tr("the history is not open");
}
} // namespace

EnvironmentsReader::EnvironmentsReader(const QString &dataDir, QObject *parent)
    : QObject(parent)
{
    setDataDir(dataDir);
}

EnvironmentsReader::~EnvironmentsReader() = default;

void EnvironmentsReader::setDataDir(const QString &dataDir)
{
    m_reader.reset();
    if (!dataDir.isEmpty())
        m_reader = std::make_unique<Internal::HistoryReader>(dataDir);
}

template<typename R>
void EnvironmentsReader::read(QObject *context, std::function<R(HistoryStore *)> work,
                              std::function<void(const R &)> done)
{
    if (!m_reader) {
        // No history: answer on the next turn, as a real read would.
        QMetaObject::invokeMethod(
            context, [work, done] { done(work(nullptr)); }, Qt::QueuedConnection);
        return;
    }
    m_reader->read(context, std::move(work), [done](R result) { done(result); });
}

void EnvironmentsReader::readAll(QObject *context, const QString &workspace,
                                 const QStringList &environments, const QHash<QString, int> &limits,
                                 std::function<void(const EnvironmentsSnapshot &)> done)
{
    read<EnvironmentsSnapshot>(
        context,
        [workspace, environments, limits](HistoryStore *store) {
            EnvironmentsSnapshot s;
            if (!store) {
                s.error = notOpen();
                return s;
            }
            const auto failed = [&s](const Error &e) {
                if (s.error.isEmpty())
                    s.error = e.toString();
            };
            for (const QString &env : environments) {
                const int limit = limits.value(env, kPageSize);
                // One more than shown tells whether there are more.
                auto list = store->releases(workspace, env, limit + 1);
                if (!list) {
                    failed(list.error());
                    continue;
                }
                s.more.insert(env, list->size() > limit);
                if (list->size() > limit)
                    list->removeLast();
                s.releases.insert(env, *list);
            }
            if (auto q = store->queue(workspace))
                s.queue = *q;
            else
                failed(q.error());
            auto previews = store->previewDeployments(workspace);
            if (!previews) {
                failed(previews.error());
                return s;
            }
            QSet<QString> seen;
            QHash<qint64, RunRecord> runs;
            for (const DeploymentRecord &d : std::as_const(*previews)) {
                if (!runs.contains(d.runId))
                    runs.insert(d.runId, store->run(d.runId).value_or(RunRecord{}));
                const RunRecord &run = runs[d.runId];
                PreviewEntry p;
                p.deployment = d;
                p.branch = d.deployment.details.value(QStringLiteral("branch")).toString();
                if (p.branch.isEmpty())
                    p.branch = run.branch;
                p.commit = run.commit;
                const QString key = p.branch + u'\n' + toString(d.deployment.layer);
                if (seen.contains(key))
                    continue; // an older preview of the same branch and layer
                seen.insert(key);
                s.previews.append(p);
            }
            return s;
        },
        std::move(done));
}

void EnvironmentsReader::readQueue(QObject *context, const QString &workspace,
                                   std::function<void(const Result<QList<QueueTicket>> &)> done)
{
    read<Result<QList<QueueTicket>>>(
        context,
        [workspace](HistoryStore *store) -> Result<QList<QueueTicket>> {
            if (!store)
                return makeError(ErrorCode::Unavailable, notOpen());
            return store->queue(workspace);
        },
        std::move(done));
}

void EnvironmentsReader::planRollback(QObject *context, const QString &workspace,
                                      const QString &environment, qint64 releaseId,
                                      std::function<void(const Result<RollbackPlan> &)> done)
{
    read<Result<RollbackPlan>>(
        context,
        [workspace, environment, releaseId](HistoryStore *store) -> Result<RollbackPlan> {
            if (!store)
                return makeError(ErrorCode::Unavailable, notOpen());
            // The plan names each layer's mechanism: the targets must be known.
            registerBuiltinStageTypes();
            return DeployDesk::planRollback(*store, workspace, environment, releaseId);
        },
        std::move(done));
}

} // namespace DeployDesk::Ui
