#pragma once

#include "log/ansiparser.h"
#include "log/logline.h"

namespace DeployDesk::Ui::Internal {

// A stored line as drawn: escapes turned into styled spans (a fresh parser per line), and
// a group header (`::group::Title`, `##[group]Title`) reduced to its title.
void renderLine(const LogLine &line, QString *text, QList<StyledSpan> *spans);

} // namespace DeployDesk::Ui::Internal
