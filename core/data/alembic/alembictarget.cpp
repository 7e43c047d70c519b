#include "data/alembic/alembictarget.h"

#include "common/translate.h"
#include "data/alembic/alembicjob.h"
#include "data/alembic/alembicoptions.h"

namespace DeployDesk {

using Alembic::AlembicJob;

ParamSchema AlembicTarget::params() const
{
    return Alembic::params();
}

QString AlembicTarget::rollbackMechanism() const
{
    return tr("Alembic downgrade");
}

TargetJob *AlembicTarget::deploy(const TargetRequest &request, QObject *parent)
{
    return new AlembicJob(AlembicJob::Operation::Upgrade, request, std::nullopt, parent);
}

TargetJob *AlembicTarget::rollback(const TargetRequest &request, const Deployment &to,
                                   QObject *parent)
{
    return new AlembicJob(AlembicJob::Operation::Restore, request, to, parent);
}

TargetJob *AlembicTarget::list(const TargetRequest &request, QObject *parent)
{
    return new AlembicJob(AlembicJob::Operation::List, request, std::nullopt, parent);
}

TargetJob *AlembicTarget::status(const TargetRequest &request, QObject *parent)
{
    return new AlembicJob(AlembicJob::Operation::Status, request, std::nullopt, parent);
}

TargetJob *AlembicTarget::health(const TargetRequest &request, const Deployment &deployment,
                                 QObject *parent)
{
    return new AlembicJob(AlembicJob::Operation::Health, request, deployment, parent);
}

void registerAlembic()
{
    const QString name = QStringLiteral("alembic");
    TargetRegistry::instance().add(name, [] { return std::make_unique<AlembicTarget>(); });
    StageTypeRegistry::instance().add(
        name, QStringLiteral("migrate the environment's database with Alembic (upgrade head)"),
        [] { return std::make_unique<DeployStage>(std::make_unique<AlembicTarget>()); },
        Alembic::params());
}

} // namespace DeployDesk
