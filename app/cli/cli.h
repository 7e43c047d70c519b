#pragma once

#include "common/error.h"
#include "store/records.h"

#include <QCommandLineParser>
#include <QString>

#include <cstdio>
#include <memory>

#include "config/pipelineloader.h"

#include <functional>

namespace DeployDesk {
class HistoryStore;
class Job;
class SecretStore;
class RunController;
struct RunRequest;
} // namespace DeployDesk

namespace DeployDesk::Cli {

enum ExitCode {
    ExitSuccess = 0,
    ExitFailed = 1,      // the run failed
    ExitInvalid = 2,     // invalid input: arguments, pipeline file, unknown run; a damaged log
    ExitNotRecorded = 3, // the history could not be written: the run's record is incomplete
    ExitCancelled = 130,
};

// What every command gets: the parsed arguments, the workspace, and lazily opened
// services. Output goes through out()/err() (stdout/stderr, UTF-8).
class Context final
{
public:
    Context(QCommandLineParser &parser, QString workspace);
    ~Context();

    QCommandLineParser &args;
    const QString workspace; // absolute

    // Opens the history (and marks runs whose runner died as interrupted).
    Result<HistoryStore *> store();
    SecretStore *secrets();
    bool stdoutIsTerminal() const { return m_stdoutTty; }
    bool stdinIsTerminal() const;

    void out(const QString &text);       // adds a newline
    void err(const QString &text);       // adds a newline
    void writeRaw(QByteArrayView bytes); // stdout, as is

    // "N" -> N; prints an error and returns 0 when it is no run id.
    qint64 parseRunId(const QString &text);
    // The run named by the command's first argument (commands taking 1 to maxArgs - 1
    // arguments). On failure it says why (usage, a bad id, an unknown run) and gives the
    // exit code.
    std::expected<RunRecord, int> runArgument(const QString &usage, int maxArgs = 2);

private:
    std::unique_ptr<HistoryStore> m_store;
    std::unique_ptr<SecretStore> m_secrets;
    bool m_stdoutTty = false;
};

// Starts `job` and runs a local event loop until its result (the CLI has nothing else to
// do meanwhile).
void runToEnd(Job *job);

int validate(Context &ctx);
int run(Context &ctx);
int history(Context &ctx);
int show(Context &ctx);
int logs(Context &ctx);
int cancel(Context &ctx);
int secrets(Context &ctx);
int exportRun(Context &ctx);
int deploy(Context &ctx);
int releases(Context &ctx);
int rollback(Context &ctx);
int promote(Context &ctx);
int queue(Context &ctx);
int compare(Context &ctx);
int workflow(Context &ctx);
int corpus(Context &ctx);
int reembed(Context &ctx);
int index(Context &ctx);
void addReembedOptions(QCommandLineParser &parser);
void addIndexOptions(QCommandLineParser &parser);

// Shared by the deploy-like commands (deploycommand.cpp): the workspace's validated pipeline
// (or the exit code after its problems were printed), a terminal confirmation (protected
// environments need their name typed), and the approval a protected environment needs.
std::expected<Pipeline, int> loadWorkspace(Context &ctx, RunController &controller,
                                           const QString &environment);
bool confirm(Context &ctx, const QString &environment, bool isProtected);
int approveProtected(Context &ctx, RunRequest &request, bool needsApproval);
int check(Context &ctx);
int migrate(Context &ctx);
// prunecommand.cpp: prune the history, back it up, restore a backup; `releases pin|unpin ID`.
int prune(Context &ctx);
int backup(Context &ctx);
int restore(Context &ctx);
int compact(Context &ctx);
int pinRelease(Context &ctx, bool pinned, const QString &id);
void addPruneOptions(QCommandLineParser &parser);
void addBackupOptions(QCommandLineParser &parser);

// Starts a run through `start` and follows it to its end like `run` does (live table or
// lines, Ctrl+C cancels, the failed stages' tails, the URLs a deploy put live); returns
// the exit code.
int follow(Context &ctx, RunController &controller, HistoryStore *store,
           const std::function<Result<qint64>()> &start,
           const std::function<QString(qint64)> &startedText);
// Prints the loader's problems as file:line:column lines; returns ExitInvalid.
int printDiagnostics(Context &ctx, const LoadResult &loaded);
// The workspace's validated pipeline (with `environment` defined), or the exit code
// after its problems were printed.
std::expected<Pipeline, int> loadWorkspace(Context &ctx, RunController &controller,
                                           const QString &environment);
// A deploy to a protected environment needs --approve, or its name typed on a terminal.
// Returns 0 when it may go on (request.approved set), else the exit code.
int approveProtected(Context &ctx, RunRequest &request, bool needsApproval);

// Options of each command, added before the final parse.
void addRunOptions(QCommandLineParser &parser);
void addWorkflowOptions(QCommandLineParser &parser);
void addValidateOptions(QCommandLineParser &parser);
void addHistoryOptions(QCommandLineParser &parser);
void addShowOptions(QCommandLineParser &parser);
void addLogsOptions(QCommandLineParser &parser);
void addExportOptions(QCommandLineParser &parser);
void addDeployOptions(QCommandLineParser &parser);
void addReleasesOptions(QCommandLineParser &parser);
void addRollbackOptions(QCommandLineParser &parser);
void addCorpusOptions(QCommandLineParser &parser);
void addMigrateOptions(QCommandLineParser &parser);

} // namespace DeployDesk::Cli
