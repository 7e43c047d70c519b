#pragma once

#include "common/error.h"

#include <QCoreApplication>
#include <QString>

namespace DeployDesk::LocalSite {

// An exclusive lock on a deploy root (flock on a file in it), so two deploys or a deploy
// and a rollback never work on the same root at once, in one process or in two. The
// kernel drops it when the process dies: a crash never leaves the root locked.
class SiteLock final
{
    Q_DECLARE_TR_FUNCTIONS(SiteLock)
    Q_DISABLE_COPY_MOVE(SiteLock)

public:
    explicit SiteLock(QString fileName);
    ~SiteLock();

    // true when taken, false when someone else holds it; an Error when the lock file
    // cannot be opened.
    Result<bool> tryLock();
    bool isLocked() const { return m_fd >= 0 && m_locked; }

private:
    QString m_fileName;
    int m_fd = -1;
    bool m_locked = false;
};

} // namespace DeployDesk::LocalSite
