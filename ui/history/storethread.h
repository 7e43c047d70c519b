#pragma once

#include <QObject>
#include <QPointer>
#include <QString>
#include <QThread>

#include <atomic>
#include <functional>
#include <memory>

namespace DeployDesk {
class HistoryStore;
}

namespace DeployDesk::Ui::Internal {

// A thread with a history connection of its own, for reads that may be slow on a big
// history (a page of runs sorted by duration, a log search), so the GUI thread never
// waits on SQLite. The connection (a second HistoryStore on the same file; WAL lets
// readers run beside the writer) is opened on the thread at its first job. Jobs run in
// the order posted; each result comes back on the GUI thread, and only while `context`
// still exists.
class StoreThread final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StoreThread)

public:
    explicit StoreThread(QString dataDir, QObject *parent = nullptr);
    ~StoreThread() override; // skips the jobs not started yet, waits for the running one

    // `work` runs on the thread with its store (nullptr when it could not be opened;
    // openError() says why); `done` runs on this object's thread with the result.
    template<typename R>
    void post(QObject *context, std::function<R(HistoryStore *)> work, std::function<void(R)> done)
    {
        QPointer<QObject> guard(context);
        runOnThread([this, work = std::move(work), done = std::move(done), guard]() mutable {
            R result = work(store());
            QMetaObject::invokeMethod(
                this,
                [result = std::move(result), done = std::move(done), guard]() {
                    if (guard)
                        done(result);
                },
                Qt::QueuedConnection);
        });
    }

    // Why the thread's store could not be opened (read on the thread only).
    QString openError() const { return m_openError; }

private:
    void runOnThread(std::function<void()> job);
    HistoryStore *store(); // on the thread only

    QString m_dataDir;
    QThread m_thread;
    QObject *m_worker = nullptr; // lives on m_thread
    std::unique_ptr<HistoryStore> m_store;
    QString m_openError;
    std::atomic<bool> m_stopping{false};
};

} // namespace DeployDesk::Ui::Internal
