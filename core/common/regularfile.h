#pragma once

#include <QByteArray>
#include <QFile>
#include <QString>

#include <expected>

namespace DeployDesk {

// Why a workspace file was not read.
struct FileProblem
{
    enum class Kind {
        Missing,    // no such file (or a dangling symlink)
        Directory,  // a directory
        NotRegular, // a FIFO, socket or device: never opened for reading
        TooLarge,   // larger than the reader allows
        Unreadable, // stat, open or read failed (permissions, I/O)
    };
    Kind kind = Kind::Unreadable;
    // What is wrong, as a clause: "it is a FIFO, not a regular file",
    // "No such file or directory", "Permission denied".
    QString reason;
    qint64 size = 0;  // for TooLarge
    QString fileKind; // for NotRegular: "a FIFO", "a socket", "a device", "a special file"
};

// The one checked open for files a workspace names (the pipeline file, env-files, golden
// questions, docs, vercel.json, .git files, artifacts): symlinks are followed, and anything
// that is not a regular file is refused before it is opened for reading (a FIFO would block
// the reader, a device could be endless). The file is opened with O_NONBLOCK and checked
// again with fstat(), so swapping it for a FIFO after the first look cannot block either.
std::expected<void, FileProblem> openRegularFile(QFile &file, const QString &path);

// openRegularFile() and read it whole; TooLarge past `maxSize` bytes.
std::expected<QByteArray, FileProblem> readRegularFile(const QString &path, qint64 maxSize);

} // namespace DeployDesk
