// The Embeddings tab against the real example corpus (a copy of examples/textbook/docs and its
// golden questions), the local embedder and the local index, through a real RunService and
// history: the figures are those of `deploydeskctl reembed --dry-run`; a re-embed is a
// recorded run whose progress reaches 100 % and whose version appears live; a cancelled
// re-embed resumes and ends with one point per chunk; a switch changes the live version and
// is recorded as a release; a question shows its hits.
#include "statuscompare.h"

#include "data/reembed/reembedjob.h"
#include "store/historystore.h"
#include "ui/approvalfields.h"
#include "ui/embeddings/embeddingsview.h"
#include "ui/runservice.h"
#include <QApplication>
#include <QTimer>

#include <QApplication>
#include <QComboBox>
#include <QDirIterator>
#include <QLabel>
#include <QLineEdit>
#include <QProcess>
#include <QProgressBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTreeWidget>

using namespace DeployDesk;
using namespace DeployDesk::Ui;

namespace {

// A workspace with the example's docs and golden questions and a pipeline of one stage: the
// example's reembed stage (small batches, so a re-embed takes many commits).
void makeWorkspace(const QString &dir, bool protectedStaging = false)
{
    const QString example = QStringLiteral(DD_EXAMPLE_DIR);
    QDirIterator it(example + "/docs", QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString from = it.next();
        const QString to = dir + "/docs/" + QDir(example + "/docs").relativeFilePath(from);
        QDir().mkpath(QFileInfo(to).absolutePath());
        QVERIFY(QFile::copy(from, to));
    }
    QVERIFY(QFile::copy(example + "/golden-questions.txt", dir + "/golden-questions.txt"));
    QFile yml(dir + "/deploydesk.yml");
    QVERIFY(yml.open(QIODevice::WriteOnly));
    yml.write(QByteArray("name: textbook-embeddings\n"
                         "environments:\n") +
              (protectedStaging ? "  staging: {protected: true}\n" : "  staging: {}\n") +
              "stages:\n"
              "  reembed:\n"
              "    uses: reembed\n"
              "    with:\n"
              "      docs: docs\n"
              "      embedder: local\n"
              "      index: local\n"
              "      index-folder: .index/$DEPLOYDESK_ENVIRONMENT\n"
              "      golden: golden-questions.txt\n"
              "      top-k: 3\n"
              "      chunk-tokens: 120\n"
              "      batch-size: 1\n");
}

QStringList column(const QTreeWidget *tree, int c)
{
    QStringList out;
    for (int i = 0; i < tree->topLevelItemCount(); ++i)
        out << tree->topLevelItem(i)->text(c);
    return out;
}

} // namespace

class TestEmbeddingsView : public QObject
{
    Q_OBJECT

    QTemporaryDir m_data;
    QTemporaryDir m_ws;
    std::unique_ptr<RunService> m_service;
    std::unique_ptr<EmbeddingsView> m_view;

    // The view on `workspace`, its first figures read.
    void open(const QString &workspace)
    {
        QSignalSpy loaded(m_service.get(), &RunService::loaded);
        m_service->load(workspace, "staging");
        QVERIFY(loaded.wait(30000));
        const auto result = loaded.at(0).at(0).value<LoadResult>();
        QVERIFY2(result.ok(), "the workspace loads");
        m_view = std::make_unique<EmbeddingsView>();
        m_view->setConfirmations(false);
        m_view->setRunService(m_service.get());
        QSignalSpy refreshed(m_view.get(), &EmbeddingsView::refreshed);
        m_view->setDataDir(m_data.path());
        m_view->setPipeline(result.pipeline, workspace);
        m_view->resize(1000, 700);
        m_view->show();
        QTRY_VERIFY_WITH_TIMEOUT(refreshed.count() >= 1 && !m_view->snapshot().stage.isEmpty(),
                                 30000);
        QVERIFY2(m_view->snapshot().error.isEmpty(), qPrintable(m_view->snapshot().error));
    }

    // Starts a re-embed from the view and waits for its run to end and the figures after it.
    RunRecord reembed(EmbeddingsView::Mode mode)
    {
        m_view->modeCombo()->setCurrentIndex(mode == EmbeddingsView::Mode::Full ? 1 : 0);
        QSignalSpy finished(m_view.get(), &EmbeddingsView::runFinished);
        [&] { QTRY_VERIFY_WITH_TIMEOUT(m_view->reembedButton()->isEnabled(), 30000); }();
        QTest::mouseClick(m_view->reembedButton(), Qt::LeftButton);
        if (!finished.wait(120000))
            return {};
        // The view reads the figures again once the run ended (earlier answers are dropped).
        QSignalSpy refreshed(m_view.get(), &EmbeddingsView::refreshed);
        [&] { QTRY_VERIFY_WITH_TIMEOUT(refreshed.count() >= 1, 30000); }();
        return finished.at(0).at(0).value<RunRecord>();
    }

    QString liveVersion() const
    {
        for (int i = 0; i < m_view->versionsView()->topLevelItemCount(); ++i)
            if (!m_view->versionsView()->topLevelItem(i)->text(1).isEmpty())
                return m_view->versionsView()->topLevelItem(i)->text(0);
        return {};
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_data.isValid() && m_ws.isValid());
        qputenv("DEPLOYDESK_DATA_DIR", m_data.path().toUtf8());
        makeWorkspace(m_ws.path());
        m_service = std::make_unique<RunService>(m_data.path());
        QSignalSpy opened(m_service.get(), &RunService::historyOpened);
        QVERIFY(opened.wait(30000));
        QCOMPARE(opened.at(0).at(0).toString(), QString());
    }

    void cleanup() { m_view.reset(); }

    void cleanupTestCase()
    {
        m_view.reset();
        m_service.reset();
    }

    // The figures and the per-file diff are those `deploydeskctl reembed --dry-run` prints.
    void figuresAreThoseOfTheDryRun()
    {
        open(m_ws.path());
        QProcess cli;
        cli.setWorkingDirectory(m_ws.path());
        cli.start(QStringLiteral(DD_BIN_DIR) + "/deploydeskctl",
                  {"reembed", "--dry-run", "--env", "staging"});
        QVERIFY(cli.waitForFinished(60000));
        const QString out = QString::fromUtf8(cli.readAllStandardOutput());
        QCOMPARE(cli.exitCode(), 0);
        const QStringList lines = out.split('\n', Qt::SkipEmptyParts);
        // The totals line of the dry run is the view's summary.
        QString totals;
        for (const QString &l : lines)
            if (l.contains("billed tokens"))
                totals = l;
        QVERIFY2(!totals.isEmpty(), qPrintable(out));
        QVERIFY2(m_view->diffSummary()->text().contains(totals),
                 qPrintable(m_view->diffSummary()->text() + " / " + totals));
        // Each file the dry run lists has the same figures in the view's table.
        const Data::ReembedPlan &plan = m_view->snapshot().plan;
        QVERIFY(plan.chunks > 10);
        QCOMPARE(m_view->diffView()->topLevelItemCount(), plan.diff.files.size());
        int listed = 0;
        for (int i = 0; i < m_view->diffView()->topLevelItemCount(); ++i) {
            const QTreeWidgetItem *row = m_view->diffView()->topLevelItem(i);
            if (row->text(1) == "0" && row->text(2) == "0" && row->text(3) == "0")
                continue;
            ++listed;
            const QString expected =
                QString("  %1: %2 new, %3 changed, %4 removed, %5 unchanged")
                    .arg(row->text(0), row->text(1), row->text(2), row->text(3), row->text(4));
            QVERIFY2(out.contains(expected), qPrintable(expected));
        }
        // No index yet: every doc of the example is new, and the dry run lists each.
        QCOMPARE(listed, int(lines.filter(QRegularExpression("^  \\S+: \\d+ new")).size()));
        QCOMPARE(listed, int(plan.diff.files.size()));
        QVERIFY(m_view->figuresLabel()->text().contains(QString("%1 chunks").arg(plan.chunks)));
        QVERIFY(m_view->figuresLabel()->text().contains(QString("%1 files").arg(plan.docs)));
        QVERIFY(m_view->versionsView()->topLevelItemCount() == 0);
        QVERIFY(m_view->reembedButton()->isEnabled());
        QVERIFY(!m_view->cancelButton()->isEnabled());
    }

    // A re-embed is a recorded run of the reembed stage; its progress reaches 100 %, the
    // version it built is listed live and the golden questions pass.
    void reembedIsARecordedRunAndListsTheNewVersion()
    {
        open(m_ws.path());
        QSignalSpy validated(m_view.get(), &EmbeddingsView::validated);
        QList<int> progress;
        connect(m_view->progressBar(), &QProgressBar::valueChanged, m_view.get(),
                [&progress](int v) { progress << v; });
        const RunRecord run = reembed(EmbeddingsView::Mode::Incremental);
        DD_COMPARE_STATUS(run.status, RunStatus::Success);
        QVERIFY(progress.size() > 3); // batches reported on the way
        // A bar again at the end, even if batches were stored while the docs were chunked
        // (no total yet: a busy bar).
        QCOMPARE(m_view->progressBar()->maximum(), 100);
        QCOMPARE(m_view->progressBar()->value(), 100);
        QVERIFY2(m_view->progressLabel()->text().contains("billed tokens"),
                 qPrintable(m_view->progressLabel()->text()));
        QCOMPARE(column(m_view->versionsView(), 0), QStringList{"v1"});
        QCOMPARE(liveVersion(), QString("v1"));
        QVERIFY(m_view->snapshot().plan.diff.isEmpty()); // nothing left to embed
        // The history has the run and its stage, as `deploydeskctl reembed` records them.
        auto store = HistoryStore::open(m_data.path());
        QVERIFY(store);
        auto stages = (*store)->stages(run.id);
        QVERIFY(stages);
        QCOMPARE(stages->size(), 1);
        QCOMPARE(stages->first().name, QString("reembed"));
        auto release = (*store)->liveRelease(m_ws.path(), "staging");
        QVERIFY(release && *release);
        QVERIFY((*release)->layer(Layer::VectorIndex));
        QCOMPARE((*release)->layer(Layer::VectorIndex)->deployment.deployment.version,
                 QString("v1"));
        // The golden questions were asked of the new live version.
        QTRY_VERIFY_WITH_TIMEOUT(validated.count() > 0, 30000);
        QCOMPARE(m_view->validationView()->topLevelItemCount(), 4);
        QCOMPARE(column(m_view->validationView(), 0),
                 QStringList({"pass", "pass", "pass", "pass"}));
    }

    // Switch makes another version live, and it is recorded as a release; the query box
    // answers from the version chosen.
    void switchChangesTheLiveVersionAndIsRecorded()
    {
        open(m_ws.path());
        const RunRecord full = reembed(EmbeddingsView::Mode::Full);
        DD_COMPARE_STATUS(full.status, RunStatus::Success);
        QCOMPARE(column(m_view->versionsView(), 0), QStringList({"v2", "v1"}));
        QCOMPARE(liveVersion(), QString("v2"));

        QSignalSpy finished(m_view.get(), &EmbeddingsView::runFinished);
        m_view->versionsView()->topLevelItem(1)->setSelected(true); // v1
        QVERIFY(m_view->switchButton()->isEnabled());
        QTest::mouseClick(m_view->switchButton(), Qt::LeftButton);
        QVERIFY(finished.wait(60000));
        DD_COMPARE_STATUS(finished.at(0).at(0).value<RunRecord>().status, RunStatus::Success);
        QTRY_COMPARE_WITH_TIMEOUT(liveVersion(), QString("v1"), 30000);

        auto store = HistoryStore::open(m_data.path());
        QVERIFY(store);
        auto release = (*store)->liveRelease(m_ws.path(), "staging");
        QVERIFY(release && *release);
        DD_COMPARE_STATUS((*release)->kind, ReleaseKind::IndexSwitch);
        QCOMPARE((*release)->runId, finished.at(0).at(0).value<RunRecord>().id);
        const ReleaseLayer *layer = (*release)->layer(Layer::VectorIndex);
        QVERIFY(layer && layer->changed);
        QCOMPARE(layer->deployment.deployment.version, QString("v1"));
        QCOMPARE(layer->deployment.stage, QString("reembed"));

        // Roll back: the version before the live one... v1 is the oldest, so none.
        QVERIFY(!m_view->rollbackButton()->isEnabled());
        // Switch to v2 again, then Roll back goes to v1 and is recorded too.
        finished.clear();
        m_view->switchTo(2);
        QVERIFY(finished.wait(60000));
        QTRY_COMPARE_WITH_TIMEOUT(liveVersion(), QString("v2"), 30000);
        QTRY_VERIFY_WITH_TIMEOUT(m_view->rollbackButton()->isEnabled(), 30000);
        finished.clear();
        QTest::mouseClick(m_view->rollbackButton(), Qt::LeftButton);
        QVERIFY(finished.wait(60000));
        QTRY_COMPARE_WITH_TIMEOUT(liveVersion(), QString("v1"), 30000);
        auto releases = (*store)->releases(m_ws.path(), "staging", 10);
        QVERIFY(releases);
        QCOMPARE(releases->first().layer(Layer::VectorIndex)->deployment.deployment.version,
                 QString("v1"));
        QCOMPARE(releases->at(1).layer(Layer::VectorIndex)->deployment.deployment.version,
                 QString("v2"));
    }

    // In a protected environment Switch asks for the approval a rollback asks for: the
    // environment's name typed (and who approves) before the button does anything.
    void aProtectedSwitchNeedsTheEnvironmentTyped()
    {
        QTemporaryDir ws;
        QVERIFY(ws.isValid());
        makeWorkspace(ws.path(), true);
        open(ws.path());
        // The re-embed runs wait for approval; the test gives it.
        auto approval = connect(m_service.get(), &RunService::approvalRequired, this,
                                [this] { m_service->approve("tester", "test re-embed"); });
        DD_COMPARE_STATUS(reembed(EmbeddingsView::Mode::Full).status, RunStatus::Success);
        DD_COMPARE_STATUS(reembed(EmbeddingsView::Mode::Full).status, RunStatus::Success);
        disconnect(approval);
        QCOMPARE(liveVersion(), QString("v2"));

        m_view->setConfirmations(true);
        m_view->versionsView()->clearSelection();
        m_view->versionsView()->topLevelItem(1)->setSelected(true); // v1
        QVERIFY(m_view->switchButton()->isEnabled());
        bool checked = false;
        QTimer::singleShot(0, this, [&] {
            QWidget *dialog = nullptr;
            QTRY_VERIFY_WITH_TIMEOUT((dialog = QApplication::activeModalWidget()), 10000);
            auto *fields = dialog->findChild<ApprovalFields *>();
            QVERIFY(fields && fields->needsApproval());
            QPushButton *yes = nullptr;
            for (auto *b : dialog->findChildren<QPushButton *>())
                if (b->text().contains("v1"))
                    yes = b;
            QVERIFY(yes);
            QVERIFY2(!yes->isEnabled(), "Switch is refused until the name is typed");
            fields->approverEdit()->setText("tester");
            fields->confirmEdit()->setText("stagin");
            QVERIFY(!yes->isEnabled());
            fields->confirmEdit()->setText("staging");
            QVERIFY(yes->isEnabled());
            checked = true;
            QTest::mouseClick(yes, Qt::LeftButton);
        });
        QSignalSpy finished(m_view.get(), &EmbeddingsView::runFinished);
        QTest::mouseClick(m_view->switchButton(), Qt::LeftButton);
        QVERIFY(checked);
        QVERIFY(finished.wait(60000));
        DD_COMPARE_STATUS(finished.at(0).at(0).value<RunRecord>().status, RunStatus::Success);
        QTRY_COMPARE_WITH_TIMEOUT(liveVersion(), QString("v1"), 30000);
    }

    // A question shows the top hits of the version chosen: score, page and heading.
    void queryShowsTopHits()
    {
        open(m_ws.path());
        QSignalSpy answered(m_view.get(), &EmbeddingsView::answered);
        m_view->questionEdit()->setText("PID controller gains");
        m_view->topSpin()->setValue(3);
        const int v2 = m_view->versionCombo()->findText("v2");
        QVERIFY(v2 > 0);
        m_view->versionCombo()->setCurrentIndex(v2);
        QTest::keyClick(m_view->questionEdit(), Qt::Key_Return);
        QVERIFY(answered.wait(30000));
        QCOMPARE(m_view->hitsView()->topLevelItemCount(), 3);
        QCOMPARE(m_view->hitsView()->topLevelItem(0)->text(1).section('#', 0, 0),
                 QString("/docs/control/pid-control"));
        QVERIFY(!m_view->hitsView()->topLevelItem(0)->text(2).isEmpty()); // the heading
        QVERIFY(m_view->hitsView()->topLevelItem(0)->text(0).toDouble() > 0);
    }

    // A cancelled re-embed keeps what it committed; Resume continues it and the index ends
    // with exactly one point per chunk (nothing embedded twice is stored twice).
    void cancelThenResumeCompletesWithoutDuplicates()
    {
        QTemporaryDir ws;
        makeWorkspace(ws.path());
        open(ws.path());
        const int chunks = m_view->snapshot().plan.chunks;
        QSignalSpy finished(m_view.get(), &EmbeddingsView::runFinished);
        connect(m_view->progressBar(), &QProgressBar::valueChanged, m_view.get(), [this](int v) {
            if (v > 0 && v < 50)
                m_view->cancelReembed();
        });
        m_view->modeCombo()->setCurrentIndex(1); // full: a new version, switched at the end
        QTRY_VERIFY_WITH_TIMEOUT(m_view->reembedButton()->isEnabled(), 30000);
        QTest::mouseClick(m_view->reembedButton(), Qt::LeftButton);
        QVERIFY(finished.wait(120000));
        DD_COMPARE_STATUS(finished.at(0).at(0).value<RunRecord>().status, RunStatus::Cancelled);
        QTRY_VERIFY_WITH_TIMEOUT(m_view->resumeButton()->isEnabled(), 30000);
        QTRY_VERIFY_WITH_TIMEOUT(m_view->snapshot().plan.resumed, 30000); // v1 unfinished
        QCOMPARE(liveVersion(), QString());                               // nothing switched
        const int left = m_view->snapshot().plan.diff.inputs();
        QVERIFY2(left > 0 && left < chunks, qPrintable(QString("%1 of %2").arg(left).arg(chunks)));

        m_view->progressBar()->disconnect(m_view.get());
        finished.clear();
        QTest::mouseClick(m_view->resumeButton(), Qt::LeftButton);
        QVERIFY(finished.wait(120000));
        DD_COMPARE_STATUS(finished.at(0).at(0).value<RunRecord>().status, RunStatus::Success);
        QTRY_COMPARE_WITH_TIMEOUT(liveVersion(), QString("v1"), 30000);
        QCOMPARE(column(m_view->versionsView(), 0), QStringList{"v1"}); // continued, not a v2
        QCOMPARE(m_view->versionsView()->topLevelItem(0)->text(2), QString::number(chunks));
        // Incremental from here: nothing is left to embed.
        QSignalSpy refreshed(m_view.get(), &EmbeddingsView::refreshed);
        m_view->modeCombo()->setCurrentIndex(0);
        QVERIFY(refreshed.wait(30000));
        QVERIFY(!m_view->snapshot().plan.resumed);
        QVERIFY(m_view->snapshot().plan.diff.isEmpty());
        QCOMPARE(m_view->snapshot().plan.chunks, chunks);
    }
};

QTEST_MAIN(TestEmbeddingsView)

#include "tst_embeddingsview.moc"
