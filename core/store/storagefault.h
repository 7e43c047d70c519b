#pragma once

#include "common/error.h"

#include <QString>

namespace DeployDesk::Internal {

// What SQLite's primary result code (QSqlError::nativeErrorCode) says went wrong with the
// history's storage, refined by looking at the folder that holds it.
enum class StorageFault {
    None,       // not a storage fault (a bug, a constraint)
    NoSpace,    // ENOSPC: the device holding the data folder is full
    ReadOnly,   // the file system is mounted read-only
    Permission, // the file or its folder is not writable by this user
    Busy,       // another process held a lock for longer than the busy timeout
    IoError,    // EIO: the device failed
    Damaged,    // the file is corrupt or is not an SQLite database
    CannotOpen, // the file cannot be opened for another reason
};

// How long a connection waits for another process's lock (PRAGMA busy_timeout):
// 10 s, or DEPLOYDESK_BUSY_TIMEOUT (milliseconds) when set.
int busyTimeoutMs();

// Classifies a failure of SQLite on the database at `path` with `sqliteCode` (the text of
// QSqlError::nativeErrorCode, primary or extended code).
StorageFault classifyStorageFault(const QString &path, const QString &sqliteCode);

// A sentence saying what is actually wrong, naming the folder or file ("no space left on
// the device holding /data (0 bytes free)"); empty for StorageFault::None.
QString describeStorageFault(StorageFault fault, const QString &path);

} // namespace DeployDesk::Internal
