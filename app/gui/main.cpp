// deploydesk: the desktop panel.
#include "ui/mainwindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>

namespace {
// With no workspace given: the bundled example, from the build or the installed tree.
QString defaultWorkspace()
{
    const QString app = QCoreApplication::applicationDirPath();
    for (const QString &candidate :
         {app + QStringLiteral("/../../examples/textbook"),
          app + QStringLiteral("/../share/deploydesk/examples/textbook")}) {
        if (QFileInfo::exists(candidate + QStringLiteral("/deploydesk.yml")))
            return QDir(candidate).absolutePath();
    }
    return QDir::currentPath();
}
} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("DeployDesk"));
    QApplication::setApplicationVersion(QStringLiteral(DEPLOYDESK_VERSION));
    QApplication::setDesktopFileName(QStringLiteral(DEPLOYDESK_APP_ID));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QApplication::translate("DeployDesk", "DeployDesk control panel"));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(
        QStringLiteral("workspace"),
        QApplication::translate("DeployDesk", "The workspace folder to open."));
    parser.process(app);
    const QString workspace = parser.positionalArguments().value(0, defaultWorkspace());

    DeployDesk::Ui::MainWindow window(QFileInfo(workspace).absoluteFilePath());
    window.show();
    return QApplication::exec();
}
