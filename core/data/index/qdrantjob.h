#pragma once

#include "data/index/indexjob.h"
#include "net/httpclient.h"

#include <QJsonValue>
#include <QSet>

#include <functional>

namespace DeployDesk {
class HttpJob;
}

namespace DeployDesk::Data::Internal {

// The job behind every QdrantIndex operation: `start` issues calls with call(), each of which
// continues with the Qdrant envelope's `result` on success; the job ends with succeed() or
// fail() (a failed call fails it unless its `orElse` handles the failure). cancel() aborts the
// calls in flight.
class QdrantJob final : public IndexJob
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(QdrantJob)

public:
    using Start = std::function<void(QdrantJob &)>;
    using Then = std::function<void(const QJsonValue &result)>;
    using OrElse = std::function<bool(HttpJob *call)>; // true: handled

    QdrantJob(HttpClient http, Start start, QObject *parent = nullptr);
    ~QdrantJob() override;

    // A 2xx answer that is not JSON (a proxy's page, a cut body) is asked again, at most
    // kMalformedRetries times, when the request is safe to repeat; HttpJob retries the rest.
    static constexpr int kMalformedRetries = 2;
    void call(HttpRequest request, Then then, OrElse orElse = {}, int malformed = 0);
    int callsInFlight() const { return int(m_calls.size()); }
    void succeed() { emitSuccess(); }
    void fail(Error error);
    void note(const QString &line) { emit logLine(line); }

    void setCount(qint64 count) { m_count = count; }
    void addCount(qint64 n) { m_count += n; }
    void setHits(QList<IndexHit> hits) { m_hits = std::move(hits); }
    void setState(IndexState state) { m_state = std::move(state); }
    void setInfo(IndexVersionInfo info) { m_info = std::move(info); }
    void reportProgress(qint64 done, qint64 total) { emit progress(done, total); }

protected:
    void doStart() override;
    void doCancel() override;

private:
    void abortCalls();

    HttpClient m_http;
    Start m_start;
    QSet<HttpJob *> m_calls;
};

} // namespace DeployDesk::Data::Internal
