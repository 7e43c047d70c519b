#pragma once

#include <QObject>
#include <QString>

namespace DeployDesk {

// An asynchronous piece of work with KJob's contract:
// - start() only schedules; the work begins when the event loop runs again;
// - cancel() ends in the same result path (outcome Cancelled);
// - result() fires exactly once, whatever happens;
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
    bool isFinished() const { return m_finished; }
    bool isCancelRequested() const { return m_cancelRequested; }
    Outcome outcome() const { return m_outcome; }
    QString errorText() const { return m_errorText; }

signals:
    void result(DeployDesk::Job *job);

protected:
    virtual void doStart() = 0;
    // Must end with emitResult(), now or later. Called at most once, only while running.
    virtual void doCancel() = 0;
    // Ignored after the first call.
    void emitResult(Outcome outcome, const QString &errorText = {});

private:
    bool m_started = false;
    bool m_running = false;
    bool m_finished = false;
    bool m_cancelRequested = false;
    Outcome m_outcome = Outcome::Failed;
    QString m_errorText;
};

} // namespace DeployDesk
