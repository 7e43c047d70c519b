#pragma once

// GitHubActionsFake: a contract fake of GitHub's REST API for Actions (shared/reference/
// apis.md §5, docs.github.com/rest/actions) on FakeHttpServer, for tests and benchmarks.
// What it checks and answers, as GitHub does:
// - Authorization: Bearer <token> on every API call, else 401 {"message":"Bad credentials",
//   "documentation_url":…,"status":"401"}. X-GitHub-Api-Version other than 2022-11-28 or
//   2026-03-10: 400. Unknown repository, workflow, run or job: 404 {"message":"Not Found",…}.
// - Every API answer carries x-ratelimit-limit|remaining|used|reset|resource and
//   x-github-request-id. A GET answer carries an ETag (a hash of its body); a GET whose
//   If-None-Match matches it is answered 304 with no body and does not count against the
//   quota (as GitHub does for authorised conditional requests).
// - Lists are paged with per_page (default 30, at most 100) and page (from 1), with a
//   Link header (rel="next", "last", "first", "prev" as GitHub sends them).
// - GET /repos/{o}/{r}/actions/workflows            {total_count, workflows:[…]}
//   GET …/actions/workflows/{id or file name}
//   GET …/actions/runs and …/actions/workflows/{id}/runs: newest first (by id),
//       ?status= (a status or a conclusion), branch, event, head_sha, created (">=DATE",
//       "DATE..DATE"); {total_count, workflow_runs:[…]}; a filtered list serves only its
//       first 1,000 runs (total_count still counts them all)
//   GET …/actions/runs/{run_id}                     one run
//   GET …/actions/runs/{run_id}/jobs?filter=latest|all   {total_count, jobs:[…]} with steps
//   GET …/actions/jobs/{job_id}
//   GET …/actions/jobs/{job_id}/logs: 302 with Location to a log URL on this server
//       (/_blob/jobs/{id}/log?…&se=<expiry, epoch s>&sig=…; not an API call: no quota) that
//       expires after logUrlLifetime (then 403 with an XML body, as blob storage answers)
//       and refuses an Authorization header (400); the log is plain text. 404 while the
//       job has not completed.
//   POST …/actions/workflows/{id}/dispatches {"ref","inputs"}: 422 when the workflow has
//       no workflow_dispatch trigger ("Workflow does not have 'workflow_dispatch' trigger"),
//       the ref is unknown ("No ref found for: x"), an input is not declared ("Unexpected
//       inputs provided: [\"x\"]"), a required input is missing ("Required input 'x' not
//       provided") or a value is not a string; otherwise a new queued run with the
//       workflow's jobs (see Workflow::jobNames), answered 204, or 200
//       {"workflow_run_id","run_url","html_url"} when the body has "return_run_details":true
//       and returnRunDetails is set.
//   POST …/actions/runs/{id}/cancel: 202 {}; 409 {"message":"Cannot cancel a workflow run
//       that is completed."} when it is completed. The run and its unfinished jobs end
//       cancelled.
//   POST …/actions/runs/{id}/rerun-failed-jobs: 201 {}; 403 when the run is not completed
//       ("This workflow run is not completed"). run_attempt + 1, the failed and cancelled
//       jobs (new ids) queued again, the run queued.
//   GET  …/actions/runs/{id}/pending_deployments: [{environment:{id,node_id,name,url,
//       html_url}, wait_timer, wait_timer_started_at, current_user_can_approve,
//       reviewers:[{type:"User", reviewer:{login,id}}]}]
//   POST …/actions/runs/{id}/pending_deployments {"environment_ids":[…],"state":
//       "approved"|"rejected","comment"}: 200 with the deployments made (approved) or [];
//       422 when an id is not pending or the state or comment is missing. Approved: the
//       waiting jobs of that environment are queued; rejected: they and the run end
//       failure.
// - Faults: rate limits (exhaustQuota(): 403 "API rate limit exceeded…" with remaining 0
//   and the reset time; secondaryLimit(): 403 or 429 with Retry-After), and anything
//   FakeHttpServer::enqueue() answers (5xx, resets, delays).
//
// The test moves runs along with the mutators below (nothing changes on its own), and each
// change bumps the run's updated_at, so its ETag changes.

#include "fakes/fakehttpserver.h"

#include <QDateTime>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QObject>
#include <QStringList>

#include <chrono>
#include <functional>

namespace DeployDesk::Test {

class GitHubActionsFake final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GitHubActionsFake)

public:
    struct Input
    {
        QString name;
        QString type = QStringLiteral("string"); // string, boolean, choice, number, environment
        bool required = false;
    };
    struct Workflow
    {
        qint64 id = 0;
        QString name;
        QString path; // ".github/workflows/ci.yml"
        QString state = QStringLiteral("active");
        bool dispatchable = true; // declares workflow_dispatch
        QList<Input> inputs;
        QStringList jobNames{QStringLiteral("build")}; // the jobs a new run of it has
        // Jobs that wait for this environment's approval (pending deployments) in a new run.
        QHash<QString, QString> jobEnvironment; // job name -> environment name
    };
    struct Step
    {
        QString name;
        int number = 1;
        QString status = QStringLiteral("queued"); // queued, in_progress, completed
        QString conclusion;                        // empty: null
        QDateTime startedAt;
        QDateTime completedAt;
    };
    struct Job
    {
        qint64 id = 0;
        QString name;
        QString status = QStringLiteral("queued"); // queued, in_progress, completed, waiting
        QString conclusion;                        // empty: null
        QDateTime startedAt;
        QDateTime completedAt;
        QList<Step> steps;
        QByteArray log;      // served by the log URL once the job is completed
        QString environment; // waiting for this environment's approval
        int runAttempt = 1;
        QDateTime createdAt; // given when unset (the run's creation, or its re-run's)
    };
    struct Run
    {
        qint64 id = 0;
        qint64 workflowId = 0;
        QString name;
        int runNumber = 1;
        int runAttempt = 1;
        QString status = QStringLiteral("queued"); // queued, in_progress, completed, waiting…
        QString conclusion;                        // empty: null
        QString event = QStringLiteral("push");
        QString headBranch = QStringLiteral("main");
        QString headSha;
        QString actor = QStringLiteral("octocat");
        QDateTime createdAt;
        QDateTime updatedAt;
        QDateTime runStartedAt;
        QList<Job> jobs;
        QJsonObject inputs; // what a dispatch sent
    };

    // `apiPath`: where the API is below the server, "/api/v3" as on GitHub Enterprise
    // Server; "" as on api.github.com.
    explicit GitHubActionsFake(QString owner, QString repository, QByteArray token,
                               QObject *parent = nullptr, QString apiPath = {});
    ~GitHubActionsFake() override;

    bool listen(quint16 port = 0);
    QUrl url() const { return m_server.url(m_apiPath); } // the API's base URL
    FakeHttpServer &server() { return m_server; }
    QString owner() const { return m_owner; }
    QString repository() const { return m_repository; }

    // --- the world --------------------------------------------------------------------
    qint64 addWorkflow(Workflow workflow); // id given when 0; returns it
    // A run of a workflow (id, run number, timestamps and job ids given when unset);
    // returns its id.
    qint64 addRun(Run run);
    // `count` completed runs of `workflowId` with one job each, created one minute apart
    // (the newest now), conclusions cycling success, failure, cancelled: for import tests
    // and the 10,000-run benchmark. Cheap: answers are built per page.
    void addRuns(qint64 workflowId, int count);
    Run *run(qint64 runId);
    const QList<Run> &runs() const { return m_runs; }
    QStringList branches; // refs a dispatch accepts; default {"main"}
    bool returnRunDetails = true;
    std::chrono::milliseconds logUrlLifetime{60000};

    // --- moving runs along (each bumps updated_at) ------------------------------------
    void startRun(qint64 runId); // in_progress, its first queued job in_progress
    void startJob(qint64 runId, const QString &job);
    // Completes a job with its conclusion and log; the run completes when all its jobs
    // have (failure if any failed, cancelled if any was cancelled, else success).
    void completeJob(qint64 runId, const QString &job, const QString &conclusion,
                     const QByteArray &log);
    void touch(qint64 runId);

    // --- what was asked ---------------------------------------------------------------
    QList<QJsonObject> dispatches;                 // accepted dispatch bodies, in order
    QList<std::pair<qint64, QJsonObject>> reviews; // (run id, review body), accepted ones
    QList<qint64> cancels;                         // run ids, accepted ones
    QList<qint64> reruns;                          // run ids, accepted ones
    // Requests to API paths (log downloads not counted), and how many got 304.
    int apiRequests() const { return m_apiRequests; }
    int notModified() const { return m_notModified; }

    // --- rate limits ------------------------------------------------------------------
    void setQuota(int limit, int remaining); // default 5000, 5000
    int remaining() const { return m_remaining; }
    // Remaining becomes 0 until `resetIn` from now: every API call gets 403
    // {"message":"API rate limit exceeded for user ID 1. …"} with x-ratelimit-remaining: 0
    // and x-ratelimit-reset; after that the quota is full again.
    void exhaustQuota(std::chrono::seconds resetIn);
    // The next `times` API calls get a secondary rate limit: 403 (or 429 when use429)
    // {"message":"You have exceeded a secondary rate limit. …"} with Retry-After.
    void secondaryLimit(int times, std::chrono::seconds retryAfter, bool use429 = false);

private:
    using Handler = std::function<FakeResponse(const FakeRequest &)>;
    struct LogLink
    {
        qint64 jobId = 0;
        qint64 expiresMs = 0; // epoch ms
    };

    // An API route: checked (token, version, quota, repository) by guard().
    void route(const QByteArray &method, const QString &pattern, const QString &docs,
               Handler handler);
    FakeResponse guard(const FakeRequest &request, const QString &docs, const Handler &handler);
    FakeResponse error(int status, const QString &message, const QString &docs = {}) const;
    void refillQuota();
    void addRateHeaders(FakeResponse &response) const;

    FakeResponse listWorkflows(const FakeRequest &request);
    FakeResponse getWorkflow(const FakeRequest &request);
    FakeResponse listRuns(const FakeRequest &request, qint64 workflowId);
    FakeResponse getRun(const FakeRequest &request);
    FakeResponse listJobs(const FakeRequest &request);
    FakeResponse getJob(const FakeRequest &request);
    FakeResponse jobLogs(const FakeRequest &request);
    FakeResponse blobLog(const FakeRequest &request);
    FakeResponse dispatch(const FakeRequest &request);
    FakeResponse cancel(const FakeRequest &request);
    FakeResponse rerunFailed(const FakeRequest &request);
    FakeResponse pendingDeployments(const FakeRequest &request);
    FakeResponse reviewDeployments(const FakeRequest &request);

    Workflow *workflowFor(const QString &idOrFileName);
    Workflow *workflowById(qint64 id);
    Run *runFor(const FakeRequest &request); // the {run_id} of the path
    std::pair<Run *, Job *> findJob(qint64 jobId);
    Job *latestJob(Run &run, const QString &name);
    QList<const Job *> latestJobs(const Run &run) const;
    Job makeJob(const Run &run, const QString &name, const QString &environment);
    void settle(Run &run); // the run's status and conclusion from its latest jobs
    void bump(Run &run);   // updated_at moves (at least one second)
    void indexRun(qsizetype at);
    qint64 environmentId(const QString &name);

    QString apiUrl(const QString &path) const;  // <fake>/repos/{o}/{r}<path>
    QString htmlUrl(const QString &path) const; // https://github.com/{o}/{r}<path>
    QJsonObject repositoryJson() const;
    QJsonObject workflowJson(const Workflow &workflow) const;
    QJsonObject runJson(const Run &run) const;
    QJsonObject jobJson(const Run &run, const Job &job) const;
    QJsonObject environmentJson(const QString &name);
    // A page of a list: `items(offset, count)` builds only the page's entries.
    FakeResponse page(const FakeRequest &request, const QString &key, qsizetype total,
                      qsizetype served,
                      const std::function<QJsonArray(qsizetype, qsizetype)> &items) const;

    QString m_apiPath;
    QString m_owner;
    QString m_repository;
    QByteArray m_token;
    FakeHttpServer m_server;
    QList<Workflow> m_workflows;
    QList<Run> m_runs;                     // by id, ascending
    QHash<qint64, qsizetype> m_runIndex;   // run id -> index in m_runs
    QHash<qint64, qint64> m_jobRun;        // job id -> run id
    QHash<qint64, int> m_lastRunNumber;    // workflow id -> its newest run number
    QHash<QString, qint64> m_environments; // name -> id
    QHash<QByteArray, LogLink> m_logLinks; // sig -> link
    QByteArray m_signingKey;
    QString m_docs;            // documentation_url of the route being answered
    mutable QString m_apiBase; // <fake>/repos/{o}/{r}, once listening
    mutable QJsonObject m_repositoryJson;
    QDateTime m_created;
    qint64 m_nextWorkflowId = 161335;
    qint64 m_nextRunId = 16000000001;
    qint64 m_nextJobId = 45000000001;
    qint64 m_nextDeploymentId = 2000000001;
    qint64 m_requestSerial = 0;
    int m_apiRequests = 0;
    int m_notModified = 0;
    int m_limit = 5000;
    int m_remaining = 5000;
    qint64 m_resetMs = 0; // epoch ms when the quota is full again
    int m_secondaryTimes = 0;
    std::chrono::seconds m_secondaryRetryAfter{60};
    bool m_secondary429 = false;
};

} // namespace DeployDesk::Test
