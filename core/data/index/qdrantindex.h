#pragma once

#include "data/index/qdrantoptions.h"
#include "data/index/vectorindex.h"
#include "net/httpclient.h"

namespace DeployDesk::Data {

// A Qdrant index over its REST API (apis.md §3), through core/net's HttpClient (the `api-key`
// header, masked; the DEPLOYDESK_API_QDRANT override; retries of 429 with Retry-After, 5xx,
// resets and timeouts for the calls that are safe to repeat).
//
// Blue/green through aliases: version N is the collection <name>_v<N>, created with the
// embedder's dimension and Cosine distance (and the embedder in the collection's metadata);
// the alias <name> is switched in one POST /collections/aliases whose action list (delete the
// alias, create it on the new collection) Qdrant applies atomically. Earlier collections stay
// for rollback until dropVersion().
//
// Upserts: PUT /collections/<c>/points?wait=true in batches of options.batchSize (64–256)
// points, options.parallel at once; upsert by id is idempotent, so a retried batch never
// duplicates. Deletes: POST …/points/delete?wait=true by ids. Counts: POST …/points/count
// with exact=true. Queries: POST …/points/query with the vector, limit and with_payload.
class QdrantIndex final : public VectorIndex
{
public:
    static constexpr int kDeleteBatch = 1000; // ids per delete call

    explicit QdrantIndex(QdrantOptions options);

    const QdrantOptions &options() const { return m_options; }
    QString kind() const override { return QStringLiteral("qdrant"); }
    QString name() const override { return m_options.name; }
    QString location() const override { return m_options.baseUrl.toString(); }

    IndexJob *state(QObject *parent = nullptr) const override;
    IndexJob *info(int version, QObject *parent = nullptr) const override;
    IndexJob *createVersion(int version, const IndexSpec &spec,
                            QObject *parent = nullptr) const override;
    IndexJob *upsert(int version, QList<IndexPoint> points,
                     QObject *parent = nullptr) const override;
    IndexJob *remove(int version, QStringList ids, QObject *parent = nullptr) const override;
    IndexJob *count(int version, QObject *parent = nullptr) const override;
    IndexJob *query(std::optional<int> version, QList<float> vector, int limit,
                    QObject *parent = nullptr) const override;
    IndexJob *activate(int version, QObject *parent = nullptr) const override;
    IndexJob *dropVersion(int version, QObject *parent = nullptr) const override;

private:
    QdrantOptions m_options;
    HttpClient m_http;
};

} // namespace DeployDesk::Data
