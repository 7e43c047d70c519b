#pragma once

#include "common/error.h"
#include "store/releaserecords.h"

#include <QObject>
#include <QTimer>

#include <memory>

namespace DeployDesk {

class HistoryStore;

// A job's own `concurrency:` as GitHub applies it, across every process that shares the
// history (through the store's deploy queue, as a workflow's `concurrency:` is): at most
// one job of a group runs and one waits. enter() takes a place in the group; a job waiting
// in it is replaced (cancelled) by the newer one, and with cancel-in-progress so is the
// running one. A job whose place was taken learns it within a poll and is told through
// replaced(). A group that the job's own workflow run holds at the top level is a
// deadlock, as on GitHub: deadlock() instead of waiting for ever. Leaving (leave(), or
// destroying the object) frees the group.
class JobConcurrency final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(JobConcurrency)

public:
    struct Place
    {
        QString dataDir;   // the history's folder
        QString workspace; // the queue is per workspace
        qint64 runId = 0;
        QString job; // the stage's name, for what others are told
    };

    explicit JobConcurrency(QObject *parent = nullptr);
    ~JobConcurrency() override;

    // Starts waiting for `group`; acquired() once it is this job's turn (at once when free).
    Result<void> enter(const Place &place, const QString &group, bool cancelInProgress);
    void leave();

signals:
    void acquired();
    // For the job's log: who it waits for, and what it could not record.
    void waiting(const QString &line);
    void replaced(const QString &why);
    void deadlock(const QString &why);

private:
    void poll();

    std::unique_ptr<HistoryStore> m_store;
    QueueTicket m_ticket;
    QString m_group;
    QTimer m_poll;
    bool m_held = false;
    qint64 m_lastAhead = -1;
};

} // namespace DeployDesk
