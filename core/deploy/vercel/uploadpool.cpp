#include "deploy/vercel/uploadpool.h"

#include "common/duration.h"
#include "deploy/vercel/uploadworker.h"

#include <QLocale>
#include <QSet>
#include <QThread>

namespace DeployDesk::Vercel {
namespace {
constexpr qint64 kReportEveryMs = 2000;

QString megabytes(qint64 bytes)
{
    return QLocale::c().toString(double(bytes) / (1024.0 * 1024.0), 'f', 1);
}
} // namespace

UploadPool::UploadPool(VercelApi api, QList<SiteFile> files, int parallel, QObject *parent)
    : Job(parent)
    , m_api(std::move(api))
    , m_parallel(std::max(1, parallel))
{
    // Content-addressed: one upload per digest.
    QSet<QByteArray> seen;
    for (SiteFile &file : files) {
        if (seen.contains(file.sha1))
            continue;
        seen.insert(file.sha1);
        m_totalBytes += file.size;
        m_files.append(std::move(file));
    }
}

UploadPool::~UploadPool()
{
    // Joined before QObject's destructor runs, so no worker signal is posted to a half-gone
    // object; each worker is deleted (its uploads aborted) when its thread ends.
    for (Lane &lane : m_lanes) {
        lane.thread->quit();
        lane.thread->wait();
        delete lane.thread;
    }
}

void UploadPool::doStart()
{
    m_clock.start();
    if (m_files.isEmpty()) {
        emitSuccess();
        return;
    }
    emit logLine(tr("uploading %n file(s) (%1 MB), %2 at a time", nullptr, int(m_files.size()))
                     .arg(megabytes(m_totalBytes))
                     .arg(std::min<qsizetype>(m_parallel, m_files.size())));
    const int wanted = int(std::min<qsizetype>(m_parallel, m_files.size()));
    const int lanes = (wanted + kPerThread - 1) / kPerThread;
    m_lanes.resize(lanes);
    for (int i = 0; i < lanes; ++i) {
        Lane &lane = m_lanes[i];
        lane.capacity = wanted / lanes + (i < wanted % lanes ? 1 : 0);
        lane.thread = new QThread; // owned here, joined in the destructor
        lane.thread->setObjectName(QStringLiteral("vercel-upload-%1").arg(i));
        lane.worker = new UploadWorker(m_api.http());
        lane.worker->moveToThread(lane.thread);
        connect(lane.thread, &QThread::finished, lane.worker, &QObject::deleteLater);
        connect(lane.worker, &UploadWorker::logLine, this, &Job::logLine);
        connect(
            lane.worker, &UploadWorker::finished, this,
            [this, i](int index, bool ok, const Error &error) { onFinished(i, index, ok, error); });
        lane.thread->start();
    }
    fill();
}

void UploadPool::fill()
{
    for (int i = 0; i < int(m_lanes.size()); ++i) {
        Lane &lane = m_lanes[i];
        while (lane.inFlight < lane.capacity && m_next < m_files.size()) {
            const int index = m_next++;
            const SiteFile &file = m_files.at(index);
            HttpRequest request = m_api.uploadFile(file.absolutePath, file.sha1, file.size);
            UploadWorker *worker = lane.worker;
            QMetaObject::invokeMethod(
                worker, [worker, index, request] { worker->upload(index, request); },
                Qt::QueuedConnection);
            ++lane.inFlight;
            ++m_inFlight;
        }
    }
    m_peak = std::max(m_peak, m_inFlight);
}

void UploadPool::onFinished(int lane, int index, bool ok, const Error &error)
{
    if (isFinished())
        return;
    --m_lanes[lane].inFlight;
    --m_inFlight;
    const SiteFile &file = m_files.at(index);
    if (!ok) {
        Error failure = error;
        failure.message = tr("uploading %1 failed: %2").arg(file.path, error.message);
        stopLanes();
        emitFailure(std::move(failure));
        return;
    }
    ++m_done;
    m_doneBytes += file.size;
    if (m_done == m_files.size()) {
        emit logLine(tr("uploaded %n file(s) (%1 MB) in %2", nullptr, m_done)
                         .arg(megabytes(m_doneBytes),
                              formatDuration(std::chrono::milliseconds(m_clock.elapsed()))));
        stopLanes();
        emitSuccess();
        return;
    }
    report(false);
    fill();
}

void UploadPool::report(bool force)
{
    const qint64 now = m_clock.elapsed();
    if (!force && now - m_lastReportMs < kReportEveryMs)
        return;
    m_lastReportMs = now;
    emit logLine(tr("uploaded %1 of %2 files (%3%, %4 MB)")
                     .arg(m_done)
                     .arg(m_files.size())
                     .arg(m_files.isEmpty() ? 100 : int(100 * qint64(m_done) / m_files.size()))
                     .arg(megabytes(m_doneBytes)));
}

void UploadPool::stopLanes()
{
    for (Lane &lane : m_lanes) {
        UploadWorker *worker = lane.worker;
        QMetaObject::invokeMethod(
            worker, [worker] { worker->cancelAll(); }, Qt::QueuedConnection);
        lane.thread->quit(); // after the cancel, which is queued first
    }
}

void UploadPool::doCancel()
{
    stopLanes();
    emitCancelled();
}

} // namespace DeployDesk::Vercel
