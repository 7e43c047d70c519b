#pragma once

#include <QString>
#include <QStringList>

namespace DeployDesk::Alembic {

// Alembic's command-line output (docs: /work/shared/reference/apis.md §6). Results go
// to stdout one revision per line ("b2c3 (head)"); progress goes through logging to
// stderr; a CommandError prints "FAILED: <msg>" and exits 255; an uncaught database or
// driver error prints a traceback and exits 1.

// The revisions of `current` or `heads` output, in order: the first word of each line
// that is a revision ("b2c3 (head)" -> "b2c3"); log lines are ignored.
QStringList revisions(const QStringList &stdoutLines);
// The revisions `history` lists, newest first: "a1 -> b2 (head), msg" -> "b2".
QStringList historyRevisions(const QStringList &stdoutLines);
// What a failed call says: its "FAILED: " message, else the exception line of its
// traceback ("sqlalchemy.exc.OperationalError: ..."), else empty.
QString failureMessage(const QStringList &stdoutLines, const QStringList &stderrLines);
// The runner's report that the Python it ran cannot import alembic, else empty.
QString missingModule(const QStringList &stderrLines);

} // namespace DeployDesk::Alembic
