#include "ui/logview/textmatcher.h"

#include <algorithm>
#include <cstring>

namespace DeployDesk::Ui::Internal {

namespace {

bool isAscii(const QByteArray &bytes)
{
    for (char c : bytes) {
        if (quint8(c) >= 0x80)
            return false;
    }
    return true;
}

inline char asciiLower(char c)
{
    return c >= 'A' && c <= 'Z' ? char(c + 32) : c;
}

// Lowercases the ASCII letters of [in, in + n) into out, eight bytes at a time (every
// other byte, UTF-8 sequences included, is copied as it is): counting a word in a
// 2,000,000-line log folds every byte of it, which one byte at a time cost as much as the
// search itself.
void asciiLowerInto(const char *in, qsizetype n, char *out)
{
    constexpr quint64 kOnes = 0x0101010101010101ULL;
    constexpr quint64 kHigh = 0x8080808080808080ULL;
    qsizetype i = 0;
    for (; i + 8 <= n; i += 8) {
        quint64 x;
        std::memcpy(&x, in + i, 8);
        const quint64 low7 = x & ~kHigh;
        const quint64 aboveZ = low7 + kOnes * (0x7f - 'Z');   // high bit set: byte > 'Z'
        const quint64 fromA = low7 + kOnes * (0x80 - 'A');    // high bit set: byte >= 'A'
        const quint64 upper = (fromA & ~aboveZ) & ~x & kHigh; // ASCII 'A'..'Z'
        x |= upper >> 2;                                      // + 0x20
        std::memcpy(out + i, &x, 8);
    }
    for (; i < n; ++i)
        out[i] = asciiLower(in[i]);
}

} // namespace

TextMatcher::TextMatcher(const QString &pattern, bool regex, bool caseSensitive)
    : m_pattern(pattern)
    , m_regex(regex)
    , m_caseSensitive(caseSensitive)
{
    if (m_regex) {
        m_re.setPattern(pattern);
        m_re.setPatternOptions(caseSensitive ? QRegularExpression::NoPatternOption
                                             : QRegularExpression::CaseInsensitiveOption);
        m_re.optimize();
        return;
    }
    m_needle = pattern.toUtf8();
    if (!caseSensitive && isAscii(m_needle)) {
        m_asciiFold = true;
        for (char &c : m_needle)
            c = asciiLower(c);
    }
    m_matcher.setPattern(m_needle);
}

int TextMatcher::count(QByteArrayView utf8) const
{
    if (m_pattern.isEmpty() || !isValid())
        return 0;
    if (m_regex) {
        int n = 0;
        auto it = m_re.globalMatch(QString::fromUtf8(utf8));
        while (it.hasNext()) {
            if (it.next().capturedLength() > 0)
                ++n;
        }
        return n;
    }
    if (!m_caseSensitive && !m_asciiFold) {
        const QString text = QString::fromUtf8(utf8);
        int n = 0;
        for (qsizetype at = text.indexOf(m_pattern, 0, Qt::CaseInsensitive); at >= 0;
             at = text.indexOf(m_pattern, at + m_pattern.size(), Qt::CaseInsensitive))
            ++n;
        return n;
    }
    if (utf8.size() < m_needle.size())
        return 0;
    QByteArrayView haystack = utf8;
    thread_local QByteArray folded;
    if (m_asciiFold) {
        if (folded.size() < utf8.size())
            folded.resize(std::max<qsizetype>(utf8.size(), 256));
        asciiLowerInto(utf8.data(), utf8.size(), folded.data());
        haystack = QByteArrayView(folded.constData(), utf8.size());
    }
    int n = 0;
    for (qsizetype at = m_matcher.indexIn(haystack, 0); at >= 0;
         at = m_matcher.indexIn(haystack, at + m_needle.size()))
        ++n;
    return n;
}

QList<std::pair<int, int>> TextMatcher::find(const QString &text) const
{
    QList<std::pair<int, int>> result;
    if (m_pattern.isEmpty() || !isValid())
        return result;
    if (m_regex) {
        auto it = m_re.globalMatch(text);
        while (it.hasNext()) {
            const QRegularExpressionMatch m = it.next();
            if (m.capturedLength() > 0)
                result.append({int(m.capturedStart()), int(m.capturedLength())});
        }
        return result;
    }
    const Qt::CaseSensitivity cs = m_caseSensitive ? Qt::CaseSensitive : Qt::CaseInsensitive;
    for (qsizetype at = text.indexOf(m_pattern, 0, cs); at >= 0;
         at = text.indexOf(m_pattern, at + m_pattern.size(), cs))
        result.append({int(at), int(m_pattern.size())});
    return result;
}

} // namespace DeployDesk::Ui::Internal
