#include "secrets/keychainjob.h"

#include "common/logging.h"

#include <QEventLoop>
#include <QRecursiveMutex>
#include <QTimer>

#include <qt6keychain/keychain.h>

#include <atomic>
#include <mutex>

namespace DeployDesk::Internal {

namespace {

std::atomic<bool> s_unresponsive = false;

// QtKeychain runs its jobs one at a time through a process-wide executor that is not
// thread-safe: serialize our jobs. Recursive, because a slot run by the local event loop
// may itself ask for a secret on the same thread.
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

bool keychainUnresponsive()
{
    return s_unresponsive.load();
}

KeychainOutcome runKeychainJob(QKeychain::Job *job, std::chrono::milliseconds guard)
{
    const std::lock_guard lock(jobMutex());
    KeychainOutcome outcome;
    if (s_unresponsive.load()) {
        delete job; // never started: safe to delete
        return outcome;
    }

    bool finished = false;
    {
        QEventLoop loop;
        QTimer timer;
        timer.setSingleShot(true);
        QObject::connect(&timer, &QTimer::timeout, &loop, &QEventLoop::quit);
        // `loop` bounds the connection: an abandoned job finishing later calls nothing here.
        QObject::connect(job, &QKeychain::Job::finished, &loop, [&](QKeychain::Job *done) {
            finished = true;
            outcome.status = statusOf(done->error());
            if (outcome.status == KeychainStatus::Ok) {
                if (auto *read = qobject_cast<QKeychain::ReadPasswordJob *>(done))
                    outcome.text = read->textData();
            } else {
                outcome.errorString = done->errorString();
            }
            loop.quit();
        });
        job->setAutoDelete(false);
        job->start();
        timer.start(guard);
        loop.exec(QEventLoop::ExcludeUserInputEvents);
    }

    if (finished) {
        job->deleteLater();
    } else {
        s_unresponsive.store(true);
        job->setAutoDelete(true);
        outcome.status = KeychainStatus::TimedOut;
        qCWarning(lcSecrets) << "the keychain did not answer within" << guard.count()
                             << "ms: using environment variables only from now on";
    }
    return outcome;
}

} // namespace DeployDesk::Internal
