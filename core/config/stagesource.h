#pragma once

#include "common/error.h"

#include <QList>

namespace DeployDesk::Internal {

// Where the parts of one stage were written, for checks that look across stages.
// The lists run parallel to Stage::needs and Stage::secrets.
struct StageSource
{
    SourceLocation key;
    QList<SourceLocation> needs;
    QList<SourceLocation> secrets;
    SourceLocation condition; // the `if:` value, when there is one
};

} // namespace DeployDesk::Internal
