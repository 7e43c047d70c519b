// deploydeskctl corpus [DIR]: the docs a re-embed would index, their chunks and estimated
// tokens, and with --diff what changed since a manifest.
#include "cli.h"
#include "common/translate.h"

#include "data/corpus/docscorpus.h"
#include "data/corpus/manifestdiff.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace DeployDesk::Cli {

namespace {

const QCommandLineOption kJson(QStringLiteral("json"), tr("Print JSON."));
const QCommandLineOption kChunks(QStringLiteral("chunks"),
                                 tr("List every chunk (with --json: with its text)."));
const QCommandLineOption kDiff(QStringLiteral("diff"),
                               tr("Compare with a chunk manifest: new, changed, removed and "
                                  "unchanged chunks, inputs and estimated billed tokens."),
                               QStringLiteral("manifest"));
const QCommandLineOption kWrite(QStringLiteral("write-manifest"),
                                tr("Write the chunk manifest of the docs to this file."),
                                QStringLiteral("file"));
const QCommandLineOption kMaxTokens(QStringLiteral("max-tokens"),
                                    tr("Token budget per chunk (default 400)."),
                                    QStringLiteral("n"), QStringLiteral("400"));
const QCommandLineOption kOverlap(QStringLiteral("overlap"),
                                  tr("Tokens repeated between the parts of a split section "
                                     "(default 0)."),
                                  QStringLiteral("n"), QStringLiteral("0"));
const QCommandLineOption kIgnore(QStringLiteral("ignore"),
                                 tr("Leave out docs matching this glob (repeatable)."),
                                 QStringLiteral("glob"));
const QCommandLineOption kRouteBase(QStringLiteral("route-base"),
                                    tr("The docs' URL prefix (default /docs)."),
                                    QStringLiteral("path"), QStringLiteral("/docs"));

QJsonObject problemJson(const Error &e)
{
    QJsonObject o{{QStringLiteral("message"), e.message}};
    if (e.where) {
        o.insert(QStringLiteral("file"), e.where->file);
        o.insert(QStringLiteral("line"), e.where->line);
        o.insert(QStringLiteral("column"), e.where->column);
    }
    return o;
}

QString problemText(const Error &e)
{
    if (e.where && e.where->line == 0)
        return e.where->file + QStringLiteral(": ") + e.message;
    return e.toString();
}

QJsonObject chunkJson(const Chunk &c)
{
    return QJsonObject{
        {QStringLiteral("id"), c.idString()},
        {QStringLiteral("key"), c.key},
        {QStringLiteral("ordinal"), c.ordinal},
        {QStringLiteral("headingPath"), QJsonArray::fromStringList(c.headingPath)},
        {QStringLiteral("url"), c.url},
        {QStringLiteral("lines"), QJsonArray{c.startLine, c.endLine}},
        {QStringLiteral("tokens"), c.tokens},
        {QStringLiteral("sha256"), c.sha256Hex()},
        {QStringLiteral("text"), c.text},
    };
}

QJsonObject diffJson(const ManifestDiff &diff)
{
    QJsonArray files;
    for (const ManifestDiff::File &f : diff.files) {
        QJsonObject o{{QStringLiteral("path"), f.docPath},
                      {QStringLiteral("new"), f.added},
                      {QStringLiteral("changed"), f.changed},
                      {QStringLiteral("removed"), f.removed},
                      {QStringLiteral("unchanged"), f.unchanged},
                      {QStringLiteral("tokensToEmbed"), f.tokensToEmbed}};
        if (!f.renamedFrom.isEmpty())
            o.insert(QStringLiteral("renamedFrom"), f.renamedFrom);
        files.append(o);
    }
    return QJsonObject{
        {QStringLiteral("files"), files},
        {QStringLiteral("new"), diff.added},
        {QStringLiteral("changed"), diff.changed},
        {QStringLiteral("removed"), diff.removed},
        {QStringLiteral("unchanged"), diff.unchanged},
        {QStringLiteral("inputs"), diff.inputs()},
        {QStringLiteral("estimatedBilledTokens"), diff.tokensToEmbed},
        {QStringLiteral("reusable"), int(diff.reusable.size())},
        {QStringLiteral("reusableTokens"), diff.reusableTokens},
        {QStringLiteral("fingerprintChanged"), diff.fingerprintChanged},
    };
}

void printDiff(Context &ctx, const ManifestDiff &diff)
{
    ctx.out(QStringLiteral("%1 %2 %3 %4 %5  %6")
                .arg(tr("NEW"), 5)
                .arg(tr("CHANGED"), 8)
                .arg(tr("REMOVED"), 8)
                .arg(tr("SAME"), 6)
                .arg(tr("TOKENS"), 8)
                .arg(tr("DOC")));
    for (const ManifestDiff::File &f : diff.files) {
        if (f.added == 0 && f.changed == 0 && f.removed == 0)
            continue;
        QString doc = f.docPath;
        if (!f.renamedFrom.isEmpty())
            doc += QStringLiteral("  ") + tr("(renamed from %1)").arg(f.renamedFrom);
        ctx.out(QStringLiteral("%1 %2 %3 %4 %5  %6")
                    .arg(f.added, 5)
                    .arg(f.changed, 8)
                    .arg(f.removed, 8)
                    .arg(f.unchanged, 6)
                    .arg(f.tokensToEmbed, 8)
                    .arg(doc));
    }
    ctx.out(tr("%1 new, %2 changed, %3 removed, %4 unchanged chunks")
                .arg(diff.added)
                .arg(diff.changed)
                .arg(diff.removed)
                .arg(diff.unchanged));
    ctx.out(tr("to embed: %1 inputs, about %2 billed tokens (estimate)")
                .arg(diff.inputs())
                .arg(diff.tokensToEmbed));
    if (!diff.reusable.isEmpty())
        ctx.out(tr("of which %1 chunks (about %2 tokens) have the same text as a chunk of the "
                   "manifest (a renamed or moved doc): their vectors can be copied")
                    .arg(diff.reusable.size())
                    .arg(diff.reusableTokens));
    if (diff.removed)
        ctx.out(tr("to delete: %1 points").arg(diff.removed));
    if (diff.fingerprintChanged)
        ctx.out(tr("note: the manifest was made with other chunking settings"));
}

} // namespace

void addCorpusOptions(QCommandLineParser &parser)
{
    parser.addOptions({kJson, kChunks, kDiff, kWrite, kMaxTokens, kOverlap, kIgnore, kRouteBase});
}

int corpus(Context &ctx)
{
    const QStringList args = ctx.args.positionalArguments();
    const QString usage = tr("usage: deploydeskctl corpus [DIR] [--json] [--chunks] [--diff "
                             "MANIFEST] [--write-manifest FILE] [--max-tokens N] [--overlap N] "
                             "[--ignore GLOB]... [--route-base PATH]");
    if (args.size() > 2) {
        ctx.err(usage);
        return ExitInvalid;
    }
    const QDir workspace(ctx.workspace);
    QString dir = args.value(1);
    if (dir.isEmpty())
        dir = QFileInfo(workspace.filePath(QStringLiteral("docs"))).isDir() ? QStringLiteral("docs")
                                                                            : QStringLiteral(".");
    const QString root = QDir::cleanPath(workspace.filePath(dir));

    ChunkerOptions chunkerOptions;
    bool okMax = false, okOverlap = false;
    chunkerOptions.maxTokens = ctx.args.value(kMaxTokens).toInt(&okMax);
    chunkerOptions.overlapTokens = ctx.args.value(kOverlap).toInt(&okOverlap);
    chunkerOptions.routeBase = ctx.args.value(kRouteBase);
    if (!okMax || chunkerOptions.maxTokens < 32 || !okOverlap || chunkerOptions.overlapTokens < 0 ||
        chunkerOptions.overlapTokens > chunkerOptions.maxTokens / 2) {
        ctx.err(tr("--max-tokens takes a number of at least 32, --overlap a number from 0 to "
                   "half of --max-tokens"));
        return ExitInvalid;
    }
    CorpusOptions corpusOptions;
    corpusOptions.ignore = ctx.args.values(kIgnore);
    const MarkdownChunker chunker(chunkerOptions);

    std::optional<ChunkManifest> previous;
    if (ctx.args.isSet(kDiff)) {
        auto loaded = ChunkManifest::load(workspace.filePath(ctx.args.value(kDiff)));
        if (!loaded) {
            ctx.err(loaded.error().toString());
            return ExitInvalid;
        }
        previous = std::move(*loaded);
    }

    const bool json = ctx.args.isSet(kJson);
    const bool listChunks = ctx.args.isSet(kChunks);
    QJsonArray filesJson;
    QStringList lines;
    auto result = DocsCorpus::chunk(root, corpusOptions, chunker, [&](const ChunkedDocument &doc) {
        int tokens = 0;
        for (const Chunk &c : doc.chunks)
            tokens += c.tokens;
        if (json) {
            QJsonObject o{{QStringLiteral("path"), doc.docPath},
                          {QStringLiteral("title"), doc.title},
                          {QStringLiteral("url"), doc.url},
                          {QStringLiteral("bytes"), doc.bytes},
                          {QStringLiteral("chunks"), int(doc.chunks.size())},
                          {QStringLiteral("tokens"), tokens}};
            if (doc.draft)
                o.insert(QStringLiteral("draft"), true);
            if (listChunks) {
                QJsonArray chunks;
                for (const Chunk &c : doc.chunks)
                    chunks.append(chunkJson(c));
                o.insert(QStringLiteral("chunkList"), chunks);
            }
            filesJson.append(o);
            return;
        }
        if (previous)
            return; // the diff's table replaces the list of docs
        lines.append(QStringLiteral("%1 %2  %3  %4")
                         .arg(doc.chunks.size(), 6)
                         .arg(tokens, 7)
                         .arg(doc.docPath, doc.draft ? tr("(draft, not published)") : doc.url));
        if (listChunks) {
            for (const Chunk &c : doc.chunks)
                lines.append(QStringLiteral("       #%1 %2 %3  %4")
                                 .arg(c.ordinal)
                                 .arg(c.tokens, 5)
                                 .arg(c.idString(), c.headingPath.join(QStringLiteral(" > "))));
        }
    });
    if (!result) {
        ctx.err(result.error().toString());
        return ExitInvalid;
    }
    for (const Error &problem : std::as_const(result->problems))
        ctx.err(problemText(problem));

    std::optional<ManifestDiff> diff;
    if (previous)
        diff = ManifestDiff::compute(*previous, result->manifest);

    if (ctx.args.isSet(kWrite)) {
        if (auto saved = result->manifest.save(workspace.filePath(ctx.args.value(kWrite)));
            !saved) {
            ctx.err(saved.error().toString());
            return ExitFailed;
        }
    }

    if (json) {
        QJsonArray problems;
        for (const Error &problem : std::as_const(result->problems))
            problems.append(problemJson(problem));
        QJsonObject o{{QStringLiteral("root"), root},
                      {QStringLiteral("fingerprint"), result->manifest.fingerprint},
                      {QStringLiteral("docs"), int(result->docPaths.size())},
                      {QStringLiteral("skippedDocs"), result->skippedDocs},
                      {QStringLiteral("chunks"), result->manifest.size()},
                      {QStringLiteral("tokens"), result->tokens},
                      {QStringLiteral("bytes"), result->bytes},
                      {QStringLiteral("files"), filesJson},
                      {QStringLiteral("problems"), problems}};
        if (diff)
            o.insert(QStringLiteral("diff"), diffJson(*diff));
        ctx.writeRaw(QJsonDocument(o).toJson(QJsonDocument::Indented));
    } else if (diff) {
        printDiff(ctx, *diff);
    } else {
        ctx.out(QStringLiteral("%1 %2  %3  %4")
                    .arg(tr("CHUNKS"), 6)
                    .arg(tr("TOKENS"), 7)
                    .arg(tr("DOC"), tr("URL")));
        for (const QString &line : std::as_const(lines))
            ctx.out(line);
        ctx.out(tr("%1 docs, %2 chunks, about %3 tokens (estimate), %4 KiB")
                    .arg(result->docPaths.size() - result->skippedDocs)
                    .arg(result->manifest.size())
                    .arg(result->tokens)
                    .arg((result->bytes + 1023) / 1024));
    }
    if (ctx.args.isSet(kWrite) && !json)
        ctx.out(tr("manifest written to %1").arg(ctx.args.value(kWrite)));
    if (result->skippedDocs) {
        ctx.err(tr("%1 docs could not be chunked (see above); the others were")
                    .arg(result->skippedDocs));
        return ExitFailed;
    }
    return ExitSuccess;
}

} // namespace DeployDesk::Cli
