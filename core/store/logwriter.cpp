#include "store/logwriter.h"

#include "common/logging.h"
#include "store/logblock.h"
#include "store/logmarker.h"
#include "store/logsearch.h"
#include "store/sqlutil.h"

#include <QCoreApplication>
#include <QHash>

#include <sqlite3.h>

#include <chrono>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <numeric>
#include <thread>
#include <vector>

namespace DeployDesk {

using namespace Internal;

namespace {

constexpr auto kMaxDelay = std::chrono::milliseconds(250);
// Queued lines that wake the writer before its kMaxDelay: 32,768 (was 4,096, then 16,384),
// so a fast producer's blocks are not cut short and a transaction holds more of them: a
// third fewer WAL page writes and a quarter of the checkpoint fsyncs of 16,384
// (docs/benchmarks.md §1). Half of kMaxQueuedLines: the writer takes the queue whole, so
// appends go on meanwhile.
constexpr size_t kWakeLines = 32768;
constexpr int kMaxAttempts = 3; // per batch, then it is dropped (and reported)
// The WAL size at which the writer's commits ask for a checkpoint (SQLite's own default
// for its auto-checkpoint, which this replaces on the writer's connection).
constexpr int kCheckpointFrames = 1000;

// A finished block, encoded (terms included) by the thread that appended its lines:
// the writer thread only inserts, so encoding and SQLite run on two cores.
struct Block
{
    qint64 runId = 0;
    qint64 stageId = 0;
    int lineCount = 0;
    QByteArray data;
    QByteArray terms;
    QByteArray grams;
};

struct OpenBlock
{
    qint64 runId = 0;
    LogBlockEncoder encoder;
};

} // namespace

struct LogWriter::Private
{
    explicit Private(QString databasePath)
        : path(std::move(databasePath))
    {}

    void threadMain();
    Result<void> writeBatch(QSqlDatabase &db, const std::vector<Block> &batch);
    Result<qint64> nextLine(qint64 stageId); // 1 for a stage without lines
    void push(qint64 runId, qint64 stageId, std::span<const LogLineRef> lines);
    void close(qint64 stageId, OpenBlock &open); // moves an open block to the queue
    void takeAll(std::vector<Block> &batch);     // the queue and every open block
    void checkpointMain();
    static int walCommitted(void *self, sqlite3 *db, const char *name, int frames);

    const QString path;
    mutable std::mutex mutex;
    std::condition_variable wakeWriter; // work, flush or stop
    std::condition_variable queueSpace; // backpressure released
    std::condition_variable committed;  // committedSeq advanced
    std::vector<Block> queue;           // finished blocks, in append order
    QHash<qint64, OpenBlock> open;      // stage id -> its block being filled
    size_t queuedLines = 0;             // lines in the queue and the open blocks
    quint64 appendedSeq = 0;            // lines appended so far
    quint64 committedSeq = 0;           // lines written (or given up on) so far
    quint64 flushTarget = 0;            // the writer hurries while committedSeq < flushTarget
    quint64 flushRequested = 0;         // flush() calls so far
    quint64 flushServed = 0;            // flush() calls the writer has answered
    QList<LogWriter::Loss> losses;      // not taken yet
    quint64 failedUpTo = 0;             // the end of the last batch dropped after failures
    quint64 reportedUpTo = 0;           // drops up to here were returned by flush()
    std::optional<Error> firstError;
    std::optional<Error> lastLoss; // the failure behind the latest lines given up on
    bool stopping = false;
    std::thread thread;

    // Writer thread only.
    QHash<qint64, qint64> nextLineByStage;
    // Lines given up on, per stage, whose marker is not written yet: it goes first in the
    // stage's next write, so it stands where the lines were lost.
    struct Marker
    {
        qint64 runId = 0;
        qint64 lines = 0;
        Error error;
    };
    QHash<qint64, Marker> markers;
    QSqlQuery *insertBlock = nullptr;
    LogIndexInserter *index = nullptr;
    QSqlQuery *lastLine = nullptr;

    // Checkpoints run on a thread and connection of their own, never inside the writer's
    // commits: SQLite's auto-checkpoint runs one inside the COMMIT that finds the WAL at
    // 1,000 frames, and a flush() then waited for it too (7-36 ms of the writer's long
    // commits while a prune ran; docs/benchmarks.md §10).
    std::mutex checkpointMutex;
    std::condition_variable checkpointWake; // a checkpoint wanted, or stop
    std::condition_variable checkpointIdle; // none wanted or running
    bool checkpointWanted = false;
    bool checkpointRunning = false;
    bool checkpointStop = false;
    std::thread checkpointer;
};

LogWriter::LogWriter(const QString &databasePath)
    : d(std::make_unique<Private>(databasePath))
{
    d->queue.reserve(64);
    d->thread = std::thread([p = d.get()] { p->threadMain(); });
    d->checkpointer = std::thread([p = d.get()] { p->checkpointMain(); });
}

LogWriter::~LogWriter()
{
    {
        std::lock_guard lock(d->mutex);
        d->stopping = true;
        d->flushTarget = d->appendedSeq;
    }
    d->wakeWriter.notify_one();
    d->thread.join();
    {
        // The last connection to close checkpoints what is left (SQLite does).
        std::lock_guard lock(d->checkpointMutex);
        d->checkpointStop = true;
    }
    d->checkpointWake.notify_one();
    d->checkpointer.join();
}

void LogWriter::waitForCheckpoint()
{
    std::unique_lock lock(d->checkpointMutex);
    d->checkpointIdle.wait(lock, [this] {
        return (!d->checkpointWanted && !d->checkpointRunning) || d->checkpointStop;
    });
}

int LogWriter::Private::walCommitted(void *self, sqlite3 *db, const char *name, int frames)
{
    // Called by SQLite on the writer's thread after each of its commits.
    if (frames >= 4 * kCheckpointFrames) {
        // The thread is far behind or cannot open its connection: checkpoint here, as
        // SQLite's auto-checkpoint would, so the WAL stays bounded whatever happens.
        sqlite3_wal_checkpoint_v2(db, name, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
    } else if (frames >= kCheckpointFrames) {
        auto *d = static_cast<Private *>(self);
        {
            std::lock_guard lock(d->checkpointMutex);
            d->checkpointWanted = true;
        }
        d->checkpointWake.notify_one();
    }
    return SQLITE_OK;
}

void LogWriter::Private::checkpointMain()
{
    const QString name = uniqueConnectionName(QStringLiteral("deploydesk-checkpoint"));
    {
        std::optional<QSqlDatabase> db; // opened at the first checkpoint
        std::unique_lock lock(checkpointMutex);
        for (;;) {
            checkpointWake.wait(lock, [this] { return checkpointWanted || checkpointStop; });
            if (checkpointStop)
                break;
            checkpointWanted = false;
            checkpointRunning = true;
            lock.unlock();
            if (!db) {
                // A connection checkpoints only once it has read the file: before, it does
                // not know the file is in WAL mode, and reports success doing nothing.
                auto opened = openConnection(path, name);
                Result<void> ok = opened ? Result<void>() : std::unexpected(opened.error());
                if (ok)
                    ok = execSql(*opened, path,
                                 QStringLiteral("SELECT count(*) FROM sqlite_schema"));
                if (ok) {
                    db = *opened;
                } else {
                    qCWarning(lcStore).noquote()
                        << "cannot open a connection for checkpoints:" << ok.error().message;
                    if (opened)
                        opened->close();
                    opened = std::unexpected(ok.error()); // no handle left on the name
                    QSqlDatabase::removeDatabase(name);
                }
            }
            if (sqlite3 *h = db ? sqliteHandle(*db) : nullptr) {
                // PASSIVE: copies what no reader still needs, never waits for a lock nor
                // holds the writer up. A checkpoint that finds another one running is busy
                // and left to it (and the next request).
                const int rc = sqlite3_wal_checkpoint_v2(h, nullptr, SQLITE_CHECKPOINT_PASSIVE,
                                                         nullptr, nullptr);
                if (rc != SQLITE_OK && rc != SQLITE_BUSY && rc != SQLITE_LOCKED)
                    qCWarning(lcStore).noquote() << "WAL checkpoint failed:" << sqlite3_errstr(rc);
            }
            lock.lock();
            checkpointRunning = false;
            if (!checkpointWanted)
                checkpointIdle.notify_all();
        }
        checkpointRunning = false;
        checkpointIdle.notify_all();
        lock.unlock();
        if (db)
            db->close();
    }
    QSqlDatabase::removeDatabase(name);
}

void LogWriter::Private::close(qint64 stageId, OpenBlock &block)
{
    queue.push_back(Block{block.runId, stageId, block.encoder.lineCount(), block.encoder.data(),
                          block.encoder.terms(), block.encoder.gramsToStore()});
    block.encoder.clear();
}

void LogWriter::Private::takeAll(std::vector<Block> &batch)
{
    // A stage's open block follows its finished ones, so its lines stay in order.
    for (auto it = open.begin(); it != open.end(); ++it) {
        if (it->encoder.lineCount() > 0)
            close(it.key(), *it);
    }
    open.clear(); // no encoder lingers for stages that are done
    batch.swap(queue);
    queue.reserve(64);
    queuedLines = 0;
}

void LogWriter::Private::push(qint64 runId, qint64 stageId, std::span<const LogLineRef> lines)
{
    // One lock and one look-up of the stage's block for the lines of a read (per line, they
    // were ~4 % of a fast producer's run's CPU); the writer takes what is queued between
    // two reads, or while an append waits for room.
    std::unique_lock lock(mutex);
    OpenBlock *block = nullptr;
    bool wake = false;
    for (const LogLineRef &line : lines) {
        if (!block || queuedLines >= size_t(kMaxQueuedLines)) {
            if (wake && queuedLines >= size_t(kMaxQueuedLines)) {
                wakeWriter.notify_one();
                wake = false;
            }
            queueSpace.wait(lock,
                            [this] { return queuedLines < size_t(kMaxQueuedLines) || stopping; });
            block = &open[stageId]; // the writer may have taken the open blocks meanwhile
        }
        if (block->encoder.lineCount() == 0)
            block->runId = runId;
        block->encoder.add(line);
        ++queuedLines;
        ++appendedSeq;
        if (block->encoder.isFull())
            close(stageId, *block);
        if (queuedLines == kWakeLines)
            wake = true;
    }
    lock.unlock();
    if (wake)
        wakeWriter.notify_one();
}

void LogWriter::append(qint64 runId, qint64 stageId, const LogLine &line)
{
    const LogLineRef ref{line.timestampMs, line.stream, line.text};
    d->push(runId, stageId, std::span<const LogLineRef>(&ref, 1));
}

void LogWriter::append(qint64 runId, qint64 stageId, std::span<const LogLineRef> lines)
{
    d->push(runId, stageId, lines);
}

Result<void> LogWriter::flush()
{
    std::unique_lock lock(d->mutex);
    const quint64 target = d->appendedSeq;
    const quint64 request = ++d->flushRequested;
    d->flushTarget = std::max(d->flushTarget, target);
    d->wakeWriter.notify_one();
    d->committed.wait(lock, [&] { return d->committedSeq >= target && d->flushServed >= request; });
    if (d->failedUpTo > d->reportedUpTo && d->lastLoss) {
        d->reportedUpTo = d->failedUpTo;
        return std::unexpected(*d->lastLoss);
    }
    return {};
}

std::optional<Error> LogWriter::lastError() const
{
    std::lock_guard lock(d->mutex);
    return d->firstError;
}

QList<LogWriter::Loss> LogWriter::takeLosses(qint64 runId)
{
    std::lock_guard lock(d->mutex);
    QList<Loss> taken;
    for (auto it = d->losses.begin(); it != d->losses.end();) {
        if (it->runId == runId) {
            taken.append(std::move(*it));
            it = d->losses.erase(it);
        } else {
            ++it;
        }
    }
    return taken;
}

Result<qint64> LogWriter::Private::nextLine(qint64 stageId)
{
    if (auto it = nextLineByStage.constFind(stageId); it != nextLineByStage.cend())
        return *it;
    lastLine->bindValue(0, stageId);
    if (auto ok = exec(*lastLine, path, QStringLiteral("reading the last log line")); !ok)
        return std::unexpected(ok.error());
    const qint64 next = lastLine->next() ? lastLine->value(0).toLongLong() + 1 : 1;
    lastLine->finish();
    return next;
}

Result<void> LogWriter::Private::writeBatch(QSqlDatabase &db, const std::vector<Block> &lines)
{
    // The markers of earlier losses go first, each before its stage's next lines.
    std::vector<Block> withMarkers;
    if (!markers.isEmpty()) {
        for (auto it = markers.cbegin(); it != markers.cend(); ++it) {
            LogBlockEncoder encoder;
            encoder.add(lostLinesMarker(it->lines, it->error));
            withMarkers.push_back(Block{it->runId, it.key(), 1, encoder.data(), encoder.terms(),
                                        encoder.gramsToStore()});
        }
        withMarkers.insert(withMarkers.end(), lines.begin(), lines.end());
    }
    const std::vector<Block> &batch = markers.isEmpty() ? lines : withMarkers;
    // The next line of each stage this batch writes to; merged into nextLineByStage only
    // when the batch is committed. (A copy of nextLineByStage here cost a writer that had
    // seen 200,000 stages most of each batch, under the write lock.)
    QHash<qint64, qint64> next;
    const QString operation = QCoreApplication::translate("DeployDesk", "writing log lines");
    auto written = inTransaction(db, path, operation, [&]() -> Result<void> {
        for (const Block &block : batch) {
            qint64 first = next.value(block.stageId, nextLineByStage.value(block.stageId, 0));
            if (first == 0) {
                auto fromDb = nextLine(block.stageId);
                if (!fromDb)
                    return std::unexpected(fromDb.error());
                first = *fromDb;
            }
            insertBlock->bindValue(0, block.runId);
            insertBlock->bindValue(1, block.stageId);
            insertBlock->bindValue(2, first);
            insertBlock->bindValue(3, block.lineCount);
            insertBlock->bindValue(4, block.data);
            if (auto ok = exec(*insertBlock, path, operation); !ok)
                return ok;
            if (auto ok = index->add(insertBlock->lastInsertId().toLongLong(), block.terms,
                                     block.grams, operation);
                !ok)
                return ok;
            next.insert(block.stageId, first + block.lineCount);
        }
        return {};
    });
    // Only what was committed counts (a full disk often fails the COMMIT itself).
    if (written) {
        for (auto it = next.cbegin(); it != next.cend(); ++it)
            nextLineByStage.insert(it.key(), it.value());
        markers.clear();
    }
    return written;
}

void LogWriter::Private::threadMain()
{
    const QString name = uniqueConnectionName(QStringLiteral("deploydesk-logwriter"));
    {
        std::optional<QSqlDatabase> db;
        std::optional<QSqlQuery> block, last;
        std::optional<LogIndexInserter> text;
        // Opens the connection and prepares the statements; retried before each attempt
        // until it works (the file may be briefly locked or being migrated).
        auto ready = [&]() -> Result<void> {
            if (insertBlock)
                return {};
            if (!db) {
                auto opened = openConnection(path, name);
                if (!opened)
                    return std::unexpected(opened.error());
                // As the store's own connection: in WAL mode a commit survives the process
                // being killed without an fsync of the WAL each time, which every log batch
                // otherwise paid while holding the write lock (FULL is SQLite's default).
                if (auto ok = execSql(*opened, path, QStringLiteral("PRAGMA synchronous=NORMAL"));
                    !ok)
                    return std::unexpected(ok.error());
                // Its commits ask the checkpoint thread instead of checkpointing (this
                // replaces SQLite's auto-checkpoint on this connection).
                if (sqlite3 *h = sqliteHandle(*opened))
                    sqlite3_wal_hook(h, &Private::walCommitted, this);
                db = *opened;
            }
            const QString operation =
                QCoreApplication::translate("DeployDesk", "preparing the log writer");
            block.emplace(*db);
            text.emplace();
            last.emplace(*db);
            auto ok =
                prepare(*block, path, operation,
                        QStringLiteral("INSERT INTO log_blocks (run_id, stage_id, "
                                       "first_line, line_count, data) VALUES (?, ?, ?, ?, ?)"));
            if (ok)
                ok = text->prepare(*db, path, operation);
            if (ok)
                ok = prepare(*last, path, operation,
                             QStringLiteral("SELECT first_line + line_count - 1 FROM log_blocks "
                                            "WHERE stage_id = ? ORDER BY first_line DESC LIMIT 1"));
            if (!ok)
                return ok;
            insertBlock = &*block;
            index = &*text;
            lastLine = &*last;
            return {};
        };

        std::vector<Block> batch;
        int attempts = 0;
        bool lastMarkerTry = false;
        std::unique_lock lock(mutex);
        for (;;) {
            wakeWriter.wait_for(lock, kMaxDelay, [this] {
                return queuedLines >= kWakeLines || committedSeq < flushTarget ||
                       flushServed < flushRequested || stopping;
            });
            const quint64 requested = flushRequested;
            if (batch.empty()) {
                if (queuedLines == 0) {
                    // Nothing new: only a flush (or the end) tries the pending markers,
                    // once each, so a full disk does not make this loop spin.
                    const bool tryMarkers = !markers.isEmpty() && (flushServed < requested ||
                                                                   (stopping && !lastMarkerTry));
                    if (!tryMarkers) {
                        flushServed = requested;
                        committed.notify_all();
                        if (stopping)
                            break;
                        continue;
                    }
                    lastMarkerTry = stopping;
                    attempts = kMaxAttempts - 1; // one try: the lines are already lost
                } else {
                    takeAll(batch);
                    attempts = 0;
                }
            }
            const quint64 batchEnd = appendedSeq - queuedLines;
            lock.unlock();
            queueSpace.notify_all();

            // Compressed here, on the writer thread, outside the lock and the transaction;
            // a batch tried again is not compressed twice.
            for (Block &block : batch)
                block.data = compressLogBlock(block.data);
            Result<void> written = ready();
            if (written)
                written = writeBatch(*db, batch);
            ++attempts;
            lock.lock();
            if (written) {
                batch.clear();
            } else {
                qCWarning(lcStore).noquote() << "log batch failed, attempt" << attempts << "of"
                                             << kMaxAttempts << ":" << written.error().message;
                if (!firstError)
                    firstError = written.error();
                if (attempts >= kMaxAttempts && !batch.empty()) {
                    // Given up: each stage's lost lines get a marker in its next write.
                    QHash<qint64, qint64> lostByStage;
                    for (const Block &b : batch) {
                        Marker &m = markers[b.stageId];
                        m.runId = b.runId;
                        m.lines += b.lineCount;
                        m.error = written.error();
                        lostByStage[b.stageId] += b.lineCount;
                    }
                    for (auto it = lostByStage.cbegin(); it != lostByStage.cend(); ++it)
                        losses.append(LogWriter::Loss{markers.value(it.key()).runId, it.key(),
                                                      it.value(), written.error()});
                    // (Counted apart: lupdate's parser loops on a lambda inside translate().)
                    const int lost =
                        std::accumulate(batch.begin(), batch.end(), 0,
                                        [](int n, const Block &b) { return n + b.lineCount; });
                    lastLoss = written.error();
                    lastLoss->detail = QCoreApplication::translate(
                        "DeployDesk", "%n log line(s) could not be stored", nullptr, lost);
                    failedUpTo = batchEnd;
                    batch.clear();
                } else if (attempts >= kMaxAttempts) {
                    batch.clear(); // a markers-only try
                }
            }
            if (batch.empty()) {
                committedSeq = batchEnd;
                flushServed = requested;
                committed.notify_all();
            }
        }
        insertBlock = lastLine = nullptr;
        index = nullptr;
        block.reset();
        text.reset();
        last.reset();
        if (db)
            db->close();
    }
    QSqlDatabase::removeDatabase(name);
}

} // namespace DeployDesk
