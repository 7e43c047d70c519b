#pragma once

#include "deploy/deploytarget.h"

#include <QPointer>

namespace DeployDesk {
class HttpJob;
}

namespace DeployDesk::Vercel {

// health(): GET the deployment's URL (no Vercel token: it is the public site) and expect
// 200, after redirects.
class VercelHealthJob final : public TargetJob
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(VercelHealthJob)

public:
    VercelHealthJob(Deployment deployment, QStringList secrets, QObject *parent = nullptr);
    ~VercelHealthJob() override;

protected:
    void doStart() override;
    void doCancel() override;

private:
    Deployment m_deployment;
    QStringList m_secrets;
    QPointer<HttpJob> m_job;
};

} // namespace DeployDesk::Vercel
