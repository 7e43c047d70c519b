#pragma once

#include "common/error.h"
#include "data/corpus/chunkmanifest.h"
#include "data/corpus/markdownchunker.h"

#include <QRegularExpression>
#include <QString>
#include <QStringList>

#include <functional>

namespace DeployDesk {

struct CorpusOptions
{
    QStringList extensions{QStringLiteral("md"), QStringLiteral("mdx")};
    // Glob patterns, relative to the docs folder, of files or folders to leave out:
    // "*" and "?" stay within a path segment, "**" crosses them; a pattern without "/"
    // matches a name at any depth ("*.draft.md"), one with "/" the path from the docs
    // folder ("api/generated/**"); a pattern matching a folder leaves out all it holds.
    QStringList ignore;
    // Leave out what Docusaurus does not publish: files and folders whose name starts with
    // "_" (partials), "__tests__" and "*.test.*".
    bool docusaurusExcludes = true;
};

// The docs of a folder, chunked.
struct CorpusResult
{
    QString root;
    QStringList docPaths;   // every doc found, chunked or not
    ChunkManifest manifest; // the chunks of the docs that could be read
    QList<Error> problems;  // one per doc that could not be read (the doc is left out) and
                            // per warning (the doc is chunked anyway), with file:line:column
    int skippedDocs = 0;    // docs left out because of a problem
    int drafts = 0;         // docs with `draft: true` (not published, no chunks)
    qint64 bytes = 0;       // of the docs read
    qint64 tokens = 0;      // estimated, of all chunks
};

// The docs of a folder. Hidden folders and node_modules are never entered.
class DocsCorpus final
{
public:
    // Relative, "/"-separated paths of the docs under `root`, sorted. Fails when `root` is
    // not a readable folder or a pattern is not a valid glob.
    static Result<QStringList> scan(const QString &root, const CorpusOptions &options = {});

    // Scans `root` and chunks every doc (on workPool()'s threads and the calling thread, a
    // bounded number of docs ahead of the one handed on). `onDocument`, when given, receives
    // each doc with its chunks (texts included) in path order, on the calling thread, so a
    // caller can stream them without holding the corpus; the result keeps only the
    // manifest. The calling thread may be one of workPool()'s: it never waits for a doc no
    // one is chunking. A doc
    // that cannot be read or is not UTF-8 is reported in `problems` and the others are
    // still chunked. Fails only when the folder cannot be scanned.
    static Result<CorpusResult>
    chunk(const QString &root, const CorpusOptions &options, const MarkdownChunker &chunker,
          const std::function<void(const ChunkedDocument &)> &onDocument = {});

    // The regular expression a glob pattern of CorpusOptions::ignore stands for.
    static QRegularExpression globToRegularExpression(const QString &pattern);
};

} // namespace DeployDesk
