#include "run/artifactstore.h"
#include "common/filestore.h"
#include "common/regularfile.h"
#include "common/translate.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>

#include <algorithm>

namespace DeployDesk {

namespace {
Result<void> copyTree(const QString &from, const QString &to)
{
    const QFileInfo info(from);
    if (info.isFile()) {
        qint64 size = 0;
        if (auto r = copyHashed(from, to, &size); !r)
            return std::unexpected(r.error());
        return {};
    }
    QDirIterator it(from, QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString file = it.next();
        qint64 size = 0;
        if (auto r =
                copyHashed(file, to + QLatin1Char('/') + QDir(from).relativeFilePath(file), &size);
            !r)
            return std::unexpected(r.error());
    }
    return {};
}
} // namespace

namespace {
bool isPathComponent(const QString &name)
{
    return !name.isEmpty() && name != u"." && name != u".." && !name.contains(u'/') &&
           !name.contains(u'\\');
}

// Whether `path` (symlinks resolved) is `root` or inside it; `root` is canonical.
bool resolvesInside(const QString &path, const QString &root)
{
    const QString resolved = QFileInfo(path).canonicalFilePath();
    return !resolved.isEmpty() &&
           (resolved == root || resolved.startsWith(root.endsWith(u'/') ? root : root + u'/'));
}

Error outside(const QString &declared, const QString &stage, const QString &path,
              const QString &root)
{
    return makeErrorValue(
        ErrorCode::Invalid,
        tr("artifact \"%1\" of stage \"%2\" is not kept: %3 resolves to %4, outside the "
           "workspace %5; artifacts must stay inside the workspace (replace the symlink with "
           "the files it points to)")
            .arg(declared, stage, path, QFileInfo(path).canonicalFilePath(), root));
}
} // namespace

ArtifactStore::ArtifactStore(QString dataDir)
    : m_dataDir(std::move(dataDir))
{}

Result<ArtifactRecord> ArtifactStore::keep(qint64 runId, const QString &stage,
                                           const QString &workdir, const QString &declared,
                                           const QString &boundary) const
{
    if (!isPathComponent(stage))
        return makeError(ErrorCode::Invalid,
                         tr("the artifacts of stage \"%1\" are not kept: a stage name must "
                            "be a single folder name (not \".\" or \"..\", without \"/\")")
                             .arg(stage));
    QString relative = QDir::cleanPath(declared);
    const QString source = QDir(workdir).filePath(relative);
    const QFileInfo info(source);
    if (!info.exists())
        return makeError(ErrorCode::NotFound,
                         tr("artifact \"%1\" was not found in %2").arg(declared, workdir));
    const QString root = QFileInfo(boundary.isEmpty() ? workdir : boundary).canonicalFilePath();
    if (!resolvesInside(source, root))
        return std::unexpected(outside(declared, stage, source, root));
    if (!info.isFile() && !info.isDir())
        return makeError(ErrorCode::Invalid,
                         tr("artifact \"%1\" of stage \"%2\" is not kept: %3 is neither a "
                            "file nor a folder")
                             .arg(declared, stage, source));
    ArtifactRecord record;
    record.runId = runId;
    record.stage = stage;
    record.path = declared;
    record.storedPath =
        QStringLiteral("%1/artifacts/%2/%3/%4").arg(m_dataDir).arg(runId).arg(stage, relative);
    if (info.isFile()) {
        auto hash = storeByContent(m_dataDir, source, record.storedPath, &record.size);
        if (!hash)
            return std::unexpected(hash.error());
        record.sha256 = QString::fromLatin1(hash->toHex());
        return record;
    }
    QStringList files;
    QDirIterator it(source, QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString file = it.next();
        if (!resolvesInside(file, root))
            return std::unexpected(outside(declared, stage, file, root));
        files << QDir(source).relativeFilePath(file);
    }
    std::sort(files.begin(), files.end());
    QCryptographicHash tree(QCryptographicHash::Sha256);
    for (const QString &file : std::as_const(files)) {
        auto hash = storeByContent(m_dataDir, source + QLatin1Char('/') + file,
                                   record.storedPath + QLatin1Char('/') + file, &record.size);
        if (!hash)
            return std::unexpected(hash.error());
        tree.addData(file.toUtf8());
        tree.addData(QByteArrayView("\0", 1));
        tree.addData(hash->toHex());
        tree.addData(QByteArrayView("\n", 1));
    }
    QDir().mkpath(record.storedPath);
    record.sha256 = QString::fromLatin1(tree.result().toHex());
    return record;
}

Result<void> ArtifactStore::restore(const ArtifactRecord &artifact, const QString &workdir,
                                    const QString &boundary) const
{
    if (!QFileInfo::exists(artifact.storedPath))
        return makeError(ErrorCode::NotFound, tr("the kept copy of artifact \"%1\" is missing: %2")
                                                  .arg(artifact.path, artifact.storedPath));
    const QString target = QDir(workdir).filePath(QDir::cleanPath(artifact.path));
    // The folder it goes into (its nearest existing part) must be inside the workspace: a
    // symlinked folder on the way would put the copy, and the removal before it, elsewhere.
    const QString root = QFileInfo(boundary.isEmpty() ? workdir : boundary).canonicalFilePath();
    QString parent = QFileInfo(target).absolutePath();
    while (!QFileInfo::exists(parent) && QFileInfo(parent).absolutePath() != parent)
        parent = QFileInfo(parent).absolutePath();
    if (!resolvesInside(parent, root))
        return std::unexpected(makeErrorValue(
            ErrorCode::Invalid,
            tr("artifact \"%1\" of stage \"%2\" is not put back: %3 resolves to %4, outside "
               "the workspace %5; remove the symlink")
                .arg(artifact.path, artifact.stage, parent, QFileInfo(parent).canonicalFilePath(),
                     root)));
    const QFileInfo existing(target);
    if (existing.isSymLink())
        QFile::remove(target); // the link itself, never what it points to
    else if (existing.isDir())
        QDir(target).removeRecursively();
    else
        QFile::remove(target);
    return copyTree(artifact.storedPath, target);
}

} // namespace DeployDesk
