// prune-bench: how long a run that streams its logs is held up while HistoryPruner removes a
// large old history (issue 11 §4: never more than 100 ms at a time).
//
// Seeds <data-dir> with --runs old finished runs (2 stages each, --lines log lines per
// stage written through HistoryStore::logWriter(), so log blocks and their full-text index
// entries are the product's; runs and stages by plain SQL in one transaction, as
// seed-history does), plus one running run. Its stream then appends --chunk lines and
// flushes every 20 ms, timing each flush(): the time from asking for the lines to be
// committed to their commit, which includes any wait for the database's write lock. The
// stream runs twice: alone for --baseline seconds (the same-run peer), then while
// HistoryPruner prunes every old run. Alongside, a probe on a connection of its own takes
// the write lock every 20 ms and times the wait for it (BEGIN IMMEDIATE). Prints the flush
// latencies and lock waits (max, p99, median, how many took over 50 and over 100 ms) of both
// phases and the prune's own figures, and when each flush over 100 ms ended (UTC, to set
// beside the prune's log: QT_MESSAGE_PATTERN="%{time hh:mm:ss.zzz} %{message}" and
// QT_LOGGING_RULES="deploydesk.core.store.info=true" time-stamp its long transactions).
//
// Usage: prune-bench --data-dir DIR [--runs 100000] [--lines 20] [--chunk 100]
//                    [--baseline 5]
#include "store/historyprune.h"
#include "store/historystore.h"
#include "store/logwriter.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <thread>
#include <vector>

using namespace DeployDesk;

namespace {

struct Latencies
{
    std::vector<double> ms;
    std::vector<std::pair<QString, double>> slow; // over 100 ms: when each ended, how long
    qint64 lines = 0;

    double at(double q) const
    {
        if (ms.empty())
            return 0;
        std::vector<double> s = ms;
        std::sort(s.begin(), s.end());
        return s[std::min(s.size() - 1, size_t(q * double(s.size())))];
    }
    void print(const char *label) const
    {
        const auto over = [this](double limit) {
            return std::count_if(ms.begin(), ms.end(), [limit](double m) { return m > limit; });
        };
        std::printf("%s: %zu samples (%lld lines): max %.1f ms, p99 %.1f ms, median %.1f ms; "
                    "over 50 ms: %td, over 100 ms: %td\n",
                    label, ms.size(), static_cast<long long>(lines),
                    ms.empty() ? 0.0 : *std::max_element(ms.begin(), ms.end()), at(0.99), at(0.5),
                    over(50), over(100));
        for (const auto &[when, m] : slow)
            std::printf("  over 100 ms: %.1f ms, ended %s UTC\n", m, qPrintable(when));
    }
};

// Appends `chunk` lines every 20 ms and times each flush until `stop` (or `seconds`).
Latencies stream(LogWriter *writer, qint64 runId, qint64 stageId, int chunk,
                 const std::atomic<bool> &stop, double seconds)
{
    Latencies result;
    const auto start = std::chrono::steady_clock::now();
    auto next = start;
    qint64 n = 0;
    while (!stop.load()) {
        if (seconds > 0 &&
            std::chrono::steady_clock::now() - start > std::chrono::duration<double>(seconds))
            break;
        for (int i = 0; i < chunk; ++i) {
            LogLine l;
            l.timestampMs = QDateTime::currentMSecsSinceEpoch();
            l.text = QByteArray("[build] compiling module ") + QByteArray::number(++n) +
                     " of the textbook: ok";
            writer->append(runId, stageId, l);
        }
        const auto before = std::chrono::steady_clock::now();
        writer->flush();
        const double ms =
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - before)
                .count();
        result.ms.push_back(ms);
        if (ms > 100)
            result.slow.emplace_back(
                QDateTime::currentDateTimeUtc().toString(QStringLiteral("hh:mm:ss.zzz")), ms);
        result.lines += chunk;
        next += std::chrono::milliseconds(20);
        std::this_thread::sleep_until(next);
    }
    return result;
}

// Another writer, on a connection of its own: every 20 ms it takes the write lock (BEGIN
// IMMEDIATE, timed: the wait for the lock), inserts a row into a table of its own, commits.
Latencies probe(const QString &path, const std::atomic<bool> &stop, double seconds)
{
    Latencies result;
    const QString name = QStringLiteral("probe-%1").arg(quintptr(&result));
    {
        QSqlDatabase db = QSqlDatabase::addDatabase("QSQLITE", name);
        db.setDatabaseName(path);
        db.setConnectOptions("QSQLITE_BUSY_TIMEOUT=10000");
        db.open();
        QSqlQuery q(db);
        q.exec("PRAGMA synchronous=NORMAL");
        q.exec("CREATE TABLE IF NOT EXISTS bench_probe (at INTEGER)");
        const auto start = std::chrono::steady_clock::now();
        auto next = start;
        while (!stop.load()) {
            if (seconds > 0 &&
                std::chrono::steady_clock::now() - start > std::chrono::duration<double>(seconds))
                break;
            const auto before = std::chrono::steady_clock::now();
            if (!q.exec("BEGIN IMMEDIATE")) {
                std::fprintf(stderr, "probe: %s\n", qPrintable(q.lastError().text()));
                break;
            }
            result.ms.push_back(
                std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - before)
                    .count());
            q.exec("INSERT INTO bench_probe VALUES (1)");
            q.exec("COMMIT");
            next += std::chrono::milliseconds(20);
            std::this_thread::sleep_until(next);
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return result;
}

bool exec(QSqlQuery &q)
{
    if (q.exec())
        return true;
    std::fprintf(stderr, "prune-bench: %s\n", qPrintable(q.lastError().text()));
    return false;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    std::setvbuf(stdout, nullptr, _IOLBF, 0); // figures appear as they are measured
    QCommandLineParser parser;
    parser.addOptions({{"data-dir", "Where to seed (emptied first).", "dir"},
                       {"runs", "Old runs to seed and prune.", "n", "100000"},
                       {"lines", "Log lines per stage.", "n", "20"},
                       {"chunk", "Lines the streaming run appends per 20 ms.", "n", "100"},
                       {"baseline", "Seconds of streaming alone first.", "s", "5"}});
    parser.process(app);
    const QString dataDir = parser.value("data-dir");
    if (dataDir.isEmpty()) {
        std::fprintf(stderr, "prune-bench: --data-dir DIR is required\n");
        return 2;
    }
    const qint64 runs = parser.value("runs").toLongLong();
    const int lines = parser.value("lines").toInt();
    const int chunk = parser.value("chunk").toInt();
    QDir(dataDir).removeRecursively();

    // Seeded through a store of its own, closed before the measurement: the streaming run's
    // LogWriter starts fresh, as a run's process does (a writer keeps per-stage state for
    // every stage it wrote).
    {
        auto seeding = HistoryStore::open(dataDir);
        if (!seeding) {
            std::fprintf(stderr, "prune-bench: %s\n", qPrintable(seeding.error().message));
            return 1;
        }
        HistoryStore &store = **seeding;

        // Seed: runs and stages by SQL in one transaction, logs through the writer.
        QElapsedTimer seedTimer;
        seedTimer.start();
        const qint64 old = QDateTime::currentMSecsSinceEpoch() - 365LL * 24 * 3600 * 1000;
        std::vector<std::pair<qint64, qint64>> stages; // run, stage
        stages.reserve(size_t(runs) * 2);
        {
            QSqlDatabase db = QSqlDatabase::addDatabase("QSQLITE", "seed");
            db.setDatabaseName(store.databasePath());
            db.open();
            QSqlQuery q(db);
            q.exec("PRAGMA busy_timeout=10000");
            db.transaction();
            QSqlQuery run(db), stage(db);
            run.prepare("INSERT INTO runs (workspace, pipeline, environment, status, started_at, "
                        "finished_at) VALUES ('/home/dev/textbook', 'ci', 'production', 'success', "
                        "?, ?)");
            stage.prepare("INSERT INTO stages (run_id, name, status, position) VALUES (?, ?, "
                          "'success', ?)");
            for (qint64 i = 0; i < runs; ++i) {
                run.addBindValue(old + i * 1000);
                run.addBindValue(old + i * 1000 + 900);
                if (!exec(run))
                    return 1;
                const qint64 runId = run.lastInsertId().toLongLong();
                for (int s = 0; s < 2; ++s) {
                    stage.addBindValue(runId);
                    stage.addBindValue(s ? QStringLiteral("test") : QStringLiteral("build"));
                    stage.addBindValue(s);
                    if (!exec(stage))
                        return 1;
                    stages.emplace_back(runId, stage.lastInsertId().toLongLong());
                }
            }
            db.commit();
            db.close();
        }
        QSqlDatabase::removeDatabase("seed");
        qint64 n = 0;
        for (const auto &[runId, stageId] : stages) {
            for (int i = 0; i < lines; ++i) {
                LogLine l;
                l.timestampMs = old + n;
                l.text = QByteArray("step ") + QByteArray::number(i) + " of run " +
                         QByteArray::number(runId) + ": fetching dependency " +
                         QByteArray::number(++n % 997) + " done";
                store.logWriter()->append(runId, stageId, l);
            }
        }
        store.logWriter()->flush();
        std::printf("seeded %lld runs, %lld stages, %lld log lines in %.1f s\n",
                    static_cast<long long>(runs), static_cast<long long>(stages.size()),
                    static_cast<long long>(n), double(seedTimer.elapsed()) / 1000.0);
    }
    auto opened = HistoryStore::open(dataDir);
    if (!opened) {
        std::fprintf(stderr, "prune-bench: %s\n", qPrintable(opened.error().message));
        return 1;
    }
    HistoryStore &store = **opened;

    RunRecord live;
    live.workspace = "/home/dev/textbook";
    live.pipeline = "ci";
    live.environment = "production";
    live.status = RunStatus::Running;
    live.startedAt = QDateTime::currentDateTimeUtc();
    const qint64 liveRun = store.createRun(live).value();
    StageRecord liveStage;
    liveStage.runId = liveRun;
    liveStage.name = "build";
    liveStage.status = StageStatus::Running;
    const qint64 liveStageId = store.createStage(liveStage).value();

    HistoryPruner pruner(store.databasePath(), store.dataDir());
    auto before = pruner.size();
    if (before)
        std::printf("history: %.1f MB on disk, %.1f MB of logs\n", double(before->fileBytes) / 1e6,
                    double(before->logBytes) / 1e6);

    std::atomic<bool> stop{false};
    const double baseline = parser.value("baseline").toDouble();
    Latencies probeAlone;
    std::thread prober([&] { probeAlone = probe(store.databasePath(), stop, baseline); });
    const Latencies alone = stream(store.logWriter(), liveRun, liveStageId, chunk, stop, baseline);
    prober.join();
    alone.print("stream alone (peer)");
    probeAlone.print("lock wait alone (peer)");

    Latencies during, probeDuring;
    std::thread streamer(
        [&] { during = stream(store.logWriter(), liveRun, liveStageId, chunk, stop, 0); });
    std::thread prober2([&] { probeDuring = probe(store.databasePath(), stop, 0); });
    PrunePolicy policy;
    policy.olderThan = QDateTime::currentDateTimeUtc().addDays(-30);
    QElapsedTimer pruneTimer;
    pruneTimer.start();
    auto report = pruner.prune(policy);
    const double pruneSeconds = double(pruneTimer.elapsed()) / 1000.0;
    stop = true;
    streamer.join();
    prober2.join();
    if (!report) {
        std::fprintf(stderr, "prune-bench: %s\n", qPrintable(report.error().message));
        return 1;
    }
    during.print("stream while pruning");
    probeDuring.print("lock wait while pruning");
    std::printf("prune: %lld runs, %lld log lines (%.1f MB) in %.1f s (%.0f runs/s); %lld write "
                "transactions, longest %lld ms (budget %d ms); file %.1f MB -> %.1f MB, %.1f MB "
                "free inside\n",
                static_cast<long long>(report->runs), static_cast<long long>(report->logLines),
                double(report->logBytes) / 1e6, pruneSeconds, double(report->runs) / pruneSeconds,
                static_cast<long long>(report->transactions),
                static_cast<long long>(report->longestTransactionMs), HistoryPruner::kBudgetMs,
                double(report->fileBytesBefore) / 1e6, double(report->fileBytesAfter) / 1e6,
                double(report->freeBytesAfter) / 1e6);
    auto lineCount = store.logLineCount(liveStageId);
    const qint64 streamed = alone.lines + during.lines;
    std::printf("streamed lines stored: %lld of %lld\n",
                static_cast<long long>(lineCount ? *lineCount : -1),
                static_cast<long long>(streamed));
    return lineCount && *lineCount == streamed ? 0 : 1;
}
