#include "common/status.h"

#include <array>
#include <utility>

namespace DeployDesk {
namespace {
constexpr std::array<std::pair<RunStatus, const char *>, 6> kRun{{
    {RunStatus::Queued, "queued"},
    {RunStatus::Running, "running"},
    {RunStatus::Success, "success"},
    {RunStatus::Failed, "failed"},
    {RunStatus::Cancelled, "cancelled"},
    {RunStatus::Interrupted, "interrupted"},
}};
constexpr std::array<std::pair<StageStatus, const char *>, 7> kStage{{
    {StageStatus::Pending, "pending"},
    {StageStatus::Running, "running"},
    {StageStatus::Success, "success"},
    {StageStatus::Failed, "failed"},
    {StageStatus::Skipped, "skipped"},
    {StageStatus::Cancelled, "cancelled"},
    {StageStatus::Interrupted, "interrupted"},
}};

template<typename E, std::size_t N>
QString nameOf(const std::array<std::pair<E, const char *>, N> &table, E value)
{
    for (const auto &[v, name] : table) {
        if (v == value)
            return QString::fromLatin1(name);
    }
    return QStringLiteral("unknown");
}

template<typename E, std::size_t N>
bool valueOf(const std::array<std::pair<E, const char *>, N> &table, const QString &text, E *out)
{
    for (const auto &[v, name] : table) {
        if (text == QLatin1String(name)) {
            *out = v;
            return true;
        }
    }
    return false;
}
} // namespace

QString toString(RunStatus status) { return nameOf(kRun, status); }
QString toString(StageStatus status) { return nameOf(kStage, status); }
bool fromString(const QString &text, RunStatus *status) { return valueOf(kRun, text, status); }
bool fromString(const QString &text, StageStatus *status) { return valueOf(kStage, text, status); }

} // namespace DeployDesk
