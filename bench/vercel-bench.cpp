// The vercel target against the Vercel contract fake with latency on every answer:
//   1. 1,000 changed files, one upload at a time vs the default (16 in flight);
//   2. an unchanged site: nothing uploaded;
//   3. peak RSS of a deploy for two site sizes (each in its own process, since the peak is a
//      high-water mark), the fake in another process so its memory does not count.
//
//   vercel-bench [--latency MS] [--files N] [--small MB] [--large MB]
//
// Internal modes: --serve MS (the fake; prints "PORT PROJECT"), --rss MB PORT PROJECT.
#include "deploy/vercel/verceldeployjob.h"
#include "deploy/vercel/verceltarget.h"
#include "fakes/vercelfake.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QProcess>
#include <QSocketNotifier>
#include <QTemporaryDir>

#include <cstdio>
#include <sys/resource.h>
#include <unistd.h>

using namespace DeployDesk;

namespace {
const QByteArray kToken = "vcp_benchToken0123456789";
const QString kTeam = QStringLiteral("team_bench");

// Peak RSS of this process (KB). VmHWM from /proc: getrusage's ru_maxrss keeps the parent's
// figure across fork and exec, so a child started from a big parent would report the parent.
long maxRssKb()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (status.open(QIODevice::ReadOnly)) {
        for (const QByteArray &line : status.readAll().split('\n')) {
            if (line.startsWith("VmHWM:"))
                return line.mid(6).trimmed().split(' ').value(0).toLong();
        }
    }
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss;
}

// `count` files of `size` bytes under dir/site, content depending on `tag`; written in
// chunks so the generator itself stays small.
void makeSite(const QString &dir, int count, qint64 size, const QByteArray &tag)
{
    QByteArray chunk(64 * 1024, 'x');
    for (int i = 0; i < count; ++i) {
        const QString path = QStringLiteral("%1/site/d%2/f%3.bin").arg(dir).arg(i % 32).arg(i);
        QDir().mkpath(QFileInfo(path).absolutePath());
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly))
            qFatal("cannot write %s", qPrintable(path));
        const QByteArray head = tag + ':' + QByteArray::number(i) + '\n';
        file.write(head);
        qint64 left = size - head.size();
        while (left > 0) {
            for (int j = 0; j < chunk.size(); j += 4096)
                chunk[j] = char('a' + (i + j / 4096 + left / 65536) % 26);
            const qint64 n = std::min<qint64>(left, chunk.size());
            file.write(chunk.constData(), n);
            left -= n;
        }
    }
}

struct DeployRun
{
    bool ok = false;
    QString error;
    double seconds = 0;
    double uploadSeconds = 0;
    int uploaded = 0;
};

DeployRun deploy(const QString &ws, quint16 port, const QString &project, int parallel)
{
    VercelTarget target;
    TargetRequest r;
    r.with = {{"from", "site"}, {"project", project}, {"team", kTeam}, {"poll-interval", "50ms"}};
    if (parallel > 0)
        r.with.insert("parallel", parallel);
    r.context.workspaceDir = ws;
    r.context.workdir = ws;
    r.context.environment = QStringLiteral("production");
    r.context.stageName = QStringLiteral("bench");
    QProcessEnvironment env;
    env.insert("VERCEL_TOKEN", QString::fromLatin1(kToken));
    env.insert("DEPLOYDESK_API_VERCEL", QStringLiteral("http://127.0.0.1:%1").arg(port));
    r.context.env = env;
    r.context.secretValues = {QString::fromLatin1(kToken)};

    std::unique_ptr<TargetJob> job(target.deploy(r, nullptr));
    DeployRun result;
    QElapsedTimer clock;
    qint64 uploadStart = -1;
    QObject::connect(job.get(), &Job::logLine, job.get(), [&](const QString &line) {
        if (line.startsWith(QLatin1String("uploading ")))
            uploadStart = clock.elapsed();
        else if (line.startsWith(QLatin1String("uploaded ")) && line.contains(" in ") &&
                 uploadStart >= 0)
            result.uploadSeconds = (clock.elapsed() - uploadStart) / 1000.0;
    });
    QEventLoop loop;
    QObject::connect(job.get(), &Job::result, &loop, &QEventLoop::quit);
    clock.start();
    job->start();
    loop.exec();
    result.seconds = clock.elapsed() / 1000.0;
    result.ok = job->outcome() == Job::Outcome::Success;
    result.error = job->errorText();
    result.uploaded = static_cast<Vercel::VercelDeployJob *>(job.get())->uploadedFiles();
    return result;
}

int serve(int latencyMs)
{
    Test::VercelFake fake;
    if (!fake.listen())
        return 1;
    fake.setToken(kToken);
    fake.setTeam(kTeam);
    fake.setLatency(std::chrono::milliseconds(latencyMs));
    fake.setBuildPolls(1);
    fake.setRecordBodies(false);
    const QString project = fake.addProject(QStringLiteral("bench-site"));
    std::printf("%d %s\n", fake.server().port(), qPrintable(project));
    std::fflush(stdout);
    // Ends when the parent closes our stdin.
    QSocketNotifier notifier(STDIN_FILENO, QSocketNotifier::Read);
    QObject::connect(&notifier, &QSocketNotifier::activated, qApp, [&notifier] {
        char buffer[64];
        if (::read(STDIN_FILENO, buffer, sizeof buffer) <= 0) {
            notifier.setEnabled(false);
            qApp->quit();
        }
    });
    return qApp->exec();
}

// One deploy of a fresh site of `megabytes` MB (200 files); prints "rss-before rss-after".
int rss(int megabytes, quint16 port, const QString &project)
{
    QTemporaryDir dir;
    const int files = 200;
    makeSite(dir.path(), files, qint64(megabytes) * 1024 * 1024 / files,
             "rss" + QByteArray::number(megabytes) + '-' + QByteArray::number(getpid()));
    const long before = maxRssKb();
    const DeployRun r = deploy(dir.path(), port, project, 0);
    if (!r.ok) {
        std::fprintf(stderr, "deploy failed: %s\n", qPrintable(r.error));
        return 1;
    }
    std::printf("%ld %ld %d %.2f\n", before, maxRssKb(), r.uploaded, r.seconds);
    return 0;
}
} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.value(1) == QLatin1String("--serve"))
        return serve(args.value(2).toInt());
    if (args.value(1) == QLatin1String("--rss"))
        return rss(args.value(2).toInt(), quint16(args.value(3).toUInt()), args.value(4));

    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOption({"latency", "ms of latency on every answer of the fake", "ms", "50"});
    parser.addOption({"files", "changed files for the parallel comparison", "n", "1000"});
    parser.addOption({"small", "MB of the smaller site for the RSS figure", "mb", "100"});
    parser.addOption({"large", "MB of the larger site for the RSS figure", "mb", "400"});
    parser.process(app);
    const int latency = parser.value("latency").toInt();
    const int files = parser.value("files").toInt();

    QProcess server;
    server.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    server.start(app.applicationFilePath(), {"--serve", QString::number(latency)});
    if (!server.waitForStarted() || !server.waitForReadyRead(10000))
        qFatal("the fake did not start");
    const QList<QByteArray> hello = server.readLine().trimmed().split(' ');
    const quint16 port = quint16(hello.value(0).toUInt());
    const QString project = QString::fromLatin1(hello.value(1));
    std::printf("vercel-bench: fake on 127.0.0.1:%d, %d ms per answer\n", port, latency);

    QTemporaryDir ws;
    makeSite(ws.path(), files, 2048, "one");
    const DeployRun one = deploy(ws.path(), port, project, 1);
    QDir(ws.path() + "/site").removeRecursively();
    makeSite(ws.path(), files, 2048, "many");
    const DeployRun many = deploy(ws.path(), port, project, 0);
    const DeployRun same = deploy(ws.path(), port, project, 0);
    if (!one.ok || !many.ok || !same.ok)
        qFatal("deploy failed: %s%s%s", qPrintable(one.error), qPrintable(many.error),
               qPrintable(same.error));
    std::printf("1. %d changed files (2 KB each):\n", files);
    std::printf("   parallel 1:        %4d uploaded, uploads %.2f s, whole deploy %.2f s\n",
                one.uploaded, one.uploadSeconds, one.seconds);
    std::printf("   default (16):      %4d uploaded, uploads %.2f s, whole deploy %.2f s\n",
                many.uploaded, many.uploadSeconds, many.seconds);
    const double speedup = one.uploadSeconds / std::max(many.uploadSeconds, 1e-6);
    std::printf("   speed-up of the uploads: %.1fx (target >= 6x: %s)\n", speedup,
                speedup >= 6 ? "PASS" : "MISS");
    std::printf("2. unchanged site: %d uploaded, whole deploy %.2f s (target 0: %s)\n",
                same.uploaded, same.seconds, same.uploaded == 0 ? "PASS" : "MISS");

    std::printf("3. peak RSS of one deploy (200 files, all uploaded, own process):\n");
    long peaks[2] = {0, 0};
    const int sizes[2] = {parser.value("small").toInt(), parser.value("large").toInt()};
    for (int i = 0; i < 2; ++i) {
        QProcess child;
        child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        child.start(app.applicationFilePath(),
                    {"--rss", QString::number(sizes[i]), QString::number(port), project});
        if (!child.waitForFinished(600000) || child.exitCode() != 0)
            qFatal("the RSS run for %d MB failed", sizes[i]);
        const QList<QByteArray> f = child.readAllStandardOutput().trimmed().split(' ');
        peaks[i] = f.value(1).toLong();
        std::printf("   %4d MB site: maxrss %ld KB before the deploy, %ld KB after; %s files "
                    "uploaded in %s s\n",
                    sizes[i], f.value(0).toLong(), peaks[i], f.value(2).constData(),
                    f.value(3).constData());
    }
    const double growth = double(peaks[1]) / std::max(peaks[0], 1L);
    std::printf("   %dx the bytes -> %.2fx the peak RSS (target: flat, < 1.25x: %s)\n",
                sizes[1] / std::max(sizes[0], 1), growth, growth < 1.25 ? "PASS" : "MISS");

    server.closeWriteChannel();
    if (!server.waitForFinished(5000))
        server.kill();
    return 0;
}
