#include "deploy/deploytarget.h"

namespace DeployDesk {

TargetRegistry &TargetRegistry::instance()
{
    static TargetRegistry registry;
    return registry;
}

void TargetRegistry::add(const QString &name, Factory factory)
{
    m_factories.insert(name, std::move(factory));
}

QStringList TargetRegistry::names() const
{
    return m_factories.keys();
}

std::unique_ptr<DeployTarget> TargetRegistry::create(const QString &name) const
{
    const auto it = m_factories.constFind(name);
    return it == m_factories.constEnd() ? nullptr : (*it)();
}

DeployStage::DeployStage(std::unique_ptr<DeployTarget> target, QObject *parent)
    : BuiltinStage(parent)
    , m_target(std::move(target))
{}

DeployStage::~DeployStage() = default;

void DeployStage::doStart()
{
    if (context().environment.isEmpty()) {
        emitFailure(makeErrorValue(
            ErrorCode::Invalid,
            tr("stage \"%1\" deploys with %2 and needs an environment; run it with --env NAME "
               "(or Deploy To in the panel)")
                .arg(context().stageName, m_target->name())));
        return;
    }
    m_job = m_target->deploy(TargetRequest{with(), context()}, this);
    connect(m_job, &Job::logLine, this, &Job::logLine);
    connect(m_job, &Job::progress, this, &Job::progress);
    connect(m_job, &Job::result, this, [this] {
        switch (m_job->outcome()) {
        case Outcome::Success:
            for (const Deployment &d : m_job->deployments())
                addDeployment(d);
            emitSuccess();
            break;
        case Outcome::Cancelled:
            emitCancelled();
            break;
        case Outcome::Failed:
            emitFailure(m_job->error());
            break;
        }
    });
    m_job->start();
}

void DeployStage::doCancel()
{
    if (m_job)
        m_job->cancel(); // its result ends this stage as Cancelled
    else
        emitCancelled();
}

} // namespace DeployDesk
