// The log viewer as a user drives it: find in a million-line log lands on the line and
// counts every match, regex and case options change the count, first error jumps to the
// right line, Save writes the text without escapes, follow-tail keeps up with a live log
// and pauses when scrolled up, and ANSI colours reach the screen.
#include "logfixture.h"

#include "ui/logview/logmodel.h"
#include "ui/logview/logscan.h"
#include "ui/logview/logview.h"
#include "ui/logview/logviewer.h"

#include <QAction>
#include <QFile>
#include <QImage>
#include <QLabel>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace DeployDesk;
using Ui::LogViewer;

class TestLogViewer : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<HistoryStore> m_store;
    qint64 m_run = 0;
    qint64 m_big = 0;
    qint64 m_small = 0;
    static constexpr qint64 kBigLines = 1000000;
    static constexpr qint64 kMarkerLine = 777777;

    std::unique_ptr<LogViewer> smallViewer()
    {
        auto viewer = std::make_unique<LogViewer>(m_store->databasePath());
        viewer->resize(800, 400);
        viewer->showRun(m_run, {{m_small, "small"}}, m_small);
        return viewer;
    }

private slots:
    void initTestCase()
    {
        auto opened = HistoryStore::open(m_dir.path());
        QVERIFY(opened);
        m_store = std::move(*opened);
        m_run = LogFixture::addRun(*m_store);
        m_big = LogFixture::addStage(*m_store, m_run, "big", 0);
        m_small = LogFixture::addStage(*m_store, m_run, "small", 1);
        QVERIFY(LogFixture::writeGenerated(*m_store, m_run, m_big, kBigLines, [](qint64 i) {
            return i == kMarkerLine ? QByteArray("line 777777 the zanzibar marker")
                                    : "line " + QByteArray::number(i) + " compiling module";
        }));
        QVERIFY(LogFixture::write(
            *m_store, m_run, m_small,
            {{1, LogStream::Stdout, "Compiling \x1b[1mError\x1b[0mHandler.cpp"}, // 1
             {2, LogStream::Stdout, "warning: errors are not fatal here"},       // 2
             {3, LogStream::Stdout, "error error ERROR Error"},                  // 3
             {4, LogStream::Stderr, "npm WARN deprecated"},                      // 4
             {5, LogStream::Stderr, "the build \x1b[31mfailed\x1b[0m"},          // 5: first error
             {6, LogStream::Stdout, "E1 E22 E333"},                              // 6
             {7, LogStream::Stdout, "\x1b[41m                \x1b[0m red"}}));   // 7
    }

    // The hits of a split search, and of what a followed log adds, kept as their parts:
    // read in order across them, found from any line, small parts folded into the last.
    void searchHitsReadInOrderAcrossTheirParts()
    {
        Ui::Internal::SearchHits hits;
        QVERIFY(hits.empty());
        QCOMPARE(hits.lowerBound(0), 0);
        std::vector<qint64> first(70000);
        for (size_t i = 0; i < first.size(); ++i)
            first[i] = qint64(i / 2); // two hits on each line
        hits.append(std::move(first));
        hits.append({});                    // an empty part adds nothing
        hits.append({34999, 40000, 40000}); // a line whose hits span two parts
        hits.append({40001});               // small: folded into the part before
        QCOMPARE(hits.size(), 70004);
        QCOMPARE(hits[0], 0);
        QCOMPARE(hits[69999], 34999);
        QCOMPARE(hits[70000], 34999);
        QCOMPARE(hits[70001], 40000);
        QCOMPARE(hits[70003], 40001);
        QCOMPARE(hits.lowerBound(-5), 0);
        QCOMPARE(hits.lowerBound(1), 2);
        QCOMPARE(hits.lowerBound(34999), 69998);
        QCOMPARE(hits.lowerBound(35000), 70001);
        QCOMPARE(hits.lowerBound(40001), 70003);
        QCOMPARE(hits.lowerBound(40002), 70004);
        std::vector<qint64> big(70000, 50000);
        hits.append(std::move(big));
        QCOMPARE(hits.size(), 140004);
        QCOMPARE(hits[140003], 50000);
        QCOMPARE(hits.lowerBound(45000), 70004);
        hits.clear();
        QVERIFY(hits.empty());
    }

    void findInAMillionLinesLandsOnTheLine()
    {
        LogViewer viewer(m_store->databasePath());
        viewer.resize(800, 400);
        viewer.showRun(m_run, {{m_big, "big"}, {m_small, "small"}}, m_big);
        QSignalSpy counted(&viewer, &LogViewer::matchCountChanged);
        viewer.find("zanzibar", false, false);
        QVERIFY(counted.wait(60000));
        QTRY_VERIFY_WITH_TIMEOUT(!viewer.isCounting(), 60000);
        QCOMPARE(viewer.matchCount(), 1);
        QCOMPARE(viewer.currentLine(), kMarkerLine);
        const Ui::LogView *view = viewer.view();
        QVERIFY(view->topRow() <= kMarkerLine - 1);
        QVERIFY(view->topRow() + view->verticalScrollBar()->pageStep() >= kMarkerLine);

        // "line 7777" is in lines 7777, 77770..77779 and 777700..777799.
        viewer.find("line 7777", false, true);
        QTRY_VERIFY_WITH_TIMEOUT(!viewer.isCounting() && viewer.matchCount() == 111, 60000);
        QCOMPARE(viewer.currentLine(), kMarkerLine); // the first match from the current line
        viewer.findNext();
        QCOMPARE(viewer.currentLine(), kMarkerLine + 1);
        viewer.findPrevious();
        viewer.findPrevious();
        QCOMPARE(viewer.currentLine(), kMarkerLine - 1);
    }

    // Showing the same log again (another stage and back, a refresh) with a find active
    // keeps what was counted: the count is there at once, nothing is searched again.
    void reopeningTheSameLogKeepsTheCount()
    {
        LogViewer viewer(m_store->databasePath());
        viewer.resize(800, 400);
        const QList<LogViewer::StageRef> stages{{m_big, "big"}, {m_small, "small"}};
        viewer.showRun(m_run, stages, m_big);
        viewer.find("zanzibar", false, false);
        QTRY_VERIFY_WITH_TIMEOUT(!viewer.isCounting() && viewer.matchCount() == 1, 60000);
        QSignalSpy counted(&viewer, &LogViewer::matchCountChanged);
        viewer.showRun(m_run, stages, m_big);
        QVERIFY(!viewer.isCounting());
        QCOMPARE(viewer.matchCount(), 1);
        QCOMPARE(counted.size(), 1);
        QCOMPARE(counted.first().first().toInt(), 1);
        viewer.findNext();
        QCOMPARE(viewer.currentLine(), kMarkerLine);

        // Other lines are counted anew.
        viewer.showStage(m_small);
        QTRY_VERIFY_WITH_TIMEOUT(!viewer.isCounting(), 60000);
        QCOMPARE(viewer.matchCount(), 0);
    }

    void countsWithRegexAndCase_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("regex");
        QTest::addColumn<bool>("caseSensitive");
        QTest::addColumn<int>("count");
        QTest::addColumn<qint64>("firstLine");
        QTest::newRow("plain, any case") << "error" << false << false << 6 << qint64(1);
        QTest::newRow("plain, case") << "error" << false << true << 3 << qint64(2);
        QTest::newRow("plain, other case") << "ERROR" << false << true << 1 << qint64(3);
        QTest::newRow("escapes do not split words")
            << "ErrorHandler" << false << true << 1 << qint64(1);
        QTest::newRow("regex, case") << "\\bE\\d+" << true << true << 3 << qint64(6);
        QTest::newRow("regex, any case") << "^(npm|the)\\b" << true << false << 2 << qint64(4);
        QTest::newRow("regex word, any case") << "\\berror\\b" << true << false << 4 << qint64(3);
        QTest::newRow("no match") << "zanzibar" << false << false << 0 << qint64(0);
    }
    void countsWithRegexAndCase()
    {
        QFETCH(QString, text);
        QFETCH(bool, regex);
        QFETCH(bool, caseSensitive);
        QFETCH(int, count);
        QFETCH(qint64, firstLine);
        auto viewer = smallViewer();
        QSignalSpy counted(viewer.get(), &LogViewer::matchCountChanged);
        viewer->find(text, regex, caseSensitive);
        QVERIFY(counted.wait(10000));
        QCOMPARE(viewer->matchCount(), count);
        QCOMPARE(viewer->currentLine(), firstLine);
    }

    // Any-case counting folds a line eight bytes at a time: a match at every offset across
    // those words counts, the characters beside A–Z in ASCII ('@', '[', '`', '{') and
    // the bytes of UTF-8 letters are not letters to fold, and a line's count is what
    // QString's case-insensitive search finds (not overlapping).
    void anyCaseCountsAtEveryOffset()
    {
        QList<LogFixture::Line> lines;
        const QList<QByteArray> fillers{
            "", "x", "@[", "`{Z", "\xc3\x89\xc3\xa9", "ab`z{@[AZ", "\xe2\x82\xac \xc3\x84"};
        const QList<QByteArray> words{"ErRoR", "error", "ERROR", "eRRo", "e\xc3\x89rror"};
        qint64 n = 0;
        for (int offset = 0; offset < 17; ++offset) {
            for (const QByteArray &filler : fillers) {
                const QByteArray word = words.at(int(n % words.size()));
                QByteArray text = QByteArray(offset, '.') + word + filler + words.at(0) + filler;
                lines.append({++n, LogStream::Stdout, text});
            }
        }
        lines.append({++n, LogStream::Stdout, "Z[A` z{a` @[`{"});
        const qint64 stage = LogFixture::addStage(*m_store, m_run, "mixed", 2);
        QVERIFY(LogFixture::write(*m_store, m_run, stage, lines));

        const auto expected = [&](const QString &needle) {
            int count = 0;
            for (const LogFixture::Line &line : std::as_const(lines)) {
                const QString text = QString::fromUtf8(line.text);
                for (qsizetype at = text.indexOf(needle, 0, Qt::CaseInsensitive); at >= 0;
                     at = text.indexOf(needle, at + needle.size(), Qt::CaseInsensitive))
                    ++count;
            }
            return count;
        };
        LogViewer viewer(m_store->databasePath());
        viewer.resize(800, 400);
        viewer.showRun(m_run, {{stage, "mixed"}}, stage);
        for (const QString needle : {"error", "ERROR", "rror", "z[a`", "z{a`", "@[`{", "@{"}) {
            viewer.find(needle, false, false);
            QTRY_VERIFY_WITH_TIMEOUT(!viewer.isCounting(), 10000);
            QCOMPARE(viewer.matchCount(), expected(needle));
        }
        QCOMPARE(expected("z[a`"), 1); // the reference itself tells '[' from '{'
        viewer.find("error", false, false);
        QTRY_VERIFY_WITH_TIMEOUT(!viewer.isCounting(), 10000);
        QVERIFY(viewer.matchCount() > 17 * 7);
    }

    // The tab says which run it shows, and an empty log says why it is empty: nothing yet
    // while the run goes on, "no output" once the stage has ended without printing.
    void theRunIsNamedAndAnEmptyStageSaysNoOutput()
    {
        LogViewer viewer(m_store->databasePath());
        QVERIFY(viewer.runText().isEmpty());
        QVERIFY(viewer.emptyText().contains("No run"));
        const qint64 quiet = LogFixture::addStage(*m_store, m_run, "quiet", 9);
        viewer.showRun(m_run, {{m_small, "small"}, {quiet, "quiet"}}, quiet);
        QCOMPARE(viewer.runText(), QString("Run %1").arg(m_run));
        bool shown = false;
        for (auto *l : viewer.findChildren<QLabel *>())
            shown = shown || l->text() == QString("Run %1").arg(m_run);
        QVERIFY2(shown, "a label in the viewer names the run");
        QCOMPARE(viewer.emptyText(), QString("No output: stage quiet printed nothing"));
        viewer.setLive(true);
        QCOMPARE(viewer.emptyText(), QString("No log lines yet"));
        viewer.setLive(false);
        QCOMPARE(viewer.emptyText(), QString("No output: stage quiet printed nothing"));
    }

    void firstErrorJumpsToTheLine()
    {
        auto viewer = smallViewer();
        QSignalSpy found(viewer.get(), &LogViewer::firstErrorFound);
        viewer->firstErrorAction()->trigger();
        QVERIFY(found.wait(10000));
        // Line 1 says "Error" only inside a word, line 2 says "errors" and "fatal" on
        // stdout: the first error is line 3, which holds the word "error".
        QCOMPARE(found.first().first().toLongLong(), qint64(3));
        QCOMPARE(viewer->currentLine(), qint64(3));

        // One stage whose only error is on stderr.
        const qint64 stage = LogFixture::addStage(*m_store, m_run, "stderr", 3);
        QVERIFY(LogFixture::write(*m_store, m_run, stage,
                                  {{1, LogStream::Stdout, "all errors are fatal: a comment"},
                                   {2, LogStream::Stderr, "npm WARN deprecated"},
                                   {3, LogStream::Stderr, "the build \x1b[31mfailed\x1b[0m"},
                                   {4, LogStream::Stdout, "FAILED"}}));
        viewer->showRun(m_run, {{stage, "stderr"}}, stage);
        found.clear();
        viewer->jumpToFirstError();
        QVERIFY(found.wait(10000));
        QCOMPARE(found.first().first().toLongLong(), qint64(3));
    }

    // The panel uses the tools' error shapes (core/log/errorclassifier, as the CLI does):
    // webpack's "<w> … -> Error ->" cache warning loses to the [ERROR] line after it, and
    // pytest's E line wins over its FAILED summary (issue 10 §5).
    void firstErrorPrefersAToolsErrorOverAWarning()
    {
        const qint64 stage = LogFixture::addStage(*m_store, m_run, "webpack", 4);
        QVERIFY(LogFixture::write(
            *m_store, m_run, stage,
            {{1, LogStream::Stdout, "assets by status 1.2 MiB [cached] 12 assets"},
             {2, LogStream::Stdout,
              "<w> [webpack.cache.PackFileCacheStrategy] Caching failed for pack: Error: "
              "ENOENT: no such file or directory, rename '0.pack_' -> '0.pack' -> Error"},
             {3, LogStream::Stdout, "webpack 5.89.0 compiled with 1 error in 8312 ms"},
             {4, LogStream::Stderr,
              "\x1b[31m[ERROR]\x1b[0m Module not found: Error: Can't resolve './search-box'"},
             {5, LogStream::Stdout, "FAILED tests/test_search.py::test_box - AssertionError"},
             {6, LogStream::Stdout, "E       AssertionError: assert 'faq' == 'install'"}}));
        auto viewer = std::make_unique<LogViewer>(m_store->databasePath());
        viewer->resize(800, 400);
        viewer->showRun(m_run, {{stage, "webpack"}}, stage);
        QSignalSpy found(viewer.get(), &LogViewer::firstErrorFound);
        viewer->jumpToFirstError();
        QVERIFY(found.wait(10000));
        QCOMPARE(found.first().first().toLongLong(), qint64(4));
        QCOMPARE(viewer->currentLine(), qint64(4));
    }

    void saveWritesTheTextWithoutEscapes()
    {
        auto viewer = smallViewer();
        QTemporaryDir out;
        const QString file = out.filePath("log.txt");
        {
            QFile existing(file);
            QVERIFY(existing.open(QIODevice::WriteOnly));
            existing.write("old content\n");
        }
        QSignalSpy saved(viewer.get(), &LogViewer::saveFinished);
        viewer->saveTo(file);
        QVERIFY(saved.wait(10000));
        QCOMPARE(saved.first().first().toBool(), true);
        QFile written(file);
        QVERIFY(written.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = written.readAll().split('\n');
        QCOMPARE(lines.size(), 8); // seven lines and the final newline
        QCOMPARE(lines[0], QByteArray("Compiling ErrorHandler.cpp"));
        QCOMPARE(lines[4], QByteArray("the build failed"));
        QVERIFY(!lines.join('\n').contains('\x1b'));

        // A destination that cannot be written leaves an error and no partial file.
        saved.clear();
        viewer->saveTo(out.filePath("missing/dir/log.txt"));
        QVERIFY(saved.wait(10000));
        QCOMPARE(saved.first().first().toBool(), false);
        QVERIFY(saved.first().at(1).toString().contains("missing/dir/log.txt"));
    }

    void followTailAppendsAndPausesWhenScrolledUp()
    {
        const qint64 live = LogFixture::addStage(*m_store, m_run, "live", 2);
        auto append = [&](int from, int count) {
            QList<LogFixture::Line> lines;
            for (int i = from; i < from + count; ++i)
                lines.append({qint64(i), LogStream::Stdout, "live line " + QByteArray::number(i)});
            return LogFixture::write(*m_store, m_run, live, lines);
        };
        QVERIFY(append(1, 100));
        LogViewer viewer(m_store->databasePath());
        viewer.resize(800, 300);
        viewer.show();
        QVERIFY(QTest::qWaitForWindowExposed(&viewer));
        viewer.showRun(m_run, {{live, "live"}}, live);
        viewer.setLive(true);
        Ui::LogView *view = viewer.view();
        QVERIFY(viewer.followAction()->isChecked());
        QVERIFY(view->isAtBottom());
        QVERIFY(view->topRow() > 0);

        QVERIFY(append(101, 500));
        QTRY_COMPARE(viewer.model()->rowCount(), 600);
        QVERIFY(view->isAtBottom()); // followed the new lines
        QVERIFY(view->topRow() > 500);

        view->verticalScrollBar()->setValue(10); // the user scrolls up: following pauses
        QVERIFY(!viewer.followAction()->isChecked());
        QVERIFY(append(601, 100));
        QTRY_COMPARE(viewer.model()->rowCount(), 700);
        QCOMPARE(view->topRow(), 10);

        // Back at the bottom, following resumes.
        view->verticalScrollBar()->setValue(view->verticalScrollBar()->maximum());
        QVERIFY(viewer.followAction()->isChecked());
        QVERIFY(append(701, 50));
        QTRY_COMPARE(viewer.model()->rowCount(), 750);
        QVERIFY(view->isAtBottom());
        QCOMPARE(view->topRow(), view->verticalScrollBar()->maximum());
    }

    void ansiColoursArePainted()
    {
        auto viewer = smallViewer();
        viewer->show();
        QVERIFY(QTest::qWaitForWindowExposed(viewer.get()));
        viewer->followAction()->setChecked(false);
        viewer->view()->verticalScrollBar()->setValue(0);
        const QImage image = viewer->view()->viewport()->grab().toImage();
        const QColor red(0xcd, 0x31, 0x31); // ANSI red background of line 7
        int redPixels = 0;
        for (int y = 0; y < image.height(); ++y) {
            for (int x = 0; x < image.width(); ++x)
                redPixels += QColor(image.pixel(x, y)) == red;
        }
        QVERIFY2(redPixels > 50, qPrintable(QString::number(redPixels)));
    }

    void copyPutsTheSelectedLinesWithoutEscapes()
    {
        auto viewer = smallViewer();
        viewer->view()->setCurrentIndex(4);
        QCOMPARE(viewer->view()->selectedText(), QString("the build failed"));
    }
};

QTEST_MAIN(TestLogViewer)
#include "tst_logviewer.moc"
