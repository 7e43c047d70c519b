#include "data/corpus/textsplit.h"

#include "data/corpus/tokenestimate.h"

#include <cstring>

namespace DeployDesk::Internal {

namespace {

bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

bool isLead(char c)
{
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
}

// End offsets of the segments of `text` at `level`; the last one is text.size().
QList<qsizetype> boundaries(QByteArrayView text, SplitLevel level)
{
    QList<qsizetype> cuts;
    const qsizetype n = text.size();
    for (qsizetype i = 0; i < n; ++i) {
        const char c = text[i];
        switch (level) {
        case SplitLevel::Lines:
            if (c == '\n')
                cuts.append(i + 1);
            break;
        case SplitLevel::Sentences: {
            qsizetype end = -1;
            if ((c == '.' || c == '!' || c == '?') && i + 1 < n && isSpace(text[i + 1]))
                end = i + 1;
            else if (c == '\n')
                end = i + 1;
            else if (text.sliced(i).startsWith("\xE3\x80\x82")     // 。
                     || text.sliced(i).startsWith("\xEF\xBC\x81")  // ！
                     || text.sliced(i).startsWith("\xEF\xBC\x9F")) // ？
                end = i + 3;
            if (end > 0) {
                while (end < n && isSpace(text[end]))
                    ++end;
                cuts.append(end);
                i = end - 1;
            }
            break;
        }
        case SplitLevel::Words:
            if (isSpace(c)) {
                qsizetype end = i + 1;
                while (end < n && isSpace(text[end]))
                    ++end;
                cuts.append(end);
                i = end - 1;
            }
            break;
        case SplitLevel::Characters:
            if (i > 0 && isLead(c))
                cuts.append(i);
            break;
        }
    }
    if (cuts.isEmpty() || cuts.last() != n)
        cuts.append(n);
    return cuts;
}

QByteArray finish(QByteArrayView part, bool trim)
{
    if (trim)
        return part.trimmed().toByteArray();
    while (part.endsWith('\n'))
        part.chop(1);
    return part.toByteArray();
}

void appendPart(QList<QByteArray> &parts, QByteArrayView part, bool trim)
{
    QByteArray text = finish(part, trim);
    if (!text.isEmpty() && !(trim == false && text.trimmed().isEmpty()))
        parts.append(std::move(text));
}

} // namespace

QList<QByteArray> splitText(QByteArrayView text, qint64 limitUnits, SplitLevel level, bool trim,
                            qint64 firstLimitUnits)
{
    QList<QByteArray> parts;
    limitUnits = qMax<qint64>(limitUnits, 4); // one character of any kind always fits
    if (firstLimitUnits < 0 || firstLimitUnits > limitUnits)
        firstLimitUnits = limitUnits;
    const auto limit = [&] { return parts.isEmpty() ? firstLimitUnits : limitUnits; };
    if (TokenEstimate::units(text) <= limit()) {
        appendPart(parts, text, trim);
        return parts;
    }
    const QList<qsizetype> cuts = boundaries(text, level);
    qsizetype start = 0;
    qsizetype segmentStart = 0;
    qint64 current = 0;
    for (const qsizetype cut : cuts) {
        const QByteArrayView segment = text.sliced(segmentStart, cut - segmentStart);
        const qint64 units = TokenEstimate::units(segment);
        if (current + units <= limit()) {
            current += units;
        } else {
            if (segmentStart > start) {
                appendPart(parts, text.sliced(start, segmentStart - start), trim);
                start = segmentStart;
                current = 0;
            }
            if (units <= limit()) {
                current = units;
            } else if (level != SplitLevel::Characters) {
                // Below lines, parts are prose fragments: their surrounding spaces go.
                parts.append(
                    splitText(segment, limitUnits, SplitLevel(int(level) + 1), true, limit()));
                start = cut;
                current = 0;
            } else {
                current = units; // a character wider than the limit: alone
            }
        }
        segmentStart = cut;
    }
    if (start < text.size())
        appendPart(parts, text.sliced(start), trim);
    return parts;
}

QByteArray overlapTail(QByteArrayView text, qint64 maxUnits)
{
    text = text.trimmed();
    qsizetype start = text.size();
    qint64 units = 0;
    while (start > 0) {
        qsizetype lead = start - 1;
        while (lead > 0 && !isLead(text[lead]))
            --lead;
        const qint64 u = TokenEstimate::units(text.sliced(lead, start - lead));
        if (units + u > maxUnits)
            break;
        units += u;
        start = lead;
    }
    // Begin after a sentence end when the tail holds one (CJK text has no spaces), else
    // at the next word when the tail starts inside one.
    for (const char *end : {"\xE3\x80\x82", "\xEF\xBC\x81", "\xEF\xBC\x9F", ". "}) {
        const qsizetype at = text.sliced(start).indexOf(end);
        if (at >= 0 && start + at + qsizetype(std::strlen(end)) < text.size())
            return text.sliced(start + at + std::strlen(end)).trimmed().toByteArray();
    }
    if (start > 0 && !isSpace(text[start - 1])) {
        qsizetype i = start;
        while (i < text.size() && !isSpace(text[i]))
            ++i;
        if (i < text.size())
            start = i;
    }
    return text.sliced(start).trimmed().toByteArray();
}

} // namespace DeployDesk::Internal
