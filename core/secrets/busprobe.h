#pragma once

#include <QString>

#include <chrono>

namespace DeployDesk::Internal {

enum class BusProbeResult {
    NoAddress,    // DBUS_SESSION_BUS_ADDRESS is unset or empty
    NotConnected, // the session bus could not be reached
    NoService,    // the bus answers, but no Secret Service / KWallet is there
    Available,    // a keychain service is owned or activatable
};

// Asks the session bus named by DBUS_SESSION_BUS_ADDRESS (read now, not cached) whether a
// keychain service is owned or activatable. Each bus call waits `timeout` at most; the
// bus is asked only (NameHasOwner, ListActivatableNames), no service is activated.
BusProbeResult probeKeychainService(std::chrono::milliseconds timeout);

} // namespace DeployDesk::Internal
