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
// The one way a duration is shown to people (the panel, the CLI, reports, messages), in
// the reader's language and locale: "250 ms", "2.5 s" (German "2,5 s"), "3 s", "1 min 30 s",
// "1 h 30 min". Negative durations get the locale's minus sign.
QString formatDuration(std::chrono::milliseconds duration);

} // namespace DeployDesk
