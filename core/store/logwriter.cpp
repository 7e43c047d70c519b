#include "store/logwriter.h"

#include "common/logging.h"
#include "store/logblock.h"
#include "store/sqlutil.h"

#include <QCoreApplication>
#include <QHash>

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
constexpr size_t kWakeLines = 4096;
constexpr int kMaxAttempts = 3; // per batch, then it is dropped (and reported)

// A finished block, encoded (terms included) by the thread that appended its lines:
// the writer thread only inserts, so encoding and SQLite run on two cores.
struct Block
{
    qint64 runId = 0;
    qint64 stageId = 0;
    int lineCount = 0;
    QByteArray data;
    QByteArray terms;
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
    void push(qint64 runId, qint64 stageId, const LogLine &line);
    void close(qint64 stageId, OpenBlock &open); // moves an open block to the queue
    void takeAll(std::vector<Block> &batch);     // the queue and every open block

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
    quint64 failedUpTo = 0;             // the end of the last batch dropped after failures
    quint64 reportedUpTo = 0;           // drops up to here were returned by flush()
    std::optional<Error> firstError;
    bool stopping = false;
    std::thread thread;

    // Writer thread only.
    QHash<qint64, qint64> nextLineByStage;
    QSqlQuery *insertBlock = nullptr;
    QSqlQuery *insertText = nullptr;
    QSqlQuery *lastLine = nullptr;
};

LogWriter::LogWriter(const QString &databasePath)
    : d(std::make_unique<Private>(databasePath))
{
    d->queue.reserve(64);
    d->thread = std::thread([p = d.get()] { p->threadMain(); });
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
}

void LogWriter::Private::close(qint64 stageId, OpenBlock &block)
{
    queue.push_back(Block{block.runId, stageId, block.encoder.lineCount(), block.encoder.data(),
                          block.encoder.terms()});
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

void LogWriter::Private::push(qint64 runId, qint64 stageId, const LogLine &line)
{
    std::unique_lock lock(mutex);
    queueSpace.wait(lock, [this] { return queuedLines < size_t(kMaxQueuedLines) || stopping; });
    OpenBlock &block = open[stageId];
    if (block.encoder.lineCount() == 0)
        block.runId = runId;
    block.encoder.add(line);
    ++queuedLines;
    ++appendedSeq;
    if (block.encoder.isFull())
        close(stageId, block);
    if (queuedLines == kWakeLines) {
        lock.unlock();
        wakeWriter.notify_one();
    }
}

void LogWriter::append(qint64 runId, qint64 stageId, const LogLine &line)
{
    d->push(runId, stageId, line);
}

void LogWriter::append(qint64 runId, qint64 stageId, LogLine &&line)
{
    d->push(runId, stageId, line);
}

Result<void> LogWriter::flush()
{
    std::unique_lock lock(d->mutex);
    const quint64 target = d->appendedSeq;
    d->flushTarget = std::max(d->flushTarget, target);
    d->wakeWriter.notify_one();
    d->committed.wait(lock, [&] { return d->committedSeq >= target; });
    if (d->failedUpTo > d->reportedUpTo && d->firstError) {
        d->reportedUpTo = d->failedUpTo;
        return std::unexpected(*d->firstError);
    }
    return {};
}

std::optional<Error> LogWriter::lastError() const
{
    std::lock_guard lock(d->mutex);
    return d->firstError;
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

Result<void> LogWriter::Private::writeBatch(QSqlDatabase &db, const std::vector<Block> &batch)
{
    QHash<qint64, qint64> lines = nextLineByStage; // committed only if the batch is
    const QString operation = QCoreApplication::translate("DeployDesk", "writing log lines");
    return inTransaction(db, path, operation, [&]() -> Result<void> {
        for (const Block &block : batch) {
            qint64 first = lines.value(block.stageId, 0);
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
            insertText->bindValue(0, insertBlock->lastInsertId());
            insertText->bindValue(1, block.terms);
            if (auto ok = exec(*insertText, path, operation); !ok)
                return ok;
            lines.insert(block.stageId, first + block.lineCount);
        }
        nextLineByStage = lines;
        return {};
    });
}

void LogWriter::Private::threadMain()
{
    const QString name = uniqueConnectionName(QStringLiteral("deploydesk-logwriter"));
    {
        std::optional<QSqlDatabase> db;
        std::optional<QSqlQuery> block, text, last;
        // Opens the connection and prepares the statements; retried before each attempt
        // until it works (the file may be briefly locked or being migrated).
        auto ready = [&]() -> Result<void> {
            if (insertBlock)
                return {};
            if (!db) {
                auto opened = openConnection(path, name);
                if (!opened)
                    return std::unexpected(opened.error());
                db = *opened;
            }
            const QString operation =
                QCoreApplication::translate("DeployDesk", "preparing the log writer");
            block.emplace(*db);
            text.emplace(*db);
            last.emplace(*db);
            auto ok =
                prepare(*block, path, operation,
                        QStringLiteral("INSERT INTO log_blocks (run_id, stage_id, "
                                       "first_line, line_count, data) VALUES (?, ?, ?, ?, ?)"));
            if (ok)
                ok = prepare(*text, path, operation,
                             QStringLiteral("INSERT INTO log_fts (rowid, text) VALUES (?, ?)"));
            if (ok)
                ok = prepare(*last, path, operation,
                             QStringLiteral("SELECT first_line + line_count - 1 FROM log_blocks "
                                            "WHERE stage_id = ? ORDER BY first_line DESC LIMIT 1"));
            if (!ok)
                return ok;
            insertBlock = &*block;
            insertText = &*text;
            lastLine = &*last;
            return {};
        };

        std::vector<Block> batch;
        int attempts = 0;
        std::unique_lock lock(mutex);
        for (;;) {
            wakeWriter.wait_for(lock, kMaxDelay, [this] {
                return queuedLines >= kWakeLines || committedSeq < flushTarget || stopping;
            });
            if (batch.empty()) {
                if (queuedLines == 0) {
                    if (stopping)
                        break;
                    continue;
                }
                takeAll(batch);
                attempts = 0;
            }
            const quint64 batchEnd = appendedSeq - queuedLines;
            lock.unlock();
            queueSpace.notify_all();

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
                if (attempts >= kMaxAttempts) {
                    // (Counted apart: lupdate's parser loops on a lambda inside translate().)
                    const int lost =
                        std::accumulate(batch.begin(), batch.end(), 0,
                                        [](int n, const Block &b) { return n + b.lineCount; });
                    firstError->detail = QCoreApplication::translate(
                        "DeployDesk", "%n log line(s) could not be stored", nullptr, lost);
                    failedUpTo = batchEnd;
                    batch.clear();
                }
            }
            if (batch.empty()) {
                committedSeq = batchEnd;
                committed.notify_all();
            }
        }
        insertBlock = insertText = lastLine = nullptr;
        block.reset();
        text.reset();
        last.reset();
        if (db)
            db->close();
    }
    QSqlDatabase::removeDatabase(name);
}

} // namespace DeployDesk
