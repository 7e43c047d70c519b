#include "run/deploylock.h"

#include "common/processinfo.h"
#include "store/historystore.h"

#include <QCoreApplication>

namespace DeployDesk {

DeployLock::DeployLock(HistoryStore *store, QueueTicket ticket, QObject *parent)
    : Job(parent)
    , m_store(store)
    , m_ticket(std::move(ticket))
{
    m_poll.setInterval(200);
    connect(&m_poll, &QTimer::timeout, this, &DeployLock::poll);
}

DeployLock::~DeployLock()
{
    release();
}

void DeployLock::release()
{
    m_poll.stop();
    if (m_ticket.id) {
        m_store->removeTicket(m_ticket.id);
        m_ticket.id = 0;
    }
}

void DeployLock::doStart()
{
    if (!m_ticket.pid) {
        m_ticket.pid = QCoreApplication::applicationPid();
        m_ticket.startTicks = ProcessInfo::startTicks(m_ticket.pid);
    }
    auto id = m_store->enqueue(m_ticket);
    if (!id) {
        emitFailure(id.error());
        return;
    }
    m_ticket.id = *id;
    poll();
    if (!isFinished())
        m_poll.start();
}

void DeployLock::doCancel()
{
    release();
    emitCancelled();
}

void DeployLock::poll()
{
    auto tickets = m_store->queue(m_ticket.workspace, m_ticket.environment);
    if (!tickets) {
        // A busy or failing store: try again on the next tick rather than deploy unlocked.
        return;
    }
    int position = 0;
    for (const QueueTicket &t : std::as_const(*tickets)) {
        if (t.id == m_ticket.id)
            break;
        if (!ProcessInfo::isAlive(t.pid, t.startTicks)) {
            m_store->removeTicket(t.id); // its process died: take over
            continue;
        }
        if (position == 0 && t.id != m_lastAhead) {
            m_lastAhead = t.id;
            emit waiting(t, 1);
        }
        ++position;
    }
    if (position == 0) {
        m_poll.stop();
        emitSuccess();
    }
}

} // namespace DeployDesk
