#include "deploy/vercel/verceloptions.h"

#include "common/duration.h"
#include "common/regularfile.h"
#include "deploy/deploytarget.h"
#include "net/platform.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

namespace DeployDesk::Vercel {
namespace {
const QString kFrom = QStringLiteral("from");
const QString kProject = QStringLiteral("project");
const QString kTeam = QStringLiteral("team");
const QString kTokenSecret = QStringLiteral("token-secret");
const QString kProduction = QStringLiteral("production");
const QString kParallel = QStringLiteral("parallel");
const QString kTimeout = QStringLiteral("timeout");
const QString kPollInterval = QStringLiteral("poll-interval");
const QString kProjectFile = QStringLiteral(".vercel/project.json");

constexpr int kMaxParallel = 64;

QString absoluteIn(const QString &base, const QString &path)
{
    return QDir::cleanPath(QDir::isAbsolutePath(path) ? path : QDir(base).filePath(path));
}

std::optional<bool> toBool(const QVariant &value)
{
    if (value.typeId() == QMetaType::Bool)
        return value.toBool();
    const QString text = value.toString().trimmed().toLower();
    if (text == u"true" || text == u"yes" || text == u"on")
        return true;
    if (text == u"false" || text == u"no" || text == u"off")
        return false;
    return std::nullopt;
}

// The Vercel CLI's link file: {"projectId":"prj_…","orgId":"team_…"} (newer ones add
// "projectName" and "settings").
struct ProjectFile
{
    QString path;
    QString projectId;
    QString orgId;
};

// The first .vercel/project.json of the stage's workdir or the workspace; nullopt when there
// is none.
Result<std::optional<ProjectFile>> readProjectFile(const StageContext &context)
{
    QStringList dirs;
    for (const QString &dir : {context.workdir, context.workspaceDir}) {
        if (!dir.isEmpty() && !dirs.contains(QDir::cleanPath(dir)))
            dirs.append(QDir::cleanPath(dir));
    }
    for (const QString &dir : std::as_const(dirs)) {
        const QString path = QDir(dir).filePath(kProjectFile);
        if (!QFileInfo::exists(path) && !QFileInfo(path).isSymLink())
            continue;
        const auto bytes = readRegularFile(path, 1 << 20);
        if (!bytes)
            return makeError(
                ErrorCode::Io,
                VercelOptionsReader::tr("cannot read %1: %2").arg(path, bytes.error().reason));
        QJsonParseError parseError;
        const QJsonDocument json = QJsonDocument::fromJson(*bytes, &parseError);
        if (parseError.error != QJsonParseError::NoError || !json.isObject())
            return makeError(
                ErrorCode::Invalid,
                VercelOptionsReader::tr("%1 is not the JSON object `vercel link` writes (%2); fix "
                                        "or delete it, or set \"project\" and \"team\" in the "
                                        "stage's with:")
                    .arg(path, parseError.error != QJsonParseError::NoError
                                   ? parseError.errorString()
                                   : VercelOptionsReader::tr("not an object")));
        const QJsonObject object = json.object();
        return ProjectFile{path, object.value(QStringLiteral("projectId")).toString().trimmed(),
                           object.value(QStringLiteral("orgId")).toString().trimmed()};
    }
    return std::optional<ProjectFile>{};
}

bool isSecretName(const QString &name)
{
    static const QRegularExpression pattern(QStringLiteral("^[A-Za-z_][A-Za-z0-9_]*$"));
    return pattern.match(name).hasMatch();
}
} // namespace

QString VercelOptions::describeProject() const
{
    return teamId.isEmpty() ? VercelOptionsReader::tr("project %1").arg(project)
                            : VercelOptionsReader::tr("project %1 (team %2)").arg(project, teamId);
}

ParamSchema VercelOptionsReader::params()
{
    using K = ParamSpec::Kind;
    return {
        {kFrom,
         K::String,
         true,
         tr("the folder of files to deploy, relative to the workspace"),
         {},
         0,
         0},
        {kProject,
         K::String,
         false,
         tr("the Vercel project's name or id (default: projectId of .vercel/project.json)"),
         {},
         0,
         0},
        {kTeam,
         K::String,
         false,
         tr("the team id (team_…) sent as teamId with every call (default: orgId of "
            ".vercel/project.json when it is a team)"),
         {},
         0,
         0},
        {kTokenSecret,
         K::String,
         false,
         tr("the secret holding the Vercel token (default VERCEL_TOKEN); list it under the "
            "stage's secrets:"),
         {},
         0,
         0},
        {kProduction,
         K::Bool,
         false,
         tr("deploy to production (default: true in the environment named production, else a "
            "preview)"),
         {},
         0,
         0},
        {kParallel, K::Int, false, tr("file uploads in flight (default 16)"), {}, 1, kMaxParallel},
        {kTimeout,
         K::Duration,
         false,
         tr("how long to wait for the build to be ready (default 30m)"),
         {},
         0,
         0},
        {kPollInterval,
         K::Duration,
         false,
         tr("the first wait between status checks; it grows to 10s (default 1s)"),
         {},
         0,
         0},
    };
}

Result<VercelOptions> VercelOptionsReader::read(const TargetRequest &request, bool needFrom)
{
    const QVariantMap &with = request.with;
    const StageContext &context = request.context;
    const QString base =
        context.workspaceDir.isEmpty() ? QDir::currentPath() : context.workspaceDir;
    VercelOptions options;
    options.environment = context.environment;
    options.branch = context.branch;
    options.commit = context.commit;
    options.runId = context.runId;

    const QString from = with.value(kFrom).toString().trimmed();
    if (needFrom) {
        if (from.isEmpty())
            return makeError(ErrorCode::Invalid,
                             tr("vercel needs \"from\": the folder of files to deploy (relative "
                                "to the workspace), e.g. from: site/dist"));
        options.from = absoluteIn(base, from);
        const QFileInfo info(options.from);
        if (!info.isDir())
            return makeError(ErrorCode::NotFound,
                             tr("\"from\": %1 is not a folder%2")
                                 .arg(options.from, info.exists() ? QString()
                                                                  : tr(" (it does not exist; "
                                                                       "did the build run?)")));
    }

    auto projectFile = readProjectFile(context);
    if (!projectFile)
        return std::unexpected(projectFile.error());

    options.project = with.value(kProject).toString().trimmed();
    options.projectSource = tr("\"project\" in the stage's with:");
    if (options.project.isEmpty() && *projectFile && !(*projectFile)->projectId.isEmpty()) {
        options.project = (*projectFile)->projectId;
        options.projectSource = tr("projectId in %1").arg((*projectFile)->path);
        options.notes << tr("project and team from %1").arg((*projectFile)->path);
    }
    if (options.project.isEmpty())
        return makeError(ErrorCode::Invalid,
                         tr("vercel needs \"project\" (the Vercel project's name or id) in the "
                            "stage's with:, or a .vercel/project.json in the workspace (written "
                            "by `vercel link`)"));

    if (with.contains(kTeam)) {
        options.teamId = with.value(kTeam).toString().trimmed();
    } else if (*projectFile && (*projectFile)->orgId.startsWith(QLatin1String("team_"))) {
        options.teamId = (*projectFile)->orgId;
    }

    if (with.contains(kTokenSecret))
        options.tokenSecret = with.value(kTokenSecret).toString().trimmed();
    if (!isSecretName(options.tokenSecret))
        return makeError(ErrorCode::Invalid,
                         tr("\"token-secret\" must be a secret's name (letters, digits and _), "
                            "such as VERCEL_TOKEN; found \"%1\"")
                             .arg(options.tokenSecret));
    options.token = context.env.value(options.tokenSecret).trimmed().toUtf8();
    if (options.token.isEmpty())
        return makeError(
            ErrorCode::NotFound,
            tr("vercel needs a Vercel token in the secret %1, which stage \"%2\" does not have: "
               "set it with `deploydeskctl secrets set %1` and list it under the stage's "
               "secrets: [%1]")
                .arg(options.tokenSecret, context.stageName));
    options.secrets = context.secretValues;
    options.secrets.append(QString::fromUtf8(options.token));

    options.production = context.environment == QLatin1String("production");
    if (with.contains(kProduction)) {
        const auto production = toBool(with.value(kProduction));
        if (!production)
            return makeError(ErrorCode::Invalid,
                             tr("\"production\" must be true or false; found \"%1\"")
                                 .arg(with.value(kProduction).toString()));
        options.production = *production;
    }

    if (with.contains(kParallel)) {
        bool ok = false;
        options.parallel = with.value(kParallel).toString().trimmed().toInt(&ok);
        if (!ok || options.parallel < 1 || options.parallel > kMaxParallel)
            return makeError(ErrorCode::Invalid,
                             tr("\"parallel\" must be a whole number from 1 to %1; found \"%2\"")
                                 .arg(kMaxParallel)
                                 .arg(with.value(kParallel).toString()));
    }

    for (const auto &[key, target] :
         {std::pair{kTimeout, &options.timeout}, std::pair{kPollInterval, &options.pollInterval}}) {
        if (!with.contains(key))
            continue;
        const auto duration = parseDuration(with.value(key).toString().trimmed());
        if (!duration || duration->count() <= 0)
            return makeError(ErrorCode::Invalid,
                             tr("\"%1\" must be a duration such as 10m or 500ms; found \"%2\"")
                                 .arg(key, with.value(key).toString()));
        *target = *duration;
    }

    auto resolved = resolvePlatformBase(Platform::Vercel, {}, context.env);
    if (!resolved)
        return std::unexpected(resolved.error());
    options.baseUrl = resolved->url;
    if (!resolved->notice.isEmpty())
        options.notes.prepend(resolved->notice);
    return options;
}

} // namespace DeployDesk::Vercel
