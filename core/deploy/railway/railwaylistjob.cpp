#include "deploy/railway/railwaylistjob.h"

#include "net/graphqljob.h"
#include "net/httpjob.h"

#include <QJsonArray>

namespace DeployDesk::Railway {

RailwayListJob::RailwayListJob(TargetRequest request, Mode mode, QObject *parent)
    : RailwayJob(std::move(request), true, parent)
    , m_mode(mode)
{}

RailwayListJob::~RailwayListJob() = default;

void RailwayListJob::run()
{
    resolve([this] { fetch({}); });
}

void RailwayListJob::fetch(const QString &after)
{
    const QStringList live{QStringLiteral("SUCCESS"), QStringLiteral("SLEEPING")};
    QJsonObject variables{
        {QStringLiteral("input"),
         RailwayApi::listInput(m_scope.projectId, m_scope.environmentId, m_scope.serviceId,
                               m_mode == Mode::Live ? live : QStringList())},
        {QStringLiteral("first"), m_mode == Mode::Live ? 1 : kPageSize}};
    if (!after.isEmpty())
        variables.insert(QStringLiteral("after"), after);
    send(RailwayApi::kDeployments, variables, [this, after](GraphQlJob *job) {
        if (job->outcome() == Outcome::Failed) {
            fail(prefixed(job->error(),
                          tr("listing the deployments of %1 failed: ").arg(m_scope.describe())));
            return;
        }
        ++m_pages;
        const QJsonObject connection = job->data().value(QStringLiteral("deployments")).toObject();
        for (const QJsonValue &edge : connection.value(QStringLiteral("edges")).toArray()) {
            Deployment deployment =
                RailwayApi::toDeployment(edge.toObject().value(QStringLiteral("node")).toObject());
            if (deployment.version.isEmpty())
                continue;
            QVariantMap &d = deployment.details;
            if (!m_scope.serviceName.isEmpty())
                d.insert(QStringLiteral("serviceName"), m_scope.serviceName);
            if (!m_scope.environmentName.isEmpty())
                d.insert(QStringLiteral("environmentName"), m_scope.environmentName);
            if (!m_scope.projectName.isEmpty())
                d.insert(QStringLiteral("projectName"), m_scope.projectName);
            addDeployment(std::move(deployment));
        }
        const QJsonObject page = connection.value(QStringLiteral("pageInfo")).toObject();
        const QString next = page.value(QStringLiteral("endCursor")).toString();
        if (m_mode == Mode::Live || !page.value(QStringLiteral("hasNextPage")).toBool()) {
            emitSuccess();
            return;
        }
        if (next.isEmpty() || next == after) {
            fail(makeErrorValue(ErrorCode::Remote,
                                tr("Railway's list of deployments does not move on (next page "
                                   "after \"%1\" again)")
                                    .arg(next)));
            return;
        }
        if (m_pages >= kMaxPages) {
            log(tr("listed the newest %n deployment(s); stopping there", nullptr,
                   int(deployments().size())));
            emitSuccess();
            return;
        }
        fetch(next);
    });
}

} // namespace DeployDesk::Railway
