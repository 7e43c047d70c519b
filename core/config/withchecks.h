#pragma once

#include "config/paramschema.h"
#include "config/pipeline.h"
#include "config/yamlsupport.h"

#include <optional>

namespace DeployDesk::Internal {

// What the stage reader saw of a stage's `with:`.
struct WithSource
{
    std::optional<YAML::Mark> key; // where `with` was written
    bool readable = true;          // absent, empty or a map that could be read
    QList<MapEntry> params;        // its entries in file order, repeated keys left out
};

// Checks a stage's `with:` against the parameters of its `uses:` type, once the whole
// stage is read (`with` may come before `uses`): unknown parameters (at the key),
// missing required ones (at `with`, or at `uses` when there is no `with`) and values of
// the wrong kind (at the value). A scalar that contains `$` is expanded when the stage
// starts and is not checked here. Boolean values are stored as "true" / "false" in
// `stage.with`, so every stage type reads `yes`, `on` and `true` alike.
void checkWithParams(DiagnosticList &diagnostics, const WithSource &with, const ParamSchema &schema,
                     const YAML::Mark &usesKey, Stage &stage);

} // namespace DeployDesk::Internal
