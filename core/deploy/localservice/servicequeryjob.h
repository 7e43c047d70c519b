#pragma once

#include "deploy/deploytarget.h"

namespace DeployDesk::LocalService {

// status() and list() of local-service: read the service root, start nothing. status()
// reports the live release with details.running telling whether its instance (pid AND
// start ticks as recorded) still runs, and details.forwarding whether the stable port's
// forwarder does; list() reports every release that went live once, newest first.
class ServiceQueryJob final : public TargetJob
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ServiceQueryJob)

public:
    enum class Query { Status, List };
    ServiceQueryJob(Query query, TargetRequest request, QObject *parent = nullptr);

protected:
    void doStart() override;
    void doCancel() override { emitCancelled(); }

private:
    Query m_query;
    TargetRequest m_request;
};

} // namespace DeployDesk::LocalService
