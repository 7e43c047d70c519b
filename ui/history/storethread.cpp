#include "storethread.h"

#include "store/historystore.h"

namespace DeployDesk::Ui::Internal {

StoreThread::StoreThread(QString dataDir, QObject *parent)
    : QObject(parent)
    , m_dataDir(std::move(dataDir))
{
    m_thread.setObjectName(QStringLiteral("history reads"));
    m_worker = new QObject;
    m_worker->moveToThread(&m_thread);
    m_thread.start();
}

StoreThread::~StoreThread()
{
    m_stopping = true;
    // The store's connection belongs to the thread: close it there, after the running job.
    QMetaObject::invokeMethod(
        m_worker, [this]() { m_store.reset(); }, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
    delete m_worker;
}

void StoreThread::runOnThread(std::function<void()> job)
{
    QMetaObject::invokeMethod(
        m_worker,
        [this, job = std::move(job)]() {
            if (!m_stopping)
                job();
        },
        Qt::QueuedConnection);
}

HistoryStore *StoreThread::store()
{
    if (!m_store && m_openError.isEmpty()) {
        auto opened = HistoryStore::open(m_dataDir);
        if (opened)
            m_store = std::move(*opened);
        else
            m_openError = opened.error().toString();
    }
    return m_store.get();
}

} // namespace DeployDesk::Ui::Internal
