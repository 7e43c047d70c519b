// The real window, offscreen: open the example workspace and run it to success, cancel
// a running stage, a protected environment's deploy waits for the approval dialog (and
// a refusal or an approval lands in the history), the environments' states, and the
// history opened (and migrated) off the GUI thread while the window shows.
#include "statuscompare.h"

#include "store/eventtext.h"
#include "store/historystore.h"
#include "store/schema.h"
#include "store/sqlutil.h"
#include "ui/approvaldialog.h"
#include "ui/environmentlist.h"
#include "ui/history/historybrowser.h"
#include "ui/historymodel.h"
#include "ui/mainwindow.h"
#include "ui/pipeline/stagegraphview.h"
#include "ui/runservice.h"
#include "ui/trayicon.h"

#include <QDirIterator>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QScopeGuard>
#include <QSemaphore>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QTimer>

#include <atomic>

using namespace DeployDesk;
using namespace DeployDesk::Ui;

namespace {

void copyTree(const QString &from, const QString &to)
{
    QDirIterator it(from, QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString file = it.next();
        const QString rel = QDir(from).relativeFilePath(file);
        if (rel.startsWith("build/") || rel.contains("__pycache__") || rel.contains(".mypy_cache"))
            continue;
        QDir().mkpath(QFileInfo(to + "/" + rel).absolutePath());
        QFile::copy(file, to + "/" + rel);
    }
}

// Answers the next modal message box with the button whose text contains `button`.
void answerNextMessageBox(const QString &button)
{
    QTimer::singleShot(0, [button] {
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        QVERIFY(box);
        for (QAbstractButton *b : box->buttons()) {
            if (b->text().remove('&').contains(button)) {
                b->click();
                return;
            }
        }
        QFAIL(qPrintable("no button " + button));
    });
}

// A history as an older DeployDesk left it: schema version 1, with run 7 of `workspace`.
bool writeOldHistory(const QString &dataDir, const QString &workspace)
{
    QDir().mkpath(dataDir);
    const QString path = dataDir + "/history.sqlite";
    const QString name = DeployDesk::Internal::uniqueConnectionName("old-history");
    bool ok = false;
    {
        auto db = DeployDesk::Internal::openConnection(path, name);
        if (db && DeployDesk::Internal::migrate(*db, path, 1)) {
            QSqlQuery q(*db);
            ok =
                q.exec(
                    QStringLiteral(
                        "INSERT INTO runs (id, workspace, pipeline, environment, status, branch, "
                        "started_at, finished_at, selected_stages) VALUES (7, '%1', 'upgrade', '', "
                        "'failed', 'main', 1700000000000, 1700000060000, '[]')")
                        .arg(workspace)) &&
                q.exec(QStringLiteral("INSERT INTO stages (id, run_id, name, status, position) "
                                      "VALUES (3, 7, 'a', 'failed', 0)"));
            db->close();
        }
    }
    QSqlDatabase::removeDatabase(name);
    return ok;
}

// The History tab's status line.
QString historyStatus(MainWindow &w)
{
    for (auto *label : w.historyBrowser()->findChildren<QLabel *>()) {
        if (label->accessibleName() == "History status")
            return label->text();
    }
    return {};
}

QList<EventRecord> eventsOf(qint64 runId, const QString &dataDir)
{
    auto store = HistoryStore::open(dataDir);
    if (!store)
        return {};
    return (*store)->events(runId).value_or(QList<EventRecord>{});
}

} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT

    QTemporaryDir m_tmp;
    QString m_data;

    QString workspace(const QString &name, const QByteArray &yaml)
    {
        const QString dir = m_tmp.filePath(name);
        QDir().mkpath(dir);
        QFile f(dir + "/deploydesk.yml");
        f.open(QIODevice::WriteOnly);
        f.write(yaml);
        return dir;
    }

    static bool waitLoaded(MainWindow &w)
    {
        return QTest::qWaitFor([&] { return !w.pipeline().name.isEmpty(); }, 20000);
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        m_data = m_tmp.filePath("data");
        qputenv("DEPLOYDESK_DATA_DIR", m_data.toUtf8());
        qputenv("DEPLOYDESK_NO_KEYCHAIN", "1");
    }

    void exampleWorkspaceRunsToSuccess()
    {
        const QString ws = m_tmp.filePath("textbook");
        copyTree(QStringLiteral(DD_SOURCE_DIR "/examples/textbook"), ws);
        MainWindow w(ws);
        w.show();
        QVERIFY(waitLoaded(w));
        const QStringList stages = w.graph()->stageNames();
        QCOMPARE(stages, (QStringList{"lint", "typecheck", "test-backend", "test-site",
                                      "build-site", "migrate", "deploy-site", "reembed",
                                      "deploy-backend", "smoke-test"}));
        // Without an environment the deploy stages (if: environment in [...]) do not run.
        const QStringList checks = stages.mid(0, 5);
        QCOMPARE(w.environmentList()->environments(),
                 (QStringList{"preview", "staging", "production"}));

        QSignalSpy finished(&w, &MainWindow::runFinished);
        QSet<QString> seenRunning;
        connect(w.runService(), &RunService::stageChanged, this, [&](const StageRecord &s) {
            if (s.status == StageStatus::Running)
                seenRunning.insert(s.name);
        });
        QTest::keyClick(&w, Qt::Key_R, Qt::ControlModifier); // Run pipeline
        QTRY_VERIFY_WITH_TIMEOUT(w.runService()->isRunning(), 10000);
        QVERIFY(w.statusBarText().contains("running"));
        QVERIFY(finished.wait(300000));
        DD_COMPARE_STATUS(finished.at(0).at(1).value<RunStatus>(), RunStatus::Success);
        for (const QString &s : checks) {
            DD_COMPARE_STATUS(w.graph()->stageStatus(s), StageStatus::Success);
            QVERIFY(seenRunning.contains(s));
        }
        for (const QString &s : stages.mid(5)) {
            DD_COMPARE_STATUS(w.graph()->stageStatus(s), StageStatus::Skipped);
            QVERIFY(!seenRunning.contains(s));
        }
        QVERIFY(w.statusBarText().contains("Success"));
        // The desktop is told (a notification, or the tray's balloon).
        QVERIFY2(w.trayIcon()->lastNotification().startsWith(
                     QString("Run %1: Success").arg(w.currentRunId())),
                 qPrintable(w.trayIcon()->lastNotification()));
        // The stage's log opens from its node.
        w.openStageLog("test-backend");
        QCOMPARE(w.tabs()->currentIndex(), int(MainWindow::LogsTab));
    }

    void cancelARunningStage()
    {
        const QString ws =
            workspace("cancel", "name: cancel\n"
                                "stages:\n"
                                "  slow:\n    run: echo started; sleep 60\n"
                                "  after:\n    needs: [slow]\n    run: echo after\n");
        MainWindow w(ws);
        w.show();
        QVERIFY(waitLoaded(w));
        QSignalSpy finished(&w, &MainWindow::runFinished);
        w.runPipeline();
        QTRY_VERIFY_WITH_TIMEOUT(w.graph()->stageStatus("slow") == StageStatus::Running, 10000);
        // Cancel asks first; keeping it running keeps the run going.
        answerNextMessageBox("Keep Running");
        w.cancelRun();
        QVERIFY(w.runService()->isRunning());
        answerNextMessageBox("Stop the Run");
        w.cancelRun();
        QVERIFY(finished.wait(20000));
        DD_COMPARE_STATUS(finished.at(0).at(1).value<RunStatus>(), RunStatus::Cancelled);
        DD_COMPARE_STATUS(w.graph()->stageStatus("slow"), StageStatus::Cancelled);
        DD_COMPARE_STATUS(w.graph()->stageStatus("after"), StageStatus::Cancelled);
        bool recorded = false;
        for (const EventRecord &e : eventsOf(w.currentRunId(), m_data))
            recorded = recorded ||
                       (e.kind == EventKind::CancelRequested && eventText(e).contains("panel"));
        QVERIFY(recorded);
    }

    void protectedEnvironmentWaitsForTheApprovalDialog()
    {
        const QString ws = workspace("protected", "name: protected\n"
                                                  "environments:\n  staging: {}\n"
                                                  "  production:\n    protected: true\n"
                                                  "stages:\n"
                                                  "  build:\n    run: echo build\n"
                                                  "  deploy:\n    needs: [build]\n"
                                                  "    if: environment in [staging, production]\n"
                                                  "    run: touch deployed-$DEPLOYDESK_RUN_ID\n");
        MainWindow w(ws);
        w.setConfirmations(false);
        w.show();
        QVERIFY(waitLoaded(w));

        // Refused: the deploy never starts and the refusal is in the history.
        QSignalSpy dialogs(&w, &MainWindow::approvalDialogShown);
        QSignalSpy finished(&w, &MainWindow::runFinished);
        w.deploy("production");
        QVERIFY(dialogs.wait(20000));
        auto *dialog = dialogs.at(0).at(0).value<ApprovalDialog *>();
        QVERIFY(dialog && dialog->isVisible());
        DD_COMPARE_STATUS(w.graph()->stageStatus("build"), StageStatus::Success);
        DD_COMPARE_STATUS(w.graph()->stageStatus("deploy"), StageStatus::Pending);
        QVERIFY(w.statusBarText().contains("approval"));
        QVERIFY(w.trayIcon()->lastNotification().startsWith("Approval needed"));
        QCOMPARE(w.environmentList()->statusOf("production"), std::optional(RunStatus::Running));
        dialog->reasonEdit()->setText("not during the freeze");
        dialog->refuseButton()->click();
        QVERIFY(finished.wait(20000));
        const qint64 refusedRun = w.currentRunId();
        DD_COMPARE_STATUS(finished.at(0).at(1).value<RunStatus>(), RunStatus::Cancelled);
        DD_COMPARE_STATUS(w.graph()->stageStatus("deploy"), StageStatus::Cancelled);
        QVERIFY(!QFile::exists(ws + "/deployed-" + QString::number(refusedRun)));
        bool refused = false;
        for (const EventRecord &e : eventsOf(refusedRun, m_data))
            refused = refused || (e.kind == EventKind::Refused && eventText(e).contains("freeze"));
        QVERIFY(refused);
        QCOMPARE(w.environmentList()->statusOf("production"), std::optional(RunStatus::Cancelled));

        // Approved: Approve stays disabled until the environment's name is typed.
        dialogs.clear();
        finished.clear();
        w.deploy("production");
        QVERIFY(dialogs.wait(20000));
        dialog = dialogs.at(0).at(0).value<ApprovalDialog *>();
        QVERIFY(!dialog->approveButton()->isEnabled());
        QTest::keyClicks(dialog->confirmEdit(), "prod");
        QVERIFY(!dialog->approveButton()->isEnabled());
        QTest::keyClicks(dialog->confirmEdit(), "uction");
        QVERIFY(dialog->approveButton()->isEnabled());
        dialog->approverEdit()->setText("alice");
        dialog->reasonEdit()->setText("release 2.0");
        QTest::keyClick(dialog->confirmEdit(), Qt::Key_Return);
        QVERIFY(finished.wait(20000));
        DD_COMPARE_STATUS(finished.at(0).at(1).value<RunStatus>(), RunStatus::Success);
        QVERIFY(QFile::exists(ws + "/deployed-" + QString::number(w.currentRunId())));
        bool approved = false;
        for (const EventRecord &e : eventsOf(w.currentRunId(), m_data))
            approved = approved || (e.kind == EventKind::Approved && e.who == "alice" &&
                                    eventText(e).contains("release 2.0"));
        QVERIFY(approved);

        // Staging is not protected: no dialog.
        dialogs.clear();
        finished.clear();
        w.deploy("staging");
        QVERIFY(finished.wait(20000));
        QCOMPARE(dialogs.count(), 0);
        DD_COMPARE_STATUS(finished.at(0).at(1).value<RunStatus>(), RunStatus::Success);
    }

    // A shortcut that two actions of the window share does nothing at all (Qt reports it
    // ambiguous): every key sequence belongs to one action, and every action is in a menu.
    void shortcutsAreUniqueAndActionsAreInMenus()
    {
        MainWindow w(QString{});
        w.show();
        QHash<QString, QString> owner;
        QSet<QAction *> inMenus;
        for (QMenu *menu : w.menuBar()->findChildren<QMenu *>())
            for (QAction *a : menu->actions())
                inMenus.insert(a);
        // Window-wide shortcuts must be unique, also against the shortcuts the Logs and
        // History tabs keep to themselves (those may repeat between the two tabs).
        const auto windowWide = [](const QAction *a) {
            return a->shortcutContext() == Qt::WindowShortcut ||
                   a->shortcutContext() == Qt::ApplicationShortcut;
        };
        QList<QAction *> actions = w.findChildren<QAction *>();
        std::stable_partition(actions.begin(), actions.end(), windowWide);
        for (QAction *a : actions) {
            if (a->isSeparator() || a->text().isEmpty() || a->menu())
                continue;
            for (const QKeySequence &k : a->shortcuts()) {
                const QString key = k.toString(QKeySequence::PortableText);
                QVERIFY2(!owner.contains(key),
                         qPrintable(QString("%1 is both \"%2\" and \"%3\"")
                                        .arg(key, owner.value(key), a->text())));
                if (windowWide(a))
                    owner.insert(key, a->text());
            }
            if (!a->shortcuts().isEmpty() && windowWide(a))
                QVERIFY2(inMenus.contains(a), qPrintable(a->text() + " is in no menu"));
        }
        QVERIFY(owner.contains("Ctrl+R"));
        QVERIFY(owner.contains("Ctrl+3")); // the History tab
    }

    // A broken file disables Run and lists its problems; saving a fixed file reloads it.
    void problemsInTheFileAreShownAndFixingThemReloads()
    {
        const QString ws = workspace("broken", "name: broken\nstages:\n  a:\n    neds: [b]\n");
        MainWindow w(ws);
        QSignalSpy loaded(&w, &MainWindow::pipelineLoaded);
        QVERIFY(loaded.wait(20000));
        QCOMPARE(loaded.at(0).at(0).toBool(), false);
        QAction *run = w.findChild<QAction *>("runAction");
        QVERIFY(run && !run->isEnabled());
        QVERIFY(w.statusBarText().isEmpty() || !w.statusBarText().contains("running"));

        QFile f(ws + "/deploydesk.yml");
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write("name: fixed\nstages:\n  a:\n    run: echo a\n");
        f.close();
        QVERIFY(loaded.wait(20000));
        QCOMPARE(loaded.last().at(0).toBool(), true);
        QCOMPARE(w.pipeline().name, QString("fixed"));
        // The title names the pipeline, not the folder ("broken").
        QCOMPARE(w.windowTitle(), QString("fixed — DeployDesk"));
        QVERIFY(run->isEnabled());
    }

    void openedWorkspacesAreRemembered()
    {
        const QString a = workspace("recent-a", "name: a\nstages:\n  x:\n    run: echo x\n");
        const QString b = workspace("recent-b", "name: b\nstages:\n  x:\n    run: echo x\n");
        MainWindow w(a);
        w.openWorkspace(b);
        QCOMPARE(MainWindow::recentWorkspaces().mid(0, 2), (QStringList{b, a}));
        // A folder without deploydesk.yml is refused with a message, the workspace stays.
        QTimer::singleShot(0, [] {
            if (auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget()))
                box->accept();
        });
        w.openWorkspace(m_tmp.path());
        QCOMPARE(w.workspace(), b);
    }

    // A history from an older version is migrated on the run service's thread: the window
    // shows and answers meanwhile, says what it is doing, and offers no Run until the
    // history is ready; then the old runs are there.
    void historyOpensOffTheGuiThreadWhileTheWindowShows()
    {
        const QString ws = workspace("upgrade", "name: upgrade\nstages:\n  a:\n    run: echo a\n");
        const QString data = m_tmp.filePath("old-data");
        QVERIFY(writeOldHistory(data, ws));
        qputenv("DEPLOYDESK_DATA_DIR", data.toUtf8());
        std::atomic<QThread *> openedOn = nullptr;
        QSemaphore hold;
        RunService::setHistoryOpenHookForTesting([&] {
            openedOn = QThread::currentThread();
            hold.acquire(); // a long migration
        });
        auto restore = qScopeGuard([&] {
            RunService::setHistoryOpenHookForTesting({});
            qputenv("DEPLOYDESK_DATA_DIR", m_data.toUtf8());
        });

        MainWindow w(ws);
        auto release = qScopeGuard([&] { hold.release(); }); // before the window goes
        QSignalSpy ready(&w, &MainWindow::historyReady);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QTRY_VERIFY(openedOn.load());
        QVERIFY(openedOn.load() != QThread::currentThread());
        QVERIFY(w.isHistoryOpening());
        QVERIFY2(w.statusBarText().contains("Opening the history"), qPrintable(w.statusBarText()));
        QVERIFY(historyStatus(w).contains("Opening the history"));
        QAction *run = w.findChild<QAction *>("runAction");
        QVERIFY(run && !run->isEnabled());
        w.showTab(MainWindow::HistoryTab); // the window answers
        QCOMPARE(w.tabs()->currentIndex(), int(MainWindow::HistoryTab));
        QCOMPARE(ready.size(), 0);

        hold.release();
        QVERIFY(ready.wait(20000));
        QCOMPARE(ready.at(0).at(0).toBool(), true);
        QVERIFY(w.isHistoryOpen());
        QVERIFY(waitLoaded(w));
        QTRY_VERIFY(run->isEnabled());
        QTRY_VERIFY(w.historyBrowser()->model()->rowOfRun(7) >= 0);
        QVERIFY2(w.statusBarText().contains("Last run 7"), qPrintable(w.statusBarText()));
        auto store = HistoryStore::open(data);
        QVERIFY(store);
        QCOMPARE((*store)->schemaVersion(), HistoryStore::kSchemaVersion);
    }

    // A history file that cannot be read: the window says why (status bar and History
    // tab), and runs stay off; the pipeline still loads.
    void aHistoryThatCannotBeOpenedIsReportedInTheWindow()
    {
        const QString ws =
            workspace("nohistory", "name: nohistory\nstages:\n  a:\n    run: echo a\n");
        const QString data = m_tmp.filePath("broken-data");
        QDir().mkpath(data);
        QFile garbage(data + "/history.sqlite");
        QVERIFY(garbage.open(QIODevice::WriteOnly));
        garbage.write(QByteArray(4096, 'x'));
        garbage.close();
        qputenv("DEPLOYDESK_DATA_DIR", data.toUtf8());
        auto restore = qScopeGuard([&] { qputenv("DEPLOYDESK_DATA_DIR", m_data.toUtf8()); });

        MainWindow w(ws);
        QSignalSpy ready(&w, &MainWindow::historyReady);
        w.show();
        QVERIFY(ready.wait(20000));
        QCOMPARE(ready.at(0).at(0).toBool(), false);
        QVERIFY(waitLoaded(w));
        QVERIFY2(w.statusBarText().contains("history cannot be opened"),
                 qPrintable(w.statusBarText()));
        QVERIFY(w.statusBarText().contains("history.sqlite"));
        QVERIFY(historyStatus(w).contains("cannot be opened"));
        QVERIFY(!w.findChild<QAction *>("runAction")->isEnabled());
    }

    // Another process (here: this test's own connection) holds the history's write lock
    // for longer than the busy timeout while a stage ends: the window says what could not
    // be recorded, and the run does not end a success.
    void aLockHeldTooLongIsShownInTheWindow()
    {
        const QString signalsDir = m_tmp.filePath("lock-signals");
        QDir().mkpath(signalsDir);
        const QString ws =
            workspace("lock", QStringLiteral("name: lock\nstages:\n  hold:\n    run: |\n"
                                             "      touch %1/started\n"
                                             "      while [ ! -e %1/go ]; do sleep 0.05; done\n"
                                             "      echo done\n")
                                  .arg(signalsDir)
                                  .toUtf8());
        qputenv("DEPLOYDESK_BUSY_TIMEOUT", "300");
        auto restore = qScopeGuard([] { qunsetenv("DEPLOYDESK_BUSY_TIMEOUT"); });
        MainWindow w(ws);
        w.show();
        QVERIFY(waitLoaded(w));
        QVERIFY(w.notRecordedText().isEmpty());
        QSignalSpy finished(&w, &MainWindow::runFinished);
        w.runPipeline();
        QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(signalsDir + "/started"), 20000);

        const QString name = DeployDesk::Internal::uniqueConnectionName("holder");
        {
            auto db = DeployDesk::Internal::openConnection(m_data + "/history.sqlite", name);
            QVERIFY(db);
            QSqlQuery q(*db);
            QVERIFY(q.exec("BEGIN IMMEDIATE"));
            QFile go(signalsDir + "/go");
            QVERIFY(go.open(QIODevice::WriteOnly));
            go.close();
            QTRY_VERIFY_WITH_TIMEOUT(!w.notRecordedText().isEmpty(), 30000);
            QVERIFY(q.exec("ROLLBACK"));
        }
        QSqlDatabase::removeDatabase(name);
        QVERIFY2(w.notRecordedText().contains("Not recorded in the history") &&
                     w.notRecordedText().contains("lock on the history") &&
                     w.notRecordedText().contains("history.sqlite"),
                 qPrintable(w.notRecordedText()));
        QVERIFY(w.findChild<QLabel *>("notRecorded")->isVisible());
        QVERIFY(finished.wait(60000));
        DD_COMPARE_STATUS(finished.at(0).at(1).value<RunStatus>(), RunStatus::Failed);
        DD_COMPARE_STATUS(w.graph()->stageStatus("hold"), StageStatus::Failed);
        QVERIFY(!w.notRecordedText().isEmpty()); // still said after the run ended
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
