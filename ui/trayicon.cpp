#include "ui/trayicon.h"

#include "common/logging.h"
#include "ui/common/statusstyle.h"

#include <QApplication>
#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QMenu>
#include <QSystemTrayIcon>

namespace DeployDesk::Ui {

TrayIcon::TrayIcon(QMenu *menu, QObject *parent)
    : QObject(parent)
{
    if (!QSystemTrayIcon::isSystemTrayAvailable())
        return;
    m_tray = new QSystemTrayIcon(QApplication::windowIcon(), this);
    m_tray->setContextMenu(menu);
    connect(m_tray, &QSystemTrayIcon::activated, this,
            [this](QSystemTrayIcon::ActivationReason reason) {
                if (reason == QSystemTrayIcon::Trigger || reason == QSystemTrayIcon::DoubleClick)
                    emit activated();
            });
    m_tray->show();
}

TrayIcon::~TrayIcon() = default;

bool TrayIcon::isVisible() const
{
    return m_tray && m_tray->isVisible();
}

void TrayIcon::setState(std::optional<RunStatus> status, const QString &text)
{
    m_toolTip = text.isEmpty() ? tr("DeployDesk") : tr("DeployDesk — %1").arg(text);
    if (!m_tray)
        return;
    m_tray->setIcon(status ? statusIcon(*status) : QApplication::windowIcon());
    m_tray->setToolTip(m_toolTip);
}

void TrayIcon::notify(const QString &title, const QString &body, bool urgent)
{
    m_last = title + QLatin1Char('\n') + body;
    const auto fallback = [this, title, body, urgent] {
        if (m_tray && QSystemTrayIcon::supportsMessages())
            m_tray->showMessage(title, body,
                                urgent ? QSystemTrayIcon::Warning : QSystemTrayIcon::Information);
        else
            qCInfo(lcUi) << "no notification service for:" << title;
    };
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected()) {
        fallback();
        return;
    }
    const QString service = QStringLiteral("org.freedesktop.Notifications");
    QDBusMessage message =
        QDBusMessage::createMethodCall(service, QStringLiteral("/org/freedesktop/Notifications"),
                                       service, QStringLiteral("Notify"));
    QVariantMap hints;
    hints.insert(QStringLiteral("urgency"), QVariant::fromValue<uchar>(urgent ? 2 : 1));
    hints.insert(QStringLiteral("desktop-entry"), QStringLiteral(DEPLOYDESK_APP_ID));
    message << QApplication::applicationDisplayName() << uint(0)
            << QStringLiteral(DEPLOYDESK_APP_ID) << title << body << QStringList() << hints
            << int(urgent ? 0 : -1);
    // Never waits on the notification daemon; without one, the tray's balloon.
    auto *watcher = new QDBusPendingCallWatcher(bus.asyncCall(message, 2000), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this, [watcher, fallback] {
        if (watcher->isError())
            fallback();
        watcher->deleteLater();
    });
}

} // namespace DeployDesk::Ui
