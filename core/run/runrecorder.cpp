#include "run/runrecorder.h"

#include "store/historystore.h"

namespace DeployDesk {

void RunRecorder::reset(qint64 runId)
{
    m_runId = runId;
    m_stages.clear();
    m_events.clear();
    m_status.reset();
    m_failures.clear();
}

void RunRecorder::noteFailure(const Error &error)
{
    m_failures.append(error);
    if (onFailure)
        onFailure(error);
}

bool RunRecorder::hasPending() const
{
    return !m_stages.isEmpty() || !m_events.isEmpty() || m_status;
}

bool RunRecorder::retryPending()
{
    while (!m_stages.isEmpty()) {
        if (!m_store->updateStage(m_stages.first()))
            return false;
        m_stages.erase(m_stages.begin());
    }
    while (!m_events.isEmpty()) {
        if (!m_store->addEvent(m_events.first()))
            return false;
        m_events.removeFirst();
    }
    if (m_status) {
        if (!m_store->setRunStatus(m_runId, *m_status))
            return false;
        m_status.reset();
    }
    return true;
}

bool RunRecorder::write(const std::function<Result<void>()> &change,
                        const std::function<void()> &keep)
{
    // While earlier changes wait, a new one waits behind them: one failed attempt per
    // change, not one busy timeout per pending change.
    if (hasPending() && !retryPending()) {
        keep();
        return false;
    }
    if (auto ok = change(); !ok) {
        keep();
        noteFailure(ok.error());
        return false;
    }
    return true;
}

bool RunRecorder::saveStage(const StageRecord &stage)
{
    return write([&] { return m_store->updateStage(stage); },
                 [&] { m_stages.insert(stage.id, stage); });
}

bool RunRecorder::addEvent(const EventRecord &event)
{
    return write(
        [&]() -> Result<void> {
            if (auto id = m_store->addEvent(event); !id)
                return std::unexpected(id.error());
            return {};
        },
        [&] { m_events.append(event); });
}

bool RunRecorder::setRunStatus(RunStatus status)
{
    return write([&] { return m_store->setRunStatus(m_runId, status); },
                 [&] { m_status = status; });
}

bool RunRecorder::finishRun(RunStatus status, const QDateTime &at, int attempts)
{
    m_status.reset(); // the end supersedes a pending status
    for (int i = 0; i < attempts; ++i) {
        if (!retryPending())
            continue;
        auto ok = m_store->finishRun(m_runId, status, at);
        if (ok)
            return true;
        if (i == 0)
            noteFailure(ok.error());
    }
    return false;
}

} // namespace DeployDesk
