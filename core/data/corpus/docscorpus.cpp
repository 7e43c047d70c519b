#include "data/corpus/docscorpus.h"
#include "common/async.h"

#include "common/translate.h"

#include <QDirIterator>
#include <QFileInfo>
#include <QScopeGuard>
#include <QThreadPool>

#include <condition_variable>
#include <memory>
#include <mutex>
#include <optional>
#include <vector>

namespace DeployDesk {

QRegularExpression DocsCorpus::globToRegularExpression(const QString &pattern)
{
    QString p = pattern.trimmed();
    QString rx;
    bool anchored = p.startsWith(u'/');
    if (anchored)
        p.remove(0, 1);
    bool folder = p.endsWith(u'/');
    if (folder)
        p.chop(1);
    if (!anchored && !p.contains(u'/'))
        rx = QStringLiteral("(?:.*/)?");
    for (qsizetype i = 0; i < p.size(); ++i) {
        const QChar c = p.at(i);
        if (c == u'*' && i + 1 < p.size() && p.at(i + 1) == u'*') {
            if (i + 2 < p.size() && p.at(i + 2) == u'/') {
                rx += QStringLiteral("(?:.*/)?");
                i += 2;
            } else {
                rx += QStringLiteral(".*");
                ++i;
            }
        } else if (c == u'*') {
            rx += QStringLiteral("[^/]*");
        } else if (c == u'?') {
            rx += QStringLiteral("[^/]");
        } else {
            rx += QRegularExpression::escape(QString(c));
        }
    }
    if (folder)
        rx += QStringLiteral("/.*");
    return QRegularExpression(QRegularExpression::anchoredPattern(rx));
}

Result<QStringList> DocsCorpus::scan(const QString &root, const CorpusOptions &options)
{
    const QFileInfo info(root);
    if (!info.isDir())
        return makeError(ErrorCode::NotFound,
                         tr("the docs folder \"%1\" does not exist or is not a folder").arg(root));
    if (!info.isReadable())
        return makeError(ErrorCode::Io, tr("the docs folder \"%1\" cannot be read").arg(root));

    QList<QRegularExpression> ignore;
    for (const QString &pattern : options.ignore) {
        QRegularExpression rx = globToRegularExpression(pattern);
        if (!rx.isValid())
            return makeError(ErrorCode::Invalid,
                             tr("the ignore pattern \"%1\" is not a valid glob").arg(pattern));
        ignore.append(rx);
    }
    if (options.docusaurusExcludes) {
        for (const char *pattern : {"_*", "__tests__", "*.test.*"})
            ignore.append(globToRegularExpression(QString::fromLatin1(pattern)));
    }
    const auto ignored = [&](const QString &relative) {
        // The path itself or any folder above it.
        qsizetype slash = -1;
        while (true) {
            slash = relative.indexOf(u'/', slash + 1);
            const QString prefix = slash < 0 ? relative : relative.left(slash);
            for (const QRegularExpression &rx : std::as_const(ignore)) {
                if (rx.match(prefix).hasMatch())
                    return true;
            }
            if (slash < 0)
                return false;
        }
    };

    const QString base = info.absoluteFilePath();
    QStringList docs;
    QStringList pending{QString()};
    while (!pending.isEmpty()) {
        const QString dir = pending.takeLast();
        QDirIterator it(dir.isEmpty() ? base : base + u'/' + dir,
                        QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot | QDir::Hidden);
        while (it.hasNext()) {
            it.next();
            const QFileInfo entry = it.fileInfo();
            const QString name = entry.fileName();
            const QString relative = dir.isEmpty() ? name : dir + u'/' + name;
            if (entry.isDir()) {
                // Symbolic links to folders could loop; hidden folders are tools' (.git).
                if (entry.isSymLink() || name.startsWith(u'.') ||
                    name == QLatin1String("node_modules") || ignored(relative))
                    continue;
                pending.append(relative);
            } else if (!name.startsWith(u'.') &&
                       options.extensions.contains(entry.suffix(), Qt::CaseInsensitive) &&
                       !ignored(relative)) {
                docs.append(relative);
            }
        }
    }
    std::sort(docs.begin(), docs.end());
    return docs;
}

} // namespace DeployDesk

namespace DeployDesk {

Result<CorpusResult>
DocsCorpus::chunk(const QString &root, const CorpusOptions &options, const MarkdownChunker &chunker,
                  const std::function<void(const ChunkedDocument &)> &onDocument)
{
    auto scanned = scan(root, options);
    if (!scanned)
        return std::unexpected(scanned.error());
    CorpusResult result;
    result.root = root;
    result.docPaths = *scanned;
    result.manifest.fingerprint = chunker.fingerprint();
    const qsizetype count = result.docPaths.size();

    // Docs are chunked in parallel and handed on in path order from the calling thread.
    // Each worker (one per thread of workPool(), common/async.h, never Qt's global pool,
    // which painting borrows) takes the next doc number and puts its result in that doc's
    // slot of a ring; at most kWindow docs are taken beyond the one the caller hands on next,
    // so memory stays bounded whatever the corpus' size, and no worker waits for a slower
    // doc of a batch. While its next doc is not ready the caller chunks one itself, so
    // nothing stalls when the pool is busy (or the caller is one of its threads): a worker
    // that starts after the caller is done finds nothing left and leaves. A doc handed on
    // is given back to the worker that made it, to be freed there: freeing another
    // thread's memory contends for glibc's arena locks (14 % of a 2-thread pass went to
    // futexes and page faults, docs/benchmarks.md §7). The state is shared, not on this
    // frame; `chunker` is used only for a doc taken, so before the caller, who waits for
    // every doc, returns.
    constexpr qsizetype kWindow = 128;
    using Doc = Result<ChunkedDocument>;
    struct Made
    {
        Doc doc;
        int maker; // the worker's number; -1: the caller
    };
    struct Shared
    {
        QString root;
        QStringList docPaths;
        const MarkdownChunker *chunker = nullptr;
        std::mutex mutex;
        std::condition_variable ready; // a doc's slot was filled
        std::condition_variable freed; // the caller handed a doc on
        qsizetype next = 0;            // the next doc to take
        qsizetype handed = 0;          // docs handed on by the caller
        std::vector<std::optional<Made>> ring;
        std::vector<std::vector<Doc>> spent; // per worker: its docs, handed on, to free

        std::optional<Made> &slotOf(qsizetype doc) { return ring[size_t(doc % kWindow)]; }
        // A doc number to chunk, or -1 when all are taken; waits (when `wait`) while the
        // window is full. Called with `mutex` held.
        qsizetype take(std::unique_lock<std::mutex> &lock, bool wait)
        {
            while (next < docPaths.size() && next >= handed + kWindow) {
                if (!wait)
                    return -1;
                freed.wait(lock);
            }
            return next < docPaths.size() ? next++ : -1;
        }
        // Frees what `maker` made and was handed on, chunks `doc`, both without the lock,
        // and fills the doc's slot.
        void chunkInto(std::unique_lock<std::mutex> &lock, qsizetype doc, int maker)
        {
            std::vector<Doc> toFree;
            if (maker >= 0)
                toFree.swap(spent[size_t(maker)]);
            lock.unlock();
            toFree.clear();
            Doc chunked = chunker->chunkFile(root, docPaths.at(doc));
            lock.lock();
            slotOf(doc) = Made{std::move(chunked), maker};
            ready.notify_all();
        }
    };
    const auto shared = std::make_shared<Shared>();
    shared->root = root;
    shared->docPaths = result.docPaths;
    shared->chunker = &chunker;
    shared->ring.resize(size_t(std::min(count, kWindow)));
    const int workers = int(std::min<qsizetype>(workPool()->maxThreadCount(), count));
    shared->spent.resize(size_t(workers));
    for (int w = 0; w < workers; ++w) {
        workPool()->start([shared, w] {
            std::unique_lock lock(shared->mutex);
            for (qsizetype doc; (doc = shared->take(lock, true)) >= 0;)
                shared->chunkInto(lock, doc, w);
        });
    }

    // However this frame is left, no worker takes another doc.
    const auto stop = qScopeGuard([&] {
        const std::lock_guard lock(shared->mutex);
        shared->next = count;
        shared->freed.notify_all();
    });
    Made handed{Doc{}, -1}; // the doc handed on last
    for (qsizetype doc = 0; doc < count; ++doc) {
        {
            std::unique_lock lock(shared->mutex);
            if (handed.maker >= 0)
                shared->spent[size_t(handed.maker)].push_back(std::move(handed.doc));
            while (!shared->slotOf(doc)) {
                if (const qsizetype own = shared->take(lock, false); own >= 0)
                    shared->chunkInto(lock, own, -1);
                else
                    shared->ready.wait(lock);
            }
            handed = std::move(*shared->slotOf(doc));
            shared->slotOf(doc).reset();
            shared->handed = doc + 1;
            shared->freed.notify_all();
        }
        const Doc &chunked = handed.doc;
        if (!chunked) {
            result.problems.append(chunked.error());
            ++result.skippedDocs;
            continue;
        }
        result.problems.append(chunked->warnings);
        result.bytes += chunked->bytes;
        if (chunked->draft)
            ++result.drafts;
        for (const Chunk &c : std::as_const(chunked->chunks))
            result.tokens += c.tokens;
        result.manifest.add(*chunked);
        if (onDocument)
            onDocument(*chunked);
    }
    return result;
}

} // namespace DeployDesk
