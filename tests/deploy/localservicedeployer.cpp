// Deploys once with local-service and exits, printing the deployment as JSON on stdout:
//   localservicedeployer ROOT FROM PORT COMMAND
// Exit code 0 on success, 1 on failure (the error on stderr).
#include "deploy/localservice/localservicetarget.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>

using namespace DeployDesk;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() != 5) {
        std::fprintf(stderr, "usage: localservicedeployer ROOT FROM PORT COMMAND\n");
        return 2;
    }
    TargetRequest request;
    request.with = {{QStringLiteral("root"), args[1]},
                    {QStringLiteral("from"), args[2]},
                    {QStringLiteral("port"), args[3]},
                    {QStringLiteral("command"), args[4]},
                    {QStringLiteral("start-timeout"), QStringLiteral("90s")},
                    {QStringLiteral("drain"), QStringLiteral("0s")}};
    request.context.environment = QStringLiteral("test");
    LocalServiceTarget target;
    TargetJob *job = target.deploy(request, &app);
    int code = 1;
    QObject::connect(job, &Job::result, &app, [&] {
        if (job->outcome() == Job::Outcome::Success && !job->deployments().isEmpty()) {
            const Deployment d = job->deployments().first();
            QJsonObject json = QJsonObject::fromVariantMap(d.details);
            json.insert(QStringLiteral("version"), d.version);
            std::printf("%s\n", QJsonDocument(json).toJson(QJsonDocument::Compact).constData());
            code = 0;
        } else {
            std::fprintf(stderr, "%s\n", qPrintable(job->errorText()));
        }
        app.quit();
    });
    job->start();
    app.exec();
    return code;
}
