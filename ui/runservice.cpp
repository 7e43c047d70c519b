#include "ui/runservice.h"

#include "common/logging.h"
#include "common/processinfo.h"
#include "secrets/secretstore.h"
#include "store/historystore.h"

#include <QCoreApplication>
#include <QMutex>
#include <QSemaphore>
#include <QSettings>

#include <memory>

namespace DeployDesk::Ui {

namespace {
// How long quitting waits for a cancelled run's stages to end (their processes get
// ProcessRunner's grace, then are killed) before it gives up and records it interrupted.
constexpr std::chrono::milliseconds kExitWait{30000};
QMutex s_hookMutex;
std::function<void()> s_historyOpenHook; // guarded by s_hookMutex
} // namespace

namespace Internal {

// Lives in the service's thread: everything it owns is created and destroyed there.
class RunWorker final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RunWorker)

public:
    explicit RunWorker(QString dataDir)
        : m_dataDir(std::move(dataDir))
    {}

    void init()
    {
        std::function<void()> hook;
        {
            const QMutexLocker locker(&s_hookMutex);
            hook = s_historyOpenHook;
        }
        if (hook)
            hook();
        auto opened = HistoryStore::open(m_dataDir); // creates or migrates: may take long
        if (opened) {
            m_store = std::move(*opened);
            m_store->recoverInterrupted(
                [](qint64 pid, qint64 ticks) { return ProcessInfo::isAlive(pid, ticks); });
        } else {
            m_openError = opened.error().toString();
            qCWarning(lcEngine) << "cannot open the history:" << m_openError;
        }
        m_secrets = std::make_unique<SecretStore>(m_dataDir + QStringLiteral("/secrets.json"));
        m_controller = std::make_unique<RunController>(m_store.get(), m_secrets.get());
        connect(m_controller.get(), &RunController::stageChanged, this, &RunWorker::stageChanged);
        connect(m_controller.get(), &RunController::stageProgress, this, &RunWorker::stageProgress);
        connect(m_controller.get(), &RunController::finished, this, &RunWorker::finished);
        connect(m_controller.get(), &RunController::recordingFailed, this,
                &RunWorker::recordingFailed);
        connect(m_controller.get(), &RunController::approvalRequired, this,
                &RunWorker::approvalRequired);
        emit historyOpened(m_openError);
    }

    // Cancels a run still going and calls `ended` once it has ended and is recorded
    // (stages and run cancelled), on this thread; at once when no run is going.
    void cancelForExit(const QString &reason, std::function<void()> ended)
    {
        if (!m_controller || !m_controller->isRunning()) {
            ended();
            return;
        }
        connect(m_controller.get(), &RunController::finished, this,
                [ended = std::move(ended)] { ended(); });
        m_controller->cancel(reason);
    }

    void shutdown()
    {
        if (m_controller && m_controller->isRunning())
            m_controller->cancel(tr("DeployDesk was closed"));
        m_controller.reset(); // records a run still going (it did not end in time) as interrupted
        m_secrets.reset();
        m_store.reset();
    }

    void load(const QString &workspace, const QString &environment)
    {
        emit loaded(m_controller->load(workspace, environment));
    }

    void start(const QString &workspace, const RunRequest &request)
    {
        // Only the stages that will run need their secrets (as in deploydeskctl run).
        const auto result = loadForRun(workspace, request.environment, request.stages);
        if (!result)
            return;
        auto id = m_controller->start(result->pipeline, request);
        if (!id) {
            emit startFailed(id.error().toString(), *result);
            return;
        }
        emit started(m_controller->run(), m_controller->stageRecords(), result->pipeline);
    }

    // As `deploydeskctl workflow run` does: the file loaded, planned for the event, and
    // its jobs run here as a pipeline; jobs deploying to a protected environment only with
    // an approval, which is recorded with the run.
    void startWorkflow(const QString &workspace, const QString &path, const QString &event,
                       const QMap<QString, QString> &inputs,
                       const QList<WorkflowApproval> &approvals, int maxParallel)
    {
        if (!m_store) {
            emit workflowStartFailed(m_openError);
            return;
        }
        auto prepared = Internal::prepareWorkflowRun(workspace, path, event, inputs);
        if (!prepared) {
            emit workflowStartFailed(prepared.error().toString());
            return;
        }
        QMap<QString, QStringList> unapproved = prepared->protectedJobs;
        for (const WorkflowApproval &a : approvals)
            unapproved.remove(a.environment);
        if (!unapproved.isEmpty()) {
            emit workflowApprovalNeeded(path, event, inputs, unapproved);
            return;
        }
        RunRequest request = prepared->request;
        request.maxParallel = maxParallel;
        for (const WorkflowApproval &a : approvals) {
            if (!prepared->protectedJobs.contains(a.environment))
                continue;
            if (request.message.isEmpty())
                request.message = a.reason;
            request.approvals.append({a.environment, a.approver, a.reason});
        }
        auto id = m_controller->start(prepared->pipeline, request);
        if (!id) {
            emit workflowStartFailed(id.error().toString());
            return;
        }
        emit started(m_controller->run(), m_controller->stageRecords(), prepared->pipeline);
    }

    // The pipeline of `workspace` for `environment` (secrets checked for a run of
    // `stages`), or why not (startFailed() emitted).
    std::optional<LoadResult> loadForRun(const QString &workspace, const QString &environment,
                                         const QStringList &stages = {})
    {
        const LoadResult result = m_controller->load(workspace, environment, stages);
        if (!m_store) {
            emit startFailed(m_openError, result);
            return std::nullopt;
        }
        if (!result.ok()) {
            emit startFailed(
                tr("deploydesk.yml has %n problem(s)", nullptr, int(result.diagnostics.size())),
                result);
            return std::nullopt;
        }
        return result;
    }

    void startRollback(const QString &workspace, const RollbackRequest &request)
    {
        const auto result = loadForRun(workspace, request.environment);
        if (!result)
            return;
        auto id = m_controller->startRollback(result->pipeline, request);
        if (!id) {
            emit startFailed(id.error().toString(), *result);
            return;
        }
        emit started(m_controller->run(), m_controller->stageRecords(), result->pipeline);
    }

    void startIndexSwitch(const QString &workspace, const IndexSwitchRequest &request)
    {
        const auto result = loadForRun(workspace, request.environment);
        if (!result)
            return;
        auto id = m_controller->startIndexSwitch(result->pipeline, request);
        if (!id) {
            emit startFailed(id.error().toString(), *result);
            return;
        }
        emit started(m_controller->run(), m_controller->stageRecords(), result->pipeline);
    }

    void promote(const QString &workspace, const RunRequest &request)
    {
        const auto result = loadForRun(workspace, request.environment);
        if (!result)
            return;
        auto source = m_store->run(request.rerunOf);
        if (!source) {
            emit startFailed(source.error().toString(), *result);
            return;
        }
        if (source->status != RunStatus::Success) {
            emit startFailed(tr("run %1 is %2: only a successful run's artifacts can be promoted")
                                 .arg(request.rerunOf)
                                 .arg(toString(source->status)),
                             *result);
            return;
        }
        if (!result->pipeline.environment(request.environment)) {
            emit startFailed(
                tr("environment \"%1\" is not defined in deploydesk.yml").arg(request.environment),
                *result);
            return;
        }
        auto id = m_controller->start(result->pipeline, request);
        if (!id) {
            emit startFailed(id.error().toString(), *result);
            return;
        }
        emit started(m_controller->run(), m_controller->stageRecords(), result->pipeline);
    }

    void cancel(const QString &reason) { m_controller->cancel(reason); }
    void approve(const QString &who, const QString &reason) { m_controller->approve(who, reason); }
    void refuse(const QString &who, const QString &reason) { m_controller->refuse(who, reason); }

signals:
    void historyOpened(const QString &error);
    void loaded(const DeployDesk::LoadResult &result);
    void started(const DeployDesk::RunRecord &run, const QList<DeployDesk::StageRecord> &stages,
                 const DeployDesk::Pipeline &pipeline);
    void startFailed(const QString &message, const DeployDesk::LoadResult &result);
    void workflowStartFailed(const QString &message);
    void workflowApprovalNeeded(const QString &workflowPath, const QString &event,
                                const QMap<QString, QString> &inputs,
                                const QMap<QString, QStringList> &jobs);
    void stageChanged(const DeployDesk::StageRecord &stage);
    void stageProgress(const QString &stage, qint64 done, qint64 total, qint64 billed);
    void approvalRequired(const QString &environment, const QStringList &stages);
    void finished(const DeployDesk::RunRecord &run);
    void recordingFailed(const DeployDesk::Error &error);

private:
    QString m_dataDir;
    QString m_openError;
    std::unique_ptr<HistoryStore> m_store;
    std::unique_ptr<SecretStore> m_secrets;
    std::unique_ptr<RunController> m_controller;
};

} // namespace Internal

RunService::RunService(const QString &dataDir, QObject *parent)
    : QObject(parent)
    , m_thread(QStringLiteral("DeployDesk runs"))
{
    qRegisterMetaType<DeployDesk::LoadResult>();
    qRegisterMetaType<DeployDesk::RunRecord>();
    qRegisterMetaType<DeployDesk::StageRecord>();
    qRegisterMetaType<QList<DeployDesk::StageRecord>>();
    qRegisterMetaType<DeployDesk::RunRequest>();
    qRegisterMetaType<DeployDesk::Error>();
    qRegisterMetaType<DeployDesk::Pipeline>();
    qRegisterMetaType<QMap<QString, QString>>();
    qRegisterMetaType<QMap<QString, QStringList>>();
    qRegisterMetaType<QList<DeployDesk::Ui::WorkflowApproval>>();

    // Everything the worker owns is made, used and destroyed on the service's thread.
    m_worker = new Internal::RunWorker(dataDir);
    m_worker->moveToThread(m_thread.thread());

    using W = Internal::RunWorker;
    connect(m_worker, &W::historyOpened, this, &RunService::historyOpened);
    connect(m_worker, &W::loaded, this, &RunService::loaded);
    connect(
        m_worker, &W::started, this,
        [this](const RunRecord &run, const QList<StageRecord> &stages, const Pipeline &pipeline) {
            m_starting = std::max(0, m_starting - 1);
            m_running = true;
            m_waiting = false;
            m_runId = run.id;
            m_environment = run.environment;
            m_runPipeline = pipeline;
            emit started(run, stages);
        });
    connect(m_worker, &W::startFailed, this,
            [this](const QString &message, const LoadResult &result) {
                m_starting = std::max(0, m_starting - 1);
                emit startFailed(message, result);
            });
    connect(m_worker, &W::workflowStartFailed, this, [this](const QString &message) {
        m_starting = std::max(0, m_starting - 1);
        emit workflowStartFailed(message);
    });
    connect(m_worker, &W::workflowApprovalNeeded, this,
            [this](const QString &path, const QString &event, const QMap<QString, QString> &inputs,
                   const QMap<QString, QStringList> &jobs) {
                m_starting = std::max(0, m_starting - 1);
                emit workflowApprovalNeeded(path, event, inputs, jobs);
            });
    connect(m_worker, &W::recordingFailed, this, &RunService::recordingFailed);
    connect(m_worker, &W::stageChanged, this, &RunService::stageChanged);
    connect(m_worker, &W::stageProgress, this, &RunService::stageProgress);
    connect(m_worker, &W::approvalRequired, this,
            [this](const QString &environment, const QStringList &stages) {
                m_waiting = true;
                emit approvalRequired(environment, stages);
            });
    connect(m_worker, &W::finished, this, [this](const RunRecord &run) {
        m_running = false;
        m_waiting = false;
        emit finished(run);
    });
    m_thread.post([w = m_worker] { w->init(); }); // first: every request comes after it
}

RunService::~RunService()
{
    // A run still going is cancelled and waited for (its processes get their grace to end),
    // so the history records it cancelled, stage by stage, before the thread goes. The
    // worker's thread runs its own event loop meanwhile; only a run that does not end in
    // time is left to shutdown(), which records it interrupted.
    auto ended = std::make_shared<QSemaphore>();
    m_thread.post([w = m_worker, ended, reason = tr("DeployDesk was closed")] {
        w->cancelForExit(reason, [ended] { ended->release(); });
    });
    if (!ended->tryAcquire(1, int(kExitWait.count())))
        qCWarning(lcEngine) << "the run did not end in time at exit: recorded as interrupted";
    // After the requests already posted; then the thread ends.
    m_thread.post([w = m_worker] {
        w->shutdown();
        delete w;
    });
    m_thread.stop(SerialThread::PendingWork::Run);
}

void RunService::setHistoryOpenHookForTesting(std::function<void()> hook)
{
    const QMutexLocker locker(&s_hookMutex);
    s_historyOpenHook = std::move(hook);
}

void RunService::load(const QString &workspace, const QString &environment)
{
    m_thread.post([w = m_worker, workspace, environment] { w->load(workspace, environment); });
}

void RunService::start(const QString &workspace, const RunRequest &request)
{
    ++m_starting;
    m_thread.post([w = m_worker, workspace, request] { w->start(workspace, request); });
}

void RunService::startRollback(const QString &workspace, const RollbackRequest &request)
{
    ++m_starting;
    m_thread.post([w = m_worker, workspace, request] { w->startRollback(workspace, request); });
}

void RunService::startIndexSwitch(const QString &workspace, const IndexSwitchRequest &request)
{
    m_thread.post([w = m_worker, workspace, request] { w->startIndexSwitch(workspace, request); });
}

void RunService::promote(const QString &workspace, qint64 runId, const QString &environment,
                         const QString &message)
{
    RunRequest request;
    request.environment = environment;
    request.rerunOf = runId;
    request.promote = true;
    request.message =
        message.isEmpty() ? tr("promote run %1 to %2").arg(runId).arg(environment) : message;
    ++m_starting;
    m_thread.post([w = m_worker, workspace, request] { w->promote(workspace, request); });
}

void RunService::startWorkflow(const QString &workspace, const QString &workflowPath,
                               const QString &event, const QMap<QString, QString> &inputs,
                               const QList<WorkflowApproval> &approvals)
{
    // The panel's setting (Settings > General), as start() gets it from the window.
    const int maxParallel = QSettings().value(QStringLiteral("run/maxParallel"), 0).toInt();
    ++m_starting;
    m_thread.post([w = m_worker, workspace, workflowPath, event, inputs, approvals, maxParallel] {
        w->startWorkflow(workspace, workflowPath, event, inputs, approvals, maxParallel);
    });
}

void RunService::cancel(const QString &reason)
{
    m_thread.post([w = m_worker, reason] { w->cancel(reason); });
}

void RunService::approve(const QString &who, const QString &reason)
{
    m_waiting = false;
    m_thread.post([w = m_worker, who, reason] { w->approve(who, reason); });
}

void RunService::refuse(const QString &who, const QString &reason)
{
    m_waiting = false;
    m_thread.post([w = m_worker, who, reason] { w->refuse(who, reason); });
}

} // namespace DeployDesk::Ui

#include "runservice.moc"
