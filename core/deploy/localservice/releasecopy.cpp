#include "deploy/localservice/releasecopy.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <climits>
#include <unistd.h>

namespace DeployDesk::LocalService {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("DeployDesk", text);
}

bool isUnder(const QString &path, const QString &folder)
{
    return path == folder || path.startsWith(folder + QLatin1Char('/'));
}
} // namespace

Result<int> copyRelease(const QString &from, const QString &to, const QStringList &skip,
                        const std::atomic_bool &cancel)
{
    const QString source = QDir(from).canonicalPath();
    if (source.isEmpty())
        return makeError(ErrorCode::NotFound, tr("the folder %1 does not exist").arg(from));
    if (QFileInfo::exists(to))
        return makeError(ErrorCode::Internal, tr("the release folder %1 exists already").arg(to));
    QStringList skipped;
    for (const QString &s : skip) {
        const QString canonical = QFileInfo(s).canonicalFilePath();
        skipped << (canonical.isEmpty() ? QDir::cleanPath(s) : canonical);
    }
    const auto fail = [&to](Error error) -> Result<int> {
        QDir(to).removeRecursively();
        return std::unexpected(std::move(error));
    };
    if (!QDir().mkpath(to))
        return fail(makeErrorValue(ErrorCode::Io, tr("cannot create the folder %1").arg(to)));

    int files = 0;
    QStringList pending{source};
    // Depth-first by hand, so skipped folders are never entered.
    while (!pending.isEmpty()) {
        const QString dir = pending.takeLast();
        const QFileInfoList entries = QDir(dir).entryInfoList(
            QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot, QDir::Name);
        for (const QFileInfo &entry : entries) {
            if (cancel.load())
                return fail(makeErrorValue(ErrorCode::Internal, tr("cancelled")));
            const QString path = entry.absoluteFilePath();
            const QString relative = QDir(source).relativeFilePath(path);
            const QString target = to + QLatin1Char('/') + relative;
            if (entry.fileName() == QLatin1String(".git"))
                continue;
            bool skipThis = false;
            for (const QString &s : std::as_const(skipped))
                skipThis = skipThis || isUnder(path, s);
            if (skipThis)
                continue;
            if (entry.isSymLink()) {
                // The link's own text (a relative link keeps pointing inside the copy).
                char link[PATH_MAX];
                const ssize_t n =
                    ::readlink(QFile::encodeName(path).constData(), link, sizeof link);
                if (n <= 0 || n >= ssize_t(sizeof link) ||
                    ::symlink(QByteArray(link, n).constData(),
                              QFile::encodeName(target).constData()) != 0)
                    return fail(makeErrorValue(
                        ErrorCode::Io, tr("cannot copy the link %1 to %2").arg(path, target)));
            } else if (entry.isDir()) {
                if (!QDir().mkpath(target))
                    return fail(makeErrorValue(ErrorCode::Io,
                                               tr("cannot create the folder %1").arg(target)));
                pending.append(path);
            } else if (entry.isFile()) {
                QFile in(path);
                if (!in.copy(target))
                    return fail(makeErrorValue(
                        ErrorCode::Io,
                        tr("cannot copy %1 to %2: %3").arg(path, target, in.errorString())));
                QFile out(target);
                if (out.open(QIODevice::ReadWrite))
                    out.setFileTime(entry.lastModified(), QFileDevice::FileModificationTime);
                ++files;
            }
            // Sockets, fifos and devices are not part of a release.
        }
    }
    return files;
}

} // namespace DeployDesk::LocalService
