// The GitHub Actions contract fake as a client sees it over HTTP: authentication and errors,
// paging with Link headers, ETags and 304s, job log redirects to expiring URLs, dispatch,
// cancel, re-run, pending deployments, rate limits, and 10,000 runs paged quickly.
#include "fakes/githubactionsfake.h"

#include "net/httpclient.h"
#include "net/httpjob.h"

#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QSet>
#include <QSignalSpy>
#include <QTest>

#include <limits>
#include <memory>

using namespace DeployDesk;
using namespace DeployDesk::Test;
using namespace std::chrono_literals;

namespace {

const QByteArray kToken = "ghp_fakeToken0123456789";

struct Answer
{
    int status = 0;
    QByteArray body;
    QList<QNetworkReply::RawHeaderPair> headers;

    QByteArray header(QByteArrayView name) const
    {
        for (const auto &[key, value] : headers) {
            if (key.compare(name, Qt::CaseInsensitive) == 0)
                return value;
        }
        return {};
    }
    QJsonObject object() const { return QJsonDocument::fromJson(body).object(); }
    QJsonArray array() const { return QJsonDocument::fromJson(body).array(); }
    QString message() const { return object().value(QStringLiteral("message")).toString(); }
    // The target of the Link header's `rel`, empty when absent.
    QString link(const QString &rel) const
    {
        const QRegularExpression re(QStringLiteral("<([^>]+)>; rel=\"%1\"").arg(rel));
        return re.match(QString::fromLatin1(header("link"))).captured(1);
    }
};

} // namespace

class TestGitHubActionsFake : public QObject
{
    Q_OBJECT

    std::unique_ptr<GitHubActionsFake> m_fake;
    QNetworkAccessManager m_network;

    QUrl api(const QString &pathAndQuery) const
    {
        return QUrl(m_fake->url().toString() + QStringLiteral("/repos/octo/app") + pathAndQuery);
    }

    // One request, answered or failed (status 0) within 10 s; redirects are not followed.
    Answer send(const QByteArray &method, const QUrl &url, const QByteArray &body = {},
                const QList<std::pair<QByteArray, QByteArray>> &headers = {}, bool authorize = true)
    {
        QNetworkRequest request(url);
        request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                             QNetworkRequest::ManualRedirectPolicy);
        if (authorize) {
            request.setRawHeader("Authorization", "Bearer " + kToken);
            request.setRawHeader("Accept", "application/vnd.github+json");
            request.setRawHeader("X-GitHub-Api-Version", "2022-11-28");
        }
        if (!body.isEmpty())
            request.setHeader(QNetworkRequest::ContentTypeHeader, "application/json");
        for (const auto &[name, value] : headers)
            request.setRawHeader(name, value);
        std::unique_ptr<QNetworkReply> reply(m_network.sendCustomRequest(request, method, body));
        QSignalSpy finished(reply.get(), &QNetworkReply::finished);
        if (!reply->isFinished() && !finished.wait(10000))
            qWarning("no answer to %s %s", method.constData(), qPrintable(url.toString()));
        Answer answer;
        answer.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        answer.body = reply->readAll();
        answer.headers = reply->rawHeaderPairs();
        return answer;
    }
    Answer get(const QString &path, const QList<std::pair<QByteArray, QByteArray>> &headers = {})
    {
        return send("GET", api(path), {}, headers);
    }
    Answer post(const QString &path, const QJsonObject &json = {})
    {
        return send("POST", api(path), QJsonDocument(json).toJson(QJsonDocument::Compact));
    }

    qint64 addCi(QStringList jobs = {QStringLiteral("build")})
    {
        GitHubActionsFake::Workflow workflow;
        workflow.name = QStringLiteral("CI");
        workflow.path = QStringLiteral(".github/workflows/ci.yml");
        workflow.jobNames = std::move(jobs);
        return m_fake->addWorkflow(workflow);
    }
    qint64 addDeploy()
    {
        GitHubActionsFake::Workflow workflow;
        workflow.name = QStringLiteral("Deploy");
        workflow.path = QStringLiteral(".github/workflows/deploy.yml");
        workflow.inputs = {{QStringLiteral("version"), QStringLiteral("string"), true},
                           {QStringLiteral("dry_run"), QStringLiteral("boolean"), false}};
        workflow.jobNames = {QStringLiteral("build"), QStringLiteral("deploy")};
        workflow.jobEnvironment.insert(QStringLiteral("deploy"), QStringLiteral("production"));
        return m_fake->addWorkflow(workflow);
    }
    qint64 addRun(qint64 workflowId)
    {
        GitHubActionsFake::Run run;
        run.workflowId = workflowId;
        return m_fake->addRun(run);
    }
    QJsonObject jobNamed(qint64 runId, const QString &name, const QString &filter = {})
    {
        const QString query = filter.isEmpty() ? QString() : QStringLiteral("?filter=") + filter;
        const QJsonArray jobs = get(QStringLiteral("/actions/runs/%1/jobs%2").arg(runId).arg(query))
                                    .object()
                                    .value(QStringLiteral("jobs"))
                                    .toArray();
        for (const QJsonValue &job : jobs) {
            if (job[QStringLiteral("name")] == name)
                return job.toObject();
        }
        return {};
    }
    QJsonObject dispatchDeploy(qint64 workflowId)
    {
        return post(QStringLiteral("/actions/workflows/%1/dispatches").arg(workflowId),
                    QJsonObject{{"ref", "main"},
                                {"inputs", QJsonObject{{"version", "1.2.3"}}},
                                {"return_run_details", true}})
            .object();
    }

private slots:
    void init()
    {
        m_fake = std::make_unique<GitHubActionsFake>(QStringLiteral("octo"), QStringLiteral("app"),
                                                     kToken);
        QVERIFY(m_fake->listen());
    }
    void cleanup() { m_fake.reset(); }

    void authenticationAndErrors()
    {
        addCi();
        const Answer anonymous =
            send("GET", api(QStringLiteral("/actions/workflows")), {}, {}, false);
        QCOMPARE(anonymous.status, 401);
        QCOMPARE(anonymous.message(), QStringLiteral("Bad credentials"));
        QCOMPARE(anonymous.object().value("status").toString(), QStringLiteral("401"));
        QVERIFY(anonymous.object()
                    .value("documentation_url")
                    .toString()
                    .startsWith(QStringLiteral("https://docs.github.com/rest")));
        const Answer wrong = get(QStringLiteral("/actions/workflows"),
                                 {{"Authorization", "Bearer ghp_someoneElse"}});
        QCOMPARE(wrong.status, 401);
        QCOMPARE(get(QStringLiteral("/actions/workflows"), {{"X-GitHub-Api-Version", "2020-01-01"}})
                     .status,
                 400);
        QCOMPARE(get(QStringLiteral("/actions/workflows"), {{"X-GitHub-Api-Version", "2026-03-10"}})
                     .status,
                 200);

        const Answer ok = get(QStringLiteral("/actions/workflows"));
        QCOMPARE(ok.status, 200);
        QCOMPARE(ok.header("x-ratelimit-limit"), QByteArray("5000"));
        QCOMPARE(ok.header("x-ratelimit-remaining").toInt() + ok.header("x-ratelimit-used").toInt(),
                 5000);
        QCOMPARE(ok.header("x-ratelimit-resource"), QByteArray("core"));
        QVERIFY(ok.header("x-ratelimit-reset").toLongLong() > QDateTime::currentSecsSinceEpoch());
        QVERIFY(!ok.header("x-github-request-id").isEmpty());
        QCOMPARE(ok.header("x-ratelimit-remaining").toInt(), m_fake->remaining());

        const Answer otherRepo =
            send("GET",
                 QUrl(m_fake->url().toString() + QStringLiteral("/repos/octo/other/actions/runs")));
        QCOMPARE(otherRepo.status, 404);
        QCOMPARE(otherRepo.message(), QStringLiteral("Not Found"));
        QCOMPARE(otherRepo.object().value("status").toString(), QStringLiteral("404"));
        QCOMPARE(get(QStringLiteral("/actions/runs/42")).status, 404);
        QCOMPARE(get(QStringLiteral("/actions/jobs/42")).status, 404);
        QCOMPARE(get(QStringLiteral("/actions/workflows/nope.yml")).status, 404);
        QCOMPARE(get(QStringLiteral("/actions/nothing/here")).status, 404);
        QCOMPARE(m_fake->apiRequests(), 10);

        // The platform error as the project's client reads it.
        HttpClient client(Platform::GitHub, m_fake->url());
        client.setBearerToken("ghp_wrong");
        client.setRetryPolicy(RetryPolicy::none());
        HttpJob *job = client.send(
            HttpRequest::get(QUrl(QStringLiteral("/repos/octo/app/actions/runs"))), this);
        QSignalSpy done(job, &Job::result);
        job->start();
        QVERIFY(done.wait(10000));
        QCOMPARE(job->status(), 401);
        QCOMPARE(job->remoteError().message, QStringLiteral("Bad credentials"));
        QVERIFY(!job->remoteError().requestId.isEmpty());
    }

    void workflowsRunsAndJobs()
    {
        const qint64 ci = addCi({QStringLiteral("build"), QStringLiteral("test")});
        addDeploy();
        const Answer workflows = get(QStringLiteral("/actions/workflows"));
        QCOMPARE(workflows.object().value("total_count").toInt(), 2);
        const QJsonObject first = workflows.object().value("workflows").toArray().at(0).toObject();
        for (const char *key : {"id", "node_id", "name", "path", "state", "created_at",
                                "updated_at", "url", "html_url", "badge_url"})
            QVERIFY2(first.contains(QLatin1String(key)), key);
        QCOMPARE(first.value("path").toString(), QStringLiteral(".github/workflows/ci.yml"));
        QCOMPARE(first.value("state").toString(), QStringLiteral("active"));
        QCOMPARE(get(QStringLiteral("/actions/workflows/ci.yml")).object().value("id").toInteger(),
                 ci);
        QCOMPARE(get(QStringLiteral("/actions/workflows/%1").arg(ci)).object().value("name"),
                 QStringLiteral("CI"));

        const qint64 id = addRun(ci);
        const QJsonObject run = get(QStringLiteral("/actions/runs/%1").arg(id)).object();
        for (const char *key : {"id",
                                "name",
                                "node_id",
                                "head_branch",
                                "head_sha",
                                "path",
                                "display_title",
                                "run_number",
                                "event",
                                "status",
                                "conclusion",
                                "workflow_id",
                                "url",
                                "html_url",
                                "created_at",
                                "updated_at",
                                "run_attempt",
                                "run_started_at",
                                "jobs_url",
                                "logs_url",
                                "cancel_url",
                                "rerun_url",
                                "workflow_url",
                                "actor",
                                "triggering_actor",
                                "head_commit",
                                "repository"})
            QVERIFY2(run.contains(QLatin1String(key)), key);
        QCOMPARE(run.value("id").toInteger(), id);
        QCOMPARE(run.value("html_url").toString(),
                 QStringLiteral("https://github.com/octo/app/actions/runs/%1").arg(id));
        QCOMPARE(run.value("url").toString(),
                 m_fake->url().toString() +
                     QStringLiteral("/repos/octo/app/actions/runs/%1").arg(id));
        QCOMPARE(run.value("status").toString(), QStringLiteral("queued"));
        QVERIFY(run.value("conclusion").isNull());
        QCOMPARE(run.value("run_number").toInt(), 1);
        QCOMPARE(run.value("run_attempt").toInt(), 1);
        QCOMPARE(run.value("event").toString(), QStringLiteral("push"));
        QCOMPARE(run.value("workflow_id").toInteger(), ci);
        QCOMPARE(run.value("head_sha").toString().size(), 40);
        QVERIFY(run.value("created_at").toString().endsWith(u'Z'));
        QVERIFY(QDateTime::fromString(run.value("created_at").toString(), Qt::ISODate).isValid());
        QCOMPARE(run["actor"]["login"].toString(), QStringLiteral("octocat"));
        QCOMPARE(run["actor"]["type"].toString(), QStringLiteral("User"));
        QCOMPARE(run["triggering_actor"]["login"].toString(), QStringLiteral("octocat"));
        QCOMPARE(run["head_commit"]["id"], run["head_sha"]);
        QVERIFY(run["head_commit"]["author"]["email"].toString().contains(u'@'));
        QCOMPARE(run["repository"]["full_name"].toString(), QStringLiteral("octo/app"));
        QCOMPARE(addRun(ci), id + 1);
        QCOMPARE(m_fake->run(id + 1)->runNumber, 2);

        QJsonObject build = jobNamed(id, QStringLiteral("build"));
        for (const char *key :
             {"id", "run_id", "run_attempt", "workflow_name", "head_branch", "head_sha", "name",
              "status", "conclusion", "created_at", "started_at", "completed_at", "html_url", "url",
              "labels", "runner_name", "steps"})
            QVERIFY2(build.contains(QLatin1String(key)), key);
        QCOMPARE(build.value("run_id").toInteger(), id);
        QCOMPARE(build.value("status").toString(), QStringLiteral("queued"));
        QVERIFY(build.value("conclusion").isNull());
        QVERIFY(build.value("completed_at").isNull());
        QCOMPARE(build.value("labels").toArray(), QJsonArray{QStringLiteral("ubuntu-latest")});
        QCOMPARE(build.value("workflow_name").toString(), QStringLiteral("CI"));
        const QJsonObject step = build.value("steps").toArray().at(0).toObject();
        for (const char *key :
             {"name", "status", "conclusion", "number", "started_at", "completed_at"})
            QVERIFY2(step.contains(QLatin1String(key)), key);
        const qint64 buildId = build.value("id").toInteger();
        QCOMPARE(get(QStringLiteral("/actions/jobs/%1").arg(buildId)).object().value("name"),
                 QStringLiteral("build"));

        m_fake->startRun(id);
        QCOMPARE(get(QStringLiteral("/actions/runs/%1").arg(id)).object().value("status"),
                 QStringLiteral("in_progress"));
        build = jobNamed(id, QStringLiteral("build"));
        QCOMPARE(build.value("status").toString(), QStringLiteral("in_progress"));
        QVERIFY(build.value("runner_name").isString());
        m_fake->completeJob(id, QStringLiteral("build"), QStringLiteral("success"), "ok\n");
        QCOMPARE(get(QStringLiteral("/actions/runs/%1").arg(id)).object().value("status"),
                 QStringLiteral("in_progress"));
        m_fake->startJob(id, QStringLiteral("test"));
        m_fake->completeJob(id, QStringLiteral("test"), QStringLiteral("success"), "ok\n");
        const QJsonObject done = get(QStringLiteral("/actions/runs/%1").arg(id)).object();
        QCOMPARE(done.value("status").toString(), QStringLiteral("completed"));
        QCOMPARE(done.value("conclusion").toString(), QStringLiteral("success"));
        build = jobNamed(id, QStringLiteral("build"));
        QCOMPARE(build.value("conclusion").toString(), QStringLiteral("success"));
        QVERIFY(build.value("completed_at").isString());
        for (const QJsonValue &s : build.value("steps").toArray())
            QCOMPARE(s["status"].toString(), QStringLiteral("completed"));
    }

    void paginationAndFilters()
    {
        const qint64 ci = addCi();
        m_fake->addRuns(ci, 250);
        const QString base =
            m_fake->url().toString() + QStringLiteral("/repos/octo/app/actions/runs");

        const Answer first = get(QStringLiteral("/actions/runs?per_page=100"));
        QCOMPARE(first.object().value("total_count").toInt(), 250);
        const QJsonArray runs = first.object().value("workflow_runs").toArray();
        QCOMPARE(runs.size(), 100);
        QCOMPARE(runs.at(0)["id"].toInteger(), m_fake->runs().constLast().id);
        for (qsizetype i = 1; i < runs.size(); ++i)
            QVERIFY(runs.at(i)["id"].toInteger() < runs.at(i - 1)["id"].toInteger());
        QCOMPARE(first.link(QStringLiteral("next")), base + QStringLiteral("?per_page=100&page=2"));
        QCOMPARE(first.link(QStringLiteral("last")), base + QStringLiteral("?per_page=100&page=3"));
        QVERIFY(first.link(QStringLiteral("prev")).isEmpty());
        QVERIFY(first.link(QStringLiteral("first")).isEmpty());
        QVERIFY(first.header("link").startsWith('<'));

        const Answer second = get(QStringLiteral("/actions/runs?per_page=100&page=2"));
        QCOMPARE(second.link(QStringLiteral("prev")),
                 base + QStringLiteral("?per_page=100&page=1"));
        QCOMPARE(second.link(QStringLiteral("next")),
                 base + QStringLiteral("?per_page=100&page=3"));
        QCOMPARE(second.link(QStringLiteral("last")),
                 base + QStringLiteral("?per_page=100&page=3"));
        QCOMPARE(second.link(QStringLiteral("first")),
                 base + QStringLiteral("?per_page=100&page=1"));
        const Answer third = get(QStringLiteral("/actions/runs?per_page=100&page=3"));
        QCOMPARE(third.object().value("workflow_runs").toArray().size(), 50);
        QVERIFY(third.link(QStringLiteral("next")).isEmpty());
        QVERIFY(third.link(QStringLiteral("last")).isEmpty());
        QCOMPARE(third.link(QStringLiteral("first")),
                 base + QStringLiteral("?per_page=100&page=1"));

        QCOMPARE(get(QStringLiteral("/actions/runs?per_page=500"))
                     .object()
                     .value("workflow_runs")
                     .toArray()
                     .size(),
                 100);
        const Answer byDefault = get(QStringLiteral("/actions/runs"));
        QCOMPARE(byDefault.object().value("workflow_runs").toArray().size(), 30);
        QCOMPARE(byDefault.link(QStringLiteral("last")), base + QStringLiteral("?page=9"));

        // Filters stay in the links; conclusions cycle success, failure, cancelled.
        const Answer failures = get(QStringLiteral(
            "/actions/workflows/ci.yml/runs?status=failure&branch=main&per_page=50"));
        QCOMPARE(failures.object().value("total_count").toInt(), 83);
        for (const QJsonValue &r : failures.object().value("workflow_runs").toArray())
            QCOMPARE(r["conclusion"].toString(), QStringLiteral("failure"));
        const QString next = failures.link(QStringLiteral("next"));
        QVERIFY2(next.contains(QStringLiteral("status=failure")) &&
                     next.contains(QStringLiteral("branch=main")) &&
                     next.contains(QStringLiteral("per_page=50")) &&
                     next.endsWith(QStringLiteral("page=2")),
                 qPrintable(next));
        QCOMPARE(get(QStringLiteral("/actions/runs?status=completed&per_page=1"))
                     .object()
                     .value("total_count")
                     .toInt(),
                 250);
        QCOMPARE(get(QStringLiteral("/actions/runs?event=workflow_dispatch"))
                     .object()
                     .value("total_count")
                     .toInt(),
                 0);
        const QList<GitHubActionsFake::Run> &all = m_fake->runs();
        const QString since = all.at(all.size() - 10).createdAt.toString(Qt::ISODate);
        QCOMPARE(get(QStringLiteral("/actions/runs?created=%3E%3D") + since)
                     .object()
                     .value("total_count")
                     .toInt(),
                 10);
        QCOMPARE(get(QStringLiteral("/actions/runs?head_sha=") + all.at(3).headSha)
                     .object()
                     .value("workflow_runs")
                     .toArray()
                     .at(0)["id"]
                     .toInteger(),
                 all.at(3).id);
        QCOMPARE(all.constLast().createdAt.secsTo(QDateTime::currentDateTimeUtc()) < 5, true);
        QCOMPARE(all.constFirst().createdAt.secsTo(all.constLast().createdAt), 249 * 60);
    }

    void etagsAndNotModified()
    {
        const qint64 id = addRun(addCi());
        const Answer first = get(QStringLiteral("/actions/runs/%1").arg(id));
        const QByteArray etag = first.header("etag");
        QVERIFY2(etag.startsWith("W/\"") && etag.endsWith('"') && etag.size() > 10, etag);
        const int remaining = m_fake->remaining();

        const Answer again = get(QStringLiteral("/actions/runs/%1").arg(id),
                                 {{"If-None-Match", "W/\"0000\", " + etag}});
        QCOMPARE(again.status, 304);
        QVERIFY(again.body.isEmpty());
        QCOMPARE(again.header("etag"), etag);
        QCOMPARE(again.header("x-ratelimit-remaining").toInt(), remaining);
        QCOMPARE(m_fake->remaining(), remaining);
        QCOMPARE(m_fake->notModified(), 1);

        m_fake->touch(id);
        const Answer changed =
            get(QStringLiteral("/actions/runs/%1").arg(id), {{"If-None-Match", etag}});
        QCOMPARE(changed.status, 200);
        QVERIFY(changed.header("etag") != etag);
        QVERIFY(changed.object().value("updated_at") != first.object().value("updated_at"));
        QCOMPARE(m_fake->remaining(), remaining - 1);

        const Answer list = get(QStringLiteral("/actions/runs"));
        QCOMPARE(
            get(QStringLiteral("/actions/runs"), {{"If-None-Match", list.header("etag")}}).status,
            304);
        QCOMPARE(m_fake->notModified(), 2);
    }

    void jobLogRedirects()
    {
        const qint64 id = addRun(addCi());
        const qint64 jobId = m_fake->run(id)->jobs.at(0).id;
        const QString logs = QStringLiteral("/actions/jobs/%1/logs").arg(jobId);
        QCOMPARE(get(logs).status, 404); // not completed yet
        m_fake->startRun(id);
        m_fake->completeJob(id, QStringLiteral("build"), QStringLiteral("failure"),
                            "line 1\nerror: boom\n");

        const Answer redirect = get(logs);
        QCOMPARE(redirect.status, 302);
        const QUrl location(QString::fromLatin1(redirect.header("location")));
        QVERIFY(location.toString().startsWith(m_fake->url().toString() +
                                               QStringLiteral("/_blob/jobs/%1/log?").arg(jobId)));
        const QUrlQuery query(location);
        QVERIFY(!query.queryItemValue(QStringLiteral("sig")).isEmpty());
        const qint64 expiry = query.queryItemValue(QStringLiteral("se")).toLongLong();
        const qint64 now = QDateTime::currentSecsSinceEpoch();
        QVERIFY2(expiry >= now + 59 && expiry <= now + 61, qPrintable(location.toString()));

        const int apiCalls = m_fake->apiRequests();
        const Answer log = send("GET", location, {}, {}, false);
        QCOMPARE(log.status, 200);
        QCOMPARE(log.body, QByteArray("line 1\nerror: boom\n"));
        QVERIFY(log.header("content-type").startsWith("text/plain"));
        const Answer withToken =
            send("GET", location, {}, {{"Authorization", "Bearer " + kToken}}, false);
        QCOMPARE(withToken.status, 400);
        QVERIFY(withToken.body.startsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?><Error>"));
        QUrl tampered = location;
        QUrlQuery tamperedQuery(query);
        tamperedQuery.removeAllQueryItems(QStringLiteral("sig"));
        tamperedQuery.addQueryItem(QStringLiteral("sig"), QStringLiteral("00"));
        tampered.setQuery(tamperedQuery);
        QCOMPARE(send("GET", tampered, {}, {}, false).status, 403);
        QCOMPARE(m_fake->apiRequests(), apiCalls); // log downloads are not API calls

        m_fake->logUrlLifetime = 0ms;
        const Answer expired =
            send("GET", QUrl(QString::fromLatin1(get(logs).header("location"))), {}, {}, false);
        QCOMPARE(expired.status, 403);
        QVERIFY(expired.body.startsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?><Error>"));
        QVERIFY(expired.body.contains("<Code>AuthenticationFailed</Code>"));
        QVERIFY2(expired.body.contains("Signed expiry time") &&
                     expired.body.contains("has expired"),
                 expired.body.constData());

        // What a client does: no redirect followed, then the URL fetched without the token.
        m_fake->logUrlLifetime = 60s;
        HttpClient github(Platform::GitHub, m_fake->url());
        github.setBearerToken(kToken);
        github.setRetryPolicy(RetryPolicy::none());
        HttpRequest request = HttpRequest::get(QUrl(QStringLiteral("/repos/octo/app") + logs));
        request.followRedirects = false;
        HttpJob *job = github.send(request, this);
        QSignalSpy done(job, &Job::result);
        job->start();
        QVERIFY(done.wait(10000));
        QCOMPARE(job->outcome(), Job::Outcome::Success);
        QCOMPARE(job->status(), 302);
        HttpClient blob(Platform::Generic);
        blob.setRetryPolicy(RetryPolicy::none());
        HttpJob *download =
            blob.send(HttpRequest::get(QUrl::fromEncoded(job->header("location"))), this);
        QSignalSpy downloaded(download, &Job::result);
        download->start();
        QVERIFY(downloaded.wait(10000));
        QCOMPARE(download->outcome(), Job::Outcome::Success);
        QCOMPARE(download->body(), QByteArray("line 1\nerror: boom\n"));
    }

    void dispatches()
    {
        const qint64 deploy = addDeploy();
        const QJsonObject details = dispatchDeploy(deploy);
        const qint64 id = details.value("workflow_run_id").toInteger();
        QVERIFY(id > 0);
        QCOMPARE(details.value("run_url").toString(),
                 m_fake->url().toString() +
                     QStringLiteral("/repos/octo/app/actions/runs/%1").arg(id));
        QCOMPARE(details.value("html_url").toString(),
                 QStringLiteral("https://github.com/octo/app/actions/runs/%1").arg(id));
        const QJsonObject run = get(QStringLiteral("/actions/runs/%1").arg(id)).object();
        QCOMPARE(run.value("event").toString(), QStringLiteral("workflow_dispatch"));
        QCOMPARE(run.value("head_branch").toString(), QStringLiteral("main"));
        QCOMPARE(run.value("status").toString(), QStringLiteral("queued"));
        QCOMPARE(jobNamed(id, QStringLiteral("build")).value("status"), QStringLiteral("queued"));
        QCOMPARE(jobNamed(id, QStringLiteral("deploy")).value("status"), QStringLiteral("waiting"));
        QCOMPARE(m_fake->run(id)->inputs.value("version").toString(), QStringLiteral("1.2.3"));

        const QString path = QStringLiteral("/actions/workflows/deploy.yml/dispatches");
        const Answer plain =
            post(path, {{"ref", "main"}, {"inputs", QJsonObject{{"version", "2"}}}});
        QCOMPARE(plain.status, 204);
        QVERIFY(plain.body.isEmpty());
        m_fake->returnRunDetails = false;
        QCOMPARE(post(path, {{"ref", "main"},
                             {"inputs", QJsonObject{{"version", "3"}}},
                             {"return_run_details", true}})
                     .status,
                 204);
        m_fake->returnRunDetails = true;
        QCOMPARE(m_fake->dispatches.size(), 3);
        QCOMPARE(m_fake->runs().size(), 3);

        GitHubActionsFake::Workflow manual;
        manual.name = QStringLiteral("Nightly");
        manual.path = QStringLiteral(".github/workflows/nightly.yml");
        manual.dispatchable = false;
        m_fake->addWorkflow(manual);
        const Answer noTrigger =
            post(QStringLiteral("/actions/workflows/nightly.yml/dispatches"), {{"ref", "main"}});
        QCOMPARE(noTrigger.status, 422);
        QCOMPARE(noTrigger.message(),
                 QStringLiteral("Workflow does not have 'workflow_dispatch' trigger"));
        QCOMPARE(noTrigger.object().value("status").toString(), QStringLiteral("422"));
        const Answer noRef =
            post(path, {{"ref", "nope"}, {"inputs", QJsonObject{{"version", "1"}}}});
        QCOMPARE(noRef.status, 422);
        QCOMPARE(noRef.message(), QStringLiteral("No ref found for: nope"));
        const Answer unexpected = post(
            path, {{"ref", "main"}, {"inputs", QJsonObject{{"version", "1"}, {"extra", "x"}}}});
        QCOMPARE(unexpected.status, 422);
        QCOMPARE(unexpected.message(), QStringLiteral("Unexpected inputs provided: [\"extra\"]"));
        const Answer missing = post(path, {{"ref", "main"}, {"inputs", QJsonObject{}}});
        QCOMPARE(missing.status, 422);
        QCOMPARE(missing.message(), QStringLiteral("Required input 'version' not provided"));
        const Answer notString =
            post(path, {{"ref", "main"}, {"inputs", QJsonObject{{"version", 5}}}});
        QCOMPARE(notString.status, 422);
        QVERIFY2(notString.message().contains(QStringLiteral("is not a string")),
                 qPrintable(notString.message()));
        QCOMPARE(post(QStringLiteral("/actions/workflows/other.yml/dispatches"), {{"ref", "main"}})
                     .status,
                 404);
        QCOMPARE(m_fake->dispatches.size(), 3);

        m_fake->branches.append(QStringLiteral("release"));
        QCOMPARE(post(path, {{"ref", "release"}, {"inputs", QJsonObject{{"version", "4"}}}}).status,
                 204);
        QCOMPARE(m_fake->runs().constLast().headBranch, QStringLiteral("release"));
    }

    void pendingDeployments()
    {
        const qint64 deploy = addDeploy();
        const qint64 id = dispatchDeploy(deploy).value("workflow_run_id").toInteger();
        m_fake->startRun(id);
        m_fake->completeJob(id, QStringLiteral("build"), QStringLiteral("success"), "built\n");
        QCOMPARE(get(QStringLiteral("/actions/runs/%1").arg(id)).object().value("status"),
                 QStringLiteral("waiting"));

        const QString path = QStringLiteral("/actions/runs/%1/pending_deployments").arg(id);
        const QJsonArray pending = get(path).array();
        QCOMPARE(pending.size(), 1);
        const QJsonObject environment = pending.at(0)["environment"].toObject();
        QCOMPARE(environment.value("name").toString(), QStringLiteral("production"));
        for (const char *key : {"id", "node_id", "name", "url", "html_url"})
            QVERIFY2(environment.contains(QLatin1String(key)), key);
        QCOMPARE(pending.at(0)["wait_timer"].toInt(-1), 0);
        QVERIFY(pending.at(0)["wait_timer_started_at"].isString());
        QCOMPARE(pending.at(0)["current_user_can_approve"].toBool(), true);
        QCOMPARE(pending.at(0)["reviewers"][0]["type"].toString(), QStringLiteral("User"));
        QVERIFY(pending.at(0)["reviewers"][0]["reviewer"]["login"].isString());
        const qint64 envId = environment.value("id").toInteger();

        QCOMPARE(post(path, {{"environment_ids", QJsonArray{envId}}, {"state", "approved"}}).status,
                 422); // no comment
        QCOMPARE(
            post(path,
                 {{"environment_ids", QJsonArray{envId}}, {"state", "maybe"}, {"comment", "?"}})
                .status,
            422);
        QCOMPARE(post(path, {{"environment_ids", QJsonArray{12345}},
                             {"state", "approved"},
                             {"comment", "ship"}})
                     .status,
                 422);
        QVERIFY(m_fake->reviews.isEmpty());

        const Answer approved = post(
            path,
            {{"environment_ids", QJsonArray{envId}}, {"state", "approved"}, {"comment", "ship"}});
        QCOMPARE(approved.status, 200);
        QCOMPARE(approved.array().size(), 1);
        QCOMPARE(approved.array().at(0)["environment"].toString(), QStringLiteral("production"));
        QCOMPARE(approved.array().at(0)["sha"], QJsonValue(m_fake->run(id)->headSha));
        QCOMPARE(m_fake->reviews.size(), 1);
        QCOMPARE(m_fake->reviews.at(0).first, id);
        QCOMPARE(m_fake->reviews.at(0).second.value("comment").toString(), QStringLiteral("ship"));
        QCOMPARE(jobNamed(id, QStringLiteral("deploy")).value("status"), QStringLiteral("queued"));
        QVERIFY(get(path).array().isEmpty());
        m_fake->startJob(id, QStringLiteral("deploy"));
        m_fake->completeJob(id, QStringLiteral("deploy"), QStringLiteral("success"), "live\n");
        QCOMPARE(m_fake->run(id)->conclusion, QStringLiteral("success"));

        const qint64 second = dispatchDeploy(deploy).value("workflow_run_id").toInteger();
        m_fake->startRun(second);
        m_fake->completeJob(second, QStringLiteral("build"), QStringLiteral("success"), {});
        const QString secondPath =
            QStringLiteral("/actions/runs/%1/pending_deployments").arg(second);
        const Answer rejected = post(secondPath, {{"environment_ids", QJsonArray{envId}},
                                                  {"state", "rejected"},
                                                  {"comment", "not today"}});
        QCOMPARE(rejected.status, 200);
        QVERIFY(rejected.array().isEmpty());
        const QJsonObject run = get(QStringLiteral("/actions/runs/%1").arg(second)).object();
        QCOMPARE(run.value("status").toString(), QStringLiteral("completed"));
        QCOMPARE(run.value("conclusion").toString(), QStringLiteral("failure"));
        QCOMPARE(jobNamed(second, QStringLiteral("deploy")).value("conclusion"),
                 QStringLiteral("failure"));
        QCOMPARE(m_fake->reviews.size(), 2);
    }

    void cancelAndRerun()
    {
        const qint64 ci = addCi({QStringLiteral("build"), QStringLiteral("test")});
        const qint64 id = addRun(ci);
        m_fake->startRun(id);
        const Answer cancelled = post(QStringLiteral("/actions/runs/%1/cancel").arg(id));
        QCOMPARE(cancelled.status, 202);
        QCOMPARE(cancelled.object(), QJsonObject());
        QCOMPARE(m_fake->cancels, QList<qint64>{id});
        const QJsonObject run = get(QStringLiteral("/actions/runs/%1").arg(id)).object();
        QCOMPARE(run.value("status").toString(), QStringLiteral("completed"));
        QCOMPARE(run.value("conclusion").toString(), QStringLiteral("cancelled"));
        QCOMPARE(jobNamed(id, QStringLiteral("test")).value("conclusion"),
                 QStringLiteral("cancelled"));
        const Answer again = post(QStringLiteral("/actions/runs/%1/cancel").arg(id));
        QCOMPARE(again.status, 409);
        QCOMPARE(again.message(),
                 QStringLiteral("Cannot cancel a workflow run that is completed."));
        QCOMPARE(m_fake->cancels.size(), 1);

        const qint64 queued = addRun(ci);
        const Answer notDone =
            post(QStringLiteral("/actions/runs/%1/rerun-failed-jobs").arg(queued),
                 {{"enable_debug_logging", false}});
        QCOMPARE(notDone.status, 403);
        QCOMPARE(notDone.message(), QStringLiteral("This workflow run is not completed"));

        const qint64 failing = addRun(ci);
        m_fake->startRun(failing);
        m_fake->completeJob(failing, QStringLiteral("build"), QStringLiteral("success"), "ok\n");
        m_fake->startJob(failing, QStringLiteral("test"));
        m_fake->completeJob(failing, QStringLiteral("test"), QStringLiteral("failure"), "boom\n");
        QCOMPARE(m_fake->run(failing)->conclusion, QStringLiteral("failure"));
        const qint64 oldTest = jobNamed(failing, QStringLiteral("test")).value("id").toInteger();

        const Answer rerun = post(QStringLiteral("/actions/runs/%1/rerun-failed-jobs").arg(failing),
                                  {{"enable_debug_logging", false}});
        QCOMPARE(rerun.status, 201);
        QCOMPARE(rerun.object(), QJsonObject());
        QCOMPARE(m_fake->reruns, QList<qint64>{failing});
        const QJsonObject second = get(QStringLiteral("/actions/runs/%1").arg(failing)).object();
        QCOMPARE(second.value("run_attempt").toInt(), 2);
        QCOMPARE(second.value("status").toString(), QStringLiteral("queued"));
        QVERIFY(second.value("conclusion").isNull());
        const QJsonObject test =
            jobNamed(failing, QStringLiteral("test"), QStringLiteral("latest"));
        QVERIFY(test.value("id").toInteger() != oldTest);
        QCOMPARE(test.value("status").toString(), QStringLiteral("queued"));
        QCOMPARE(test.value("run_attempt").toInt(), 2);
        QCOMPARE(jobNamed(failing, QStringLiteral("build")).value("run_attempt").toInt(), 1);
        QCOMPARE(get(QStringLiteral("/actions/runs/%1/jobs?filter=all").arg(failing))
                     .object()
                     .value("total_count")
                     .toInt(),
                 3);
        QCOMPARE(get(QStringLiteral("/actions/runs/%1/jobs").arg(failing))
                     .object()
                     .value("total_count")
                     .toInt(),
                 2);
        m_fake->startJob(failing, QStringLiteral("test"));
        m_fake->completeJob(failing, QStringLiteral("test"), QStringLiteral("success"), "fine\n");
        QCOMPARE(m_fake->run(failing)->status, QStringLiteral("completed"));
        QCOMPARE(m_fake->run(failing)->conclusion, QStringLiteral("success"));
    }

    void rateLimits()
    {
        addCi();
        m_fake->setQuota(3, 2);
        QCOMPARE(get(QStringLiteral("/actions/workflows")).header("x-ratelimit-remaining"),
                 QByteArray("1"));
        QCOMPARE(get(QStringLiteral("/actions/workflows")).header("x-ratelimit-remaining"),
                 QByteArray("0"));
        const Answer spent = get(QStringLiteral("/actions/workflows"));
        QCOMPARE(spent.status, 403);
        QVERIFY(
            spent.message().startsWith(QStringLiteral("API rate limit exceeded for user ID 1.")));

        m_fake->setQuota(5000, 5000);
        QCOMPARE(get(QStringLiteral("/actions/workflows")).status, 200);
        m_fake->exhaustQuota(60s);
        const Answer exhausted = get(QStringLiteral("/actions/workflows"));
        const qint64 now = QDateTime::currentSecsSinceEpoch();
        QCOMPARE(exhausted.status, 403);
        QVERIFY(exhausted.message().startsWith(QStringLiteral("API rate limit exceeded")));
        QCOMPARE(exhausted.object().value("status").toString(), QStringLiteral("403"));
        QCOMPARE(exhausted.header("x-ratelimit-remaining"), QByteArray("0"));
        QCOMPARE(exhausted.header("x-ratelimit-limit"), QByteArray("5000"));
        QCOMPARE(exhausted.header("x-ratelimit-used"), QByteArray("5000"));
        QCOMPARE(exhausted.header("x-ratelimit-resource"), QByteArray("core"));
        const qint64 reset = exhausted.header("x-ratelimit-reset").toLongLong();
        QVERIFY2(reset >= now + 59 && reset <= now + 61, exhausted.header("x-ratelimit-reset"));
        QCOMPARE(m_fake->remaining(), 0);
        m_fake->exhaustQuota(0s); // the reset time has come
        const Answer refilled = get(QStringLiteral("/actions/workflows"));
        QCOMPARE(refilled.status, 200);
        QCOMPARE(refilled.header("x-ratelimit-remaining"), QByteArray("4999"));

        m_fake->secondaryLimit(2, 30s);
        for (int i = 0; i < 2; ++i) {
            const Answer limited = get(QStringLiteral("/actions/workflows"));
            QCOMPARE(limited.status, 403);
            QCOMPARE(limited.header("retry-after"), QByteArray("30"));
            QVERIFY(limited.message().startsWith(
                QStringLiteral("You have exceeded a secondary rate limit.")));
        }
        QCOMPARE(get(QStringLiteral("/actions/workflows")).status, 200);
        m_fake->secondaryLimit(1, 5s, true);
        const Answer tooMany = get(QStringLiteral("/actions/workflows"));
        QCOMPARE(tooMany.status, 429);
        QCOMPARE(tooMany.header("retry-after"), QByteArray("5"));
        QCOMPARE(get(QStringLiteral("/actions/workflows")).status, 200);

        m_fake->server().enqueue(FakeResponse::empty(503));
        QCOMPARE(get(QStringLiteral("/actions/workflows")).status, 503);
        QCOMPARE(get(QStringLiteral("/actions/workflows")).status, 200);
    }

    void tenThousandRuns()
    {
        const qint64 ci = addCi();
        QElapsedTimer timer;
        timer.start();
        m_fake->addRuns(ci, 10000);
        const qint64 added = timer.elapsed();
        QVERIFY2(added < 3000, qPrintable(QStringLiteral("addRuns took %1 ms").arg(added)));

        timer.restart();
        QUrl next = api(QStringLiteral("/actions/runs?per_page=100"));
        QSet<qint64> seen;
        qint64 previous = std::numeric_limits<qint64>::max();
        int pages = 0;
        while (!next.isEmpty() && pages < 200) {
            const Answer page = send("GET", next);
            QCOMPARE(page.status, 200);
            const QJsonObject body = page.object();
            QCOMPARE(body.value("total_count").toInt(), 10000);
            for (const QJsonValue &run : body.value("workflow_runs").toArray()) {
                const qint64 id = run["id"].toInteger();
                QVERIFY(id < previous);
                previous = id;
                seen.insert(id);
            }
            next = QUrl(page.link(QStringLiteral("next")));
            ++pages;
        }
        const qint64 paged = timer.elapsed();
        QCOMPARE(pages, 100);
        QCOMPARE(seen.size(), 10000);
        QVERIFY2(paged < 30000, qPrintable(QStringLiteral("100 pages took %1 ms").arg(paged)));
        qint64 serverNs = 0;
        for (const FakeRequest &request : m_fake->server().requests())
            serverNs += request.answeredNs - request.receivedNs;
        qInfo("addRuns(10000): %lld ms; 100 pages of 100: %lld ms (%lld ms in the fake)", added,
              paged, serverNs / 1000000);

        // A filtered query serves at most 1,000 of its results.
        const Answer failures = get(QStringLiteral("/actions/runs?status=failure&per_page=100"));
        QCOMPARE(failures.object().value("total_count").toInt(), 3333);
        QVERIFY(failures.link(QStringLiteral("last")).endsWith(QStringLiteral("page=10")));
        QVERIFY(get(QStringLiteral("/actions/runs?status=failure&per_page=100&page=11"))
                    .object()
                    .value("workflow_runs")
                    .toArray()
                    .isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestGitHubActionsFake)
#include "tst_githubactionsfake.moc"
