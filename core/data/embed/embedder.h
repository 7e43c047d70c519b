#pragma once

#include "data/embed/embedjob.h"

#include <QObject>
#include <QString>
#include <QStringList>

namespace DeployDesk::Data {

// What an embedder is, for the index it feeds: a collection built with one embedder can only
// be queried with vectors of the same provider, model and dimension.
struct EmbedderInfo
{
    QString provider; // "local", "cohere"
    QString model;    // "deploydesk-lexical-hash-v1", "embed-english-v3.0"
    int dimension = 0;
    // Vectors are compared by cosine similarity (Qdrant's "Cosine" distance).
    QString distance = QStringLiteral("Cosine");

    // "cohere embed-english-v3.0 (1024 dimensions)"
    QString describe() const;
    friend bool operator==(const EmbedderInfo &, const EmbedderInfo &) = default;
};

// Turns texts into vectors. Implementations: LocalEmbedder (offline, lexical) and
// CohereEmbedder (Cohere's POST /v2/embed). An embedder is a small value-like object: it holds
// options, not state; every call of embed() is an independent job.
class Embedder
{
public:
    virtual ~Embedder() = default;

    virtual EmbedderInfo info() const = 0;
    // A job (not started) embedding `texts` in order; see EmbedJob for its contract.
    virtual EmbedJob *embed(QStringList texts, InputType type, QObject *parent = nullptr) const = 0;
};

} // namespace DeployDesk::Data
