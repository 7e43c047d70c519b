#include "common/serialthread.h"

#include <QMutex>
#include <QObject>
#include <QThread>

#include <deque>
#include <utility>
#include <vector>

namespace DeployDesk {

struct SerialThread::Private
{
    QThread *thread = nullptr;
    QObject *receiver = nullptr; // lives on `thread`: queued calls to it run there, in order

    mutable QMutex mutex;
    std::deque<std::move_only_function<void()>> queue; // guarded by mutex
    std::vector<std::move_only_function<void()>> cleanups;
    bool stopping = false;

    // One queued call per posted item: each takes the oldest item, so the thread's event
    // loop runs between items.
    void runOne()
    {
        std::move_only_function<void()> work;
        {
            const QMutexLocker locker(&mutex);
            if (queue.empty())
                return; // dropped by stop()
            work = std::move(queue.front());
            queue.pop_front();
        }
        work();
    }

    // The last queued call: after every item posted before stop().
    void finish()
    {
        std::vector<std::move_only_function<void()>> last;
        {
            const QMutexLocker locker(&mutex);
            last.swap(cleanups);
        }
        for (auto it = last.rbegin(); it != last.rend(); ++it)
            (*it)();
        last.clear();
        QThread::currentThread()->quit();
    }
};

SerialThread::SerialThread(const QString &name)
    : d(new Private)
{
    d->thread = new QThread;
    d->thread->setObjectName(name);
    d->receiver = new QObject;
    d->receiver->moveToThread(d->thread);
    d->thread->start();
}

SerialThread::~SerialThread()
{
    stop(PendingWork::Drop);
    delete d; // null when stop() timed out: then left to the process's end with the thread
}

void SerialThread::post(std::move_only_function<void()> work)
{
    if (!d)
        return; // stop() timed out
    {
        const QMutexLocker locker(&d->mutex);
        if (d->stopping)
            return; // `work` is released here, which cancels a run()'s future
        d->queue.push_back(std::move(work));
    }
    QMetaObject::invokeMethod(
        d->receiver, [p = d] { p->runOne(); }, Qt::QueuedConnection);
}

void SerialThread::onStop(std::move_only_function<void()> cleanup)
{
    if (!d)
        return;
    const QMutexLocker locker(&d->mutex);
    d->cleanups.push_back(std::move(cleanup));
}

bool SerialThread::stop(PendingWork pending, QDeadlineTimer deadline)
{
    if (!d || !d->thread)
        return true;
    Q_ASSERT_X(!isCurrentThread(), "SerialThread::stop", "called on the thread itself");
    std::deque<std::move_only_function<void()>> dropped;
    {
        const QMutexLocker locker(&d->mutex);
        if (d->stopping)
            return true;
        d->stopping = true;
        if (pending == PendingWork::Drop)
            dropped.swap(d->queue);
    }
    dropped.clear(); // cancels their futures, outside the lock
    QMetaObject::invokeMethod(
        d->receiver, [p = d] { p->finish(); }, Qt::QueuedConnection);
    if (!d->thread->wait(deadline)) {
        d = nullptr; // the thread still uses it: never delete it
        return false;
    }
    delete d->receiver; // its thread has ended
    delete d->thread;
    d->receiver = nullptr;
    d->thread = nullptr;
    return true;
}

bool SerialThread::isStopped() const
{
    if (!d)
        return true;
    const QMutexLocker locker(&d->mutex);
    return d->stopping;
}

QThread *SerialThread::thread() const
{
    return d ? d->thread : nullptr;
}

bool SerialThread::isCurrentThread() const
{
    return d && d->thread && QThread::currentThread() == d->thread;
}

} // namespace DeployDesk
