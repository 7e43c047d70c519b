#pragma once

#include "common/error.h"
#include "log/logline.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>

#include <algorithm>
#include <cstring>
#include <vector>

namespace DeployDesk::Internal {

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
// What the full-text index holds for a block of `lines` (LogBlockEncoder::terms()): to
// index a block written before, or to remove its entries (FTS5's 'delete' takes them).
QByteArray logBlockTerms(const QList<LogLine> &lines);
// The stored grams of a block of `lines` (LogBlockEncoder::grams()): to index one written
// before schema step 8.
QByteArray logBlockGrams(const QList<LogLine> &lines);

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

// Splits text into words: runs of ASCII letters and digits and of non-ASCII bytes (UTF-8
// sequences); every other ASCII byte separates.
inline bool isTermByte(char c)
{
    const auto u = quint8(c);
    return u >= 0x80 || (u >= '0' && u <= '9') || (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z');
}

// The full-text index (schema step 7) is FTS5 with the trigram tokenizer and detail=none:
// per block, which three-character sequences occur in its words, not where. A search ANDs
// the trigrams of its words (ftsQuery()) for candidate blocks and checks their lines
// exactly, so a substring of three or more characters anywhere in a word is found through
// the index. What a block gives the index (LogBlockEncoder::terms()) is, per distinct word:
// - the word itself (a long number: its first digits, see kMaxDigitTermBytes), or for a
//   word longer than kMaxTermBytes, pieces of at most that many
//   bytes (cut at UTF-8 boundaries) overlapping by two characters, so every trigram of
//   the word lies inside one piece (and the encoder keeps each piece in 16 bytes);
// - for a word with non-ASCII characters, each such character c as "\x01c\x01" and each
//   pair of characters holding one as "\x01ab": a query of one or two characters (an emoji,
//   a two-character CJK word) finds those through the index too. One or two ASCII letters
//   or digits are not indexed (nearly every block holds them); such a search reads blocks.
// A number (a run of ASCII digits) longer than kMaxDigitTermBytes gives only its first
// digits: unique numbers (counters, ids, sizes) would otherwise add their trigrams to
// every block, which made the writer take 1.8 times as long for a log of numbered lines
// (docs/benchmarks.md §13). The block's grams (below) have the rest.
constexpr qsizetype kMaxTermBytes = 16;
constexpr qsizetype kMaxDigitTermBytes = 4;
constexpr char kShortTermMark = '\x01';

// Beside the trigram index, a block has its grams (log_grams, schema step 8): a bitmap of
// - the pairs of ASCII letters or digits that stand next to each other in its words
//   (kPairGrams bits, gramIndex(a) * 36 + gramIndex(b)), for a query of two characters;
// - the three-digit sequences inside its numbers longer than kMaxDigitTermBytes
//   (kDigitGrams bits from kPairGrams on, the sequence's value), which the trigram index
//   does not have, for a query that is a number.
// A new distinct term sets its pairs; a long number sets its pairs and digit sequences as
// the encoder passes it (one table load and a bit per digit, no hashing). Stored without
// its trailing zero bytes (storedGrams()); a search asks gramsCover().
constexpr int kPairGrams = 36 * 36;
constexpr int kDigitGrams = 1000;
constexpr int kGramBytes = (kPairGrams + kDigitGrams + 7) / 8;

// 0-9 for digits, 10-35 for ASCII letters (either case), -1 for every other byte.
inline int gramIndex(char c)
{
    const auto u = quint8(c);
    if (u >= '0' && u <= '9')
        return u - '0';
    if (u >= 'a' && u <= 'z')
        return 10 + (u - 'a');
    if (u >= 'A' && u <= 'Z')
        return 10 + (u - 'A');
    return -1;
}

class LogGrams final
{
public:
    LogGrams() { clear(); }
    void clear()
    {
        std::memset(m_bits, 0, sizeof m_bits);
        m_lastLength = 0;
    }
    void set(int bit) { m_bits[bit >> 3] |= quint8(1u << (bit & 7)); }
    // The pairs of `length` bytes at `text` (those with a byte gramIndex() refuses: none).
    void addPairs(const char *text, qsizetype length)
    {
        for (qsizetype i = 0; i + 1 < length; ++i) {
            const int a = gramIndex(text[i]), b = gramIndex(text[i + 1]);
            if (a >= 0 && b >= 0)
                set(a * 36 + b);
        }
    }
    // The pairs and three-digit sequences of a run of `length` ASCII digits. Those the
    // number before it set already are skipped: a counter's next value differs from the
    // last in its last digits only.
    void addNumber(const char *digits, qsizetype length)
    {
        qsizetype same = 0;
        if (length == m_lastLength) {
            while (same < length && digits[same] == m_last[same])
                ++same;
        }
        // A pair at i is new when it reaches a changed digit (i + 1 >= same), a sequence
        // when i + 2 >= same.
        for (qsizetype i = std::max<qsizetype>(0, same - 2); i + 1 < length; ++i) {
            const int a = digits[i] - '0', b = digits[i + 1] - '0';
            if (i + 1 >= same)
                set(a * 36 + b);
            if (i + 2 < length)
                set(kPairGrams + a * 100 + b * 10 + (digits[i + 2] - '0'));
        }
        if (length <= qsizetype(sizeof m_last)) {
            std::memcpy(m_last, digits, size_t(length));
            m_lastLength = length;
        } else {
            m_lastLength = 0;
        }
    }
    bool isEmpty() const
    {
        return std::all_of(std::begin(m_bits), std::end(m_bits), [](quint8 b) { return b == 0; });
    }
    // Without the trailing zero bytes: a block without long numbers stores its pairs only.
    QByteArray stored() const
    {
        qsizetype n = kGramBytes;
        while (n > 0 && m_bits[n - 1] == 0)
            --n;
        return QByteArray(reinterpret_cast<const char *>(m_bits), n);
    }

private:
    quint8 m_bits[kGramBytes];
    char m_last[24]; // the last number added (when it fits), and its length
    qsizetype m_lastLength = 0;
};

// The grams stored for a block too small to be worth them (LogBlockEncoder::
// gramsToStore()): a search reads it for any pair or number. No real bitmap is one zero
// byte (trailing zero bytes are dropped).
inline const QByteArray kUnknownGrams(1, '\0');
// Blocks of fewer lines store kUnknownGrams. A slow producer's lines are committed in small
// blocks (a quarter of a second each); their bitmaps made a build log's history grow by
// 0.22 times its size against 0.18 (docs/benchmarks.md §13), and reading such a small
// block costs a search little.
constexpr int kMinGramLines = 64;

// Whether the stored grams of a block have every bit of `mask` (both in stored form: a
// missing byte is zero); kUnknownGrams cover everything.
inline bool gramsCover(QByteArrayView stored, QByteArrayView mask)
{
    if (stored.size() == 1 && stored[0] == '\0')
        return true;
    for (qsizetype i = 0; i < mask.size(); ++i) {
        const auto m = quint8(mask[i]);
        if (m != 0 && (i >= stored.size() || (quint8(stored[i]) & m) != m))
            return false;
    }
    return true;
}

inline bool isDigits(const char *text, qsizetype length)
{
    for (qsizetype i = 0; i < length; ++i)
        if (text[i] < '0' || text[i] > '9')
            return false;
    return true;
}

inline bool isUtf8Continuation(char c)
{
    return (quint8(c) & 0xc0) == 0x80;
}

// Calls visit(begin, length) for each index term of one word (a run of isTermByte() bytes,
// as it is: callers lowercase ASCII). Pieces point into `word`; marks into a local buffer.
template<typename Visit> void forEachWordTerm(const char *word, qsizetype length, Visit &&visit)
{
    if (length > kMaxDigitTermBytes && isDigits(word, length)) {
        visit(word, kMaxDigitTermBytes);
        return;
    }
    bool ascii = true;
    for (qsizetype i = 0; i < length && ascii; ++i)
        ascii = quint8(word[i]) < 0x80;
    if (length <= kMaxTermBytes) {
        visit(word, length);
    } else {
        qsizetype start = 0;
        for (;;) {
            qsizetype end = start + kMaxTermBytes;
            if (end >= length) {
                visit(word + start, length - start);
                break;
            }
            while (end > start + 1 && isUtf8Continuation(word[end]))
                --end; // whole characters (invalid UTF-8 without a boundary: cut anyway)
            if (end - start < 4)
                end = start + kMaxTermBytes;
            visit(word + start, end - start);
            qsizetype next = end; // back two characters: the pieces share them
            for (int back = 0; back < 2 && next > start + 1; ++back) {
                --next;
                while (next > start + 1 && isUtf8Continuation(word[next]))
                    --next;
            }
            start = next;
        }
    }
    if (ascii)
        return;
    // The word's characters (a lone continuation byte or a cut sequence is one "character"
    // as far as the marks go: SQLite reads invalid UTF-8 the same tolerant way).
    char mark[1 + 8 + 1];
    mark[0] = kShortTermMark;
    qsizetype previous = -1, previousLength = 0;
    for (qsizetype i = 0; i < length;) {
        qsizetype n = 1;
        while (i + n < length && isUtf8Continuation(word[i + n]) && n < 4)
            ++n;
        const bool high = quint8(word[i]) >= 0x80;
        if (high) {
            std::memcpy(mark + 1, word + i, size_t(n));
            mark[1 + n] = kShortTermMark;
            visit(mark, n + 2);
        }
        if (previous >= 0 && (high || quint8(word[previous]) >= 0x80)) {
            std::memcpy(mark + 1, word + previous, size_t(previousLength));
            std::memcpy(mark + 1 + previousLength, word + i, size_t(n));
            visit(mark, 1 + previousLength + n);
        }
        previous = i;
        previousLength = n;
        i += n;
    }
}

// Calls visit(begin, length) for each word of `text` (a run of isTermByte() bytes).
template<typename Visit> void forEachWord(QByteArrayView text, Visit &&visit)
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
            visit(start, p - start);
    }
}

// Calls visit(begin, length) for each index term of `text` (forEachWordTerm() of each word).
template<typename Visit> void forEachTerm(QByteArrayView text, Visit &&visit)
{
    forEachWord(text, [&visit](const char *word, qsizetype length) {
        forEachWordTerm(word, length, visit);
    });
}

// The binary encoding of a block of log lines (the log_blocks.data column):
//   byte 0: format version (1)
//   per line: varint zigzag(timestamp - previous timestamp), 1 byte stream,
//             varint byte length, the bytes (binary-safe, no terminator).
// The first line's delta is from 0. Varints are LEB128 (7 bits per byte, low first).
class LogBlockEncoder final
{
public:
    // A fast producer's block ends at kMaxBytes (64 KiB, ~2,700 lines of 24 bytes), not at
    // its line count (was 1,024 lines, ~25 KB; 256 before that): zstd compresses 64 KiB
    // blocks 14 % faster than 25 KB ones and each block costs index and row inserts, which
    // took a tenth off DeployDesk's CPU a line (docs/benchmarks.md §1, 4 Dec). kMaxLines
    // bounds blocks of very short lines.
    static constexpr int kMaxLines = 4096;
    static constexpr qsizetype kMaxBytes = 64 * 1024;

    LogBlockEncoder();
    void add(const LogLineRef &line);
    void add(const LogLine &line) { add(LogLineRef{line.timestampMs, line.stream, line.text}); }
    int lineCount() const { return m_lines; }
    qsizetype byteSize() const { return m_data.size(); }
    bool isFull() const { return m_lines >= kMaxLines || m_data.size() >= kMaxBytes; }
    // The distinct index terms (forEachTerm()) of the block's ANSI-stripped text, ASCII
    // lowercased, separated by spaces: what the full-text index gets. Each is indexed once
    // per block, not once per occurrence, which makes indexing several times cheaper;
    // searches AND trigrams (see ftsQuery()) and check lines exactly.
    const QByteArray &terms() const { return m_terms; }
    // The block's grams (LogGrams::stored()), empty when there are none.
    QByteArray grams() const { return m_grams.stored(); }
    // What log_grams gets: grams(), or kUnknownGrams for a block of fewer than
    // kMinGramLines lines.
    QByteArray gramsToStore() const { return m_lines < kMinGramLines ? kUnknownGrams : grams(); }
    const QByteArray &data() const { return m_data; }
    void clear();

private:
    void addLineTerms(QByteArrayView text);
    // False when it met an ESC and `stopAtEscape`.
    bool addTerms(QByteArrayView text, bool stopAtEscape);
    void addWord(const char *word, qsizetype length);
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
    LogGrams m_grams;
    // The short terms of the last lines, by their place in the line (addTerms()).
    struct RecentWord
    {
        quint64 lo = 0;
        quint64 hi = 0;
        qsizetype length = 0; // 0: none (no term is empty)
    };
    static constexpr qsizetype kRecentWords = 8;
    RecentWord m_recent[kRecentWords];
    qint64 m_lastTimestamp = 0;
    int m_lines = 0;
};

// `bytes` without ANSI escape sequences (AnsiParser::strip), without copying when it holds
// no ESC, which is the common case.
QByteArray stripAnsi(const QByteArray &bytes);

} // namespace DeployDesk::Internal
