#include "mainwindow.h"

#include "historymodel.h"

#include "common/duration.h"
#include "common/paths.h"
#include "common/processinfo.h"
#include "run/runcontroller.h"
#include "secrets/secretstore.h"
#include "store/historystore.h"

#include <QAction>
#include <QHeaderView>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QStatusBar>
#include <QToolBar>
#include <QTreeView>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace DeployDesk::Ui {

namespace {
QColor colourOf(StageStatus s)
{
    switch (s) {
    case StageStatus::Success:
        return QColor(0x2e, 0x7d, 0x32);
    case StageStatus::Failed:
        return QColor(0xc6, 0x28, 0x28);
    case StageStatus::Running:
        return QColor(0x15, 0x65, 0xc0);
    case StageStatus::Cancelled:
    case StageStatus::Interrupted:
        return QColor(0xef, 0x6c, 0x00);
    default:
        return QColor(0x75, 0x75, 0x75);
    }
}
} // namespace

MainWindow::MainWindow(const QString &workspace, QWidget *parent)
    : QMainWindow(parent)
    , m_workspace(workspace)
{
    setWindowTitle(tr("DeployDesk — %1").arg(workspace));
    resize(960, 640);

    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    auto *splitter = new QSplitter(Qt::Vertical, central);
    m_stages = new QTreeWidget(splitter);
    m_stages->setHeaderLabels({tr("Stage"), tr("Needs"), tr("Status"), tr("Duration"), tr("Note")});
    m_stages->setRootIsDecorated(false);
    m_stages->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_problems = new QPlainTextEdit(splitter);
    m_problems->setReadOnly(true);
    m_problems->setPlaceholderText(tr("No problems in deploydesk.yml"));
    m_history = new QTreeView(splitter);
    m_history->setRootIsDecorated(false);
    m_history->setUniformRowHeights(true); // lets the view fetch pages lazily
    m_history->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    layout->addWidget(splitter);
    setCentralWidget(central);

    auto *toolbar = addToolBar(tr("Run"));
    toolbar->setObjectName(QStringLiteral("runToolbar"));
    m_run = new QPushButton(tr("&Run pipeline"), this);
    m_run->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));
    m_cancel = new QPushButton(tr("&Cancel"), this);
    m_cancel->setEnabled(false);
    toolbar->addWidget(m_run);
    toolbar->addWidget(m_cancel);
    connect(m_run, &QPushButton::clicked, this, &MainWindow::runPipeline);
    connect(m_cancel, &QPushButton::clicked, this, &MainWindow::cancelRun);

    auto *fileMenu = menuBar()->addMenu(tr("&File"));
    fileMenu->addAction(tr("&Reload pipeline"), QKeySequence::Refresh, this, &MainWindow::reload);
    fileMenu->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);

    m_status = new QLabel(this);
    statusBar()->addWidget(m_status);

    auto opened = HistoryStore::open(Paths::dataDir());
    if (!opened) {
        m_problems->setPlainText(opened.error().toString());
        m_run->setEnabled(false);
    } else {
        m_store = std::move(*opened);
        m_store->recoverInterrupted(
            [](qint64 pid, qint64 ticks) { return ProcessInfo::isAlive(pid, ticks); });
    }
    m_secrets = std::make_unique<SecretStore>(Paths::dataDir() + QStringLiteral("/secrets.json"));
    m_controller = std::make_unique<RunController>(m_store.get(), m_secrets.get());
    m_historyModel = new HistoryModel(m_store.get(), this);
    m_history->setModel(m_historyModel);
    connect(m_controller.get(), &RunController::stageChanged, this, &MainWindow::stageChanged);
    connect(m_controller.get(), &RunController::finished, this, &MainWindow::runFinished);
    reload();
    refreshHistory();
}

MainWindow::~MainWindow() = default;

void MainWindow::reload()
{
    const LoadResult loaded = m_controller->load(m_workspace);
    m_stages->clear();
    for (const Stage &s : loaded.pipeline.stages) {
        auto *item = new QTreeWidgetItem(
            m_stages, {s.name, s.needs.join(QStringLiteral(", ")), toString(StageStatus::Pending)});
        item->setData(0, Qt::UserRole, s.name);
    }
    QStringList problems;
    for (const Diagnostic &d : loaded.diagnostics)
        problems << d.toString();
    m_problems->setPlainText(problems.join(QLatin1Char('\n')));
    m_problems->setVisible(!problems.isEmpty());
    m_run->setEnabled(loaded.ok() && m_store && !m_controller->isRunning());
    m_status->setText(loaded.ok() ? tr("Pipeline \"%1\": %2 stages")
                                        .arg(loaded.pipeline.name)
                                        .arg(loaded.pipeline.stages.size())
                                  : tr("%1 problems in deploydesk.yml").arg(problems.size()));
}

void MainWindow::refreshHistory()
{
    RunFilter filter;
    filter.workspace = m_workspace;
    m_historyModel->setFilter(filter);
}

void MainWindow::runPipeline()
{
    const LoadResult loaded = m_controller->load(m_workspace);
    if (!loaded.ok()) {
        reload();
        return;
    }
    auto started = m_controller->start(loaded.pipeline, RunRequest{});
    if (!started) {
        QMessageBox::warning(this, tr("Cannot run"), started.error().toString());
        return;
    }
    m_run->setEnabled(false);
    m_cancel->setEnabled(true);
    m_status->setText(tr("Run %1 in progress").arg(*started));
}

void MainWindow::cancelRun()
{
    if (QMessageBox::question(
            this, tr("Cancel run"),
            tr("Cancel run %1? Running stages are stopped.").arg(m_controller->runId())) ==
        QMessageBox::Yes)
        m_controller->cancel(tr("cancelled from the panel"));
}

void MainWindow::stageChanged(const StageRecord &stage)
{
    for (int i = 0; i < m_stages->topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = m_stages->topLevelItem(i);
        if (item->data(0, Qt::UserRole).toString() != stage.name)
            continue;
        item->setText(2, toString(stage.status));
        item->setForeground(2, colourOf(stage.status));
        const qint64 ms = stage.durationMs();
        item->setText(3, ms < 0 ? QString() : formatDuration(std::chrono::milliseconds(ms)));
        item->setText(4, stage.reason);
    }
}

void MainWindow::runFinished(const RunRecord &run)
{
    m_run->setEnabled(true);
    m_cancel->setEnabled(false);
    m_status->setText(tr("Run %1: %2").arg(run.id).arg(toString(run.status)));
    refreshHistory();
}

} // namespace DeployDesk::Ui
