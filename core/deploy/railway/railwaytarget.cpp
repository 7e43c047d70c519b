#include "deploy/railway/railwaytarget.h"

#include "deploy/railway/railwaydeployjob.h"
#include "deploy/railway/railwayhealthjob.h"
#include "deploy/railway/railwaylistjob.h"
#include "deploy/railway/railwayoptions.h"
#include "deploy/railway/railwayrollbackjob.h"

namespace DeployDesk {

using namespace Railway;

QString RailwayTarget::name() const
{
    return QString::fromLatin1(kName);
}

ParamSchema RailwayTarget::params() const
{
    return RailwayOptionsReader::params();
}

QString RailwayTarget::rollbackMechanism() const
{
    return tr("Railway rollback (earlier image, no rebuild)");
}

TargetJob *RailwayTarget::deploy(const TargetRequest &request, QObject *parent)
{
    return new RailwayDeployJob(request, parent);
}

TargetJob *RailwayTarget::rollback(const TargetRequest &request, const Deployment &to,
                                   QObject *parent)
{
    return new RailwayRollbackJob(request, to, parent);
}

TargetJob *RailwayTarget::list(const TargetRequest &request, QObject *parent)
{
    return new RailwayListJob(request, RailwayListJob::Mode::All, parent);
}

TargetJob *RailwayTarget::status(const TargetRequest &request, QObject *parent)
{
    return new RailwayListJob(request, RailwayListJob::Mode::Live, parent);
}

TargetJob *RailwayTarget::health(const TargetRequest &request, const Deployment &deployment,
                                 QObject *parent)
{
    QString path = request.with.value(QStringLiteral("health-path")).toString().trimmed();
    if (path.isEmpty())
        path = QStringLiteral("/health");
    return new RailwayHealthJob(deployment, path, request.context.secretValues, parent);
}

void registerRailway()
{
    const QString name = QString::fromLatin1(RailwayTarget::kName);
    TargetRegistry::instance().add(name, [] { return std::make_unique<RailwayTarget>(); });
    StageTypeRegistry::instance().add(
        name,
        QStringLiteral("deploy a Railway service at the run's commit, follow its build and "
                       "deploy logs, and record the deployment"),
        [] { return std::make_unique<DeployStage>(std::make_unique<RailwayTarget>()); },
        RailwayOptionsReader::params());
}

} // namespace DeployDesk
