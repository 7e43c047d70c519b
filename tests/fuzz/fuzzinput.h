#pragma once

// Helpers shared by the fuzz targets: reading structured input from libFuzzer's bytes,
// and a check that aborts (libFuzzer then keeps the input as a crash) with a message.

#include <QByteArray>
#include <QByteArrayView>

#include <algorithm>
#include <cstdio>
#include <cstdlib>

namespace DeployDesk::Fuzz {

// Reports a broken property of the code under test and aborts.
#define DD_FUZZ_CHECK(condition)                                                                   \
    do {                                                                                           \
        if (!(condition)) {                                                                        \
            std::fprintf(stderr, "%s:%d: fuzz check failed: %s\n", __FILE__, __LINE__,             \
                         #condition);                                                              \
            std::abort();                                                                          \
        }                                                                                          \
    } while (false)

// Consumes the input from the front: single bytes for choices, the rest as data.
class Input final
{
public:
    Input(const uint8_t *data, size_t size)
        : m_bytes(reinterpret_cast<const char *>(data), qsizetype(size))
    {}
    bool atEnd() const { return m_bytes.isEmpty(); }
    // The next byte (0 when none is left).
    quint8 byte()
    {
        if (m_bytes.isEmpty())
            return 0;
        const auto b = quint8(m_bytes.front());
        m_bytes = m_bytes.sliced(1);
        return b;
    }
    // The bytes up to `separator` (not included; it is consumed), or all that is left.
    QByteArrayView until(char separator)
    {
        const qsizetype at = m_bytes.indexOf(separator);
        const QByteArrayView part = at < 0 ? m_bytes : m_bytes.first(at);
        m_bytes = at < 0 ? QByteArrayView() : m_bytes.sliced(at + 1);
        return part;
    }
    QByteArrayView rest()
    {
        const QByteArrayView all = m_bytes;
        m_bytes = {};
        return all;
    }

private:
    QByteArrayView m_bytes;
};

// Cuts `bytes` into chunks whose sizes come from `sizes` (1..16 each, repeated): the same
// bytes fed in pieces, as a process's output arrives.
template<typename Visit> void forEachChunk(QByteArrayView bytes, quint8 seed, Visit &&visit)
{
    unsigned state = seed | 1u;
    while (!bytes.isEmpty()) {
        state = state * 1103515245u + 12345u;
        const qsizetype n = std::min<qsizetype>(bytes.size(), 1 + qsizetype((state >> 16) % 16));
        visit(bytes.first(n));
        bytes = bytes.sliced(n);
    }
}

} // namespace DeployDesk::Fuzz
