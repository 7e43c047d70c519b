// What the jobs of a workflow run leave for the next: a RUNNER_TEMP folder handed to the
// next job holds nothing of the job before it (only empty step command files), and job
// results are read back as the last one written, also by a process that did not write them.

#include "common/processinfo.h"
#include "integrations/github/jobscratch.h"

#include <QCoreApplication>
#include <QProcess>

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace DeployDesk;

class TestJobScratch final : public QObject
{
    Q_OBJECT

private slots:
    void aReusedFolderHoldsNothingOfTheJobBefore()
    {
        QString first;
        {
            auto temp = RunnerTemp::take();
            QVERIFY2(temp, qPrintable(temp.error()));
            first = temp->path();
            QDir dir(first);
            QVERIFY(dir.mkpath(QStringLiteral("bin/deep")));
            auto write = [&](const QString &name, const QByteArray &content) {
                QFile file(dir.filePath(name));
                QVERIFY(file.open(QIODevice::WriteOnly));
                file.write(content);
            };
            write(QStringLiteral("bin/deep/tool"), "#!/bin/sh\n");
            write(QStringLiteral("step.sh"), "echo hi\n");
            write(QStringLiteral("output"), "");         // an empty command file stays
            write(QStringLiteral("env"), "LEFT=over\n"); // one with content goes
            write(QStringLiteral(".hidden"), "x");
            QVERIFY(
                QFile::link(QStringLiteral("/etc/hostname"), dir.filePath(QStringLiteral("path"))));
        }
        QVERIFY(RunnerTemp::waiting() >= 1);
        auto again = RunnerTemp::take();
        QVERIFY(again);
        QCOMPARE(again->path(), first);
        QCOMPARE(QDir(first).entryList(QDir::NoDotAndDotDot | QDir::AllEntries | QDir::Hidden |
                                       QDir::System),
                 QStringList{QStringLiteral("output")});
        QVERIFY(QFile::exists(QStringLiteral("/etc/hostname"))); // a link is removed, not followed
    }

    void aFolderRemovedMeanwhileIsNotHandedOut()
    {
        QString path;
        {
            auto temp = RunnerTemp::take();
            QVERIFY(temp);
            path = temp->path();
        }
        QVERIFY(QDir(path).removeRecursively()); // a /tmp cleaner
        auto next = RunnerTemp::take();
        QVERIFY(next);
        QVERIFY(QFileInfo(next->path()).isDir());
    }

    // A deploydesk killed with SIGKILL leaves its RUNNER_TEMP folders (a step's command
    // files may hold its outputs): the next process removes them, and only them — not a
    // live process's, not one whose owner it cannot tell.
    void foldersOfDeadProcessesAreRemoved()
    {
        QTemporaryDir tmp;
        QProcess gone;
        gone.start(QStringLiteral("sleep"), {QStringLiteral("30")});
        QVERIFY(gone.waitForStarted());
        const qint64 deadPid = gone.processId();
        const qint64 deadTicks = ProcessInfo::startTicks(deadPid);
        QVERIFY(deadTicks >= 0);
        gone.kill();
        QVERIFY(gone.waitForFinished());
        const qint64 me = QCoreApplication::applicationPid();
        const qint64 myTicks = ProcessInfo::startTicks(me);
        const QString ns = QFileInfo(QStringLiteral("/proc/self/ns/pid"))
                               .symLinkTarget()
                               .section(u'[', 1)
                               .chopped(1);
        QVERIFY2(!ns.isEmpty(), "no pid namespace in /proc/self/ns/pid");
        auto folder = [&](const QString &name) {
            const QString path = tmp.filePath(name);
            QDir().mkpath(path + QStringLiteral("/bin"));
            QFile output(path + QStringLiteral("/output"));
            if (output.open(QIODevice::WriteOnly))
                output.write("token=kept-here\n");
            return path;
        };
        const QString dead = folder(
            QStringLiteral("deploydesk-job-%1.%2.%3-aB3dE6").arg(ns).arg(deadPid).arg(deadTicks));
        const QString recycled = folder(
            QStringLiteral("deploydesk-job-%1.%2.%3-Zz9Yy8").arg(ns).arg(me).arg(myTicks + 1));
        const QString live =
            folder(QStringLiteral("deploydesk-job-%1.%2.%3-Qq1Ww2").arg(ns).arg(me).arg(myTicks));
        const QString older = folder(QStringLiteral("deploydesk-job-Ab12Cd"));
        const QString unknown =
            folder(QStringLiteral("deploydesk-job-%1.%2.-1-Ab12Cd").arg(ns).arg(deadPid));
        // A container sharing the folder: its pids are not ours to judge.
        const QString elsewhere = folder(
            QStringLiteral("deploydesk-job-1%1.%2.%3-Cc4Dd5").arg(ns).arg(deadPid).arg(deadTicks));
        QCOMPARE(RunnerTemp::removeLeftovers(tmp.path()), 2);
        QVERIFY(QFileInfo(elsewhere).isDir());
        QVERIFY(!QFileInfo::exists(dead));
        QVERIFY(!QFileInfo::exists(recycled)); // the pid now belongs to another process
        QVERIFY(QFileInfo(live).isDir());
        QVERIFY(QFileInfo(older).isDir());
        QVERIFY(QFileInfo(unknown).isDir());

        // The folders handed out say whose they are.
        auto temp = RunnerTemp::take();
        QVERIFY(temp);
        QVERIFY2(QFileInfo(temp->path())
                     .fileName()
                     .startsWith(
                         QStringLiteral("deploydesk-job-%1.%2.%3-").arg(ns).arg(me).arg(myTicks)),
                 qPrintable(temp->path()));
    }

    void resultsReadBackLastWrittenFirst()
    {
        QTemporaryDir run;
        const QString dir = run.filePath(QStringLiteral("run-7"));
        QVERIFY(!JobResults::read(dir, QStringLiteral("build")));
        JobResults::write(dir, QStringLiteral("build"),
                          QJsonObject{{QStringLiteral("result"), QStringLiteral("failure")}});
        JobResults::write(dir, QStringLiteral("build"),
                          QJsonObject{{QStringLiteral("result"), QStringLiteral("success")},
                                      {QStringLiteral("outputs"),
                                       QJsonObject{{QStringLiteral("v"), QStringLiteral("1")}}}});
        auto read = JobResults::read(dir, QStringLiteral("build"));
        QVERIFY(read);
        QCOMPARE(read->value(QStringLiteral("result")).toString(), QStringLiteral("success"));

        // Another process finds the same in the run's file, a line cut short ignored.
        QFile file(QDir(dir).filePath(QStringLiteral("results.jsonl")));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray lines = file.readAll();
        file.close();
        const QString copy = run.filePath(QStringLiteral("run-8"));
        QVERIFY(QDir().mkpath(copy));
        QFile out(QDir(copy).filePath(QStringLiteral("results.jsonl")));
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(lines + "{\"stage\": \"test\", \"resu");
        out.close();
        read = JobResults::read(copy, QStringLiteral("build"));
        QVERIFY(read);
        QCOMPARE(read->value(QStringLiteral("outputs")).toObject().value(QStringLiteral("v")),
                 QJsonValue(QStringLiteral("1")));
        QVERIFY(!JobResults::read(copy, QStringLiteral("test")));
    }
};

QTEST_GUILESS_MAIN(TestJobScratch)
#include "tst_jobscratch.moc"
