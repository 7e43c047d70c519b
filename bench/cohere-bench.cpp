// The Cohere embedder against the Cohere contract fake (served by a child process, so its CPU
// does not count), 100 ms latency on every answer:
//   1. budget: a re-embed of N texts with the default 2,000 inputs/min budget and 4 calls in
//      flight; the fake enforces the same budget (429 past it) and reports the most inputs it
//      saw in any 60 s window. Budget use = inputs / (budget x minutes started).
//   2. concurrency: M texts without a budget, one call at a time vs 4 in flight.
//
//   cohere-bench [--latency MS] [--inputs N] [--budget B] [--window-ms W] [--texts M]
//                [--corpus DIR] [--skip-budget]
// Internal mode: --serve LATENCY BUDGET WINDOW_MS (prints the port, runs until stdin closes).
#include "data/embed/cohereembedder.h"
#include "data/embed/cohereembedjob.h"
#include "fakes/coherefake.h"
#include "net/httpclient.h"
#include "net/httpjob.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QProcess>
#include <QSocketNotifier>

#include <cmath>
#include <cstdio>
#include <unistd.h>

using namespace DeployDesk;
using namespace DeployDesk::Data;
using namespace std::chrono_literals;

namespace {
const QByteArray kKey = "co-bench-key";

int serve(int latency, int budget, int windowMs)
{
    Test::CohereFake fake;
    fake.setApiKey(kKey);
    fake.setLatency(std::chrono::milliseconds(latency));
    fake.setRecordBodies(false);
    fake.setBudget(budget, std::chrono::milliseconds(windowMs));
    if (!fake.listen())
        return 1;
    std::printf("%d\n", fake.server().port());
    std::fflush(stdout);
    QSocketNotifier stdinClosed(STDIN_FILENO, QSocketNotifier::Read);
    QObject::connect(&stdinClosed, &QSocketNotifier::activated, qApp, [] {
        char buffer[64];
        if (::read(STDIN_FILENO, buffer, sizeof buffer) <= 0)
            qApp->quit();
    });
    return qApp->exec();
}

// Paragraphs of the corpus's Markdown (blank-line separated, at least 40 characters), cycled
// to `count` texts with a number so each is distinct.
QStringList corpusTexts(const QString &dir, int count)
{
    QStringList paragraphs;
    QDirIterator it(dir, {QStringLiteral("*.md")}, QDir::Files, QDirIterator::Subdirectories);
    QStringList files;
    while (it.hasNext())
        files << it.next();
    files.sort();
    for (const QString &path : files) {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            continue;
        for (const QString &p : QString::fromUtf8(file.readAll()).split(QStringLiteral("\n\n"))) {
            if (p.trimmed().size() >= 40)
                paragraphs << p.trimmed().left(2000);
        }
    }
    if (paragraphs.isEmpty())
        paragraphs << QStringLiteral("Ownership is a set of rules that govern how a Rust "
                                     "program manages memory.");
    QStringList texts;
    for (int i = 0; i < count; ++i)
        texts << QStringLiteral("%1 [%2]").arg(paragraphs.at(i % paragraphs.size())).arg(i);
    return texts;
}

struct Server
{
    QProcess process;
    QUrl url;

    bool start(int latency, int budget, int windowMs)
    {
        process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        process.start(QCoreApplication::applicationFilePath(),
                      {QStringLiteral("--serve"), QString::number(latency), QString::number(budget),
                       QString::number(windowMs)});
        if (!process.waitForStarted() || !process.waitForReadyRead(10000))
            return false;
        url = QUrl(QStringLiteral("http://127.0.0.1:%1")
                       .arg(QString::fromLatin1(process.readLine().trimmed())));
        return true;
    }
    ~Server()
    {
        process.closeWriteChannel();
        if (!process.waitForFinished(5000))
            process.kill();
        process.waitForFinished();
    }
    QJsonObject stats() const
    {
        HttpClient client(Platform::Generic, url);
        HttpJob *job = client.send(HttpRequest::get(QUrl(QStringLiteral("/_fake/stats"))));
        QEventLoop loop;
        QObject::connect(job, &Job::result, &loop, &QEventLoop::quit);
        job->start();
        loop.exec();
        const QJsonObject stats = job->jsonObject();
        delete job;
        return stats;
    }
};

struct Run
{
    bool ok = false;
    QString error;
    double seconds = 0;
    int calls = 0;
    int retries = 0;
    int peak = 0;
};

QString g_model = QStringLiteral("embed-english-v3.0");

Run embed(const QUrl &url, const QStringList &texts, int inFlight, int budget, int windowMs)
{
    CohereOptions options;
    options.apiKey = kKey;
    options.baseUrl = url;
    options.model = g_model;
    options.dimension = cohereModelDimension(g_model).value_or(1024);
    options.maxInFlight = inFlight;
    options.inputsPerMinute = budget;
    options.budgetWindow = std::chrono::milliseconds(windowMs);
    CohereEmbedder embedder(options);
    auto *job = static_cast<CohereEmbedJob *>(embedder.embed(texts, InputType::Document));
    QEventLoop loop;
    QObject::connect(job, &Job::result, &loop, &QEventLoop::quit);
    QElapsedTimer clock;
    clock.start();
    job->start();
    loop.exec();
    Run run;
    run.seconds = double(clock.nsecsElapsed()) / 1e9;
    run.ok = job->outcome() == Job::Outcome::Success && job->vectors().size() == texts.size();
    run.error = job->errorText();
    run.calls = job->calls();
    run.retries = job->retries();
    run.peak = job->peakInFlight();
    delete job;
    return run;
}
} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() >= 5 && args.at(1) == QLatin1String("--serve"))
        return serve(args.at(2).toInt(), args.at(3).toInt(), args.at(4).toInt());

    QCommandLineParser parser;
    parser.addHelpOption();
    QCommandLineOption latencyOpt("latency", "Fake latency (ms).", "MS", "100");
    QCommandLineOption inputsOpt("inputs", "Texts for the budget run.", "N", "6000");
    QCommandLineOption budgetOpt("budget", "Inputs per window.", "B", "2000");
    QCommandLineOption windowOpt("window-ms", "Budget window (ms).", "W", "60000");
    QCommandLineOption textsOpt("texts", "Texts for the concurrency run.", "M", "3840");
    // The shared Rust book corpus, beside the main checkout or beside a worktree's parent.
    QString corpus = QStringLiteral(DD_SOURCE_DIR "/../shared/corpus/rust-book/src");
    if (!QDir(corpus).exists())
        corpus = QStringLiteral(DD_SOURCE_DIR "/../../shared/corpus/rust-book/src");
    QCommandLineOption corpusOpt("corpus", "Markdown folder for the texts.", "DIR", corpus);
    QCommandLineOption skipBudget("skip-budget", "Only the concurrency run.");
    QCommandLineOption modelOpt("model", "Cohere model (its dimension sets the answer size).",
                                "MODEL", g_model);
    parser.addOptions(
        {latencyOpt, inputsOpt, budgetOpt, windowOpt, textsOpt, corpusOpt, skipBudget, modelOpt});
    parser.process(app);
    g_model = parser.value(modelOpt);
    if (!cohereModelDimension(g_model))
        qFatal("unknown model %s", qPrintable(g_model));
    const int latency = parser.value(latencyOpt).toInt();
    const int budget = parser.value(budgetOpt).toInt();
    const int windowMs = parser.value(windowOpt).toInt();

    if (!parser.isSet(skipBudget)) {
        const int inputs = parser.value(inputsOpt).toInt();
        const QStringList texts = corpusTexts(parser.value(corpusOpt), inputs);
        Server server;
        if (!server.start(latency, budget, windowMs))
            qFatal("cannot start the fake");
        const Run run = embed(server.url, texts, 4, budget, windowMs);
        const QJsonObject stats = server.stats();
        const int windows = int(std::ceil(run.seconds * 1000.0 / windowMs));
        std::printf("budget run: %d texts, budget %d per %d ms, latency %d ms, 4 in flight\n",
                    inputs, budget, windowMs, latency);
        std::printf("  %s in %.1f s, %d calls (%d retried), fake: %d rate-limited, most in one "
                    "window %d\n",
                    run.ok ? "embedded" : qPrintable("FAILED: " + run.error), run.seconds,
                    run.calls, run.retries, stats.value("rate_limited").toInt(),
                    stats.value("max_window_inputs").toInt());
        std::printf("  budget use: %d / (%d x %d windows started) = %.1f%%\n", inputs, budget,
                    windows, 100.0 * inputs / (double(budget) * windows));
    }

    const int count = parser.value(textsOpt).toInt();
    const QStringList texts = corpusTexts(parser.value(corpusOpt), count);
    Server server;
    if (!server.start(latency, 0, 60000))
        qFatal("cannot start the fake");
    // Warm-up: connections, pages, and the fake's vectors (it writes each text's JSON once),
    // so both measured runs cost the fake the same.
    embed(server.url, texts, 4, 0, 60000);
    const Run one = embed(server.url, texts, 1, 0, 60000);
    const Run four = embed(server.url, texts, 4, 0, 60000);
    std::printf("concurrency run: %d texts (%d calls of 96), %s (%d dimensions), latency %d ms, "
                "no budget\n",
                count, one.calls, qPrintable(g_model), cohereModelDimension(g_model).value_or(0),
                latency);
    std::printf("  1 in flight: %.2f s%s\n", one.seconds, one.ok ? "" : " FAILED");
    std::printf("  4 in flight: %.2f s%s (peak %d)\n", four.seconds, four.ok ? "" : " FAILED",
                four.peak);
    std::printf("  speed-up: %.2fx\n", one.seconds / four.seconds);
    return one.ok && four.ok ? 0 : 1;
}
