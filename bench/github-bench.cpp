// GitHub Actions remote runs against the GitHub contract fake (issue 12's benchmarks):
//   1. import: 10,000 completed runs (--runs) into a fresh history, the fake served by a
//      child process so its CPU does not count: wall time of RemoteImportJob (jobs of the
//      newest --jobs runs fetched too), compared with fetching the same pages without
//      recording them (the peer: what the network part alone costs).
//   2. follow: --follow runs in progress that never change, each followed by a
//      RemoteFollowJob with the default polling (3 s, 1.6x per poll without change, 30 s at
//      most) scaled by --scale (0.05: 10 minutes pass in 30 s, every interval 20x shorter,
//      so the requests counted are those of 10 real minutes): requests per run per 10 s of
//      no change (target <= 1), and how many were 304s.
//
//   github-bench [--runs N] [--jobs N] [--follow N] [--minutes M] [--scale S]
// Internal mode: --serve RUNS (prints the port, runs until stdin closes).
#include "fakes/githubactionsfake.h"
#include "integrations/github/actionsapi.h"
#include "integrations/github/remoteruns.h"
#include "store/historystore.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QProcess>
#include <QSocketNotifier>
#include <QTemporaryDir>
#include <QTimer>

#include <cstdio>
#include <unistd.h>

using namespace DeployDesk;
using namespace DeployDesk::GitHub;
using namespace std::chrono;

namespace {

const QByteArray kToken = "ghp_benchToken";

int serve(int runs)
{
    Test::GitHubActionsFake fake(QStringLiteral("octo"), QStringLiteral("docs"), kToken);
    Test::GitHubActionsFake::Workflow ci;
    ci.name = QStringLiteral("CI");
    ci.path = QStringLiteral(".github/workflows/ci.yml");
    fake.addRuns(fake.addWorkflow(ci), runs);
    fake.setQuota(1000000, 1000000);
    if (!fake.listen())
        return 1;
    std::printf("%d\n", fake.server().port());
    std::fflush(stdout);
    QSocketNotifier stdinClosed(STDIN_FILENO, QSocketNotifier::Read);
    QObject::connect(&stdinClosed, &QSocketNotifier::activated, qApp, [] {
        char buffer[64];
        if (::read(STDIN_FILENO, buffer, sizeof buffer) <= 0)
            qApp->quit();
    });
    return qApp->exec();
}

void wait(Job *job)
{
    QEventLoop loop;
    QObject::connect(job, &Job::result, &loop, &QEventLoop::quit);
    job->start();
    if (!job->isFinished())
        loop.exec();
}

ActionsApi apiFor(const QUrl &url)
{
    return ActionsApi(Repository{QStringLiteral("octo"), QStringLiteral("docs")}, url, kToken);
}

// The peer: the same pages, fetched and parsed, nothing recorded.
double fetchOnly(const QUrl &url, int runs)
{
    ActionsSession session(apiFor(url));
    QElapsedTimer timer;
    timer.start();
    RunQuery query;
    HttpRequest request = session.api().runs(query);
    int seen = 0;
    while (true) {
        ActionsCall *call = session.call(request, &session);
        wait(call);
        if (call->outcome() != Job::Outcome::Success) {
            std::fprintf(stderr, "fetch failed: %s\n", qPrintable(call->errorText()));
            return -1;
        }
        for (const QJsonValue &v : call->json().toObject().value(u"workflow_runs").toArray()) {
            (void)parseRun(v.toObject());
            ++seen;
        }
        if (call->nextPage().isEmpty() || seen >= runs)
            break;
        request = HttpRequest::get(call->nextPage());
        call->deleteLater();
    }
    return double(timer.nsecsElapsed()) / 1e9;
}

int importBench(int runs, int jobs)
{
    QProcess server;
    server.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    server.start(QCoreApplication::applicationFilePath(),
                 {QStringLiteral("--serve"), QString::number(runs)});
    if (!server.waitForStarted() || !server.waitForReadyRead(60000))
        return 1;
    const QUrl url(QStringLiteral("http://127.0.0.1:%1")
                       .arg(QString::fromLatin1(server.readLine().trimmed())));

    const double peer = fetchOnly(url, runs);
    QTemporaryDir dir;
    auto store = HistoryStore::open(dir.path());
    if (!store) {
        std::fprintf(stderr, "%s\n", qPrintable(store.error().toString()));
        return 1;
    }
    ActionsSession session(apiFor(url));
    ImportOptions options;
    options.workspace = dir.path();
    options.maxRuns = runs;
    options.jobsFor = jobs;
    RemoteImportJob job(&session, store->get(), options);
    QElapsedTimer timer;
    timer.start();
    wait(&job);
    const double seconds = double(timer.nsecsElapsed()) / 1e9;
    if (job.outcome() != Job::Outcome::Success) {
        std::fprintf(stderr, "import failed: %s\n", qPrintable(job.errorText()));
        return 1;
    }
    // A second import: nothing new, one conditional request.
    RemoteImportJob again(&session, store->get(), options);
    timer.restart();
    const int before = session.requests();
    wait(&again);
    const double againSeconds = double(timer.nsecsElapsed()) / 1e9;
    std::printf("import %d runs (+ jobs of %d): %.2f s (%d pages, %d added); fetch-only peer "
                "%.2f s; ratio %.2fx\n",
                runs, jobs, seconds, job.pages(), job.totals().added, peer, seconds / peer);
    std::printf("second import: %.3f s, %d request(s), %d added\n", againSeconds,
                session.requests() - before, again.totals().added);
    server.closeWriteChannel();
    server.waitForFinished(5000);
    return 0;
}

int followBench(int runs, double minutes, double scale)
{
    Test::GitHubActionsFake fake(QStringLiteral("octo"), QStringLiteral("docs"), kToken);
    Test::GitHubActionsFake::Workflow ci;
    ci.name = QStringLiteral("CI");
    const qint64 workflow = fake.addWorkflow(ci);
    fake.setQuota(1000000, 1000000);
    if (!fake.listen())
        return 1;
    QList<qint64> ids;
    for (int i = 0; i < runs; ++i) {
        Test::GitHubActionsFake::Run run;
        run.workflowId = workflow;
        ids.append(fake.addRun(run));
        fake.startRun(ids.last());
    }
    QTemporaryDir dir;
    auto store = HistoryStore::open(dir.path());
    if (!store)
        return 1;
    ActionsSession session(apiFor(fake.url()));
    FollowOptions defaults;
    FollowOptions options;
    options.workspace = dir.path();
    options.pollInterval = milliseconds(qint64(double(defaults.pollInterval.count()) * scale));
    options.maxPollInterval =
        milliseconds(qint64(double(defaults.maxPollInterval.count()) * scale));
    std::vector<std::unique_ptr<RemoteFollowJob>> jobs;
    for (qint64 id : ids) {
        jobs.push_back(std::make_unique<RemoteFollowJob>(&session, store->get(), id, options));
        jobs.back()->start();
    }
    const double realSeconds = minutes * 60.0;
    QEventLoop loop;
    QTimer::singleShot(milliseconds(qint64(realSeconds * scale * 1000)), &loop, &QEventLoop::quit);
    loop.exec();
    const int requests = fake.apiRequests();
    for (auto &job : jobs)
        job->cancel();
    const double windows = realSeconds / 10.0;
    std::printf("follow %d unchanged runs for %.1f min (scale %.3f): %d requests, %d of them "
                "304; %.2f requests per run per 10 s (target <= 1)\n",
                runs, minutes, scale, requests, fake.notModified(),
                double(requests) / runs / windows);
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    const QCommandLineOption serveOption(QStringLiteral("serve"), {}, QStringLiteral("runs"));
    const QCommandLineOption runsOption(QStringLiteral("runs"), {}, QStringLiteral("n"),
                                        QStringLiteral("10000"));
    const QCommandLineOption jobsOption(QStringLiteral("jobs"), {}, QStringLiteral("n"),
                                        QStringLiteral("50"));
    const QCommandLineOption followOption(QStringLiteral("follow"), {}, QStringLiteral("n"),
                                          QStringLiteral("20"));
    const QCommandLineOption minutesOption(QStringLiteral("minutes"), {}, QStringLiteral("m"),
                                           QStringLiteral("10"));
    const QCommandLineOption scaleOption(QStringLiteral("scale"), {}, QStringLiteral("s"),
                                         QStringLiteral("0.05"));
    parser.addOptions(
        {serveOption, runsOption, jobsOption, followOption, minutesOption, scaleOption});
    parser.process(app);
    if (parser.isSet(serveOption))
        return serve(parser.value(serveOption).toInt());
    if (const int rc =
            importBench(parser.value(runsOption).toInt(), parser.value(jobsOption).toInt());
        rc != 0)
        return rc;
    return followBench(parser.value(followOption).toInt(), parser.value(minutesOption).toDouble(),
                       parser.value(scaleOption).toDouble());
}
