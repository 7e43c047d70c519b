// The panel's appearance: dark and light palettes, and "follow the system" from the
// desktop's settings portal (a fake one on a private bus) or GTK_THEME.

#include "ui/settings/theme.h"

#include "privatesession.h"

#include <QApplication>
#include <QDBusConnection>
#include <QDBusVariant>
#include <QPalette>
#include <QStyle>
#include <QWidget>

using namespace DeployDesk;

namespace {

// Answers org.freedesktop.portal.Settings.Read like xdg-desktop-portal does (a variant
// in a variant), with a colour scheme the test picks.
class FakePortal final : public QObject
{
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.freedesktop.portal.Settings")

public:
    uint scheme = 0;
    int heard = 0; // SettingChanged signals that came back from the bus

public slots:
    void hear(const QString &, const QString &, const QDBusVariant &) { ++heard; }

    QDBusVariant Read(const QString &ns, const QString &key)
    {
        if (ns == QLatin1String("org.freedesktop.appearance") &&
            key == QLatin1String("color-scheme"))
            return QDBusVariant(QVariant::fromValue(QDBusVariant(scheme)));
        return QDBusVariant(QVariant::fromValue(QDBusVariant(QString())));
    }

signals:
    void SettingChanged(const QString &ns, const QString &key, const QDBusVariant &value);
};

} // namespace

class tst_Theme final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void darkAndLight();
    void portalReply_data();
    void portalReply();
    void gtkTheme_data();
    void gtkTheme();
    void systemFollowsThePortal();
    void systemWithoutPortalUsesGtkTheme();

private:
    Test::PrivateSession m_session;
    FakePortal m_portal;
    bool m_bus = false;
};

void tst_Theme::initTestCase()
{
    m_bus = m_session.startBus().isEmpty();
}

void tst_Theme::darkAndLight()
{
    auto *app = qobject_cast<QApplication *>(QCoreApplication::instance());
    QWidget window; // an open window follows the change
    auto *child = new QWidget(&window);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    Ui::applyTheme(*app, QStringLiteral("dark"));
    QVERIFY(Ui::isDarkTheme());
    QTRY_VERIFY(window.palette().color(QPalette::Window).lightness() < 80);
    QVERIFY(child->palette().color(QPalette::Window).lightness() < 80);
    QVERIFY(child->palette().color(QPalette::WindowText).lightness() > 180);
    QCOMPARE(app->style()->name().toLower(), QStringLiteral("fusion"));

    Ui::applyTheme(*app, QStringLiteral("light"));
    QVERIFY(!Ui::isDarkTheme());
    QTRY_VERIFY(window.palette().color(QPalette::Window).lightness() > 150);
    QVERIFY(child->palette().color(QPalette::Window).lightness() > 150);
}

void tst_Theme::portalReply_data()
{
    QTest::addColumn<QVariant>("reply");
    QTest::addColumn<int>("expected"); // -1: no answer, 0 light, 1 dark
    QTest::newRow("dark") << QVariant(1u) << 1;
    QTest::newRow("light") << QVariant(2u) << 0;
    QTest::newRow("no preference") << QVariant(0u) << -1;
    QTest::newRow("unknown value") << QVariant(7u) << -1;
    QTest::newRow("wrapped once") << QVariant::fromValue(QDBusVariant(1u)) << 1;
    QTest::newRow("wrapped twice")
        << QVariant::fromValue(QDBusVariant(QVariant::fromValue(QDBusVariant(2u)))) << 0;
    QTest::newRow("not a number") << QVariant(QStringLiteral("dark")) << -1;
    QTest::newRow("nothing") << QVariant() << -1;
}

void tst_Theme::portalReply()
{
    QFETCH(QVariant, reply);
    QFETCH(int, expected);
    const std::optional<bool> dark = Ui::Internal::portalColorSchemeIsDark(reply);
    QCOMPARE(dark.has_value() ? int(*dark) : -1, expected);
}

void tst_Theme::gtkTheme_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<bool>("dark");
    QTest::newRow("empty") << "" << false;
    QTest::newRow("Adwaita") << "Adwaita" << false;
    QTest::newRow("Adwaita:dark") << "Adwaita:dark" << true;
    QTest::newRow("Adwaita-dark") << "Adwaita-dark" << true;
    QTest::newRow("Darkish-light") << "Darkish-light" << false;
}

void tst_Theme::gtkTheme()
{
    QFETCH(QString, value);
    QFETCH(bool, dark);
    QCOMPARE(Ui::Internal::gtkThemeIsDark(value), dark);
}

void tst_Theme::systemFollowsThePortal()
{
    if (!m_bus)
        QSKIP("no private session bus (dbus-daemon missing)");
    auto *app = qobject_cast<QApplication *>(QCoreApplication::instance());
    QDBusConnection bus = QDBusConnection::sessionBus();
    QVERIFY(bus.isConnected());
    QVERIFY(
        bus.registerObject(QStringLiteral("/org/freedesktop/portal/desktop"), &m_portal,
                           QDBusConnection::ExportAllSlots | QDBusConnection::ExportAllSignals));
    QVERIFY(bus.registerService(QStringLiteral("org.freedesktop.portal.Desktop")));
    qunsetenv("GTK_THEME");

    QVERIFY(bus.connect(QStringLiteral("org.freedesktop.portal.Desktop"),
                        QStringLiteral("/org/freedesktop/portal/desktop"),
                        QStringLiteral("org.freedesktop.portal.Settings"),
                        QStringLiteral("SettingChanged"), &m_portal,
                        SLOT(hear(QString, QString, QDBusVariant))));

    Ui::applyTheme(*app, QStringLiteral("light"));
    m_portal.scheme = 1;
    Ui::applyTheme(*app, QStringLiteral("system"));
    QTRY_VERIFY(Ui::isDarkTheme()); // the portal answers after applyTheme returned

    // The desktop switches to light: the panel follows.
    emit m_portal.SettingChanged(QStringLiteral("org.freedesktop.appearance"),
                                 QStringLiteral("color-scheme"), QDBusVariant(2u));
    QTRY_VERIFY(!Ui::isDarkTheme());
    QTRY_COMPARE(m_portal.heard, 1);
    // An explicit choice is not overridden by the desktop.
    Ui::applyTheme(*app, QStringLiteral("light"));
    emit m_portal.SettingChanged(QStringLiteral("org.freedesktop.appearance"),
                                 QStringLiteral("color-scheme"), QDBusVariant(1u));
    QTRY_COMPARE(m_portal.heard, 2); // delivered to every listener, the theme's included
    QVERIFY(!Ui::isDarkTheme());

    // The portal's answer wins over GTK_THEME's first guess.
    qputenv("GTK_THEME", "Adwaita:dark");
    m_portal.scheme = 2;
    Ui::applyTheme(*app, QStringLiteral("system"));
    QVERIFY(Ui::isDarkTheme()); // the guess, at once
    QTRY_VERIFY(!Ui::isDarkTheme());
    qunsetenv("GTK_THEME");

    bus.unregisterService(QStringLiteral("org.freedesktop.portal.Desktop"));
    bus.unregisterObject(QStringLiteral("/org/freedesktop/portal/desktop"));
}

void tst_Theme::systemWithoutPortalUsesGtkTheme()
{
    auto *app = qobject_cast<QApplication *>(QCoreApplication::instance());
    qputenv("GTK_THEME", "Adwaita:dark");
    Ui::applyTheme(*app, QStringLiteral("system"));
    QVERIFY(Ui::isDarkTheme()); // at once, without waiting for a portal
    qputenv("GTK_THEME", "Adwaita");
    Ui::applyTheme(*app, QStringLiteral("system"));
    QVERIFY(!Ui::isDarkTheme());
    qunsetenv("GTK_THEME");
}

QTEST_MAIN(tst_Theme)
#include "tst_theme.moc"
