#include "log/secretmasker.h"

#include <QVarLengthArray>

#include <algorithm>
#include <cstring>

namespace DeployDesk {

namespace {

struct Range
{
    qsizetype begin = 0;
    qsizetype end = 0;
};

} // namespace

void SecretMasker::setSecrets(const QList<QByteArray> &values)
{
    m_matchers.clear();
    m_values.clear();
    m_window = 0;
    for (const QByteArray &value : values)
        addSecret(value);
}

void SecretMasker::addSecret(const QByteArray &value)
{
    // Lines reach the masker without their terminator, so a multi-line value can only
    // be found line by line.
    for (QByteArray pattern : value.split('\n')) {
        if (pattern.endsWith('\r'))
            pattern.chop(1);
        if (pattern.size() < kMinimumLength || m_values.contains(pattern))
            continue;
        // Keep the values sorted longest first.
        const auto at = std::find_if(m_values.cbegin(), m_values.cend(), [&](const QByteArray &v) {
            return v.size() < pattern.size();
        });
        const qsizetype index = at - m_values.cbegin();
        m_values.insert(index, pattern);
        m_matchers.insert(index, QByteArrayMatcher(pattern));
    }

    // Multi-pattern Horspool over the first m_window bytes of every value.
    m_window = m_values.isEmpty() ? 0 : int(std::min<qsizetype>(m_values.back().size(), 255));
    m_shift.fill(quint8(m_window));
    for (const QByteArray &v : std::as_const(m_values)) {
        for (int j = 0; j < m_window; ++j) {
            auto &shift = m_shift[static_cast<unsigned char>(v[j])];
            shift = std::min<quint8>(shift, quint8(m_window - 1 - j));
        }
    }
}

QByteArray SecretMasker::mask(const QByteArray &line) const
{
    const qsizetype size = line.size();
    if (m_values.isEmpty() || size < m_window)
        return line; // shares the data: no copy

    // Slide a window of the shortest value's length over the line. The shift table
    // never skips a position where a value starts, and every such position is compared
    // with every value, so values that overlap each other or themselves are all found.
    const auto *const data = reinterpret_cast<const unsigned char *>(line.constData());
    QVarLengthArray<Range, 8> ranges;
    for (qsizetype i = 0; i + m_window <= size;) {
        const quint8 shift = m_shift[data[i + m_window - 1]];
        if (shift) {
            i += shift;
            continue;
        }
        for (const QByteArray &value : m_values) {
            const qsizetype length = value.size();
            if (length <= size - i && std::memcmp(data + i, value.constData(), size_t(length)) == 0)
                ranges.append(Range{i, i + length});
        }
        ++i;
    }
    if (ranges.isEmpty())
        return line;

    // Ranges come sorted by start. Mask the union of overlapping or touching ones.
    QByteArray masked;
    masked.reserve(size);
    const QByteArrayView view(line);
    qsizetype copied = 0;
    qsizetype i = 0;
    while (i < ranges.size()) {
        const qsizetype begin = ranges[i].begin;
        qsizetype end = ranges[i].end;
        for (++i; i < ranges.size() && ranges[i].begin <= end; ++i)
            end = std::max(end, ranges[i].end);
        masked.append(view.sliced(copied, begin - copied));
        masked.append(kMask, sizeof kMask - 1);
        copied = end;
    }
    masked.append(view.sliced(copied));
    return masked;
}

} // namespace DeployDesk
