#pragma once

#include <QList>
#include <QPointF>
#include <QRectF>
#include <QSizeF>
#include <QString>

namespace DeployDesk {
struct Pipeline;
}

namespace DeployDesk::Ui {

struct GraphLayoutOptions
{
    QSizeF nodeSize{190, 54}; // every stage node has this size
    qreal layerGap = 70;      // horizontal space between two columns
    qreal nodeGap = 18;       // vertical space between two nodes of a column
    qreal routeGap = 10;      // vertical space an edge passing through a column takes
    int sweeps = 4;           // barycenter sweeps (down + up) to reduce crossings; 0: file order
};

// Where the stage graph draws each stage and each `needs` edge. Flow is left to right:
// a stage's column (layer) is the longest path from a stage without needs, so every
// stage sits right of everything it needs. Within a column, stages are ordered to reduce
// edge crossings; an edge that spans several columns passes through a route point in each
// column in between, so it never runs through a node. Deterministic for a given input.
struct GraphLayout
{
    struct Node
    {
        QString name;
        int layer = 0; // column, 0 for stages without needs
        int order = 0; // position within the column, top to bottom (route points included)
        QRectF rect;   // in layout coordinates, (0, 0) at the top left
    };
    struct Edge
    {
        QString from;          // the needed stage
        QString to;            // the stage that needs it
        QList<QPointF> points; // from's right side, route points, to's left side
    };

    QList<Node> nodes; // in the pipeline's file order
    QList<Edge> edges; // for each stage in file order, its needs in the order written
    QSizeF size;       // bounding size of everything
    int layerCount = 0;
    int crossings = 0; // edge crossings left after ordering

    int indexOf(const QString &name) const;
};

// Pure: no widgets, no I/O. Needs naming unknown stages are ignored; a cycle (which the
// loader rejects) is broken arbitrarily but deterministically instead of looping.
GraphLayout layoutGraph(const Pipeline &pipeline, const GraphLayoutOptions &options = {});

} // namespace DeployDesk::Ui
