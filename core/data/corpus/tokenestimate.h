#pragma once

#include <QByteArrayView>

namespace DeployDesk {

// An estimate of how many tokens an embedding provider will bill for a text. It is NOT a
// tokenizer: it reads UTF-8 bytes and weighs characters the way subword tokenizers tend to
// split them:
//   - ASCII (Latin prose, code): 4 characters per token, the usual rule of thumb for
//     English with BPE/WordPiece vocabularies;
//   - other 2-byte characters (accented Latin, Greek, Cyrillic, Hebrew, Arabic) and 3-byte
//     characters outside the CJK ranges: 2 characters per token;
//   - CJK ideographs, kana, Hangul (U+3000..U+DFFF), full-width forms and 4-byte characters
//     (emoji, rare ideographs): 1 token each.
// The unit is a quarter token so that sums are exact: units(a + b) == units(a) + units(b).
// tokens() rounds up.
namespace TokenEstimate {

qint64 units(QByteArrayView utf8);
inline int tokens(qint64 units)
{
    return int((units + 3) / 4);
}
inline int tokensOf(QByteArrayView utf8)
{
    return tokens(units(utf8));
}

} // namespace TokenEstimate

} // namespace DeployDesk
