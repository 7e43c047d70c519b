// Which stages a run covers and which of them would start: what the run, its secrets check
// and its plan are built from.
#include "config/pipeline.h"

#include <QTest>

using namespace DeployDesk;

namespace {

Stage stage(const QString &name, const QStringList &needs = {}, const QStringList &onlyIn = {})
{
    Stage s;
    s.name = name;
    s.needs = needs;
    if (!onlyIn.isEmpty()) {
        s.condition.op = StageCondition::Op::In;
        s.condition.values = onlyIn;
    }
    return s;
}

// lint ← test ← build ← deploy-prod (production only); docs stands alone; `smoke` is listed
// before what it needs (file order is not dependency order).
Pipeline sample()
{
    Pipeline p;
    p.stages = {stage(QStringLiteral("smoke"), {QStringLiteral("deploy-prod")}),
                stage(QStringLiteral("lint")),
                stage(QStringLiteral("test"), {QStringLiteral("lint")}),
                stage(QStringLiteral("build"), {QStringLiteral("test")}),
                stage(QStringLiteral("deploy-prod"), {QStringLiteral("build")},
                      {QStringLiteral("production")}),
                stage(QStringLiteral("docs"))};
    return p;
}

} // namespace

class TestPipelineGraph : public QObject
{
    Q_OBJECT

private slots:
    void coveredStagesAreTheSelectionAndAllItNeedsInFileOrder_data()
    {
        QTest::addColumn<QStringList>("selection");
        QTest::addColumn<QStringList>("covered");
        QTest::newRow("everything") << QStringList{} << QStringList{"smoke", "lint",        "test",
                                                                    "build", "deploy-prod", "docs"};
        QTest::newRow("one without needs") << QStringList{"docs"} << QStringList{"docs"};
        QTest::newRow("a chain") << QStringList{"build"} << QStringList{"lint", "test", "build"};
        QTest::newRow("two, overlapping")
            << QStringList{"test", "build", "docs"} << QStringList{"lint", "test", "build", "docs"};
        QTest::newRow("needing what comes later in the file")
            << QStringList{"smoke"} << QStringList{"smoke", "lint", "test", "build", "deploy-prod"};
        QTest::newRow("a name not in the file") << QStringList{"nope"} << QStringList{};
    }
    void coveredStagesAreTheSelectionAndAllItNeedsInFileOrder()
    {
        QFETCH(QStringList, selection);
        QFETCH(QStringList, covered);
        QCOMPARE(sample().coveredStages(selection), covered);
    }

    void stagesThatWouldStart_data()
    {
        QTest::addColumn<QString>("environment");
        QTest::addColumn<QStringList>("selection");
        QTest::addColumn<QStringList>("done");
        QTest::addColumn<QStringList>("starting");
        QTest::newRow("production, everything")
            << "production" << QStringList{} << QStringList{}
            << QStringList{"smoke", "lint", "test", "build", "deploy-prod", "docs"};
        // Without the deploy, what needs it does not start either.
        QTest::newRow("staging, everything") << "staging" << QStringList{} << QStringList{}
                                             << QStringList{"lint", "test", "build", "docs"};
        QTest::newRow("no environment")
            << "" << QStringList{"smoke"} << QStringList{} << QStringList{"lint", "test", "build"};
        // Reused stages are not started, and count as met for what needs them.
        QTest::newRow("a re-run with the first two reused")
            << "production" << QStringList{"build"} << QStringList{"lint", "test"}
            << QStringList{"build"};
        QTest::newRow("a need that is done though not covered")
            << "production" << QStringList{"docs"} << QStringList{"build"} << QStringList{"docs"};
    }
    void stagesThatWouldStart()
    {
        QFETCH(QString, environment);
        QFETCH(QStringList, selection);
        QFETCH(QStringList, done);
        QFETCH(QStringList, starting);
        QCOMPARE(sample().stagesThatWouldStart(environment, selection, done), starting);
    }

    void aNeedGoneFromTheFileDoesNotBlock()
    {
        Pipeline p;
        p.stages = {stage(QStringLiteral("build"), {QStringLiteral("removed")})};
        QCOMPARE(p.stagesThatWouldStart(QString()), QStringList{QStringLiteral("build")});
    }

    void theFirstOfARepeatedNameIsTheOneFound()
    {
        Pipeline p;
        p.stages = {stage(QStringLiteral("a"), {QStringLiteral("x")}), stage(QStringLiteral("a")),
                    stage(QStringLiteral("b"))};
        QCOMPARE(p.stage(QStringLiteral("a")), &p.stages[0]);
        const auto byName = p.stagesByName();
        QCOMPARE(byName.size(), 2);
        QCOMPARE(byName.value(QStringLiteral("a")), &p.stages[0]);
        QCOMPARE(byName.value(QStringLiteral("b")), &p.stages[2]);
        QCOMPARE(byName.value(QStringLiteral("c")), nullptr);
    }

    void aLongChainListedBackwardsSettles()
    {
        // Each stage needs the one after it in the file: one pass starts a single stage.
        Pipeline p;
        const int n = 300;
        for (int i = 0; i < n; ++i)
            p.stages << stage(QStringLiteral("s%1").arg(i),
                              i + 1 < n ? QStringList{QStringLiteral("s%1").arg(i + 1)}
                                        : QStringList{});
        QCOMPARE(p.stagesThatWouldStart(QString()).size(), n);
        QCOMPARE(p.coveredStages({QStringLiteral("s0")}).size(), n);
        QCOMPARE(p.coveredStages({QStringLiteral("s%1").arg(n - 1)}),
                 QStringList{QStringLiteral("s%1").arg(n - 1)});
    }
};

QTEST_GUILESS_MAIN(TestPipelineGraph)
#include "tst_pipelinegraph.moc"
