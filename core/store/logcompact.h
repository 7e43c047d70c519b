#pragma once

#include "common/error.h"

#include <QString>

#include <functional>

namespace DeployDesk {

// What `deploydeskctl compact` did: log blocks stored before compression (format 1)
// rewritten as zstd blocks (format 2), and the bytes before and after.
struct CompactReport
{
    qint64 blocks = 0;      // blocks rewritten
    qint64 bytesBefore = 0; // their stored size before
    qint64 bytesAfter = 0;  // and after
};

// Recompresses a history's plain log blocks in small transactions (kBatch blocks each),
// so runs writing logs meanwhile wait at most one batch. The search index is unchanged (its
// rows follow the block ids, which stay). `progress(done)` is called after each batch.
// The file does not shrink by itself: the freed pages are reused by later runs (or given
// back by `prune --vacuum`).
Result<CompactReport> compactLogs(const QString &databasePath,
                                  const std::function<void(qint64 done)> &progress = {});

} // namespace DeployDesk
