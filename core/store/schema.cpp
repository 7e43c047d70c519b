#include "store/schema.h"

#include "common/logging.h"
#include "store/sqlutil.h"
#include "store/storagefault.h"

#include <QCoreApplication>

#include <array>
#include <span>

namespace DeployDesk::Internal {
namespace {

// Step 1: the run history. Timestamps are integer ms since the epoch (UTC), NULL when
// unset. Statuses are the stable lowercase names of common/status.h.
constexpr std::array kStep1{
    R"(CREATE TABLE runs (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        workspace TEXT NOT NULL,
        pipeline TEXT NOT NULL,
        environment TEXT NOT NULL DEFAULT '',
        status TEXT NOT NULL,
        triggered_by TEXT NOT NULL DEFAULT '',
        message TEXT NOT NULL DEFAULT '',
        git_commit TEXT NOT NULL DEFAULT '',
        branch TEXT NOT NULL DEFAULT '',
        started_at INTEGER,
        finished_at INTEGER,
        rerun_of INTEGER,
        runner_pid INTEGER NOT NULL DEFAULT 0,
        runner_start_ticks INTEGER NOT NULL DEFAULT 0,
        selected_stages TEXT NOT NULL DEFAULT '[]'))",
    R"(CREATE TABLE stages (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        status TEXT NOT NULL,
        attempts INTEGER NOT NULL DEFAULT 0,
        exit_code INTEGER NOT NULL DEFAULT -1,
        signal INTEGER NOT NULL DEFAULT 0,
        reason TEXT NOT NULL DEFAULT '',
        reused_from INTEGER,
        started_at INTEGER,
        finished_at INTEGER,
        position INTEGER NOT NULL DEFAULT 0))",
    "CREATE INDEX stages_by_run ON stages(run_id, position)",
    R"(CREATE TABLE events (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
        stage TEXT NOT NULL DEFAULT '',
        at INTEGER,
        kind TEXT NOT NULL,
        message TEXT NOT NULL DEFAULT '',
        who TEXT NOT NULL DEFAULT ''))",
    "CREATE INDEX events_by_run ON events(run_id, id)",
    R"(CREATE TABLE artifacts (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
        stage TEXT NOT NULL DEFAULT '',
        path TEXT NOT NULL,
        size INTEGER NOT NULL DEFAULT 0,
        sha256 TEXT NOT NULL DEFAULT '',
        stored_path TEXT NOT NULL DEFAULT ''))",
    "CREATE INDEX artifacts_by_run ON artifacts(run_id, id)",
};

// Step 2: logs in blocks of lines plus a contentless full-text index (rowid = block id)
// over each block's distinct words (LogBlockEncoder::terms()), and the indexes behind
// RunFilter. Searching is one FTS query for candidate blocks plus an exact substring check
// on their decoded lines.
// log_blocks has no foreign keys: the writer thread stores what it is given, and one
// bad stage id must not make the rest of its batch fail.
constexpr std::array kStep2{
    R"(CREATE TABLE log_blocks (
        id INTEGER PRIMARY KEY,
        run_id INTEGER NOT NULL,
        stage_id INTEGER NOT NULL,
        first_line INTEGER NOT NULL,
        line_count INTEGER NOT NULL,
        data BLOB NOT NULL))",
    "CREATE UNIQUE INDEX log_blocks_by_stage ON log_blocks(stage_id, first_line)",
    "CREATE INDEX log_blocks_by_run ON log_blocks(run_id)",
    "CREATE VIRTUAL TABLE log_fts USING fts5(text, content='', tokenize='unicode61')",
    "CREATE INDEX runs_by_status ON runs(status, id)",
    "CREATE INDEX runs_by_environment ON runs(environment, status, id)",
    "CREATE INDEX runs_by_environment_only ON runs(environment, id)",
    "CREATE INDEX runs_by_workspace ON runs(workspace, id)",
    "CREATE INDEX runs_by_branch ON runs(branch, id)",
    "CREATE INDEX runs_by_who ON runs(triggered_by, id)",
};

// Step 3: the history browser's orders and date filter as index walks, with and without
// the workspace (the panel always filters by it). The duration expression must match
// kRunDuration in historyreads.cpp character for character, or SQLite will not use it.
constexpr std::array kStep3{
    "CREATE INDEX runs_by_duration ON runs(coalesce(finished_at - started_at, -1), id)",
    "CREATE INDEX runs_by_workspace_duration ON runs(workspace, "
    "coalesce(finished_at - started_at, -1), id)",
    "CREATE INDEX runs_by_started ON runs(started_at, id)",
    "CREATE INDEX runs_by_workspace_started ON runs(workspace, started_at)",
};

// Step 4: deployments and releases (the deploy issue), and the deploy queue.
// A deployment is one layer version a stage (or a rollback step) put live; details is a
// JSON object of what the target needs to restore it (never a secret). A release is the
// state of an environment after a run changed it: one row per layer in release_layers,
// `changed` set for the layers that run touched. The newest release of a workspace's
// environment is the live one. deploy_queue holds one ticket per deploy or rollback
// waiting for or holding an environment (FIFO by id; a ticket whose process is gone,
// by pid and start time, is taken over).
constexpr std::array kStep4{
    R"(CREATE TABLE deployments (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
        stage TEXT NOT NULL DEFAULT '',
        workspace TEXT NOT NULL,
        environment TEXT NOT NULL,
        layer TEXT NOT NULL,
        target TEXT NOT NULL,
        version TEXT NOT NULL,
        url TEXT NOT NULL DEFAULT '',
        details TEXT NOT NULL DEFAULT '{}',
        created_at INTEGER))",
    "CREATE INDEX deployments_by_run ON deployments(run_id, id)",
    R"(CREATE TABLE releases (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        workspace TEXT NOT NULL,
        environment TEXT NOT NULL,
        run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
        kind TEXT NOT NULL,
        restores INTEGER,
        complete INTEGER NOT NULL DEFAULT 1,
        git_commit TEXT NOT NULL DEFAULT '',
        branch TEXT NOT NULL DEFAULT '',
        who TEXT NOT NULL DEFAULT '',
        why TEXT NOT NULL DEFAULT '',
        created_at INTEGER,
        pinned INTEGER NOT NULL DEFAULT 1))",
    "CREATE INDEX releases_by_environment ON releases(workspace, environment, id)",
    "CREATE INDEX releases_by_run ON releases(run_id)",
    R"sql(CREATE TABLE release_layers (
        release_id INTEGER NOT NULL REFERENCES releases(id) ON DELETE CASCADE,
        layer TEXT NOT NULL,
        deployment_id INTEGER NOT NULL REFERENCES deployments(id),
        changed INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (release_id, layer)))sql",
    R"(CREATE TABLE deploy_queue (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        workspace TEXT NOT NULL,
        environment TEXT NOT NULL,
        run_id INTEGER NOT NULL,
        what TEXT NOT NULL DEFAULT '',
        pid INTEGER NOT NULL,
        start_ticks INTEGER NOT NULL,
        enqueued_at INTEGER))",
    "CREATE INDEX deploy_queue_by_environment ON deploy_queue(workspace, environment, id)",
};

// Step 5: what surprised users (issue 10 §5). A stage that failed with continue-on-error
// is an allowed failure (it did not fail its run); a run records whether its working tree
// had uncommitted changes and which files (a JSON array of `git status --porcelain` lines).
// Rows written before this step read as not allowed and not dirty.
constexpr std::array kStep5{
    "ALTER TABLE stages ADD COLUMN allowed_failure INTEGER NOT NULL DEFAULT 0",
    "ALTER TABLE runs ADD COLUMN git_dirty INTEGER NOT NULL DEFAULT 0",
    "ALTER TABLE runs ADD COLUMN git_changes TEXT NOT NULL DEFAULT '[]'",
};

// Step 6: events are data (issue 10 §2). `params` holds an event's parameters as a JSON
// object and its sentence is made when read; rows from before keep their text in `message`
// and have NULL params until HistoryStore reads them back into parameters (the partial
// index finds them without a scan; '' marks a text that is not one of DeployDesk's own).
constexpr std::array kStep6{
    "ALTER TABLE events ADD COLUMN params TEXT",
    "CREATE INDEX events_as_text ON events(id) WHERE params IS NULL",
};

// Step 7: substring search (issue 9 §6, issue 11 §6). The log index becomes FTS5's trigram
// tokenizer without positions (detail=none: about the size of the word index it replaces)
// over each block's terms (forEachWordTerm()), so a search finds text inside words. The
// old index cannot be converted in SQL: the blocks written before this step are listed in
// log_fts_pending, searched without the index until HistoryStore::open has indexed them
// (indexPendingLogBlocks()).
constexpr std::array kStep7{
    "DROP TABLE log_fts",
    "CREATE VIRTUAL TABLE log_fts USING fts5(text, content='', tokenize='trigram', "
    "detail='none')",
    "CREATE TABLE log_fts_pending (id INTEGER PRIMARY KEY)",
    "INSERT INTO log_fts_pending SELECT id FROM log_blocks",
};

// Step 8: the blocks' grams (LogGrams, store/logblock.h): pairs of letters or digits and
// the digit sequences of long numbers, which the trigram index does not hold, so a search
// for two characters or a number reads only the blocks that may hold it. The rows go with
// their block. Blocks written before are listed in log_grams_pending (a block pending the
// trigram index is pending here too) until indexPendingLogBlocks() has done them.
constexpr std::array kStep8{
    "CREATE TABLE log_grams (id INTEGER PRIMARY KEY REFERENCES log_blocks(id) ON DELETE "
    "CASCADE, grams BLOB NOT NULL)",
    "CREATE TABLE log_grams_pending (id INTEGER PRIMARY KEY REFERENCES log_blocks(id) ON "
    "DELETE CASCADE)",
    "INSERT INTO log_grams_pending SELECT id FROM log_blocks",
};

// Step 9: a stage's input hash (issue 11 §7, run/stageinputs.h): a stage whose `inputs:`,
// command and environment hash as a successful earlier one's is reused. Only stages with
// inputs have one; the partial index finds the earlier stage without a scan.
constexpr std::array kStep9{
    "ALTER TABLE stages ADD COLUMN input_hash TEXT",
    "CREATE INDEX stages_by_input ON stages(input_hash) WHERE input_hash IS NOT NULL",
};

// Step 10: remote runs (issue 12 §3). A run imported from or followed on GitHub Actions is a
// run like any other (jobs as stages, their logs in the log store) with a link to where it
// ran: one row per (provider, repository, remote run, attempt), so an import is incremental
// and a re-run attempt is a run of its own. remote_stages ties a stage to its remote job and
// says whether its log is in the store yet. Both go with their run or stage.
constexpr std::array kStep10{
    R"(CREATE TABLE remote_runs (
        run_id INTEGER PRIMARY KEY REFERENCES runs(id) ON DELETE CASCADE,
        provider TEXT NOT NULL,
        repository TEXT NOT NULL,
        remote_id INTEGER NOT NULL,
        attempt INTEGER NOT NULL DEFAULT 1,
        url TEXT NOT NULL DEFAULT '',
        remote_updated_at INTEGER,
        jobs_fetched INTEGER NOT NULL DEFAULT 0,
        UNIQUE (provider, repository, remote_id, attempt)))",
    R"(CREATE TABLE remote_stages (
        stage_id INTEGER PRIMARY KEY REFERENCES stages(id) ON DELETE CASCADE,
        job_id INTEGER NOT NULL,
        log_fetched INTEGER NOT NULL DEFAULT 0))",
};

// Step 11: annotations (issue 12 §2–§3): the errors, warnings and notices a job reported
// (GitHub's ::error file=…:: or ##[error] in a log from GitHub), kept with the stage that
// reported them so the panel and `show` list them there. They go with their run.
constexpr std::array kStep11{
    R"(CREATE TABLE annotations (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
        stage TEXT NOT NULL,
        level TEXT NOT NULL,
        file TEXT NOT NULL DEFAULT '',
        line INTEGER NOT NULL DEFAULT 0,
        col INTEGER NOT NULL DEFAULT 0,
        title TEXT NOT NULL DEFAULT '',
        message TEXT NOT NULL DEFAULT ''))",
    "CREATE INDEX annotations_by_run ON annotations(run_id, id)",
};

// Step 12: the log index in parts (store/logindexparts.h, issue 11 §4): one FTS5 table per
// range of block ids, so that pruning a large history merges small indexes and drops
// emptied ones instead of merging one that grows without end. The index so far is the
// part whose range starts at 0; parts are named after their row (AUTOINCREMENT: a name is
// never reused). At most one live part starts at a given block.
constexpr std::array kStep12{
    R"(CREATE TABLE log_fts_parts (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        first_id INTEGER NOT NULL,
        name TEXT NOT NULL UNIQUE,
        retired INTEGER NOT NULL DEFAULT 0))",
    "CREATE UNIQUE INDEX log_fts_parts_live ON log_fts_parts(first_id) WHERE retired = 0",
    "INSERT INTO log_fts_parts (first_id, name) VALUES (0, 'log_fts')",
};

const std::array<std::span<const char *const>, 12> &steps()
{
    static const std::array<std::span<const char *const>, 12> all{
        std::span(kStep1), std::span(kStep2),  std::span(kStep3),  std::span(kStep4),
        std::span(kStep5), std::span(kStep6),  std::span(kStep7),  std::span(kStep8),
        std::span(kStep9), std::span(kStep10), std::span(kStep11), std::span(kStep12)};
    return all;
}

Error newerError(const QString &path, int found, int latest)
{
    const char *text =
        isVectorIndexFile(path)
            ? QT_TRANSLATE_NOOP("DeployDesk", "vector index %1 has schema version %2, newer "
                                              "than this DeployDesk understands (%3); upgrade "
                                              "DeployDesk")
            : QT_TRANSLATE_NOOP("DeployDesk", "history database %1 has schema version %2, newer "
                                              "than this DeployDesk understands (%3); upgrade "
                                              "DeployDesk");
    return Error{ErrorCode::Invalid,
                 QCoreApplication::translate("DeployDesk", text).arg(path).arg(found).arg(latest),
                 {},
                 std::nullopt};
}

} // namespace

SchemaSteps historySchemaSteps()
{
    return steps();
}

int latestSchemaVersion()
{
    return int(steps().size());
}

Result<int> readSchemaVersion(QSqlDatabase &db, const QString &path)
{
    QSqlQuery q(db);
    // Reading sqlite_master makes SQLite parse the file header: a non-SQLite file fails here.
    if (!q.exec(QStringLiteral("SELECT count(*) FROM sqlite_master")) || !q.next() ||
        !q.exec(QStringLiteral("PRAGMA user_version")) || !q.next()) {
        Error e = sqlError(path, QCoreApplication::translate("DeployDesk", "reading the schema"),
                           q.lastError());
        // Only a file SQLite cannot make sense of is to be moved away; a full, read-only or
        // locked folder holds a healthy database, and sqlError() says what is wrong there.
        const StorageFault fault = classifyStorageFault(path, q.lastError().nativeErrorCode());
        if (fault == StorageFault::Damaged || fault == StorageFault::None) {
            const char *text =
                isVectorIndexFile(path)
                    ? QT_TRANSLATE_NOOP("DeployDesk",
                                        "vector index %1 cannot be read as SQLite (%2); "
                                        "delete the file and build the index again")
                    : QT_TRANSLATE_NOOP("DeployDesk",
                                        "history database %1 cannot be read as SQLite (%2); move "
                                        "the file away or restore it from a backup");
            e.message = QCoreApplication::translate("DeployDesk", text)
                            .arg(path, q.lastError().text().trimmed());
        }
        return std::unexpected(e);
    }
    return q.value(0).toInt();
}

Result<void> migrate(QSqlDatabase &db, const QString &path, int targetVersion)
{
    return migrate(db, path, steps(), targetVersion);
}

Result<void> migrate(QSqlDatabase &db, const QString &path, SchemaSteps steps, int targetVersion)
{
    const int latest = int(steps.size());
    auto current = readSchemaVersion(db, path);
    if (!current)
        return std::unexpected(current.error());
    if (*current > latest)
        return std::unexpected(newerError(path, *current, latest));
    targetVersion = std::min(targetVersion, latest);

    if (*current >= targetVersion)
        return {};
    // Every step in one transaction: a new history's ~50 objects in one commit instead of
    // one per version (and the version read once), and a failed step leaves the file as it
    // was, not half way.
    const auto operationFor = [](int version) {
        return QCoreApplication::translate("DeployDesk", "migrating to schema version %1")
            .arg(version);
    };
    int from = *current;
    auto applied = inTransaction(db, path, operationFor(targetVersion), [&]() -> Result<void> {
        // Another process may have migrated between our read and BEGIN IMMEDIATE.
        auto now = readSchemaVersion(db, path);
        if (!now)
            return std::unexpected(now.error());
        if (*now > latest)
            return std::unexpected(newerError(path, *now, latest));
        from = *now;
        for (int version = *now + 1; version <= targetVersion; ++version) {
            for (const char *sql : steps[version - 1]) {
                if (auto ok = execSql(db, path, QString::fromLatin1(sql)); !ok) {
                    Error e = ok.error();
                    e.message += QStringLiteral(" (%1)").arg(operationFor(version));
                    return std::unexpected(e);
                }
            }
        }
        if (from >= targetVersion)
            return {};
        return execSql(db, path, QStringLiteral("PRAGMA user_version=%1").arg(targetVersion));
    });
    if (!applied)
        return applied;
    for (int version = from + 1; version <= targetVersion; ++version)
        qCInfo(lcStore) << "migrated" << path << "to schema version" << version;
    return {};
}

} // namespace DeployDesk::Internal
