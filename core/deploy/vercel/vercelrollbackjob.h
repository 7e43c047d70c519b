#pragma once

#include "deploy/vercel/verceljob.h"

#include <QJsonObject>

namespace DeployDesk::Vercel {

// Makes an earlier deployment live again without a rebuild.
// Rollback: checks the deployment (GET /v13/deployments/{id}, must be READY), then
//   - a preview deployment: nothing to switch (a preview keeps its own URL); recorded only;
//   - a production deployment that never served production (readySubstate STAGED): promote;
//   - else POST /v9/projects/{projectId}/rollback/{id} with {} as the CLI does, and the
//     documented /v1 path when v9 answers 404.
// Promote: POST /v10/projects/{projectId}/promote/{id} (after the same check).
// Success: the deployment now live.
class VercelRollbackJob final : public VercelJob
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(VercelRollbackJob)

public:
    enum class Mode { Rollback, Promote };

    VercelRollbackJob(TargetRequest request, Deployment to, Mode mode, QObject *parent = nullptr);
    ~VercelRollbackJob() override;

protected:
    void run() override;

private:
    void checked(const QJsonObject &deployment);
    void promote();
    void rollback(int version);
    void done(const QString &how);

    Deployment m_to;
    Mode m_mode = Mode::Rollback;
    QString m_projectId;
    QJsonObject m_deployment;
};

} // namespace DeployDesk::Vercel
