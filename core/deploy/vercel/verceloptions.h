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

namespace DeployDesk::Vercel {

// The `with:` of a vercel stage (or of a rollback, list, status), checked, with the defaults
// filled in from .vercel/project.json and the stage's environment.
struct VercelOptions
{
    QString from;    // the folder to deploy (absolute); empty when not asked for
    QString project; // the project's id or name
    QString teamId;  // team_…; empty for a personal account
    QString tokenSecret = QStringLiteral("VERCEL_TOKEN");
    QByteArray token; // from the stage's environment (its declared secret)
    bool production = false;
    int parallel = 16;                                               // uploads in flight
    std::chrono::milliseconds timeout{std::chrono::minutes(30)};     // build poll
    std::chrono::milliseconds pollInterval{std::chrono::seconds(1)}; // first poll wait
    QUrl baseUrl;        // https://api.vercel.com or the DEPLOYDESK_API_VERCEL override
    QStringList notes;   // for the stage log: the override, the project file used
    QStringList secrets; // every value to mask (the token and the stage's secrets)
    // Of the run.
    QString environment;
    QString branch;
    QString commit;
    qint64 runId = 0;

    // "project prj_x (team team_y)" for messages.
    QString describeProject() const;
    // Where the project setting came from, for a "not found" message.
    QString projectSource;
};

class VercelOptionsReader final
{
    Q_DECLARE_TR_FUNCTIONS(DeployDesk::Vercel::VercelOptionsReader)

public:
    static ParamSchema params();
    // `needFrom`: deploy needs the folder; rollback, list, status and health do not.
    static Result<VercelOptions> read(const TargetRequest &request, bool needFrom);
};

} // namespace DeployDesk::Vercel
