#pragma once

#include "deploy/vercel/buildeventlog.h"
#include "deploy/vercel/sitedigest.h"
#include "deploy/vercel/verceljob.h"

#include <QElapsedTimer>
#include <QJsonObject>

namespace DeployDesk::Vercel {

// deploy(): the file-digest protocol of the official client (apis.md §1b):
//   hash every file (SHA-1, off the event loop) → POST /v13/deployments with the digests →
//   on 400 missing_files upload exactly those (UploadPool) → POST the same body again →
//   poll GET /v13/deployments/{id} until READY (and aliasAssigned for production), ERROR or
//   CANCELED, fetching the build events into the stage log meanwhile.
// Success: one Deployment (version dpl_…, url https://…).
class VercelDeployJob final : public VercelJob
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(VercelDeployJob)

public:
    explicit VercelDeployJob(TargetRequest request, QObject *parent = nullptr);
    ~VercelDeployJob() override;

    // After the result: the uploads this deploy made and the create calls it needed.
    int uploadedFiles() const { return m_uploaded; }
    int createCalls() const { return m_round; }

protected:
    void run() override;

private:
    void hashed(const SiteManifest &manifest);
    QJsonObject createBody() const;
    void create();
    void created(HttpJob *job);
    void upload(const QJsonArray &missing);
    void follow(const QJsonObject &deployment);
    void poll();
    void polled(HttpJob *job);
    void evaluate(const QJsonObject &deployment);
    void fetchEvents(std::function<void()> then);
    void succeed(const QJsonObject &deployment);
    Error createError(HttpJob *job) const;

    SiteManifest m_manifest;
    int m_round = 0;
    int m_uploaded = 0;
    QString m_id;
    QString m_inspectorUrl;
    QString m_state;
    bool m_waitingForAlias = false;
    QElapsedTimer m_building;
    std::chrono::milliseconds m_wait{0};
    int m_pollFailures = 0;
    int m_eventFailures = 0;
    BuildEventLog m_events;
};

} // namespace DeployDesk::Vercel
