#pragma once

#include <QCoreApplication>
#include <QString>

namespace DeployDesk {

// tr() for code outside a QObject (free functions, the CLI's commands): the run-time
// context is "DeployDesk", where scripts/update-translations.sh files their strings.
inline QString tr(const char *text)
{
    return QCoreApplication::translate("DeployDesk", text);
}

// The same with a count: "%n file(s)".
inline QString tr(const char *text, const char *disambiguation, int n)
{
    return QCoreApplication::translate("DeployDesk", text, disambiguation, n);
}

} // namespace DeployDesk
