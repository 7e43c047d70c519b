#pragma once

#include "common/async.h"

#include <QString>

#include <memory>

namespace DeployDesk {
class HistoryStore;
}

namespace DeployDesk::Ui::Internal {

// A SerialThread with a history connection of its own, for reads that may be slow on a
// big history (a page of runs sorted by duration, a log search, a run's details, a report)
// so the GUI thread never waits on SQLite. The connection (a second HistoryStore on the
// same file; WAL lets readers run beside the writer) is opened on the thread by the first
// read and closed there when the reader goes. Reads run in the order asked.
class HistoryReader final
{
    Q_DISABLE_COPY_MOVE(HistoryReader)

public:
    explicit HistoryReader(QString dataDir);
    ~HistoryReader(); // drops the reads not started yet, waits for the running one

    // `work(store)` runs on the reader's thread (store is nullptr when it cannot be
    // opened: openError() says why); `done(result)` runs on `context`'s thread, only while
    // `context` lives.
    template<typename F, typename Done> void read(QObject *context, F work, Done done)
    {
        runAsync(
            m_thread, context, [this, work = std::move(work)]() mutable { return work(store()); },
            std::move(done));
    }

    // Why the store could not be opened (read on the reader's thread only).
    QString openError() const { return m_openError; }
    // The thread reads run on, e.g. for a test that checks who wrote a file.
    const SerialThread &thread() const { return m_thread; }

private:
    HistoryStore *store(); // on the reader's thread only

    QString m_dataDir;
    std::unique_ptr<HistoryStore> m_store; // opened, used and closed on m_thread
    QString m_openError;
    SerialThread m_thread; // last: stopped before the members above go
};

} // namespace DeployDesk::Ui::Internal
