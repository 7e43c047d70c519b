// Measurements for the history store, not a test (not registered with ctest):
//   bench_store [lines=2000000] [runs=1000000]
// 1. LogWriter throughput: one producer appends ~50-byte lines, timed until flush() returns.
// 2. runs(): the newest 50 failed runs of environment "production" among `runs` runs, and
//    the query plan SQLite picks for it.
#include "store/historystore.h"
#include "store/logwriter.h"
#include "store/sqlutil.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>

#include <cstdio>

using namespace DeployDesk;

namespace {

void benchLogWriter(HistoryStore &store, qint64 lines)
{
    RunRecord run;
    run.workspace = QStringLiteral("/bench");
    run.pipeline = QStringLiteral("ci");
    const qint64 runId = *store.createRun(run);
    StageRecord stage;
    stage.runId = runId;
    stage.name = QStringLiteral("build");
    const qint64 stageId = *store.createStage(stage);

    QElapsedTimer timer;
    timer.start();
    const QByteArray prefix = "2024-05-01T12:00:00Z INFO compiled module number ";
    for (qint64 i = 0; i < lines; ++i) {
        QByteArray text = prefix;
        text.append(QByteArray::number(i));
        store.logWriter()->append(
            runId, stageId,
            LogLine{1'700'000'000'000 + i / 1000, LogStream::Stdout, std::move(text)});
    }
    const qint64 appendedMs = timer.elapsed();
    auto flushed = store.logWriter()->flush();
    const qint64 ms = std::max<qint64>(1, timer.elapsed());
    std::printf("LogWriter: %lld lines of ~%lld bytes in %lld ms (appends done at %lld ms): "
                "%.0f lines/s%s\n",
                qlonglong(lines), qlonglong(prefix.size() + 6), qlonglong(ms),
                qlonglong(appendedMs), double(lines) * 1000.0 / double(ms),
                flushed ? "" : " (flush FAILED)");
    QElapsedTimer search;
    search.start();
    auto hits = store.searchLogs(QStringLiteral("module number 1234567"));
    std::printf("searchLogs over them: %lld match(es) in %lld ms\n",
                qlonglong(hits ? hits->size() : -1), qlonglong(search.elapsed()));
}

void benchRuns(HistoryStore &store, int count)
{
    const QString name = Internal::uniqueConnectionName(QStringLiteral("bench"));
    {
        auto db = Internal::openConnection(store.databasePath(), name);
        QElapsedTimer fill;
        fill.start();
        (void)Internal::execSql(*db, {}, QStringLiteral("BEGIN"));
        QSqlQuery q(*db);
        q.prepare(QStringLiteral("INSERT INTO runs (workspace, pipeline, environment, status, "
                                 "triggered_by, branch, started_at) VALUES (?, 'ci', ?, ?, ?, "
                                 "?, ?)"));
        const char *envs[] = {"production", "staging", "preview", ""};
        const char *statuses[] = {"success", "success", "success", "failed", "cancelled"};
        for (int i = 0; i < count; ++i) {
            q.bindValue(0, QStringLiteral("/ws%1").arg(i % 7));
            q.bindValue(1, QString::fromLatin1(envs[i % 4]));
            q.bindValue(2, QString::fromLatin1(statuses[(i / 4) % 5]));
            q.bindValue(3, QStringLiteral("user%1").arg(i % 13));
            q.bindValue(4, QStringLiteral("branch%1").arg(i % 50));
            q.bindValue(5, 1'600'000'000'000LL + qint64(i) * 60'000);
            q.exec();
        }
        (void)Internal::execSql(*db, {}, QStringLiteral("COMMIT"));
        std::printf("inserted %d runs in %lld ms\n", count, qlonglong(fill.elapsed()));

        QSqlQuery plan(*db);
        plan.exec(QStringLiteral("EXPLAIN QUERY PLAN SELECT * FROM runs WHERE environment = "
                                 "'production' AND status = 'failed' ORDER BY id DESC LIMIT 50"));
        while (plan.next())
            std::printf("  plan: %s\n", qPrintable(plan.value(3).toString()));
    }
    QSqlDatabase::removeDatabase(name);

    for (const auto &[label, env, status, workspace] :
         {std::tuple{"production+failed", "production", "failed", ""},
          std::tuple{"production only", "production", "", ""},
          std::tuple{"failed only", "", "failed", ""},
          std::tuple{"workspace+production+failed", "production", "failed", "/ws3"}}) {
        RunFilter f;
        f.environment = QString::fromLatin1(env);
        f.status = QString::fromLatin1(status);
        f.workspace = QString::fromLatin1(workspace);
        QElapsedTimer timer;
        timer.start();
        constexpr int kRepeats = 20;
        qsizetype got = 0;
        for (int i = 0; i < kRepeats; ++i)
            got = store.runs(f).value_or(QList<RunRecord>{}).size();
        const double firstPage = double(timer.nsecsElapsed()) / kRepeats / 1e6;
        // A deep page (keyset) costs the same.
        f.beforeId = count / 2;
        timer.restart();
        store.runs(f);
        std::printf("runs(%s): %lld rows, %.2f ms per first page, %.2f ms at the middle\n", label,
                    qlonglong(got), firstPage, double(timer.nsecsElapsed()) / 1e6);
    }
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const qint64 lines = argc > 1 ? QByteArray(argv[1]).toLongLong() : 2'000'000;
    const int runs = argc > 2 ? QByteArray(argv[2]).toInt() : 1'000'000;
    QTemporaryDir dir;
    auto store = HistoryStore::open(dir.path());
    if (!store) {
        std::fprintf(stderr, "%s\n", qPrintable(store.error().message));
        return 1;
    }
    if (lines > 0)
        benchLogWriter(**store, lines);
    if (runs > 0)
        benchRuns(**store, runs);
    return 0;
}
