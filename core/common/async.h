#pragma once

// The one way to run work off the GUI thread and get its result back, modelled on Qt
// Creator's onResultReady(future, guard, f):
//
//   runAsync(context, work, done)          work() on workPool() (CPU-bound work)
//   runAsync(pool, context, work, done)    the same on another QThreadPool
//   runAsync(thread, context, work, done)  work() on a SerialThread, after what was posted
//                                          before (thread-affine state: a SQLite connection)
//   onResultReady(future, context, done)   for a future made elsewhere (QtConcurrent::run
//                                          with a QPromise, SerialThread::run)
//   onCurrentResult(future, context, &generation, done)
//                                          like onResultReady, but `done` is skipped when
//                                          `generation` (a counter the context bumps on
//                                          reset) moved on while the work ran
//   onProgress(future, context, f)         progress values, for a progress bar
//   cancelPending(context)                 cancels what is watched for `context`
//
// Long work never goes to QThreadPool::globalInstance(): Qt 6.4's raster paint engine
// splits large fills into tasks on that pool and waits for them on the GUI thread, so
// while its threads search a 2,000,000-line log every repaint waits for the search
// (measured: 340–430 ms frozen, docs/benchmarks.md §4). workPool() is ours alone.
//
// `done(result)` runs on the context's thread, and only while the context lives: deleting
// the context (or cancelling the future) means it is never called, and nothing dangles.
// The result is moved into `done` (one consumer per future). Errors travel as values
// (Result<T>); nothing here throws. No waiting and no nested event loop anywhere: the
// caller returns at once.

#include "common/serialthread.h"

#include <QFuture>
#include <QFutureWatcher>
#include <QObject>
#include <QPointer>
#include <QThread>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>

#include <type_traits>
#include <utility>

namespace DeployDesk {

namespace Internal {

// Runs `install` on the context's thread: now when that is this thread, else queued (and
// never when the context is gone by then). Watchers must be made on the context's thread
// to be its children.
template<typename F> void onContextThread(QObject *context, F install)
{
    if (QThread::currentThread() == context->thread())
        install();
    else
        QMetaObject::invokeMethod(context, std::move(install), Qt::QueuedConnection);
}

} // namespace Internal

template<typename T, typename Done>
void onResultReady(const QFuture<T> &future, QObject *context, Done done)
{
    Q_ASSERT(context);
    Internal::onContextThread(context, [future, context, done = std::move(done)]() mutable {
        // A child of the context: it goes with the context, and its connection with it.
        auto *watcher = new QFutureWatcher<T>(context);
        QObject::connect(watcher, &QFutureWatcherBase::finished, watcher,
                         [watcher, done = std::move(done)]() mutable {
                             watcher->deleteLater();
                             QFuture<T> finished = watcher->future();
                             if (finished.isCanceled())
                                 return;
                             if constexpr (std::is_void_v<T>)
                                 done();
                             else if (finished.resultCount() > 0)
                                 done(finished.takeResult());
                         });
        watcher->setFuture(future);
    });
}

// `generation` lives in the context (a member), so it outlives every call of `done`.
template<typename T, typename Done>
void onCurrentResult(const QFuture<T> &future, QObject *context, const quint64 *generation,
                     Done done)
{
    onResultReady(future, context,
                  [generation, started = *generation, done = std::move(done)](T result) mutable {
                      if (*generation == started)
                          done(std::move(result));
                  });
}

template<typename T, typename F> void onProgress(const QFuture<T> &future, QObject *context, F f)
{
    Q_ASSERT(context);
    Internal::onContextThread(context, [future, context, f = std::move(f)]() mutable {
        auto *watcher = new QFutureWatcher<T>(context);
        QObject::connect(watcher, &QFutureWatcherBase::progressValueChanged, watcher, std::move(f));
        QObject::connect(watcher, &QFutureWatcherBase::finished, watcher, &QObject::deleteLater);
        watcher->setFuture(future);
    });
}

// Cancels the futures watched for `context` (their `done` is not called); a task that
// checks QPromise::isCanceled() stops early. Call it on the context's thread, e.g. when
// the context's data is reset or in its destructor.
void cancelPending(QObject *context);

template<typename F, typename Done>
auto runAsync(QThreadPool *pool, QObject *context, F work, Done done)
    -> QFuture<std::invoke_result_t<F &>>
{
    auto future = QtConcurrent::run(pool, std::move(work));
    onResultReady(future, context, std::move(done));
    return future;
}

// The process's pool for work off the GUI thread (one thread per core), apart from the
// global pool that Qt's painting borrows (above).
QThreadPool *workPool();

template<typename F, typename Done>
auto runAsync(QObject *context, F work, Done done) -> QFuture<std::invoke_result_t<F &>>
{
    return runAsync(workPool(), context, std::move(work), std::move(done));
}

template<typename F, typename Done>
auto runAsync(SerialThread &thread, QObject *context, F work, Done done)
    -> QFuture<std::invoke_result_t<F &>>
{
    auto future = thread.run(std::move(work));
    onResultReady(future, context, std::move(done));
    return future;
}

} // namespace DeployDesk
