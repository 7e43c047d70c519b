#pragma once

#include "data/index/indexjob.h"

#include <QStringList>

#include <optional>

namespace DeployDesk::Data {

// A versioned vector index: versions <name>_v1, _v2, … each built whole, and an alias <name>
// that points at the live one and switches atomically (blue/green). Implementations:
// LocalIndex (a SQLite file per version, exact cosine search) and QdrantIndex (Qdrant's REST
// API, collections and aliases). Every operation is a job, not started, owned by `parent`.
//
// The re-embed builds a version with createVersion(), fills it with upsert() (and remove()
// for chunks gone since the version it copies from), checks it with count() and query(),
// then activate()s it. The version before stays for rollback (activate() it again);
// dropVersion() deletes one only when asked, and never the live one.
class VectorIndex
{
public:
    virtual ~VectorIndex() = default;

    virtual QString kind() const = 0; // "local", "qdrant"
    virtual QString name() const = 0; // the alias
    // Where it lives, for messages: a folder, a Qdrant URL.
    virtual QString location() const = 0;

    // The versions that exist and the live one. -> state()
    virtual IndexJob *state(QObject *parent = nullptr) const = 0;
    // A version's spec and point count. NotFound when it does not exist. -> info()
    virtual IndexJob *info(int version, QObject *parent = nullptr) const = 0;
    // Creates version `version` for `spec`. An existing version with the same dimension and
    // distance is kept as it is (a re-embed resumes into it); another one is a Conflict.
    // -> info()
    virtual IndexJob *createVersion(int version, const IndexSpec &spec,
                                    QObject *parent = nullptr) const = 0;
    // Writes points (insert or replace by id) in batches; every id must be a UUID and every
    // vector of the version's dimension, checked before anything is written. -> count()
    virtual IndexJob *upsert(int version, QList<IndexPoint> points,
                             QObject *parent = nullptr) const = 0;
    // Deletes the points with these ids (ids not there are no error). -> count() (ids asked)
    virtual IndexJob *remove(int version, QStringList ids, QObject *parent = nullptr) const = 0;
    // The exact number of points. -> count()
    virtual IndexJob *count(int version, QObject *parent = nullptr) const = 0;
    // The `limit` points nearest `vector` by cosine similarity, with their payloads, in a
    // version, or through the alias when `version` is empty. -> hits()
    virtual IndexJob *query(std::optional<int> version, QList<float> vector, int limit,
                            QObject *parent = nullptr) const = 0;
    // Points the alias at `version` in one atomic step; the version before is kept.
    virtual IndexJob *activate(int version, QObject *parent = nullptr) const = 0;
    // Deletes a version. Conflict when it is the live one.
    virtual IndexJob *dropVersion(int version, QObject *parent = nullptr) const = 0;
};

} // namespace DeployDesk::Data
