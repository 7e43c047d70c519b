// State that stays true when a run ends under an open question: the cancel question and the
// quit question answered after the run ended, and quitting during a run, which must leave
// the history complete (the run and every stage in a final state, none "running").
#include "statuscompare.h"

#include "store/historystore.h"
#include "ui/mainwindow.h"
#include "ui/pipeline/stagegraphview.h"
#include "ui/runservice.h"

#include <QAbstractButton>
#include <QApplication>
#include <QMessageBox>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <memory>

using namespace DeployDesk;
using namespace DeployDesk::Ui;

namespace {

QMessageBox *openQuestion()
{
    return qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
}

// While the next question is open: `meanwhile()` (the run ends under it), then the button
// that goes ahead (the accept role) is clicked; `clicked` gets its text, `saidThen` what
// the question said by then besides the question.
void answerNextQuestion(std::function<void()> meanwhile, QString *clicked,
                        QString *saidThen = nullptr)
{
    QTimer::singleShot(0, [=] {
        QMessageBox *box = openQuestion();
        if (!box)
            return;
        if (meanwhile)
            meanwhile();
        if (saidThen)
            *saidThen = box->informativeText();
        for (QAbstractButton *b : box->buttons()) {
            if (box->buttonRole(b) == QMessageBox::AcceptRole) {
                *clicked = b->text().remove('&');
                b->click();
                return;
            }
        }
        box->reject();
    });
}

void touch(const QString &path)
{
    QFile f(path);
    f.open(QIODevice::WriteOnly);
}

} // namespace

class TestRunState : public QObject
{
    Q_OBJECT

    QTemporaryDir m_tmp;
    QString m_data;

    // A stage that runs until `<workspace>/go` exists, then fails (exit 3); another after it.
    QString waitingWorkspace(const QString &name)
    {
        const QString dir = m_tmp.filePath(name);
        QDir().mkpath(dir);
        QFile f(dir + "/deploydesk.yml");
        f.open(QIODevice::WriteOnly);
        f.write("name: " + name.toUtf8() +
                "\nstages:\n"
                "  wait:\n    run: |\n"
                "      while [ ! -e go ]; do sleep 0.05; done\n"
                "      exit 3\n"
                "  after:\n    needs: [wait]\n    run: echo after\n");
        return dir;
    }

    static bool startAndWaitRunning(MainWindow &w)
    {
        if (!QTest::qWaitFor([&] { return !w.pipeline().name.isEmpty() && w.isHistoryOpen(); },
                             20000))
            return false;
        w.runPipeline();
        return QTest::qWaitFor(
            [&] { return w.graph()->stageStatus("wait") == StageStatus::Running; }, 20000);
    }

    // The run's record and its stages' as the history keeps them.
    std::pair<RunStatus, QList<StageStatus>> recorded(qint64 runId)
    {
        auto store = HistoryStore::open(m_data);
        if (!store)
            return {RunStatus::Running, {}};
        const auto run = (*store)->run(runId);
        const auto stages = (*store)->stages(runId);
        QList<StageStatus> states;
        for (const StageRecord &s : stages.value_or(QList<StageRecord>{}))
            states << s.status;
        return {run ? run->status : RunStatus::Running, states};
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        m_data = m_tmp.filePath("data");
        qputenv("DEPLOYDESK_DATA_DIR", m_data.toUtf8());
        qputenv("DEPLOYDESK_NO_KEYCHAIN", "1");
    }

    // The cancel question names its choices by what they do, and Esc keeps the run going.
    void theCancelQuestionSaysWhatEachChoiceDoes()
    {
        const QString ws = waitingWorkspace("choices");
        MainWindow w(ws);
        w.show();
        QVERIFY(startAndWaitRunning(w));
        QStringList buttons;
        QTimer::singleShot(0, [&] {
            if (QMessageBox *box = openQuestion()) {
                for (QAbstractButton *b : box->buttons())
                    buttons << b->text().remove('&');
                QTest::keyClick(box, Qt::Key_Escape);
            }
        });
        w.cancelRun();
        buttons.sort();
        QCOMPARE(buttons, (QStringList{"Keep Running", "Stop the Run"}));
        QVERIFY(w.runService()->isRunning());
        QSignalSpy finished(&w, &MainWindow::runFinished);
        touch(ws + "/go");
        QVERIFY(finished.wait(20000));
    }

    // Ctrl+Shift+X, the question left open until the run ends (failed), then confirmed: the
    // status bar says how the run ended, not "Cancelling run N…" forever.
    void cancelConfirmedAfterTheRunEndedShowsTheRealEnd()
    {
        const QString ws = waitingWorkspace("cancel-late");
        MainWindow w(ws);
        w.show();
        QVERIFY(startAndWaitRunning(w));
        const qint64 runId = w.currentRunId();
        QSignalSpy finished(&w, &MainWindow::runFinished);
        QString answered;
        QString saidThen;
        answerNextQuestion(
            [&] {
                touch(ws + "/go");
                finished.wait(20000); // the run ends while the question is open
            },
            &answered, &saidThen);
        QTest::keyClick(&w, Qt::Key_X, Qt::ControlModifier | Qt::ShiftModifier);
        QVERIFY(!answered.isEmpty());
        // The open question said so as soon as the run ended.
        QVERIFY2(saidThen.contains(QString("Run %1 has ended").arg(runId)) &&
                     saidThen.contains("Failed"),
                 qPrintable(saidThen));
        QCOMPARE(finished.size(), 1);
        DD_COMPARE_STATUS(finished.at(0).at(1).value<RunStatus>(), RunStatus::Failed);
        QVERIFY2(!w.statusBarText().contains("Cancelling"), qPrintable(w.statusBarText()));
        QVERIFY2(w.statusBarText().contains(QString::number(runId)) &&
                     w.statusBarText().contains("Failed"),
                 qPrintable(w.statusBarText()));
        // Nothing is left waiting: the next run starts and can be cancelled.
        QVERIFY(w.findChild<QAction *>("runAction")->isEnabled());
        DD_COMPARE_STATUS(recorded(runId).first, RunStatus::Failed);
        QCOMPARE(answered, QString("Stop the Run"));
    }

    // Ctrl+Q, the question left open until the run ends, then confirmed: the window quits
    // (it used to do nothing, and the next Ctrl+Q quit a new run without asking, leaving it
    // "interrupted" with stages "running").
    void quitConfirmedAfterTheRunEndedQuits()
    {
        const QString ws = waitingWorkspace("quit-late");
        auto w = std::make_unique<MainWindow>(ws);
        w->show();
        QVERIFY(startAndWaitRunning(*w));
        const qint64 runId = w->currentRunId();
        QSignalSpy finished(w.get(), &MainWindow::runFinished);
        QString answered;
        answerNextQuestion(
            [&] {
                touch(ws + "/go");
                finished.wait(20000);
            },
            &answered);
        w->close(); // what File → Quit (Ctrl+Q) and the tray's Quit do
        QVERIFY(!answered.isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(!w->isVisible(), 20000);
        w.reset();
        const auto [run, stages] = recorded(runId);
        DD_COMPARE_STATUS(run, RunStatus::Failed);
        QCOMPARE(stages.size(), 2);
        for (StageStatus s : stages)
            QVERIFY(isFinal(s));
        QCOMPARE(answered, QString("Stop the Run and Quit"));
    }

    // Quitting during a run, confirmed: the run is stopped and recorded completely before
    // the window goes — the run cancelled, every stage cancelled, none "running".
    void quitDuringARunRecordsItCancelled()
    {
        const QString ws = waitingWorkspace("quit-running");
        auto w = std::make_unique<MainWindow>(ws);
        w->show();
        QVERIFY(startAndWaitRunning(*w));
        const qint64 runId = w->currentRunId();
        QString answered;
        answerNextQuestion({}, &answered);
        w->close(); // what File → Quit (Ctrl+Q) and the tray's Quit do
        QVERIFY(!answered.isEmpty());
        QVERIFY2(w->statusBarText().contains("Stopping run"), qPrintable(w->statusBarText()));
        QTRY_VERIFY_WITH_TIMEOUT(!w->isVisible(), 20000);
        w.reset();
        const auto [run, stages] = recorded(runId);
        DD_COMPARE_STATUS(run, RunStatus::Cancelled);
        QCOMPARE(stages.size(), 2);
        for (StageStatus s : stages)
            DD_COMPARE_STATUS(s, StageStatus::Cancelled);
        QCOMPARE(answered, QString("Stop the Run and Quit"));
    }

    // The application ending with the window (a session logout, QApplication::quit): the
    // window goes without a question; the run is still stopped and recorded completely.
    void theWindowGoingDuringARunRecordsItCancelled()
    {
        const QString ws = waitingWorkspace("gone-running");
        auto w = std::make_unique<MainWindow>(ws);
        w->show();
        QVERIFY(startAndWaitRunning(*w));
        const qint64 runId = w->currentRunId();
        w.reset();
        const auto [run, stages] = recorded(runId);
        DD_COMPARE_STATUS(run, RunStatus::Cancelled);
        QCOMPARE(stages.size(), 2);
        for (StageStatus s : stages)
            DD_COMPARE_STATUS(s, StageStatus::Cancelled);
    }
};

QTEST_MAIN(TestRunState)
#include "tst_runstate.moc"
