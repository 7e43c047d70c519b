// The stage graph's layout: columns follow `needs`, nodes never overlap, crossings are
// reduced, and big pipelines lay out the same way every time.

#include "ui/pipeline/graphlayout.h"

#include "pipelinebuilder.h"

#include <QTest>

using namespace DeployDesk;
using DeployDesk::Test::generatedPipeline;
using DeployDesk::Test::pipelineFrom;
using Ui::GraphLayout;
using Ui::GraphLayoutOptions;
using Ui::layoutGraph;

Q_DECLARE_METATYPE(DeployDesk::Pipeline)

class tst_GraphLayout final : public QObject
{
    Q_OBJECT

private slots:
    void layersAreLongestPaths();
    void layersRespectNeeds_data();
    void layersRespectNeeds();
    void noOverlap_data();
    void noOverlap();
    void edgesRunLeftToRightAroundNodes();
    void crossingsReducedOnKnownCase();
    void bigPipelinesAreDeterministic_data();
    void bigPipelinesAreDeterministic();
    void unconnectedPartsStayClose();
    void unknownNeedsAndCyclesDoNotHang();
    void emptyPipeline();

private:
    static void addPipelines();
};

void tst_GraphLayout::layersAreLongestPaths()
{
    const Pipeline p = pipelineFrom({"a:", "b: a", "c: a", "d: b c", "e: a d", "f:"});
    const GraphLayout layout = layoutGraph(p);
    QCOMPARE(layout.nodes.size(), 6);
    QCOMPARE(layout.layerCount, 4);
    const QList<int> expected{0, 1, 1, 2, 3, 0};
    for (int i = 0; i < expected.size(); ++i)
        QCOMPARE(layout.nodes[i].layer, expected[i]);
    // e needs a directly and through d: its edge from a passes two columns.
    const int ae = [&] {
        for (int i = 0; i < layout.edges.size(); ++i)
            if (layout.edges[i].from == "a" && layout.edges[i].to == "e")
                return i;
        return -1;
    }();
    QVERIFY(ae >= 0);
    QCOMPARE(layout.edges[ae].points.size(), 2 + 2 * 2);
}

void tst_GraphLayout::addPipelines()
{
    QTest::addColumn<Pipeline>("pipeline");
    QTest::newRow("textbook") << pipelineFrom(
        {"lint:", "typecheck:", "test-backend:", "test-site:",
         "build-site: lint typecheck test-backend test-site"});
    QTest::newRow("chain") << pipelineFrom({"a:", "b: a", "c: b", "d: c"});
    QTest::newRow("fan-out-in") << pipelineFrom({"build:", "t1: build", "t2: build", "t3: build",
                                                 "t4: build", "deploy: t1 t2 t3 t4",
                                                 "notify: build deploy"});
    QTest::newRow("40 stages") << generatedPipeline(40, 6);
    QTest::newRow("200 stages") << generatedPipeline(200, 12);
}

void tst_GraphLayout::layersRespectNeeds_data()
{
    addPipelines();
}

void tst_GraphLayout::layersRespectNeeds()
{
    QFETCH(Pipeline, pipeline);
    const GraphLayout layout = layoutGraph(pipeline);
    QCOMPARE(layout.nodes.size(), pipeline.stages.size());
    for (int i = 0; i < pipeline.stages.size(); ++i) {
        const Stage &stage = pipeline.stages[i];
        const GraphLayout::Node &node = layout.nodes[i];
        QCOMPARE(node.name, stage.name);
        if (stage.needs.isEmpty())
            QCOMPARE(node.layer, 0);
        int deepest = -1;
        for (const QString &need : stage.needs) {
            const int n = layout.indexOf(need);
            QVERIFY(n >= 0);
            QVERIFY2(layout.nodes[n].layer < node.layer,
                     qPrintable(QStringLiteral("%1 (column %2) needs %3 (column %4)")
                                    .arg(stage.name)
                                    .arg(node.layer)
                                    .arg(need)
                                    .arg(layout.nodes[n].layer)));
            QVERIFY(layout.nodes[n].rect.right() < node.rect.left());
            deepest = std::max(deepest, layout.nodes[n].layer);
        }
        QCOMPARE(node.layer, deepest + 1); // no gap: right after its deepest need
    }
}

void tst_GraphLayout::noOverlap_data()
{
    addPipelines();
}

void tst_GraphLayout::noOverlap()
{
    QFETCH(Pipeline, pipeline);
    const GraphLayout layout = layoutGraph(pipeline);
    const QRectF bounds(QPointF(0, 0), layout.size);
    for (int i = 0; i < layout.nodes.size(); ++i) {
        const QRectF a = layout.nodes[i].rect;
        QVERIFY2(bounds.contains(a), qPrintable(layout.nodes[i].name));
        for (int j = i + 1; j < layout.nodes.size(); ++j) {
            QVERIFY2(!a.intersects(layout.nodes[j].rect),
                     qPrintable(layout.nodes[i].name + " overlaps " + layout.nodes[j].name));
        }
    }
}

void tst_GraphLayout::edgesRunLeftToRightAroundNodes()
{
    const Pipeline pipeline = generatedPipeline(40, 6);
    const GraphLayout layout = layoutGraph(pipeline);
    QVERIFY(!layout.edges.isEmpty());
    for (const GraphLayout::Edge &edge : layout.edges) {
        const QRectF from = layout.nodes[layout.indexOf(edge.from)].rect;
        const QRectF to = layout.nodes[layout.indexOf(edge.to)].rect;
        QCOMPARE(edge.points.first(), QPointF(from.right(), from.center().y()));
        QCOMPARE(edge.points.last(), QPointF(to.left(), to.center().y()));
        for (int i = 1; i < edge.points.size(); ++i)
            QVERIFY(edge.points[i].x() > edge.points[i - 1].x());
        // Through each column in between, the edge runs level and above or below every node.
        for (int i = 1; i + 2 < edge.points.size(); i += 2) {
            const QPointF in = edge.points[i];
            QCOMPARE(edge.points[i + 1].y(), in.y());
            for (const GraphLayout::Node &node : layout.nodes) {
                if (node.rect.left() == in.x())
                    QVERIFY(in.y() < node.rect.top() || in.y() > node.rect.bottom());
            }
        }
    }
}

void tst_GraphLayout::crossingsReducedOnKnownCase()
{
    // In file order every edge crosses: x needs c, y needs b, z needs a.
    const Pipeline pipeline = pipelineFrom({"a:", "b:", "c:", "x: c", "y: b", "z: a"});
    GraphLayoutOptions fileOrder;
    fileOrder.sweeps = 0;
    QCOMPARE(layoutGraph(pipeline, fileOrder).crossings, 3);

    const GraphLayout layout = layoutGraph(pipeline);
    QCOMPARE(layout.crossings, 0);
    // Drawn without crossing: each stage level with what it needs, in the same order.
    auto y = [&](const char *name) { return layout.nodes[layout.indexOf(name)].rect.center().y(); };
    QVERIFY((y("x") > y("y")) == (y("c") > y("b")));
    QVERIFY((y("y") > y("z")) == (y("b") > y("a")));

    const Pipeline big = generatedPipeline(60, 8);
    const int before = layoutGraph(big, fileOrder).crossings;
    const int after = layoutGraph(big).crossings;
    QVERIFY2(after < before, qPrintable(QStringLiteral("%1 -> %2").arg(before).arg(after)));
}

void tst_GraphLayout::bigPipelinesAreDeterministic_data()
{
    QTest::addColumn<int>("count");
    QTest::addColumn<int>("width");
    QTest::newRow("40") << 40 << 6;
    QTest::newRow("200") << 200 << 12;
}

void tst_GraphLayout::bigPipelinesAreDeterministic()
{
    QFETCH(int, count);
    QFETCH(int, width);
    const Pipeline pipeline = generatedPipeline(count, width);
    const GraphLayout first = layoutGraph(pipeline);
    const GraphLayout second = layoutGraph(pipeline);
    QCOMPARE(first.nodes.size(), count);
    QCOMPARE(first.layerCount, (count + width - 1) / width);
    QCOMPARE(first.size, second.size);
    for (int i = 0; i < count; ++i)
        QCOMPARE(first.nodes[i].rect, second.nodes[i].rect);
    QCOMPARE(first.edges.size(), second.edges.size());
    for (int i = 0; i < first.edges.size(); ++i)
        QCOMPARE(first.edges[i].points, second.edges[i].points);
    // Readable: no column is taller than its stages stacked plus room for passing edges.
    const GraphLayoutOptions o;
    QVERIFY(first.size.height() <
            count * (o.nodeSize.height() + o.nodeGap + o.routeGap)); // not absurdly tall
}

void tst_GraphLayout::unconnectedPartsStayClose()
{
    // Two independent chains and a lone stage: stacked, not spread over the screen.
    const GraphLayout layout =
        layoutGraph(pipelineFrom({"a:", "b: a", "c: b", "x:", "y: x", "z: y", "lone:"}));
    const GraphLayoutOptions o;
    QVERIFY2(layout.size.height() <= 3 * o.nodeSize.height() + 2 * 2 * o.nodeGap,
             qPrintable(QString::number(layout.size.height())));
    QCOMPARE(layout.size.width(), 3 * o.nodeSize.width() + 2 * o.layerGap);
}

void tst_GraphLayout::unknownNeedsAndCyclesDoNotHang()
{
    const GraphLayout layout = layoutGraph(pipelineFrom({"a: b", "b: a", "c: c ghost", "d: a"}));
    QCOMPARE(layout.nodes.size(), 4);
    QCOMPARE(layout.nodes[layout.indexOf("c")].layer, 0);
    for (const GraphLayout::Edge &edge : layout.edges) {
        QVERIFY(edge.to != "c");
        QVERIFY(layout.nodes[layout.indexOf(edge.from)].layer <
                layout.nodes[layout.indexOf(edge.to)].layer);
    }
}

void tst_GraphLayout::emptyPipeline()
{
    const GraphLayout layout = layoutGraph(Pipeline{});
    QVERIFY(layout.nodes.isEmpty());
    QCOMPARE(layout.layerCount, 0);
}

QTEST_GUILESS_MAIN(tst_GraphLayout)
#include "tst_graphlayout.moc"
