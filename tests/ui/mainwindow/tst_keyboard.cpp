// The panel from the keyboard only: Tab reaches every field of each view (History, Logs,
// Pipeline, Environments, Settings) going forwards; every Alt+letter has one owner in the
// window as shown (menu titles and the current tab's labels, buttons and tabs), in English
// and in German; the Logs tab on a fresh start takes the keyboard (Ctrl+F finds, typing
// goes to the log, not to the environment list); Esc ends the find highlights for good.
#include "statuscompare.h"

#include "secrets/secretstore.h"
#include "ui/environmentlist.h"
#include "ui/environments/environmentsview.h"
#include "ui/history/historybrowser.h"
#include "ui/logview/findbar.h"
#include "ui/logview/logmodel.h"
#include "ui/logview/logview.h"
#include "ui/logview/logviewer.h"
#include "ui/mainwindow.h"
#include "ui/runservice.h"
#include "ui/settings/settingsdialog.h"

#include <QAbstractButton>
#include <QAbstractSpinBox>
#include <QApplication>
#include <QComboBox>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenuBar>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabBar>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>

#include <memory>

using namespace DeployDesk;
using namespace DeployDesk::Ui;

namespace {

QString describe(const QWidget *w)
{
    QString name = w->accessibleName();
    if (name.isEmpty()) {
        if (auto *b = qobject_cast<const QAbstractButton *>(w))
            name = b->text();
        else
            name = w->objectName();
    }
    return QStringLiteral("%1 \"%2\"").arg(QString::fromLatin1(w->metaObject()->className()), name);
}

// A field's inner editor (a spin box's or a combo box's line edit) is part of the field.
bool insideCompound(const QWidget *w, const QWidget *root)
{
    for (const QWidget *p = w->parentWidget(); p && p != root; p = p->parentWidget()) {
        if (qobject_cast<const QAbstractSpinBox *>(p) || qobject_cast<const QComboBox *>(p))
            return true;
    }
    return false;
}

// What a keyboard user can operate in `root` as shown: visible, enabled, takes Tab.
QList<QWidget *> interactiveWidgets(QWidget *root)
{
    QList<QWidget *> found;
    for (QWidget *w : root->findChildren<QWidget *>()) {
        if (!w->isVisible() || !w->isEnabled() || w->focusProxy())
            continue;
        if (!(w->focusPolicy() & Qt::TabFocus) || insideCompound(w, root))
            continue;
        found << w;
    }
    return found;
}

// The field of `among` that holds `focus` (it or one of its ancestors).
QWidget *ownerOf(QWidget *focus, const QList<QWidget *> &among)
{
    for (QWidget *w = focus; w; w = w->parentWidget()) {
        if (among.contains(w))
            return w;
    }
    return nullptr;
}

// Presses Tab from the first field of `root` until every field was reached (or far more
// presses than fields); returns the fields never reached.
QStringList notReachedForwards(QWidget *root)
{
    const QList<QWidget *> fields = interactiveWidgets(root);
    if (fields.isEmpty())
        return {QStringLiteral("(no field at all)")};
    QWidget *first = fields.first();
    first->setFocus(Qt::TabFocusReason);
    if (!QTest::qWaitFor([&] { return ownerOf(QApplication::focusWidget(), fields) == first; },
                         5000))
        return {QStringLiteral("(cannot focus %1)").arg(describe(first))};
    QSet<QWidget *> reached{first};
    for (int i = 0; i < 4 * fields.size() + 20 && reached.size() < fields.size(); ++i) {
        QWidget *focus = QApplication::focusWidget();
        if (!focus)
            break;
        QTest::keyClick(focus, Qt::Key_Tab);
        if (QWidget *owner = ownerOf(QApplication::focusWidget(), fields))
            reached.insert(owner);
    }
    QStringList missing;
    for (QWidget *w : fields) {
        if (!reached.contains(w))
            missing << describe(w);
    }
    return missing;
}

// The mnemonic letter of `text` ("Hi&story" -> 's'), or a null QChar.
QChar mnemonicOf(const QString &text)
{
    for (qsizetype i = 0; i + 1 < text.size(); ++i) {
        if (text.at(i) != QLatin1Char('&'))
            continue;
        if (text.at(i + 1) == QLatin1Char('&')) {
            ++i;
            continue;
        }
        return text.at(i + 1).toLower();
    }
    return {};
}

// Every Alt+letter of `window` as it is shown: the menu titles, and the visible buttons,
// labels with a buddy, group boxes and tab bars; letter -> the texts that claim it.
QMultiMap<QChar, QString> mnemonics(QWidget *window)
{
    QMultiMap<QChar, QString> owners;
    const auto add = [&owners](const QString &text, const QString &what) {
        if (const QChar c = mnemonicOf(text); !c.isNull())
            owners.insert(c, QStringLiteral("%1 \"%2\"").arg(what, text));
    };
    if (auto *main = qobject_cast<QMainWindow *>(window)) {
        for (QAction *a : main->menuBar()->actions())
            add(a->text(), QStringLiteral("menu"));
    }
    for (QWidget *w : window->findChildren<QWidget *>()) {
        if (!w->isVisible())
            continue;
        if (auto *b = qobject_cast<QAbstractButton *>(w))
            add(b->text(), QStringLiteral("button"));
        else if (auto *l = qobject_cast<QLabel *>(w); l && l->buddy())
            add(l->text(), QStringLiteral("label"));
        else if (auto *g = qobject_cast<QGroupBox *>(w))
            add(g->title(), QStringLiteral("group"));
        else if (auto *t = qobject_cast<QTabBar *>(w)) {
            for (int i = 0; i < t->count(); ++i)
                add(t->tabText(i), QStringLiteral("tab"));
        }
    }
    return owners;
}

QStringList clashes(QWidget *window, const QString &where)
{
    const QMultiMap<QChar, QString> owners = mnemonics(window);
    QStringList found;
    for (const QChar c : owners.uniqueKeys()) {
        const QStringList claims = owners.values(c);
        if (claims.size() > 1)
            found << QStringLiteral("%1: Alt+%2 is %3")
                         .arg(where, QString(c.toUpper()), claims.join(QStringLiteral(" and ")));
    }
    return found;
}

} // namespace

class TestKeyboard : public QObject
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

    static bool showActive(QWidget &w)
    {
        w.show();
        w.activateWindow();
        return QTest::qWaitForWindowActive(&w);
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        m_data = m_tmp.filePath("data");
        qputenv("DEPLOYDESK_DATA_DIR", m_data.toUtf8());
        qputenv("DEPLOYDESK_NO_KEYCHAIN", "1");
        m_ws = m_tmp.filePath("keys");
        QDir().mkpath(m_ws);
        QFile f(m_ws + "/deploydesk.yml");
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("name: keys\n"
                "environments:\n  preview: {}\n  production:\n    protected: true\n"
                "stages:\n"
                "  one:\n    run: echo needle one; echo other\n"
                "  two:\n    needs: [one]\n    run: echo needle two\n");
        f.close();
        // One run in the history: a fresh start then has logs to show.
        MainWindow w(m_ws);
        QVERIFY(waitReady(w));
        QSignalSpy finished(&w, &MainWindow::runFinished);
        w.runPipeline();
        QVERIFY(finished.wait(30000));
        DD_COMPARE_STATUS(finished.at(0).at(1).value<RunStatus>(), RunStatus::Success);
    }

    void tabReachesEveryFieldForwards_data()
    {
        QTest::addColumn<int>("tab");
        QTest::newRow("Pipeline") << int(MainWindow::PipelineTab);
        QTest::newRow("Logs") << int(MainWindow::LogsTab);
        QTest::newRow("History") << int(MainWindow::HistoryTab);
        QTest::newRow("Environments") << int(MainWindow::EnvironmentsTab);
    }

    void tabReachesEveryFieldForwards()
    {
        QFETCH(int, tab);
        MainWindow w(m_ws);
        QVERIFY(showActive(w));
        QVERIFY(waitReady(w));
        w.showTab(MainWindow::Tab(tab));
        if (tab == MainWindow::LogsTab)
            w.logViewer()->findAction()->trigger(); // the find bar is part of the view
        QWidget *page = w.tabs()->currentWidget();
        const QStringList missing = notReachedForwards(page);
        QVERIFY2(missing.isEmpty(), qPrintable("not reached with Tab: " + missing.join(", ")));
    }

    void tabReachesEveryFieldOfTheSettings()
    {
        MainWindow w(m_ws);
        QVERIFY(waitReady(w));
        SettingsDialog dialog(w.pipeline(), [this] {
            return std::make_unique<SecretStore>(m_data + "/secrets.json");
        });
        QVERIFY(showActive(dialog));
        auto *pages = dialog.findChild<QTabWidget *>();
        QVERIFY(pages);
        for (int i = 0; i < pages->count(); ++i) {
            pages->setCurrentIndex(i);
            const QStringList missing = notReachedForwards(&dialog);
            QVERIFY2(missing.isEmpty(), qPrintable(pages->tabText(i) + ": not reached with Tab: " +
                                                   missing.join(", ")));
        }
    }

    // Alt+F, Alt+L, Alt+H (German Alt+P) opened a tab or went to a field instead of the
    // menu: with each tab shown, each letter has one owner.
    void everyMnemonicHasOneOwner_data()
    {
        QTest::addColumn<QString>("language");
        QTest::newRow("English") << QString();
        QTest::newRow("German") << QStringLiteral("de");
    }

    void everyMnemonicHasOneOwner()
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
        QVERIFY(showActive(w));
        QVERIFY(waitReady(w));
        if (!language.isEmpty()) // the translation is in use
            QVERIFY2(w.menuBar()->actions().first()->text() != "&File",
                     qPrintable(w.menuBar()->actions().first()->text()));
        QStringList found;
        for (int tab = 0; tab < w.tabs()->count(); ++tab) {
            w.showTab(MainWindow::Tab(tab));
            found << clashes(&w, w.tabs()->tabText(tab));
            if (tab == MainWindow::LogsTab) {
                w.logViewer()->findAction()->trigger();
                found << clashes(&w, w.tabs()->tabText(tab) + " with the find bar");
                w.logViewer()->findBar()->dismiss();
            }
        }
        SettingsDialog dialog(
            w.pipeline(),
            [this] { return std::make_unique<SecretStore>(m_data + "/secrets.json"); }, &w);
        dialog.show();
        auto *pages = dialog.findChild<QTabWidget *>();
        QVERIFY(pages);
        for (int i = 0; i < pages->count(); ++i) {
            pages->setCurrentIndex(i);
            found << clashes(&dialog, dialog.windowTitle() + " / " + pages->tabText(i));
        }
        // No clash in either language (a German one is fixed in translations/deploydesk_de.ts).
        QCOMPARE(found.join('\n'), QString());
    }

    // A fresh start, the keyboard in the sidebar: Ctrl+2 shows the Logs tab with the latest
    // run's stages in the stage box, Ctrl+F opens find there and typing goes into it, not
    // into the environment list.
    void theLogsTabOnAFreshStartTakesTheKeyboard()
    {
        MainWindow w(m_ws);
        QVERIFY(showActive(w));
        QVERIFY(waitReady(w));
        auto *environments = w.environmentList()->findChild<QListWidget *>();
        QVERIFY(environments);
        environments->setFocus();
        QTRY_VERIFY(environments->hasFocus());
        const int environmentRow = environments->currentRow();

        QTest::keyClick(QApplication::focusWidget(), Qt::Key_2, Qt::ControlModifier);
        QCOMPARE(w.tabs()->currentIndex(), int(MainWindow::LogsTab));
        QTRY_VERIFY2(w.logViewer()->isAncestorOf(QApplication::focusWidget()),
                     qPrintable(describe(QApplication::focusWidget())));
        auto *stageBox = w.logViewer()->findChild<QComboBox *>();
        QVERIFY(stageBox);
        QCOMPARE(stageBox->count(), 3); // All stages, one, two
        QCOMPARE(stageBox->itemText(1), QString("one"));

        QTest::keyClick(QApplication::focusWidget(), Qt::Key_F, Qt::ControlModifier);
        QVERIFY(w.logViewer()->findBar()->isVisible());
        QSignalSpy counted(w.logViewer(), &LogViewer::matchCountChanged);
        QTest::keyClicks(QApplication::focusWidget(), "needle");
        QCOMPARE(w.logViewer()->findBar()->text(), QString("needle"));
        QTRY_COMPARE_WITH_TIMEOUT(w.logViewer()->matchCount(), 2, 10000);
        QCOMPARE(environments->currentRow(), environmentRow);
    }

    // Esc closes find and its highlights; showing another stage does not bring them back.
    void escEndsTheFindHighlightsForGood()
    {
        MainWindow w(m_ws);
        QVERIFY(showActive(w));
        QVERIFY(waitReady(w));
        w.openStageLog("one");
        LogViewer *logs = w.logViewer();
        QTRY_COMPARE(logs->model()->document().lineCount(), 2);
        logs->findAction()->trigger();
        QTest::keyClicks(QApplication::focusWidget(), "needle");
        QTRY_COMPARE_WITH_TIMEOUT(logs->matchCount(), 1, 10000);
        QVERIFY(!logs->view()->matcher().isEmpty());

        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Escape);
        QVERIFY(!logs->findBar()->isVisible());
        QVERIFY(logs->view()->matcher().isEmpty());

        QSignalSpy reset(logs->model(), &LogModel::documentReset);
        auto *stageBox = logs->findChild<QComboBox *>();
        stageBox->setFocus();
        QTest::keyClick(stageBox, Qt::Key_Down); // stage "two"
        QTRY_COMPARE_WITH_TIMEOUT(reset.count(), 1, 10000);
        QCOMPARE(stageBox->currentText(), QString("two"));
        QCOMPARE(logs->model()->stageNames().isEmpty(), false);
        QVERIFY(logs->view()->matcher().isEmpty());
        QVERIFY(!logs->isCounting());
        QCOMPARE(logs->matchCount(), 0);

        // Ctrl+F brings the search back.
        logs->view()->setFocus();
        QTest::keyClick(logs->view(), Qt::Key_F, Qt::ControlModifier);
        QVERIFY(logs->findBar()->isVisible());
        QTRY_COMPARE_WITH_TIMEOUT(logs->matchCount(), 1, 10000);
    }
};

QTEST_MAIN(TestKeyboard)
#include "tst_keyboard.moc"
