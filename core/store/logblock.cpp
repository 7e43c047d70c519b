#include "store/logblock.h"

#include "log/ansiparser.h"

#include <QCoreApplication>

#include <cstring>

namespace DeployDesk::Internal {
namespace {

constexpr char kFormatVersion = 1;

inline void putVarint(QByteArray &out, quint64 value)
{
    char buf[10];
    int n = 0;
    while (value >= 0x80) {
        buf[n++] = char((value & 0x7f) | 0x80);
        value >>= 7;
    }
    buf[n++] = char(value);
    out.append(buf, n);
}

inline bool getVarint(const char *&p, const char *end, quint64 *value)
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
    m_data.clear();
    m_terms.clear();
    m_termList.clear();
    m_slots.assign(1024, -1);
    m_data.append(kFormatVersion);
    m_lastTimestamp = 0;
    m_lines = 0;
}

void LogBlockEncoder::add(const LogLine &line)
{
    // Unsigned arithmetic: wraps instead of overflowing for extreme timestamps.
    putVarint(m_data, zigzag(qint64(quint64(line.timestampMs) - quint64(m_lastTimestamp))));
    m_lastTimestamp = line.timestampMs;
    m_data.append(char(line.stream));
    putVarint(m_data, quint64(line.text.size()));
    m_data.append(line.text);
    addTerms(stripAnsi(line.text));
    ++m_lines;
}

void LogBlockEncoder::addTerms(QByteArrayView text)
{
    forEachTerm(text, [this](const char *begin, qsizetype length) { addTerm(begin, length); });
}

void LogBlockEncoder::addTerm(const char *begin, qsizetype length)
{
    // Terms are at most kMaxTermBytes (see indexedTermLength): lowercase into a fixed
    // buffer once, hash it in two words, compare with memcmp.
    Q_ASSERT(length > 0 && length <= kMaxTermBytes);
    char key[kMaxTermBytes] = {};
    for (qsizetype i = 0; i < length; ++i) {
        const char c = begin[i];
        key[i] = char(c | ((unsigned(c - 'A') < 26u) << 5)); // ASCII lowercase, branch-free
    }
    quint64 lo = 0;
    quint64 hi = 0;
    std::memcpy(&lo, key, 8);
    std::memcpy(&hi, key + 8, 8);
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
    m_terms.append(key, length);
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

Result<QList<LogLine>> decodeLogBlock(QByteArrayView data)
{
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
        if (!getVarint(p, end, &delta))
            return std::unexpected(corrupt(p - begin, "truncated timestamp"));
        if (p == end)
            return std::unexpected(corrupt(p - begin, "truncated stream"));
        const auto stream = quint8(*p++);
        if (stream < quint8(LogStream::Stdout) || stream > quint8(LogStream::System))
            return std::unexpected(corrupt(p - begin - 1, "unknown stream"));
        if (!getVarint(p, end, &length))
            return std::unexpected(corrupt(p - begin, "truncated length"));
        if (length > quint64(end - p))
            return std::unexpected(corrupt(p - begin, "line longer than the block"));
        timestamp = qint64(quint64(timestamp) + quint64(unzigzag(delta)));
        lines.append(LogLine{timestamp, LogStream(stream), QByteArray(p, qsizetype(length))});
        p += length;
    }
    return lines;
}

QByteArray stripAnsi(const QByteArray &bytes)
{
    if (!std::memchr(bytes.constData(), 0x1b, size_t(bytes.size())))
        return bytes;
    return AnsiParser::strip(bytes);
}

} // namespace DeployDesk::Internal
