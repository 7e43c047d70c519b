#pragma once

#include "common/error.h"
#include "config/paramschema.h"

#include <QByteArrayList>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

namespace DeployDesk {

struct TargetRequest;

namespace Alembic {

// The `with:` options of an alembic stage (or of a rollback of its layer), resolved.
struct Options
{
    QString python = QStringLiteral("python3"); // a command that runs a Python with alembic
    QString config;                             // alembic.ini (absolute)
    QString workdir;                            // where Alembic runs (the stage's workdir)
    QString revision = QStringLiteral("head");  // what `upgrade` goes to
    QString urlVariable = QStringLiteral("DATABASE_URL");
    // The database URL: from urlVariable in the stage's environment, else default-url.
    // Never logged, never recorded.
    QString url;
    bool urlIsDefault = false;
};

ParamSchema params();
Result<Options> parseOptions(const TargetRequest &request);

// The environment Alembic runs with: the stage's, DATABASE_URL set to the URL and the
// runner script (which gives Alembic that URL as sqlalchemy.url) in a variable.
QProcessEnvironment processEnvironment(const TargetRequest &request, const Options &options);
// The shell command running `alembic -c CONFIG ARGS...` through the runner script.
QString command(const Options &options, const QStringList &args);

// "sqlite", "postgresql", ...: the only part of a URL that is recorded.
QString dialectOf(const QString &url);
// What of a URL must be masked besides the whole of it: its password, as written and
// percent-decoded, and the URL with its password decoded.
QByteArrayList secretPartsOf(const QString &url);
// For sqlite:///path URLs: the database file's absolute path (relative paths are taken
// from `workdir`); empty for other URLs and in-memory databases.
QString sqliteFile(const QString &url, const QString &workdir);

// Text for shells: 'it''s' -> 'it'\''s'.
QString shellQuote(const QString &text);

} // namespace Alembic
} // namespace DeployDesk
