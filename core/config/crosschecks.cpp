#include "config/crosschecks.h"

#include "config/messages.h"
#include "config/suggest.h"

#include <QHash>
#include <QSet>

#include <utility>

namespace DeployDesk::Internal {

namespace {

QStringList stageNames(const Pipeline &pipeline)
{
    QStringList names;
    for (const Stage &s : pipeline.stages)
        names.append(s.name);
    return names;
}

QStringList environmentNames(const Pipeline &pipeline)
{
    QStringList names;
    for (const Environment &e : pipeline.environments)
        names.append(e.name);
    return names;
}

using Graph = QList<QList<int>>;

// Edges follow `needs`: stage -> the stage it needs. Undefined names and self-needs are
// left out (reported by checkNeeds).
Graph buildGraph(const Pipeline &pipeline)
{
    QHash<QString, int> index;
    for (int i = 0; i < pipeline.stages.size(); ++i)
        index.insert(pipeline.stages[i].name, i);
    Graph graph(pipeline.stages.size());
    for (int i = 0; i < pipeline.stages.size(); ++i) {
        for (const QString &need : pipeline.stages[i].needs) {
            const int j = index.value(need, -1);
            if (j >= 0 && j != i)
                graph[i].append(j);
        }
    }
    return graph;
}

// Strongly connected components (Kosaraju), iterative so long chains cannot overflow
// the stack. Returns a component id per node.
QList<int> components(const Graph &graph)
{
    const int n = int(graph.size());
    QList<int> order;
    order.reserve(n);
    QList<bool> seen(n, false);
    for (int root = 0; root < n; ++root) {
        if (seen[root])
            continue;
        QList<std::pair<int, int>> stack{{root, 0}};
        seen[root] = true;
        while (!stack.isEmpty()) {
            auto &[node, next] = stack.last();
            if (next < graph[node].size()) {
                const int to = graph[node][next++];
                if (!seen[to]) {
                    seen[to] = true;
                    stack.append({to, 0});
                }
            } else {
                order.append(node);
                stack.removeLast();
            }
        }
    }
    Graph reversed(n);
    for (int from = 0; from < n; ++from) {
        for (int to : graph[from])
            reversed[to].append(from);
    }
    QList<int> component(n, -1);
    int count = 0;
    for (auto it = order.crbegin(); it != order.crend(); ++it) {
        if (component[*it] >= 0)
            continue;
        QList<int> stack{*it};
        component[*it] = count;
        while (!stack.isEmpty()) {
            const int node = stack.takeLast();
            for (int from : reversed[node]) {
                if (component[from] < 0) {
                    component[from] = count;
                    stack.append(from);
                }
            }
        }
        ++count;
    }
    return component;
}

} // namespace

void checkNeeds(const Pipeline &pipeline, const QList<StageSource> &sources, QList<Diagnostic> &out)
{
    const QStringList names = stageNames(pipeline);
    const QSet<QString> defined(names.cbegin(), names.cend());
    for (int i = 0; i < pipeline.stages.size(); ++i) {
        const Stage &stage = pipeline.stages[i];
        for (int n = 0; n < stage.needs.size(); ++n) {
            const QString &need = stage.needs[n];
            const SourceLocation &where = sources[i].needs.value(n, sources[i].key);
            if (need == stage.name) {
                out.append({where, msg("stage \"%1\" needs itself; remove \"%1\" from its "
                                       "\"needs\"")
                                       .arg(stage.name)});
            } else if (!defined.contains(need)) {
                out.append({where, msg("stage \"%1\" needs \"%2\", which is not defined%3")
                                       .arg(stage.name, need, didYouMean(need, names))});
            }
        }
    }
}

void checkCycles(const Pipeline &pipeline, QList<Diagnostic> &out)
{
    constexpr int maxCycles = 20;
    constexpr int maxSteps = 200'000;

    const Graph graph = buildGraph(pipeline);
    const QList<int> component = components(graph);
    QHash<int, int> componentSize;
    for (int c : component)
        ++componentSize[c];

    int steps = 0;
    int found = 0;
    bool truncated = false;
    // Every elementary cycle is found exactly once: from its first stage in file order,
    // walking only through later stages of the same component.
    for (int start = 0; start < graph.size() && !truncated; ++start) {
        if (componentSize.value(component[start]) < 2)
            continue;
        QList<int> path{start};
        QList<int> nextEdge{0};
        QList<bool> onPath(graph.size(), false);
        onPath[start] = true;
        while (!path.isEmpty()) {
            if (++steps > maxSteps || found >= maxCycles) {
                truncated = true;
                break;
            }
            const int node = path.last();
            if (nextEdge.last() >= graph[node].size()) {
                onPath[node] = false;
                path.removeLast();
                nextEdge.removeLast();
                continue;
            }
            const int to = graph[node][nextEdge.last()++];
            if (to == start) {
                QStringList names;
                for (int p : path)
                    names.append(pipeline.stages[p].name);
                names.append(pipeline.stages[start].name);
                out.append({pipeline.stages[start].location,
                            msg("dependency cycle: %1").arg(names.join(QStringLiteral(" -> ")))});
                ++found;
            } else if (to > start && !onPath[to] && component[to] == component[start]) {
                onPath[to] = true;
                path.append(to);
                nextEdge.append(0);
            }
        }
    }
    if (truncated && !pipeline.stages.isEmpty()) {
        out.append(
            {pipeline.stages.first().location,
             msg("the dependencies hold more cycles than can be listed; break the ones above "
                 "first")});
    }
}

void checkConditions(const Pipeline &pipeline, const QList<StageSource> &sources,
                     QList<Diagnostic> &out)
{
    const QStringList defined = environmentNames(pipeline);
    const QSet<QString> definedSet(defined.cbegin(), defined.cend());
    for (int i = 0; i < pipeline.stages.size(); ++i) {
        const Stage &stage = pipeline.stages[i];
        for (const QString &name : stage.condition.values) {
            if (definedSet.contains(name))
                continue;
            QString hint = didYouMean(name, defined);
            if (hint.isEmpty()) {
                hint = defined.isEmpty()
                           ? msg("; this file defines no environments (add them under "
                                 "\"environments\")")
                           : msg("; defined: %1").arg(joinNames(defined));
            }
            out.append({sources[i].condition,
                        msg("\"if\" of stage \"%1\" names environment \"%2\", which is not "
                            "defined%3")
                            .arg(stage.name, name, hint)});
        }
    }
}

void checkSelectedEnvironment(const Pipeline &pipeline, const LoadOptions &options,
                              const SourceLocation &environmentsKey, QList<Diagnostic> &out)
{
    if (options.environment.isEmpty() || pipeline.environment(options.environment))
        return;
    const QStringList defined = environmentNames(pipeline);
    const QString hint = defined.isEmpty() ? msg("this file defines no environments")
                                           : msg("defined: %1").arg(joinNames(defined));
    out.append({environmentsKey,
                msg("environment \"%1\" is not defined; %2").arg(options.environment, hint)});
}

void checkSecrets(const Pipeline &pipeline, const QList<StageSource> &sources,
                  const LoadOptions &options, QList<Diagnostic> &out)
{
    if (!options.secretIsSet)
        return;
    // Only the stages that would start need their secrets: a stage for staging only
    // (`if: environment == staging`) does not block a run without --env or of other stages.
    const QStringList starting = pipeline.stagesThatWouldStart(options.environment, options.stages);
    for (int i = 0; i < pipeline.stages.size(); ++i) {
        const Stage &stage = pipeline.stages[i];
        if (!starting.contains(stage.name))
            continue;
        for (int s = 0; s < stage.secrets.size(); ++s) {
            const QString &secret = stage.secrets[s];
            if (stage.optionalSecrets.contains(secret) || options.secretIsSet(secret))
                continue;
            out.append({sources[i].secrets.value(s, sources[i].key),
                        msg("stage \"%1\" needs secret \"%2\", which is not set; set it with "
                            "\"deploydeskctl secrets set %2\" or export %2")
                            .arg(stage.name, secret)});
        }
    }
}

} // namespace DeployDesk::Internal
