// Test helper for tst_processrunner::parentDeath: runs
//   sleep 1000 & echo $! > PIDFILE; wait
// (or COMMAND, when given) through a ProcessRunner and keeps its event loop running
// until it is killed.
#include "engine/processrunner.h"

#include <QCoreApplication>

#include <cstdio>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() != 2 && args.size() != 3) {
        std::fprintf(stderr, "usage: orphanparent PIDFILE [COMMAND]\n");
        return 2;
    }
    DeployDesk::ProcessRunner runner;
    DeployDesk::ProcessSpec spec;
    spec.command = args.size() == 3
                       ? args.at(2)
                       : QStringLiteral("sleep 1000 & echo $! > '%1'; wait").arg(args.at(1));
    QObject::connect(&runner, &DeployDesk::ProcessRunner::done, &app,
                     [](const DeployDesk::ProcessResult &) { QCoreApplication::exit(1); });
    runner.start(spec);
    return app.exec();
}
