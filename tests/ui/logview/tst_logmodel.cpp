// The log model over the stored log: rows map to the right lines when groups collapse
// (nested too), all stages interleave by time, ANSI colours reach the model's spans, a
// live log grows, and every change is valid by QAbstractItemModelTester's rules.
#include "logfixture.h"

#include "ui/logview/logmodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace DeployDesk;
using Ui::LogModel;
using Ui::LogStageRef;

class TestLogModel : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<HistoryStore> m_store;
    qint64 m_run = 0;
    qint64 m_groups = 0;
    qint64 m_a = 0;
    qint64 m_b = 0;

    static QStringList texts(const LogModel &model)
    {
        QStringList result;
        for (int row = 0; row < model.rowCount(); ++row)
            result.append(model.index(row, LogModel::TextColumn).data().toString());
        return result;
    }

private slots:
    void initTestCase()
    {
        auto opened = HistoryStore::open(m_dir.path());
        QVERIFY(opened);
        m_store = std::move(*opened);
        m_run = LogFixture::addRun(*m_store);
        m_groups = LogFixture::addStage(*m_store, m_run, "groups", 0);
        m_a = LogFixture::addStage(*m_store, m_run, "alpha", 1);
        m_b = LogFixture::addStage(*m_store, m_run, "beta", 2);
        QList<LogFixture::Line> lines;
        for (const char *text :
             {"start", "::group::Outer", "outer a", "##[group]Inner", "inner a", "inner b",
              "##[endgroup]", "outer b", "::endgroup::", "after", "::group::Unclosed", "tail"})
            lines.append({1000, LogStream::Stdout, text});
        QVERIFY(LogFixture::write(*m_store, m_run, m_groups, lines));
        QVERIFY(LogFixture::write(*m_store, m_run, m_a,
                                  {{10, LogStream::Stdout, "a1"},
                                   {30, LogStream::Stdout, "a2"},
                                   {50, LogStream::Stderr, "\x1b[31mred\x1b[0m plain"}}));
        QVERIFY(LogFixture::write(*m_store, m_run, m_b,
                                  {{20, LogStream::Stdout, "b1"},
                                   {30, LogStream::Stdout, "b2"},
                                   {60, LogStream::Stdout, "b3"}}));
    }

    void groupsCollapseAndExpandChangeTheRows()
    {
        LogModel model(m_store->databasePath());
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::Fatal);
        model.setStages({{m_groups, "groups"}}, m_groups);
        QCOMPARE(model.rowCount(), 12);
        // The group scan runs in a worker; headers become groups when it is done.
        QTRY_COMPARE(model.index(1, 0).data(LogModel::GroupRole).toInt(),
                     int(LogModel::ExpandedGroup));
        QCOMPARE(model.index(1, LogModel::TextColumn).data().toString(), QString("Outer"));
        QCOMPARE(model.index(3, 0).data(LogModel::GroupDepthRole).toInt(), 1);
        QCOMPARE(model.index(10, 0).data(LogModel::GroupRole).toInt(), int(LogModel::OpenGroup));

        QVERIFY(model.setGroupCollapsed(1, true)); // Outer hides lines 3..9
        QCOMPARE(model.rowCount(), 5);
        QCOMPARE(texts(model), QStringList({"start", "Outer", "after", "Unclosed", "tail"}));
        QCOMPARE(model.index(2, 0).data(LogModel::LineRole).toLongLong(), 10);
        QCOMPARE(model.index(1, 0).data(LogModel::GroupRole).toInt(),
                 int(LogModel::CollapsedGroup));
        QVERIFY(model.setGroupCollapsed(1, false));
        QCOMPARE(model.rowCount(), 12);

        QVERIFY(model.setGroupCollapsed(3, true)); // Inner hides 5..7
        QCOMPARE(model.rowCount(), 9);
        QCOMPARE(model.index(4, 0).data(LogModel::LineRole).toLongLong(), 8);
        QVERIFY(model.toggleGroup(1)); // collapse Outer around the collapsed Inner
        QCOMPARE(model.rowCount(), 5);
        QVERIFY(model.toggleGroup(1)); // expand Outer: Inner stays collapsed
        QCOMPARE(model.rowCount(), 9);
        QCOMPARE(texts(model).mid(0, 5),
                 QStringList({"start", "Outer", "outer a", "Inner", "outer b"}));

        // A line inside a collapsed group is revealed on demand (find, first error).
        QCOMPARE(model.rowForIndex(5), -1); // line 6, "inner b"
        QCOMPARE(model.rowForIndex(5, true), 5);
        QCOMPARE(model.rowCount(), 12);
        // An open group cannot collapse: its end is not known yet.
        QVERIFY(!model.setGroupCollapsed(10, true));
        QVERIFY(!model.setGroupCollapsed(0, true)); // not a group
    }

    void allStagesInterleaveByTime()
    {
        LogModel model(m_store->databasePath());
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::Fatal);
        model.setStages({{m_a, "alpha"}, {m_b, "beta"}}, 0);
        QCOMPARE(model.rowCount(), 6);
        QTRY_VERIFY(!model.isOrdering());
        // Ties (a2 and b2 at 30 ms) go by stage position.
        QCOMPARE(texts(model), QStringList({"a1", "b1", "a2", "b2", "red plain", "b3"}));
        QStringList stages;
        for (int row = 0; row < model.rowCount(); ++row)
            stages.append(model.index(row, LogModel::StageColumn).data().toString());
        QCOMPARE(stages, QStringList({"alpha", "beta", "alpha", "beta", "alpha", "beta"}));
        QCOMPARE(model.index(5, 0).data(LogModel::StageLineRole).toLongLong(), 3);

        model.showStage(m_b); // the per-stage filter
        QCOMPARE(texts(model), QStringList({"b1", "b2", "b3"}));
    }

    void ansiColoursReachTheSpans()
    {
        LogModel model(m_store->databasePath());
        model.setStages({{m_a, "alpha"}}, m_a);
        const QModelIndex red = model.index(2, LogModel::TextColumn);
        QCOMPARE(red.data().toString(), QString("red plain")); // escapes removed
        const auto spans = red.data(LogModel::SpansRole).value<QList<StyledSpan>>();
        QVERIFY(!spans.isEmpty());
        QCOMPARE(spans.first().start, 0);
        QCOMPARE(spans.first().length, 3);
        QCOMPARE(spans.first().style.foreground, 1); // ANSI red
        QCOMPARE(red.data(LogModel::StreamRole).toInt(), int(LogStream::Stderr));
    }

    // The panel renders colours only: what a terminal would obey (OSC 52 clipboard write,
    // OSC title, screen clear, DCS) never reaches the drawn text, and the colour still does.
    void hostileEscapesAreNotDrawn()
    {
        const qint64 evil = LogFixture::addStage(*m_store, m_run, "evil", 9);
        QVERIFY(LogFixture::write(
            *m_store, m_run, evil,
            {{500, LogStream::Stdout,
              "\x1b[31mred\x1b[0m clip:\x1b]52;c;aGVsbG8=\x07 title:\x1b]0;pwned\x1b\\ "
              "clear:\x1b[2J\x1b[H dcs:\x1bPq#0;2;0;0;0\x1b\\ end"}}));
        LogModel model(m_store->databasePath());
        model.setStages({{evil, "evil"}}, evil);
        QCOMPARE(model.rowCount(), 1);
        const QModelIndex row = model.index(0, LogModel::TextColumn);
        const QString text = row.data().toString();
        QCOMPARE(text, QString("red clip: title: clear: dcs: end"));
        for (const QChar c : text)
            QVERIFY2(c.unicode() >= 0x20, qPrintable(text));
        const auto spans = row.data(LogModel::SpansRole).value<QList<StyledSpan>>();
        QCOMPARE(spans.size(), 2);
        QCOMPARE(spans.first().length, 3);
        QCOMPARE(spans.first().style.foreground, 1); // ANSI red
        QCOMPARE(spans.last().style, TextStyle());   // nothing else styled
    }

    void liveLogsGrow_data()
    {
        QTest::addColumn<bool>("interleaved");
        QTest::newRow("one stage") << false;
        QTest::newRow("all stages") << true;
    }
    void liveLogsGrow()
    {
        QFETCH(bool, interleaved);
        const qint64 live = LogFixture::addStage(*m_store, m_run, "live", 3);
        const qint64 other = LogFixture::addStage(*m_store, m_run, "other", 4);
        QVERIFY(LogFixture::write(*m_store, m_run, live, {{100, LogStream::Stdout, "first"}}));
        QVERIFY(LogFixture::write(*m_store, m_run, other, {{150, LogStream::Stdout, "o1"}}));
        LogModel model(m_store->databasePath());
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::Fatal);
        model.setStages({{live, "live"}, {other, "other"}}, interleaved ? 0 : live);
        QTRY_VERIFY(!model.isOrdering());
        QSignalSpy appended(&model, &LogModel::linesAppended);
        model.setLive(true);
        QList<LogFixture::Line> more;
        for (int i = 0; i < 600; ++i) // more than two blocks
            more.append({200 + i, LogStream::Stdout, QByteArray::number(i)});
        QVERIFY(LogFixture::write(*m_store, m_run, live, more));
        const int expected = interleaved ? 602 : 601;
        QTRY_COMPARE(model.rowCount(), expected);
        QVERIFY(!appended.isEmpty());
        QCOMPARE(model.index(expected - 1, LogModel::TextColumn).data().toString(), QString("599"));
    }

    // The run ends (the window turns live updates off) right after its last lines were
    // stored: they show at once, not when the log is reopened.
    void linesStoredJustBeforeTheEndShow()
    {
        const qint64 stage = LogFixture::addStage(*m_store, m_run, "ending", 5);
        QVERIFY(LogFixture::write(*m_store, m_run, stage, {{100, LogStream::Stdout, "first"}}));
        LogModel model(m_store->databasePath());
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::Fatal);
        model.setStages({{stage, "ending"}}, stage);
        model.setLive(true);
        QTRY_COMPARE(model.rowCount(), 1);
        QList<LogFixture::Line> last;
        for (int i = 0; i < 300; ++i)
            last.append({200 + i, LogStream::Stdout, "last " + QByteArray::number(i)});
        QVERIFY(LogFixture::write(*m_store, m_run, stage, last));
        model.setLive(false); // before the poll timer had a chance
        QCOMPARE(model.rowCount(), 301);
        QCOMPARE(model.index(300, LogModel::TextColumn).data().toString(), QString("last 299"));
    }
};

QTEST_MAIN(TestLogModel)
#include "tst_logmodel.moc"
