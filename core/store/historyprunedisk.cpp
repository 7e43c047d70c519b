// HistoryPruner: what is on disk besides the rows — artifact copies, the file's free pages
// and its size — and pinning releases.
#include "store/historyprune.h"
#include "store/historyprune_p.h"

#include "common/filestore.h"
#include "common/status.h"
#include "common/translate.h"

#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QSet>

#include <algorithm>
#include <chrono>
#include <thread>

#include <sys/stat.h>

#include <sqlite3.h>

namespace DeployDesk {

using namespace Internal;

namespace {

qint64 fileSize(const QString &path)
{
    const QFileInfo info(path);
    return info.exists() ? info.size() : 0;
}

// The files a copy (a file or a folder) is made of, by inode: how many links each has and how
// many of them the prune removes.
struct InodeUse
{
    qint64 size = 0;
    qint64 links = 0;
    qint64 removed = 0;
};

using Inode = QPair<quint64, quint64>; // st_dev, st_ino

// Adds the files of `copy` to `inodes`; returns which inodes they are.
QList<Inode> collectInodes(const QString &copy, QHash<Inode, InodeUse> &inodes)
{
    QList<Inode> mine;
    auto add = [&inodes, &mine](const QString &file) {
        struct stat st;
        if (::lstat(QFile::encodeName(file).constData(), &st) != 0 || !S_ISREG(st.st_mode))
            return;
        const Inode inode{quint64(st.st_dev), quint64(st.st_ino)};
        mine << inode;
        InodeUse &use = inodes[inode];
        use.size = st.st_size;
        use.links = st.st_nlink;
        ++use.removed;
    };
    const QFileInfo info(copy);
    if (!info.isDir() || info.isSymLink()) {
        add(copy);
        return mine;
    }
    QDirIterator it(copy, QDir::Files | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot,
                    QDirIterator::Subdirectories);
    while (it.hasNext())
        add(it.next());
    return mine;
}
} // namespace

// Removes the copies no remaining artifact row names, and only under <dataDir>/artifacts,
// then the objects (common/filestore.h) no copy links to any more. What it frees is
// what the disk gets back: a file whose content another kept copy shares frees nothing.
void HistoryPruner::Private::removeCopies(const QHash<qint64, QList<StoredCopy>> &copies,
                                          PruneReport &report, bool dryRun)
{
    if (copies.isEmpty())
        return;
    QSet<QString> candidates;
    for (const QList<StoredCopy> &list : copies)
        for (const StoredCopy &c : list)
            candidates.insert(QDir::cleanPath(c.path));
    // Still named by a run that stays (a re-run or a promotion reuses its earlier run's copies).
    if (auto conn = db()) {
        QSqlQuery q(*conn);
        if (runQuery(q, path, tr("listing the artifact copies still in use"),
                     QStringLiteral("SELECT run_id, stored_path FROM artifacts WHERE "
                                    "stored_path != ''"),
                     {})) {
            while (q.next()) {
                if (!dryRun || !copies.contains(q.value(0).toLongLong()))
                    candidates.remove(QDir::cleanPath(q.value(1).toString()));
            }
        } else {
            report.warnings << tr("the artifact copies were kept: which ones other runs still "
                                  "use could not be read");
            return;
        }
    }
    const QString root =
        QDir::cleanPath(QDir(dataDir).absoluteFilePath(QStringLiteral("artifacts")));
    const QString canonicalRoot = QFileInfo(root).canonicalFilePath();
    QStringList removable;
    QHash<QString, QList<Inode>> filesOf;
    QHash<Inode, InodeUse> inodes;
    for (const QString &copy : std::as_const(candidates)) {
        const QString parent = QFileInfo(copy).absolutePath();
        const QString canonicalParent = QFileInfo(parent).canonicalFilePath();
        const bool inside = copy.startsWith(root + QLatin1Char('/')) && !canonicalRoot.isEmpty() &&
                            (canonicalParent == canonicalRoot ||
                             canonicalParent.startsWith(canonicalRoot + QLatin1Char('/')));
        const QFileInfo info(copy);
        if (!info.exists() && !info.isSymLink())
            continue; // gone already
        if (!inside) {
            report.warnings << tr("artifact copy %1 was kept: it is not under %2").arg(copy, root);
            continue;
        }
        removable << copy;
        // Before anything is removed: the link counts as they are.
        filesOf.insert(copy, collectInodes(copy, inodes));
    }
    for (const QString &copy : std::as_const(removable)) {
        if (!dryRun) {
            const QFileInfo info(copy);
            const QString parent = info.absolutePath();
            const bool gone = info.isDir() && !info.isSymLink() ? QDir(copy).removeRecursively()
                                                                : QFile::remove(copy);
            if (!gone) {
                report.warnings
                    << tr("artifact copy %1 could not be removed; check its permissions").arg(copy);
                for (const Inode &inode : filesOf.value(copy))
                    --inodes[inode].removed;
                continue;
            }
            // Empty folders up to the artifacts folder (run and stage folders).
            QDir dir(parent);
            while (QDir::cleanPath(dir.absolutePath()).startsWith(root + QLatin1Char('/')) &&
                   dir.isEmpty(QDir::AllEntries | QDir::Hidden | QDir::System |
                               QDir::NoDotAndDotDot)) {
                const QString name = dir.dirName();
                if (!dir.cdUp() || !dir.rmdir(name))
                    break;
            }
        }
        ++report.artifacts;
    }
    // Freed: the files whose every link goes, or every link but their object's (which the
    // sweep then removes).
    for (const InodeUse &use : std::as_const(inodes)) {
        if (use.removed > 0 && use.links - use.removed <= 1)
            report.artifactBytes += use.size;
    }
    if (dryRun)
        return;
    const ObjectSweep sweep = sweepStoredObjects(dataDir);
    for (const QString &failure : sweep.failures)
        report.warnings << tr("an artifact object was kept: %1").arg(failure);
}

void HistoryPruner::Private::removeRunFolders(const QList<qint64> &runs, PruneReport &report)
{
    if (runs.isEmpty())
        return;
    const QSet<qint64> pruned(runs.cbegin(), runs.cend());
    // Run ids are the history's: a run-<id> folder of any pipeline is that run's.
    const QDir deploy(QDir(dataDir).filePath(QStringLiteral("deploy")));
    const QStringList pipelines = deploy.entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &pipeline : pipelines) {
        const QDir jobs(deploy.filePath(pipeline + QStringLiteral("/github-jobs")));
        const QStringList folders =
            jobs.entryList({QStringLiteral("run-*")}, QDir::Dirs | QDir::NoDotAndDotDot);
        for (const QString &folder : folders) {
            bool ok = false;
            const qint64 id = QStringView(folder).mid(4).toLongLong(&ok);
            if (!ok || !pruned.contains(id))
                continue;
            const QString path = jobs.filePath(folder);
            const QFileInfo info(path);
            if (info.isSymLink() || !QDir(path).removeRecursively())
                report.warnings << tr("the job folder %1 of pruned run %2 could not be removed; "
                                      "check its permissions")
                                       .arg(QDir::toNativeSeparators(path))
                                       .arg(id);
            else
                ++report.runFolders;
        }
    }
}

// One step of the incremental vacuum: up to `pages` pages given back, as one short
// transaction. SQLite frees one page per step of the pragma's statement (each returns a row
// without columns), so it is stepped to its end on the SQLite handle; executed once, it gave
// back a single page (docs/benchmarks.md §10).
Result<void> HistoryPruner::Private::incrementalVacuum(QSqlDatabase &conn, int pages)
{
    sqlite3 *h = sqliteHandle(conn);
    const auto failed = [this](const QString &why) {
        return makeError(
            ErrorCode::Io,
            tr("history database %1: reclaiming free pages failed: %2").arg(path, why));
    };
    if (!h)
        return failed(QStringLiteral("not an SQLite connection"));
    const QByteArray sql = "PRAGMA incremental_vacuum(" + QByteArray::number(pages) + ")";
    sqlite3_stmt *statement = nullptr;
    int rc = sqlite3_prepare_v2(h, sql.constData(), int(sql.size()), &statement, nullptr);
    if (rc == SQLITE_OK) {
        do {
            rc = sqlite3_step(statement);
        } while (rc == SQLITE_ROW);
    }
    const QString why = QString::fromUtf8(sqlite3_errmsg(h));
    sqlite3_finalize(statement);
    if (rc != SQLITE_DONE)
        return failed(why);
    return {};
}

Result<void> HistoryPruner::Private::reclaim(const PrunePolicy &policy, PruneReport &report)
{
    auto conn = db();
    if (!conn)
        return std::unexpected(conn.error());
    auto mode = scalar(tr("reading the vacuum mode"), QStringLiteral("PRAGMA auto_vacuum"));
    if (!mode)
        return std::unexpected(mode.error());
    if (*mode == 2) {
        // Incremental: each statement its own short transaction. How long a page takes varies
        // (a page moved from the end of the file into a hole has its parent and children
        // pointed at it anew) and is slowest at first: the first steps of a 1,000,000-run
        // prune took 0.7-0.9 ms a page, later ones 0.25-0.45 (docs/benchmarks.md §10). So
        // the first step is small and each next one is sized from the last one's time per
        // page to fit the budget (growing at most twofold, never above kMaxReclaimPages), and
        // the pause after a step is at least as long as the step.
        // Never fewer than kMinReclaimPages: a step of one page (a statement not stepped to
        // its end) once gave back 1.1 GB at one page per pause.
        constexpr int kMinReclaimPages = 32;
        constexpr int kMaxReclaimPages = 1024;
        int pages = HistoryPruner::kReclaimPages;
        qint64 lastMs = 0;
        for (;;) {
            auto free =
                scalar(tr("reading the free pages"), QStringLiteral("PRAGMA freelist_count"));
            if (!free)
                return std::unexpected(free.error());
            if (*free == 0)
                break;
            if (report.transactions > 0)
                std::this_thread::sleep_for(
                    std::chrono::milliseconds(std::max<qint64>(HistoryPruner::kGapMs, lastMs)));
            QElapsedTimer t;
            t.start();
            if (auto ok = incrementalVacuum(*conn, pages); !ok)
                return ok;
            lastMs = t.elapsed();
            if (lastMs > HistoryPruner::kBudgetMs * 5)
                qCInfo(lcStore) << "prune: giving" << pages << "pages back held the write lock for"
                                << lastMs << "ms";
            const qint64 fitting = pages * HistoryPruner::kBudgetMs / std::max<qint64>(lastMs, 1);
            pages = int(std::clamp<qint64>(std::min<qint64>(fitting, pages * 2), kMinReclaimPages,
                                           kMaxReclaimPages));
            report.longestTransactionMs = std::max(report.longestTransactionMs, lastMs);
            ++report.transactions;
            auto after =
                scalar(tr("reading the free pages"), QStringLiteral("PRAGMA freelist_count"));
            if (!after)
                return std::unexpected(after.error());
            if (*after >= *free)
                break; // no progress (a reader holds the pages): the next prune goes on
        }
        // The file shrinks when all of the WAL is copied back into it. A reader (the panel,
        // a log writer between two flushes) may hold the last frames back for a moment:
        // try again for up to a second, never blocking a writer. Past that, SQLite's next
        // checkpoint shrinks it.
        bool copied = checkpoint();
        for (int attempt = 0; !copied && attempt < 40; ++attempt) {
            std::this_thread::sleep_for(std::chrono::milliseconds(HistoryPruner::kGapMs));
            copied = checkpoint();
        }
        // The WAL file keeps its size until a writer starts it over: empty it now if no
        // reader needs it, without waiting (no busy handler), so no writer waits either.
        if (copied) {
            setWaitWhileBusy(*conn, false);
            QSqlQuery(*conn).exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
            setWaitWhileBusy(*conn, true);
        }
        report.reclaimed = true;
        return {};
    }
    if (!policy.vacuum)
        return {};
    auto running = scalar(tr("looking for running runs"),
                          QStringLiteral("SELECT count(*) FROM runs WHERE status IN (?, ?)"),
                          {toString(RunStatus::Running), toString(RunStatus::Queued)});
    if (!running)
        return std::unexpected(running.error());
    if (*running > 0) {
        report.warnings << QCoreApplication::translate(
            "DeployDesk",
            "the file was not rebuilt (--vacuum): %n run(s) are running or queued, and every "
            "write would wait for the rebuild; run prune --vacuum again when they have ended",
            nullptr, int(*running));
        return {};
    }
    // Rebuilding with auto_vacuum=INCREMENTAL makes later prunes reclaim in small steps.
    if (auto ok = execSql(*conn, path, QStringLiteral("PRAGMA auto_vacuum=INCREMENTAL")); !ok)
        return ok;
    QElapsedTimer t;
    t.start();
    if (auto ok = execSql(*conn, path, QStringLiteral("VACUUM")); !ok)
        return ok;
    // The rebuilt file is in the WAL: copy it back and empty the WAL (writers wait for
    // this too, as for the rebuild).
    if (auto ok = execSql(*conn, path, QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)")); !ok)
        return ok;
    report.longestTransactionMs = std::max(report.longestTransactionMs, t.elapsed());
    ++report.transactions;
    report.reclaimed = true;
    return {};
}

Result<HistorySize> HistoryPruner::size()
{
    const QString operation = tr("measuring the history");
    HistorySize s;
    auto pages = d->scalar(operation, QStringLiteral("PRAGMA page_count"));
    auto pageSize = d->scalar(operation, QStringLiteral("PRAGMA page_size"));
    auto free = d->scalar(operation, QStringLiteral("PRAGMA freelist_count"));
    auto mode = d->scalar(operation, QStringLiteral("PRAGMA auto_vacuum"));
    auto logs = d->scalar(operation,
                          QStringLiteral("SELECT coalesce(sum(length(data)), 0) FROM log_blocks"));
    auto runs = d->scalar(operation, QStringLiteral("SELECT count(*) FROM runs"));
    for (const auto *r : {&pages, &pageSize, &free, &mode, &logs, &runs}) {
        if (!*r)
            return std::unexpected(r->error());
    }
    s.fileBytes = std::max(fileSize(d->path), *pages * *pageSize) +
                  fileSize(d->path + QStringLiteral("-wal"));
    s.freeBytes = *free * *pageSize;
    s.logBytes = *logs;
    s.runs = *runs;
    s.autoVacuum = int(*mode);
    return s;
}

qint64 HistoryPruner::artifactDiskBytes() const
{
    return distinctBytes(QDir(d->dataDir).filePath(QStringLiteral("artifacts")));
}

Result<void> HistoryPruner::setPinned(qint64 releaseId, bool pinned)
{
    auto conn = d->db();
    if (!conn)
        return std::unexpected(conn.error());
    QSqlQuery q(*conn);
    const QString operation = pinned ? tr("pinning release %1").arg(releaseId)
                                     : tr("unpinning release %1").arg(releaseId);
    if (auto ok = runQuery(q, d->path, operation,
                           QStringLiteral("UPDATE releases SET pinned = ? WHERE id = ?"),
                           {pinned ? 1 : 0, releaseId});
        !ok)
        return ok;
    if (q.numRowsAffected() == 0)
        return makeError(ErrorCode::NotFound,
                         tr("history database %1: there is no release with id %2; list them "
                            "with: deploydeskctl releases ENV")
                             .arg(d->path)
                             .arg(releaseId));
    return {};
}

} // namespace DeployDesk
