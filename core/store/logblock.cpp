#include "store/logblock.h"

#include <array>

#include "log/ansiparser.h"

#include <QCoreApplication>

#include <cstring>
#include <memory>

#include <zstd.h>

namespace DeployDesk::Internal {
namespace {

constexpr char kFormatVersion = 1;

// Writes `value` as a LEB128 varint (at most 10 bytes) at out; returns its length.
inline int writeVarint(char *out, quint64 value)
{
    int n = 0;
    while (value >= 0x80) {
        out[n++] = char((value & 0x7f) | 0x80);
        value >>= 7;
    }
    out[n++] = char(value);
    return n;
}

// memcpy for the few bytes of a line's head and of a typical line, inline: a call to the
// library's memcpy per piece, two per line, was ~3 % of a fast producer's run. Copies of up
// to 32 bytes are two overlapping loads and stores of a fixed width (no byte outside
// [src, src + n) is read), longer ones go to memcpy.
template<bool MayBeLong = true>
[[gnu::always_inline]] inline void copySmall(char *dst, const char *src, size_t n)
{
    const auto copy = [&]<size_t W>() {
        char a[W], b[W];
        std::memcpy(a, src, W);
        std::memcpy(b, src + n - W, W);
        std::memcpy(dst, a, W);
        std::memcpy(dst + n - W, b, W);
    };
    if (n >= 16) {
        if (MayBeLong && n > 32)
            std::memcpy(dst, src, n);
        else
            copy.template operator()<16>();
    } else if (n >= 8) {
        copy.template operator()<8>();
    } else if (n >= 4) {
        copy.template operator()<4>();
    } else if (n > 0) {
        dst[0] = src[0];
        dst[n / 2] = src[n / 2];
        dst[n - 1] = src[n - 1];
    }
}

inline quint64 zigzag(qint64 v)
{
    return (quint64(v) << 1) ^ quint64(v >> 63);
}
inline qint64 unzigzag(quint64 v)
{
    return qint64(v >> 1) ^ -qint64(v & 1);
}

Error corrupt(qsizetype offset, const char *what)
{
    return Error{ErrorCode::Io,
                 QCoreApplication::translate("DeployDesk",
                                             "a stored log block is damaged at byte %1: %2; "
                                             "the history database may be corrupt")
                     .arg(offset)
                     .arg(QString::fromLatin1(what)),
                 {},
                 std::nullopt};
}

} // namespace

LogBlockEncoder::LogBlockEncoder()
{
    clear();
}

void LogBlockEncoder::clear()
{
    // The block just ended was handed over with its buffers: the next one gets buffers as
    // large, so a fast producer's block does not grow through a chain of reallocations,
    // each copying what it holds.
    const qsizetype dataCapacity = m_data.capacity();
    const qsizetype termsCapacity = m_terms.capacity();
    m_data.clear();
    m_terms.clear();
    m_data.reserve(std::min(dataCapacity, kMaxBytes + kMaxBytes / 4));
    m_terms.reserve(std::min(termsCapacity, kMaxBytes));
    m_termList.clear();
    m_slots.assign(1024, -1);
    m_grams.clear();
    std::fill(std::begin(m_recent), std::end(m_recent), RecentWord{}); // not in the new block
    m_data.append(kFormatVersion);
    m_lastTimestamp = 0;
    m_lines = 0;
}

void LogBlockEncoder::add(const LogLineRef &line)
{
    // The line's head in one append: the timestamp's delta (unsigned arithmetic: wraps
    // instead of overflowing for extreme timestamps), the stream, the text's length.
    char head[32]; // 21 at most
    int n = writeVarint(head, zigzag(qint64(quint64(line.timestampMs) - quint64(m_lastTimestamp))));
    head[n++] = char(line.stream);
    n += writeVarint(head + n, quint64(line.text.size()));
    const qsizetype at = m_data.size();
    const qsizetype size = at + n + line.text.size();
    if (size > m_data.capacity())
        m_data.reserve(std::max(size, 2 * m_data.capacity()));
    m_data.resize(size);
    char *out = m_data.data() + at;
    copySmall<false>(out, head, size_t(n));
    copySmall(out + n, line.text.data(), size_t(line.text.size()));
    m_lastTimestamp = line.timestampMs;
    addLineTerms(line.text);
    ++m_lines;
}

void LogBlockEncoder::addLineTerms(QByteArrayView text)
{
    // The terms of the text as shown; most lines hold no escape sequence and are read as
    // they are (a copy of the line per line was 3 % of a fast producer's run). The first
    // pass stops at an ESC, having added only words that the text shown begins with too
    // (strip() keeps what stands before the first ESC, and the word it cuts is left out):
    // the second adds them again, which changes nothing.
    if (!addTerms(text, true))
        addTerms(AnsiParser::strip(text), false);
}

namespace {
// Per byte: 0 for a separator, else the byte lowercased (ASCII) with bit 8 set when it
// is a digit. The same split as isTermByte(), in one table load. ESC is a separator marked
// with bit 9 (kEscapeMark), so a separator run tells whether it holds one.
constexpr quint16 kEscapeMark = 0x200;
constexpr std::array<quint16, 256> kTermTable = [] {
    std::array<quint16, 256> t{};
    for (int b = 0; b < 256; ++b) {
        if (b == 0x1b)
            t[b] = kEscapeMark;
        else if (b >= 'A' && b <= 'Z')
            t[b] = quint16(b + 32);
        else if ((b >= 'a' && b <= 'z') || b >= 0x80)
            t[b] = quint16(b);
        else if (b >= '0' && b <= '9')
            t[b] = quint16(b | 0x100);
    }
    return t;
}();

inline quint64 load8(const quint8 *p)
{
    quint64 v;
    std::memcpy(&v, p, 8);
    return v;
}
inline quint64 load4(const quint8 *p)
{
    quint32 v;
    std::memcpy(&v, p, 4);
    return v;
}

// The first min(n, 16) bytes of a word of term bytes (n >= 1), as two little-endian words,
// zero-padded and lowercased when they are ASCII, with whether they are all digits and all
// ASCII. No byte outside [p, p + n) is read (overlapping loads for the odd sizes).
struct WordBytes
{
    quint64 lo = 0;
    quint64 hi = 0;
    bool digits = false;
    bool ascii = false;
};
[[gnu::always_inline]] inline WordBytes wordBytes(const quint8 *p, qsizetype n)
{
    constexpr quint64 kOnes = 0x0101010101010101ULL;
    WordBytes w;
    quint64 loMask = ~quint64(0);
    quint64 hiMask = 0;
    if (n >= 8) {
        w.lo = load8(p);
        if (n >= 16) {
            w.hi = load8(p + 8);
            hiMask = ~quint64(0);
        } else if (n > 8) {
            w.hi = load8(p + n - 8) >> (8 * (16 - n));
            hiMask = (quint64(1) << (8 * (n - 8))) - 1;
        }
    } else {
        if (n >= 4)
            w.lo = load4(p) | (load4(p + n - 4) << (8 * (n - 4)));
        else
            w.lo = quint64(p[0]) | (quint64(p[n / 2]) << (8 * (n / 2))) |
                   (quint64(p[n - 1]) << (8 * (n - 1)));
        loMask = (quint64(1) << (8 * n)) - 1;
    }
    w.ascii = ((w.lo | w.hi) & (0x80 * kOnes)) == 0;
    // Term bytes are letters, digits and bytes >= 0x80: a digit is one whose high half is 3.
    w.digits = (((w.lo ^ (0x30 * kOnes)) & (0xF0 * kOnes) & loMask) |
                ((w.hi ^ (0x30 * kOnes)) & (0xF0 * kOnes) & hiMask)) == 0;
    // ASCII letters lowercase with bit 5 set, which digits have already.
    w.lo |= 0x20 * kOnes & loMask;
    w.hi |= 0x20 * kOnes & hiMask;
    return w;
}

bool allDigits(const quint8 *p, qsizetype n)
{
    for (qsizetype i = 0; i < n; ++i) {
        if (!(kTermTable[p[i]] & 0x100))
            return false;
    }
    return true;
}
} // namespace

bool LogBlockEncoder::addTerms(QByteArrayView text, bool stopAtEscape)
{
    // Per word: find its end with one table load a byte, then take its first 16 bytes as two
    // words at once and lowercase, check for digits and non-ASCII bytes eight at a time
    // (building the words byte by byte was two thirds of the encoder's time). ASCII words of
    // at most 16 bytes (most are) are terms as they are; longer words and words with
    // non-ASCII bytes take forEachWordTerm()'s pieces and marks. The terms are those of
    // forEachTerm() (tst_logblock and fuzz_logblock check they agree); addTermWords() takes
    // them.
    const auto *p = reinterpret_cast<const quint8 *>(text.data());
    const auto *const end = p + text.size();
    // The n-th word of a line is most often the n-th word of the line before (a log's lines
    // share their shape): such a term is in the block already, without a look-up.
    qsizetype ordinal = 0;
    const auto addShort = [this, &ordinal](quint64 lo, quint64 hi, qsizetype n) {
        if (ordinal < kRecentWords) {
            RecentWord &recent = m_recent[ordinal++];
            if (recent.lo == lo && recent.hi == hi && recent.length == n)
                return;
            recent = RecentWord{lo, hi, n};
        }
        addTermWords(lo, hi, n);
    };
    while (p < end) {
        while (p < end && quint8(kTermTable[*p]) == 0) {
            if (kTermTable[*p] == kEscapeMark && stopAtEscape)
                return false;
            ++p;
        }
        if (p == end)
            break;
        const quint8 *start = p;
        while (p < end && quint8(kTermTable[*p]) != 0)
            ++p;
        if (p < end && kTermTable[*p] == kEscapeMark && stopAtEscape)
            return false; // the word may go on after the escape sequence
        const qsizetype n = p - start;
        const WordBytes w = wordBytes(start, n);
        const bool digits = w.digits && (n <= 16 || allDigits(start + 16, n - 16));
        if (digits && n > kMaxDigitTermBytes) { // a long number: its first digits
            m_grams.addNumber(reinterpret_cast<const char *>(start), n);
            addShort(w.lo & ((quint64(1) << (8 * kMaxDigitTermBytes)) - 1), 0, kMaxDigitTermBytes);
            continue;
        }
        if (n <= kMaxTermBytes && w.ascii) {
            addShort(w.lo, w.hi, n);
            continue;
        }
        addWord(reinterpret_cast<const char *>(start), n);
    }
    return true;
}

void LogBlockEncoder::addWord(const char *word, qsizetype length)
{
    // A word longer than kMaxTermBytes or with non-ASCII bytes: forEachWordTerm()'s pieces
    // and marks.
    forEachWordTerm(word, length, [this](const char *term, qsizetype n) {
        Q_ASSERT(n <= kMaxTermBytes);
        quint64 words[2] = {0, 0};
        auto *bytes = reinterpret_cast<quint8 *>(words);
        for (qsizetype i = 0; i < n; ++i) {
            const auto b = quint8(term[i]);
            bytes[i] = (b >= 'A' && b <= 'Z') ? quint8(b + 32) : b;
        }
        addTermWords(words[0], words[1], n);
    });
}

void LogBlockEncoder::addTermWords(quint64 lo, quint64 hi, qsizetype length)
{
    // A term is at most kMaxTermBytes, lowercased and zero-padded into two words: hashed,
    // and compared as words (terms hold no NUL: it is not a term byte nor a mark).
    Q_ASSERT(length > 0 && length <= kMaxTermBytes);
    quint64 hash = (lo * 0x9E3779B97F4A7C15ULL) ^ (hi + quint64(length)) * 0xC2B2AE3D27D4EB4FULL;
    hash ^= hash >> 29;
    const size_t mask = m_slots.size() - 1;
    for (size_t slot = hash & mask;; slot = (slot + 1) & mask) {
        const qint32 index = m_slots[slot];
        if (index < 0) {
            m_slots[slot] = qint32(m_termList.size());
            break;
        }
        // The zero padding makes equal words mean equal terms (terms hold no NUL).
        const Term &t = m_termList[size_t(index)];
        if (t.lo == lo && t.hi == hi && t.length == quint32(length))
            return;
    }
    if (!m_terms.isEmpty())
        m_terms.append(' ');
    char key[kMaxTermBytes];
    static_assert(Q_BYTE_ORDER == Q_LITTLE_ENDIAN, "terms are packed little-endian");
    std::memcpy(key, &lo, 8); // the bytes in order
    std::memcpy(key + 8, &hi, 8);
    m_terms.append(key, length);
    m_grams.addPairs(key, length); // marks hold \x01: their pairs with it are not set
    m_termList.push_back(Term{lo, hi, hash, quint32(length)});
    if (m_termList.size() * 2 > m_slots.size()) { // keep the load under one half
        m_slots.assign(m_slots.size() * 2, -1);
        const size_t bigger = m_slots.size() - 1;
        for (size_t i = 0; i < m_termList.size(); ++i) {
            size_t slot = m_termList[i].hash & bigger;
            while (m_slots[slot] >= 0)
                slot = (slot + 1) & bigger;
            m_slots[slot] = qint32(i);
        }
    }
}

QByteArray encodeLogBlock(const QList<LogLine> &lines)
{
    LogBlockEncoder encoder;
    for (const LogLine &line : lines)
        encoder.add(line);
    return encoder.data();
}

QByteArray logBlockTerms(const QList<LogLine> &lines)
{
    LogBlockEncoder encoder;
    for (const LogLine &line : lines)
        encoder.add(line);
    return encoder.terms();
}

QByteArray logBlockGrams(const QList<LogLine> &lines)
{
    LogBlockEncoder encoder;
    for (const LogLine &line : lines)
        encoder.add(line);
    return encoder.grams();
}

int logCompressionLevel()
{
    // DEPLOYDESK_LOG_ZSTD_LEVEL (1-19, 0: store blocks uncompressed) is for measuring the
    // choice (bench/log-storage.sh); the default is kCompressionLevel.
    static const int level = [] {
        bool ok = false;
        const int fromEnv = qEnvironmentVariableIntValue("DEPLOYDESK_LOG_ZSTD_LEVEL", &ok);
        return ok && fromEnv >= 0 && fromEnv <= 19 ? fromEnv : kCompressionLevel;
    }();
    return level;
}

QByteArray compressLogBlock(const QByteArray &plain)
{
    // A block too small to gain is stored as it is (markers, single lines).
    if (plain.size() < kMinCompressedBlock || quint8(plain[0]) == kCompressedFormatVersion ||
        logCompressionLevel() == 0)
        return plain;
    const size_t bound = ZSTD_compressBound(size_t(plain.size()));
    // Compressed into a buffer the thread keeps, then copied at its size (a tenth of the
    // block): a buffer of the bound per block was freed and its pages touched anew.
    thread_local QByteArray scratch;
    if (scratch.size() < qsizetype(1 + bound))
        scratch.resize(qsizetype(1 + bound));
    scratch[0] = char(kCompressedFormatVersion);
    // One context per thread: the writer thread compresses every block.
    // A checksum in each frame: damage is found when read, not decoded into other text.
    thread_local std::unique_ptr<ZSTD_CCtx, size_t (*)(ZSTD_CCtx *)> context(
        [] {
            ZSTD_CCtx *c = ZSTD_createCCtx();
            ZSTD_CCtx_setParameter(c, ZSTD_c_compressionLevel, logCompressionLevel());
            ZSTD_CCtx_setParameter(c, ZSTD_c_checksumFlag, 1);
            return c;
        }(),
        ZSTD_freeCCtx);
    const size_t written = ZSTD_compress2(context.get(), scratch.data() + 1, bound,
                                          plain.constData(), size_t(plain.size()));
    if (ZSTD_isError(written) || qsizetype(written) + 1 >= plain.size())
        return plain; // incompressible: kept as it is
    return scratch.first(qsizetype(written) + 1);
}

Result<QByteArray> uncompressLogBlock(QByteArrayView stored)
{
    if (stored.isEmpty() || quint8(stored[0]) != kCompressedFormatVersion)
        return QByteArray::fromRawData(stored.data(), stored.size());
    const char *frame = stored.data() + 1;
    const size_t frameSize = size_t(stored.size() - 1);
    const unsigned long long size = ZSTD_getFrameContentSize(frame, frameSize);
    // A block holds at most kMaxBytes plus its last line, which is bounded by the log
    // line limit; anything claiming more is damage, not data.
    constexpr unsigned long long kLimit = 64ull * 1024 * 1024;
    if (size == ZSTD_CONTENTSIZE_ERROR || size == ZSTD_CONTENTSIZE_UNKNOWN || size > kLimit)
        return std::unexpected(corrupt(1, "damaged compressed block"));
    QByteArray plain(qsizetype(size), Qt::Uninitialized);
    thread_local std::unique_ptr<ZSTD_DCtx, size_t (*)(ZSTD_DCtx *)> context(ZSTD_createDCtx(),
                                                                             ZSTD_freeDCtx);
    const size_t got =
        ZSTD_decompressDCtx(context.get(), plain.data(), size_t(plain.size()), frame, frameSize);
    if (ZSTD_isError(got) || got != size)
        return std::unexpected(corrupt(1, "damaged compressed block"));
    return plain;
}

Result<QList<LogLine>> decodeLogBlock(QByteArrayView stored)
{
    auto plain = uncompressLogBlock(stored);
    if (!plain)
        return std::unexpected(plain.error());
    const QByteArrayView data(*plain);
    const char *const begin = data.data();
    const char *p = begin;
    const char *const end = begin + data.size();
    if (p == end || *p != kFormatVersion)
        return std::unexpected(corrupt(0, "unknown format version"));
    ++p;
    QList<LogLine> lines;
    qint64 timestamp = 0;
    while (p < end) {
        quint64 delta = 0;
        quint64 length = 0;
        if (!readVarint(p, end, &delta))
            return std::unexpected(corrupt(p - begin, "truncated timestamp"));
        if (p == end)
            return std::unexpected(corrupt(p - begin, "truncated stream"));
        const auto stream = quint8(*p++);
        if (stream < quint8(LogStream::Stdout) || stream > quint8(LogStream::System))
            return std::unexpected(corrupt(p - begin - 1, "unknown stream"));
        if (!readVarint(p, end, &length))
            return std::unexpected(corrupt(p - begin, "truncated length"));
        if (length > quint64(end - p))
            return std::unexpected(corrupt(p - begin, "line longer than the block"));
        timestamp = qint64(quint64(timestamp) + quint64(unzigzag(delta)));
        lines.append(LogLine{timestamp, LogStream(stream), QByteArray(p, qsizetype(length))});
        p += length;
    }
    return lines;
}

Error damagedLog(const QString &path, qint64 stageId, qint64 firstLine, const QString &detail)
{
    QString message = QCoreApplication::translate(
                          "DeployDesk", "history database %1: the log of stage %2 is damaged from "
                                        "line %3 on")
                          .arg(path)
                          .arg(stageId)
                          .arg(firstLine);
    if (!detail.isEmpty())
        message += QStringLiteral(" (%1)").arg(detail);
    message += QCoreApplication::translate("DeployDesk", "; `deploydeskctl check` lists what "
                                                         "is damaged");
    return Error{ErrorCode::Io, message, {}, std::nullopt};
}

QByteArray stripAnsi(const QByteArray &bytes)
{
    if (!std::memchr(bytes.constData(), 0x1b, size_t(bytes.size())))
        return bytes;
    return AnsiParser::strip(bytes);
}

} // namespace DeployDesk::Internal
