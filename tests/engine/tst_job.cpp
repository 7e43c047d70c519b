// The job contract every engine job follows (KJob's): start() only schedules,
// cancel() ends in the same result path, result() fires exactly once.
#include "engine/job.h"

#include <QSignalSpy>
#include <QTest>
#include <QTimer>

using namespace DeployDesk;

namespace {
class TimerJob final : public Job
{
public:
    int started = 0;
    int cancelled = 0;
    bool succeedTwice = false;

protected:
    void doStart() override
    {
        ++started;
        QTimer::singleShot(20, this, [this] {
            emitSuccess();
            if (succeedTwice)
                emitFailure(makeErrorValue(ErrorCode::Internal, QStringLiteral("second result")));
        });
    }
    void doCancel() override
    {
        ++cancelled;
        emitCancelled();
    }
};
} // namespace

class TestJob : public QObject
{
    Q_OBJECT

private slots:
    void startOnlySchedules()
    {
        TimerJob job;
        QSignalSpy result(&job, &Job::result);
        job.start();
        QCOMPARE(job.started, 0); // nothing ran inside start()
        QTRY_COMPARE(result.count(), 1);
        QCOMPARE(job.started, 1);
        QCOMPARE(job.outcome(), Job::Outcome::Success);
    }

    void resultFiresExactlyOnce()
    {
        TimerJob job;
        job.succeedTwice = true;
        QSignalSpy result(&job, &Job::result);
        job.start();
        QTRY_COMPARE(result.count(), 1);
        QTest::qWait(50);
        QCOMPARE(result.count(), 1);
        QCOMPARE(job.outcome(), Job::Outcome::Success); // the second result is ignored
    }

    void cancelBeforeItBeganNeverStartsTheWork()
    {
        TimerJob job;
        QSignalSpy result(&job, &Job::result);
        job.start();
        job.cancel();
        QTRY_COMPARE(result.count(), 1);
        QCOMPARE(job.started, 0);
        QCOMPARE(job.cancelled, 0);
        QCOMPARE(job.outcome(), Job::Outcome::Cancelled);
    }

    void cancelWhileRunningEndsInTheResultPath()
    {
        TimerJob job;
        QSignalSpy result(&job, &Job::result);
        job.start();
        QTRY_COMPARE(job.started, 1);
        job.cancel();
        job.cancel(); // a second cancel changes nothing
        QCOMPARE(result.count(), 1);
        QCOMPARE(job.cancelled, 1);
        QCOMPARE(job.outcome(), Job::Outcome::Cancelled);
        QTest::qWait(50);
        QCOMPARE(result.count(), 1);
    }

    void cancelAfterTheEndIsIgnored()
    {
        TimerJob job;
        QSignalSpy result(&job, &Job::result);
        job.start();
        QTRY_COMPARE(result.count(), 1);
        job.cancel();
        QCOMPARE(job.cancelled, 0);
        QCOMPARE(job.outcome(), Job::Outcome::Success);
    }
};

QTEST_GUILESS_MAIN(TestJob)
#include "tst_job.moc"
