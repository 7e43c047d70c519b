// The window at every size and scale: it opens inside the screen it is on (also with a
// saved geometry from a bigger screen, and at a 2x scale factor), nothing the user selects
// makes it grow, and the history's columns and the sidebar's entries are sized from the
// words they hold, in English and in German.
//
// The offscreen platform gets one screen of the size given with --screen=WIDTHxHEIGHT
// (1600x1000 when none is given); tests/ui/mainwindow/CMakeLists.txt runs this test on a
// big screen, on a small one and on a big one at QT_SCALE_FACTOR=2.
#include "store/historystore.h"
#include "ui/common/statusstyle.h"
#include "ui/environmentlist.h"
#include "ui/environments/environmentsview.h"
#include "ui/environments/livereleasecard.h"
#include "ui/history/historybrowser.h"
#include "ui/history/rundetailspane.h"
#include "ui/historymodel.h"
#include "ui/logview/findbar.h"
#include "ui/logview/logviewer.h"
#include "ui/mainwindow.h"
#include "ui/settings/theme.h"

#include <QAction>
#include <QApplication>
#include <QDirIterator>
#include <QHeaderView>
#include <QListWidget>
#include <QScopeGuard>
#include <QScreen>
#include <QScrollBar>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStyle>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QToolBar>
#include <QToolButton>
#include <QTranslator>
#include <QTreeView>
#include <QTreeWidget>

#include <cmath>
#include <vector>

using namespace DeployDesk;
using namespace DeployDesk::Ui;

namespace {

QSize g_screen(1600, 1000); // set by main() from --screen=

void copyTree(const QString &from, const QString &to)
{
    QDirIterator it(from, QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString file = it.next();
        const QString rel = QDir(from).relativeFilePath(file);
        if (rel.startsWith("build/") || rel.contains("__pycache__") || rel.contains(".mypy_cache"))
            continue;
        QDir().mkpath(QFileInfo(to + "/" + rel).absolutePath());
        QFile::copy(file, to + "/" + rel);
    }
}

const QLatin1String kGeometryKey("ui/mainWindowGeometry");

const QList<RunStatus> kRunStatuses = {RunStatus::Queued,    RunStatus::Running,
                                       RunStatus::Success,   RunStatus::Failed,
                                       RunStatus::Cancelled, RunStatus::Interrupted};

double relativeLuminance(const QColor &colour)
{
    const QColor c = colour.toRgb();
    const auto linear = [](int channel8) {
        const double v = channel8 / 255.0;
        return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
    };
    return 0.2126 * linear(c.red()) + 0.7152 * linear(c.green()) + 0.0722 * linear(c.blue());
}

double contrast(const QColor &a, const QColor &b)
{
    const double la = relativeLuminance(a);
    const double lb = relativeLuminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

QString describe(const QRect &r)
{
    return QStringLiteral("%1x%2%3%4%5%6")
        .arg(r.width())
        .arg(r.height())
        .arg(r.x() >= 0 ? "+" : "")
        .arg(r.x())
        .arg(r.y() >= 0 ? "+" : "")
        .arg(r.y());
}

} // namespace

class tst_WindowLayout final : public QObject
{
    Q_OBJECT

    QTemporaryDir m_tmp;
    QString m_data;
    QString m_ws;

    static bool waitReady(MainWindow &w)
    {
        return QTest::qWaitFor([&] { return !w.pipeline().name.isEmpty() && w.isHistoryOpen(); },
                               20000);
    }

    static QRect available(const QWidget &w)
    {
        return w.screen() ? w.screen()->availableGeometry() : QRect();
    }

    // Whether a 1200x760 window with its frame fits on this screen (not with 2x scaling).
    static bool defaultSizeFits(const QWidget &w)
    {
        return available(w).width() >= 1200 + 20 && available(w).height() >= 760 + 40;
    }

    static void verifyInsideTheScreen(const QWidget &w)
    {
        QVERIFY2(available(w).contains(w.frameGeometry()),
                 qPrintable(QStringLiteral("the window %1 (frame %2) is not inside the screen's %3")
                                .arg(describe(w.geometry()), describe(w.frameGeometry()),
                                     describe(available(w)))));
    }

    // A history with runs of every kind for the example workspace: a long message, a
    // failed stage with a long reason.
    void seedHistory()
    {
        auto opened = HistoryStore::open(m_data);
        QVERIFY2(opened, qPrintable(opened ? QString() : opened.error().toString()));
        auto &store = *opened;
        const QDateTime start = QDateTime::currentDateTimeUtc().addDays(-1);
        int n = 0;
        for (const RunStatus status : {RunStatus::Success, RunStatus::Failed, RunStatus::Cancelled,
                                       RunStatus::Interrupted, RunStatus::Success}) {
            RunRecord r;
            r.workspace = m_ws;
            r.pipeline = "textbook";
            r.environment = n % 2 ? QStringLiteral("production") : QStringLiteral("staging");
            r.status = status;
            r.branch = "main";
            r.triggeredBy = "ana";
            r.commit = "0123456789abcdef0123456789abcdef01234567";
            r.message = QStringLiteral("Deploy the new search page and the re-embedded corpus "
                                       "after the review of the golden questions");
            r.startedAt = start.addSecs(600 * n);
            auto id = store->createRun(r);
            QVERIFY(id);
            QVERIFY(store->finishRun(*id, status, r.startedAt.addSecs(754)));
            StageRecord s;
            s.runId = *id;
            s.name = "test-backend";
            s.status = status == RunStatus::Failed ? StageStatus::Failed : StageStatus::Success;
            s.position = 0;
            s.attempts = 1;
            s.reason = status == RunStatus::Failed
                           ? QStringLiteral("exit code 1: 3 of 120 tests failed in "
                                            "backend/tests/test_search.py (test_ranking, "
                                            "test_empty_query, test_unicode_query)")
                           : QString();
            s.startedAt = r.startedAt;
            s.finishedAt = r.startedAt.addSecs(60);
            QVERIFY(store->createStage(s));
            ++n;
        }
        // staging's live release, as the example's deploys leave it (its addresses closed:
        // the health check says "down: Connection refused").
        RunRecord run;
        run.workspace = m_ws;
        run.pipeline = "textbook";
        run.environment = "staging";
        run.status = RunStatus::Success;
        run.triggeredBy = "ana";
        run.startedAt = start.addSecs(600 * n);
        auto runId = store->createRun(run);
        QVERIFY(runId);
        QVERIFY(store->finishRun(*runId, RunStatus::Success, run.startedAt.addSecs(60)));
        ReleaseRecord release;
        release.workspace = m_ws;
        release.environment = "staging";
        release.runId = *runId;
        release.who = "ana";
        for (const auto &[layer, target, version] :
             {std::tuple{Layer::Site, QStringLiteral("local-site"),
                         QStringLiteral("20261130T095424Z-4")},
              std::tuple{Layer::Backend, QStringLiteral("local-service"),
                         QStringLiteral("20261130-095433")}}) {
            DeploymentRecord d;
            d.runId = *runId;
            d.stage = "deploy-" + toString(layer);
            d.workspace = m_ws;
            d.environment = "staging";
            d.deployment = Deployment{target,
                                      layer,
                                      version,
                                      QStringLiteral("http://127.0.0.1:9/"),
                                      QDateTime::currentDateTimeUtc(),
                                      {}};
            auto id = store->addDeployment(d);
            QVERIFY(id);
            d.id = *id;
            release.layers.append({layer, true, d});
        }
        QVERIFY(store->createRelease(release));
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        // A settings file of its own: ctest runs this binary for three screens at once, and
        // the other panel tests beside it, and all would share ~/.qttest's (one run's saved
        // geometry read by another made "a saved geometry" fail now and then).
        for (const auto format : {QSettings::NativeFormat, QSettings::IniFormat})
            QSettings::setPath(format, QSettings::UserScope, m_tmp.filePath("settings"));
        QSettings().remove(kGeometryKey);
        m_data = m_tmp.filePath("data");
        qputenv("DEPLOYDESK_DATA_DIR", m_data.toUtf8());
        qputenv("DEPLOYDESK_NO_KEYCHAIN", "1");
        m_ws = m_tmp.filePath("textbook");
        copyTree(QStringLiteral(DD_SOURCE_DIR "/examples/textbook"), m_ws);
        seedHistory();
        QVERIFY(QGuiApplication::primaryScreen());
        qInfo("screen %s, available %s, scale %s",
              qPrintable(describe(QGuiApplication::primaryScreen()->geometry())),
              qPrintable(describe(QGuiApplication::primaryScreen()->availableGeometry())),
              qPrintable(QString::number(QGuiApplication::primaryScreen()->devicePixelRatio())));
    }

    void cleanup() { QSettings().remove(kGeometryKey); }

    // A first start: 1200x760 when the screen has room, else as big as the screen allows,
    // frame and all, never bigger (2400x1520 device pixels on a 1600x1000 screen at 2x).
    void opensInsideTheScreen()
    {
        MainWindow w(m_ws);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QVERIFY(waitReady(w));
        verifyInsideTheScreen(w);
        if (defaultSizeFits(w))
            QCOMPARE(w.size(), QSize(1200, 760));
        // Loading the pipeline and the history did not push it out either.
        QCoreApplication::processEvents();
        verifyInsideTheScreen(w);
    }

    // The geometry is remembered when the window closes; one saved on a bigger screen (or
    // before the scale factor changed) is shrunk and moved onto this one.
    void aSavedGeometryIsFittedToTheScreen()
    {
        {
            MainWindow w(m_ws);
            w.show();
            QVERIFY(QTest::qWaitForWindowExposed(&w));
            QVERIFY(waitReady(w));
            const QRect screen = available(w);
            w.setGeometry(screen.x() + 200, screen.y() + 150, screen.width() + 400,
                          screen.height() + 300);
            QVERIFY(w.close());
        }
        QVERIFY(QSettings().contains(kGeometryKey));
        MainWindow w(m_ws);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QVERIFY(waitReady(w));
        verifyInsideTheScreen(w);
    }

    // A geometry that fits is restored as it was.
    void aSavedGeometryThatFitsIsKept()
    {
        QRect saved;
        {
            MainWindow w(m_ws);
            w.show();
            QVERIFY(QTest::qWaitForWindowExposed(&w));
            QVERIFY(waitReady(w));
            const QRect screen = available(w);
            const QSize size(std::min(900, screen.width() - 80),
                             std::min(620, screen.height() - 80));
            w.resize(size);
            QTRY_COMPARE(w.size(), size);
            saved = w.geometry();
            QVERIFY(w.close());
        }
        MainWindow w(m_ws);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QCOMPARE(w.size(), saved.size());
        verifyInsideTheScreen(w);
    }

    void selectingAnEnvironmentNeverGrowsTheWindow_data()
    {
        QTest::addColumn<QString>("language");
        QTest::addColumn<QSize>("size");
        QTest::newRow("English, 800x600") << QString() << QSize(800, 600);
        QTest::newRow("German, 800x600") << QStringLiteral("de") << QSize(800, 600);
        QTest::newRow("English, default") << QString() << QSize();
        QTest::newRow("German, default") << QStringLiteral("de") << QSize();
    }

    // Every environment selected, production waiting for approval (the longest entry), on
    // every tab: the window keeps its size, and a 800x600 one stays 800x600.
    void selectingAnEnvironmentNeverGrowsTheWindow()
    {
        QFETCH(QString, language);
        QFETCH(QSize, size);
        QTranslator translator;
        if (!language.isEmpty()) {
            QVERIFY(translator.load(QStringLiteral(":/i18n/deploydesk_%1.qm").arg(language)));
            QVERIFY(QCoreApplication::installTranslator(&translator));
        }
        auto removeTranslator =
            qScopeGuard([&] { QCoreApplication::removeTranslator(&translator); });
        MainWindow w(m_ws);
        w.setConfirmations(false);
        if (size.isValid()) {
            if (size.width() > available(w).width() || size.height() > available(w).height())
                QSKIP("the screen is smaller than the size asked for");
            w.resize(size);
        }
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QVERIFY(waitReady(w));
        const QSize before = w.size();
        if (size.isValid())
            QCOMPARE(before, size);
        EnvironmentList *environments = w.environmentList();
        QStringList grew;
        const auto check = [&](const QString &what) {
            QCoreApplication::processEvents();
            if (w.size() != before || w.minimumSizeHint().width() > before.width() ||
                w.minimumSizeHint().height() > before.height())
                grew << QStringLiteral("%1: the window is %2x%3 (at least %4x%5), was %6x%7")
                            .arg(what)
                            .arg(w.width())
                            .arg(w.height())
                            .arg(w.minimumSizeHint().width())
                            .arg(w.minimumSizeHint().height())
                            .arg(before.width())
                            .arg(before.height());
        };
        environments->setLiveStatus("production", RunStatus::Running, true);
        for (int tab = 0; tab < w.tabs()->count(); ++tab) {
            w.showTab(MainWindow::Tab(tab));
            for (const QString &env : QStringList{"", "preview", "staging", "production"}) {
                environments->setCurrentEnvironment(env);
                check(QStringLiteral("tab %1, %2").arg(w.tabs()->tabText(tab), env));
            }
        }
        // staging's live release with its versions and health answers neither.
        w.showTab(MainWindow::EnvironmentsTab);
        environments->setCurrentEnvironment("staging");
        LiveReleaseCard *card = w.environmentsView()->liveCard();
        QTRY_VERIFY_WITH_TIMEOUT(card->health(Layer::Site) != HealthProbe::State::Checking &&
                                     card->health(Layer::Backend) != HealthProbe::State::Checking,
                                 20000);
        QVERIFY(!card->healthText(Layer::Site).isEmpty());
        check(QStringLiteral("staging's live release"));
        // The log's find bar ("Groß-/Kleinschreibung beachten", the match count) neither.
        w.showTab(MainWindow::LogsTab);
        w.logViewer()->findAction()->trigger();
        QTRY_VERIFY(w.logViewer()->findBar()->isVisible());
        check(QStringLiteral("the Logs tab's find bar"));
        QVERIFY2(grew.isEmpty(), qPrintable(grew.join('\n')));
        // Beside the tabs, however narrow they may become, the sidebar keeps the width its
        // entries need: the window squeezed it to a few letters when the find bar (669 px
        // in German) could not shrink.
        const int tabsNeed = w.tabs()->minimumSizeHint().width();
        QVERIFY2(tabsNeed + environments->preferredWidth() + 20 <= before.width(),
                 qPrintable(QStringLiteral("the tabs need %1 px, the sidebar %2, the window is %3")
                                .arg(tabsNeed)
                                .arg(environments->preferredWidth())
                                .arg(before.width())));
        verifyInsideTheScreen(w);

        // The sidebar shows its entries whole, "Keine Umgebung (nur Prüfungen)" and the
        // waiting production among them.
        auto *list = environments->findChild<QListWidget *>("environmentList");
        QVERIFY(list);
        if (!size.isValid() && defaultSizeFits(w)) {
            for (int row = 0; row < list->count(); ++row) {
                const QRect item = list->visualItemRect(list->item(row));
                const int needed = list->sizeHintForIndex(list->model()->index(row, 0)).width();
                QVERIFY2(item.left() >= 0 && item.left() + needed <= list->viewport()->width(),
                         qPrintable(QStringLiteral("\"%1\" needs %2 px, the list shows %3")
                                        .arg(list->item(row)->text())
                                        .arg(needed)
                                        .arg(list->viewport()->width())));
            }
        }
    }

    void historyColumnsFitTheirWords_data()
    {
        QTest::addColumn<QString>("language");
        QTest::newRow("English") << QString();
        QTest::newRow("German") << QStringLiteral("de");
    }

    // At 1200x760 the history shows every column, Duration and Message included, the
    // Status column holds its longest word ("Fehlgeschlagen", "In Warteschlange") with the
    // icon, and the run's details need no horizontal scrolling.
    void historyColumnsFitTheirWords()
    {
        QFETCH(QString, language);
        QTranslator translator;
        if (!language.isEmpty()) {
            QVERIFY(translator.load(QStringLiteral(":/i18n/deploydesk_%1.qm").arg(language)));
            QVERIFY(QCoreApplication::installTranslator(&translator));
        }
        auto removeTranslator =
            qScopeGuard([&] { QCoreApplication::removeTranslator(&translator); });
        MainWindow w(m_ws);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QVERIFY(waitReady(w));
        if (!defaultSizeFits(w))
            QSKIP("the screen has no room for the default 1200x760");
        QCOMPARE(w.size(), QSize(1200, 760));
        w.showTab(MainWindow::HistoryTab);
        HistoryBrowser *history = w.historyBrowser();
        QTreeView *view = history->view();
        QTRY_VERIFY(view->model()->rowCount() >= 5);
        QHeaderView *header = view->header();
        const QFontMetrics fm = view->fontMetrics();
        const int viewport = view->viewport()->width();

        // The status words, whole: the text, the icon and the style's margins.
        const int margin = view->style()->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, view);
        const int icon = view->style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, view);
        for (const RunStatus status : kRunStatuses) {
            const QString word = statusText(status);
            if (!language.isEmpty())
                QVERIFY2(word != toString(status), qPrintable(word)); // translated
            const int needed = fm.horizontalAdvance(word) + icon + 3 * (margin + 1);
            QVERIFY2(header->sectionSize(HistoryModel::Status) >= needed,
                     qPrintable(QStringLiteral("\"%1\" needs %2 px, the Status column has %3")
                                    .arg(word)
                                    .arg(needed)
                                    .arg(header->sectionSize(HistoryModel::Status))));
        }
        // Every header's own word, whole.
        for (int column = 0; column < HistoryModel::ColumnCount; ++column) {
            const QString title = view->model()->headerData(column, Qt::Horizontal).toString();
            QVERIFY2(header->sectionSize(column) >= fm.horizontalAdvance(title), qPrintable(title));
        }

        // Duration and Message within the list, without scrolling; the message has room
        // for more than a word or two.
        QCOMPARE(view->horizontalScrollBar()->value(), 0);
        const int durationEnd = header->sectionViewportPosition(HistoryModel::Duration) +
                                header->sectionSize(HistoryModel::Duration);
        QVERIFY2(durationEnd <= viewport,
                 qPrintable(QStringLiteral("Duration ends at %1, the list is %2 px wide")
                                .arg(durationEnd)
                                .arg(viewport)));
        const int messageStart = header->sectionViewportPosition(HistoryModel::Message);
        QVERIFY2(messageStart + fm.horizontalAdvance(QStringLiteral("Deploy the new search")) <=
                     viewport,
                 qPrintable(QStringLiteral("Message starts at %1, the list is %2 px wide")
                                .arg(messageStart)
                                .arg(viewport)));

        // The failed run's details: its long reason wraps, nothing scrolls sideways.
        RunDetailsPane *details = history->details();
        int failedRow = -1;
        for (int row = 0; row < view->model()->rowCount(); ++row)
            if (view->model()->index(row, 0).data(HistoryModel::StatusRole) == "failed")
                failedRow = row;
        QVERIFY(failedRow >= 0);
        QSignalSpy loaded(details, &RunDetailsPane::runLoaded);
        view->setCurrentIndex(view->model()->index(failedRow, 0));
        QVERIFY(loaded.wait(10000));
        QCoreApplication::processEvents();
        QTreeWidget *stages = details->stagesView();
        QCOMPARE(stages->topLevelItemCount(), 1);
        QVERIFY2(!stages->horizontalScrollBar()->isVisible(),
                 qPrintable(QStringLiteral("the stages list scrolls sideways: %1 px of columns "
                                           "in %2")
                                .arg(stages->header()->length())
                                .arg(stages->viewport()->width())));
        QVERIFY(stages->header()->length() <= stages->viewport()->width());
        // The short columns keep their words on one line ("test-backend" is not cut at
        // its hyphen); only the reason wraps.
        QVERIFY(stages->header()->sectionSize(RunDetailsPane::StageNameColumn) >=
                stages->fontMetrics().horizontalAdvance(QStringLiteral("test-backend")));
        // The reason is shown whole: on one line when the column has room, else wrapped
        // onto more lines (a narrower window), never cut.
        const auto reasonShownWhole = [&] {
            const QModelIndex index = stages->model()->index(0, RunDetailsPane::StageReasonColumn);
            const QRect cell = stages->visualRect(index);
            const int text = stages->fontMetrics().horizontalAdvance(index.data().toString());
            const int lines = cell.height() / stages->fontMetrics().lineSpacing();
            return text + 2 * (margin + 1) <= cell.width() ||
                   (lines >= 2 && lines * (cell.width() - 2 * (margin + 1)) >= text);
        };
        QTRY_VERIFY(reasonShownWhole());
        w.resize(800, 600);
        QTRY_VERIFY(
            stages->visualRect(stages->model()->index(0, RunDetailsPane::StageReasonColumn))
                .width() <
            stages->fontMetrics().horizontalAdvance(
                stages->model()->index(0, RunDetailsPane::StageReasonColumn).data().toString()) /
                2);
        QTRY_VERIFY(reasonShownWhole());
        for (QTreeWidget *list : {details->eventsView(), details->artifactsView()})
            QVERIFY(list->header()->length() <= list->viewport()->width() ||
                    list->topLevelItemCount() == 0);
    }

    // In the dark theme the Run and Cancel buttons' icons stand out from the toolbar (3:1,
    // a graphic's WCAG minimum); they were the style's dark-grey triangle and black square.
    void theRunAndCancelIconsShowInTheDarkTheme()
    {
        const QPalette before = QApplication::palette();
        auto restore = qScopeGuard([&] { QApplication::setPalette(before); });
        MainWindow w(m_ws);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QApplication::setPalette(darkPalette());
        QCoreApplication::processEvents();
        const QColor toolbar = w.palette().color(QPalette::Window);
        for (const char *name : {"runAction", "cancelAction"}) {
            auto *action = w.findChild<QAction *>(name);
            QVERIFY(action);
            const QImage image = action->icon().pixmap(16, 16).toImage();
            QColor ink;
            for (int y = 0; y < image.height(); ++y)
                for (int x = 0; x < image.width(); ++x)
                    if (!ink.isValid() || image.pixelColor(x, y).alpha() > ink.alpha())
                        ink = image.pixelColor(x, y);
            QVERIFY2(
                contrast(ink, toolbar) >= 3.0,
                qPrintable(QStringLiteral("%1: %2 on %3").arg(name, ink.name(), toolbar.name())));
        }
    }
};

// --screen=WIDTHxHEIGHT gives the offscreen platform one screen of that size.
int main(int argc, char *argv[])
{
    std::vector<char *> args;
    for (int i = 0; i < argc; ++i) {
        const QByteArray arg(argv[i]);
        if (arg.startsWith("--screen=")) {
            const QList<QByteArray> wh = arg.mid(9).split('x');
            if (wh.size() == 2)
                g_screen = QSize(wh[0].toInt(), wh[1].toInt());
            continue;
        }
        args.push_back(argv[i]);
    }
    QTemporaryDir config;
    const QString file = config.filePath("offscreen.json");
    {
        QFile f(file);
        if (!f.open(QIODevice::WriteOnly))
            return 2;
        f.write(QStringLiteral(R"({"synchronousWindowSystemEvents": false,
"windowFrameMargins": true,
"screens": [{"name": "test", "x": 0, "y": 0, "width": %1, "height": %2,
"logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]})")
                    .arg(g_screen.width())
                    .arg(g_screen.height())
                    .toUtf8());
    }
    qputenv("QT_QPA_PLATFORM", "offscreen:configfile=" + file.toLocal8Bit());
    int count = int(args.size());
    QApplication app(count, args.data());
    QApplication::setOrganizationName(QStringLiteral("DeployDesk"));
    QApplication::setApplicationName(QStringLiteral("DeployDeskLayoutTest"));
    tst_WindowLayout test;
    return QTest::qExec(&test, count, args.data());
}

#include "tst_windowlayout.moc"
