#include "log/secretmasker.h"

#include "log/ansiparser.h"
#include "log/utf8.h"

#include <algorithm>
#include <cstring>
#include <optional>

namespace DeployDesk {

namespace {

constexpr char kEsc = '\x1b';
// What safeCut() keeps back at most (or four times the longest value, if more).
constexpr qsizetype kMaxCarryBytes = 64 * 1024;

bool hasEscape(QByteArrayView bytes)
{
    return !bytes.isEmpty() && std::memchr(bytes.data(), kEsc, size_t(bytes.size()));
}

// A complete CSI sequence (colours, erase, cursor): kept when it falls inside a mask.
bool isCsi(QByteArrayView sequence)
{
    if (sequence.size() < 3 || sequence[1] != '[')
        return false;
    const auto last = quint8(sequence.back());
    return last >= 0x40 && last <= 0x7e;
}

// `ranges` sorted by start: merges the overlapping and touching ones.
template<typename Ranges> void mergeSorted(Ranges &ranges)
{
    qsizetype kept = 0;
    for (qsizetype i = 0; i < ranges.size(); ++i) {
        if (kept > 0 && ranges[i].begin <= ranges[kept - 1].end)
            ranges[kept - 1].end = std::max(ranges[kept - 1].end, ranges[i].end);
        else
            ranges[kept++] = ranges[i];
    }
    ranges.resize(kept);
}

// A mask covers whole UTF-8 characters. A value that is not UTF-8 by itself (a binary
// secret) can start or end inside a character of the line, and the bytes of that
// character left beside "***" would be invalid UTF-8 in a stored line and a U+FFFD in
// text (fuzz_secretmasker, finding 12). `ranges` sorted and merged; stays so.
template<typename Ranges> void widenToCharacters(QByteArrayView line, Ranges &ranges)
{
    const auto continuation = [&line](qsizetype i) { return (quint8(line[i]) & 0xC0) == 0x80; };
    bool widened = false;
    for (auto &r : ranges) {
        qsizetype begin = r.begin;
        while (begin > 0 && r.begin - begin < 3 && continuation(begin))
            --begin;
        if (begin < r.begin && quint8(line[begin]) >= 0xC0) {
            r.begin = begin;
            widened = true;
        }
        while (r.end < line.size() && continuation(r.end)) {
            ++r.end;
            widened = true;
        }
    }
    if (widened)
        mergeSorted(ranges);
}

} // namespace

// What a reader sees of a line: its bytes without the escape sequences, which are cut
// exactly as AnsiParser::strip() (and so the log viewer) cuts them.
struct SecretMasker::Visible
{
    struct Run // bytes shown: where they start in the line and in `text`
    {
        qsizetype raw = 0;
        qsizetype visible = 0;
    };
    struct Hidden // an escape sequence
    {
        qsizetype raw = 0;
        qsizetype length = 0;
    };

    explicit Visible(QByteArrayView line)
    {
        const qsizetype size = line.size();
        qsizetype pos = 0;
        while (pos < size) {
            const void *hit = std::memchr(line.data() + pos, kEsc, size_t(size - pos));
            const qsizetype esc = hit ? static_cast<const char *>(hit) - line.data() : size;
            if (esc > pos) {
                runs.append(Run{pos, text.size()});
                text.append(line.data() + pos, esc - pos);
            }
            if (!hit)
                break;
            const qsizetype length = AnsiParser::hiddenLength(line.sliced(esc));
            hidden.append(Hidden{esc, length});
            pos = esc + length;
        }
    }

    // Where the shown byte `v` (0 <= v < text.size()) is in the line.
    qsizetype rawOf(qsizetype v) const
    {
        const auto after = std::upper_bound(
            runs.cbegin(), runs.cend(), v, [](qsizetype x, const Run &r) { return x < r.visible; });
        const Run &run = *(after - 1); // runs[0].visible == 0 <= v
        return run.raw + (v - run.visible);
    }

    QVarLengthArray<char, 512> text; // on the stack for ordinary lines
    QVarLengthArray<Run, 16> runs;
    QVarLengthArray<Hidden, 16> hidden;
};

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

void SecretMasker::find(const char *bytes, qsizetype size, Ranges &ranges) const
{
    if (m_values.isEmpty() || size < m_window)
        return;
    // Slide a window of the shortest value's length over the bytes. The shift table
    // never skips a position where a value starts, and every such position is compared
    // with every value, so values that overlap each other or themselves are all found.
    const auto *const data = reinterpret_cast<const unsigned char *>(bytes);
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
}

SecretMasker::Ranges SecretMasker::spans(QByteArrayView line, const Visible *visible) const
{
    Ranges ranges;
    find(line.data(), line.size(), ranges); // also inside escape sequences (OSC titles)
    if (visible) {
        // What the reader sees: a value split by escape sequences. Merge in the shown
        // text first (touching there is touching for the reader), then map each union to
        // the bytes from its first to its last shown byte.
        Ranges shown;
        find(visible->text.data(), visible->text.size(), shown);
        mergeSorted(shown);
        const qsizetype direct = ranges.size();
        for (const Range &r : std::as_const(shown))
            ranges.append(Range{visible->rawOf(r.begin), visible->rawOf(r.end - 1) + 1});
        if (direct > 0 && !shown.isEmpty()) {
            std::inplace_merge(ranges.begin(), ranges.begin() + direct, ranges.end(),
                               [](const Range &a, const Range &b) { return a.begin < b.begin; });
        }
    }
    mergeSorted(ranges); // ranges come sorted by start
    widenToCharacters(line, ranges);
    if (visible && !visible->hidden.isEmpty())
        takeWholeSequences(line, *visible, ranges);
    return ranges;
}

void SecretMasker::takeWholeSequences(QByteArrayView line, const Visible &visible, Ranges &ranges)
{
    // A mask must not change how the rest of the line is cut into text and escape
    // sequences: a value holding an ESC takes the start of a sequence and the text that
    // sequence hid shows; "***" after an ESC whose sequence a value ended becomes part of
    // a new one, and the text after it shows (fuzz_secretmasker, findings 2, 6 and 7).
    // So a range that takes part of a sequence takes all of it — except a range inside
    // the text of a string sequence (OSC, DCS, APC, PM, SOS), which stays a string when
    // masked (a value in a window title). Then what is not masked reads as before, on the
    // whole line and on each piece of a long one (safeCut()).
    const auto &hidden = visible.hidden;
    const auto insideString = [&line](const Visible::Hidden &h, const Range &r) {
        const qsizetype end = h.raw + h.length;
        if (h.length < 2 || !QByteArrayView("]P_^X").contains(line[h.raw + 1]))
            return false;
        qsizetype contentEnd = end; // cut off: no terminator
        if (line[end - 1] == '\a')
            contentEnd = end - 1;
        else if (h.length >= 4 && line[end - 1] == '\\' && line[end - 2] == kEsc)
            contentEnd = end - 2;
        return r.begin >= h.raw + 2 && r.end <= contentEnd;
    };
    for (bool grown = true; grown;) {
        grown = false;
        for (Range &r : ranges) {
            auto h = std::lower_bound(
                hidden.cbegin(), hidden.cend(), r.begin,
                [](const Visible::Hidden &x, qsizetype at) { return x.raw + x.length <= at; });
            for (; h != hidden.cend() && h->raw < r.end; ++h) {
                const qsizetype end = h->raw + h->length;
                if ((h->raw >= r.begin && end <= r.end) || insideString(*h, r))
                    continue;
                r.begin = std::min(r.begin, h->raw);
                r.end = std::max(r.end, end);
                grown = true;
            }
        }
        if (grown) {
            std::sort(ranges.begin(), ranges.end(),
                      [](const Range &a, const Range &b) { return a.begin < b.begin; });
            mergeSorted(ranges);
        }
    }
}

QByteArray SecretMasker::mask(const QByteArray &line) const
{
    QByteArray masked;
    return mask(QByteArrayView(line), &masked) ? masked : line; // shares the data: no copy
}

bool SecretMasker::mask(QByteArrayView line, QByteArray *masked) const
{
    const qsizetype size = line.size();
    if (m_values.isEmpty() || size < m_window)
        return false;
    if (hasEscape(line)) {
        const QByteArray whole = line.toByteArray();
        QByteArray result = maskEscaped(whole);
        if (result == whole)
            return false;
        *masked = std::move(result);
        return true;
    }
    // Most lines have no escape sequence: match the bytes as they are.
    Ranges ranges;
    find(line.data(), size, ranges);
    if (ranges.isEmpty())
        return false;
    mergeSorted(ranges);
    widenToCharacters(line, ranges);
    *masked = replace(line, ranges, nullptr);
    return true;
}

QByteArray SecretMasker::maskEscaped(const QByteArray &line) const
{
    // A mask can change how the escape sequences after it are cut: a value that holds an
    // ESC takes the start of a sequence with it, and the text that sequence hid shows
    // (found by fuzz_secretmasker). So what the masked line shows is masked again, until
    // nothing changes. A pass only puts "***" in place of at least as many bytes and drops
    // sequences, so the line never grows; lines without a value take one pass as before.
    constexpr int kMaxPasses = 8;
    QByteArray current = line;
    for (int pass = 0; pass < kMaxPasses; ++pass) {
        std::optional<Visible> visible;
        if (pass == 0 || hasEscape(current))
            visible.emplace(current);
        const Visible *shown = visible ? &*visible : nullptr;
        const Ranges ranges = spans(current, shown);
        if (ranges.isEmpty())
            break;
        QByteArray masked = replace(current, ranges, shown);
        if (masked == current)
            break;
        current = std::move(masked);
    }
    return current;
}

QByteArray SecretMasker::replace(QByteArrayView line, const Ranges &ranges,
                                 const Visible *visible) const
{
    QByteArray masked;
    masked.reserve(line.size());
    qsizetype copied = 0;
    qsizetype next = 0; // the first escape sequence not yet passed
    const qsizetype longest = m_values.isEmpty() ? 0 : m_values.front().size();
    for (const Range &r : ranges) {
        masked.append(line.sliced(copied, r.begin - copied));
        masked.append(kMask, sizeof kMask - 1);
        if (visible) {
            // Keep the colours set inside the mask, so the text after it looks the same —
            // unless a sequence holds a value itself (a value that is a whole CSI
            // sequence came back after its own mask; found by fuzz_secretmasker), or the
            // sequences kept and the text after the mask make one up together (a value
            // "\x1b[1m" + "e" came back before every "e" that followed, finding 11).
            QByteArray kept;
            const auto &hidden = visible->hidden;
            while (next < hidden.size() && hidden[next].raw < r.begin)
                ++next;
            for (; next < hidden.size() && hidden[next].raw < r.end; ++next) {
                const QByteArrayView sequence = line.sliced(hidden[next].raw, hidden[next].length);
                if (hidden[next].raw + hidden[next].length > r.end || !isCsi(sequence))
                    continue;
                Ranges inside;
                find(sequence.data(), sequence.size(), inside);
                if (inside.isEmpty())
                    kept.append(sequence);
            }
            if (!kept.isEmpty()) {
                const qsizetype keptSize = kept.size();
                const qsizetype after = line.size() - r.end;
                kept.append(
                    line.sliced(r.end).first(std::min(after, std::max<qsizetype>(longest - 1, 0))));
                Ranges across;
                find(kept.constData(), kept.size(), across);
                // When the line ends that soon it may be a piece of a longer one
                // (safeCut()): what the next piece brings can finish a value begun in the
                // kept sequences (`\x1b[m` before the cut, "ee" after it: the value "mee",
                // finding 13).
                const bool remade =
                    std::any_of(across.cbegin(), across.cend(),
                                [&](const Range &a) { return a.begin < keptSize; }) ||
                    (after < longest - 1 && startsValue(kept, keptSize));
                if (!remade)
                    masked.append(kept.constData(), keptSize);
            }
        }
        copied = r.end;
    }
    masked.append(line.sliced(copied));
    return masked;
}

bool SecretMasker::startsValue(QByteArrayView bytes, qsizetype before) const
{
    for (qsizetype from = std::max<qsizetype>(0, bytes.size() - longestValue() + 1); from < before;
         ++from) {
        const QByteArrayView tail = bytes.sliced(from);
        for (const QByteArray &value : m_values) {
            if (value.size() > tail.size() && QByteArrayView(value).startsWith(tail))
                return true;
        }
    }
    return false;
}

QString SecretMasker::maskText(const QString &text) const
{
    if (m_values.isEmpty() || text.isEmpty())
        return text;
    const QByteArray utf8 = text.toUtf8();
    const QByteArray masked = mask(utf8);
    return masked.constData() == utf8.constData() ? text : Internal::decodeUtf8(masked);
}

qsizetype SecretMasker::safeCut(QByteArrayView piece) const
{
    const qsizetype size = piece.size();
    // A character cut by the end of the piece is completed by the next one.
    qsizetype cut = size - Internal::incompleteUtf8Suffix(piece);
    if (m_values.isEmpty())
        return cut;

    // A value that continues after the piece starts in its last (longest - 1) shown
    // bytes; what follows them (escape sequences, maybe cut off) goes along.
    const qsizetype keep = longestValue() - 1;
    std::optional<Visible> visible;
    if (hasEscape(piece))
        visible.emplace(piece);
    const qsizetype shown = visible ? visible->text.size() : size;
    if (shown < keep)
        cut = 0;
    else
        cut = std::min(cut, visible ? visible->rawOf(shown - keep) : size - keep);
    while (cut > 0 && cut < size && (quint8(piece[cut]) & 0xc0) == 0x80)
        --cut; // not inside a character

    // A value found across the cut (or ending at it, which may touch the next) goes
    // along whole: with the rest it may be part of a longer masked span.
    const qsizetype maxCarry = std::max(kMaxCarryBytes, 4 * longestValue());
    for (const Range &r : spans(piece, visible ? &*visible : nullptr)) {
        if (r.begin >= cut)
            break;
        if (cut <= r.end) {
            cut = size - r.begin <= maxCarry ? r.begin : r.end;
            break;
        }
    }
    if (size - cut > maxCarry) { // bounded memory wins over a value cut in runaway output
        cut = size - maxCarry;
        while (cut > 0 && (quint8(piece[cut]) & 0xc0) == 0x80)
            --cut;
    }
    return cut;
}

} // namespace DeployDesk
