#pragma once

namespace DeployDesk {
class SerialThread;
}

namespace DeployDesk::Ui::Internal {

// The thread on which the panel makes its blocking secret-store calls, one at a time and
// in the order asked (each may wait for a keychain job up to the keychain's guard time), so
// the GUI thread never waits on the keychain. It is not the keychain thread itself
// (DeployDesk::Internal::keychainThread(), where QtKeychain's jobs run): a call waiting
// here for a job there must leave that thread's event loop free to finish the job. Started
// on first use; stopped and joined when the application object is destroyed.
SerialThread &secretThread();
// Stops and joins it now (a call in progress ends within the keychain's guard time), e.g.
// before the session bus goes away; the next secretThread() starts a new one.
void stopSecretThread();

} // namespace DeployDesk::Ui::Internal
