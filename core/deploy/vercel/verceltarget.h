#pragma once

#include "deploy/deploytarget.h"

#include <QCoreApplication>

namespace DeployDesk {

// `uses: vercel`: deploys a folder of files to a Vercel project with the file-digest
// protocol of Vercel's own client (only the files Vercel lacks are uploaded, many at a
// time), follows the build into the stage log, and records the deployment (dpl_…, its URL).
// Production or preview (per branch); rollback and promote switch production to an earlier
// deployment without a rebuild. The token comes from a secret (VERCEL_TOKEN by default) and
// is masked everywhere. Contract: apis.md §1.
class VercelTarget final : public DeployTarget
{
    Q_DECLARE_TR_FUNCTIONS(DeployDesk::VercelTarget)

public:
    static constexpr char kName[] = "vercel";

    QString name() const override;
    Layer layer() const override { return Layer::Site; }
    ParamSchema params() const override;
    QString rollbackMechanism() const override;

    TargetJob *deploy(const TargetRequest &request, QObject *parent) override;
    TargetJob *rollback(const TargetRequest &request, const Deployment &to,
                        QObject *parent) override;
    TargetJob *list(const TargetRequest &request, QObject *parent) override;
    TargetJob *status(const TargetRequest &request, QObject *parent) override;
    TargetJob *health(const TargetRequest &request, const Deployment &deployment,
                      QObject *parent) override;

    // Points production at `deployment` (POST /v10/projects/{projectId}/promote/{id}).
    TargetJob *promote(const TargetRequest &request, const Deployment &deployment, QObject *parent);
};

// Makes "vercel" known as a deploy target (TargetRegistry) and as a stage type
// (StageTypeRegistry, `uses: vercel`). Called once at start-up.
void registerVercel();

} // namespace DeployDesk
