#pragma once

#include "log/logline.h"

#include <QByteArray>
#include <QObject>
#include <QProcessEnvironment>
#include <QString>

#include <chrono>
#include <memory>

namespace DeployDesk {

struct ProcessResult
{
    enum class Status {
        Exited,        // exited on its own; see exitCode
        Signaled,      // killed by a signal it did not ask for; see signal
        FailedToStart, // could not be started; see errorString
        TimedOut,      // ran past its timeout and was ended
        Cancelled,     // cancel() ended it
    };
    Status status = Status::FailedToStart;
    int exitCode = -1;
    int signal = 0;
    QString errorString;

    bool success() const { return status == Status::Exited && exitCode == 0; }
    QString describe() const; // "exit code 3", "killed by signal 9 (SIGKILL)", ...
};

struct ProcessSpec
{
    QString command; // run by /bin/sh -c
    QString workdir;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    std::chrono::milliseconds timeout{0};      // 0: none
    std::chrono::milliseconds killGrace{3000}; // SIGTERM, then SIGKILL after this
};

// Runs one shell command in a process group of its own, under a deploydesk-stage guard
// (tools/stageguard.c; served by the stage server's pool where it can be, see
// processrunner.cpp), which ends the whole stage if this program dies.
// Cancel and timeout end the whole tree: SIGTERM to the group, SIGKILL after the grace.
// done() is emitted exactly once per start(), also when the program cannot start.
class ProcessRunner final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProcessRunner)

public:
    explicit ProcessRunner(QObject *parent = nullptr);
    ~ProcessRunner() override; // ends a running group (SIGKILL) without emitting

    void start(const ProcessSpec &spec); // asynchronous
    void cancel();
    bool isRunning() const;
    // The stage's process group id: the guard's pid (a guard of its own), or the
    // command's (served: 0 until the guard reports, a moment after start()).
    qint64 pid() const;

    // The path of the deploydesk-stage guard: $DEPLOYDESK_STAGE_HELPER, else next to
    // the running program, else the installed libexec directory. Empty if not found
    // (then stages run under /bin/sh directly, still in their own process group).
    static QString guardPath();

signals:
    void output(DeployDesk::LogStream stream, const QByteArray &chunk);
    void done(const DeployDesk::ProcessResult &result);

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace DeployDesk
