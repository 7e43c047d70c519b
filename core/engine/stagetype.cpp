#include "engine/stagetype.h"

#include "engine/healthcheckstage.h"

namespace DeployDesk {

StageTypeRegistry &StageTypeRegistry::instance()
{
    static StageTypeRegistry registry = [] {
        StageTypeRegistry r;
        r.add(
            QStringLiteral("health-check"),
            QStringLiteral("GET a URL until it answers with the expected status"),
            [] { return std::make_unique<HealthCheckStage>(); }, HealthCheckStage::params());
        return r;
    }();
    return registry;
}

void StageTypeRegistry::add(const QString &name, const QString &description, Factory factory,
                            ParamSchema params)
{
    m_types.insert(name, Entry{description, std::move(factory), std::move(params)});
}

ParamSchema StageTypeRegistry::params(const QString &name) const
{
    return m_types.value(name).params;
}

QMap<QString, ParamSchema> StageTypeRegistry::allParams() const
{
    QMap<QString, ParamSchema> all;
    for (auto it = m_types.cbegin(); it != m_types.cend(); ++it) {
        if (!it->params.isEmpty())
            all.insert(it.key(), it->params);
    }
    return all;
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
