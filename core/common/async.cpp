#include "common/async.h"

namespace DeployDesk {

Q_GLOBAL_STATIC(QThreadPool, s_workPool)

QThreadPool *workPool()
{
    return s_workPool();
}

void cancelPending(QObject *context)
{
    Q_ASSERT(context && QThread::currentThread() == context->thread());
    const auto watchers = context->findChildren<QFutureWatcherBase *>(Qt::FindDirectChildrenOnly);
    for (QFutureWatcherBase *watcher : watchers)
        watcher->cancel();
}

} // namespace DeployDesk
