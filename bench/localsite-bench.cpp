// localsite-bench: the local-site target on a synthetic site (default 5,000 files,
// 200 MB in 50 folders, modified an hour ago as a finished build would be):
//   - first deploy into an empty root vs `cp -r` of the same folder (and vs `cp -r; sync`,
//     since a deploy flushes the release to disk before switching to it);
//   - redeploying the unchanged folder (every file hard-linked) vs the first deploy;
//   - rollback (a switch of `current`) and switching forward again, through the job.
// Page cache warm for every contender. Prints the runs and a verdict per target.
// Usage: localsite-bench [--files N] [--mb M] [--runs R] [--dir PARENT]
#include "deploy/localsite/localsitetarget.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <vector>

using namespace DeployDesk;

namespace {

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : v[v.size() / 2];
}

double maxOf(const std::vector<double> &v)
{
    return v.empty() ? 0 : *std::max_element(v.begin(), v.end());
}

void print(const char *label, const std::vector<double> &ms)
{
    std::printf("%-34s median %9.1f ms   max %9.1f ms   runs:", label, median(ms), maxOf(ms));
    for (double v : ms)
        std::printf(" %.1f", v);
    std::printf("\n");
    std::fflush(stdout);
}

void verdict(const char *what, double value, double target, const char *unit)
{
    std::printf("%-52s %8.3f%s  target <= %g%s  %s\n", what, value, unit, target, unit,
                value <= target ? "PASS" : "MISS");
}

// `files` files of `bytes` in total, sizes spread from 1 KB up, in 50 folders.
qint64 makeSite(const QString &dir, int files, qint64 bytes)
{
    QRandomGenerator random(42);
    std::vector<qint64> sizes(static_cast<size_t>(files));
    double weights = 0;
    for (auto &s : sizes) {
        s = 1 + qint64(random.bounded(100));
        weights += double(s);
    }
    qint64 total = 0;
    QByteArray chunk(1 << 20, Qt::Uninitialized);
    for (qsizetype i = 0; i < chunk.size(); i += 4)
        *reinterpret_cast<quint32 *>(chunk.data() + i) = random.generate();
    const struct timespec hourAgo = {::time(nullptr) - 3600, 0};
    const struct timespec times[2] = {hourAgo, hourAgo};
    for (int i = 0; i < files; ++i) {
        const qint64 size = std::max<qint64>(1024, qint64(double(sizes[size_t(i)]) / weights * double(bytes)));
        const QString folder = QStringLiteral("%1/section-%2").arg(dir).arg(i % 50, 2, 10, QLatin1Char('0'));
        QDir().mkpath(folder);
        const QString path = i == 0 ? dir + QStringLiteral("/index.html")
                                    : QStringLiteral("%1/page-%2.html").arg(folder).arg(i);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly))
            qFatal("cannot write %s", qPrintable(path));
        for (qint64 left = size; left > 0; left -= chunk.size())
            file.write(chunk.constData() + (i % 64), std::min<qint64>(left, chunk.size() - 64));
        file.close();
        ::utimensat(AT_FDCWD, QFile::encodeName(path).constData(), times, 0);
        total += QFileInfo(path).size();
    }
    return total;
}

double runCommand(const QString &shell)
{
    QElapsedTimer timer;
    timer.start();
    QProcess process;
    process.start(QStringLiteral("/bin/sh"), {QStringLiteral("-c"), shell});
    process.waitForFinished(-1);
    if (process.exitCode() != 0)
        qFatal("%s failed: %s", qPrintable(shell), process.readAllStandardError().constData());
    return double(timer.nsecsElapsed()) / 1e6;
}

// Runs a target job to its result; its time in ms and (out) what it reported.
double timeJob(TargetJob *job, Deployment *out = nullptr)
{
    QEventLoop loop;
    QObject::connect(job, &Job::result, &loop, &QEventLoop::quit);
    QElapsedTimer timer;
    timer.start();
    job->start();
    loop.exec();
    const double ms = double(timer.nsecsElapsed()) / 1e6;
    if (job->outcome() != Job::Outcome::Success)
        qFatal("job failed: %s", qPrintable(job->errorText()));
    if (out && !job->deployments().isEmpty())
        *out = job->deployments().first();
    delete job;
    return ms;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOption({QStringLiteral("files"), QStringLiteral("files in the site"), QStringLiteral("N"), QStringLiteral("5000")});
    parser.addOption({QStringLiteral("mb"), QStringLiteral("size of the site in MB"), QStringLiteral("M"), QStringLiteral("200")});
    parser.addOption({QStringLiteral("runs"), QStringLiteral("runs of each measurement"), QStringLiteral("R"), QStringLiteral("5")});
    parser.addOption({QStringLiteral("dir"), QStringLiteral("where to work (same file system as a real deploy root)"), QStringLiteral("PARENT"), QDir::tempPath()});
    parser.process(app);
    const int files = parser.value(QStringLiteral("files")).toInt();
    const qint64 bytes = parser.value(QStringLiteral("mb")).toLongLong() * 1000 * 1000;
    const int runs = std::max(1, parser.value(QStringLiteral("runs")).toInt());

    QTemporaryDir work(parser.value(QStringLiteral("dir")) + QStringLiteral("/localsite-bench.XXXXXX"));
    const QString site = work.path() + QStringLiteral("/site");
    const QString root = work.path() + QStringLiteral("/root");
    const qint64 total = makeSite(site, files, bytes);
    ::sync();
    std::printf("site: %d files, %.1f MB in %s\n\n", files, double(total) / 1e6, qPrintable(site));

    LocalSiteTarget target;
    TargetRequest request;
    request.with = {{QStringLiteral("from"), site}, {QStringLiteral("root"), root},
                    {QStringLiteral("keep"), QStringLiteral("5")}};
    request.context.workspaceDir = work.path();
    request.context.environment = QStringLiteral("bench");
    qint64 runId = 0;
    const auto deploy = [&](Deployment *out = nullptr) {
        request.context.runId = ++runId;
        return timeJob(target.deploy(request, nullptr), out);
    };

    std::vector<double> cp, cpSync, first, again, back, forward;
    const QString copy = work.path() + QStringLiteral("/copy");
    runCommand(QStringLiteral("cp -r '%1' '%2'; rm -rf '%2'; sync").arg(site, copy)); // warm-up
    for (int i = 0; i < runs; ++i) {
        runCommand(QStringLiteral("rm -rf '%1'; sync").arg(copy));
        cp.push_back(runCommand(QStringLiteral("cp -r '%1' '%2'").arg(site, copy)));
        runCommand(QStringLiteral("rm -rf '%1'; sync").arg(copy));
        cpSync.push_back(runCommand(QStringLiteral("cp -r '%1' '%2' && sync").arg(site, copy)));
    }
    runCommand(QStringLiteral("rm -rf '%1'; sync").arg(copy));
    for (int i = 0; i < runs; ++i) {
        runCommand(QStringLiteral("rm -rf '%1'; sync").arg(root));
        first.push_back(deploy());
    }
    Deployment previous, latest;
    deploy(&previous);
    for (int i = 0; i < runs; ++i)
        again.push_back(deploy(&latest));
    for (int i = 0; i < std::max(runs, 20); ++i) {
        back.push_back(timeJob(target.rollback(request, previous, nullptr)));
        forward.push_back(timeJob(target.rollback(request, latest, nullptr)));
    }

    print("cp -r", cp);
    print("cp -r && sync", cpSync);
    print("first deploy (empty root)", first);
    print("redeploy, unchanged", again);
    print("rollback (switch back)", back);
    print("switch forward again", forward);
    std::printf("\n");
    verdict("first deploy / cp -r", median(first) / median(cp), 1.5, "x");
    verdict("first deploy / (cp -r && sync)", median(first) / median(cpSync), 1.5, "x");
    verdict("unchanged redeploy / first deploy", median(again) / median(first), 0.1, "x");
    verdict("rollback, max of runs", maxOf(back), 20, " ms");
    verdict("switch forward, max of runs", maxOf(forward), 20, " ms");
    return 0;
}
