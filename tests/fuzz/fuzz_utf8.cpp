// UTF-8 repair (core/log/utf8.cpp): what every log line goes through before it is stored.
// Properties: the repaired text is valid UTF-8 and equals what QString makes of the bytes
// apart from how many U+FFFD replace a truncated sequence; the valid prefix is a
// prefix that is valid; an incomplete suffix is at most 3 bytes and completes nothing.

#include "fuzzinput.h"
#include "log/utf8.h"

#include <QString>

using namespace DeployDesk::Internal;

namespace {

// `utf8` with each run of U+FFFD made one.
QByteArray collapseReplacements(const QByteArray &utf8)
{
    static const QByteArray fffd("\xEF\xBF\xBD");
    QByteArray out = utf8;
    const QByteArray twice = fffd + fffd;
    for (qsizetype at = out.indexOf(twice); at >= 0; at = out.indexOf(twice, at))
        out.remove(at, fffd.size());
    return out;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArrayView bytes(reinterpret_cast<const char *>(data), qsizetype(size));

    const qsizetype prefix = validUtf8Prefix(bytes);
    DD_FUZZ_CHECK(prefix >= 0 && prefix <= bytes.size());
    DD_FUZZ_CHECK(QUtf8StringView(bytes.first(prefix)).isValidUtf8());
    DD_FUZZ_CHECK((prefix == bytes.size()) == QUtf8StringView(bytes).isValidUtf8());

    QByteArray repaired;
    appendValidUtf8(repaired, bytes);
    DD_FUZZ_CHECK(validUtf8Prefix(repaired) == repaired.size());
    // QString (6.4) replaces each byte of a truncated sequence ("\xF3\xBF") by its own
    // U+FFFD where the standard's maximal subparts take one: the same text otherwise.
    // QString also drops a byte order mark at the start, which a log line keeps: decode
    // after one ASCII byte.
    const QByteArray decoded = QString::fromUtf8("." + bytes.toByteArray()).toUtf8().sliced(1);
    DD_FUZZ_CHECK(collapseReplacements(repaired) == collapseReplacements(decoded));
    if (prefix == bytes.size())
        DD_FUZZ_CHECK(repaired == bytes);

    const qsizetype tail = incompleteUtf8Suffix(bytes);
    DD_FUZZ_CHECK(tail >= 0 && tail <= 3 && tail <= bytes.size());
    if (tail > 0) {
        // A lead byte and its continuation bytes so far: valid once the rest arrives, so
        // the bytes before it are not cut inside a character.
        const auto lead = quint8(bytes[bytes.size() - tail]);
        DD_FUZZ_CHECK(lead >= 0xC2 && lead <= 0xF4);
        for (qsizetype i = bytes.size() - tail + 1; i < bytes.size(); ++i)
            DD_FUZZ_CHECK((quint8(bytes[i]) & 0xC0) == 0x80);
    }
    return 0;
}
