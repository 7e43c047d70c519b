#include "engine/stagetype.h"

#include "engine/healthcheckstage.h"

namespace DeployDesk {

StageTypeRegistry &StageTypeRegistry::instance()
{
    static StageTypeRegistry registry = [] {
        StageTypeRegistry r;
        r.add(QStringLiteral("health-check"),
              QStringLiteral("GET a URL until it answers with the expected status"),
              [] { return std::make_unique<HealthCheckStage>(); });
        return r;
    }();
    return registry;
}

void StageTypeRegistry::add(const QString &name, const QString &description, Factory factory)
{
    m_types.insert(name, Entry{description, std::move(factory)});
}

QStringList StageTypeRegistry::names() const
{
    return m_types.keys(); // QMap keeps them sorted
}

QString StageTypeRegistry::description(const QString &name) const
{
    return m_types.value(name).description;
}

std::unique_ptr<BuiltinStage> StageTypeRegistry::create(const QString &name) const
{
    const auto it = m_types.constFind(name);
    if (it == m_types.constEnd())
        return nullptr;
    return it->factory();
}

} // namespace DeployDesk
