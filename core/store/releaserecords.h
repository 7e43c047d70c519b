#pragma once

#include "common/deployment.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace DeployDesk {

// One layer version put live, as the history keeps it.
struct DeploymentRecord
{
    qint64 id = 0;
    qint64 runId = 0;
    QString stage; // the stage (or rollback step) that made it live
    QString workspace;
    QString environment;
    Deployment deployment;
};

enum class ReleaseKind {
    Deploy,       // a pipeline run deployed one or more layers
    Rollback,     // a rollback to an earlier release
    AutoRollback, // a failed health gate rolled the run's deploy back
    Promote,      // a run's stored artifacts deployed to another environment
    IndexSwitch,  // the vector index switched to another of its versions (index switch)
};
// "deploy", "rollback", "auto-rollback", "promote", "index-switch"
QString toString(ReleaseKind kind);
bool fromString(const QString &text, ReleaseKind *kind);

struct ReleaseLayer
{
    Layer layer = Layer::Site;
    bool changed = false; // this release's run put it live (else carried over)
    DeploymentRecord deployment;
};

// What was live in an environment after a run changed it. The newest release of an
// environment is the live one.
struct ReleaseRecord
{
    qint64 id = 0;
    QString workspace;
    QString environment;
    qint64 runId = 0;
    ReleaseKind kind = ReleaseKind::Deploy;
    qint64 restores = 0;  // Rollback/AutoRollback: the release made live again
    bool complete = true; // false: some layers of the run failed to change
    QString commit;
    QString branch;
    QString who;
    QString why;
    QDateTime createdAt;
    QList<ReleaseLayer> layers; // in Layer order

    const ReleaseLayer *layer(Layer l) const
    {
        for (const ReleaseLayer &x : layers)
            if (x.layer == l)
                return &x;
        return nullptr;
    }
};

// A deploy or rollback waiting for, or holding, its environment.
struct QueueTicket
{
    qint64 id = 0;
    QString workspace;
    QString environment;
    qint64 runId = 0;
    QString what; // "deploy", "rollback to release 12"
    qint64 pid = 0;
    qint64 startTicks = 0;
    QDateTime enqueuedAt;
};

} // namespace DeployDesk
