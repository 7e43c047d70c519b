#include "run/gitinfo.h"

#include "common/regularfile.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>

namespace DeployDesk {

namespace {
QByteArray readTrimmed(const QString &path)
{
    // .git files are small; anything else (a FIFO, a huge file) is not git's.
    const auto bytes = readRegularFile(path, 1 << 20);
    return bytes ? bytes->trimmed() : QByteArray();
}

// A worktree or submodule has a .git file "gitdir: <path>".
QString gitDirOf(const QString &start)
{
    QDir dir(start);
    while (true) {
        const QString candidate = dir.filePath(QStringLiteral(".git"));
        const QFileInfo info(candidate);
        if (info.isDir())
            return candidate;
        if (info.isFile()) {
            const QByteArray content = readTrimmed(candidate);
            if (content.startsWith("gitdir:")) {
                const QString target = QString::fromUtf8(content.mid(7).trimmed());
                return QDir(dir.path()).absoluteFilePath(target);
            }
        }
        if (!dir.cdUp())
            return {};
    }
}

QString resolveRef(const QString &gitDir, const QString &ref)
{
    QByteArray hash = readTrimmed(gitDir + QLatin1Char('/') + ref);
    // Worktrees keep shared refs in the common dir.
    const QByteArray common = readTrimmed(gitDir + QStringLiteral("/commondir"));
    const QString commonDir =
        common.isEmpty() ? gitDir : QDir(gitDir).absoluteFilePath(QString::fromUtf8(common));
    if (hash.isEmpty())
        hash = readTrimmed(commonDir + QLatin1Char('/') + ref);
    if (!hash.isEmpty())
        return QString::fromLatin1(hash);
    QFile packed;
    if (openRegularFile(packed, commonDir + QStringLiteral("/packed-refs"))) {
        const QByteArray suffix = ' ' + ref.toUtf8();
        while (!packed.atEnd()) {
            const QByteArray line = packed.readLine().trimmed();
            if (line.endsWith(suffix))
                return QString::fromLatin1(line.left(line.indexOf(' ')));
        }
    }
    return {};
}
} // namespace

GitInfo readGitInfo(const QString &dir)
{
    GitInfo info;
    const QString gitDir = gitDirOf(QFileInfo(dir).absoluteFilePath());
    if (gitDir.isEmpty())
        return info;
    const QByteArray head = readTrimmed(gitDir + QStringLiteral("/HEAD"));
    if (head.startsWith("ref:")) {
        const QString ref = QString::fromUtf8(head.mid(4).trimmed());
        info.branch = ref.startsWith(QLatin1String("refs/heads/")) ? ref.mid(11) : ref;
        info.commit = resolveRef(gitDir, ref);
    } else {
        info.commit = QString::fromLatin1(head);
    }
    return info;
}

std::optional<GitTreeState> readGitTreeState(const QString &dir)
{
    if (gitDirOf(QFileInfo(dir).absoluteFilePath()).isEmpty())
        return std::nullopt;
    QProcess git;
    git.setWorkingDirectory(dir);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("GIT_OPTIONAL_LOCKS"), QStringLiteral("0")); // a read, no lock
    env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C"));
    git.setProcessEnvironment(env);
    git.start(QStringLiteral("git"), {QStringLiteral("status"), QStringLiteral("--porcelain=v1"),
                                      QStringLiteral("--untracked-files=normal")});
    if (!git.waitForFinished(30000) || git.exitStatus() != QProcess::NormalExit ||
        git.exitCode() != 0) {
        git.kill();
        git.waitForFinished(1000);
        return std::nullopt;
    }
    GitTreeState state;
    const QList<QByteArray> lines = git.readAllStandardOutput().split('\n');
    int count = 0;
    for (const QByteArray &line : lines) {
        if (line.trimmed().isEmpty())
            continue;
        if (++count <= kMaxChangedFiles)
            state.changedFiles.append(QString::fromUtf8(line));
    }
    state.dirty = count > 0;
    if (count > kMaxChangedFiles)
        state.changedFiles.append(QCoreApplication::translate("DeployDesk", "… and %n more",
                                                              nullptr, count - kMaxChangedFiles));
    return state;
}

} // namespace DeployDesk
