#pragma once

// The files a GitHub Actions step writes to talk to the runner: GITHUB_ENV, GITHUB_OUTPUT and
// GITHUB_STATE (one format), and GITHUB_PATH, read as actions/runner reads them
// (FileCommandManager.cs). Pure: the caller reads the files. docs/workflow-commands.md is
// the user's reference.

#include "common/error.h"

#include <QByteArrayView>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace DeployDesk {

struct GitHubFileEntry
{
    QString name;
    QString value;
    int line = 0; // 1-based line of `NAME=` or `NAME<<`

    friend bool operator==(const GitHubFileEntry &, const GitHubFileEntry &) = default;
};

// The most DeployDesk reads from one of these files: 50 MB, GitHub's limit for all the
// outputs of a run together (one output may hold 1 MB).
inline constexpr qint64 kMaxGitHubFileBytes = 50'000'000;

// An error (ErrorCode::Invalid) naming `what` and the limit when a file of `bytes` bytes is
// too large to read; check it before reading the file.
Result<void> checkGitHubFileSize(qint64 bytes, const QString &what);

// `NAME=value` lines and heredocs `NAME<<DELIMITER` ... `DELIMITER`, as the runner reads
// them: the name is everything before the first `=` or `<<`, whichever comes first; the
// value everything after it (or the lines up to the first line that is exactly DELIMITER,
// without their last line break); "\r\n" ends a line as "\n" does; empty lines are
// skipped, a line of only spaces is not. A UTF-8 or UTF-16 byte order mark is read as one.
// Entries come in file order; when a name repeats, the later entry wins (the runner sets
// them one after the other).
//
// A problem (a line with neither `=` nor `<<`, an empty name or delimiter, a heredoc whose
// delimiter never comes, a file over kMaxGitHubFileBytes) is an Error (ErrorCode::Invalid)
// whose message names `what` (e.g. "GITHUB_OUTPUT") and the 1-based line, says what is
// wrong and how to fix it. Values are never quoted in it: they may be secrets. (GitHub sets
// the entries before a bad line, then fails the step; here the whole file is refused.)
Result<QList<GitHubFileEntry>> parseGitHubFile(QByteArrayView content, const QString &what);

// GITHUB_PATH: one directory per line, in order; empty lines are skipped (a line of spaces
// is a directory to the runner, and here). "\r\n" ends a line as "\n" does.
QStringList parseGitHubPath(QByteArrayView content);

// PATH for a step, as the runner makes it: `path` is the job's PATH (not the previous
// step's), `added` every directory added to GITHUB_PATH by the steps before, in the order
// they were added. The directory added last comes first; one added again moves to the
// front; the rest of `path` follows unchanged:
//   added {"/a", "/b", "/c", "/a"}, path "/usr/bin"  ->  "/a:/c:/b:/usr/bin"
// (';' on Windows). `path` is returned as it is when it already starts with them.
QString prependToPath(const QString &path, const QStringList &added);

// Names GitHub refuses to let GITHUB_ENV set -> nullopt if allowed, else the reason. Only
// NODE_OPTIONS, in any case, since runner 2.309.0: GitHub reports an error for that line and
// sets the other variables. (GitHub's own GITHUB_* and RUNNER_* variables are set again by
// GitHub for every step, so writing them has no effect there; they are not refused.)
std::optional<QString> refusedEnvName(const QString &name);

} // namespace DeployDesk
