#pragma once

// Bounds what a YAML document becomes once its aliases are expanded. yaml-cpp shares an
// anchored node between its aliases, but every reader that turns values into strings
// copies it once per alias: a 3 MB scalar aliased 1,000 times is 3 GB of strings.

#include <yaml-cpp/mark.h>

#include <QString>

#include <cstdint>
#include <optional>
#include <string>

namespace DeployDesk::Internal {

struct AliasBudgetExceeded
{
    YAML::Mark mark;    // the alias (or value) that went past the limit
    QString anchorName; // the anchor that alias repeats; empty for a plain value
    std::int64_t limit = 0;
};

// The expanded size counts each scalar's bytes plus a few bytes per node, every alias
// counted as a full copy of what it repeats. A file without aliases stays far below the
// limit (at most 4 MB of text); only repetition can reach it.
inline constexpr std::int64_t maxExpandedSize = 64 * 1024 * 1024;

// Walks the events of every document in `yaml` (linear in its size, nothing expanded) and
// returns where the expanded size first passes `limit`. Throws what yaml-cpp's parser
// throws for a syntax error.
std::optional<AliasBudgetExceeded> checkExpandedSize(const std::string &yaml,
                                                     std::int64_t limit = maxExpandedSize);

} // namespace DeployDesk::Internal
