#pragma once

#include "deploy/deploytarget.h"

#include <QCoreApplication>

namespace DeployDesk {

// `uses: railway`: deploys a Railway service instance (serviceInstanceDeployV2 at the run's
// commit), follows the deployment to SUCCESS with its build and deploy logs in the stage log,
// and records it (the Railway deployment id, its URL, project, environment and service).
// Rollback uses Railway's own (deploymentRollback: the earlier image and variables, no
// rebuild) where Railway allows it (canRollback). The token comes from a secret
// (RAILWAY_TOKEN, a project token sent as Project-Access-Token; or RAILWAY_API_TOKEN, an
// account or workspace token sent as Bearer) and is masked everywhere. Contract: apis.md §2.
class RailwayTarget final : public DeployTarget
{
    Q_DECLARE_TR_FUNCTIONS(DeployDesk::RailwayTarget)

public:
    static constexpr char kName[] = "railway";

    QString name() const override;
    Layer layer() const override { return Layer::Backend; }
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

// Makes "railway" known as a deploy target (TargetRegistry) and as a stage type
// (StageTypeRegistry, `uses: railway`). Called once at start-up.
void registerRailway();

} // namespace DeployDesk
