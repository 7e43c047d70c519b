// gui-bench: the panel's in-process benchmarks (bench/gui.sh drives it; see
// docs/benchmarks.md). One mode a process, because the first one measures the start:
//
//   paint   launch -> first paint of the MainWindow, and -> the History tab's first page
//   prepare writes a run with a --lines-line log and one with a 1,000-line log (once)
//   log     open a log + End until its last line is painted; count a word's matches
//   stream  a real pipeline streaming into the open Logs tab; the event loop's worst stall
//
// Every mode prints "RESULT name value" lines and the peak RSS (VmHWM). The data dir is
// $DEPLOYDESK_DATA_DIR, as for the panel.
#include "common/paths.h"
#include "store/historystore.h"
#include "store/logwriter.h"
#include "ui/history/historybrowser.h"
#include "ui/historymodel.h"
#include "ui/logview/logmodel.h"
#include "ui/logview/logview.h"
#include "ui/logview/logviewer.h"
#include "ui/mainwindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QKeyEvent>
#include <QScrollBar>
#include <QTimer>
#include <QTreeView>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <functional>
#include <vector>

using namespace DeployDesk;
using namespace DeployDesk::Ui;

namespace {

qint64 realtimeNs()
{
    timespec ts{};
    clock_gettime(CLOCK_REALTIME, &ts);
    return qint64(ts.tv_sec) * 1000000000 + ts.tv_nsec;
}

qint64 g_launchNs = 0; // --t0-ns (the script's clock just before exec), else main()'s start

double sinceLaunchMs()
{
    return double(realtimeNs() - g_launchNs) / 1e6;
}

void result(const char *name, double value, const char *unit)
{
    std::printf("RESULT %s %.2f %s\n", name, value, unit);
    std::fflush(stdout);
}

void peakRss()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmHWM:"))
            result("peak_rss_mb", line.mid(6).trimmed().split(' ').value(0).toDouble() / 1024,
                   "MB");
    }
}

// Runs the event loop until `done` or `timeoutMs`; a 20 ms tick keeps it from sleeping
// past a condition that no event announces.
bool waitUntil(const std::function<bool()> &done, int timeoutMs)
{
    QTimer tick;
    tick.start(20);
    QElapsedTimer clock;
    clock.start();
    while (!done()) {
        if (clock.elapsed() > timeoutMs)
            return false;
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
    }
    return true;
}

// Counts paint events of a widget (or, installed on the application, of one window).
class PaintCounter final : public QObject
{
public:
    explicit PaintCounter(QWidget *target, bool wholeWindow = false)
        : m_target(target)
        , m_wholeWindow(wholeWindow)
    {
        if (wholeWindow)
            qApp->installEventFilter(this);
        else
            target->installEventFilter(this);
    }
    int count() const { return m_count; }
    double firstAtMs() const { return m_firstAtMs; }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint) {
            auto *w = qobject_cast<QWidget *>(watched);
            if (w == m_target || (m_wholeWindow && w && w->window() == m_target)) {
                if (m_count++ == 0)
                    m_firstAtMs = sinceLaunchMs();
            }
        }
        return false;
    }

private:
    QWidget *m_target = nullptr;
    bool m_wholeWindow = false;
    int m_count = 0;
    double m_firstAtMs = 0;
};

// The GUI thread's responsiveness: a 5 ms precise timer; a stall is the time between two
// firings beyond the interval (what a user feels as a frozen window).
class StallProbe final : public QObject
{
public:
    static constexpr qint64 kIntervalNs = 5'000'000;
    StallProbe()
    {
        m_timer.setTimerType(Qt::PreciseTimer);
        m_timer.setInterval(int(kIntervalNs / 1'000'000));
        QObject::connect(&m_timer, &QTimer::timeout, this, [this] {
            const qint64 now = m_clock.nsecsElapsed();
            m_gaps.push_back(now - m_last);
            // GUI_BENCH_TRACE=1: each stall over 20 ms with the step it happened in.
            if (m_trace && now - m_last - kIntervalNs > 20'000'000)
                std::fprintf(stderr, "stall %.1f ms at %.3f s in %s\n",
                             double(now - m_last - kIntervalNs) / 1e6, double(now) / 1e9, m_phase);
            m_last = now;
        });
    }
    void setPhase(const char *phase) { m_phase = phase; }
    void start()
    {
        m_gaps.clear();
        m_clock.start();
        m_last = 0;
        m_timer.start();
    }
    void stop() { m_timer.stop(); }
    // Worst lateness, in ms, beyond the interval.
    double worstMs() const
    {
        qint64 worst = 0;
        for (qint64 g : m_gaps)
            worst = std::max(worst, g - kIntervalNs);
        return double(worst) / 1e6;
    }
    double percentileMs(double p) const
    {
        if (m_gaps.empty())
            return 0;
        std::vector<qint64> sorted = m_gaps;
        std::sort(sorted.begin(), sorted.end());
        const qint64 g = sorted[size_t(p * double(sorted.size() - 1))];
        return double(std::max<qint64>(0, g - kIntervalNs)) / 1e6;
    }
    int over(double ms) const
    {
        return int(std::count_if(m_gaps.begin(), m_gaps.end(),
                                 [ms](qint64 g) { return double(g - kIntervalNs) / 1e6 > ms; }));
    }
    void report(const char *prefix) const
    {
        const QByteArray p(prefix);
        result(p + "_worst_stall_ms", worstMs(), "ms");
        result(p + "_p99_stall_ms", percentileMs(0.99), "ms");
        result(p + "_stalls_over_50ms", over(50), "count");
        result(p + "_ticks", double(m_gaps.size()), "count");
    }

private:
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_last = 0;
    std::vector<qint64> m_gaps;
    const char *m_phase = "";
    const bool m_trace = qEnvironmentVariableIsSet("GUI_BENCH_TRACE");
};

// Shows `window` and waits for its first paint to complete; returns launch -> then, in ms.
double showAndWaitFirstPaint(MainWindow &window)
{
    PaintCounter paints(&window, true);
    window.show();
    if (!waitUntil([&] { return paints.count() > 0; }, 60000)) {
        std::fprintf(stderr, "gui-bench: the window was never painted\n");
        return -1;
    }
    return sinceLaunchMs();
}

int paintMode()
{
    MainWindow window(qEnvironmentVariable("GUI_BENCH_WORKSPACE"));
    result("construct_done_ms", sinceLaunchMs(), "ms");
    const double firstPaint = showAndWaitFirstPaint(window);
    result("first_paint_ms", firstPaint, "ms");

    // The history is opened (and migrated when old) off the GUI thread, after the window.
    HistoryBrowser *history = window.historyBrowser();
    bool answered = false;
    QObject::connect(history->model(), &HistoryModel::pageLoaded, [&answered] { answered = true; });
    if (!waitUntil([&] { return !window.isHistoryOpening(); }, 60000) || !window.isHistoryOpen()) {
        std::fprintf(stderr, "gui-bench: the history did not open\n");
        return 1;
    }
    result("history_open_ms", sinceLaunchMs(), "ms");

    // The first page: rows, or (an empty history) the first answer with none.
    PaintCounter historyPaints(history->view()->viewport());
    answered = answered || !history->model()->isLoading(); // it may have answered already
    window.showTab(MainWindow::HistoryTab);
    const bool ok = waitUntil(
        [&] { return answered && !history->model()->isLoading() && historyPaints.count() > 0; },
        60000);
    if (ok) {
        // The page has arrived: one more paint puts it on screen.
        const int painted = historyPaints.count();
        history->view()->viewport()->update();
        waitUntil([&] { return historyPaints.count() > painted; }, 5000);
        result("history_first_page_ms", sinceLaunchMs(), "ms");
        result("history_rows", history->model()->rowCount(), "rows");
    } else {
        result("history_first_page_ms", -1, "ms (no rows within 60 s)");
    }
    peakRss();
    return 0;
}

struct Ids
{
    qint64 bigRun = 0, bigStage = 0, bigLines = 0, smallRun = 0, smallStage = 0, smallLines = 0;
};

QString idsFile()
{
    return Paths::dataDir() + QStringLiteral("/gui-bench.ids");
}

std::optional<Ids> readIds()
{
    QFile f(idsFile());
    if (!f.open(QIODevice::ReadOnly))
        return std::nullopt;
    const QList<QByteArray> v = f.readAll().simplified().split(' ');
    if (v.size() != 6)
        return std::nullopt;
    return Ids{v[0].toLongLong(), v[1].toLongLong(), v[2].toLongLong(),
               v[3].toLongLong(), v[4].toLongLong(), v[5].toLongLong()};
}

Result<std::pair<qint64, qint64>> writeRun(HistoryStore &store, qint64 lines)
{
    const QDateTime start = QDateTime::currentDateTimeUtc();
    RunRecord run;
    run.workspace = qEnvironmentVariable("GUI_BENCH_WORKSPACE");
    run.pipeline = QStringLiteral("textbook");
    run.triggeredBy = QStringLiteral("bench");
    run.startedAt = start;
    auto runId = store.createRun(run);
    if (!runId)
        return std::unexpected(runId.error());
    StageRecord stage;
    stage.runId = *runId;
    stage.name = QStringLiteral("build");
    stage.status = StageStatus::Success;
    stage.attempts = 1;
    stage.exitCode = 0;
    stage.startedAt = start;
    stage.finishedAt = start.addSecs(10);
    auto stageId = store.createStage(stage);
    if (!stageId)
        return std::unexpected(stageId.error());
    char text[128];
    for (qint64 i = 0; i < lines; ++i) {
        const int n =
            std::snprintf(text, sizeof text, "line %lld lorem ipsum dolor sit amet consectetur%s",
                          static_cast<long long>(i), i % 1000 == 0 ? " needle" : "");
        LogLine line;
        line.timestampMs = start.toMSecsSinceEpoch() + i / 200;
        line.text = QByteArray(text, n);
        store.logWriter()->append(*runId, *stageId, std::move(line));
    }
    if (auto flushed = store.logWriter()->flush(); !flushed)
        return std::unexpected(flushed.error());
    if (auto done = store.finishRun(*runId, RunStatus::Success, start.addSecs(10)); !done)
        return std::unexpected(done.error());
    return std::pair{*runId, *stageId};
}

int prepareMode(qint64 lines)
{
    if (readIds()) {
        std::printf("gui-bench: %s exists; logs already written\n", qPrintable(idsFile()));
        return 0;
    }
    auto store = HistoryStore::open(Paths::dataDir());
    if (!store) {
        std::fprintf(stderr, "gui-bench: %s\n", qPrintable(store.error().toString()));
        return 1;
    }
    QElapsedTimer clock;
    clock.start();
    auto big = writeRun(**store, lines);
    auto small = big ? writeRun(**store, 1000) : big;
    if (!small) {
        std::fprintf(stderr, "gui-bench: %s\n", qPrintable(small.error().toString()));
        return 1;
    }
    QFile f(idsFile());
    if (!f.open(QIODevice::WriteOnly))
        return 1;
    f.write(QStringLiteral("%1 %2 %3 %4 %5 1000\n")
                .arg(big->first)
                .arg(big->second)
                .arg(lines)
                .arg(small->first)
                .arg(small->second)
                .toUtf8());
    std::printf("gui-bench: wrote %lld + 1000 lines in %.1f s\n", static_cast<long long>(lines),
                double(clock.elapsed()) / 1000);
    return 0;
}

// Opens a stage's log in the window's viewer and presses End; returns ms until the last
// line has been painted, or -1.
double openAndJumpToEnd(MainWindow &window, qint64 runId, qint64 stageId, qint64 lines)
{
    LogViewer *viewer = window.logViewer();
    LogView *view = viewer->view();
    PaintCounter paints(view->viewport());
    if (qEnvironmentVariableIsSet("GUI_BENCH_CLEAR_FIND")) // no search restarts on open
        viewer->find(QString(), false, false);
    QElapsedTimer clock;
    clock.start();
    viewer->showRun(runId, {{stageId, QStringLiteral("build")}}, stageId);
    QKeyEvent end(QEvent::KeyPress, Qt::Key_End, Qt::NoModifier);
    QCoreApplication::sendEvent(view, &end);
    const bool ok = waitUntil(
        [&] {
            return paints.count() > 0 && view->model()->rowCount() == lines &&
                   view->topRow() + view->visibleRowCount() >= lines;
        },
        30000);
    return ok ? double(clock.nsecsElapsed()) / 1e6 : -1;
}

// Counts `word` in the open log; returns ms until matchCountChanged brought `expected`.
double countMatches(MainWindow &window, const QString &word, int expected)
{
    LogViewer *viewer = window.logViewer();
    viewer->find(QString(), false, false);
    int lastCount = -1;
    const auto c = QObject::connect(viewer, &LogViewer::matchCountChanged,
                                    [&lastCount](int n) { lastCount = n; });
    QElapsedTimer clock;
    clock.start();
    viewer->find(word, false, false);
    const bool ok =
        waitUntil([&] { return lastCount == expected && !viewer->isCounting(); }, 30000);
    const double ms = double(clock.nsecsElapsed()) / 1e6;
    QObject::disconnect(c);
    if (!ok)
        std::fprintf(stderr, "gui-bench: counting %s: %d matches, expected %d\n", qPrintable(word),
                     viewer->matchCount(), expected);
    return ok ? ms : -1;
}

int logMode(int repeat)
{
    const auto ids = readIds();
    if (!ids) {
        std::fprintf(stderr, "gui-bench: %s missing; run gui-bench --mode prepare first\n",
                     qPrintable(idsFile()));
        return 1;
    }
    MainWindow window(qEnvironmentVariable("GUI_BENCH_WORKSPACE"));
    showAndWaitFirstPaint(window);
    if (!waitUntil([&] { return window.isHistoryOpen(); }, 60000)) {
        std::fprintf(stderr, "gui-bench: the history did not open\n");
        return 1;
    }
    window.showTab(MainWindow::LogsTab);
    waitUntil([] { return false; }, 300); // let the tab lay out
    StallProbe probe;
    probe.start();
    const int needles = int((ids->bigLines + 999) / 1000);
    for (int i = 0; i < repeat; ++i) {
        probe.setPhase("open small");
        result("open_end_small_ms",
               openAndJumpToEnd(window, ids->smallRun, ids->smallStage, ids->smallLines), "ms");
        probe.setPhase("open big");
        result("open_end_big_ms",
               openAndJumpToEnd(window, ids->bigRun, ids->bigStage, ids->bigLines), "ms");
        probe.setPhase("count needle");
        result("count_rare_ms", countMatches(window, QStringLiteral("needle"), needles), "ms");
        probe.setPhase("count lorem");
        result("count_common_ms", countMatches(window, QStringLiteral("lorem"), int(ids->bigLines)),
               "ms");
    }
    probe.stop();
    probe.report("log");
    peakRss();
    return 0;
}

int streamMode(int idleSeconds)
{
    MainWindow window(qEnvironmentVariable("GUI_BENCH_WORKSPACE"));
    window.setConfirmations(false);
    bool loaded = false;
    QObject::connect(&window, &MainWindow::pipelineLoaded, [&loaded](bool ok) { loaded = ok; });
    showAndWaitFirstPaint(window);
    if (!waitUntil([&] { return loaded; }, 30000)) {
        std::fprintf(stderr, "gui-bench: the workspace's pipeline did not load\n");
        return 1;
    }
    window.showTab(MainWindow::LogsTab);

    StallProbe probe;
    probe.start();
    waitUntil([] { return false; }, idleSeconds * 1000);
    probe.stop();
    probe.report("idle");

    qint64 runId = 0;
    bool finished = false;
    QObject::connect(&window, &MainWindow::runStarted, [&runId](qint64 id) { runId = id; });
    QObject::connect(&window, &MainWindow::runFinished,
                     [&finished](qint64, RunStatus) { finished = true; });
    probe.start();
    window.runPipeline();
    const bool ok = waitUntil([&] { return finished; }, 300000);
    probe.stop();
    if (!ok || !runId) {
        std::fprintf(stderr, "gui-bench: the run did not finish\n");
        return 1;
    }
    probe.report("stream");

    auto store = HistoryStore::open(Paths::dataDir());
    auto stages = store ? (*store)->stages(runId) : std::unexpected(store.error());
    if (!stages || stages->isEmpty())
        return 1;
    const StageRecord &stage = stages->first();
    const qint64 lines = (*store)->logLineCount(stage.id).value_or(0);
    result("stream_lines", double(lines), "lines");
    result("stream_stage_s", double(stage.durationMs()) / 1000, "s");
    result("stream_rate", double(lines) * 1000 / double(std::max<qint64>(1, stage.durationMs())),
           "lines/s");
    LogView *view = window.logViewer()->view();
    // The view has followed: every stored line is a row and the last one is on screen.
    const bool caughtUp = waitUntil(
        [&] { return view->model()->rowCount() >= lines - 1 && view->isAtBottom(); }, 5000);
    result("stream_view_rows", view->model()->rowCount(), "rows");
    result("stream_view_at_bottom", caughtUp ? 1 : 0, "bool");
    peakRss();
    return 0;
}

} // namespace

int main(int argc, char *argv[])
{
    g_launchNs = realtimeNs();
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("DeployDeskBench"));
    QApplication::setApplicationName(QStringLiteral("gui-bench"));
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption modeOption(QStringLiteral("mode"),
                                        QStringLiteral("paint | prepare | log | stream"),
                                        QStringLiteral("mode"));
    const QCommandLineOption t0Option(QStringLiteral("t0-ns"),
                                      QStringLiteral("launch time (CLOCK_REALTIME ns)"),
                                      QStringLiteral("ns"));
    const QCommandLineOption linesOption(QStringLiteral("lines"),
                                         QStringLiteral("prepare: lines of the big log"),
                                         QStringLiteral("n"), QStringLiteral("2000000"));
    const QCommandLineOption repeatOption(QStringLiteral("repeat"),
                                          QStringLiteral("log: repetitions"), QStringLiteral("n"),
                                          QStringLiteral("5"));
    const QCommandLineOption idleOption(QStringLiteral("idle-seconds"),
                                        QStringLiteral("stream: idle probe length"),
                                        QStringLiteral("s"), QStringLiteral("10"));
    parser.addOptions({modeOption, t0Option, linesOption, repeatOption, idleOption});
    parser.process(app);
    if (parser.isSet(t0Option)) {
        const qint64 t0 = parser.value(t0Option).toLongLong();
        result("exec_to_main_ms", double(g_launchNs - t0) / 1e6, "ms");
        g_launchNs = t0;
    }
    const QString mode = parser.value(modeOption);
    if (mode == QLatin1String("paint"))
        return paintMode();
    if (mode == QLatin1String("prepare"))
        return prepareMode(parser.value(linesOption).toLongLong());
    if (mode == QLatin1String("log"))
        return logMode(parser.value(repeatOption).toInt());
    if (mode == QLatin1String("stream"))
        return streamMode(parser.value(idleOption).toInt());
    std::fprintf(stderr, "gui-bench: --mode paint|prepare|log|stream\n");
    return 2;
}
