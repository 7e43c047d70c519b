#include "ui/workflows/workflowsview.h"

#include "common/async.h"
#include "run/gitinfo.h"
#include "run/workflowrun.h"
#include "store/historystore.h"
#include "ui/common/flowlayout.h"
#include "ui/common/statusstyle.h"
#include "ui/history/historyreader.h"
#include "ui/historymodel.h"
#include "ui/runservice.h"
#include "ui/workflows/dispatchdialog.h"
#include "ui/workflows/planview.h"
#include "ui/workflows/remoteservice.h"
#include "ui/workflows/workflowfiledelegate.h"

#include <QComboBox>
#include <QDir>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QStyle>
#include <QTreeView>
#include <QVBoxLayout>

namespace DeployDesk::Ui {

namespace {
constexpr int kPathRole = Qt::UserRole + 1;

struct LoadedFiles
{
    QList<Internal::WorkflowFile> files;
    QString branch;
};

QLabel *wrappingLabel(const QString &objectName, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->hide();
    return label;
}
} // namespace

WorkflowsView::WorkflowsView(QWidget *parent)
    : QWidget(parent)
    , m_thread(QStringLiteral("DeployDesk workflows"))
{
    setObjectName(QStringLiteral("workflowsView"));

    // Left: the files.
    auto *left = new QWidget(this);
    auto *filesLabel = new QLabel(tr("&Workflows"), left);
    m_files = new QListWidget(left);
    m_files->setObjectName(QStringLiteral("workflowFiles"));
    m_files->setAccessibleName(tr("Workflow files"));
    m_files->setItemDelegate(new Internal::WorkflowFileDelegate(m_files));
    filesLabel->setBuddy(m_files);
    m_filesNote = wrappingLabel(QStringLiteral("workflowFilesNote"), left);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(filesLabel);
    leftLayout->addWidget(m_files, 1);
    leftLayout->addWidget(m_filesNote);

    // Right: the selected workflow.
    auto *content = new QWidget(this);
    m_title = new QLabel(content);
    m_title->setObjectName(QStringLiteral("workflowTitle"));
    m_title->setTextFormat(Qt::RichText);
    m_title->setWordWrap(true);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *bar = new QWidget(content);
    auto *flow = new FlowLayout(bar);
    flow->setContentsMargins(0, 0, 0, 0);
    auto *eventBox = new QWidget(bar);
    auto *eventLabel = new QLabel(tr("Eve&nt:"), eventBox);
    m_event = new QComboBox(eventBox);
    m_event->setObjectName(QStringLiteral("workflowEvent"));
    m_event->setAccessibleName(tr("Event"));
    m_event->setToolTip(tr("The event the plan and Run Locally are for"));
    eventLabel->setBuddy(m_event);
    auto *eventLayout = new QHBoxLayout(eventBox);
    eventLayout->setContentsMargins(0, 0, 0, 0);
    eventLayout->addWidget(eventLabel);
    eventLayout->addWidget(m_event);
    m_runLocally = new QPushButton(runIcon(palette()), tr("Run L&ocally"), bar);
    m_runLocally->setObjectName(QStringLiteral("runLocallyButton"));
    m_dispatch = new QPushButton(tr("&Dispatch on GitHub…"), bar);
    m_dispatch->setObjectName(QStringLiteral("dispatchButton"));
    m_import = new QPushButton(tr("&Import Runs"), bar);
    m_import->setObjectName(QStringLiteral("importButton"));
    m_import->setToolTip(tr("Record this workflow's recent runs on GitHub in the history"));
    m_stop = new QPushButton(tr("S&top Following"), bar);
    m_stop->setObjectName(QStringLiteral("stopFollowingButton"));
    m_stop->setToolTip(tr("Stop following the run here; it goes on on GitHub"));
    m_stop->hide();
    for (QWidget *w : {static_cast<QWidget *>(eventBox), static_cast<QWidget *>(m_runLocally),
                       static_cast<QWidget *>(m_dispatch), static_cast<QWidget *>(m_import),
                       static_cast<QWidget *>(m_stop)})
        flow->addWidget(w);

    m_localStatus = wrappingLabel(QStringLiteral("workflowLocalStatus"), content);
    m_remoteStatus = wrappingLabel(QStringLiteral("workflowRemoteStatus"), content);
    m_gitHub = wrappingLabel(QStringLiteral("workflowGitHub"), content);

    auto *parts = new QSplitter(Qt::Vertical, content);
    parts->setChildrenCollapsible(false);
    // The scroll area sizes the page by its height for the width, where the lists would
    // count with their preferred heights: they take what is left instead, down to their
    // minimum, so the page scrolls only when even that does not fit.
    parts->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Ignored);
    auto *planBox = new QWidget(parts);
    auto *planLabel = new QLabel(tr("Local &plan"), planBox);
    m_planSummary = wrappingLabel(QStringLiteral("workflowPlanSummary"), planBox);
    m_plan = new PlanView(planBox);
    planLabel->setBuddy(m_plan);
    auto *planLayout = new QVBoxLayout(planBox);
    planLayout->setContentsMargins(0, 0, 0, 0);
    planLayout->addWidget(planLabel);
    planLayout->addWidget(m_planSummary);
    planLayout->addWidget(m_plan, 1);
    auto *runsBox = new QWidget(parts);
    auto *runsLabel = new QLabel(tr("Re&cent runs"), runsBox);
    m_runs = new QTreeView(runsBox);
    m_runs->setObjectName(QStringLiteral("workflowRuns"));
    m_runs->setAccessibleName(tr("Recent runs of the workflow"));
    m_runs->setRootIsDecorated(false);
    m_runs->setUniformRowHeights(true);
    m_runs->setAllColumnsShowFocus(true);
    m_runsModel = new HistoryModel(std::shared_ptr<Internal::HistoryReader>(), this);
    m_runs->setModel(m_runsModel);
    m_runs->setColumnHidden(HistoryModel::Environment, true);
    m_runs->setColumnHidden(HistoryModel::Commit, true);
    m_runs->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_runs->header()->setStretchLastSection(true);
    m_runs->setToolTip(tr("Enter or a double-click opens the run's logs"));
    runsLabel->setBuddy(m_runs);
    auto *runsLayout = new QVBoxLayout(runsBox);
    runsLayout->setContentsMargins(0, 0, 0, 0);
    runsLayout->addWidget(runsLabel);
    runsLayout->addWidget(m_runs, 1);
    // What can be done with a run on GitHub's runners (enabled for one selected).
    auto *remoteBar = new QWidget(runsBox);
    auto *remoteLayout = new FlowLayout(remoteBar);
    remoteLayout->setContentsMargins(0, 0, 0, 0);
    m_followRun = new QPushButton(tr("Follow R&un"), remoteBar);
    m_followRun->setToolTip(tr("Follow the run on GitHub here, its jobs' logs fetched"));
    m_rerun = new QPushButton(tr("Re-run Failed &Jobs"), remoteBar);
    m_rerun->setToolTip(tr("Ask GitHub to run the failed jobs again, then follow the run"));
    m_cancelRemote = new QPushButton(tr("Cancel on &GitHub…"), remoteBar);
    m_cancelRemote->setToolTip(tr("Ask GitHub to cancel the run (it asks first)"));
    m_review = new QPushButton(tr("Review Deploy&ment…"), remoteBar);
    m_review->setToolTip(
        tr("Approve or reject a deployment the run waits for on a protected GitHub environment"));
    for (QPushButton *b : {m_followRun, m_rerun, m_cancelRemote, m_review})
        remoteLayout->addWidget(b);
    runsLayout->addWidget(remoteBar);
    parts->addWidget(planBox);
    parts->addWidget(runsBox);
    parts->setStretchFactor(0, 3);
    parts->setStretchFactor(1, 2);

    auto *contentLayout = new QVBoxLayout(content);
    contentLayout->setContentsMargins(0, 0, 0, 0);
    contentLayout->addWidget(m_title);
    contentLayout->addWidget(bar);
    contentLayout->addWidget(m_localStatus);
    contentLayout->addWidget(m_remoteStatus);
    contentLayout->addWidget(m_gitHub);
    contentLayout->addWidget(parts, 1);
    // A small window scrolls the right side instead of growing for it.
    auto *scroll = new QScrollArea(this);
    scroll->setWidget(content);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setFocusPolicy(Qt::NoFocus);

    m_split = new QSplitter(Qt::Horizontal, this);
    m_split->setChildrenCollapsible(false);
    m_split->addWidget(left);
    m_split->addWidget(scroll);
    m_split->setStretchFactor(0, 1);
    m_split->setStretchFactor(1, 3);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_split);

    // Keyboard: the files, then the page top to bottom.
    setFocusProxy(m_files);
    setTabOrder(m_files, m_event);
    setTabOrder(m_event, m_runLocally);
    setTabOrder(m_runLocally, m_dispatch);
    setTabOrder(m_dispatch, m_import);
    setTabOrder(m_import, m_stop);
    setTabOrder(m_stop, m_plan);
    setTabOrder(m_plan, m_runs);

    connect(m_files, &QListWidget::currentItemChanged, this, &WorkflowsView::showWorkflow);
    connect(m_event, &QComboBox::currentIndexChanged, this, [this] {
        requestPlan();
        updateButtons();
    });
    connect(m_runLocally, &QPushButton::clicked, this, &WorkflowsView::runLocally);
    connect(m_dispatch, &QPushButton::clicked, this, &WorkflowsView::openDispatchDialog);
    connect(m_import, &QPushButton::clicked, this, &WorkflowsView::importRuns);
    connect(m_stop, &QPushButton::clicked, this, &WorkflowsView::stopFollowing);
    connect(m_followRun, &QPushButton::clicked, this, [this] {
        if (const qint64 id = selectedRemoteRun(); id && m_remote)
            m_remote->followRun(id);
    });
    connect(m_rerun, &QPushButton::clicked, this, [this] {
        if (const qint64 id = selectedRemoteRun(); id && m_remote)
            m_remote->rerunFailedJobs(id);
    });
    connect(m_cancelRemote, &QPushButton::clicked, this, &WorkflowsView::cancelRemoteRun);
    connect(m_review, &QPushButton::clicked, this, [this] {
        if (const qint64 id = selectedRemoteRun(); id && m_remote)
            m_remote->findPendingDeployments(id);
    });
    connect(m_runs->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex &current) {
                if (current.isValid())
                    m_selectedRun = m_runsModel->runAt(current.row()).id;
                updateButtons();
            });
    // The runs are read again as they change: the run selected stays selected.
    connect(m_runsModel, &HistoryModel::pageLoaded, this, [this] {
        const int row = m_selectedRun ? m_runsModel->rowOfRun(m_selectedRun) : -1;
        if (row >= 0 && m_runs->currentIndex().row() != row)
            m_runs->setCurrentIndex(m_runsModel->index(row, 0));
        updateButtons();
    });
    connect(m_runs, &QTreeView::activated, this, [this](const QModelIndex &index) {
        if (const qint64 id = index.data(HistoryModel::RunIdRole).toLongLong())
            emit openLogsRequested(id, 0);
    });
    showWorkflow();
}

WorkflowsView::~WorkflowsView()
{
    // The plans and loads not started yet are dropped; their answers would find no view.
    m_thread.stop(SerialThread::PendingWork::Drop);
}

void WorkflowsView::setDataDir(const QString &dataDir)
{
    m_remote = std::make_unique<RemoteService>(dataDir);
    connectRemote();
    if (!m_workspace.isEmpty())
        m_remote->setWorkspace(m_workspace);
}

void WorkflowsView::setStore(HistoryStore *store)
{
    m_reader = store ? std::make_shared<Internal::HistoryReader>(store->dataDir()) : nullptr;
    m_runsModel->setReader(m_reader);
    refreshRuns();
}

void WorkflowsView::setWorkspace(const QString &workspace)
{
    if (workspace == m_workspace) {
        reload();
        return;
    }
    m_workspace = workspace;
    m_workflows.clear();
    m_files->clear();
    if (m_remote)
        m_remote->setWorkspace(workspace);
    loadFiles();
}

void WorkflowsView::reload()
{
    loadFiles();
    if (m_remote && !m_workspace.isEmpty())
        m_remote->setWorkspace(m_workspace); // the token may have been set meanwhile
}

void WorkflowsView::loadFiles()
{
    if (m_workspace.isEmpty())
        return;
    m_loading = true;
    if (!currentFile())
        showWorkflow(); // "Reading the workflows…"
    const quint64 generation = ++m_loadGeneration;
    runAsync(
        m_thread, this,
        [workspace = m_workspace] {
            return LoadedFiles{Internal::loadWorkflowFiles(workspace),
                               readGitInfo(workspace).branch};
        },
        [this, generation](const LoadedFiles &loaded) {
            if (generation == m_loadGeneration)
                filesArrived(loaded.files, loaded.branch);
        });
}

void WorkflowsView::filesArrived(const QList<Internal::WorkflowFile> &files, const QString &branch)
{
    m_loading = false;
    m_branch = branch;
    const QString keep = currentFile() ? currentFile()->path : QString();
    m_workflows = files;
    {
        const QSignalBlocker blocker(m_files);
        m_files->clear();
        for (const Internal::WorkflowFile &f : files) {
            // Name and path; a file that does not load: its path and first problem.
            auto *item = new QListWidgetItem(
                f.ok() ? QStringLiteral("%1\n%2").arg(f.name, f.displayPath)
                       : QStringLiteral("%1\n%2").arg(f.displayPath, f.problems.constFirst()),
                m_files);
            item->setData(kPathRole, f.path);
            item->setToolTip(f.ok() ? f.displayPath : f.problems.join(QLatin1Char('\n')));
            if (!f.ok())
                item->setIcon(statusIcon(StageStatus::Failed));
        }
    }
    m_filesNote->setText(
        files.isEmpty() ? tr("No workflows: %1 holds no .yml or .yaml file")
                              .arg(QDir::toNativeSeparators(
                                  QDir(m_workspace).filePath(QStringLiteral(".github/workflows"))))
                        : QString());
    m_filesNote->setVisible(files.isEmpty());
    int row = files.isEmpty() ? -1 : 0;
    for (int i = 0; i < files.size(); ++i) {
        if (files.at(i).path == keep)
            row = i;
    }
    {
        const QSignalBlocker blocker(m_files);
        m_files->setCurrentRow(row);
    }
    fitFileList();
    showWorkflow();
    emit filesLoaded();
}

void WorkflowsView::fitFileList()
{
    // Wide enough for the longest path (no wrapping in the middle of ".github/workflows"),
    // but never more than a third of the tab. Only once: a width the user chose stays.
    if (m_splitFitted || m_workflows.isEmpty() || m_split->width() < 300)
        return;
    int wanted = 0;
    for (const Internal::WorkflowFile &f : std::as_const(m_workflows))
        wanted = std::max({wanted, m_files->fontMetrics().horizontalAdvance(f.displayPath),
                           m_files->fontMetrics().horizontalAdvance(f.name)});
    wanted += 2 * m_files->frameWidth() +
              m_files->style()->pixelMetric(QStyle::PM_ScrollBarExtent) +
              m_files->iconSize().width() + 24;
    const int total = m_split->width() - m_split->handleWidth();
    // A narrow tab (800x600) keeps most of its width for the plan.
    const int left = std::min(wanted, total >= 800 ? total / 3 : total / 4);
    m_split->setSizes({left, total - left});
    m_splitFitted = true;
}

void WorkflowsView::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    fitFileList();
}

const Internal::WorkflowFile *WorkflowsView::currentFile() const
{
    const QListWidgetItem *item = m_files->currentItem();
    if (!item)
        return nullptr;
    const QString path = item->data(kPathRole).toString();
    for (const Internal::WorkflowFile &f : m_workflows) {
        if (f.path == path)
            return &f;
    }
    return nullptr;
}

QStringList WorkflowsView::workflowNames() const
{
    QStringList names;
    for (const Internal::WorkflowFile &f : m_workflows)
        names << f.name;
    return names;
}

bool WorkflowsView::selectWorkflow(const QString &file)
{
    for (int i = 0; i < m_files->count(); ++i) {
        const QString path = m_files->item(i)->data(kPathRole).toString();
        if (path == file || QFileInfo(path).fileName() == file) {
            m_files->setCurrentRow(i);
            return true;
        }
    }
    return false;
}

QString WorkflowsView::currentEvent() const
{
    return m_event->currentText();
}

void WorkflowsView::showWorkflow()
{
    const Internal::WorkflowFile *f = currentFile();
    {
        const QSignalBlocker blocker(m_event);
        const QString keep = m_event->currentText();
        m_event->clear();
        if (f && f->ok()) {
            const QStringList events = f->workflow.on.events.isEmpty()
                                           ? QStringList{QStringLiteral("push")}
                                           : f->workflow.on.events;
            m_event->addItems(events);
            m_event->setCurrentText(events.contains(keep) ? keep
                                                          : Internal::defaultEvent(f->workflow));
        }
    }
    if (!f) {
        m_title->setText(m_workspace.isEmpty() ? tr("Open a workspace to see its workflows.")
                         : m_loading           ? tr("Reading the workflows…")
                                               : tr("Select a workflow."));
    } else if (f->ok()) {
        m_title->setText(
            tr("<b>%1</b> — %2<br>on: %3 · %n job(s)", nullptr, int(f->workflow.jobs.size()))
                .arg(f->name.toHtmlEscaped(), f->displayPath.toHtmlEscaped(),
                     f->workflow.on.events.join(QStringLiteral(", ")).toHtmlEscaped()));
    } else {
        m_title->setText(tr("<b>%1</b> cannot be loaded: fix it and reload (F5)")
                             .arg(f->displayPath.toHtmlEscaped()));
    }
    requestPlan();
    refreshRuns();
    updateButtons();
}

void WorkflowsView::requestPlan()
{
    const quint64 generation = ++m_planGeneration;
    const Internal::WorkflowFile *f = currentFile();
    if (!f || !f->ok()) {
        m_plan->clear();
        m_planSummary->setText(f ? f->problems.join(QLatin1Char('\n')) : QString());
        m_planSummary->setVisible(f != nullptr);
        if (f)
            emit planShown();
        return;
    }
    runAsync(
        m_thread, this,
        [workflow = f->workflow, workspace = m_workspace, event = currentEvent()] {
            WorkflowPlan plan = planWorkflow(workflow, workflowPlanOptions(workspace, event));
            // Inputs are not given yet: Run Locally and Dispatch ask for them. What the plan
            // says about their absence ("give it with --input") is the command line's way.
            if (event == u"workflow_dispatch") {
                QStringList missing;
                workflowInputs(workflow, {}, missing);
                for (const QString &problem : std::as_const(missing))
                    plan.problems.removeAll(problem);
            }
            return plan;
        },
        [this, generation](const WorkflowPlan &plan) {
            if (generation == m_planGeneration)
                showPlan(plan);
        });
}

void WorkflowsView::showPlan(const WorkflowPlan &plan)
{
    m_plan->setPlan(plan);
    int here = 0;
    for (const PlannedJob &job : plan.jobs)
        here += job.runsHere && job.decision != PlannedJob::Decision::Skipped;
    QString summary =
        tr("%1 of %n job(s) would run on this machine for %2", nullptr, int(plan.jobs.size()))
            .arg(here)
            .arg(plan.event);
    if (plan.event == u"workflow_dispatch" && currentFile() &&
        !currentFile()->workflow.on.dispatchInputs.isEmpty())
        summary += QLatin1Char('\n') + tr("Run Locally and Dispatch ask for its inputs first.");
    if (!plan.problems.isEmpty())
        summary += QLatin1Char('\n') + plan.problems.join(QLatin1Char('\n'));
    m_planSummary->setText(summary);
    m_planSummary->show();
    emit planShown();
}

void WorkflowsView::refreshRuns()
{
    const Internal::WorkflowFile *f = currentFile();
    // No workflow, no runs (an empty pipeline filter would list every run).
    m_runsModel->setReader(f ? m_reader : nullptr);
    RunFilter filter;
    filter.workspace = m_workspace;
    // A workflow's runs carry its name: local ones Workflow::displayName(), remote ones the
    // name GitHub gives the run's workflow (the same).
    filter.pipeline = f ? f->name : QString();
    m_runsModel->setFilter(filter);
}

void WorkflowsView::setLocalStatus(const QString &text, bool error)
{
    m_localStatus->setText(text);
    m_localStatus->setStyleSheet(error ? QStringLiteral("QLabel { color: %1; }")
                                             .arg(statusColour(RunStatus::Failed, palette()).name())
                                       : QString());
    m_localStatus->setVisible(!text.isEmpty());
}

void WorkflowsView::setRemoteStatus(const QString &text, bool error)
{
    m_remoteStatus->setText(text);
    m_remoteStatus->setStyleSheet(error
                                      ? QStringLiteral("QLabel { color: %1; }")
                                            .arg(statusColour(RunStatus::Failed, palette()).name())
                                      : QString());
    m_remoteStatus->setVisible(!text.isEmpty());
}

QString WorkflowsView::localStatusText() const
{
    return m_localStatus->text();
}

QString WorkflowsView::remoteStatusText() const
{
    return m_remoteStatus->text();
}

void WorkflowsView::updateButtons()
{
    const Internal::WorkflowFile *f = currentFile();
    const bool ok = f && f->ok();
    const bool running =
        m_service && (m_service->isRunning() || m_service->isStarting() || m_localPending);
    m_runLocally->setEnabled(ok && m_service && !running);
    m_runLocally->setToolTip(
        running ? tr("A run is going: wait for it to end (or cancel it) first")
                : tr("Run the jobs that can run here, as `deploydeskctl workflow run` does"));

    const bool dispatchable = ok && f->workflow.on.has(QStringLiteral("workflow_dispatch"));
    const bool ready = m_remote && m_remote->isReady();
    const bool remoteBusy = m_remote && m_remote->isBusy();
    m_dispatch->setEnabled(dispatchable && ready && !remoteBusy);
    m_dispatch->setToolTip(
        ok && !dispatchable
            ? tr("%1 has no workflow_dispatch trigger: GitHub would refuse to dispatch it")
                  .arg(f->displayPath)
        : !ready ? (m_remote ? m_remote->problem() : QString())
                 : tr("Ask for its inputs, run it on GitHub and follow the run here"));
    m_import->setEnabled(f && ready && !remoteBusy);
    m_stop->setVisible(m_remote && m_remote->isFollowing());
    const bool remoteRun = selectedRemoteRun() != 0 && ready && !remoteBusy;
    for (QPushButton *b : {m_followRun, m_rerun, m_cancelRemote, m_review})
        b->setEnabled(remoteRun);
}

qint64 WorkflowsView::selectedRemoteRun() const
{
    const QModelIndex current = m_runs->currentIndex();
    if (!current.isValid())
        return 0;
    const RunRecord run = m_runsModel->runAt(current.row());
    return run.remote ? run.id : 0;
}

} // namespace DeployDesk::Ui
