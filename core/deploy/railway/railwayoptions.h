#pragma once

#include "common/error.h"
#include "config/paramschema.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <chrono>

namespace DeployDesk {
struct TargetRequest;
}

namespace DeployDesk::Railway {

// How the token authenticates (apis.md §2): a project token goes in Project-Access-Token and
// is scoped to one project environment; an account or workspace token is a Bearer token.
enum class TokenKind { Project, Workspace };

// The `with:` of a railway stage (or of a rollback, list, status, health), checked. Names
// (service, environment) are resolved to ids later, against the project (RailwayJob).
struct RailwayOptions
{
    QString project;           // the project's id; empty: the project token's
    QString service;           // the service's id or name
    QString environment;       // the Railway environment's id or name; empty: the project token's
    QString environmentSource; // what set `environment`, for messages
    QString tokenSecret;       // the secret's name
    TokenKind tokenKind = TokenKind::Project;
    QByteArray token;
    QString commit; // commitSha for serviceInstanceDeployV2; empty: the service's source
    QString healthPath = QStringLiteral("/health");
    std::chrono::milliseconds timeout{std::chrono::minutes(30)};     // build and deploy
    std::chrono::milliseconds pollInterval{std::chrono::seconds(1)}; // first poll wait
    QUrl baseUrl;        // https://backboard.railway.com or DEPLOYDESK_API_RAILWAY
    QStringList notes;   // for the stage log
    QStringList secrets; // every value to mask (the token and the stage's secrets)
    // Of the run.
    QString deploydeskEnvironment;
    QString stageName;

    // "the secret RAILWAY_TOKEN (a project token)" for messages.
    QString describeToken() const;
};

class RailwayOptionsReader final
{
    Q_DECLARE_TR_FUNCTIONS(DeployDesk::Railway::RailwayOptionsReader)

public:
    static ParamSchema params();
    // `needService`: deploy, list and status need the service; rollback and health take it
    // from the recorded deployment.
    static Result<RailwayOptions> read(const TargetRequest &request, bool needService);
};

} // namespace DeployDesk::Railway
