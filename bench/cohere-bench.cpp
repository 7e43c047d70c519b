// The Cohere embedder against the Cohere contract fake (served by a child process, so its CPU
// does not count), 100 ms latency on every answer:
//   1. budget: a re-embed of N texts with the default 2,000 inputs/min budget and 4 calls in
//      flight; the fake enforces the same budget (429 past it) and reports the most inputs it
//      saw in any 60 s window. Budget use = inputs / (budget x minutes started).
//   2. concurrency: M texts without a budget, one call at a time vs 4 in flight.
//
//   cohere-bench [--latency MS] [--inputs N] [--budget B] [--window-ms W] [--texts M]
//                [--corpus DIR] [--skip-budget] [--segment-size BYTES]
//
// --reembed DOCS: the same fake behind the real ReembedJob (docs chunker, Cohere embedder,
// LocalIndex in a temporary folder, manifests), on the docs folder DOCS:
//   a. a full re-embed with the budget (default 2,000 inputs/min) and 4 in flight: budget use;
//   b. a full re-embed without a budget, 1 in flight vs 4 in flight;
//   c. an incremental re-embed after one doc (--edit, default the first) has "the heap"
//      replaced by "the heap (the free store)": texts the fake embedded vs the chunks of that
//      doc that changed (chunked before and after, compared by key and SHA-256).
// [--max-tokens N] sets the chunker's budget; [--skip-budget] skips (a).
// The fake announces TCP segments of --segment-size bytes (default 1448, a path over
// Ethernet; 0: loopback's 64 KB, where Qt's request writes wait on delayed ACKs).
// Internal mode: --serve LATENCY BUDGET WINDOW_MS SEGMENT (prints the port, runs until stdin
// closes).
#include "data/corpus/markdownchunker.h"
#include "data/embed/cohereembedder.h"
#include "data/embed/cohereembedjob.h"
#include "data/index/localindex.h"
#include "data/reembed/reembedjob.h"
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
#include <QFileInfo>
#include <QProcess>
#include <QSocketNotifier>
#include <QTemporaryDir>

#include <cmath>
#include <cstdio>
#include <unistd.h>

using namespace DeployDesk;
using namespace DeployDesk::Data;
using namespace std::chrono_literals;

namespace {
const QByteArray kKey = "co-bench-key";
// The TCP segment size the fake announces: an Ethernet path's, as between DeployDesk and
// Cohere, not loopback's 64 KB (see FakeHttpServer::setSegmentSize()); 0 = loopback's.
int g_segmentSize = 1448;

int serve(int latency, int budget, int windowMs, int segmentSize)
{
    Test::CohereFake fake;
    fake.server().setSegmentSize(segmentSize);
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
                       QString::number(windowMs), QString::number(g_segmentSize)});
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

CohereOptions cohereOptions(const QUrl &url, int inFlight, int budget, int windowMs)
{
    CohereOptions options;
    options.apiKey = kKey;
    options.baseUrl = url;
    options.model = g_model;
    options.dimension = cohereModelDimension(g_model).value_or(1024);
    options.maxInFlight = inFlight;
    options.inputsPerMinute = budget;
    options.budgetWindow = std::chrono::milliseconds(windowMs);
    return options;
}

Run embed(const QUrl &url, const QStringList &texts, int inFlight, int budget, int windowMs)
{
    CohereEmbedder embedder(cohereOptions(url, inFlight, budget, windowMs));
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
struct Reembed
{
    bool ok = false;
    QString error;
    double seconds = 0;
    int chunks = 0; // of the docs
    int inputs = 0; // planned: new and changed chunks
    int embedded = 0;
};

// One run of the real ReembedJob into a LocalIndex in `indexDir`.
Reembed reembed(const QUrl &url, const QString &docs, const QString &indexDir,
                const QString &stateDir, ReembedOptions::Mode mode, int inFlight, int budget,
                int windowMs, int maxTokens)
{
    auto embedder =
        std::make_shared<CohereEmbedder>(cohereOptions(url, inFlight, budget, windowMs));
    auto index = std::make_shared<LocalIndex>(indexDir, QStringLiteral("docs"));
    ReembedOptions options;
    options.docsRoot = docs;
    options.stateDir = stateDir;
    options.mode = mode;
    options.chunker.maxTokens = maxTokens;
    ReembedJob job(embedder, index, options);
    QEventLoop loop;
    QObject::connect(&job, &Job::result, &loop, &QEventLoop::quit);
    QElapsedTimer clock;
    if (qEnvironmentVariableIsSet("DD_BENCH_LOG")) // the job's log with the time of each line
        QObject::connect(&job, &Job::logLine, &job, [&clock](const QString &line) {
            std::printf("     %7.3f s  %s\n", double(clock.nsecsElapsed()) / 1e9, qPrintable(line));
        });
    clock.start();
    job.start();
    loop.exec();
    Reembed run;
    run.seconds = double(clock.nsecsElapsed()) / 1e9;
    run.ok = job.outcome() == Job::Outcome::Success;
    run.error = job.errorText();
    run.chunks = job.plan().chunks;
    run.inputs = job.plan().diff.inputs();
    run.embedded = job.embedded();
    return run;
}

void copyDocs(const QString &from, const QString &to)
{
    QDirIterator it(from, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        const QString target = to + u'/' + QDir(from).relativeFilePath(path);
        QDir().mkpath(QFileInfo(target).path());
        QFile::copy(path, target);
    }
}

// (key, SHA-256) of each chunk of one doc.
QSet<QString> chunkSet(const MarkdownChunker &chunker, const QString &root, const QString &doc)
{
    QSet<QString> set;
    auto chunked = chunker.chunkFile(root, doc);
    if (!chunked)
        qFatal("%s", qPrintable(chunked.error().toString()));
    for (const Chunk &c : chunked->chunks)
        set.insert(c.key + u' ' + c.sha256Hex());
    return set;
}

int runReembed(const QString &docsDir, const QString &editDoc, int latency, int budget,
               int windowMs, int maxTokens, bool skipBudget)
{
    QTemporaryDir temp;
    const auto path = [&](const QString &name) { return temp.filePath(name); };
    const QString docs = path(QStringLiteral("docs"));
    copyDocs(docsDir, docs);
    std::printf("re-embed: %s, %s, latency %d ms, chunks of at most %d tokens\n",
                qPrintable(docsDir), qPrintable(g_model), latency, maxTokens);

    if (!skipBudget) {
        Server server;
        if (!server.start(latency, budget, windowMs))
            qFatal("cannot start the fake");
        const Reembed run =
            reembed(server.url, docs, path(QStringLiteral("idx-a")), path(QStringLiteral("st-a")),
                    ReembedOptions::Mode::Full, 4, budget, windowMs, maxTokens);
        const QJsonObject stats = server.stats();
        const int windows = int(std::ceil(run.seconds * 1000.0 / windowMs));
        // A client that sends its whole budget at the start of each window needs
        // ceil(N / budget) windows: the last one starts after (that - 1) whole windows.
        const int needed = (run.inputs + budget - 1) / qMax(1, budget);
        std::printf("a. full re-embed, budget %d per %d ms, 4 in flight\n", budget, windowMs);
        std::printf("   %s: %d chunks in %.1f s; fake: %d calls, %d inputs, %d rate-limited, "
                    "most in one window %d\n",
                    run.ok ? "done" : qPrintable("FAILED: " + run.error), run.inputs, run.seconds,
                    stats.value("calls").toInt(), stats.value("embedded_inputs").toInt(),
                    stats.value("rate_limited").toInt(), stats.value("max_window_inputs").toInt());
        std::printf("   budget use: %d / (%d x %d windows started) = %.1f%%; windows the budget "
                    "needs at least: %d\n",
                    run.inputs, budget, windows, 100.0 * run.inputs / (double(budget) * windows),
                    needed);
    }

    Server server;
    if (!server.start(latency, 0, 60000))
        qFatal("cannot start the fake");
    // Warm-up (connections, the fake's vectors), then 1 and 4 in flight on fresh indexes.
    reembed(server.url, docs, path(QStringLiteral("idx-w")), path(QStringLiteral("st-w")),
            ReembedOptions::Mode::Full, 4, 0, windowMs, maxTokens);
    const Reembed one =
        reembed(server.url, docs, path(QStringLiteral("idx-1")), path(QStringLiteral("st-1")),
                ReembedOptions::Mode::Full, 1, 0, windowMs, maxTokens);
    const Reembed four =
        reembed(server.url, docs, path(QStringLiteral("idx-4")), path(QStringLiteral("st-4")),
                ReembedOptions::Mode::Full, 4, 0, windowMs, maxTokens);
    std::printf("b. full re-embed, no budget: %d chunks (%d calls of up to 96)\n", one.inputs,
                (one.inputs + 95) / 96);
    std::printf("   1 in flight: %.2f s%s\n", one.seconds,
                one.ok ? "" : qPrintable(" FAILED: " + one.error));
    std::printf("   4 in flight: %.2f s%s\n", four.seconds,
                four.ok ? "" : qPrintable(" FAILED: " + four.error));
    std::printf("   speed-up: %.2fx\n", one.seconds / four.seconds);

    // c. One doc edited, then an incremental re-embed of the index built with 4 in flight.
    ChunkerOptions chunkerOptions;
    chunkerOptions.maxTokens = maxTokens;
    const MarkdownChunker chunker(chunkerOptions);
    auto files = DocsCorpus::scan(docs);
    if (!files || files->isEmpty())
        qFatal("no docs in %s", qPrintable(docsDir));
    const QString doc = editDoc.isEmpty() ? files->first() : editDoc;
    const QSet<QString> before = chunkSet(chunker, docs, doc);
    QFile file(docs + u'/' + doc);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(file.fileName()));
    QByteArray text = file.readAll();
    file.close();
    const int edits = int(text.count("the heap"));
    text.replace("the heap", "the heap (the free store)");
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(text) < 0)
        qFatal("cannot write %s", qPrintable(file.fileName()));
    file.close();
    const QSet<QString> after = chunkSet(chunker, docs, doc);
    const int changed = int((after - before).size());
    const int embeddedBefore = server.stats().value("embedded_inputs").toInt();
    const Reembed incremental =
        reembed(server.url, docs, path(QStringLiteral("idx-4")), path(QStringLiteral("st-4")),
                ReembedOptions::Mode::Incremental, 4, 0, windowMs, maxTokens);
    const int sent = server.stats().value("embedded_inputs").toInt() - embeddedBefore;
    std::printf("c. incremental after editing %s (%d x \"the heap\"; %d of its %d chunks "
                "changed)\n",
                qPrintable(doc), edits, changed, int(after.size()));
    std::printf("   %s in %.2f s: planned %d inputs, the fake embedded %d texts: %s\n",
                incremental.ok ? "done" : qPrintable("FAILED: " + incremental.error),
                incremental.seconds, incremental.inputs, sent,
                sent == changed ? "equal to the changed chunks" : "NOT the changed chunks");
    return one.ok && four.ok && incremental.ok && sent == changed ? 0 : 1;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() >= 6 && args.at(1) == QLatin1String("--serve"))
        return serve(args.at(2).toInt(), args.at(3).toInt(), args.at(4).toInt(),
                     args.at(5).toInt());

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
    QCommandLineOption reembedOpt("reembed", "Re-embed benchmark on a docs folder.", "DOCS");
    QCommandLineOption maxTokensOpt("max-tokens", "Chunker budget (re-embed).", "N", "400");
    QCommandLineOption editOpt("edit", "Doc to edit for the incremental run (re-embed).", "DOC");
    QCommandLineOption segmentOpt("segment-size",
                                  "TCP segment size the fake announces (0: loopback's own).",
                                  "BYTES", QString::number(g_segmentSize));
    parser.addOptions({latencyOpt, inputsOpt, budgetOpt, windowOpt, textsOpt, corpusOpt, skipBudget,
                       modelOpt, reembedOpt, maxTokensOpt, editOpt, segmentOpt});
    parser.process(app);
    g_segmentSize = parser.value(segmentOpt).toInt();
    g_model = parser.value(modelOpt);
    if (!cohereModelDimension(g_model))
        qFatal("unknown model %s", qPrintable(g_model));
    const int latency = parser.value(latencyOpt).toInt();
    const int budget = parser.value(budgetOpt).toInt();
    const int windowMs = parser.value(windowOpt).toInt();
    if (parser.isSet(reembedOpt))
        return runReembed(QFileInfo(parser.value(reembedOpt)).absoluteFilePath(),
                          parser.value(editOpt), latency, budget, windowMs,
                          parser.value(maxTokensOpt).toInt(), parser.isSet(skipBudget));

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
