#pragma once

#include "deploy/deploytarget.h"

#include <QPointer>

namespace DeployDesk {
class HttpJob;
}

namespace DeployDesk::Railway {

// health(): GET the deployment's URL + health-path (default /health; no Railway token: it
// is the public service) and expect 200, after redirects.
class RailwayHealthJob final : public TargetJob
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RailwayHealthJob)

public:
    RailwayHealthJob(Deployment deployment, QString path, QStringList secrets,
                     QObject *parent = nullptr);
    ~RailwayHealthJob() override;

protected:
    void doStart() override;
    void doCancel() override;

private:
    Deployment m_deployment;
    QString m_path;
    QStringList m_secrets;
    QPointer<HttpJob> m_job;
};

} // namespace DeployDesk::Railway
