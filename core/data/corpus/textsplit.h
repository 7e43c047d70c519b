#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>

namespace DeployDesk::Internal {

// The boundaries a text may be cut at, coarsest first.
enum class SplitLevel { Lines, Sentences, Words, Characters };

// Cuts `text` (UTF-8) into parts of at most `limitUnits` (TokenEstimate units), cutting at
// `level` boundaries and going to finer ones only for a piece that does not fit (a line
// too long for the budget is cut at sentence ends, a sentence at spaces, a word between
// characters; never inside a UTF-8 sequence). With `trim`, whitespace around each part is
// dropped (prose); without, only the line break that ends a part (code keeps its
// indentation). Empty parts are dropped.
// `firstLimitUnits` (when >= 0) bounds the first part instead: the room left in a chunk
// that already holds a heading.
QList<QByteArray> splitText(QByteArrayView text, qint64 limitUnits,
                            SplitLevel level = SplitLevel::Lines, bool trim = true,
                            qint64 firstLimitUnits = -1);

// The end of `text` worth at most `maxUnits`, starting at a word boundary when it can:
// the overlap repeated at the start of the next chunk.
QByteArray overlapTail(QByteArrayView text, qint64 maxUnits);

} // namespace DeployDesk::Internal
