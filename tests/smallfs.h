#pragma once

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QString>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

// A small tmpfs that a test mounts at `dir` to make a full or read-only disk for real
// (root only: CI runs as root; elsewhere the test skips and says why). Unmounted when
// destroyed.
class SmallFs
{
public:
    SmallFs(const QString &dir, const QString &size)
        : m_dir(dir)
    {
        QDir().mkpath(dir);
        if (::geteuid() != 0) {
            m_whyNot = QStringLiteral("mounting a small tmpfs needs root (CI runs as root)");
            return;
        }
        const auto [code, err] =
            run({QStringLiteral("-t"), QStringLiteral("tmpfs"), QStringLiteral("-o"),
                 QStringLiteral("size=") + size, QStringLiteral("tmpfs"), dir});
        if (code != 0) {
            m_whyNot = QStringLiteral("mount -t tmpfs failed (%1): %2").arg(code).arg(err);
            return;
        }
        m_mounted = true;
    }
    ~SmallFs()
    {
        if (m_mounted)
            QProcess::execute(QStringLiteral("umount"), {QStringLiteral("-l"), m_dir});
    }
    SmallFs(const SmallFs &) = delete;
    SmallFs &operator=(const SmallFs &) = delete;

    bool ok() const { return m_mounted; }
    QString whyNot() const { return m_whyNot; }
    QString path() const { return m_dir; }
    QString fillerPath() const { return m_dir + QStringLiteral("/filler"); }

    // Writes a file until the device is full (ENOSPC); true when it is.
    bool fill() const
    {
        const int fd = ::open(QFile::encodeName(fillerPath()).constData(),
                              O_WRONLY | O_CREAT | O_APPEND, 0600);
        if (fd < 0)
            return false;
        static const char block[4096] = {};
        ssize_t written = 0;
        do {
            written = ::write(fd, block, sizeof block);
        } while (written > 0);
        const bool full = errno == ENOSPC;
        ::close(fd);
        return full;
    }
    bool unfill() const { return QFile::remove(fillerPath()); }
    bool setReadOnly(bool readOnly)
    {
        return run({QStringLiteral("-o"),
                    readOnly ? QStringLiteral("remount,ro") : QStringLiteral("remount,rw"), m_dir})
                   .first == 0;
    }

private:
    static std::pair<int, QString> run(const QStringList &args)
    {
        QProcess p;
        p.start(QStringLiteral("mount"), args);
        if (!p.waitForStarted() || !p.waitForFinished(30000))
            return {-1, QStringLiteral("mount did not run")};
        return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1,
                QString::fromLocal8Bit(p.readAllStandardError()).trimmed()};
    }

    QString m_dir;
    QString m_whyNot;
    bool m_mounted = false;
};
