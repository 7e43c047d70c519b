// deploydeskctl: the command-line twin of the DeployDesk panel.
#include "cli.h"

#include "common/heap.h"
#include "common/job.h"
#include "common/paths.h"
#include "common/processinfo.h"
#include "i18n/translations.h"
#include "secrets/secretstore.h"
#include "store/historystore.h"

#include <QCoreApplication>
#include <QDir>
#include <QEventLoop>
#include <QFileInfo>

#include <unistd.h>

using namespace DeployDesk;

namespace DeployDesk::Cli {

Context::Context(QCommandLineParser &parser, QString dir)
    : args(parser)
    , workspace(std::move(dir))
    , m_stdoutTty(::isatty(STDOUT_FILENO) == 1)
{}

Context::~Context() = default;

bool Context::stdinIsTerminal() const
{
    return ::isatty(STDIN_FILENO) == 1;
}

Result<HistoryStore *> Context::store()
{
    if (!m_store) {
        auto opened = HistoryStore::open(Paths::dataDir());
        if (!opened)
            return std::unexpected(opened.error());
        m_store = std::move(*opened);
        m_store->recoverInterrupted(
            [](qint64 pid, qint64 ticks) { return ProcessInfo::isAlive(pid, ticks); });
    }
    return m_store.get();
}

SecretStore *Context::secrets()
{
    if (!m_secrets)
        m_secrets =
            std::make_unique<SecretStore>(Paths::dataDir() + QStringLiteral("/secrets.json"));
    return m_secrets.get();
}

void Context::out(const QString &text)
{
    const QByteArray bytes = text.toUtf8() + '\n';
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
}

void Context::err(const QString &text)
{
    std::fflush(stdout);
    const QByteArray bytes = text.toUtf8() + '\n';
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stderr);
}

void Context::writeRaw(QByteArrayView bytes)
{
    if (bytes.isEmpty())
        return; // an empty QByteArray's data() may be null, which fwrite must not get
    std::fwrite(bytes.data(), 1, size_t(bytes.size()), stdout);
}

qint64 Context::parseRunId(const QString &text)
{
    bool ok = false;
    const qint64 id = text.toLongLong(&ok);
    if (!ok || id <= 0) {
        err(QCoreApplication::translate("DeployDesk",
                                        "\"%1\" is not a run id; run ids are positive numbers "
                                        "as listed by \"deploydeskctl history\"")
                .arg(text));
        return 0;
    }
    return id;
}

std::expected<RunRecord, int> Context::runArgument(const QString &usage, int maxArgs)
{
    const QStringList positional = args.positionalArguments();
    if (positional.size() < 2 || positional.size() > maxArgs) {
        err(QCoreApplication::translate("DeployDesk", "usage: %1").arg(usage));
        return std::unexpected(int(ExitInvalid));
    }
    const qint64 id = parseRunId(positional[1]);
    if (!id)
        return std::unexpected(int(ExitInvalid));
    auto opened = store();
    if (!opened) {
        err(opened.error().toString());
        return std::unexpected(int(ExitInvalid));
    }
    auto run = (*opened)->run(id);
    if (!run) {
        err(run.error().toString());
        return std::unexpected(int(ExitInvalid));
    }
    return *run;
}

void runToEnd(Job *job)
{
    QEventLoop loop;
    QObject::connect(job, &Job::result, &loop, &QEventLoop::quit);
    job->start();
    if (!job->isFinished())
        loop.exec();
}

} // namespace DeployDesk::Cli

namespace {

struct Command
{
    const char *name;
    const char *summary;
    int (*handler)(Cli::Context &);
    void (*addOptions)(QCommandLineParser &);
};

const Command kCommands[] = {
    {"validate", "Check deploydesk.yml and report every problem [--env E] [--stage S]",
     Cli::validate, Cli::addValidateOptions},
    {"run", "Run the pipeline (or some stages) and record it", Cli::run, Cli::addRunOptions},
    {"history", "List earlier runs, newest first", Cli::history, Cli::addHistoryOptions},
    {"runs", "Alias of history", Cli::history, Cli::addHistoryOptions},
    {"show", "Show a run: stages, events, artifacts", Cli::show, Cli::addShowOptions},
    {"logs", "Print (or follow) the logs of a run", Cli::logs, Cli::addLogsOptions},
    {"cancel", "Cancel a running run, from any terminal", Cli::cancel, nullptr},
    {"export", "Write a run's report as Markdown or HTML", Cli::exportRun, Cli::addExportOptions},
    {"secrets", "Manage secrets: set NAME | list | rm NAME", Cli::secrets, nullptr},
    {"deploy", "Deploy to an environment: deploy ENV [--branch B]", Cli::deploy,
     Cli::addDeployOptions},
    {"releases", "List an environment's releases: releases ENV [--json] | pin|unpin RELEASE",
     Cli::releases, Cli::addReleasesOptions},
    {"rollback", "Roll an environment back: rollback ENV [RELEASE] [--yes]", Cli::rollback,
     Cli::addRollbackOptions},
    {"promote", "Deploy a run's artifacts to another environment: promote RUN ENV", Cli::promote,
     Cli::addDeployOptions},
    {"queue", "Show the deploys and rollbacks running or waiting [--json]", Cli::queue,
     Cli::addReleasesOptions},
    {"compare", "Compare two releases: layers and commits between them", Cli::compare, nullptr},
    {"corpus", "The docs' chunks and tokens; --diff MANIFEST: what a re-embed would send",
     Cli::corpus, Cli::addCorpusOptions},
    {"reembed", "Re-embed the docs into the vector index [--full] [--dry-run] [--env E]",
     Cli::reembed, Cli::addReembedOptions},
    {"index", "The vector index: versions [--json] | switch VERSION | query \"TEXT\"", Cli::index,
     Cli::addIndexOptions},
    {"check", "Check the history for damage: SQLite's and the log index's checks", Cli::check,
     nullptr},
    {"migrate", "Migrate an environment's database: migrate ENV [--revision R]", Cli::migrate,
     Cli::addMigrateOptions},
    {"prune", "Remove old runs: prune --older-than 90d | --keep-last N [--env E] [--dry-run]",
     Cli::prune, Cli::addPruneOptions},
    {"backup", "Write a consistent copy of the history: backup FILE [--force]", Cli::backup,
     Cli::addBackupOptions},
    {"restore", "Check a backup and make it the history: restore FILE", Cli::restore, nullptr},
    {"compact", "Compress the logs stored before compression (zstd)", Cli::compact, nullptr},
    {"workflow",
     "GitHub Actions workflows: workflow list | plan FILE | run FILE | remote | import | "
     "dispatch FILE | follow|cancel|rerun|approve|reject RUN",
     Cli::workflow, Cli::addWorkflowOptions},
};

QString commandList()
{
    QString text = QStringLiteral("Commands:\n");
    for (const Command &c : kCommands)
        text += QStringLiteral("  %1 %2\n")
                    .arg(QString::fromLatin1(c.name), -10)
                    .arg(QCoreApplication::translate("DeployDesk", c.summary));
    return text;
}

} // namespace

int main(int argc, char *argv[])
{
    DeployDesk::keepFreedHeapForReuse();
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("deploydeskctl"));
    QCoreApplication::setApplicationVersion(QStringLiteral(DEPLOYDESK_VERSION));
    DeployDesk::installEnglishPlurals(app);

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QCoreApplication::translate("DeployDesk", "DeployDesk on the command line: run, follow "
                                                  "and inspect deployment pipelines.") +
        QLatin1Char('\n') + commandList());
    parser.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsOptions);
    const QCommandLineOption helpOption = parser.addHelpOption();
    const QCommandLineOption versionOption = parser.addVersionOption();
    const QCommandLineOption workspaceOption(
        {QStringLiteral("w"), QStringLiteral("workspace")},
        QCoreApplication::translate("DeployDesk",
                                    "The workspace folder (default: the current folder)."),
        QStringLiteral("dir"));
    parser.addOption(workspaceOption);
    parser.addPositionalArgument(QStringLiteral("command"),
                                 QCoreApplication::translate("DeployDesk", "The command to run."));

    parser.parse(QCoreApplication::arguments());
    if (parser.isSet(versionOption)) {
        std::printf("deploydeskctl %s\n", DEPLOYDESK_VERSION);
        return 0;
    }
    const QStringList positional = parser.positionalArguments();
    const QString name = positional.value(0);
    const Command *command = nullptr;
    for (const Command &c : kCommands) {
        if (name == QLatin1String(c.name))
            command = &c;
    }
    if (!command) {
        if (parser.isSet(helpOption) || name.isEmpty()) {
            std::fputs(qPrintable(parser.helpText()),
                       name.isEmpty() && !parser.isSet(helpOption) ? stderr : stdout);
            return parser.isSet(helpOption) ? 0 : Cli::ExitInvalid;
        }
        std::fprintf(stderr, "deploydeskctl: unknown command \"%s\"\n%s", qPrintable(name),
                     qPrintable(commandList()));
        return Cli::ExitInvalid;
    }
    if (command->addOptions)
        command->addOptions(parser);
    if (!parser.parse(QCoreApplication::arguments())) {
        std::fprintf(stderr, "deploydeskctl %s: %s\n", command->name,
                     qPrintable(parser.errorText()));
        return Cli::ExitInvalid;
    }
    if (parser.isSet(helpOption)) {
        std::fputs(qPrintable(parser.helpText()), stdout);
        return 0;
    }
    QString workspace = parser.value(workspaceOption);
    if (workspace.isEmpty())
        workspace = QDir::currentPath();
    const QFileInfo info(workspace);
    if (!info.isDir()) {
        std::fprintf(stderr, "deploydeskctl: workspace \"%s\" is not a folder\n",
                     qPrintable(workspace));
        return Cli::ExitInvalid;
    }
    Cli::Context ctx(parser, info.absoluteFilePath());
    const int code = command->handler(ctx);
    std::fflush(stdout);
    return code;
}
