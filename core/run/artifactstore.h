#pragma once

#include "common/error.h"
#include "store/records.h"

#include <QString>

namespace DeployDesk {

// Keeps a stage's declared artifacts with the run: keeps each declared path (a file
// or a folder) at <dataDir>/artifacts/<run>/<stage>/<path>, and records its size and
// SHA-256 (for a folder: over the sorted list of its files' relative paths and hashes).
// Files are stored by content (common/filestore.h): a file kept before, by any run or
// stage, is linked, not copied again.
class ArtifactStore final
{
public:
    explicit ArtifactStore(QString dataDir);

    // `declared` is relative to `workdir`. NotFound when the path does not exist. Invalid
    // when `stage` is not a single path component (empty, ".", "..", with a "/"), or when
    // the path, or a file inside the folder, resolves (symlinks followed) outside
    // `boundary` (the workspace; `workdir` when empty) or to something that is not a
    // regular file or folder.
    Result<ArtifactRecord> keep(qint64 runId, const QString &stage, const QString &workdir,
                                const QString &declared, const QString &boundary = {}) const;
    // Puts a kept artifact back at its place under `workdir` (a re-run reusing a stage).
    // Invalid when that place resolves outside `boundary` (the workspace; `workdir` when
    // empty); a symlink standing at the place is replaced, never followed.
    Result<void> restore(const ArtifactRecord &artifact, const QString &workdir,
                         const QString &boundary = {}) const;

private:
    QString m_dataDir;
};

} // namespace DeployDesk
