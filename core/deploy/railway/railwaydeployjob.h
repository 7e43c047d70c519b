#pragma once

#include "deploy/railway/railwayjob.h"

namespace DeployDesk::Railway {

// deploy(): resolves the service instance (nothing changes when a setting is wrong), notes
// its newest deployment, calls serviceInstanceDeployV2(environmentId, serviceId, commitSha)
// — the one deploy call that returns the new deployment's id (apis.md §2) — and follows that
// deployment to SUCCESS with its build and deploy logs in the stage log.
// The call is not repeated (Railway has no idempotency): when its answer is lost (a cut
// connection, a 5xx, an unreadable body) the newest deployment is looked up again, and one
// that appeared meanwhile is followed as this deploy's; none means nothing changed.
// Success: one Deployment (version = the Railway deployment id, url https://…).
class RailwayDeployJob final : public RailwayJob
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RailwayDeployJob)

public:
    explicit RailwayDeployJob(TargetRequest request, QObject *parent = nullptr);
    ~RailwayDeployJob() override;

protected:
    void run() override;

private:
    void deploy();
    void recover(const Error &lost);
    void succeed(const QJsonObject &deployment);

    QString m_before; // the newest deployment before this deploy
};

} // namespace DeployDesk::Railway
