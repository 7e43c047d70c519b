#pragma once

#include "common/error.h"
#include "common/job.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QFutureWatcher>
#include <QList>
#include <QString>

#include <atomic>
#include <functional>
#include <memory>

namespace DeployDesk::Vercel {

// One file of the folder to deploy.
struct SiteFile
{
    QString path;         // relative to the folder, '/'-separated: what Vercel serves
    QString absolutePath; // on disk
    QByteArray sha1;      // 40 lower-case hex digits
    qint64 size = 0;
};

struct SiteManifest
{
    QList<SiteFile> files; // sorted by path
    qint64 totalBytes = 0;
    int skipped = 0; // .git, .vercel, .DS_Store: never deployed
};

// Lists `folder` and hashes every file with SHA-1, streaming each from disk (memory stays
// small whatever the files' sizes). `cancelled` is asked between files and between chunks.
Result<SiteManifest> hashFolder(const QString &folder, const std::function<bool()> &cancelled);

// hashFolder() on a thread of the global pool, off the caller's event loop.
// Success: manifest(). Cancel stops the hashing at the next chunk.
class DigestJob final : public Job
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DigestJob)

public:
    explicit DigestJob(QString folder, QObject *parent = nullptr);
    ~DigestJob() override;

    const SiteManifest &manifest() const { return m_manifest; }

protected:
    void doStart() override;
    void doCancel() override;

private:
    struct Outcome
    {
        SiteManifest manifest;
        Error error;
        bool ok = false;
    };

    QString m_folder;
    std::shared_ptr<std::atomic<bool>> m_stop = std::make_shared<std::atomic<bool>>(false);
    QFutureWatcher<Outcome> m_watcher;
    SiteManifest m_manifest;
};

} // namespace DeployDesk::Vercel
