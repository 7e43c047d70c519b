#pragma once

#include "deploy/deploytarget.h"

namespace DeployDesk {

// `uses: local-service`: runs the backend from its release folder as a managed process.
// A new release starts beside the old one on a free port, must pass its health check,
// then takes over the stable port (deploydesk-forward sends each new connection to the
// instance named in <root>/active.json) and the old one stops after a drain. Processes
// outlive DeployDesk and are found again by pid and start time. See
// docs/pipeline-reference.md ("local-service").
class LocalServiceTarget final : public DeployTarget
{
public:
    QString name() const override { return QStringLiteral("local-service"); }
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

// Adds local-service to TargetRegistry::instance() and, as a DeployStage, to
// StageTypeRegistry::instance(). Called once at startup (core/run).
void registerLocalService();

} // namespace DeployDesk
