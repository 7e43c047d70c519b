#include "data/alembic/alembicoptions.h"

#include "common/translate.h"
#include "deploy/deploytarget.h"

#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>
#include <QUrl>

namespace DeployDesk::Alembic {

namespace {

// Runs Alembic's own command line with the database URL of $DATABASE_URL as
// sqlalchemy.url (so an unchanged env.py, which reads sqlalchemy.url, migrates the
// database DeployDesk was given). ConfigParser interpolates "%": a percent-encoded
// password needs it doubled. A missing alembic module is reported on a line of its own.
constexpr char kRunner[] = R"PY(import os, sys
try:
    from alembic.config import CommandLine, Config
except ImportError as error:
    sys.stderr.write("DEPLOYDESK-ALEMBIC-MISSING: %s\n" % error)
    sys.exit(3)
cli = CommandLine(prog="alembic")
options = cli.parser.parse_args(sys.argv[1:])
if not hasattr(options, "cmd"):
    cli.parser.error("too few arguments")
config = Config(file_=options.config, ini_section=options.name, cmd_opts=options)
url = os.environ.get("DATABASE_URL", "")
if url:
    config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
cli.run_cmd(config, options)
)PY";

QString absoluteIn(const QString &base, const QString &path)
{
    return QDir::cleanPath(QDir(base).absoluteFilePath(path));
}

} // namespace

ParamSchema params()
{
    using K = ParamSpec::Kind;
    return {
        {QStringLiteral("revision"),
         K::String,
         false,
         tr("the revision to upgrade to (default head)"),
         {},
         0,
         0},
        {QStringLiteral("config"),
         K::String,
         false,
         tr("Alembic's configuration file, relative to the stage's workdir (default "
            "alembic.ini)"),
         {},
         0,
         0},
        {QStringLiteral("python"),
         K::String,
         false,
         tr("the Python that runs Alembic (a command; default python3); it must be able to "
            "import alembic and the database driver"),
         {},
         0,
         0},
        {QStringLiteral("url-variable"),
         K::String,
         false,
         tr("the variable holding the database URL (default DATABASE_URL); list it under the "
            "stage's secrets"),
         {},
         0,
         0},
        {QStringLiteral("default-url"),
         K::String,
         false,
         tr("the database URL when that variable is not set (a local SQLite file, say); never "
            "a URL with a password"),
         {},
         0,
         0},
    };
}

Result<Options> parseOptions(const TargetRequest &request)
{
    const QVariantMap &with = request.with;
    const StageContext &context = request.context;
    Options options;
    options.workdir =
        QDir::cleanPath(context.workdir.isEmpty() ? context.workspaceDir : context.workdir);
    const QString python = with.value(QStringLiteral("python")).toString().trimmed();
    if (!python.isEmpty())
        options.python = python;
    const QString revision = with.value(QStringLiteral("revision")).toString().trimmed();
    if (!revision.isEmpty())
        options.revision = revision;
    if (options.revision.startsWith(u'-') ||
        options.revision.contains(QRegularExpression(QStringLiteral("\\s"))))
        return makeError(ErrorCode::Invalid,
                         tr("\"revision\" of alembic must be a revision such as head, a1b2c3 or "
                            "+1; found \"%1\"")
                             .arg(options.revision));
    const QString config = with.value(QStringLiteral("config")).toString().trimmed();
    options.config =
        absoluteIn(options.workdir, config.isEmpty() ? QStringLiteral("alembic.ini") : config);
    const QString variable = with.value(QStringLiteral("url-variable")).toString().trimmed();
    if (!variable.isEmpty())
        options.urlVariable = variable;

    const QProcessEnvironment env =
        context.env.isEmpty() ? QProcessEnvironment::systemEnvironment() : context.env;
    options.url = env.value(options.urlVariable).trimmed();
    if (options.url.isEmpty()) {
        options.url = with.value(QStringLiteral("default-url")).toString().trimmed();
        options.urlIsDefault = true;
    }
    if (options.url.isEmpty())
        return makeError(ErrorCode::Invalid,
                         tr("stage \"%1\" has no database URL: %2 is not set. Set the secret "
                            "(deploydeskctl secrets set %2) and list it under the stage's "
                            "secrets, or give the stage a default-url")
                             .arg(context.stageName, options.urlVariable));
    if (options.urlIsDefault && !secretPartsOf(options.url).isEmpty())
        return makeError(ErrorCode::Invalid,
                         tr("\"default-url\" of stage \"%1\" holds a password; keep that URL in "
                            "the secret %2 instead (deploydeskctl secrets set %2)")
                             .arg(context.stageName, options.urlVariable));
    return options;
}

QProcessEnvironment processEnvironment(const TargetRequest &request, const Options &options)
{
    QProcessEnvironment env = request.context.env.isEmpty()
                                  ? QProcessEnvironment::systemEnvironment()
                                  : request.context.env;
    env.insert(QStringLiteral("DATABASE_URL"), options.url);
    env.insert(QStringLiteral("DEPLOYDESK_ALEMBIC_RUNNER"), QString::fromLatin1(kRunner));
    env.insert(QStringLiteral("PYTHONUNBUFFERED"), QStringLiteral("1"));
    return env;
}

QString command(const Options &options, const QStringList &args)
{
    QStringList parts{options.python, QStringLiteral("-c \"$DEPLOYDESK_ALEMBIC_RUNNER\" -c"),
                      shellQuote(options.config)};
    for (const QString &a : args)
        parts << shellQuote(a);
    return QStringLiteral("exec ") + parts.join(u' ');
}

QString dialectOf(const QString &url)
{
    const qsizetype colon = url.indexOf(u':');
    QString scheme = colon > 0 ? url.left(colon) : QString();
    if (const qsizetype plus = scheme.indexOf(u'+'); plus > 0)
        scheme.truncate(plus); // postgresql+psycopg2 -> postgresql
    return scheme.toLower();
}

QByteArrayList secretPartsOf(const QString &url)
{
    // scheme://user:password@host/...: the password is what lies between the first ':'
    // after "//" and the last '@' before the path.
    const qsizetype start = url.indexOf(QStringLiteral("://"));
    if (start < 0)
        return {};
    const qsizetype slash = url.indexOf(u'/', start + 3);
    const QString authority = url.mid(start + 3, slash < 0 ? -1 : slash - start - 3);
    const qsizetype at = authority.lastIndexOf(u'@');
    if (at < 0)
        return {};
    const QString userInfo = authority.left(at);
    const qsizetype colon = userInfo.indexOf(u':');
    if (colon < 0 || colon + 1 >= userInfo.size())
        return {};
    const QString password = userInfo.mid(colon + 1);
    QByteArrayList parts{password.toUtf8()};
    const QByteArray decoded = QByteArray::fromPercentEncoding(password.toUtf8());
    if (decoded != parts.first()) {
        parts << decoded;
        QString decodedUrl = url;
        decodedUrl.replace(start + 3 + colon + 1, password.size(), QString::fromUtf8(decoded));
        parts << decodedUrl.toUtf8();
    }
    return parts;
}

QString sqliteFile(const QString &url, const QString &workdir)
{
    if (dialectOf(url) != QLatin1String("sqlite"))
        return {};
    const qsizetype start = url.indexOf(QStringLiteral(":///"));
    if (start < 0)
        return {};
    QString path = url.mid(start + 4);
    if (const qsizetype query = path.indexOf(u'?'); query >= 0)
        path.truncate(query);
    if (path.isEmpty() || path == QLatin1String(":memory:"))
        return {};
    // sqlite:////abs/path has a fourth slash; sqlite:///rel/path is relative.
    return absoluteIn(workdir, path);
}

QString shellQuote(const QString &text)
{
    QString quoted = text;
    quoted.replace(u'\'', QStringLiteral("'\\''"));
    return u'\'' + quoted + u'\'';
}

} // namespace DeployDesk::Alembic
