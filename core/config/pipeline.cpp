#include "config/pipeline.h"

#include <QSet>

#include <algorithm>

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

QStringList Pipeline::coveredStages(const QStringList &selection) const
{
    QSet<QString> wanted;
    QStringList todo = selection;
    while (!todo.isEmpty()) {
        const QString name = todo.takeLast();
        if (wanted.contains(name))
            continue;
        wanted.insert(name);
        if (const Stage *s = stage(name))
            todo += s->needs;
    }
    QStringList order;
    for (const Stage &s : stages) {
        if (selection.isEmpty() || wanted.contains(s.name))
            order << s.name;
    }
    return order;
}

QStringList Pipeline::stagesThatWouldStart(const QString &environment, const QStringList &selection,
                                           const QStringList &done) const
{
    const QStringList covered = coveredStages(selection);
    QSet<QString> starts;
    QStringList out;
    // File order is not dependency order: settle until nothing changes.
    for (bool progress = true; progress;) {
        progress = false;
        for (const QString &name : covered) {
            if (starts.contains(name) || done.contains(name))
                continue;
            const Stage *s = stage(name);
            if (!s || !s->condition.matches(environment))
                continue;
            const bool needsMet =
                std::all_of(s->needs.cbegin(), s->needs.cend(), [&](const QString &n) {
                    // A need outside the covered stages (gone from the file) does not block.
                    return !covered.contains(n) || done.contains(n) || starts.contains(n);
                });
            if (needsMet) {
                starts.insert(name);
                progress = true;
            }
        }
    }
    for (const QString &name : covered)
        if (starts.contains(name))
            out << name;
    return out;
}

} // namespace DeployDesk
