#include "data/embed/cohereembedjob.h"

#include "common/async.h"
#include "common/duration.h"
#include "net/httpjob.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>

#include <algorithm>
#include <cmath>

namespace DeployDesk::Data {
namespace {

bool isRetriedStatus(int status)
{
    return status == 408 || status >= 500;
}

// An embed answer read into vectors, or what is wrong with it. Runs on a pool thread: a
// 96-text answer is ~0.4 MB of JSON (1 MB at 1,024 dimensions), whose numbers cost more CPU
// than the rest of a call; parsed on the job's thread, four calls in flight would wait for
// each other's parsing instead of only for Cohere.
struct ParsedAnswer
{
    QList<Embedding> vectors;
    QString problem; // empty when the vectors are good
};

ParsedAnswer parseAnswer(const QByteArray &body, int count, int dimension)
{
    ParsedAnswer parsed;
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        parsed.problem = CohereEmbedJob::tr("not valid JSON (%1 at offset %2)")
                             .arg(parseError.errorString())
                             .arg(parseError.offset);
        return parsed;
    }
    const QJsonValue floats = document.object()
                                  .value(QStringLiteral("embeddings"))
                                  .toObject()
                                  .value(QStringLiteral("float"));
    if (!floats.isArray()) {
        parsed.problem = CohereEmbedJob::tr("no embeddings.float array");
        return parsed;
    }
    const QJsonArray rows = floats.toArray();
    if (rows.size() != count) {
        parsed.problem = CohereEmbedJob::tr("%1 vectors for %2 texts").arg(rows.size()).arg(count);
        return parsed;
    }
    parsed.vectors.reserve(rows.size());
    for (const QJsonValue &row : rows) {
        const QJsonArray values = row.toArray();
        if (values.size() != dimension) {
            parsed.problem = CohereEmbedJob::tr("a vector of %1 dimensions, expected %2")
                                 .arg(values.size())
                                 .arg(dimension);
            parsed.vectors.clear();
            return parsed;
        }
        Embedding vector;
        vector.reserve(values.size());
        for (const QJsonValue &v : values) {
            if (!v.isDouble() || !std::isfinite(v.toDouble())) {
                parsed.problem = CohereEmbedJob::tr("a vector holds something other than a number");
                parsed.vectors.clear();
                return parsed;
            }
            vector.append(float(v.toDouble()));
        }
        parsed.vectors.append(std::move(vector));
    }
    return parsed;
}

} // namespace

CohereEmbedJob::CohereEmbedJob(const CohereOptions &options, QStringList texts, InputType type,
                               QObject *parent)
    : EmbedJob(std::move(texts), type, options.dimension, parent)
    , m_options(options)
    , m_http(Platform::Cohere, options.baseUrl)
    , m_budget(options.inputsPerMinute, options.budgetWindow, options.budgetMargin)
{
    m_options.batchSize = std::clamp(m_options.batchSize, 1, CohereOptions::kMaxBatch);
    m_options.maxInFlight = std::max(1, m_options.maxInFlight);
    m_options.retry.maxAttempts = std::max(1, m_options.retry.maxAttempts);
    m_http.setBearerToken(options.apiKey);
    m_http.addSecrets(options.secrets);
    m_http.setAuthHint(
        tr("the secret %1 (deploydeskctl secrets set %1)").arg(options.apiKeySecret));
    m_http.setTimeout(options.timeout);
    m_http.setRetryPolicy(RetryPolicy::none()); // every attempt goes through the budget here
    m_wake.setSingleShot(true);
    connect(&m_wake, &QTimer::timeout, this, &CohereEmbedJob::pump);
}

CohereEmbedJob::~CohereEmbedJob()
{
    abortCalls();
}

void CohereEmbedJob::startEmbedding()
{
    m_clock.start();
    for (const QString &note : std::as_const(m_options.notes))
        emit logLine(note);
    const QString budget = m_budget.isLimited() ? tr("a budget of %1 inputs per %2")
                                                      .arg(QLocale().toString(m_budget.limit()),
                                                           formatDuration(m_options.budgetWindow))
                                                : tr("no budget");
    const QString what = isInputClosed() ? tr("embedding %n text(s)", nullptr, total())
                                         : tr("embedding the texts as they come");
    emit logLine(tr("%1 with Cohere %2 (%3 dimensions): up to %4 per call, %5 call(s) in "
                    "flight, %6")
                     .arg(what)
                     .arg(m_options.model)
                     .arg(dimension())
                     .arg(m_options.batchSize)
                     .arg(m_options.maxInFlight)
                     .arg(budget));
    pump();
}

void CohereEmbedJob::textsAppended()
{
    pump();
}

void CohereEmbedJob::stopEmbedding()
{
    m_wake.stop();
    abortCalls();
}

void CohereEmbedJob::doCancel()
{
    m_wake.stop();
    abortCalls();
    emitCancelled();
}

void CohereEmbedJob::pump()
{
    if (isFinished() || isCancelRequested())
        return;
    const qint64 now = m_clock.elapsed();
    qint64 wake = -1;
    while (m_inFlight.size() < m_options.maxInFlight) {
        if (now < m_pausedUntilMs) {
            wake = m_pausedUntilMs;
            break;
        }
        Batch batch;
        const bool retry = !m_waiting.empty() && m_waiting.front().notBeforeMs <= now;
        if (retry) {
            batch = m_waiting.front();
        } else if (m_nextFresh < total() &&
                   (isInputClosed() || total() - m_nextFresh >= m_options.batchSize)) {
            // An open job's texts go out in full batches; the rest waits for more or the end.
            batch.first = m_nextFresh;
            batch.count = std::min(m_options.batchSize, total() - m_nextFresh);
        } else {
            if (!m_waiting.empty())
                wake = m_waiting.front().notBeforeMs;
            break;
        }

        const int room = m_budget.room(now);
        if (room <= 0) {
            wake = now + m_budget.waitFor(now, batch.count);
            break;
        }
        if (room < batch.count) {
            // Use what is left of this window; the rest waits for the next.
            if (retry) {
                m_waiting.front().first += room;
                m_waiting.front().count -= room;
            }
            batch.count = room;
        } else if (retry) {
            m_waiting.pop_front();
        }
        if (!retry)
            m_nextFresh += batch.count;
        m_budget.spend(now, batch.count);
        send(batch);
    }
    if (wake >= 0)
        wakeAt(wake);
}

void CohereEmbedJob::wakeAt(qint64 atMs)
{
    const qint64 delay = std::max<qint64>(0, atMs - m_clock.elapsed());
    if (m_wake.isActive() && m_wake.remainingTime() <= delay)
        return;
    m_wake.start(std::chrono::milliseconds(delay));
}

QByteArray CohereEmbedJob::requestBody(const Batch &batch) const
{
    QJsonObject body{
        {QStringLiteral("model"), m_options.model},
        {QStringLiteral("input_type"), inputType() == InputType::Query
                                           ? QStringLiteral("search_query")
                                           : QStringLiteral("search_document")},
        {QStringLiteral("embedding_types"), QJsonArray{QStringLiteral("float")}},
        {QStringLiteral("truncate"), m_options.truncate},
        {QStringLiteral("texts"),
         QJsonArray::fromStringList(texts().mid(batch.first, batch.count))},
    };
    if (m_options.model == QLatin1String("embed-v4.0"))
        body.insert(QStringLiteral("output_dimension"), dimension());
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

void CohereEmbedJob::send(Batch batch)
{
    HttpRequest request = HttpRequest::post(QUrl(QStringLiteral("/v2/embed")));
    request.body = requestBody(batch);
    request.setHeader("Content-Type", "application/json");
    request.setHeader("Accept", "application/json");
    request.setIdempotent(true); // embedding has no side effects (apis.md §4)
    request.maxAttempts = 1;
    request.rawBody = true; // parsed off this thread (parseAnswer)
    ++batch.attempts;
    HttpJob *call = m_http.send(std::move(request), this);
    m_inFlight.insert(call, batch);
    ++m_calls;
    m_peak = std::max(m_peak, int(m_inFlight.size()));
    connect(call, &Job::result, this, [this, call] { onCallDone(call); });
    call->start();
}

void CohereEmbedJob::onCallDone(HttpJob *call)
{
    const Batch batch = m_inFlight.take(call);
    call->deleteLater();
    if (isFinished() || call->outcome() == Outcome::Cancelled)
        return;

    if (call->outcome() == Outcome::Success) {
        // The call's slot is free now; the next call goes out while this answer is parsed.
        const QByteArray body = call->body();
        const int count = batch.count;
        const int dims = dimension();
        ++m_parsing;
        runAsync(
            this, [body, count, dims] { return parseAnswer(body, count, dims); },
            [this, batch](ParsedAnswer parsed) {
                --m_parsing;
                if (isFinished() || isCancelRequested())
                    return;
                if (!parsed.problem.isEmpty()) {
                    const QString why =
                        tr("Cohere's answer for %1 is malformed: %2")
                            .arg(describeRange(batch.first, batch.count), parsed.problem);
                    retryLater(batch, m_options.retry.backoff(batch.attempts).count(), why, false);
                    return;
                }
                deliver(batch.first, std::move(parsed.vectors));
                pump();
            });
        pump();
        return;
    }

    const int status = call->status();
    const Error error = call->error();
    const QString range = describeRange(batch.first, batch.count);
    if (status == 429 || (status == 0 && error.code == ErrorCode::RateLimited)) {
        std::chrono::milliseconds delay = m_options.retry.backoff(batch.attempts);
        delay = std::max(delay, m_options.retry.rateLimitFloor);
        if (const auto asked = parseRetryAfter(call->header("Retry-After"))) {
            if (*asked > m_options.retry.maxRetryAfter) {
                Error e = error;
                e.message = tr("Cohere asked to wait %1 before embedding %2, longer than %3: "
                               "%4")
                                .arg(formatDuration(*asked), range,
                                     formatDuration(m_options.retry.maxRetryAfter), e.message);
                failWith(e);
                return;
            }
            delay = *asked;
        }
        retryLater(batch, delay.count(), error.message, true);
        return;
    }
    if (status >= 200 && status < 300) {
        // A 2xx whose body is not JSON (a proxy's page, a cut answer): ask again.
        retryLater(batch, m_options.retry.backoff(batch.attempts).count(), error.message, false);
        return;
    }
    if (isRetriedStatus(status) ||
        (status == 0 && (error.code == ErrorCode::Network || error.code == ErrorCode::Timeout))) {
        retryLater(batch, m_options.retry.backoff(batch.attempts).count(), error.message, false);
        return;
    }
    Error e = error;
    e.message = tr("Cohere refused %1: %2").arg(range, e.message);
    failWith(e);
}

void CohereEmbedJob::retryLater(Batch batch, qint64 delayMs, const QString &why, bool rateLimited)
{
    const QString range = describeRange(batch.first, batch.count);
    if (batch.attempts >= m_options.retry.maxAttempts) {
        failWith(makeErrorValue(
            rateLimited ? ErrorCode::RateLimited : ErrorCode::Remote,
            tr("Cohere did not embed %1 after %n attempt(s): %2", nullptr, batch.attempts)
                .arg(range, why)));
        return;
    }
    const qint64 now = m_clock.elapsed();
    batch.notBeforeMs = now + delayMs;
    if (rateLimited)
        m_pausedUntilMs = std::max(m_pausedUntilMs, batch.notBeforeMs);
    const auto at =
        std::upper_bound(m_waiting.begin(), m_waiting.end(), batch.notBeforeMs,
                         [](qint64 value, const Batch &b) { return value < b.notBeforeMs; });
    m_waiting.insert(at, batch);
    ++m_retries;
    emit logLine(tr("%1: %2; retrying in %3 (attempt %4 of %5)")
                     .arg(range, why, formatDuration(std::chrono::milliseconds(delayMs)))
                     .arg(batch.attempts + 1)
                     .arg(m_options.retry.maxAttempts));
    pump();
}

void CohereEmbedJob::failWith(Error error)
{
    m_wake.stop();
    abortCalls();
    emitFailure(std::move(error));
}

void CohereEmbedJob::abortCalls()
{
    cancelPending(this); // answers being parsed are dropped
    m_parsing = 0;
    const auto calls = m_inFlight.keys();
    m_inFlight.clear();
    for (HttpJob *call : calls) {
        call->disconnect(this);
        call->cancel();
        call->deleteLater();
    }
}

} // namespace DeployDesk::Data
