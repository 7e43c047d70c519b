#pragma once

#include "common/error.h"

#include <QDateTime>
#include <QString>
#include <QStringList>

#include <atomic>
#include <functional>
#include <memory>
#include <optional>

namespace DeployDesk {

// Which runs a prune removes. A run goes when it meets every criterion given (at least one
// must be): it ended (else started) before `olderThan`, it is not among the `keepLast`
// newest runs of its workspace (of its workspace and `environment` when one is named), and
// its logs and those of the newer runs exceed `maxLogBytes`.
// Whatever the criteria, a run is kept while it is queued or running, while it made a
// pinned release (releases.pinned, see HistoryPruner::setPinned), while a release of another
// run still lists one of its deployments as a layer (carried over; a prune after that
// release's run has gone frees it), and while one of its log blocks cannot be decoded (its
// search-index entries could not be removed exactly).
struct PrunePolicy
{
    QString workspace;   // empty: every workspace (keepLast then counts per workspace)
    QString environment; // empty: runs of every environment
    std::optional<QDateTime> olderThan;
    int keepLast = -1; // < 0: not a criterion
    // A size cap: the newest runs whose logs together take at most this many bytes stay,
    // the older ones go (< 0: not a criterion). It counts the runs the prune looks at
    // (workspace, environment), newest first, whatever their workspace.
    qint64 maxLogBytes = -1;
    bool dryRun = false;
    // Rebuild the file (VACUUM) to give the freed space back to the file system when the
    // database does not reclaim it incrementally; it also switches the file to
    // auto_vacuum=INCREMENTAL so that later prunes reclaim without a rebuild. Writers wait
    // for the whole rebuild: refused while a run is running.
    bool vacuum = false;
};

struct PruneReport
{
    qint64 runs = 0;            // removed (dry run: would be)
    qint64 stages = 0;          // their stages
    qint64 logLines = 0;        // their log lines
    qint64 logBytes = 0;        // encoded log bytes of those lines
    qint64 artifacts = 0;       // artifact copies removed from disk (not shared with a kept run)
    qint64 artifactBytes = 0;   // their size as recorded
    qint64 runFolders = 0;      // job folders of local workflow runs removed with their run
    qint64 keptRunning = 0;     // matched the criteria, kept: queued or running
    qint64 keptReleases = 0;    // matched, kept: a pinned release or a release's layer
    qint64 keptDamaged = 0;     // matched, kept: a log block that does not decode
    qint64 fileBytesBefore = 0; // database + WAL
    qint64 fileBytesAfter = 0;  // database + WAL, after reclaiming
    qint64 freeBytesAfter = 0;  // free pages left inside the file (reused by later writes)
    bool reclaimed = false;     // space given back: incremental vacuum or --vacuum
    qint64 transactions = 0;    // write transactions used
    qint64 longestTransactionMs = 0; // the longest hold of the write lock: a writer's wait
    QStringList warnings;            // artifact copies that could not be removed, and why
};

// Size of a history on disk, for the Settings dialog and `prune --dry-run`.
struct HistorySize
{
    qint64 fileBytes = 0; // database + WAL
    qint64 freeBytes = 0; // free pages inside the file
    qint64 logBytes = 0;  // encoded log blocks
    qint64 runs = 0;
    int autoVacuum = 0; // 0 none, 1 full, 2 incremental (PRAGMA auto_vacuum)
};

// Removes old runs from a history: their stages, events, artifacts rows and deployments
// (ON DELETE CASCADE), their log blocks and the blocks' entries in the contentless
// full-text index (the FTS5 'delete' command with the terms the writer inserted, rebuilt
// from the stored lines), and their artifact copies on disk. It works in short write
// transactions (a time budget of kBudgetMs each, the batch size adapting to it) with a pause
// of at least kGapMs after each, reading and re-tokenizing the logs outside them, so a run
// writing logs meanwhile (LogWriter) waits for at most about one transaction. Uses a connection of
// its own: an instance belongs to the thread that created it.
class HistoryPruner final
{
    Q_DISABLE_COPY_MOVE(HistoryPruner)

public:
    static constexpr int kBudgetMs = 10;     // aimed at per write transaction
    static constexpr int kGapMs = 25;        // at least this long between two of them
    static constexpr int kReclaimPages = 32; // pages of the first incremental-vacuum step

    // `databasePath`: the history file; `dataDir`: the data directory, which holds the
    // artifact copies (only copies under <dataDir>/artifacts/ are ever removed).
    HistoryPruner(QString databasePath, QString dataDir);
    ~HistoryPruner();

    // Prunes (or, with dryRun, counts what would go). `cancel` is checked between
    // transactions: what was removed before stays removed, the rest is untouched.
    Result<PruneReport> prune(const PrunePolicy &policy, const std::atomic<bool> *cancel = nullptr);

    Result<HistorySize> size();
    // What the kept artifacts take on disk: each stored file once, however many runs kept it
    // (common/filestore.h). Walks the artifacts folder; not part of size(), which every
    // prune asks.
    qint64 artifactDiskBytes() const;

    // Pins (kept by every prune) or unpins a release; NotFound when there is none.
    Result<void> setPinned(qint64 releaseId, bool pinned);

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace DeployDesk
