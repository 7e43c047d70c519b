#pragma once

#include <QString>
#include <QStringView>

#include <chrono>
#include <optional>

namespace DeployDesk {

// A whole number of seconds ("90"), or whole numbers with units from largest to
// smallest, each unit at most once ("500ms", "90s", "10m", "1h30m", "1m30s500ms").
// Units: h, m, s, ms. nullopt for anything else, including negative, fractional and
// absurdly large values.
std::optional<std::chrono::milliseconds> parseDuration(QStringView text);
// The inverse, for messages: "1h30m", "90s" -> "1m30s", "250ms".
QString formatDuration(std::chrono::milliseconds duration);

} // namespace DeployDesk
