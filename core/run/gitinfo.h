#pragma once

#include <QString>

namespace DeployDesk {

struct GitInfo
{
    QString commit; // full hash of HEAD, empty when not a repository
    QString branch; // empty when detached
};

// Reads HEAD of the repository holding `dir` without running git: .git/HEAD, loose
// refs and packed-refs. Cheap enough for the GUI thread; empty when not a repository.
GitInfo readGitInfo(const QString &dir);

} // namespace DeployDesk
