#pragma once

class QCoreApplication;

namespace DeployDesk {

// Installs the system locale's translation (LANG=de_DE.UTF-8 gives German): DeployDesk's
// own, built into the program from translations/*.ts, and Qt's for its standard dialogs
// and buttons. Used by the panel and by the screenshot tool, so German screenshots show
// what a German user sees.
void installTranslations(QCoreApplication &app);
// Only English's plural forms ("1 file", "2 files"): the CLI speaks English.
void installEnglishPlurals(QCoreApplication &app);

} // namespace DeployDesk
