// RunRecorder against a real lock: another connection holds a write transaction for
// longer than the busy timeout.
#include "run/runrecorder.h"
#include "store/historystore.h"
#include "store/sqlutil.h"

#include "statuscompare.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace DeployDesk;

class TestRunRecorder final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { qputenv("DEPLOYDESK_BUSY_TIMEOUT", "200"); }

    void changesKeptWhileLockedAreWrittenOnceItIsFree()
    {
        QTemporaryDir tmp;
        auto opened = HistoryStore::open(tmp.path());
        QVERIFY(opened);
        HistoryStore &store = **opened;
        RunRecord run;
        run.workspace = QStringLiteral("/w");
        run.pipeline = QStringLiteral("ci");
        run.id = store.createRun(run).value_or(0);
        StageRecord stage;
        stage.runId = run.id;
        stage.name = QStringLiteral("build");
        stage.id = store.createStage(stage).value_or(0);
        QVERIFY(run.id && stage.id);

        RunRecorder recorder(&store);
        recorder.reset(run.id);
        QList<Error> told;
        recorder.onFailure = [&](const Error &e) { told.append(e); };

        // Another connection (as another process would) holds the write lock.
        const QString name = Internal::uniqueConnectionName(QStringLiteral("holder"));
        auto holder = Internal::openConnection(store.databasePath(), name);
        QVERIFY(holder);
        QVERIFY(QSqlQuery(*holder).exec(QStringLiteral("BEGIN IMMEDIATE")));

        stage.status = StageStatus::Running;
        QVERIFY(!recorder.saveStage(stage));
        QCOMPARE(told.size(), 1); // said once, with what and why
        QVERIFY2(told[0].message.contains(QStringLiteral("stage %1").arg(stage.id)) &&
                     told[0].message.contains("lock") &&
                     told[0].message.contains(store.databasePath()),
                 qPrintable(told[0].message));
        stage.status = StageStatus::Success;
        EventRecord event;
        event.runId = run.id;
        event.kind = EventKind::StageFinished;
        QVERIFY(!recorder.saveStage(stage)); // waits behind the first
        QVERIFY(!recorder.addEvent(event));
        QCOMPARE(told.size(), 1); // the same fault is not repeated per change
        QVERIFY(recorder.hasPending());

        QVERIFY(QSqlQuery(*holder).exec(QStringLiteral("ROLLBACK")));
        QVERIFY(recorder.finishRun(RunStatus::Failed, QDateTime::currentDateTimeUtc()));
        QVERIFY(!recorder.hasPending());
        *holder = QSqlDatabase();
        QSqlDatabase::removeDatabase(name);

        // The latest state of each change reached the history: no stage left running.
        DD_COMPARE_STATUS(store.stages(run.id).value().at(0).status, StageStatus::Success);
        DD_COMPARE_STATUS(store.run(run.id).value().status, RunStatus::Failed);
        QCOMPARE(store.events(run.id).value().size(), 1);
        QCOMPARE(recorder.failures().size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestRunRecorder)
#include "tst_runrecorder.moc"
