#include "deploy/vercel/vercellistjob.h"

#include "net/httpjob.h"

#include <QJsonArray>

namespace DeployDesk::Vercel {

VercelListJob::VercelListJob(TargetRequest request, Mode mode, QObject *parent)
    : VercelJob(std::move(request), false, parent)
    , m_mode(mode)
{}

VercelListJob::~VercelListJob() = default;

void VercelListJob::run()
{
    fetch(std::nullopt);
}

void VercelListJob::fetch(std::optional<qint64> until)
{
    QUrlQuery filters;
    int limit = kPageSize;
    if (m_mode == Mode::LiveProduction) {
        filters.addQueryItem(QStringLiteral("target"), QStringLiteral("production"));
        filters.addQueryItem(QStringLiteral("state"), QStringLiteral("READY"));
        limit = 1;
    }
    call(api().listDeployments(options().project, limit, until, filters), [this,
                                                                           until](HttpJob *job) {
        if (job->outcome() == Outcome::Failed) {
            Error error = job->error();
            if (error.code == ErrorCode::NotFound)
                error.message =
                    tr("Vercel has no %1 (set by %2): %3")
                        .arg(options().describeProject(), options().projectSource, error.message);
            fail(std::move(error));
            return;
        }
        ++m_pages;
        const QJsonObject answer = job->jsonObject();
        for (const QJsonValue &item : answer.value(QStringLiteral("deployments")).toArray()) {
            Deployment deployment = VercelApi::toDeployment(item.toObject(), options().teamId);
            if (deployment.version.isEmpty())
                continue;
            if (!deployment.details.contains(QStringLiteral("projectId")))
                deployment.details.insert(QStringLiteral("projectId"), options().project);
            addDeployment(std::move(deployment));
            if (m_mode == Mode::LiveProduction) {
                emitSuccess();
                return;
            }
        }
        const QJsonValue next =
            answer.value(QStringLiteral("pagination")).toObject().value(QStringLiteral("next"));
        if (m_mode == Mode::LiveProduction || next.isNull() || next.isUndefined()) {
            emitSuccess();
            return;
        }
        const qint64 nextUntil = next.toInteger();
        if (until && nextUntil >= *until) {
            fail(makeErrorValue(ErrorCode::Remote,
                                tr("Vercel's list of deployments does not move on (next "
                                   "page until=%1 again)")
                                    .arg(nextUntil)));
            return;
        }
        if (m_pages >= kMaxPages) {
            log(tr("listed the newest %n deployment(s); stopping there", nullptr,
                   int(deployments().size())));
            emitSuccess();
            return;
        }
        fetch(nextUntil);
    });
}

} // namespace DeployDesk::Vercel
