// Shared helpers: durations as users write and read them, status names as stored,
// process identity for crash detection, the heap kept for reuse.
#include "common/duration.h"
#include "common/heap.h"
#include "common/processinfo.h"
#include "common/status.h"

#include <QCoreApplication>
#include <QLocale>
#include <QProcess>
#include <QTest>

#include <cstdlib>
#include <cstring>
#include <vector>
#if defined(__GLIBC__)
#include <malloc.h>
#endif

using namespace DeployDesk;
using namespace std::chrono_literals;

class TestCommon : public QObject
{
    Q_OBJECT

private slots:
    void parseDuration_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<qint64>("ms"); // -1: invalid
        QTest::newRow("bare seconds") << "90" << qint64(90000);
        QTest::newRow("ms") << "500ms" << qint64(500);
        QTest::newRow("minutes") << "10m" << qint64(600000);
        QTest::newRow("combined") << "1h30m" << qint64(5400000);
        QTest::newRow("all units") << "1m30s500ms" << qint64(90500);
        QTest::newRow("units out of order") << "30m1h" << qint64(-1);
        QTest::newRow("unit twice") << "1m1m" << qint64(-1);
        QTest::newRow("sign") << "+5" << qint64(-1);
        QTest::newRow("fraction") << "1.5s" << qint64(-1);
        QTest::newRow("words") << "ten minutes" << qint64(-1);
        QTest::newRow("empty") << "" << qint64(-1);
        QTest::newRow("too large") << "99999999999h" << qint64(-1);
    }
    void parseDuration()
    {
        QFETCH(QString, text);
        QFETCH(qint64, ms);
        const auto parsed = DeployDesk::parseDuration(text);
        if (ms < 0)
            QVERIFY(!parsed);
        else
            QCOMPARE(parsed->count(), ms);
    }

    void formatDuration_data()
    {
        QTest::addColumn<qint64>("ms");
        QTest::addColumn<QString>("text");
        QTest::newRow("ms") << qint64(250) << "250 ms";
        QTest::newRow("fraction of a minute") << qint64(2100) << "2.1 s";
        QTest::newRow("tenths rounded") << qint64(787) + 1000 << "1.8 s";
        QTest::newRow("whole seconds") << qint64(45000) << "45 s";
        QTest::newRow("just under a minute") << qint64(59960) << "1 min";
        QTest::newRow("minutes and seconds") << qint64(90000) << "1 min 30 s";
        QTest::newRow("hours") << qint64(5400000) << "1 h 30 min";
        QTest::newRow("negative") << qint64(-1500) << "-1.5 s";
    }
    void formatDuration()
    {
        QFETCH(qint64, ms);
        QFETCH(QString, text);
        QCOMPARE(DeployDesk::formatDuration(std::chrono::milliseconds(ms)), text);
    }

    void formatDurationFollowsTheLocale()
    {
        // One formatter for every view: a German reader gets a decimal comma everywhere.
        const QLocale before;
        QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
        const QString tenths = DeployDesk::formatDuration(std::chrono::milliseconds(1200));
        const QString minutes = DeployDesk::formatDuration(std::chrono::milliseconds(61'000));
        QLocale::setDefault(before);
        QCOMPARE(tenths, QStringLiteral("1,2 s"));
        QCOMPARE(minutes, QStringLiteral("1 min 1 s"));
        QCOMPARE(DeployDesk::formatDuration(std::chrono::milliseconds(1200)),
                 QStringLiteral("1.2 s"));
    }

    void statusNamesRoundTrip()
    {
        for (RunStatus s : {RunStatus::Queued, RunStatus::Running, RunStatus::Success,
                            RunStatus::Failed, RunStatus::Cancelled, RunStatus::Interrupted}) {
            RunStatus back = RunStatus::Queued;
            QVERIFY(fromString(toString(s), &back));
            QCOMPARE(int(back), int(s));
        }
        StageStatus stage = StageStatus::Pending;
        QVERIFY(fromString(QStringLiteral("skipped"), &stage));
        QCOMPARE(int(stage), int(StageStatus::Skipped));
        QVERIFY(!fromString(QStringLiteral("sucess"), &stage));
    }

    void processIdentity()
    {
        const qint64 self = QCoreApplication::applicationPid();
        const qint64 ticks = ProcessInfo::startTicks(self);
        QVERIFY(ticks > 0);
        QVERIFY(ProcessInfo::isAlive(self, ticks));
        QVERIFY(!ProcessInfo::isAlive(self, ticks + 1)); // a recycled pid has another start time
        QProcess child;
        child.start(QStringLiteral("sleep"), {QStringLiteral("0.2")});
        QVERIFY(child.waitForStarted());
        const qint64 pid = child.processId();
        const qint64 childTicks = ProcessInfo::startTicks(pid);
        QVERIFY(ProcessInfo::isAlive(pid, childTicks));
        QVERIFY(child.waitForFinished());
        QVERIFY(!ProcessInfo::isAlive(pid, childTicks)); // gone once it has ended
        QCOMPARE(ProcessInfo::startTicks(0), qint64(-1));
    }

    // Blocks of log lines are made on one thread and freed on another; what a run frees is
    // kept for its next blocks instead of going back to the system and faulting in again.
    void freedHeapStaysForReuse()
    {
#if defined(__GLIBC__)
        // The top of the heap left free after 8 MiB of 64 KiB blocks are freed.
        const auto freeTopAfterABurst = [] {
            std::vector<void *> blocks;
            blocks.reserve(128);
            for (int i = 0; i < 128; ++i) {
                blocks.push_back(std::malloc(64 * 1024));
                std::memset(blocks.back(), 1, 64 * 1024); // really used, as a block is
            }
            for (auto it = blocks.rbegin(); it != blocks.rend(); ++it)
                std::free(*it);
            return mallinfo2().keepcost;
        };
        // By default glibc hands back all but ~128 KiB (the test can tell the two apart).
        QVERIFY2(freeTopAfterABurst() < 1024 * 1024,
                 "glibc's default kept the freed top: this test cannot see the change");
        keepFreedHeapForReuse();
        QVERIFY(freeTopAfterABurst() >= 7 * 1024 * 1024);
#else
        QSKIP("the heap is tuned for glibc only");
#endif
    }
};

QTEST_GUILESS_MAIN(TestCommon)
#include "tst_common.moc"
