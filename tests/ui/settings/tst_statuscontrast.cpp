// Status colours are text (the history's Status column, a run's stages, the comparison):
// each must reach WCAG AA contrast, 4.5:1, against the backgrounds it is drawn on, in the
// light and in the dark theme. The ratio is computed here from WCAG 2's definition of
// relative luminance, independently of the product's own helper.
#include "ui/common/statusstyle.h"
#include "ui/settings/theme.h"

#include <QApplication>
#include <QPalette>
#include <QPixmap>
#include <QStyle>
#include <QStyleFactory>
#include <QTest>

#include <cmath>
#include <memory>

using namespace DeployDesk;

namespace {

// https://www.w3.org/TR/WCAG21/#dfn-relative-luminance
double relativeLuminance(const QColor &colour)
{
    const QColor c = colour.toRgb();
    const auto linear = [](int channel8) {
        const double v = channel8 / 255.0;
        return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
    };
    return 0.2126 * linear(c.red()) + 0.7152 * linear(c.green()) + 0.0722 * linear(c.blue());
}

// https://www.w3.org/TR/WCAG21/#dfn-contrast-ratio
double contrast(const QColor &a, const QColor &b)
{
    const double la = relativeLuminance(a);
    const double lb = relativeLuminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

QPalette lightPalette()
{
    std::unique_ptr<QStyle> fusion(QStyleFactory::create(QStringLiteral("Fusion")));
    return fusion->standardPalette();
}

// A desktop's own dark-grey palette that neither built-in set was made for.
QPalette greyPalette()
{
    QPalette p = lightPalette();
    p.setColor(QPalette::Window, QColor(0x5a, 0x5a, 0x5a));
    p.setColor(QPalette::Base, QColor(0x6a, 0x6a, 0x6a));
    p.setColor(QPalette::AlternateBase, QColor(0x64, 0x64, 0x64));
    p.setColor(QPalette::WindowText, Qt::white);
    p.setColor(QPalette::Text, Qt::white);
    return p;
}

struct Named
{
    QString name;
    QColor colour;
};

QList<Named> textColours(const QPalette &palette)
{
    QList<Named> colours;
    for (const StageStatus s :
         {StageStatus::Pending, StageStatus::Running, StageStatus::Success, StageStatus::Failed,
          StageStatus::Skipped, StageStatus::Cancelled, StageStatus::Interrupted})
        colours.append({QStringLiteral("stage ") + toString(s), Ui::statusColour(s, palette)});
    for (const RunStatus s : {RunStatus::Queued, RunStatus::Running, RunStatus::Success,
                              RunStatus::Failed, RunStatus::Cancelled, RunStatus::Interrupted})
        colours.append({QStringLiteral("run ") + toString(s), Ui::statusColour(s, palette)});
    colours.append({QStringLiteral("allowed failure"), Ui::allowedFailureTextColour(palette)});
    return colours;
}

// The colour of the most opaque pixel of `icon` at 16 px: what the eye sees of it.
QColor inkOf(const QIcon &icon)
{
    const QImage image = icon.pixmap(16, 16).toImage();
    QColor ink;
    int alpha = -1;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x)
            if (const QColor c = image.pixelColor(x, y); c.alpha() > alpha) {
                alpha = c.alpha();
                ink = c;
            }
    return ink;
}

} // namespace

class tst_StatusContrast final : public QObject
{
    Q_OBJECT

private slots:
    void theFormulaIsWcags()
    {
        // The two ends of the scale and a published pair: #777 on white is 4.48:1.
        QCOMPARE(contrast(Qt::black, Qt::white), 21.0);
        QCOMPARE(contrast(Qt::white, Qt::white), 1.0);
        QVERIFY(std::abs(contrast(QColor(0x77, 0x77, 0x77), Qt::white) - 4.48) < 0.01);
        // The product's helper agrees (it is what picks the colours).
        QVERIFY(std::abs(Ui::contrastRatio(QColor(0x77, 0x77, 0x77), Qt::white) -
                         contrast(QColor(0x77, 0x77, 0x77), Qt::white)) < 1e-4);
    }

    void statusTextIsReadable_data()
    {
        QTest::addColumn<QPalette>("palette");
        QTest::addColumn<bool>("dark");
        QTest::newRow("light (Fusion's standard palette)") << lightPalette() << false;
        QTest::newRow("light (the platform's palette)") << QApplication::palette() << false;
        QTest::newRow("dark") << Ui::darkPalette() << true;
        QTest::newRow("a desktop's grey palette") << greyPalette() << true;
    }

    void statusTextIsReadable()
    {
        QFETCH(QPalette, palette);
        QFETCH(bool, dark);
        QCOMPARE(Ui::isDarkPalette(palette), dark);
        QStringList tooFaint;
        for (const Named &c : textColours(palette)) {
            for (const QPalette::ColorRole role :
                 {QPalette::Base, QPalette::Window, QPalette::AlternateBase}) {
                const QColor background = palette.color(role);
                const double ratio = contrast(c.colour, background);
                if (ratio < 4.5)
                    tooFaint << QStringLiteral("%1 %2 on %3 %4: %5:1")
                                    .arg(c.name, c.colour.name(),
                                         QString::fromLatin1(
                                             QMetaEnum::fromType<QPalette::ColorRole>().valueToKey(
                                                 role)),
                                         background.name())
                                    .arg(ratio, 0, 'f', 2);
            }
        }
        QVERIFY2(tooFaint.isEmpty(), qPrintable(tooFaint.join(QLatin1Char('\n'))));
    }

    // The failed, successful and running states stay told apart by colour too.
    void theMainStatesKeepTheirOwnColours()
    {
        for (const QPalette &palette : {lightPalette(), Ui::darkPalette()}) {
            const QColor success = Ui::statusColour(RunStatus::Success, palette);
            const QColor failed = Ui::statusColour(RunStatus::Failed, palette);
            const QColor running = Ui::statusColour(RunStatus::Running, palette);
            QVERIFY(success.hue() > 60 && success.hue() < 180);  // green
            QVERIFY(failed.hue() < 20 || failed.hue() > 340);    // red
            QVERIFY(running.hue() > 190 && running.hue() < 250); // blue
        }
    }

    // The Run and Cancel icons on the toolbar (the Window colour) stand out as a graphic
    // must (WCAG 1.4.11, 3:1), in both themes.
    void theRunAndCancelIconsShowOnTheToolbar()
    {
        for (const QPalette &palette : {lightPalette(), Ui::darkPalette()}) {
            for (const QIcon &icon : {Ui::runIcon(palette), Ui::stopIcon(palette)}) {
                const QColor ink = inkOf(icon);
                QCOMPARE(ink.alpha(), 255);
                QVERIFY2(contrast(ink, palette.color(QPalette::Window)) >= 3.0,
                         qPrintable(ink.name() + " on " + palette.color(QPalette::Window).name()));
            }
        }
    }

    // A status icon's disc stands out from a dark list (it used the light theme's deep
    // tones, which all but vanish on #1f1f22).
    void statusIconsShowOnADarkList()
    {
        const QPalette before = QApplication::palette();
        QApplication::setPalette(Ui::darkPalette());
        const QColor base = Ui::darkPalette().color(QPalette::Base);
        for (const RunStatus s : {RunStatus::Success, RunStatus::Failed, RunStatus::Running,
                                  RunStatus::Cancelled, RunStatus::Interrupted}) {
            const QImage image = Ui::statusIcon(s).pixmap(16, 16).toImage();
            // The disc's rim, left of the centre where no mark is drawn.
            const QColor disc = image.pixelColor(2, 8);
            QVERIFY2(contrast(disc, base) >= 3.0,
                     qPrintable(QStringLiteral("%1: %2").arg(toString(s), disc.name())));
        }
        QApplication::setPalette(before);
    }
};

QTEST_MAIN(tst_StatusContrast)
#include "tst_statuscontrast.moc"
