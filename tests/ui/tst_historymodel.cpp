// The history list's model: pages in as the view asks, in the order chosen (newest,
// oldest, longest, shortest), no run twice or missing, each filter returning exactly
// its runs, and a valid model by QAbstractItemModelTester's rules. Pages are read on a
// thread, so the tests wait for them.
#include "ui/historymodel.h"

#include "common/duration.h"
#include "store/historystore.h"
#include "store/logwriter.h"

#include <QAbstractItemModelTester>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

#include <algorithm>

Q_DECLARE_METATYPE(DeployDesk::RunFilter)

using namespace DeployDesk;
using Ui::HistoryModel;

namespace {
// Asks for pages until the model has them all; false when a page never came.
bool loadAll(HistoryModel &model)
{
    for (int pages = 0; pages < 1000; ++pages) {
        if (!QTest::qWaitFor([&] { return model.atEnd() || model.canFetchMore(); }, 10000))
            return false;
        if (model.atEnd())
            return true;
        model.fetchMore();
    }
    return false;
}

QList<qint64> idsOf(const HistoryModel &model)
{
    QList<qint64> ids;
    for (int row = 0; row < model.rowCount(); ++row)
        ids.append(model.index(row, 0).data(HistoryModel::RunIdRole).toLongLong());
    return ids;
}
} // namespace

class TestHistoryModel : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<HistoryStore> m_store;
    QList<RunRecord> m_runs; // as created, with ids
    QDateTime m_start;
    static constexpr int kRuns = 250;

    QList<qint64> expected(const std::function<bool(int i, const RunRecord &)> &keep) const
    {
        QList<qint64> ids;
        for (int i = int(m_runs.size()) - 1; i >= 0; --i) {
            if (keep(i, m_runs.at(i)))
                ids.append(m_runs.at(i).id);
        }
        return ids; // newest first
    }

private slots:
    void initTestCase()
    {
        auto opened = HistoryStore::open(m_dir.path());
        QVERIFY(opened);
        m_store = std::move(*opened);
        m_start = QDateTime(QDate(2026, 3, 1), QTime(8, 0), Qt::UTC);
        for (int i = 0; i < kRuns; ++i) {
            RunRecord r;
            r.workspace = i % 5 == 0 ? "/ws/other" : "/ws/textbook";
            r.pipeline = "textbook";
            r.environment = i % 2 ? "production" : "preview";
            r.status = i % 3 == 0 ? RunStatus::Failed : RunStatus::Success;
            r.branch = i % 4 == 0 ? "release" : "main";
            r.triggeredBy = i % 7 == 0 ? "bob" : "ana";
            r.message = QStringLiteral("run number %1").arg(i + 1);
            r.startedAt = m_start.addSecs(qint64(i) * 3600); // one an hour
            // Durations repeat (ties break by id) and the last run is still running.
            if (i != kRuns - 1)
                r.finishedAt = r.startedAt.addSecs(30 + (i * 37) % 11 * 10);
            auto id = m_store->createRun(r);
            QVERIFY(id);
            r.id = *id;
            if (r.finishedAt.isValid())
                QVERIFY(m_store->finishRun(r.id, r.status, r.finishedAt));
            m_runs.append(r);
        }
        // Two runs whose logs mention a word no other log has.
        for (int i : {17, 200}) {
            StageRecord s;
            s.runId = m_runs.at(i).id;
            s.name = "test";
            auto stageId = m_store->createStage(s);
            QVERIFY(stageId);
            m_store->logWriter()->append(s.runId, *stageId,
                                         LogLine{1, LogStream::Stdout, "\x1b[31mwombat\x1b[0m ok"});
        }
        QVERIFY(m_store->logWriter()->flush());
    }

    void pagesInNewestFirstWithoutGapsOrRepeats()
    {
        HistoryModel model(m_store.get());
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::Fatal);
        model.refresh();
        QTRY_COMPARE(model.rowCount(), HistoryModel::kPageSize); // one page before scrolling
        QVERIFY(model.canFetchMore());
        QVERIFY(loadAll(model));
        QCOMPARE(model.rowCount(), kRuns);
        QCOMPARE(idsOf(model), expected([](int, const RunRecord &) { return true; }));
        QCOMPARE(model.index(0, HistoryModel::Message).data().toString(),
                 QStringLiteral("run number 250"));
        QCOMPARE(model.index(1, HistoryModel::Duration).data().toString(),
                 formatDuration(std::chrono::milliseconds(m_runs.at(kRuns - 2).durationMs())));
        QCOMPARE(model.index(0, HistoryModel::Duration).data().toString(), QString());
        QVERIFY(model.lastError().isEmpty());
    }

    void sortsByDurationAndStartBothWays_data()
    {
        QTest::addColumn<int>("column");
        QTest::addColumn<Qt::SortOrder>("order");
        QTest::newRow("longest first") << int(HistoryModel::Duration) << Qt::DescendingOrder;
        QTest::newRow("shortest first") << int(HistoryModel::Duration) << Qt::AscendingOrder;
        QTest::newRow("oldest first") << int(HistoryModel::Started) << Qt::AscendingOrder;
        QTest::newRow("newest first") << int(HistoryModel::Started) << Qt::DescendingOrder;
    }

    void sortsByDurationAndStartBothWays()
    {
        QFETCH(int, column);
        QFETCH(Qt::SortOrder, order);
        HistoryModel model(m_store.get());
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::Fatal);
        model.sort(column, order);
        model.refresh();
        QVERIFY(loadAll(model));
        QCOMPARE(model.rowCount(), kRuns); // pages joined without a gap or a repeat

        // What a user expects: the runs sorted by that key, ties by id the same way.
        QList<RunRecord> sorted = m_runs;
        const bool descending = order == Qt::DescendingOrder;
        std::sort(sorted.begin(), sorted.end(), [&](const RunRecord &a, const RunRecord &b) {
            const auto key = [&](const RunRecord &r) {
                return column == HistoryModel::Duration ? std::pair(r.durationMs(), r.id)
                                                        : std::pair(qint64(0), r.id);
            };
            return descending ? key(a) > key(b) : key(a) < key(b);
        });
        QList<qint64> want;
        for (const RunRecord &r : sorted)
            want.append(r.id);
        QCOMPARE(idsOf(model), want);
        if (column == HistoryModel::Duration && descending) {
            QCOMPARE(model.index(0, HistoryModel::Duration).data().toString(),
                     QStringLiteral("2 min 10 s")); // 30 s + 10 * 10 s
            QCOMPARE(model.index(kRuns - 1, HistoryModel::Duration).data().toString(), QString());
        }
    }

    void otherColumnsDoNotSort()
    {
        HistoryModel model(m_store.get());
        model.sort(HistoryModel::Duration, Qt::AscendingOrder);
        model.sort(HistoryModel::Branch, Qt::DescendingOrder);
        QVERIFY(model.order() == RunOrder::ShortestFirst);
    }

    void eachFilterFindsExactlyItsRuns_data()
    {
        QTest::addColumn<RunFilter>("filter");
        QTest::addColumn<QList<qint64>>("want");
        RunFilter f;
        f.environment = "production";
        QTest::newRow("environment")
            << f << expected([](int i, const RunRecord &) { return i % 2 == 1; });
        f = {};
        f.status = "failed";
        QTest::newRow("status") << f
                                << expected([](int i, const RunRecord &) { return i % 3 == 0; });
        f = {};
        f.branch = "release";
        QTest::newRow("branch") << f
                                << expected([](int i, const RunRecord &) { return i % 4 == 0; });
        f = {};
        f.who = "bob";
        QTest::newRow("who") << f << expected([](int i, const RunRecord &) { return i % 7 == 0; });
        f = {};
        f.since = m_start.addSecs(10 * 3600);
        f.until = m_start.addSecs(20 * 3600);
        QTest::newRow("date range")
            << f << expected([](int i, const RunRecord &) { return i >= 10 && i < 20; });
        f = {};
        f.grep = "WOMBAT";
        QTest::newRow("text in logs")
            << f << expected([](int i, const RunRecord &) { return i == 17 || i == 200; });
        f = {};
        f.workspace = "/ws/textbook";
        f.environment = "production";
        f.status = "failed";
        f.who = "ana";
        QTest::newRow("combined") << f << expected([](int i, const RunRecord &) {
            return i % 5 != 0 && i % 2 == 1 && i % 3 == 0 && i % 7 != 0;
        });
        f = {};
        f.grep = "wombat";
        f.branch = "main";
        QTest::newRow("text in logs and branch")
            << f << expected([](int i, const RunRecord &) { return i == 17; });
        f = {};
        f.who = "nobody";
        QTest::newRow("no match") << f << QList<qint64>{};
    }

    void eachFilterFindsExactlyItsRuns()
    {
        QFETCH(RunFilter, filter);
        QFETCH(QList<qint64>, want);
        HistoryModel model(m_store.get());
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::Fatal);
        model.setFilter(filter);
        QVERIFY(loadAll(model));
        QVERIFY2(model.lastError().isEmpty(), qPrintable(model.lastError()));
        QCOMPARE(idsOf(model), want);
    }

    void filtersKeepTheChosenOrder()
    {
        HistoryModel model(m_store.get());
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::Fatal);
        model.setOrder(RunOrder::LongestFirst);
        RunFilter f;
        f.grep = "wombat";
        model.setFilter(f);
        QVERIFY(loadAll(model));
        const RunRecord &a = m_runs.at(17);
        const RunRecord &b = m_runs.at(200);
        const bool aFirst = std::pair(a.durationMs(), a.id) > std::pair(b.durationMs(), b.id);
        const QList<qint64> want = aFirst ? QList<qint64>{a.id, b.id} : QList<qint64>{b.id, a.id};
        QCOMPARE(idsOf(model), want);
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
        QTRY_VERIFY(model.rowCount() > 0 && !model.isLoading());
        const int shown = model.rowCount();
        QVERIFY2(shown < kRuns, "the view must not load the whole history"); // a page or two
        view.scrollToBottom();
        QTRY_VERIFY(model.rowCount() > shown); // scrolling brings the next page
    }

    void refreshShowsANewRun()
    {
        HistoryModel model(m_store.get());
        model.refresh();
        QTRY_VERIFY(model.rowCount() > 0);
        const qint64 newest = model.index(0, 0).data(HistoryModel::RunIdRole).toLongLong();
        RunRecord r;
        r.workspace = "/ws/textbook";
        r.pipeline = "textbook";
        r.startedAt = QDateTime::currentDateTimeUtc();
        auto id = m_store->createRun(r);
        QVERIFY(id);
        model.refresh();
        QTRY_COMPARE(model.index(0, 0).data(HistoryModel::RunIdRole).toLongLong(), *id);
        QVERIFY(*id > newest);
        QCOMPARE(model.index(0, HistoryModel::Status).data(HistoryModel::StatusRole).toString(),
                 QStringLiteral("running"));
    }

    void aFilterChangeDropsPagesOfTheOldOne()
    {
        HistoryModel model(m_store.get());
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::Fatal);
        model.refresh(); // its page is still being read when the filter changes
        RunFilter f;
        f.who = "bob";
        model.setFilter(f);
        QVERIFY(loadAll(model));
        for (int row = 0; row < model.rowCount(); ++row)
            QCOMPARE(model.index(row, HistoryModel::Who).data().toString(), QStringLiteral("bob"));
        QCOMPARE(model.rowCount(),
                 int(expected([](int i, const RunRecord &) { return i % 7 == 0; }).size()));
    }
};

QTEST_MAIN(TestHistoryModel)
#include "tst_historymodel.moc"
