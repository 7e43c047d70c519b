#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>

namespace DeployDesk {

// The SGR state a span of text is drawn with. Colours: -1 default, 0..15 the ANSI and
// bright palette, 16..255 the xterm palette, or 0x1000000 | 0xRRGGBB for true colour.
struct TextStyle
{
    int foreground = -1;
    int background = -1;
    bool bold = false;
    bool faint = false;
    bool italic = false;
    bool underline = false;
    bool inverse = false;
    friend bool operator==(const TextStyle &, const TextStyle &) = default;
};

struct StyledSpan
{
    int start = 0; // in QChar units of AnsiParser::Output::text
    int length = 0;
    TextStyle style;
};

// A stateful ANSI escape parser for one stream (as in Qt Creator's handler): SGR state
// carries over from one feed to the next, and an escape sequence cut by a chunk
// boundary is kept until the rest arrives. Non-SGR sequences (cursor moves, OSC
// titles) are removed from the text.
class AnsiParser final
{
public:
    struct Output
    {
        QString text;            // plain text, no escapes
        QList<StyledSpan> spans; // covers text; adjacent spans differ in style
    };

    Output feed(QByteArrayView bytes);
    void reset();
    TextStyle currentStyle() const { return m_style; }

    // Stateless: removes every complete escape sequence (for search and plain export).
    static QByteArray strip(QByteArrayView bytes);
    // Stateless: what may be written to a terminal. SGR sequences (colours, bold, ...) are
    // kept as they are; every other escape sequence (OSC titles and clipboard writes, DCS,
    // screen clearing, cursor moves) and every other control character but tab and newline
    // is neutralised and shown as text in caret notation (ESC as "^[", BEL as "^G"); C1
    // controls (U+0080-U+009F) as "<U+009B>"; bytes that are not UTF-8 as U+FFFD. The
    // erase-to-end-of-line that grep and gcc send with colours (ESC [ K) is dropped.
    static QByteArray forTerminal(QByteArrayView bytes);
    // `bytes` starts with ESC: how many bytes from there strip() removes (a whole
    // sequence, the bytes before an invalid one, or everything when it is cut off at the
    // end). What is left is what a reader sees (the secret masker matches on it).
    static qsizetype hiddenLength(QByteArrayView bytes);

private:
    TextStyle m_style;
    QByteArray m_pending;  // an incomplete escape sequence from the previous feed
    QByteArray m_utf8Tail; // an incomplete UTF-8 character from the previous feed
};

} // namespace DeployDesk
