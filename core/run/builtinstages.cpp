#include "run/builtinstages.h"

// Each deploy target is a library of its own (core/CMakeLists.txt builds those present).
#if __has_include("deploy/localsite/localsitetarget.h")
#include "deploy/localsite/localsitetarget.h"
#define DD_HAVE_LOCALSITE 1
#endif
#if __has_include("deploy/localservice/localservicetarget.h")
#include "deploy/localservice/localservicetarget.h"
#define DD_HAVE_LOCALSERVICE 1
#endif
#if __has_include("deploy/vercel/verceltarget.h")
#include "deploy/vercel/verceltarget.h"
#define DD_HAVE_VERCEL 1
#endif
#if __has_include("deploy/railway/railwaytarget.h")
#include "deploy/railway/railwaytarget.h"
#define DD_HAVE_RAILWAY 1
#endif

#include <mutex>

namespace DeployDesk {

void registerBuiltinStageTypes()
{
    static std::once_flag once;
    std::call_once(once, [] {
        // Each adds itself to TargetRegistry and, as a stage type, to StageTypeRegistry.
#ifdef DD_HAVE_LOCALSITE
        registerLocalSite();
#endif
#ifdef DD_HAVE_LOCALSERVICE
        registerLocalService();
#endif
#ifdef DD_HAVE_VERCEL
        registerVercel();
#endif
#ifdef DD_HAVE_RAILWAY
        registerRailway();
#endif
    });
}

} // namespace DeployDesk
