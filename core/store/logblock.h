#pragma once

#include "common/error.h"
#include "log/logline.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>

#include <algorithm>
#include <vector>

namespace DeployDesk::Internal {

// The binary encoding of a block of log lines (the log_blocks.data column):
//   byte 0: format version (1)
//   per line: varint zigzag(timestamp - previous timestamp), 1 byte stream,
//             varint byte length, the bytes (binary-safe, no terminator).
// The first line's delta is from 0. Varints are LEB128 (7 bits per byte, low first).
class LogBlockEncoder final
{
public:
    static constexpr int kMaxLines = 256;
    static constexpr qsizetype kMaxBytes = 64 * 1024;

    LogBlockEncoder();
    void add(const LogLine &line);
    int lineCount() const { return m_lines; }
    qsizetype byteSize() const { return m_data.size(); }
    bool isFull() const { return m_lines >= kMaxLines || m_data.size() >= kMaxBytes; }
    // The distinct words of the block's ANSI-stripped text (ASCII lowercased), separated
    // by spaces: what the full-text index gets. Each word is indexed once per block, not
    // once per occurrence, which makes indexing several times cheaper; searches then
    // AND prefix terms (see ftsQuery()) and check lines exactly.
    const QByteArray &terms() const { return m_terms; }
    const QByteArray &data() const { return m_data; }
    void clear();

private:
    void addTerms(QByteArrayView text);
    void addTermWords(quint64 lo, quint64 hi, qsizetype length);

    struct Term
    {
        quint64 lo = 0; // the (lowercased, zero-padded) term itself: compared as two words
        quint64 hi = 0;
        quint64 hash = 0;
        quint32 length = 0;
    };
    QByteArray m_data;
    QByteArray m_terms;
    std::vector<Term> m_termList;
    std::vector<qint32> m_slots; // open addressing over m_termList, -1: empty
    qint64 m_lastTimestamp = 0;
    int m_lines = 0;
};

// Reads one LEB128 varint at p (advanced past it); false when the bytes end first.
inline bool readVarint(const char *&p, const char *end, quint64 *value)
{
    quint64 result = 0;
    for (int shift = 0; shift < 64 && p < end; shift += 7) {
        const auto byte = quint8(*p++);
        result |= quint64(byte & 0x7f) << shift;
        if (!(byte & 0x80)) {
            *value = result;
            return true;
        }
    }
    return false;
}

QByteArray encodeLogBlock(const QList<LogLine> &lines);

// How a block is stored (issue 11 §3): format 2 is byte 2 followed by one zstd frame
// holding a whole format-1 block; blocks below kMinCompressedBlock bytes, and blocks that
// do not shrink, stay format 1. Readers take either (uncompressLogBlock returns a format-1
// block, without copying one that is stored so), so histories written before read as ever.
constexpr quint8 kCompressedFormatVersion = 2;
constexpr qsizetype kMinCompressedBlock = 128;
// Chosen by measurement (bench/log-storage.sh, docs/benchmarks.md §12): level 1 stored a
// pytest/flake8 log in 0.17× its size against 0.20× at zstd's default 3 and 9 (the index
// and page overhead dominate small blocks), with the least writer CPU.
constexpr int kCompressionLevel = 1;
int logCompressionLevel();
QByteArray compressLogBlock(const QByteArray &plain);
Result<QByteArray> uncompressLogBlock(QByteArrayView stored);
// The error for a stage's log that cannot be read from `firstLine` on: its block does not
// decode, holds another number of lines than recorded, or its page is damaged.
Error damagedLog(const QString &path, qint64 stageId, qint64 firstLine, const QString &detail = {});
Result<QList<LogLine>> decodeLogBlock(QByteArrayView data);

// Splits text into the words the index holds: runs of ASCII letters and digits and of
// non-ASCII bytes (UTF-8 sequences); every other ASCII byte separates.
inline bool isTermByte(char c)
{
    const auto u = quint8(c);
    return u >= 0x80 || (u >= '0' && u <= '9') || (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z');
}

// How much of a term the index keeps: at most kMaxDigitTermBytes of an all-digit term and
// kMaxTermBytes of any other, cut at a UTF-8 character boundary. Long unique words
// (line numbers, counters, hashes) would otherwise make the index vocabulary grow with
// every line, which is what makes indexing slow; a query truncates its words the same
// way and prefix-matches, and the exact line check removes the extra candidates.
constexpr qsizetype kMaxDigitTermBytes = 4;
constexpr qsizetype kMaxTermBytes = 16;
inline qsizetype indexedTermLength(const char *term, qsizetype length)
{
    bool digits = true;
    for (qsizetype i = 0; i < length && digits; ++i)
        digits = term[i] >= '0' && term[i] <= '9';
    qsizetype keep = std::min(length, digits ? kMaxDigitTermBytes : kMaxTermBytes);
    const qsizetype limit = keep;
    while (keep < length && keep > 0 && (quint8(term[keep]) & 0xc0) == 0x80)
        --keep;                     // do not split a UTF-8 sequence
    return keep > 0 ? keep : limit; // invalid UTF-8 (no boundary): cut anyway
}

// Calls visit(begin, length) for each word of `text` as the index keeps it (cut by
// indexedTermLength): the writer and the query builder split text the same way.
template<typename Visit> void forEachTerm(QByteArrayView text, Visit &&visit)
{
    const char *p = text.data();
    const char *const end = p + text.size();
    while (p < end) {
        while (p < end && !isTermByte(*p))
            ++p;
        const char *start = p;
        while (p < end && isTermByte(*p))
            ++p;
        if (p > start)
            visit(start, indexedTermLength(start, p - start));
    }
}

// `bytes` without ANSI escape sequences (AnsiParser::strip), without copying when it holds
// no ESC, which is the common case.
QByteArray stripAnsi(const QByteArray &bytes);

} // namespace DeployDesk::Internal
