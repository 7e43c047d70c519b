// localsite-bench: the local-site target on a synthetic site (default 5,000 files,
// 200 MB in 50 folders, modified an hour ago as a finished build would be):
//   - first deploy into an empty root vs `cp -r` of the same folder (and vs `cp -r; sync`,
//     since a deploy flushes the release to disk before switching to it);
//   - redeploying the unchanged folder (every file hard-linked) vs the first deploy;
//   - rollback (a switch of `current`) and switching forward again, through the job.
// Wall time and CPU time (user + system, the worker thread and cp included): on a shared
// machine the CPU time is the steadier figure.
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
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>
#include <vector>

using namespace DeployDesk;

namespace {

// Wall time and CPU time (user + system) of one run, in ms.
struct Sample
{
    double wall = 0;
    double cpu = 0;
};

double cpuMs(int who)
{
    struct rusage usage
    {};
    ::getrusage(who, &usage);
    return (double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1e3) +
           double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e3;
}

std::vector<double> walls(const std::vector<Sample> &samples)
{
    std::vector<double> v;
    for (const Sample &s : samples)
        v.push_back(s.wall);
    return v;
}

std::vector<double> cpus(const std::vector<Sample> &samples)
{
    std::vector<double> v;
    for (const Sample &s : samples)
        v.push_back(s.cpu);
    return v;
}

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : v[v.size() / 2];
}

double maxOf(const std::vector<double> &v)
{
    return v.empty() ? 0 : *std::max_element(v.begin(), v.end());
}

void print(const char *label, const std::vector<Sample> &samples)
{
    const std::vector<double> ms = walls(samples);
    std::printf("%-30s wall median %8.1f ms  max %8.1f ms  cpu median %8.1f ms  wall runs:", label,
                median(ms), maxOf(ms), median(cpus(samples)));
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
        const qint64 size =
            std::max<qint64>(1024, qint64(double(sizes[size_t(i)]) / weights * double(bytes)));
        const QString folder =
            QStringLiteral("%1/section-%2").arg(dir).arg(i % 50, 2, 10, QLatin1Char('0'));
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

Sample runCommand(const QString &shell)
{
    const double cpuBefore = cpuMs(RUSAGE_CHILDREN); // sh and what it waited for
    QElapsedTimer timer;
    timer.start();
    QProcess process;
    process.start(QStringLiteral("/bin/sh"), {QStringLiteral("-c"), shell});
    process.waitForFinished(-1);
    if (process.exitCode() != 0)
        qFatal("%s failed: %s", qPrintable(shell), process.readAllStandardError().constData());
    return {double(timer.nsecsElapsed()) / 1e6, cpuMs(RUSAGE_CHILDREN) - cpuBefore};
}

// Runs a target job to its result; its time in ms and (out) what it reported.
Sample timeJob(TargetJob *job, Deployment *out = nullptr)
{
    const double cpuBefore = cpuMs(RUSAGE_SELF); // the worker thread included
    QEventLoop loop;
    QObject::connect(job, &Job::result, &loop, &QEventLoop::quit);
    QElapsedTimer timer;
    timer.start();
    job->start();
    loop.exec();
    const Sample sample{double(timer.nsecsElapsed()) / 1e6, cpuMs(RUSAGE_SELF) - cpuBefore};
    if (job->outcome() != Job::Outcome::Success)
        qFatal("job failed: %s", qPrintable(job->errorText()));
    if (out && !job->deployments().isEmpty())
        *out = job->deployments().first();
    delete job;
    return sample;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOption({QStringLiteral("files"), QStringLiteral("files in the site"),
                      QStringLiteral("N"), QStringLiteral("5000")});
    parser.addOption({QStringLiteral("mb"), QStringLiteral("size of the site in MB"),
                      QStringLiteral("M"), QStringLiteral("200")});
    parser.addOption({QStringLiteral("runs"), QStringLiteral("runs of each measurement"),
                      QStringLiteral("R"), QStringLiteral("5")});
    parser.addOption({QStringLiteral("dir"),
                      QStringLiteral("where to work (same file system as a real deploy root)"),
                      QStringLiteral("PARENT"), QDir::tempPath()});
    parser.process(app);
    const int files = parser.value(QStringLiteral("files")).toInt();
    const qint64 bytes = parser.value(QStringLiteral("mb")).toLongLong() * 1000 * 1000;
    const int runs = std::max(1, parser.value(QStringLiteral("runs")).toInt());

    QTemporaryDir work(parser.value(QStringLiteral("dir")) +
                       QStringLiteral("/localsite-bench.XXXXXX"));
    const QString site = work.path() + QStringLiteral("/site");
    const QString root = work.path() + QStringLiteral("/root");
    const qint64 total = makeSite(site, files, bytes);
    ::sync();
    std::printf("site: %d files, %.1f MB in %s\n\n", files, double(total) / 1e6, qPrintable(site));

    LocalSiteTarget target;
    TargetRequest request;
    request.with = {{QStringLiteral("from"), site},
                    {QStringLiteral("root"), root},
                    {QStringLiteral("keep"), QStringLiteral("5")}};
    request.context.workspaceDir = work.path();
    request.context.environment = QStringLiteral("bench");
    qint64 runId = 0;
    const auto deploy = [&](Deployment *out = nullptr) {
        request.context.runId = ++runId;
        return timeJob(target.deploy(request, nullptr), out);
    };

    std::vector<Sample> cp, cpSync, cpLinks, first, again, back, forward;
    const QString copy = work.path() + QStringLiteral("/copy");
    runCommand(QStringLiteral("cp -r '%1' '%2'; rm -rf '%2'; sync").arg(site, copy)); // warm-up
    for (int i = 0; i < runs; ++i) {
        runCommand(QStringLiteral("rm -rf '%1'; sync").arg(copy));
        cp.push_back(runCommand(QStringLiteral("cp -r '%1' '%2'").arg(site, copy)));
        runCommand(QStringLiteral("rm -rf '%1'; sync").arg(copy));
        cpSync.push_back(runCommand(QStringLiteral("cp -r '%1' '%2' && sync").arg(site, copy)));
    }
    for (int i = 0; i < runs; ++i) { // the floor for an unchanged redeploy: link every file
        runCommand(QStringLiteral("rm -rf '%1'; sync").arg(copy));
        cpLinks.push_back(runCommand(QStringLiteral("cp -al '%1' '%2'").arg(site, copy)));
    }
    runCommand(QStringLiteral("rm -rf '%1'; sync").arg(copy));
    for (int i = 0; i < runs; ++i) {
        runCommand(QStringLiteral("rm -rf '%1'; sync").arg(root));
        first.push_back(deploy());
    }
    Deployment previous, latest;
    deploy(&latest);
    for (int i = 0; i < runs; ++i) {
        previous = latest;
        again.push_back(deploy(&latest));
    }
    for (int i = 0; i < std::max(runs, 20); ++i) {
        back.push_back(timeJob(target.rollback(request, previous, nullptr)));
        forward.push_back(timeJob(target.rollback(request, latest, nullptr)));
    }

    print("cp -r", cp);
    print("cp -r && sync", cpSync);
    print("cp -al (hard links)", cpLinks);
    print("first deploy (empty root)", first);
    print("redeploy, unchanged", again);
    print("rollback (switch back)", back);
    print("switch forward again", forward);
    std::printf("\n");
    const auto wall = [](const std::vector<Sample> &s) { return median(walls(s)); };
    const auto cpu = [](const std::vector<Sample> &s) { return median(cpus(s)); };
    verdict("first deploy / cp -r (wall)", wall(first) / wall(cp), 1.5, "x");
    verdict("first deploy / (cp -r && sync) (wall)", wall(first) / wall(cpSync), 1.5, "x");
    verdict("first deploy / cp -r (cpu)", cpu(first) / cpu(cp), 1.5, "x");
    verdict("unchanged redeploy / first deploy (wall)", wall(again) / wall(first), 0.1, "x");
    verdict("unchanged redeploy / first deploy (cpu)", cpu(again) / cpu(first), 0.1, "x");
    std::printf("%-52s %8.3fx  (for reference)\n", "unchanged redeploy / cp -al (wall)",
                wall(again) / wall(cpLinks));
    verdict("rollback, max of runs (wall)", maxOf(walls(back)), 20, " ms");
    verdict("switch forward, max of runs (wall)", maxOf(walls(forward)), 20, " ms");
    return 0;
}
