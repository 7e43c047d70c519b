#include "store/storagefault.h"

#include "common/translate.h"

#include <QDir>
#include <QFileInfo>

#include <sys/statvfs.h>
#include <unistd.h>

namespace DeployDesk::Internal {

namespace {

// SQLite's primary result codes (sqlite3.h); extended codes keep them in the low byte.
enum : int {
    kPerm = 3,
    kBusy = 5,
    kLocked = 6,
    kReadOnly = 8,
    kIoErr = 10,
    kCorrupt = 11,
    kFull = 13,
    kCantOpen = 14,
    kNotADb = 26,
};

// Free bytes for an unprivileged writer, and whether the file system is read-only.
struct FolderState
{
    bool known = false;
    bool readOnly = false;
    qint64 freeBytes = -1;
};

FolderState folderState(const QString &folder)
{
    struct statvfs st = {};
    if (::statvfs(QFile::encodeName(folder).constData(), &st) != 0)
        return {};
    return FolderState{true, (st.f_flag & ST_RDONLY) != 0,
                       qint64(st.f_bavail) * qint64(st.f_frsize)};
}

bool writable(const QString &path)
{
    return ::access(QFile::encodeName(path).constData(), W_OK) == 0;
}

QString folderOf(const QString &path)
{
    return QFileInfo(path).absolutePath();
}

} // namespace

int busyTimeoutMs()
{
    bool ok = false;
    const int ms = qEnvironmentVariableIntValue("DEPLOYDESK_BUSY_TIMEOUT", &ok);
    return ok && ms >= 0 ? ms : 10000;
}

StorageFault classifyStorageFault(const QString &path, const QString &sqliteCode)
{
    bool ok = false;
    const int code = sqliteCode.toInt(&ok) & 0xff;
    if (!ok)
        return StorageFault::None;
    const QString folder = folderOf(path);
    const FolderState state = folderState(folder);
    switch (code) {
    case kBusy:
    case kLocked:
        return StorageFault::Busy;
    case kCorrupt:
    case kNotADb:
        return StorageFault::Damaged;
    case kFull:
        return StorageFault::NoSpace;
    case kPerm:
    case kReadOnly:
    case kCantOpen:
    case kIoErr:
        // SQLite reports a folder it cannot write as "unable to open" or an I/O error of
        // its shared-memory file: the folder says which it is.
        if (state.known && state.readOnly)
            return StorageFault::ReadOnly;
        if (state.known && state.freeBytes == 0)
            return StorageFault::NoSpace;
        if (!writable(folder) || (QFileInfo::exists(path) && !writable(path)))
            return StorageFault::Permission;
        if (code == kReadOnly || code == kPerm)
            return StorageFault::Permission;
        return code == kIoErr ? StorageFault::IoError : StorageFault::CannotOpen;
    default:
        return StorageFault::None;
    }
}

QString describeStorageFault(StorageFault fault, const QString &path)
{
    const QString folder = QDir::toNativeSeparators(folderOf(path));
    switch (fault) {
    case StorageFault::None:
        return {};
    case StorageFault::NoSpace: {
        const FolderState state = folderState(folderOf(path));
        return tr("no space left on the device holding %1 (%2 bytes free); free some space "
                  "or set DEPLOYDESK_DATA_DIR to a folder on another device")
            .arg(folder)
            .arg(std::max<qint64>(state.freeBytes, 0));
    }
    case StorageFault::ReadOnly:
        return tr("the file system holding %1 is mounted read-only; remount it read-write or "
                  "set DEPLOYDESK_DATA_DIR to a writable folder")
            .arg(folder);
    case StorageFault::Permission:
        return tr("%1 or its folder is not writable by this user (permission denied); fix "
                  "its owner or mode")
            .arg(QDir::toNativeSeparators(path));
    case StorageFault::Busy:
        return tr("another process held a lock on the history for longer than the busy "
                  "timeout (%1 ms)")
            .arg(busyTimeoutMs());
    case StorageFault::IoError:
        return tr("the device holding %1 reported an input/output error; check the disk "
                  "(dmesg) before writing more")
            .arg(folder);
    case StorageFault::Damaged:
        return tr("the file is damaged or is not an SQLite database; run `deploydeskctl "
                  "check` to see what is damaged, then restore it from a backup");
    case StorageFault::CannotOpen:
        return tr("%1 cannot be opened").arg(QDir::toNativeSeparators(path));
    }
    return {};
}

} // namespace DeployDesk::Internal
