#include "deploy/localservice/groupstopper.h"

#include "deploy/localservice/serviceprocess.h"

#include <csignal>

namespace DeployDesk::LocalService {

namespace {
constexpr std::chrono::milliseconds kPollInterval(50);
constexpr std::chrono::milliseconds kKillWait(2000);
} // namespace

GroupStopper::GroupStopper(ProcessRecord record, std::chrono::milliseconds drain,
                           std::chrono::milliseconds grace, QObject *parent)
    : QObject(parent)
    , m_record(record)
    , m_drain(drain)
    , m_grace(grace)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, [this] {
        if (m_phase == Phase::Draining)
            terminate();
        else
            poll();
    });
}

GroupStopper::~GroupStopper()
{
    if (m_phase == Phase::Idle || m_phase == Phase::Draining)
        signalGroup(m_record, SIGTERM);
}

void GroupStopper::start()
{
    if (m_phase != Phase::Idle)
        return;
    if (!m_record.isRunning() && !(m_startedHere && runningInGroup(m_record.pid) > 0)) {
        m_phase = Phase::Done;
        QMetaObject::invokeMethod(this, &GroupStopper::finished, Qt::QueuedConnection);
        return;
    }
    m_phase = Phase::Draining;
    m_timer.start(m_drain);
}

void GroupStopper::skipDrain()
{
    if (m_phase == Phase::Draining) {
        m_timer.stop();
        terminate();
    }
}

void GroupStopper::terminate()
{
    const bool signalled =
        signalGroup(m_record, SIGTERM) || (m_startedHere && runningInGroup(m_record.pid) > 0 &&
                                           ::kill(-pid_t(m_record.pid), SIGTERM) == 0);
    if (!signalled) {
        finish(); // already gone
        return;
    }
    m_phase = Phase::Terminating;
    m_elapsed.start();
    m_timer.start(kPollInterval);
}

void GroupStopper::poll()
{
    if (runningInGroup(m_record.pid) == 0) {
        finish();
        return;
    }
    const auto waited = std::chrono::milliseconds(m_elapsed.elapsed());
    if (m_phase == Phase::Terminating && waited >= m_grace) {
        // Verified as ours when it got SIGTERM; its id stays reserved while it runs.
        ::kill(-pid_t(m_record.pid), SIGKILL);
        m_phase = Phase::Killing;
        m_elapsed.start();
    } else if (m_phase == Phase::Killing && waited >= kKillWait) {
        finish(); // unkillable (uninterruptible sleep): nothing more to do
        return;
    }
    m_timer.start(kPollInterval);
}

void GroupStopper::finish()
{
    m_phase = Phase::Done;
    m_timer.stop();
    emit finished();
}

} // namespace DeployDesk::LocalService
