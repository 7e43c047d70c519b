// Runs started from the panel as the CLI starts them: one stage and what it needs from the
// graph's context menu (`run --stage`), and a message kept in the history (`run -m`).
#include "statuscompare.h"

#include "store/historystore.h"
#include "ui/approvaldialog.h"
#include "ui/environmentlist.h"
#include "ui/history/historybrowser.h"
#include "ui/historymodel.h"
#include "ui/logview/logviewer.h"
#include "ui/mainwindow.h"
#include "ui/pipeline/stagegraphview.h"
#include "ui/runservice.h"
#include "ui/startrundialog.h"

#include <QApplication>
#include <QContextMenuEvent>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QPlainTextEdit>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace DeployDesk;
using namespace DeployDesk::Ui;

namespace {

// The open context menu's entry that runs a stage, or null.
QAction *runStageEntry()
{
    auto *menu = qobject_cast<QMenu *>(QApplication::activePopupWidget());
    if (!menu)
        return nullptr;
    return menu->findChild<QAction *>(QStringLiteral("runStageAction"));
}

void closeMenu()
{
    if (auto *menu = qobject_cast<QMenu *>(QApplication::activePopupWidget()))
        menu->close();
}

// Types `message` into the next start dialog and starts.
void startNextDialogWith(const QString &message, QString *question = nullptr)
{
    QTimer::singleShot(0, [=] {
        auto *dialog = qobject_cast<StartRunDialog *>(QApplication::activeModalWidget());
        QVERIFY(dialog);
        if (question)
            *question = dialog->windowTitle();
        QTest::keyClicks(dialog->messageEdit(), message);
        QTest::keyClick(dialog->messageEdit(), Qt::Key_Return);
    });
}

} // namespace

class TestPanelRuns : public QObject
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

    // .github/workflows/ci.yml with one job, lint, that succeeds.
    static bool writeLintWorkflow(const QString &ws)
    {
        QDir().mkpath(ws + "/.github/workflows");
        QFile ci(ws + "/.github/workflows/ci.yml");
        return ci.open(QIODevice::WriteOnly) &&
               ci.write("name: CI\non: push\njobs:\n  lint:\n    runs-on: ubuntu-latest\n"
                        "    steps:\n      - run: \"true\"\n") > 0;
    }

    static void write(const QString &ws, const QByteArray &yaml)
    {
        QFile f(ws + "/deploydesk.yml");
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(yaml);
    }

    static QString checksOnlyToolTip(MainWindow &w)
    {
        auto *list = w.environmentList()->findChild<QListWidget *>("environmentList");
        return list && list->count() ? list->item(0)->toolTip() : QString();
    }

    static bool waitReady(MainWindow &w)
    {
        return QTest::qWaitFor([&] { return !w.pipeline().name.isEmpty() && w.isHistoryOpen(); },
                               20000);
    }

    std::unique_ptr<HistoryStore> store()
    {
        auto opened = HistoryStore::open(m_data);
        return opened ? std::move(*opened) : nullptr;
    }

    QStringList recordedStages(qint64 runId)
    {
        QStringList names;
        if (auto s = store())
            for (const StageRecord &r : (*s).stages(runId).value_or(QList<StageRecord>{}))
                names << r.name;
        return names;
    }

    // setup <- lint <- test <- package; docs alone.
    QString chainWorkspace(const QString &name)
    {
        return workspace(name, "name: " + name.toUtf8() +
                                   "\nenvironments:\n  staging: {}\n"
                                   "stages:\n"
                                   "  setup:\n    run: echo setup\n"
                                   "  docs:\n    run: echo docs\n"
                                   "  lint:\n    needs: [setup]\n    run: echo lint\n"
                                   "  test:\n    needs: [lint]\n    run: echo test\n"
                                   "  package:\n    needs: [test, docs]\n    run: echo package\n");
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        m_data = m_tmp.filePath("data");
        qputenv("DEPLOYDESK_DATA_DIR", m_data.toUtf8());
        qputenv("DEPLOYDESK_NO_KEYCHAIN", "1");
    }

    // Right-click on "test" → Run “test” and what it needs: the run recorded in the
    // history holds test, lint and setup, and nothing else, as `run --stage test` would.
    void rightClickRunsTheStageAndWhatItNeeds()
    {
        MainWindow w(chainWorkspace("rightclick"));
        w.show();
        QVERIFY(waitReady(w));
        StageGraphView *graph = w.graph();
        const QPoint at = graph->nodeRect("test").center();
        QContextMenuEvent click(QContextMenuEvent::Mouse, at, graph->viewport()->mapToGlobal(at));
        QApplication::sendEvent(graph->viewport(), &click);
        QTRY_VERIFY(runStageEntry());
        QAction *entry = runStageEntry();
        QCOMPARE(entry->text(), QString("Run “test” and what it needs"));
        QVERIFY(entry->isEnabled());
        QCOMPARE(graph->currentStage(), QString("test"));

        QSignalSpy finished(&w, &MainWindow::runFinished);
        entry->trigger();
        closeMenu();
        QVERIFY(finished.wait(20000));
        DD_COMPARE_STATUS(finished.at(0).at(1).value<RunStatus>(), RunStatus::Success);
        const qint64 runId = finished.at(0).at(0).toLongLong();
        QStringList stages = recordedStages(runId);
        stages.sort();
        QCOMPARE(stages, (QStringList{"lint", "setup", "test"}));
        auto s = store();
        QVERIFY(s);
        const auto run = s->run(runId);
        QVERIFY(run.has_value());
        QCOMPARE(run->selectedStages, QStringList{"test"});
        QVERIFY(run->environment.isEmpty());
    }

    // From the keyboard: Shift+F10 and the Menu key open the selected node's menu.
    void theKeyboardOpensTheSelectedStagesMenu()
    {
        MainWindow w(chainWorkspace("keyboard"));
        w.show();
        QVERIFY(waitReady(w));
        StageGraphView *graph = w.graph();
        graph->setFocus();
        graph->setCurrentStage("lint");
        QTest::keyClick(graph, Qt::Key_F10, Qt::ShiftModifier);
        QTRY_VERIFY(runStageEntry());
        QCOMPARE(runStageEntry()->text(), QString("Run “lint” and what it needs"));
        closeMenu();
        QTRY_VERIFY(!QApplication::activePopupWidget());

        graph->setCurrentStage("docs");
        QTest::keyClick(graph, Qt::Key_Menu);
        QTRY_VERIFY(runStageEntry());
        QSignalSpy finished(&w, &MainWindow::runFinished);
        runStageEntry()->trigger();
        closeMenu();
        QVERIFY(finished.wait(20000));
        QCOMPARE(recordedStages(finished.at(0).at(0).toLongLong()), QStringList{"docs"});
    }

    // With an environment chosen, the stage runs for it after a question that names the
    // stages, with the message typed there kept in the history.
    void aStageRunForAnEnvironmentAsksAndKeepsTheMessage()
    {
        MainWindow w(chainWorkspace("stageenv"));
        w.show();
        QVERIFY(waitReady(w));
        w.environmentList()->setCurrentEnvironment("staging");
        QSignalSpy finished(&w, &MainWindow::runFinished);
        startNextDialogWith("lint only, for the hotfix");
        w.runStage("lint");
        QVERIFY(finished.wait(20000));
        const qint64 runId = finished.at(0).at(0).toLongLong();
        auto s = store();
        QVERIFY(s);
        const auto run = s->run(runId);
        QVERIFY(run.has_value());
        QCOMPARE(run->environment, QString("staging"));
        QCOMPARE(run->message, QString("lint only, for the hotfix"));
        QStringList stages = recordedStages(runId);
        stages.sort();
        QCOMPARE(stages, (QStringList{"lint", "setup"}));
    }

    // Run With a Message… and Deploy ask for a message; the history keeps it as the CLI's
    // -m is kept.
    void theRunAndDeployMessagesAreRecorded()
    {
        MainWindow w(chainWorkspace("messages"));
        w.show();
        QVERIFY(waitReady(w));
        QSignalSpy finished(&w, &MainWindow::runFinished);
        startNextDialogWith("checking after the merge of #42");
        w.runPipelineWithMessage();
        QVERIFY(finished.wait(20000));
        auto s = store();
        QVERIFY(s);
        auto run = s->run(finished.at(0).at(0).toLongLong());
        QVERIFY(run.has_value());
        QCOMPARE(run->message, QString("checking after the merge of #42"));
        QVERIFY(run->environment.isEmpty());
        QCOMPARE(recordedStages(run->id).size(), 5);

        finished.clear();
        startNextDialogWith("release 1.4 to staging");
        w.deploy("staging");
        QVERIFY(finished.wait(20000));
        run = s->run(finished.at(0).at(0).toLongLong());
        QVERIFY(run.has_value());
        QCOMPARE(run->environment, QString("staging"));
        QCOMPARE(run->message, QString("release 1.4 to staging"));

        // Cancel starts nothing.
        finished.clear();
        const qint64 before = w.currentRunId();
        QTimer::singleShot(0, [] {
            if (auto *dialog = qobject_cast<StartRunDialog *>(QApplication::activeModalWidget()))
                dialog->reject();
        });
        w.runPipelineWithMessage();
        QVERIFY(!w.runService()->isStarting());
        QCOMPARE(w.currentRunId(), before);
    }

    // A secret typed into the message is masked in the history, as the CLI's -m is.
    void aSecretInTheMessageIsMasked()
    {
        qputenv("PANEL_TOKEN", "tok-panel-987654");
        const QString ws = workspace("masked", "name: masked\nstages:\n"
                                               "  use:\n    run: echo using $PANEL_TOKEN\n"
                                               "    secrets: [PANEL_TOKEN]\n");
        MainWindow w(ws);
        w.show();
        QVERIFY(waitReady(w));
        QSignalSpy finished(&w, &MainWindow::runFinished);
        startNextDialogWith("rotated tok-panel-987654 today");
        w.runPipelineWithMessage();
        QVERIFY(finished.wait(20000));
        auto s = store();
        QVERIFY(s);
        const auto run = s->run(finished.at(0).at(0).toLongLong());
        QVERIFY(run.has_value());
        QCOMPARE(run->message, QString("rotated *** today"));
        qunsetenv("PANEL_TOKEN");
    }

    // The sidebar's "No environment (checks only)" shows the latest checks-only run's
    // result as the environments show theirs, also in a window opened later.
    void checksOnlyShowsItsLatestResult()
    {
        const QString ws = workspace("checksonly", "name: checksonly\n"
                                                   "environments:\n  staging: {}\n"
                                                   "stages:\n  check:\n    run: exit 4\n");
        {
            MainWindow w(ws);
            w.show();
            QVERIFY(waitReady(w));
            QVERIFY(!w.environmentList()->statusOf(QString()).has_value());
            QSignalSpy finished(&w, &MainWindow::runFinished);
            w.runPipeline();
            QVERIFY(finished.wait(20000));
            QCOMPARE(w.environmentList()->statusOf(QString()), std::optional(RunStatus::Failed));
            QVERIFY2(checksOnlyToolTip(w).contains("Last run"), qPrintable(checksOnlyToolTip(w)));
            // A deploy to staging afterwards is staging's, not the checks' result.
            write(ws, "name: checksonly\nenvironments:\n  staging: {}\n"
                      "stages:\n  check:\n    run: exit 0\n");
            QTRY_VERIFY(w.pipeline().stages.value(0).run.contains("exit 0"));
            finished.clear();
            w.setConfirmations(false);
            w.deploy("staging");
            QVERIFY(finished.wait(20000));
            QCOMPARE(w.environmentList()->statusOf("staging"), std::optional(RunStatus::Success));
            QCOMPARE(w.environmentList()->statusOf(QString()), std::optional(RunStatus::Failed));
        }
        MainWindow again(ws);
        again.show();
        QVERIFY(waitReady(again));
        QTRY_COMPARE(again.environmentList()->statusOf(QString()),
                     std::optional(RunStatus::Failed));
    }

    // A run of the workspace's GitHub Actions workflow (`deploydeskctl workflow run`) is
    // another pipeline's run: the window keeps this pipeline's latest result, although the
    // workflow's job has the name of its stage.
    void aWorkflowRunIsNotThePipelinesLatestRun()
    {
        const QString ws = workspace("withworkflow", "name: withworkflow\n"
                                                     "stages:\n  lint:\n    run: exit 4\n");
        QVERIFY(writeLintWorkflow(ws));
        {
            MainWindow w(ws);
            w.show();
            QVERIFY(waitReady(w));
            QSignalSpy finished(&w, &MainWindow::runFinished);
            w.runPipeline();
            QVERIFY(finished.wait(20000));
            QCOMPARE(w.environmentList()->statusOf(QString()), std::optional(RunStatus::Failed));
        }
        auto latestOfWorkspace = [&] {
            RunFilter filter;
            filter.workspace = ws;
            filter.limit = 1;
            auto s = store();
            return s ? s->runs(filter).value_or(QList<RunRecord>{}).value(0).id : qint64(0);
        };
        const qint64 pipelineRun = latestOfWorkspace();
        QVERIFY(pipelineRun > 0);
        QProcess ctl;
        ctl.start(QStringLiteral(DD_BIN_DIR "/deploydeskctl"),
                  {"workflow", "run", "ci.yml", "--workspace", ws});
        QVERIFY(ctl.waitForFinished(60000));
        QCOMPARE(ctl.exitCode(), 0); // the workflow's lint succeeded
        const qint64 workflowRun = latestOfWorkspace();
        QVERIFY(workflowRun > pipelineRun);

        MainWindow again(ws);
        again.show();
        QVERIFY(waitReady(again));
        QTRY_COMPARE(again.environmentList()->statusOf(QString()),
                     std::optional(RunStatus::Failed));
        QVERIFY2(again.statusBarText().startsWith(
                     QStringLiteral("Last run %1: Failed").arg(pipelineRun)),
                 qPrintable(again.statusBarText()));
        // The History tab lists both runs.
        QTRY_VERIFY(again.historyBrowser()->model()->rowOfRun(workflowRun) >= 0);
        QVERIFY(again.historyBrowser()->model()->rowOfRun(pipelineRun) >= 0);
    }

    // A workspace whose history holds only a workflow run: the status line names that
    // run, it does not say "no runs yet" beside a History tab that lists it.
    void onlyAWorkflowRunIsStillTheLastRun()
    {
        const QString ws =
            workspace("onlyworkflow", "name: onlyworkflow\nstages:\n  lint:\n    run: \"true\"\n");
        QVERIFY(writeLintWorkflow(ws));
        QProcess ctl;
        ctl.start(QStringLiteral(DD_BIN_DIR "/deploydeskctl"),
                  {"workflow", "run", "ci.yml", "--workspace", ws});
        QVERIFY(ctl.waitForFinished(60000));
        QCOMPARE(ctl.exitCode(), 0);
        RunFilter filter;
        filter.workspace = ws;
        auto s = store();
        QVERIFY(s);
        const QList<RunRecord> runs = s->runs(filter).value_or(QList<RunRecord>{});
        QCOMPARE(runs.size(), 1);

        MainWindow w(ws);
        w.show();
        QVERIFY(waitReady(w));
        QTRY_VERIFY2(w.statusBarText().startsWith(
                         QStringLiteral("Last run %1: Success").arg(runs.first().id)),
                     qPrintable(w.statusBarText()));
        QVERIFY(!w.statusBarText().contains("no runs yet"));
        // The Logs tab opens on the same run, with the workflow's job, not on "No run to
        // show yet".
        QTRY_COMPARE(w.logViewer()->runId(), runs.first().id);
        QVERIFY(!w.logViewer()->emptyText().startsWith("No run to show"));
    }

    // An invalid deploydesk.yml: the graph no longer shows the last run's results (the
    // problems show instead), and the environments stay the last valid file's, marked so,
    // even on a YAML syntax error. Fixed, all comes back.
    void anInvalidFileShowsNoStaleResultsAndKeepsTheEnvironments()
    {
        const QByteArray valid = "name: invalid\n"
                                 "environments:\n  staging: {}\n  production: {}\n"
                                 "stages:\n  a:\n    run: echo a\n"
                                 "  b:\n    needs: [a]\n    run: echo b\n";
        const QString ws = workspace("invalid", valid);
        MainWindow w(ws);
        w.show();
        QVERIFY(waitReady(w));
        QSignalSpy finished(&w, &MainWindow::runFinished);
        w.runPipeline();
        QVERIFY(finished.wait(20000));
        DD_COMPARE_STATUS(w.graph()->stageStatus("b"), StageStatus::Success);
        const QStringList environments{"staging", "production"};
        QCOMPARE(w.environmentList()->environments(), environments);

        QSignalSpy loaded(&w, &MainWindow::pipelineLoaded);
        write(ws, "name: invalid\nenvironments:\n  staging: {}\n  production: {}\n"
                  "stages:\n  a:\n    run: echo a\n  b:\n    neds: [a]\n    run: echo b\n");
        QVERIFY(loaded.wait(20000));
        QCOMPARE(loaded.last().at(0).toBool(), false);
        QPlainTextEdit *problems = nullptr;
        for (auto *edit : w.findChildren<QPlainTextEdit *>())
            if (edit->accessibleName() == "Problems in deploydesk.yml")
                problems = edit;
        QVERIFY(problems && problems->isVisible());
        QVERIFY(problems->toPlainText().contains("neds"));
        QVERIFY(!w.graph()->isVisible());
        for (const QString &stage : w.graph()->stageNames())
            DD_COMPARE_STATUS(w.graph()->stageStatus(stage), StageStatus::Pending);
        QCOMPARE(w.environmentList()->environments(), environments);
        QVERIFY(w.environmentList()->staleReason().contains("last valid"));

        loaded.clear();
        write(ws, "name: invalid\nenvironments: [staging\nstages:\n  a: {run: echo a}\n");
        QVERIFY(loaded.wait(20000));
        QCOMPARE(loaded.last().at(0).toBool(), false);
        QCOMPARE(w.environmentList()->environments(), environments);
        QVERIFY(!w.environmentList()->staleReason().isEmpty());
        QVERIFY(problems->isVisible());
        QVERIFY(!w.graph()->isVisible());

        loaded.clear();
        write(ws, valid);
        QVERIFY(loaded.wait(20000));
        QCOMPARE(loaded.last().at(0).toBool(), true);
        QVERIFY(w.graph()->isVisible());
        QVERIFY(w.environmentList()->staleReason().isEmpty());
        DD_COMPARE_STATUS(w.graph()->stageStatus("b"), StageStatus::Success);
    }

    // Stages waiting for approval say so in the graph, and for which environment's
    // approval, instead of looking "Pending"; once answered they no longer do.
    void stagesWaitingForApprovalSaySo()
    {
        const QString ws = workspace("waiting", "name: waiting\n"
                                                "environments:\n  production:\n"
                                                "    protected: true\n"
                                                "stages:\n"
                                                "  build:\n    run: echo build\n"
                                                "  deploy:\n    needs: [build]\n"
                                                "    if: environment in [production]\n"
                                                "    run: echo deploy\n");
        MainWindow w(ws);
        w.setConfirmations(false);
        w.show();
        QVERIFY(waitReady(w));
        QSignalSpy dialogs(&w, &MainWindow::approvalDialogShown);
        QSignalSpy finished(&w, &MainWindow::runFinished);
        w.deploy("production");
        QVERIFY(dialogs.wait(20000));
        StageGraphView *graph = w.graph();
        QVERIFY(graph->isWaitingForApproval("deploy"));
        QVERIFY(!graph->isWaitingForApproval("build"));
        const QString subtitle = graph->nodeSubtitle("deploy");
        QVERIFY2(subtitle.contains("approval") && subtitle.contains("production"),
                 qPrintable(subtitle));
        QVERIFY(!subtitle.contains("Pending"));
        QVERIFY(!graph->nodeSubtitle("build").contains("approval"));

        auto *dialog = dialogs.at(0).at(0).value<ApprovalDialog *>();
        dialog->reasonEdit()->setText("not now");
        dialog->refuseButton()->click();
        QVERIFY(finished.wait(20000));
        QVERIFY(!graph->isWaitingForApproval("deploy"));
        QVERIFY(!graph->nodeSubtitle("deploy").contains("approval"));
    }
};

QTEST_MAIN(TestPanelRuns)
#include "tst_panelruns.moc"
