#pragma once

#include "common/error.h"

#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace DeployDesk::Data {

// One point of a vector index: a chunk's vector and its metadata and text.
struct IndexPoint
{
    QString id; // a UUID string ("550e8400-e29b-41d4-a716-446655440000"): Qdrant takes no other
    QList<float> vector;
    QJsonObject payload;
};

// A query's answer, best first.
struct IndexHit
{
    QString id;
    double score = 0; // cosine similarity, -1..1
    QJsonObject payload;
};

// What a version of an index is built for.
struct IndexSpec
{
    int dimension = 0;
    QString distance = QStringLiteral("Cosine"); // the only one both indexes support
    // Kept with the version (Qdrant's collection metadata, the local file's meta table): the
    // embedder's provider, model and dimension, so a query can check it uses the same one.
    QJsonObject metadata;
};

struct IndexVersionInfo
{
    int version = 0;
    QString name; // "<index>_v<N>" (the Qdrant collection, the local file's base name)
    int dimension = 0;
    QString distance;
    qint64 points = -1; // -1 when not asked
    QJsonObject metadata;
};

// The versions of an index and the one its alias (the live name) points at.
struct IndexState
{
    QList<int> versions; // ascending
    std::optional<int> live;

    // The newest version + 1 (1 for an empty index).
    int nextVersion() const { return versions.isEmpty() ? 1 : versions.last() + 1; }
};

// Point ids are chunk ids: Chunk::idString() (data/corpus/chunk.h, the UUIDv5 of the chunk's
// key), so the same chunk always gets the same point and an upsert replaces it.
// A UUID string as Qdrant takes it (any version, with hyphens, no braces).
bool isValidPointId(const QString &id);

// Checks points before anything is written: each id a UUID, each vector of `dimension` finite
// numbers. The error names the first bad point (1-based position and id) and what to fix.
Result<void> checkPoints(const QList<IndexPoint> &points, int dimension);

// "<name>_v<N>".
QString versionName(const QString &index, int version);
// An index name: letters, digits, '-' and '_', 1..64 characters (it becomes a file and a
// collection name). Invalid error otherwise, saying so.
Result<void> checkIndexName(const QString &name);

} // namespace DeployDesk::Data
