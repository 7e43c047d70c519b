#pragma once

#include "common/annotation.h"

#include "common/deployment.h"
#include "config/paramschema.h"
#include "engine/job.h"

#include <QMap>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>
#include <QVariantMap>

#include <functional>
#include <memory>

namespace DeployDesk {

// What a built-in stage (`uses:`) gets to work with.
struct StageContext
{
    QString workspaceDir;
    QString workdir;     // absolute
    QString environment; // may be empty
    QString environmentUrl;
    QString stageName;
    qint64 runId = 0;
    QString commit; // git HEAD of the workspace, may be empty
    QString branch; // may be empty
    QString triggeredBy;
    QProcessEnvironment env;  // the stage's full environment, its declared secrets included
    QStringList secretValues; // the values to mask in anything this stage reports
    // Where DeployDesk keeps per-workspace state (deploy roots default under it).
    QString stateDir;
    // DeployDesk's data folder (stage caches live under it); empty: stages keep no cache.
    QString dataDir;
    // The layer versions live in this environment before this run, newest first per
    // layer (the deploy targets' "previous release"); filled by the run controller.
    QList<Deployment> liveBefore;
};

// A built-in stage type: talks to a service or the file system instead of running a
// shell command. It is a Job: start() after configure(); its result carries an Error on
// failure and stays Cancelled (not Failed) when cancelled. Lines for the stage's log go
// through Job::logLine (masked by the stage's log pipeline).
class BuiltinStage : public Job
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BuiltinStage)

public:
    explicit BuiltinStage(QObject *parent = nullptr)
        : Job(parent)
    {}

    // Before start(): the stage's `with:` (values already expanded) and its context.
    void configure(QVariantMap with, StageContext context)
    {
        m_with = std::move(with);
        m_context = std::move(context);
    }

    // After a successful result: the layer versions this stage put live (deploy targets),
    // recorded by the run controller as this run's release of the environment.
    QList<Deployment> deployments() const { return m_deployments; }
    // After a failed result: the stage asks the run to roll the environment back
    // (`health-check` with `on-failure: rollback`).
    bool wantsRollback() const { return m_wantsRollback; }
    // After any result: the errors, warnings and notices it reported about places in the
    // code (a GitHub job's ::error file=…::), recorded with the stage.
    QList<Annotation> annotations() const { return m_annotations; }

protected:
    const QVariantMap &with() const { return m_with; }
    const StageContext &context() const { return m_context; }
    void addDeployment(Deployment deployment) { m_deployments.append(std::move(deployment)); }
    void setWantsRollback(bool wants) { m_wantsRollback = wants; }
    void addAnnotation(Annotation annotation) { m_annotations.append(std::move(annotation)); }

private:
    QVariantMap m_with;
    StageContext m_context;
    QList<Deployment> m_deployments;
    QList<Annotation> m_annotations;
    bool m_wantsRollback = false;
};

// The built-in stage types `uses:` may name.
class StageTypeRegistry final
{
public:
    using Factory = std::function<std::unique_ptr<BuiltinStage>()>;

    static StageTypeRegistry &instance(); // has the types DeployDesk ships with

    void add(const QString &name, const QString &description, Factory factory,
             ParamSchema params = {});
    QStringList names() const; // sorted
    QString description(const QString &name) const;
    // The parameters `with:` takes; types registered without one accept any.
    ParamSchema params(const QString &name) const;
    QMap<QString, ParamSchema> allParams() const;
    std::unique_ptr<BuiltinStage> create(const QString &name) const;

private:
    struct Entry
    {
        QString description;
        Factory factory;
        ParamSchema params;
    };
    QMap<QString, Entry> m_types;
};

} // namespace DeployDesk
