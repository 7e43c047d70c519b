#include "secrets/keychainjob.h"

#include "common/logging.h"
#include "common/serialthread.h"

#include <QCoreApplication>
#include <QMutex>
#include <QRecursiveMutex>
#include <QSemaphore>

#include <qt6keychain/keychain.h>

#include <atomic>
#include <memory>
#include <mutex>
#include <utility>

namespace DeployDesk::Internal {

namespace {

std::atomic<bool> s_unresponsive = false;

// QtKeychain runs its jobs one at a time through a process-wide executor that is not
// thread-safe: serialize our jobs. (Recursive since the days keychain calls spun a local
// event loop, in which a slot could ask for a secret again on the same thread.)
QRecursiveMutex &jobMutex()
{
    static QRecursiveMutex mutex;
    return mutex;
}

KeychainStatus statusOf(QKeychain::Error error)
{
    switch (error) {
    case QKeychain::NoError:
        return KeychainStatus::Ok;
    case QKeychain::EntryNotFound:
        return KeychainStatus::NotFound;
    case QKeychain::AccessDenied:
    case QKeychain::AccessDeniedByUser:
        return KeychainStatus::Denied;
    case QKeychain::CouldNotDeleteEntry:
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
    case QKeychain::OtherError:
        break;
    }
    return KeychainStatus::Failed;
}

} // namespace

// QtKeychain's executor is one object for the process, bound to the thread of the first
// job: every job runs on this one thread, whichever thread asks (CLI, panel, dialogs).
namespace {
QMutex s_threadMutex;
SerialThread *s_thread = nullptr;
} // namespace

SerialThread &keychainThread()
{
    const QMutexLocker locker(&s_threadMutex);
    if (!s_thread) {
        s_thread = new SerialThread(QStringLiteral("DeployDesk keychain"));
        static bool routineAdded = false;
        if (!std::exchange(routineAdded, true))
            qAddPostRoutine(stopKeychainThread); // with the application object
    }
    return *s_thread;
}

void stopKeychainThread()
{
    const QMutexLocker locker(&s_threadMutex);
    if (!s_thread)
        return;
    // A job stuck in the backend past the guard time: the thread is left to the process's
    // end (SerialThread never deletes a thread that still runs).
    s_thread->stop(SerialThread::PendingWork::Run, QDeadlineTimer(kKeychainGuard));
    delete s_thread;
    s_thread = nullptr;
}

bool keychainUnresponsive()
{
    return s_unresponsive.load();
}

KeychainOutcome runKeychainJob(QKeychain::Job *job, std::chrono::milliseconds guard)
{
    const std::lock_guard lock(jobMutex());
    if (s_unresponsive.load()) {
        delete job; // never started: safe to delete
        return {};
    }

    // The job runs on the keychain thread; this thread waits on a semaphore (no local
    // event loop here, so nothing re-enters the caller while it waits).
    struct Shared
    {
        QSemaphore done;
        KeychainOutcome outcome;
    };
    auto shared = std::make_shared<Shared>();
    job->setAutoDelete(false);
    SerialThread &thread = keychainThread();
    Q_ASSERT_X(!thread.isCurrentThread(), "runKeychainJob",
               "called on the keychain thread, which must stay free to finish the job");
    job->moveToThread(thread.thread());
    thread.post([job, shared] {
        QObject::connect(job, &QKeychain::Job::finished, job, [shared](QKeychain::Job *d) {
            shared->outcome.status = statusOf(d->error());
            if (shared->outcome.status == KeychainStatus::Ok) {
                if (auto *read = qobject_cast<QKeychain::ReadPasswordJob *>(d))
                    shared->outcome.text = read->textData();
            } else {
                shared->outcome.errorString = d->errorString();
            }
            d->deleteLater(); // also when the caller gave up waiting
            shared->done.release();
        });
        job->start(); // finishes later, by a signal on this thread's event loop
    });

    if (shared->done.tryAcquire(1, int(guard.count())))
        return shared->outcome; // written before release(): the semaphore orders it
    s_unresponsive.store(true);
    qCWarning(lcSecrets) << "the keychain did not answer within" << guard.count()
                         << "ms: using environment variables only from now on";
    KeychainOutcome timedOut;
    timedOut.status = KeychainStatus::TimedOut;
    return timedOut;
}

} // namespace DeployDesk::Internal
