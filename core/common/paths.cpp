#include "common/paths.h"

#include <QDir>
#include <QStandardPaths>

#include <pwd.h>
#include <unistd.h>

namespace DeployDesk::Paths {

QString dataDir()
{
    QString dir = qEnvironmentVariable("DEPLOYDESK_DATA_DIR");
    if (dir.isEmpty()) {
        dir = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation)
              + QStringLiteral("/deploydesk");
    }
    QDir().mkpath(dir);
    return QDir(dir).absolutePath();
}

QString currentUser()
{
    if (const passwd *pw = ::getpwuid(::getuid()); pw && pw->pw_name)
        return QString::fromLocal8Bit(pw->pw_name);
    const QString user = qEnvironmentVariable("USER");
    return user.isEmpty() ? QStringLiteral("unknown") : user;
}

} // namespace DeployDesk::Paths
