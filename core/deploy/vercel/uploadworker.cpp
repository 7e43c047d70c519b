#include "deploy/vercel/uploadworker.h"

#include "net/httpjob.h"

namespace DeployDesk::Vercel {

UploadWorker::UploadWorker(HttpClient client)
    : m_client(std::move(client))
{}

UploadWorker::~UploadWorker()
{
    cancelAll();
}

void UploadWorker::upload(int index, const HttpRequest &request)
{
    HttpJob *job = m_client.send(request, this);
    m_jobs.insert(job, index);
    connect(job, &Job::logLine, this, &UploadWorker::logLine);
    connect(job, &Job::result, this, [this, job] {
        const int index = m_jobs.take(job);
        job->deleteLater();
        if (job->outcome() == Job::Outcome::Cancelled)
            return;
        emit finished(index, job->outcome() == Job::Outcome::Success, job->error());
    });
    job->start();
}

void UploadWorker::cancelAll()
{
    const QList<HttpJob *> jobs = m_jobs.keys();
    m_jobs.clear();
    for (HttpJob *job : jobs) {
        job->disconnect(this);
        job->cancel();
        job->deleteLater();
    }
}

} // namespace DeployDesk::Vercel
