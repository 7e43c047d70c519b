// Backoff with full jitter stays within its ceiling; Retry-After in both its forms.
#include "net/retrypolicy.h"

#include <QTest>

using namespace DeployDesk;
using namespace std::chrono_literals;

class TestRetryPolicy : public QObject
{
    Q_OBJECT

private slots:
    void ceilingDoublesUpToTheCap()
    {
        RetryPolicy policy;
        policy.baseDelay = 500ms;
        policy.maxDelay = 3s;
        QCOMPARE(policy.backoffCeiling(1), 500ms);
        QCOMPARE(policy.backoffCeiling(2), 1000ms);
        QCOMPARE(policy.backoffCeiling(3), 2000ms);
        QCOMPARE(policy.backoffCeiling(4), 3000ms);
        QCOMPARE(policy.backoffCeiling(60), 3000ms); // no overflow
    }

    void jitterStaysWithinTheCeiling()
    {
        RetryPolicy policy;
        policy.baseDelay = 100ms;
        policy.maxDelay = 1s;
        bool sawDifferent = false;
        std::chrono::milliseconds first = policy.backoff(3);
        for (int i = 0; i < 200; ++i) {
            const auto wait = policy.backoff(3);
            QVERIFY(wait >= 0ms && wait <= 400ms);
            sawDifferent = sawDifferent || wait != first;
        }
        QVERIFY(sawDifferent); // jittered, not a fixed schedule
        policy.baseDelay = 0ms;
        QCOMPARE(policy.backoff(5), 0ms);
    }

    void retryAfter_data()
    {
        QTest::addColumn<QByteArray>("value");
        QTest::addColumn<qint64>("ms"); // -1: not a Retry-After
        QTest::newRow("seconds") << QByteArray("120") << qint64(120000);
        QTest::newRow("zero") << QByteArray(" 0 ") << qint64(0);
        QTest::newRow("imf date") << QByteArray("Wed, 21 Oct 2015 07:28:30 GMT") << qint64(30000);
        QTest::newRow("rfc 850") << QByteArray("Wednesday, 21-Oct-15 07:29:00 GMT")
                                 << qint64(60000);
        QTest::newRow("asctime") << QByteArray("Wed Oct 21 07:28:10 2015") << qint64(10000);
        QTest::newRow("past date") << QByteArray("Tue, 20 Oct 2015 07:28:00 GMT") << qint64(0);
        QTest::newRow("negative") << QByteArray("-5") << qint64(-1);
        QTest::newRow("words") << QByteArray("soon") << qint64(-1);
        QTest::newRow("empty") << QByteArray() << qint64(-1);
    }
    void retryAfter()
    {
        QFETCH(QByteArray, value);
        QFETCH(qint64, ms);
        const QDateTime now(QDate(2015, 10, 21), QTime(7, 28, 0), Qt::UTC);
        const auto parsed = parseRetryAfter(value, now);
        if (ms < 0) {
            QVERIFY(!parsed);
            return;
        }
        QVERIFY(parsed);
        QCOMPARE(parsed->count(), ms);
    }
};

QTEST_GUILESS_MAIN(TestRetryPolicy)
#include "tst_retrypolicy.moc"
