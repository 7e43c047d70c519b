#pragma once

#include "log/ansiparser.h"

#include <QColor>
#include <QList>
#include <QPalette>
#include <QTextLayout>

namespace DeployDesk::Ui {

// The colour of an AnsiParser colour code (TextStyle::foreground/background): -1 gives an
// invalid QColor (use the palette's), 0..15 the ANSI and bright colours, 16..255 the
// xterm cube and grey ramp, 0x1000000 | 0xRRGGBB true colour.
QColor ansiColour(int code);
// Text formats for styled spans (colours, bold, faint, italic, underline, inverse).
QList<QTextLayout::FormatRange> ansiFormats(const QList<StyledSpan> &spans,
                                            const QPalette &palette);

} // namespace DeployDesk::Ui
