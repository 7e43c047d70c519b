#include "integrations/github/jobconcurrency.h"

#include "common/processinfo.h"
#include "common/translate.h"
#include "store/historystore.h"

#include <QCoreApplication>
#include <QMutex>
#include <QSet>

namespace DeployDesk {

namespace {

// The same place in the queue as a workflow's `concurrency:` (runcontrollerdeploy.cpp):
// GitHub has one namespace of groups for workflows and jobs.
QString groupKey(const QString &group)
{
    return QStringLiteral("concurrency: ") + group;
}

// The tickets of jobs this process holds: a ticket of the job's own run that is not one of
// them is the run's own (top-level) hold on the group.
QMutex s_mutex;
QSet<qint64> s_jobTickets;

} // namespace

JobConcurrency::JobConcurrency(QObject *parent)
    : QObject(parent)
{
    m_poll.setInterval(200);
    connect(&m_poll, &QTimer::timeout, this, &JobConcurrency::poll);
}

JobConcurrency::~JobConcurrency()
{
    leave();
}

void JobConcurrency::leave()
{
    m_poll.stop();
    if (m_ticket.id && m_store) {
        m_store->removeTicket(m_ticket.id);
        QMutexLocker lock(&s_mutex);
        s_jobTickets.remove(m_ticket.id);
    }
    m_ticket.id = 0;
}

Result<void> JobConcurrency::enter(const Place &place, const QString &group, bool cancelInProgress)
{
    auto store = HistoryStore::open(place.dataDir);
    if (!store)
        return std::unexpected(store.error());
    m_store = std::move(*store);
    m_group = group;
    m_ticket.workspace = place.workspace;
    m_ticket.environment = groupKey(group);
    m_ticket.runId = place.runId;
    m_ticket.what = tr("job %1").arg(place.job);
    m_ticket.pid = QCoreApplication::applicationPid();
    m_ticket.startTicks = ProcessInfo::startTicks(m_ticket.pid);
    auto id = m_store->enqueue(m_ticket);
    if (!id)
        return std::unexpected(id.error());
    m_ticket.id = *id;
    {
        QMutexLocker lock(&s_mutex);
        s_jobTickets.insert(m_ticket.id);
    }

    // The newer job replaces the one waiting, and with cancel-in-progress the running one:
    // their places go, and each learns it on its next poll.
    auto tickets = m_store->queue(m_ticket.workspace, m_ticket.environment);
    if (!tickets)
        return std::unexpected(tickets.error());
    bool first = true;
    for (const QueueTicket &t : std::as_const(*tickets)) {
        if (t.id == m_ticket.id)
            break;
        if (!ProcessInfo::isAlive(t.pid, t.startTicks)) {
            m_store->removeTicket(t.id);
            continue;
        }
        const bool running = first;
        first = false;
        bool jobOfThisProcess = false;
        {
            QMutexLocker lock(&s_mutex);
            jobOfThisProcess = s_jobTickets.contains(t.id);
        }
        // The running one runs on without cancel-in-progress; the run's own top-level hold
        // is a deadlock, found by poll().
        if ((running && !cancelInProgress) || (t.runId == m_ticket.runId && !jobOfThisProcess))
            continue;
        m_store->removeTicket(t.id);
        EventRecord e;
        e.runId = t.runId;
        e.at = QDateTime::currentDateTimeUtc();
        e.kind = EventKind::CancelRequested;
        e.params = {
            {QStringLiteral("reason"), tr("%1 of run %2 in concurrency group %3 replaces its %4")
                                           .arg(m_ticket.what)
                                           .arg(m_ticket.runId)
                                           .arg(group, t.what)}};
        // The replaced job learns it from its lost place all the same; its run's history
        // lacks why, which this job's log says.
        if (auto added = m_store->addEvent(e); !added)
            emit waiting(tr("why run %1's %2 was cancelled could not be recorded in its "
                            "history: %3")
                             .arg(t.runId)
                             .arg(t.what, added.error().toString()));
    }
    poll();
    if (m_ticket.id)
        m_poll.start();
    return {};
}

void JobConcurrency::poll()
{
    auto tickets = m_store->queue(m_ticket.workspace, m_ticket.environment);
    if (!tickets)
        return; // a busy store: the next tick
    bool found = false;
    int ahead = 0;
    for (const QueueTicket &t : std::as_const(*tickets)) {
        if (t.id == m_ticket.id) {
            found = true;
            break;
        }
        if (!ProcessInfo::isAlive(t.pid, t.startTicks)) {
            m_store->removeTicket(t.id); // its process died: its place goes
            continue;
        }
        if (ahead++ > 0)
            continue;
        bool ownJob = false;
        {
            QMutexLocker lock(&s_mutex);
            ownJob = s_jobTickets.contains(t.id);
        }
        if (t.runId == m_ticket.runId && !ownJob && !m_held) {
            const QString why = tr("Canceling since a deadlock for concurrency group '%1' was "
                                   "detected between 'top level workflow' and '%2'")
                                    .arg(m_group, m_ticket.what);
            leave();
            emit deadlock(why);
            return;
        }
        if (t.id != m_lastAhead) {
            m_lastAhead = t.id;
            emit waiting(tr("waiting for %1 of run %2 (concurrency group %3) to finish")
                             .arg(t.what)
                             .arg(t.runId)
                             .arg(m_group));
        }
    }
    if (!found) {
        m_poll.stop();
        {
            QMutexLocker lock(&s_mutex);
            s_jobTickets.remove(m_ticket.id);
        }
        m_ticket.id = 0; // already gone from the queue
        emit replaced(
            tr("Canceling since a higher priority waiting request for '%1' exists").arg(m_group));
        return;
    }
    if (ahead == 0 && !m_held) {
        m_held = true;
        emit acquired();
    }
}

} // namespace DeployDesk
