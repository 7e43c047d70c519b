#pragma once

#include <QString>
#include <QStringList>

namespace DeployDesk {

// The globs of `inputs:` and of a cache key's `files:`: "/"-separated paths relative to a
// folder, with `*` and `?` within a folder name, `[abc]` and `[!abc]`, and `**` for any
// number of folders. A pattern without wildcards that names a folder takes every file below
// it.

// Whether `path` (relative, "/"-separated) matches `pattern`.
bool matchesGlob(const QString &pattern, const QString &path);

// The files below `root` that `pattern` takes, relative to `root` and sorted: regular
// files, symbolic links (never followed: a link may lead out of the workspace) and special
// files, never folders.
QStringList filesMatchingGlob(const QString &root, QString pattern);

} // namespace DeployDesk
