#pragma once

#include "common/error.h"
#include "store/records.h"

#include <QList>
#include <QMap>

#include <functional>
#include <optional>

namespace DeployDesk {

class HistoryStore;

// Writes one run's state changes (its stages, events and status) to the history and keeps
// each change that could not be written: it is retried before the next write and at the
// run's end, so the history ends consistent once the store can be written again (and a
// run whose end never could be is marked interrupted when the store is next opened).
// Every failure is kept, with what could not be recorded and where, for the run's result.
class RunRecorder final
{
public:
    explicit RunRecorder(HistoryStore *store)
        : m_store(store)
    {}

    void reset(qint64 runId);

    // Each returns false when the change is not written yet (it is kept and retried).
    bool saveStage(const StageRecord &stage);
    bool addEvent(const EventRecord &event);
    bool setRunStatus(RunStatus status);
    // Retries what is pending (up to `attempts` times) and records the run's end; false
    // when something is still not written.
    bool finishRun(RunStatus status, const QDateTime &at, int attempts = 3);

    // Writes what is pending; true when nothing is left.
    bool retryPending();
    bool hasPending() const;

    // A failure of a write made elsewhere (an artifact, a deployment, log lines).
    void noteFailure(const Error &error);
    // Every failure so far, in order.
    const QList<Error> &failures() const { return m_failures; }

    // Called with each new failure as it happens (not for each retry of the same change).
    std::function<void(const Error &)> onFailure;

private:
    bool write(const std::function<Result<void>()> &change, const std::function<void()> &keep);

    HistoryStore *m_store = nullptr;
    qint64 m_runId = 0;
    QMap<qint64, StageRecord> m_stages; // pending, the latest state of each stage by id
    QList<EventRecord> m_events;        // pending, in order
    std::optional<RunStatus> m_status;  // pending
    QList<Error> m_failures;
};

} // namespace DeployDesk
