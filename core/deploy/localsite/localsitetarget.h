#pragma once

#include "deploy/deploytarget.h"

#include <QCoreApplication>

namespace DeployDesk {

// `uses: local-site`: publishes a build folder into releases/<id>/ under a deploy root
// and switches the `current` link to it (see LocalSite::SiteLayout for the layout on
// disk); unchanged files are hard-linked from the release before; the last `keep`
// releases stay for rollback; `preview: true` publishes to previews/<branch>/ instead.
class LocalSiteTarget final : public DeployTarget
{
    Q_DECLARE_TR_FUNCTIONS(LocalSiteTarget)

public:
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
};

// Makes "local-site" known as a deploy target (TargetRegistry) and as a stage type
// (StageTypeRegistry, `uses: local-site`). Called once at start-up.
void registerLocalSite();

} // namespace DeployDesk
