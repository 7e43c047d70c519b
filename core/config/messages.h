#pragma once

#include <QCoreApplication>
#include <QString>

namespace DeployDesk::Internal {

// User-facing text of the config module, translatable in the "DeployDesk" context.
inline QString msg(const char *text)
{
    return QCoreApplication::translate("DeployDesk", text);
}

} // namespace DeployDesk::Internal
