// ProcessRunner: results, output, and ending the whole process tree. Every test runs
// three times: under a guard forked by the stage server (the default), under a guard
// QProcess starts for the stage (no server), and with /bin/sh directly (no guard found).
#include "engine/processrunner.h"
#include "engine/stageserver.h"
#include "processtestutil.h"

#include <QDir>
#include <QProcess>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>

using namespace DeployDesk;
using namespace DeployDesk::Test;
using namespace std::chrono_literals;

namespace {

// Records what a runner emits, and whether output ever came after done().
struct Recorder
{
    explicit Recorder(ProcessRunner &runner, QObject *context)
    {
        QObject::connect(&runner, &ProcessRunner::output, context,
                         [this](LogStream stream, const QByteArray &chunk) {
                             if (!results.isEmpty())
                                 outputAfterDone = true;
                             (stream == LogStream::Stderr ? err : out) += chunk;
                         });
        QObject::connect(&runner, &ProcessRunner::done, context,
                         [this](const ProcessResult &result) {
                             results.append(result);
                             outAtDone = out.size();
                             errAtDone = err.size();
                         });
    }
    ProcessResult result() const { return results.value(0); }

    QList<ProcessResult> results;
    QByteArray out;
    QByteArray err;
    qsizetype outAtDone = -1;
    qsizetype errAtDone = -1;
    bool outputAfterDone = false;
};

ProcessSpec shell(const QString &command)
{
    ProcessSpec spec;
    spec.command = command;
    spec.killGrace = 500ms;
    return spec;
}

// The children of `parent` (from /proc/PID/stat), with their command lines.
QList<std::pair<qint64, QByteArray>> childrenOf(qint64 parent)
{
    QList<std::pair<qint64, QByteArray>> children;
    const QStringList entries = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs);
    for (const QString &entry : entries) {
        QFile cmdline(QStringLiteral("/proc/%1/cmdline").arg(entry));
        QFile stat(QStringLiteral("/proc/%1/stat").arg(entry));
        if (!cmdline.open(QIODevice::ReadOnly) || !stat.open(QIODevice::ReadOnly))
            continue;
        const QByteArray statText = stat.readAll();
        const QByteArrayList fields = statText.mid(statText.lastIndexOf(')') + 2).split(' ');
        if (fields.value(1).toLongLong() == parent)
            children.append({entry.toLongLong(), cmdline.readAll()});
    }
    return children;
}

// The stage servers this test process started (deploydesk-stage --serve).
QList<qint64> ourStageServers()
{
    QList<qint64> servers;
    for (const auto &[pid, cmdline] : childrenOf(QCoreApplication::applicationPid())) {
        if (cmdline.contains("--serve"))
            servers.append(pid);
    }
    return servers;
}
} // namespace

class tst_ProcessRunner final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase_data();
    void initTestCase();
    void init();

    void servedWarmUpStartsTheServerAhead(); // first: no stage has started the server yet
    void describe_data();
    void describe();
    void exitCode_data();
    void exitCode();
    void killedBySignal_data();
    void killedBySignal();
    void failedToStartIsAsynchronous();
    void timeoutKillsGrandchildren();
    void cancelEndsWholeTree();
    void childIgnoringTermKilledAfterGrace();
    void backgroundLeftoversEnded();
    void doneEmittedOnce();
    void outputSeparatedAndComplete();
    void outputAfterABurstStillComesLive();
    void environmentAndWorkdir();
    void destructorKillsWithoutEmitting();
    void parentDeath();
    void detachedProcessesEndWithTheStage_data();
    void detachedProcessesEndWithTheStage();
    void parentDeathEndsDetachedProcesses();
    void guardKilledStageCgroupEnded();
    void servedGuardsCarryNothingOver();
    void servedStageCancelledBeforeItRuns();
    void servedGuardsRunOnAfterAStageWasKilled();
    void servedOversizedStageGetsAGuardOfItsOwn();
    void servedKilledServerIsReplaced();

private:
    // A stage that prints "ran" runs and succeeds.
    void runsAStage();

    QTemporaryDir m_dir;
    QString m_guard;
};

void tst_ProcessRunner::runsAStage()
{
    ProcessRunner runner;
    Recorder rec(runner, this);
    runner.start(shell(QStringLiteral("echo ran")));
    QTRY_COMPARE_WITH_TIMEOUT(rec.results.size(), 1, 10000);
    QVERIFY2(rec.result().success(), qPrintable(rec.result().describe()));
    QCOMPARE(rec.out.trimmed(), QByteArray("ran"));
}

void tst_ProcessRunner::initTestCase_data()
{
    QTest::addColumn<bool>("guarded");
    QTest::addColumn<bool>("served");
    QTest::newRow("served") << true << true;
    QTest::newRow("guard") << true << false;
    QTest::newRow("direct") << false << false;
}

void tst_ProcessRunner::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_guard = QStringLiteral(DD_BIN_DIR "/deploydesk-stage");
    QVERIFY2(QFileInfo(m_guard).isExecutable(), qPrintable(m_guard));
}

void tst_ProcessRunner::init()
{
    QFETCH_GLOBAL(bool, guarded);
    QFETCH_GLOBAL(bool, served);
    // Set but empty: run /bin/sh directly.
    qputenv("DEPLOYDESK_STAGE_HELPER", guarded ? m_guard.toLocal8Bit() : QByteArray());
    qputenv("DEPLOYDESK_STAGE_SERVER", served ? "1" : "0");
    QCOMPARE(ProcessRunner::guardPath(), guarded ? m_guard : QString());
}

// `deploydeskctl run` starts the stage server while it opens the history: the first stage
// then uses that server, not another.
void tst_ProcessRunner::servedWarmUpStartsTheServerAhead()
{
    QFETCH_GLOBAL(bool, served);
    if (!served)
        QSKIP("served guards only");
    const QList<qint64> before = ourStageServers();
    StageServer::warmUp();
    if (before.isEmpty()) {
        QCOMPARE(ourStageServers().size(), 1); // started now, before any stage
    } else {
        QCOMPARE(ourStageServers(), before); // one running already: not a second one
    }
    const QList<qint64> warm = ourStageServers();
    runsAStage();
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(ourStageServers(), warm);
    StageServer::warmUp(); // again: nothing new
    QCOMPARE(ourStageServers(), warm);
}

void tst_ProcessRunner::describe_data()
{
    using S = ProcessResult::Status;
    QTest::addColumn<int>("status");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<int>("signal");
    QTest::addColumn<QString>("errorString");
    QTest::addColumn<QString>("expected");

    QTest::newRow("exit") << int(S::Exited) << 3 << 0 << QString() << QStringLiteral("exit code 3");
    QTest::newRow("signal") << int(S::Signaled) << -1 << 9 << QString()
                            << QStringLiteral("killed by signal 9 (SIGKILL)");
    QTest::newRow("segv") << int(S::Signaled) << -1 << 11 << QString()
                          << QStringLiteral("killed by signal 11 (SIGSEGV)");
    QTest::newRow("cancelled") << int(S::Cancelled) << -1 << 0 << QString()
                               << QStringLiteral("cancelled");
    QTest::newRow("failed") << int(S::FailedToStart) << -1 << 0 << QStringLiteral("no such file")
                            << QStringLiteral("failed to start: no such file");
}

void tst_ProcessRunner::describe()
{
    QFETCH(int, status);
    QFETCH(int, exitCode);
    QFETCH(int, signal);
    QFETCH(QString, errorString);
    QFETCH(QString, expected);

    ProcessResult result;
    result.status = ProcessResult::Status(status);
    result.exitCode = exitCode;
    result.signal = signal;
    result.errorString = errorString;
    QCOMPARE(result.describe(), expected);
}

void tst_ProcessRunner::exitCode_data()
{
    QTest::addColumn<QString>("command");
    QTest::addColumn<int>("exitCode");

    QTest::newRow("0") << QStringLiteral("true") << 0;
    QTest::newRow("3") << QStringLiteral("exit 3") << 3;
    QTest::newRow("command not found") << QStringLiteral("dd-no-such-command --flag") << 127;
}

void tst_ProcessRunner::exitCode()
{
    QFETCH(QString, command);
    QFETCH(int, exitCode);

    QFETCH_GLOBAL(bool, served);
    ProcessRunner runner;
    Recorder rec(runner, this);
    runner.start(shell(command));
    QVERIFY(runner.isRunning());
    // A served stage's group is known once its guard reports (cancelEndsWholeTree).
    if (!served)
        QVERIFY(runner.pid() > 0);
    QTRY_COMPARE_WITH_TIMEOUT(rec.results.size(), 1, 10000);
    QVERIFY(!runner.isRunning());
    QCOMPARE(rec.result().status, ProcessResult::Status::Exited);
    QCOMPARE(rec.result().exitCode, exitCode);
    QCOMPARE(rec.result().success(), exitCode == 0);
    QCOMPARE(rec.result().describe(), QStringLiteral("exit code %1").arg(exitCode));
}

void tst_ProcessRunner::killedBySignal_data()
{
    QTest::addColumn<QString>("command");
    QTest::addColumn<int>("signal");

    QTest::newRow("SIGSEGV") << QStringLiteral("kill -SEGV $$") << int(SIGSEGV);
    QTest::newRow("SIGKILL") << QStringLiteral("kill -9 $$") << int(SIGKILL);
}

void tst_ProcessRunner::killedBySignal()
{
    QFETCH(QString, command);
    QFETCH(int, signal);

    ProcessRunner runner;
    Recorder rec(runner, this);
    runner.start(shell(command));
    QTRY_COMPARE_WITH_TIMEOUT(rec.results.size(), 1, 10000);
    QCOMPARE(rec.result().status, ProcessResult::Status::Signaled);
    QCOMPARE(rec.result().signal, signal);
    QVERIFY(!rec.result().success());
}

void tst_ProcessRunner::failedToStartIsAsynchronous()
{
    const QString missing = m_dir.filePath(QStringLiteral("no-such-dir"));
    ProcessSpec spec = shell(QStringLiteral("true"));
    spec.workdir = missing;

    ProcessRunner runner;
    Recorder rec(runner, this);
    runner.start(spec);
    QCOMPARE(rec.results.size(), 0); // never from inside start()
    QTRY_COMPARE_WITH_TIMEOUT(rec.results.size(), 1, 10000);
    QCOMPARE(rec.result().status, ProcessResult::Status::FailedToStart);
    QVERIFY2(rec.result().errorString.contains(missing), qPrintable(rec.result().errorString));
    QVERIFY(rec.result().describe().startsWith(QStringLiteral("failed to start: ")));
    QVERIFY(!runner.isRunning());
    QTest::qWait(200); // done already fired: only proves there is no second one
    QCOMPARE(rec.results.size(), 1);
}

void tst_ProcessRunner::timeoutKillsGrandchildren()
{
    const QString pidFile = m_dir.filePath(QStringLiteral("timeout.pid"));
    QFile::remove(pidFile);
    ProcessSpec spec = shell(QStringLiteral("sleep 1000 & echo $! > '%1'; wait").arg(pidFile));
    spec.timeout = 1500ms;

    ProcessRunner runner;
    Recorder rec(runner, this);
    runner.start(spec);
    QTRY_COMPARE_WITH_TIMEOUT(rec.results.size(), 1, 15000);
    const qint64 pid = readPid(pidFile);
    QVERIFY(pid > 0);
    QCOMPARE(rec.result().status, ProcessResult::Status::TimedOut);
    QCOMPARE(rec.result().describe(), QStringLiteral("timed out after 1.5 s"));
    QTRY_VERIFY_WITH_TIMEOUT(processGone(pid), 10000);
}

void tst_ProcessRunner::cancelEndsWholeTree()
{
    const QString pidFile = m_dir.filePath(QStringLiteral("cancel.pid"));
    QFile::remove(pidFile);
    ProcessRunner runner;
    Recorder rec(runner, this);
    runner.start(shell(QStringLiteral("sleep 1000 & echo $! > '%1'; wait").arg(pidFile)));
    QTRY_VERIFY_WITH_TIMEOUT(readPid(pidFile) > 0, 10000);
    QTRY_VERIFY_WITH_TIMEOUT(runner.pid() > 0, 10000);
    const qint64 shellPid = runner.pid();
    const qint64 pid = readPid(pidFile);
    QVERIFY(!processGone(pid));

    runner.cancel();
    runner.cancel(); // twice: still one result
    QTRY_COMPARE_WITH_TIMEOUT(rec.results.size(), 1, 10000);
    QCOMPARE(rec.result().status, ProcessResult::Status::Cancelled);
    QCOMPARE(rec.result().describe(), QStringLiteral("cancelled"));
    QTRY_VERIFY_WITH_TIMEOUT(processGone(pid), 10000);
    QTRY_VERIFY_WITH_TIMEOUT(processGone(shellPid), 10000);
    QTest::qWait(100);
    QCOMPARE(rec.results.size(), 1);
}

void tst_ProcessRunner::childIgnoringTermKilledAfterGrace()
{
    const QString pidFile = m_dir.filePath(QStringLiteral("stubborn.pid"));
    QFile::remove(pidFile);
    ProcessRunner runner;
    Recorder rec(runner, this);
    runner.start(
        shell(QStringLiteral("sh -c 'trap \"\" TERM; echo $$ > \"%1\"; while :; do sleep 1; done'")
                  .arg(pidFile)));
    QTRY_VERIFY_WITH_TIMEOUT(readPid(pidFile) > 0, 10000);
    const qint64 pid = readPid(pidFile);

    runner.cancel();
    QTRY_COMPARE_WITH_TIMEOUT(rec.results.size(), 1, 10000);
    QCOMPARE(rec.result().status, ProcessResult::Status::Cancelled);
    QTRY_VERIFY_WITH_TIMEOUT(processGone(pid), 10000);
}

void tst_ProcessRunner::backgroundLeftoversEnded()
{
    const QString pidFile = m_dir.filePath(QStringLiteral("leftover.pid"));
    QFile::remove(pidFile);
    ProcessRunner runner;
    Recorder rec(runner, this);
    runner.start(shell(QStringLiteral("sleep 1000 & echo $! > '%1'; echo started").arg(pidFile)));
    QTRY_COMPARE_WITH_TIMEOUT(rec.results.size(), 1, 10000);
    QVERIFY(rec.result().success());
    QCOMPARE(rec.out, QByteArray("started\n"));
    const qint64 pid = readPid(pidFile);
    QVERIFY(pid > 0);
    QTRY_VERIFY_WITH_TIMEOUT(processGone(pid), 10000);
}

void tst_ProcessRunner::doneEmittedOnce()
{
    ProcessRunner runner;
    Recorder rec(runner, this);
    runner.start(shell(QStringLiteral("echo hi")));
    QTRY_COMPARE_WITH_TIMEOUT(rec.results.size(), 1, 10000);
    runner.cancel(); // after done: nothing to do
    QTest::qWait(300);
    QCOMPARE(rec.results.size(), 1);
    QCOMPARE(rec.result().status, ProcessResult::Status::Exited);

    // The runner can be used again, and each start() gets its own done().
    runner.start(shell(QStringLiteral("exit 5")));
    QTRY_COMPARE_WITH_TIMEOUT(rec.results.size(), 2, 10000);
    QCOMPARE(rec.results.at(1).exitCode, 5);
    QTest::qWait(300);
    QCOMPARE(rec.results.size(), 2);
}

void tst_ProcessRunner::outputSeparatedAndComplete()
{
    constexpr int lines = 200000;
    ProcessRunner runner;
    Recorder rec(runner, this);
    runner.start(shell(QStringLiteral("seq 1 %1; seq %2 %3 >&2; exit 0")
                           .arg(lines)
                           .arg(lines + 1)
                           .arg(2 * lines)));
    QTRY_COMPARE_WITH_TIMEOUT(rec.results.size(), 1, 60000);
    QVERIFY(rec.result().success());
    QVERIFY(!rec.outputAfterDone);
    QCOMPARE(rec.outAtDone, rec.out.size());
    QCOMPARE(rec.errAtDone, rec.err.size());

    QCOMPARE(rec.out.count('\n'), lines);
    QCOMPARE(rec.err.count('\n'), lines);
    QVERIFY(rec.out.startsWith("1\n2\n"));
    QVERIFY(rec.out.endsWith(QByteArray::number(lines) + '\n'));
    QVERIFY(rec.err.startsWith(QByteArray::number(lines + 1) + '\n'));
    QVERIFY(rec.err.endsWith(QByteArray::number(2 * lines) + '\n'));
}

// A stage that writes in bulk is read in larger pieces (its pipe left to fill between
// reads): a line it writes after the burst still shows while it runs, not at its end.
void tst_ProcessRunner::outputAfterABurstStillComesLive()
{
    ProcessRunner runner;
    Recorder rec(runner, this);
    runner.start(shell(QStringLiteral("seq 1 300000; sleep 0.3; echo after the burst; "
                                      "exec sleep 60")));
    QTRY_VERIFY_WITH_TIMEOUT(rec.out.endsWith("after the burst\n"), 20000);
    QVERIFY(rec.results.isEmpty()); // still running
    QCOMPARE(rec.out.count('\n'), 300001);
    QVERIFY(rec.out.startsWith("1\n2\n"));
    runner.cancel();
    QTRY_COMPARE_WITH_TIMEOUT(rec.results.size(), 1, 10000);
    QCOMPARE(rec.result().status, ProcessResult::Status::Cancelled);
}

void tst_ProcessRunner::environmentAndWorkdir()
{
    QTemporaryDir workdir;
    QVERIFY(workdir.isValid());
    ProcessSpec spec = shell(QStringLiteral("printf '%s\\n' \"$DD_TEST_VALUE\"; pwd -P; "
                                            "printf '%s\\n' \"${DD_TEST_UNSET-unset}\" >&2"));
    spec.workdir = workdir.path();
    spec.environment.insert(QStringLiteral("DD_TEST_VALUE"), QStringLiteral("hello world"));
    spec.environment.remove(QStringLiteral("DD_TEST_UNSET"));
    qputenv("DD_TEST_UNSET", "leaked");

    ProcessRunner runner;
    Recorder rec(runner, this);
    runner.start(spec);
    qunsetenv("DD_TEST_UNSET");
    QTRY_COMPARE_WITH_TIMEOUT(rec.results.size(), 1, 10000);
    QVERIFY(rec.result().success());
    QCOMPARE(QString::fromLocal8Bit(rec.out),
             QStringLiteral("hello world\n%1\n").arg(QDir(workdir.path()).canonicalPath()));
    QCOMPARE(rec.err, QByteArray("unset\n"));
}

void tst_ProcessRunner::destructorKillsWithoutEmitting()
{
    const QString pidFile = m_dir.filePath(QStringLiteral("destructor.pid"));
    QFile::remove(pidFile);
    QObject context;
    auto runner = std::make_unique<ProcessRunner>();
    Recorder rec(*runner, &context);
    runner->start(shell(QStringLiteral("sleep 1000 & echo $! > '%1'; wait").arg(pidFile)));
    QTRY_VERIFY_WITH_TIMEOUT(readPid(pidFile) > 0, 10000);
    const qint64 pid = readPid(pidFile);
    runner.reset();
    QCOMPARE(rec.results.size(), 0);
    QTRY_VERIFY_WITH_TIMEOUT(processGone(pid), 10000);
}

void tst_ProcessRunner::parentDeath()
{
    QFETCH_GLOBAL(bool, guarded);
    if (!guarded)
        QSKIP("only the guard ends a stage whose parent died");

    const QString pidFile = m_dir.filePath(QStringLiteral("orphan.pid"));
    QFile::remove(pidFile);
    QProcess parent;
    parent.setProgram(QStringLiteral(DD_BIN_DIR "/orphanparent"));
    parent.setArguments({pidFile});
    parent.start();
    QVERIFY2(parent.waitForStarted(), qPrintable(parent.errorString()));
    QTRY_VERIFY_WITH_TIMEOUT(readPid(pidFile) > 0, 10000);
    const qint64 pid = readPid(pidFile);
    QVERIFY(!processGone(pid));

    parent.kill(); // SIGKILL: the runner gets no chance to clean up
    QVERIFY(parent.waitForFinished(10000));
    QTRY_VERIFY_WITH_TIMEOUT(processGone(pid), 10000);
    killLeftover(pid);
}

// A stage whose command detaches a process (setsid, double fork, nohup, set -m) ends
// with all of it: when its shell exits, on cancel and on timeout. Only under the guard:
// without it, a process that left the stage's process group is out of reach (see
// docs/reliability.md).
void tst_ProcessRunner::detachedProcessesEndWithTheStage_data()
{
    QTest::addColumn<QString>("detach");
    QTest::addColumn<QString>("ending");
    for (const DetachCase &c : detachCases()) {
        for (const char *ending : {"exits", "cancelled", "timed out", "destroyed"})
            QTest::addRow("%s, %s", c.name, ending)
                << QString::fromLatin1(c.command) << QString::fromLatin1(ending);
    }
}

void tst_ProcessRunner::detachedProcessesEndWithTheStage()
{
    QFETCH_GLOBAL(bool, guarded);
    QFETCH(QString, detach);
    QFETCH(QString, ending);
    if (!guarded)
        QSKIP("without the guard, processes outside the stage's process group are not ended");

    const QByteArray marker = newMarker();
    auto cleanup = qScopeGuard([&] { killMarked(marker); });
    const QString pidFile = m_dir.filePath(QString::fromLatin1(marker) + QStringLiteral(".pid"));
    auto runner = std::make_unique<ProcessRunner>();
    Recorder rec(*runner, this);
    ProcessSpec spec =
        shell(stageCommand(detach, pidFile,
                           ending == QLatin1String("exits") ? QStringLiteral("echo done")
                                                            : QStringLiteral("sleep 300")));
    spec.environment.insert(QString::fromLatin1(markerVariable()), QString::fromLatin1(marker));
    if (ending == QLatin1String("timed out"))
        spec.timeout = 3s;
    runner->start(spec);
    QTRY_VERIFY_WITH_TIMEOUT(readPid(pidFile) > 0, 10000);
    const qint64 detached = readPid(pidFile);
    if (ending == QLatin1String("destroyed")) {
        // As when DeployDesk quits with a stage running: no result, nothing left.
        QVERIFY(!processGone(detached));
        runner.reset();
        QCOMPARE(rec.results.size(), 0);
    } else {
        if (ending == QLatin1String("cancelled")) {
            QVERIFY(!processGone(detached));
            runner->cancel();
        }
        QTRY_COMPARE_WITH_TIMEOUT(rec.results.size(), 1, 15000);
        if (ending == QLatin1String("exits"))
            QVERIFY2(rec.result().success(), qPrintable(rec.result().describe()));
        else if (ending == QLatin1String("cancelled"))
            QCOMPARE(rec.result().status, ProcessResult::Status::Cancelled);
        else
            QCOMPARE(rec.result().status, ProcessResult::Status::TimedOut);
    }
    QTRY_VERIFY_WITH_TIMEOUT(processGone(detached), 5000);
    QTRY_COMPARE_WITH_TIMEOUT(markedProcesses(marker), QList<qint64>(), 5000);
}

// DeployDesk killed with SIGKILL while a stage's detached process runs: the guard
// (told by the parent-death signal) ends that too.
void tst_ProcessRunner::parentDeathEndsDetachedProcesses()
{
    QFETCH_GLOBAL(bool, guarded);
    if (!guarded)
        QSKIP("only the guard ends a stage whose parent died");

    const QByteArray marker = newMarker();
    auto cleanup = qScopeGuard([&] { killMarked(marker); });
    const QString pidFile = m_dir.filePath(QString::fromLatin1(marker) + QStringLiteral(".pid"));
    QProcess parent;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QString::fromLatin1(markerVariable()), QString::fromLatin1(marker));
    parent.setProcessEnvironment(env);
    parent.setProgram(QStringLiteral(DD_BIN_DIR "/orphanparent"));
    parent.setArguments({pidFile, stageCommand(QString::fromLatin1(detachCases().first().command),
                                               pidFile, QStringLiteral("sleep 300"))});
    parent.start();
    QVERIFY2(parent.waitForStarted(), qPrintable(parent.errorString()));
    QTRY_VERIFY_WITH_TIMEOUT(readPid(pidFile) > 0, 10000);
    const qint64 detached = readPid(pidFile);
    QVERIFY(!processGone(detached));

    parent.kill(); // SIGKILL: the runner gets no chance to clean up
    QVERIFY(parent.waitForFinished(10000));
    QTRY_VERIFY_WITH_TIMEOUT(processGone(detached), 10000);
    QTRY_COMPARE_WITH_TIMEOUT(markedProcesses(marker), QList<qint64>(), 5000);
}

// The guard itself killed with SIGKILL cannot end anything. Where the stage has a
// cgroup (a cgroup v2 that can be made here), the runner ends what is left in it.
void tst_ProcessRunner::guardKilledStageCgroupEnded()
{
    QFETCH_GLOBAL(bool, guarded);
    if (!guarded)
        QSKIP("only the guard makes a cgroup for a stage");

    const QByteArray marker = newMarker();
    auto cleanup = qScopeGuard([&] { killMarked(marker); });
    const QString pidFile = m_dir.filePath(QString::fromLatin1(marker) + QStringLiteral(".pid"));
    ProcessRunner runner;
    Recorder rec(runner, this);
    ProcessSpec spec = shell(stageCommand(QString::fromLatin1(detachCases().first().command),
                                          pidFile, QStringLiteral("sleep 300")));
    spec.environment.insert(QString::fromLatin1(markerVariable()), QString::fromLatin1(marker));
    runner.start(spec);
    QTRY_VERIFY_WITH_TIMEOUT(readPid(pidFile) > 0, 10000);
    const qint64 detached = readPid(pidFile);
    QFile cgroup(QStringLiteral("/proc/%1/cgroup").arg(detached));
    QVERIFY(cgroup.open(QIODevice::ReadOnly));
    const QByteArray where = cgroup.readAll().trimmed();
    const qsizetype at = where.lastIndexOf("/deploydesk-stage-");
    if (at < 0)
        QSKIP("no cgroup v2 can be made here: a killed guard leaves detached processes running "
              "(docs/reliability.md)");
    // The stage's cgroup is named after its guard.
    const qint64 guard = where.mid(at + qsizetype(strlen("/deploydesk-stage-"))).toLongLong();
    QVERIFY(guard > 0);

    ::kill(pid_t(guard), SIGKILL); // the guard only
    QTRY_COMPARE_WITH_TIMEOUT(rec.results.size(), 1, 10000);
    QCOMPARE(rec.result().status, ProcessResult::Status::Signaled);
    QTRY_VERIFY_WITH_TIMEOUT(processGone(detached), 5000);
    QTRY_COMPARE_WITH_TIMEOUT(markedProcesses(marker), QList<qint64>(), 5000);
}

// The pool's guards run one stage after another: the next stage sees none of the
// previous one's environment, working directory or pipes, and a runner destroyed after
// its stage does not reach the stage its guard runs next.
void tst_ProcessRunner::servedGuardsCarryNothingOver()
{
    QFETCH_GLOBAL(bool, served);
    if (!served)
        QSKIP("served guards only");
    const QStringList dirs{m_dir.filePath(QStringLiteral("first")),
                           m_dir.filePath(QStringLiteral("second"))};
    for (const QString &dir : dirs)
        QVERIFY(QDir().mkpath(dir));

    // More stages than the pool has guards (it grows by one while all are busy, and
    // these run one at a time): some guard runs several of them.
    std::unique_ptr<ProcessRunner> previous;
    QByteArrayList cgroups;
    for (int i = 0; i < 8; ++i) {
        auto runner = std::make_unique<ProcessRunner>();
        Recorder rec(*runner, this);
        ProcessSpec spec = shell(QStringLiteral("echo \"[$DD_ONLY_EVEN]\" \"$(pwd)\" "
                                                "\"$DEPLOYDESK_STAGE_CGROUP\"; sleep 0.1"));
        spec.workdir = dirs.at(i % 2);
        if (i % 2 == 0)
            spec.environment.insert(QStringLiteral("DD_ONLY_EVEN"), QString::number(i));
        runner->start(spec);
        QTRY_VERIFY_WITH_TIMEOUT(runner->pid() > 0, 10000);
        previous.reset(); // its status socket closes while a guard runs this stage
        QTRY_COMPARE_WITH_TIMEOUT(rec.results.size(), 1, 10000);
        QVERIFY2(rec.result().success(), qPrintable(rec.result().describe()));
        const QByteArrayList words = rec.out.trimmed().split(' ');
        QCOMPARE(words.value(0), i % 2 == 0 ? "[" + QByteArray::number(i) + "]" : "[]");
        QCOMPARE(words.value(1), QFile::encodeName(spec.workdir));
        cgroups.append(words.value(2));
        previous = std::move(runner);
    }
    // Where cgroups can be made, each is named after its guard: one ran several stages.
    if (!cgroups.constFirst().isEmpty())
        QVERIFY2(QSet<QByteArray>(cgroups.cbegin(), cgroups.cend()).size() < cgroups.size(),
                 cgroups.join(' ').constData());
}

// A stage that ignored SIGTERM was ended with SIGKILL (its cgroup's cgroup.kill where
// there is one): the guards run the next stages as usual.
void tst_ProcessRunner::servedGuardsRunOnAfterAStageWasKilled()
{
    QFETCH_GLOBAL(bool, served);
    if (!served)
        QSKIP("served guards only");
    const QString pidFile = m_dir.filePath(QStringLiteral("stubborn-served.pid"));
    QFile::remove(pidFile);
    {
        ProcessRunner runner;
        Recorder rec(runner, this);
        runner.start(shell(QStringLiteral("trap '' TERM; echo $$ > '%1'; while :; do sleep 1; done")
                               .arg(pidFile)));
        QTRY_VERIFY_WITH_TIMEOUT(readPid(pidFile) > 0, 10000);
        runner.cancel();
        QTRY_COMPARE_WITH_TIMEOUT(rec.results.size(), 1, 10000);
        QCOMPARE(rec.result().status, ProcessResult::Status::Cancelled);
    }
    for (int i = 0; i < 4; ++i) {
        ProcessRunner runner;
        Recorder rec(runner, this);
        runner.start(shell(QStringLiteral("echo %1").arg(i)));
        QTRY_COMPARE_WITH_TIMEOUT(rec.results.size(), 1, 10000);
        QVERIFY2(rec.result().success(), qPrintable(rec.result().describe()));
        QCOMPARE(rec.out.trimmed(), QByteArray::number(i));
    }
}

// cancel() right after start(), before any guard reported: the command never runs.
void tst_ProcessRunner::servedStageCancelledBeforeItRuns()
{
    QFETCH_GLOBAL(bool, served);
    if (!served)
        QSKIP("served guards only");
    const QString marker = m_dir.filePath(QStringLiteral("ran"));
    ProcessRunner runner;
    Recorder rec(runner, this);
    runner.start(shell(QStringLiteral("touch '%1'").arg(marker)));
    runner.cancel();
    QTRY_COMPARE_WITH_TIMEOUT(rec.results.size(), 1, 10000);
    QCOMPARE(rec.result().status, ProcessResult::Status::Cancelled);
    QVERIFY(!QFileInfo::exists(marker));
}

// A request larger than a guard of the pool takes (an environment of more than 1 MiB)
// runs under a guard of its own, with all of its environment.
void tst_ProcessRunner::servedOversizedStageGetsAGuardOfItsOwn()
{
    QFETCH_GLOBAL(bool, served);
    if (!served)
        QSKIP("served guards only");
    ProcessRunner runner;
    Recorder rec(runner, this);
    // Twelve variables of 100 KiB (one may hold at most 128 KiB, exec's limit).
    ProcessSpec spec = shell(QStringLiteral(
        "env | awk -F= '/^DD_BIG_/ && length($2) == 102400 { n++ } END { print n }'"));
    const QString big(100 * 1024, QLatin1Char('x'));
    for (int i = 0; i < 12; ++i)
        spec.environment.insert(QStringLiteral("DD_BIG_%1").arg(i), big);
    QTest::ignoreMessage(
        QtWarningMsg, QRegularExpression(QStringLiteral("the stage server cannot take a stage")));
    runner.start(spec);
    QTRY_COMPARE_WITH_TIMEOUT(rec.results.size(), 1, 10000);
    QVERIFY2(rec.result().success(), qPrintable(rec.result().describe() + rec.err));
    QCOMPARE(rec.out.trimmed(), QByteArray("12"));
}

// The stage server killed by hand: the next stage starts another one and runs.
void tst_ProcessRunner::servedKilledServerIsReplaced()
{
    QFETCH_GLOBAL(bool, served);
    if (!served)
        QSKIP("served guards only");
    QByteArray usedCgroup;
    {
        ProcessRunner warmUp;
        Recorder rec(warmUp, this);
        warmUp.start(shell(QStringLiteral("echo \"$DEPLOYDESK_STAGE_CGROUP\"")));
        QTRY_COMPARE_WITH_TIMEOUT(rec.results.size(), 1, 10000);
        usedCgroup = rec.out.trimmed();
    }
    const QList<qint64> servers = ourStageServers();
    QCOMPARE(servers.size(), 1);
    // Stopped, the server forks no guard in place of those killed below.
    ::kill(pid_t(servers.constFirst()), SIGSTOP);
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            QFile stat(QStringLiteral("/proc/%1/stat").arg(servers.constFirst()));
            if (!stat.open(QIODevice::ReadOnly))
                return false;
            const QByteArray text = stat.readAll();
            return text.mid(text.lastIndexOf(')') + 2, 1) == "T";
        }(),
        10000);
    // Its guards killed first, with SIGKILL: they cannot remove their (empty) cgroups.
    const auto guards = childrenOf(servers.constFirst());
    QVERIFY(!guards.isEmpty());
    for (const auto &guard : guards)
        ::kill(pid_t(guard.first), SIGKILL);
    for (const auto &guard : guards)
        QTRY_VERIFY_WITH_TIMEOUT(processGone(guard.first), 10000);
    ::kill(pid_t(servers.constFirst()), SIGKILL);
    QTRY_VERIFY_WITH_TIMEOUT(processGone(servers.constFirst()), 10000);

    // The next stage starts a new server (the first send fails) and runs.
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("took no request")));
    runsAStage();
    if (QTest::currentTestFailed())
        return;
    // The new server removed the cgroup the killed guard had kept.
    if (!usedCgroup.isEmpty())
        QVERIFY2(!QFileInfo::exists(QFile::decodeName(usedCgroup)), usedCgroup.constData());
}

QTEST_GUILESS_MAIN(tst_ProcessRunner)
#include "tst_processrunner.moc"
