#pragma once

// QdrantFake: a contract fake of Qdrant's REST API (shared/reference/apis.md §3) on
// FakeHttpServer, for tests. Every request body and query string is checked against the
// schemas of Qdrant's own OpenAPI description (specs/qdrant-openapi-v1.19.json, through
// OpenApiSchema), and so is every answer it gives; what breaks them lands in violations()
// and the request is answered 400 the way Qdrant answers a format error.
// - Auth: `api-key: <key>` or `Authorization: Bearer <key>`, else 401 with Qdrant's plain-text
//   body; a read-only key (setReadOnlyKey) gets 403, plain text, on writes.
// - Envelope {"result":…,"status":"ok","time":…,"usage":null}; errors
//   {"status":{"error":"Not found: Collection `x` doesn't exist!"},"time":…,"result":null}.
// - Collections: PUT (409 when it exists), GET (info, through aliases too), GET …/exists,
//   DELETE, GET /collections. Points: PUT …/points (wait must be true here: the client
//   relies on it; the vector size must match, else 400 "Vector dimension error"), POST
//   …/points/delete (by ids), …/points/count, …/points/query (cosine over the stored points).
//   Aliases: POST /collections/aliases applies its action list atomically (all or nothing),
//   GET /aliases.
// Faults: inject() answers the next calls to a method and path prefix with anything (429 +
// Retry-After, 5xx, malformed JSON, resets); setLatency() delays every answer.

#include "fakes/fakehttpserver.h"
#include "fakes/openapischema.h"

#include <QHash>
#include <QMap>
#include <QObject>
#include <QStringList>

#include <chrono>

namespace DeployDesk::Test {

class QdrantFake final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(QdrantFake)

public:
    struct Point
    {
        QList<float> vector;
        QJsonObject payload;
        qint64 version = 0;
    };
    struct Collection
    {
        int size = 0;
        QString distance;
        QJsonObject metadata;
        QMap<QString, Point> points; // by id
    };

    explicit QdrantFake(QObject *parent = nullptr);
    ~QdrantFake() override;

    // Also loads the spec; false when either fails (the spec's path is in specError()).
    bool listen(quint16 port = 0);
    QString specError() const { return m_specError; }
    QUrl url() const { return m_server.url(); }
    FakeHttpServer &server() { return m_server; }

    void setApiKey(const QByteArray &key) { m_key = key; }
    void setReadOnlyKey(const QByteArray &key) { m_readOnlyKey = key; }
    void setLatency(std::chrono::milliseconds latency) { m_latency = latency; }
    // The next `times` calls of `method` on a path starting with `pathPrefix` get `response`
    // (after the key check).
    void inject(const QByteArray &method, const QString &pathPrefix, const FakeResponse &response,
                int times = 1);
    // A Qdrant 429: Retry-After in seconds and the error envelope.
    static FakeResponse rateLimited(int retryAfterSeconds);

    void addCollection(const QString &name, int size, const QString &distance = "Cosine");

    // Observations.
    QHash<QString, Collection> collections() const { return m_collections; }
    QHash<QString, QString> aliases() const { return m_aliases; } // alias -> collection
    QStringList violations() const { return m_violations; }
    QList<int> upsertBatchSizes() const { return m_batchSizes; }
    int upserts() const { return m_upserts; } // reached the handler and were applied

private:
    using Handler = std::function<FakeResponse(const FakeRequest &)>;
    struct Injection
    {
        QByteArray method;
        QString prefix;
        FakeResponse response;
        int times = 0;
    };

    void route(const QByteArray &method, const QString &pattern, const QString &specPath,
               bool write, Handler handler);
    static FakeResponse ok(const QJsonValue &result);
    static FakeResponse error(int status, const QString &message);
    QString resolve(const QString &name) const; // alias or collection -> collection
    FakeResponse notFound(const QString &name) const;

    FakeResponse createCollection(const FakeRequest &r);
    FakeResponse info(const FakeRequest &r);
    FakeResponse upsert(const FakeRequest &r);
    FakeResponse deletePoints(const FakeRequest &r);
    FakeResponse count(const FakeRequest &r);
    FakeResponse query(const FakeRequest &r);
    FakeResponse changeAliases(const FakeRequest &r);

    FakeHttpServer m_server;
    OpenApiSchema m_spec;
    QString m_specError;
    QByteArray m_key = "qd-test-key";
    QByteArray m_readOnlyKey;
    std::chrono::milliseconds m_latency{0};
    QList<Injection> m_injections;
    QHash<QString, Collection> m_collections;
    QHash<QString, QString> m_aliases;
    QStringList m_violations;
    QList<int> m_batchSizes;
    int m_upserts = 0;
    qint64 m_operation = 0;
};

} // namespace DeployDesk::Test
