#pragma once

#include "data/embed/cohereoptions.h"
#include "data/embed/embedjob.h"
#include "data/embed/inputbudget.h"
#include "net/httpclient.h"

#include <QElapsedTimer>
#include <QHash>
#include <QTimer>

#include <deque>

namespace DeployDesk {
class HttpJob;
}

namespace DeployDesk::Data {

// The Cohere embedder's job: a small scheduler of embed calls.
// - Texts go out in batches of up to options.batchSize (96), at most maxInFlight calls at
//   once, within the InputBudget: when the budget has room for fewer texts than a batch, a
//   smaller batch uses the rest, and the next waits for the window to free room.
// - Each call is made once by the HTTP layer (no retries there), so every attempt is counted
//   against the budget here. A 429 (with or without Retry-After), a 5xx, a 408, a reset, a
//   timeout and a malformed 200 answer put the batch back with a full-jitter backoff
//   (RetryPolicy); a 429 also holds back every new call until its wait is over. A batch that
//   still fails after retry.maxAttempts attempts ends the job.
// - Any other answer (400 over-length or too many texts, 401 bad key, 402 billing, 404 unknown
//   model, 422) ends the job at once with Cohere's message and the texts concerned; the calls
//   in flight are aborted. Vectors already announced stay announced.
class CohereEmbedJob final : public EmbedJob
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CohereEmbedJob)

public:
    CohereEmbedJob(const CohereOptions &options, QStringList texts, InputType type,
                   QObject *parent = nullptr);
    ~CohereEmbedJob() override;

    // Calls made (attempts included), and the most in flight at once.
    int calls() const { return m_calls; }
    int retries() const { return m_retries; }
    int peakInFlight() const { return m_peak; }

protected:
    void startEmbedding() override;
    void textsAppended() override;
    void stopEmbedding() override;
    void doCancel() override;

private:
    struct Batch
    {
        int first = 0;
        int count = 0;
        int attempts = 0;       // made so far
        qint64 notBeforeMs = 0; // on m_clock
    };

    void pump();
    void send(Batch batch);
    void onCallDone(HttpJob *call);
    void retryLater(Batch batch, qint64 delayMs, const QString &why, bool rateLimited);
    void failWith(Error error);
    void abortCalls();
    void wakeAt(qint64 atMs);
    QByteArray requestBody(const Batch &batch) const;

    CohereOptions m_options;
    HttpClient m_http;
    InputBudget m_budget;
    QElapsedTimer m_clock;
    QTimer m_wake;
    std::deque<Batch> m_waiting; // retries, in order of their notBeforeMs
    int m_nextFresh = 0;         // first text not yet sent
    qint64 m_pausedUntilMs = 0;  // after a 429
    QHash<HttpJob *, Batch> m_inFlight;
    int m_calls = 0;
    int m_retries = 0;
    int m_peak = 0;
    int m_parsing = 0; // answers being read on a pool thread
};

} // namespace DeployDesk::Data
