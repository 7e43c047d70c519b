// The one helper for work off the GUI thread (common/async.h) and the serial executor
// (common/serialthread.h): results arrive on the context's thread and never after the
// context is gone; a SerialThread runs its work in order on one thread, and what is made
// there is released there.
#include "common/async.h"
#include "common/error.h"

#include <QCoreApplication>
#include <QSemaphore>
#include <QSignalSpy>
#include <QTest>
#include <QThread>

#include <atomic>
#include <memory>
#include <vector>

using namespace DeployDesk;

namespace {

// Made on a thread and destroyed on a thread: records both.
struct Affine
{
    explicit Affine(std::atomic<QThread *> *destroyedOn)
        : destroyedOn(destroyedOn)
    {}
    ~Affine() { *destroyedOn = QThread::currentThread(); }
    QThread *madeOn = QThread::currentThread();
    std::atomic<QThread *> *destroyedOn;
    int uses = 0;
};

} // namespace

class TestAsync : public QObject
{
    Q_OBJECT

private slots:
    void resultArrivesOnTheContextsThread()
    {
        QObject context;
        QThread *workedOn = nullptr;
        QThread *doneOn = nullptr;
        int answer = 0;
        runAsync(
            &context, [] { return std::pair(QThread::currentThread(), 42); },
            [&](std::pair<QThread *, int> result) {
                workedOn = result.first;
                answer = result.second;
                doneOn = QThread::currentThread();
            });
        QCOMPARE(answer, 0); // not before the caller returns to its event loop
        QTRY_COMPARE(answer, 42);
        QVERIFY(workedOn);
        QVERIFY(workedOn != QThread::currentThread());
        QCOMPARE(doneOn, QThread::currentThread());
    }

    // A context living on another thread gets its result there, even when the request
    // comes from this one.
    void contextOnAnotherThreadGetsItThere()
    {
        SerialThread other(QStringLiteral("tst_async context"));
        auto *context = new QObject;
        context->moveToThread(other.thread());
        std::atomic<QThread *> doneOn = nullptr;
        runAsync(
            context, [] { return 1; }, [&](int) { doneOn = QThread::currentThread(); });
        QTRY_COMPARE(doneOn.load(), other.thread());
        other.post([context] { delete context; });
    }

    // The context goes away while the work runs: done is never called and nothing
    // touches the dead context (the sanitizer build checks the "nothing").
    void deletedContextIsNeverCalled()
    {
        auto *context = new QObject;
        QSemaphore started;
        QSemaphore release;
        bool called = false;
        auto future = runAsync(
            context,
            [&] {
                started.release();
                release.acquire();
                return 7;
            },
            [&called](int) { called = true; });
        started.acquire();
        delete context;
        release.release();
        future.waitForFinished(); // a worker thread, not an event loop: safe in a test
        QCOMPARE(future.result(), 7);
        QTest::qWait(50); // give a (wrong) delivery every chance to happen
        QVERIFY(!called);
    }

    // Deleted before the request could even reach the context's thread.
    void deletedContextOnAnotherThreadIsNeverCalled()
    {
        SerialThread other(QStringLiteral("tst_async context"));
        auto *context = new QObject;
        context->moveToThread(other.thread());
        QSemaphore hold;
        other.post([&hold] { hold.acquire(); });   // the context's thread is busy,
        other.post([context] { delete context; }); // then deletes the context,
        std::atomic<bool> called = false;          // before it sees this request:
        auto future = runAsync(
            context, [] { return 1; }, [&called](int) { called = true; });
        hold.release();
        future.waitForFinished();
        QVERIFY(other.stop(SerialThread::PendingWork::Run));
        QVERIFY(!called);
    }

    void cancelledFuturesAreNotDelivered()
    {
        QObject context;
        QSemaphore release;
        bool called = false;
        auto future = runAsync(
            &context,
            [&] {
                release.acquire();
                return 1;
            },
            [&called](int) { called = true; });
        cancelPending(&context);
        release.release();
        future.waitForFinished();
        QTest::qWait(50);
        QVERIFY(!called);
        QTRY_VERIFY(context.findChildren<QFutureWatcherBase *>().isEmpty()); // cleaned up
    }

    // Errors are values (Result<T>), and a move-only result is moved through.
    void errorsAndMoveOnlyResultsTravelAsValues()
    {
        QObject context;
        std::optional<Result<int>> got;
        runAsync(
            &context, []() -> Result<int> { return makeError(ErrorCode::Io, "disk full"); },
            [&](Result<int> r) { got = std::move(r); });
        QTRY_VERIFY(got.has_value());
        QVERIFY(!got->has_value());
        QCOMPARE(got->error().message, QStringLiteral("disk full"));

        std::unique_ptr<int> moved;
        runAsync(
            &context, [] { return std::make_unique<int>(5); },
            [&](std::unique_ptr<int> p) { moved = std::move(p); });
        QTRY_VERIFY(moved);
        QCOMPARE(*moved, 5);
    }

    // A future made elsewhere: a QPromise-based task with progress.
    void onResultReadyAndProgressForAForeignFuture()
    {
        QObject context;
        auto future = QtConcurrent::run([](QPromise<QString> &promise) {
            promise.setProgressRange(0, 10);
            for (int i = 1; i <= 10; ++i)
                promise.setProgressValue(i);
            promise.addResult(QStringLiteral("done"));
        });
        int lastProgress = -1;
        QString result;
        onProgress(future, &context, [&](int value) { lastProgress = value; });
        onResultReady(future, &context, [&](QString r) { result = std::move(r); });
        QTRY_COMPARE(result, QStringLiteral("done"));
        QTRY_COMPARE(lastProgress, 10);
    }

    void voidWorkCallsDone()
    {
        QObject context;
        std::atomic<bool> ran = false;
        bool done = false;
        runAsync(
            &context, [&ran] { ran = true; }, [&done] { done = true; });
        QTRY_VERIFY(done);
        QVERIFY(ran);
    }

    void serialThreadRunsInOrderOnOneThread()
    {
        SerialThread serial(QStringLiteral("tst_async serial"));
        QCOMPARE(serial.thread()->objectName(), QStringLiteral("tst_async serial"));
        QObject context;
        std::vector<int> order;         // only touched on the serial thread
        std::vector<QThread *> threads; // idem
        QList<int> delivered;           // on this thread
        for (int i = 0; i < 200; ++i) {
            runAsync(
                serial, &context,
                [&order, &threads, i] {
                    order.push_back(i);
                    threads.push_back(QThread::currentThread());
                    return i;
                },
                [&delivered](int i) { delivered.append(i); });
        }
        QTRY_COMPARE(delivered.size(), 200);
        for (int i = 0; i < 200; ++i) {
            QCOMPARE(order[i], i);
            QCOMPARE(delivered[i], i);
            QCOMPARE(threads[i], serial.thread());
        }
        QVERIFY(serial.thread() != QThread::currentThread());
    }

    // State made lazily on the thread is used there only and released there by onStop().
    void threadAffineStateStaysOnItsThread()
    {
        std::atomic<QThread *> destroyedOn = nullptr;
        QThread *serialThread = nullptr;
        QThread *madeOn = nullptr;
        {
            SerialThread serial(QStringLiteral("tst_async affine"));
            serialThread = serial.thread();
            auto state = std::make_shared<std::unique_ptr<Affine>>();
            serial.onStop([state] { state->reset(); });
            QObject context;
            int uses = 0;
            for (int i = 0; i < 3; ++i) {
                runAsync(
                    serial, &context,
                    [state, &destroyedOn] {
                        if (!*state)
                            *state = std::make_unique<Affine>(&destroyedOn);
                        Q_ASSERT((*state)->madeOn == QThread::currentThread());
                        return std::pair(++(*state)->uses, (*state)->madeOn);
                    },
                    [&](std::pair<int, QThread *> r) {
                        uses = r.first;
                        madeOn = r.second;
                    });
            }
            QTRY_COMPARE(uses, 3);
            QCOMPARE(destroyedOn.load(), nullptr);
        } // the destructor stops the thread, which runs the cleanup there
        QCOMPARE(madeOn, serialThread);
        QCOMPARE(destroyedOn.load(), serialThread);
    }

    // stop(Run) runs what is pending; stop(Drop) cancels it; work posted after stop() is
    // dropped with its future cancelled.
    void stopRunsOrDropsPendingWork()
    {
        for (const auto pending :
             {SerialThread::PendingWork::Run, SerialThread::PendingWork::Drop}) {
            SerialThread serial(QStringLiteral("tst_async stop"));
            // The first item runs until stop() has taken the pending ones (isStopped() turns
            // true in the same step), so the second is still pending then.
            QSemaphore started;
            auto first = serial.run([&serial, &started] {
                started.release();
                while (!serial.isStopped())
                    QThread::msleep(1);
                return 1;
            });
            auto second = serial.run([] { return 2; });
            started.acquire();
            QVERIFY(serial.stop(pending));
            QCOMPARE(first.result(), 1); // the running one always ends
            if (pending == SerialThread::PendingWork::Run) {
                QCOMPARE(second.result(), 2);
            } else {
                QVERIFY(second.isFinished());
                QVERIFY(second.isCanceled());
            }
            auto late = serial.run([] { return 3; });
            QVERIFY(late.isFinished() && late.isCanceled());
            QVERIFY(serial.isStopped());
            QVERIFY(serial.stop()); // a second stop() is harmless
        }
    }

    // A work item that never returns does not hang the one who stops the thread.
    void stopGivesUpAtTheDeadline()
    {
        auto serial = std::make_unique<SerialThread>(QStringLiteral("tst_async stuck"));
        QSemaphore release;
        std::atomic<bool> cleaned = false;
        serial->onStop([&cleaned] { cleaned = true; });
        auto stuck = serial->run([&release] { release.acquire(); });
        QVERIFY(!serial->stop(SerialThread::PendingWork::Run, QDeadlineTimer(50)));
        QVERIFY(serial->isStopped());
        serial.reset(); // safe: the thread is left alone
        release.release();
        stuck.waitForFinished();
        QTRY_VERIFY(cleaned.load()); // it still ends properly on its own
    }
};

QTEST_GUILESS_MAIN(TestAsync)
#include "tst_async.moc"
