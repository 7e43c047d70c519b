#include "data/corpus/tokenestimate.h"

namespace DeployDesk::TokenEstimate {

qint64 units(QByteArrayView utf8)
{
    const auto *p = reinterpret_cast<const unsigned char *>(utf8.data());
    const qsizetype n = utf8.size();
    qint64 total = 0;
    for (qsizetype i = 0; i < n; ++i) {
        const unsigned char b = p[i];
        if (b < 0x80) {
            total += 1;
        } else if (b < 0xC0) {
            // a continuation byte: counted with its lead byte
        } else if (b < 0xE0) {
            total += 2;
        } else if (b < 0xF0) {
            // U+3000..U+DFFF (CJK, kana, Hangul) lead with E3..ED; U+FF00..U+FFEF
            // (full-width forms) with EF BC..EF BF.
            const bool wide =
                (b >= 0xE3 && b <= 0xED) || (b == 0xEF && i + 1 < n && p[i + 1] >= 0xBC);
            total += wide ? 4 : 2;
        } else {
            total += 4;
        }
    }
    return total;
}

} // namespace DeployDesk::TokenEstimate
