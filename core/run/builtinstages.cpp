#include "run/builtinstages.h"

#include <mutex>

namespace DeployDesk {

void registerBuiltinStageTypes()
{
    static std::once_flag once;
    std::call_once(once, [] {
        // Each deploy target adds itself to TargetRegistry and StageTypeRegistry.
    });
}

} // namespace DeployDesk
