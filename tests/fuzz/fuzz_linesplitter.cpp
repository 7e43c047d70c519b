// The line splitter (core/log/linesplitter.cpp) fed a stream in random chunks.
// Input: byte 0 picks the maximum line length (1..64 bytes, or the default), byte 1 the
// chunk sizes; the rest is the stream. Properties: the lines are the stream split at "\n"
// with one "\r" before it dropped, whatever the chunks; a line longer than the maximum
// comes in pieces of exactly the maximum, the last one shorter or equal.

#include "fuzzinput.h"
#include "log/linesplitter.h"

#include <QList>

using namespace DeployDesk;
using namespace DeployDesk::Fuzz;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    Input input(data, size);
    const quint8 choice = input.byte();
    const qsizetype maxLine = choice < 192 ? 1 + choice % 64 : LineSplitter::kDefaultMaxLineBytes;
    const quint8 chunkSeed = input.byte();
    const QByteArrayView stream = input.rest();

    QList<QByteArray> lines;
    bool open = false; // the last line has a piece that continues
    const LineSplitter::PieceCallback onPiece = [&](QByteArrayView piece, bool continues) {
        DD_FUZZ_CHECK(piece.size() <= maxLine);
        if (continues)
            DD_FUZZ_CHECK(piece.size() == maxLine);
        if (open)
            lines.back().append(piece);
        else
            lines.append(piece.toByteArray());
        open = continues;
    };
    LineSplitter splitter(maxLine);
    forEachChunk(stream, chunkSeed, [&](QByteArrayView chunk) { splitter.feed(chunk, onPiece); });
    splitter.finish(onPiece);
    DD_FUZZ_CHECK(!open);
    DD_FUZZ_CHECK(!splitter.hasPartialLine());

    QList<QByteArray> expected;
    QByteArrayView rest = stream;
    while (!rest.isEmpty()) {
        const qsizetype eol = rest.indexOf('\n');
        if (eol < 0) {
            expected.append(rest.toByteArray()); // the unterminated last line, as it is
            break;
        }
        QByteArrayView line = rest.first(eol);
        if (line.endsWith('\r'))
            line.chop(1);
        expected.append(line.toByteArray());
        rest = rest.sliced(eol + 1);
    }
    DD_FUZZ_CHECK(lines == expected);
    return 0;
}
