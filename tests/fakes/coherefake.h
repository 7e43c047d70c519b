#pragma once

// CohereFake: a contract fake of Cohere's POST /v2/embed (shared/reference/apis.md §4) on
// FakeHttpServer, for tests and benchmarks. What it checks and answers, as Cohere does:
// - Authorization: Bearer <key>, else 401 {"id":…,"message":"invalid api token"}.
// - The body (V2EmbedRequest): `model` and `input_type` required; input_type one of
//   search_document, search_query, classification, clustering, image; `embedding_types`
//   present (the v2 guide says required) with known values; `texts` 1–96 strings, else 400
//   "invalid request: total number of texts must be at most 96 - received 104"; `truncate`
//   NONE|START|END; `output_dimension` only for embed-v4.0 (256/512/1024/1536). Unknown
//   fields and each broken rule are recorded in violations() and answered 400.
// - Unknown model: 404. Billing limit (setBillingLimitReached): 402. A text longer than
//   setMaxTokens() words with truncate NONE: 400 with Cohere's over-length message.
// - An inputs-per-window budget (setBudget; default off): a call whose texts would pass the
//   limit within the window is answered 429 without Retry-After (Cohere documents none).
// - 200: EmbedByTypeResponse {"id","response_type":"embeddings_by_type","embeddings":{"float":
//   […]},"texts":[…],"meta":{"api_version":{"version":"2"},"billed_units":{"input_tokens":n}}},
//   each vector expectedVector(text, input_type, dimension): deterministic, unit length.
// Faults: inject() answers the next calls with anything (429 + Retry-After, 5xx, malformed
// JSON, resets, silence); setLatency() delays every answer. Test-only: GET /_fake/stats.

#include "fakes/fakehttpserver.h"

#include <QHash>
#include <QObject>
#include <QStringList>

#include <chrono>
#include <deque>

namespace DeployDesk::Test {

class CohereFake final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CohereFake)

public:
    explicit CohereFake(QObject *parent = nullptr);
    ~CohereFake() override;

    bool listen(quint16 port = 0);
    QUrl url() const { return m_server.url(); }
    FakeHttpServer &server() { return m_server; }

    void setApiKey(const QByteArray &key) { m_key = key; }
    void setLatency(std::chrono::milliseconds latency) { m_latency = latency; }
    // Inputs allowed per window (0: no limit), counted when a call arrives.
    void setBudget(int inputs, std::chrono::milliseconds window = std::chrono::minutes(1));
    void setBillingLimitReached(bool reached) { m_billing = reached; }
    // Texts with more words than this are over-length (0: no limit).
    void setMaxTokens(int words) { m_maxTokens = words; }
    // Keep request bodies in server().requests() (default true; benchmarks turn it off).
    void setRecordBodies(bool record) { m_recordBodies = record; }

    // The next `times` embed calls (after the key check) get `response` instead.
    void inject(const FakeResponse &response, int times = 1);
    // A 429 the way Cohere words it, with Retry-After when seconds > 0 (Cohere sends none).
    static FakeResponse rateLimited(int retryAfterSeconds = 0);

    static QList<float> expectedVector(const QString &text, const QString &inputType,
                                       int dimension);
    static int modelDimension(const QString &model); // 0 when unknown

    // Observations.
    int calls() const { return m_calls; }             // reached the handler
    int embeddedInputs() const { return m_embedded; } // texts answered with 200
    int rateLimitedCalls() const { return m_rateLimited; }
    int maxWindowInputs() const { return m_maxWindow; } // most inputs in one budget window
    QHash<QString, int> timesEmbedded() const { return m_timesEmbedded; } // text → 200s
    QStringList violations() const { return m_violations; }
    QList<QJsonObject> bodies() const { return m_bodies; }

private:
    FakeResponse embed(const FakeRequest &request);
    FakeResponse invalid(const QString &message);
    static FakeResponse error(int status, const QString &message);

    FakeHttpServer m_server;
    QByteArray m_key = "co-test-key";
    std::chrono::milliseconds m_latency{0};
    int m_budget = 0;
    qint64 m_windowNs = 60'000'000'000;
    std::deque<std::pair<qint64, int>> m_window; // (arrival ns, inputs)
    int m_windowUsed = 0;
    int m_maxWindow = 0;
    bool m_billing = false;
    int m_maxTokens = 0;
    bool m_recordBodies = true;
    QList<FakeResponse> m_injected;
    int m_calls = 0;
    int m_embedded = 0;
    int m_rateLimited = 0;
    QHash<QString, int> m_timesEmbedded;
    QStringList m_violations;
    QList<QJsonObject> m_bodies;
    QHash<QString, QByteArray> m_rows; // a text's vector as JSON, written once
};

} // namespace DeployDesk::Test
