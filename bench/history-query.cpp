// history-query: times the history queries in-process, without the process start-up
// that dominates `deploydeskctl history`. Prints one line per query:
//   <label> runs=<n> first=<ms> mean=<ms> min=<ms> max=<ms> results=<count>
// "first" is the first execution in this process (a cold statement, warm page cache).
#include "store/historystore.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <vector>

using namespace DeployDesk;

namespace {

void timeIt(const char *label, int repeat, const std::function<qsizetype()> &query)
{
    std::vector<double> ms;
    qsizetype results = -1;
    for (int i = 0; i < repeat; ++i) {
        QElapsedTimer t;
        t.start();
        results = query();
        ms.push_back(double(t.nsecsElapsed()) / 1e6);
        if (results < 0)
            break;
    }
    double sum = 0;
    for (double v : ms)
        sum += v;
    std::printf("%-40s runs=%zu first=%.2f mean=%.2f min=%.2f max=%.2f results=%lld\n", label,
                ms.size(), ms.front(), sum / double(ms.size()),
                *std::min_element(ms.begin(), ms.end()), *std::max_element(ms.begin(), ms.end()),
                qint64(results));
    std::fflush(stdout);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption dirOpt(QStringLiteral("data-dir"), QStringLiteral("Data directory."),
                                    QStringLiteral("dir"));
    const QCommandLineOption repeatOpt(QStringLiteral("repeat"), QStringLiteral("Repetitions."),
                                       QStringLiteral("n"), QStringLiteral("10"));
    const QCommandLineOption wordOpt(QStringLiteral("word"),
                                     QStringLiteral("A word to search (repeatable)."),
                                     QStringLiteral("word"));
    parser.addOptions({dirOpt, repeatOpt, wordOpt});
    parser.process(app);
    const int repeat = std::max(1, parser.value(repeatOpt).toInt());

    QElapsedTimer openTimer;
    openTimer.start();
    auto store = HistoryStore::open(parser.value(dirOpt));
    if (!store) {
        std::fprintf(stderr, "history-query: %s\n", qPrintable(store.error().message));
        return 1;
    }
    std::printf("%-40s %.2f ms\n", "HistoryStore::open", double(openTimer.nsecsElapsed()) / 1e6);

    timeIt("runs(env=production,status=failed,50)", repeat, [&]() -> qsizetype {
        RunFilter f;
        f.environment = QStringLiteral("production");
        f.status = QStringLiteral("failed");
        f.limit = 50;
        auto r = (*store)->runs(f);
        return r ? r->size() : -1;
    });
    // The History tab's count beside its filters (HistoryStore::countRuns), with the
    // filters it offers (always within the open workspace): the whole history, environment
    // + status, part of a name, text in the logs.
    const auto count = [&](const char *label, const std::function<void(RunFilter &)> &set) {
        timeIt(label, repeat, [&]() -> qsizetype {
            RunFilter f;
            f.workspace = QStringLiteral("/home/dev/src/textbook"); // the panel's: its workspace
            set(f);
            auto r = (*store)->countRuns(f);
            return r ? qsizetype(r->runs) : -1;
        });
    };
    count("countRuns()", [](RunFilter &) {});
    count("countRuns(env=production,status=failed)", [](RunFilter &f) {
        f.environment = QStringLiteral("production");
        f.status = QStringLiteral("failed");
    });
    count("countRuns(who contains \"an\")", [](RunFilter &f) {
        f.who = QStringLiteral("an");
        f.partialNames = true;
    });
    count("countRuns(branch contains \"feat\",failed)", [](RunFilter &f) {
        f.branch = QStringLiteral("feat");
        f.partialNames = true;
        f.status = QStringLiteral("failed");
    });
    for (const QString &word : parser.values(wordOpt)) {
        const QByteArray countLabel = "countRuns(grep=" + word.toUtf8() + ")";
        count(countLabel.constData(), [&word](RunFilter &f) { f.grep = word; });
        const QByteArray runsLabel = "runs(grep=" + word.toUtf8() + ",20)";
        timeIt(runsLabel.constData(), repeat, [&]() -> qsizetype {
            RunFilter f;
            f.grep = word;
            f.limit = 20;
            auto r = (*store)->runs(f);
            return r ? r->size() : -1;
        });
        const QByteArray searchLabel = "searchLogs(" + word.toUtf8() + ",1000)";
        timeIt(searchLabel.constData(), repeat, [&]() -> qsizetype {
            auto r = (*store)->searchLogs(word);
            return r ? r->size() : -1;
        });
    }
    return 0;
}
