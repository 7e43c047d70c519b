#pragma once

#include "common/status.h"

#include <QColor>
#include <QIcon>

namespace DeployDesk::Ui {

// How the panel shows a state everywhere (graph nodes, sidebar, history, tray): one
// colour and one icon per status, readable on light and dark palettes. The icon's shape
// differs per status too (tick, cross, dots, ...), so colour is never the only cue.
QColor statusColour(StageStatus status);
QColor statusColour(RunStatus status);
QIcon statusIcon(StageStatus status);
QIcon statusIcon(RunStatus status);
// The translated, human name ("Success", "Waiting for approval" ...).
QString statusText(StageStatus status);
QString statusText(RunStatus status);

} // namespace DeployDesk::Ui
