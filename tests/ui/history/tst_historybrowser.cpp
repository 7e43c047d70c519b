// The history browser as a user drives it: typing a filter and pressing Enter finds the
// run, the details pane shows the selected run's stages and events (read off the GUI
// thread), two runs compare with the changed stage highlighted, a report exports to a file
// (written by the reader's thread), Enter on a stage opens its logs, and only Started and
// Duration sort.
#include "historyfixture.h"

#include "ui/common/mnemonic.h"
#include "ui/history/comparedialog.h"
#include "ui/history/comparemodel.h"
#include "ui/history/historybrowser.h"
#include "ui/history/historyfilterbar.h"
#include "ui/history/reportexport.h"
#include "ui/history/rundetailspane.h"
#include "ui/historymodel.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QCalendarWidget>
#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QFile>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScopeGuard>
#include <QSemaphore>
#include <QSet>
#include <QSignalSpy>
#include <QTabWidget>
#include <QThread>
#include <QTreeView>
#include <QTreeWidget>

#include <atomic>

using namespace DeployDesk;
using namespace DeployDesk::Ui;

class TestHistoryBrowser : public QObject
{
    Q_OBJECT

    HistoryFixture m_fx;
    std::unique_ptr<HistoryBrowser> m_browser;

    QList<qint64> shownRuns() const
    {
        QList<qint64> ids;
        const QAbstractItemModel *model = m_browser->view()->model();
        for (int row = 0; row < model->rowCount(); ++row)
            ids << model->index(row, 0).data(HistoryModel::RunIdRole).toLongLong();
        return ids;
    }

    bool settled() const { return !m_browser->model()->isLoading(); }

    void selectRows(const QList<qint64> &runIds)
    {
        QItemSelectionModel *selection = m_browser->view()->selectionModel();
        selection->clearSelection();
        for (qint64 id : runIds) {
            const int row = m_browser->model()->rowOfRun(id);
            QVERIFY(row >= 0);
            selection->select(m_browser->model()->index(row, 0),
                              QItemSelectionModel::Select | QItemSelectionModel::Rows);
        }
    }

    QAction *action(const QString &textPart) const
    {
        for (QAction *a : m_browser->actions()) {
            if (a->text().remove('&').contains(textPart))
                return a;
        }
        return nullptr;
    }

private slots:
    void initTestCase() { m_fx.build(); }

    void init()
    {
        m_browser = std::make_unique<HistoryBrowser>(m_fx.store.get());
        m_browser->setWorkspace(HistoryFixture::kWorkspace);
        m_browser->setEnvironments({"preview", "staging", "production"});
        m_browser->resize(1000, 600);
        m_browser->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_browser.get()));
        QTRY_COMPARE(shownRuns(), (QList<qint64>{m_fx.fixed, m_fx.failed, m_fx.good}));
    }

    void cleanup() { m_browser.reset(); }

    void typingAFilterAndEnterFindsTheRun()
    {
        HistoryFilterBar *bar = m_browser->filterBar();
        QTest::keyClicks(bar->whoEdit(), "bob");
        QTest::keyClick(bar->whoEdit(), Qt::Key_Return);
        QTRY_COMPARE(shownRuns(), QList<qint64>{m_fx.failed});

        QTest::keyClick(m_browser.get(), Qt::Key_L, Qt::ControlModifier | Qt::ShiftModifier);
        QTRY_COMPARE(shownRuns().size(), 3);
        QVERIFY(bar->whoEdit()->text().isEmpty());

        QTest::keyClicks(bar->grepEdit(), "kangaroo");
        QTest::keyClick(bar->grepEdit(), Qt::Key_Enter);
        QTRY_COMPARE(shownRuns(), QList<qint64>{m_fx.fixed});
        bar->clear();

        QTest::keyClicks(bar->branchEdit(), "main"); // applies by itself after a pause
        QTRY_COMPARE(shownRuns(), (QList<qint64>{m_fx.failed, m_fx.good}));
        bar->clear();

        bar->environmentCombo()->setFocus();
        bar->environmentCombo()->setCurrentIndex(bar->environmentCombo()->findText("production"));
        QTRY_COMPARE(shownRuns(), (QList<qint64>{m_fx.fixed, m_fx.failed}));
        bar->statusCombo()->setCurrentIndex(bar->statusCombo()->findData("failed"));
        QTRY_COMPARE(shownRuns(), QList<qint64>{m_fx.failed});
        bar->clear();

        bar->fromEdit()->setDate(QDate(2026, 3, 4));
        bar->toEdit()->setDate(QDate(2026, 3, 6));
        QTRY_COMPARE(shownRuns(), QList<qint64>{m_fx.failed});
        bar->toEdit()->setDate(bar->toEdit()->minimumDate()); // "any"
        QTRY_COMPARE(shownRuns(), (QList<qint64>{m_fx.fixed, m_fx.failed}));
    }

    // The From and To calendars open at this month while they say "any" (the lowest date,
    // January 2000, is only the marker for "any"), and at the chosen date once one is set.
    // Branch and Who match any part of the name, ignoring case; % and _ are plain
    // characters, not wildcards.
    void branchAndWhoMatchPartOfTheName()
    {
        HistoryFilterBar *bar = m_browser->filterBar();
        QTest::keyClicks(bar->branchEdit(), "LOGIN");
        QTest::keyClick(bar->branchEdit(), Qt::Key_Return);
        QTRY_COMPARE(shownRuns(), QList<qint64>{m_fx.fixed});
        bar->clear();
        QTRY_COMPARE(shownRuns().size(), 3);

        QTest::keyClicks(bar->whoEdit(), "An");
        QTest::keyClick(bar->whoEdit(), Qt::Key_Return);
        QTRY_COMPARE(shownRuns(), (QList<qint64>{m_fx.fixed, m_fx.good}));
        bar->clear();
        QTRY_COMPARE(shownRuns().size(), 3);

        QTest::keyClicks(bar->branchEdit(), "feature_login"); // "_" is not "any character"
        QTest::keyClick(bar->branchEdit(), Qt::Key_Return);
        QTRY_VERIFY(settled());
        QTRY_COMPARE(shownRuns(), QList<qint64>{});
        bar->clear();
        QTest::keyClicks(bar->whoEdit(), "%");
        QTest::keyClick(bar->whoEdit(), Qt::Key_Return);
        QTRY_VERIFY(settled());
        QTRY_COMPARE(shownRuns(), QList<qint64>{});
        bar->clear();
    }

    // Beside the filters, how many runs match them, counted off the GUI thread.
    void theCountOfMatchesFollowsTheFilters()
    {
        HistoryFilterBar *bar = m_browser->filterBar();
        QTRY_COMPARE(bar->matchCountText(), QString("3 run(s)"));
        QVERIFY(bar->matchCountLabel()->isVisible());
        QTest::keyClicks(bar->whoEdit(), "bob");
        QTest::keyClick(bar->whoEdit(), Qt::Key_Return);
        QTRY_COMPARE(bar->matchCountText(), QString("1 run(s)"));
        bar->clear();
        bar->environmentCombo()->setCurrentIndex(bar->environmentCombo()->findText("production"));
        QTRY_COMPARE(bar->matchCountText(), QString("2 run(s)"));
        QTest::keyClicks(bar->grepEdit(), "kangaroo");
        QTest::keyClick(bar->grepEdit(), Qt::Key_Return);
        QTRY_COMPARE(bar->matchCountText(), QString("1 run(s)"));
        QTest::keyClicks(bar->grepEdit(), "-nowhere");
        QTest::keyClick(bar->grepEdit(), Qt::Key_Return);
        QTRY_COMPARE(bar->matchCountText(), QString("0 run(s)"));
        bar->clear();
        QTRY_COMPARE(bar->matchCountText(), QString("3 run(s)"));
        QTRY_VERIFY(bar->matchCountLabel()->isEnabled()); // counted, not greyed any more
    }

    // At the width the History tab has in a 1200×760 window, every filter field shows its
    // whole placeholder ("Text in l…" was cut) and the bar's last button is inside it.
    void filterFieldsShowTheirWholePlaceholder()
    {
        m_browser->resize(950, 600);
        HistoryFilterBar *bar = m_browser->filterBar();
        QTRY_VERIFY(bar->width() <= 950 && bar->width() > 900);
        for (QLineEdit *edit : {bar->branchEdit(), bar->whoEdit(), bar->grepEdit()}) {
            const int needed = edit->fontMetrics().horizontalAdvance(edit->placeholderText()) + 40;
            QVERIFY2(edit->width() >= needed,
                     qPrintable(QString("%1: %2 px for %3 px of placeholder")
                                    .arg(edit->placeholderText())
                                    .arg(edit->width())
                                    .arg(needed)));
        }
        QVERIFY(bar->clearButton()->geometry().right() <= bar->width());
    }

    // The "To" label showed "Tc" in a 1280-pixel window: its mnemonic's underline makes Qt
    // draw "T" and "o" apart, without their kerning, one pixel wider than measured. With
    // the panel's label font (keepMnemonicLabelsWhole), each label gets the width its text
    // is drawn with, however far the bar is squeezed.
    void filterLabelsShowTheirWholeText()
    {
        keepMnemonicLabelsWhole(*qApp);
        HistoryFilterBar bar;
        bar.resize(bar.minimumSizeHint());
        bar.show();
        QVERIFY(QTest::qWaitForWindowExposed(&bar));
        int labels = 0;
        for (QLabel *label : bar.findChildren<QLabel *>()) {
            if (!label->buddy())
                continue;
            ++labels;
            // As drawn: the text before the mnemonic, its letter and the rest, each alone.
            const QString text = label->text();
            const qsizetype amp = text.indexOf(QLatin1Char('&'));
            QVERIFY(amp >= 0 && amp + 1 < text.size());
            const QFontMetrics fm = label->fontMetrics();
            const int drawn = fm.horizontalAdvance(text.left(amp)) +
                              fm.horizontalAdvance(text.mid(amp + 1, 1)) +
                              fm.horizontalAdvance(text.mid(amp + 2));
            QVERIFY2(label->contentsRect().width() >= drawn,
                     qPrintable(QString("%1: %2 px wide, drawn %3 px")
                                    .arg(withoutMnemonic(text))
                                    .arg(label->contentsRect().width())
                                    .arg(drawn)));
        }
        QCOMPARE(labels, 2); // From, To
    }

    // Too narrow for one row (German at the default size, any language at 800x600), the
    // filters wrap onto more rows: each is whole and inside the bar, none needs scrolling,
    // and a date stays beside its label. Wide enough, they are one row again.
    void filtersWrapWhenTheWindowIsNarrow()
    {
        HistoryFilterBar *bar = m_browser->filterBar();
        const QList<QWidget *> fields{bar->findChild<QComboBox *>(), bar->branchEdit(),
                                      bar->whoEdit(), bar->grepEdit(), bar->clearButton()};
        const auto rows = [&] {
            QSet<int> tops;
            for (QWidget *w : fields)
                tops.insert(w->mapTo(bar, QPoint(0, 0)).y() / 10);
            return tops.size();
        };
        m_browser->resize(1600, 600);
        QTRY_COMPARE(rows(), 1);
        m_browser->resize(520, 600);
        QTRY_VERIFY(bar->width() <= 520);
        QTRY_VERIFY(rows() >= 2);
        QVERIFY(bar->minimumSizeHint().width() <= 520);
        for (QWidget *w : bar->findChildren<QWidget *>(Qt::FindDirectChildrenOnly)) {
            if (!w->isVisible())
                continue;
            const QRect in(w->mapTo(bar, QPoint(0, 0)), w->size());
            QVERIFY2(
                bar->rect().contains(in),
                qPrintable(QString("%1 at %2,%3 %4x%5 outside the %6x%7 bar")
                               .arg(w->accessibleName(), QString::number(in.x()),
                                    QString::number(in.y()), QString::number(in.width()),
                                    QString::number(in.height()), QString::number(bar->width()),
                                    QString::number(bar->height()))));
            QVERIFY(w->width() >= w->minimumSizeHint().width());
        }
        for (QLabel *label : bar->findChildren<QLabel *>()) {
            if (!label->buddy())
                continue;
            QCOMPARE(label->mapTo(bar, QPoint(0, label->height() / 2)).y() / 4,
                     label->buddy()->mapTo(bar, QPoint(0, label->buddy()->height() / 2)).y() / 4);
            QVERIFY(label->mapTo(bar, QPoint(0, 0)).x() <
                    label->buddy()->mapTo(bar, QPoint(0, 0)).x());
        }
        // Tab walks the fields in the order they are shown.
        const QList<QDateEdit *> dates = bar->findChildren<QDateEdit *>();
        QCOMPARE(dates.size(), 2);
        const QList<QWidget *> shown{bar->findChild<QComboBox *>(),
                                     bar->branchEdit(),
                                     bar->whoEdit(),
                                     dates[0],
                                     dates[1],
                                     bar->grepEdit(),
                                     bar->clearButton()};
        QList<QWidget *> order; // the focus chain from the first field, those fields only
        QWidget *w = shown.first();
        for (int guard = 0; guard < 500 && order.size() < shown.size(); ++guard) {
            if (shown.contains(w) && !order.contains(w))
                order << w;
            w = w->nextInFocusChain();
        }
        QCOMPARE(order, shown);
    }

    void calendarsOpenAtThisMonth()
    {
        QDateEdit *from = m_browser->filterBar()->fromEdit();
        QCOMPARE(from->text(), from->specialValueText());
        QCalendarWidget *calendar = from->calendarWidget();
        // The arrow at the right edge opens the popup, as a user's click does.
        QTest::mouseClick(from, Qt::LeftButton, {}, QPoint(from->width() - 4, from->height() / 2));
        QTRY_VERIFY(calendar->isVisible());
        QCOMPARE(calendar->yearShown(), QDate::currentDate().year());
        QCOMPARE(calendar->monthShown(), QDate::currentDate().month());
        QCOMPARE(from->text(), from->specialValueText()); // still "any"
        calendar->window()->close();

        from->setDate(QDate(2025, 2, 14));
        QTest::mouseClick(from, Qt::LeftButton, {}, QPoint(from->width() - 4, from->height() / 2));
        QTRY_VERIFY(calendar->isVisible());
        QCOMPARE(calendar->yearShown(), 2025);
        QCOMPARE(calendar->monthShown(), 2);
        calendar->window()->close();
        m_browser->filterBar()->clear();
    }

    void detailsShowTheSelectedRun()
    {
        QAbstractItemModelTester tester(m_browser->model(),
                                        QAbstractItemModelTester::FailureReportingMode::Fatal);
        m_browser->selectRun(m_fx.failed);
        RunDetailsPane *details = m_browser->details();
        QCOMPARE(details->runId(), m_fx.failed);
        QTRY_VERIFY(!details->isLoading());
        QVERIFY(details->headerText().contains("production"));
        QVERIFY(details->headerText().contains("bob"));
        QTreeWidget *stages = details->stagesView();
        QCOMPARE(stages->topLevelItemCount(), 3);
        QTreeWidgetItem *test = stages->topLevelItem(1);
        QCOMPARE(test->text(RunDetailsPane::StageNameColumn), "test");
        QCOMPARE(test->text(RunDetailsPane::StageStatusColumn), "Failed");
        QCOMPARE(test->text(RunDetailsPane::StageAttemptsColumn), "2");
        QCOMPARE(test->text(RunDetailsPane::StageDurationColumn), "25 s");
        QStringList kinds;
        for (int i = 0; i < details->eventsView()->topLevelItemCount(); ++i)
            kinds << details->eventsView()->topLevelItem(i)->text(RunDetailsPane::EventKindColumn);
        QCOMPARE(kinds,
                 (QStringList{"Started", "Retry", "Approved", "Cancel requested", "Refused"}));
        QCOMPARE(details->eventsView()->topLevelItem(2)->text(RunDetailsPane::EventWhoColumn),
                 "carol");
        QCOMPARE(details->artifactsView()->topLevelItemCount(), 1);
        QCOMPARE(
            details->artifactsView()->topLevelItem(0)->text(RunDetailsPane::ArtifactPathColumn),
            "build/dist/app.tar");

        // Selecting another row with the keyboard follows.
        m_browser->view()->setFocus();
        QTest::keyClick(m_browser->view(), Qt::Key_Down);
        QCOMPARE(details->runId(), m_fx.good);
        QTRY_VERIFY(!details->isLoading());
        QCOMPARE(details->stagesView()->topLevelItemCount(), 3);
        QCOMPARE(details->eventsView()->topLevelItemCount(), 0);
    }

    void enterOnAStageOpensItsLogs()
    {
        QSignalSpy opened(m_browser.get(), &HistoryBrowser::openLogsRequested);
        m_browser->selectRun(m_fx.failed);
        QTreeWidget *stages = m_browser->details()->stagesView();
        QTRY_COMPARE(stages->topLevelItemCount(), 3);
        m_browser->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_browser.get()));
        stages->setFocus();
        stages->setCurrentItem(stages->topLevelItem(1));
        QTest::keyClick(stages, Qt::Key_Return);
        QCOMPARE(opened.size(), 1);
        QCOMPARE(opened.at(0).at(0).toLongLong(), m_fx.failed);
        QCOMPARE(opened.at(0).at(1).toLongLong(), m_fx.failedTestStage);

        m_browser->view()->setFocus();
        QTest::keyClick(m_browser->view(), Qt::Key_Return);
        QCOMPARE(opened.size(), 2);
        QCOMPARE(opened.at(1).at(1).toLongLong(), 0); // the whole run
    }

    // What a stage annotated (GitHub's ::error file=…::) is counted on its row and listed
    // in the Annotations tab; Enter on one opens its stage's log.
    void annotationsAreShownWithTheirStage()
    {
        Annotation error;
        error.level = Annotation::Level::Error;
        error.file = "tests/test_search.py";
        error.line = 12;
        error.column = 5;
        error.message = "assert 3 == 4";
        Annotation warning;
        warning.level = Annotation::Level::Warning;
        warning.title = "Slow";
        warning.message = "test took 9 s";
        QVERIFY(m_fx.store->addAnnotations(m_fx.failed, "test", {error, warning}));
        QSignalSpy opened(m_browser.get(), &HistoryBrowser::openLogsRequested);
        m_browser->selectRun(m_fx.failed);
        RunDetailsPane *details = m_browser->details();
        QTRY_VERIFY(!details->isLoading());
        QTreeWidget *stages = details->stagesView();
        QTRY_COMPARE(stages->topLevelItemCount(), 3);
        QVERIFY(!stages->isColumnHidden(RunDetailsPane::StageAnnotationsColumn));
        QCOMPARE(stages->topLevelItem(1)->text(RunDetailsPane::StageAnnotationsColumn),
                 "1 error(s), 1 warning(s)"); // tests run untranslated
        QCOMPARE(stages->topLevelItem(0)->text(RunDetailsPane::StageAnnotationsColumn), "");
        QTreeWidget *list = details->annotationsView();
        QCOMPARE(list->topLevelItemCount(), 2);
        QTreeWidgetItem *first = list->topLevelItem(0);
        QCOMPARE(first->text(RunDetailsPane::AnnotationStageColumn), "test");
        QCOMPARE(first->text(RunDetailsPane::AnnotationLevelColumn), "Error");
        QCOMPARE(first->text(RunDetailsPane::AnnotationLocationColumn),
                 "tests/test_search.py:12:5");
        QCOMPARE(first->text(RunDetailsPane::AnnotationMessageColumn), "assert 3 == 4");
        QCOMPARE(list->topLevelItem(1)->text(RunDetailsPane::AnnotationMessageColumn),
                 "Slow: test took 9 s");
        auto *tabs = details->findChild<QTabWidget *>();
        QVERIFY(tabs);
        QCOMPARE(tabs->tabText(tabs->indexOf(list)), "Annotations (2)");

        m_browser->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_browser.get()));
        tabs->setCurrentWidget(list);
        list->setFocus();
        list->setCurrentItem(first);
        QTest::keyClick(list, Qt::Key_Return);
        QCOMPARE(opened.size(), 1);
        QCOMPARE(opened.at(0).at(0).toLongLong(), m_fx.failed);
        QCOMPARE(opened.at(0).at(1).toLongLong(), m_fx.failedTestStage);

        // A run without any keeps the column out of the way.
        m_browser->selectRun(m_fx.good);
        QTRY_VERIFY(!details->isLoading());
        QTRY_COMPARE(details->runId(), m_fx.good);
        QVERIFY(stages->isColumnHidden(RunDetailsPane::StageAnnotationsColumn));
        QCOMPARE(list->topLevelItemCount(), 0);
    }

    void compareShowsTheChangedStage()
    {
        QAction *compare = action("Compare");
        QVERIFY(compare);
        QCOMPARE(compare->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_D));
        selectRows({m_fx.good});
        QVERIFY(!compare->isEnabled());
        selectRows({m_fx.failed, m_fx.good});
        QVERIFY(compare->isEnabled());
        compare->trigger();
        auto *dialog = m_browser->findChild<CompareDialog *>();
        QVERIFY(dialog);
        QVERIFY(dialog->isVisible());
        CompareModel *model = dialog->model();
        QAbstractItemModelTester tester(model,
                                        QAbstractItemModelTester::FailureReportingMode::Fatal);
        // The older run is A.
        QCOMPARE(model->headerData(CompareModel::StatusA, Qt::Horizontal).toString(),
                 QStringLiteral("Run %1").arg(m_fx.good));
        QVERIFY(dialog->summary().contains("2 stage(s) changed"));
        dialog->onlyChangesBox()->setChecked(true);
        QCOMPARE(model->rowCount(), 2);
        QCOMPARE(model->index(0, CompareModel::Stage).data().toString(), "test");
        QCOMPARE(model->index(0, CompareModel::StatusB).data().toString(), "Failed");
        QCOMPARE(model->index(0, CompareModel::Delta).data().toString(), "+5 s");
        QCOMPARE(model->index(1, CompareModel::Stage).data().toString(), "deploy");
        dialog->close();
    }

    // The extension typed wins over the dialog's filter ("run-7.html" with the Markdown
    // filter is HTML); without one, the filter decides and its extension is added.
    void exportTargetFollowsTheTypedExtension_data()
    {
        QTest::addColumn<QString>("typed");
        QTest::addColumn<bool>("htmlFilter");
        QTest::addColumn<QString>("path");
        QTest::addColumn<bool>("html");
        QTest::newRow("html typed, markdown filter")
            << "/r/run-7.html" << false << "/r/run-7.html" << true;
        QTest::newRow("htm typed, markdown filter")
            << "/r/run-7.HTM" << false << "/r/run-7.HTM" << true;
        QTest::newRow("md typed, html filter") << "/r/run-7.md" << true << "/r/run-7.md" << false;
        QTest::newRow("markdown typed, html filter")
            << "/r/notes.markdown" << true << "/r/notes.markdown" << false;
        QTest::newRow("none typed, html filter") << "/r/run-7" << true << "/r/run-7.html" << true;
        QTest::newRow("none typed, markdown filter")
            << "/r/run-7" << false << "/r/run-7.md" << false;
        QTest::newRow("other extension kept, filter's added")
            << "/r/run.v2" << false << "/r/run.v2.md" << false;
    }

    void exportTargetFollowsTheTypedExtension()
    {
        QFETCH(QString, typed);
        QFETCH(bool, htmlFilter);
        QFETCH(QString, path);
        QFETCH(bool, html);
        const auto [written, format] = HistoryBrowser::exportTarget(
            typed, htmlFilter ? ReportFormat::Html : ReportFormat::Markdown);
        QCOMPARE(written, path);
        QCOMPARE(format == ReportFormat::Html, html);
    }

    void exportWritesTheChosenFormat()
    {
        QTemporaryDir out;
        QAction *exportAction = action("Export");
        QVERIFY(exportAction);
        QCOMPARE(exportAction->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_E));
        // A secret set after the run recorded its value (no keychain here: its name in the
        // history folder's index, its value from the environment) is masked in the report.
        QFile index(m_fx.store->dataDir() + "/secrets.json");
        QVERIFY(index.open(QIODevice::WriteOnly));
        index.write(R"({"version": 1, "names": ["FIXTURE_TOKEN"]})");
        index.close();
        qputenv("DEPLOYDESK_NO_KEYCHAIN", "1");
        qputenv("FIXTURE_TOKEN", HistoryFixture::kSecret);
        auto unset = qScopeGuard([&] {
            QFile::remove(index.fileName());
            qunsetenv("FIXTURE_TOKEN");
        });
        QSignalSpy exported(m_browser.get(), &HistoryBrowser::reportExported);
        const QString path = out.filePath("run.html");
        m_browser->exportReport(m_fx.failed, path, ReportFormat::Html);
        QVERIFY(exported.wait());
        QCOMPARE(exported.at(0).at(0).toLongLong(), m_fx.failed);
        QCOMPARE(exported.at(0).at(1).toString(), path);
        QCOMPARE(exported.at(0).at(2).toString(), QString()); // no error
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QString html = QString::fromUtf8(f.readAll());
        QVERIFY(html.contains("<h2>Stages</h2>"));
        QVERIFY(html.contains("FAIL expected 3 got 4"));
        QVERIFY(!html.contains(QLatin1String(HistoryFixture::kSecret)));
        m_browser->exportReport(m_fx.failed, out.filePath("missing/dir/x.md"),
                                ReportFormat::Markdown);
        QVERIFY(exported.wait());
        QVERIFY(exported.at(1).at(2).toString().contains("missing/dir/x.md"));
    }

    // The report is read and written by the reader's thread: the GUI thread returns at
    // once and goes on while the writer is held, and the file appears once it is let go.
    void exportIsWrittenOffTheGuiThread()
    {
        QTemporaryDir out;
        const QString path = out.filePath("run.md");
        std::atomic<QThread *> writer = nullptr;
        QSemaphore hold;
        Ui::Internal::setReportExportHookForTesting([&] {
            writer = QThread::currentThread();
            hold.acquire();
        });
        auto cleanup = qScopeGuard([&] {
            hold.release(); // never leave the reader stuck (the browser waits for it)
            Ui::Internal::setReportExportHookForTesting({});
        });
        QSignalSpy exported(m_browser.get(), &HistoryBrowser::reportExported);
        m_browser->exportReport(m_fx.failed, path, ReportFormat::Markdown);
        QTRY_VERIFY(writer.load()); // the event loop runs while the writer is held
        QVERIFY(writer.load() != QThread::currentThread());
        QVERIFY(!QFile::exists(path));
        QCOMPARE(exported.size(), 0);
        // Meanwhile the window still answers: another run's details arrive (queued behind
        // the export on the same thread, so only after it).
        m_browser->selectRun(m_fx.good);
        QCOMPARE(m_browser->details()->runId(), m_fx.good);
        hold.release();
        QVERIFY(exported.wait());
        QCOMPARE(exported.at(0).at(2).toString(), QString());
        QVERIFY(QFile::exists(path));
        QTRY_VERIFY(!m_browser->details()->isLoading());
    }

    // The details are read on the reader's thread: the pane says it is loading until
    // they arrive, and an answer for a run no longer asked for is dropped.
    void detailsArriveAsynchronously()
    {
        RunDetailsPane *details = m_browser->details();
        QSignalSpy loaded(details, &RunDetailsPane::runLoaded);
        m_browser->selectRun(m_fx.failed);
        QVERIFY(details->isLoading());
        QCOMPARE(details->headerText(), QStringLiteral("Loading run %1…").arg(m_fx.failed));
        QCOMPARE(details->stagesView()->topLevelItemCount(), 0);
        m_browser->selectRun(m_fx.fixed); // before the first answer is in
        QTRY_COMPARE(details->stagesView()->topLevelItemCount(), 4);
        QVERIFY(!details->isLoading());
        QVERIFY(details->headerText().contains("feature/login"));
        QCOMPARE(loaded.size(), 1); // the first run's answer was dropped
        QCOMPARE(loaded.at(0).at(0).toLongLong(), m_fx.fixed);
        QCOMPARE(loaded.at(0).at(1).toBool(), true);

        // A run that is not there: the header says so.
        loaded.clear();
        details->showRun(987654);
        QVERIFY(loaded.wait());
        QCOMPARE(loaded.at(0).at(1).toBool(), false);
        QVERIFY2(details->headerText().contains("987654"), qPrintable(details->headerText()));
        QCOMPARE(details->runId(), 0);
    }

    void rerunIsOfferedForAFailedRunOnly()
    {
        QAction *rerun = action("Re-run");
        QVERIFY(rerun);
        QSignalSpy requested(m_browser.get(), &HistoryBrowser::rerunFailedRequested);
        selectRows({m_fx.good});
        QVERIFY(!rerun->isEnabled());
        selectRows({m_fx.failed});
        QVERIFY(rerun->isEnabled());
        rerun->trigger();
        QCOMPARE(requested.size(), 1);
        QCOMPARE(requested.at(0).at(0).toLongLong(), m_fx.failed);
    }

    void onlyStartedAndDurationSort()
    {
        QHeaderView *header = m_browser->view()->header();
        header->setSortIndicator(HistoryModel::Duration, Qt::DescendingOrder);
        QTRY_COMPARE(shownRuns(), (QList<qint64>{m_fx.failed, m_fx.fixed, m_fx.good}));
        header->setSortIndicator(HistoryModel::Branch, Qt::AscendingOrder);
        QCOMPARE(header->sortIndicatorSection(), int(HistoryModel::Duration));
        QVERIFY(m_browser->model()->order() == RunOrder::LongestFirst);
        header->setSortIndicator(HistoryModel::Started, Qt::AscendingOrder);
        QTRY_COMPARE(shownRuns(), (QList<qint64>{m_fx.good, m_fx.failed, m_fx.fixed}));
    }

    void refreshKeepsTheSelection()
    {
        m_browser->selectRun(m_fx.failed);
        m_browser->refresh();
        QTRY_VERIFY(settled() && m_browser->selectedRunIds() == QList<qint64>{m_fx.failed});
        QCOMPARE(m_browser->details()->runId(), m_fx.failed);
        QTRY_VERIFY(!m_browser->details()->isLoading());
        QVERIFY(m_browser->details()->headerText().contains("bob"));
    }

    void everyWidgetHasAnAccessibleName()
    {
        const auto widgets = m_browser->findChildren<QWidget *>();
        for (QWidget *w : widgets) {
            const bool interactive = qobject_cast<QLineEdit *>(w) || qobject_cast<QComboBox *>(w) ||
                                     qobject_cast<QAbstractItemView *>(w);
            if (interactive && !qobject_cast<QLineEdit *>(w->parentWidget()) &&
                !qobject_cast<QComboBox *>(w->parentWidget()) &&
                !qobject_cast<QAbstractSpinBox *>(w->parentWidget()) &&
                !qobject_cast<QAbstractItemView *>(w->parentWidget()))
                QVERIFY2(!w->accessibleName().isEmpty(), w->metaObject()->className());
        }
    }
};

QTEST_MAIN(TestHistoryBrowser)
#include "tst_historybrowser.moc"
