#pragma once

#include "common/error.h"
#include "log/logline.h"

#include <QList>
#include <QString>
#include <QtGlobal>

#include <memory>
#include <span>

namespace DeployDesk {

// Appends log lines to the store from any thread. Lines are queued under a mutex and
// written by a thread of the writer's own (own SQLite connection) in blocks of lines,
// one transaction per batch, at least every 250 ms: a crash loses at most that much.
// When the writer falls behind by more than kMaxQueuedLines, append() waits, which
// slows the producer (the stage's pipe) instead of growing memory. A batch that cannot
// be written (a full disk, a lock held too long) is retried, then given up on: the loss
// is reported (flush(), takeLosses()) and marked in the log where it happened.
// The WAL checkpoints its commits call for run on a third thread with a connection of its
// own, so a flush() never waits for one.
class LogWriter final
{
    Q_DISABLE_COPY_MOVE(LogWriter)

public:
    static constexpr int kMaxQueuedLines = 65536;

    explicit LogWriter(const QString &databasePath);
    ~LogWriter(); // flushes and joins

    void append(qint64 runId, qint64 stageId, const LogLine &line);
    // The lines of one read (LogPipeline's sink), under one lock; copied before it returns.
    void append(qint64 runId, qint64 stageId, std::span<const LogLineRef> lines);
    // Blocks until everything appended before the call is committed.
    Result<void> flush();
    // Returns when the writer's WAL checkpoints (run on a thread of their own, never inside
    // its commits) have caught up with every commit so far.
    void waitForCheckpoint();
    // The first write error, if any (the writer keeps going and retries).
    std::optional<Error> lastError() const;

    // Lines given up on after kMaxAttempts failed writes, per stage. Where they were, the
    // stage's log gets a marker line (lostLinesMarker()) as soon as a write succeeds.
    struct Loss
    {
        qint64 runId = 0;
        qint64 stageId = 0;
        qint64 lines = 0;
        Error error;
    };
    // The losses of run `runId` not taken yet (oldest first); they are forgotten.
    QList<Loss> takeLosses(qint64 runId);

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace DeployDesk
