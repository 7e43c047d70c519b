// The main window's part in releases: rollbacks planned in the Environments tab and
// promotions asked for in the History tab, both run by the run service.
#include "ui/mainwindow.h"

#include "run/runcontroller.h"
#include "ui/environments/environmentsview.h"
#include "ui/runservice.h"

#include <QDir>
#include <QLabel>
#include <QMessageBox>

namespace DeployDesk::Ui {

void MainWindow::rollback(const RollbackRequest &request)
{
    if (m_workspace.isEmpty())
        return;
    // The plan's dialog may have been open while a run started: roll back nothing then.
    if (refuseWhileRunning()) {
        QMessageBox::information(this, tr("A run is in progress"),
                                 tr("Run %1 is still running. Wait for it to end or cancel it, "
                                    "then roll back.")
                                     .arg(m_service->runId()));
        return;
    }
    m_runAction->setEnabled(false);
    m_runState->setText(
        tr("Rolling %1 back to release %2…").arg(request.environment).arg(request.releaseId));
    m_service->startRollback(m_workspace, request);
}

void MainWindow::promote(qint64 runId, const QString &environment)
{
    if (m_workspace.isEmpty() || refuseWhileRunning())
        return;
    const Environment *env = m_pipeline.environment(environment);
    if (!env)
        return;
    const QString question =
        env->isProtected
            ? tr("Deploy the stored artifacts of run %1 to %2, without rebuilding? %2 is "
                 "protected: the deploy stages will wait for approval.")
                  .arg(runId)
                  .arg(environment)
            : tr("Deploy the stored artifacts of run %1 to %2, without rebuilding?")
                  .arg(runId)
                  .arg(environment);
    if (!ask(tr("Promote"), question, tr("&Promote to %1").arg(environment)))
        return;
    // Re-checked: a run may have started, or deploydesk.yml lost the environment, while the
    // question was open.
    if (refuseWhileRunning())
        return;
    if (!m_pipeline.environment(environment)) {
        m_runState->setText(
            tr("Nothing promoted: %1 is no longer in deploydesk.yml").arg(environment));
        return;
    }
    m_runAction->setEnabled(false);
    m_runState->setText(tr("Promoting run %1 to %2…").arg(runId).arg(environment));
    m_service->promote(m_workspace, runId, environment);
}

} // namespace DeployDesk::Ui
