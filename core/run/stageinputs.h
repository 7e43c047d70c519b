#pragma once

#include "common/error.h"
#include "config/pipeline.h"

#include <QString>
#include <QStringList>

namespace DeployDesk {

// What a stage's `inputs:` hash to (issue 11 §7): when a successful earlier stage of the
// same workspace and pipeline recorded the same hash, the stage is reused instead of run.
struct StageInputs
{
    QString hash;          // hex SHA-256
    int files = 0;         // files hashed
    qint64 bytes = 0;      // their size
    QStringList unmatched; // patterns that matched no file (part of the hash too)
};

// Hashes what decides a stage's result: its command (`run`, or `uses` and `with`), its
// environment as written (the pipeline's `env`, the environment's variables, the stage's
// `env`; the names of its secrets, never their values), and the files its `inputs:`
// patterns match under its workdir — each file's path and the SHA-256 of its content,
// in path order. Patterns are globs: `*` and `?` within a folder name, `[abc]`, `**` for
// any number of folders; a pattern without wildcards that names a folder takes every file
// below it. Symbolic links are hashed by their target, never followed (a link may lead
// out of the workspace); FIFOs, sockets and devices by their kind, never opened. Io when
// a file cannot be read, naming it.
Result<StageInputs> hashStageInputs(const Pipeline &pipeline, const Stage &stage,
                                    const QString &environment);

} // namespace DeployDesk
