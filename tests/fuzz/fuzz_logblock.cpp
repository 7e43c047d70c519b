// The log block format (core/store/logblock.cpp): the bytes of the log_blocks.data column,
// read back from a history database that may be damaged.
// Input, used twice:
// - as a stored block: decodeLogBlock() must reject it with an error or decode it, and
//   what it decodes must encode and decode back to the same lines;
// - as lines ("\n" between them, byte 0 of each the stream and timestamp choice): encoding
//   them and decoding the block gives them back, and the block's index terms are the
//   distinct lowercased words of their text without escapes (as forEachTerm() splits them);
//   its grams are every pair of letters or digits side by side in that text and every three
//   digits side by side in a word of more than kMaxDigitTermBytes digits, and nothing else.

#include "fuzzinput.h"
#include "store/logblock.h"

#include <QSet>

#include <limits>

using namespace DeployDesk;
using namespace DeployDesk::Internal;
using namespace DeployDesk::Fuzz;

namespace {

bool sameLines(const QList<LogLine> &a, const QList<LogLine> &b)
{
    if (a.size() != b.size())
        return false;
    for (qsizetype i = 0; i < a.size(); ++i) {
        if (a[i].timestampMs != b[i].timestampMs || a[i].stream != b[i].stream ||
            a[i].text != b[i].text)
            return false;
    }
    return true;
}

void checkRoundTrip(const QList<LogLine> &lines)
{
    const auto decoded = decodeLogBlock(encodeLogBlock(lines));
    DD_FUZZ_CHECK(decoded.has_value());
    DD_FUZZ_CHECK(sameLines(*decoded, lines));
}

qint64 timestampFor(quint8 choice, qsizetype index)
{
    switch (choice % 5) {
    case 0:
        return std::numeric_limits<qint64>::max() - index;
    case 1:
        return std::numeric_limits<qint64>::min() + index;
    case 2:
        return 1'700'000'000'000 - index * 977;
    default:
        return 1'700'000'000'000 + index * qint64(choice) * 1000;
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArrayView bytes(reinterpret_cast<const char *>(data), qsizetype(size));

    const auto decoded = decodeLogBlock(bytes);
    if (decoded) {
        for (const LogLine &line : *decoded) {
            const auto stream = quint8(line.stream);
            DD_FUZZ_CHECK(stream >= 1 && stream <= 3);
        }
        checkRoundTrip(*decoded);
    } else {
        DD_FUZZ_CHECK(!decoded.error().message.isEmpty());
    }

    QList<LogLine> lines;
    QSet<QByteArray> words;
    quint8 grams[kGramBytes] = {};
    const auto setGram = [&grams](int bit) { grams[bit / 8] |= quint8(1u << (bit % 8)); };
    LogBlockEncoder encoder;
    Input input(data, size);
    while (!input.atEnd() && lines.size() < LogBlockEncoder::kMaxLines) {
        QByteArrayView text = input.until('\n');
        const quint8 choice = text.isEmpty() ? 0 : quint8(text.front());
        if (!text.isEmpty())
            text = text.sliced(1);
        const LogLine line{timestampFor(choice, lines.size()), LogStream(1 + choice % 3),
                           text.toByteArray()};
        lines.append(line);
        encoder.add(line);
        const QByteArray stripped = stripAnsi(line.text);
        forEachTerm(stripped, [&](const char *begin, qsizetype length) {
            words.insert(QByteArray(begin, length).toLower());
        });
        // A long number is a word of digits only (a word holding other bytes is indexed
        // whole by the trigram index).
        qsizetype digitsFrom = 0;
        for (qsizetype i = 0; i <= stripped.size(); ++i) {
            const bool digit = i < stripped.size() && stripped[i] >= '0' && stripped[i] <= '9';
            if (digit)
                continue;
            const bool wholeWord = (i == stripped.size() || !isTermByte(stripped[i])) &&
                                   (digitsFrom == 0 || !isTermByte(stripped[digitsFrom - 1]));
            if (wholeWord && i - digitsFrom > kMaxDigitTermBytes) {
                for (qsizetype k = digitsFrom; k + 3 <= i; ++k)
                    setGram(kPairGrams + (stripped[k] - '0') * 100 + (stripped[k + 1] - '0') * 10 +
                            (stripped[k + 2] - '0'));
            }
            digitsFrom = i + 1;
        }
        for (qsizetype i = 0; i + 1 < stripped.size(); ++i) {
            const int a = gramIndex(stripped[i]), b = gramIndex(stripped[i + 1]);
            if (a >= 0 && b >= 0)
                setGram(a * 36 + b);
        }
    }
    checkRoundTrip(lines);
    DD_FUZZ_CHECK(encoder.data() == encodeLogBlock(lines));
    DD_FUZZ_CHECK(encoder.lineCount() == lines.size());
    const QList<QByteArray> terms =
        encoder.terms().isEmpty() ? QList<QByteArray>() : encoder.terms().split(' ');
    DD_FUZZ_CHECK(QSet<QByteArray>(terms.cbegin(), terms.cend()) == words);
    DD_FUZZ_CHECK(terms.size() == words.size());
    qsizetype gramBytes = kGramBytes;
    while (gramBytes > 0 && grams[gramBytes - 1] == 0)
        --gramBytes;
    DD_FUZZ_CHECK(encoder.grams() == QByteArray(reinterpret_cast<const char *>(grams), gramBytes));
    return 0;
}
