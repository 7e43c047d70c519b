#include "ui/mainwindow.h"

#include "common/duration.h"
#include "common/paths.h"
#include "engine/runjob.h"
#include "secrets/secretstore.h"
#include "store/historystore.h"
#include "ui/approvaldialog.h"
#include "ui/common/mnemonic.h"
#include "ui/common/statusstyle.h"
#include "ui/embeddings/embeddingsview.h"
#include "ui/environmentlist.h"
#include "ui/environments/environmentsview.h"
#include "ui/history/historybrowser.h"
#include "ui/logview/logviewer.h"
#include "ui/pipeline/stagegraphview.h"
#include "ui/runservice.h"
#include "ui/settings/historypage.h"
#include "ui/settings/settingsdialog.h"
#include "ui/startrundialog.h"
#include "ui/trayicon.h"
#include "ui/workflows/workflowsview.h"

#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScreen>
#include <QSettings>
#include <QShowEvent>
#include <QSplitter>
#include <QStatusBar>
#include <QStyle>
#include <QTabBar>
#include <QTabWidget>
#include <QToolBar>
#include <QVBoxLayout>

namespace DeployDesk::Ui {

namespace {
constexpr QSize kDefaultSize(1200, 760);
const QLatin1String kGeometryKey("ui/mainWindowGeometry");

QString elapsedText(qint64 ms)
{
    const qint64 s = ms / 1000;
    return s >= 3600 ? QStringLiteral("%1:%2:%3")
                           .arg(s / 3600)
                           .arg(s / 60 % 60, 2, 10, QLatin1Char('0'))
                           .arg(s % 60, 2, 10, QLatin1Char('0'))
                     : QStringLiteral("%1:%2")
                           .arg(s / 60, 2, 10, QLatin1Char('0'))
                           .arg(s % 60, 2, 10, QLatin1Char('0'));
}
} // namespace

MainWindow::MainWindow(const QString &workspace, QWidget *parent)
    : QMainWindow(parent)
    , m_dataDir(Paths::dataDir())
{
    setObjectName(QStringLiteral("mainWindow"));
    // The size it closed at, else 1200x760; either is fitted to the screen when shown.
    resize(kDefaultSize);
    if (const QByteArray saved = QSettings().value(kGeometryKey).toByteArray(); !saved.isEmpty())
        restoreGeometry(saved);

    // The history is opened (created, migrated) on the run service's thread: the window
    // shows meanwhile, and historyOpened() comes before the pipeline's loaded().
    m_service = std::make_unique<RunService>(m_dataDir);
    connect(m_service.get(), &RunService::historyOpened, this, &MainWindow::historyOpened);
    connect(m_service.get(), &RunService::loaded, this, &MainWindow::loaded);
    connect(m_service.get(), &RunService::started, this, &MainWindow::started);
    connect(m_service.get(), &RunService::startFailed, this, &MainWindow::startFailed);
    connect(m_service.get(), &RunService::stageChanged, this, &MainWindow::stageChanged);
    connect(m_service.get(), &RunService::approvalRequired, this, &MainWindow::approvalRequired);
    connect(m_service.get(), &RunService::finished, this, &MainWindow::finished);
    connect(m_service.get(), &RunService::recordingFailed, this, &MainWindow::recordingFailed);

    // Sidebar: environments.
    m_environments = new EnvironmentList(nullptr, this);
    auto *dock = new QDockWidget(tr("Environments"), this);
    dock->setObjectName(QStringLiteral("environmentsDock"));
    dock->setFeatures(QDockWidget::DockWidgetMovable);
    dock->setWidget(m_environments);
    dock->setTitleBarWidget(new QWidget(dock)); // the list has its own "Environments" label
    addDockWidget(Qt::LeftDockWidgetArea, dock);
    m_environmentsDock = dock;
    fitSidebar();
    connect(m_environments, &EnvironmentList::deployRequested, this, &MainWindow::deploy);
    connect(m_environments, &EnvironmentList::currentEnvironmentChanged, this,
            [this](const QString &env) {
                if (!m_live)
                    m_graph->setEnvironment(env);
                if (!env.isEmpty()) {
                    m_environmentsView->setCurrentEnvironment(env);
                    m_embeddingsView->setCurrentEnvironment(env);
                }
                updateActions();
            });

    // Pipeline tab: the graph and, when the file has problems, the problems.
    auto *pipelinePage = new QWidget(this);
    auto *pipelineLayout = new QVBoxLayout(pipelinePage);
    m_pipelineTitle = new QLabel(pipelinePage);
    m_pipelineTitle->setTextFormat(Qt::RichText);
    auto *splitter = new QSplitter(Qt::Vertical, pipelinePage);
    m_graph = new StageGraphView(splitter);
    m_graph->setAccessibleName(tr("Stage graph"));
    m_problemsView = new QPlainTextEdit(splitter);
    m_problemsView->setReadOnly(true);
    m_problemsView->setAccessibleName(tr("Problems in deploydesk.yml"));
    m_problemsView->hide();
    pipelineLayout->addWidget(m_pipelineTitle);
    pipelineLayout->addWidget(splitter, 1);
    connect(m_graph, &StageGraphView::stageActivated, this, &MainWindow::openStageLog);
    connect(m_graph, &StageGraphView::stageRunRequested, this, &MainWindow::runStage);

    m_logs = new LogViewer(QString(), this);
    m_history = new HistoryBrowser(nullptr, this);
    m_history->setPlaceholder(tr("Opening the history…"));
    connect(m_history, &HistoryBrowser::openLogsRequested, this, &MainWindow::openRunLogs);
    connect(m_history, &HistoryBrowser::rerunFailedRequested, this, &MainWindow::rerunFailed);
    connect(m_history, &HistoryBrowser::promoteRequested, this, &MainWindow::promote);
    connect(m_history, &HistoryBrowser::latestRunRead, this, [this](const RunRecord &run) {
        m_latestRun = run;
        // The status line names this run when the session has none of its own (all the
        // workspace's runs are a workflow's or another pipeline's): the Logs tab opens on
        // the same run rather than saying there is none.
        if (run.id && !m_run.id && m_logs->runId() == 0 && m_store) {
            if (auto stages = m_store->stages(run.id))
                showRunInLogs(run.id, *stages);
        }
        updateStatus();
    });
    m_environmentsView = new EnvironmentsView(nullptr, this);
    connect(m_environmentsView, &EnvironmentsView::rollbackRequested, this, &MainWindow::rollback);
    // Re-embeds and index switches are runs of the same service, so the window follows them
    // as it follows any run (the Pipeline tab, the status bar, History).
    m_embeddingsView = new EmbeddingsView(this);
    m_embeddingsView->setDataDir(m_dataDir);
    m_embeddingsView->setRunService(m_service.get());
    // Local runs of a workflow are runs of the same service too; its dispatches and imports
    // go through a GitHub service of the view's own.
    m_workflowsView = new WorkflowsView(this);
    m_workflowsView->setDataDir(m_dataDir);
    m_workflowsView->setRunService(m_service.get());
    connect(m_workflowsView, &WorkflowsView::openLogsRequested, this, &MainWindow::openRunLogs);
    connect(m_workflowsView, &WorkflowsView::historyChanged, this,
            [this] { m_history->refresh(); });

    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("tabs"));
    // The tabs are named as in the View menu, without the mnemonics: Alt+letter belongs to
    // the menu bar and the page's fields (Alt+L, Alt+H opened a tab instead of a menu);
    // Ctrl+1…6 switch tabs.
    m_tabs->addTab(pipelinePage, withoutMnemonic(tr("&Pipeline")));
    m_tabs->addTab(m_logs, withoutMnemonic(tr("&Logs")));
    m_tabs->addTab(m_history, withoutMnemonic(tr("&History")));
    m_tabs->addTab(m_workflowsView, withoutMnemonic(tr("&Workflows")));
    m_tabs->addTab(m_environmentsView, withoutMnemonic(tr("&Environments")));
    m_tabs->addTab(m_embeddingsView, withoutMnemonic(tr("Embe&ddings")));
    setCentralWidget(m_tabs);
    // A tab shown with Ctrl+1…6 or the View menu gets the keyboard (its first field, or
    // the log): Ctrl+F then finds in the log, and typing no longer lands in the sidebar.
    // Arrow keys on the focused tab bar leave the focus there.
    pipelinePage->setFocusProxy(m_graph);
    connect(m_tabs, &QTabWidget::currentChanged, this, [this](int index) {
        QWidget *page = m_tabs->widget(index);
        QWidget *focus = QApplication::focusWidget();
        if (!page || focus == static_cast<QWidget *>(m_tabs->tabBar()) ||
            (focus && page->isAncestorOf(focus)))
            return;
        page->setFocus(Qt::OtherFocusReason);
    });

    // Status bar: state, elapsed, queue.
    m_runState = new QLabel(this);
    m_runState->setObjectName(QStringLiteral("runState"));
    // A long state ("Run 12 waits for approval to deploy to production …") is cut at the
    // window's edge rather than widening it; the tooltip says it whole.
    m_runState->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_elapsedLabel = new QLabel(this);
    m_queue = new QLabel(this);
    // A run whose record is incomplete says so until the next run starts.
    m_notRecorded = new QLabel(this);
    m_notRecorded->setObjectName(QStringLiteral("notRecorded"));
    m_notRecorded->setStyleSheet(QStringLiteral("QLabel { color: #c62828; font-weight: bold; }"));
    m_notRecorded->setWordWrap(true);
    m_notRecorded->setVisible(false);
    statusBar()->addWidget(m_runState, 1);
    statusBar()->addWidget(m_notRecorded, 2);
    statusBar()->addPermanentWidget(m_queue);
    statusBar()->addPermanentWidget(m_elapsedLabel);
    m_tick.setInterval(1000);
    connect(&m_tick, &QTimer::timeout, this, &MainWindow::updateStatus);
    // Editors save by replacing the file: watch it again each time, and let a burst of
    // writes settle before reloading.
    m_reloadSoon.setSingleShot(true);
    m_reloadSoon.setInterval(300);
    connect(&m_reloadSoon, &QTimer::timeout, this, &MainWindow::reload);
    connect(&m_watcher, &QFileSystemWatcher::fileChanged, this, [this](const QString &path) {
        if (!m_watcher.files().contains(path) && QFileInfo::exists(path))
            m_watcher.addPath(path);
        m_reloadSoon.start();
    });

    createActions();
    createMenus();
    m_tray = new TrayIcon(m_trayMenu, this);
    connect(m_tray, &TrayIcon::activated, this, [this] {
        showNormal();
        raise();
        activateWindow();
    });

    if (!workspace.isEmpty())
        openWorkspace(workspace);
    updateActions();
    updateStatus();
}

MainWindow::~MainWindow()
{
    // Stop the run thread before the views it reports to go away.
    m_service.reset();
}

void MainWindow::historyOpened(const QString &error)
{
    m_historyOpening = false;
    m_historyError = error;
    if (error.isEmpty()) {
        // Created and migrated already by the service: this is a quick open of the GUI
        // thread's own read connection (a connection belongs to the thread that opened it).
        auto opened = HistoryStore::open(m_dataDir);
        if (opened)
            m_store = std::move(*opened);
        else
            m_historyError = opened.error().toString();
    }
    if (m_store) {
        m_environments->setStore(m_store.get());
        m_logs->setDatabasePath(m_store->databasePath());
        m_history->setStore(m_store.get());
        m_environmentsView->setStore(m_store.get());
        m_workflowsView->setStore(m_store.get());
    } else {
        m_history->setPlaceholder(tr("The history cannot be opened: %1").arg(m_historyError));
    }
    updateActions();
    updateStatus();
    emit historyReady(m_store != nullptr);
}

void MainWindow::openWorkspace(const QString &dir)
{
    const QString absolute = QFileInfo(dir).absoluteFilePath();
    if (m_service->isRunning()) {
        QMessageBox::information(
            this, tr("A run is in progress"),
            tr("Run %1 is still running in %2. Wait for it to end or cancel it, then open "
               "another workspace.")
                .arg(m_run.id)
                .arg(QDir::toNativeSeparators(m_workspace)));
        return;
    }
    if (!QFileInfo::exists(absolute + QStringLiteral("/deploydesk.yml"))) {
        QMessageBox::warning(this, tr("Not a workspace"),
                             tr("%1 has no deploydesk.yml. Choose the folder that holds your "
                                "pipeline's deploydesk.yml.")
                                 .arg(QDir::toNativeSeparators(absolute)));
        return;
    }
    m_workspace = absolute;
    if (!m_watcher.files().isEmpty())
        m_watcher.removePaths(m_watcher.files());
    m_watcher.addPath(absolute + QStringLiteral("/deploydesk.yml"));
    rememberWorkspace(absolute);
    setWindowTitle(tr("%1 — DeployDesk").arg(QDir(absolute).dirName()));
    m_latestRun = RunRecord(); // read again for this workspace
    m_history->setWorkspace(absolute);
    reload();
}

void MainWindow::reload()
{
    if (m_workspace.isEmpty())
        return;
    if (!m_historyOpening) // else the status says that, and the load comes right after
        m_runState->setText(tr("Loading %1…").arg(QDir::toNativeSeparators(m_workspace)));
    m_service->load(m_workspace, m_environments->currentEnvironment());
    // Its workflow files too, and whether GitHub can be asked (a token set in Settings).
    m_workflowsView->setWorkspace(m_workspace);
}

void MainWindow::loaded(const LoadResult &result)
{
    if (QDir(result.pipeline.workspaceDir) != QDir(m_workspace) &&
        !result.pipeline.workspaceDir.isEmpty())
        return; // an answer for a workspace that is no longer open
    m_pipeline = result.pipeline;
    m_pipelineOk = result.ok();
    // The pipeline's name once it is known; the folder's until then (or when the file
    // names none).
    setWindowTitle(
        tr("%1 — DeployDesk")
            .arg(m_pipeline.name.isEmpty() ? QDir(m_workspace).dirName() : m_pipeline.name));
    m_problems.clear();
    for (const Diagnostic &d : result.diagnostics)
        m_problems << d.toString();
    m_problemsView->setPlainText(m_problems.join(QLatin1Char('\n')));
    m_problemsView->setVisible(!m_problems.isEmpty());
    if (!m_live || !m_graphShowsWorkflow)
        m_pipelineTitle->setText(pipelineTitle());
    if (!m_live) {
        m_graphShowsWorkflow = false;
        // A file with problems: the graph shows no results (they were the last valid
        // file's) but the problems; the environments stay those of the last valid file,
        // marked so, instead of emptying on a syntax error.
        m_graph->setPipeline(m_pipeline);
        m_graph->setEnvironment(m_environments->currentEnvironment());
        m_graph->setVisible(m_pipelineOk);
        const bool keepLastValid = !m_pipelineOk && m_validWorkspace == m_workspace;
        if (!keepLastValid) {
            m_environments->setPipeline(m_pipeline, m_workspace);
            fitSidebar();
            m_history->setEnvironments(m_environments->environments());
            m_environmentsView->setPipeline(m_pipeline, m_workspace);
            m_embeddingsView->setPipeline(m_pipeline, m_workspace);
        }
        m_environments->setStaleReason(
            keepLastValid ? tr("deploydesk.yml has problems: these are the environments of the "
                               "last valid file")
                          : QString());
        m_history->refresh(); // F5 also shows runs started meanwhile from a terminal
        showLatestRun(m_pipelineOk);
    }
    if (m_pipelineOk)
        m_validWorkspace = m_workspace;
    m_deployMenu->clear();
    for (const Environment &e : std::as_const(m_pipeline.environments)) {
        const QString name = e.name;
        m_deployMenu->addAction(e.isProtected ? tr("%1 (protected)…").arg(name)
                                              : tr("%1…").arg(name),
                                this, [this, name] { deploy(name); });
    }
    updateActions();
    updateStatus();
    emit pipelineLoaded(m_pipelineOk);
}

// With no run going, the graph shows the latest run of this workspace's pipeline, so the
// window opens on where things stand (a run of one of its GitHub Actions workflows is
// another pipeline's, even where stage names are alike).
void MainWindow::showLatestRun(bool intoGraph)
{
    m_run = RunRecord{};
    m_stages.clear();
    if (!m_store)
        return;
    RunFilter filter;
    filter.workspace = m_workspace;
    filter.pipeline = m_pipeline.name;
    filter.limit = 1;
    auto runs = m_store->runs(filter);
    if (!runs || runs->isEmpty())
        return;
    m_run = runs->first();
    if (auto stages = m_store->stages(m_run.id)) {
        m_stages = *stages;
        if (intoGraph)
            for (const StageRecord &s : std::as_const(m_stages))
                m_graph->updateStage(s);
    }
    // The Logs tab too opens on the latest run (its stage box lists the stages), unless it
    // shows another run already.
    if (m_logs->runId() == 0)
        showRunInLogs(m_run.id, m_stages);
}

// Shows a finished run in the Logs tab, without switching to it.
void MainWindow::showRunInLogs(qint64 runId, const QList<StageRecord> &stages)
{
    QList<LogViewer::StageRef> refs;
    for (const StageRecord &s : stages)
        refs.append({s.id, s.name});
    m_logs->showRun(runId, refs, 0);
    m_logs->setLive(false);
}

QString MainWindow::pipelineTitle() const
{
    return m_pipelineOk ? tr("<b>%1</b> — %n stage(s)", nullptr, int(m_pipeline.stages.size()))
                              .arg(m_pipeline.name.toHtmlEscaped())
                        : tr("<b>deploydesk.yml has %n problem(s)</b>: fix them and reload (F5)",
                             nullptr, int(m_problems.size()));
}

void MainWindow::openRunLogs(qint64 runId, qint64 stageId)
{
    if (!m_store)
        return;
    auto stages = m_store->stages(runId);
    if (!stages)
        return;
    QList<LogViewer::StageRef> refs;
    for (const StageRecord &s : std::as_const(*stages))
        refs.append({s.id, s.name});
    m_logs->setLive(m_live && runId == m_run.id);
    m_logs->showRun(runId, refs, stageId);
    showTab(LogsTab);
}

QString MainWindow::statusBarText() const
{
    return m_runState->text();
}

QString MainWindow::notRecordedText() const
{
    return m_notRecorded->isVisible() || m_recordingFailures > 0 ? m_notRecorded->text()
                                                                 : QString();
}

bool MainWindow::ask(const QString &title, const QString &question, const QString &yes,
                     const QString &no, qint64 aboutRun)
{
    if (!m_confirm)
        return true;
    QMessageBox box(QMessageBox::Question, title, question, QMessageBox::NoButton, this);
    // A question about a run says so when the run ends while it is open.
    if (aboutRun) {
        connect(
            this, &MainWindow::runFinished, &box, [&box, aboutRun](qint64 id, RunStatus status) {
                if (id == aboutRun)
                    box.setInformativeText(tr("Run %1 has ended meanwhile (%2): there is nothing "
                                              "left to stop.")
                                               .arg(id)
                                               .arg(Ui::statusText(status)));
            });
    }
    QPushButton *ok = box.addButton(yes, QMessageBox::AcceptRole);
    QPushButton *keep = no.isEmpty() ? box.addButton(QMessageBox::Cancel)
                                     : box.addButton(no, QMessageBox::RejectRole);
    box.setDefaultButton(keep);
    box.setEscapeButton(keep);
    box.exec();
    return box.clickedButton() == static_cast<QAbstractButton *>(ok);
}

bool MainWindow::askToStart(const QString &title, const QString &question, const QString &yes,
                            QString *message)
{
    if (!m_confirm)
        return true;
    StartRunDialog dialog(title, question, yes, this);
    if (dialog.exec() != QDialog::Accepted)
        return false;
    *message = dialog.message();
    return true;
}

void MainWindow::runPipeline()
{
    RunRequest request;
    start(request);
}

void MainWindow::runPipelineWithMessage()
{
    if (refuseWhileRunning())
        return;
    RunRequest request;
    if (!askToStart(tr("Run Pipeline"),
                    tr("Run the checks of %1, with no environment?").arg(m_pipeline.name),
                    tr("&Run"), &request.message))
        return;
    start(request);
}

void MainWindow::runStage(const QString &stage)
{
    if (refuseWhileRunning())
        return;
    if (m_graphShowsWorkflow) {
        m_runState->setText(tr("Nothing run: the graph shows a workflow's jobs; reload (F5) to "
                               "run the stages of deploydesk.yml"));
        return;
    }
    if (!m_pipeline.stage(stage)) {
        m_runState->setText(tr("Nothing run: stage %1 is no longer in deploydesk.yml").arg(stage));
        return;
    }
    RunRequest request;
    request.stages = {stage};
    request.environment = m_environments->currentEnvironment();
    if (!request.environment.isEmpty()) {
        // It may deploy: ask, as a deploy does, and say which stages will run.
        const QStringList covered = RunJob::coveredStages(m_pipeline, request.stages);
        const QStringList gated = RunController::stagesNeedingApproval(m_pipeline, request);
        QString question = tr("Run %1 for %2? These stages run: %3.")
                               .arg(stage, request.environment, covered.join(QStringLiteral(", ")));
        if (!gated.isEmpty())
            question +=
                QLatin1Char(' ') + tr("%1 is protected: %2 will wait for approval.")
                                       .arg(request.environment, gated.join(QStringLiteral(", ")));
        if (!askToStart(tr("Run Stage"), question, tr("&Run"), &request.message))
            return;
    }
    start(request);
}

void MainWindow::deploy(const QString &environment)
{
    if (environment.isEmpty()) {
        runPipeline();
        return;
    }
    const Environment *env = m_pipeline.environment(environment);
    if (!env)
        return;
    RunRequest request;
    request.environment = environment;
    const bool wasProtected = env->isProtected;
    const QStringList gated = RunController::stagesNeedingApproval(m_pipeline, request);
    const QString question =
        wasProtected
            ? tr("Deploy to %1? It is protected: the deploy stages (%2) will wait for "
                 "approval after the checks.")
                  .arg(environment, gated.join(QStringLiteral(", ")))
            : tr("Deploy to %1%2?")
                  .arg(environment,
                       env->url.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(env->url));
    if (!askToStart(tr("Deploy"), question, tr("&Deploy"), &request.message))
        return;
    // The question may have been open while deploydesk.yml was reloaded or a run started.
    const Environment *now = m_pipeline.environment(environment);
    if (!now) {
        m_runState->setText(
            tr("Nothing deployed: %1 is no longer in deploydesk.yml").arg(environment));
        return;
    }
    if (now->isProtected != wasProtected) {
        deploy(environment); // ask again, saying what is true now
        return;
    }
    start(request);
}

void MainWindow::rerunFailed(qint64 runId)
{
    if (!runId)
        runId = m_run.id;
    if (!runId || !m_store)
        return;
    auto run = m_store->run(runId);
    if (!run)
        return;
    // deploydesk.yml's pipeline would re-run a workflow's run with its own stages (some
    // share their names: "lint").
    if (run->remote || m_workflowsView->workflowNames().contains(run->pipeline)) {
        m_runState->setText(tr("Run %1 is a run of the workflow %2: run it again from the "
                               "Workflows tab")
                                .arg(runId)
                                .arg(run->pipeline));
        return;
    }
    RunRequest request;
    request.rerunOf = runId;
    request.environment = run->environment;
    start(request);
}

void MainWindow::start(const RunRequest &requested)
{
    if (m_workspace.isEmpty())
        return;
    if (refuseWhileRunning())
        return;
    RunRequest request = requested;
    request.maxParallel = QSettings().value(QStringLiteral("run/maxParallel"), 0).toInt();
    m_runAction->setEnabled(false);
    m_runState->setText(tr("Starting…"));
    m_service->start(m_workspace, request);
}

void MainWindow::startFailed(const QString &message, const LoadResult &result)
{
    loaded(result);
    updateActions();
    m_runState->setText(tr("Cannot run: %1").arg(message));
    QMessageBox::warning(this, tr("Cannot run"), message);
}

void MainWindow::started(const RunRecord &run, const QList<StageRecord> &stages)
{
    m_recordingFailures = 0;
    m_notRecorded->clear();
    m_notRecorded->setToolTip({});
    m_notRecorded->setVisible(false);
    m_live = true;
    m_cancelRequested = 0;
    m_run = run;
    m_stages = stages;
    m_waitingStages.clear();
    m_elapsed.start();
    m_tick.start();
    // A workflow's run (the Workflows tab's Run Locally): the graph shows its jobs; the next
    // run of deploydesk.yml shows that pipeline again.
    const Pipeline &ran = m_service->runPipeline();
    const bool workflow = !ran.filePath.isEmpty() && ran.filePath != m_pipeline.filePath;
    if (workflow || m_graphShowsWorkflow) {
        m_graphShowsWorkflow = workflow;
        m_graph->setPipeline(workflow ? ran : m_pipeline);
        m_graph->setVisible(workflow || m_pipelineOk);
        m_pipelineTitle->setText(
            workflow ? tr("<b>%1</b> — the GitHub Actions workflow %2 run here: %n job(s)", nullptr,
                          int(ran.stages.size()))
                           .arg(ran.name.toHtmlEscaped(),
                                QDir(m_workspace).relativeFilePath(ran.filePath).toHtmlEscaped())
                     : pipelineTitle());
    }
    m_graph->resetStates();
    m_graph->setEnvironment(run.environment);
    m_graph->setSelectedStages(run.selectedStages);
    for (const StageRecord &s : stages)
        m_graph->updateStage(s);
    QList<LogViewer::StageRef> refs;
    for (const StageRecord &s : stages)
        refs.append({s.id, s.name});
    m_logs->showRun(run.id, refs, 0);
    m_logs->setLive(true);
    // The sidebar's entries are deploydesk.yml's: a workflow's run is none of theirs.
    if (!workflow)
        m_environments->setLiveStatus(run.environment, RunStatus::Running, false);
    m_history->refresh();
    m_environmentsView->refresh(); // the queue
    updateActions();
    updateStatus();
    emit runStarted(run.id);
}

void MainWindow::stageChanged(const StageRecord &stage)
{
    if (stage.runId != m_run.id)
        return;
    for (StageRecord &s : m_stages) {
        if (s.id == stage.id)
            s = stage;
    }
    m_graph->updateStage(stage);
    updateStatus();
}

void MainWindow::approvalRequired(const QString &environment, const QStringList &stages)
{
    m_waitingStages = stages;
    m_graph->setWaitingForApproval(environment, stages);
    m_environments->setLiveStatus(environment, RunStatus::Running, true);
    m_tray->notify(tr("Approval needed"),
                   tr("Run %1 waits for approval to deploy to %2.").arg(m_run.id).arg(environment),
                   true);
    QApplication::alert(this);
    updateActions();
    updateStatus();
    reviewApproval();
}

void MainWindow::reviewApproval()
{
    if (!m_service->isWaitingForApproval())
        return;
    if (m_approvalDialog && m_approvalDialog->isVisible()) {
        m_approvalDialog->raise();
        m_approvalDialog->activateWindow();
        return;
    }
    const qint64 runId = m_service->runId();
    auto *dialog = new ApprovalDialog(m_service->environment(), m_waitingStages, runId, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowModality(Qt::WindowModal);
    m_approvalDialog = dialog;
    connect(dialog, &QDialog::finished, this, [this, dialog, runId] {
        m_approvalDialog = nullptr;
        // The run may have ended (cancelled elsewhere) or stopped waiting meanwhile: an
        // answer then approves nothing.
        if (!m_service->isWaitingForApproval() || m_service->runId() != runId ||
            m_cancelRequested == runId) {
            updateActions();
            updateStatus();
            return;
        }
        if (dialog->decision() == ApprovalDialog::Approved) {
            m_service->approve(dialog->approver(), dialog->reason());
            m_runState->setText(tr("Approved by %1; deploying…").arg(dialog->approver()));
        } else if (dialog->decision() == ApprovalDialog::Refused) {
            m_service->refuse(dialog->approver(), dialog->reason());
        }
        if (dialog->decision() != ApprovalDialog::Undecided)
            m_graph->setWaitingForApproval({}, {});
        m_environments->setLiveStatus(m_run.environment, RunStatus::Running,
                                      m_service->isWaitingForApproval());
        updateActions();
        updateStatus();
    });
    dialog->open();
    emit approvalDialogShown(dialog);
}

void MainWindow::cancelRun()
{
    if (!m_service->isRunning())
        return;
    const qint64 runId = m_service->runId();
    if (m_cancelRequested == runId)
        return; // asked already: the run is ending
    if (!ask(tr("Cancel run"),
             tr("Stop run %1? Running stages are stopped; the run is recorded as cancelled.")
                 .arg(runId),
             tr("&Stop the Run"), tr("&Keep Running"), runId))
        return;
    // The run may have ended while the question was open: say how, not "Cancelling".
    if (!m_service->isRunning() || m_service->runId() != runId) {
        updateStatus();
        if (m_run.id == runId && isFinal(m_run.status))
            m_runState->setText(tr("Run %1 had already ended before it could be stopped: %2")
                                    .arg(runId)
                                    .arg(Ui::statusText(m_run.status)));
        return;
    }
    requestCancel(tr("cancelled from the panel by %1").arg(Paths::currentUser()));
}

void MainWindow::requestCancel(const QString &reason)
{
    m_cancelRequested = m_service->runId();
    m_service->cancel(reason);
    // An approval asked for a run that is being stopped approves nothing.
    if (m_approvalDialog)
        m_approvalDialog->close();
    updateActions();
    updateStatus();
}

bool MainWindow::refuseWhileRunning()
{
    if (m_service->isRunning())
        m_runState->setText(
            tr("Run %1 is still running: wait for it to end or cancel it (Ctrl+Shift+X) first")
                .arg(m_service->runId()));
    else if (m_service->isStarting())
        m_runState->setText(tr("A run is starting: wait for it to end or cancel it first"));
    else
        return false;
    return true;
}

void MainWindow::finished(const RunRecord &run)
{
    if (m_approvalDialog)
        m_approvalDialog->close();
    m_live = false;
    m_cancelRequested = 0;
    m_run = run;
    m_waitingStages.clear();
    m_graph->setWaitingForApproval({}, {});
    m_tick.stop();
    m_logs->setLive(false);
    if (!m_graphShowsWorkflow)
        m_environments->setLiveStatus(run.environment, run.status, false);
    m_environments->refresh();
    m_history->refresh();
    m_environmentsView->refresh();
    const QString took = formatDuration(std::chrono::milliseconds(run.durationMs()));
    // The run's own pipeline: a workflow's run is named after the workflow.
    QString summary = run.environment.isEmpty()
                          ? tr("%1 finished in %2").arg(run.pipeline, took)
                          : tr("%1 for %2 finished in %3").arg(run.pipeline, run.environment, took);
    if (m_recordingFailures > 0)
        summary += QLatin1Char('\n') + m_notRecorded->text();
    m_tray->notify(tr("Run %1: %2").arg(run.id).arg(Ui::statusText(run.status)), summary,
                   run.status == RunStatus::Failed || m_recordingFailures > 0);
    if (!isActiveWindow())
        QApplication::alert(this);
    updateActions();
    updateStatus();
    emit runFinished(run.id, run.status);
    if (m_closing)
        close();
    else
        pruneHistory();
}

// The retention policy of Settings > History, off the GUI thread, after a run and after
// the settings change.
void MainWindow::pruneHistory()
{
    if (!m_store)
        return;
    pruneBySavedPolicy(this, m_store->databasePath(), m_dataDir,
                       [this](const PruneReport &) { m_history->refresh(); });
}

void MainWindow::recordingFailed(const Error &error)
{
    // The first failure says what and where; later ones add to the count and the tooltip.
    if (m_recordingFailures++ == 0)
        m_notRecorded->setText(tr("Not recorded in the history: %1").arg(error.message));
    else
        m_notRecorded->setText(tr("Not recorded in the history (%1 changes): %2")
                                   .arg(m_recordingFailures)
                                   .arg(m_notRecorded->toolTip().section(QLatin1Char('\n'), 0, 0)));
    m_notRecorded->setToolTip(m_notRecorded->toolTip().isEmpty()
                                  ? error.message
                                  : m_notRecorded->toolTip() + QLatin1Char('\n') + error.message);
    m_notRecorded->setVisible(true);
}

void MainWindow::openStageLog(const QString &stage)
{
    for (const StageRecord &s : std::as_const(m_stages)) {
        if (s.name != stage)
            continue;
        if (m_logs->runId() != m_run.id) {
            QList<LogViewer::StageRef> refs;
            for (const StageRecord &r : std::as_const(m_stages))
                refs.append({r.id, r.name});
            m_logs->showRun(m_run.id, refs, s.id);
            m_logs->setLive(m_live);
        } else {
            m_logs->showStage(s.id);
        }
        showTab(LogsTab);
        return;
    }
    m_runState->setText(tr("Stage %1 has no log yet: run the pipeline first").arg(stage));
}

void MainWindow::showTab(Tab tab)
{
    m_tabs->setCurrentIndex(int(tab));
}

void MainWindow::updateActions()
{
    const bool running = m_service->isRunning();
    const bool canRun = !running && m_pipelineOk && m_store && !m_workspace.isEmpty();
    m_runAction->setEnabled(canRun);
    m_runWithMessageAction->setEnabled(canRun);
    // A workflow's jobs in the graph are not deploydesk.yml's stages.
    m_graph->setStageRunEnabled(canRun && !m_graphShowsWorkflow);
    m_deployAction->setEnabled(canRun && !m_environments->currentEnvironment().isEmpty());
    m_deployMenu->setEnabled(canRun && !m_pipeline.environments.isEmpty());
    m_environments->setDeployEnabled(canRun);
    m_environmentsView->setRollbackEnabled(canRun);
    m_cancelAction->setEnabled(running && m_cancelRequested != m_service->runId());
    m_approvalAction->setEnabled(m_service->isWaitingForApproval());
    // Only a run of deploydesk.yml's pipeline: a workflow's run is run again from the
    // Workflows tab (or on GitHub).
    const bool rerunnable = !running && m_run.id && isFinal(m_run.status) &&
                            m_run.status != RunStatus::Success && canRun &&
                            m_run.pipeline == m_pipeline.name && !m_run.remote;
    m_rerunAction->setEnabled(rerunnable);
    m_reloadAction->setEnabled(!m_workspace.isEmpty());
}

void MainWindow::updateStatus()
{
    int done = 0;
    int running = 0;
    int waiting = 0;
    for (const StageRecord &s : std::as_const(m_stages)) {
        if (isFinal(s.status))
            ++done;
        else if (s.status == StageStatus::Running)
            ++running;
        else
            ++waiting;
    }
    QString state;
    std::optional<RunStatus> trayState;
    if (m_live) {
        trayState = RunStatus::Running;
        state = m_closing ? tr("Stopping run %1 before quitting…").arg(m_run.id)
                : m_cancelRequested == m_run.id ? tr("Cancelling run %1…").arg(m_run.id)
                : m_service->isWaitingForApproval()
                    ? tr("Run %1 waits for approval to deploy to %2 (Ctrl+Shift+A)")
                          .arg(m_run.id)
                          .arg(m_run.environment)
                    : tr("Run %1 running%2 — %3 of %4 stages done")
                          .arg(m_run.id)
                          .arg(m_run.environment.isEmpty() ? QString()
                                                           : tr(" for %1").arg(m_run.environment))
                          .arg(done)
                          .arg(m_stages.size());
        m_elapsedLabel->setText(elapsedText(m_elapsed.elapsed()));
        m_queue->setText(tr("%1 running, %2 waiting").arg(running).arg(waiting));
    } else if (m_run.id || m_latestRun.id) {
        // The run shown in this session, else the newest one in the history (the
        // window opened on a workspace with runs, or with only workflow runs).
        const RunRecord &last = m_run.id ? m_run : m_latestRun;
        trayState = last.status;
        state = tr("Last run %1: %2").arg(last.id).arg(Ui::statusText(last.status));
        const qint64 ms = last.durationMs();
        m_elapsedLabel->setText(ms >= 0 ? elapsedText(ms) : QString());
        m_queue->clear();
    } else if (m_historyOpening) {
        state = tr("Opening the history… (a history from an older DeployDesk is upgraded "
                   "first, which can take a while)");
        m_elapsedLabel->clear();
        m_queue->clear();
    } else if (!m_store) {
        state = tr("The history cannot be opened, so runs cannot start: %1").arg(m_historyError);
        m_elapsedLabel->clear();
        m_queue->clear();
    } else {
        state = m_workspace.isEmpty() ? tr("Open a workspace (Ctrl+O)")
                                      : tr("Ready: no runs yet. Run the pipeline with Ctrl+R.");
        m_elapsedLabel->clear();
        m_queue->clear();
    }
    m_runState->setText(state);
    m_runState->setToolTip(state);
    m_tray->setState(m_live ? trayState : std::nullopt, state);
}

void MainWindow::openSettings()
{
    const QString index = m_dataDir + QStringLiteral("/secrets.json");
    SettingsDialog dialog(
        m_pipeline, [index] { return std::make_unique<SecretStore>(index); }, this);
    if (m_store)
        dialog.addHistoryPage(m_store->databasePath(), m_dataDir);
    const bool accepted = dialog.exec() == QDialog::Accepted;
    reload(); // secrets may have changed what is missing
    if (accepted)
        pruneHistory();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (m_closing) {
        // Quitting already: the window closes once the run has ended (finished()).
        if (m_service->isRunning()) {
            event->ignore();
            return;
        }
        rememberGeometry();
        event->accept();
        return;
    }
    // Asked again about the run going when the answer comes: the one asked about may have
    // ended while the question was open (then just quit), or, rarely, another begun.
    while (m_service->isRunning()) {
        const qint64 runId = m_service->runId();
        if (!ask(tr("Quit DeployDesk"),
                 tr("Run %1 is still running. Quitting stops it first (its logs and history "
                    "are kept).")
                     .arg(runId),
                 tr("&Stop the Run and Quit"), tr("&Keep Running"), runId)) {
            event->ignore();
            return;
        }
        if (m_service->isRunning() && m_service->runId() == runId) {
            m_closing = true;
            requestCancel(tr("DeployDesk was closed by %1").arg(Paths::currentUser()));
            event->ignore(); // close once the run has ended and is recorded (finished())
            return;
        }
    }
    rememberGeometry();
    event->accept();
}

void MainWindow::rememberGeometry()
{
    QSettings().setValue(kGeometryKey, saveGeometry());
}

void MainWindow::showEvent(QShowEvent *event)
{
    QMainWindow::showEvent(event);
    if (!m_fittedToScreen && !event->spontaneous()) {
        m_fittedToScreen = true;
        fitToScreen();
    }
}

void MainWindow::changeEvent(QEvent *event)
{
    QMainWindow::changeEvent(event);
    // Another theme: the Run and Cancel icons in its green and red.
    if (event->type() == QEvent::PaletteChange && m_runAction) {
        m_runAction->setIcon(runIcon(palette()));
        m_cancelAction->setIcon(stopIcon(palette()));
    }
}

void MainWindow::fitToScreen()
{
    QScreen *screen = this->screen();
    if (!screen)
        return;
    const QRect available = screen->availableGeometry();
    // The frame the window system draws around the window, once it is known; before that,
    // room for a title bar.
    QMargins frame(geometry().left() - frameGeometry().left(),
                   geometry().top() - frameGeometry().top(),
                   frameGeometry().right() - geometry().right(),
                   frameGeometry().bottom() - geometry().bottom());
    if (frame.isNull() && !testAttribute(Qt::WA_DontShowOnScreen) &&
        !QGuiApplication::platformName().startsWith(QLatin1String("offscreen")))
        frame.setTop(style()->pixelMetric(QStyle::PM_TitleBarHeight, nullptr, this));
    const QSize room(available.width() - frame.left() - frame.right(),
                     available.height() - frame.top() - frame.bottom());
    const QSize size = this->size().boundedTo(room);
    if (size != this->size())
        resize(size);
    // Moved so that the whole frame is on the screen, the top-left corner first.
    const QSize outer(size.width() + frame.left() + frame.right(),
                      size.height() + frame.top() + frame.bottom());
    QPoint topLeft = frameGeometry().topLeft();
    topLeft.setX(
        std::max(available.left(), std::min(topLeft.x(), available.right() + 1 - outer.width())));
    topLeft.setY(
        std::max(available.top(), std::min(topLeft.y(), available.bottom() + 1 - outer.height())));
    if (topLeft != frameGeometry().topLeft())
        move(topLeft);
}

void MainWindow::fitSidebar()
{
    // At least the usual width; wider when an entry needs it ("Keine Umgebung (nur
    // Prüfungen)"), but never more than a third of the window.
    // Later calls (a reload) only widen it: a sidebar the user made wider stays so.
    const int wanted = std::max(235, m_environments->preferredWidth());
    const int target = std::min(wanted, std::max(235, width() / 3));
    if (!m_sidebarFitted || m_environmentsDock->width() < target)
        resizeDocks({m_environmentsDock}, {target}, Qt::Horizontal);
    m_sidebarFitted = true;
}

} // namespace DeployDesk::Ui
