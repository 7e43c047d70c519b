// The deploydesk-stage guard (tools/stageguard.c), run directly.
#include "processtestutil.h"

#include <QCoreApplication>
#include <QFile>
#include <QProcess>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QtTest>

using namespace DeployDesk::Test;

class tst_StageGuard final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void exitCodePassthrough_data();
    void exitCodePassthrough();
    void signalPassthrough_data();
    void signalPassthrough();
    void badArguments_data();
    void badArguments();
    void parentGoneRunsNothing();
    void backgroundLeftoversEnded();
    void leftoverIgnoringTermKilledAfterGrace();
    void terminateEndsWholeGroup();
    void terminateEscalatesToKill();
    void simpleCommandRunsWithoutAShell_data();
    void simpleCommandRunsWithoutAShell();
    void detachedProcessesEndWithTheStage_data();
    void detachedProcessesEndWithTheStage();
    void stageCgroup();
    void bigEnvironmentsAndArgumentLists_data();
    void withoutClone3();
    void scriptWithoutInterpreterLine();
    void bigEnvironmentsAndArgumentLists();

private:
    // Starts `deploydesk-stage <our pid> 300 ARGS...`.
    void startGuard(QProcess &process, const QStringList &args, const QString &parentPid = {},
                    const QByteArray &marker = {});
    QString m_guard;
    QTemporaryDir m_dir;
};

void tst_StageGuard::initTestCase()
{
    m_guard = QStringLiteral(DD_BIN_DIR "/deploydesk-stage");
    QVERIFY2(QFileInfo(m_guard).isExecutable(), qPrintable(m_guard));
    QVERIFY(m_dir.isValid());
}

void tst_StageGuard::startGuard(QProcess &process, const QStringList &args,
                                const QString &parentPid, const QByteArray &marker)
{
    if (!marker.isEmpty()) {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QString::fromLatin1(markerVariable()), QString::fromLatin1(marker));
        process.setProcessEnvironment(env);
    }
    process.setProgram(m_guard);
    process.setArguments(QStringList{parentPid.isEmpty()
                                         ? QString::number(QCoreApplication::applicationPid())
                                         : parentPid,
                                     QStringLiteral("300")} +
                         args);
    process.start();
    QVERIFY2(process.waitForStarted(), qPrintable(process.errorString()));
}

void tst_StageGuard::exitCodePassthrough_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("exitCode");

    const QString sh = QStringLiteral("/bin/sh");
    const QString c = QStringLiteral("-c");
    QTest::newRow("success") << QStringList{sh, c, QStringLiteral("exit 0")} << 0;
    QTest::newRow("exit 3") << QStringList{sh, c, QStringLiteral("exit 3")} << 3;
    QTest::newRow("exit 255") << QStringList{sh, c, QStringLiteral("exit 255")} << 255;
    QTest::newRow("shell: not found")
        << QStringList{sh, c, QStringLiteral("dd-no-such-command")} << 127;
    QTest::newRow("program not found")
        << QStringList{QStringLiteral("/nonexistent/dd-program")} << 127;
    QTest::newRow("builtin: false") << QStringList{sh, c, QStringLiteral("false")} << 1;
    QTest::newRow("simple: test") << QStringList{sh, c, QStringLiteral("test -d /nonexistent-dd")}
                                  << 1;
    QTest::newRow("shell: assignment first") << QStringList{sh, c, QStringLiteral("X=1 true")} << 0;
    QTest::newRow("program not executable")
        << QStringList{QStringLiteral(DD_TEST_SOURCE_DIR "/processtestutil.h")} << 126;
}

void tst_StageGuard::exitCodePassthrough()
{
    QFETCH(QStringList, args);
    QFETCH(int, exitCode);

    QProcess guard;
    startGuard(guard, args);
    QVERIFY(guard.waitForFinished(10000));
    QCOMPARE(guard.exitStatus(), QProcess::NormalExit);
    QCOMPARE(guard.exitCode(), exitCode);
}

void tst_StageGuard::signalPassthrough_data()
{
    QTest::addColumn<QString>("command");
    QTest::addColumn<int>("signal");

    QTest::newRow("SIGKILL") << QStringLiteral("kill -9 $$") << int(SIGKILL);
    QTest::newRow("SIGSEGV") << QStringLiteral("kill -SEGV $$") << int(SIGSEGV);
    QTest::newRow("SIGTERM") << QStringLiteral("kill -TERM $$") << int(SIGTERM);
}

void tst_StageGuard::signalPassthrough()
{
    QFETCH(QString, command);
    QFETCH(int, signal);

    QProcess guard;
    startGuard(guard, {QStringLiteral("/bin/sh"), QStringLiteral("-c"), command});
    QVERIFY(guard.waitForFinished(10000));
    // What ProcessRunner relies on: Qt reports a death by signal as CrashExit with the
    // signal number as exitCode().
    QCOMPARE(guard.exitStatus(), QProcess::CrashExit);
    QCOMPARE(guard.exitCode(), signal);
}

void tst_StageGuard::badArguments_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("message");

    QTest::newRow("too few") << QStringList{QStringLiteral("1")} << QStringLiteral("usage:");
    QTest::newRow("parent pid") << QStringList{QStringLiteral("abc"), QStringLiteral("300"),
                                               QStringLiteral("/bin/true")}
                                << QStringLiteral("expected a parent pid");
    QTest::newRow("grace") << QStringList{QStringLiteral("0"), QStringLiteral("-5"),
                                          QStringLiteral("/bin/true")}
                           << QStringLiteral("expected a grace period in milliseconds");
}

void tst_StageGuard::badArguments()
{
    QFETCH(QStringList, args);
    QFETCH(QString, message);

    QProcess guard;
    guard.start(m_guard, args);
    QVERIFY(guard.waitForFinished(10000));
    QCOMPARE(guard.exitStatus(), QProcess::NormalExit);
    QCOMPARE(guard.exitCode(), 125);
    const QString err = QString::fromUtf8(guard.readAllStandardError());
    QVERIFY2(err.contains(message), qPrintable(err));
}

void tst_StageGuard::parentGoneRunsNothing()
{
    // The guard's parent is this test, not pid 1: as if the real parent had died.
    const QString marker = m_dir.filePath(QStringLiteral("parent-gone-marker"));
    QProcess guard;
    startGuard(
        guard,
        {QStringLiteral("/bin/sh"), QStringLiteral("-c"), QStringLiteral("touch '%1'").arg(marker)},
        QStringLiteral("1"));
    QVERIFY(guard.waitForFinished(10000));
    QCOMPARE(guard.exitCode(), 125);
    QVERIFY(!QFile::exists(marker));
}

void tst_StageGuard::backgroundLeftoversEnded()
{
    const QString pidFile = m_dir.filePath(QStringLiteral("leftover.pid"));
    QProcess guard;
    startGuard(guard, {QStringLiteral("/bin/sh"), QStringLiteral("-c"),
                       QStringLiteral("sleep 1000 & echo $! > '%1'").arg(pidFile)});
    QVERIFY(guard.waitForFinished(10000));
    QCOMPARE(guard.exitStatus(), QProcess::NormalExit);
    QCOMPARE(guard.exitCode(), 0);
    const qint64 pid = readPid(pidFile);
    QVERIFY(pid > 0);
    // The guard exits only once the group is empty: no waiting here.
    const bool gone = processGone(pid);
    killLeftover(pid);
    QVERIFY(gone);
}

void tst_StageGuard::leftoverIgnoringTermKilledAfterGrace()
{
    const QString pidFile = m_dir.filePath(QStringLiteral("stubborn.pid"));
    QProcess guard;
    startGuard(guard, {QStringLiteral("/bin/sh"), QStringLiteral("-c"),
                       QStringLiteral(
                           "sh -c 'trap \"\" TERM; echo $$ > \"%1\"; while :; do sleep 1; done' & "
                           "while [ ! -s '%1' ]; do sleep 0.01; done; exit 4")
                           .arg(pidFile)});
    QVERIFY(guard.waitForFinished(10000));
    QCOMPARE(guard.exitCode(), 4);
    const qint64 pid = readPid(pidFile);
    QVERIFY(pid > 0);
    const bool gone = processGone(pid);
    killLeftover(pid);
    QVERIFY(gone);
}

void tst_StageGuard::terminateEndsWholeGroup()
{
    const QString pidFile = m_dir.filePath(QStringLiteral("terminate.pid"));
    QProcess guard;
    startGuard(guard, {QStringLiteral("/bin/sh"), QStringLiteral("-c"),
                       QStringLiteral("sleep 1000 & echo $! > '%1'; wait").arg(pidFile)});
    QTRY_VERIFY_WITH_TIMEOUT(readPid(pidFile) > 0, 10000);
    const qint64 pid = readPid(pidFile);
    guard.terminate(); // SIGTERM to the guard only, as the parent-death signal would
    QVERIFY(guard.waitForFinished(10000));
    QCOMPARE(guard.exitStatus(), QProcess::CrashExit); // the shell died of SIGTERM
    QCOMPARE(guard.exitCode(), int(SIGTERM));
    const bool gone = processGone(pid);
    killLeftover(pid);
    QVERIFY(gone);
}

void tst_StageGuard::terminateEscalatesToKill()
{
    const QString pidFile = m_dir.filePath(QStringLiteral("trap.pid"));
    QProcess guard;
    startGuard(
        guard,
        {QStringLiteral("/bin/sh"), QStringLiteral("-c"),
         QStringLiteral("trap '' TERM; echo $$ > '%1'; while :; do sleep 1; done").arg(pidFile)});
    QTRY_VERIFY_WITH_TIMEOUT(readPid(pidFile) > 0, 10000);
    const qint64 pid = readPid(pidFile);
    guard.terminate();
    QVERIFY(guard.waitForFinished(10000));
    QCOMPARE(guard.exitStatus(), QProcess::CrashExit);
    QCOMPARE(guard.exitCode(), int(SIGKILL)); // the shell ignored SIGTERM
    const bool gone = processGone(pid);
    killLeftover(pid);
    QVERIFY(gone);
}

QTEST_GUILESS_MAIN(tst_StageGuard)
#include "tst_stageguard.moc"

// A command of plain words is executed directly (one process fewer per stage, as make
// does); anything the shell would interpret still goes through /bin/sh -c.
void tst_StageGuard::simpleCommandRunsWithoutAShell_data()
{
    QTest::addColumn<QString>("command");
    QTest::addColumn<QString>("childName");
    QTest::newRow("plain words") << QStringLiteral("sleep 30") << QStringLiteral("sleep");
    QTest::newRow("a variable") << QStringLiteral("sleep $DD_UNSET_VARIABLE 30")
                                << QStringLiteral("sh");
    QTest::newRow("a quote") << QStringLiteral("sleep '30'") << QStringLiteral("sh");
    QTest::newRow("an operator") << QStringLiteral("sleep 30 && true") << QStringLiteral("sh");
}

void tst_StageGuard::simpleCommandRunsWithoutAShell()
{
    QFETCH(QString, command);
    QFETCH(QString, childName);
    QProcess guard;
    startGuard(guard, {QStringLiteral("/bin/sh"), QStringLiteral("-c"), command});
    const qint64 pid = guard.processId();
    const QString childrenFile = QStringLiteral("/proc/%1/task/%1/children").arg(pid);
    QByteArray children;
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            QFile f(childrenFile);
            children = f.open(QIODevice::ReadOnly) ? f.readAll().trimmed() : QByteArray();
            if (children.isEmpty())
                return false;
            // Right after fork the child is still the guard until it execs.
            QFile comm(QStringLiteral("/proc/%1/comm")
                           .arg(QString::fromLatin1(children.split(' ').first())));
            return comm.open(QIODevice::ReadOnly) && comm.readAll().trimmed() != "deploydesk-stag";
        }(),
        10000);
    QFile comm(
        QStringLiteral("/proc/%1/comm").arg(QString::fromLatin1(children.split(' ').first())));
    QVERIFY(comm.open(QIODevice::ReadOnly));
    QCOMPARE(QString::fromLatin1(comm.readAll().trimmed()), childName);
    guard.terminate();
    QVERIFY(guard.waitForFinished(10000));
}

// However a stage's command detaches a process (a new session with setsid, a double
// fork, nohup, a job of its own with set -m), it ends with the stage: when the stage's
// shell exits, and when the stage is ended (SIGTERM to the guard, as on cancel, timeout
// or the death of DeployDesk). Every process of a case carries a marker in its
// environment, so /proc shows whether any survived.
void tst_StageGuard::detachedProcessesEndWithTheStage_data()
{
    QTest::addColumn<QString>("detach");
    QTest::addColumn<bool>("terminate");
    QTest::addColumn<bool>("cgroup");
    // With a cgroup where one can be made, and with /proc alone (as where none can).
    for (const bool cgroup : {true, false}) {
        const char *how = cgroup ? "cgroup if possible" : "no cgroup";
        for (const DetachCase &c : detachCases()) {
            QTest::addRow("%s, stage exits, %s", c.name, how)
                << QString::fromLatin1(c.command) << false << cgroup;
            QTest::addRow("%s, stage ended, %s", c.name, how)
                << QString::fromLatin1(c.command) << true << cgroup;
        }
    }
}

void tst_StageGuard::detachedProcessesEndWithTheStage()
{
    QFETCH(QString, detach);
    QFETCH(bool, terminate);
    QFETCH(bool, cgroup);
    qputenv("DEPLOYDESK_STAGE_NO_CGROUP", cgroup ? "" : "1");
    auto restore = qScopeGuard([] { qunsetenv("DEPLOYDESK_STAGE_NO_CGROUP"); });
    const QByteArray marker = newMarker();
    auto cleanup = qScopeGuard([&] { killMarked(marker); });
    const QString pidFile = m_dir.filePath(QString::fromLatin1(marker) + QStringLiteral(".pid"));
    QProcess guard;
    startGuard(guard,
               {QStringLiteral("/bin/sh"), QStringLiteral("-c"),
                stageCommand(detach, pidFile,
                             terminate ? QStringLiteral("sleep 300") : QStringLiteral("exit 0"))},
               {}, marker);
    QTRY_VERIFY_WITH_TIMEOUT(readPid(pidFile) > 0, 10000);
    const qint64 detached = readPid(pidFile);
    if (terminate) {
        QVERIFY(!processGone(detached));
        guard.terminate();
    }
    // It may have finished already, while QTRY_ ran the event loop.
    QTRY_COMPARE_WITH_TIMEOUT(guard.state(), QProcess::NotRunning, 15000);
    if (!terminate) {
        QCOMPARE(guard.exitStatus(), QProcess::NormalExit);
        QCOMPARE(guard.exitCode(), 0);
    }
    QTRY_VERIFY_WITH_TIMEOUT(processGone(detached), 5000);
    QTRY_COMPARE_WITH_TIMEOUT(markedProcesses(marker), QList<qint64>(), 5000);
}

// Where a cgroup v2 can be made (root, or a delegated subtree), the stage runs in one of
// its own, named in DEPLOYDESK_STAGE_CGROUP, and the guard removes it afterwards;
// DEPLOYDESK_STAGE_NO_CGROUP=1 turns it off.
void tst_StageGuard::stageCgroup()
{
    QProcess guard;
    startGuard(guard, {QStringLiteral("/bin/sh"), QStringLiteral("-c"),
                       QStringLiteral("echo \"$DEPLOYDESK_STAGE_CGROUP\"; grep '^0::' "
                                      "/proc/self/cgroup")});
    const qint64 guardPid = guard.processId();
    QVERIFY(guard.waitForFinished(10000));
    QCOMPARE(guard.exitCode(), 0);
    const QList<QByteArray> lines = guard.readAllStandardOutput().trimmed().split('\n');
    QCOMPARE(lines.size(), 2);
    const QString dir = QString::fromLocal8Bit(lines[0]);

    qputenv("DEPLOYDESK_STAGE_NO_CGROUP", "1");
    QProcess without;
    startGuard(without, {QStringLiteral("/bin/sh"), QStringLiteral("-c"),
                         QStringLiteral("echo \"[$DEPLOYDESK_STAGE_CGROUP]\"")});
    qunsetenv("DEPLOYDESK_STAGE_NO_CGROUP");
    QVERIFY(without.waitForFinished(10000));
    QCOMPARE(without.readAllStandardOutput(), QByteArray("[]\n"));

    if (dir.isEmpty())
        QSKIP("no cgroup v2 can be made here; stages are ended through /proc alone");
    QVERIFY2(dir.endsWith(QStringLiteral("/deploydesk-stage-%1").arg(guardPid)), qPrintable(dir));
    QVERIFY2(lines[1].endsWith("/deploydesk-stage-" + QByteArray::number(guardPid)),
             lines[1].constData());
    QVERIFY2(!QFileInfo::exists(dir), qPrintable(dir)); // removed when the stage ended
}

// The program is started sharing the guard's memory until its exec, on a stack of the
// guard's; what the exec's PATH search and argument vector need of it grows with them.
// A PATH near the kernel's limit for one string and a command line far bigger than that
// stack both still run (the latter through a copy of the guard instead).
void tst_StageGuard::bigEnvironmentsAndArgumentLists_data()
{
    QTest::addColumn<int>("pathBytes");
    QTest::addColumn<int>("arguments");
    QTest::newRow("ordinary") << 0 << 0;
    QTest::newRow("PATH of 120 KB") << 120 * 1024 << 0;
    QTest::newRow("40,000 arguments") << 0 << 40000;
    QTest::newRow("both") << 120 * 1024 << 40000;
}

void tst_StageGuard::bigEnvironmentsAndArgumentLists()
{
    QFETCH(int, pathBytes);
    QFETCH(int, arguments);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    QString path;
    while (path.size() < pathBytes)
        path += QStringLiteral("/nonexistent/dd-%1:").arg(path.size());
    path += env.value(QStringLiteral("PATH"), QStringLiteral("/usr/bin:/bin"));
    env.insert(QStringLiteral("PATH"), path);
    for (const bool simple : {true, false}) {
        QStringList args{QStringLiteral("/bin/sh"), QStringLiteral("-c")};
        if (arguments == 0) {
            // A simple command is looked up in PATH by the guard itself.
            args << (simple ? QStringLiteral("true") : QStringLiteral("test -n \"$PATH\""));
        } else {
            args << QStringLiteral("test $# -eq %1").arg(arguments) << QStringLiteral("sh");
            for (int i = 0; i < arguments; ++i)
                args << QStringLiteral("argument-%1").arg(i, 6, 10, QLatin1Char('0'));
        }
        QProcess guard;
        guard.setProcessEnvironment(env);
        startGuard(guard, args);
        QVERIFY(guard.waitForFinished(20000));
        QVERIFY2(guard.exitStatus() == QProcess::NormalExit && guard.exitCode() == 0,
                 qPrintable(QStringLiteral("exit %1: %2")
                                .arg(guard.exitCode())
                                .arg(QString::fromLocal8Bit(guard.readAllStandardError()))));
    }
}

// Where clone3() is refused (container runtimes whose seccomp profiles predate it answer
// ENOSYS), the guard forks and moves the child into the stage's cgroup before it runs:
// the stage still runs there, sees it named, and its exit code comes back.
void tst_StageGuard::withoutClone3()
{
    const QString wrapper = QStringLiteral(DD_BIN_DIR "/noclone3");
    QVERIFY2(QFileInfo(wrapper).isExecutable(), qPrintable(wrapper));
    const auto run = [&](const QStringList &args, int *exitCode, QByteArray *out) {
        QProcess guard;
        guard.setProgram(wrapper);
        guard.setArguments(QStringList{m_guard, QString::number(QCoreApplication::applicationPid()),
                                       QStringLiteral("300")} +
                           args);
        guard.start();
        QVERIFY2(guard.waitForStarted(), qPrintable(guard.errorString()));
        QVERIFY(guard.waitForFinished(10000));
        QCOMPARE(guard.exitStatus(), QProcess::NormalExit);
        *exitCode = guard.exitCode();
        *out = guard.readAllStandardOutput();
        if (out->isEmpty())
            *out = guard.readAllStandardError();
    };
    const QString sh = QStringLiteral("/bin/sh");
    const QString c = QStringLiteral("-c");
    int code = -1;
    QByteArray out;
    run({sh, c,
         QStringLiteral("echo \"[$DEPLOYDESK_STAGE_CGROUP]\"; grep '^0::' /proc/self/cgroup; "
                        "exit 3")},
        &code, &out);
    QCOMPARE(code, 3);
    const QList<QByteArray> lines = out.trimmed().split('\n');
    QCOMPARE(lines.size(), 2);
    const QByteArray dir = lines[0].mid(1, lines[0].size() - 2);
    if (!dir.isEmpty()) {
        const QByteArray leaf = dir.mid(dir.lastIndexOf('/'));
        QVERIFY2(leaf.startsWith("/deploydesk-stage-"), dir.constData());
        QVERIFY2(lines[1].endsWith(leaf), lines[1].constData()); // moved before it ran
    }
    run({sh, c, QStringLiteral("true")}, &code, &out); // a simple command, no shell
    QCOMPARE(code, 0);
    run({QStringLiteral("/nonexistent/dd-program")}, &code, &out);
    QCOMPARE(code, 127);
    QVERIFY2(out.contains("cannot run"), out.constData());
}

// An executable text file without "#!" is run by /bin/sh, as execvp() and shells do (the
// guard's start builds that shell's argument list on the stack it shares with the guard).
void tst_StageGuard::scriptWithoutInterpreterLine()
{
    const QString script = m_dir.filePath(QStringLiteral("no-interpreter-line"));
    QFile file(script);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("echo \"args: $*\"\nexit 7\n");
    file.close();
    QVERIFY(file.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
    QProcess guard;
    startGuard(guard, {script, QStringLiteral("one"), QStringLiteral("two")});
    QVERIFY(guard.waitForFinished(10000));
    QCOMPARE(guard.exitStatus(), QProcess::NormalExit);
    QCOMPARE(guard.exitCode(), 7);
    QCOMPARE(guard.readAllStandardOutput(), QByteArray("args: one two\n"));
}
