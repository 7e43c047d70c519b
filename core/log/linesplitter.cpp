#include "log/linesplitter.h"

#include <cstring>

namespace DeployDesk {

// Invariants between feeds:
// - m_partial never holds a '\n' (so a feed only ever searches the new chunk: the
//   partial buffer is never scanned again, whatever its size);
// - m_partial holds at most m_maxLineBytes bytes, plus one trailing '\r' that may turn
//   out to be the first half of a "\r\n" terminator split across two feeds.
// Lines wholly inside a chunk are passed to the callback as views into the chunk.

namespace {

constexpr qsizetype kKeepCapacityBytes = 1024 * 1024;

void emitPieces(QByteArrayView content, qsizetype maxLineBytes,
                const LineSplitter::PieceCallback &onLine)
{
    while (content.size() > maxLineBytes) {
        onLine(content.first(maxLineBytes), true);
        content = content.sliced(maxLineBytes);
    }
    onLine(content, false);
}

} // namespace

LineSplitter::LineSplitter(qsizetype maxLineBytes)
    : m_maxLineBytes(maxLineBytes > 0 ? maxLineBytes : kDefaultMaxLineBytes)
{}

void LineSplitter::feed(QByteArrayView chunk, const LineCallback &onLine)
{
    feed(chunk, PieceCallback([&onLine](QByteArrayView line, bool) { onLine(line); }));
}

void LineSplitter::feed(QByteArrayView chunk, const PieceCallback &onLine)
{
    const char *const data = chunk.data();
    const qsizetype size = chunk.size();
    qsizetype pos = 0;

    auto clearPartial = [this] {
        if (m_partial.capacity() > kKeepCapacityBytes)
            m_partial.clear(); // give a runaway line's memory back
        else
            m_partial.truncate(0);
    };

    while (pos < size) {
        const void *hit = std::memchr(data + pos, '\n', size_t(size - pos));
        if (!hit) {
            // No terminator: the rest is (part of) a partial line.
            QByteArrayView rest = chunk.sliced(pos);
            for (;;) {
                if (m_partial.size() > m_maxLineBytes) {
                    // A full piece plus a '\r' that more content shows to be data.
                    onLine(QByteArrayView(m_partial).first(m_maxLineBytes), true);
                    m_partial.remove(0, m_maxLineBytes);
                }
                const qsizetype room = m_maxLineBytes - m_partial.size();
                if (rest.size() <= room || (rest.size() == room + 1 && rest.back() == '\r')) {
                    m_partial.append(rest);
                    break;
                }
                // More than a piece is known to be content: emit a piece now.
                if (m_partial.isEmpty()) {
                    onLine(rest.first(m_maxLineBytes), true);
                    rest = rest.sliced(m_maxLineBytes);
                } else {
                    m_partial.append(rest.first(room));
                    onLine(m_partial, true);
                    clearPartial();
                    rest = rest.sliced(room);
                }
            }
            return;
        }

        const qsizetype eol = static_cast<const char *>(hit) - data;
        QByteArrayView line = chunk.sliced(pos, eol - pos);
        pos = eol + 1;

        if (m_partial.isEmpty()) {
            if (line.endsWith('\r'))
                line.chop(1);
            emitPieces(line, m_maxLineBytes, onLine);
            continue;
        }

        // The line started in an earlier chunk.
        if (!line.isEmpty()) {
            if (line.back() == '\r')
                line.chop(1);
        } else if (m_partial.endsWith('\r')) {
            m_partial.chop(1); // "\r" | "\n" split across two feeds
        }
        if (m_partial.size() > m_maxLineBytes) {
            onLine(QByteArrayView(m_partial).first(m_maxLineBytes), true);
            m_partial.remove(0, m_maxLineBytes);
        }
        if (m_partial.size() + line.size() <= m_maxLineBytes) {
            m_partial.append(line);
            onLine(m_partial, false);
            clearPartial();
            continue;
        }
        const qsizetype room = m_maxLineBytes - m_partial.size();
        m_partial.append(line.first(room));
        onLine(m_partial, true);
        clearPartial();
        emitPieces(line.sliced(room), m_maxLineBytes, onLine);
    }
}

void LineSplitter::finish(const LineCallback &onLine)
{
    finish(PieceCallback([&onLine](QByteArrayView line, bool) { onLine(line); }));
}

void LineSplitter::finish(const PieceCallback &onLine)
{
    if (m_partial.isEmpty())
        return;
    // An unterminated trailing '\r' is data: no "\n" followed it.
    emitPieces(m_partial, m_maxLineBytes, onLine);
    m_partial.clear();
}

} // namespace DeployDesk
