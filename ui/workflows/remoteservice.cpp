#include "ui/workflows/remoteservice.h"

#include "common/logging.h"
#include "common/paths.h"
#include "integrations/github/deploymentreporter.h"
#include "integrations/github/remoteruns.h"
#include "net/platform.h"
#include "secrets/secretstore.h"
#include "store/historystore.h"

#include <QAtomicInteger>
#include <QCoreApplication>
#include <QPointer>
#include <QProcessEnvironment>

#include <memory>

namespace DeployDesk::Ui {

using namespace GitHub;

namespace {
// The runs an import reads at most (ten pages of GitHub's list, as deploydeskctl workflow
// import) and how many of them get their jobs; an import is incremental, so the next one
// reads only what is new.
constexpr int kImportRuns = 1000;
constexpr int kImportJobsFor = 50;
QAtomicInteger<qint64> s_pollMs = 3000;
} // namespace

namespace Internal {

// Lives on the service's thread: the history connection, the secret store, the session and
// the job going are made, used and destroyed there.
class RemoteWorker final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RemoteWorker)

public:
    explicit RemoteWorker(QString dataDir)
        : m_dataDir(std::move(dataDir))
    {}

    void shutdown()
    {
        stopJob();
        // The jobs (and their calls) before the session and the history they use.
        qDeleteAll(findChildren<Job *>(Qt::FindDirectChildrenOnly));
        m_session.reset();
        m_secrets.reset();
        m_store.reset();
    }

    void setWorkspace(const QString &workspace)
    {
        const bool sameWorkspace = workspace == m_workspace;
        m_workspace = workspace;
        const QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        const auto place = locateGitHub(workspace, env);
        const QString owner = place ? place->owner : QString();
        const QString name = place ? place->repository : QString();
        QString problem;
        QByteArray token;
        std::optional<QUrl> base;
        if (!place) {
            problem = place.error().toString();
        } else if (owner.isEmpty()) {
            // As deploydeskctl says it, with the panel's ways to name one.
            problem = tr("no GitHub repository: the workspace %1 has no GitHub remote named "
                         "origin; add one (git remote add origin "
                         "https://github.com/OWNER/NAME.git) or name it with \"github: "
                         "repository: owner/name\" in deploydesk.yml")
                          .arg(workspace);
        } else {
            if (!m_secrets)
                m_secrets =
                    std::make_unique<SecretStore>(m_dataDir + QStringLiteral("/secrets.json"));
            const auto value = m_secrets->value(QStringLiteral("GITHUB_TOKEN"));
            if (!value || value->isEmpty()) {
                problem = tr("the secret GITHUB_TOKEN is not set: set a GitHub token with the "
                             "actions scope with `deploydeskctl secrets set GITHUB_TOKEN`");
            } else {
                token = value->toUtf8();
                base = place->apiUrl;
            }
        }
        const Repository repository{owner, name};
        const bool same = m_session && base && sameWorkspace &&
                          m_session->api().repository().fullName() == repository.fullName() &&
                          m_session->api().http().baseUrl() == *base && m_token == token;
        if (!same) {
            // Another repository, server or token: what was going is for the old one.
            stopJob();
            m_session.reset();
            m_token = token;
            if (problem.isEmpty()) {
                m_session = std::make_unique<ActionsSession>(ActionsApi(repository, *base, token));
                connect(m_session.get(), &ActionsSession::rateLimitChanged, this,
                        &RemoteWorker::rateLimitChanged);
            }
        }
        m_problem = problem;
        emit configured(owner.isEmpty() ? QString() : repository.fullName(), problem);
    }

    void dispatch(const QString &workflow, const QString &ref, const QJsonObject &inputs)
    {
        if (!canStart())
            return;
        auto *job = new DispatchJob(m_session.get(), workflow, ref, inputs, this);
        m_job = job;
        emit busy(true, false);
        emit progress(tr("Dispatching %1 on %2…").arg(workflow, ref));
        connect(job, &Job::logLine, this, &RemoteWorker::progress);
        connect(job, &Job::result, this, [this, job, workflow, ref] {
            job->deleteLater();
            m_job = nullptr;
            if (job->outcome() == Job::Outcome::Cancelled) {
                emit busy(false, false);
                return;
            }
            if (job->outcome() == Job::Outcome::Failed) {
                emit failed(job->errorText());
                emit busy(false, false);
                return;
            }
            emit dispatched(job->remoteRunId(), job->htmlUrl());
            follow(job->remoteRunId());
        });
        job->start();
    }

    void importRuns(const QString &workflow)
    {
        if (!canStart())
            return;
        HistoryStore *history = store();
        if (!history) {
            emit busy(false, false);
            return;
        }
        ImportOptions options;
        options.workspace = m_workspace;
        options.workflow = workflow;
        options.maxRuns = kImportRuns;
        options.jobsFor = kImportJobsFor;
        auto *job = new RemoteImportJob(m_session.get(), history, options, this);
        m_job = job;
        emit busy(true, false);
        emit progress(tr("Importing the runs of %1 from GitHub…").arg(workflow));
        connect(job, &Job::logLine, this, &RemoteWorker::progress);
        connect(job, &Job::progress, this, [this, workflow](qint64 read, qint64 total, qint64) {
            emit progress(tr("Importing the runs of %1 from GitHub: %2 of %3 read…")
                              .arg(workflow)
                              .arg(read)
                              .arg(total));
        });
        connect(job, &Job::result, this, [this, job] {
            job->deleteLater();
            m_job = nullptr;
            const RemoteImportResult &t = job->totals();
            if (job->outcome() == Job::Outcome::Failed)
                emit failed(job->errorText());
            else if (job->outcome() == Job::Outcome::Success)
                emit imported(t.added, t.updated, t.unchanged);
            emit busy(false, false);
        });
        job->start();
    }

    void stopFollowing()
    {
        if (qobject_cast<RemoteFollowJob *>(m_job.data()))
            stopJob();
    }

    enum class Action { Cancel, Rerun, Follow };

    void act(qint64 runId, Action action)
    {
        const std::optional<RemoteRunLink> link = remoteLink(runId);
        if (!link)
            return;
        if (action == Action::Follow) {
            follow(link->remoteId);
            return;
        }
        const ActionsApi &api = m_session->api();
        const bool cancel = action == Action::Cancel;
        call(cancel ? api.cancel(link->remoteId) : api.rerunFailedJobs(link->remoteId),
             cancel ? tr("Asking GitHub to cancel run %1…").arg(link->remoteId)
                    : tr("Asking GitHub to re-run the failed jobs of run %1…").arg(link->remoteId),
             [this, link, cancel](ActionsCall &) {
                 const QString who = Paths::currentUser();
                 if (cancel) {
                     record(link->runId, EventKind::CancelRequested,
                            {{QStringLiteral("by"), who},
                             {QStringLiteral("pid"),
                              QString::number(QCoreApplication::applicationPid())}});
                     emit actionDone(tr("Cancel of GitHub run %1 requested").arg(link->remoteId));
                     emit busy(false, false);
                     return;
                 }
                 record(link->runId, EventKind::GitHub,
                        {{QStringLiteral("detail"),
                          tr("re-run of the failed jobs requested on GitHub by %1").arg(who)}});
                 emit actionDone(
                     tr("GitHub re-runs the failed jobs of run %1").arg(link->remoteId));
                 follow(link->remoteId);
             });
    }

    void findPending(qint64 runId)
    {
        const std::optional<RemoteRunLink> link = remoteLink(runId);
        if (!link)
            return;
        const ActionsApi &api = m_session->api();
        call(api.pendingDeployments(link->remoteId),
             tr("Asking GitHub what run %1 waits for…").arg(link->remoteId),
             [this, link, runId](ActionsCall &pendingAnswer) {
                 const QList<PendingDeployment> pending =
                     parsePendingDeployments(pendingAnswer.json().toArray());
                 QStringList names;
                 QList<qint64> ids;
                 QStringList refused;
                 for (const PendingDeployment &p : pending) {
                     if (!p.canApprove) {
                         refused.append(
                             tr("%1 (its reviewers: %2)")
                                 .arg(p.environment, p.reviewers.join(QStringLiteral(", "))));
                         continue;
                     }
                     names.append(p.environment);
                     ids.append(p.environmentId);
                 }
                 if (!refused.isEmpty() && names.isEmpty()) {
                     emit failed(tr("you may not review the deployments GitHub run %1 waits "
                                    "for: %2")
                                     .arg(link->remoteId)
                                     .arg(refused.join(QStringLiteral("; "))));
                     emit busy(false, false);
                     return;
                 }
                 // The jobs that wait, for the approval dialog.
                 call(m_session->api().jobs(link->remoteId), QString(),
                      [this, runId, names, ids](ActionsCall &jobsAnswer) {
                          QStringList waiting;
                          for (const QJsonValue &v :
                               jobsAnswer.json().toObject().value(u"jobs").toArray()) {
                              const RemoteJob job = parseJob(v.toObject());
                              if (job.status == u"waiting")
                                  waiting.append(job.name);
                          }
                          emit busy(false, false);
                          emit pendingDeploymentsFound(runId, names, ids, waiting);
                      });
             });
    }

    void review(qint64 runId, const QList<qint64> &ids, const QStringList &names, bool approve,
                const QString &who, const QString &comment)
    {
        const std::optional<RemoteRunLink> link = remoteLink(runId);
        if (!link)
            return;
        // GitHub shows the comment to everyone who can read the run: a pasted token goes
        // no further than here.
        if (secretMasker().maskText(comment) != comment) {
            emit failed(tr("the comment holds the value of a secret (GITHUB_TOKEN or another "
                           "secret DeployDesk knows), and GitHub would show it to everyone "
                           "who can read the run: review again without it; nothing was sent"));
            emit busy(false, false);
            return;
        }
        call(m_session->api().reviewDeployments(link->remoteId, ids, approve, comment),
             approve ? tr("Approving the deployment on GitHub…")
                     : tr("Rejecting the deployment on GitHub…"),
             [this, link, names, approve, who, comment](ActionsCall &) {
                 for (const QString &name : names) {
                     EventParams params{{QStringLiteral("environment"), name},
                                        {QStringLiteral("by"), who}};
                     if (!comment.isEmpty())
                         params.insert(QStringLiteral("reason"), comment);
                     record(link->runId, approve ? EventKind::Approved : EventKind::Refused, params,
                            who);
                 }
                 const QString list = names.join(QStringLiteral(", "));
                 emit actionDone(approve ? tr("Deployment to %1 approved on GitHub").arg(list)
                                         : tr("Deployment to %1 rejected on GitHub").arg(list));
                 follow(link->remoteId);
             });
    }

signals:
    void configured(const QString &repository, const QString &problem);
    void busy(bool busy, bool following);
    void progress(const QString &text);
    void dispatched(qint64 remoteRunId, const QString &url);
    void remoteRunChanged(qint64 runId, DeployDesk::RunStatus status, const QString &url);
    void jobChanged(const QString &job, DeployDesk::StageStatus status);
    void followed(qint64 runId, DeployDesk::RunStatus status, const QString &url);
    void imported(int added, int updated, int unchanged);
    void actionDone(const QString &message);
    void pendingDeploymentsFound(qint64 runId, const QStringList &environments,
                                 const QList<qint64> &environmentIds,
                                 const QStringList &waitingJobs);
    void failed(const QString &message);
    void rateLimitChanged(const DeployDesk::GitHub::RateLimit &limit);

private:
    // The GitHub run of the history's run `runId`; nullopt after saying why (failed()).
    std::optional<RemoteRunLink> remoteLink(qint64 runId)
    {
        if (!canStart())
            return std::nullopt;
        HistoryStore *history = store();
        if (!history) {
            emit busy(false, false);
            return std::nullopt;
        }
        auto link = history->remoteRun(runId);
        if (!link || !*link) {
            emit failed(link ? tr("run %1 did not run on GitHub").arg(runId)
                             : link.error().toString());
            emit busy(false, false);
            return std::nullopt;
        }
        return **link;
    }

    // One call as the request going; `then` on success, failed() otherwise.
    void call(HttpRequest request, const QString &what, std::function<void(ActionsCall &)> then)
    {
        ActionsCall *c = m_session->call(std::move(request), this);
        m_job = c;
        emit busy(true, false);
        if (!what.isEmpty())
            emit progress(what);
        connect(c, &Job::logLine, this, &RemoteWorker::progress);
        connect(c, &Job::result, this, [this, c, then = std::move(then)] {
            c->deleteLater();
            m_job = nullptr;
            if (c->outcome() == Job::Outcome::Failed) {
                emit failed(c->errorText());
                emit busy(false, false);
            } else if (c->outcome() == Job::Outcome::Success) {
                then(*c);
            } else {
                emit busy(false, false);
            }
        });
        c->start();
    }

    // The token's and every known secret's values, for text the user typed.
    SecretMasker secretMasker()
    {
        const QList<QByteArray> token =
            m_session ? m_session->api().http().secrets() : QList<QByteArray>();
        if (!m_secrets) {
            SecretMasker masker;
            masker.setSecrets(token);
            return masker;
        }
        return m_secrets->masker(token);
    }

    void record(qint64 runId, EventKind kind, const EventParams &params,
                const QString &who = Paths::currentUser())
    {
        HistoryStore *history = store();
        if (!history)
            return;
        // What the user typed (who reviewed) masked, as a run masks its own events.
        const SecretMasker masker = secretMasker();
        EventRecord e;
        e.runId = runId;
        e.at = QDateTime::currentDateTimeUtc();
        e.kind = kind;
        for (auto it = params.begin(); it != params.end(); ++it)
            e.params.insert(it.key(), masker.maskText(it.value()));
        e.who = masker.maskText(who);
        if (auto added = history->addEvent(e); !added)
            emit failed(added.error().toString());
    }

    // False, after saying why (failed()), when nothing can be sent now.
    bool canStart()
    {
        if (!m_session) {
            emit failed(m_problem.isEmpty() ? tr("the workspace is not known yet") : m_problem);
            emit busy(false, false);
            return false;
        }
        if (m_job) {
            emit failed(tr("another request to GitHub is going: wait for it to end"));
            emit busy(true, qobject_cast<RemoteFollowJob *>(m_job.data()) != nullptr);
            return false;
        }
        return true;
    }

    HistoryStore *store()
    {
        if (!m_store) {
            auto opened = HistoryStore::open(m_dataDir);
            if (!opened) {
                emit failed(opened.error().toString());
                return nullptr;
            }
            m_store = std::move(*opened);
        }
        return m_store.get();
    }

    void follow(qint64 remoteId)
    {
        HistoryStore *history = store();
        if (!history) {
            emit busy(false, false);
            return;
        }
        FollowOptions options;
        options.workspace = m_workspace;
        options.pollInterval = std::chrono::milliseconds(s_pollMs.loadRelaxed());
        options.maxPollInterval = options.pollInterval * 10;
        auto *job = new RemoteFollowJob(m_session.get(), history, remoteId, options, this);
        m_job = job;
        emit busy(true, true);
        emit progress(tr("Following GitHub run %1…").arg(remoteId));
        connect(job, &Job::logLine, this, &RemoteWorker::progress);
        connect(job, &RemoteFollowJob::runChanged, this,
                [this](const RemoteRun &run, qint64 runId) {
                    emit remoteRunChanged(runId, runStatus(run), run.htmlUrl);
                });
        connect(job, &RemoteFollowJob::jobChanged, this,
                [this](const RemoteJob &j) { emit jobChanged(j.name, jobStatus(j)); });
        connect(job, &Job::result, this, [this, job] {
            job->deleteLater();
            m_job = nullptr;
            if (job->outcome() == Job::Outcome::Success)
                emit followed(job->runId(), runStatus(job->remoteRun()), job->remoteRun().htmlUrl);
            else if (job->outcome() == Job::Outcome::Failed)
                emit failed(job->errorText());
            emit busy(false, false);
        });
        job->start();
    }

    // Cancels the job going and forgets it; its result is not reported.
    void stopJob()
    {
        if (!m_job)
            return;
        Job *job = m_job;
        m_job = nullptr;
        job->disconnect(this);
        job->cancel();
        job->deleteLater();
        emit busy(false, false);
    }

    QString m_dataDir;
    QString m_workspace;
    QString m_problem;
    QByteArray m_token;
    std::unique_ptr<HistoryStore> m_store;
    std::unique_ptr<SecretStore> m_secrets;
    std::unique_ptr<ActionsSession> m_session;
    QPointer<Job> m_job; // a child of this worker
};

} // namespace Internal

RemoteService::RemoteService(const QString &dataDir, QObject *parent)
    : QObject(parent)
    , m_thread(QStringLiteral("DeployDesk GitHub"))
{
    qRegisterMetaType<DeployDesk::RunStatus>();
    qRegisterMetaType<DeployDesk::StageStatus>();
    qRegisterMetaType<DeployDesk::GitHub::RateLimit>();

    m_worker = new Internal::RemoteWorker(dataDir);
    m_worker->moveToThread(m_thread.thread());
    using W = Internal::RemoteWorker;
    connect(m_worker, &W::configured, this,
            [this](const QString &repository, const QString &problem) {
                m_configured = true;
                m_repository = repository;
                m_problem = problem;
                emit configured(repository, problem);
            });
    connect(m_worker, &W::busy, this, &RemoteService::setBusy);
    connect(m_worker, &W::progress, this, &RemoteService::progress);
    connect(m_worker, &W::dispatched, this, &RemoteService::dispatched);
    connect(m_worker, &W::remoteRunChanged, this, &RemoteService::remoteRunChanged);
    connect(m_worker, &W::jobChanged, this, &RemoteService::jobChanged);
    connect(m_worker, &W::followed, this, &RemoteService::followed);
    connect(m_worker, &W::imported, this, &RemoteService::imported);
    connect(m_worker, &W::actionDone, this, &RemoteService::actionDone);
    connect(m_worker, &W::pendingDeploymentsFound, this, &RemoteService::pendingDeploymentsFound);
    connect(m_worker, &W::failed, this, &RemoteService::failed);
    connect(m_worker, &W::rateLimitChanged, this, [this](const RateLimit &limit) {
        m_rateLimit = limit;
        emit rateLimitChanged(limit);
    });
}

RemoteService::~RemoteService()
{
    // After the requests already posted: the job going is cancelled (a followed run goes on
    // on GitHub), then the session, the secrets and the history connection go on their
    // thread.
    m_thread.post([w = m_worker] {
        w->shutdown();
        delete w;
    });
    m_thread.stop(SerialThread::PendingWork::Run);
}

void RemoteService::setPollIntervalForTesting(std::chrono::milliseconds interval)
{
    s_pollMs.storeRelaxed(interval.count());
}

void RemoteService::setWorkspace(const QString &workspace)
{
    if (workspace != m_workspace)
        m_configured = false;
    m_workspace = workspace;
    m_thread.post([w = m_worker, workspace] { w->setWorkspace(workspace); });
}

void RemoteService::dispatch(const QString &workflow, const QString &ref, const QJsonObject &inputs)
{
    setBusy(true, false); // at once: the view's buttons wait for the answer
    m_thread.post([w = m_worker, workflow, ref, inputs] { w->dispatch(workflow, ref, inputs); });
}

void RemoteService::importRuns(const QString &workflow)
{
    setBusy(true, false);
    m_thread.post([w = m_worker, workflow] { w->importRuns(workflow); });
}

void RemoteService::stopFollowing()
{
    m_thread.post([w = m_worker] { w->stopFollowing(); });
}

void RemoteService::cancelRun(qint64 runId)
{
    setBusy(true, false);
    m_thread.post([w = m_worker, runId] { w->act(runId, Internal::RemoteWorker::Action::Cancel); });
}

void RemoteService::rerunFailedJobs(qint64 runId)
{
    setBusy(true, false);
    m_thread.post([w = m_worker, runId] { w->act(runId, Internal::RemoteWorker::Action::Rerun); });
}

void RemoteService::followRun(qint64 runId)
{
    setBusy(true, false);
    m_thread.post([w = m_worker, runId] { w->act(runId, Internal::RemoteWorker::Action::Follow); });
}

void RemoteService::findPendingDeployments(qint64 runId)
{
    setBusy(true, false);
    m_thread.post([w = m_worker, runId] { w->findPending(runId); });
}

void RemoteService::reviewDeployments(qint64 runId, const QList<qint64> &environmentIds,
                                      const QStringList &environments, bool approve,
                                      const QString &who, const QString &comment)
{
    setBusy(true, false);
    m_thread.post([w = m_worker, runId, environmentIds, environments, approve, who, comment] {
        w->review(runId, environmentIds, environments, approve, who, comment);
    });
}

void RemoteService::setBusy(bool busy, bool following)
{
    if (busy == m_busy && following == m_following)
        return;
    m_busy = busy;
    m_following = following;
    emit busyChanged(busy);
}

} // namespace DeployDesk::Ui

#include "remoteservice.moc"
