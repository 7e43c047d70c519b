#include "data/corpus/sectionpacker.h"

#include "data/corpus/headingslugger.h"
#include "data/corpus/sha256.h"
#include "data/corpus/textsplit.h"
#include "data/corpus/tokenestimate.h"

#include <QSet>

#include <algorithm>

namespace DeployDesk::Internal {

namespace {

const QString kCrumbSeparator = QStringLiteral(" > ");
constexpr qint64 kJoinUnits = 2; // "\n\n" between blocks
constexpr qint64 kMinBodyUnits = 64;

QByteArray crumbText(const QStringList &path)
{
    return path.join(kCrumbSeparator).toUtf8();
}

bool isFenceLine(QByteArrayView line, char fenceChar)
{
    line = line.trimmed();
    if (line.size() < 3)
        return false;
    for (char c : line) {
        if (c != fenceChar)
            return false;
    }
    return true;
}

} // namespace

SectionPacker::SectionPacker(const ChunkerOptions &options, QString docPath, QString pageUrl)
    : m_options(options)
    , m_docPath(std::move(docPath))
    , m_pageUrl(std::move(pageUrl))
    , m_budget(qint64(options.maxTokens) * 4)
    , m_overlap(qint64(options.overlapTokens) * 4)
{}

void SectionPacker::buildTree(const QString &rootTitle)
{
    const QList<MdBlock> &blocks = *m_blocks;
    m_sections.clear();
    Section root;
    if (!rootTitle.isEmpty())
        root.path = QStringList{rootTitle};
    m_sections.append(root);
    HeadingSlugger slugger;
    QSet<QString> keys{QString()};
    QList<int> stack{0};
    m_blockText.resize(blocks.size());
    m_blockUnits.resize(blocks.size());
    for (int i = 0; i < blocks.size(); ++i) {
        const MdBlock &b = blocks[i];
        if (b.kind == BlockKind::Heading) {
            const HeadingSlugger::HeadingId parsed = HeadingSlugger::parseExplicitId(b.heading);
            const QString title = parsed.text.simplified();
            Section s;
            s.level = b.level;
            s.anchor = parsed.id.isEmpty() ? slugger.unique(parsed.text) : parsed.id;
            s.keyAnchor = s.anchor;
            for (int n = 2; keys.contains(s.keyAnchor); ++n)
                s.keyAnchor = s.anchor + u'~' + QString::number(n);
            keys.insert(s.keyAnchor);
            while (m_sections[stack.last()].level >= b.level)
                stack.removeLast();
            const int parent = stack.last();
            s.path = m_sections[parent].path;
            s.path.append(title);
            s.blocks.append(i);
            m_sections.append(s);
            const int index = int(m_sections.size()) - 1;
            m_sections[parent].children.append(index);
            stack.append(index);
            m_blockText[i] = QByteArray(b.level, '#') + ' ' + title.toUtf8();
        } else {
            m_sections[stack.last()].blocks.append(i);
            m_blockText[i] = b.source.toByteArray();
        }
        m_blockUnits[i] = TokenEstimate::units(m_blockText[i]);
    }
}

qint64 SectionPacker::computeUnits(int section)
{
    qint64 units = 0;
    int count = 0;
    const auto join = [&](qint64 u) { units += (count++ ? kJoinUnits : 0) + u; };
    for (int b : std::as_const(m_sections[section].blocks))
        join(m_blockUnits[b]);
    for (int c : std::as_const(m_sections[section].children)) {
        const qint64 child = computeUnits(c);
        if (child > 0)
            join(child);
    }
    m_sections[section].subtreeUnits = units;
    return units;
}

void SectionPacker::appendSubtreeText(int section, QByteArray &out) const
{
    for (int b : m_sections[section].blocks) {
        if (!out.isEmpty())
            out += "\n\n";
        out += m_blockText[b];
    }
    for (int c : m_sections[section].children)
        appendSubtreeText(c, out);
}

qint64 SectionPacker::crumbUnits(int section, bool startsWithHeading) const
{
    QStringList path = m_sections[section].path;
    if (startsWithHeading && m_sections[section].level > 0 && !path.isEmpty())
        path.removeLast();
    if (path.isEmpty())
        return 0;
    return TokenEstimate::units(crumbText(path)) + kJoinUnits;
}

bool SectionPacker::fits(int section) const
{
    return crumbUnits(section, true) + m_sections[section].subtreeUnits <= m_budget;
}

QList<SectionPacker::Piece> SectionPacker::piecesOf(int block, qint64 limit,
                                                    qint64 firstLimit) const
{
    const MdBlock &b = (*m_blocks)[block];
    const QByteArray &text = m_blockText[block];
    const bool prose =
        b.kind == BlockKind::Paragraph || b.kind == BlockKind::List || b.kind == BlockKind::Quote;
    QList<Piece> pieces;
    const auto piece = [&](QByteArray t) {
        const qint64 units = TokenEstimate::units(t);
        pieces.append(Piece{std::move(t), units, prose, b.kind == BlockKind::Heading, b.startLine,
                            b.endLine});
    };
    if (m_blockUnits[block] <= limit) {
        piece(text);
        return pieces;
    }
    const qsizetype firstBreak = text.indexOf('\n');
    if (b.kind == BlockKind::Code && b.fenced && firstBreak > 0) {
        // Each part is a fenced block of its own: the opening line (with its language)
        // and the closing fence are repeated.
        const QByteArray opener = text.first(firstBreak);
        const char fenceChar = opener.trimmed().isEmpty() ? '`' : opener.trimmed().at(0);
        QByteArrayView inner = QByteArrayView(text).sliced(firstBreak + 1);
        QByteArray closer;
        const qsizetype lastBreak = inner.lastIndexOf('\n');
        const QByteArrayView lastLine = lastBreak < 0 ? inner : inner.sliced(lastBreak + 1);
        if (isFenceLine(lastLine, fenceChar)) {
            closer = lastLine.toByteArray();
            inner = lastBreak < 0 ? QByteArrayView() : inner.first(lastBreak);
        } else {
            qsizetype run = 0;
            const QByteArray trimmed = opener.trimmed();
            while (run < trimmed.size() && trimmed.at(run) == fenceChar)
                ++run;
            closer = QByteArray(qMax<qsizetype>(run, 3), fenceChar);
        }
        const qint64 frame = TokenEstimate::units(opener) + TokenEstimate::units(closer) + 2;
        for (const QByteArray &part :
             splitText(inner, qMax<qint64>(limit - frame, 16), SplitLevel::Lines, false,
                       firstLimit - frame >= 16 ? firstLimit - frame : -1))
            piece(opener + '\n' + part + '\n' + closer);
        return pieces;
    }
    if (b.kind == BlockKind::Table) {
        // Each part repeats the header row and the delimiter row.
        const qsizetype secondBreak = firstBreak < 0 ? -1 : text.indexOf('\n', firstBreak + 1);
        if (secondBreak > 0) {
            const QByteArray header = text.first(secondBreak);
            const qint64 frame = TokenEstimate::units(header) + 1;
            for (const QByteArray &part : splitText(
                     QByteArrayView(text).sliced(secondBreak + 1), qMax<qint64>(limit - frame, 16),
                     SplitLevel::Lines, false, firstLimit - frame >= 16 ? firstLimit - frame : -1))
                piece(header + '\n' + part);
            return pieces;
        }
    }
    const bool trim = b.kind == BlockKind::Paragraph;
    for (const QByteArray &part : splitText(text, limit, SplitLevel::Lines, trim, firstLimit))
        piece(part);
    return pieces;
}

void SectionPacker::emitSection(int section)
{
    const Section &s = m_sections[section];
    // Room for the heading path and, when parts overlap, for the overlap.
    const qint64 limit =
        qMax(m_budget - crumbUnits(section, false) - (m_overlap ? m_overlap + kJoinUnits : 0),
             kMinBodyUnits);
    for (int b : s.blocks) {
        const bool heading = (*m_blocks)[b].kind == BlockKind::Heading;
        // A block that must be split starts in the room the chunk has left (after its
        // heading, say) unless that is too little to be worth it.
        qint64 firstLimit = limit;
        if (!m_pieces.isEmpty() && m_blockUnits[b] > limit) {
            const qint64 room = m_budget - m_crumb - m_units - kJoinUnits;
            firstLimit = room >= limit / 4 ? room : limit;
        }
        for (Piece &p : piecesOf(b, limit, firstLimit))
            add(section, std::move(p), heading);
    }
    for (int c : s.children) {
        if (m_sections[c].subtreeUnits == 0)
            continue;
        if (fits(c)) {
            Piece whole;
            appendSubtreeText(c, whole.text);
            whole.units = m_sections[c].subtreeUnits;
            whole.startLine = (*m_blocks)[m_sections[c].blocks.first()].startLine;
            int last = c;
            while (!m_sections[last].children.isEmpty())
                last = m_sections[last].children.last();
            whole.endLine = (*m_blocks)[m_sections[last].blocks.last()].endLine;
            add(c, std::move(whole), true);
        } else {
            flush(false);
            emitSection(c);
            flush(false);
        }
    }
}

void SectionPacker::add(int section, Piece piece, bool isHeading)
{
    if (!m_pieces.isEmpty() && m_crumb + m_units + kJoinUnits + piece.units > m_budget)
        flush(true);
    if (m_pieces.isEmpty()) {
        m_start = section;
        m_startsWithHeading = isHeading;
        m_crumb = crumbUnits(section, isHeading);
        m_units = 0;
        if (!m_seed.isEmpty() && m_seedSection == section && !isHeading) {
            const qint64 seedUnits = TokenEstimate::units(m_seed);
            if (m_crumb + seedUnits + kJoinUnits + piece.units <= m_budget) {
                m_pieces.append(
                    Piece{m_seed, seedUnits, false, false, piece.startLine, piece.startLine});
                m_units = seedUnits;
            }
        }
        m_seed.clear();
        m_seedSection = -1;
    }
    m_units += (m_pieces.isEmpty() ? 0 : kJoinUnits) + piece.units;
    m_pieces.append(std::move(piece));
    m_lastSection = section;
}

void SectionPacker::flush(bool keepOverlap)
{
    if (m_pieces.isEmpty())
        return;
    // Headings with nothing under them before a subsection of their own (a chapter title
    // followed by its first section) make no chunk: the heading path of the chunks below
    // carries them.
    if (std::all_of(m_pieces.cbegin(), m_pieces.cend(), [](const Piece &p) { return p.heading; })) {
        m_pieces.clear();
        m_units = 0;
        m_start = -1;
        m_seed.clear();
        m_seedSection = -1;
        return;
    }
    const Section &s = m_sections[m_start];
    Chunk chunk;
    chunk.docPath = m_docPath;
    chunk.headingPath = s.path;
    chunk.anchor = s.anchor;
    chunk.url = s.level >= 2 ? m_pageUrl + u'#' + s.anchor : m_pageUrl;
    chunk.ordinal = int(m_chunks.size());
    chunk.part = m_parts[m_start]++;
    chunk.startLine = m_pieces.first().startLine;
    chunk.endLine = m_pieces.first().endLine;
    QByteArray body;
    for (const Piece &p : std::as_const(m_pieces)) {
        if (!body.isEmpty())
            body += "\n\n";
        body += p.text;
        chunk.startLine = qMin(chunk.startLine, p.startLine);
        chunk.endLine = qMax(chunk.endLine, p.endLine);
    }
    QStringList crumb = s.path;
    if (m_startsWithHeading && s.level > 0 && !crumb.isEmpty())
        crumb.removeLast();
    const QByteArray text = crumb.isEmpty() ? body : crumbText(crumb) + "\n\n" + body;
    chunk.text = QString::fromUtf8(text);
    chunk.sha256 = sha256(text);
    chunk.tokens = TokenEstimate::tokensOf(text);
    chunk.key = m_docPath + u'#' + s.keyAnchor + u'/' + QString::number(chunk.part);
    chunk.id = pointId(chunk.key);
    m_chunks.append(std::move(chunk));

    m_seed.clear();
    m_seedSection = -1;
    if (keepOverlap && m_overlap > 0 && m_pieces.last().prose) {
        m_seed = overlapTail(m_pieces.last().text, m_overlap);
        m_seedSection = m_lastSection;
    }
    m_pieces.clear();
    m_units = 0;
    m_start = -1;
}

QList<Chunk> SectionPacker::pack(const QList<MdBlock> &blocks, const QString &rootTitle)
{
    m_blocks = &blocks;
    m_chunks.clear();
    m_parts.clear();
    buildTree(rootTitle);
    computeUnits(0);
    emitSection(0);
    flush(false);
    m_blocks = nullptr;
    return std::move(m_chunks);
}

} // namespace DeployDesk::Internal
