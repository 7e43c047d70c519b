#include "ui/settings/theme.h"

#include <QApplication>
#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QDBusVariant>
#include <QLoggingCategory>
#include <QPalette>
#include <QStyle>
#include <QStyleFactory>

namespace DeployDesk::Ui {

Q_LOGGING_CATEGORY(lcTheme, "deploydesk.ui.theme")

namespace {

const QString kPortalService = QStringLiteral("org.freedesktop.portal.Desktop");
const QString kPortalPath = QStringLiteral("/org/freedesktop/portal/desktop");
const QString kPortalInterface = QStringLiteral("org.freedesktop.portal.Settings");
const QString kAppearance = QStringLiteral("org.freedesktop.appearance");
const QString kColorScheme = QStringLiteral("color-scheme");
constexpr int kPortalTimeoutMs = 200;

} // namespace

namespace Internal {

// Lives as a child of the application: remembers the style it started with and, while the
// setting is "system", listens to the portal.
class ThemeFollower final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ThemeFollower)

public:
    explicit ThemeFollower(QApplication &app)
        : QObject(&app)
        , m_app(app)
        , m_originalStyle(app.style() ? app.style()->name() : QString())
    {
        setObjectName(QStringLiteral("deploydesk-theme-follower"));
    }

    static ThemeFollower *of(QApplication &app)
    {
        if (auto *existing = app.findChild<ThemeFollower *>(QString(), Qt::FindDirectChildrenOnly))
            return existing;
        return new ThemeFollower(app);
    }

    void apply(const QString &setting)
    {
        ++m_generation;
        m_setting = setting;
        if (setting == QLatin1String("dark")) {
            setDark(true);
        } else if (setting == QLatin1String("light")) {
            setDark(false);
        } else {
            m_setting = QStringLiteral("system");
            setDark(gtkThemeIsDark(qEnvironmentVariable("GTK_THEME")));
            askPortal();
        }
    }

private slots:
    void portalSettingChanged(const QString &ns, const QString &key, const QDBusVariant &value)
    {
        if (m_setting != QLatin1String("system") || ns != kAppearance || key != kColorScheme)
            return;
        const std::optional<bool> dark = portalColorSchemeIsDark(QVariant::fromValue(value));
        qCDebug(lcTheme) << "desktop colour scheme changed, dark:" << dark.value_or(false);
        setDark(dark.value_or(gtkThemeIsDark(qEnvironmentVariable("GTK_THEME"))));
    }

private:
    void setDark(bool dark)
    {
        if (dark) {
            m_app.setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
            m_app.setPalette(darkPalette());
        } else {
            QStyle *style =
                m_originalStyle.isEmpty() ? nullptr : QStyleFactory::create(m_originalStyle);
            if (!style)
                style = QStyleFactory::create(QStringLiteral("Fusion"));
            m_app.setStyle(style);
            m_app.setPalette(style->standardPalette());
        }
    }

    void askPortal()
    {
        QDBusConnection bus = QDBusConnection::sessionBus();
        if (!bus.isConnected()) {
            qCDebug(lcTheme) << "no session bus: colour scheme from GTK_THEME only";
            return;
        }
        if (!m_listening) {
            m_listening = bus.connect(kPortalService, kPortalPath, kPortalInterface,
                                      QStringLiteral("SettingChanged"), this,
                                      SLOT(portalSettingChanged(QString, QString, QDBusVariant)));
        }
        QDBusMessage call = QDBusMessage::createMethodCall(
            kPortalService, kPortalPath, kPortalInterface, QStringLiteral("Read"));
        call << kAppearance << kColorScheme;
        auto *watcher = new QDBusPendingCallWatcher(bus.asyncCall(call, kPortalTimeoutMs), this);
        const int generation = m_generation;
        connect(watcher, &QDBusPendingCallWatcher::finished, this,
                [this, generation](QDBusPendingCallWatcher *w) {
                    w->deleteLater();
                    const QDBusPendingReply<QVariant> reply = *w;
                    if (generation != m_generation)
                        return; // the setting changed meanwhile
                    if (reply.isError()) {
                        qCDebug(lcTheme)
                            << "no answer from the settings portal:" << reply.error().message();
                        return;
                    }
                    if (const std::optional<bool> dark = portalColorSchemeIsDark(reply.value()))
                        setDark(*dark);
                });
    }

    QApplication &m_app;
    QString m_originalStyle;
    QString m_setting;
    int m_generation = 0;
    bool m_listening = false;
};

std::optional<bool> portalColorSchemeIsDark(const QVariant &reply)
{
    QVariant value = reply;
    for (int depth = 0; depth < 4 && value.canConvert<QDBusVariant>() &&
                        value.metaType() == QMetaType::fromType<QDBusVariant>();
         ++depth)
        value = qvariant_cast<QDBusVariant>(value).variant();
    bool ok = false;
    const uint scheme = value.toUInt(&ok);
    if (!ok || scheme == 0 || scheme > 2)
        return std::nullopt;
    return scheme == 1;
}

bool gtkThemeIsDark(const QString &gtkTheme)
{
    const QString theme = gtkTheme.trimmed().toLower();
    return theme.contains(QLatin1String(":dark")) || theme.endsWith(QLatin1String("-dark"));
}

} // namespace Internal

QPalette darkPalette()
{
    QPalette p;
    const QColor window(0x2b, 0x2b, 0x2e);
    const QColor base(0x1f, 0x1f, 0x22);
    const QColor text(0xe6, 0xe6, 0xe6);
    const QColor disabledText(0x80, 0x80, 0x80);
    const QColor highlight(0x2a, 0x82, 0xda);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, window);
    p.setColor(QPalette::ToolTipBase, QColor(0x3a, 0x3a, 0x3e));
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, QColor(0x9a, 0x9a, 0x9a));
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, QColor(0x35, 0x35, 0x38));
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, QColor(0xff, 0x6b, 0x6b));
    p.setColor(QPalette::Light, QColor(0x4a, 0x4a, 0x4e));
    p.setColor(QPalette::Midlight, QColor(0x3e, 0x3e, 0x42));
    p.setColor(QPalette::Mid, QColor(0x26, 0x26, 0x28));
    p.setColor(QPalette::Dark, QColor(0x18, 0x18, 0x1a));
    p.setColor(QPalette::Shadow, Qt::black);
    p.setColor(QPalette::Highlight, highlight);
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, QColor(0x6c, 0xb4, 0xff));
    p.setColor(QPalette::LinkVisited, QColor(0xb3, 0x8c, 0xff));
    for (const auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, disabledText);
    p.setColor(QPalette::Disabled, QPalette::Highlight, QColor(0x50, 0x50, 0x54));
    return p;
}

void applyTheme(QApplication &app, const QString &setting)
{
    Internal::ThemeFollower::of(app)->apply(setting);
}

bool isDarkPalette(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightness() <
           palette.color(QPalette::WindowText).lightness();
}

bool isDarkTheme()
{
    return isDarkPalette(QGuiApplication::palette());
}

} // namespace DeployDesk::Ui

#include "theme.moc"
