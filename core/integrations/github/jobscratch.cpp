#include "integrations/github/jobscratch.h"

#include "common/processinfo.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonDocument>
#include <QList>
#include <QMutex>
#include <QRegularExpression>
#include <QTemporaryDir>

#include <mutex>

namespace DeployDesk {

namespace {

constexpr int kWaitingFolders = 4; // jobs two or four wide reuse theirs
constexpr int kRememberedRuns = 8;

// Empties `dir` but for the command files that are empty; false when something stayed.
bool emptyFolder(const QString &dir)
{
    const QFileInfoList entries = QDir(dir).entryInfoList(QDir::NoDotAndDotDot | QDir::AllEntries |
                                                          QDir::Hidden | QDir::System);
    bool ok = true;
    for (const QFileInfo &entry : entries) {
        if (entry.isFile() && !entry.isSymLink() && entry.size() == 0 &&
            RunnerTemp::commandFileNames().contains(entry.fileName()))
            continue;
        if (entry.isDir() && !entry.isSymLink())
            ok = QDir(entry.filePath()).removeRecursively() && ok;
        else
            ok = QFile::remove(entry.filePath()) && ok;
    }
    return ok;
}

struct Pool
{
    QMutex mutex;
    QStringList waiting;
    ~Pool()
    {
        for (const QString &dir : std::as_const(waiting))
            QDir(dir).removeRecursively();
    }
};

Pool &pool()
{
    static Pool instance;
    return instance;
}

// The inode of this process's pid namespace (/proc/self/ns/pid is "pid:[N]"), -1 when not
// known: a pid means a process only within its namespace, and a container may share the
// temporary folder with the host.
qint64 pidNamespace()
{
    static const qint64 ns = [] {
        const QString link = QFileInfo(QStringLiteral("/proc/self/ns/pid")).symLinkTarget();
        const qsizetype open = link.indexOf(u'[');
        bool ok = false;
        const qint64 n = open < 0 ? 0 : link.sliced(open + 1).chopped(1).toLongLong(&ok);
        return ok ? n : -1;
    }();
    return ns;
}

} // namespace

const QStringList &RunnerTemp::commandFileNames()
{
    static const QStringList names{QStringLiteral("output"), QStringLiteral("env"),
                                   QStringLiteral("path"), QStringLiteral("step_summary")};
    return names;
}

std::expected<RunnerTemp, QString> RunnerTemp::take()
{
    Pool &p = pool();
    {
        QMutexLocker lock(&p.mutex);
        while (!p.waiting.isEmpty()) {
            QString dir = p.waiting.takeLast();
            if (QFileInfo(dir).isDir()) // a cleaner may have removed it meanwhile
                return RunnerTemp(std::move(dir));
        }
    }
    // The folder's name says whose it is (pid namespace, pid and start time), so that what
    // a process killed with SIGKILL left can be told from what one still running uses.
    static std::once_flag swept;
    std::call_once(swept, [] { removeLeftovers(QDir::tempPath()); });
    const qint64 pid = QCoreApplication::applicationPid();
    QTemporaryDir dir(QDir::temp().filePath(QStringLiteral("deploydesk-job-%1.%2.%3-XXXXXX")
                                                .arg(pidNamespace())
                                                .arg(pid)
                                                .arg(ProcessInfo::startTicks(pid))));
    if (!dir.isValid())
        return std::unexpected(dir.errorString());
    dir.setAutoRemove(false);
    return RunnerTemp(dir.path());
}

RunnerTemp::RunnerTemp(RunnerTemp &&other) noexcept
    : m_path(std::exchange(other.m_path, QString()))
{}

RunnerTemp &RunnerTemp::operator=(RunnerTemp &&other) noexcept
{
    if (this != &other) {
        RunnerTemp old(std::move(*this));
        m_path = std::exchange(other.m_path, QString());
    }
    return *this;
}

RunnerTemp::~RunnerTemp()
{
    if (m_path.isEmpty())
        return;
    if (emptyFolder(m_path)) {
        Pool &p = pool();
        QMutexLocker lock(&p.mutex);
        if (p.waiting.size() < kWaitingFolders) {
            p.waiting.append(m_path);
            return;
        }
    }
    QDir(m_path).removeRecursively();
}

int RunnerTemp::removeLeftovers(const QString &tempDir)
{
    static const QRegularExpression owner(
        QStringLiteral("^deploydesk-job-(\\d+)\\.(\\d+)\\.(\\d+)-[A-Za-z0-9]{6}$"));
    int removed = 0;
    const QFileInfoList entries = QDir(tempDir).entryInfoList({QStringLiteral("deploydesk-job-*")},
                                                              QDir::Dirs | QDir::NoSymLinks);
    for (const QFileInfo &entry : entries) {
        const QRegularExpressionMatch m = owner.match(entry.fileName());
        // Not one of ours, another user's, an owner not known (no /proc: -1 does not match)
        // or one in another pid namespace: kept.
        if (!m.hasMatch() || !entry.isWritable() || m.captured(1).toLongLong() != pidNamespace())
            continue;
        if (ProcessInfo::isAlive(m.captured(2).toLongLong(), m.captured(3).toLongLong()))
            continue;
        if (QDir(entry.filePath()).removeRecursively())
            ++removed;
    }
    return removed;
}

int RunnerTemp::waiting()
{
    Pool &p = pool();
    QMutexLocker lock(&p.mutex);
    return int(p.waiting.size());
}

namespace JobResults {

namespace {

struct Cache
{
    QMutex mutex;
    // Most recently used first.
    QList<std::pair<QString, QHash<QString, QJsonObject>>> runs;

    QHash<QString, QJsonObject> &run(const QString &dir)
    {
        for (qsizetype i = 0; i < runs.size(); ++i) {
            if (runs[i].first == dir) {
                if (i > 0)
                    runs.move(i, 0);
                return runs.first().second;
            }
        }
        QHash<QString, QJsonObject> results;
        QFile file(QDir(dir).filePath(QStringLiteral("results.jsonl")));
        if (file.open(QIODevice::ReadOnly)) {
            while (!file.atEnd()) {
                const QJsonObject line = QJsonDocument::fromJson(file.readLine()).object();
                const QString stage = line.value(QStringLiteral("stage")).toString();
                if (stage.isEmpty())
                    continue; // a line cut short by a crash
                results.insert(
                    stage, QJsonObject{
                               {QStringLiteral("result"), line.value(QStringLiteral("result"))},
                               {QStringLiteral("outputs"), line.value(QStringLiteral("outputs"))}});
            }
        }
        runs.prepend({dir, std::move(results)});
        if (runs.size() > kRememberedRuns)
            runs.removeLast();
        return runs.first().second;
    }
};

Cache &cache()
{
    static Cache instance;
    return instance;
}

} // namespace

void write(const QString &dir, const QString &stage, const QJsonObject &result)
{
    QJsonObject line = result;
    line.insert(QStringLiteral("stage"), stage);
    QByteArray bytes = QJsonDocument(line).toJson(QJsonDocument::Compact);
    bytes.append('\n');
    Cache &c = cache();
    QMutexLocker lock(&c.mutex);
    c.run(dir).insert(stage, result);
    // The file is for a later process reading the run (none does yet) and for a look by
    // hand; the jobs of this run read the memory, so a full disk here costs them nothing.
    QDir().mkpath(dir);
    QFile file(QDir(dir).filePath(QStringLiteral("results.jsonl")));
    if (file.open(QIODevice::WriteOnly | QIODevice::Append))
        file.write(bytes);
}

std::optional<QJsonObject> read(const QString &dir, const QString &stage)
{
    Cache &c = cache();
    QMutexLocker lock(&c.mutex);
    const QHash<QString, QJsonObject> &results = c.run(dir);
    const auto it = results.constFind(stage);
    if (it == results.cend())
        return std::nullopt;
    return *it;
}

} // namespace JobResults

} // namespace DeployDesk
