#include "deploy/localservice/serviceoptions.h"
#include "common/translate.h"

#include "common/duration.h"
#include "deploy/deploytarget.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

namespace DeployDesk::LocalService {

namespace {
QString absoluteIn(const QString &base, const QString &path)
{
    return QDir::cleanPath(QDir(base).absoluteFilePath(path));
}
} // namespace

ParamSchema params()
{
    using K = ParamSpec::Kind;
    return {
        {QStringLiteral("command"),
         K::String,
         true,
         tr("the command that runs the service (by /bin/sh -c in the release folder); it must "
            "listen on 127.0.0.1:$PORT"),
         {},
         0,
         0},
        {QStringLiteral("port"),
         K::Int,
         true,
         tr("the stable port users call; DeployDesk forwards it to the live instance"),
         {},
         1,
         65535},
        {QStringLiteral("from"),
         K::String,
         false,
         tr("the folder to release, relative to the workspace (default: the stage's workdir)"),
         {},
         0,
         0},
        {QStringLiteral("health-path"),
         K::String,
         false,
         tr("the path a new instance must answer with 200 before it takes over (default "
            "/health)"),
         {},
         0,
         0},
        {QStringLiteral("start-timeout"),
         K::Duration,
         false,
         tr("how long a new instance may take to answer its health check (default 30s)"),
         {},
         0,
         0},
        {QStringLiteral("health-timeout"),
         K::Duration,
         false,
         tr("how long one health check request may go without an answer (default 10s)"),
         {},
         0,
         0},
        {QStringLiteral("drain"),
         K::Duration,
         false,
         tr("how long the old instance keeps running after the swap (default 2s)"),
         {},
         0,
         0},
        {QStringLiteral("keep"),
         K::Int,
         false,
         tr("how many releases to keep (default 3; the live and the previous one are always "
            "kept)"),
         {},
         1,
         1000},
        {QStringLiteral("root"),
         K::String,
         false,
         tr("where the releases and the service state live (default: DeployDesk's state folder "
            "/services/<environment>)"),
         {},
         0,
         0},
        {QStringLiteral("url"),
         K::String,
         false,
         tr("the public URL of the service (default http://127.0.0.1:<port>)"),
         {},
         0,
         0},
    };
}

Result<Options> parseOptions(const TargetRequest &request, Need need)
{
    const QVariantMap &with = request.with;
    const StageContext &context = request.context;
    Options options;

    const QString root = with.value(QStringLiteral("root")).toString();
    if (!root.isEmpty()) {
        options.root = absoluteIn(context.workspaceDir, root);
    } else if (context.stateDir.isEmpty() || context.environment.isEmpty()) {
        return makeError(ErrorCode::Invalid,
                         tr("local-service needs \"root\" in \"with\", or an environment and "
                            "DeployDesk's state folder to put the service in"));
    } else {
        options.root =
            QDir::cleanPath(context.stateDir + QStringLiteral("/services/") + context.environment);
    }

    if (with.contains(QStringLiteral("port")) || need != Need::Root) {
        bool ok = false;
        const QString text = with.value(QStringLiteral("port")).toString();
        options.port = text.toInt(&ok);
        if (!ok || options.port < 1 || options.port > 65535)
            return makeError(ErrorCode::Invalid,
                             tr("\"port\" of local-service must be a port number (1-65535); "
                                "found \"%1\"")
                                 .arg(text));
    }
    options.url = with.value(QStringLiteral("url")).toString();
    if (options.url.isEmpty() && options.port > 0)
        options.url = QStringLiteral("http://127.0.0.1:%1").arg(options.port);

    options.command = with.value(QStringLiteral("command")).toString().trimmed();
    if (need != Need::Root && options.command.isEmpty())
        return makeError(ErrorCode::Invalid,
                         tr("local-service needs \"command\" in \"with\": the command that runs "
                            "the service on 127.0.0.1:$PORT, e.g. \"uvicorn app.main:app --port "
                            "$PORT\""));

    const QString from = with.value(QStringLiteral("from")).toString();
    options.from = from.isEmpty() ? QDir::cleanPath(context.workdir.isEmpty() ? context.workspaceDir
                                                                              : context.workdir)
                                  : absoluteIn(context.workspaceDir, from);
    if (need == Need::Deploy && !QFileInfo(options.from).isDir())
        return makeError(ErrorCode::NotFound,
                         tr("\"from\" of local-service is %1, which is not a folder; build the "
                            "service first or fix the path")
                             .arg(options.from));

    const QString path = with.value(QStringLiteral("health-path")).toString();
    if (!path.isEmpty())
        options.healthPath = path.startsWith(QLatin1Char('/')) ? path : QLatin1Char('/') + path;

    for (const auto &[key, target] :
         {std::pair{QStringLiteral("start-timeout"), &options.startTimeout},
          std::pair{QStringLiteral("health-timeout"), &options.healthTimeout},
          std::pair{QStringLiteral("drain"), &options.drain}}) {
        if (!with.contains(key))
            continue;
        const auto parsed = parseDuration(with.value(key).toString());
        if (!parsed)
            return makeError(ErrorCode::Invalid,
                             tr("\"%1\" of local-service must be a duration such as 30s; found "
                                "\"%2\"")
                                 .arg(key, with.value(key).toString()));
        *target = *parsed;
    }
    if (with.contains(QStringLiteral("keep"))) {
        bool ok = false;
        options.keep = with.value(QStringLiteral("keep")).toString().toInt(&ok);
        if (!ok || options.keep < 1)
            return makeError(ErrorCode::Invalid,
                             tr("\"keep\" of local-service must be a whole number of at least 1; "
                                "found \"%1\"")
                                 .arg(with.value(QStringLiteral("keep")).toString()));
    }
    return options;
}

} // namespace DeployDesk::LocalService
