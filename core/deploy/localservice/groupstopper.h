#pragma once

#include "deploy/localservice/serviceroot.h"

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

#include <chrono>

namespace DeployDesk::LocalService {

// Stops one instance without blocking: waits `drain` (connections already forwarded to
// it finish meanwhile), sends SIGTERM to its process group, then SIGKILL after `grace`,
// and reports finished() once nothing of the group runs. Destroyed before that, it
// still sends SIGTERM (the instance is not left running because DeployDesk closed).
class GroupStopper final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GroupStopper)

public:
    GroupStopper(ProcessRecord record, std::chrono::milliseconds drain,
                 std::chrono::milliseconds grace, QObject *parent = nullptr);
    ~GroupStopper() override;

    // The group was started by this program moments ago: signal it by its id even after
    // its leader ended (what the leader started may still run).
    void setStartedHere(bool startedHere) { m_startedHere = startedHere; }
    void start();
    void skipDrain(); // SIGTERM now if still draining
    bool isDone() const { return m_phase == Phase::Done; }

signals:
    void finished();

private:
    enum class Phase { Idle, Draining, Terminating, Killing, Done };
    void terminate();
    void poll();
    void finish();

    ProcessRecord m_record;
    std::chrono::milliseconds m_drain;
    std::chrono::milliseconds m_grace;
    Phase m_phase = Phase::Idle;
    bool m_startedHere = false;
    QTimer m_timer;
    QElapsedTimer m_elapsed;
};

} // namespace DeployDesk::LocalService
