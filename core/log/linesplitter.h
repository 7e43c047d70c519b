#pragma once

#include <QByteArray>
#include <QByteArrayView>

#include <functional>

namespace DeployDesk {

// Splits one stream's bytes into lines. Keeps a partial line across feeds, drops the
// "\n" or "\r\n" terminator, and cuts a line longer than maxLineBytes into pieces of
// that size (so a runaway line cannot exhaust memory).
class LineSplitter final
{
public:
    using LineCallback = std::function<void(QByteArrayView line)>;
    // `continues`: `line` is a piece of a longer line, and the next piece follows.
    using PieceCallback = std::function<void(QByteArrayView line, bool continues)>;
    static constexpr qsizetype kDefaultMaxLineBytes = 8 * 1024 * 1024;

    explicit LineSplitter(qsizetype maxLineBytes = kDefaultMaxLineBytes);

    void feed(QByteArrayView chunk, const LineCallback &onLine);
    void feed(QByteArrayView chunk, const PieceCallback &onPiece);
    // Emits the partial line, if any (end of stream).
    void finish(const LineCallback &onLine);
    void finish(const PieceCallback &onPiece);
    bool hasPartialLine() const { return !m_partial.isEmpty(); }

private:
    qsizetype m_maxLineBytes;
    QByteArray m_partial;
};

} // namespace DeployDesk
