#pragma once

#include "common/error.h"

#include <QByteArray>
#include <QStringList>

namespace DeployDesk {

// Files DeployDesk keeps (artifacts) are stored by content. Each distinct file (its SHA-256
// and its permission bits) is one object, <dataDir>/artifacts/objects/<2 hex>/<sha256>-<mode>, and
// every copy kept with a run (<dataDir>/artifacts/<run>/<stage>/<path>) is a hard link to
// it: the same build kept by six runs takes its size once. Copies kept before objects
// existed, or where the file system has no hard links, are plain files; both read the same.

// Keeps the regular file `from` at `to` as a hard link to its object, writing the object
// when it is new (under a temporary name, then renamed: an object is whole or absent). The
// same file kept again adds no bytes. Where a link cannot be made (a file system without
// hard links, or a prune removed the object in between), `to` is a plain copy. The file is
// hashed before it is copied, so a file kept again is read once and never written. Adds the
// file's size to `*size`, and to `*newBytes` (when given) the bytes of an object it had to
// write; returns its SHA-256. Io naming the file that could not be read or written.
Result<QByteArray> storeByContent(const QString &dataDir, const QString &from, const QString &to,
                                  qint64 *size, qint64 *newBytes = nullptr);
// Copies the regular file `from` to `to` (with its permissions), hashing on the way; adds
// the bytes to `*size` and returns the SHA-256.
Result<QByteArray> copyHashed(const QString &from, const QString &to, qint64 *size);

// <dataDir>/artifacts/objects
QString storedObjectsDir(const QString &dataDir);
// Where the object of a file with this content and these permission bits (st_mode & 0777)
// lives.
QString storedObjectPath(const QString &dataDir, const QString &sha256Hex, unsigned mode);

struct ObjectSweep
{
    qint64 objects = 0;   // objects removed
    qint64 bytes = 0;     // their size
    QStringList failures; // objects that could not be removed, with why
};

// Removes the objects no kept copy links to any more (a link count of 1), and the leftovers
// of a keep that was interrupted (files in objects/tmp older than an hour). Called by the
// prune after it removed copies.
ObjectSweep sweepStoredObjects(const QString &dataDir);

// What `path` (a file or a folder, not following symlinks) takes on disk: the size of each
// distinct file counted once, however many links it has inside `path`.
qint64 distinctBytes(const QString &path);

} // namespace DeployDesk
