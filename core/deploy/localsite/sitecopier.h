#pragma once

#include "common/error.h"
#include "deploy/localsite/sitemanifest.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <atomic>
#include <functional>
#include <string>
#include <vector>

struct stat;

namespace DeployDesk::LocalSite {

struct CopyStats
{
    qint64 files = 0; // regular files, copied or linked
    qint64 bytes = 0;
    qint64 copied = 0;
    qint64 copiedBytes = 0;
    qint64 linked = 0;
    qint64 linkedBytes = 0;
    qint64 symlinks = 0;
    QStringList skipped; // sockets, fifos, devices: not part of a site
};

// Copies a build folder into a new release folder. A file whose size, modification time
// (ns) and mode match its entry in the previous release's manifest, and the previous
// release's file itself, is hard-linked from there instead of copied (unless it was
// modified within two seconds before that release was copied: SiteManifest::isTrusted()).
// Copies keep their modification time and mode, so the next deploy recognises them.
// Symbolic links are recreated as they are. Runs on whichever thread calls it (a worker:
// it blocks).
class SiteCopier final
{
    Q_DECLARE_TR_FUNCTIONS(SiteCopier)
    Q_DISABLE_COPY_MOVE(SiteCopier)

public:
    // `cancel`, when set, is checked between files and between chunks of a big file.
    explicit SiteCopier(const std::atomic_bool *cancel = nullptr);
    ~SiteCopier();

    void setPrevious(const QString &dir, SiteManifest manifest);
    // Called after each regular file is in place (progress reports, tests).
    void setAfterFile(std::function<void(const CopyStats &)> afterFile)
    {
        m_afterFile = std::move(afterFile);
    }
    // `to` must not exist. After an error or a cancel, `to` may hold part of the copy:
    // the caller removes it.
    Result<void> copy(const QString &from, const QString &to);
    bool wasCancelled() const { return m_cancelled; }
    const CopyStats &stats() const { return m_stats; }
    const SiteManifest &manifest() const { return m_manifest; }

private:
    bool cancelRequested();
    Result<void> copyDir(int srcDir, int dstDir, std::string &rel);
    Result<void> copyEntry(int srcDir, int dstDir, const char *name, const struct stat &st,
                           std::string &rel);
    bool tryLink(int dstDir, const char *name, const std::string &rel, const ManifestEntry &now);
    Result<void> copyData(int in, int out, const std::string &rel);
    Error failure(const std::string &rel, const QString &what, int error) const;

    const std::atomic_bool *m_cancel = nullptr;
    bool m_cancelled = false;
    QString m_from;
    QString m_previousDir;
    int m_previousFd = -1;
    SiteManifest m_previous;
    SiteManifest m_manifest;
    CopyStats m_stats;
    std::function<void(const CopyStats &)> m_afterFile;
    bool m_copyRange = true; // copy_file_range until the file system refuses it
    std::vector<char> m_buffer;
};

} // namespace DeployDesk::LocalSite
