#pragma once

#include "common/status.h"

#include <QObject>

#include <optional>

class QMenu;
class QSystemTrayIcon;

namespace DeployDesk::Ui {

// The tray icon (when the desktop has a tray) showing the run state, and desktop
// notifications (org.freedesktop.Notifications over D-Bus, asynchronously; the tray's
// balloon when that service is missing) when a run ends or waits for approval.
class TrayIcon final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TrayIcon)

public:
    explicit TrayIcon(QMenu *menu, QObject *parent = nullptr);
    ~TrayIcon() override;

    // No status: idle. `text` is the tooltip ("Run 12: 3 of 8 stages").
    void setState(std::optional<RunStatus> status, const QString &text);
    void notify(const QString &title, const QString &body, bool urgent = false);

    bool isVisible() const;
    QString toolTip() const { return m_toolTip; }
    // The last notification sent, for tests: "title\nbody".
    QString lastNotification() const { return m_last; }

signals:
    void activated(); // the tray icon was clicked

private:
    QSystemTrayIcon *m_tray = nullptr;
    QString m_toolTip;
    QString m_last;
};

} // namespace DeployDesk::Ui
