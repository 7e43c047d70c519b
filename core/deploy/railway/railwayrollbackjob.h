#pragma once

#include "deploy/railway/railwayjob.h"

namespace DeployDesk::Railway {

// rollback(): makes an earlier deployment's image live again with Railway's own rollback
// (deploymentRollback, no rebuild; its variables are restored too):
//   deployment(id) — gone: a clear error; already live (SUCCESS, SLEEPING): nothing to do;
//   canRollback false (older than the plan's retention, or never succeeded): a clear error,
//   nothing changed — then deploymentRollback(id), and the deployment Railway starts for it
//   (a new one on the service instance, or the old one active again) is followed to SUCCESS
//   with its logs. A lost answer is recovered like a deploy's: a new deployment that
//   appears is followed; none means nothing changed.
// Success: the deployment now live (details.restores names the one rolled back to).
class RailwayRollbackJob final : public RailwayJob
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RailwayRollbackJob)

public:
    RailwayRollbackJob(TargetRequest request, Deployment to, QObject *parent = nullptr);
    ~RailwayRollbackJob() override;

protected:
    void run() override;

private:
    void checked(const QJsonObject &deployment);
    void rollBack();
    void findLive(int triesLeft, const std::optional<Error> &lost);
    void done(const QJsonObject &deployment, const QString &how);

    Deployment m_to;
    QString m_before;
};

} // namespace DeployDesk::Railway
