#include "ui/common/statusstyle.h"

#include "ui/settings/theme.h"

#include <QCoreApplication>
#include <QGuiApplication>
#include <QHash>
#include <QPainter>
#include <QPainterPath>
#include <QPalette>
#include <QPixmap>

#include <algorithm>
#include <cmath>

namespace DeployDesk::Ui {

namespace {

enum class Shape { Tick, Cross, Dots, Ring, Dash, Stop, Bolt };

QIcon paintIcon(const QColor &colour, const QColor &markColour, Shape shape)
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
        QPen mark(markColour, 2 * m, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin);
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
            p.setBrush(markColour);
            for (const qreal x : {4.5, 8.0, 11.5})
                p.drawEllipse(QPointF(x * m, 8 * m), 1.2 * m, 1.2 * m);
            break;
        case Shape::Dash:
            p.drawLine(QPointF(4.5 * m, 8 * m), QPointF(11.5 * m, 8 * m));
            break;
        case Shape::Stop:
            p.setPen(Qt::NoPen);
            p.setBrush(markColour);
            p.drawRect(QRectF(5.5 * m, 5.5 * m, 5 * m, 5 * m));
            break;
        case Shape::Bolt: {
            p.drawLine(QPointF(8 * m, 4 * m), QPointF(8 * m, 9 * m));
            p.setPen(Qt::NoPen);
            p.setBrush(markColour);
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

enum class Tone { Green, Red, Blue, Orange, Grey, Amber };

// Deep tones for light palettes, light tints for dark ones; each reaches 4.5:1 against
// the standard palettes' Base and Window (Fusion's light #ffffff/#efefef, darkPalette()'s
// #1f1f22/#2b2b2e), which tests/ui/settings/tst_statuscontrast.cpp checks.
QColor toneColour(Tone tone, bool dark)
{
    switch (tone) {
    case Tone::Green:
        return dark ? QColor(0x81, 0xc7, 0x84) : QColor(0x1b, 0x5e, 0x20);
    case Tone::Red:
        return dark ? QColor(0xef, 0x9a, 0x9a) : QColor(0xc6, 0x28, 0x28);
    case Tone::Blue:
        return dark ? QColor(0x90, 0xca, 0xf9) : QColor(0x15, 0x65, 0xc0);
    case Tone::Orange:
        return dark ? QColor(0xff, 0xb7, 0x4d) : QColor(0xb3, 0x47, 0x00);
    case Tone::Amber:
        return dark ? QColor(0xe6, 0xc0, 0x4a) : QColor(0x8a, 0x61, 0x00);
    case Tone::Grey:
        break;
    }
    return dark ? QColor(0xbd, 0xbd, 0xbd) : QColor(0x61, 0x61, 0x61);
}

constexpr double kMinContrast = 4.5; // WCAG AA, normal text

double luminance(const QColor &c)
{
    const auto channel = [](double v) {
        return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
    };
    const QColor rgb = c.toRgb();
    return 0.2126 * channel(rgb.redF()) + 0.7152 * channel(rgb.greenF()) +
           0.0722 * channel(rgb.blueF());
}

double worstContrast(const QColor &c, const QPalette &palette)
{
    return std::min(contrastRatio(c, palette.color(QPalette::Base)),
                    contrastRatio(c, palette.color(QPalette::Window)));
}

QColor mix(const QColor &a, const QColor &b, double t)
{
    return QColor::fromRgbF(float(a.redF() * (1 - t) + b.redF() * t),
                            float(a.greenF() * (1 - t) + b.greenF() * t),
                            float(a.blueF() * (1 - t) + b.blueF() * t));
}

// The tone for `palette`, moved towards black (light palettes) or white (dark ones) in
// small steps until it is readable on both of the palette's backgrounds.
QColor readable(Tone tone, const QPalette &palette)
{
    const bool dark = isDarkPalette(palette);
    const QColor start = toneColour(tone, dark);
    for (const QColor &towards : {dark ? QColor(Qt::white) : QColor(Qt::black),
                                  dark ? QColor(Qt::black) : QColor(Qt::white)}) {
        for (int step = 0; step <= 20; ++step) {
            const QColor c = mix(start, towards, step / 20.0);
            if (worstContrast(c, palette) >= kMinContrast)
                return c;
        }
    }
    return start; // a palette with mid-grey Base and Window: nothing reaches 4.5:1
}

Tone toneOf(StageStatus status)
{
    switch (status) {
    case StageStatus::Success:
        return Tone::Green;
    case StageStatus::Failed:
        return Tone::Red;
    case StageStatus::Running:
        return Tone::Blue;
    case StageStatus::Cancelled:
    case StageStatus::Interrupted:
        return Tone::Orange;
    case StageStatus::Pending:
    case StageStatus::Skipped:
        break;
    }
    return Tone::Grey;
}

Tone toneOf(RunStatus status)
{
    switch (status) {
    case RunStatus::Success:
        return Tone::Green;
    case RunStatus::Failed:
        return Tone::Red;
    case RunStatus::Running:
    case RunStatus::Queued:
        return Tone::Blue;
    case RunStatus::Cancelled:
    case RunStatus::Interrupted:
        return Tone::Orange;
    }
    return Tone::Grey;
}

} // namespace

double contrastRatio(const QColor &a, const QColor &b)
{
    const double la = luminance(a);
    const double lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

QColor statusColour(StageStatus status, const QPalette &palette)
{
    return readable(toneOf(status), palette);
}

QColor statusColour(RunStatus status, const QPalette &palette)
{
    return readable(toneOf(status), palette);
}

QColor statusColour(StageStatus status)
{
    return statusColour(status, QGuiApplication::palette());
}

QColor statusColour(RunStatus status)
{
    return statusColour(status, QGuiApplication::palette());
}

QColor allowedFailureTextColour(const QPalette &palette)
{
    return readable(Tone::Amber, palette);
}

QIcon statusIcon(StageStatus status)
{
    const QPalette palette = QGuiApplication::palette();
    const bool dark = isDarkPalette(palette);
    // Per status and per theme: a theme switch paints the next icons asked for anew.
    static QHash<int, QIcon> cache;
    const int key = int(status) * 2 + (dark ? 1 : 0);
    auto it = cache.constFind(key);
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
    const QColor mark = dark ? QColor(0x1f, 0x1f, 0x22) : QColor(Qt::white);
    return *cache.insert(key, paintIcon(statusColour(status, palette), mark, shape));
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

namespace {

// A toolbar icon: `path` (drawn on a 16x16 grid) filled with `colour`, at the sizes
// toolbars and menus ask for.
QIcon toolbarIcon(const QColor &colour, const QPainterPath &path)
{
    QIcon icon;
    for (const int size : {16, 22, 24, 32, 48}) {
        QPixmap pixmap(size, size);
        pixmap.fill(Qt::transparent);
        QPainter p(&pixmap);
        p.setRenderHint(QPainter::Antialiasing);
        p.scale(size / 16.0, size / 16.0);
        p.setPen(QPen(colour, 1.2, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        p.setBrush(colour);
        p.drawPath(path);
        p.end();
        icon.addPixmap(pixmap);
    }
    return icon;
}

} // namespace

QIcon runIcon(const QPalette &palette)
{
    QPainterPath triangle;
    triangle.moveTo(3.5, 2);
    triangle.lineTo(13.5, 8);
    triangle.lineTo(3.5, 14);
    triangle.closeSubpath();
    return toolbarIcon(statusColour(StageStatus::Success, palette), triangle);
}

QIcon stopIcon(const QPalette &palette)
{
    QPainterPath square;
    square.addRoundedRect(QRectF(3, 3, 10, 10), 1.5, 1.5);
    return toolbarIcon(statusColour(StageStatus::Failed, palette), square);
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
