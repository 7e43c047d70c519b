// deploydesk: the desktop panel.
#include "ui/common/mnemonic.h"
#include "ui/mainwindow.h"
#include "ui/settings/settingsdialog.h"
#include "ui/settings/theme.h"

#include "common/heap.h"
#include "common/paths.h"
#include "i18n/translations.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QIcon>
#include <QSettings>

namespace {
// Copies a folder tree; used to give the read-only installed example a writable home.
bool copyTree(const QString &from, const QString &to)
{
    QDirIterator it(from, QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString file = it.next();
        const QString target = to + QLatin1Char('/') + QDir(from).relativeFilePath(file);
        QDir().mkpath(QFileInfo(target).absolutePath());
        if (!QFileInfo::exists(target) && !QFile::copy(file, target))
            return false;
    }
    return true;
}

// With no workspace given: the bundled example, from the build tree, or the installed
// one copied to the data directory (stages write build/ into their workspace).
QString defaultWorkspace()
{
    const QString app = QCoreApplication::applicationDirPath();
    const QString inBuildTree = app + QStringLiteral("/../../examples/textbook");
    if (QFileInfo::exists(inBuildTree + QStringLiteral("/deploydesk.yml")))
        return QDir(inBuildTree).absolutePath();
    const QString installed = app + QStringLiteral("/../share/deploydesk/examples/textbook");
    if (QFileInfo::exists(installed + QStringLiteral("/deploydesk.yml"))) {
        const QString copy = DeployDesk::Paths::dataDir() + QStringLiteral("/examples/textbook");
        if (copyTree(installed, copy))
            return copy;
    }
    return QDir::currentPath();
}

} // namespace

int main(int argc, char *argv[])
{
    DeployDesk::keepFreedHeapForReuse();
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("DeployDesk"));
    QApplication::setApplicationName(QStringLiteral("DeployDesk"));
    QApplication::setApplicationVersion(QStringLiteral(DEPLOYDESK_VERSION));
    QApplication::setDesktopFileName(QStringLiteral(DEPLOYDESK_APP_ID));
    QIcon icon;
    for (const char *size : {"32", "64", "256"})
        icon.addFile(QStringLiteral(":/icons/deploydesk-%1.png").arg(QLatin1String(size)));
    QApplication::setWindowIcon(icon);
    DeployDesk::installTranslations(app);
    DeployDesk::Ui::keepMnemonicLabelsWhole(app);
    DeployDesk::Ui::applyTheme(app,
                               QSettings()
                                   .value(QLatin1String(DeployDesk::Ui::SettingsDialog::kThemeKey),
                                          QStringLiteral("system"))
                                   .toString());

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QApplication::translate("DeployDesk", "DeployDesk control panel"));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(
        QStringLiteral("workspace"),
        QApplication::translate("DeployDesk", "The workspace folder to open."));
    parser.process(app);
    // The workspace given, else the bundled example (File → Open Recent has the others).
    const QString workspace = parser.positionalArguments().value(0, defaultWorkspace());

    DeployDesk::Ui::MainWindow window(QFileInfo(workspace).absoluteFilePath());
    window.show();
    return QApplication::exec();
}
