#include "fakes/githubactionsfake.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QLocale>
#include <QMessageAuthenticationCode>
#include <QRandomGenerator>

#include <algorithm>
#include <cstdio>

namespace DeployDesk::Test {
namespace {

const QString kDocs = QStringLiteral("https://docs.github.com/rest");
const QString kWorkflowDocs = QStringLiteral("https://docs.github.com/rest/actions/workflows");
const QString kRunDocs = QStringLiteral("https://docs.github.com/rest/actions/workflow-runs");
const QString kJobDocs = QStringLiteral("https://docs.github.com/rest/actions/workflow-jobs");
const QString kRateDocs =
    QStringLiteral("https://docs.github.com/rest/using-the-rest-api/rate-limits-for-the-rest-api");
const QString kDispatchDocs = QStringLiteral(
    "https://docs.github.com/rest/actions/workflows#create-a-workflow-dispatch-event");
const QString kDeploymentDocs =
    QStringLiteral("https://docs.github.com/rest/actions/"
                   "workflow-runs#review-pending-deployments-for-a-workflow-run");

const QString kQueued = QStringLiteral("queued");
const QString kInProgress = QStringLiteral("in_progress");
const QString kCompleted = QStringLiteral("completed");
const QString kWaiting = QStringLiteral("waiting");
const QString kSuccess = QStringLiteral("success");
const QString kFailure = QStringLiteral("failure");
const QString kCancelled = QStringLiteral("cancelled");
const QString kSkipped = QStringLiteral("skipped");
const QString kSetUp = QStringLiteral("Set up job");
const QString kComplete = QStringLiteral("Complete job");

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

// Now, to the second (GitHub's timestamps have no fraction).
QDateTime nowSecs()
{
    return QDateTime::fromSecsSinceEpoch(QDateTime::currentSecsSinceEpoch(), Qt::UTC);
}

QJsonValue iso(const QDateTime &time)
{
    if (!time.isValid())
        return QJsonValue::Null;
    // By hand: QDateTime::toString() is a good part of a 100-run page's cost.
    const QDateTime utc = time.toUTC();
    const QDate d = utc.date();
    const QTime t = utc.time();
    char text[32];
    std::snprintf(text, sizeof text, "%04d-%02d-%02dT%02d:%02d:%02dZ", d.year(), d.month(), d.day(),
                  t.hour(), t.minute(), t.second());
    return QString::fromLatin1(text);
}

QJsonValue orNull(const QString &text)
{
    return text.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(text);
}

QString sha1Of(const QString &seed)
{
    return QString::fromLatin1(
        QCryptographicHash::hash(seed.toUtf8(), QCryptographicHash::Sha1).toHex());
}

// A node id in GitHub's style: a type prefix and a base-36 serial.
QString nodeId(const char *prefix, qint64 id)
{
    return QLatin1String(prefix) + QStringLiteral("_kwDOAbCd") + QString::number(id, 36);
}

bool failed(const QString &conclusion)
{
    return conclusion == kFailure || conclusion == QLatin1String("timed_out") ||
           conclusion == QLatin1String("startup_failure");
}

bool unfinished(const QString &status)
{
    return status != kCompleted;
}

qint64 userId(const QString &login)
{
    return login == QLatin1String("octocat") ? 583231 : 1000000 + qHash(login) % 9000000;
}

QJsonObject makeUserJson(const QString &login)
{
    return QJsonObject{
        {QStringLiteral("login"), login},
        {QStringLiteral("id"), userId(login)},
        {QStringLiteral("node_id"), nodeId("U", userId(login))},
        {QStringLiteral("avatar_url"),
         QStringLiteral("https://avatars.githubusercontent.com/u/%1?v=4").arg(userId(login))},
        {QStringLiteral("html_url"), QStringLiteral("https://github.com/") + login},
        {QStringLiteral("type"), QStringLiteral("User")},
        {QStringLiteral("site_admin"), false}};
}

// Users are the same few logins over and over: their objects are made once.
QJsonObject userJson(const QString &login)
{
    thread_local QHash<QString, QJsonObject> users;
    auto it = users.constFind(login);
    if (it == users.constEnd())
        it = users.insert(login, makeUserJson(login));
    return *it;
}

// Steps as GitHub shows a job's: set up, the work, complete; consistent with the job's state.
QList<GitHubActionsFake::Step> defaultSteps(const GitHubActionsFake::Job &job)
{
    QList<GitHubActionsFake::Step> steps(3);
    steps[0].name = kSetUp;
    steps[1].name = QStringLiteral("Run ") + job.name;
    steps[2].name = kComplete;
    for (int i = 0; i < 3; ++i)
        steps[i].number = i + 1;
    if (job.status == kInProgress) {
        steps[0].status = kCompleted;
        steps[0].conclusion = kSuccess;
        steps[0].startedAt = steps[0].completedAt = steps[1].startedAt = job.startedAt;
        steps[1].status = kInProgress;
    } else if (job.status == kCompleted) {
        for (auto &step : steps) {
            step.status = kCompleted;
            step.startedAt = job.startedAt;
            step.completedAt = job.completedAt;
            step.conclusion = job.conclusion == kSkipped ? kSkipped : kSuccess;
        }
        if (job.conclusion != kSuccess && job.conclusion != kSkipped) {
            steps[1].conclusion = job.conclusion.isEmpty() ? kFailure : job.conclusion;
            if (job.conclusion == kCancelled)
                steps[2].conclusion = kSkipped;
        }
    }
    return steps;
}

// Ends a job's unfinished steps: the first one with `conclusion`, the rest skipped (but the
// closing "Complete job", which succeeds).
void finishSteps(GitHubActionsFake::Job &job, const QString &conclusion, const QDateTime &at)
{
    bool first = true;
    for (auto &step : job.steps) {
        if (step.status == kCompleted)
            continue;
        if (!step.startedAt.isValid())
            step.startedAt = at;
        step.completedAt = at;
        step.status = kCompleted;
        if (conclusion == kSuccess || conclusion == kSkipped ||
            conclusion == QLatin1String("neutral")) {
            step.conclusion = conclusion;
        } else if (first && step.name != kSetUp && step.name != kComplete) {
            step.conclusion = conclusion;
            first = false;
        } else if (step.name == kSetUp) {
            step.conclusion = kSuccess;
        } else {
            step.conclusion = step.name == kComplete ? kSuccess : kSkipped;
        }
    }
}

QByteArray blobError(const QByteArray &code, const QString &message)
{
    return "<?xml version=\"1.0\" encoding=\"utf-8\"?><Error><Code>" + code + "</Code><Message>" +
           message.toUtf8() + "</Message></Error>";
}

QString httpDate(const QDateTime &time)
{
    return QLocale::c().toString(time.toUTC(), QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'"));
}

// A "created" filter of the runs list: ">=D", "<=D", ">D", "<D", "A..B" (either may be "*")
// or "D"; a date alone covers its whole day.
struct CreatedRange
{
    QDateTime from; // inclusive; invalid: open
    QDateTime to;   // exclusive; invalid: open
    bool valid = true;
};

CreatedRange parseCreated(const QString &spec)
{
    struct Point
    {
        QDateTime start, end; // the instant, or the day [start, end)
        bool ok = false;
    };
    const auto point = [](const QString &text) {
        Point p;
        if (text.size() == 10) {
            const QDate day = QDate::fromString(text, Qt::ISODate);
            if (day.isValid()) {
                p.start = QDateTime(day, QTime(0, 0), Qt::UTC);
                p.end = p.start.addDays(1);
                p.ok = true;
            }
        } else {
            const QDateTime t = QDateTime::fromString(text, Qt::ISODate);
            if (t.isValid()) {
                p.start = t.toUTC();
                p.end = p.start.addMSecs(1);
                p.ok = true;
            }
        }
        return p;
    };
    CreatedRange range;
    const auto fail = [&range] {
        range.valid = false;
        return range;
    };
    if (spec.startsWith(QLatin1String(">="))) {
        const Point p = point(spec.mid(2));
        if (!p.ok)
            return fail();
        range.from = p.start;
    } else if (spec.startsWith(QLatin1String("<="))) {
        const Point p = point(spec.mid(2));
        if (!p.ok)
            return fail();
        range.to = p.end;
    } else if (spec.startsWith(QLatin1Char('>'))) {
        const Point p = point(spec.mid(1));
        if (!p.ok)
            return fail();
        range.from = p.end;
    } else if (spec.startsWith(QLatin1Char('<'))) {
        const Point p = point(spec.mid(1));
        if (!p.ok)
            return fail();
        range.to = p.start;
    } else if (spec.contains(QLatin1String(".."))) {
        const QString a = spec.section(QLatin1String(".."), 0, 0);
        const QString b = spec.section(QLatin1String(".."), 1);
        if (a != QLatin1String("*")) {
            const Point p = point(a);
            if (!p.ok)
                return fail();
            range.from = p.start;
        }
        if (b != QLatin1String("*")) {
            const Point p = point(b);
            if (!p.ok)
                return fail();
            range.to = p.end;
        }
    } else {
        const Point p = point(spec);
        if (!p.ok)
            return fail();
        range.from = p.start;
        range.to = p.end;
    }
    return range;
}

} // namespace

GitHubActionsFake::GitHubActionsFake(QString owner, QString repository, QByteArray token,
                                     QObject *parent, QString apiPath)
    : QObject(parent)
    , branches{QStringLiteral("main")}
    , m_apiPath(std::move(apiPath))
    , m_owner(std::move(owner))
    , m_repository(std::move(repository))
    , m_token(std::move(token))
{
    m_created = nowSecs().addDays(-30);
    m_resetMs = nowMs() + 3600 * 1000;
    m_signingKey.resize(32);
    for (char &c : m_signingKey)
        c = char(QRandomGenerator::global()->bounded(256));

    m_server.setFallback([this](const FakeRequest &r) {
        return guard(r, kDocs, [this](const FakeRequest &) {
            return error(404, QStringLiteral("Not Found"), kDocs);
        });
    });
    const QString repo = QStringLiteral("/repos/{owner}/{repo}/actions");
    route("GET", repo + QStringLiteral("/workflows"), kWorkflowDocs + "#list-repository-workflows",
          [this](const FakeRequest &r) { return listWorkflows(r); });
    route("GET", repo + QStringLiteral("/workflows/{workflow_id}"),
          kWorkflowDocs + "#get-a-workflow",
          [this](const FakeRequest &r) { return getWorkflow(r); });
    route("GET", repo + QStringLiteral("/workflows/{workflow_id}/runs"),
          kRunDocs + "#list-workflow-runs-for-a-workflow", [this](const FakeRequest &r) {
              const Workflow *workflow = workflowFor(r.params.value(QStringLiteral("workflow_id")));
              if (!workflow)
                  return error(404, QStringLiteral("Not Found"));
              return listRuns(r, workflow->id);
          });
    route("POST", repo + QStringLiteral("/workflows/{workflow_id}/dispatches"), kDispatchDocs,
          [this](const FakeRequest &r) { return dispatch(r); });
    route("GET", repo + QStringLiteral("/runs"), kRunDocs + "#list-workflow-runs-for-a-repository",
          [this](const FakeRequest &r) { return listRuns(r, 0); });
    route("GET", repo + QStringLiteral("/runs/{run_id}"), kRunDocs + "#get-a-workflow-run",
          [this](const FakeRequest &r) { return getRun(r); });
    route("GET", repo + QStringLiteral("/runs/{run_id}/jobs"),
          kJobDocs + "#list-jobs-for-a-workflow-run",
          [this](const FakeRequest &r) { return listJobs(r); });
    route("POST", repo + QStringLiteral("/runs/{run_id}/cancel"),
          kRunDocs + "#cancel-a-workflow-run", [this](const FakeRequest &r) { return cancel(r); });
    route("POST", repo + QStringLiteral("/runs/{run_id}/rerun-failed-jobs"),
          kRunDocs + "#re-run-failed-jobs-from-a-workflow-run",
          [this](const FakeRequest &r) { return rerunFailed(r); });
    route("GET", repo + QStringLiteral("/runs/{run_id}/pending_deployments"),
          kRunDocs + "#get-pending-deployments-for-a-workflow-run",
          [this](const FakeRequest &r) { return pendingDeployments(r); });
    route("POST", repo + QStringLiteral("/runs/{run_id}/pending_deployments"), kDeploymentDocs,
          [this](const FakeRequest &r) { return reviewDeployments(r); });
    route("GET", repo + QStringLiteral("/jobs/{job_id}"),
          kJobDocs + "#get-a-job-for-a-workflow-run",
          [this](const FakeRequest &r) { return getJob(r); });
    route("GET", repo + QStringLiteral("/jobs/{job_id}/logs"),
          kJobDocs + "#download-job-logs-for-a-workflow-run",
          [this](const FakeRequest &r) { return jobLogs(r); });
    // The log URLs the logs endpoint redirects to (blob storage): no API checks.
    m_server.on("GET", QStringLiteral("/_blob/jobs/{job_id}/log"),
                [this](const FakeRequest &r) { return blobLog(r); });
}

GitHubActionsFake::~GitHubActionsFake() = default;

bool GitHubActionsFake::listen(quint16 port)
{
    m_apiBase.clear(); // URLs name the port
    m_repositoryJson = {};
    return m_server.listen(port);
}

// --- the world ------------------------------------------------------------------------

qint64 GitHubActionsFake::addWorkflow(Workflow workflow)
{
    if (workflow.id == 0)
        workflow.id = m_nextWorkflowId++;
    else
        m_nextWorkflowId = std::max(m_nextWorkflowId, workflow.id + 1);
    if (workflow.name.isEmpty())
        workflow.name = QStringLiteral("CI");
    if (workflow.path.isEmpty())
        workflow.path = QStringLiteral(".github/workflows/%1.yml").arg(workflow.id);
    m_workflows.append(workflow);
    return workflow.id;
}

qint64 GitHubActionsFake::addRun(Run run)
{
    const QDateTime now = nowSecs();
    if (run.id == 0)
        run.id = m_nextRunId++;
    else
        m_nextRunId = std::max(m_nextRunId, run.id + 1);
    const Workflow *workflow = workflowById(run.workflowId);
    int &lastNumber = m_lastRunNumber[run.workflowId];
    if (run.runNumber <= 1)
        run.runNumber = lastNumber + 1;
    lastNumber = std::max(lastNumber, run.runNumber);
    if (run.name.isEmpty() && workflow)
        run.name = workflow->name;
    if (!run.createdAt.isValid())
        run.createdAt = now;
    if (!run.runStartedAt.isValid())
        run.runStartedAt = run.createdAt;
    if (!run.updatedAt.isValid())
        run.updatedAt = std::max(run.createdAt, run.runStartedAt);
    if (run.headSha.isEmpty())
        run.headSha = sha1Of(QStringLiteral("run:%1").arg(run.id));
    if (run.jobs.isEmpty() && workflow) {
        const bool done = run.status == kCompleted;
        for (const QString &name : workflow->jobNames) {
            Job job;
            job.name = name;
            job.runAttempt = run.runAttempt;
            job.createdAt = run.createdAt;
            if (done) {
                job.status = kCompleted;
                job.conclusion = run.conclusion.isEmpty() ? kSuccess : run.conclusion;
                job.startedAt = run.runStartedAt;
                job.completedAt = run.updatedAt;
            } else if (workflow->jobEnvironment.contains(name)) {
                job.status = kWaiting;
                job.environment = workflow->jobEnvironment.value(name);
            }
            run.jobs.append(job);
        }
        if (run.status == kInProgress && !run.jobs.isEmpty() &&
            run.jobs.first().status == kQueued) {
            run.jobs.first().status = kInProgress;
            run.jobs.first().startedAt = run.runStartedAt;
        }
    }
    for (Job &job : run.jobs) {
        if (job.id == 0)
            job.id = m_nextJobId++;
        else
            m_nextJobId = std::max(m_nextJobId, job.id + 1);
        if (!job.createdAt.isValid())
            job.createdAt = run.createdAt;
        if (job.steps.isEmpty())
            job.steps = defaultSteps(job);
        m_jobRun.insert(job.id, run.id);
    }

    const auto existing = m_runIndex.constFind(run.id);
    if (existing != m_runIndex.constEnd()) {
        m_runs[*existing] = std::move(run);
        return m_runs.at(*existing).id;
    }
    const qint64 id = run.id;
    if (m_runs.isEmpty() || m_runs.constLast().id < id) {
        m_runs.append(std::move(run));
        indexRun(m_runs.size() - 1);
    } else {
        const auto at = std::lower_bound(m_runs.begin(), m_runs.end(), id,
                                         [](const Run &r, qint64 value) { return r.id < value; });
        const qsizetype index = at - m_runs.begin();
        m_runs.insert(index, std::move(run));
        for (qsizetype i = index; i < m_runs.size(); ++i)
            indexRun(i);
    }
    return id;
}

void GitHubActionsFake::addRuns(qint64 workflowId, int count)
{
    const Workflow *workflow = workflowById(workflowId);
    const QString jobName = workflow && !workflow->jobNames.isEmpty() ? workflow->jobNames.first()
                                                                      : QStringLiteral("build");
    const QString conclusions[] = {kSuccess, kFailure, kCancelled};
    const QDateTime now = nowSecs();
    m_runs.reserve(m_runs.size() + count);
    m_runIndex.reserve(m_runs.size() + count);
    m_jobRun.reserve(m_jobRun.size() + count);
    for (int i = 0; i < count; ++i) {
        Run run;
        run.workflowId = workflowId;
        run.status = kCompleted;
        run.conclusion = conclusions[i % 3];
        run.createdAt = now.addSecs(-60 * qint64(count - 1 - i));
        run.runStartedAt = run.createdAt;
        Job job;
        job.name = jobName;
        job.status = kCompleted;
        job.conclusion = run.conclusion;
        job.startedAt = std::min(run.createdAt.addSecs(2), now);
        job.completedAt = std::min(run.createdAt.addSecs(40), now);
        run.updatedAt = job.completedAt;
        run.jobs.append(job);
        addRun(std::move(run));
    }
}

GitHubActionsFake::Run *GitHubActionsFake::run(qint64 runId)
{
    const auto it = m_runIndex.constFind(runId);
    return it == m_runIndex.constEnd() ? nullptr : &m_runs[*it];
}

// --- moving runs along ----------------------------------------------------------------

void GitHubActionsFake::startRun(qint64 runId)
{
    Run *r = run(runId);
    if (!r)
        return;
    r->status = kInProgress;
    r->conclusion.clear();
    for (const Job *job : latestJobs(*r)) {
        if (job->status == kQueued) {
            const QString name = job->name;
            startJob(runId, name);
            return; // startJob bumps
        }
    }
    bump(*r);
}

void GitHubActionsFake::startJob(qint64 runId, const QString &name)
{
    Run *r = run(runId);
    Job *job = r ? latestJob(*r, name) : nullptr;
    if (!job)
        return;
    const QDateTime now = nowSecs();
    job->status = kInProgress;
    job->conclusion.clear();
    job->startedAt = now;
    job->completedAt = {};
    if (!job->steps.isEmpty()) {
        qsizetype first = 0;
        if (job->steps.size() > 1 && job->steps.first().name == kSetUp) {
            Step &setUp = job->steps.first();
            setUp.status = kCompleted;
            setUp.conclusion = kSuccess;
            setUp.startedAt = setUp.completedAt = now;
            first = 1;
        }
        job->steps[first].status = kInProgress;
        job->steps[first].startedAt = now;
    }
    settle(*r);
    bump(*r);
}

void GitHubActionsFake::completeJob(qint64 runId, const QString &name, const QString &conclusion,
                                    const QByteArray &log)
{
    Run *r = run(runId);
    Job *job = r ? latestJob(*r, name) : nullptr;
    if (!job)
        return;
    const QDateTime now = nowSecs();
    job->status = kCompleted;
    job->conclusion = conclusion.isEmpty() ? kSuccess : conclusion;
    if (!job->startedAt.isValid())
        job->startedAt = now;
    job->completedAt = now;
    job->log = log;
    finishSteps(*job, job->conclusion, now);
    settle(*r);
    bump(*r);
}

void GitHubActionsFake::touch(qint64 runId)
{
    if (Run *r = run(runId))
        bump(*r);
}

// --- rate limits ----------------------------------------------------------------------

void GitHubActionsFake::setQuota(int limit, int remaining)
{
    m_limit = limit;
    m_remaining = remaining;
}

void GitHubActionsFake::exhaustQuota(std::chrono::seconds resetIn)
{
    m_remaining = 0;
    m_resetMs = nowMs() + qint64(resetIn.count()) * 1000;
}

void GitHubActionsFake::secondaryLimit(int times, std::chrono::seconds retryAfter, bool use429)
{
    m_secondaryTimes = times;
    m_secondaryRetryAfter = retryAfter;
    m_secondary429 = use429;
}

void GitHubActionsFake::refillQuota()
{
    const qint64 now = nowMs();
    if (now >= m_resetMs) {
        m_remaining = m_limit;
        m_resetMs = now + 3600 * 1000;
    }
}

void GitHubActionsFake::addRateHeaders(FakeResponse &response) const
{
    const int remaining = std::max(0, m_remaining);
    response.withHeader("x-ratelimit-limit", QByteArray::number(m_limit));
    response.withHeader("x-ratelimit-remaining", QByteArray::number(remaining));
    response.withHeader("x-ratelimit-used", QByteArray::number(m_limit - remaining));
    response.withHeader("x-ratelimit-reset", QByteArray::number((m_resetMs + 999) / 1000));
    response.withHeader("x-ratelimit-resource", "core");
}

// --- the API's checks -----------------------------------------------------------------

void GitHubActionsFake::route(const QByteArray &method, const QString &pattern, const QString &docs,
                              Handler handler)
{
    m_server.on(method, m_apiPath + pattern,
                [this, docs, handler = std::move(handler)](const FakeRequest &r) {
                    return guard(r, docs, handler);
                });
}

FakeResponse GitHubActionsFake::error(int status, const QString &message, const QString &docs) const
{
    return FakeResponse::json(
        QJsonObject{{QStringLiteral("message"), message},
                    {QStringLiteral("documentation_url"), !docs.isEmpty()     ? docs
                                                          : !m_docs.isEmpty() ? m_docs
                                                                              : kDocs},
                    {QStringLiteral("status"), QString::number(status)}},
        status);
}

FakeResponse GitHubActionsFake::guard(const FakeRequest &request, const QString &docs,
                                      const Handler &handler)
{
    ++m_apiRequests;
    refillQuota();
    const quint32 noise = QRandomGenerator::global()->generate();
    const qint64 serial = ++m_requestSerial;
    const QString requestId = QStringLiteral("%1:%2:%3:%4:%5")
                                  .arg(noise & 0xffff, 4, 16, QLatin1Char('0'))
                                  .arg(noise >> 16, 4, 16, QLatin1Char('0'))
                                  .arg(serial, 6, 16, QLatin1Char('0'))
                                  .arg(serial * 7919 % 0xffffff, 6, 16, QLatin1Char('0'))
                                  .arg(QDateTime::currentSecsSinceEpoch(), 8, 16, QLatin1Char('0'))
                                  .toUpper();
    const QByteArray version = request.header("x-github-api-version");
    FakeResponse response;
    if (request.header("authorization") != "Bearer " + m_token) {
        response = error(401, QStringLiteral("Bad credentials"), kDocs);
    } else if (!version.isEmpty() && version != "2022-11-28" && version != "2026-03-10") {
        response = error(400,
                         QStringLiteral("Invalid API version provided: %1. Supported versions are "
                                        "2022-11-28, 2026-03-10.")
                             .arg(QString::fromLatin1(version)),
                         QStringLiteral("https://docs.github.com/rest/about-the-rest-api/"
                                        "api-versions"));
    } else if (m_remaining <= 0) {
        response = error(
            403,
            QStringLiteral("API rate limit exceeded for user ID 1. If you reach out to GitHub "
                           "Support for help, please include the request ID %1 and timestamp "
                           "%2 UTC.")
                .arg(requestId, QDateTime::currentDateTimeUtc().toString(
                                    QStringLiteral("yyyy-MM-dd HH:mm:ss"))),
            kRateDocs + QStringLiteral("#about-primary-rate-limits"));
    } else if (m_secondaryTimes > 0) {
        --m_secondaryTimes;
        const int status = m_secondary429 ? 429 : 403;
        response = error(status,
                         QStringLiteral("You have exceeded a secondary rate limit. Please wait a "
                                        "few minutes before you try again. If you reach out to "
                                        "GitHub Support for help, please include the request ID "
                                        "%1.")
                             .arg(requestId),
                         kRateDocs + QStringLiteral("#about-secondary-rate-limits"));
        response.withHeader("Retry-After",
                            QByteArray::number(qint64(m_secondaryRetryAfter.count())));
    } else {
        if (request.params.value(QStringLiteral("owner")).compare(m_owner, Qt::CaseInsensitive) !=
                0 ||
            request.params.value(QStringLiteral("repo"))
                    .compare(m_repository, Qt::CaseInsensitive) != 0) {
            response = error(404, QStringLiteral("Not Found"), docs);
        } else {
            m_docs = docs;
            response = handler(request);
            m_docs.clear();
        }
        if (request.method == "GET" && response.status == 200) {
            const QByteArray etag =
                "W/\"" + QCryptographicHash::hash(response.body, QCryptographicHash::Md5).toHex() +
                '"';
            bool matches = false;
            for (const QByteArray &candidate : request.header("if-none-match").split(','))
                matches = matches || candidate.trimmed() == etag;
            if (matches) {
                response = FakeResponse::empty(304);
                ++m_notModified;
            }
            response.withHeader("ETag", etag);
            response.withHeader("Cache-Control", "private, max-age=60, s-maxage=60");
            response.withHeader("Vary", "Accept, Authorization, Cookie, X-GitHub-OTP");
        }
        if (response.status != 304)
            --m_remaining; // authorised conditional requests that match are free
    }
    response.withHeader("x-github-request-id", requestId.toLatin1());
    response.withHeader("x-github-api-version-selected", version == "2026-03-10"
                                                             ? QByteArray("2026-03-10")
                                                             : QByteArray("2022-11-28"));
    response.withHeader("x-github-media-type", "github.v3; format=json");
    addRateHeaders(response);
    return response;
}

// --- lookups --------------------------------------------------------------------------

GitHubActionsFake::Workflow *GitHubActionsFake::workflowById(qint64 id)
{
    for (Workflow &workflow : m_workflows) {
        if (workflow.id == id)
            return &workflow;
    }
    return nullptr;
}

GitHubActionsFake::Workflow *GitHubActionsFake::workflowFor(const QString &idOrFileName)
{
    bool numeric = false;
    const qint64 id = idOrFileName.toLongLong(&numeric);
    if (numeric)
        return workflowById(id);
    for (Workflow &workflow : m_workflows) {
        if (workflow.path.section(QLatin1Char('/'), -1) == idOrFileName)
            return &workflow;
    }
    return nullptr;
}

GitHubActionsFake::Run *GitHubActionsFake::runFor(const FakeRequest &request)
{
    bool ok = false;
    const qint64 id = request.params.value(QStringLiteral("run_id")).toLongLong(&ok);
    return ok ? run(id) : nullptr;
}

std::pair<GitHubActionsFake::Run *, GitHubActionsFake::Job *>
GitHubActionsFake::findJob(qint64 jobId)
{
    const auto in = [jobId](Run *run) -> Job * {
        for (Job &job : run->jobs) {
            if (job.id == jobId)
                return &job;
        }
        return nullptr;
    };
    if (Run *indexed = run(m_jobRun.value(jobId, -1))) {
        if (Job *job = in(indexed))
            return {indexed, job};
    }
    // A job the test added through run(): look everywhere.
    for (Run &candidate : m_runs) {
        if (Job *job = in(&candidate)) {
            m_jobRun.insert(jobId, candidate.id);
            return {&candidate, job};
        }
    }
    return {nullptr, nullptr};
}

GitHubActionsFake::Job *GitHubActionsFake::latestJob(Run &run, const QString &name)
{
    for (qsizetype i = run.jobs.size() - 1; i >= 0; --i) {
        if (run.jobs.at(i).name == name)
            return &run.jobs[i];
    }
    return nullptr;
}

QList<const GitHubActionsFake::Job *> GitHubActionsFake::latestJobs(const Run &run) const
{
    QList<const Job *> out;
    for (qsizetype i = 0; i < run.jobs.size(); ++i) {
        const QString &name = run.jobs.at(i).name;
        const bool superseded = std::any_of(run.jobs.cbegin() + i + 1, run.jobs.cend(),
                                            [&](const Job &later) { return later.name == name; });
        if (!superseded)
            out.append(&run.jobs.at(i));
    }
    return out;
}

GitHubActionsFake::Job GitHubActionsFake::makeJob(const Run &run, const QString &name,
                                                  const QString &environment)
{
    Job job;
    job.id = m_nextJobId++;
    job.name = name;
    job.runAttempt = run.runAttempt;
    job.createdAt = nowSecs();
    if (!environment.isEmpty()) {
        job.status = kWaiting;
        job.environment = environment;
    }
    job.steps = defaultSteps(job);
    return job;
}

void GitHubActionsFake::settle(Run &run)
{
    const QList<const Job *> jobs = latestJobs(run);
    if (jobs.isEmpty())
        return;
    bool allDone = true, anyRunning = false, doneThisAttempt = false, allOpenWaiting = true;
    bool anyFailed = false, anyCancelled = false;
    for (const Job *job : jobs) {
        if (job->status == kCompleted) {
            doneThisAttempt = doneThisAttempt || job->runAttempt == run.runAttempt;
            anyFailed = anyFailed || failed(job->conclusion);
            anyCancelled = anyCancelled || job->conclusion == kCancelled;
            continue;
        }
        allDone = false;
        anyRunning = anyRunning || job->status == kInProgress;
        allOpenWaiting = allOpenWaiting && job->status == kWaiting;
    }
    if (allDone) {
        run.status = kCompleted;
        run.conclusion = anyFailed ? kFailure : anyCancelled ? kCancelled : kSuccess;
        return;
    }
    run.conclusion.clear();
    if (anyRunning)
        run.status = kInProgress;
    else if (allOpenWaiting)
        run.status = kWaiting;
    else if (doneThisAttempt || run.status == kInProgress)
        run.status = kInProgress;
    else
        run.status = kQueued;
}

void GitHubActionsFake::bump(Run &run)
{
    const QDateTime now = nowSecs();
    run.updatedAt = run.updatedAt.isValid() ? std::max(now, run.updatedAt.addSecs(1)) : now;
}

void GitHubActionsFake::indexRun(qsizetype at)
{
    m_runIndex.insert(m_runs.at(at).id, at);
}

qint64 GitHubActionsFake::environmentId(const QString &name)
{
    auto it = m_environments.find(name);
    if (it == m_environments.end())
        it = m_environments.insert(name, 161088068 + m_environments.size());
    return *it;
}

// --- JSON -----------------------------------------------------------------------------

QString GitHubActionsFake::apiUrl(const QString &path) const
{
    if (m_apiBase.isEmpty()) {
        m_apiBase =
            m_server.url(m_apiPath + QStringLiteral("/repos/%1/%2").arg(m_owner, m_repository))
                .toString();
    }
    return m_apiBase + path;
}

QString GitHubActionsFake::htmlUrl(const QString &path) const
{
    return QStringLiteral("https://github.com/%1/%2%3").arg(m_owner, m_repository, path);
}

QJsonObject GitHubActionsFake::repositoryJson() const
{
    if (!m_repositoryJson.isEmpty())
        return m_repositoryJson;
    const qint64 id = 500000000 + qHash(m_owner + u'/' + m_repository) % 100000000;
    m_repositoryJson = QJsonObject{{QStringLiteral("id"), id},
                                   {QStringLiteral("node_id"), nodeId("R", id)},
                                   {QStringLiteral("name"), m_repository},
                                   {QStringLiteral("full_name"), m_owner + u'/' + m_repository},
                                   {QStringLiteral("private"), false},
                                   {QStringLiteral("owner"), userJson(m_owner)},
                                   {QStringLiteral("html_url"), htmlUrl({})},
                                   {QStringLiteral("url"), apiUrl({})}};
    return m_repositoryJson;
}

QJsonObject GitHubActionsFake::workflowJson(const Workflow &workflow) const
{
    return QJsonObject{
        {QStringLiteral("id"), workflow.id},
        {QStringLiteral("node_id"), nodeId("W", workflow.id)},
        {QStringLiteral("name"), workflow.name},
        {QStringLiteral("path"), workflow.path},
        {QStringLiteral("state"), workflow.state},
        {QStringLiteral("created_at"), iso(m_created)},
        {QStringLiteral("updated_at"), iso(m_created)},
        {QStringLiteral("url"), apiUrl(QStringLiteral("/actions/workflows/%1").arg(workflow.id))},
        {QStringLiteral("html_url"), htmlUrl(QStringLiteral("/blob/main/") + workflow.path)},
        {QStringLiteral("badge_url"),
         htmlUrl(QStringLiteral("/workflows/%1/badge.svg")
                     .arg(QString::fromLatin1(QUrl::toPercentEncoding(workflow.name))))}};
}

QJsonObject GitHubActionsFake::runJson(const Run &run) const
{
    const Workflow *workflow = const_cast<GitHubActionsFake *>(this)->workflowById(run.workflowId);
    const QString runPath = QStringLiteral("/actions/runs/%1").arg(run.id);
    const QString message = run.event == QLatin1String("workflow_dispatch")
                                ? QStringLiteral("Dispatch on %1").arg(run.headBranch)
                                : QStringLiteral("Change %1").arg(run.headSha.left(7));
    const QString name = run.name.isEmpty() && workflow ? workflow->name : run.name;
    const QJsonObject author{
        {QStringLiteral("name"), run.actor},
        {QStringLiteral("email"), run.actor + QStringLiteral("@users.noreply.github.com")}};
    QJsonObject out{
        {QStringLiteral("id"), run.id},
        {QStringLiteral("name"), name},
        {QStringLiteral("node_id"), nodeId("WFR", run.id)},
        {QStringLiteral("head_branch"), run.headBranch},
        {QStringLiteral("head_sha"), run.headSha},
        {QStringLiteral("path"), workflow ? workflow->path : QString()},
        {QStringLiteral("display_title"),
         run.event == QLatin1String("workflow_dispatch") ? name : message},
        {QStringLiteral("run_number"), run.runNumber},
        {QStringLiteral("event"), run.event},
        {QStringLiteral("status"), run.status},
        {QStringLiteral("conclusion"), orNull(run.conclusion)},
        {QStringLiteral("workflow_id"), run.workflowId},
        {QStringLiteral("check_suite_id"), run.id + 11000000000},
        {QStringLiteral("url"), apiUrl(runPath)},
        {QStringLiteral("html_url"), htmlUrl(runPath)},
        {QStringLiteral("pull_requests"), QJsonArray()},
        {QStringLiteral("created_at"), iso(run.createdAt)},
        {QStringLiteral("updated_at"), iso(run.updatedAt)},
        {QStringLiteral("actor"), userJson(run.actor)},
        {QStringLiteral("triggering_actor"), userJson(run.actor)},
        {QStringLiteral("run_attempt"), run.runAttempt},
        {QStringLiteral("referenced_workflows"), QJsonArray()},
        {QStringLiteral("run_started_at"), iso(run.runStartedAt)},
        {QStringLiteral("jobs_url"), apiUrl(runPath + QStringLiteral("/jobs"))},
        {QStringLiteral("logs_url"), apiUrl(runPath + QStringLiteral("/logs"))},
        {QStringLiteral("check_suite_url"),
         apiUrl(QStringLiteral("/check-suites/%1").arg(run.id + 11000000000))},
        {QStringLiteral("artifacts_url"), apiUrl(runPath + QStringLiteral("/artifacts"))},
        {QStringLiteral("cancel_url"), apiUrl(runPath + QStringLiteral("/cancel"))},
        {QStringLiteral("rerun_url"), apiUrl(runPath + QStringLiteral("/rerun"))},
        {QStringLiteral("previous_attempt_url"),
         run.runAttempt > 1
             ? QJsonValue(apiUrl(runPath + QStringLiteral("/attempts/%1").arg(run.runAttempt - 1)))
             : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("workflow_url"),
         apiUrl(QStringLiteral("/actions/workflows/%1").arg(run.workflowId))},
        {QStringLiteral("head_commit"),
         QJsonObject{{QStringLiteral("id"), run.headSha},
                     {QStringLiteral("tree_id"), sha1Of(QStringLiteral("tree:") + run.headSha)},
                     {QStringLiteral("message"), message},
                     {QStringLiteral("timestamp"), iso(run.createdAt)},
                     {QStringLiteral("author"), author},
                     {QStringLiteral("committer"), author}}},
        {QStringLiteral("repository"), repositoryJson()},
        {QStringLiteral("head_repository"), repositoryJson()}};
    return out;
}

QJsonObject GitHubActionsFake::jobJson(const Run &run, const Job &job) const
{
    const Workflow *workflow = const_cast<GitHubActionsFake *>(this)->workflowById(run.workflowId);
    QJsonArray steps;
    for (const Step &step : job.steps) {
        steps.append(QJsonObject{{QStringLiteral("name"), step.name},
                                 {QStringLiteral("status"), step.status},
                                 {QStringLiteral("conclusion"), orNull(step.conclusion)},
                                 {QStringLiteral("number"), step.number},
                                 {QStringLiteral("started_at"), iso(step.startedAt)},
                                 {QStringLiteral("completed_at"), iso(step.completedAt)}});
    }
    const bool assigned = job.status == kInProgress || job.status == kCompleted;
    const qint64 runnerId = 1 + job.id % 20;
    return QJsonObject{
        {QStringLiteral("id"), job.id},
        {QStringLiteral("run_id"), run.id},
        {QStringLiteral("run_url"), apiUrl(QStringLiteral("/actions/runs/%1").arg(run.id))},
        {QStringLiteral("run_attempt"), job.runAttempt},
        {QStringLiteral("node_id"), nodeId("CR", job.id)},
        {QStringLiteral("head_sha"), run.headSha},
        {QStringLiteral("head_branch"), run.headBranch},
        {QStringLiteral("workflow_name"), workflow ? workflow->name : run.name},
        {QStringLiteral("url"), apiUrl(QStringLiteral("/actions/jobs/%1").arg(job.id))},
        {QStringLiteral("html_url"),
         htmlUrl(QStringLiteral("/actions/runs/%1/job/%2").arg(run.id).arg(job.id))},
        {QStringLiteral("status"), job.status},
        {QStringLiteral("conclusion"), orNull(job.conclusion)},
        {QStringLiteral("created_at"), iso(job.createdAt)},
        {QStringLiteral("started_at"),
         iso(job.startedAt.isValid() ? job.startedAt : job.createdAt)},
        {QStringLiteral("completed_at"), iso(job.completedAt)},
        {QStringLiteral("name"), job.name},
        {QStringLiteral("steps"), steps},
        {QStringLiteral("check_run_url"), apiUrl(QStringLiteral("/check-runs/%1").arg(job.id))},
        {QStringLiteral("labels"), QJsonArray{QStringLiteral("ubuntu-latest")}},
        {QStringLiteral("runner_id"), assigned ? QJsonValue(runnerId) : QJsonValue()},
        {QStringLiteral("runner_name"),
         assigned ? QJsonValue(QStringLiteral("GitHub Actions %1").arg(runnerId)) : QJsonValue()},
        {QStringLiteral("runner_group_id"), assigned ? QJsonValue(2) : QJsonValue()},
        {QStringLiteral("runner_group_name"),
         assigned ? QJsonValue(QStringLiteral("GitHub Actions")) : QJsonValue()}};
}

QJsonObject GitHubActionsFake::environmentJson(const QString &name)
{
    const qint64 id = environmentId(name);
    return QJsonObject{
        {QStringLiteral("id"), id},
        {QStringLiteral("node_id"), nodeId("EN", id)},
        {QStringLiteral("name"), name},
        {QStringLiteral("url"), apiUrl(QStringLiteral("/environments/") + name)},
        {QStringLiteral("html_url"),
         htmlUrl(QStringLiteral("/deployments/activity_log?environments_filter=") + name)}};
}

FakeResponse
GitHubActionsFake::page(const FakeRequest &request, const QString &key, qsizetype total,
                        qsizetype served,
                        const std::function<QJsonArray(qsizetype, qsizetype)> &items) const
{
    bool ok = false;
    int perPage = request.query.queryItemValue(QStringLiteral("per_page")).toInt(&ok);
    perPage = !ok || perPage <= 0 ? 30 : std::min(perPage, 100);
    qsizetype number = request.query.queryItemValue(QStringLiteral("page")).toLongLong(&ok);
    if (!ok || number < 1)
        number = 1;
    const qsizetype last = std::max<qsizetype>(1, (served + perPage - 1) / perPage);
    const qsizetype offset = (number - 1) * perPage;
    const qsizetype count = std::clamp<qsizetype>(served - offset, 0, perPage);
    FakeResponse response = FakeResponse::json(
        QJsonObject{{QStringLiteral("total_count"), total}, {key, items(offset, count)}});

    const auto link = [&](qsizetype to, const char *rel) {
        QUrlQuery query(request.query);
        query.removeAllQueryItems(QStringLiteral("page"));
        query.addQueryItem(QStringLiteral("page"), QString::number(to));
        QUrl url = m_server.url(request.path);
        url.setQuery(query);
        return '<' + url.toEncoded() + ">; rel=\"" + rel + '"';
    };
    QList<QByteArray> links;
    if (number > 1)
        links.append(link(std::min(number - 1, last), "prev"));
    if (number < last) {
        links.append(link(number + 1, "next"));
        links.append(link(last, "last"));
    }
    if (number > 1)
        links.append(link(1, "first"));
    if (!links.isEmpty())
        response.withHeader("Link", links.join(", "));
    return response;
}

// --- handlers -------------------------------------------------------------------------

FakeResponse GitHubActionsFake::listWorkflows(const FakeRequest &request)
{
    return page(request, QStringLiteral("workflows"), m_workflows.size(), m_workflows.size(),
                [this](qsizetype offset, qsizetype count) {
                    QJsonArray out;
                    for (qsizetype i = offset; i < offset + count; ++i)
                        out.append(workflowJson(m_workflows.at(i)));
                    return out;
                });
}

FakeResponse GitHubActionsFake::getWorkflow(const FakeRequest &request)
{
    const Workflow *workflow = workflowFor(request.params.value(QStringLiteral("workflow_id")));
    if (!workflow)
        return error(404, QStringLiteral("Not Found"));
    return FakeResponse::json(workflowJson(*workflow));
}

FakeResponse GitHubActionsFake::listRuns(const FakeRequest &request, qint64 workflowId)
{
    const auto value = [&](const char *name) {
        return request.query.queryItemValue(QLatin1String(name), QUrl::FullyDecoded);
    };
    const QString status = value("status");
    const QString branch = value("branch");
    const QString event = value("event");
    const QString headSha = value("head_sha");
    const QString actor = value("actor");
    const QString createdSpec = value("created");
    CreatedRange created;
    if (!createdSpec.isEmpty()) {
        created = parseCreated(createdSpec);
        if (!created.valid)
            return error(422, QStringLiteral("Invalid created date: %1").arg(createdSpec));
    }
    // GitHub answers at most 1,000 results to a filtered query.
    const bool filtered = !status.isEmpty() || !branch.isEmpty() || !event.isEmpty() ||
                          !headSha.isEmpty() || !actor.isEmpty() || !createdSpec.isEmpty() ||
                          request.query.hasQueryItem(QStringLiteral("check_suite_id"));
    QList<qsizetype> hits;
    hits.reserve(m_runs.size());
    for (qsizetype i = m_runs.size() - 1; i >= 0; --i) {
        const Run &run = m_runs.at(i);
        if (workflowId != 0 && run.workflowId != workflowId)
            continue;
        if (!status.isEmpty() && run.status != status && run.conclusion != status)
            continue;
        if (!branch.isEmpty() && run.headBranch != branch)
            continue;
        if (!event.isEmpty() && run.event != event)
            continue;
        if (!headSha.isEmpty() && run.headSha != headSha)
            continue;
        if (!actor.isEmpty() && run.actor != actor)
            continue;
        if (created.from.isValid() && run.createdAt < created.from)
            continue;
        if (created.to.isValid() && run.createdAt >= created.to)
            continue;
        hits.append(i);
    }
    const qsizetype served = filtered ? std::min<qsizetype>(hits.size(), 1000) : hits.size();
    return page(request, QStringLiteral("workflow_runs"), hits.size(), served,
                [&](qsizetype offset, qsizetype count) {
                    QJsonArray out;
                    for (qsizetype i = offset; i < offset + count; ++i)
                        out.append(runJson(m_runs.at(hits.at(i))));
                    return out;
                });
}

FakeResponse GitHubActionsFake::getRun(const FakeRequest &request)
{
    const Run *run = runFor(request);
    if (!run)
        return error(404, QStringLiteral("Not Found"));
    return FakeResponse::json(runJson(*run));
}

FakeResponse GitHubActionsFake::listJobs(const FakeRequest &request)
{
    const Run *run = runFor(request);
    if (!run)
        return error(404, QStringLiteral("Not Found"));
    const QString filter = request.query.queryItemValue(QStringLiteral("filter"));
    if (!filter.isEmpty() && filter != QLatin1String("latest") && filter != QLatin1String("all"))
        return error(422, QStringLiteral("Invalid filter: %1").arg(filter));
    QList<const Job *> jobs;
    if (filter == QLatin1String("all")) {
        for (const Job &job : run->jobs)
            jobs.append(&job);
    } else {
        jobs = latestJobs(*run);
    }
    return page(request, QStringLiteral("jobs"), jobs.size(), jobs.size(),
                [&](qsizetype offset, qsizetype count) {
                    QJsonArray out;
                    for (qsizetype i = offset; i < offset + count; ++i)
                        out.append(jobJson(*run, *jobs.at(i)));
                    return out;
                });
}

FakeResponse GitHubActionsFake::getJob(const FakeRequest &request)
{
    const auto [run, job] = findJob(request.params.value(QStringLiteral("job_id")).toLongLong());
    if (!job)
        return error(404, QStringLiteral("Not Found"));
    return FakeResponse::json(jobJson(*run, *job));
}

FakeResponse GitHubActionsFake::jobLogs(const FakeRequest &request)
{
    const qint64 jobId = request.params.value(QStringLiteral("job_id")).toLongLong();
    const Job *job = findJob(jobId).second;
    if (!job || job->status != kCompleted)
        return error(404, QStringLiteral("Not Found"));
    const qint64 expires = nowMs() + qint64(logUrlLifetime.count());
    const QByteArray se = QByteArray::number((expires + 999) / 1000);
    const QByteArray sig = QMessageAuthenticationCode::hash(
                               QByteArray::number(jobId) + '\n' + QByteArray::number(expires) +
                                   '\n' + QByteArray::number(m_logLinks.size()),
                               m_signingKey, QCryptographicHash::Sha256)
                               .toHex();
    m_logLinks.insert(sig, LogLink{jobId, expires});
    QUrl location = m_server.url(QStringLiteral("/_blob/jobs/%1/log").arg(jobId));
    location.setQuery(QStringLiteral("sv=2025-01-05&sr=b&sp=r&se=%1&sig=%2")
                          .arg(QString::fromLatin1(se), QString::fromLatin1(sig)));
    FakeResponse response = FakeResponse::empty(302);
    response.withHeader("Location", location.toEncoded());
    return response;
}

FakeResponse GitHubActionsFake::blobLog(const FakeRequest &request)
{
    const QString requestId =
        QStringLiteral("%1-0000-0000-0000-%2")
            .arg(QRandomGenerator::global()->generate(), 8, 16, QLatin1Char('0'))
            .arg(request.index, 12, 10, QLatin1Char('0'));
    const QString time = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
    const auto xml = [&](int status, const QByteArray &code, const QString &message) {
        FakeResponse response = FakeResponse::text(
            blobError(code,
                      message + QStringLiteral("\nRequestId:%1\nTime:%2").arg(requestId, time)),
            status, "application/xml");
        response.withHeader("x-ms-request-id", requestId.toLatin1());
        response.withHeader("x-ms-error-code", code);
        return response;
    };
    if (!request.header("authorization").isEmpty()) {
        return xml(400, "InvalidAuthenticationInfo",
                   QStringLiteral("Authentication information is not given in the correct "
                                  "format. Check the value of Authorization header."));
    }
    const qint64 jobId = request.params.value(QStringLiteral("job_id")).toLongLong();
    const QByteArray sig = request.query.queryItemValue(QStringLiteral("sig")).toLatin1();
    const auto link = m_logLinks.constFind(sig);
    const QString failedAuth =
        QStringLiteral("Server failed to authenticate the request. Make sure the value of "
                       "Authorization header is formed correctly including the signature.");
    if (link == m_logLinks.constEnd() || link->jobId != jobId) {
        return xml(403, "AuthenticationFailed",
                   failedAuth + QStringLiteral("\nSignature did not match."));
    }
    if (nowMs() >= link->expiresMs) {
        return xml(403, "AuthenticationFailed",
                   failedAuth + QStringLiteral("\nSigned expiry time [%1] has expired.")
                                    .arg(httpDate(
                                        QDateTime::fromMSecsSinceEpoch(link->expiresMs, Qt::UTC))));
    }
    const Job *job = findJob(jobId).second;
    if (!job)
        return xml(404, "BlobNotFound", QStringLiteral("The specified blob does not exist."));
    QByteArray log = job->log;
    if (log.isEmpty()) {
        const QByteArray at = job->completedAt.toString(Qt::ISODate).toLatin1();
        log = at + " ##[group]Run " + job->name.toUtf8() + "\n" + at + " ##[endgroup]\n" + at +
              " Job " + job->name.toUtf8() + " " + job->conclusion.toUtf8() + "\n";
    }
    FakeResponse response = FakeResponse::text(log, 200, "text/plain");
    response.withHeader("x-ms-request-id", requestId.toLatin1());
    response.withHeader("x-ms-version", "2025-01-05");
    response.withHeader("x-ms-blob-type", "BlockBlob");
    return response;
}

FakeResponse GitHubActionsFake::dispatch(const FakeRequest &request)
{
    Workflow *workflow = workflowFor(request.params.value(QStringLiteral("workflow_id")));
    if (!workflow)
        return error(404, QStringLiteral("Not Found"));
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(request.body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return error(400, QStringLiteral("Problems parsing JSON"));
    const QJsonObject body = document.object();
    if (!workflow->dispatchable)
        return error(422, QStringLiteral("Workflow does not have 'workflow_dispatch' trigger"));
    if (workflow->state != QLatin1String("active"))
        return error(422,
                     QStringLiteral("Cannot trigger a 'workflow_dispatch' on a disabled workflow"));
    if (workflow->inputs.size() > 25)
        return error(422, QStringLiteral("Invalid workflow: you may only define up to 25 "
                                         "`inputs` for a `workflow_dispatch` event"));
    const QJsonValue refValue = body.value(QStringLiteral("ref"));
    if (!refValue.isString())
        return error(422, QStringLiteral("Invalid request.\n\n\"ref\" wasn't supplied."));
    QString ref = refValue.toString();
    if (ref.startsWith(QLatin1String("refs/heads/")))
        ref = ref.mid(11);
    if (!branches.contains(ref))
        return error(422, QStringLiteral("No ref found for: %1").arg(refValue.toString()));

    const QJsonValue inputsValue = body.value(QStringLiteral("inputs"));
    if (!inputsValue.isUndefined() && !inputsValue.isNull() && !inputsValue.isObject())
        return error(422, QStringLiteral("Invalid request.\n\nFor 'properties/inputs', %1 is not "
                                         "an object.")
                              .arg(QString::fromUtf8(QJsonDocument(QJsonArray{inputsValue})
                                                         .toJson(QJsonDocument::Compact)
                                                         .mid(1)
                                                         .chopped(1))));
    const QJsonObject inputs = inputsValue.toObject();
    QStringList unexpected;
    for (auto it = inputs.constBegin(); it != inputs.constEnd(); ++it) {
        if (!it.value().isString()) {
            const QByteArray shown =
                QJsonDocument(QJsonArray{it.value()}).toJson(QJsonDocument::Compact);
            return error(422, QStringLiteral("Invalid request.\n\nFor 'properties/%1', %2 is not "
                                             "a string.")
                                  .arg(it.key(), QString::fromUtf8(shown.mid(1).chopped(1))));
        }
        const bool declared = std::any_of(workflow->inputs.cbegin(), workflow->inputs.cend(),
                                          [&](const Input &i) { return i.name == it.key(); });
        if (!declared)
            unexpected.append(QLatin1Char('"') + it.key() + QLatin1Char('"'));
    }
    if (!unexpected.isEmpty())
        return error(422, QStringLiteral("Unexpected inputs provided: [%1]")
                              .arg(unexpected.join(QStringLiteral(", "))));
    for (const Input &input : std::as_const(workflow->inputs)) {
        if (input.required && !inputs.contains(input.name))
            return error(422, QStringLiteral("Required input '%1' not provided").arg(input.name));
    }

    Run run;
    run.workflowId = workflow->id;
    run.name = workflow->name;
    run.event = QStringLiteral("workflow_dispatch");
    run.headBranch = ref;
    run.headSha = sha1Of(QStringLiteral("branch:") + ref);
    run.inputs = inputs;
    run.status = kQueued;
    for (const QString &name : std::as_const(workflow->jobNames))
        run.jobs.append(makeJob(run, name, workflow->jobEnvironment.value(name)));
    const qint64 id = addRun(std::move(run));
    Run *created = this->run(id);
    settle(*created);
    dispatches.append(body);

    if (returnRunDetails && body.value(QStringLiteral("return_run_details")).toBool()) {
        const QString path = QStringLiteral("/actions/runs/%1").arg(id);
        return FakeResponse::json(QJsonObject{{QStringLiteral("workflow_run_id"), id},
                                              {QStringLiteral("run_url"), apiUrl(path)},
                                              {QStringLiteral("html_url"), htmlUrl(path)}});
    }
    return FakeResponse::empty(204);
}

FakeResponse GitHubActionsFake::cancel(const FakeRequest &request)
{
    Run *run = runFor(request);
    if (!run)
        return error(404, QStringLiteral("Not Found"));
    if (run->status == kCompleted)
        return error(409, QStringLiteral("Cannot cancel a workflow run that is completed."));
    const QDateTime now = nowSecs();
    for (const Job *latest : latestJobs(*run)) {
        Job &job = const_cast<Job &>(*latest);
        if (!unfinished(job.status))
            continue;
        job.status = kCompleted;
        job.conclusion = kCancelled;
        job.completedAt = now;
        finishSteps(job, kCancelled, now);
    }
    run->status = kCompleted;
    run->conclusion = kCancelled;
    bump(*run);
    cancels.append(run->id);
    return FakeResponse::json(QJsonObject{}, 202);
}

FakeResponse GitHubActionsFake::rerunFailed(const FakeRequest &request)
{
    Run *run = runFor(request);
    if (!run)
        return error(404, QStringLiteral("Not Found"));
    if (run->status != kCompleted)
        return error(403, QStringLiteral("This workflow run is not completed"));
    QList<std::pair<QString, QString>> again; // name, environment
    for (const Job *job : latestJobs(*run)) {
        if (failed(job->conclusion) || job->conclusion == kCancelled)
            again.append({job->name, job->environment});
    }
    if (again.isEmpty())
        return error(403, QStringLiteral("This workflow run has no failed jobs to re-run"));
    ++run->runAttempt;
    for (const auto &[name, environment] : std::as_const(again)) {
        const Job job = makeJob(*run, name, environment);
        m_jobRun.insert(job.id, run->id);
        run->jobs.append(job);
    }
    run->status = kQueued;
    run->conclusion.clear();
    run->runStartedAt = nowSecs();
    settle(*run);
    bump(*run);
    reruns.append(run->id);
    return FakeResponse::json(QJsonObject{}, 201);
}

FakeResponse GitHubActionsFake::pendingDeployments(const FakeRequest &request)
{
    const Run *run = runFor(request);
    if (!run)
        return error(404, QStringLiteral("Not Found"));
    QJsonArray out;
    QStringList seen;
    for (const Job *job : latestJobs(*run)) {
        if (job->status != kWaiting || job->environment.isEmpty() ||
            seen.contains(job->environment))
            continue;
        seen.append(job->environment);
        out.append(QJsonObject{
            {QStringLiteral("environment"), environmentJson(job->environment)},
            {QStringLiteral("wait_timer"), 0},
            {QStringLiteral("wait_timer_started_at"), iso(job->createdAt)},
            {QStringLiteral("current_user_can_approve"), true},
            {QStringLiteral("reviewers"),
             QJsonArray{QJsonObject{{QStringLiteral("type"), QStringLiteral("User")},
                                    {QStringLiteral("reviewer"), userJson(m_owner)}}}}});
    }
    return FakeResponse::jsonArray(out);
}

FakeResponse GitHubActionsFake::reviewDeployments(const FakeRequest &request)
{
    Run *run = runFor(request);
    if (!run)
        return error(404, QStringLiteral("Not Found"));
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(request.body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return error(400, QStringLiteral("Problems parsing JSON"));
    const QJsonObject body = document.object();
    const QJsonValue ids = body.value(QStringLiteral("environment_ids"));
    if (!ids.isArray() || ids.toArray().isEmpty())
        return error(422,
                     QStringLiteral("Invalid request.\n\n\"environment_ids\" wasn't supplied."));
    const QJsonValue state = body.value(QStringLiteral("state"));
    if (!state.isString())
        return error(422, QStringLiteral("Invalid request.\n\n\"state\" wasn't supplied."));
    if (state.toString() != u"approved" && state.toString() != u"rejected")
        return error(422, QStringLiteral("Invalid request.\n\nFor 'properties/state', \"%1\" is "
                                         "not a member of [\"approved\", \"rejected\"].")
                              .arg(state.toString()));
    if (!body.value(QStringLiteral("comment")).isString())
        return error(422, QStringLiteral("Invalid request.\n\n\"comment\" wasn't supplied."));

    QHash<qint64, QString> pending; // environment id -> name
    for (const Job *job : latestJobs(*run)) {
        if (job->status == kWaiting && !job->environment.isEmpty())
            pending.insert(environmentId(job->environment), job->environment);
    }
    QStringList chosen;
    for (const QJsonValue &id : ids.toArray()) {
        const qint64 value = id.toInteger(-1);
        if (!id.isDouble() || !pending.contains(value))
            return error(
                422, QStringLiteral("Environment %1 is not waiting for a review in this "
                                    "workflow run")
                         .arg(id.isDouble() ? QString::number(value) : id.toVariant().toString()));
        if (!chosen.contains(pending.value(value)))
            chosen.append(pending.value(value));
    }

    const bool approved = state.toString() == u"approved";
    const QDateTime now = nowSecs();
    for (Job &job : run->jobs) {
        if (job.status != kWaiting || !chosen.contains(job.environment) ||
            latestJob(*run, job.name) != &job)
            continue;
        if (approved) {
            job.status = kQueued;
        } else {
            job.status = kCompleted;
            job.conclusion = kFailure;
            job.startedAt = job.completedAt = now;
            for (Step &step : job.steps) {
                step.status = kCompleted;
                step.conclusion = kSkipped;
            }
        }
    }
    if (!approved) {
        // What needed the rejected deployment does not run: the run ends failure.
        for (const Job *latest : latestJobs(*run)) {
            Job &job = const_cast<Job &>(*latest);
            if (job.status == kQueued || job.status == kWaiting) {
                job.status = kCompleted;
                job.conclusion = kSkipped;
                job.completedAt = now;
                finishSteps(job, kSkipped, now);
            }
        }
    }
    settle(*run);
    bump(*run);
    reviews.append({run->id, body});

    QJsonArray out;
    if (approved) {
        for (const QString &environment : std::as_const(chosen)) {
            const qint64 id = m_nextDeploymentId++;
            const QString url = apiUrl(QStringLiteral("/deployments/%1").arg(id));
            out.append(
                QJsonObject{{QStringLiteral("url"), url},
                            {QStringLiteral("id"), id},
                            {QStringLiteral("node_id"), nodeId("DE", id)},
                            {QStringLiteral("sha"), run->headSha},
                            {QStringLiteral("ref"), run->headBranch},
                            {QStringLiteral("task"), QStringLiteral("deploy")},
                            {QStringLiteral("payload"), QJsonObject()},
                            {QStringLiteral("original_environment"), environment},
                            {QStringLiteral("environment"), environment},
                            {QStringLiteral("description"), QString()},
                            {QStringLiteral("creator"), userJson(m_owner)},
                            {QStringLiteral("created_at"), iso(now)},
                            {QStringLiteral("updated_at"), iso(now)},
                            {QStringLiteral("statuses_url"), url + QStringLiteral("/statuses")},
                            {QStringLiteral("repository_url"), apiUrl({})}});
        }
    }
    return FakeResponse::jsonArray(out);
}

} // namespace DeployDesk::Test
