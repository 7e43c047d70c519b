#pragma once

#include <QString>
#include <QVariant>

#include <optional>

class QApplication;
class QPalette;

namespace DeployDesk::Ui {

// The panel's appearance, from the QSettings key "ui/theme": "system" (default), "light"
// or "dark". Dark is the Fusion style with a dark palette; light is the style the
// application started with and its standard palette. "system" asks the desktop (the XDG
// settings portal's color-scheme, else GTK_THEME) without blocking: it applies a guess from
// GTK_THEME at once, corrects it when the portal answers (within 200 ms) and follows the
// desktop's later changes while the setting stays "system".
void applyTheme(QApplication &app, const QString &setting);
// Whether the palette in use is a dark one (light text on a dark window).
bool isDarkTheme();
// Whether `palette` is a dark one: its window is darker than its window text.
bool isDarkPalette(const QPalette &palette);
QPalette darkPalette();

namespace Internal {
// The portal's answer to Read("org.freedesktop.appearance", "color-scheme"), which some
// portal versions wrap in a variant twice: 1 = prefers dark, 2 = prefers light,
// 0 = no preference (nullopt, as for anything unreadable).
std::optional<bool> portalColorSchemeIsDark(const QVariant &reply);
// GTK_THEME="Adwaita:dark" or a theme named "...-dark".
bool gtkThemeIsDark(const QString &gtkTheme);
} // namespace Internal

} // namespace DeployDesk::Ui
