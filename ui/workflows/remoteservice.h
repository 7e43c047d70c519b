#pragma once

#include "common/serialthread.h"
#include "common/status.h"
#include "integrations/github/actionsapi.h"

#include <QJsonObject>
#include <QObject>

#include <chrono>

namespace DeployDesk::Ui {

namespace Internal {
class RemoteWorker;
}

// The Workflows tab's way to GitHub, as RunService is the panel's way to run pipelines:
// dispatching a workflow and following its run, and importing a workflow's runs, happen on
// a SerialThread of their own with a history connection, the secret store and an
// ActionsSession (conditional requests, the rate limit) of their own, as
// `deploydeskctl workflow dispatch|import` do them. The view sends requests and follows the
// signals (queued). One request at a time: a dispatch, a follow or an import.
class RemoteService final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RemoteService)

public:
    explicit RemoteService(const QString &dataDir, QObject *parent = nullptr);
    // A run being followed is left alone on GitHub; the thread stops after the request
    // going is cancelled.
    ~RemoteService() override;

    // How often a followed run is asked for (3 s by default, ten times that at most while
    // nothing changes); for tests.
    static void setPollIntervalForTesting(std::chrono::milliseconds interval);

    // The workspace's repository (GITHUB_REPOSITORY or the origin remote) and the secret
    // GITHUB_TOKEN are looked up again: configured() says what is missing.
    void setWorkspace(const QString &workspace);
    // Dispatches `workflow` (its file name) on `ref` with `inputs` (strings, as GitHub
    // wants them), then follows the run it made into the history: dispatched(),
    // remoteRunChanged() and jobChanged() as it goes, then followed() or failed().
    void dispatch(const QString &workflow, const QString &ref, const QJsonObject &inputs);
    // Imports the recent runs of `workflow` (file name) into the history: imported() or
    // failed().
    void importRuns(const QString &workflow);
    // Stops following the run (it goes on on GitHub): followed() is not emitted.
    void stopFollowing();

    // For a run of the history that ran on GitHub (`runId`), as `deploydeskctl workflow
    // cancel|rerun|follow` do: cancel it on GitHub (recorded with the run), re-run its failed
    // jobs (then follow the new attempt), or follow it (its missing logs fetched).
    // actionDone(), then the follow's signals, or failed().
    void cancelRun(qint64 runId);
    void rerunFailedJobs(qint64 runId);
    void followRun(qint64 runId);
    // The protected GitHub environments `runId` waits for: pendingDeploymentsFound().
    void findPendingDeployments(qint64 runId);
    // Approves or rejects them on GitHub, recorded with the run as an approval in the panel
    // is (who, why); an approved run is followed. actionDone() or failed().
    void reviewDeployments(qint64 runId, const QList<qint64> &environmentIds,
                           const QStringList &environments, bool approve, const QString &who,
                           const QString &comment);

    // The workspace was looked at and nothing is missing.
    bool isReady() const { return m_configured && m_problem.isEmpty(); }
    bool isBusy() const { return m_busy; }
    bool isFollowing() const { return m_following; }
    QString repository() const { return m_repository; }
    // Why nothing can be asked of GitHub, and how to fix it; empty when ready.
    QString problem() const { return m_problem; }
    GitHub::RateLimit rateLimit() const { return m_rateLimit; }

signals:
    // The workspace was looked at (setWorkspace()): `repository` is owner/name (empty when
    // there is none), `problem` what is missing and how to fix it (empty when ready).
    void configured(const QString &repository, const QString &problem);
    void busyChanged(bool busy);
    // A line for the view's status: what is being done.
    void progress(const QString &text);
    void dispatched(qint64 remoteRunId, const QString &url);
    // The followed run changed: the history's run `runId`, its state in DeployDesk's words.
    void remoteRunChanged(qint64 runId, DeployDesk::RunStatus status, const QString &url);
    void jobChanged(const QString &job, DeployDesk::StageStatus status);
    // The followed run completed (its jobs' logs stored).
    void followed(qint64 runId, DeployDesk::RunStatus status, const QString &url);
    void imported(int added, int updated, int unchanged);
    // A cancel, re-run or review was accepted by GitHub: what was done, for the status line.
    void actionDone(const QString &message);
    // What run `runId` waits for: environments (with their ids, the ones this token may
    // review) and the jobs waiting; empty when it waits for nothing.
    void pendingDeploymentsFound(qint64 runId, const QStringList &environments,
                                 const QList<qint64> &environmentIds,
                                 const QStringList &waitingJobs);
    // A request failed: `message` is GitHub's (or why it could not be sent).
    void failed(const QString &message);
    void rateLimitChanged(const DeployDesk::GitHub::RateLimit &limit);

private:
    void setBusy(bool busy, bool following);

    SerialThread m_thread;
    Internal::RemoteWorker *m_worker = nullptr; // lives on m_thread
    QString m_workspace;
    QString m_repository;
    QString m_problem;
    bool m_configured = false; // configured() came for the workspace
    bool m_busy = false;
    bool m_following = false;
    GitHub::RateLimit m_rateLimit;
};

} // namespace DeployDesk::Ui
