// The Workflows tab's runs: Run Locally (through RunService, with the inputs dialog for
// workflow_dispatch) and the GitHub side, Dispatch… (the inputs dialog, then the dispatch
// and the run followed), Import Runs, Stop Following, and what RemoteService reports.
#include "ui/workflows/workflowsview.h"

#include "ui/approvaldialog.h"
#include "ui/common/statusstyle.h"
#include "ui/historymodel.h"
#include "ui/runservice.h"
#include "ui/workflows/dispatchdialog.h"
#include "ui/workflows/remoteservice.h"
#include "ui/workflows/workflowapprovaldialog.h"

#include <QFileInfo>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>

namespace DeployDesk::Ui {

void WorkflowsView::setRunService(RunService *service)
{
    if (m_service)
        m_service->disconnect(this);
    m_service = service;
    if (m_service) {
        connect(m_service, &RunService::started, this,
                [this](const RunRecord &run, const QList<StageRecord> &) { runStarted(run); });
        connect(m_service, &RunService::workflowStartFailed, this, [this](const QString &message) {
            if (!m_localPending)
                return;
            m_localPending = false;
            setLocalStatus(tr("Cannot run it here: %1").arg(message), true);
            updateButtons();
        });
        connect(m_service, &RunService::workflowApprovalNeeded, this,
                [this](const QString &path, const QString &event,
                       const QMap<QString, QString> &inputs,
                       const QMap<QString, QStringList> &jobs) {
                    if (!m_localPending)
                        return;
                    m_localPending = false;
                    askApprovals(path, event, inputs, jobs, {});
                    updateButtons();
                });
        connect(m_service, &RunService::startFailed, this, [this] { updateButtons(); });
        connect(m_service, &RunService::finished, this, &WorkflowsView::runFinished);
    }
    updateButtons();
}

void WorkflowsView::runLocally()
{
    const Internal::WorkflowFile *f = currentFile();
    if (!f || !f->ok() || !m_service)
        return;
    if (m_service->isRunning() || m_service->isStarting() || m_localPending) {
        setLocalStatus(tr("A run is going: wait for it to end (or cancel it) first"), true);
        return;
    }
    const QString event = currentEvent();
    if (event == u"workflow_dispatch" && !f->workflow.on.dispatchInputs.isEmpty()) {
        auto *dialog =
            new DispatchDialog(f->workflow, DispatchDialog::Purpose::RunLocally, QString(), this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->setWindowModality(Qt::WindowModal);
        connect(dialog, &QDialog::accepted, this,
                [this, dialog, path = f->path, name = f->name, event] {
                    startLocal(path, name, event, dialog->values());
                });
        dialog->open();
        emit dispatchDialogShown(dialog);
        return;
    }
    startLocal(f->path, f->name, event, {});
}

void WorkflowsView::startLocal(const QString &path, const QString &name, const QString &event,
                               const QMap<QString, QString> &inputs,
                               const QList<WorkflowApproval> &approvals)
{
    if (!m_service || m_service->isRunning() || m_service->isStarting() || m_localPending)
        return;
    m_localPending = true;
    setLocalStatus(tr("Starting %1 here for %2…").arg(name, event));
    m_service->startWorkflow(m_workspace, path, event, inputs, approvals);
    updateButtons();
}

void WorkflowsView::askApprovals(const QString &path, const QString &event,
                                 const QMap<QString, QString> &inputs,
                                 QMap<QString, QStringList> jobs, QList<WorkflowApproval> approvals)
{
    QString name = QFileInfo(path).fileName();
    for (const Internal::WorkflowFile &f : std::as_const(m_workflows)) {
        if (f.path == path)
            name = f.name;
    }
    if (jobs.isEmpty()) {
        startLocal(path, name, event, inputs, approvals);
        return;
    }
    const QString environment = jobs.firstKey();
    const QStringList deploying = jobs.take(environment);
    setLocalStatus(tr("%1 deploys to %2, which deploydesk.yml protects: waiting for your approval")
                       .arg(name, environment));
    auto *dialog = new WorkflowApprovalDialog(name, environment, deploying, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowModality(Qt::WindowModal);
    connect(dialog, &QDialog::accepted, this,
            [this, dialog, path, event, inputs, jobs, approvals]() mutable {
                approvals.append({dialog->environment(), dialog->approver(), dialog->reason()});
                askApprovals(path, event, inputs, jobs, approvals);
            });
    connect(dialog, &QDialog::rejected, this, [this, name, environment] {
        setLocalStatus(
            tr("Nothing run: %1 was not approved to deploy to %2").arg(name, environment));
    });
    dialog->open();
    emit approvalDialogShown(dialog);
}

void WorkflowsView::runStarted(const RunRecord &run)
{
    if (m_localPending) {
        m_localPending = false;
        m_localRunId = run.id;
        setLocalStatus(tr("Run %1 of %2 started here: the Pipeline and Logs tabs follow it")
                           .arg(run.id)
                           .arg(run.pipeline));
    }
    if (currentFile() && run.pipeline == currentFile()->name)
        refreshRuns();
    updateButtons();
}

void WorkflowsView::runFinished(const RunRecord &run)
{
    if (run.id == m_localRunId)
        setLocalStatus(
            tr("Run %1 of %2 ended: %3").arg(run.id).arg(run.pipeline, statusText(run.status)),
            run.status == RunStatus::Failed);
    if (currentFile() && run.pipeline == currentFile()->name)
        refreshRuns();
    updateButtons();
}

void WorkflowsView::openDispatchDialog()
{
    const Internal::WorkflowFile *f = currentFile();
    if (!f || !f->ok() || !m_remote || !m_remote->isReady() || m_remote->isBusy())
        return;
    auto *dialog =
        new DispatchDialog(f->workflow, DispatchDialog::Purpose::Dispatch, m_branch, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowModality(Qt::WindowModal);
    connect(dialog, &QDialog::accepted, this,
            [this, dialog, fileName = QFileInfo(f->path).fileName(), name = f->name] {
                dispatchNow(fileName, name, dialog->ref(), dialog->inputs());
            });
    dialog->open();
    emit dispatchDialogShown(dialog);
}

void WorkflowsView::dispatchNow(const QString &fileName, const QString &name, const QString &ref,
                                const QJsonObject &inputs)
{
    if (!m_remote || !m_remote->isReady() || m_remote->isBusy())
        return;
    m_remoteWorkflow = name;
    m_remoteRunId = 0;
    m_remote->dispatch(fileName, ref, inputs);
    updateButtons();
}

void WorkflowsView::importRuns()
{
    const Internal::WorkflowFile *f = currentFile();
    if (!f || !m_remote || !m_remote->isReady() || m_remote->isBusy())
        return;
    m_remoteWorkflow = f->name;
    m_remote->importRuns(QFileInfo(f->path).fileName());
    updateButtons();
}

void WorkflowsView::stopFollowing()
{
    if (!m_remote || !m_remote->isFollowing())
        return;
    m_remote->stopFollowing();
    setRemoteStatus(tr("Stopped following run %1 here; it goes on on GitHub").arg(m_remoteRunId));
}

void WorkflowsView::connectRemote()
{
    RemoteService *r = m_remote.get();
    connect(r, &RemoteService::configured, this, &WorkflowsView::configured);
    connect(r, &RemoteService::busyChanged, this, &WorkflowsView::updateButtons);
    connect(r, &RemoteService::progress, this,
            [this](const QString &text) { setRemoteStatus(text); });
    connect(r, &RemoteService::dispatched, this, [this](qint64 remoteId, const QString &url) {
        setRemoteStatus(tr("Dispatched %1: GitHub run %2 (%3); following it…")
                            .arg(m_remoteWorkflow)
                            .arg(remoteId)
                            .arg(url));
    });
    connect(r, &RemoteService::remoteRunChanged, this,
            [this](qint64 runId, RunStatus status, const QString &url) {
                const bool first = m_remoteRunId != runId;
                m_remoteRunId = runId;
                setRemoteStatus(
                    tr("Run %1 on GitHub: %2 (%3)").arg(runId).arg(statusText(status), url));
                refreshRuns();
                if (first)
                    emit historyChanged();
            });
    connect(r, &RemoteService::jobChanged, this, [this](const QString &job, StageStatus status) {
        setRemoteStatus(
            tr("Run %1 on GitHub: job %2 — %3").arg(m_remoteRunId).arg(job, statusText(status)));
    });
    connect(r, &RemoteService::followed, this,
            [this](qint64 runId, RunStatus status, const QString &url) {
                setRemoteStatus(
                    tr("Run %1 on GitHub ended: %2 (%3)").arg(runId).arg(statusText(status), url),
                    status == RunStatus::Failed);
                refreshRuns();
                emit historyChanged();
            });
    connect(r, &RemoteService::imported, this, [this](int added, int updated, int unchanged) {
        setRemoteStatus(tr("Imported the runs of %1 from GitHub: %2 new, %3 updated, %4 unchanged")
                            .arg(m_remoteWorkflow)
                            .arg(added)
                            .arg(updated)
                            .arg(unchanged));
        refreshRuns();
        emit historyChanged();
    });
    connect(r, &RemoteService::actionDone, this, [this](const QString &message) {
        setRemoteStatus(message);
        refreshRuns();
        emit historyChanged();
    });
    connect(r, &RemoteService::pendingDeploymentsFound, this, &WorkflowsView::reviewDeployments);
    connect(r, &RemoteService::failed, this, [this](const QString &message) {
        setRemoteStatus(tr("GitHub: %1").arg(message), true);
    });
    connect(r, &RemoteService::rateLimitChanged, this, &WorkflowsView::rateLimitChanged);
}

void WorkflowsView::cancelRemoteRun()
{
    const qint64 id = selectedRemoteRun();
    if (!id || !m_remote)
        return;
    const auto answer = QMessageBox::question(
        this, tr("Cancel on GitHub"),
        tr("Ask GitHub to cancel run %1? Its jobs stop on GitHub's runners; what they did is "
           "kept.")
            .arg(id),
        QMessageBox::Yes | QMessageBox::No, QMessageBox::No);
    if (answer == QMessageBox::Yes)
        m_remote->cancelRun(id);
}

void WorkflowsView::reviewDeployments(qint64 runId, const QStringList &environments,
                                      const QList<qint64> &ids, const QStringList &waitingJobs)
{
    if (environments.isEmpty()) {
        setRemoteStatus(tr("Run %1 waits for no deployment approval on GitHub").arg(runId));
        return;
    }
    // The panel's own approval dialog: who, why, and the environment's name typed. One
    // environment at a time (a run rarely waits for two); Review again for the next.
    ApprovalDialog dialog(environments.constFirst(), waitingJobs, runId, this);
    emit reviewDialogShown(&dialog);
    dialog.exec();
    if (dialog.decision() == ApprovalDialog::Undecided || !m_remote)
        return;
    m_remote->reviewDeployments(runId, {ids.constFirst()}, {environments.constFirst()},
                                dialog.decision() == ApprovalDialog::Approved, dialog.approver(),
                                dialog.reason());
}

void WorkflowsView::configured(const QString &repository, const QString &problem)
{
    m_gitHubText = problem.isEmpty() ? tr("GitHub repository: %1").arg(repository)
                                     : tr("Dispatch and Import need GitHub: %1").arg(problem);
    if (!problem.isEmpty())
        m_rateLimitText.clear();
    showGitHubLine();
    updateButtons();
}

void WorkflowsView::rateLimitChanged(const GitHub::RateLimit &limit)
{
    m_rateLimitText = limit.known() ? tr("GitHub API: %1").arg(limit.toString()) : QString();
    showGitHubLine();
}

void WorkflowsView::showGitHubLine()
{
    // The repository (or what is missing) and, once GitHub answered, the quota: one line
    // that wraps in a narrow window.
    m_gitHub->setText(m_rateLimitText.isEmpty()
                          ? m_gitHubText
                          : m_gitHubText + QStringLiteral(" · ") + m_rateLimitText);
    m_gitHub->setVisible(!m_gitHubText.isEmpty());
}

QString WorkflowsView::gitHubText() const
{
    return m_gitHubText;
}

QString WorkflowsView::rateLimitText() const
{
    return m_rateLimitText;
}

} // namespace DeployDesk::Ui
