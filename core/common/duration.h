#pragma once

#include <QString>

#include <chrono>
#include <optional>

namespace DeployDesk {

// "500ms", "90s", "10m", "1h", "1h30m", or a bare integer of seconds.
std::optional<std::chrono::milliseconds> parseDuration(const QString &text);
// The inverse, for messages: "1h30m", "90s" -> "1m30s", "250ms".
QString formatDuration(std::chrono::milliseconds duration);

} // namespace DeployDesk
