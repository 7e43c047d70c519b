#pragma once

#include "engine/job.h"
#include "store/releaserecords.h"

#include <QTimer>

namespace DeployDesk {

class HistoryStore;

// One deploy or rollback per environment at a time, in FIFO order across every process
// that shares the history: start() takes a ticket in the store's deploy queue and the
// job succeeds once every older ticket for the same workspace and environment is gone.
// A ticket whose process is gone (pid and start time, so a recycled pid does not count)
// is taken over. waiting() says who is ahead whenever that changes. Cancelling leaves
// the queue; so does release() (or destroying the lock) after it was granted.
class DeployLock final : public Job
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DeployLock)

public:
    DeployLock(HistoryStore *store, QueueTicket ticket, QObject *parent = nullptr);
    ~DeployLock() override;

    void release();
    qint64 ticketId() const { return m_ticket.id; }
    bool isHeld() const { return isFinished() && outcome() == Outcome::Success && m_ticket.id; }

signals:
    void waiting(const DeployDesk::QueueTicket &ahead, int position);

protected:
    void doStart() override;
    void doCancel() override;

private:
    void poll();

    HistoryStore *m_store = nullptr;
    QueueTicket m_ticket;
    QTimer m_poll;
    qint64 m_lastAhead = -1;
};

} // namespace DeployDesk
