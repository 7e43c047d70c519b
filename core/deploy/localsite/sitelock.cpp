#include "deploy/localsite/sitelock.h"

#include <QFile>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

namespace DeployDesk::LocalSite {

SiteLock::SiteLock(QString fileName)
    : m_fileName(std::move(fileName))
{}

SiteLock::~SiteLock()
{
    if (m_fd >= 0)
        ::close(m_fd); // releases the flock
}

Result<bool> SiteLock::tryLock()
{
    if (m_locked)
        return true;
    if (m_fd < 0) {
        m_fd =
            ::open(QFile::encodeName(m_fileName).constData(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
        if (m_fd < 0)
            return makeError(ErrorCode::Io,
                             tr("cannot open the lock file %1: %2")
                                 .arg(m_fileName, QString::fromLocal8Bit(std::strerror(errno))));
    }
    if (::flock(m_fd, LOCK_EX | LOCK_NB) == 0) {
        m_locked = true;
        return true;
    }
    if (errno == EWOULDBLOCK || errno == EINTR)
        return false;
    return makeError(
        ErrorCode::Io,
        tr("cannot lock %1: %2").arg(m_fileName, QString::fromLocal8Bit(std::strerror(errno))));
}

} // namespace DeployDesk::LocalSite
