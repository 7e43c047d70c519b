#include "translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace DeployDesk {

void installEnglishPlurals(QCoreApplication &app)
{
    // English needs a translation too, for its plurals: "%n file(s)" reads "1 file" and
    // "2 files". The locale's language, installed later, is asked first.
    auto *english = new QTranslator(&app);
    if (english->load(QStringLiteral(":/i18n/deploydesk_en.qm")))
        QCoreApplication::installTranslator(english);
}

void installTranslations(QCoreApplication &app)
{
    installEnglishPlurals(app);
    auto *own = new QTranslator(&app);
    if (own->load(QLocale(), QStringLiteral("deploydesk"), QStringLiteral("_"),
                  QStringLiteral(":/i18n")))
        QCoreApplication::installTranslator(own);
    auto *qt = new QTranslator(&app);
    if (qt->load(QLocale(), QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
}

} // namespace DeployDesk
