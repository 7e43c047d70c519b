#pragma once

#include "config/pipeline.h"

#include <QString>

#include <optional>

namespace DeployDesk::Internal {

// Parses the `if:` of a stage:
//   environment == NAME | environment != NAME | environment in [A, B, ...]
// Whitespace between tokens is free; names may be quoted with ' or ". An empty text is
// not a condition (write no `if:` to always run). Returns nullopt on a syntax error.
std::optional<StageCondition> parseCondition(const QString &text);

} // namespace DeployDesk::Internal
