#pragma once

#include "common/job.h"
#include "deploy/vercel/sitedigest.h"
#include "deploy/vercel/vercelapi.h"

#include <QElapsedTimer>
#include <QList>

#include <vector>

class QThread;

namespace DeployDesk::Vercel {

class UploadWorker;

// Uploads files to POST /v2/files with `parallel` of them in flight, each file's body
// streamed from disk. Each upload is retried by the HTTP layer (5xx, resets, 429 with its
// Retry-After); the first upload that still fails ends the job with its error and stops the
// others. Files with the same content are sent once. Progress goes to logLine.
class UploadPool final : public Job
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(UploadPool)

public:
    // At most this many uploads share one thread (Qt's HTTP/1.1 connections per host).
    static constexpr int kPerThread = 6;

    UploadPool(VercelApi api, QList<SiteFile> files, int parallel, QObject *parent = nullptr);
    ~UploadPool() override;

    int uploadedFiles() const { return m_done; }
    qint64 uploadedBytes() const { return m_doneBytes; }
    // The most uploads that were in flight at once.
    int peakInFlight() const { return m_peak; }

protected:
    void doStart() override;
    void doCancel() override;

private:
    struct Lane
    {
        QThread *thread = nullptr;
        UploadWorker *worker = nullptr;
        int capacity = 0;
        int inFlight = 0;
    };

    void fill();
    void onFinished(int lane, int index, bool ok, const Error &error);
    void report(bool force);
    void stopLanes();

    VercelApi m_api;
    QList<SiteFile> m_files;
    int m_parallel = 1;
    std::vector<Lane> m_lanes;
    int m_next = 0;
    int m_inFlight = 0;
    int m_peak = 0;
    int m_done = 0;
    qint64 m_doneBytes = 0;
    qint64 m_totalBytes = 0;
    QElapsedTimer m_clock;
    qint64 m_lastReportMs = 0;
};

} // namespace DeployDesk::Vercel
