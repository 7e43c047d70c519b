#include "ui/pipeline/stagenodepainter.h"

#include "ui/common/statusstyle.h"

#include "common/duration.h"

#include <QCoreApplication>
#include <QFontMetricsF>
#include <QLocale>
#include <QPainter>
#include <QPainterPath>
#include <QPalette>

#include <cmath>

namespace DeployDesk::Ui::Internal {

namespace {

QColor mix(const QColor &a, const QColor &b, qreal t)
{
    return QColor::fromRgbF(a.redF() * (1 - t) + b.redF() * t,
                            a.greenF() * (1 - t) + b.greenF() * t,
                            a.blueF() * (1 - t) + b.blueF() * t);
}

constexpr qreal kRadius = 6;
constexpr qreal kStripe = 5;
constexpr qreal kIcon = 16;
constexpr qreal kPad = 8;

} // namespace

QColor allowedFailureColour()
{
    return QColor(0xd4, 0xa0, 0x17);
}

QColor waitingColour()
{
    return QColor(0x8e, 0x5c, 0xc4);
}

namespace {
// An hourglass in `rect`: waiting for someone.
void paintHourglass(QPainter &painter, const QRectF &rect, const QColor &colour)
{
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    const QRectF r = rect.adjusted(3, 1.5, -3, -1.5);
    QPainterPath glass;
    glass.moveTo(r.topLeft());
    glass.lineTo(r.topRight());
    glass.lineTo(r.center());
    glass.lineTo(r.bottomRight());
    glass.lineTo(r.bottomLeft());
    glass.lineTo(r.center());
    glass.closeSubpath();
    painter.setPen(QPen(colour, 1.4));
    painter.setBrush(colour.lighter(150));
    painter.drawPath(glass);
    painter.restore();
}
} // namespace

void paintNode(QPainter &painter, const QRectF &rect, const NodeLook &look, const QPalette &palette)
{
    const bool allowed = look.allowedFailure && look.status == StageStatus::Failed;
    const QColor colour = look.waiting ? waitingColour()
                          : allowed    ? allowedFailureColour()
                                       : statusColour(look.status);
    const QColor base = palette.color(QPalette::Base);
    const QColor text = palette.color(QPalette::Text);
    const qreal opacity = look.faded ? 0.45 : 1.0;

    painter.save();
    painter.setOpacity(opacity);
    painter.setRenderHint(QPainter::Antialiasing);

    QPainterPath shape;
    shape.addRoundedRect(rect, kRadius, kRadius);
    painter.fillPath(shape, mix(base, colour, 0.12));

    // The state stripe on the left, clipped to the rounded shape.
    painter.save();
    painter.setClipPath(shape);
    painter.fillRect(QRectF(rect.left(), rect.top(), kStripe, rect.height()), colour);
    painter.restore();

    QPen border(look.current ? palette.color(QPalette::Highlight) : mix(base, colour, 0.6));
    border.setWidthF(look.current ? (look.focused ? 2.5 : 1.5) : 1.0);
    if (look.dashed)
        border.setStyle(Qt::DashLine);
    painter.setPen(border);
    painter.setBrush(Qt::NoBrush);
    painter.drawPath(shape);

    const qreal left = rect.left() + kStripe + kPad;
    const QRectF iconRect(left, rect.top() + kPad, kIcon, kIcon);
    // An allowed failure keeps the cross (the shape says failed), on an amber node.
    if (look.waiting)
        paintHourglass(painter, iconRect, colour);
    else
        statusIcon(look.status).paint(&painter, iconRect.toAlignedRect());

    const qreal textLeft = iconRect.right() + 6;
    const qreal textWidth = rect.right() - kPad - textLeft;
    QFont nameFont = painter.font();
    nameFont.setBold(true);
    if (look.dashed)
        nameFont.setItalic(true);
    const QFontMetricsF nameMetrics(nameFont);
    painter.setFont(nameFont);
    painter.setPen(look.dashed ? mix(text, base, 0.4) : text);
    const QRectF nameRect(textLeft, iconRect.top() + (kIcon - nameMetrics.height()) / 2, textWidth,
                          nameMetrics.height());
    painter.drawText(nameRect, Qt::AlignLeft | Qt::AlignVCenter,
                     nameMetrics.elidedText(look.name, Qt::ElideMiddle, textWidth));

    QFont smallFont = painter.font();
    smallFont.setBold(false);
    smallFont.setItalic(false);
    smallFont.setPointSizeF(smallFont.pointSizeF() * 0.9);
    const QFontMetricsF smallMetrics(smallFont);
    painter.setFont(smallFont);
    painter.setPen(mix(text, base, 0.35));
    const QRectF subRect(left, rect.bottom() - kPad - smallMetrics.height(),
                         rect.right() - kPad - left, smallMetrics.height());
    painter.drawText(subRect, Qt::AlignLeft | Qt::AlignVCenter,
                     smallMetrics.elidedText(look.subtitle, Qt::ElideRight, subRect.width()));
    painter.restore();
}

void paintEdge(QPainter &painter, const QList<QPointF> &points, bool dim, const QPalette &palette)
{
    if (points.size() < 2)
        return;
    QColor colour = mix(palette.color(QPalette::Base), palette.color(QPalette::Text), 0.55);
    if (dim)
        colour.setAlphaF(0.3);
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    QPainterPath path(points.first());
    for (int i = 1; i < points.size(); ++i) {
        const QPointF a = points[i - 1];
        const QPointF b = points[i];
        const qreal dx = (b.x() - a.x()) / 2;
        path.cubicTo(QPointF(a.x() + dx, a.y()), QPointF(b.x() - dx, b.y()), b);
    }
    QPen pen(colour, 1.4);
    if (dim)
        pen.setStyle(Qt::DashLine);
    painter.setPen(pen);
    painter.setBrush(Qt::NoBrush);
    painter.drawPath(path);

    // The arrow head points right, into the stage that needs the other.
    const QPointF tip = points.last();
    QPainterPath arrow(tip);
    arrow.lineTo(tip + QPointF(-8, -4.5));
    arrow.lineTo(tip + QPointF(-8, 4.5));
    arrow.closeSubpath();
    painter.fillPath(arrow, colour);
    painter.restore();
}

QString formatStageDuration(std::chrono::milliseconds duration)
{
    return formatDuration(std::max(duration, std::chrono::milliseconds(0)));
}

QString formatElapsed(std::chrono::milliseconds elapsed)
{
    // Whole seconds while it runs: the label does not flicker through tenths.
    const qint64 seconds = std::max<qint64>(0, elapsed.count() / 1000);
    return formatDuration(std::chrono::seconds(seconds));
}

} // namespace DeployDesk::Ui::Internal
