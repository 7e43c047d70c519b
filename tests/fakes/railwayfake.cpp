#include "fakes/railwayfake.h"

#include <QDateTime>
#include <QFile>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QUuid>

#include <algorithm>

namespace DeployDesk::Test {
namespace {
const QString kGraphQl = QStringLiteral("/graphql/v2");

QString isoMs(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs);
}

// Nanoseconds of an RFC 3339 date-time with up to 9 fraction digits; nullopt otherwise.
std::optional<qint64> parseNs(const QString &text)
{
    static const QRegularExpression pattern(
        QStringLiteral(R"(^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)(?:\.(\d{1,9}))?Z$)"));
    const auto match = pattern.match(text);
    if (!match.hasMatch())
        return std::nullopt;
    const QDateTime base = QDateTime::fromString(match.captured(1) + u'Z', Qt::ISODate);
    return base.toSecsSinceEpoch() * 1'000'000'000 +
           match.captured(2).leftJustified(9, u'0').toLongLong();
}

const std::pair<QString, QString> *byId(const QList<std::pair<QString, QString>> &list,
                                        const QString &id)
{
    for (const auto &entry : list)
        if (entry.first == id)
            return &entry;
    return nullptr;
}
} // namespace

bool RailwayFake::Caller::canSee(const QString &projectId, const QString &environmentId) const
{
    if (project)
        return projectId == projectToken &&
               (environmentId.isEmpty() || environmentId == tokenEnvironment);
    return projects.contains(projectId);
}

RailwayFake::RailwayFake(QObject *parent)
    : QObject(parent)
{
    QFile schema(QStringLiteral(DD_RAILWAY_SCHEMA_SUBSET));
    if (schema.open(QIODevice::ReadOnly))
        m_schema = GqlSchema(QJsonDocument::fromJson(schema.readAll())
                                 .object()
                                 .value(QStringLiteral("types"))
                                 .toObject());
    if (m_schema.isEmpty())
        m_violations << QStringLiteral("the schema subset %1 could not be read")
                            .arg(QStringLiteral(DD_RAILWAY_SCHEMA_SUBSET));
    m_server.setFallback([](const FakeRequest &r) {
        return FakeResponse::text("Cannot " + r.method + ' ' + r.path.toUtf8(), 404);
    });
    m_server.on("POST", kGraphQl, [this](const FakeRequest &r) { return handle(r); });
    m_server.on("GET", QStringLiteral("/sites/{id}/health"), [this](const FakeRequest &r) {
        const auto it = m_deployments.constFind(r.params.value(QStringLiteral("id")));
        if (it == m_deployments.constEnd() || it->status != u"SUCCESS")
            return FakeResponse::text("Application not found", 404);
        return FakeResponse::json(QJsonObject{{"status", "ok"}});
    });
}

RailwayFake::~RailwayFake() = default;

bool RailwayFake::listen(quint16 port)
{
    return m_server.listen(port);
}

QString RailwayFake::newId(const QString &prefix)
{
    Q_UNUSED(prefix);
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QString RailwayFake::addProject(const QString &name, const QStringList &services,
                                const QStringList &environments)
{
    Project p;
    p.id = newId({});
    p.name = name;
    for (const QString &s : services)
        p.services.append({newId({}), s});
    for (const QString &e : environments)
        p.environments.append({newId({}), e});
    m_projects.insert(p.id, p);
    return p.id;
}

QString RailwayFake::serviceId(const QString &projectId, const QString &name) const
{
    for (const auto &[id, n] : m_projects.value(projectId).services)
        if (n == name)
            return id;
    return {};
}

QString RailwayFake::environmentId(const QString &projectId, const QString &name) const
{
    for (const auto &[id, n] : m_projects.value(projectId).environments)
        if (n == name)
            return id;
    return {};
}

void RailwayFake::addProjectToken(const QByteArray &token, const QString &projectId,
                                  const QString &environmentId)
{
    m_projectTokens.insert(token, {projectId, environmentId});
}

void RailwayFake::addWorkspaceToken(const QByteArray &token, const QStringList &projectIds)
{
    m_workspaceTokens.insert(token, projectIds);
}

QString RailwayFake::seedDeployment(const QString &projectId, const QString &environmentId,
                                    const QString &serviceId, const QString &status,
                                    bool canRollback, const QString &commit)
{
    Deployment d;
    d.id = newId({});
    d.projectId = projectId;
    d.environmentId = environmentId;
    d.serviceId = serviceId;
    d.status = status;
    d.canRollback = canRollback;
    d.commit = commit;
    d.image = QStringLiteral("sha256:") + d.id.left(12);
    m_clockNs += 1'000'000'000;
    d.created = m_clockNs / 1'000'000;
    d.polls = 1000;
    m_deployments.insert(d.id, d);
    return d.id;
}

void RailwayFake::inject(const QString &field, const FakeResponse &response, int times)
{
    m_injections.append({field, response, times});
}

FakeResponse RailwayFake::rateLimited(int retryAfterSeconds)
{
    FakeResponse response = FakeResponse::json(
        QJsonObject{{"errors", QJsonArray{QJsonObject{{"message", "Rate limit exceeded"}}}}}, 429);
    response.headers.append({"Retry-After", QByteArray::number(retryAfterSeconds)});
    response.headers.append({QByteArray("X-RateLimit-Remaining"), QByteArray("0")});
    return response;
}

QList<FakeRequest> RailwayFake::calls(const QString &field) const
{
    QList<FakeRequest> out;
    for (const auto &[name, request] : m_calls)
        if (name == field)
            out.append(request);
    return out;
}

int RailwayFake::mutations() const
{
    return int(calls(QStringLiteral("serviceInstanceDeployV2")).size() +
               calls(QStringLiteral("deploymentRollback")).size());
}

QString RailwayFake::liveOf(const QString &environmentId, const QString &serviceId) const
{
    for (const Deployment &d : m_deployments)
        if (d.environmentId == environmentId && d.serviceId == serviceId &&
            (d.status == u"SUCCESS" || d.status == u"SLEEPING"))
            return d.id;
    return {};
}

FakeResponse RailwayFake::errors(const QString &message, int status, const QString &code)
{
    QJsonObject error{{"message", message},
                      {"locations", QJsonArray{QJsonObject{{"line", 1}, {"column", 1}}}},
                      {"traceId", QString::number(QRandomGenerator::global()->generate64() >> 4)}};
    if (!code.isEmpty())
        error.insert("extensions", QJsonObject{{"code", code}});
    return FakeResponse::json(
        QJsonObject{{"data", QJsonValue::Null}, {"errors", QJsonArray{error}}}, status);
}

FakeResponse RailwayFake::handle(const FakeRequest &request)
{
    const QJsonObject body = request.jsonObject();
    const QString query = body.value(QStringLiteral("query")).toString();
    const QJsonObject variables = body.value(QStringLiteral("variables")).toObject();
    if (query.isEmpty()) {
        m_violations << QStringLiteral("a request without a query string");
        return errors(QStringLiteral("Must provide query string."), 400, "BAD_REQUEST");
    }
    QString parseError;
    const auto operation = GqlOperation::parse(query, &parseError);
    if (!operation) {
        m_violations << parseError + QStringLiteral(": ") + query;
        return errors(parseError, 400, QStringLiteral("GRAPHQL_PARSE_FAILED"));
    }
    const QStringList problems = m_schema.validate(*operation, variables);
    if (!problems.isEmpty()) {
        m_violations << problems;
        return errors(problems.first(), 400, QStringLiteral("GRAPHQL_VALIDATION_FAILED"));
    }
    for (const GqlField &field : operation->fields) {
        m_fields << field.name;
        m_calls.append({field.name, request});
    }

    Caller caller;
    const QByteArray projectToken = request.header("project-access-token");
    const QByteArray authorization = request.header("authorization");
    if (!projectToken.isEmpty() && !authorization.isEmpty()) {
        m_violations << QStringLiteral("both Project-Access-Token and Authorization sent");
        return errors(QStringLiteral("Not Authorized"));
    }
    if (!projectToken.isEmpty()) {
        const auto it = m_projectTokens.constFind(projectToken);
        if (it == m_projectTokens.constEnd())
            return errors(QStringLiteral("Project Token not found"));
        caller.project = true;
        caller.projectToken = it->first;
        caller.tokenEnvironment = it->second;
    } else if (authorization.startsWith("Bearer ") &&
               m_workspaceTokens.contains(authorization.mid(7))) {
        caller.projects = m_workspaceTokens.value(authorization.mid(7));
    } else {
        return errors(QStringLiteral("Not Authorized"));
    }

    QJsonObject data;
    for (const GqlField &field : operation->fields) {
        const auto injected =
            std::find_if(m_injections.begin(), m_injections.end(),
                         [&](const Injection &i) { return i.times > 0 && i.field == field.name; });
        if (injected != m_injections.end()) {
            const FakeResponse response = injected->response;
            if (--injected->times == 0)
                m_injections.erase(injected);
            return response;
        }
        QString error;
        const QJsonValue value = resolve(field, variables, caller, &error);
        if (!error.isEmpty())
            return errors(error);
        data.insert(field.key(), GqlSchema::select(value, field.selections));
    }
    FakeResponse response = FakeResponse::json(QJsonObject{{"data", data}});
    for (const GqlField &field : operation->fields) {
        if (m_lose.removeOne(field.name))
            response.fault = FakeResponse::Fault::ResetMidBody;
    }
    return response;
}

QString RailwayFake::timestamp()
{
    m_clockNs += 400'000; // 0.4 ms: two or three lines share each millisecond
    const qint64 seconds = m_clockNs / 1'000'000'000;
    return QDateTime::fromSecsSinceEpoch(seconds, Qt::UTC).toString(Qt::ISODate).chopped(1) + u'.' +
           QString::number(m_clockNs % 1'000'000'000).rightJustified(9, u'0') + u'Z';
}

void RailwayFake::addLog(QJsonArray &logs, const QString &message, const QString &severity)
{
    logs.append(QJsonObject{{"timestamp", timestamp()},
                            {"message", message},
                            {"severity", severity.isEmpty() ? QStringLiteral("info") : severity},
                            {"attributes", QJsonArray{}},
                            {"tags", QJsonValue::Null}});
}

void RailwayFake::advance(Deployment &d)
{
    ++d.polls;
    if (d.status == u"QUEUED") {
        if (d.skipBuild) {
            d.status = QStringLiteral("DEPLOYING");
            addLog(d.deployLogs, QStringLiteral("Starting Container"));
            return;
        }
        d.status = QStringLiteral("BUILDING");
        addLog(d.buildLogs, QStringLiteral("[internal] load build definition from Dockerfile"));
        return;
    }
    if (d.status == u"BUILDING") {
        for (int i = 0; i < m_linesPerPoll && d.buildLines < m_buildLines; ++i)
            addLog(d.buildLogs,
                   QStringLiteral("build step %1 of %2").arg(++d.buildLines).arg(m_buildLines));
        if (d.buildLines < m_buildLines)
            return;
        if (d.failBuild) {
            addLog(d.buildLogs,
                   QStringLiteral("ERROR: failed to solve: process \"/bin/sh -c "
                                  "pip install -r requirements.txt\" did not "
                                  "complete successfully: exit code: 1"),
                   QStringLiteral("error"));
            d.status = QStringLiteral("FAILED");
            return;
        }
        addLog(d.buildLogs, QStringLiteral("Build time: 12.34 seconds"));
        d.status = QStringLiteral("DEPLOYING");
        addLog(d.deployLogs, QStringLiteral("Starting Container"));
        return;
    }
    if (d.status == u"DEPLOYING") {
        if (d.crash) {
            addLog(d.deployLogs,
                   QStringLiteral("Traceback (most recent call last):\n  File "
                                  "\"/app/main.py\", line 1\nKeyError: "
                                  "'DATABASE_URL'"),
                   QStringLiteral("error"));
            d.status = QStringLiteral("CRASHED");
            return;
        }
        addLog(d.deployLogs, QStringLiteral("INFO:     Uvicorn running on http://0.0.0.0:8080"));
        for (Deployment &other : m_deployments) {
            if (other.id != d.id && other.environmentId == d.environmentId &&
                other.serviceId == d.serviceId &&
                (other.status == u"SUCCESS" || other.status == u"SLEEPING"))
                other.status = QStringLiteral("REMOVED");
        }
        d.status = QStringLiteral("SUCCESS");
    }
}

QJsonObject RailwayFake::describe(const Deployment &d) const
{
    const Project &p = m_projects[d.projectId];
    const auto *service = byId(p.services, d.serviceId);
    const auto *environment = byId(p.environments, d.environmentId);
    const QString host = m_sitePrefix.isEmpty()
                             ? QStringLiteral("%1-%2.up.railway.app")
                                   .arg(service ? service->second : QStringLiteral("service"),
                                        environment ? environment->second : QStringLiteral("env"))
                             : m_sitePrefix + d.id;
    const bool rollbackable = d.canRollback && (d.status == u"SUCCESS" || d.status == u"REMOVED" ||
                                                d.status == u"SLEEPING");
    return QJsonObject{
        {"id", d.id},
        {"status", d.status},
        {"createdAt", isoMs(d.created)},
        {"updatedAt", isoMs(d.created)},
        {"statusUpdatedAt", isoMs(d.created)},
        {"url", QJsonValue::Null},
        {"staticUrl", host},
        {"canRollback", rollbackable},
        {"canRedeploy", true},
        {"deploymentStopped", false},
        {"projectId", d.projectId},
        {"serviceId", d.serviceId},
        {"environmentId", d.environmentId},
        {"snapshotId", QJsonValue::Null},
        {"suggestAddServiceDomain", false},
        {"meta", QJsonObject{{"commitHash", d.commit.isEmpty() ? QJsonValue() : d.commit},
                             {"image", d.image}}}};
}

QJsonObject RailwayFake::connection(const QList<std::pair<QString, QString>> &items,
                                    const GqlField &field, const QJsonObject &variables) const
{
    const QJsonObject args = field.arguments(variables);
    const int first = std::min(args.value("first").toInt(m_pageSize), m_pageSize);
    int start = 0;
    if (args.value("after").isString())
        start = args.value("after").toString().mid(7).toInt() + 1; // "cursor:N"
    QJsonArray edges;
    int index = start;
    for (; index < items.size() && index < start + first; ++index)
        edges.append(QJsonObject{{"cursor", QStringLiteral("cursor:%1").arg(index)},
                                 {"node", QJsonObject{{"id", items.at(index).first},
                                                      {"name", items.at(index).second}}}});
    return QJsonObject{
        {"edges", edges},
        {"pageInfo",
         QJsonObject{{"hasNextPage", index < items.size()},
                     {"hasPreviousPage", start > 0},
                     {"startCursor", QStringLiteral("cursor:%1").arg(start)},
                     {"endCursor", QStringLiteral("cursor:%1").arg(std::max(start, index - 1))}}}};
}

QJsonValue RailwayFake::resolve(const GqlField &field, const QJsonObject &variables,
                                const Caller &caller, QString *error)
{
    const QJsonObject args = field.arguments(variables);
    const QString name = field.name;
    auto deploymentArg = [&](const char *key) -> Deployment * {
        auto it = m_deployments.find(args.value(QLatin1String(key)).toString());
        if (it == m_deployments.end()) {
            *error = QStringLiteral("Deployment not found");
            return nullptr;
        }
        if (!caller.canSee(it->projectId, it->environmentId)) {
            *error = QStringLiteral("Not Authorized");
            return nullptr;
        }
        return &*it;
    };

    if (name == u"projectToken") {
        if (!caller.project) {
            *error = QStringLiteral("Project Token not found");
            return {};
        }
        const Project &p = m_projects[caller.projectToken];
        const auto *environment = byId(p.environments, caller.tokenEnvironment);
        return QJsonObject{
            {"id", QStringLiteral("token-1")},
            {"name", QStringLiteral("deploydesk")},
            {"displayToken", QStringLiteral("****")},
            {"projectId", p.id},
            {"environmentId", caller.tokenEnvironment},
            {"project", QJsonObject{{"id", p.id}, {"name", p.name}}},
            {"environment", QJsonObject{{"id", caller.tokenEnvironment},
                                        {"name", environment ? environment->second : QString()}}}};
    }
    if (name == u"project") {
        const QString id = args.value("id").toString();
        if (!m_projects.contains(id)) {
            *error = QStringLiteral("Project not found");
            return {};
        }
        if (!caller.canSee(id)) {
            *error = QStringLiteral("Not Authorized");
            return {};
        }
        const Project &p = m_projects[id];
        QJsonObject out{{"id", p.id}, {"name", p.name}};
        for (const GqlField &inner : field.selections) {
            if (inner.name == u"services")
                out.insert("services", connection(p.services, inner, variables));
            else if (inner.name == u"environments")
                out.insert("environments", connection(p.environments, inner, variables));
        }
        return out;
    }
    if (name == u"deployment") {
        Deployment *d = deploymentArg("id");
        if (!d)
            return {};
        advance(*d);
        return describe(*d);
    }
    if (name == u"deployments") {
        const QJsonObject input = args.value("input").toObject();
        const QString projectId = input.value("projectId").toString();
        const QString environmentId = input.value("environmentId").toString();
        const QString serviceId = input.value("serviceId").toString();
        if (caller.project &&
            ((!projectId.isEmpty() && projectId != caller.projectToken) ||
             (!environmentId.isEmpty() && environmentId != caller.tokenEnvironment))) {
            *error = QStringLiteral("Not Authorized");
            return {};
        }
        const QJsonArray in = input.value("status").toObject().value("in").toArray();
        const QJsonArray notIn = input.value("status").toObject().value("notIn").toArray();
        QList<const Deployment *> matching;
        for (const Deployment &d : std::as_const(m_deployments)) {
            if ((!projectId.isEmpty() && d.projectId != projectId) ||
                (!environmentId.isEmpty() && d.environmentId != environmentId) ||
                (!serviceId.isEmpty() && d.serviceId != serviceId) ||
                !caller.canSee(d.projectId, d.environmentId))
                continue;
            if ((!in.isEmpty() && !in.contains(d.status)) || notIn.contains(d.status))
                continue;
            matching.append(&d);
        }
        std::sort(matching.begin(), matching.end(), [](const Deployment *a, const Deployment *b) {
            return a->created != b->created ? a->created > b->created : a->id > b->id;
        });
        QList<std::pair<QString, QString>> ids;
        for (const Deployment *d : matching)
            ids.append({d->id, {}});
        QJsonObject page = connection(ids, field, variables);
        QJsonArray edges;
        for (const QJsonValue &edge : page.value("edges").toArray()) {
            QJsonObject e = edge.toObject();
            e.insert("node", describe(m_deployments.value(
                                 e.value("node").toObject().value("id").toString())));
            edges.append(e);
        }
        page.insert("edges", edges);
        return page;
    }
    if (name == u"buildLogs" || name == u"deploymentLogs") {
        const Deployment *d = deploymentArg("deploymentId");
        if (!d)
            return {};
        const QJsonArray &all = name == u"buildLogs" ? d->buildLogs : d->deployLogs;
        const auto start = parseNs(args.value("startDate").toString());
        const auto end = parseNs(args.value("endDate").toString());
        if ((args.contains("startDate") && !start) || (args.contains("endDate") && !end)) {
            *error = QStringLiteral("Invalid DateTime");
            return {};
        }
        QJsonArray window;
        for (const QJsonValue &log : all) {
            const qint64 at = *parseNs(log.toObject().value("timestamp").toString());
            if ((start && at < *start) || (end && at > *end))
                continue;
            window.append(log);
        }
        const int limit = args.value("limit").toInt(100);
        while (window.size() > limit + 1) // the newest limit+1, as Railway answers
            window.removeFirst();
        return window;
    }
    if (name == u"serviceInstanceDeployV2") {
        const QString environmentId = args.value("environmentId").toString();
        const QString serviceId = args.value("serviceId").toString();
        const Project *project = nullptr;
        for (const Project &p : std::as_const(m_projects))
            if (byId(p.services, serviceId))
                project = &p;
        if (!project) {
            *error = QStringLiteral("Service not found");
            return {};
        }
        if (!byId(project->environments, environmentId)) {
            *error = QStringLiteral("Environment not found");
            return {};
        }
        if (!caller.canSee(project->id, environmentId)) {
            *error = QStringLiteral("Not Authorized");
            return {};
        }
        Deployment d;
        d.id = newId({});
        d.projectId = project->id;
        d.environmentId = environmentId;
        d.serviceId = serviceId;
        d.commit = args.value("commitSha").toString();
        d.image = QStringLiteral("sha256:") + d.id.left(12);
        d.failBuild = std::exchange(m_failNext, false);
        d.crash = std::exchange(m_crashNext, false);
        m_clockNs += 1'000'000'000;
        d.created = m_clockNs / 1'000'000;
        m_deployments.insert(d.id, d);
        return d.id;
    }
    if (name == u"deploymentRollback") {
        Deployment *target = deploymentArg("id");
        if (!target)
            return {};
        if (!describe(*target).value("canRollback").toBool()) {
            *error = QStringLiteral("Deployment cannot be rolled back");
            return {};
        }
        Deployment d;
        d.id = newId({});
        d.projectId = target->projectId;
        d.environmentId = target->environmentId;
        d.serviceId = target->serviceId;
        d.commit = target->commit;
        d.image = target->image;
        d.skipBuild = true;
        m_clockNs += 1'000'000'000;
        d.created = m_clockNs / 1'000'000;
        m_deployments.insert(d.id, d);
        return true;
    }
    m_violations << QStringLiteral("the fake does not answer %1").arg(name);
    *error = QStringLiteral("Problem processing request");
    return {};
}

} // namespace DeployDesk::Test
