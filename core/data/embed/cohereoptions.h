#pragma once

#include "common/error.h"
#include "net/retrypolicy.h"

#include <QByteArray>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <chrono>
#include <optional>

namespace DeployDesk::Data {

// How CohereEmbedder calls POST /v2/embed (shared/reference/apis.md §4).
struct CohereOptions
{
    static constexpr int kMaxBatch = 96;        // texts per call, Cohere's limit
    static constexpr int kDefaultBudget = 2000; // inputs per minute, trial and production
    static constexpr int kDefaultInFlight = 4;

    QString model = QStringLiteral("embed-english-v3.0");
    // 0: the model's own (cohereModelDimension()). embed-v4.0 takes 256, 512, 1024 or 1536
    // (sent as output_dimension); other models only their own.
    int dimension = 0;
    QByteArray apiKey;                                       // masked everywhere
    QString apiKeySecret = QStringLiteral("COHERE_API_KEY"); // named by 401 messages
    QStringList secrets;                                     // more values to mask
    QUrl baseUrl;                                            // resolved: api.cohere.com or override
    QStringList notes;                                       // for the log: the override in force
    int batchSize = kMaxBatch;                               // 1..96
    int maxInFlight = kDefaultInFlight;                      // calls in flight, 1..16
    int inputsPerMinute = kDefaultBudget;                    // 0: no budget
    std::chrono::milliseconds budgetWindow{std::chrono::minutes(1)};
    // Added to the window on our side (the time a call takes to reach Cohere).
    std::chrono::milliseconds budgetMargin{std::chrono::seconds(1)};
    // NONE: an over-length text is an error with Cohere's message (the chunker's token budget
    // is wrong and should be fixed); START or END: Cohere cuts it silently.
    QString truncate = QStringLiteral("NONE");
    std::chrono::milliseconds timeout{std::chrono::seconds(60)}; // per call, no byte moving
    // Attempts per batch and the backoff between them: 429, 5xx, resets, timeouts and
    // malformed answers are retried with full jitter; 429 pauses every call.
    RetryPolicy retry = defaultRetry();

    static RetryPolicy defaultRetry();
};

// The dimension of a known Cohere embedding model (apis.md §4 "Models and dimensions"):
// embed-v4.0 1536, embed-(multilingual|english)-v3.0 1024, their -light- versions 384.
std::optional<int> cohereModelDimension(const QString &model);

// Fills in and checks `options` for a stage: the API key from `env` (the stage's environment,
// where the run puts the secrets from the secret store) under options.apiKeySecret, the base
// URL (DEPLOYDESK_API_COHERE overrides https://api.cohere.com, http:// accepted), the
// dimension from the model. Errors (Invalid, NotFound) say what to set and how.
Result<CohereOptions> resolveCohereOptions(CohereOptions options, const QProcessEnvironment &env,
                                           const QString &stageName = {});

} // namespace DeployDesk::Data
