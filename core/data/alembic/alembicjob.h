#pragma once

#include "data/alembic/alembicoptions.h"
#include "deploy/deploytarget.h"
#include "engine/processrunner.h"
#include "log/linesplitter.h"
#include "log/secretmasker.h"

#include <functional>
#include <optional>

namespace DeployDesk::Alembic {

// One alembic operation: a few Alembic commands run one after the other through the
// ProcessRunner (each `python -c RUNNER -c alembic.ini ARGS`), their output masked and
// passed on as log lines.
//
// Upgrade (deploy): `heads` (refuses several), `current` (before), `upgrade REVISION`,
// `current` (after); reports the after revision as the database layer, the before one
// in its details. Restore (rollback): `current`, then `downgrade TO` (or `upgrade TO`
// when TO is newer), then `current` to check. Status: `current`. List: `history`.
// Health: `current` must be the deployment's revision.
class AlembicJob final : public TargetJob
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AlembicJob)

public:
    enum class Operation { Upgrade, Restore, Status, List, Health };

    AlembicJob(Operation operation, TargetRequest request, std::optional<Deployment> deployment,
               QObject *parent = nullptr);
    ~AlembicJob() override;

    // The revision Alembic reports when a database has none: what the layer records.
    static QString baseRevision() { return QStringLiteral("base"); }

protected:
    void doStart() override;
    void doCancel() override;

private:
    struct Call
    {
        QStringList args;
        QStringList out; // stdout lines, masked
        QStringList err; // stderr lines, masked
        ProcessResult result;
    };
    using Then = std::function<void(const Call &)>;

    // Runs `alembic ARGS`; `then` gets the finished call (a cancel ends the job instead).
    void run(const QStringList &args, Then then);
    // Runs `alembic ARGS`; a failure fails the job, success goes to `then`.
    void runOrFail(const QStringList &args, Then then);
    Error callError(const Call &call) const;
    QString maskText(const QString &text) const;
    void fail(Error error);

    void upgrade();
    void restore();
    Deployment layerVersion(const QString &revision, const QString &before) const;
    static QString revisionOf(const QStringList &revisions);

    Operation m_operation;
    TargetRequest m_request;
    std::optional<Deployment> m_deployment;
    Options m_options;
    SecretMasker m_masker;
    ProcessRunner *m_runner = nullptr;
    LineSplitter m_outSplitter;
    LineSplitter m_errSplitter;
    Call m_call;
    Then m_then;
};

} // namespace DeployDesk::Alembic
