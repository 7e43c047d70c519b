#include "data/corpus/docscorpus.h"
#include "common/async.h"

#include "common/translate.h"

#include <QDirIterator>
#include <QFileInfo>
#include <QtConcurrent/QtConcurrentMap>

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
    // Docs are chunked in parallel, a batch at a time (so memory stays bounded whatever
    // the corpus' size), and handed on in path order from the calling thread, which takes
    // one batch's results while the pool chunks the next.
    constexpr qsizetype kBatch = 64;
    const auto start = [&](qsizetype from) {
        // On workPool() (common/async.h), not Qt's global pool, which painting borrows;
        // the caller must not be one of workPool()'s threads (it waits for the batch).
        return QtConcurrent::mapped(
            workPool(), result.docPaths.mid(from, kBatch),
            [&](const QString &docPath) { return chunker.chunkFile(root, docPath); });
    };
    QFuture<Result<ChunkedDocument>> running;
    if (!result.docPaths.isEmpty())
        running = start(0);
    for (qsizetype from = 0; from < result.docPaths.size(); from += kBatch) {
        const QList<Result<ChunkedDocument>> docs = running.results();
        running = from + kBatch < result.docPaths.size() ? start(from + kBatch)
                                                         : QFuture<Result<ChunkedDocument>>();
        for (const Result<ChunkedDocument> &doc : docs) {
            if (!doc) {
                result.problems.append(doc.error());
                ++result.skippedDocs;
                continue;
            }
            result.problems.append(doc->warnings);
            result.bytes += doc->bytes;
            if (doc->draft)
                ++result.drafts;
            for (const Chunk &c : std::as_const(doc->chunks))
                result.tokens += c.tokens;
            result.manifest.add(*doc);
            if (onDocument)
                onDocument(*doc);
        }
    }
    return result;
}

} // namespace DeployDesk
