#pragma once

#include "deploy/deploytarget.h"

namespace DeployDesk {

// `uses: alembic`: migrates the environment's database with Alembic. Its layer is the
// database; its version is the Alembic revision the database is at after the stage
// (the revision before is kept in the details). A rollback downgrades the database to
// a release's recorded revision. The database URL comes from the secret DATABASE_URL
// (or the variable `url-variable` names) and is never logged or recorded. See
// docs/migrations.md.
class AlembicTarget final : public DeployTarget
{
public:
    QString name() const override { return QStringLiteral("alembic"); }
    Layer layer() const override { return Layer::Database; }
    ParamSchema params() const override;
    QString rollbackMechanism() const override;

    TargetJob *deploy(const TargetRequest &request, QObject *parent) override;
    TargetJob *rollback(const TargetRequest &request, const Deployment &to,
                        QObject *parent) override;
    TargetJob *list(const TargetRequest &request, QObject *parent) override;
    TargetJob *status(const TargetRequest &request, QObject *parent) override;
    TargetJob *health(const TargetRequest &request, const Deployment &deployment,
                      QObject *parent) override;
};

// Adds alembic to TargetRegistry::instance() and, as a DeployStage, to
// StageTypeRegistry::instance(). Called once at startup (core/run).
void registerAlembic();

} // namespace DeployDesk
