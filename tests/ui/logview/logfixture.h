// Log fixtures for the log viewer tests: a run with stages whose lines are written
// through the real LogWriter into a history database in a temporary directory.
#pragma once

#include "store/historystore.h"
#include "store/logwriter.h"

#include <QTest>

#include <functional>

namespace LogFixture {

using namespace DeployDesk;

inline qint64 addRun(HistoryStore &store)
{
    RunRecord run;
    run.workspace = QStringLiteral("/ws");
    run.pipeline = QStringLiteral("textbook");
    run.startedAt = QDateTime::currentDateTimeUtc();
    auto id = store.createRun(run);
    return id ? *id : 0;
}

inline qint64 addStage(HistoryStore &store, qint64 runId, const QString &name, int position)
{
    StageRecord stage;
    stage.runId = runId;
    stage.name = name;
    stage.position = position;
    auto id = store.createStage(stage);
    return id ? *id : 0;
}

struct Line
{
    qint64 timestampMs = 0;
    LogStream stream = LogStream::Stdout;
    QByteArray text;
};

inline bool write(HistoryStore &store, qint64 runId, qint64 stageId, const QList<Line> &lines)
{
    for (const Line &l : lines)
        store.logWriter()->append(runId, stageId, LogLine{l.timestampMs, l.stream, l.text});
    return bool(store.logWriter()->flush());
}

// Writes `count` lines made by `make(lineNumber)` (1-based), one millisecond apart.
inline bool writeGenerated(HistoryStore &store, qint64 runId, qint64 stageId, qint64 count,
                           const std::function<QByteArray(qint64)> &make)
{
    const qint64 start = 1700000000000;
    for (qint64 i = 1; i <= count; ++i)
        store.logWriter()->append(runId, stageId, LogLine{start + i, LogStream::Stdout, make(i)});
    return bool(store.logWriter()->flush());
}

} // namespace LogFixture
