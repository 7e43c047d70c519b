#include "deploy/localsite/sitelayout.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <unistd.h>

namespace DeployDesk::LocalSite {
namespace {
const QString kCurrent = QStringLiteral("current");
const QString kCurrentNew = QStringLiteral("current.new");
const QString kPartial = QStringLiteral(".partial");
const QString kRemoving = QStringLiteral(".removing");

bool newerFirst(const ReleaseInfo &a, const ReleaseInfo &b)
{
    if (a.createdAt != b.createdAt)
        return a.createdAt > b.createdAt;
    return a.id > b.id;
}

bool isReleaseName(const QString &name)
{
    return !name.startsWith(u'.') && !name.endsWith(kPartial) && !name.endsWith(kRemoving);
}

QByteArray encode(const QString &path)
{
    return QFile::encodeName(path);
}
} // namespace

SiteLayout::SiteLayout(QString root)
    : m_root(std::move(root))
{}

QString SiteLayout::releasesDir() const
{
    return m_root + QStringLiteral("/releases");
}

QString SiteLayout::previewsDir() const
{
    return m_root + QStringLiteral("/previews");
}

QString SiteLayout::releasePath(const QString &id) const
{
    return releasesDir() + u'/' + id;
}

QString SiteLayout::partialPath(const QString &id) const
{
    return releasePath(id) + kPartial;
}

QString SiteLayout::previewPath(const QString &folder) const
{
    return previewsDir() + u'/' + folder;
}

QString SiteLayout::previewPartialPath(const QString &folder, const QString &id) const
{
    return previewsDir() + QStringLiteral("/.") + folder + u'.' + id + kPartial;
}

QString SiteLayout::summaryFile(const QString &name, bool preview) const
{
    return m_root +
           (preview ? QStringLiteral("/meta/previews/") : QStringLiteral("/meta/releases/")) +
           name + QStringLiteral(".json");
}

QString SiteLayout::manifestFile(const QString &name, bool preview) const
{
    return m_root +
           (preview ? QStringLiteral("/meta/previews/") : QStringLiteral("/meta/releases/")) +
           name + QStringLiteral(".manifest");
}

QString SiteLayout::lockFile() const
{
    return m_root + QStringLiteral("/meta/lock");
}

QString SiteLayout::describeErrno(int error)
{
    return QString::fromLocal8Bit(std::strerror(error));
}

Result<void> SiteLayout::create() const
{
    for (const QString &dir :
         {releasesDir(), previewsDir(), m_root + QStringLiteral("/meta/releases"),
          m_root + QStringLiteral("/meta/previews")}) {
        if (!QDir().mkpath(dir))
            return makeError(ErrorCode::Io,
                             tr("cannot create the folder %1; check that the deploy root is "
                                "writable")
                                 .arg(dir));
    }
    return {};
}

Result<QString> SiteLayout::currentRelease() const
{
    const QByteArray link = encode(m_root + u'/' + kCurrent);
    char buffer[4096];
    const ssize_t n = ::readlink(link.constData(), buffer, sizeof buffer - 1);
    if (n < 0) {
        if (errno == ENOENT)
            return QString();
        if (errno == EINVAL)
            return makeError(ErrorCode::Conflict,
                             tr("%1 is not a link; DeployDesk switches releases by replacing a "
                                "link there: move it away")
                                 .arg(QFile::decodeName(link)));
        return makeError(
            ErrorCode::Io,
            tr("cannot read the link %1: %2").arg(QFile::decodeName(link), describeErrno(errno)));
    }
    const QString target = QFile::decodeName(QByteArray(buffer, n));
    const QString prefix = QStringLiteral("releases/");
    if (!target.startsWith(prefix) || target.indexOf(u'/', prefix.size()) >= 0)
        return makeError(ErrorCode::Conflict,
                         tr("%1 points at %2, which is not one of its releases")
                             .arg(QFile::decodeName(link), target));
    return target.mid(prefix.size());
}

QStringList SiteLayout::releaseIds() const
{
    QStringList ids;
    for (const ReleaseInfo &info : releases())
        ids.append(info.id);
    return ids;
}

QList<ReleaseInfo> SiteLayout::releases() const
{
    QList<ReleaseInfo> list;
    const QStringList names =
        QDir(releasesDir()).entryList(QDir::Dirs | QDir::NoDotAndDotDot | QDir::Hidden);
    for (const QString &name : names) {
        if (!isReleaseName(name))
            continue;
        auto info = ReleaseInfo::read(summaryFile(name, false));
        if (info && info->id == name) {
            list.append(*info);
            continue;
        }
        ReleaseInfo unknown; // copied in by hand, or its summary was lost: still a release
        unknown.id = name;
        unknown.createdAt = ReleaseInfo::timeOfId(name);
        list.append(unknown);
    }
    std::sort(list.begin(), list.end(), newerFirst);
    return list;
}

QList<ReleaseInfo> SiteLayout::previews() const
{
    QList<ReleaseInfo> list;
    const QStringList names = QDir(previewsDir()).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &folder : names) {
        auto info = ReleaseInfo::read(summaryFile(folder, true));
        if (!info) {
            ReleaseInfo unknown;
            unknown.id = folder;
            unknown.preview = true;
            unknown.folder = folder;
            unknown.sourceBranch = folder;
            list.append(unknown);
            continue;
        }
        info->preview = true;
        info->folder = folder;
        list.append(*info);
    }
    std::sort(list.begin(), list.end(), newerFirst);
    return list;
}

Result<ReleaseInfo> SiteLayout::release(const QString &id) const
{
    if (id.isEmpty() || !isReleaseName(id) || id.contains(u'/') ||
        !QFileInfo(releasePath(id)).isDir())
        return makeError(ErrorCode::NotFound, tr("release %1 is not in %2").arg(id, releasesDir()));
    for (const ReleaseInfo &info : releases()) {
        if (info.id == id)
            return info;
    }
    return makeError(ErrorCode::NotFound, tr("release %1 is not in %2").arg(id, releasesDir()));
}

QString SiteLayout::newReleaseId(const QDateTime &now, qint64 runId) const
{
    const QString base = now.toUTC().toString(QStringLiteral("yyyyMMdd'T'HHmmss'Z'")) + u'-' +
                         QString::number(runId);
    QString id = base;
    for (int n = 2;; ++n) {
        if (!QFileInfo::exists(releasePath(id)) && !QFileInfo::exists(partialPath(id)) &&
            !QFileInfo::exists(summaryFile(id, false)))
            return id;
        id = base + u'.' + QString::number(n);
    }
}

Result<void> SiteLayout::switchCurrent(const QString &id) const
{
    const QByteArray root = encode(m_root);
    const int dir = ::open(root.constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dir < 0)
        return makeError(ErrorCode::Io, tr("cannot open %1: %2").arg(m_root, describeErrno(errno)));
    const auto fail = [&](const QString &what) {
        const int error = errno;
        ::unlinkat(dir, "current.new", 0);
        ::close(dir);
        return makeError(ErrorCode::Io, tr("cannot switch %1/current to releases/%2: %3: %4")
                                            .arg(m_root, id, what, describeErrno(error)));
    };
    const QByteArray target = encode(QStringLiteral("releases/") + id);
    if (::unlinkat(dir, "current.new", 0) != 0 && errno != ENOENT)
        return fail(tr("removing a left-over %1").arg(kCurrentNew));
    if (::symlinkat(target.constData(), dir, "current.new") != 0)
        return fail(tr("creating the link"));
    if (::renameat(dir, "current.new", dir, "current") != 0) {
        if (errno == EISDIR || errno == ENOTEMPTY || errno == EEXIST) {
            ::unlinkat(dir, "current.new", 0);
            ::close(dir);
            return makeError(ErrorCode::Conflict,
                             tr("%1/current is a folder, not a link; DeployDesk switches releases "
                                "by replacing a link there: move the folder away")
                                 .arg(m_root));
        }
        return fail(tr("renaming the link over the old one"));
    }
    ::fsync(dir); // the rename itself survives a power cut
    ::close(dir);
    return {};
}

Result<void> SiteLayout::replacePreview(const QString &partial, const QString &folder) const
{
    const QByteArray from = encode(partial);
    const QByteArray to = encode(previewPath(folder));
    if (::renameat2(AT_FDCWD, from.constData(), AT_FDCWD, to.constData(), RENAME_NOREPLACE) == 0)
        return syncPath(previewsDir());
    if (errno != EEXIST)
        return makeError(ErrorCode::Io, tr("cannot move the preview into %1: %2")
                                            .arg(previewPath(folder), describeErrno(errno)));
    // Swap the new copy and the old one in one step, then remove the old one (now at the
    // partial name, never served).
    if (::renameat2(AT_FDCWD, from.constData(), AT_FDCWD, to.constData(), RENAME_EXCHANGE) != 0)
        return makeError(
            ErrorCode::Io,
            tr("cannot replace the preview %1: %2").arg(previewPath(folder), describeErrno(errno)));
    if (auto synced = syncPath(previewsDir()); !synced)
        return synced;
    return removeTree(partial);
}

Result<QStringList> SiteLayout::prune(int keep) const
{
    const auto live = currentRelease();
    QStringList removed;
    const QList<ReleaseInfo> all = releases();
    int kept = 0;
    for (const ReleaseInfo &info : all) {
        const bool isLive = live && *live == info.id;
        if (kept < keep || isLive) {
            ++kept;
            continue;
        }
        // Renamed first, so a crash half-way never leaves a half release that looks whole.
        const QString doomed = releasePath(info.id) + kRemoving;
        if (!QDir().rename(releasePath(info.id), doomed))
            return makeError(ErrorCode::Io,
                             tr("cannot remove the old release %1").arg(releasePath(info.id)));
        QFile::remove(summaryFile(info.id, false));
        QFile::remove(manifestFile(info.id, false));
        if (auto gone = removeTree(doomed); !gone)
            return std::unexpected(gone.error());
        removed.append(info.id);
    }
    // What a crashed or cancelled deploy left behind (the caller holds the lock: no deploy
    // is copying now).
    const QStringList names =
        QDir(releasesDir()).entryList(QDir::Dirs | QDir::NoDotAndDotDot | QDir::Hidden);
    for (const QString &name : names) {
        if (name.endsWith(kPartial) || name.endsWith(kRemoving))
            removeTree(releasesDir() + u'/' + name);
    }
    const QStringList hidden =
        QDir(previewsDir()).entryList(QDir::Dirs | QDir::NoDotAndDotDot | QDir::Hidden);
    for (const QString &name : hidden) {
        if (name.startsWith(u'.') && name.endsWith(kPartial))
            removeTree(previewsDir() + u'/' + name);
    }
    const QDir meta(m_root + QStringLiteral("/meta/releases"));
    for (const QString &file : meta.entryList(QDir::Files)) {
        const QString id = QFileInfo(file).completeBaseName();
        if (!QFileInfo(releasePath(id)).isDir())
            QFile::remove(meta.filePath(file));
    }
    return removed;
}

Deployment SiteLayout::toDeployment(const ReleaseInfo &info) const
{
    Deployment d;
    d.target = QStringLiteral("local-site");
    d.layer = Layer::Site;
    d.version = info.id;
    d.url = info.url;
    d.createdAt = info.createdAt;
    d.details.insert(QStringLiteral("root"), m_root);
    d.details.insert(QStringLiteral("path"),
                     info.preview ? previewPath(info.folder) : releasePath(info.id));
    d.details.insert(QStringLiteral("files"), info.files);
    d.details.insert(QStringLiteral("bytes"), info.bytes);
    d.details.insert(QStringLiteral("preview"), info.preview);
    if (info.preview)
        d.details.insert(QStringLiteral("folder"), info.folder);
    if (!info.sourceBranch.isEmpty())
        d.details.insert(QStringLiteral("branch"), info.sourceBranch);
    if (!info.commit.isEmpty())
        d.details.insert(QStringLiteral("commit"), info.commit);
    return d;
}

Result<void> SiteLayout::removeTree(const QString &path)
{
    std::error_code error;
    std::filesystem::remove_all(std::filesystem::path(encode(path).toStdString()), error);
    if (error)
        return makeError(
            ErrorCode::Io,
            tr("cannot remove %1: %2").arg(path, QString::fromStdString(error.message())));
    return {};
}

Result<void> SiteLayout::syncPath(const QString &path)
{
    const int fd = ::open(encode(path).constData(), O_RDONLY | O_CLOEXEC);
    if (fd < 0 || ::fsync(fd) != 0) {
        const int error = errno;
        if (fd >= 0)
            ::close(fd);
        return makeError(ErrorCode::Io, tr("cannot sync %1: %2").arg(path, describeErrno(error)));
    }
    ::close(fd);
    return {};
}

} // namespace DeployDesk::LocalSite
