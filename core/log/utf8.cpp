#include "log/utf8.h"

#include <cstdint>
#include <cstring>

namespace DeployDesk::Internal {

namespace {

constexpr char kReplacement[] = "\xEF\xBF\xBD"; // U+FFFD

// Skips ASCII eight bytes at a time; returns the index of the first non-ASCII byte.
qsizetype skipAscii(const unsigned char *data, qsizetype pos, qsizetype size)
{
    while (pos + 8 <= size) {
        std::uint64_t word;
        std::memcpy(&word, data + pos, sizeof word);
        if (word & 0x8080808080808080ull)
            break;
        pos += 8;
    }
    while (pos < size && data[pos] < 0x80)
        ++pos;
    return pos;
}

// At a non-ASCII byte: the length of the valid sequence starting at `pos` (> 0), or
// minus the length of the maximal invalid subpart (< 0) that one U+FFFD replaces.
// Table 3-7 of the Unicode standard: overlongs, surrogates and values past U+10FFFF
// are excluded by narrowing the range of the second byte.
int sequenceAt(const unsigned char *data, qsizetype pos, qsizetype size)
{
    const unsigned char lead = data[pos];
    int length = 0;
    unsigned char low = 0x80;
    unsigned char high = 0xBF;
    if (lead >= 0xC2 && lead <= 0xDF) {
        length = 2;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        length = 3;
        if (lead == 0xE0)
            low = 0xA0; // overlong
        else if (lead == 0xED)
            high = 0x9F; // surrogates
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        length = 4;
        if (lead == 0xF0)
            low = 0x90; // overlong
        else if (lead == 0xF4)
            high = 0x8F; // past U+10FFFF
    } else {
        return -1; // continuation byte, C0/C1 (always overlong) or F5..FF
    }
    if (pos + 1 >= size || data[pos + 1] < low || data[pos + 1] > high)
        return -1;
    for (int i = 2; i < length; ++i) {
        if (pos + i >= size || data[pos + i] < 0x80 || data[pos + i] > 0xBF)
            return -i; // a truncated sequence: its valid prefix is one subpart
    }
    return length;
}

} // namespace

qsizetype validUtf8Prefix(QByteArrayView bytes)
{
    const auto *data = reinterpret_cast<const unsigned char *>(bytes.data());
    const qsizetype size = bytes.size();
    qsizetype pos = 0;
    for (;;) {
        pos = skipAscii(data, pos, size);
        if (pos >= size)
            return size;
        const int n = sequenceAt(data, pos, size);
        if (n < 0)
            return pos;
        pos += n;
    }
}

void appendValidUtf8(QByteArray &out, QByteArrayView bytes)
{
    const auto *data = reinterpret_cast<const unsigned char *>(bytes.data());
    const qsizetype size = bytes.size();
    qsizetype pos = 0;
    qsizetype copied = 0; // bytes before this index are already in `out`
    for (;;) {
        pos = skipAscii(data, pos, size);
        if (pos >= size)
            break;
        const int n = sequenceAt(data, pos, size);
        if (n > 0) {
            pos += n;
            continue;
        }
        out.append(bytes.sliced(copied, pos - copied));
        out.append(kReplacement, 3);
        pos -= n;
        copied = pos;
    }
    out.append(bytes.sliced(copied));
}

qsizetype incompleteUtf8Suffix(QByteArrayView bytes)
{
    const auto *data = reinterpret_cast<const unsigned char *>(bytes.data());
    const qsizetype size = bytes.size();
    for (qsizetype k = 1; k <= 3 && k <= size; ++k) {
        const unsigned char byte = data[size - k];
        if (byte >= 0x80 && byte <= 0xBF)
            continue; // a continuation byte: look further back for the lead
        // sequenceAt() reports a truncated sequence that runs to the end as -k, and a
        // lead byte alone at the end as -1: both are incomplete when k bytes remain.
        if (byte < 0xC2 || byte > 0xF4)
            return 0;
        const int n = sequenceAt(data, size - k, size);
        const int needed = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2;
        if (needed <= k)
            return 0;
        if (k == 1 || n == -k)
            return k;
        return 0;
    }
    return 0;
}

QString decodeUtf8(QByteArrayView bytes)
{
    // fromUtf8() skips one BOM, then decodes what follows it: so keep every BOM at the
    // start (a second one would be skipped by the call on the rest).
    qsizetype boms = 0;
    while (bytes.sliced(3 * boms).startsWith("\xEF\xBB\xBF"))
        ++boms;
    if (boms == 0)
        return QString::fromUtf8(bytes);
    QString text(boms, QChar(0xFEFF));
    text.append(QString::fromUtf8(bytes.sliced(3 * boms)));
    return text;
}

} // namespace DeployDesk::Internal
