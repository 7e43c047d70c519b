#include "deploy/vercel/verceltarget.h"

#include "deploy/vercel/verceldeployjob.h"
#include "deploy/vercel/vercelhealthjob.h"
#include "deploy/vercel/vercellistjob.h"
#include "deploy/vercel/verceloptions.h"
#include "deploy/vercel/vercelrollbackjob.h"

namespace DeployDesk {

using namespace Vercel;

QString VercelTarget::name() const
{
    return QString::fromLatin1(kName);
}

ParamSchema VercelTarget::params() const
{
    return VercelOptionsReader::params();
}

QString VercelTarget::rollbackMechanism() const
{
    return tr("Vercel rollback (no rebuild)");
}

TargetJob *VercelTarget::deploy(const TargetRequest &request, QObject *parent)
{
    return new VercelDeployJob(request, parent);
}

TargetJob *VercelTarget::rollback(const TargetRequest &request, const Deployment &to,
                                  QObject *parent)
{
    return new VercelRollbackJob(request, to, VercelRollbackJob::Mode::Rollback, parent);
}

TargetJob *VercelTarget::promote(const TargetRequest &request, const Deployment &deployment,
                                 QObject *parent)
{
    return new VercelRollbackJob(request, deployment, VercelRollbackJob::Mode::Promote, parent);
}

TargetJob *VercelTarget::list(const TargetRequest &request, QObject *parent)
{
    return new VercelListJob(request, VercelListJob::Mode::All, parent);
}

TargetJob *VercelTarget::status(const TargetRequest &request, QObject *parent)
{
    return new VercelListJob(request, VercelListJob::Mode::LiveProduction, parent);
}

TargetJob *VercelTarget::health(const TargetRequest &request, const Deployment &deployment,
                                QObject *parent)
{
    return new VercelHealthJob(deployment, request.context.secretValues, parent);
}

void registerVercel()
{
    const QString name = QString::fromLatin1(VercelTarget::kName);
    TargetRegistry::instance().add(name, [] { return std::make_unique<VercelTarget>(); });
    StageTypeRegistry::instance().add(
        name,
        QStringLiteral("deploy a folder of files to a Vercel project (only the files Vercel "
                       "lacks are uploaded) and follow its build"),
        [] { return std::make_unique<DeployStage>(std::make_unique<VercelTarget>()); },
        VercelOptionsReader::params());
}

} // namespace DeployDesk
