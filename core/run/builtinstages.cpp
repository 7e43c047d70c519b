#include "run/builtinstages.h"

// Each deploy target is a library of its own; core/CMakeLists.txt builds those present and
// defines DD_HAVE_<TARGET> for each.
#ifdef DD_HAVE_LOCALSITE
#include "deploy/localsite/localsitetarget.h"
#endif
#ifdef DD_HAVE_LOCALSERVICE
#include "deploy/localservice/localservicetarget.h"
#endif
#ifdef DD_HAVE_VERCEL
#include "deploy/vercel/verceltarget.h"
#endif
#ifdef DD_HAVE_RAILWAY
#include "deploy/railway/railwaytarget.h"
#endif
#ifdef DD_HAVE_ALEMBIC
#include "data/alembic/alembictarget.h"
#endif

#include "data/reembed/reembedtarget.h"
#include "engine/stagetype.h"
#include "integrations/github/githubjobstage.h"

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
#ifdef DD_HAVE_ALEMBIC
        registerAlembic();
#endif
        Data::registerReembed();
        // `deploydeskctl workflow run` makes one such stage per GitHub Actions job.
        StageTypeRegistry::instance().add(
            QStringLiteral("github-job"),
            QStringLiteral("One job of a GitHub Actions workflow (made by deploydeskctl "
                           "workflow run)"),
            [] { return std::make_unique<GitHubJobStage>(); });
    });
}

} // namespace DeployDesk
