#pragma once
// Helpers shared by the local-site tests: build folders on disk, requests, and running a
// target job to its (single) result.

#include "deploy/deploytarget.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QSignalSpy>
#include <QTest>

#include <ctime>
#include <fcntl.h>
#include <sys/stat.h>

namespace SiteTest {

inline bool writeFile(const QString &path, const QByteArray &content)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(content) == content.size();
}

// Gives every file under `dir` a modification time an hour ago: a build folder whose
// files were produced earlier (files modified within two seconds of a deploy are always
// copied by the next one, as their time cannot tell a quick rewrite apart).
inline void backdate(const QString &dir, int secondsAgo = 3600)
{
    const struct timespec when = {::time(nullptr) - secondsAgo, 0};
    const struct timespec times[2] = {when, when};
    QDirIterator it(dir, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext())
        ::utimensat(AT_FDCWD, QFile::encodeName(it.next()).constData(), times, AT_SYMLINK_NOFOLLOW);
}

inline QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray("<missing>");
}

inline quint64 inode(const QString &path)
{
    struct stat st
    {};
    return ::lstat(QFile::encodeName(path).constData(), &st) == 0 ? quint64(st.st_ino) : 0;
}

// A build folder: index.html and `pages` pages, each body naming `version`, plus a
// style sheet that does not change between versions.
inline void makeSite(const QString &dir, const QString &version, int pages = 3)
{
    QDir(dir).removeRecursively();
    writeFile(dir + "/index.html", "<html><body>index " + version.toUtf8() + "</body></html>");
    for (int i = 0; i < pages; ++i)
        writeFile(QStringLiteral("%1/pages/p%2.html").arg(dir).arg(i),
                  "<p>page " + QByteArray::number(i) + " of " + version.toUtf8() + "</p>");
    writeFile(dir + "/style.css", "body { color: black; }");
}

inline DeployDesk::TargetRequest request(const QString &workspace, const QVariantMap &with,
                                         qint64 runId = 1, const QString &branch = {})
{
    DeployDesk::TargetRequest r;
    r.with = with;
    r.context.workspaceDir = workspace;
    r.context.workdir = workspace;
    r.context.environment = QStringLiteral("staging");
    r.context.stateDir = workspace + "/.state";
    r.context.runId = runId;
    r.context.branch = branch;
    r.context.stageName = QStringLiteral("deploy-site");
    return r;
}

struct Finished
{
    DeployDesk::Job::Outcome outcome = DeployDesk::Job::Outcome::Failed;
    DeployDesk::Error error;
    QList<DeployDesk::Deployment> deployments;
    QStringList log;
    int results = 0;
    bool ok() const { return outcome == DeployDesk::Job::Outcome::Success; }
};

// Starts `job` (owned by the caller) and waits for its result; counts results after the
// event loop had a chance to deliver a second one.
inline Finished run(DeployDesk::TargetJob *job, std::function<void(const QString &)> onLine = {})
{
    Finished f;
    QSignalSpy spy(job, &DeployDesk::Job::result);
    QObject::connect(job, &DeployDesk::Job::logLine, job, [&f, onLine](const QString &line) {
        f.log << line;
        if (onLine)
            onLine(line);
    });
    job->start();
    if (!spy.wait(60000))
        f.error.message = QStringLiteral("no result within 60 s");
    QCoreApplication::processEvents();
    f.results = int(spy.count());
    f.outcome = job->outcome();
    f.error = job->error();
    f.deployments = job->deployments();
    return f;
}

} // namespace SiteTest
