#pragma once

class QThread;

namespace DeployDesk::Ui::Internal {

// The one thread on which the panel talks to the keychain. QtKeychain runs its jobs
// through a process-wide executor object that stays bound to the thread of its first job,
// so every keychain call of the process must come from one long-lived thread: a thread per
// dialog would leave the executor on a finished thread. Started on first use; stopped and
// joined when the application object is destroyed.
QThread *secretThread();
// Stops and joins it now (a call in progress ends within the keychain's guard time), e.g.
// before the session bus goes away; the next secretThread() starts a new one.
void stopSecretThread();

} // namespace DeployDesk::Ui::Internal
