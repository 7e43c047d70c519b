#include "log/ansiparser.h"

#include "log/utf8.h"

#include <QVarLengthArray>

#include <algorithm>
#include <cstring>

namespace DeployDesk {

namespace {

constexpr char kEsc = '\x1b';
// A sequence that has not ended after this many bytes is dropped, so a stray ESC
// cannot make the parser buffer (and hide) output forever.
constexpr qsizetype kMaxSequenceBytes = 256;
constexpr int kTrueColour = 0x1000000;

enum class ScanKind {
    Complete,   // a whole sequence of `length` bytes
    Incomplete, // the data ends inside a sequence
    Abort,      // an invalid byte at `length`: drop the bytes before it
    TooLong,    // no end within kMaxSequenceBytes: drop that many bytes
};

struct Scan
{
    ScanKind kind = ScanKind::Incomplete;
    qsizetype length = 0;
};

bool isStringIntroducer(unsigned char c)
{
    // OSC, DCS, SOS, PM, APC: strings ended by ST (ESC \); OSC also by BEL.
    return c == ']' || c == 'P' || c == 'X' || c == '^' || c == '_';
}

// `data` starts with ESC. Decides where the sequence ends; the decision does not depend
// on how the bytes were chunked, as long as `data` holds every byte seen so far.
Scan scanSequence(QByteArrayView data)
{
    const qsizetype size = data.size();
    const auto at = [&](qsizetype i) { return static_cast<unsigned char>(data[i]); };
    if (size < 2)
        return {ScanKind::Incomplete, 0};
    const unsigned char kind = at(1);

    if (kind == '[') { // CSI: parameters and intermediates 0x20-0x3F, final 0x40-0x7E
        for (qsizetype i = 2;; ++i) {
            if (i >= kMaxSequenceBytes)
                return {ScanKind::TooLong, kMaxSequenceBytes};
            if (i == size)
                return {ScanKind::Incomplete, 0};
            const unsigned char c = at(i);
            if (c >= 0x40 && c <= 0x7E)
                return {ScanKind::Complete, i + 1};
            if (c < 0x20 || c > 0x3F)
                return {ScanKind::Abort, i};
        }
    }
    if (isStringIntroducer(kind)) {
        for (qsizetype i = 2;; ++i) {
            if (i >= kMaxSequenceBytes)
                return {ScanKind::TooLong, kMaxSequenceBytes};
            if (i == size)
                return {ScanKind::Incomplete, 0};
            const unsigned char c = at(i);
            if (c == 0x07 && kind == ']')
                return {ScanKind::Complete, i + 1};
            if (c == kEsc) {
                if (i + 1 >= kMaxSequenceBytes)
                    return {ScanKind::TooLong, kMaxSequenceBytes};
                if (i + 1 == size)
                    return {ScanKind::Incomplete, 0};
                if (at(i + 1) == '\\')
                    return {ScanKind::Complete, i + 2};
                return {ScanKind::Abort, i}; // this ESC starts the next sequence
            }
            if (c < 0x20 && c != '\t')
                return {ScanKind::Abort, i};
        }
    }
    if (kind >= 0x20 && kind <= 0x2F) { // nF, e.g. ESC ( B: intermediates, then final
        for (qsizetype i = 2;; ++i) {
            if (i >= kMaxSequenceBytes)
                return {ScanKind::TooLong, kMaxSequenceBytes};
            if (i == size)
                return {ScanKind::Incomplete, 0};
            const unsigned char c = at(i);
            if (c >= 0x30 && c <= 0x7E)
                return {ScanKind::Complete, i + 1};
            if (c < 0x20 || c > 0x2F)
                return {ScanKind::Abort, i};
        }
    }
    if (kind >= 0x30 && kind <= 0x7E) // two-byte sequences: ESC 7, ESC =, ESC M ...
        return {ScanKind::Complete, 2};
    return {ScanKind::Abort, 1};
}

struct SgrParam
{
    int values[6] = {};
    int count = 0; // sub-parameters separated by ':'
};

int colourFromParams(const int *values, int count, int &consumed)
{
    // values[0] is 5 (palette index follows) or 2 (r, g, b follow). Returns -2 if invalid.
    if (count >= 2 && values[0] == 5) {
        consumed = 2;
        return values[1] <= 255 ? values[1] : -2;
    }
    if (count >= 4 && values[0] == 2) {
        consumed = 4;
        if (values[1] > 255 || values[2] > 255 || values[3] > 255)
            return -2;
        return kTrueColour | (values[1] << 16) | (values[2] << 8) | values[3];
    }
    consumed = count;
    return -2;
}

void applyCode(TextStyle &style, int code)
{
    switch (code) {
    case 0:
        style = TextStyle();
        break;
    case 1:
        style.bold = true;
        break;
    case 2:
        style.faint = true;
        break;
    case 3:
        style.italic = true;
        break;
    case 4:
        style.underline = true;
        break;
    case 7:
        style.inverse = true;
        break;
    case 22:
        style.bold = style.faint = false;
        break;
    case 23:
        style.italic = false;
        break;
    case 24:
        style.underline = false;
        break;
    case 27:
        style.inverse = false;
        break;
    case 39:
        style.foreground = -1;
        break;
    case 49:
        style.background = -1;
        break;
    default:
        if (code >= 30 && code <= 37)
            style.foreground = code - 30;
        else if (code >= 40 && code <= 47)
            style.background = code - 40;
        else if (code >= 90 && code <= 97)
            style.foreground = code - 90 + 8;
        else if (code >= 100 && code <= 107)
            style.background = code - 100 + 8;
        break; // blink, strike-through ...: not shown
    }
}

// `params` is what lies between "ESC [" and "m": digits, ';' and ':' only.
void applySgr(TextStyle &style, QByteArrayView params)
{
    QVarLengthArray<SgrParam, 16> list(1);
    for (const char c : params) {
        SgrParam &param = list.back();
        if (c == ';') {
            list.append(SgrParam());
        } else if (c == ':') {
            if (param.count == 0)
                param.count = 1; // an empty first value
            if (param.count < 6)
                ++param.count;
        } else {
            if (param.count == 0)
                param.count = 1;
            int &value = param.values[param.count - 1];
            value = std::min(value * 10 + (c - '0'), 100000);
        }
    }

    for (qsizetype i = 0; i < list.size(); ++i) {
        const SgrParam &param = list[i];
        const int code = param.values[0]; // empty means 0
        if (param.count > 1) {            // ITU T.416 form: 38:5:n, 38:2:r:g:b or 38:2:id:r:g:b
            if (code == 38 || code == 48) {
                const int *values = param.values + 1;
                int count = param.count - 1;
                if (count == 5 && values[0] == 2) { // skip the colour-space id
                    const int rgb[4] = {2, values[2], values[3], values[4]};
                    int consumed = 0;
                    const int colour = colourFromParams(rgb, 4, consumed);
                    if (colour != -2)
                        (code == 38 ? style.foreground : style.background) = colour;
                    continue;
                }
                int consumed = 0;
                const int colour = colourFromParams(values, count, consumed);
                if (colour != -2)
                    (code == 38 ? style.foreground : style.background) = colour;
            } else if (code == 4) {
                style.underline = param.values[1] != 0; // 4:0 off, 4:1..5 styles
            } else {
                applyCode(style, code);
            }
            continue;
        }
        if (code == 38 || code == 48) { // 38;5;n or 38;2;r;g;b
            int values[4] = {};
            int count = 0;
            for (qsizetype j = i + 1; j < list.size() && count < 4; ++j)
                values[count++] = list[j].values[0];
            int consumed = 0;
            const int colour = colourFromParams(values, count, consumed);
            if (colour == -2)
                return; // malformed: ignore the rest, as terminals do
            (code == 38 ? style.foreground : style.background) = colour;
            i += consumed;
            continue;
        }
        applyCode(style, code);
    }
}

void applySequence(TextStyle &style, QByteArrayView sequence)
{
    if (sequence.size() < 3 || sequence[1] != '[' || sequence.back() != 'm')
        return;
    const QByteArrayView params = sequence.sliced(2, sequence.size() - 3);
    for (const char c : params) {
        if (!((c >= '0' && c <= '9') || c == ';' || c == ':'))
            return; // private ("ESC [ > 4 m") or with intermediates: not SGR
    }
    applySgr(style, params);
}

} // namespace

void AnsiParser::reset()
{
    m_style = TextStyle();
    m_pending.clear();
    m_utf8Tail.clear();
}

AnsiParser::Output AnsiParser::feed(QByteArrayView bytes)
{
    Output out;
    out.text.reserve(bytes.size() + m_utf8Tail.size());

    const auto appendText = [&](QByteArrayView segment, bool atEnd) {
        QByteArray joined;
        if (!m_utf8Tail.isEmpty()) {
            joined = m_utf8Tail;
            joined.append(segment);
            segment = joined;
            m_utf8Tail.clear();
        }
        if (atEnd) { // keep a character cut by the chunk boundary for the next feed
            const qsizetype tail = Internal::incompleteUtf8Suffix(segment);
            if (tail > 0) {
                m_utf8Tail = segment.last(tail).toByteArray();
                segment.chop(tail);
            }
        }
        if (segment.isEmpty())
            return;
        const qsizetype start = out.text.size();
        out.text.append(Internal::decodeUtf8(segment));
        const int added = int(out.text.size() - start);
        if (!out.spans.isEmpty() && out.spans.back().style == m_style)
            out.spans.back().length += added;
        else
            out.spans.append(StyledSpan{int(start), added, m_style});
    };

    const qsizetype size = bytes.size();
    qsizetype pos = 0;

    // Complete the sequence the previous chunk ended in.
    while (!m_pending.isEmpty()) {
        const qsizetype held = m_pending.size();
        const qsizetype take = std::min(size - pos, kMaxSequenceBytes - held);
        QByteArray joined = m_pending;
        joined.append(bytes.sliced(pos, take));
        const Scan scan = scanSequence(joined);
        if (scan.kind == ScanKind::Incomplete) {
            m_pending = joined; // shorter than the limit, so it took the whole chunk
            return out;
        }
        if (scan.kind == ScanKind::Complete)
            applySequence(m_style, QByteArrayView(joined).first(scan.length));
        if (scan.length >= held) {
            pos += scan.length - held;
            m_pending.clear();
        } else {
            m_pending.remove(0, scan.length); // an ESC that starts the next sequence
        }
    }

    while (pos < size) {
        const void *hit = std::memchr(bytes.data() + pos, kEsc, size_t(size - pos));
        const qsizetype esc = hit ? static_cast<const char *>(hit) - bytes.data() : size;
        if (esc > pos || !m_utf8Tail.isEmpty())
            appendText(bytes.sliced(pos, esc - pos), !hit);
        if (!hit)
            break;
        const Scan scan = scanSequence(bytes.sliced(esc));
        if (scan.kind == ScanKind::Incomplete) {
            m_pending = bytes.sliced(esc).toByteArray();
            break;
        }
        if (scan.kind == ScanKind::Complete)
            applySequence(m_style, bytes.sliced(esc, scan.length));
        pos = esc + scan.length;
    }
    return out;
}

qsizetype AnsiParser::hiddenLength(QByteArrayView bytes)
{
    if (bytes.isEmpty() || bytes.front() != kEsc)
        return 0;
    const Scan scan = scanSequence(bytes);
    // Cut off at the end: all of it, as feed() shows nothing for it.
    return scan.kind == ScanKind::Incomplete ? bytes.size() : scan.length;
}

QByteArray AnsiParser::strip(QByteArrayView bytes)
{
    const qsizetype size = bytes.size();
    if (size == 0) // an empty view may have no data (memchr must not get a null pointer)
        return {};
    const void *first = std::memchr(bytes.data(), kEsc, size_t(size));
    if (!first)
        return bytes.toByteArray();

    QByteArray out;
    out.reserve(size);
    qsizetype pos = 0;
    while (pos < size) {
        const void *hit = std::memchr(bytes.data() + pos, kEsc, size_t(size - pos));
        const qsizetype esc = hit ? static_cast<const char *>(hit) - bytes.data() : size;
        out.append(bytes.sliced(pos, esc - pos));
        if (!hit)
            break;
        pos = esc + hiddenLength(bytes.sliced(esc));
    }
    return out;
}

namespace {

bool isSgr(QByteArrayView sequence)
{
    // ESC [ params m, with only digits, ';' and ':' as parameters.
    if (sequence.size() < 3 || sequence[1] != '[' || sequence.back() != 'm')
        return false;
    for (qsizetype i = 2; i + 1 < sequence.size(); ++i) {
        const char c = sequence[i];
        if (!((c >= '0' && c <= '9') || c == ';' || c == ':'))
            return false;
    }
    return true;
}

// Text between escape sequences, with its control characters made visible.
void appendVisible(QByteArray &out, QByteArrayView text)
{
    const QString decoded = Internal::decodeUtf8(text);
    QString shown;
    shown.reserve(decoded.size());
    for (const QChar c : decoded) {
        const char16_t u = c.unicode();
        if ((u < 0x20 && u != u'\t' && u != u'\n') || u == 0x7F) {
            shown += u'^';
            shown += u == 0x7F ? u'?' : QChar(char16_t(u + 0x40));
        } else if (u >= 0x80 && u <= 0x9F) {
            shown += QStringLiteral("<U+%1>").arg(int(u), 4, 16, QLatin1Char('0')).toUpper();
        } else {
            shown += c;
        }
    }
    out.append(shown.toUtf8());
}

} // namespace

QByteArray AnsiParser::forTerminal(QByteArrayView bytes)
{
    QByteArray out;
    out.reserve(bytes.size() + 16);
    const qsizetype size = bytes.size();
    qsizetype pos = 0;
    while (pos < size) {
        const void *hit = std::memchr(bytes.data() + pos, kEsc, size_t(size - pos));
        const qsizetype esc = hit ? static_cast<const char *>(hit) - bytes.data() : size;
        appendVisible(out, bytes.sliced(pos, esc - pos));
        if (!hit)
            break;
        const Scan scan = scanSequence(bytes.sliced(esc));
        if (scan.kind == ScanKind::Complete) {
            const QByteArrayView sequence = bytes.sliced(esc, scan.length);
            if (isSgr(sequence)) {
                out.append(sequence);
                pos = esc + scan.length;
                continue;
            }
            // "Erase to the end of the line" (ESC [ K), which grep and gcc send after every
            // colour change: dropped quietly, as shown in carets it would clutter every line.
            if (sequence == "\x1b[K" || sequence == "\x1b[0K") {
                pos = esc + scan.length;
                continue;
            }
        }
        // Anything else: the ESC becomes "^[" and the rest of the sequence is shown as the
        // text it is (its own control characters made visible in turn).
        out.append("^[");
        pos = esc + 1;
    }
    return out;
}

} // namespace DeployDesk
