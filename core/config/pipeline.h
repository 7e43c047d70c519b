#pragma once

#include "common/error.h"

#include <QHash>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>
#include <QVariantMap>

#include <chrono>
#include <optional>

namespace DeployDesk {

struct Environment
{
    QString name;
    bool isProtected = false;
    QString url;
    QMap<QString, QString> variables; // exported to every stage run in this environment
    SourceLocation location;
};

// `if:` on a stage. Grammar (whitespace-insensitive, quotes optional):
//   environment == NAME | environment != NAME | environment in [A, B, ...]
struct StageCondition
{
    enum class Op { Always, Equals, NotEquals, In };
    Op op = Op::Always;
    QStringList values;
    QString text; // as written, for messages and `show`

    // An empty environment name (a run without --env) matches only Always and NotEquals.
    bool matches(const QString &environment) const;
};

// `cache:` on a stage (issue 11 §7): folders restored before the stage runs and saved after
// it succeeds, under a key that changes when what they are made from changes.
struct StageCache
{
    // `key: TEXT` (a fixed key; $NAME expands from the stage's environment), or
    // `key: { files: [globs], prefix: TEXT }`: the prefix and the content of the files the
    // globs match (relative to the workdir) hashed together.
    QString key;          // `key: TEXT`; empty when the key is made from files
    QString prefix;       // with `files:`
    QStringList keyFiles; // globs, with `files:`
    QStringList paths;    // relative to the workdir: what is saved and restored
    bool enabled() const { return !paths.isEmpty(); }
};

struct Stage
{
    QString name;
    QString run;       // shell command (exclusive with uses)
    QString uses;      // built-in stage type (exclusive with run)
    QVariantMap with;  // parameters of the built-in stage type
    QStringList needs; // stage names that must succeed first
    QMap<QString, QString> env;
    QString workdir;                      // relative to the workspace root; empty means the root
    std::chrono::milliseconds timeout{0}; // 0: no timeout
    int retries = 0;                      // extra attempts after a failure
    std::chrono::milliseconds retryBackoff{1000}; // first delay; doubles each retry
    bool continueOnError = false;
    StageCondition condition;
    QStringList artifacts; // paths relative to workdir, kept with the run
    // Globs relative to workdir (`**` for any folders): when their files, the command and
    // its environment hash as a successful earlier run's did, the stage is reused.
    QStringList inputs;
    StageCache cache;
    QStringList secrets; // secret names injected as environment variables
    // The names of `secrets` that came from `optional-secrets:`: injected when set, not
    // an error when missing (the stage then runs without it).
    QStringList optionalSecrets;
    SourceLocation location;
    // Set by pipelines made in code (a GitHub Actions job that cannot run here, or whose
    // `if:` is false before the run): the stage is not started but settled as skipped with
    // this reason, and what needs it is skipped too.
    QString skipReason;
    // Also set by pipelines made in code (a GitHub Actions job whose `if:` calls always(),
    // failure() or cancelled()): the stage starts once what it needs has ended, whatever
    // its result, and decides itself whether to run.
    bool runsAfterFailedNeeds = false;
};

// `github:` — the workspace's GitHub repository and, for GitHub Enterprise Server, the
// API's URL. Both optional: the repository is otherwise read from the git remote, the URL
// is https://api.github.com (DEPLOYDESK_API_GITHUB overrides either URL).
struct GitHubSettings
{
    QString repository;    // owner/name
    QString apiUrl;        // http(s)://host/api/v3
    bool isSet = false;    // the file has a `github:` section
    bool problems = false; // it has problems, reported in the diagnostics
};

struct Pipeline
{
    QString name;
    QString filePath;           // absolute path of deploydesk.yml
    QString workspaceDir;       // absolute directory holding it
    int maxParallel = 0;        // 0: the number of CPUs
    QMap<QString, QString> env; // pipeline-wide environment
    QList<Environment> environments;
    QList<Stage> stages; // in file order
    GitHubSettings github;

    // A linear search: for a lookup per stage, take stagesByName() once instead.
    const Stage *stage(const QString &name) const;
    // Every stage by name (the first of a repeated name, as stage()), pointing into `stages`:
    // valid while `stages` is not changed.
    QHash<QString, const Stage *> stagesByName() const;
    const Environment *environment(const QString &name) const;
    // The stages a run of `selection` covers: those asked for and all they need, in file
    // order (every stage when the selection is empty).
    QStringList coveredStages(const QStringList &selection = {}) const;
    // The covered stages a run in `environment` would start: those whose `if:` matches and
    // whose needs would start too or are in `done` (reused from an earlier run), in file
    // order, `done` not included. Only these need their secrets.
    QStringList stagesThatWouldStart(const QString &environment, const QStringList &selection = {},
                                     const QStringList &done = {}) const;
};

} // namespace DeployDesk
