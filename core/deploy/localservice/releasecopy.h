#pragma once

#include "common/error.h"

#include <QString>
#include <QStringList>

#include <atomic>

namespace DeployDesk::LocalService {

// Copies the folder `from` into `to` (created; must not exist yet): files keep their
// permissions and modification times, symbolic links are copied as links, and `.git`
// folders and the paths in `skip` (absolute; e.g. the service root when it lies inside
// `from`) are left out. Files are copied, not hard-linked: a service may write into its
// release folder, and a hard link would change the older releases too.
// Stops when `cancel` becomes true; on failure or cancel, `to` is removed again.
// Returns the number of files copied. Blocking: run it on a worker thread.
Result<int> copyRelease(const QString &from, const QString &to, const QStringList &skip,
                        const std::atomic_bool &cancel);

} // namespace DeployDesk::LocalService
