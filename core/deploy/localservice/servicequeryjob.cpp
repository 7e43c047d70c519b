#include "deploy/localservice/servicequeryjob.h"

#include "deploy/localservice/serviceoptions.h"
#include "deploy/localservice/serviceroot.h"

namespace DeployDesk::LocalService {

ServiceQueryJob::ServiceQueryJob(Query query, TargetRequest request, QObject *parent)
    : TargetJob(parent)
    , m_query(query)
    , m_request(std::move(request))
{}

void ServiceQueryJob::doStart()
{
    const auto options = parseOptions(m_request, Need::Root);
    if (!options) {
        emitFailure(options.error());
        return;
    }
    const ServiceRoot root(options->root);
    const auto active = root.active();
    const auto describe = [&](const ReleaseInfo &release) {
        Deployment d;
        d.target = QStringLiteral("local-service");
        d.layer = Layer::Backend;
        d.version = release.id;
        d.createdAt = release.createdAt;
        d.url = active && !active->url.isEmpty() ? active->url : options->url;
        d.details = {{QStringLiteral("root"), options->root}};
        if (active && active->port > 0)
            d.details.insert(QStringLiteral("port"), active->port);
        else if (options->port > 0)
            d.details.insert(QStringLiteral("port"), options->port);
        if (!release.commit.isEmpty())
            d.details.insert(QStringLiteral("commit"), release.commit);
        return d;
    };

    if (m_query == Query::List) {
        for (const ReleaseInfo &release : root.releases()) {
            if (!release.failed)
                addDeployment(describe(release));
        }
        emitSuccess();
        return;
    }
    if (!active) {
        emit logLine(tr("nothing is live in %1").arg(options->root));
        emitSuccess();
        return;
    }
    ReleaseInfo release = root.release(active->release).value_or(ReleaseInfo{});
    release.id = active->release;
    if (!release.createdAt.isValid())
        release.createdAt = active->since;
    Deployment d = describe(release);
    const bool running = active->instance.isRunning();
    const auto forwarder = root.forwarder();
    const bool forwarding = forwarder && forwarder->isRunning() && forwarder->port == active->port;
    d.details.insert(QStringLiteral("instancePort"), active->instance.port);
    d.details.insert(QStringLiteral("pid"), active->instance.pid);
    d.details.insert(QStringLiteral("startTicks"), active->instance.startTicks);
    d.details.insert(QStringLiteral("healthPath"), active->healthPath);
    d.details.insert(QStringLiteral("running"), running);
    d.details.insert(QStringLiteral("forwarding"), forwarding);
    if (!active->previous.isEmpty())
        d.details.insert(QStringLiteral("previous"), active->previous);
    emit logLine(running ? tr("release %1 runs as pid %2 on 127.0.0.1:%3")
                               .arg(active->release)
                               .arg(active->instance.pid)
                               .arg(active->instance.port)
                         : tr("release %1 is the live release but does not run (pid %2 with "
                              "start time %3 is gone); a rollback to it starts it again")
                               .arg(active->release)
                               .arg(active->instance.pid)
                               .arg(active->instance.startTicks));
    addDeployment(d);
    emitSuccess();
}

} // namespace DeployDesk::LocalService
