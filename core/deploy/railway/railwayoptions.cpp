#include "deploy/railway/railwayoptions.h"

#include "common/duration.h"
#include "deploy/deploytarget.h"
#include "net/platform.h"

#include <QRegularExpression>

namespace DeployDesk::Railway {
namespace {
const QString kProject = QStringLiteral("project");
const QString kService = QStringLiteral("service");
const QString kEnvironment = QStringLiteral("railway-environment");
const QString kTokenSecret = QStringLiteral("token-secret");
const QString kTokenKind = QStringLiteral("token-kind");
const QString kCommit = QStringLiteral("commit");
const QString kTimeout = QStringLiteral("timeout");
const QString kPollInterval = QStringLiteral("poll-interval");
const QString kHealthPath = QStringLiteral("health-path");

// The Railway CLI's names: RAILWAY_TOKEN holds a project token, RAILWAY_API_TOKEN an
// account or workspace token (railwayapp/cli src/config.rs, src/client.rs).
const QString kProjectTokenSecret = QStringLiteral("RAILWAY_TOKEN");
const QString kWorkspaceTokenSecret = QStringLiteral("RAILWAY_API_TOKEN");

bool isSecretName(const QString &name)
{
    static const QRegularExpression pattern(QStringLiteral("^[A-Za-z_][A-Za-z0-9_]*$"));
    return pattern.match(name).hasMatch();
}

QString text(const QVariantMap &with, const QString &key)
{
    return with.value(key).toString().trimmed();
}
} // namespace

QString RailwayOptions::describeToken() const
{
    return tokenKind == TokenKind::Project
               ? RailwayOptionsReader::tr(
                     "the secret %1 (a Railway project token; deploydeskctl secrets set %1)")
                     .arg(tokenSecret)
               : RailwayOptionsReader::tr(
                     "the secret %1 (a Railway account or workspace token; deploydeskctl "
                     "secrets set %1)")
                     .arg(tokenSecret);
}

ParamSchema RailwayOptionsReader::params()
{
    using K = ParamSpec::Kind;
    return {
        {kService, K::String, true, tr("the Railway service to deploy, by id or name"), {}, 0, 0},
        {kProject,
         K::String,
         false,
         tr("the Railway project's id (default: the project token's project; required with "
            "a workspace token)"),
         {},
         0,
         0},
        {kEnvironment,
         K::String,
         false,
         tr("the Railway environment, by id or name (default: the project token's "
            "environment, else the DeployDesk environment's name)"),
         {},
         0,
         0},
        {kTokenSecret,
         K::String,
         false,
         tr("the secret holding the Railway token (default RAILWAY_TOKEN, a project token, or "
            "else RAILWAY_API_TOKEN, a workspace token); list it under the stage's secrets:"),
         {},
         0,
         0},
        {kTokenKind,
         K::Choice,
         false,
         tr("project (sent as Project-Access-Token) or workspace (an account or workspace "
            "token, sent as Bearer); default: project for RAILWAY_TOKEN, else workspace"),
         {QStringLiteral("project"), QStringLiteral("workspace")},
         0,
         0},
        {kCommit,
         K::String,
         false,
         tr("the commit Railway deploys (default: the run's commit; \"latest\": the "
            "service's source as configured in Railway)"),
         {},
         0,
         0},
        {kTimeout,
         K::Duration,
         false,
         tr("how long to wait for the build and deploy to finish (default 30m)"),
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
        {kHealthPath,
         K::String,
         false,
         tr("the path a health check requests on the deployment's URL (default /health)"),
         {},
         0,
         0},
    };
}

Result<RailwayOptions> RailwayOptionsReader::read(const TargetRequest &request, bool needService)
{
    const QVariantMap &with = request.with;
    const StageContext &context = request.context;
    RailwayOptions options;
    options.deploydeskEnvironment = context.environment;
    options.stageName = context.stageName;

    options.service = text(with, kService);
    if (needService && options.service.isEmpty())
        return makeError(ErrorCode::Invalid,
                         tr("railway needs \"service\": the Railway service to deploy, by id or "
                            "name, e.g. service: backend"));
    options.project = text(with, kProject);

    // The token: which secret, and which kind.
    const QString kind = text(with, kTokenKind).toLower();
    if (!kind.isEmpty() && kind != u"project" && kind != u"workspace")
        return makeError(ErrorCode::Invalid,
                         tr("\"token-kind\" must be project or workspace; found \"%1\"")
                             .arg(with.value(kTokenKind).toString()));
    if (with.contains(kTokenSecret)) {
        options.tokenSecret = text(with, kTokenSecret);
        if (!isSecretName(options.tokenSecret))
            return makeError(ErrorCode::Invalid,
                             tr("\"token-secret\" must be a secret's name (letters, digits and "
                                "_), such as RAILWAY_TOKEN; found \"%1\"")
                                 .arg(options.tokenSecret));
    } else if (kind == u"project") {
        options.tokenSecret = kProjectTokenSecret;
    } else if (kind == u"workspace") {
        options.tokenSecret = kWorkspaceTokenSecret;
    } else if (!context.env.value(kProjectTokenSecret).trimmed().isEmpty()) {
        options.tokenSecret = kProjectTokenSecret;
    } else if (!context.env.value(kWorkspaceTokenSecret).trimmed().isEmpty()) {
        options.tokenSecret = kWorkspaceTokenSecret;
    } else {
        return makeError(
            ErrorCode::NotFound,
            tr("railway needs a Railway token, which stage \"%1\" does not have: a project "
               "token in the secret RAILWAY_TOKEN, or an account or workspace token in "
               "RAILWAY_API_TOKEN. Set one with `deploydeskctl secrets set RAILWAY_TOKEN` and "
               "list it under the stage's secrets: [RAILWAY_TOKEN]")
                .arg(context.stageName));
    }
    if (kind.isEmpty())
        options.tokenKind =
            options.tokenSecret == kProjectTokenSecret ? TokenKind::Project : TokenKind::Workspace;
    else
        options.tokenKind = kind == u"project" ? TokenKind::Project : TokenKind::Workspace;
    options.token = context.env.value(options.tokenSecret).trimmed().toUtf8();
    if (options.token.isEmpty())
        return makeError(
            ErrorCode::NotFound,
            tr("railway needs a Railway token in the secret %1, which stage \"%2\" does not "
               "have: set it with `deploydeskctl secrets set %1` and list it under the stage's "
               "secrets: [%1]")
                .arg(options.tokenSecret, context.stageName));
    options.secrets = context.secretValues;
    options.secrets.append(QString::fromUtf8(options.token));

    if (options.tokenKind == TokenKind::Workspace && options.project.isEmpty() && needService)
        return makeError(ErrorCode::Invalid,
                         tr("with a workspace token (%1) railway needs \"project\": the Railway "
                            "project's id (Project Settings, or `railway status --json`); or "
                            "use a project token (token-kind: project)")
                             .arg(options.tokenSecret));

    options.environment = text(with, kEnvironment);
    if (!options.environment.isEmpty()) {
        options.environmentSource = tr("\"railway-environment\" in the stage's with:");
    } else if (options.tokenKind == TokenKind::Workspace) {
        options.environment = context.environment;
        options.environmentSource =
            tr("the DeployDesk environment's name (set \"railway-environment\" to choose "
               "another)");
        if (options.environment.isEmpty() && needService)
            return makeError(ErrorCode::Invalid,
                             tr("railway needs \"railway-environment\" (the Railway "
                                "environment's id or name) when it runs without a DeployDesk "
                                "environment"));
    }

    options.commit = text(with, kCommit);
    if (options.commit.isEmpty())
        options.commit = context.commit;
    else if (options.commit.compare(u"latest", Qt::CaseInsensitive) == 0)
        options.commit.clear();

    if (with.contains(kHealthPath)) {
        options.healthPath = text(with, kHealthPath);
        if (!options.healthPath.startsWith(QLatin1Char('/')))
            return makeError(ErrorCode::Invalid,
                             tr("\"health-path\" must start with /, e.g. /health; found \"%1\"")
                                 .arg(options.healthPath));
    }

    for (const auto &[key, target] :
         {std::pair{kTimeout, &options.timeout}, std::pair{kPollInterval, &options.pollInterval}}) {
        if (!with.contains(key))
            continue;
        const auto duration = parseDuration(text(with, key));
        if (!duration || duration->count() <= 0)
            return makeError(ErrorCode::Invalid,
                             tr("\"%1\" must be a duration such as 10m or 500ms; found \"%2\"")
                                 .arg(key, with.value(key).toString()));
        *target = *duration;
    }

    auto resolved = resolvePlatformBase(Platform::Railway, {}, context.env);
    if (!resolved)
        return std::unexpected(resolved.error());
    options.baseUrl = resolved->url;
    if (!resolved->notice.isEmpty())
        options.notes.prepend(resolved->notice);
    return options;
}

} // namespace DeployDesk::Railway
