#include "ui/history/historyreader.h"

#include "store/historystore.h"

namespace DeployDesk::Ui::Internal {

HistoryReader::HistoryReader(QString dataDir)
    : m_dataDir(std::move(dataDir))
    , m_thread(QStringLiteral("history reads"))
{
    // The connection belongs to the thread: close it there, after the last read.
    m_thread.onStop([this] { m_store.reset(); });
}

HistoryReader::~HistoryReader()
{
    m_thread.stop(SerialThread::PendingWork::Drop);
}

HistoryStore *HistoryReader::store()
{
    Q_ASSERT(m_thread.isCurrentThread());
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
