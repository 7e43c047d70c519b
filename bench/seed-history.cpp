// seed-history: fills a data directory with a large, realistic history for the history
// benchmarks (bench/history.sh). Deterministic: the same arguments give the same rows.
//
// The store is opened with HistoryStore::open first, so the schema is exactly the
// product's (migrations run). The first --api-runs runs go through HistoryStore::createRun
// and createStage (timed, to report the API's rate); the rest are inserted with the same
// columns and values by plain SQL in one transaction, because a million autocommitted
// inserts would take too long. Log lines go through HistoryStore::logWriter(), as the
// engine writes them. --part-blocks N keeps the log search index in parts of N blocks
// instead of 2^18, so that a history of 100,000 blocks has several (docs/benchmarks.md §3).
#include "store/historystore.h"
#include "store/logindexparts.h"
#include "store/logwriter.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

#include <array>
#include <cstdio>
#include <random>
#include <vector>

using namespace DeployDesk;

namespace {

constexpr int kStagesPerRun = 4;
const std::array<const char *, kStagesPerRun> kStageNames{"lint", "build", "test", "deploy"};
const std::array<const char *, 6> kUsers{"alice", "bob", "carol", "dave", "erin", "frank"};
const std::array<const char *, 5> kBranches{"main", "develop", "feature/login", "fix/cache-headers",
                                            "release/2.4"};

struct Options
{
    QString dataDir;
    qint64 runs = 1000000;
    qint64 apiRuns = 2000;
    qint64 logLines = 10000000;
    qint64 logRuns = 25000;       // the newest runs get logs, spread evenly over their stages
    QByteArray rare = "segfault"; // appears in exactly kRareLines lines
};
constexpr qint64 kRareLines = 7;

struct RunRow
{
    RunRecord run;
    std::array<StageRecord, kStagesPerRun> stages;
};

// Everything about run number i (1-based), from a generator seeded with i.
RunRow makeRun(qint64 i, qint64 total, qint64 nowMs)
{
    std::mt19937_64 rng(quint64(i) * 0x9E3779B97F4A7C15ull);
    auto pick = [&](int n) { return int(rng() % quint64(n)); };
    RunRow row;
    RunRecord &r = row.run;
    r.workspace = QStringLiteral("/home/dev/src/textbook");
    r.pipeline = QStringLiteral("textbook");
    const int env = pick(10); // 50% preview, 30% staging, 20% production
    r.environment = env < 5   ? QStringLiteral("preview")
                    : env < 8 ? QStringLiteral("staging")
                              : QStringLiteral("production");
    const int st = pick(100); // 70% success, 20% failed, 7% cancelled, 3% interrupted
    r.status = st < 70   ? RunStatus::Success
               : st < 90 ? RunStatus::Failed
               : st < 97 ? RunStatus::Cancelled
                         : RunStatus::Interrupted;
    r.triggeredBy = QString::fromLatin1(kUsers[pick(int(kUsers.size()))]);
    r.branch = QString::fromLatin1(kBranches[pick(int(kBranches.size()))]);
    r.commit = QStringLiteral("%1%2")
                   .arg(rng(), 16, 16, QLatin1Char('0'))
                   .arg(rng() & 0xffffff, 6, 16, QLatin1Char('0'));
    if (pick(4) == 0)
        r.message = QStringLiteral("deploy #%1").arg(i);
    // One run every ~60 s, the newest ending now.
    const qint64 startMs = nowMs - (total - i + 1) * 60000;
    r.startedAt = QDateTime::fromMSecsSinceEpoch(startMs, Qt::UTC);
    qint64 t = startMs;
    const int failing = r.status == RunStatus::Success ? kStagesPerRun : pick(kStagesPerRun);
    for (int k = 0; k < kStagesPerRun; ++k) {
        StageRecord &s = row.stages[size_t(k)];
        s.name = QString::fromLatin1(kStageNames[size_t(k)]);
        s.position = k;
        if (k < failing) {
            s.status = StageStatus::Success;
            s.exitCode = 0;
        } else if (k == failing) {
            s.status = r.status == RunStatus::Failed      ? StageStatus::Failed
                       : r.status == RunStatus::Cancelled ? StageStatus::Cancelled
                                                          : StageStatus::Interrupted;
            s.exitCode = r.status == RunStatus::Failed ? 1 : -1;
            s.reason =
                r.status == RunStatus::Failed ? QStringLiteral("exited with code 1") : QString();
        } else {
            s.status = StageStatus::Skipped;
            s.reason = QStringLiteral("a stage it needs did not succeed");
            continue;
        }
        s.attempts = 1;
        s.startedAt = QDateTime::fromMSecsSinceEpoch(t, Qt::UTC);
        t += 1000 + qint64(pick(20000));
        s.finishedAt = QDateTime::fromMSecsSinceEpoch(t, Qt::UTC);
    }
    r.finishedAt = QDateTime::fromMSecsSinceEpoch(t, Qt::UTC);
    return row;
}

// QtSql binds a null QString as NULL; the text columns are NOT NULL DEFAULT ''.
QString text(const QString &s)
{
    return s.isNull() ? QStringLiteral("") : s;
}

QVariant ms(const QDateTime &t)
{
    return t.isValid() ? QVariant(t.toMSecsSinceEpoch()) : QVariant(QMetaType::fromType<qint64>());
}

bool check(const QSqlQuery &q, const char *what)
{
    if (q.lastError().isValid()) {
        std::fprintf(stderr, "seed-history: %s failed: %s\n", what,
                     qPrintable(q.lastError().text()));
        return false;
    }
    return true;
}

// The same columns and values as HistoryStore::createRun/createStage.
bool insertSql(QSqlDatabase &db, const Options &o, qint64 from, qint64 nowMs,
               std::vector<qint64> &stageIds)
{
    QSqlQuery begin(db);
    if (!begin.exec(QStringLiteral("BEGIN IMMEDIATE")))
        return check(begin, "BEGIN");
    QSqlQuery run(db), stage(db);
    run.prepare(QStringLiteral(
        "INSERT INTO runs (workspace, pipeline, environment, status, triggered_by, message, "
        "git_commit, branch, started_at, finished_at, rerun_of, runner_pid, runner_start_ticks, "
        "selected_stages) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, 0, 0, '[]')"));
    stage.prepare(QStringLiteral(
        "INSERT INTO stages (run_id, name, status, attempts, exit_code, signal, reason, "
        "reused_from, started_at, finished_at, position) VALUES (?, ?, ?, ?, ?, 0, ?, NULL, ?, "
        "?, ?)"));
    for (qint64 i = from; i <= o.runs; ++i) {
        const RunRow row = makeRun(i, o.runs, nowMs);
        const RunRecord &r = row.run;
        const QVariantList values{
            r.workspace,     r.pipeline, r.environment, toString(r.status), r.triggeredBy,
            text(r.message), r.commit,   r.branch,      ms(r.startedAt),    ms(r.finishedAt)};
        for (int k = 0; k < values.size(); ++k)
            run.bindValue(k, values[k]);
        if (!run.exec())
            return check(run, "inserting a run");
        const qint64 runId = run.lastInsertId().toLongLong();
        for (const StageRecord &s : row.stages) {
            const QVariantList sv{runId,           s.name,           toString(s.status),
                                  s.attempts,      s.exitCode,       text(s.reason),
                                  ms(s.startedAt), ms(s.finishedAt), s.position};
            for (int k = 0; k < sv.size(); ++k)
                stage.bindValue(k, sv[k]);
            if (!stage.exec())
                return check(stage, "inserting a stage");
            if (i > o.runs - o.logRuns)
                stageIds.push_back(stage.lastInsertId().toLongLong());
        }
        if (i % 100000 == 0)
            std::fprintf(stderr, "  %lld runs\n", i);
    }
    QSqlQuery commit(db);
    if (!commit.exec(QStringLiteral("COMMIT")))
        return check(commit, "COMMIT");
    return true;
}

// A realistic line for the stage at `position`; ~45-70 bytes.
QByteArray logText(int position, qint64 n, std::mt19937_64 &rng)
{
    char buf[160];
    int len = 0;
    switch (position) {
    case 0:
        len = std::snprintf(
            buf, sizeof buf, "src/textbook/chapter_%d.py:%d:%d: E501 line too long (%d > 79)",
            int(rng() % 40), int(rng() % 900), int(rng() % 80), 80 + int(rng() % 40));
        break;
    case 1:
        len = std::snprintf(buf, sizeof buf,
                            "[%3d%%] Building CXX object src/CMakeFiles/app.dir/module_%d.cpp.o",
                            int(n % 101), int(rng() % 500));
        break;
    case 2:
        len = std::snprintf(buf, sizeof buf, "tests/test_chapter_%d.py::test_case_%d PASSED [%d%%]",
                            int(rng() % 40), int(rng() % 300), int(n % 101));
        break;
    default:
        len = std::snprintf(buf, sizeof buf,
                            "uploading asset %d: static/js/chunk-%06x.js (%d KiB) done", int(n),
                            unsigned(rng() & 0xffffff), int(rng() % 900));
        break;
    }
    return QByteArray(buf, len);
}

bool seedLogs(HistoryStore &store, const Options &o, const std::vector<qint64> &stageIds)
{
    if (stageIds.empty() || o.logLines <= 0)
        return true;
    LogWriter *writer = store.logWriter();
    const qint64 perStage = o.logLines / qint64(stageIds.size());
    qint64 extra = o.logLines % qint64(stageIds.size());
    const qint64 firstRun = o.runs - o.logRuns + 1;
    const qint64 nowMs = QDateTime::currentMSecsSinceEpoch();
    // The rare word goes into lines spread over the whole set.
    const qint64 rareEvery = o.logLines / kRareLines;
    std::mt19937_64 rng(42);
    qint64 written = 0;
    for (size_t s = 0; s < stageIds.size(); ++s) {
        const qint64 runId = firstRun + qint64(s / kStagesPerRun);
        const int position = int(s % kStagesPerRun);
        const qint64 count = perStage + (extra-- > 0 ? 1 : 0);
        for (qint64 n = 0; n < count; ++n, ++written) {
            LogLine line;
            line.timestampMs = nowMs - (o.runs - runId) * 60000 + n;
            line.stream = LogStream::Stdout;
            line.text = logText(position, n, rng);
            if (written % rareEvery == rareEvery / 2)
                line.text += " (worker " + o.rare + " in child 4711)";
            writer->append(runId, stageIds[s], std::move(line));
        }
        if (s % 10000 == 0)
            std::fprintf(stderr, "  %lld log lines\n", written);
    }
    if (auto ok = writer->flush(); !ok) {
        std::fprintf(stderr, "seed-history: %s\n", qPrintable(ok.error().message));
        return false;
    }
    return true;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Seeds a DeployDesk history for benchmarks."));
    parser.addHelpOption();
    const QCommandLineOption dirOpt(QStringLiteral("data-dir"), QStringLiteral("Data directory."),
                                    QStringLiteral("dir"));
    const QCommandLineOption runsOpt(QStringLiteral("runs"), QStringLiteral("Runs (1000000)."),
                                     QStringLiteral("n"), QStringLiteral("1000000"));
    const QCommandLineOption apiOpt(QStringLiteral("api-runs"),
                                    QStringLiteral("Runs created via the HistoryStore API (2000)."),
                                    QStringLiteral("n"), QStringLiteral("2000"));
    const QCommandLineOption linesOpt(QStringLiteral("log-lines"),
                                      QStringLiteral("Log lines (10000000)."), QStringLiteral("n"),
                                      QStringLiteral("10000000"));
    const QCommandLineOption logRunsOpt(QStringLiteral("log-runs"),
                                        QStringLiteral("Newest runs that get logs (25000)."),
                                        QStringLiteral("n"), QStringLiteral("25000"));
    const QCommandLineOption partOpt(
        QStringLiteral("part-blocks"),
        QStringLiteral("Blocks per part of the log search index (the product's: 262144)."),
        QStringLiteral("n"), QStringLiteral("0"));
    parser.addOptions({dirOpt, runsOpt, apiOpt, linesOpt, logRunsOpt, partOpt});
    parser.process(app);
    Options o;
    o.dataDir = parser.value(dirOpt);
    o.runs = parser.value(runsOpt).toLongLong();
    o.apiRuns = std::min(parser.value(apiOpt).toLongLong(), o.runs);
    o.logLines = parser.value(linesOpt).toLongLong();
    o.logRuns = std::min(parser.value(logRunsOpt).toLongLong(), o.runs);
    if (o.dataDir.isEmpty() || o.runs < 1) {
        std::fprintf(stderr, "seed-history: expected --data-dir DIR and --runs N >= 1\n");
        return 2;
    }

    Internal::setLogIndexPartBlocksForTesting(parser.value(partOpt).toLongLong());
    auto store = HistoryStore::open(o.dataDir);
    if (!store) {
        std::fprintf(stderr, "seed-history: %s\n", qPrintable(store.error().message));
        return 1;
    }
    const qint64 nowMs = QDateTime::currentMSecsSinceEpoch();
    std::vector<qint64> stageIds;
    stageIds.reserve(size_t(o.logRuns * kStagesPerRun));

    QElapsedTimer timer;
    timer.start();
    for (qint64 i = 1; i <= o.apiRuns; ++i) {
        RunRow row = makeRun(i, o.runs, nowMs);
        auto runId = (*store)->createRun(row.run);
        if (!runId) {
            std::fprintf(stderr, "seed-history: %s\n", qPrintable(runId.error().message));
            return 1;
        }
        for (StageRecord &s : row.stages) {
            s.runId = *runId;
            auto stageId = (*store)->createStage(s);
            if (!stageId) {
                std::fprintf(stderr, "seed-history: %s\n", qPrintable(stageId.error().message));
                return 1;
            }
            if (i > o.runs - o.logRuns)
                stageIds.push_back(*stageId);
        }
    }
    const qint64 apiMs = timer.elapsed();
    if (o.apiRuns > 0) {
        std::printf("api: %lld runs (+%d stages each) via createRun/createStage in %lld ms "
                    "(%.0f runs/s)\n",
                    o.apiRuns, kStagesPerRun, apiMs,
                    double(o.apiRuns) * 1000.0 / double(std::max<qint64>(apiMs, 1)));
    }

    timer.restart();
    {
        QSqlDatabase db =
            QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("seed"));
        db.setDatabaseName((*store)->databasePath());
        if (!db.open()) {
            std::fprintf(stderr, "seed-history: %s\n", qPrintable(db.lastError().text()));
            return 1;
        }
        const bool ok = insertSql(db, o, o.apiRuns + 1, nowMs, stageIds);
        db.close();
        if (!ok)
            return 1;
    }
    QSqlDatabase::removeDatabase(QStringLiteral("seed"));
    std::printf("sql: %lld runs in one transaction in %lld ms\n", o.runs - o.apiRuns,
                timer.elapsed());

    timer.restart();
    if (!seedLogs(**store, o, stageIds))
        return 1;
    const qint64 logMs = timer.elapsed();
    std::printf("logs: %lld lines over %zu stages via LogWriter in %lld ms (%.0f lines/s); "
                "rare word \"%s\" in %lld lines\n",
                o.logLines, stageIds.size(), logMs,
                double(o.logLines) * 1000.0 / double(std::max<qint64>(logMs, 1)),
                o.rare.constData(), o.logLines >= kRareLines ? kRareLines : 0);
    return 0;
}
