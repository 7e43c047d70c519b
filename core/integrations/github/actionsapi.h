#pragma once

// GitHub Actions over REST (apis.md §5): the calls DeployDesk makes to list, dispatch,
// follow, cancel and re-run workflow runs and review their pending deployments, what the
// answers mean, and ActionsSession, which every call of one repository goes through so
// that they are polite: conditional GETs (ETag / If-None-Match, a 304 costs no quota),
// the rate limit read from every answer, and HttpJob's retries honouring Retry-After and
// x-ratelimit-reset.

#include "common/job.h"
#include "common/status.h"
#include "net/httpclient.h"

#include <QDateTime>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QObject>
#include <QPointer>
#include <QUrlQuery>

#include <functional>
#include <optional>

namespace DeployDesk {

class HttpJob;

namespace GitHub {

struct Repository
{
    QString owner;
    QString name;

    bool isValid() const { return !owner.isEmpty() && !name.isEmpty(); }
    QString fullName() const { return owner + u'/' + name; }
    // "owner/name" (both made of GitHub's name characters); nullopt otherwise.
    static std::optional<Repository> parse(const QString &text);
};

struct RemoteWorkflow
{
    qint64 id = 0;
    QString name;
    QString path; // ".github/workflows/ci.yml"
    QString state;
    QString htmlUrl;
};

struct RemoteStep
{
    QString name;
    int number = 0;
    QString status;
    QString conclusion; // empty while it has none
    QDateTime startedAt;
    QDateTime completedAt;
};

struct RemoteJob
{
    qint64 id = 0;
    qint64 runId = 0;
    int runAttempt = 1;
    QString name;
    QString status;
    QString conclusion;
    QString htmlUrl;
    QDateTime startedAt;
    QDateTime completedAt;
    QList<RemoteStep> steps;

    bool isCompleted() const { return status == u"completed"; }
};

struct RemoteRun
{
    qint64 id = 0;
    qint64 workflowId = 0;
    QString name; // the workflow's
    QString displayTitle;
    QString path;
    int runNumber = 0;
    int runAttempt = 1;
    QString status;
    QString conclusion;
    QString event;
    QString branch;
    QString sha;
    QString actor;
    QString htmlUrl;
    QDateTime createdAt;
    QDateTime updatedAt;
    QDateTime runStartedAt;

    bool isCompleted() const { return status == u"completed"; }
};

struct PendingDeployment
{
    qint64 environmentId = 0;
    QString environment;
    bool canApprove = false;
    int waitTimerMinutes = 0;
    QStringList reviewers;
};

// The quota GitHub reported last (x-ratelimit-*); limit < 0 while none was seen.
struct RateLimit
{
    int limit = -1;
    int remaining = -1;
    int used = -1;
    QDateTime reset;
    QString resource;

    bool known() const { return limit >= 0; }
    // "4,873 of 5,000 requests left (core) until 12:00 UTC"; empty when unknown.
    QString toString() const;
};

RemoteWorkflow parseWorkflow(const QJsonObject &object);
RemoteRun parseRun(const QJsonObject &object);
RemoteJob parseJob(const QJsonObject &object);
QList<PendingDeployment> parsePendingDeployments(const QJsonArray &array);
// The rate limit in an answer's headers; unknown when they are absent.
RateLimit parseRateLimit(const QList<std::pair<QByteArray, QByteArray>> &headers);
// The rel="next" URL of a Link header; empty when there is none.
QUrl nextPageUrl(QByteArrayView linkHeader);

// What a remote run and job are in DeployDesk's words.
RunStatus runStatus(const RemoteRun &run);
StageStatus jobStatus(const RemoteJob &job);
// Why a job ended as it did when its status alone does not say it ("timed out on GitHub",
// "waiting for approval"); empty otherwise.
QString jobReason(const RemoteJob &job);

struct RunQuery
{
    QString workflow; // an id or a file name; empty: every workflow
    QString branch;
    QString event;
    QString status;
    QString created; // GitHub's date filter: ">=2026-12-01T10:00:00Z"
    int perPage = 100;
};

// The requests, for one repository. The client carries the token (masked everywhere), the
// headers GitHub asks for and the base URL (api.github.com, DEPLOYDESK_API_GITHUB or a
// GitHub Enterprise Server's /api/v3).
class ActionsApi final
{
public:
    static constexpr char kApiVersion[] = "2022-11-28";

    ActionsApi() = default;
    ActionsApi(Repository repository, const QUrl &baseUrl, const QByteArray &token);

    const HttpClient &http() const { return m_http; }
    const Repository &repository() const { return m_repository; }

    HttpRequest workflows() const;
    HttpRequest runs(const RunQuery &query) const;
    HttpRequest run(qint64 runId) const;
    HttpRequest jobs(qint64 runId) const; // the latest attempt's, 100 a page
    HttpRequest attemptJobs(qint64 runId, int attempt) const;
    // 302 to a short-lived log URL: not followed, read its Location.
    HttpRequest jobLog(qint64 jobId) const;
    // Inputs are strings, as GitHub wants them; return_run_details asks for the new run's id.
    HttpRequest dispatch(const QString &workflow, const QString &ref,
                         const QJsonObject &inputs) const;
    HttpRequest cancel(qint64 runId) const;
    HttpRequest rerunFailedJobs(qint64 runId) const;
    HttpRequest pendingDeployments(qint64 runId) const;
    HttpRequest reviewDeployments(qint64 runId, const QList<qint64> &environmentIds, bool approve,
                                  const QString &comment) const;

private:
    QUrl url(const QString &path, const QUrlQuery &query = {}) const;

    Repository m_repository;
    HttpClient m_http;
};

// Every call to one repository: conditional GETs and the rate limit. Lives on the thread
// that uses it.
class ActionsSession final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ActionsSession)

public:
    explicit ActionsSession(ActionsApi api, QObject *parent = nullptr);
    ~ActionsSession() override;

    const ActionsApi &api() const { return m_api; }
    RateLimit rateLimit() const { return m_rateLimit; }
    int requests() const { return m_requests; }       // calls answered
    int notModified() const { return m_notModified; } // of which 304

    // A job for one call, not started. A GET carries If-None-Match when an earlier answer
    // to the same URL had an ETag; a 304 is then a success whose body is that answer's
    // (ActionsCall::notModified() says so).
    class ActionsCall *call(HttpRequest request, QObject *parent = nullptr);

signals:
    void rateLimitChanged(const DeployDesk::GitHub::RateLimit &limit);

private:
    friend class ActionsCall;
    void answered(const HttpJob &job, const QUrl &url, bool conditional);

    struct Cached
    {
        QByteArray etag;
        QByteArray body;
    };
    ActionsApi m_api;
    // At most kMaxCachedBytes of answers; the oldest go first (the URLs polled again and
    // again are the recent ones).
    static constexpr qint64 kMaxCachedBytes = 8 * 1024 * 1024;
    QHash<QUrl, Cached> m_cache;
    QList<QUrl> m_cacheOrder; // oldest first
    qint64 m_cachedBytes = 0;
    RateLimit m_rateLimit;
    int m_requests = 0;
    int m_notModified = 0;
};

// One call through a session (with HttpJob's retries). Success: json() holds the answer
// (the cached one after a 304). Failure: HttpJob's error, in GitHub's words.
class ActionsCall final : public Job
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ActionsCall)

public:
    ~ActionsCall() override;

    int status() const { return m_status; }
    bool notModified() const { return m_notModified; }
    QJsonValue json() const { return m_json; }
    QByteArray body() const { return m_body; }
    QByteArray header(QByteArrayView name) const;
    QUrl nextPage() const { return m_next; }

protected:
    void doStart() override;
    void doCancel() override;

private:
    friend class ActionsSession;
    ActionsCall(ActionsSession *session, HttpRequest request, QObject *parent);

    QPointer<ActionsSession> m_session;
    HttpRequest m_request;
    QPointer<HttpJob> m_http;
    bool m_conditional = false;
    QByteArray m_cachedBody;
    int m_status = 0;
    bool m_notModified = false;
    QJsonValue m_json;
    QByteArray m_body;
    QList<std::pair<QByteArray, QByteArray>> m_headers;
    QUrl m_next;
};

// The base of the jobs made of a session's calls (import, dispatch, follow): call() starts
// one and continues with `then` when it succeeded; a failed call fails the job (the other
// calls in flight are cancelled) unless `orElse` handles it (returns true); cancel()
// cancels every call in flight and ends the job cancelled. Calls carry on logLine.
class ActionsJob : public Job
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ActionsJob)

public:
    using Then = std::function<void(ActionsCall &call)>;
    using OrElse = std::function<bool(ActionsCall &call)>;

    ~ActionsJob() override;

protected:
    ActionsJob(ActionsSession *session, QObject *parent);

    void call(HttpRequest request, Then then, OrElse orElse = {});
    // Another job (a log download) cancelled with the calls; the caller connects to it.
    void track(Job *job);
    int callsInFlight() const;
    void fail(Error error);
    void doCancel() override;

    QPointer<ActionsSession> m_session;

private:
    void forget(Job *job);

    QList<QPointer<Job>> m_calls;
};

} // namespace GitHub
} // namespace DeployDesk

Q_DECLARE_METATYPE(DeployDesk::GitHub::RateLimit)
