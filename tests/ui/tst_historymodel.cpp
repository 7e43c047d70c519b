// The history list's model: pages in as the view asks, newest first, no run twice or
// missing, filters applied, and a valid model by QAbstractItemModelTester's rules.
#include "ui/historymodel.h"

#include "store/historystore.h"

#include <QAbstractItemModelTester>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

using namespace DeployDesk;
using Ui::HistoryModel;

class TestHistoryModel : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<HistoryStore> m_store;
    static constexpr int kRuns = 250;

private slots:
    void initTestCase()
    {
        auto opened = HistoryStore::open(m_dir.path());
        QVERIFY(opened);
        m_store = std::move(*opened);
        const QDateTime start = QDateTime::currentDateTimeUtc().addDays(-1);
        for (int i = 0; i < kRuns; ++i) {
            RunRecord r;
            r.workspace = i % 5 == 0 ? "/ws/other" : "/ws/textbook";
            r.pipeline = "textbook";
            r.environment = i % 2 ? "production" : "preview";
            r.status = i % 3 == 0 ? RunStatus::Failed : RunStatus::Success;
            r.triggeredBy = "ana";
            r.message = QStringLiteral("run number %1").arg(i + 1);
            r.startedAt = start.addSecs(i * 60);
            r.finishedAt = r.startedAt.addSecs(90);
            QVERIFY(m_store->createRun(r));
        }
    }

    void pagesInNewestFirstWithoutGapsOrRepeats()
    {
        HistoryModel model(m_store.get());
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.refresh();
        QCOMPARE(model.rowCount(), HistoryModel::kPageSize); // one page before any scrolling
        QVERIFY(model.canFetchMore());
        while (model.canFetchMore())
            model.fetchMore();
        QCOMPARE(model.rowCount(), kRuns);
        QSet<qint64> seen;
        qint64 previous = std::numeric_limits<qint64>::max();
        for (int row = 0; row < model.rowCount(); ++row) {
            const qint64 id = model.index(row, 0).data(HistoryModel::RunIdRole).toLongLong();
            QVERIFY(id < previous);
            previous = id;
            seen.insert(id);
        }
        QCOMPARE(seen.size(), kRuns);
        QCOMPARE(model.index(0, HistoryModel::Message).data().toString(),
                 QStringLiteral("run number 250"));
        QCOMPARE(model.index(0, HistoryModel::Duration).data().toString(), QStringLiteral("1m30s"));
        QVERIFY(model.lastError().isEmpty());
    }

    void filtersApply()
    {
        HistoryModel model(m_store.get());
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        RunFilter filter;
        filter.workspace = "/ws/textbook";
        filter.environment = "production";
        filter.status = "failed";
        model.setFilter(filter);
        while (model.canFetchMore())
            model.fetchMore();
        int expected = 0;
        for (int i = 0; i < kRuns; ++i)
            expected += (i % 5 != 0 && i % 2 == 1 && i % 3 == 0) ? 1 : 0;
        QCOMPARE(model.rowCount(), expected);
        for (int row = 0; row < model.rowCount(); ++row) {
            QCOMPARE(model.index(row, HistoryModel::Status).data().toString(),
                     QStringLiteral("failed"));
            QCOMPARE(model.index(row, HistoryModel::Environment).data().toString(),
                     QStringLiteral("production"));
        }
    }

    void aViewFetchesOnlyWhatItShows()
    {
        HistoryModel model(m_store.get());
        QTreeView view;
        view.setUniformRowHeights(true);
        view.resize(600, 200);
        view.setModel(&model);
        model.refresh();
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        const int shown = model.rowCount();
        QVERIFY2(shown < kRuns, "the view must not load the whole history"); // a page or two
        view.scrollToBottom();
        QTRY_VERIFY(model.rowCount() > shown); // scrolling brings the next page
    }

    void refreshShowsANewRun()
    {
        HistoryModel model(m_store.get());
        model.refresh();
        const qint64 newest = model.index(0, 0).data(HistoryModel::RunIdRole).toLongLong();
        RunRecord r;
        r.workspace = "/ws/textbook";
        r.pipeline = "textbook";
        r.startedAt = QDateTime::currentDateTimeUtc();
        auto id = m_store->createRun(r);
        QVERIFY(id);
        model.refresh();
        QCOMPARE(model.index(0, 0).data(HistoryModel::RunIdRole).toLongLong(), *id);
        QVERIFY(*id > newest);
        QCOMPARE(model.index(0, HistoryModel::Status).data().toString(), QStringLiteral("running"));
    }
};

QTEST_MAIN(TestHistoryModel)
#include "tst_historymodel.moc"
