#pragma once

#include "common/error.h"
#include "net/httpclient.h"
#include "net/httprequest.h"

#include <QHash>
#include <QObject>

namespace DeployDesk {
class HttpJob;
}

namespace DeployDesk::Vercel {

// Uploads on one thread, through that thread's QNetworkAccessManager. Qt 6.4 opens at most
// six HTTP/1.1 connections per host and manager, so UploadPool spreads more than six uploads
// in flight over several of these (over HTTP/2 one would do). Lives in its own thread: call
// upload() and cancelAll() through queued invocations; its signals arrive queued.
class UploadWorker final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(UploadWorker)

public:
    explicit UploadWorker(HttpClient client);
    ~UploadWorker() override;

    void upload(int index, const DeployDesk::HttpRequest &request);
    void cancelAll();

signals:
    // ok false: `error` says why (after the HTTP layer's retries).
    void finished(int index, bool ok, const DeployDesk::Error &error);
    void logLine(const QString &line);

private:
    HttpClient m_client;
    QHash<HttpJob *, int> m_jobs;
};

} // namespace DeployDesk::Vercel
