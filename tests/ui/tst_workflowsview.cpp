// The Workflows tab as a user sees it: the workspace's workflow files (the example's, and
// one that does not load with its file:line:column), a job that cannot run here with its
// reason, Run Locally starting a run whose stages are the workflow's jobs (in the Pipeline
// tab too), the dispatch dialog's fields for typed inputs and its refusal of a missing
// required input, a dispatch that reaches GitHub (the contract fake) with the inputs as
// strings, and the run that follows marked as GitHub's in History and its details; without
// a repository or a token, the tab says how to fix it.
#include "statuscompare.h"

#include "fakes/githubactionsfake.h"
#include "store/historystore.h"
#include "ui/approvaldialog.h"
#include "ui/approvalfields.h"
#include "ui/history/historybrowser.h"
#include "ui/history/rundetailspane.h"
#include "ui/historymodel.h"
#include "ui/mainwindow.h"
#include "ui/pipeline/stagegraphview.h"
#include "ui/runservice.h"
#include "ui/workflows/dispatchdialog.h"
#include "ui/workflows/planview.h"
#include "ui/workflows/remoteservice.h"
#include "ui/workflows/workflowapprovaldialog.h"
#include "ui/workflows/workflowsview.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTreeView>

using namespace DeployDesk;
using namespace DeployDesk::Ui;
using namespace std::chrono_literals;

namespace {

const QByteArray kToken = "ghp_workflowsViewTestToken0123456789";

const QByteArray kQuick = R"(name: Quick
on:
  push:
  workflow_dispatch:
    inputs:
      target:
        description: Where to build for
        type: string
        required: true
      dry:
        type: boolean
        default: true
      level:
        type: choice
        options: [low, high]
        default: high
      count:
        type: number
        default: 3
      stage:
        type: environment
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - run: echo building
  check:
    needs: [build]
    runs-on: ubuntu-latest
    steps:
      - run: echo checking
      - uses: docker://alpine:3.19
  windows:
    runs-on: windows-latest
    steps:
      - run: echo never here
)";

const QByteArray kDeploy = R"(name: Deploy
on: push
jobs:
  ship:
    runs-on: ubuntu-latest
    environment: production
    steps:
      - run: echo shipping
)";

const QByteArray kBroken = R"(name: Broken
on: push
jobs:
  x:
    runs-on: ubuntu-latest
    bogus: 1
    steps:
      - run: echo hi
)";

void write(const QString &path, const QByteArray &text)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(text);
}

QStringList itemTexts(const QListWidget *list)
{
    QStringList texts;
    for (int i = 0; i < list->count(); ++i)
        texts << list->item(i)->text();
    return texts;
}

// The row of the first run in `model` marked as GitHub's; -1 when none is loaded.
int remoteRow(const QAbstractItemModel *model)
{
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->index(row, 0).data(HistoryModel::RemoteRole).toBool())
            return row;
    }
    return -1;
}

} // namespace

class TestWorkflowsView : public QObject
{
    Q_OBJECT

    QTemporaryDir m_tmp;
    QString m_ws;
    std::unique_ptr<Test::GitHubActionsFake> m_fake;
    std::unique_ptr<MainWindow> m_window;
    qint64 m_remoteRun = 0; // the fake's run the dispatch made

    WorkflowsView *view() const { return m_window->workflowsView(); }

    static bool select(WorkflowsView *v, const QString &file)
    {
        if (v->currentFile() && QFileInfo(v->currentFile()->path).fileName() == file)
            return true; // shown already
        QSignalSpy planned(v, &WorkflowsView::planShown);
        if (!v->selectWorkflow(file))
            return false;
        return planned.wait(10000);
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        qputenv("DEPLOYDESK_DATA_DIR", m_tmp.filePath("data").toUtf8());
        qputenv("DEPLOYDESK_NO_KEYCHAIN", "1");
        // GitHub: the contract fake, the token from the environment, the repository named.
        m_fake = std::make_unique<Test::GitHubActionsFake>(QStringLiteral("octo"),
                                                           QStringLiteral("docs"), kToken);
        QVERIFY(m_fake->listen());
        Test::GitHubActionsFake::Workflow quick;
        quick.name = QStringLiteral("Quick");
        quick.path = QStringLiteral(".github/workflows/quick.yml");
        quick.inputs = {{QStringLiteral("target"), QStringLiteral("string"), true},
                        {QStringLiteral("dry"), QStringLiteral("boolean"), false},
                        {QStringLiteral("level"), QStringLiteral("choice"), false},
                        {QStringLiteral("count"), QStringLiteral("number"), false},
                        {QStringLiteral("stage"), QStringLiteral("environment"), false}};
        m_fake->addWorkflow(quick);
        qputenv("DEPLOYDESK_API_GITHUB", m_fake->url().toString().toUtf8());
        qputenv("GITHUB_TOKEN", kToken);
        qputenv("GITHUB_REPOSITORY", "octo/docs");
        // The token is a secret DeployDesk knows (its name in the index, its value from the
        // environment): masked in everything typed that is recorded.
        write(m_tmp.filePath("data/secrets.json"), R"({"version": 1, "names": ["GITHUB_TOKEN"]})");
        RemoteService::setPollIntervalForTesting(50ms);

        // A workspace on branch main with the example's CI, a quick workflow and a broken one.
        m_ws = m_tmp.filePath("ws");
        write(m_ws + "/deploydesk.yml", "name: panel\n"
                                        "environments:\n  production:\n    protected: true\n"
                                        "stages:\n  one:\n    run: echo one\n");
        write(m_ws + "/.git/HEAD", "ref: refs/heads/main\n");
        QVERIFY(QDir().mkpath(m_ws + "/.github/workflows"));
        QFile::copy(QStringLiteral(DD_SOURCE_DIR "/examples/textbook/.github/workflows/ci.yml"),
                    m_ws + "/.github/workflows/ci.yml");
        write(m_ws + "/.github/workflows/quick.yml", kQuick);
        write(m_ws + "/.github/workflows/broken.yml", kBroken);
        write(m_ws + "/.github/workflows/deploy.yml", kDeploy);

        m_window = std::make_unique<MainWindow>(m_ws);
        m_window->setConfirmations(false);
        m_window->resize(1200, 760);
        m_window->show();
        QVERIFY(QTest::qWaitFor(
            [&] { return !m_window->pipeline().name.isEmpty() && m_window->isHistoryOpen(); },
            20000));
        m_window->showTab(MainWindow::WorkflowsTab);
        QCOMPARE(m_window->tabs()->currentWidget(), static_cast<QWidget *>(view()));
        QTRY_COMPARE_WITH_TIMEOUT(view()->fileList()->count(), 4, 10000);
    }

    void cleanupTestCase()
    {
        m_window.reset();
        m_fake.reset();
    }

    // The bundled example's workflow, as the tab lists and plans it (read only).
    void listsTheExamplesWorkflow()
    {
        WorkflowsView standalone;
        QSignalSpy planned(&standalone, &WorkflowsView::planShown);
        standalone.setWorkspace(QStringLiteral(DD_SOURCE_DIR "/examples/textbook"));
        QVERIFY(planned.wait(10000));
        QCOMPARE(itemTexts(standalone.fileList()),
                 QStringList{QStringLiteral("CI\n.github/workflows/ci.yml")});
        QCOMPARE(standalone.planView()->jobNames(),
                 (QStringList{"lint", "typecheck", "test (backend)", "test (site)", "build-site"}));
        QCOMPARE(standalone.eventCombo()->currentText(), QStringLiteral("push"));
    }

    // Name and path; the broken file with its first problem where it is.
    void listsTheWorkspacesFiles()
    {
        const QStringList texts = itemTexts(view()->fileList());
        QCOMPARE(texts.at(1), QStringLiteral("CI\n.github/workflows/ci.yml"));
        QCOMPARE(texts.at(2), QStringLiteral("Deploy\n.github/workflows/deploy.yml"));
        QCOMPARE(texts.at(3), QStringLiteral("Quick\n.github/workflows/quick.yml"));
        static const QRegularExpression problem(
            QStringLiteral("^\\.github/workflows/broken\\.yml\n"
                           "\\.github/workflows/broken\\.yml:6:5: .*bogus"));
        QVERIFY2(problem.match(texts.at(0)).hasMatch(), qPrintable(texts.at(0)));
        QVERIFY(select(view(), QStringLiteral("broken.yml")));
        QVERIFY(!view()->runLocallyButton()->isEnabled());
        QVERIFY(!view()->dispatchButton()->isEnabled());
    }

    void saysWhyAJobCannotRunHere()
    {
        QVERIFY(select(view(), QStringLiteral("quick.yml")));
        PlanView *plan = view()->planView();
        QCOMPARE(plan->jobNames(), (QStringList{"build", "windows", "check"})); // needs first
        QCOMPARE(plan->jobStateText("build"), QStringLiteral("Runs here"));
        QVERIFY2(plan->jobStateText("windows").startsWith("Not run here: needs a Windows runner"),
                 qPrintable(plan->jobStateText("windows")));
        // A step that does not run here says so, and why.
        QTreeWidgetItem *check = plan->topLevelItem(int(plan->jobNames().indexOf("check")));
        QCOMPARE(check->childCount(), 2);
        QVERIFY2(check->child(1)->text(PlanView::StateColumn).startsWith("Not run: "),
                 qPrintable(check->child(1)->text(PlanView::StateColumn)));
    }

    // Run Locally: a run of the service, its stages the workflow's jobs, in the Pipeline tab
    // as any run, then in the workflow's recent runs.
    void runLocallyRunsTheJobs()
    {
        QVERIFY(select(view(), QStringLiteral("quick.yml")));
        QCOMPARE(view()->eventCombo()->currentText(), QStringLiteral("push"));
        QVERIFY(view()->runLocallyButton()->isEnabled());
        QSignalSpy started(m_window.get(), &MainWindow::runStarted);
        QSignalSpy finished(m_window.get(), &MainWindow::runFinished);
        QTest::mouseClick(view()->runLocallyButton(), Qt::LeftButton);
        QVERIFY(started.wait(10000));
        const qint64 runId = started.at(0).at(0).toLongLong();
        QStringList shown = m_window->graph()->stageNames(); // the Pipeline tab's graph
        shown.sort();
        QCOMPARE(shown, (QStringList{"build", "check", "windows"}));
        QVERIFY(!view()->runLocallyButton()->isEnabled()); // one run at a time
        QVERIFY(finished.wait(20000));
        DD_COMPARE_STATUS(finished.at(0).at(1).value<RunStatus>(), RunStatus::Success);
        auto store = HistoryStore::open(m_tmp.filePath("data"));
        QVERIFY(store);
        const RunRecord run = (*store)->run(runId).value_or(RunRecord{});
        QCOMPARE(run.pipeline, QStringLiteral("Quick"));
        QStringList stages;
        for (const StageRecord &s : (*store)->stages(runId).value_or(QList<StageRecord>{}))
            stages << s.name;
        stages.sort();
        QCOMPARE(stages, (QStringList{"build", "check", "windows"}));
        QTRY_VERIFY(view()->localStatusText().contains(QStringLiteral("ended: Success")));
        QTRY_COMPARE(view()->runsModel()->rowCount(), 1);
        QCOMPARE(view()->runsModel()->runAt(0).id, runId);
        QVERIFY(view()->runLocallyButton()->isEnabled());
    }

    // A job deploying to an environment deploydesk.yml protects: nothing starts without an
    // approval (the environment's name typed), which is recorded with the run.
    void runLocallyAsksBeforeAProtectedDeploy()
    {
        QVERIFY(select(view(), QStringLiteral("deploy.yml")));
        QSignalSpy asked(view(), &WorkflowsView::approvalDialogShown);
        QSignalSpy started(m_window.get(), &MainWindow::runStarted);
        QTest::mouseClick(view()->runLocallyButton(), Qt::LeftButton);
        QVERIFY(asked.wait(10000));
        auto *dialog = asked.at(0).at(0).value<WorkflowApprovalDialog *>();
        QCOMPARE(dialog->environment(), QStringLiteral("production"));
        QVERIFY(!dialog->approveButton()->isEnabled());
        dialog->reject();
        QTRY_VERIFY(view()->localStatusText().contains("was not approved"));
        QVERIFY(!m_window->runService()->isStarting());
        QCOMPARE(started.size(), 0);

        QTest::mouseClick(view()->runLocallyButton(), Qt::LeftButton);
        QVERIFY(asked.wait(10000));
        dialog = asked.at(1).at(0).value<WorkflowApprovalDialog *>();
        QTest::keyClicks(dialog->fields()->confirmEdit(), "production");
        // A token pasted into the reason is recorded masked, in the run and its approval.
        dialog->fields()->reasonEdit()->setText("ship the docs " + QString::fromLatin1(kToken));
        QVERIFY(dialog->approveButton()->isEnabled());
        QSignalSpy finished(m_window.get(), &MainWindow::runFinished);
        QTest::mouseClick(dialog->approveButton(), Qt::LeftButton);
        QVERIFY(started.wait(10000));
        QVERIFY(finished.wait(20000));
        auto store = HistoryStore::open(m_tmp.filePath("data"));
        QVERIFY(store);
        const qint64 runId = started.at(0).at(0).toLongLong();
        QCOMPARE((*store)->run(runId).value_or(RunRecord{}).message,
                 QStringLiteral("ship the docs ***"));
        bool approved = false;
        for (const EventRecord &e : (*store)->events(runId).value_or(QList<EventRecord>{})) {
            approved |= e.kind == EventKind::Approved &&
                        e.params.value("environment") == QStringLiteral("production") &&
                        e.params.value("reason") == QStringLiteral("ship the docs ***");
            for (const QString &value : e.params)
                QVERIFY2(!value.contains(QString::fromLatin1(kToken)), qPrintable(value));
        }
        QVERIFY(approved);
    }

    // The form follows the inputs' types, fills the defaults, refuses a missing required
    // input and a number that is not one; the dispatch reaches GitHub with strings.
    void dispatchesWithTypedInputs()
    {
        QVERIFY(select(view(), QStringLiteral("quick.yml")));
        QTRY_VERIFY_WITH_TIMEOUT(view()->dispatchButton()->isEnabled(), 10000);
        QVERIFY(view()->gitHubText().contains(QStringLiteral("octo/docs")));
        QSignalSpy shown(view(), &WorkflowsView::dispatchDialogShown);
        QTest::mouseClick(view()->dispatchButton(), Qt::LeftButton);
        QCOMPARE(shown.size(), 1);
        auto *dialog = shown.at(0).at(0).value<DispatchDialog *>();
        QVERIFY(dialog && dialog->isVisible());

        auto *target = qobject_cast<QLineEdit *>(dialog->inputField("target"));
        auto *dry = qobject_cast<QCheckBox *>(dialog->inputField("dry"));
        auto *level = qobject_cast<QComboBox *>(dialog->inputField("level"));
        auto *count = qobject_cast<QLineEdit *>(dialog->inputField("count"));
        auto *stage = qobject_cast<QLineEdit *>(dialog->inputField("stage"));
        QVERIFY(target && dry && level && count && stage);
        QCOMPARE(target->text(), QString());
        QVERIFY(dry->isChecked());
        QCOMPARE(level->count(), 2);
        QCOMPARE(level->currentText(), QStringLiteral("high"));
        QCOMPARE(count->text(), QStringLiteral("3"));
        QVERIFY(count->validator());
        QCOMPARE(dialog->refEdit()->text(), QStringLiteral("main")); // the current branch
        // Required is marked on its label; the optional ones are not.
        QHash<QWidget *, QString> labels;
        for (QLabel *l : dialog->findChildren<QLabel *>())
            if (l->buddy())
                labels.insert(l->buddy(), l->text());
        QVERIFY2(labels.value(target).endsWith('*'), qPrintable(labels.value(target)));
        QVERIFY2(!labels.value(count).contains('*'), qPrintable(labels.value(count)));

        auto *send = dialog->findChild<QPushButton *>("dispatchButton");
        QVERIFY(send);
        QTest::mouseClick(send, Qt::LeftButton);
        QVERIFY(dialog->isVisible());
        QVERIFY2(dialog->errorText().contains("\"target\" is required"),
                 qPrintable(dialog->errorText()));
        QCOMPARE(dialog->focusWidget(), static_cast<QWidget *>(target)); // to fix first
        QTest::keyClicks(target, "docs");
        count->setText("1e"); // not a number (the validator lets it through while typing)
        QTest::mouseClick(send, Qt::LeftButton);
        QVERIFY(dialog->isVisible());
        QVERIFY2(dialog->errorText().contains("\"count\" must be a number"),
                 qPrintable(dialog->errorText()));
        QCOMPARE(m_fake->dispatches.size(), 0);

        count->setText("4");
        dry->setChecked(false);
        level->setCurrentText("low");
        QTest::mouseClick(send, Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(m_fake->dispatches.size(), 1, 10000);
        const QJsonObject body = m_fake->dispatches.at(0);
        QCOMPARE(body.value("ref").toString(), QStringLiteral("main"));
        const QJsonObject inputs = body.value("inputs").toObject();
        QCOMPARE(inputs, (QJsonObject{{"target", "docs"},
                                      {"dry", "false"},
                                      {"level", "low"},
                                      {"count", "4"}})); // strings; the empty one left out
        QVERIFY(m_fake->runs().size() == 1);
        m_remoteRun = m_fake->runs().constFirst().id;
        QTRY_VERIFY_WITH_TIMEOUT(view()->rateLimitText().startsWith("GitHub API: "), 10000);
        QVERIFY(view()->rateLimitText().contains("requests left"));
    }

    // The dispatched run, followed into the history: marked as GitHub's in the workflow's
    // runs and in History, with its URL; the details pane says where it ran.
    void aRemoteRunIsMarked()
    {
        QVERIFY(m_remoteRun);
        const QString url =
            QStringLiteral("https://github.com/octo/docs/actions/runs/%1").arg(m_remoteRun);
        QTRY_VERIFY_WITH_TIMEOUT(remoteRow(view()->runsModel()) >= 0, 10000);
        m_fake->startRun(m_remoteRun);
        m_fake->completeJob(m_remoteRun, "build", "success", "2026-12-01T10:00:00.0000000Z ok\n");
        QTRY_VERIFY_WITH_TIMEOUT(view()->remoteStatusText().contains("ended: Success"), 10000);

        m_window->showTab(MainWindow::HistoryTab);
        HistoryModel *history = m_window->historyBrowser()->model();
        QTRY_VERIFY_WITH_TIMEOUT(remoteRow(history) >= 0, 10000);
        const int row = remoteRow(history);
        const QModelIndex message = history->index(row, HistoryModel::Message);
        QVERIFY2(message.data().toString().startsWith("[GitHub]"),
                 qPrintable(message.data().toString()));
        QVERIFY(message.data(Qt::ToolTipRole).toString().contains(url));
        QCOMPARE(message.data(HistoryModel::RemoteUrlRole).toString(), url);
        // A local run is not marked.
        for (int r = 0; r < history->rowCount(); ++r) {
            if (r != row)
                QVERIFY(!history->index(r, HistoryModel::Message)
                             .data()
                             .toString()
                             .startsWith("[GitHub]"));
        }

        RunDetailsPane *details = m_window->historyBrowser()->details();
        QSignalSpy loaded(details, &RunDetailsPane::runLoaded);
        m_window->historyBrowser()->selectRun(history->runAt(row).id);
        QTRY_COMPARE(details->runId(), history->runAt(row).id);
        QTRY_VERIFY(!details->isLoading());
        QVERIFY2(details->headerText().contains("Ran on GitHub Actions: " + url),
                 qPrintable(details->headerText()));
        QVERIFY(details->remoteLabel()->isVisible());
        QVERIFY(details->remoteLabel()->text().contains("<a href=\"" + url + "\">"));
        m_window->showTab(MainWindow::WorkflowsTab);
    }

    // A run waiting on GitHub for a protected environment, imported: Review Deployment…
    // asks with the panel's approval dialog and approves it on GitHub, recorded with the
    // run; Cancel on GitHub asks first, then cancels it there, recorded too.
    void reviewsAndCancelsARemoteRun()
    {
        QVERIFY(select(view(), QStringLiteral("quick.yml")));
        Test::GitHubActionsFake::Run waiting;
        waiting.workflowId = m_fake->runs().constFirst().workflowId;
        waiting.name = QStringLiteral("Quick");
        waiting.status = QStringLiteral("waiting");
        Test::GitHubActionsFake::Job ship;
        ship.name = QStringLiteral("ship");
        ship.status = QStringLiteral("waiting");
        ship.environment = QStringLiteral("production");
        waiting.jobs = {ship};
        const qint64 remoteId = m_fake->addRun(waiting);
        QTRY_VERIFY_WITH_TIMEOUT(view()->importButton()->isEnabled(), 10000);
        QTest::mouseClick(view()->importButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(view()->remoteStatusText().contains("Imported"), 10000);
        const QString url =
            QStringLiteral("https://github.com/octo/docs/actions/runs/%1").arg(remoteId);
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                for (int r = 0; r < view()->runsModel()->rowCount(); ++r)
                    if (view()->runsModel()->runAt(r).remoteUrl == url)
                        return true;
                return false;
            }(),
            10000);
        qint64 runId = 0;
        for (int r = 0; r < view()->runsModel()->rowCount(); ++r) {
            if (view()->runsModel()->runAt(r).remoteUrl == url) {
                runId = view()->runsModel()->runAt(r).id;
                view()->runsView()->setCurrentIndex(view()->runsModel()->index(r, 0));
            }
        }
        QTRY_VERIFY(view()->reviewButton()->isEnabled());

        // The dialog runs modally: answered from the event loop it runs. A comment holding
        // the token is not sent (GitHub shows comments to every reader of the run); the
        // approver typed is recorded masked.
        QString shownFor;
        QString comment = "release 7 " + QString::fromLatin1(kToken);
        const auto answer =
            connect(view(), &WorkflowsView::reviewDialogShown, this, [&](ApprovalDialog *dialog) {
                QTimer::singleShot(0, dialog, [&, dialog] {
                    shownFor = dialog->windowTitle();
                    dialog->approverEdit()->setText("alice " + QString::fromLatin1(kToken));
                    dialog->reasonEdit()->setText(comment);
                    QTest::keyClicks(dialog->confirmEdit(), "production");
                    QTest::mouseClick(dialog->approveButton(), Qt::LeftButton);
                });
            });
        QTest::mouseClick(view()->reviewButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(view()->remoteStatusText().contains("holds the value of a secret"),
                                 10000);
        QVERIFY2(!view()->remoteStatusText().contains(QString::fromLatin1(kToken)),
                 qPrintable(view()->remoteStatusText()));
        QCOMPARE(m_fake->reviews.size(), 0);
        comment = QStringLiteral("release 7");
        QTRY_VERIFY(view()->reviewButton()->isEnabled());
        QTest::mouseClick(view()->reviewButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(m_fake->reviews.size(), 1, 10000);
        disconnect(answer);
        QVERIFY2(shownFor.contains("production"), qPrintable(shownFor));
        QCOMPARE(m_fake->reviews.constFirst().first, remoteId);
        QCOMPARE(m_fake->reviews.constFirst().second.value("state").toString(),
                 QStringLiteral("approved"));
        QCOMPARE(m_fake->reviews.constFirst().second.value("comment").toString(),
                 QStringLiteral("release 7"));
        auto store = HistoryStore::open(m_tmp.filePath("data"));
        QVERIFY(store);
        auto hasEvent = [&](EventKind kind) {
            for (const EventRecord &e : (*store)->events(runId).value_or(QList<EventRecord>{}))
                if (e.kind == kind)
                    return true;
            return false;
        };
        QTRY_VERIFY_WITH_TIMEOUT(hasEvent(EventKind::Approved), 10000);
        for (const EventRecord &e : (*store)->events(runId).value_or(QList<EventRecord>{})) {
            if (e.kind != EventKind::Approved)
                continue;
            QCOMPARE(e.who, QStringLiteral("alice ***"));
            QCOMPARE(e.params.value("by"), QStringLiteral("alice ***"));
            QCOMPARE(e.params.value("reason"), QStringLiteral("release 7"));
        }

        // Cancel asks first; No sends nothing, Yes cancels on GitHub.
        view()->remoteServiceForTesting()->stopFollowing();
        QTRY_VERIFY_WITH_TIMEOUT(view()->cancelRemoteButton()->isEnabled(), 10000);
        auto press = [](QMessageBox::StandardButton which) {
            QTimer::singleShot(0, [which] {
                if (auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget()))
                    box->button(which)->click();
            });
        };
        press(QMessageBox::No);
        QTest::mouseClick(view()->cancelRemoteButton(), Qt::LeftButton);
        QCOMPARE(m_fake->cancels.size(), 0);
        press(QMessageBox::Yes);
        QTest::mouseClick(view()->cancelRemoteButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(m_fake->cancels.size(), 1, 10000);
        QCOMPARE(m_fake->cancels.constFirst(), remoteId);
        QTRY_VERIFY_WITH_TIMEOUT(hasEvent(EventKind::CancelRequested), 10000);
    }

    // Every button and field of the tab is reached with Tab from the file list.
    // Import Runs reads past GitHub's first page (as deploydeskctl workflow import does),
    // saying how far it got as the pages arrive.
    void importReadsEveryPage()
    {
        QVERIFY(select(view(), QStringLiteral("quick.yml")));
        m_fake->addRuns(m_fake->runs().constFirst().workflowId, 250);
        QSignalSpy imported(view()->remoteService(), &RemoteService::imported);
        QSignalSpy progress(view()->remoteService(), &RemoteService::progress);
        QTRY_VERIFY_WITH_TIMEOUT(view()->importButton()->isEnabled(), 10000);
        QTest::mouseClick(view()->importButton(), Qt::LeftButton);
        QVERIFY(imported.wait(20000));
        QCOMPARE(imported.first().at(0).toInt(), 250); // all new, over three pages
        QStringList lines;
        for (const QList<QVariant> &args : std::as_const(progress))
            lines << args.at(0).toString();
        QVERIFY2(lines.join(u'\n').contains(QStringLiteral("from GitHub: 100 of ")),
                 qPrintable(lines.join(u'\n')));
    }

    void tabReachesTheButtons()
    {
        QVERIFY(select(view(), QStringLiteral("quick.yml")));
        QTRY_VERIFY(view()->importButton()->isEnabled());
        m_window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
        view()->fileList()->setFocus(Qt::TabFocusReason);
        QSet<QWidget *> reached;
        for (int i = 0; i < 12; ++i) {
            reached.insert(QApplication::focusWidget());
            QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        }
        for (QWidget *w : {static_cast<QWidget *>(view()->eventCombo()),
                           static_cast<QWidget *>(view()->runLocallyButton()),
                           static_cast<QWidget *>(view()->dispatchButton()),
                           static_cast<QWidget *>(view()->importButton()),
                           static_cast<QWidget *>(view()->planView()),
                           static_cast<QWidget *>(view()->runsView())})
            QVERIFY2(reached.contains(w), qPrintable(w->objectName()));
    }

    // Without a repository or a token: what is missing and how to fix it, in the tab.
    void saysHowToConnectGitHub()
    {
        const QByteArray token = qgetenv("GITHUB_TOKEN");
        qunsetenv("GITHUB_TOKEN");
        {
            WorkflowsView standalone;
            standalone.setDataDir(m_tmp.filePath("data"));
            QSignalSpy configured(standalone.remoteService(), &RemoteService::configured);
            standalone.setWorkspace(m_ws);
            QVERIFY(configured.wait(10000));
            QVERIFY2(standalone.gitHubText().contains(
                         "the secret GITHUB_TOKEN is not set: set a GitHub token with the actions "
                         "scope with `deploydeskctl secrets set GITHUB_TOKEN`"),
                     qPrintable(standalone.gitHubText()));
            QTRY_VERIFY(standalone.currentFile());
            QVERIFY(!standalone.dispatchButton()->isEnabled());
            QVERIFY(!standalone.importButton()->isEnabled());
        }
        qputenv("GITHUB_TOKEN", token);
        const QByteArray repository = qgetenv("GITHUB_REPOSITORY");
        qunsetenv("GITHUB_REPOSITORY");
        {
            WorkflowsView standalone;
            standalone.setDataDir(m_tmp.filePath("data"));
            QSignalSpy configured(standalone.remoteService(), &RemoteService::configured);
            standalone.setWorkspace(m_ws);
            QVERIFY(configured.wait(10000));
            QVERIFY2(standalone.gitHubText().contains("no GitHub repository: the workspace"),
                     qPrintable(standalone.gitHubText()));
            QVERIFY2(standalone.gitHubText().contains(
                         "\"github: repository: owner/name\" in deploydesk.yml"),
                     qPrintable(standalone.gitHubText()));
        }
        qputenv("GITHUB_REPOSITORY", repository);
    }
};

QTEST_MAIN(TestWorkflowsView)
#include "tst_workflowsview.moc"
