#include "fakes/vercelfake.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QRandomGenerator>

#include <algorithm>

namespace DeployDesk::Test {
namespace {
QString randomId(int length)
{
    static const char alphabet[] = "abcdefghijklmnopqrstuvwxyz0123456789";
    QString id;
    for (int i = 0; i < length; ++i)
        id += QLatin1Char(alphabet[QRandomGenerator::global()->bounded(36)]);
    return id;
}

bool isSha1Hex(const QByteArray &value)
{
    if (value.size() != 40)
        return false;
    return std::all_of(value.cbegin(), value.cend(),
                       [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
}
} // namespace

VercelFake::VercelFake(QObject *parent)
    : QObject(parent)
{
    m_server.setFallback([](const FakeRequest &request) {
        return error(404, QStringLiteral("not_found"),
                     QStringLiteral("The requested API endpoint %1 %2 was not found")
                         .arg(QString::fromLatin1(request.method), request.path));
    });
    route("POST", QStringLiteral("/v2/files"), [this](const FakeRequest &r) { return upload(r); });
    route("POST", QStringLiteral("/v13/deployments"),
          [this](const FakeRequest &r) { return create(r); });
    route("GET", QStringLiteral("/v13/deployments/{id}"),
          [this](const FakeRequest &r) { return get(r); });
    route("GET", QStringLiteral("/v3/deployments/{id}/events"),
          [this](const FakeRequest &r) { return events(r); });
    route("GET", QStringLiteral("/v6/deployments"),
          [this](const FakeRequest &r) { return list(r); });
    route("POST", QStringLiteral("/v9/projects/{project}/rollback/{id}"),
          [this](const FakeRequest &r) { return rollback(r, 9); });
    route("POST", QStringLiteral("/v1/projects/{project}/rollback/{id}"),
          [this](const FakeRequest &r) { return rollback(r, 1); });
    route("POST", QStringLiteral("/v10/projects/{project}/promote/{id}"),
          [this](const FakeRequest &r) { return promote(r); });
    // The deployments' own sites (test-only, see setSiteUrlPrefix()): no token needed.
    m_server.on("GET", QStringLiteral("/sites/{id}"), [this](const FakeRequest &r) {
        const auto it = m_deployments.constFind(r.params.value(QStringLiteral("id")));
        if (it == m_deployments.constEnd() || it->state != QLatin1String("READY"))
            return FakeResponse::text("The deployment could not be found on Vercel.", 404);
        return FakeResponse::text("<!doctype html><title>ok</title>", 200, "text/html");
    });
}

VercelFake::~VercelFake() = default;

bool VercelFake::listen(quint16 port)
{
    return m_server.listen(port);
}

QString VercelFake::addProject(const QString &name)
{
    const QString id = QStringLiteral("prj_") + randomId(24);
    m_projects.insert(id, name);
    return id;
}

void VercelFake::failNextBuild(const QString &code, const QString &message)
{
    m_failNext = true;
    m_failCode = code;
    m_failMessage = message;
}

QString VercelFake::seedDeployment(const QString &projectId, const QString &target,
                                   const QString &state, qint64 created,
                                   const QString &readySubstate)
{
    Deployment d;
    d.id = QStringLiteral("dpl_") + randomId(20);
    d.projectId = projectId;
    d.name = m_projects.value(projectId);
    d.url = m_sitePrefix.isEmpty() ? d.name + u'-' + randomId(9) + QStringLiteral(".vercel.app")
                                   : m_sitePrefix + d.id;
    d.target = target == QLatin1String("production") ? target : QString();
    d.state = state;
    d.created = created;
    d.readySubstate = readySubstate;
    d.aliasAssigned = state == QLatin1String("READY") && !d.target.isEmpty();
    d.polls = 1000;
    m_deployments.insert(d.id, d);
    return d.id;
}

void VercelFake::inject(const QByteArray &method, const QString &pathPrefix,
                        const FakeResponse &response, int times)
{
    m_injections.append({method.toUpper(), pathPrefix, response, times});
}

void VercelFake::resetNextUploads(int times, qint64 afterBytes)
{
    m_resetUploads = times;
    m_resetAfter = afterBytes;
}

FakeResponse VercelFake::rateLimited(int retryAfterSeconds)
{
    const qint64 reset = QDateTime::currentSecsSinceEpoch() + retryAfterSeconds;
    FakeResponse response = FakeResponse::json(
        QJsonObject{{"error", QJsonObject{{"code", "rate_limited"},
                                          {"message", "Rate limit exceeded"},
                                          {"limit", QJsonObject{{"remaining", 0},
                                                                {"reset", reset},
                                                                {"resetMs", reset * 1000},
                                                                {"total", 100}}}}}},
        429);
    response.headers.append({"Retry-After", QByteArray::number(retryAfterSeconds)});
    return response;
}

QList<FakeRequest> VercelFake::calls(const QByteArray &method, const QString &pathPrefix) const
{
    QList<FakeRequest> out;
    for (const FakeRequest &request : m_server.requests()) {
        if (request.method == method && request.path.startsWith(pathPrefix))
            out.append(request);
    }
    return out;
}

void VercelFake::clearUploads()
{
    m_accepted.clear();
    m_uploadCalls = 0;
}

void VercelFake::route(const QByteArray &method, const QString &pattern, Handler handler)
{
    m_server.on(method, pattern, [this, handler = std::move(handler)](const FakeRequest &r) {
        return guard(r, handler);
    });
}

FakeResponse VercelFake::error(int status, const QString &code, const QString &message)
{
    return FakeResponse::json(
        QJsonObject{{"error", QJsonObject{{"code", code}, {"message", message}}}}, status);
}

FakeResponse VercelFake::guard(const FakeRequest &request, const Handler &handler)
{
    if (!m_recordBodies)
        m_server.clearRequests();
    FakeResponse response;
    const QByteArray auth = request.header("authorization");
    if (auth != "Bearer " + m_token) {
        response =
            error(401, QStringLiteral("forbidden"),
                  auth.isEmpty() ? QStringLiteral("The request is missing an authentication token")
                                 : QStringLiteral("Not authorized"));
    } else if (!m_team.isEmpty() &&
               request.query.queryItemValue(QStringLiteral("teamId")) != m_team) {
        m_violations.append(QStringLiteral("%1 %2 without teamId=%3")
                                .arg(QString::fromLatin1(request.method), request.path, m_team));
        response = error(403, QStringLiteral("forbidden"),
                         QStringLiteral("You don't have permission to access this resource "
                                        "(personal scope); pass teamId"));
    } else {
        const auto it =
            std::find_if(m_injections.begin(), m_injections.end(), [&](const Injection &i) {
                return i.times > 0 && i.method == request.method &&
                       request.path.startsWith(i.prefix);
            });
        if (it != m_injections.end()) {
            response = it->response;
            if (--it->times == 0)
                m_injections.erase(it);
        } else {
            response = handler(request);
        }
    }
    response.headers.append(
        {"x-vercel-id", "fra1::" + QByteArray::number(++m_serial) + '-' + randomId(12).toLatin1()});
    if (m_latency.count() > 0 || (m_uploadLatency.count() > 0 && request.path == u"/v2/files"))
        response.delay += m_latency + (request.path == u"/v2/files" ? m_uploadLatency
                                                                    : std::chrono::milliseconds(0));
    return response;
}

QString VercelFake::projectIdFor(const QString &idOrName) const
{
    if (m_projects.contains(idOrName))
        return idOrName;
    for (auto it = m_projects.cbegin(); it != m_projects.cend(); ++it) {
        if (it.value() == idOrName)
            return it.key();
    }
    return {};
}

FakeResponse VercelFake::upload(const FakeRequest &request)
{
    ++m_uploadCalls;
    const QByteArray digest = request.header("x-vercel-digest");
    if (!isSha1Hex(digest)) {
        m_violations.append(QStringLiteral("upload without a valid x-vercel-digest"));
        return error(400, QStringLiteral("bad_request"),
                     QStringLiteral("Missing or invalid x-vercel-digest header"));
    }
    const QByteArray length = request.header("content-length");
    if (length.isEmpty() || length.toLongLong() != request.body.size()) {
        m_violations.append(QStringLiteral("upload %1 without a matching Content-Length")
                                .arg(QString::fromLatin1(digest)));
        return error(400, QStringLiteral("bad_request"),
                     QStringLiteral("Content-Length does not match the body"));
    }
    if (QCryptographicHash::hash(request.body, QCryptographicHash::Sha1).toHex() != digest) {
        m_violations.append(
            QStringLiteral("upload %1: the body's SHA-1 differs").arg(QString::fromLatin1(digest)));
        return error(400, QStringLiteral("bad_request"),
                     QStringLiteral("The file's SHA-1 does not match x-vercel-digest"));
    }
    m_blobs.insert(digest);
    ++m_accepted[digest];
    return FakeResponse::empty(200);
}

FakeResponse VercelFake::create(const FakeRequest &request)
{
    const QJsonObject body = request.jsonObject();
    if (body.isEmpty())
        return error(400, QStringLiteral("bad_request"),
                     QStringLiteral("Invalid request: the body must be a JSON object"));
    m_createBodies.append(body);
    const QString name = body.value(QStringLiteral("name")).toString();
    if (name.isEmpty())
        return error(400, QStringLiteral("bad_request"),
                     QStringLiteral("Invalid request: missing required property `name`"));
    QString wanted = body.value(QStringLiteral("project")).toString();
    if (wanted.isEmpty())
        wanted = name;
    const QString projectId = projectIdFor(wanted);
    if (projectId.isEmpty())
        return error(404, QStringLiteral("not_found"), QStringLiteral("Project not found"));
    if (body.contains(QStringLiteral("target")) &&
        body.value(QStringLiteral("target")).toString() != QLatin1String("production"))
        return error(400, QStringLiteral("bad_request"),
                     QStringLiteral("Invalid request: `target` should be equal to one of the "
                                    "allowed values \"production, staging\""));

    QJsonArray missing;
    QSet<QString> named;
    for (const QJsonValue &value : body.value(QStringLiteral("files")).toArray()) {
        const QJsonObject file = value.toObject();
        const QString sha = file.value(QStringLiteral("sha")).toString();
        if (file.value(QStringLiteral("file")).toString().isEmpty() || sha.isEmpty() ||
            !file.contains(QStringLiteral("size")))
            return error(400, QStringLiteral("bad_request"),
                         QStringLiteral("Invalid request: each of `files` needs file, sha and "
                                        "size"));
        if (!m_blobs.contains(sha.toLatin1()) && !named.contains(sha)) {
            named.insert(sha);
            missing.append(sha);
        }
    }
    if (!missing.isEmpty()) {
        if (m_resetUploads > 0) {
            m_server.resetDuringRequestBody(m_resetUploads, m_resetAfter);
            m_resetUploads = 0;
        }
        return FakeResponse::json(QJsonObject{{"error", QJsonObject{{"code", "missing_files"},
                                                                    {"message", "Missing files"},
                                                                    {"missing", missing}}}},
                                  400);
    }

    Deployment d;
    d.id = QStringLiteral("dpl_") + randomId(20);
    d.projectId = projectId;
    d.name = m_projects.value(projectId);
    d.url = m_sitePrefix.isEmpty() ? d.name + u'-' + randomId(9) + QStringLiteral(".vercel.app")
                                   : m_sitePrefix + d.id;
    d.target = body.value(QStringLiteral("target")).toString();
    d.created = (m_clock += 1000);
    d.meta = body.value(QStringLiteral("meta")).toObject();
    d.failBuild = std::exchange(m_failNext, false);
    d.errorCode = m_failCode;
    d.errorMessage = m_failMessage;
    m_deployments.insert(d.id, d);
    return FakeResponse::json(describe(d, false));
}

void VercelFake::addEvent(Deployment &d, const QString &type, const QString &text)
{
    // Two events share each millisecond, so a client's `since` meets some twice.
    const qint64 created = d.created + 1 + d.events.size() / 2;
    d.events.append(QJsonObject{
        {"type", type},
        {"created", created},
        {"payload",
         QJsonObject{{"text", text},
                     {"deploymentId", d.id},
                     {"id", QStringLiteral("evt_%1_%2").arg(d.id).arg(d.events.size())}}}});
}

void VercelFake::advance(Deployment &d)
{
    ++d.polls;
    if (d.state == QLatin1String("READY")) {
        if (!d.target.isEmpty() && !d.aliasAssigned) {
            d.aliasAssigned = true;
            d.readySubstate = QStringLiteral("PROMOTED");
            m_production.insert(d.projectId, d.id);
        }
        return;
    }
    if (d.state == QLatin1String("ERROR") || d.state == QLatin1String("CANCELED"))
        return;
    if (d.polls == 1) {
        d.state = QStringLiteral("BUILDING");
        addEvent(d, QStringLiteral("command"), QStringLiteral("Running \"vercel build\""));
        addEvent(d, QStringLiteral("stdout"),
                 QStringLiteral("Vercel CLI 41.0.0\nBuild machine: 2 cores, 8 GB"));
        return;
    }
    if (d.polls < m_buildPolls) {
        addEvent(d, QStringLiteral("stdout"),
                 QStringLiteral("Building step %1 of %2").arg(d.polls).arg(m_buildPolls));
        return;
    }
    if (d.failBuild) {
        d.state = QStringLiteral("ERROR");
        addEvent(d, QStringLiteral("stderr"), QStringLiteral("Error: %1").arg(d.errorMessage));
        addEvent(d, QStringLiteral("exit"), QString());
        return;
    }
    d.state = QStringLiteral("READY");
    addEvent(d, QStringLiteral("stdout"), QStringLiteral("Build Completed in /vercel/output"));
    addEvent(d, QStringLiteral("stdout"), QStringLiteral("Deployment completed"));
}

QJsonObject VercelFake::describe(const Deployment &d, bool listItem) const
{
    const QString team = m_team.isEmpty() ? QStringLiteral("personal") : m_team;
    QJsonObject o{
        {listItem ? "uid" : "id", d.id},
        {"name", d.name},
        {"url", d.url},
        {"readyState", d.state},
        {"projectId", d.projectId},
        {"target", d.target.isEmpty() ? QJsonValue() : QJsonValue(d.target)},
        {"inspectorUrl", QStringLiteral("https://vercel.com/%1/%2/%3").arg(team, d.name, d.id)},
        {"meta", d.meta}};
    if (listItem) {
        o.insert("created", d.created);
        o.insert("state", d.state);
        o.insert("source", "cli");
        o.insert("errorCode",
                 d.state == QLatin1String("ERROR") ? QJsonValue(d.errorCode) : QJsonValue());
        return o;
    }
    o.insert("createdAt", d.created);
    o.insert("alias",
             d.aliasAssigned ? QJsonArray{d.name + QStringLiteral(".vercel.app")} : QJsonArray{});
    o.insert("aliasAssigned", d.aliasAssigned);
    o.insert("aliasError", QJsonValue());
    if (!d.readySubstate.isEmpty())
        o.insert("readySubstate", d.readySubstate);
    if (d.state == QLatin1String("ERROR")) {
        o.insert("errorCode", d.errorCode);
        o.insert("errorMessage", d.errorMessage);
    }
    return o;
}

FakeResponse VercelFake::get(const FakeRequest &request)
{
    auto it = m_deployments.find(request.params.value(QStringLiteral("id")));
    if (it == m_deployments.end())
        return error(404, QStringLiteral("not_found"), QStringLiteral("Deployment not found"));
    advance(*it);
    return FakeResponse::json(describe(*it, false));
}

FakeResponse VercelFake::events(const FakeRequest &request)
{
    const auto it = m_deployments.constFind(request.params.value(QStringLiteral("id")));
    if (it == m_deployments.constEnd())
        return error(404, QStringLiteral("not_found"), QStringLiteral("Deployment not found"));
    bool hasSince = false;
    const qint64 since =
        request.query.queryItemValue(QStringLiteral("since")).toLongLong(&hasSince);
    QJsonArray out;
    for (const QJsonValue &event : it->events) {
        if (!hasSince || event.toObject().value("created").toInteger() >= since)
            out.append(event);
    }
    return FakeResponse::jsonArray(out);
}

FakeResponse VercelFake::list(const FakeRequest &request)
{
    const QString wanted = request.query.queryItemValue(QStringLiteral("projectId"));
    const QString projectId = projectIdFor(wanted);
    if (projectId.isEmpty())
        return error(404, QStringLiteral("not_found"), QStringLiteral("Project not found"));
    const int limit =
        std::clamp(request.query.queryItemValue(QStringLiteral("limit")).toInt(), 1, 100);
    bool hasUntil = false;
    const qint64 until =
        request.query.queryItemValue(QStringLiteral("until")).toLongLong(&hasUntil);
    const QString target = request.query.queryItemValue(QStringLiteral("target"));
    const QStringList states = request.query.queryItemValue(QStringLiteral("state"))
                                   .split(QLatin1Char(','), Qt::SkipEmptyParts);
    QList<Deployment> matching;
    for (const Deployment &d : m_deployments) {
        if (d.projectId != projectId || (hasUntil && d.created >= until))
            continue;
        if (!target.isEmpty() &&
            (target == QLatin1String("production") ? d.target.isEmpty() : !d.target.isEmpty()))
            continue;
        if (!states.isEmpty() && !states.contains(d.state))
            continue;
        matching.append(d);
    }
    std::sort(matching.begin(), matching.end(),
              [](const Deployment &a, const Deployment &b) { return a.created > b.created; });
    const int count =
        int(std::min<qsizetype>({qsizetype(limit), qsizetype(m_pageSize), matching.size()}));
    QJsonArray items;
    for (int i = 0; i < count; ++i)
        items.append(describe(matching.at(i), true));
    const bool more = matching.size() > count;
    QJsonObject pagination{
        {"count", count},
        {"next", more ? QJsonValue(matching.at(count - 1).created) : QJsonValue()},
        {"prev", count > 0 ? QJsonValue(matching.first().created) : QJsonValue()}};
    return FakeResponse::json(QJsonObject{{"pagination", pagination}, {"deployments", items}});
}

FakeResponse VercelFake::rollback(const FakeRequest &request, int version)
{
    if (version == 9 && !m_rollbackV9)
        return error(404, QStringLiteral("not_found"),
                     QStringLiteral("The requested API endpoint was not found"));
    const QJsonDocument body = request.json();
    if (!body.isObject() || !body.object().isEmpty())
        return error(400, QStringLiteral("bad_request"),
                     QStringLiteral("Invalid request: the body should be {}"));
    const QString projectId = projectIdFor(request.params.value(QStringLiteral("project")));
    if (projectId.isEmpty())
        return error(404, QStringLiteral("not_found"), QStringLiteral("Project not found"));
    const auto it = m_deployments.constFind(request.params.value(QStringLiteral("id")));
    if (it == m_deployments.constEnd() || it->projectId != projectId)
        return error(404, QStringLiteral("not_found"), QStringLiteral("Deployment not found"));
    if (it->state != QLatin1String("READY") || it->target.isEmpty())
        return error(400, QStringLiteral("bad_request"),
                     QStringLiteral("Only a ready production deployment can be rolled back to"));
    m_production.insert(projectId, it->id);
    return FakeResponse::json(QJsonObject{}, 201);
}

FakeResponse VercelFake::promote(const FakeRequest &request)
{
    const QString projectId = projectIdFor(request.params.value(QStringLiteral("project")));
    if (projectId.isEmpty())
        return error(404, QStringLiteral("not_found"), QStringLiteral("Project not found"));
    const auto it = m_deployments.constFind(request.params.value(QStringLiteral("id")));
    if (it == m_deployments.constEnd() || it->projectId != projectId)
        return error(404, QStringLiteral("not_found"), QStringLiteral("Deployment not found"));
    if (it->state != QLatin1String("READY"))
        return error(409, QStringLiteral("conflict"),
                     QStringLiteral("The deployment is not ready"));
    m_production.insert(projectId, it->id);
    return FakeResponse::empty(202);
}

} // namespace DeployDesk::Test
