#include "deploy/localsite/sitepublisher.h"

#include "common/bytesize.h"
#include "deploy/localsite/releaseinfo.h"
#include "deploy/localsite/sitecopier.h"
#include "deploy/localsite/sitelayout.h"
#include "deploy/localsite/sitelock.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QLocale>
#include <QThread>

#include <fcntl.h>
#include <unistd.h>

namespace DeployDesk::LocalSite {
namespace {
constexpr qint64 kProgressEveryMs = 2000;

QString number(qint64 n)
{
    return QLocale().toString(n);
}

// Flushes the file system that holds `path` (the copied files, their folders, the
// manifest): one call instead of one fsync per file.
void syncFileSystem(const QString &path)
{
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0)
        return;
    ::syncfs(fd);
    ::close(fd);
}

bool isInside(const QString &path, const QString &folder)
{
    return path == folder || path.startsWith(folder.endsWith(u'/') ? folder : folder + u'/');
}
} // namespace

SitePublisher::SitePublisher(SiteOptions options, const std::atomic_bool *cancel, LogFunction log)
    : m_options(std::move(options))
    , m_cancel(cancel)
    , m_log(std::move(log))
{
    if (!m_log)
        m_log = [](const QString &) {};
}

SitePublisher::Outcome SitePublisher::fail(Error error)
{
    m_error = std::move(error);
    return Outcome::Failed;
}

Result<void> SitePublisher::checkSource(const SiteOptions &options)
{
    const QFileInfo from(options.from);
    if (!from.exists())
        return makeError(ErrorCode::NotFound,
                         tr("the build folder in \"from\" (%1) does not exist; build the site "
                            "first, or fix \"from\" (it is relative to the workspace)")
                             .arg(options.from));
    if (!from.isDir())
        return makeError(ErrorCode::Invalid,
                         tr("\"from\" must name the build folder; %1 is a file").arg(options.from));
    if (QDir(options.from)
            .isEmpty(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System))
        return makeError(ErrorCode::Invalid,
                         tr("the build folder in \"from\" (%1) is empty: nothing to publish; did "
                            "the build stage run?")
                             .arg(options.from));
    const QString source = from.canonicalFilePath();
    const QFileInfo root(options.root);
    const QString target = root.exists() ? root.canonicalFilePath() : QDir::cleanPath(options.root);
    if (isInside(target, source))
        return makeError(ErrorCode::Invalid,
                         tr("the deploy root %1 is inside the build folder %2: each release "
                            "would copy the ones before it; set \"root\" elsewhere")
                             .arg(options.root, options.from));
    return {};
}

Result<bool> SitePublisher::lockRoot(SiteLock &lock)
{
    bool told = false;
    while (true) {
        auto locked = lock.tryLock();
        if (!locked || *locked)
            return locked;
        if (cancelled())
            return false;
        if (!told) {
            m_log(tr("waiting for another deploy to %1 to finish").arg(m_options.root));
            told = true;
        }
        QThread::msleep(100);
    }
}

SitePublisher::Outcome SitePublisher::run()
{
    if (auto checked = checkSource(m_options); !checked)
        return fail(checked.error());
    if (cancelled())
        return Outcome::Cancelled;
    const SiteLayout layout(m_options.root);
    if (auto created = layout.create(); !created)
        return fail(created.error());
    SiteLock lock(layout.lockFile());
    auto locked = lockRoot(lock);
    if (!locked)
        return fail(locked.error());
    if (!*locked)
        return Outcome::Cancelled;

    const bool preview = m_options.preview;
    const QString folder = m_options.branch;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QString id = layout.newReleaseId(now, m_options.runId);

    // The copy before this one: its unchanged files are linked, not copied.
    QString previousDir;
    QString previousManifest;
    if (preview && QFileInfo::exists(layout.manifestFile(folder, true)) &&
        QFileInfo(layout.previewPath(folder)).isDir()) {
        previousDir = layout.previewPath(folder);
        previousManifest = layout.manifestFile(folder, true);
    } else {
        auto live = layout.currentRelease();
        if (!live && !preview)
            return fail(live.error()); // `current` is in the way: say so before copying
        QString previous = live ? *live : QString();
        if (previous.isEmpty() || !QFileInfo(layout.releasePath(previous)).isDir()) {
            const QStringList ids = layout.releaseIds();
            previous = ids.isEmpty() ? QString() : ids.first();
        }
        if (!previous.isEmpty()) {
            previousDir = layout.releasePath(previous);
            previousManifest = layout.manifestFile(previous, false);
        }
    }
    SiteCopier copier(m_cancel);
    QElapsedTimer sinceReport;
    sinceReport.start();
    copier.setAfterFile([&](const CopyStats &soFar) {
        if (m_afterFile)
            m_afterFile(soFar.files);
        if (sinceReport.elapsed() >= kProgressEveryMs) {
            sinceReport.restart();
            m_log(tr("%1 files (%2) so far").arg(number(soFar.files), formatBytes(soFar.bytes)));
        }
    });
    if (!previousDir.isEmpty()) {
        if (auto manifest = SiteManifest::read(previousManifest))
            copier.setPrevious(previousDir, std::move(*manifest));
    }

    const QString where =
        preview ? QStringLiteral("previews/") + folder : QStringLiteral("releases/") + id;
    m_log(tr("publishing %1 as %2 in %3").arg(m_options.from, where, m_options.root));
    const QString staging =
        preview ? layout.previewPartialPath(folder, id) : layout.partialPath(id);
    const auto dropStaging = [&] {
        SiteLayout::removeTree(staging);
        if (!preview) {
            QFile::remove(layout.summaryFile(id, false));
            QFile::remove(layout.manifestFile(id, false));
        }
    };
    const auto cancelledNow = [&] {
        dropStaging();
        m_log(tr("cancelled: the partial copy is removed, nothing else changed"));
        return Outcome::Cancelled;
    };

    const auto copied = copier.copy(m_options.from, staging);
    if (copier.wasCancelled())
        return cancelledNow();
    if (!copied) {
        dropStaging();
        return fail(copied.error());
    }
    const CopyStats &stats = copier.stats();
    if (stats.linked > 0)
        m_log(tr("copied %1 files (%2), linked %3 unchanged (%4)")
                  .arg(number(stats.copied), formatBytes(stats.copiedBytes), number(stats.linked),
                       formatBytes(stats.linkedBytes)));
    else
        m_log(tr("copied %1 files (%2)").arg(number(stats.copied), formatBytes(stats.copiedBytes)));
    if (!stats.skipped.isEmpty())
        m_log(tr("skipped %1 entries that are neither files, folders nor links: %2")
                  .arg(number(stats.skipped.size()), stats.skipped.mid(0, 5).join(u", ")));
    if (!QFileInfo(staging + u'/' + m_options.index).isFile())
        m_log(tr("warning: the build folder has no %1; the health check looks for it")
                  .arg(m_options.index));

    ReleaseInfo info;
    info.id = id;
    info.createdAt = now;
    info.runId = m_options.runId;
    info.commit = m_options.commit;
    info.sourceBranch = m_options.sourceBranch;
    info.preview = preview;
    info.folder = preview ? folder : QString();
    info.url = m_options.urlFor(preview, folder);
    info.files = stats.files;
    info.bytes = stats.bytes;
    info.copied = stats.copied;
    info.linked = stats.linked;

    if (!preview) {
        // The manifest and summary are in place before the release is: a release folder
        // never exists without them (unless copied in by hand).
        if (auto written = copier.manifest().write(layout.manifestFile(id, false)); !written) {
            dropStaging();
            return fail(written.error());
        }
        if (auto written = info.write(layout.summaryFile(id, false)); !written) {
            dropStaging();
            return fail(written.error());
        }
    }
    if (cancelled())
        return cancelledNow();
    syncFileSystem(staging);

    // From here on the deploy completes: a cancel now would only leave a whole release unused.
    if (preview) {
        if (auto replaced = layout.replacePreview(staging, folder); !replaced) {
            dropStaging();
            return fail(replaced.error());
        }
        // Written after the swap, so they describe what is served (a crash in between only
        // costs the next preview deploy some copying: linking checks the files themselves).
        copier.manifest().write(layout.manifestFile(folder, true));
        info.write(layout.summaryFile(folder, true));
        m_log(tr("preview of %1 → previews/%2").arg(m_options.sourceBranch, folder));
    } else {
        if (!QDir().rename(staging, layout.releasePath(id))) {
            dropStaging();
            return fail(makeErrorValue(
                ErrorCode::Io, tr("cannot rename %1 to %2").arg(staging, layout.releasePath(id))));
        }
        SiteLayout::syncPath(layout.releasesDir());
        if (auto switched = layout.switchCurrent(id); !switched)
            return fail(switched.error()); // the release stays, whole, for a later switch
        m_log(tr("current → releases/%1").arg(id));
    }
    if (!info.url.isEmpty())
        m_log(tr("live at %1").arg(info.url));
    if (!preview) {
        const auto pruned = layout.prune(m_options.keep);
        if (!pruned)
            m_log(tr("warning: %1").arg(pruned.error().message));
        else if (!pruned->isEmpty())
            m_log(tr("removed %1 old releases (keeping %2): %3")
                      .arg(number(pruned->size()), number(m_options.keep), pruned->join(u", ")));
    }
    m_deployment = layout.toDeployment(info);
    return Outcome::Published;
}

} // namespace DeployDesk::LocalSite
