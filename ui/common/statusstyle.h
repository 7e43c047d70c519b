#pragma once

#include "common/status.h"

#include <QColor>
#include <QIcon>

class QPalette;

namespace DeployDesk::Ui {

// How the panel shows a state everywhere (graph nodes, sidebar, history, tray): one
// colour and one icon per status. The icon's shape differs per status too (tick, cross,
// dots, ...), so colour is never the only cue.
//
// The colour depends on the palette it is drawn on: a dark palette (isDarkPalette) gets
// light tints, a light one deep tones. Either reaches WCAG AA contrast for text (4.5:1)
// against the palette's Base (lists) and Window (toolbars, labels); a palette of the
// desktop's own that the tints do not suit gets them darkened or lightened until they do.
QColor statusColour(StageStatus status, const QPalette &palette);
QColor statusColour(RunStatus status, const QPalette &palette);
// The same for the application's palette (the theme in use).
QColor statusColour(StageStatus status);
QColor statusColour(RunStatus status);
// The amber of a stage whose failure continue-on-error allows, as text on `palette`.
QColor allowedFailureTextColour(const QPalette &palette);
// A disc in the status colour of the application's palette with a mark (tick, cross ...)
// in contrast to it: white on the deep tones, near-black on the light tints.
QIcon statusIcon(StageStatus status);
QIcon statusIcon(RunStatus status);
// Run Pipeline's play triangle, in the success colour of `palette`: the style's own
// media icon is dark grey and all but invisible on a dark toolbar.
QIcon runIcon(const QPalette &palette);
// Cancel Run's stop square, in the failure colour of `palette` (the style's is black).
QIcon stopIcon(const QPalette &palette);
// The translated, human name ("Success", "Waiting for approval" ...).
QString statusText(StageStatus status);
QString statusText(RunStatus status);

// WCAG 2 contrast ratio of two colours' relative luminances, 1 (same) to 21 (black on
// white). Alpha is ignored.
double contrastRatio(const QColor &a, const QColor &b);

} // namespace DeployDesk::Ui
