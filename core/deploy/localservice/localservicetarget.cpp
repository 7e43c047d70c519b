#include "deploy/localservice/localservicetarget.h"

#include "deploy/localservice/servicedeployjob.h"
#include "deploy/localservice/servicehealthjob.h"
#include "deploy/localservice/serviceoptions.h"
#include "deploy/localservice/servicequeryjob.h"

#include <QCoreApplication>

namespace DeployDesk {

ParamSchema LocalServiceTarget::params() const
{
    return LocalService::params();
}

QString LocalServiceTarget::rollbackMechanism() const
{
    return QCoreApplication::translate(
        "DeployDesk",
        "service swap (the kept release starts beside the live one, then takes the stable port)");
}

TargetJob *LocalServiceTarget::deploy(const TargetRequest &request, QObject *parent)
{
    return new LocalService::ServiceDeployJob(request, std::nullopt, parent);
}

TargetJob *LocalServiceTarget::rollback(const TargetRequest &request, const Deployment &to,
                                        QObject *parent)
{
    return new LocalService::ServiceDeployJob(request, to, parent);
}

TargetJob *LocalServiceTarget::list(const TargetRequest &request, QObject *parent)
{
    return new LocalService::ServiceQueryJob(LocalService::ServiceQueryJob::Query::List, request,
                                             parent);
}

TargetJob *LocalServiceTarget::status(const TargetRequest &request, QObject *parent)
{
    return new LocalService::ServiceQueryJob(LocalService::ServiceQueryJob::Query::Status, request,
                                             parent);
}

TargetJob *LocalServiceTarget::health(const TargetRequest &request, const Deployment &deployment,
                                      QObject *parent)
{
    return new LocalService::ServiceHealthJob(request, deployment, parent);
}

void registerLocalService()
{
    const QString name = QStringLiteral("local-service");
    TargetRegistry::instance().add(name, [] { return std::make_unique<LocalServiceTarget>(); });
    StageTypeRegistry::instance().add(
        name, QStringLiteral("run the backend as a managed local process behind a stable port"),
        [] { return std::make_unique<DeployStage>(std::make_unique<LocalServiceTarget>()); },
        LocalService::params());
}

} // namespace DeployDesk
