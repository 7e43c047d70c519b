#include "data/corpus/markdownchunker.h"

#include "common/regularfile.h"
#include "common/translate.h"
#include "config/frontmatter.h"
#include "data/corpus/docroute.h"
#include "data/corpus/headingslugger.h"
#include "data/corpus/markdownblocks.h"
#include "data/corpus/mdxfilter.h"
#include "data/corpus/sectionpacker.h"
#include "data/corpus/tokenestimate.h"
#include "log/utf8.h"

#include <QDir>
#include <QFile>

#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace DeployDesk {

using namespace Internal;

namespace {

// Bumped whenever a rule change gives different chunks for the same input.
constexpr int kChunkerVersion = 1;

bool isDelimiterLine(QByteArrayView line)
{
    line = line.trimmed();
    return line == "---";
}

// 1-based line and column (in characters) of byte `offset`.
SourceLocation locate(QByteArrayView text, qsizetype offset, const QString &file)
{
    int line = 1;
    qsizetype lineStart = 0;
    for (qsizetype i = 0; i < offset; ++i) {
        if (text[i] == '\n') {
            ++line;
            lineStart = i + 1;
        }
    }
    int column = 1;
    for (qsizetype i = lineStart; i < offset; ++i) {
        if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80)
            ++column;
    }
    return {file, line, column};
}

struct FrontMatterSplit
{
    QVariantMap values;
    std::optional<Error> problem;
};

// Reads the front matter at the top of `text` and blanks its lines (keeping their line
// breaks, so lines keep their numbers).
FrontMatterSplit takeFrontMatter(QByteArray &text, const QString &file)
{
    FrontMatterSplit result;
    qsizetype firstEnd = text.indexOf('\n');
    if (firstEnd < 0 || !isDelimiterLine(QByteArrayView(text).first(firstEnd)))
        return result;
    qsizetype pos = firstEnd + 1;
    while (pos <= text.size()) {
        qsizetype end = text.indexOf('\n', pos);
        if (end < 0)
            end = text.size();
        if (isDelimiterLine(QByteArrayView(text).sliced(pos, end - pos))) {
            const QByteArrayView yaml =
                QByteArrayView(text).sliced(firstEnd + 1, pos - firstEnd - 1);
            auto parsed = parseFrontMatterYaml(yaml, file, 2);
            if (parsed)
                result.values = *parsed;
            else
                result.problem = parsed.error();
            for (qsizetype i = 0; i < end; ++i) {
                if (text[i] != '\n')
                    text[i] = ' ';
            }
            return result;
        }
        pos = end + 1;
    }
    result.problem = Error{ErrorCode::Invalid,
                           tr("the front matter opened by \"---\" on line 1 is never closed; "
                              "end it with a line \"---\""),
                           {},
                           SourceLocation{file, 1, 1}};
    return result;
}

std::optional<double> toNumber(const QVariant &value)
{
    bool ok = false;
    const double number = value.toString().toDouble(&ok);
    return ok ? std::optional<double>(number) : std::nullopt;
}

} // namespace

MarkdownChunker::MarkdownChunker(ChunkerOptions options)
    : m_options(std::move(options))
{
    m_options.maxTokens = qMax(m_options.maxTokens, 32);
    m_options.overlapTokens = qBound(0, m_options.overlapTokens, m_options.maxTokens / 2);
}

QString MarkdownChunker::fingerprint() const
{
    return QStringLiteral("md-chunker/%1;max=%2;overlap=%3;route=%4")
        .arg(kChunkerVersion)
        .arg(m_options.maxTokens)
        .arg(m_options.overlapTokens)
        .arg(m_options.routeBase);
}

Result<ChunkedDocument> MarkdownChunker::chunkFile(const QString &root,
                                                   const QString &docPath) const
{
    const QString path = QDir(root).filePath(docPath);
    // Docs are text: 64 MB is far past any real page and keeps a device from filling memory.
    constexpr qint64 maxSize = 64 * 1024 * 1024;
    const auto bytes = readRegularFile(path, maxSize);
    if (!bytes)
        return std::unexpected(Error{ErrorCode::Io,
                                     tr("cannot read the doc: %1").arg(bytes.error().reason),
                                     {},
                                     SourceLocation{path, 0, 0}});
    return chunk(*bytes, docPath, path);
}

Result<ChunkedDocument> MarkdownChunker::chunk(QByteArrayView bytes, const QString &docPath,
                                               const QString &displayPath) const
{
    const QString file = displayPath.isEmpty() ? docPath : displayPath;
    const qsizetype valid = validUtf8Prefix(bytes);
    if (valid < bytes.size())
        return std::unexpected(
            Error{ErrorCode::Invalid,
                  tr("the doc is not UTF-8 text (byte 0x%1 here); save it as UTF-8")
                      .arg(QString::number(static_cast<unsigned char>(bytes[valid]), 16).toUpper()),
                  {},
                  locate(bytes, valid, file)});

    ChunkedDocument doc;
    doc.docPath = docPath;
    doc.bytes = bytes.size();

    QByteArray text;
    text.reserve(bytes.size());
    QByteArrayView in = bytes;
    if (in.startsWith("\xEF\xBB\xBF"))
        in = in.sliced(3);
    // "\r\n" -> "\n": the same doc gives the same chunks (and hashes) on every platform.
    for (qsizetype from = 0; from < in.size();) {
        const qsizetype cr = in.sliced(from).indexOf("\r\n");
        if (cr < 0) {
            text.append(in.sliced(from));
            break;
        }
        text.append(in.sliced(from, cr));
        from += cr + 1; // keeps the "\n"
    }

    FrontMatterSplit front = takeFrontMatter(text, file);
    if (front.problem)
        doc.warnings.append(*front.problem);
    const QVariantMap &fm = front.values;
    doc.draft = fm.value(QStringLiteral("draft")).toString() == QLatin1String("true");

    const DocRoute route =
        DocRoute::resolve(docPath, fm.value(QStringLiteral("id")).toString(),
                          fm.value(QStringLiteral("slug")).toString(), m_options.routeBase);
    doc.docId = route.id;
    doc.url = route.url;
    doc.sidebarPosition = toNumber(fm.value(QStringLiteral("sidebar_position")));
    if (!doc.sidebarPosition && route.numberPrefix)
        doc.sidebarPosition = *route.numberPrefix;
    const QString frontTitle = fm.value(QStringLiteral("title")).toString().trimmed();
    if (doc.draft)
        return doc;

    const bool mdx = docPath.endsWith(QLatin1String(".mdx"), Qt::CaseInsensitive);
    const QByteArray cleaned = cleanMdx(text, mdx);
    const QList<MdBlock> blocks = parseMarkdownBlocks(cleaned);

    QString firstH1;
    for (const MdBlock &b : blocks) {
        if (b.kind == BlockKind::Heading && b.level == 1) {
            firstH1 = HeadingSlugger::parseExplicitId(b.heading).text.simplified();
            break;
        }
    }
    doc.title = !frontTitle.isEmpty() ? frontTitle : !firstH1.isEmpty() ? firstH1 : route.id;

    SectionPacker packer(m_options, docPath, route.url);
    doc.chunks = packer.pack(blocks, firstH1.isEmpty() ? frontTitle : QString());
    return doc;
}

} // namespace DeployDesk
