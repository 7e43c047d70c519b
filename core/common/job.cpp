#include "common/job.h"

#include <QMetaObject>

namespace DeployDesk {

Job::Job(QObject *parent)
    : QObject(parent)
{
}

Job::~Job() = default;

void Job::start()
{
    if (m_started)
        return;
    m_started = true;
    QMetaObject::invokeMethod(
        this,
        [this] {
            if (m_finished || m_cancelRequested)
                return; // cancelled before it began: cancel() reports it
            m_running = true;
            doStart();
        },
        Qt::QueuedConnection);
}

void Job::cancel()
{
    if (m_finished || m_cancelRequested)
        return;
    m_cancelRequested = true;
    if (!m_running) {
        // Not begun yet (or never started): nothing to stop, report right away but
        // still asynchronously, so callers see the same order of events either way.
        QMetaObject::invokeMethod(
            this, [this] { emitCancelled(); }, Qt::QueuedConnection);
        return;
    }
    doCancel();
}

void Job::emitResult(Outcome outcome, Error error)
{
    if (m_finished)
        return;
    m_finished = true;
    m_running = false;
    m_outcome = outcome;
    if (outcome == Outcome::Failed && error.message.isEmpty())
        error.message = tr("failed"); // a failure always says something
    m_error = outcome == Outcome::Failed ? std::move(error) : Error{ErrorCode::Internal, {}, {}, {}};
    emit result(this);
}

} // namespace DeployDesk
