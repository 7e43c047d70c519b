#include "deploy/railway/railwayjob.h"

#include "common/duration.h"
#include "net/graphqljob.h"
#include "net/httpjob.h"

#include <QJsonArray>
#include <QTimer>

namespace DeployDesk::Railway {
namespace {
// Status checks that may fail in a row (after the HTTP layer's own retries).
constexpr int kMaxPollFailures = 3;
constexpr int kMaxLogFailures = 3;
constexpr std::chrono::milliseconds kMaxPollWait{10000};

using Pairs = QList<std::pair<QString, QString>>;

// The entry of `list` whose id, or else name (exactly, then ignoring case), is `wanted`.
const std::pair<QString, QString> *find(const Pairs &list, const QString &wanted)
{
    for (const auto &entry : list)
        if (entry.first == wanted)
            return &entry;
    for (const auto &entry : list)
        if (entry.second == wanted)
            return &entry;
    for (const auto &entry : list)
        if (entry.second.compare(wanted, Qt::CaseInsensitive) == 0)
            return &entry;
    return nullptr;
}

QString names(const Pairs &list)
{
    QStringList out;
    for (const auto &entry : list)
        out << entry.second;
    return out.isEmpty() ? RailwayJob::tr("none") : out.join(QStringLiteral(", "));
}

void readEdges(const QJsonObject &connection, Pairs &into)
{
    for (const QJsonValue &edge : connection.value(QStringLiteral("edges")).toArray()) {
        const QJsonObject node = edge.toObject().value(QStringLiteral("node")).toObject();
        const QString id = node.value(QStringLiteral("id")).toString();
        if (!id.isEmpty())
            into.append({id, node.value(QStringLiteral("name")).toString()});
    }
}

// The next page's cursor of a connection, or empty when it has no next page.
QString nextCursor(const QJsonObject &connection)
{
    const QJsonObject page = connection.value(QStringLiteral("pageInfo")).toObject();
    return page.value(QStringLiteral("hasNextPage")).toBool()
               ? page.value(QStringLiteral("endCursor")).toString()
               : QString();
}
} // namespace

QString Scope::describe() const
{
    const QString service = serviceName.isEmpty() ? serviceId : serviceName;
    const QString environment = environmentName.isEmpty() ? environmentId : environmentName;
    const QString project = projectName.isEmpty() ? projectId : projectName;
    if (project.isEmpty())
        return RailwayJob::tr("service %1 in environment %2").arg(service, environment);
    return RailwayJob::tr("service %1 in environment %2 of project %3")
        .arg(service, environment, project);
}

RailwayJob::RailwayJob(TargetRequest request, bool needService, QObject *parent)
    : TargetJob(parent)
    , m_request(std::move(request))
    , m_needService(needService)
{
    for (const QString &secret : std::as_const(m_request.context.secretValues))
        m_masker.addSecret(secret.toUtf8());
}

RailwayJob::~RailwayJob() = default;

void RailwayJob::doStart()
{
    auto options = RailwayOptionsReader::read(m_request, m_needService);
    if (!options) {
        fail(options.error());
        return;
    }
    m_options = std::move(*options);
    m_api = RailwayApi(m_options);
    for (const QByteArray &secret : m_api.client().http().secrets())
        m_masker.addSecret(secret);
    for (const QString &note : std::as_const(m_options.notes))
        log(note);
    run();
}

void RailwayJob::doCancel()
{
    emitCancelled(); // first: the children's results then find this job ended
    const auto children = std::exchange(m_children, {});
    for (const QPointer<Job> &child : children) {
        if (child)
            child->cancel();
    }
}

void RailwayJob::send(const QString &document, const QJsonObject &variables, Done done,
                      std::optional<int> maxAttempts)
{
    GraphQlClient client = m_api.client();
    if (maxAttempts) {
        RetryPolicy policy = client.http().retryPolicy();
        policy.maxAttempts = *maxAttempts;
        client.http().setRetryPolicy(policy);
    }
    GraphQlJob *job = client.send(document, variables, this);
    m_children.append(job);
    connect(job, &Job::logLine, this, [this](const QString &line) { log(line); });
    connect(job, &Job::result, this, [this, job, done = std::move(done)] {
        m_children.removeAll(job);
        job->deleteLater();
        if (isFinished() || job->outcome() == Outcome::Cancelled)
            return;
        done(job);
    });
    job->start();
}

void RailwayJob::after(std::chrono::milliseconds wait, std::function<void()> then)
{
    QTimer::singleShot(wait, this, [this, then = std::move(then)] {
        if (!isFinished())
            then();
    });
}

QString RailwayJob::masked(const QString &text) const
{
    if (m_masker.isEmpty() || text.isEmpty())
        return text;
    QByteArrayList lines = text.toUtf8().split('\n');
    for (QByteArray &line : lines)
        line = m_masker.mask(line);
    return QString::fromUtf8(lines.join('\n'));
}

void RailwayJob::log(const QString &line)
{
    emit logLine(masked(line));
}

void RailwayJob::fail(Error error)
{
    if (error.code == ErrorCode::Network) {
        // Which address it was, so the setting to fix is plain.
        const QString variable = baseUrlVariable(Platform::Railway);
        error.message +=
            m_options.baseUrl == defaultBaseUrl(Platform::Railway)
                ? tr(" (is %1 reachable from this machine?)").arg(m_options.baseUrl.host())
                : tr(" (the Railway API address comes from %1=%2; fix or unset "
                     "it)")
                      .arg(variable, m_options.baseUrl.toString());
    }
    error.message = masked(error.message);
    error.detail = masked(error.detail);
    emitFailure(std::move(error));
}

bool RailwayJob::outcomeUnknown(const GraphQlJob *job)
{
    const ErrorCode code = job->error().code;
    return job->errors().isEmpty() &&
           (code == ErrorCode::Network || code == ErrorCode::Timeout || code == ErrorCode::Remote);
}

Error RailwayJob::prefixed(Error error, const QString &what)
{
    error.message = what + error.message;
    return error;
}

// --- resolve ------------------------------------------------------------------------------

void RailwayJob::resolve(std::function<void()> then)
{
    const RailwayOptions &o = m_options;
    if (o.tokenKind == TokenKind::Workspace) {
        m_scope.projectId = o.project;
        resolveProject({}, {}, std::move(then));
        return;
    }
    send(RailwayApi::kProjectToken, {}, [this, then = std::move(then)](GraphQlJob *job) {
        if (job->outcome() == Outcome::Failed) {
            fail(prefixed(job->error(), tr("reading the project token's project failed: ")));
            return;
        }
        const QJsonObject token = job->data().value(QStringLiteral("projectToken")).toObject();
        m_scope.projectId = token.value(QStringLiteral("projectId")).toString();
        m_scope.environmentId = token.value(QStringLiteral("environmentId")).toString();
        m_scope.projectName = token.value(QStringLiteral("project"))
                                  .toObject()
                                  .value(QStringLiteral("name"))
                                  .toString();
        m_scope.environmentName = token.value(QStringLiteral("environment"))
                                      .toObject()
                                      .value(QStringLiteral("name"))
                                      .toString();
        if (m_scope.projectId.isEmpty() || m_scope.environmentId.isEmpty()) {
            fail(makeErrorValue(ErrorCode::Remote,
                                tr("Railway answered projectToken without a project and "
                                   "environment")));
            return;
        }
        const RailwayOptions &o = m_options;
        if (!o.project.isEmpty() && o.project != m_scope.projectId) {
            fail(makeErrorValue(
                ErrorCode::Invalid,
                tr("\"project\" is %1, but the project token in %2 belongs to project %3 (%4): "
                   "remove \"project\" or use a token of that project")
                    .arg(o.project, o.tokenSecret, m_scope.projectName, m_scope.projectId)));
            return;
        }
        if (!o.environment.isEmpty() && o.environment != m_scope.environmentId &&
            o.environment.compare(m_scope.environmentName, Qt::CaseInsensitive) != 0) {
            fail(makeErrorValue(
                ErrorCode::Invalid,
                tr("\"railway-environment\" is %1, but the project token in %2 is scoped to "
                   "environment %3 (%4): a project token deploys to its own environment only; "
                   "remove \"railway-environment\" or use a token of that environment")
                    .arg(o.environment, o.tokenSecret, m_scope.environmentName,
                         m_scope.environmentId)));
            return;
        }
        resolveProject({}, {}, then);
    });
}

void RailwayJob::resolveProject(const QString &servicesAfter, const QString &environmentsAfter,
                                std::function<void()> then)
{
    QJsonObject variables{{QStringLiteral("id"), m_scope.projectId}};
    if (!servicesAfter.isEmpty())
        variables.insert(QStringLiteral("servicesAfter"), servicesAfter);
    if (!environmentsAfter.isEmpty())
        variables.insert(QStringLiteral("environmentsAfter"), environmentsAfter);
    send(RailwayApi::kProject, variables, [this, then = std::move(then)](GraphQlJob *job) {
        if (job->outcome() == Outcome::Failed) {
            Error error = job->error();
            const QString source = m_options.project.isEmpty()
                                       ? tr("the project token in %1").arg(m_options.tokenSecret)
                                       : tr("\"project\" in the stage's with:");
            error.message = error.code == ErrorCode::NotFound
                                ? tr("Railway has no project %1 (set by %2): %3")
                                      .arg(m_scope.projectId, source, error.message)
                                : tr("reading Railway project %1 failed: %2")
                                      .arg(m_scope.projectId, error.message);
            fail(std::move(error));
            return;
        }
        const QJsonObject project = job->data().value(QStringLiteral("project")).toObject();
        m_scope.projectName = project.value(QStringLiteral("name")).toString();
        const QJsonObject services = project.value(QStringLiteral("services")).toObject();
        const QJsonObject environments = project.value(QStringLiteral("environments")).toObject();
        readEdges(services, m_services);
        readEdges(environments, m_environments);
        const QString moreServices = nextCursor(services);
        const QString moreEnvironments = nextCursor(environments);
        if (!moreServices.isEmpty() || !moreEnvironments.isEmpty()) {
            // The connection without more pages is asked past its end: no edges.
            resolveProject(moreServices.isEmpty() ? services.value(QStringLiteral("pageInfo"))
                                                        .toObject()
                                                        .value(QStringLiteral("endCursor"))
                                                        .toString()
                                                  : moreServices,
                           moreEnvironments.isEmpty()
                               ? environments.value(QStringLiteral("pageInfo"))
                                     .toObject()
                                     .value(QStringLiteral("endCursor"))
                                     .toString()
                               : moreEnvironments,
                           then);
            return;
        }
        projectResolved(then);
    });
}

void RailwayJob::projectResolved(std::function<void()> then)
{
    const RailwayOptions &o = m_options;
    const QString project = m_scope.projectName.isEmpty()
                                ? m_scope.projectId
                                : tr("%1 (%2)").arg(m_scope.projectName, m_scope.projectId);
    if (m_scope.environmentId.isEmpty()) {
        const auto *environment = find(m_environments, o.environment);
        if (!environment) {
            fail(makeErrorValue(
                ErrorCode::NotFound,
                tr("Railway project %1 has no environment \"%2\" (set by %3); "
                   "its environments: %4")
                    .arg(project, o.environment, o.environmentSource, names(m_environments))));
            return;
        }
        m_scope.environmentId = environment->first;
        m_scope.environmentName = environment->second;
    } else if (const auto *environment = find(m_environments, m_scope.environmentId)) {
        m_scope.environmentName = environment->second;
    }
    if (!o.service.isEmpty()) {
        const auto *service = find(m_services, o.service);
        if (!service) {
            fail(makeErrorValue(ErrorCode::NotFound,
                                tr("Railway project %1 has no service \"%2\" (set by "
                                   "\"service\" in the stage's with:); its services: %3")
                                    .arg(project, o.service, names(m_services))));
            return;
        }
        m_scope.serviceId = service->first;
        m_scope.serviceName = service->second;
    }
    then();
}

// --- newest -------------------------------------------------------------------------------

void RailwayJob::newestDeployment(std::function<void(const QJsonObject &)> then)
{
    const QJsonObject variables{
        {QStringLiteral("input"),
         RailwayApi::listInput(m_scope.projectId, m_scope.environmentId, m_scope.serviceId)},
        {QStringLiteral("first"), 1}};
    send(RailwayApi::kDeployments, variables, [this, then = std::move(then)](GraphQlJob *job) {
        if (job->outcome() == Outcome::Failed) {
            fail(prefixed(job->error(),
                          tr("listing the deployments of %1 failed: ").arg(m_scope.describe())));
            return;
        }
        const QJsonArray edges = job->data()
                                     .value(QStringLiteral("deployments"))
                                     .toObject()
                                     .value(QStringLiteral("edges"))
                                     .toArray();
        then(edges.isEmpty() ? QJsonObject()
                             : edges.first().toObject().value(QStringLiteral("node")).toObject());
    });
}

// --- follow -------------------------------------------------------------------------------

void RailwayJob::follow(const QString &id, std::function<void(const QJsonObject &)> then)
{
    m_followId = id;
    m_followed = std::move(then);
    m_status.clear();
    m_following.start();
    m_wait = m_options.pollInterval;
    m_pollFailures = 0;
    poll();
}

void RailwayJob::poll()
{
    send(RailwayApi::kDeployment, {{QStringLiteral("id"), m_followId}}, [this](GraphQlJob *job) {
        if (job->outcome() == Outcome::Success) {
            const QJsonObject deployment =
                job->data().value(QStringLiteral("deployment")).toObject();
            if (!deployment.value(QStringLiteral("status")).isString()) {
                job = nullptr; // an answer without a status counts as a failed check
            } else {
                m_pollFailures = 0;
                evaluate(deployment);
                return;
            }
        }
        const Error error =
            job ? job->error()
                : makeErrorValue(ErrorCode::Remote, tr("the answer has no deployment status"));
        if (error.code == ErrorCode::Unauthorized || error.code == ErrorCode::NotFound ||
            ++m_pollFailures > kMaxPollFailures) {
            fail(prefixed(error, tr("following Railway deployment %1 failed: ").arg(m_followId)));
            return;
        }
        log(tr("status check failed (%1); trying again").arg(error.message));
        after(m_wait, [this] { poll(); });
    });
}

void RailwayJob::evaluate(const QJsonObject &deployment)
{
    const QString status = deployment.value(QStringLiteral("status")).toString();
    if (status != m_status) {
        log(tr("deployment %1: %2").arg(m_followId, status));
        m_status = status;
    }
    if (RailwayApi::isLive(status)) {
        fetchLogs([this, deployment] { m_followed(deployment); });
        return;
    }
    if (RailwayApi::isFailed(status)) {
        fetchLogs([this, status] {
            const QString why =
                status == u"FAILED"    ? tr("the build or the pre-deploy command failed")
                : status == u"CRASHED" ? tr("the service exited")
                : status == u"SKIPPED" ? tr("Railway skipped it (no change in its watch paths, "
                                            "or a newer deploy came)")
                                       : tr("a newer deployment replaced it");
            fail(makeErrorValue(ErrorCode::Remote,
                                tr("Railway deployment %1 of %2 ended %3: %4; see the Railway "
                                   "log above")
                                    .arg(m_followId, m_scope.describe(), status, why)));
        });
        return;
    }
    if (status == u"NEEDS_APPROVAL" && !m_approvalNoted) {
        m_approvalNoted = true;
        log(tr("deployment %1 waits for approval in Railway (a change to a volume or a "
               "protected setting); approve it there")
                .arg(m_followId));
    }
    if (std::chrono::milliseconds(m_following.elapsed()) >= m_options.timeout) {
        fail(makeErrorValue(ErrorCode::Timeout,
                            tr("Railway deployment %1 is still %2 after %3 (\"timeout\" of the "
                               "stage's with:); it goes on on Railway")
                                .arg(m_followId, status, formatDuration(m_options.timeout))));
        return;
    }
    fetchLogs([this] {
        const auto wait = m_wait;
        m_wait = std::min(std::max(kMaxPollWait, m_options.pollInterval),
                          std::chrono::milliseconds(m_wait.count() * 3 / 2));
        after(wait, [this] { poll(); });
    });
}

void RailwayJob::fetchLogs(std::function<void()> then)
{
    const bool building = RailwayApi::isBuilding(m_status);
    auto deployLogs = [this, building, then = std::move(then)] {
        if (building) {
            then();
            return;
        }
        fetchLog(m_deployLog, RailwayApi::kDeploymentLogs, QStringLiteral("deploymentLogs"),
                 tr("Railway deploy log of %1:").arg(m_followId), m_deployAnnounced,
                 m_deployLogFailures, then);
    };
    if (m_buildDone) {
        deployLogs();
        return;
    }
    // One more fetch after the build ended drains its last lines.
    if (!building)
        m_buildDone = true;
    fetchLog(m_buildLog, RailwayApi::kBuildLogs, QStringLiteral("buildLogs"),
             tr("Railway build log of %1:").arg(m_followId), m_buildAnnounced, m_buildLogFailures,
             deployLogs);
}

void RailwayJob::fetchLog(LogFollower &follower, const QString &document, const QString &field,
                          const QString &title, bool &announced, int &failures,
                          std::function<void()> then)
{
    if (failures >= kMaxLogFailures) {
        then();
        return;
    }
    send(
        document, follower.variables(m_followId),
        [this, &follower, document, field, title, &announced, &failures,
         then = std::move(then)](GraphQlJob *job) {
            const QJsonValue logs = job->outcome() == Outcome::Success
                                        ? job->data().value(field)
                                        : QJsonValue(QJsonValue::Undefined);
            if (!logs.isArray()) {
                follower.abandonRound();
                if (++failures >= kMaxLogFailures)
                    log(tr("%1 is not available (%2); following the status only")
                            .arg(field, job->outcome() == Outcome::Success
                                            ? tr("the answer has no list of lines")
                                            : job->error().message));
                then();
                return;
            }
            failures = 0;
            if (follower.take(logs.toArray())) { // a full answer: ask for what came before it
                fetchLog(follower, document, field, title, announced, failures, then);
                return;
            }
            const QStringList lines = follower.takeLines();
            if (!lines.isEmpty() && !announced) {
                announced = true;
                log(title);
            }
            for (const QString &line : lines)
                log(line);
            then();
        },
        2); // the next poll asks again anyway
}

} // namespace DeployDesk::Railway
