// deploydeskctl secrets set NAME | list | rm NAME
#include "cli.h"
#include "common/translate.h"

#include "config/pipelineloader.h"
#include "secrets/secretstore.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>

#include <termios.h>
#include <unistd.h>

namespace DeployDesk::Cli {

namespace {
// Reads the value without echo on a terminal, else all of stdin (one trailing newline
// dropped). Never from the command line, where it would land in the shell's history.
QString readValue(Context &ctx, const QString &name)
{
    QByteArray value;
    if (ctx.stdinIsTerminal()) {
        std::fprintf(stderr, "%s", qPrintable(tr("value of %1 (not shown): ").arg(name)));
        termios old = {};
        ::tcgetattr(STDIN_FILENO, &old);
        termios quiet = old;
        quiet.c_lflag &= ~tcflag_t(ECHO);
        ::tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
        char buffer[4096];
        if (std::fgets(buffer, sizeof buffer, stdin))
            value = buffer;
        ::tcsetattr(STDIN_FILENO, TCSANOW, &old);
        std::fprintf(stderr, "\n");
    } else {
        QFile in;
        if (in.open(stdin, QIODevice::ReadOnly))
            value = in.readAll();
    }
    if (value.endsWith('\n'))
        value.chop(1);
    if (value.endsWith('\r'))
        value.chop(1);
    return QString::fromUtf8(value);
}
} // namespace

int secrets(Context &ctx)
{
    const QStringList args = ctx.args.positionalArguments();
    const QString action = args.value(1);
    SecretStore *store = ctx.secrets();
    if (action == QLatin1String("list") && args.size() == 2) {
        QStringList names = store->knownNames();
        // The secrets the workspace's pipeline asks for, set or not.
        const LoadResult loaded = PipelineLoader::loadFile(
            QDir(ctx.workspace).filePath(QStringLiteral("deploydesk.yml")));
        QMap<QString, QStringList> usedBy;
        for (const Stage &s : loaded.pipeline.stages)
            for (const QString &n : s.secrets)
                usedBy[n] << s.name;
        for (auto it = usedBy.cbegin(); it != usedBy.cend(); ++it)
            if (!names.contains(it.key()))
                names << it.key();
        std::sort(names.begin(), names.end());
        if (names.isEmpty()) {
            ctx.out(tr("no secrets are known; set one with \"deploydeskctl secrets set NAME\""));
            return ExitSuccess;
        }
        for (const QString &name : std::as_const(names)) {
            QString where;
            switch (store->sourceOf(name)) {
            case SecretStore::Source::Keychain:
                where = tr("set (keychain)");
                break;
            case SecretStore::Source::Environment:
                where = tr("set (environment)");
                break;
            case SecretStore::Source::Missing:
                where = tr("NOT SET");
                break;
            }
            QString line =
                QStringLiteral("%1  %2").arg(name.leftJustified(28), where.leftJustified(18));
            if (usedBy.contains(name))
                line += tr("used by %1").arg(usedBy.value(name).join(QStringLiteral(", ")));
            ctx.out(line.trimmed());
        }
        return ExitSuccess;
    }
    if ((action == QLatin1String("set") || action == QLatin1String("rm")) && args.size() == 3) {
        const QString name = args[2];
        if (!SecretStore::isValidName(name)) {
            ctx.err(tr("\"%1\" is not a valid secret name: use letters, digits and _, not starting "
                       "with a digit (it becomes an environment variable)")
                        .arg(name));
            return ExitInvalid;
        }
        if (action == QLatin1String("set")) {
            const QString value = readValue(ctx, name);
            if (value.isEmpty()) {
                ctx.err(tr("no value given for %1; nothing was changed").arg(name));
                return ExitInvalid;
            }
            if (auto r = store->setValue(name, value); !r) {
                ctx.err(r.error().toString());
                return ExitFailed;
            }
            ctx.out(tr("%1 saved in the keychain").arg(name));
            return ExitSuccess;
        }
        if (auto r = store->remove(name); !r) {
            ctx.err(r.error().toString());
            return ExitFailed;
        }
        ctx.out(tr("%1 removed").arg(name));
        return ExitSuccess;
    }
    ctx.err(tr(
        "usage: deploydeskctl secrets set NAME   (the value is read from the terminal or stdin)\n"
        "       deploydeskctl secrets list\n"
        "       deploydeskctl secrets rm NAME"));
    return ExitInvalid;
}

} // namespace DeployDesk::Cli
