#pragma once

#include <QString>

namespace DeployDesk {

enum class RunStatus { Queued, Running, Success, Failed, Cancelled, Interrupted };
enum class StageStatus { Pending, Running, Success, Failed, Skipped, Cancelled, Interrupted };

// Stable lowercase names, as stored in the history and printed by the CLI.
QString toString(RunStatus status);
QString toString(StageStatus status);
bool fromString(const QString &text, RunStatus *status);
bool fromString(const QString &text, StageStatus *status);

inline bool isFinal(StageStatus s)
{
    return s != StageStatus::Pending && s != StageStatus::Running;
}
inline bool isFinal(RunStatus s)
{
    return s != RunStatus::Queued && s != RunStatus::Running;
}

} // namespace DeployDesk
