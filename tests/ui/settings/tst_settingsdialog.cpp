// The settings dialog: it lists the pipeline's secrets with their state, stores a value in
// the keychain without ever showing it, asks before removing, and keeps the general
// settings. Runs against a private session bus and gnome-keyring started here.

#include "ui/settings/secretthread.h"
#include "ui/settings/settingsdialog.h"

#include "common/serialthread.h"
#include "secrets/keychainjob.h"
#include "secrets/secretstore.h"

#include "privatesession.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QApplication>
#include <QComboBox>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QTableWidget>
#include <QTimer>

using namespace DeployDesk;
using Ui::SettingsDialog;

namespace {

const QString kService = QStringLiteral("deploydesk-tst-ui");
const QString kToken = QStringLiteral("DD_UI_DEPLOY_TOKEN");
const QString kPassword = QStringLiteral("DD_UI_DB_PASSWORD");

Pipeline pipelineWithSecrets()
{
    Pipeline pipeline;
    pipeline.name = QStringLiteral("secrets");
    Stage lint;
    lint.name = QStringLiteral("lint");
    Stage deploy;
    deploy.name = QStringLiteral("deploy");
    deploy.secrets = {kToken, kPassword};
    Stage migrate;
    migrate.name = QStringLiteral("migrate");
    migrate.secrets = {kPassword};
    pipeline.stages = {lint, deploy, migrate};
    return pipeline;
}

// Every text a user could see or a screen reader could read, in every live widget.
QStringList everyText()
{
    QStringList texts;
    for (QWidget *w : QApplication::allWidgets()) {
        texts << w->windowTitle() << w->toolTip() << w->accessibleName()
              << w->accessibleDescription() << w->statusTip() << w->whatsThis();
        if (auto *label = qobject_cast<QLabel *>(w))
            texts << label->text();
        if (auto *edit = qobject_cast<QLineEdit *>(w))
            texts << (edit->echoMode() == QLineEdit::Normal ? edit->text() : QString())
                  << edit->displayText() << edit->placeholderText();
        if (auto *button = qobject_cast<QAbstractButton *>(w))
            texts << button->text();
        if (auto *view = qobject_cast<QAbstractItemView *>(w); view && view->model()) {
            const QAbstractItemModel *model = view->model();
            for (int r = 0; r < model->rowCount(); ++r)
                for (int c = 0; c < model->columnCount(); ++c)
                    for (const int role : {int(Qt::DisplayRole), int(Qt::ToolTipRole)})
                        texts << model->index(r, c).data(role).toString();
        }
    }
    return texts;
}

// Runs `answer` on the first modal dialog of type T that opens (from inside its exec()).
template<typename T, typename F> void whenModalOpens(F answer)
{
    auto *poll = new QTimer;
    poll->setInterval(10);
    QObject::connect(poll, &QTimer::timeout, poll, [poll, answer] {
        if (auto *dialog = qobject_cast<T *>(QApplication::activeModalWidget())) {
            poll->stop();
            poll->deleteLater();
            answer(dialog);
        }
    });
    poll->start();
}

} // namespace

class tst_SettingsDialog final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void cleanup();

    void listsThePipelinesSecrets();
    void setStoresTheValueWithoutShowingIt();
    void removeAsksFirstAndCancelKeepsIt();
    void setWithoutKeychainExplains();
    void withoutKeychainSaysWhereSecretsComeFromAtOnce();
    void generalSettingsPersist();
    void noSecretsSaysSo();
    void borrowedStoreIsUsedOffTheGuiThread();

private:
    QString indexPath() const { return m_state.filePath(QStringLiteral("secrets.json")); }
    Ui::SecretStoreFactory factory() const
    {
        return
            [path = indexPath()] { return std::make_unique<SecretStore>(path, nullptr, kService); };
    }
    void selectRow(SettingsDialog &dialog, const QString &name);
    // Runs `use` on the panel's secret thread with a store of its own, and waits, so it
    // never runs beside the dialog's own calls (see secretthread.h).
    void withStore(const std::function<void(SecretStore &)> &use)
    {
        Ui::Internal::secretThread()
            .run([&] {
                SecretStore store(indexPath(), nullptr, kService);
                use(store);
            })
            .waitForFinished();
    }
    SecretStore::Source sourceOf(const QString &name)
    {
        SecretStore::Source source = SecretStore::Source::Missing;
        withStore([&](SecretStore &store) { source = store.sourceOf(name); });
        return source;
    }

    Test::PrivateSession m_session;
    QTemporaryDir m_state;
    bool m_keychain = false;
    QString m_noKeychainReason;
};

void tst_SettingsDialog::initTestCase()
{
    QVERIFY(m_state.isValid());
    QCoreApplication::setOrganizationName(QStringLiteral("DeployDeskTests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_settingsdialog"));
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_state.path());
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_state.path());

    m_noKeychainReason = m_session.startBus();
    if (m_noKeychainReason.isEmpty())
        m_noKeychainReason = m_session.startKeyring();
    if (m_noKeychainReason.isEmpty()) {
        QTRY_VERIFY_WITH_TIMEOUT(SecretStore(indexPath(), nullptr, kService).keychainAvailable() ||
                                     !m_session.keyringRunning(),
                                 15000);
        m_keychain = m_session.keyringRunning();
        if (!m_keychain)
            m_noKeychainReason = m_session.keyringErrors();
    }
}

void tst_SettingsDialog::cleanupTestCase()
{
    // Before the private bus goes: libsecret ends the process when its bus disappears
    // under a thread that still runs.
    Ui::Internal::stopSecretThread();
    DeployDesk::Internal::stopKeychainThread();
}

void tst_SettingsDialog::init()
{
    qunsetenv("DEPLOYDESK_NO_KEYCHAIN");
    qunsetenv(kToken.toLatin1().constData());
    qunsetenv(kPassword.toLatin1().constData());
    QSettings().clear();
    if (m_keychain) {
        bool removed = true;
        withStore([&](SecretStore &store) {
            for (const QString &name : {kToken, kPassword})
                if (store.sourceOf(name) == SecretStore::Source::Keychain)
                    removed = removed && store.remove(name).has_value();
        });
        QVERIFY(removed);
    }
}

void tst_SettingsDialog::cleanup()
{
    qunsetenv("DEPLOYDESK_NO_KEYCHAIN");
}

void tst_SettingsDialog::selectRow(SettingsDialog &dialog, const QString &name)
{
    auto *table = dialog.findChild<QTableWidget *>(QStringLiteral("secretsTable"));
    QVERIFY(table);
    table->selectRow(int(dialog.secretNames().indexOf(name)));
}

void tst_SettingsDialog::listsThePipelinesSecrets()
{
    qputenv(kPassword.toLatin1().constData(), "from-the-environment");
    SettingsDialog dialog(pipelineWithSecrets(), factory());
    dialog.show();
    QCOMPARE(dialog.secretNames(), QStringList({kPassword, kToken}));
    QTRY_COMPARE(dialog.secretStateText(kPassword), QStringLiteral("Set (environment variable)"));
    QTRY_COMPARE(dialog.secretStateText(kToken), QStringLiteral("Not set"));

    auto *table = dialog.findChild<QTableWidget *>(QStringLiteral("secretsTable"));
    QCOMPARE(table->item(0, 2)->text(), QStringLiteral("deploy, migrate"));
    QCOMPARE(table->item(1, 2)->text(), QStringLiteral("deploy"));
    // A value from the environment cannot be removed from here; it can be overridden.
    selectRow(dialog, kPassword);
    auto *remove = dialog.findChild<QPushButton *>(QStringLiteral("removeSecretButton"));
    auto *set = dialog.findChild<QPushButton *>(QStringLiteral("setSecretButton"));
    QVERIFY(!remove->isEnabled());
    QVERIFY(remove->toolTip().contains(kPassword));
    QVERIFY(set->isEnabled());
    QVERIFY(!everyText().join('\n').contains(QLatin1String("from-the-environment")));
}

void tst_SettingsDialog::setStoresTheValueWithoutShowingIt()
{
    if (!m_keychain)
        QSKIP(qPrintable(m_noKeychainReason));
    const QString value = QStringLiteral("s3cr3t-v4lue-that-must-not-show");
    SettingsDialog dialog(pipelineWithSecrets(), factory());
    dialog.show();
    QTRY_COMPARE(dialog.secretStateText(kToken), QStringLiteral("Not set"));
    selectRow(dialog, kToken);
    auto *set = dialog.findChild<QPushButton *>(QStringLiteral("setSecretButton"));
    QVERIFY(set->isEnabled());

    bool asked = false;
    bool masked = false;
    whenModalOpens<QInputDialog>([&](QInputDialog *input) {
        asked = true;
        if (auto *edit = input->findChild<QLineEdit *>()) {
            QTest::keyClicks(edit, value);
            masked =
                edit->echoMode() == QLineEdit::Password && !everyText().join('\n').contains(value);
        }
        input->accept();
    });
    set->click();
    QVERIFY(asked);
    QVERIFY(masked); // the value is not readable even while it is typed
    QTRY_COMPARE_WITH_TIMEOUT(dialog.secretStateText(kToken), QStringLiteral("Set (keychain)"),
                              10000);
    QCOMPARE(set->text(), QStringLiteral("R&eplace…"));

    QString stored;
    withStore([&](SecretStore &store) { stored = store.value(kToken).value_or(QString()); });
    QCOMPARE(stored, value);
    const QString shown = everyText().join('\n');
    QVERIFY(!shown.contains(value));
    QVERIFY(shown.contains(QLatin1String("saved in the keychain")));
}

void tst_SettingsDialog::removeAsksFirstAndCancelKeepsIt()
{
    if (!m_keychain)
        QSKIP(qPrintable(m_noKeychainReason));
    bool stored = false;
    withStore([&](SecretStore &store) {
        stored = store.setValue(kToken, QStringLiteral("keep-me")).has_value();
    });
    QVERIFY(stored);
    SettingsDialog dialog(pipelineWithSecrets(), factory());
    dialog.show();
    QTRY_COMPARE(dialog.secretStateText(kToken), QStringLiteral("Set (keychain)"));
    selectRow(dialog, kToken);
    auto *remove = dialog.findChild<QPushButton *>(QStringLiteral("removeSecretButton"));
    QVERIFY(remove->isEnabled());

    QString question;
    bool cancelIsDefault = false;
    whenModalOpens<QMessageBox>([&](QMessageBox *box) {
        question = box->text() + QLatin1Char(' ') + box->informativeText();
        cancelIsDefault = box->defaultButton() == box->button(QMessageBox::Cancel);
        box->button(QMessageBox::Cancel)->click();
    });
    remove->click();
    QVERIFY(cancelIsDefault);
    QVERIFY2(question.contains(QLatin1String("cannot be undone")), qPrintable(question));
    QVERIFY(question.contains(kToken));
    QCOMPARE(dialog.secretStateText(kToken), QStringLiteral("Set (keychain)"));
    QVERIFY(!dialog.isBusy());
    QVERIFY(sourceOf(kToken) == SecretStore::Source::Keychain);

    whenModalOpens<QMessageBox>([](QMessageBox *box) { box->button(QMessageBox::Yes)->click(); });
    remove->click();
    QTRY_COMPARE_WITH_TIMEOUT(dialog.secretStateText(kToken), QStringLiteral("Not set"), 10000);
    QVERIFY(sourceOf(kToken) == SecretStore::Source::Missing);
}

void tst_SettingsDialog::setWithoutKeychainExplains()
{
    qputenv("DEPLOYDESK_NO_KEYCHAIN", "1");
    SettingsDialog dialog(pipelineWithSecrets(), factory());
    dialog.show();
    QTRY_COMPARE(dialog.secretStateText(kToken), QStringLiteral("Not set"));
    selectRow(dialog, kToken);
    whenModalOpens<QInputDialog>([](QInputDialog *input) {
        input->setTextValue(QStringLiteral("nowhere-to-go"));
        input->accept();
    });
    dialog.findChild<QPushButton *>(QStringLiteral("setSecretButton"))->click();
    auto *message = dialog.findChild<QLabel *>(QStringLiteral("secretMessage"));
    QTRY_VERIFY_WITH_TIMEOUT(!message->text().isEmpty(), 10000);
    QVERIFY2(message->text().contains(QLatin1String("export ") + kToken),
             qPrintable(message->text()));
    QTRY_COMPARE(dialog.secretStateText(kToken), QStringLiteral("Not set"));
    QVERIFY(!everyText().join('\n').contains(QLatin1String("nowhere-to-go")));
}

// With no keychain reachable, the dialog says where secrets come from as soon as it opens,
// before any value is typed; it never claims the keychain keeps them.
void tst_SettingsDialog::withoutKeychainSaysWhereSecretsComeFromAtOnce()
{
    qputenv("DEPLOYDESK_NO_KEYCHAIN", "1");
    SettingsDialog dialog(pipelineWithSecrets(), factory());
    dialog.show();
    auto *intro = dialog.findChild<QLabel *>(QStringLiteral("secretsIntro"));
    QVERIFY(intro);
    QVERIFY(!intro->text().contains(QLatin1String("kept in the system keychain")));
    QTRY_VERIFY_WITH_TIMEOUT(intro->text().contains(QLatin1String("No system keychain")), 10000);
    QVERIFY(intro->text().contains(QLatin1String("environment variable")));
    QVERIFY(!intro->text().contains(QLatin1String("kept in the system keychain")));
    // Nothing was typed or set meanwhile.
    QVERIFY(dialog.findChild<QLabel *>(QStringLiteral("secretMessage"))->text().isEmpty());

    // With the keychain back, the same dialog says the keychain keeps them.
    qunsetenv("DEPLOYDESK_NO_KEYCHAIN");
    if (!m_keychain)
        return;
    SettingsDialog withKeychain(pipelineWithSecrets(), factory());
    withKeychain.show();
    auto *said = withKeychain.findChild<QLabel *>(QStringLiteral("secretsIntro"));
    QTRY_VERIFY_WITH_TIMEOUT(said->text().contains(QLatin1String("kept in the system keychain")),
                             10000);
}

void tst_SettingsDialog::generalSettingsPersist()
{
    {
        SettingsDialog dialog(pipelineWithSecrets(), factory());
        auto *spin = dialog.findChild<QSpinBox *>(QStringLiteral("maxParallel"));
        auto *theme = dialog.findChild<QComboBox *>(QStringLiteral("theme"));
        QCOMPARE(spin->value(), 0); // automatic by default
        QVERIFY(spin->text().contains(QLatin1String("Automatic")));
        QCOMPARE(theme->currentData().toString(), QStringLiteral("system"));
        spin->setValue(6);
        theme->setCurrentIndex(theme->findData(QStringLiteral("light")));
        dialog.accept();
    }
    QSettings settings;
    QCOMPARE(settings.value(SettingsDialog::kMaxParallelKey).toInt(), 6);
    QCOMPARE(settings.value(SettingsDialog::kThemeKey).toString(), QStringLiteral("light"));
    {
        SettingsDialog dialog(pipelineWithSecrets(), factory());
        auto *spin = dialog.findChild<QSpinBox *>(QStringLiteral("maxParallel"));
        QCOMPARE(spin->value(), 6);
        QCOMPARE(dialog.findChild<QComboBox *>(QStringLiteral("theme"))->currentData().toString(),
                 QStringLiteral("light"));
        spin->setValue(9);
        dialog.reject(); // cancelled: nothing saved
    }
    QCOMPARE(QSettings().value(SettingsDialog::kMaxParallelKey).toInt(), 6);
}

void tst_SettingsDialog::noSecretsSaysSo()
{
    Pipeline pipeline = pipelineWithSecrets();
    for (Stage &stage : pipeline.stages)
        stage.secrets.clear();
    SettingsDialog dialog(pipeline, factory());
    dialog.show();
    QVERIFY(dialog.secretNames().isEmpty());
    QVERIFY(everyText().join('\n').contains(QLatin1String("uses no secrets")));
    QVERIFY(!dialog.findChild<QPushButton *>(QStringLiteral("setSecretButton"))->isEnabled());
}

void tst_SettingsDialog::borrowedStoreIsUsedOffTheGuiThread()
{
    qputenv(kPassword.toLatin1().constData(), "x");
    SecretStore store(indexPath(), nullptr, kService); // the panel's own, never called here
    {
        SettingsDialog dialog(pipelineWithSecrets(), &store);
        QTRY_COMPARE(dialog.secretStateText(kPassword),
                     QStringLiteral("Set (environment variable)"));
        dialog.refreshSecrets();
    } // closing waits for the check just asked for: the store is not the dialog's
}

QTEST_MAIN(tst_SettingsDialog)
#include "tst_settingsdialog.moc"
