#pragma once

#include <QString>
#include <QStringList>

#include <optional>

namespace DeployDesk {

struct GitInfo
{
    QString commit; // full hash of HEAD, empty when not a repository
    QString branch; // empty when detached
};

// Reads HEAD of the repository holding `dir` without running git: .git/HEAD, loose
// refs and packed-refs. Cheap enough for the GUI thread; empty when not a repository.
GitInfo readGitInfo(const QString &dir);

// What `git status --porcelain` says about the working tree holding `dir`: whether it has
// uncommitted changes (modified, staged, deleted or untracked files) and which, one
// porcelain line each ("M  docs/index.md", "?? notes.txt"), at most kMaxChangedFiles of
// them and then one line saying how many more. Runs git (without taking the index lock);
// std::nullopt when `dir` is not in a repository or git cannot be run.
struct GitTreeState
{
    bool dirty = false;
    QStringList changedFiles;
};
constexpr int kMaxChangedFiles = 100;
std::optional<GitTreeState> readGitTreeState(const QString &dir);

} // namespace DeployDesk
