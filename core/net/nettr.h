#pragma once

#include <QCoreApplication>

namespace DeployDesk::Internal {

// Translation context for the net module's free functions: NetTr::tr("…").
struct NetTr
{
    Q_DECLARE_TR_FUNCTIONS(DeployDesk::Net)
};

} // namespace DeployDesk::Internal
