#pragma once

#include <QDeadlineTimer>
#include <QFuture>
#include <QPromise>
#include <QString>

#include <functional>
#include <memory>
#include <type_traits>

class QThread;

namespace DeployDesk {

// A named thread that runs the work posted to it one item after the other, in the order
// posted, with its event loop free in between (so a job that finishes by a signal, such as
// a QtKeychain job, can finish there). It is the executor for what belongs to one thread:
// a SQLite connection (which belongs to the thread that opened it), QtKeychain's executor,
// an object that lives on the thread and owns others (the panel's run worker).
//
// State of the thread stays on it: make it lazily inside the posted work, and release it
// with onStop(), which runs on the thread after the last work item.
//
// Results come back as QFutures: hand them to onResultReady() (common/async.h), or use
// runAsync(thread, context, work, done), to get them on a context object's thread.
class SerialThread final
{
    Q_DISABLE_COPY_MOVE(SerialThread)

public:
    // What stop() does with the work posted but not started yet.
    enum class PendingWork {
        Run,  // runs it first
        Drop, // drops it: its futures are cancelled, its done callbacks never called
    };

    // Starts the thread now; `name` is the thread's name in a debugger and in `top -H`.
    explicit SerialThread(const QString &name);
    // stop(PendingWork::Drop) unless stopped already: waits for the running item only.
    ~SerialThread();

    // Runs `work()` on the thread after everything posted before; its result goes into the
    // returned future. Callable from any thread. After stop() the work is dropped and the
    // future is cancelled. `work` may be move-only; what it captures is released on the
    // thread once it has run (or on the caller's thread when it is dropped).
    template<typename F> auto run(F work) -> QFuture<std::invoke_result_t<F &>>;
    // The same without a result.
    void post(std::move_only_function<void()> work);

    // Runs `cleanup` on the thread when it stops, after the last work item; cleanups run
    // in the reverse order of registration. For state made on the thread (a connection).
    void onStop(std::move_only_function<void()> cleanup);

    // Stops accepting work, runs or drops what is pending, runs the cleanups on the thread
    // and waits for the thread to end, at most until `deadline`. False when the deadline
    // passed first: the thread (stuck in a call that does not return) is then left to end
    // on its own and is never deleted. Call it from another thread than this one; calling
    // it again does nothing and returns true.
    bool stop(PendingWork pending = PendingWork::Run,
              QDeadlineTimer deadline = QDeadlineTimer(QDeadlineTimer::Forever));

    bool isStopped() const;
    // The thread itself, e.g. to move an object onto it (moveToThread); null once stopped.
    QThread *thread() const;
    bool isCurrentThread() const;

private:
    struct Private;
    Private *d = nullptr; // leaked on purpose when stop() times out
};

template<typename F> auto SerialThread::run(F work) -> QFuture<std::invoke_result_t<F &>>
{
    using R = std::invoke_result_t<F &>;
    QPromise<R> promise;
    QFuture<R> future = promise.future();
    // A promise destroyed unfinished (dropped work) cancels and finishes its future.
    post([promise = std::move(promise), work = std::move(work)]() mutable {
        if (promise.isCanceled())
            return; // cancelled by the caller before it started
        promise.start();
        if constexpr (std::is_void_v<R>)
            work();
        else
            promise.addResult(work());
        promise.finish();
    });
    return future;
}

} // namespace DeployDesk
