#pragma once

#include "deploy/deploytarget.h"

#include <QPointer>

namespace DeployDesk::LocalService {

// health() of local-service: one GET of the health path through the stable port (what
// users call), healthy on 200.
class ServiceHealthJob final : public TargetJob
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ServiceHealthJob)

public:
    ServiceHealthJob(TargetRequest request, Deployment deployment, QObject *parent = nullptr);
    ~ServiceHealthJob() override;

protected:
    void doStart() override;
    void doCancel() override;

private:
    TargetRequest m_request;
    Deployment m_deployment;
    QPointer<Job> m_get;
};

} // namespace DeployDesk::LocalService
