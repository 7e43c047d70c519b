#pragma once

#include "common/error.h"
#include "net/retrypolicy.h"

#include <QByteArray>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <chrono>

namespace DeployDesk::Data {

// How QdrantIndex talks to Qdrant (apis.md §3).
struct QdrantOptions
{
    static constexpr int kMinBatch = 64; // Qdrant's bulk-upload advice: 64–256 points
    static constexpr int kMaxBatch = 256;

    QString name;      // the index: alias <name>, collections <name>_v<N>
    QUrl baseUrl;      // the workspace's Qdrant URL (or DEPLOYDESK_API_QDRANT)
    QByteArray apiKey; // sent as `api-key`, masked everywhere
    // The secret holding the key; empty for a Qdrant without authentication (a local one).
    QString apiKeySecret = QStringLiteral("QDRANT_API_KEY");
    QStringList secrets; // more values to mask
    QStringList notes;   // for the log: the override in force
    int batchSize = 128; // points per upsert
    int parallel = 2;    // upserts in flight (Qdrant advises 2–4)
    std::chrono::milliseconds timeout{std::chrono::seconds(60)};
    RetryPolicy retry; // 429 (Retry-After), 5xx, resets, timeouts of idempotent calls
};

// Fills in and checks `options` for a stage: the base URL (`configured`, the workspace's, or
// DEPLOYDESK_API_QDRANT; http:// accepted), the key from `env` (the stage's environment,
// where the run puts the secrets from the secret store). Errors say what to set and how.
Result<QdrantOptions> resolveQdrantOptions(QdrantOptions options, const QProcessEnvironment &env,
                                           const QString &stageName = {});

} // namespace DeployDesk::Data
