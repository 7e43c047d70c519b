// Chunking and hashing throughput of the docs corpus (core/data/corpus), with same-run
// peers: reading the same files, and reading plus plain SHA-256 of their bytes.
//
//   corpus-bench DOCS_DIR [ROUNDS]          a real docs folder (../shared/corpus/rust-book/src)
//   corpus-bench --synthetic N DIR [ROUNDS] writes N generated docs (~5 KB each: front
//                                           matter, headings, prose, code, tables, lists,
//                                           admonitions, MDX) into DIR first, then measures
//
// Each figure is the best of ROUNDS (default 5) passes over the whole folder, files in the
// page cache, as wall time and as CPU time (getrusage: user + system of every thread), with
// the load average. "chunk digest" hashes every chunk's identity and content (equal before
// and after a speed change means the same chunks). "peak RSS" is the process's maximum
// resident set size at the end. bench/corpus.sh adds cat and sha256sum as outside peers.
#include "common/async.h"
#include "data/corpus/docscorpus.h"
#include "data/corpus/markdownblocks.h"
#include "data/corpus/sha256.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QThreadPool>

#include <sys/resource.h>

#include <cstdio>
#include <cstdlib>
#include <functional>

using namespace DeployDesk;

namespace {

const char *const kWords[] = {"deploy", "the",   "index",  "vector",  "chunk",  "release",
                              "a",      "of",    "stage",  "service", "with",   "rollback",
                              "query",  "token", "embed",  "and",     "docs",   "pipeline",
                              "is",     "for",   "health", "check",   "static", "site"};

QByteArray sentence(quint32 &seed, int words)
{
    QByteArray out;
    for (int i = 0; i < words; ++i) {
        seed = seed * 1103515245u + 12345u;
        out += (i ? " " : "") + QByteArray(kWords[(seed >> 16) % std::size(kWords)]);
    }
    return out + ". ";
}

QByteArray syntheticDoc(int index)
{
    quint32 seed = quint32(index) * 2654435761u;
    const bool mdx = index % 5 == 0;
    QByteArray doc = "---\ntitle: Synthetic doc " + QByteArray::number(index) +
                     "\nsidebar_position: " + QByteArray::number(index % 50) + "\n---\n";
    if (mdx)
        doc += "import Tabs from '@theme/Tabs';\nimport TabItem from '@theme/TabItem';\n\n";
    doc += "# Synthetic doc " + QByteArray::number(index) + "\n\n";
    for (int s = 0; s < 5; ++s) {
        doc +=
            "## Section " + QByteArray::number(s) + " of doc " + QByteArray::number(index) + "\n\n";
        for (int p = 0; p < 2; ++p) {
            for (int k = 0; k < 4; ++k)
                doc += sentence(seed, 8 + int(seed % 10));
            doc += "\n\n";
        }
        switch ((index + s) % 4) {
        case 0:
            doc += "```python\n";
            for (int l = 0; l < 12; ++l)
                doc += "def handler_" + QByteArray::number(l) + "(event):\n    return event['" +
                       kWords[l % std::size(kWords)] + "']\n";
            doc += "```\n\n";
            break;
        case 1:
            doc += "| Setting | Default | Meaning |\n|---|---|---|\n";
            for (int r = 0; r < 6; ++r)
                doc += "| `opt" + QByteArray::number(r) + "` | " + QByteArray::number(r * 10) +
                       " | " + sentence(seed, 5) + "|\n";
            doc += "\n";
            break;
        case 2:
            for (int i = 0; i < 5; ++i)
                doc += "- " + sentence(seed, 7) + "\n";
            doc += "\n:::tip Remember\n\n" + sentence(seed, 12) + "\n\n:::\n\n";
            break;
        default:
            if (mdx)
                doc += "<Tabs>\n<TabItem value=\"a\" label=\"A\">\n\n" + sentence(seed, 10) +
                       "\n\n</TabItem>\n</Tabs>\n\n";
            else
                doc += "> " + sentence(seed, 15) + "\n\n";
        }
    }
    return doc;
}

double cpuSeconds()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
           double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

// Best wall time and best CPU time (user + system, all threads) of `rounds` passes.
struct Timing
{
    double wall = 1e100;
    double cpu = 1e100;
};

Timing bestOf(int rounds, const std::function<void()> &pass)
{
    Timing best;
    for (int r = 0; r < rounds; ++r) {
        QElapsedTimer timer;
        const double cpu0 = cpuSeconds();
        timer.start();
        pass();
        best.wall = std::min(best.wall, double(timer.nsecsElapsed()) / 1e9);
        best.cpu = std::min(best.cpu, std::max(cpuSeconds() - cpu0, 1e-6));
    }
    return best;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QStringList args = app.arguments().mid(1);
    QString root;
    if (args.value(0) == QLatin1String("--synthetic") && args.size() >= 3) {
        const int count = args.value(1).toInt();
        root = args.value(2);
        args = args.mid(3);
        QElapsedTimer timer;
        timer.start();
        for (int i = 0; i < count; ++i) {
            const QString dir =
                QStringLiteral("%1/part-%2").arg(root).arg(i / 100, 3, 10, QLatin1Char('0'));
            QDir().mkpath(dir);
            QFile f(QStringLiteral("%1/%2-doc.%3")
                        .arg(dir)
                        .arg(i % 100, 2, 10, QLatin1Char('0'))
                        .arg(i % 5 == 0 ? QStringLiteral("mdx") : QStringLiteral("md")));
            if (!f.open(QIODevice::WriteOnly) || f.write(syntheticDoc(i)) < 0) {
                std::fprintf(stderr, "cannot write %s\n", qPrintable(f.fileName()));
                return 1;
            }
        }
        std::printf("generated %d docs in %.1f s\n", count, double(timer.elapsed()) / 1000);
    } else if (!args.isEmpty()) {
        root = args.takeFirst();
    } else {
        std::fprintf(stderr,
                     "usage: corpus-bench DOCS_DIR [ROUNDS] | --synthetic N DIR [ROUNDS]\n");
        return 2;
    }
    const int rounds = qMax(1, args.value(0, QStringLiteral("5")).toInt());

    const MarkdownChunker chunker;
    auto files = DocsCorpus::scan(root);
    if (!files) {
        std::fprintf(stderr, "%s\n", qPrintable(files.error().toString()));
        return 1;
    }
    qint64 bytes = 0;
    const Timing readSeconds = bestOf(rounds, [&] {
        bytes = 0;
        for (const QString &path : std::as_const(*files)) {
            QFile f(root + u'/' + path);
            if (f.open(QIODevice::ReadOnly))
                bytes += f.readAll().size();
        }
    });
    const Timing shaSeconds = bestOf(rounds, [&] {
        for (const QString &path : std::as_const(*files)) {
            QFile f(root + u'/' + path);
            if (f.open(QIODevice::ReadOnly))
                sha256(f.readAll());
        }
    });
    const Timing qtShaSeconds = bestOf(rounds, [&] {
        for (const QString &path : std::as_const(*files)) {
            QFile f(root + u'/' + path);
            if (f.open(QIODevice::ReadOnly))
                QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256);
        }
    });
    // The parser alone, in one thread: the floor under the chunker's cost per byte.
    const Timing parseSeconds = bestOf(rounds, [&] {
        for (const QString &path : std::as_const(*files)) {
            QFile f(root + u'/' + path);
            if (f.open(QIODevice::ReadOnly))
                Internal::parseMarkdownBlocks(f.readAll());
        }
    });
    // The scan alone: listing the folder and matching the ignore patterns.
    const Timing scanSeconds = bestOf(rounds, [&] { DocsCorpus::scan(root); });
    // The chunker alone, in one thread, doc after doc (no scan, no manifest).
    const Timing chunkOneSeconds = bestOf(rounds, [&] {
        for (const QString &path : std::as_const(*files))
            chunker.chunkFile(root, path);
    });
    int chunks = 0;
    qint64 tokens = 0;
    qsizetype problems = 0;
    const Timing chunkSeconds = bestOf(rounds, [&] {
        auto result = DocsCorpus::chunk(root, {}, chunker);
        chunks = result ? result->manifest.size() : 0;
        tokens = result ? result->tokens : 0;
        problems = result ? result->problems.size() : -1;
    });
    // What the chunker produced, as a digest of every chunk's identity and content (not
    // timed): equal digests before and after a change mean the same chunks.
    QCryptographicHash digest(QCryptographicHash::Sha256);
    DocsCorpus::chunk(root, {}, chunker, [&](const ChunkedDocument &doc) {
        for (const Chunk &c : doc.chunks) {
            digest.addData(QStringLiteral("%1\t%2\t%3\t%4\t%5\t%6-%7\t%8\n")
                               .arg(c.key, c.idString(), c.sha256Hex(),
                                    c.headingPath.join(QStringLiteral(" > ")), c.url)
                               .arg(c.startLine)
                               .arg(c.endLine)
                               .arg(c.tokens)
                               .toUtf8());
        }
    });
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    double load[3] = {};
    getloadavg(load, 3);
    const double mb = double(bytes) / 1e6;
    std::printf("%s: %lld docs, %.2f MB, %d chunks, ~%lld tokens, %lld problems\n",
                qPrintable(root), qlonglong(files->size()), mb, chunks, qlonglong(tokens),
                qlonglong(problems));
    std::printf("  chunk digest       %s\n", digest.result().toHex().left(16).constData());
    std::printf("  load average       %.2f %.2f %.2f\n", load[0], load[1], load[2]);
    std::printf("                        wall s      MB/s     CPU s  MB/CPU-s\n");
    const auto row = [&](const char *name, const Timing &t, const QByteArray &note) {
        std::printf("  %-18s %8.3f  %8.1f  %8.3f  %8.1f  %s\n", name, t.wall, mb / t.wall, t.cpu,
                    mb / t.cpu, note.constData());
    };
    row("read only", readSeconds, {});
    row("read + SHA-256", shaSeconds, "(OpenSSL, as the chunker)");
    row("read + SHA-256", qtShaSeconds, "(QCryptographicHash)");
    row("read + cmark-gfm", parseSeconds, "(one thread)");
    row("scan only", scanSeconds, "(no doc read)");
    row("read+chunk+hash", chunkOneSeconds, "(one thread)");
    row("scan+chunk+hash", chunkSeconds,
        "(" + QByteArray::number(DeployDesk::workPool()->maxThreadCount()) + " threads)");
    std::printf("  peak RSS           %8.1f MB\n", double(usage.ru_maxrss) / 1024);
    return 0;
}
