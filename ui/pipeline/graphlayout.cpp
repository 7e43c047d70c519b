// A small Sugiyama-style layered layout: longest-path layering, one route point per column
// an edge crosses, barycenter sweeps for the order within each column, then vertical
// placement that pulls each item towards its neighbours without overlapping.

#include "ui/pipeline/graphlayout.h"

#include "config/pipeline.h"

#include <QHash>

#include <algorithm>
#include <functional>
#include <numeric>
#include <vector>

namespace DeployDesk::Ui {

namespace {

struct Graph
{
    // Vertices 0..stageCount-1 are stages; the rest are route points of long edges.
    int stageCount = 0;
    std::vector<int> layer;
    std::vector<std::vector<int>> up;   // neighbours in the previous column
    std::vector<std::vector<int>> down; // neighbours in the next column
    std::vector<std::vector<int>> columns;
    std::vector<int> pos; // index within its column

    bool isStage(int v) const { return v < stageCount; }
    int addVertex(int inLayer)
    {
        layer.push_back(inLayer);
        up.emplace_back();
        down.emplace_back();
        return int(layer.size()) - 1;
    }
    void link(int from, int to)
    {
        down[size_t(from)].push_back(to);
        up[size_t(to)].push_back(from);
    }
    void renumber()
    {
        for (const auto &column : columns)
            for (size_t i = 0; i < column.size(); ++i)
                pos[size_t(column[i])] = int(i);
    }
};

std::vector<int> longestPathLayers(const std::vector<std::vector<int>> &needs)
{
    const size_t n = needs.size();
    std::vector<int> layer(n, 0);
    std::vector<char> state(n, 0); // 0 new, 1 on the stack, 2 done
    std::function<int(size_t)> visit = [&](size_t v) -> int {
        if (state[v] == 2)
            return layer[v];
        state[v] = 1;
        int best = 0;
        for (const int p : needs[v]) {
            if (state[size_t(p)] == 1)
                continue; // a cycle: drop this edge
            best = std::max(best, visit(size_t(p)) + 1);
        }
        state[v] = 2;
        layer[v] = best;
        return best;
    };
    for (size_t v = 0; v < n; ++v)
        visit(v);
    return layer;
}

int countCrossings(const Graph &g)
{
    int total = 0;
    std::vector<std::pair<int, int>> segments;
    for (size_t c = 0; c + 1 < g.columns.size(); ++c) {
        segments.clear();
        for (const int u : g.columns[c])
            for (const int v : g.down[size_t(u)])
                segments.emplace_back(g.pos[size_t(u)], g.pos[size_t(v)]);
        std::sort(segments.begin(), segments.end());
        // Segments sorted by their start: every later segment that ends higher crosses.
        for (size_t i = 0; i < segments.size(); ++i)
            for (size_t j = i + 1; j < segments.size(); ++j)
                if (segments[j].first > segments[i].first &&
                    segments[j].second < segments[i].second)
                    ++total;
    }
    return total;
}

void sortByBarycenter(Graph &g, size_t column, bool useUp)
{
    std::vector<int> &items = g.columns[column];
    std::vector<double> key(g.layer.size(), 0.0);
    for (const int v : items) {
        const auto &nbrs = useUp ? g.up[size_t(v)] : g.down[size_t(v)];
        if (nbrs.empty()) {
            key[size_t(v)] = g.pos[size_t(v)];
            continue;
        }
        double sum = 0;
        for (const int w : nbrs)
            sum += g.pos[size_t(w)];
        key[size_t(v)] = sum / double(nbrs.size());
    }
    std::stable_sort(items.begin(), items.end(),
                     [&](int a, int b) { return key[size_t(a)] < key[size_t(b)]; });
    for (size_t i = 0; i < items.size(); ++i)
        g.pos[size_t(items[i])] = int(i);
}

void reduceCrossings(Graph &g, int sweeps)
{
    int best = countCrossings(g);
    std::vector<std::vector<int>> bestColumns = g.columns;
    for (int i = 0; i < sweeps && best > 0; ++i) {
        for (size_t c = 1; c < g.columns.size(); ++c)
            sortByBarycenter(g, c, true);
        for (size_t c = g.columns.size(); c-- > 1;)
            sortByBarycenter(g, c - 1, false);
        const int now = countCrossings(g);
        if (now < best) {
            best = now;
            bestColumns = g.columns;
        }
    }
    g.columns = std::move(bestColumns);
    g.renumber();
}

// Vertical centres: each item moves towards the mean of its neighbours' centres, items
// of a column keep their order and never come closer than their gap.
std::vector<double> placeVertically(const Graph &g, const GraphLayoutOptions &o)
{
    const size_t count = g.layer.size();
    std::vector<double> centre(count, 0.0);
    auto height = [&](int v) { return g.isStage(v) ? o.nodeSize.height() : 0.0; };
    auto gap = [&](int a, int b) {
        return (g.isStage(a) && g.isStage(b)) ? o.nodeGap : o.routeGap + o.nodeGap / 2;
    };
    for (const auto &column : g.columns) {
        double top = 0;
        for (size_t i = 0; i < column.size(); ++i) {
            const int v = column[i];
            if (i > 0)
                top += gap(column[i - 1], v);
            centre[size_t(v)] = top + height(v) / 2;
            top += height(v);
        }
    }
    auto placeColumn = [&](const std::vector<int> &column, bool useUp) {
        std::vector<double> desired(column.size());
        for (size_t i = 0; i < column.size(); ++i) {
            const int v = column[i];
            const auto &nbrs = useUp ? g.up[size_t(v)] : g.down[size_t(v)];
            double sum = 0;
            for (const int w : nbrs)
                sum += centre[size_t(w)];
            desired[i] = nbrs.empty() ? centre[size_t(v)] : sum / double(nbrs.size());
        }
        double previousBottom = 0;
        double shift = 0;
        for (size_t i = 0; i < column.size(); ++i) {
            const int v = column[i];
            double top = desired[i] - height(v) / 2;
            if (i > 0)
                top = std::max(top, previousBottom + gap(column[i - 1], v));
            centre[size_t(v)] = top + height(v) / 2;
            previousBottom = top + height(v);
            shift += centre[size_t(v)] - desired[i];
        }
        // The forward pass only pushes down: move the column back up by the mean excess.
        shift /= double(column.size());
        for (const int v : column)
            centre[size_t(v)] -= shift;
    };
    for (int pass = 0; pass < 4; ++pass) {
        for (size_t c = 1; c < g.columns.size(); ++c)
            placeColumn(g.columns[c], true);
        for (size_t c = g.columns.size(); c-- > 1;)
            placeColumn(g.columns[c - 1], false);
    }
    // Close empty horizontal bands (between unconnected parts of the graph, which drift
    // apart above): nothing lies in them in any column, so no overlap can appear.
    std::vector<int> byTop(count);
    std::iota(byTop.begin(), byTop.end(), 0);
    auto top = [&](int v) { return centre[size_t(v)] - height(v) / 2; };
    std::stable_sort(byTop.begin(), byTop.end(), [&](int a, int b) { return top(a) < top(b); });
    const double maxBand = 2 * o.nodeGap;
    double lowestBottom = top(byTop.front());
    double shift = top(byTop.front()); // also moves everything to start at 0
    std::vector<double> placed(count);
    for (const int v : byTop) {
        if (top(v) - lowestBottom > maxBand)
            shift += top(v) - lowestBottom - maxBand;
        lowestBottom = std::max(lowestBottom, top(v) + height(v));
        placed[size_t(v)] = centre[size_t(v)] - shift;
    }
    return placed;
}

} // namespace

int GraphLayout::indexOf(const QString &name) const
{
    for (int i = 0; i < nodes.size(); ++i)
        if (nodes[i].name == name)
            return i;
    return -1;
}

GraphLayout layoutGraph(const Pipeline &pipeline, const GraphLayoutOptions &options)
{
    GraphLayout result;
    const int n = int(pipeline.stages.size());
    if (n == 0)
        return result;

    QHash<QString, int> index;
    for (int i = 0; i < n; ++i)
        index.insert(pipeline.stages[i].name, i); // duplicates: the loader rejects them
    std::vector<std::vector<int>> needs(static_cast<size_t>(n));
    for (int i = 0; i < n; ++i) {
        for (const QString &need : pipeline.stages[i].needs) {
            const int p = index.value(need, -1);
            auto &list = needs[size_t(i)];
            if (p >= 0 && p != i && std::find(list.begin(), list.end(), p) == list.end())
                list.push_back(p);
        }
    }

    Graph g;
    g.stageCount = n;
    const std::vector<int> layers = longestPathLayers(needs);
    for (int i = 0; i < n; ++i)
        g.addVertex(layers[size_t(i)]);
    // Each edge becomes a chain from the needed stage through one route point per column.
    struct Chain
    {
        int from;
        int to;
        std::vector<int> route;
    };
    std::vector<Chain> chains;
    for (int s = 0; s < n; ++s) {
        for (const int p : needs[size_t(s)]) {
            if (layers[size_t(p)] >= layers[size_t(s)])
                continue; // an edge dropped to break a cycle
            Chain chain{p, s, {}};
            int previous = p;
            for (int l = layers[size_t(p)] + 1; l < layers[size_t(s)]; ++l) {
                const int d = g.addVertex(l);
                g.link(previous, d);
                chain.route.push_back(d);
                previous = d;
            }
            g.link(previous, s);
            chains.push_back(std::move(chain));
        }
    }
    const int layerCount = *std::max_element(layers.begin(), layers.end()) + 1;
    g.columns.assign(size_t(layerCount), {});
    for (size_t v = 0; v < g.layer.size(); ++v)
        g.columns[size_t(g.layer[v])].push_back(int(v)); // stages in file order, then routes
    g.pos.assign(g.layer.size(), 0);
    g.renumber();

    reduceCrossings(g, options.sweeps);
    const std::vector<double> centre = placeVertically(g, options);

    const qreal w = options.nodeSize.width();
    const qreal h = options.nodeSize.height();
    auto columnLeft = [&](int l) { return l * (w + options.layerGap); };
    double bottom = 0;
    for (int i = 0; i < n; ++i) {
        GraphLayout::Node node;
        node.name = pipeline.stages[i].name;
        node.layer = layers[size_t(i)];
        node.order = g.pos[size_t(i)];
        node.rect = QRectF(columnLeft(node.layer), centre[size_t(i)] - h / 2, w, h);
        bottom = std::max(bottom, node.rect.bottom());
        result.nodes.append(node);
    }
    for (const Chain &chain : chains) {
        GraphLayout::Edge edge;
        edge.from = pipeline.stages[chain.from].name;
        edge.to = pipeline.stages[chain.to].name;
        const QRectF &a = result.nodes[chain.from].rect;
        const QRectF &b = result.nodes[chain.to].rect;
        edge.points.append(QPointF(a.right(), a.center().y()));
        for (const int d : chain.route) {
            const qreal left = columnLeft(g.layer[size_t(d)]);
            edge.points.append(QPointF(left, centre[size_t(d)]));
            edge.points.append(QPointF(left + w, centre[size_t(d)]));
            bottom = std::max(bottom, centre[size_t(d)]);
        }
        edge.points.append(QPointF(b.left(), b.center().y()));
        result.edges.append(edge);
    }
    result.layerCount = layerCount;
    result.size = QSizeF(columnLeft(layerCount - 1) + w, bottom);
    result.crossings = countCrossings(g);
    return result;
}

} // namespace DeployDesk::Ui
