#pragma once

#include "common/status.h"

#include <QColor>
#include <QList>
#include <QPointF>
#include <QRectF>
#include <QString>

#include <chrono>

class QPainter;
class QPalette;

namespace DeployDesk::Ui::Internal {

// What one node looks like, decided by the view; drawing it is this file's business.
struct NodeLook
{
    QString name;
    QString subtitle;
    StageStatus status = StageStatus::Pending;
    bool allowedFailure = false; // failed with continue-on-error: amber, not red
    bool current = false;        // the keyboard selection
    bool focused = false;        // the view has focus (selection drawn stronger)
    bool dashed = false;         // `if:` skips it for the chosen environment
    bool faded = false;          // outside the selected stages
    bool waiting = false;        // pending, waiting for approval: violet, an hourglass
};

// The colour of an allowed failure (continue-on-error): amber, apart from failure's red
// and cancellation's orange.
QColor allowedFailureColour();
// The colour of a stage waiting for approval: violet, apart from pending's grey.
QColor waitingColour();

void paintNode(QPainter &painter, const QRectF &rect, const NodeLook &look,
               const QPalette &palette);
// A needs edge: cubic curves through `points` (layout order), an arrow at the end.
void paintEdge(QPainter &painter, const QList<QPointF> &points, bool dim, const QPalette &palette);

// "0.4 s", "12.3 s", then "1m5s" from a minute on.
QString formatStageDuration(std::chrono::milliseconds duration);
// Whole seconds for a live clock: "12 s", "1m5s".
QString formatElapsed(std::chrono::milliseconds elapsed);

} // namespace DeployDesk::Ui::Internal
