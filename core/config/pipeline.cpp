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

QHash<QString, const Stage *> Pipeline::stagesByName() const
{
    QHash<QString, const Stage *> byName;
    byName.reserve(stages.size());
    for (auto it = stages.crbegin(); it != stages.crend(); ++it) // the first one wins
        byName.insert(it->name, &*it);
    return byName;
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
    if (selection.isEmpty()) {
        QStringList order;
        order.reserve(stages.size());
        for (const Stage &s : stages)
            order << s.name;
        return order;
    }
    const QHash<QString, const Stage *> byName = stagesByName();
    QSet<QString> wanted;
    QStringList todo = selection;
    while (!todo.isEmpty()) {
        const QString name = todo.takeLast();
        if (wanted.contains(name))
            continue;
        wanted.insert(name);
        if (const Stage *s = byName.value(name))
            todo += s->needs;
    }
    QStringList order;
    for (const Stage &s : stages) {
        if (wanted.contains(s.name))
            order << s.name;
    }
    return order;
}

QStringList Pipeline::stagesThatWouldStart(const QString &environment, const QStringList &selection,
                                           const QStringList &done) const
{
    // Sets and an index by name: this runs before every run, over every stage (5,000 stages
    // took half a second of CPU with list searches, docs/benchmarks.md §2).
    const QStringList covered = coveredStages(selection);
    const QSet<QString> coveredSet(covered.cbegin(), covered.cend());
    const QSet<QString> doneSet(done.cbegin(), done.cend());
    const QHash<QString, const Stage *> byName = stagesByName();
    QSet<QString> starts;
    // File order is not dependency order: settle until nothing changes.
    for (bool progress = true; progress;) {
        progress = false;
        for (const QString &name : covered) {
            if (starts.contains(name) || doneSet.contains(name))
                continue;
            const Stage *s = byName.value(name);
            if (!s || !s->condition.matches(environment))
                continue;
            const bool needsMet =
                std::all_of(s->needs.cbegin(), s->needs.cend(), [&](const QString &n) {
                    // A need outside the covered stages (gone from the file) does not block.
                    return !coveredSet.contains(n) || doneSet.contains(n) || starts.contains(n);
                });
            if (needsMet) {
                starts.insert(name);
                progress = true;
            }
        }
    }
    QStringList out;
    for (const QString &name : covered)
        if (starts.contains(name))
            out << name;
    return out;
}

} // namespace DeployDesk
