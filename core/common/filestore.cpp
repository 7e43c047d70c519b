#include "common/filestore.h"
#include "common/regularfile.h"
#include "common/translate.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QSet>
#include <QTemporaryFile>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <sys/stat.h>
#include <unistd.h>

namespace DeployDesk {

Result<QByteArray> copyHashed(const QString &from, const QString &to, qint64 *size)
{
    QFile in;
    if (auto opened = openRegularFile(in, from); !opened)
        return makeError(ErrorCode::Io, tr("cannot read %1: %2").arg(from, opened.error().reason));
    QDir().mkpath(QFileInfo(to).absolutePath());
    QFile out(to);
    if (!out.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return makeError(ErrorCode::Io, tr("cannot write %1: %2").arg(to, out.errorString()));
    QCryptographicHash hash(QCryptographicHash::Sha256);
    QByteArray buffer(1 << 16, Qt::Uninitialized);
    while (true) {
        const qint64 n = in.read(buffer.data(), buffer.size());
        if (n < 0)
            return makeError(ErrorCode::Io, tr("cannot read %1: %2").arg(from, in.errorString()));
        if (n == 0)
            break;
        hash.addData(QByteArrayView(buffer.constData(), n));
        if (out.write(buffer.constData(), n) != n)
            return makeError(ErrorCode::Io, tr("cannot write %1: %2").arg(to, out.errorString()));
        *size += n;
    }
    out.setPermissions(in.permissions());
    return hash.result();
}

namespace {
// The SHA-256 of `from` and its permission bits, reading it once.
Result<QByteArray> hashFile(const QString &from, unsigned *mode)
{
    QFile in;
    if (auto opened = openRegularFile(in, from); !opened)
        return makeError(ErrorCode::Io, tr("cannot read %1: %2").arg(from, opened.error().reason));
    struct stat st;
    if (::fstat(in.handle(), &st) != 0)
        return makeError(ErrorCode::Io, tr("cannot read %1: %2").arg(from, in.errorString()));
    *mode = st.st_mode & 0777u;
    QCryptographicHash hash(QCryptographicHash::Sha256);
    if (!hash.addData(&in))
        return makeError(ErrorCode::Io, tr("cannot read %1: %2").arg(from, in.errorString()));
    return hash.result();
}

} // namespace

Result<QByteArray> storeByContent(const QString &dataDir, const QString &from, const QString &to,
                                  qint64 *size, qint64 *newBytes)
{
    unsigned mode = 0;
    auto hash = hashFile(from, &mode);
    if (!hash)
        return hash;
    QString object = storedObjectPath(dataDir, QString::fromLatin1(hash->toHex()), mode);
    qint64 bytes = QFileInfo(from).size();
    if (!QFileInfo::exists(object)) {
        // Written under a temporary name and renamed: an object is whole or absent. It is
        // named by the hash taken while copying (the file may have changed since).
        const QString tmpDir = storedObjectsDir(dataDir) + QStringLiteral("/tmp");
        QDir().mkpath(tmpDir);
        QTemporaryFile tmp(tmpDir + QStringLiteral("/keep-XXXXXX"));
        if (!tmp.open())
            return makeError(ErrorCode::Io,
                             tr("cannot write %1: %2").arg(tmp.fileTemplate(), tmp.errorString()));
        tmp.close();
        bytes = 0;
        auto copied = copyHashed(from, tmp.fileName(), &bytes);
        if (!copied)
            return copied;
        hash = *copied;
        object = storedObjectPath(dataDir, QString::fromLatin1(hash->toHex()), mode);
        QDir().mkpath(QFileInfo(object).absolutePath());
        if (std::rename(QFile::encodeName(tmp.fileName()).constData(),
                        QFile::encodeName(object).constData()) != 0)
            return makeError(ErrorCode::Io,
                             tr("cannot write %1: %2")
                                 .arg(object, QString::fromLocal8Bit(std::strerror(errno))));
        tmp.setAutoRemove(false); // renamed
        if (newBytes)
            *newBytes += bytes;
    }
    QDir().mkpath(QFileInfo(to).absolutePath());
    QFile::remove(to);
    if (::link(QFile::encodeName(object).constData(), QFile::encodeName(to).constData()) == 0) {
        *size += bytes;
        return hash;
    }
    return copyHashed(from, to, size);
}

QString storedObjectsDir(const QString &dataDir)
{
    return QDir(dataDir).filePath(QStringLiteral("artifacts/objects"));
}

QString storedObjectPath(const QString &dataDir, const QString &sha256Hex, unsigned mode)
{
    return QStringLiteral("%1/%2/%3-%4")
        .arg(storedObjectsDir(dataDir), sha256Hex.left(2), sha256Hex)
        .arg(mode & 0777u, 3, 8, QLatin1Char('0'));
}

ObjectSweep sweepStoredObjects(const QString &dataDir)
{
    ObjectSweep sweep;
    const QString root = storedObjectsDir(dataDir);
    const qint64 stale = QDateTime::currentSecsSinceEpoch() - 3600;
    QDirIterator it(root, QDir::Files | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        const QByteArray native = QFile::encodeName(path);
        struct stat st;
        if (::lstat(native.constData(), &st) != 0 || !S_ISREG(st.st_mode))
            continue;
        const bool leftover = it.fileInfo().absolutePath() == root + QStringLiteral("/tmp");
        if (leftover ? st.st_mtime > stale : st.st_nlink != 1)
            continue;
        if (::unlink(native.constData()) != 0) {
            sweep.failures << tr("%1 could not be removed: %2")
                                  .arg(path, QString::fromLocal8Bit(std::strerror(errno)));
            continue;
        }
        ++sweep.objects;
        sweep.bytes += st.st_size;
    }
    return sweep;
}

qint64 distinctBytes(const QString &path)
{
    const QByteArray top = QFile::encodeName(path);
    struct stat st;
    if (::lstat(top.constData(), &st) != 0)
        return 0;
    if (!S_ISDIR(st.st_mode))
        return S_ISREG(st.st_mode) ? st.st_size : 0;
    QSet<QPair<quint64, quint64>> seen;
    qint64 bytes = 0;
    QDirIterator it(path, QDir::Files | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QByteArray native = QFile::encodeName(it.next());
        if (::lstat(native.constData(), &st) != 0 || !S_ISREG(st.st_mode))
            continue;
        if (st.st_nlink > 1) {
            const QPair<quint64, quint64> inode{quint64(st.st_dev), quint64(st.st_ino)};
            if (seen.contains(inode))
                continue;
            seen.insert(inode);
        }
        bytes += st.st_size;
    }
    return bytes;
}

} // namespace DeployDesk
