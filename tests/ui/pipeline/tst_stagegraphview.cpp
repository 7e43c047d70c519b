// The stage graph widget, offscreen: one node per stage of the example, live states,
// click and keyboard activation, zoom, tooltips, and a 40-stage graph that fits.

#include "ui/pipeline/stagegraphview.h"

#include "ui/common/statusstyle.h"
#include "ui/pipeline/stagenodepainter.h"

#include "config/pipelineloader.h"
#include "store/records.h"

#include "pipelinebuilder.h"
#include "statuscompare.h"

#include <QHelpEvent>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTest>
#include <QToolTip>

using namespace DeployDesk;
using Ui::StageGraphView;

namespace {

Pipeline examplePipeline()
{
    const LoadResult loaded =
        PipelineLoader::loadFile(QStringLiteral(DD_SOURCE_DIR "/examples/textbook/deploydesk.yml"));
    return loaded.pipeline;
}

StageRecord record(const QString &name, StageStatus status, int attempts = 1)
{
    StageRecord r;
    r.name = name;
    r.status = status;
    r.attempts = attempts;
    return r;
}

} // namespace

class tst_StageGraphView final : public QObject
{
    Q_OBJECT

private slots:
    void exampleGivesOneNodePerStage();
    void updateStageChangesTheNode();
    void nodeIsPaintedInItsStatusColour();
    void clickOpensTheStage();
    void keyboardSelectsAndEnterOpens();
    void zoomShortcuts();
    void fortyStagesFitWithoutOverlap();
    void conditionSkippedStagesAreMarked();
    void tooltipShowsTheCommand();
    void allowedFailureIsAmberWithANote();
};

void tst_StageGraphView::exampleGivesOneNodePerStage()
{
    const Pipeline pipeline = examplePipeline();
    QCOMPARE(pipeline.stages.size(), 10); // checks, build, migrate, re-embed, two deploys, a gate
    StageGraphView view;
    view.resize(1000, 500);
    view.setPipeline(pipeline);
    QStringList expected;
    for (const Stage &stage : pipeline.stages)
        expected << stage.name;
    QCOMPARE(view.stageNames(), expected);
    for (const QString &name : expected) {
        QVERIFY(!view.nodeRect(name).isEmpty());
        DD_COMPARE_STATUS(view.stageStatus(name), StageStatus::Pending);
    }
    // build-site needs the four others: it is drawn to their right.
    for (const QString &name : expected.mid(0, 4))
        QVERIFY(view.nodeRect(name).right() < view.nodeRect("build-site").left());
    QVERIFY(view.nodeRect("ghost").isEmpty());
}

void tst_StageGraphView::updateStageChangesTheNode()
{
    Pipeline pipeline = examplePipeline();
    pipeline.stages[0].retries = 2;
    StageGraphView view;
    view.setPipeline(pipeline);
    QVERIFY(!view.isElapsedTimerActive());

    StageRecord lint = record("lint", StageStatus::Running);
    lint.startedAt = QDateTime::currentDateTimeUtc().addSecs(-5);
    view.updateStage(lint);
    DD_COMPARE_STATUS(view.stageStatus("lint"), StageStatus::Running);
    QVERIFY(view.isElapsedTimerActive()); // the live clock ticks only while something runs
    QVERIFY2(view.nodeSubtitle("lint").contains(QLatin1String("5 s")),
             qPrintable(view.nodeSubtitle("lint")));

    lint.status = StageStatus::Failed;
    lint.attempts = 2;
    lint.finishedAt = lint.startedAt.addMSecs(12'345);
    view.updateStage(lint);
    DD_COMPARE_STATUS(view.stageStatus("lint"), StageStatus::Failed);
    QVERIFY(!view.isElapsedTimerActive());
    const QString subtitle = view.nodeSubtitle("lint");
    QVERIFY2(subtitle.contains(QLatin1String("12.3 s")), qPrintable(subtitle));
    QVERIFY2(subtitle.contains(QLatin1String("attempt 2/3")), qPrintable(subtitle));
    QVERIFY2(subtitle.contains(Ui::statusText(StageStatus::Failed)), qPrintable(subtitle));

    StageRecord reused = record("typecheck", StageStatus::Success);
    reused.reusedFrom = 17;
    view.updateStage(reused);
    QVERIFY(view.nodeSubtitle("typecheck").contains(QLatin1String("reused")));

    view.updateStage(record("no-such-stage", StageStatus::Failed)); // ignored
    view.resetStates();
    DD_COMPARE_STATUS(view.stageStatus("lint"), StageStatus::Pending);
    DD_COMPARE_STATUS(view.stageStatus("typecheck"), StageStatus::Pending);
    QVERIFY(!view.nodeSubtitle("lint").contains(QLatin1String("attempt")));
}

void tst_StageGraphView::nodeIsPaintedInItsStatusColour()
{
    StageGraphView view;
    view.resize(900, 500);
    view.setPipeline(examplePipeline());
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    const QRect node = view.nodeRect("test-site");
    const QPoint stripe(node.left() + 2, node.center().y());
    auto pixelAt = [&](QPoint p) { return view.viewport()->grab().toImage().pixelColor(p); };
    QCOMPARE(pixelAt(stripe), Ui::statusColour(StageStatus::Pending));
    view.updateStage(record("test-site", StageStatus::Failed));
    QCOMPARE(pixelAt(stripe), Ui::statusColour(StageStatus::Failed));
}

void tst_StageGraphView::clickOpensTheStage()
{
    StageGraphView view;
    view.resize(900, 500);
    view.setPipeline(examplePipeline());
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QSignalSpy activated(&view, &StageGraphView::stageActivated);
    QSignalSpy selected(&view, &StageGraphView::stageSelected);

    QTest::mouseClick(view.viewport(), Qt::LeftButton, {}, view.nodeRect("test-backend").center());
    QCOMPARE(activated.count(), 1);
    QCOMPARE(activated.first().first().toString(), QStringLiteral("test-backend"));
    QCOMPARE(selected.count(), 1);
    QCOMPARE(view.currentStage(), QStringLiteral("test-backend"));

    // A click between nodes opens nothing.
    const QRect a = view.nodeRect("test-backend");
    QTest::mouseClick(view.viewport(), Qt::LeftButton, {}, QPoint(a.right() + 20, a.center().y()));
    QCOMPARE(activated.count(), 1);
}

void tst_StageGraphView::keyboardSelectsAndEnterOpens()
{
    StageGraphView view;
    view.resize(900, 500);
    view.setPipeline(examplePipeline());
    view.show();
    QVERIFY(QTest::qWaitForWindowActive(&view));
    view.setFocus();
    QSignalSpy activated(&view, &StageGraphView::stageActivated);

    QTest::keyClick(&view, Qt::Key_Return); // nothing selected yet: nothing opens
    QCOMPARE(activated.count(), 0);
    QTest::keyClick(&view, Qt::Key_Down); // first key selects the first stage
    QCOMPARE(view.currentStage(), QStringLiteral("lint"));
    QTest::keyClick(&view, Qt::Key_Right); // into the next column
    QVERIFY(view.nodeRect(view.currentStage()).left() > view.nodeRect("lint").right());
    // Right until nothing is further right: the health gate after both deploys.
    for (int i = 0; i < 5; ++i)
        QTest::keyClick(&view, Qt::Key_Right);
    QCOMPARE(view.currentStage(), QStringLiteral("smoke-test"));
    QTest::keyClick(&view, Qt::Key_Return);
    QCOMPARE(activated.count(), 1);
    QCOMPARE(activated.first().first().toString(), QStringLiteral("smoke-test"));

    QTest::keyClick(&view, Qt::Key_Left);
    const QString back = view.currentStage();
    QVERIFY(back != QLatin1String("smoke-test"));
    // Up and Down walk the column in drawing order.
    const QStringList column{"lint", "typecheck", "test-backend", "test-site"};
    QStringList byY = column;
    std::sort(byY.begin(), byY.end(), [&](const QString &x, const QString &y) {
        return view.nodeRect(x).top() < view.nodeRect(y).top();
    });
    view.setCurrentStage(byY.first());
    for (int i = 1; i < byY.size(); ++i) {
        QTest::keyClick(&view, Qt::Key_Down);
        QCOMPARE(view.currentStage(), byY[i]);
    }
    QTest::keyClick(&view, Qt::Key_Up);
    QCOMPARE(view.currentStage(), byY[byY.size() - 2]);
    QTest::keyClick(&view, Qt::Key_Enter);
    QCOMPARE(activated.count(), 2);
    QCOMPARE(activated.last().first().toString(), byY[byY.size() - 2]);
}

void tst_StageGraphView::zoomShortcuts()
{
    StageGraphView view;
    view.resize(1400, 600); // wide enough for the example's four columns at full size
    view.setPipeline(examplePipeline());
    view.show();
    QVERIFY(QTest::qWaitForWindowActive(&view));
    view.setFocus();
    const int width = view.nodeRect("lint").width();

    QTest::keyClick(&view, Qt::Key_Equal, Qt::ControlModifier);
    QVERIFY(view.zoom() > 1.0);
    QVERIFY(view.nodeRect("lint").width() > width);
    QTest::keyClick(&view, Qt::Key_Minus, Qt::ControlModifier);
    QTest::keyClick(&view, Qt::Key_Minus, Qt::ControlModifier);
    QVERIFY(view.zoom() < 1.0);
    QVERIFY(view.nodeRect("lint").width() < width);
    QTest::keyClick(&view, Qt::Key_0, Qt::ControlModifier);
    QCOMPARE(view.zoom(), 1.0); // the small example fits at full size

    QWheelEvent wheel(QPointF(100, 100), view.mapToGlobal(QPointF(100, 100)), QPoint(),
                      QPoint(0, 120), Qt::NoButton, Qt::ControlModifier, Qt::NoScrollPhase, false);
    QCoreApplication::sendEvent(view.viewport(), &wheel);
    QVERIFY(view.zoom() > 1.0);
}

void tst_StageGraphView::fortyStagesFitWithoutOverlap()
{
    const Pipeline pipeline = Test::generatedPipeline(40, 6);
    StageGraphView view;
    view.resize(1200, 800);
    view.setPipeline(pipeline);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.zoomToFit();
    QVERIFY(view.zoom() >= 0.3); // still readable
    const QRect viewport = view.viewport()->rect();
    const QStringList names = view.stageNames();
    QCOMPARE(names.size(), 40);
    for (int i = 0; i < names.size(); ++i) {
        const QRect r = view.nodeRect(names[i]);
        QVERIFY2(viewport.contains(r), qPrintable(names[i]));
        for (int j = i + 1; j < names.size(); ++j)
            QVERIFY2(!r.intersects(view.nodeRect(names[j])),
                     qPrintable(names[i] + " overlaps " + names[j]));
    }

    // At full size it scrolls; selecting a far stage with the keyboard brings it into view.
    view.setZoom(1.0);
    QVERIFY(view.horizontalScrollBar()->maximum() > 0);
    view.setCurrentStage(names.last());
    QVERIFY(viewport.contains(view.nodeRect(names.last())));
}

void tst_StageGraphView::conditionSkippedStagesAreMarked()
{
    Pipeline pipeline = examplePipeline();
    pipeline.stages[4].condition.op = StageCondition::Op::Equals;
    pipeline.stages[4].condition.values = {"production"};
    StageGraphView view;
    view.setPipeline(pipeline);
    view.setEnvironment("preview");
    QVERIFY(view.isSkippedByCondition("build-site"));
    QVERIFY(view.nodeSubtitle("build-site").contains(QLatin1String("preview")));
    QVERIFY(!view.isSkippedByCondition("lint"));
    view.setEnvironment("production");
    QVERIFY(!view.isSkippedByCondition("build-site"));
}

void tst_StageGraphView::tooltipShowsTheCommand()
{
    StageGraphView view;
    view.resize(900, 500);
    view.setPipeline(examplePipeline());
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    StageRecord failed = record("lint", StageStatus::Failed);
    failed.reason = QStringLiteral("exit code 1");
    view.updateStage(failed);
    const QPoint at = view.nodeRect("lint").center();
    QHelpEvent help(QEvent::ToolTip, at, view.viewport()->mapToGlobal(at));
    QCoreApplication::sendEvent(view.viewport(), &help);
    QTRY_VERIFY(QToolTip::isVisible());
    QVERIFY2(QToolTip::text().contains(QLatin1String("-m flake8 backend site")),
             qPrintable(QToolTip::text()));
    QVERIFY(QToolTip::text().contains(QLatin1String("exit code 1")));
    QToolTip::hideText();
}

// A continue-on-error failure does not look like a real one: amber, "allowed" (issue 10 §5).
void tst_StageGraphView::allowedFailureIsAmberWithANote()
{
    StageGraphView view;
    view.resize(900, 500);
    view.setPipeline(examplePipeline());
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    const QRect node = view.nodeRect("test-site");
    const QPoint stripe(node.left() + 2, node.center().y());
    auto pixelAt = [&](QPoint p) { return view.viewport()->grab().toImage().pixelColor(p); };
    StageRecord allowed = record("test-site", StageStatus::Failed);
    allowed.allowedFailure = true;
    view.updateStage(allowed);
    QCOMPARE(pixelAt(stripe), Ui::Internal::allowedFailureColour());
    QVERIFY(pixelAt(stripe) != Ui::statusColour(StageStatus::Failed));
    QVERIFY2(view.nodeSubtitle("test-site").contains(QLatin1String("allowed")),
             qPrintable(view.nodeSubtitle("test-site")));
    // The same stage failing for real is red again.
    view.updateStage(record("test-site", StageStatus::Failed));
    QCOMPARE(pixelAt(stripe), Ui::statusColour(StageStatus::Failed));
    QVERIFY(!view.nodeSubtitle("test-site").contains(QLatin1String("allowed")));
}

QTEST_MAIN(tst_StageGraphView)
#include "tst_stagegraphview.moc"
