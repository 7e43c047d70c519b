#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

namespace DeployDesk::Internal {

// Length of the longest valid UTF-8 prefix of `bytes` (== bytes.size() when valid).
qsizetype validUtf8Prefix(QByteArrayView bytes);

// Appends `bytes` to `out` with each maximal invalid subpart replaced by U+FFFD, as the
// Unicode standard ("substitution of maximal subparts") and WHATWG do. (QString 6.4
// differs on a truncated sequence: "\xF3\xBF" is one U+FFFD here, two there.)
void appendValidUtf8(QByteArray &out, QByteArrayView bytes);

// Length (0..3) of an incomplete but so far valid UTF-8 sequence at the end of `bytes`:
// the start of a character whose other bytes may come with the next chunk.
qsizetype incompleteUtf8Suffix(QByteArrayView bytes);

// QString::fromUtf8(), except that a byte order mark at the start stays (U+FEFF):
// fromUtf8() drops it, so decoding a stream piece by piece would lose a BOM wherever a
// piece happened to begin with one, and the text would depend on where the pieces fell.
QString decodeUtf8(QByteArrayView bytes);

} // namespace DeployDesk::Internal
