#pragma once

#include "common/deployment.h"
#include "config/paramschema.h"
#include "engine/job.h"
#include "engine/stagetype.h"

#include <QList>

#include <memory>

namespace DeployDesk {

// What every target operation gets: the stage's (or the rollback's) `with:` options,
// already expanded, and the context of the run it belongs to.
struct TargetRequest
{
    QVariantMap with;
    StageContext context;
};

// A target operation in flight. On success, deployments() holds what it reports:
// deploy and rollback the one version now live, list every version the target knows
// (newest first), status the live one (none when nothing is live).
class TargetJob : public Job
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TargetJob)

public:
    explicit TargetJob(QObject *parent = nullptr)
        : Job(parent)
    {}
    QList<Deployment> deployments() const { return m_deployments; }

protected:
    void addDeployment(Deployment deployment) { m_deployments.append(std::move(deployment)); }

private:
    QList<Deployment> m_deployments;
};

// A place a layer is deployed to: local-site, local-service, vercel, railway. Each is
// also a built-in stage type (`uses: NAME`), whose stage runs deploy(). Every operation
// returns a new, not yet started job owned by `parent`.
class DeployTarget
{
public:
    virtual ~DeployTarget() = default;

    virtual QString name() const = 0; // the stage type: "local-site", ...
    virtual Layer layer() const = 0;
    virtual ParamSchema params() const = 0;
    // How rollback() restores a version, for the rollback plan: "symlink switch", ...
    virtual QString rollbackMechanism() const = 0;

    virtual TargetJob *deploy(const TargetRequest &request, QObject *parent) = 0;
    // Makes `to` (a version this target reported earlier) live again.
    virtual TargetJob *rollback(const TargetRequest &request, const Deployment &to,
                                QObject *parent) = 0;
    virtual TargetJob *list(const TargetRequest &request, QObject *parent) = 0;
    virtual TargetJob *status(const TargetRequest &request, QObject *parent) = 0;
    // Succeeds when `deployment` answers as healthy.
    virtual TargetJob *health(const TargetRequest &request, const Deployment &deployment,
                              QObject *parent) = 0;
};

// The targets DeployDesk knows, by name. Filled by registerBuiltinStageTypes() (run/),
// which also makes each a stage type.
class TargetRegistry final
{
public:
    using Factory = std::function<std::unique_ptr<DeployTarget>()>;
    static TargetRegistry &instance();

    void add(const QString &name, Factory factory);
    QStringList names() const;
    std::unique_ptr<DeployTarget> create(const QString &name) const; // null when unknown

private:
    QMap<QString, Factory> m_factories;
};

// The stage that `uses: <target>` runs: the target's deploy() as a BuiltinStage.
class DeployStage final : public BuiltinStage
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DeployStage)

public:
    explicit DeployStage(std::unique_ptr<DeployTarget> target, QObject *parent = nullptr);
    ~DeployStage() override;

protected:
    void doStart() override;
    void doCancel() override;

private:
    std::unique_ptr<DeployTarget> m_target;
    TargetJob *m_job = nullptr;
};

} // namespace DeployDesk
