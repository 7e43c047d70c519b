#include "config/pipeline.h"

namespace DeployDesk {

bool StageCondition::matches(const QString &environment) const
{
    switch (op) {
    case Op::Always:
        return true;
    case Op::Equals:
        return !environment.isEmpty() && values.contains(environment);
    case Op::NotEquals:
        return !values.contains(environment);
    case Op::In:
        return !environment.isEmpty() && values.contains(environment);
    }
    return true;
}

const Stage *Pipeline::stage(const QString &name) const
{
    for (const Stage &s : stages) {
        if (s.name == name)
            return &s;
    }
    return nullptr;
}

const Environment *Pipeline::environment(const QString &name) const
{
    for (const Environment &e : environments) {
        if (e.name == name)
            return &e;
    }
    return nullptr;
}

} // namespace DeployDesk
