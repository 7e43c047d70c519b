#pragma once
// Shared by the local-service tests: run a target job to its end, GET a local URL, make
// a copy of the textbook backend, and look for processes left behind.

#include "deploy/deploytarget.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSignalSpy>
#include <QTest>

#include <memory>

namespace LocalServiceTest {

using namespace DeployDesk;

struct Outcome
{
    bool finished = false;
    Job::Outcome outcome = Job::Outcome::Failed;
    QString error;
    QList<Deployment> deployments;
    QStringList log;
    int results = 0;

    bool ok() const { return finished && outcome == Job::Outcome::Success; }
};

// Starts `job`, waits (on its result signal) for it to end, and deletes it.
inline Outcome run(TargetJob *job, int timeoutMs = 180000)
{
    const std::unique_ptr<TargetJob> owned(job);
    Outcome o;
    QObject::connect(job, &Job::logLine, job, [&o](const QString &line) { o.log << line; });
    QObject::connect(job, &Job::result, job, [&o] { ++o.results; });
    QSignalSpy spy(job, &Job::result);
    job->start();
    if (!spy.wait(timeoutMs))
        return o;
    o.finished = true;
    o.outcome = job->outcome();
    o.error = job->errorText();
    o.deployments = job->deployments();
    return o;
}

struct Answer
{
    int status = 0; // 0: no HTTP answer
    QByteArray body;
    QString error;
};

// One GET on a fresh connection (as curl would do it).
inline Answer get(int port, const QString &path = QStringLiteral("/health"))
{
    QNetworkAccessManager network;
    QNetworkRequest request(QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(port).arg(path)));
    request.setTransferTimeout(20000);
    request.setRawHeader("Connection", "close");
    QNetworkReply *reply = network.get(request);
    QSignalSpy finished(reply, &QNetworkReply::finished);
    if (!reply->isFinished())
        finished.wait(30000);
    Answer a;
    a.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    a.body = reply->readAll();
    a.error = reply->errorString();
    delete reply;
    return a;
}

inline bool writeFile(const QString &path, const QByteArray &content)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(content) == content.size();
}

inline QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// A copy of examples/textbook/backend/app in `dir` that reports `version` on /health;
// with `brokenHealth`, its /health answers 500 as a release with a bad setting would.
inline bool makeBackend(const QString &dir, const QString &version, bool brokenHealth = false)
{
    const QString source = QStringLiteral(DD_SOURCE_DIR "/examples/textbook/backend/app");
    QDir(dir).removeRecursively();
    if (!QDir().mkpath(dir + QStringLiteral("/app")))
        return false;
    for (const QString &name : QDir(source).entryList({QStringLiteral("*.py")}, QDir::Files)) {
        QByteArray text = readFile(source + QLatin1Char('/') + name);
        if (name == QLatin1String("__init__.py"))
            text.replace("__version__ = \"0.1.0\"", "__version__ = \"" + version.toUtf8() + "\"");
        if (name == QLatin1String("main.py") && brokenHealth)
            text.replace("        return Health(status=\"ok\"",
                         "        raise HTTPException(status_code=500, detail=\"no database\")\n"
                         "        return Health(status=\"ok\"");
        if (!writeFile(dir + QStringLiteral("/app/") + name, text))
            return false;
    }
    return true;
}

// Processes (not zombies) whose working directory or command line mentions `path`.
inline QStringList processesUsing(const QString &path)
{
    QStringList found;
    const QString canonical = QFileInfo(path).canonicalFilePath();
    for (const QString &entry : QDir(QStringLiteral("/proc")).entryList(QDir::Dirs)) {
        bool isPid = false;
        entry.toLongLong(&isPid);
        if (!isPid)
            continue;
        const QString proc = QStringLiteral("/proc/") + entry;
        const QByteArray stat = readFile(proc + QStringLiteral("/stat"));
        const qsizetype close = stat.lastIndexOf(')');
        if (close < 0 || stat.mid(close + 2, 1) == "Z")
            continue;
        const QString cwd = QFileInfo(proc + QStringLiteral("/cwd")).symLinkTarget();
        QByteArray cmdline = readFile(proc + QStringLiteral("/cmdline"));
        cmdline.replace('\0', ' ');
        if (cwd.startsWith(canonical) || cmdline.contains(canonical.toUtf8()) ||
            cmdline.contains(path.toUtf8()))
            found << entry + QLatin1Char(' ') + QString::fromUtf8(cmdline).trimmed();
    }
    return found;
}

} // namespace LocalServiceTest
