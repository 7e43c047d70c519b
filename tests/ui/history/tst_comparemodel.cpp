// Comparing two runs: the union of their stages, the stage whose result changed stands
// out and survives "Only changes", duration changes read as a user writes them.
#include "ui/history/comparemodel.h"

#include <QAbstractItemModelTester>
#include <QFont>
#include <QTest>

using namespace DeployDesk;
using Ui::CompareModel;

namespace {
StageRecord stage(const QString &name, StageStatus status, qint64 ms)
{
    StageRecord s;
    s.name = name;
    s.status = status;
    s.startedAt = QDateTime(QDate(2026, 3, 1), QTime(12, 0), Qt::UTC);
    s.finishedAt = s.startedAt.addMSecs(ms);
    return s;
}

RunRecord run(qint64 id)
{
    RunRecord r;
    r.id = id;
    return r;
}

int rowOf(const CompareModel &model, const QString &name)
{
    for (int row = 0; row < model.rowCount(); ++row) {
        if (model.index(row, CompareModel::Stage).data().toString() == name)
            return row;
    }
    return -1;
}
} // namespace

class TestCompareModel : public QObject
{
    Q_OBJECT

private slots:
    void showsTheChangedStage()
    {
        CompareModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::Fatal);
        model.setRuns(run(7),
                      {stage("build", StageStatus::Success, 10'000),
                       stage("test", StageStatus::Success, 20'000),
                       stage("deploy", StageStatus::Success, 5'000)},
                      run(9),
                      {stage("build", StageStatus::Success, 11'200),
                       stage("lint", StageStatus::Success, 1'000),
                       stage("test", StageStatus::Failed, 17'000),
                       stage("deploy", StageStatus::Success, 5'000)});
        // The union, in pipeline order: "lint" (only in run 9) after "build".
        QCOMPARE(model.rowCount(), 4);
        QStringList names;
        for (int row = 0; row < model.rowCount(); ++row)
            names << model.index(row, CompareModel::Stage).data().toString();
        QCOMPARE(names, (QStringList{"build", "lint", "test", "deploy"}));
        QCOMPARE(model.headerData(CompareModel::StatusA, Qt::Horizontal).toString(), "Run 7");
        QCOMPARE(model.headerData(CompareModel::StatusB, Qt::Horizontal).toString(), "Run 9");

        const int test = rowOf(model, "test");
        QVERIFY(model.index(test, 0).data(CompareModel::ChangedRole).toBool());
        QVERIFY(model.index(test, 0).data(Qt::FontRole).value<QFont>().bold());
        QVERIFY(!model.index(test, 0).data(Qt::DecorationRole).value<QIcon>().isNull());
        QCOMPARE(model.index(test, CompareModel::StatusA).data(CompareModel::StatusNameRole),
                 QVariant("success"));
        QCOMPARE(model.index(test, CompareModel::StatusB).data(CompareModel::StatusNameRole),
                 QVariant("failed"));
        QCOMPARE(model.index(test, CompareModel::Delta).data().toString(),
                 QStringLiteral("\u22123 s"));

        const int build = rowOf(model, "build");
        QVERIFY(!model.index(build, 0).data(CompareModel::ChangedRole).toBool());
        QVERIFY(!model.index(build, 0).data(Qt::FontRole).value<QFont>().bold());
        QCOMPARE(model.index(build, CompareModel::Delta).data().toString(), "+1.2 s");
        QCOMPARE(model.index(build, CompareModel::DurationA).data().toString(), "10 s");

        const int lint = rowOf(model, "lint");
        QVERIFY(model.index(lint, 0).data(CompareModel::ChangedRole).toBool());
        QCOMPARE(model.index(lint, CompareModel::StatusA).data().toString(), "not run");
        QCOMPARE(model.index(lint, CompareModel::Delta).data().toString(), QString());
        QCOMPARE(model.changedCount(), 2);

        model.setOnlyChanges(true);
        names.clear();
        for (int row = 0; row < model.rowCount(); ++row)
            names << model.index(row, CompareModel::Stage).data().toString();
        QCOMPARE(names, (QStringList{"lint", "test"}));
        model.setOnlyChanges(false);
        QCOMPARE(model.rowCount(), 4);
    }

    void emptyRunsGiveAnEmptyModel()
    {
        CompareModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::Fatal);
        model.setRuns(run(1), {}, run(2), {});
        QCOMPARE(model.rowCount(), 0);
        model.setOnlyChanges(true);
        QCOMPARE(model.rowCount(), 0);
    }

    void deltas_data()
    {
        QTest::addColumn<qint64>("ms");
        QTest::addColumn<QString>("text");
        QTest::newRow("zero") << qint64(0) << "0 ms";
        QTest::newRow("tenths") << qint64(1200) << "+1.2 s";
        QTest::newRow("whole seconds") << qint64(-3000) << "\u22123 s";
        QTest::newRow("rounds") << qint64(2960) << "+3 s";
        QTest::newRow("minutes") << qint64(125'000) << "+2 min 5 s";
        QTest::newRow("minus minutes") << qint64(-3'600'000) << "\u22121 h";
    }

    void deltas()
    {
        QFETCH(qint64, ms);
        QFETCH(QString, text);
        QCOMPARE(CompareModel::formatDelta(ms), text);
    }
};

QTEST_MAIN(TestCompareModel)
#include "tst_comparemodel.moc"
