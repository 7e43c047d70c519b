#pragma once

#include <QString>

#include <chrono>

namespace DeployDesk {
class SerialThread;
}

namespace QKeychain {
class Job;
}

namespace DeployDesk::Internal {

enum class KeychainStatus {
    Ok,
    NotFound, // no entry for that key
    Denied,   // locked keychain, or the user refused
    Failed,   // any other backend error
    TimedOut, // no answer within the guard time; the keychain is then off for the process
};

struct KeychainOutcome
{
    KeychainStatus status = KeychainStatus::TimedOut;
    QString errorString; // the backend's message: never contains the value
    QString text;        // the value read by a ReadPasswordJob
};

// How long any keychain job may take before it is abandoned.
inline constexpr std::chrono::milliseconds kKeychainGuard{5000};

// Runs `job` on the process's one keychain thread (QtKeychain's executor is bound to the
// thread of its first job and is not thread-safe) and waits until it finishes or `guard`
// expires. Callable from any thread, one job at a time. Blocking: for the CLI and worker
// threads, never for a GUI slot that must stay responsive.
// Takes ownership of `job`. A job that times out is abandoned (it deletes itself if it ever
// finishes) and keychainUnresponsive() becomes true for the rest of the process.
KeychainOutcome runKeychainJob(QKeychain::Job *job,
                               std::chrono::milliseconds guard = kKeychainGuard);

// The thread every keychain job runs on (a SerialThread whose event loop stays free between
// jobs, so a job can finish there); started on first use, stopped with the application
// object.
SerialThread &keychainThread();
// Stops it now, e.g. in a test before its private session bus goes away (a GDBus
// connection whose bus closes raises SIGTERM from the thread that dispatches it).
void stopKeychainThread();

// True once a keychain job has timed out in this process.
bool keychainUnresponsive();

} // namespace DeployDesk::Internal
