#include "integrations/github/actionsapi.h"

#include "common/translate.h"
#include "net/httpjob.h"
#include "net/platform.h"

#include <QJsonDocument>
#include <QLocale>
#include <QRegularExpression>

namespace DeployDesk::GitHub {

namespace {

QDateTime timeOf(const QJsonValue &value)
{
    if (!value.isString())
        return {};
    QDateTime dt = QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
    if (!dt.isValid())
        dt = QDateTime::fromString(value.toString(), Qt::ISODate);
    return dt.isValid() ? dt.toUTC() : QDateTime();
}

QString textOf(const QJsonValue &value)
{
    return value.isString() ? value.toString() : QString();
}

qint64 idOf(const QJsonValue &value)
{
    return value.isDouble() ? qint64(value.toDouble()) : value.toString().toLongLong();
}

QString percentEncoded(const QString &segment)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(segment));
}

} // namespace

std::optional<Repository> Repository::parse(const QString &text)
{
    static const QRegularExpression pattern(
        QStringLiteral("^([A-Za-z0-9](?:[A-Za-z0-9-]{0,38}))/([A-Za-z0-9._-]{1,100})$"));
    const QRegularExpressionMatch m = pattern.match(text.trimmed());
    if (!m.hasMatch() || m.captured(2) == u"." || m.captured(2) == u"..")
        return std::nullopt;
    return Repository{m.captured(1), m.captured(2)};
}

QString RateLimit::toString() const
{
    if (!known())
        return {};
    const QLocale locale;
    QString text =
        tr("%1 of %2 requests left").arg(locale.toString(remaining), locale.toString(limit));
    if (!resource.isEmpty())
        text += QStringLiteral(" (%1)").arg(resource);
    if (reset.isValid())
        text += tr(" until %1 UTC").arg(reset.toUTC().toString(QStringLiteral("HH:mm")));
    return text;
}

RemoteWorkflow parseWorkflow(const QJsonObject &o)
{
    return RemoteWorkflow{idOf(o.value(u"id")), textOf(o.value(u"name")), textOf(o.value(u"path")),
                          textOf(o.value(u"state")), textOf(o.value(u"html_url"))};
}

RemoteRun parseRun(const QJsonObject &o)
{
    RemoteRun r;
    r.id = idOf(o.value(u"id"));
    r.workflowId = idOf(o.value(u"workflow_id"));
    r.name = textOf(o.value(u"name"));
    r.displayTitle = textOf(o.value(u"display_title"));
    r.path = textOf(o.value(u"path"));
    r.runNumber = o.value(u"run_number").toInt();
    r.runAttempt = std::max(1, o.value(u"run_attempt").toInt(1));
    r.status = textOf(o.value(u"status"));
    r.conclusion = textOf(o.value(u"conclusion"));
    r.event = textOf(o.value(u"event"));
    r.branch = textOf(o.value(u"head_branch"));
    r.sha = textOf(o.value(u"head_sha"));
    const QJsonObject actor = o.value(u"triggering_actor").isObject()
                                  ? o.value(u"triggering_actor").toObject()
                                  : o.value(u"actor").toObject();
    r.actor = textOf(actor.value(u"login"));
    r.htmlUrl = textOf(o.value(u"html_url"));
    r.createdAt = timeOf(o.value(u"created_at"));
    r.updatedAt = timeOf(o.value(u"updated_at"));
    r.runStartedAt = timeOf(o.value(u"run_started_at"));
    return r;
}

RemoteJob parseJob(const QJsonObject &o)
{
    RemoteJob j;
    j.id = idOf(o.value(u"id"));
    j.runId = idOf(o.value(u"run_id"));
    j.runAttempt = std::max(1, o.value(u"run_attempt").toInt(1));
    j.name = textOf(o.value(u"name"));
    j.status = textOf(o.value(u"status"));
    j.conclusion = textOf(o.value(u"conclusion"));
    j.htmlUrl = textOf(o.value(u"html_url"));
    j.startedAt = timeOf(o.value(u"started_at"));
    j.completedAt = timeOf(o.value(u"completed_at"));
    for (const QJsonValue &v : o.value(u"steps").toArray()) {
        const QJsonObject s = v.toObject();
        j.steps.append(RemoteStep{textOf(s.value(u"name")), s.value(u"number").toInt(),
                                  textOf(s.value(u"status")), textOf(s.value(u"conclusion")),
                                  timeOf(s.value(u"started_at")),
                                  timeOf(s.value(u"completed_at"))});
    }
    return j;
}

QList<PendingDeployment> parsePendingDeployments(const QJsonArray &array)
{
    QList<PendingDeployment> pending;
    for (const QJsonValue &v : array) {
        const QJsonObject o = v.toObject();
        const QJsonObject environment = o.value(u"environment").toObject();
        PendingDeployment p;
        p.environmentId = idOf(environment.value(u"id"));
        p.environment = textOf(environment.value(u"name"));
        p.canApprove = o.value(u"current_user_can_approve").toBool();
        p.waitTimerMinutes = o.value(u"wait_timer").toInt();
        for (const QJsonValue &r : o.value(u"reviewers").toArray()) {
            const QJsonObject reviewer = r.toObject().value(u"reviewer").toObject();
            const QString name = reviewer.contains(u"login") ? textOf(reviewer.value(u"login"))
                                                             : textOf(reviewer.value(u"slug"));
            if (!name.isEmpty())
                p.reviewers.append(name);
        }
        pending.append(p);
    }
    return pending;
}

RateLimit parseRateLimit(const QList<std::pair<QByteArray, QByteArray>> &headers)
{
    RateLimit limit;
    for (const auto &[name, value] : headers) {
        const QByteArray key = name.toLower();
        bool ok = false;
        const qint64 number = value.trimmed().toLongLong(&ok);
        if (key == "x-ratelimit-limit" && ok)
            limit.limit = int(number);
        else if (key == "x-ratelimit-remaining" && ok)
            limit.remaining = int(number);
        else if (key == "x-ratelimit-used" && ok)
            limit.used = int(number);
        else if (key == "x-ratelimit-reset" && ok)
            limit.reset = QDateTime::fromSecsSinceEpoch(number, Qt::UTC);
        else if (key == "x-ratelimit-resource")
            limit.resource = QString::fromLatin1(value.trimmed());
    }
    if (limit.remaining < 0)
        limit.limit = -1;
    return limit;
}

QUrl nextPageUrl(QByteArrayView linkHeader)
{
    // <url>; rel="next", <url>; rel="last"
    static const QRegularExpression link(QStringLiteral("<([^>]*)>\\s*;([^,<]*)"));
    const QString text = QString::fromLatin1(linkHeader);
    auto it = link.globalMatch(text);
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        static const QRegularExpression next(QStringLiteral("rel\\s*=\\s*\"?([^\";]*)\"?"));
        const QRegularExpressionMatch rel = next.match(m.captured(2));
        if (rel.hasMatch() && rel.captured(1).split(u' ').contains(QStringLiteral("next")))
            return QUrl(m.captured(1));
    }
    return {};
}

RunStatus runStatus(const RemoteRun &run)
{
    if (run.status == u"in_progress")
        return RunStatus::Running;
    if (run.status != u"completed")
        return RunStatus::Queued; // queued, waiting, requested, pending
    if (run.conclusion == u"success" || run.conclusion == u"neutral" ||
        run.conclusion == u"skipped")
        return RunStatus::Success;
    if (run.conclusion == u"cancelled")
        return RunStatus::Cancelled;
    return RunStatus::Failed; // failure, timed_out, startup_failure, action_required, stale
}

StageStatus jobStatus(const RemoteJob &job)
{
    if (job.status == u"in_progress")
        return StageStatus::Running;
    if (job.status != u"completed")
        return StageStatus::Pending;
    if (job.conclusion == u"success" || job.conclusion == u"neutral")
        return StageStatus::Success;
    if (job.conclusion == u"skipped")
        return StageStatus::Skipped;
    if (job.conclusion == u"cancelled")
        return StageStatus::Cancelled;
    return StageStatus::Failed;
}

QString jobReason(const RemoteJob &job)
{
    if (job.status == u"waiting")
        return tr("waiting on GitHub for a deployment approval");
    if (job.conclusion == u"timed_out")
        return tr("timed out on GitHub");
    if (job.conclusion == u"action_required")
        return tr("GitHub asks for an action before it runs");
    if (job.conclusion == u"startup_failure")
        return tr("GitHub could not start it");
    if (job.conclusion == u"skipped")
        return tr("skipped on GitHub");
    return {};
}

ActionsApi::ActionsApi(Repository repository, const QUrl &baseUrl, const QByteArray &token)
    : m_repository(std::move(repository))
    , m_http(Platform::GitHub, baseUrl)
{
    m_http.setBearerToken(token);
    m_http.setHeader("Accept", "application/vnd.github+json");
    m_http.setHeader("X-GitHub-Api-Version", kApiVersion);
    m_http.setAuthHint(tr("the secret GITHUB_TOKEN (a token with the actions scope)"));
}

QUrl ActionsApi::url(const QString &path, const QUrlQuery &query) const
{
    return joinUrl(
        m_http.baseUrl(),
        QStringLiteral("/repos/%1/%2%3")
            .arg(percentEncoded(m_repository.owner), percentEncoded(m_repository.name), path),
        query);
}

HttpRequest ActionsApi::workflows() const
{
    return HttpRequest::get(url(QStringLiteral("/actions/workflows"),
                                QUrlQuery{{QStringLiteral("per_page"), QStringLiteral("100")}}));
}

HttpRequest ActionsApi::runs(const RunQuery &query) const
{
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("per_page"), QString::number(std::clamp(query.perPage, 1, 100)));
    auto add = [&](const char *name, const QString &value) {
        if (!value.isEmpty())
            q.addQueryItem(QLatin1String(name),
                           QString(value).replace(u'+', QStringLiteral("%2B")));
    };
    add("branch", query.branch);
    add("event", query.event);
    add("status", query.status);
    add("created", query.created);
    const QString path =
        query.workflow.isEmpty()
            ? QStringLiteral("/actions/runs")
            : QStringLiteral("/actions/workflows/%1/runs").arg(percentEncoded(query.workflow));
    return HttpRequest::get(url(path, q));
}

HttpRequest ActionsApi::run(qint64 runId) const
{
    return HttpRequest::get(url(QStringLiteral("/actions/runs/%1").arg(runId)));
}

HttpRequest ActionsApi::jobs(qint64 runId) const
{
    return HttpRequest::get(url(QStringLiteral("/actions/runs/%1/jobs").arg(runId),
                                QUrlQuery{{QStringLiteral("filter"), QStringLiteral("latest")},
                                          {QStringLiteral("per_page"), QStringLiteral("100")}}));
}

HttpRequest ActionsApi::attemptJobs(qint64 runId, int attempt) const
{
    return HttpRequest::get(
        url(QStringLiteral("/actions/runs/%1/attempts/%2/jobs").arg(runId).arg(attempt),
            QUrlQuery{{QStringLiteral("per_page"), QStringLiteral("100")}}));
}

HttpRequest ActionsApi::jobLog(qint64 jobId) const
{
    HttpRequest request = HttpRequest::get(url(QStringLiteral("/actions/jobs/%1/logs").arg(jobId)));
    request.followRedirects = false;
    return request;
}

HttpRequest ActionsApi::dispatch(const QString &workflow, const QString &ref,
                                 const QJsonObject &inputs) const
{
    QJsonObject body{{QStringLiteral("ref"), ref}, {QStringLiteral("return_run_details"), true}};
    if (!inputs.isEmpty())
        body.insert(QStringLiteral("inputs"), inputs);
    return HttpRequest::post(
        url(QStringLiteral("/actions/workflows/%1/dispatches").arg(percentEncoded(workflow))),
        body);
}

HttpRequest ActionsApi::cancel(qint64 runId) const
{
    return HttpRequest::post(url(QStringLiteral("/actions/runs/%1/cancel").arg(runId)));
}

HttpRequest ActionsApi::rerunFailedJobs(qint64 runId) const
{
    return HttpRequest::post(url(QStringLiteral("/actions/runs/%1/rerun-failed-jobs").arg(runId)),
                             QJsonObject{{QStringLiteral("enable_debug_logging"), false}});
}

HttpRequest ActionsApi::pendingDeployments(qint64 runId) const
{
    return HttpRequest::get(url(QStringLiteral("/actions/runs/%1/pending_deployments").arg(runId)));
}

HttpRequest ActionsApi::reviewDeployments(qint64 runId, const QList<qint64> &environmentIds,
                                          bool approve, const QString &comment) const
{
    QJsonArray ids;
    for (qint64 id : environmentIds)
        ids.append(id);
    return HttpRequest::post(
        url(QStringLiteral("/actions/runs/%1/pending_deployments").arg(runId)),
        QJsonObject{{QStringLiteral("environment_ids"), ids},
                    {QStringLiteral("state"),
                     approve ? QStringLiteral("approved") : QStringLiteral("rejected")},
                    {QStringLiteral("comment"), comment}});
}

// --- ActionsSession -------------------------------------------------------------------

ActionsSession::ActionsSession(ActionsApi api, QObject *parent)
    : QObject(parent)
    , m_api(std::move(api))
{
    qRegisterMetaType<RateLimit>();
}

ActionsSession::~ActionsSession() = default;

ActionsCall *ActionsSession::call(HttpRequest request, QObject *parent)
{
    return new ActionsCall(this, std::move(request), parent);
}

void ActionsSession::answered(const HttpJob &job, const QUrl &url, bool conditional)
{
    ++m_requests;
    if (job.status() == 304)
        ++m_notModified;
    const RateLimit limit = parseRateLimit(job.headers());
    if (limit.known()) {
        m_rateLimit = limit;
        emit rateLimitChanged(m_rateLimit);
    }
    if (job.request().method == "GET" && job.status() == 200) {
        if (const auto old = m_cache.constFind(url); old != m_cache.cend()) {
            m_cachedBytes -= old->body.size();
            m_cache.erase(old);
            m_cacheOrder.removeOne(url);
        }
        const QByteArray etag = job.header("etag");
        if (!etag.isEmpty() && job.body().size() <= kMaxCachedBytes) {
            m_cache.insert(url, Cached{etag, job.body()});
            m_cacheOrder.append(url);
            m_cachedBytes += job.body().size();
            while (m_cachedBytes > kMaxCachedBytes && !m_cacheOrder.isEmpty()) {
                const QUrl oldest = m_cacheOrder.takeFirst();
                m_cachedBytes -= m_cache.take(oldest).body.size();
            }
        }
    }
    Q_UNUSED(conditional)
}

ActionsCall::ActionsCall(ActionsSession *session, HttpRequest request, QObject *parent)
    : Job(parent)
    , m_session(session)
    , m_request(std::move(request))
{}

ActionsCall::~ActionsCall() = default;

QByteArray ActionsCall::header(QByteArrayView name) const
{
    for (const auto &[key, value] : m_headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

void ActionsCall::doStart()
{
    if (!m_session) {
        emitFailure(makeErrorValue(ErrorCode::Internal, tr("the GitHub session is gone")));
        return;
    }
    const HttpClient &http = m_session->api().http();
    const QUrl url = http.resolve(m_request.url);
    if (m_request.method == "GET") {
        const auto cached = m_session->m_cache.constFind(url);
        if (cached != m_session->m_cache.cend()) {
            m_request.setHeader("If-None-Match", cached->etag);
            m_cachedBody = cached->body;
            m_conditional = true;
        }
    }
    m_http = http.send(m_request, this);
    connect(m_http, &Job::logLine, this, &Job::logLine);
    connect(m_http, &Job::result, this, [this, url](Job *) {
        HttpJob *http = m_http;
        if (m_session)
            m_session->answered(*http, url, m_conditional);
        m_status = http->status();
        m_headers = http->headers();
        m_next = nextPageUrl(http->header("link"));
        if (http->outcome() == Outcome::Cancelled) {
            emitCancelled();
            return;
        }
        if (http->outcome() == Outcome::Failed) {
            emitFailure(http->error());
            return;
        }
        m_notModified = m_status == 304;
        m_body = m_notModified ? m_cachedBody : http->body();
        if (!m_body.isEmpty()) {
            QJsonParseError parseError;
            const QJsonDocument doc = QJsonDocument::fromJson(m_body, &parseError);
            if (doc.isObject())
                m_json = doc.object();
            else if (doc.isArray())
                m_json = doc.array();
        }
        emitSuccess();
    });
    m_http->start();
}

void ActionsCall::doCancel()
{
    if (m_http)
        m_http->cancel();
    else
        emitCancelled();
}

// --- ActionsJob -----------------------------------------------------------------------

ActionsJob::ActionsJob(ActionsSession *session, QObject *parent)
    : Job(parent)
    , m_session(session)
{}

ActionsJob::~ActionsJob() = default;

void ActionsJob::call(HttpRequest request, Then then, OrElse orElse)
{
    if (!m_session) {
        fail(makeErrorValue(ErrorCode::Internal, tr("the GitHub session is gone")));
        return;
    }
    ActionsCall *c = m_session->call(std::move(request), this);
    track(c);
    connect(c, &Job::result, this,
            [this, c, then = std::move(then), orElse = std::move(orElse)](Job *) {
                c->deleteLater();
                forget(c);
                if (c->outcome() == Outcome::Cancelled || isFinished())
                    return;
                if (c->outcome() == Outcome::Failed) {
                    if (!orElse || !orElse(*c))
                        fail(c->error());
                    return;
                }
                then(*c);
            });
    c->start();
}

void ActionsJob::track(Job *job)
{
    m_calls.append(job);
    connect(job, &Job::logLine, this, &Job::logLine);
    connect(job, &Job::result, this, [this, job] { forget(job); });
}

void ActionsJob::forget(Job *job)
{
    m_calls.removeAll(job);
}

int ActionsJob::callsInFlight() const
{
    return int(std::count_if(m_calls.cbegin(), m_calls.cend(),
                             [](const QPointer<Job> &j) { return j && !j->isFinished(); }));
}

void ActionsJob::fail(Error error)
{
    const auto calls = std::exchange(m_calls, {});
    for (const QPointer<Job> &c : calls) {
        if (c && c->isRunning())
            c->cancel();
    }
    emitFailure(std::move(error));
}

void ActionsJob::doCancel()
{
    const auto calls = std::exchange(m_calls, {});
    for (const QPointer<Job> &c : calls) {
        if (c && c->isRunning())
            c->cancel();
    }
    emitCancelled();
}

} // namespace DeployDesk::GitHub
