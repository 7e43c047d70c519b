// The ANSI parser (core/log/ansiparser.cpp) of a stage's output.
// Input: byte 0 picks the chunk sizes; the rest is the stream. Properties: the spans cover
// the text, in order, adjacent spans differ; feeding the stream in chunks gives the same
// text and the same style for every character as feeding it at once (an escape sequence
// or a UTF-8 character cut by a chunk boundary waits for its rest); the text is what
// strip() leaves, for valid UTF-8 (the secret masker matches on strip()'s text, so it
// must be what a reader sees); hiddenLength() stays within the bytes.

#include "fuzzinput.h"
#include "log/ansiparser.h"
#include "log/utf8.h"

#include <QString>

using namespace DeployDesk;
using namespace DeployDesk::Fuzz;

namespace {

void checkSpans(const AnsiParser::Output &out)
{
    int next = 0;
    for (qsizetype i = 0; i < out.spans.size(); ++i) {
        const StyledSpan &span = out.spans[i];
        DD_FUZZ_CHECK(span.start == next);
        DD_FUZZ_CHECK(span.length > 0);
        if (i > 0)
            DD_FUZZ_CHECK(!(out.spans[i - 1].style == span.style));
        next += span.length;
    }
    DD_FUZZ_CHECK(next == out.text.size());
}

// Appends one output's text and the style of each of its characters.
void append(const AnsiParser::Output &out, QString &text, QList<TextStyle> &styles)
{
    text += out.text;
    for (const StyledSpan &span : out.spans) {
        for (int i = 0; i < span.length; ++i)
            styles.append(span.style);
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    Input input(data, size);
    const quint8 chunkSeed = input.byte();
    const QByteArrayView stream = input.rest();

    AnsiParser whole;
    const AnsiParser::Output once = whole.feed(stream);
    checkSpans(once);
    QString onceText;
    QList<TextStyle> onceStyles;
    append(once, onceText, onceStyles);

    AnsiParser chunked;
    QString text;
    QList<TextStyle> styles;
    forEachChunk(stream, chunkSeed, [&](QByteArrayView chunk) {
        const AnsiParser::Output out = chunked.feed(chunk);
        checkSpans(out);
        append(out, text, styles);
    });
    DD_FUZZ_CHECK(text == onceText);
    DD_FUZZ_CHECK(styles == onceStyles);
    DD_FUZZ_CHECK(chunked.currentStyle() == whole.currentStyle());

    const QByteArray stripped = AnsiParser::strip(stream);
    DD_FUZZ_CHECK(!stripped.contains('\x1b'));
    // feed() holds back a character cut off at the end (its rest may come with the next
    // feed); the rest of the text is the stripped bytes as QString decodes them. Only for
    // valid UTF-8: an escape sequence inside a character ("\xC9\x1B\x94") leaves two
    // U+FFFD in feed() but a valid character in strip(), and a stored line is valid UTF-8.
    if (QUtf8StringView(stream).isValidUtf8() ||
        Internal::validUtf8Prefix(stream) + Internal::incompleteUtf8Suffix(stream) ==
            stream.size()) {
        const QByteArrayView complete =
            QByteArrayView(stripped).chopped(Internal::incompleteUtf8Suffix(stripped));
        DD_FUZZ_CHECK(onceText == Internal::decodeUtf8(complete));
    }

    for (qsizetype i = 0; i < stream.size(); ++i) {
        if (stream[i] == '\x1b') {
            const qsizetype hidden = AnsiParser::hiddenLength(stream.sliced(i));
            DD_FUZZ_CHECK(hidden >= 1 && hidden <= stream.size() - i);
        }
    }
    return 0;
}
