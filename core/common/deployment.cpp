#include "common/deployment.h"

#include <array>

namespace DeployDesk {
namespace {
constexpr std::array<QLatin1StringView, 4> kNames{
    QLatin1StringView("site"), QLatin1StringView("backend"), QLatin1StringView("database"),
    QLatin1StringView("vector-index")};
}

QString toString(Layer layer)
{
    return QString(kNames[size_t(layer)]);
}

bool fromString(const QString &text, Layer *layer)
{
    for (size_t i = 0; i < kNames.size(); ++i) {
        if (text == kNames[i]) {
            *layer = Layer(i);
            return true;
        }
    }
    return false;
}

} // namespace DeployDesk
