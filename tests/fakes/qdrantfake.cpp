#include "fakes/qdrantfake.h"

#include <QJsonArray>
#include <QRegularExpression>

#include <algorithm>
#include <cmath>

#ifndef DD_QDRANT_SPEC
#error "DD_QDRANT_SPEC (the path of qdrant-openapi-v1.19.json) must be defined"
#endif

namespace DeployDesk::Test {
namespace {

double cosine(const QList<float> &a, const QList<float> &b)
{
    double dot = 0, na = 0, nb = 0;
    for (qsizetype i = 0; i < std::min(a.size(), b.size()); ++i) {
        dot += double(a[i]) * b[i];
        na += double(a[i]) * a[i];
        nb += double(b[i]) * b[i];
    }
    return na > 0 && nb > 0 ? dot / std::sqrt(na * nb) : 0.0;
}

QList<float> toVector(const QJsonArray &array)
{
    QList<float> v;
    v.reserve(array.size());
    for (const QJsonValue &x : array)
        v.append(float(x.toDouble()));
    return v;
}

QString idText(const QJsonValue &id)
{
    return id.isString() ? id.toString().toLower() : QString::number(qint64(id.toDouble()));
}

QJsonValue idJson(const QString &id)
{
    bool numeric = false;
    const qint64 n = id.toLongLong(&numeric);
    return numeric ? QJsonValue(double(n)) : QJsonValue(id);
}

} // namespace

QdrantFake::QdrantFake(QObject *parent)
    : QObject(parent)
{
    m_server.setFallback([](const FakeRequest &r) {
        return error(404, QStringLiteral("Not found: no route for %1 %2")
                              .arg(QString::fromLatin1(r.method), r.path));
    });
    const QString c = QStringLiteral("/collections/{collection_name}");
    route("GET", QStringLiteral("/collections"), QStringLiteral("/collections"), false,
          [this](const FakeRequest &) {
              QJsonArray list;
              QStringList names = m_collections.keys();
              names.sort();
              for (const QString &name : names)
                  list.append(QJsonObject{{"name", name}});
              return ok(QJsonObject{{"collections", list}});
          });
    route("GET", QStringLiteral("/aliases"), QStringLiteral("/aliases"), false,
          [this](const FakeRequest &) {
              QJsonArray list;
              for (auto it = m_aliases.cbegin(); it != m_aliases.cend(); ++it)
                  list.append(QJsonObject{{"alias_name", it.key()}, {"collection_name", *it}});
              return ok(QJsonObject{{"aliases", list}});
          });
    route("POST", QStringLiteral("/collections/aliases"), QStringLiteral("/collections/aliases"),
          true, [this](const FakeRequest &r) { return changeAliases(r); });
    route("GET", QStringLiteral("/collections/{name}/exists"), c + QStringLiteral("/exists"), false,
          [this](const FakeRequest &r) {
              return ok(QJsonObject{
                  {"exists", m_collections.contains(r.params.value(QStringLiteral("name")))}});
          });
    route("GET", QStringLiteral("/collections/{name}"), c, false,
          [this](const FakeRequest &r) { return info(r); });
    route("PUT", QStringLiteral("/collections/{name}"), c, true,
          [this](const FakeRequest &r) { return createCollection(r); });
    route("DELETE", QStringLiteral("/collections/{name}"), c, true, [this](const FakeRequest &r) {
        const QString name = r.params.value(QStringLiteral("name"));
        if (!m_collections.remove(name))
            return notFound(name);
        for (auto it = m_aliases.begin(); it != m_aliases.end();)
            it = *it == name ? m_aliases.erase(it) : std::next(it);
        return ok(true);
    });
    route("PUT", QStringLiteral("/collections/{name}/points"), c + QStringLiteral("/points"), true,
          [this](const FakeRequest &r) { return upsert(r); });
    route("POST", QStringLiteral("/collections/{name}/points/delete"),
          c + QStringLiteral("/points/delete"), true,
          [this](const FakeRequest &r) { return deletePoints(r); });
    route("POST", QStringLiteral("/collections/{name}/points/count"),
          c + QStringLiteral("/points/count"), false,
          [this](const FakeRequest &r) { return count(r); });
    route("POST", QStringLiteral("/collections/{name}/points/query"),
          c + QStringLiteral("/points/query"), false,
          [this](const FakeRequest &r) { return query(r); });
}

QdrantFake::~QdrantFake() = default;

bool QdrantFake::listen(quint16 port)
{
    if (!m_spec.load(QStringLiteral(DD_QDRANT_SPEC), &m_specError))
        return false;
    return m_server.listen(port);
}

void QdrantFake::inject(const QByteArray &method, const QString &pathPrefix,
                        const FakeResponse &response, int times)
{
    m_injections.append({method, pathPrefix, response, times});
}

FakeResponse QdrantFake::ok(const QJsonValue &result)
{
    return FakeResponse::json(QJsonObject{
        {"result", result}, {"status", "ok"}, {"time", 0.0002}, {"usage", QJsonValue()}});
}

FakeResponse QdrantFake::error(int status, const QString &message)
{
    return FakeResponse::json(QJsonObject{{"status", QJsonObject{{"error", message}}},
                                          {"time", 0.0},
                                          {"result", QJsonValue()}},
                              status);
}

FakeResponse QdrantFake::rateLimited(int retryAfterSeconds)
{
    return error(429, QStringLiteral("Rate limiting exceeded: Write rate limit exceeded: "
                                     "Operation requires 1 tokens but only 0 were available. "
                                     "Retry after %1s")
                          .arg(retryAfterSeconds))
        .withHeader("Retry-After", QByteArray::number(retryAfterSeconds));
}

void QdrantFake::addCollection(const QString &name, int size, const QString &distance)
{
    m_collections.insert(name, Collection{size, distance, {}, {}});
}

QString QdrantFake::resolve(const QString &name) const
{
    return m_aliases.value(name, name);
}

FakeResponse QdrantFake::notFound(const QString &name) const
{
    return error(404, QStringLiteral("Not found: Collection `%1` doesn't exist!").arg(name));
}

void QdrantFake::route(const QByteArray &method, const QString &pattern, const QString &specPath,
                       bool write, Handler handler)
{
    m_server.on(method, pattern, [=, this](const FakeRequest &r) {
        FakeResponse response;
        const QByteArray key = r.header("api-key");
        const QByteArray bearer = r.header("authorization");
        const QByteArray given = !key.isEmpty()                 ? key
                                 : bearer.startsWith("Bearer ") ? bearer.mid(7)
                                                                : QByteArray();
        if (given.isEmpty() || (given != m_key && given != m_readOnlyKey)) {
            response =
                FakeResponse::text("Must provide an API key or an Authorization bearer token", 401);
        } else if (write && given == m_readOnlyKey) {
            response = FakeResponse::text("Forbidden: Write access denied", 403);
        } else {
            const auto injected =
                std::find_if(m_injections.begin(), m_injections.end(), [&](const Injection &i) {
                    return i.times > 0 && i.method == r.method && r.path.startsWith(i.prefix);
                });
            if (injected != m_injections.end()) {
                --injected->times;
                return FakeResponse(injected->response).withDelay(m_latency);
            }
            QStringList problems = m_spec.checkQuery(method, specPath, r.query);
            if (!r.body.isEmpty() || method == "PUT" || method == "POST") {
                QJsonParseError parseError;
                const QJsonDocument doc = QJsonDocument::fromJson(r.body, &parseError);
                if (doc.isNull())
                    problems
                        << QStringLiteral("body is not JSON: %1").arg(parseError.errorString());
                else
                    problems << m_spec.checkRequestBody(method, specPath,
                                                        doc.isObject() ? QJsonValue(doc.object())
                                                                       : QJsonValue(doc.array()));
            }
            if (!problems.isEmpty()) {
                for (const QString &p : std::as_const(problems))
                    m_violations
                        << QStringLiteral("%1 %2: %3").arg(QString::fromLatin1(method), r.path, p);
                response = error(
                    400, QStringLiteral("Format error in JSON body: %1").arg(problems.first()));
            } else {
                response = handler(r);
                // The fake's own answers follow the spec too.
                const QJsonDocument answer = QJsonDocument::fromJson(response.body);
                if (answer.isObject()) {
                    for (const QString &p :
                         m_spec.checkResponse(method, specPath, response.status, answer.object()))
                        m_violations << QStringLiteral("fake answer to %1 %2: %3")
                                            .arg(QString::fromLatin1(method), r.path, p);
                }
            }
        }
        return response.withDelay(m_latency);
    });
}

FakeResponse QdrantFake::createCollection(const FakeRequest &r)
{
    const QString name = r.params.value(QStringLiteral("name"));
    if (m_collections.contains(name))
        return error(409, QStringLiteral("Wrong input: Collection `%1` already exists!").arg(name));
    const QJsonObject body = r.jsonObject();
    const QJsonObject vectors = body.value("vectors").toObject();
    if (!vectors.contains("size"))
        return error(400, QStringLiteral("Wrong input: named vectors are not supported by this "
                                         "fake"));
    m_collections.insert(name, Collection{vectors.value("size").toInt(),
                                          vectors.value("distance").toString(),
                                          body.value("metadata").toObject(),
                                          {}});
    return ok(true);
}

FakeResponse QdrantFake::info(const FakeRequest &r)
{
    const QString name = resolve(r.params.value(QStringLiteral("name")));
    const auto it = m_collections.constFind(name);
    if (it == m_collections.constEnd())
        return notFound(r.params.value(QStringLiteral("name")));
    QJsonObject config{
        {"params",
         QJsonObject{{"vectors", QJsonObject{{"size", it->size}, {"distance", it->distance}}},
                     {"shard_number", 1},
                     {"replication_factor", 1},
                     {"write_consistency_factor", 1},
                     {"on_disk_payload", true}}},
        {"hnsw_config",
         QJsonObject{{"m", 16}, {"ef_construct", 100}, {"full_scan_threshold", 10000}}},
        {"optimizer_config", QJsonObject{{"default_segment_number", 0}, {"flush_interval_sec", 5}}},
        {"wal_config", QJsonObject{{"wal_capacity_mb", 32}, {"wal_segments_ahead", 0}}},
    };
    if (!it->metadata.isEmpty())
        config.insert("metadata", it->metadata);
    return ok(QJsonObject{
        {"status", "green"},
        {"optimizer_status", "ok"},
        {"indexed_vectors_count", 0},
        {"points_count", int(it->points.size())},
        {"segments_count", 2},
        {"config", config},
        {"payload_schema", QJsonObject()},
    });
}

FakeResponse QdrantFake::upsert(const FakeRequest &r)
{
    const QString name = resolve(r.params.value(QStringLiteral("name")));
    auto it = m_collections.find(name);
    if (it == m_collections.end())
        return notFound(r.params.value(QStringLiteral("name")));
    if (r.query.queryItemValue("wait") != QLatin1String("true"))
        m_violations << QStringLiteral("PUT %1 without wait=true: the write is only "
                                       "acknowledged, not applied")
                            .arg(r.path);
    const QJsonArray points = r.jsonObject().value("points").toArray();
    if (!r.jsonObject().contains("points"))
        return error(400, QStringLiteral("Wrong input: the columnar batch form is not supported "
                                         "by this fake"));
    // Checked whole before anything is written, as Qdrant does for one operation.
    for (const QJsonValue &p : points) {
        const int got = int(p.toObject().value("vector").toArray().size());
        if (got != it->size)
            return error(400, QStringLiteral("Wrong input: Vector dimension error: expected "
                                             "dim: %1, got %2")
                                  .arg(it->size)
                                  .arg(got));
    }
    ++m_operation;
    for (const QJsonValue &p : points) {
        const QJsonObject point = p.toObject();
        it->points.insert(idText(point.value("id")),
                          Point{toVector(point.value("vector").toArray()),
                                point.value("payload").toObject(), m_operation});
    }
    m_batchSizes << int(points.size());
    ++m_upserts;
    return ok(QJsonObject{{"operation_id", double(m_operation)}, {"status", "completed"}});
}

FakeResponse QdrantFake::deletePoints(const FakeRequest &r)
{
    const QString name = resolve(r.params.value(QStringLiteral("name")));
    auto it = m_collections.find(name);
    if (it == m_collections.end())
        return notFound(r.params.value(QStringLiteral("name")));
    if (r.query.queryItemValue("wait") != QLatin1String("true"))
        m_violations << QStringLiteral("POST %1 without wait=true").arg(r.path);
    if (!r.jsonObject().contains("points"))
        return error(400, QStringLiteral("Wrong input: delete by filter is not supported by "
                                         "this fake"));
    for (const QJsonValue &id : r.jsonObject().value("points").toArray())
        it->points.remove(idText(id));
    ++m_operation;
    return ok(QJsonObject{{"operation_id", double(m_operation)}, {"status", "completed"}});
}

FakeResponse QdrantFake::count(const FakeRequest &r)
{
    const QString name = resolve(r.params.value(QStringLiteral("name")));
    const auto it = m_collections.constFind(name);
    if (it == m_collections.constEnd())
        return notFound(r.params.value(QStringLiteral("name")));
    return ok(QJsonObject{{"count", int(it->points.size())}});
}

FakeResponse QdrantFake::query(const FakeRequest &r)
{
    const QString name = resolve(r.params.value(QStringLiteral("name")));
    const auto it = m_collections.constFind(name);
    if (it == m_collections.constEnd())
        return notFound(r.params.value(QStringLiteral("name")));
    const QJsonObject body = r.jsonObject();
    if (!body.value("query").isArray())
        return error(400, QStringLiteral("Wrong input: this fake answers nearest-vector queries "
                                         "only"));
    const QList<float> vector = toVector(body.value("query").toArray());
    if (vector.size() != it->size)
        return error(400, QStringLiteral("Wrong input: Vector dimension error: expected dim: %1, "
                                         "got %2")
                              .arg(it->size)
                              .arg(vector.size()));
    const int limit = body.value("limit").toInt(10);
    const bool withPayload = body.value("with_payload").toBool(false);
    QList<std::pair<double, QString>> scored;
    for (auto p = it->points.cbegin(); p != it->points.cend(); ++p)
        scored.append({cosine(vector, p->vector), p.key()});
    std::sort(scored.begin(), scored.end(), [](const auto &a, const auto &b) {
        return a.first != b.first ? a.first > b.first : a.second < b.second;
    });
    QJsonArray hits;
    for (int i = 0; i < std::min<qsizetype>(limit, scored.size()); ++i) {
        const Point &p = it->points[scored.at(i).second];
        QJsonObject hit{{"id", idJson(scored.at(i).second)},
                        {"version", double(p.version)},
                        {"score", scored.at(i).first}};
        if (withPayload)
            hit.insert("payload", p.payload);
        hits.append(hit);
    }
    return ok(QJsonObject{{"points", hits}});
}

FakeResponse QdrantFake::changeAliases(const FakeRequest &r)
{
    // Applied to a copy, then kept only when every action worked: atomic.
    QHash<QString, QString> aliases = m_aliases;
    for (const QJsonValue &a : r.jsonObject().value("actions").toArray()) {
        const QJsonObject action = a.toObject();
        if (action.contains("create_alias")) {
            const QJsonObject create = action.value("create_alias").toObject();
            const QString collection = create.value("collection_name").toString();
            const QString alias = create.value("alias_name").toString();
            if (!m_collections.contains(collection))
                return notFound(collection);
            if (aliases.contains(alias) || m_collections.contains(alias))
                return error(409,
                             QStringLiteral("Wrong input: Alias `%1` already exists!").arg(alias));
            aliases.insert(alias, collection);
        } else if (action.contains("delete_alias")) {
            aliases.remove(action.value("delete_alias").toObject().value("alias_name").toString());
        } else if (action.contains("rename_alias")) {
            const QJsonObject rename = action.value("rename_alias").toObject();
            const QString from = rename.value("old_alias_name").toString();
            if (!aliases.contains(from))
                return error(404, QStringLiteral("Not found: Alias `%1` doesn't exist!").arg(from));
            aliases.insert(rename.value("new_alias_name").toString(), aliases.take(from));
        }
    }
    m_aliases = aliases;
    return ok(true);
}

} // namespace DeployDesk::Test
