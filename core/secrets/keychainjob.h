#pragma once

#include <QString>

#include <chrono>

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

// Starts `job` and spins a local QEventLoop until it finishes or `guard` expires.
// Blocking: for the CLI and worker threads, never for a GUI slot that must stay responsive.
// Takes ownership of `job`. A job that times out is abandoned (it deletes itself if it ever
// finishes) and keychainUnresponsive() becomes true for the rest of the process.
KeychainOutcome runKeychainJob(QKeychain::Job *job,
                               std::chrono::milliseconds guard = kKeychainGuard);

// True once a keychain job has timed out in this process.
bool keychainUnresponsive();

} // namespace DeployDesk::Internal
