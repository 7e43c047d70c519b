// The secret masker (core/log/secretmasker.cpp): what keeps secrets out of logs.
// Input: "value\x01value\x01...\x00line" — the secret values, then the line (a line holds
// no "\n"; a "\n" in the line part splits it into the piece fed first and the rest, as
// the log pipeline does with a long line). Properties:
// - without escape sequences, the result is the straightforward mask (every byte of
//   every occurrence of every value line of >= 3 bytes marked, widened to whole UTF-8
//   characters, each marked run -> "***");
// - with them, no value is left in what a reader sees (the text without escapes), for
//   values that cannot be made by the mask itself ('*') or by joining around it;
// - a piece cut where safeCut() says, the rest put before the next piece, leaks no value;
// - maskText() leaves no value in a QString either.

#include "fuzzinput.h"
#include "log/ansiparser.h"
#include "log/secretmasker.h"
#include "log/utf8.h"

#include <QList>
#include <QString>

using namespace DeployDesk;
using namespace DeployDesk::Fuzz;

namespace {

// The value lines the masker matches (as addSecret() splits a multi-line value).
QList<QByteArray> patterns(const QList<QByteArray> &values)
{
    QList<QByteArray> out;
    for (const QByteArray &value : values) {
        for (QByteArray pattern : value.split('\n')) {
            if (pattern.endsWith('\r'))
                pattern.chop(1);
            if (pattern.size() >= SecretMasker::kMinimumLength)
                out.append(pattern);
        }
    }
    return out;
}

QByteArray naiveMask(const QByteArray &text, const QList<QByteArray> &values)
{
    QList<bool> secret(text.size(), false);
    const auto continuation = [&text](qsizetype i) { return (quint8(text[i]) & 0xC0) == 0x80; };
    for (const QByteArray &value : values) {
        for (qsizetype at = text.indexOf(value); at >= 0; at = text.indexOf(value, at + 1)) {
            // Whole characters: back to the lead byte of a character the value starts
            // inside (up to 3 bytes), on over the continuation bytes after its end.
            qsizetype begin = at;
            while (begin > 0 && at - begin < 3 && continuation(begin))
                --begin;
            if (begin == at || quint8(text[begin]) < 0xC0)
                begin = at;
            qsizetype end = at + value.size();
            while (end < text.size() && continuation(end))
                ++end;
            std::fill(secret.begin() + begin, secret.begin() + end, true);
        }
    }
    QByteArray out;
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (!secret[i])
            out += text[i];
        else if (i == 0 || !secret[i - 1])
            out += SecretMasker::kMask;
    }
    return out;
}

// A value the masked text may legitimately still show: one the mask "***" or the bytes
// around a removed escape sequence can make up by themselves.
bool checkable(const QByteArray &pattern)
{
    return !pattern.contains('*') && !pattern.contains('\x1b');
}

void checkNoLeak(const QByteArray &masked, const QList<QByteArray> &values)
{
    const QByteArray shown = AnsiParser::strip(masked);
    for (const QByteArray &value : values) {
        if (!checkable(value))
            continue;
        DD_FUZZ_CHECK(!masked.contains(value));
        DD_FUZZ_CHECK(!shown.contains(value));
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    Input input(data, size);
    QList<QByteArray> values;
    const QByteArray secretPart = input.until('\0').toByteArray();
    if (!secretPart.isEmpty())
        values = secretPart.split('\x01');
    const QByteArray rest = input.rest().toByteArray();
    const qsizetype newline = rest.indexOf('\n');
    const QByteArray line = newline < 0 ? rest : rest.first(newline) + rest.sliced(newline + 1);

    SecretMasker masker;
    masker.setSecrets(values);
    const QList<QByteArray> matched = patterns(values);
    DD_FUZZ_CHECK(masker.isEmpty() == matched.isEmpty());

    const QByteArray masked = masker.mask(line);
    const bool escapes = line.contains('\x1b');
    if (!escapes)
        DD_FUZZ_CHECK(masked == naiveMask(line, matched));
    checkNoLeak(masked, matched);

    // Decoded as the log decodes (a byte order mark stays: QString::fromUtf8() would turn
    // a value that is one into "", which every text contains).
    const QString maskedText = masker.maskText(Internal::decodeUtf8(line));
    for (const QByteArray &value : matched) {
        if (checkable(value) && QUtf8StringView(value).isValidUtf8())
            DD_FUZZ_CHECK(!maskedText.contains(Internal::decodeUtf8(value)));
    }

    if (newline >= 0) {
        // The log pipeline's way with a line that comes in pieces: mask what safeCut()
        // allows, carry the rest over to the front of the next piece.
        const QByteArrayView piece = QByteArrayView(line).first(newline);
        const qsizetype cut = masker.safeCut(piece);
        DD_FUZZ_CHECK(cut >= 0 && cut <= piece.size());
        const QByteArray joined =
            masker.mask(piece.first(cut).toByteArray()) + masker.mask(line.sliced(cut));
        checkNoLeak(joined, matched);
    }
    return 0;
}
