#pragma once

#include "common/deployment.h"
#include "common/error.h"
#include "deploy/localsite/releaseinfo.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

namespace DeployDesk::LocalSite {

// A deploy root on disk:
//   releases/<id>/               one complete copy of the site per release
//   releases/<id>.partial/       a release being copied (never served, removed if left)
//   current -> releases/<id>     the live release: a relative symlink, switched atomically
//   previews/<branch>/           the latest preview of each branch
//   meta/releases/<id>.json      summary of a release (time, run, commit, counts, url)
//   meta/releases/<id>.manifest  its files (size, mtime, mode) for the next deploy
//   meta/previews/<branch>.*     the same for each preview
//   meta/lock                    taken while a deploy or a switch works on the root
// Every operation is a plain file-system call; callers hold the lock for the changing ones.
class SiteLayout final
{
    Q_DECLARE_TR_FUNCTIONS(SiteLayout)

public:
    explicit SiteLayout(QString root);

    const QString &root() const { return m_root; }
    QString releasesDir() const;
    QString previewsDir() const;
    QString releasePath(const QString &id) const;
    QString partialPath(const QString &id) const;
    QString previewPath(const QString &folder) const;
    QString previewPartialPath(const QString &folder, const QString &id) const;
    // meta/releases/<id>.json or meta/previews/<folder>.json (".manifest" for the files).
    QString summaryFile(const QString &name, bool preview) const;
    QString manifestFile(const QString &name, bool preview) const;
    QString lockFile() const;

    // Creates the folders above (not `current`).
    Result<void> create() const;
    // The id `current` points at; empty when there is no `current` yet.
    Result<QString> currentRelease() const;
    // The complete releases, newest first (a release without a summary sorts by its id).
    QList<ReleaseInfo> releases() const;
    QList<ReleaseInfo> previews() const; // newest first
    Result<ReleaseInfo> release(const QString &id) const;
    QStringList releaseIds() const; // newest first
    // "<UTC time>-<run>", made unique with ".2", ".3"... if taken.
    QString newReleaseId(const QDateTime &now, qint64 runId) const;

    // Points `current` at releases/<id>: a new link renamed over the old one (atomic:
    // a reader sees the old release or the new one, never neither), then synced.
    Result<void> switchCurrent(const QString &id) const;
    // Puts a copied preview in place of previews/<folder> (an atomic exchange when there
    // is one already), then removes the old copy.
    Result<void> replacePreview(const QString &partial, const QString &folder) const;
    // Keeps the `keep` newest releases and the live one; removes the others, partial
    // folders a crash left and summaries without a release. Returns the removed ids.
    Result<QStringList> prune(int keep) const;

    Deployment toDeployment(const ReleaseInfo &info) const;

    static Result<void> removeTree(const QString &path);
    static Result<void> syncPath(const QString &path); // fsync of a folder or file
    static QString describeErrno(int error);

private:
    QString m_root;
};

} // namespace DeployDesk::LocalSite
