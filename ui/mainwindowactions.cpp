// The main window's actions, menus, toolbar, tray menu and recent workspaces.
#include "ui/mainwindow.h"

#include "ui/common/statusstyle.h"

#include "ui/embeddings/embeddingsview.h"
#include "ui/environmentlist.h"
#include "ui/environments/environmentsview.h"
#include "ui/history/historybrowser.h"
#include "ui/logview/logviewer.h"

#include <QApplication>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QStyle>
#include <QToolBar>

namespace DeployDesk::Ui {

namespace {
constexpr int kMaxRecent = 10;
const QString kRecentKey = QStringLiteral("workspaces/recent");
} // namespace

void MainWindow::createActions()
{
    m_openAction = new QAction(tr("&Open Workspace…"), this);
    m_openAction->setShortcut(QKeySequence::Open);
    connect(m_openAction, &QAction::triggered, this, [this] {
        const QString dir = QFileDialog::getExistingDirectory(
            this, tr("Open a workspace (a folder with deploydesk.yml)"), m_workspace);
        if (!dir.isEmpty())
            openWorkspace(dir);
    });
    m_reloadAction = new QAction(tr("&Reload Pipeline"), this);
    m_reloadAction->setShortcut(QKeySequence::Refresh);
    connect(m_reloadAction, &QAction::triggered, this, &MainWindow::reload);
    m_settingsAction = new QAction(tr("&Settings…"), this);
    m_settingsAction->setShortcuts({QKeySequence::Preferences, QKeySequence(tr("Ctrl+,"))});
    m_settingsAction->setMenuRole(QAction::PreferencesRole);
    connect(m_settingsAction, &QAction::triggered, this, &MainWindow::openSettings);
    m_quitAction = new QAction(tr("&Quit"), this);
    m_quitAction->setShortcut(QKeySequence::Quit);
    connect(m_quitAction, &QAction::triggered, this, &QWidget::close);

    // Painted in the theme's green: the style's media icon is dark grey on a dark toolbar.
    m_runAction = new QAction(runIcon(palette()), tr("&Run Pipeline"), this);
    m_runAction->setObjectName(QStringLiteral("runAction"));
    m_runAction->setShortcut(QKeySequence(tr("Ctrl+R")));
    m_runAction->setToolTip(tr("Run the pipeline's checks, with no environment (Ctrl+R)"));
    connect(m_runAction, &QAction::triggered, this, &MainWindow::runPipeline);
    m_runWithMessageAction = new QAction(tr("Run &With a Message…"), this);
    m_runWithMessageAction->setObjectName(QStringLiteral("runWithMessageAction"));
    m_runWithMessageAction->setShortcut(QKeySequence(tr("Ctrl+Alt+R")));
    m_runWithMessageAction->setToolTip(
        tr("Run the pipeline's checks with a message saying why, kept in the history"));
    connect(m_runWithMessageAction, &QAction::triggered, this, &MainWindow::runPipelineWithMessage);
    m_deployAction = new QAction(tr("&Deploy to Selected Environment…"), this);
    m_deployAction->setObjectName(QStringLiteral("deployAction"));
    m_deployAction->setShortcut(QKeySequence(tr("Ctrl+Shift+D")));
    connect(m_deployAction, &QAction::triggered, this,
            [this] { deploy(m_environments->currentEnvironment()); });
    m_cancelAction = new QAction(stopIcon(palette()), tr("&Cancel Run…"), this);
    m_cancelAction->setObjectName(QStringLiteral("cancelAction"));
    m_cancelAction->setShortcut(QKeySequence(tr("Ctrl+Shift+X")));
    connect(m_cancelAction, &QAction::triggered, this, &MainWindow::cancelRun);
    m_rerunAction = new QAction(style()->standardIcon(QStyle::SP_BrowserReload),
                                tr("Re-run &Failed Stages"), this);
    m_rerunAction->setObjectName(QStringLiteral("rerunAction"));
    m_rerunAction->setShortcut(QKeySequence(tr("Ctrl+Shift+F")));
    connect(m_rerunAction, &QAction::triggered, this, [this] { rerunFailed(0); });
    m_approvalAction = new QAction(tr("Review &Approval…"), this);
    m_approvalAction->setShortcut(QKeySequence(tr("Ctrl+Shift+A")));
    connect(m_approvalAction, &QAction::triggered, this, &MainWindow::reviewApproval);

    const QStringList tabNames{tr("&Pipeline"),  tr("&Logs"),         tr("&History"),
                               tr("&Workflows"), tr("&Environments"), tr("Embe&ddings")};
    for (int i = 0; i < tabNames.size(); ++i) {
        auto *a = new QAction(tabNames[i], this);
        a->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + i)));
        connect(a, &QAction::triggered, this, [this, i] { showTab(Tab(i)); });
        m_tabActions << a;
    }
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(m_openAction);
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    connect(m_recentMenu, &QMenu::aboutToShow, this, &MainWindow::fillRecentMenu);
    file->addAction(m_reloadAction);
    file->addSeparator();
    file->addAction(m_settingsAction);
    file->addSeparator();
    file->addAction(m_quitAction);

    QMenu *run = menuBar()->addMenu(tr("&Run"));
    run->addAction(m_runAction);
    run->addAction(m_runWithMessageAction);
    m_deployMenu = run->addMenu(tr("Deploy &To"));
    run->addAction(m_deployAction);
    run->addAction(m_cancelAction);
    run->addAction(m_rerunAction);
    run->addAction(m_approvalAction);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->addActions(m_tabActions);
    QMenu *logs = menuBar()->addMenu(tr("&Logs"));
    logs->addActions(m_logs->actions());
    QMenu *history = menuBar()->addMenu(tr("Hi&story"));
    for (QAction *a : m_history->actions()) {
        // The window's own Re-run (Ctrl+Shift+F) acts on the latest run; the history's
        // acts on the selected run, so its shortcut works only inside the history.
        if (a->shortcut() == m_rerunAction->shortcut())
            a->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        history->addAction(a);
    }
    QMenu *releases = menuBar()->addMenu(tr("Rele&ases"));
    releases->addActions(m_environmentsView->actions());
    QMenu *index = menuBar()->addMenu(tr("Inde&x"));
    index->addActions(m_embeddingsView->actions());
    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About DeployDesk"), this, [this] {
        QMessageBox::about(this, tr("About DeployDesk"),
                           tr("<p><b>DeployDesk %1</b></p><p>A control panel for the CI/CD "
                              "and deployments of a documentation site with a RAG backend.</p>")
                               .arg(QApplication::applicationVersion()));
    });

    auto *toolbar = addToolBar(tr("Run"));
    toolbar->setObjectName(QStringLiteral("runToolbar"));
    toolbar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    toolbar->addAction(m_runAction);
    toolbar->addAction(m_cancelAction);
    toolbar->addAction(m_rerunAction);

    m_trayMenu = new QMenu(this);
    m_trayMenu->addAction(tr("Show DeployDesk"), this, [this] {
        showNormal();
        raise();
        activateWindow();
    });
    m_trayMenu->addAction(m_runAction);
    m_trayMenu->addAction(m_cancelAction);
    m_trayMenu->addAction(m_approvalAction);
    m_trayMenu->addSeparator();
    m_trayMenu->addAction(m_quitAction);
}

void MainWindow::fillRecentMenu()
{
    m_recentMenu->clear();
    const QStringList recent = recentWorkspaces();
    for (int i = 0; i < recent.size(); ++i) {
        const QString dir = recent[i];
        QAction *a = m_recentMenu->addAction(
            QStringLiteral("&%1 %2").arg(i + 1).arg(QDir::toNativeSeparators(dir)), this,
            [this, dir] { openWorkspace(dir); });
        a->setEnabled(QFileInfo::exists(dir + QStringLiteral("/deploydesk.yml")));
    }
    if (recent.isEmpty())
        m_recentMenu->addAction(tr("No recent workspaces"))->setEnabled(false);
}

QStringList MainWindow::recentWorkspaces()
{
    return QSettings().value(kRecentKey).toStringList();
}

void MainWindow::rememberWorkspace(const QString &dir)
{
    QSettings settings;
    QStringList recent = settings.value(kRecentKey).toStringList();
    recent.removeAll(dir);
    recent.prepend(dir);
    while (recent.size() > kMaxRecent)
        recent.removeLast();
    settings.setValue(kRecentKey, recent);
}

} // namespace DeployDesk::Ui
