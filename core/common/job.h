#pragma once

#include "common/error.h"

#include <QObject>
#include <QString>

namespace DeployDesk {

// An asynchronous piece of work with KJob's contract:
// - start() only schedules; the work begins when the event loop runs again;
// - cancel() ends in the same result path (outcome Cancelled);
// - result() fires exactly once, whatever happens;
// - a failure carries an Error (code, message, detail); a cancel carries none;
// - the parent owns its jobs: a job never deletes itself.
class Job : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Job)

public:
    enum class Outcome { Success, Failed, Cancelled }; // cancel is not failure

    explicit Job(QObject *parent = nullptr);
    ~Job() override;

    void start();
    void cancel();

    bool isStarted() const { return m_started; }
    bool isRunning() const { return m_running; }
    bool isFinished() const { return m_finished; }
    bool isCancelRequested() const { return m_cancelRequested; }
    Outcome outcome() const { return m_outcome; }
    // After a Failed result: why. Empty for Success and Cancelled.
    const Error &error() const { return m_error; }
    QString errorText() const { return m_error.toString(); }

signals:
    void result(DeployDesk::Job *job);
    // A line for the log of whoever runs the job (a stage's log); never a secret.
    void logLine(const QString &line);
    // How far a long job is: `done` of `total` units (chunks, files...) and what the work
    // has cost so far in billed units (an embedder's tokens; 0 when nothing is billed).
    // Wrappers forward it, so a run's observers see their stage's progress.
    void progress(qint64 done, qint64 total, qint64 billed);

protected:
    virtual void doStart() = 0;
    // Must end with a result, now or later. Called at most once, only while running.
    virtual void doCancel() = 0;
    // Each is ignored after the first result.
    void emitSuccess() { emitResult(Outcome::Success, {}); }
    void emitFailure(Error error) { emitResult(Outcome::Failed, std::move(error)); }
    void emitCancelled() { emitResult(Outcome::Cancelled, {}); }
    void emitResult(Outcome outcome, Error error);

private:
    bool m_started = false;
    bool m_running = false;
    bool m_finished = false;
    bool m_cancelRequested = false;
    Outcome m_outcome = Outcome::Failed;
    Error m_error;
};

} // namespace DeployDesk
