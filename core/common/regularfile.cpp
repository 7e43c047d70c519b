#include "common/regularfile.h"

#include "common/translate.h"

#include <cerrno>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace DeployDesk {

namespace {

FileProblem problem(FileProblem::Kind kind, QString reason)
{
    return FileProblem{kind, std::move(reason), 0, {}};
}

std::expected<void, FileProblem> checkMode(mode_t mode)
{
    if (S_ISREG(mode))
        return {};
    if (S_ISDIR(mode))
        return std::unexpected(problem(FileProblem::Kind::Directory, tr("it is a directory")));
    QString kind;
    if (S_ISFIFO(mode))
        kind = tr("a FIFO");
    else if (S_ISSOCK(mode))
        kind = tr("a socket");
    else if (S_ISCHR(mode) || S_ISBLK(mode))
        kind = tr("a device");
    else
        kind = tr("a special file");
    FileProblem notRegular =
        problem(FileProblem::Kind::NotRegular, tr("it is %1, not a regular file").arg(kind));
    notRegular.fileKind = kind;
    return std::unexpected(notRegular);
}

} // namespace

std::expected<void, FileProblem> openRegularFile(QFile &file, const QString &path)
{
    const QByteArray native = QFile::encodeName(path);
    struct stat info = {};
    if (::stat(native.constData(), &info) != 0) {
        const int error = errno;
        if (error == ENOENT || error == ENOTDIR)
            return std::unexpected(problem(FileProblem::Kind::Missing, qt_error_string(error)));
        return std::unexpected(problem(FileProblem::Kind::Unreadable, qt_error_string(error)));
    }
    if (auto mode = checkMode(info.st_mode); !mode)
        return mode;

    const int fd = ::open(native.constData(), O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
    if (fd < 0)
        return std::unexpected(problem(FileProblem::Kind::Unreadable, qt_error_string(errno)));
    struct stat opened = {};
    if (::fstat(fd, &opened) != 0) {
        const int error = errno;
        ::close(fd);
        return std::unexpected(problem(FileProblem::Kind::Unreadable, qt_error_string(error)));
    }
    if (auto mode = checkMode(opened.st_mode); !mode) {
        ::close(fd);
        return mode;
    }
    // A regular file: blocking reads are what QFile expects.
    ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) & ~O_NONBLOCK);
    if (!file.open(fd, QIODevice::ReadOnly, QFileDevice::AutoCloseHandle)) {
        ::close(fd);
        return std::unexpected(problem(FileProblem::Kind::Unreadable, file.errorString()));
    }
    return {};
}

std::expected<QByteArray, FileProblem> readRegularFile(const QString &path, qint64 maxSize)
{
    QFile file;
    if (auto opened = openRegularFile(file, path); !opened)
        return std::unexpected(opened.error());
    auto tooLarge = [&](qint64 size) {
        return std::unexpected(FileProblem{
            FileProblem::Kind::TooLarge,
            tr("it is too large (%1 bytes; at most %2 bytes are read)").arg(size).arg(maxSize),
            size,
            {}});
    };
    if (file.size() > maxSize)
        return tooLarge(file.size());
    QByteArray data = file.read(maxSize + 1);
    if (file.error() != QFileDevice::NoError)
        return std::unexpected(problem(FileProblem::Kind::Unreadable, file.errorString()));
    if (data.size() > maxSize)
        return tooLarge(data.size());
    return data;
}

} // namespace DeployDesk
