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

namespace {
// stat, refuse what is not a regular file, open non-blocking, check again with fstat: the
// descriptor of a regular file in blocking mode.
std::expected<int, FileProblem> openRegularFd(const QString &path)
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
        return std::unexpected(mode.error());
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
        return std::unexpected(mode.error());
    }
    // A regular file: blocking reads from here on.
    ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) & ~O_NONBLOCK);
    return fd;
}
} // namespace

std::expected<void, FileProblem> openRegularFile(QFile &file, const QString &path)
{
    auto fd = openRegularFd(path);
    if (!fd)
        return std::unexpected(fd.error());
    if (!file.open(*fd, QIODevice::ReadOnly, QFileDevice::AutoCloseHandle)) {
        ::close(*fd);
        return std::unexpected(problem(FileProblem::Kind::Unreadable, file.errorString()));
    }
    return {};
}

std::expected<QByteArray, FileProblem> readRegularFile(const QString &path, qint64 maxSize)
{
    // Plain POSIX reads: for a corpus of small docs QFile's open, buffering and close cost
    // as much as the read itself (docs/benchmarks.md §7).
    auto fd = openRegularFd(path);
    if (!fd)
        return std::unexpected(fd.error());
    struct FdCloser
    {
        int fd;
        ~FdCloser() { ::close(fd); }
    } closer{*fd};
    auto tooLarge = [&](qint64 size) {
        return std::unexpected(FileProblem{
            FileProblem::Kind::TooLarge,
            tr("it is too large (%1 bytes; at most %2 bytes are read)").arg(size).arg(maxSize),
            size,
            {}});
    };
    struct stat info = {};
    if (::fstat(*fd, &info) != 0)
        return std::unexpected(problem(FileProblem::Kind::Unreadable, qt_error_string(errno)));
    if (info.st_size > maxSize)
        return tooLarge(info.st_size);
    QByteArray data;
    // One byte more than the size: the end shows without another resize.
    data.resize(qsizetype(info.st_size) + 1);
    qsizetype size = 0;
    while (true) {
        if (size == data.size()) {
            if (size > maxSize)
                return tooLarge(size);
            data.resize(qMin<qint64>(qint64(data.size()) * 2 + 4096, maxSize + 1));
        }
        const ssize_t n = ::read(*fd, data.data() + size, size_t(data.size() - size));
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return std::unexpected(problem(FileProblem::Kind::Unreadable, qt_error_string(errno)));
        }
        if (n == 0)
            break;
        size += n;
    }
    if (size > maxSize)
        return tooLarge(size);
    data.truncate(size);
    return data;
}

} // namespace DeployDesk
