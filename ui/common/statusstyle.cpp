#include "ui/common/statusstyle.h"

#include <QCoreApplication>
#include <QHash>
#include <QPainter>
#include <QPainterPath>
#include <QPixmap>

namespace DeployDesk::Ui {

namespace {

enum class Shape { Tick, Cross, Dots, Ring, Dash, Stop, Bolt };

QIcon paintIcon(const QColor &colour, Shape shape)
{
    QIcon icon;
    for (const int size : {16, 24, 32, 48}) {
        QPixmap pixmap(size, size);
        pixmap.fill(Qt::transparent);
        QPainter p(&pixmap);
        p.setRenderHint(QPainter::Antialiasing);
        const qreal m = size / 16.0;
        const QRectF disc(0.5 * m, 0.5 * m, 15 * m, 15 * m);
        if (shape == Shape::Ring) {
            p.setPen(QPen(colour, 1.6 * m));
            p.setBrush(Qt::NoBrush);
            p.drawEllipse(disc.adjusted(m, m, -m, -m));
        } else {
            p.setPen(Qt::NoPen);
            p.setBrush(colour);
            p.drawEllipse(disc);
        }
        QPen mark(Qt::white, 2 * m, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin);
        p.setPen(mark);
        p.setBrush(Qt::NoBrush);
        switch (shape) {
        case Shape::Tick: {
            QPainterPath path;
            path.moveTo(4.5 * m, 8.3 * m);
            path.lineTo(7 * m, 10.8 * m);
            path.lineTo(11.5 * m, 5.5 * m);
            p.drawPath(path);
            break;
        }
        case Shape::Cross:
            p.drawLine(QPointF(5 * m, 5 * m), QPointF(11 * m, 11 * m));
            p.drawLine(QPointF(11 * m, 5 * m), QPointF(5 * m, 11 * m));
            break;
        case Shape::Dots:
            p.setPen(Qt::NoPen);
            p.setBrush(Qt::white);
            for (const qreal x : {4.5, 8.0, 11.5})
                p.drawEllipse(QPointF(x * m, 8 * m), 1.2 * m, 1.2 * m);
            break;
        case Shape::Dash:
            p.drawLine(QPointF(4.5 * m, 8 * m), QPointF(11.5 * m, 8 * m));
            break;
        case Shape::Stop:
            p.setPen(Qt::NoPen);
            p.setBrush(Qt::white);
            p.drawRect(QRectF(5.5 * m, 5.5 * m, 5 * m, 5 * m));
            break;
        case Shape::Bolt: {
            p.drawLine(QPointF(8 * m, 4 * m), QPointF(8 * m, 9 * m));
            p.setPen(Qt::NoPen);
            p.setBrush(Qt::white);
            p.drawEllipse(QPointF(8 * m, 11.8 * m), 1.1 * m, 1.1 * m);
            break;
        }
        case Shape::Ring:
            break;
        }
        p.end();
        icon.addPixmap(pixmap);
    }
    return icon;
}

const QColor kGreen(0x2e, 0x7d, 0x32);
const QColor kRed(0xc6, 0x28, 0x28);
const QColor kBlue(0x15, 0x65, 0xc0);
const QColor kOrange(0xef, 0x6c, 0x00);
const QColor kGrey(0x75, 0x75, 0x75);

} // namespace

QColor statusColour(StageStatus status)
{
    switch (status) {
    case StageStatus::Success:
        return kGreen;
    case StageStatus::Failed:
        return kRed;
    case StageStatus::Running:
        return kBlue;
    case StageStatus::Cancelled:
    case StageStatus::Interrupted:
        return kOrange;
    case StageStatus::Pending:
    case StageStatus::Skipped:
        break;
    }
    return kGrey;
}

QColor statusColour(RunStatus status)
{
    switch (status) {
    case RunStatus::Success:
        return kGreen;
    case RunStatus::Failed:
        return kRed;
    case RunStatus::Running:
    case RunStatus::Queued:
        return kBlue;
    case RunStatus::Cancelled:
    case RunStatus::Interrupted:
        return kOrange;
    }
    return kGrey;
}

QIcon statusIcon(StageStatus status)
{
    static QHash<int, QIcon> cache;
    auto it = cache.constFind(int(status));
    if (it != cache.constEnd())
        return *it;
    Shape shape = Shape::Ring;
    switch (status) {
    case StageStatus::Success:
        shape = Shape::Tick;
        break;
    case StageStatus::Failed:
        shape = Shape::Cross;
        break;
    case StageStatus::Running:
        shape = Shape::Dots;
        break;
    case StageStatus::Skipped:
        shape = Shape::Dash;
        break;
    case StageStatus::Cancelled:
        shape = Shape::Stop;
        break;
    case StageStatus::Interrupted:
        shape = Shape::Bolt;
        break;
    case StageStatus::Pending:
        shape = Shape::Ring;
        break;
    }
    return *cache.insert(int(status), paintIcon(statusColour(status), shape));
}

QIcon statusIcon(RunStatus status)
{
    switch (status) {
    case RunStatus::Queued:
        return statusIcon(StageStatus::Pending);
    case RunStatus::Running:
        return statusIcon(StageStatus::Running);
    case RunStatus::Success:
        return statusIcon(StageStatus::Success);
    case RunStatus::Failed:
        return statusIcon(StageStatus::Failed);
    case RunStatus::Cancelled:
        return statusIcon(StageStatus::Cancelled);
    case RunStatus::Interrupted:
        return statusIcon(StageStatus::Interrupted);
    }
    return {};
}

QString statusText(StageStatus status)
{
    switch (status) {
    case StageStatus::Pending:
        return QCoreApplication::translate("DeployDesk", "Pending");
    case StageStatus::Running:
        return QCoreApplication::translate("DeployDesk", "Running");
    case StageStatus::Success:
        return QCoreApplication::translate("DeployDesk", "Success");
    case StageStatus::Failed:
        return QCoreApplication::translate("DeployDesk", "Failed");
    case StageStatus::Skipped:
        return QCoreApplication::translate("DeployDesk", "Skipped");
    case StageStatus::Cancelled:
        return QCoreApplication::translate("DeployDesk", "Cancelled");
    case StageStatus::Interrupted:
        return QCoreApplication::translate("DeployDesk", "Interrupted");
    }
    return {};
}

QString statusText(RunStatus status)
{
    switch (status) {
    case RunStatus::Queued:
        return QCoreApplication::translate("DeployDesk", "Queued");
    case RunStatus::Running:
        return QCoreApplication::translate("DeployDesk", "Running");
    case RunStatus::Success:
        return QCoreApplication::translate("DeployDesk", "Success");
    case RunStatus::Failed:
        return QCoreApplication::translate("DeployDesk", "Failed");
    case RunStatus::Cancelled:
        return QCoreApplication::translate("DeployDesk", "Cancelled");
    case RunStatus::Interrupted:
        return QCoreApplication::translate("DeployDesk", "Interrupted");
    }
    return {};
}

} // namespace DeployDesk::Ui
