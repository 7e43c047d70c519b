#include "data/index/qdrantjob.h"

#include "net/httpjob.h"

namespace DeployDesk::Data::Internal {

QdrantJob::QdrantJob(HttpClient http, Start start, QObject *parent)
    : IndexJob(parent)
    , m_http(std::move(http))
    , m_start(std::move(start))
{}

QdrantJob::~QdrantJob()
{
    abortCalls();
}

void QdrantJob::doStart()
{
    m_start(*this);
}

void QdrantJob::doCancel()
{
    abortCalls();
    emitCancelled();
}

void QdrantJob::fail(Error error)
{
    abortCalls();
    emitFailure(std::move(error));
}

void QdrantJob::abortCalls()
{
    const auto calls = m_calls;
    m_calls.clear();
    for (HttpJob *call : calls) {
        call->disconnect(this);
        call->cancel();
        call->deleteLater();
    }
}

void QdrantJob::call(HttpRequest request, Then then, OrElse orElse, int malformed)
{
    if (isFinished())
        return;
    request.expectJson = true;
    HttpJob *job = m_http.send(request, this);
    m_calls.insert(job);
    connect(job, &Job::logLine, this, &Job::logLine);
    connect(job, &Job::result, this,
            [this, job, request, malformed, then = std::move(then), orElse = std::move(orElse)] {
                m_calls.remove(job);
                job->deleteLater();
                if (isFinished() || job->outcome() == Outcome::Cancelled)
                    return;
                if (job->outcome() == Outcome::Failed && job->status() >= 200 &&
                    job->status() < 300 && request.isIdempotent() &&
                    malformed < kMalformedRetries) {
                    emit logLine(tr("%1; asking again").arg(job->error().message));
                    call(request, then, orElse, malformed + 1);
                    return;
                }
                if (job->outcome() == Outcome::Failed) {
                    if (orElse && orElse(job))
                        return;
                    fail(job->error());
                    return;
                }
                then(job->jsonObject().value(QStringLiteral("result")));
            });
    job->start();
}

} // namespace DeployDesk::Data::Internal
