#include "ui/settings/settingsdialog.h"

#include "ui/settings/historypage.h"
#include "ui/settings/secretthread.h"
#include "ui/settings/theme.h"

#include "common/async.h"
#include "secrets/secretstore.h"

#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableWidget>
#include <QThread>
#include <QVBoxLayout>

namespace DeployDesk::Ui {

namespace {

enum Column { NameColumn, StateColumn, UsedByColumn, ColumnCount };

// What a store or remove call on the secret thread reports back.
struct Change
{
    bool ok = false;
    QString message; // for users: what went wrong and how to fix it
    int source = 0;  // SecretStore::Source after the change
};

} // namespace

// The dialog's secret store, on the secret thread only: made there by the factory on first
// use (and destroyed there), or borrowed. Values only pass through.
struct SettingsDialog::Secrets
{
    SecretStoreFactory factory;
    std::unique_ptr<SecretStore> owned;
    SecretStore *store = nullptr;

    SecretStore *get()
    {
        if (!store && factory) {
            owned = factory();
            store = owned.get();
        }
        return store;
    }
};

SettingsDialog::SettingsDialog(const Pipeline &pipeline, SecretStoreFactory factory,
                               QWidget *parent)
    : SettingsDialog(pipeline, std::make_shared<Secrets>(Secrets{std::move(factory), {}, nullptr}),
                     parent)
{}

SettingsDialog::SettingsDialog(const Pipeline &pipeline, SecretStore *secrets, QWidget *parent)
    : SettingsDialog(pipeline, std::make_shared<Secrets>(Secrets{{}, {}, secrets}), parent)
{
    m_borrowedStore = true;
}

SettingsDialog::SettingsDialog(const Pipeline &pipeline, std::shared_ptr<Secrets> secrets,
                               QWidget *parent)
    : QDialog(parent)
    , m_secrets(std::move(secrets))
{
    setWindowTitle(tr("DeployDesk Settings"));
    setAccessibleName(tr("Settings"));
    for (const Stage &stage : pipeline.stages) {
        for (const QString &secret : stage.secrets) {
            QStringList &stages = m_usedBy[secret];
            if (!stages.contains(stage.name))
                stages << stage.name;
        }
    }
    m_names = m_usedBy.keys();
    m_names.sort();

    auto *tabs = m_tabs = new QTabWidget(this);
    tabs->setAccessibleName(tr("Settings pages"));
    tabs->addTab(createSecretsPage(), tr("&Secrets"));
    tabs->addTab(createGeneralPage(), tr("&General"));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &SettingsDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(tabs);
    layout->addWidget(buttons);
    resize(640, 420);

    loadSettings();
    checkWhereKept();
    refreshSecrets();
}

void SettingsDialog::checkWhereKept()
{
    runAsync(
        Internal::secretThread(), this,
        [secrets = m_secrets] {
            SecretStore *store = secrets->get();
            return store && store->keychainAvailable();
        },
        [this](bool keychain) { showWhereKept(keychain); });
}

void SettingsDialog::showWhereKept(bool keychain)
{
    m_intro->setText(
        keychain ? tr("Secrets the stages of this pipeline use. Values are kept in the system "
                      "keychain and are never shown again; a secret can also come from an "
                      "environment variable of the same name.")
                 : tr("Secrets the stages of this pipeline use. No system keychain is reachable "
                      "here, so values cannot be kept by DeployDesk: each secret is read from "
                      "the environment variable of the same name (export it before starting "
                      "DeployDesk)."));
}

SettingsDialog::~SettingsDialog()
{
    // The store goes on the secret thread, after the calls already asked for (their answers
    // are dropped: the dialog is gone).
    QFuture<void> released = Internal::secretThread().run(
        [secrets = std::move(m_secrets)]() mutable { secrets.reset(); });
    // A borrowed store must not be used after its owner is gone: wait until a call in
    // progress ends (within the keychain's guard time). An owned one needs no waiting.
    if (m_borrowedStore)
        released.waitForFinished();
}

void SettingsDialog::checkLater(const QString &name)
{
    runAsync(
        Internal::secretThread(), this,
        [secrets = m_secrets, name] {
            SecretStore *store = secrets->get();
            return int(store ? store->sourceOf(name) : SecretStore::Source::Missing);
        },
        [this, name](int source) { secretChecked(name, source); });
}

void SettingsDialog::changeLater(const QString &name, Operation operation, QString value)
{
    runAsync(
        Internal::secretThread(), this,
        [secrets = m_secrets, name, operation, value = std::move(value)]() mutable {
            SecretStore *store = secrets->get();
            Result<void> result;
            if (!store)
                result = makeError(ErrorCode::Internal,
                                   QCoreApplication::translate("DeployDesk", "no secret store"));
            else if (operation == Operation::Store)
                result = store->setValue(name, value);
            else
                result = store->remove(name);
            value.fill(QLatin1Char('\0')); // do not leave the value around longer than needed
            value.clear();
            Change change;
            change.ok = result.has_value();
            change.message = result ? QString() : result.error().toString();
            change.source = int(store ? store->sourceOf(name) : SecretStore::Source::Missing);
            return change;
        },
        [this, name, operation](const Change &change) {
            operationDone(name, operation, change.ok, change.message);
            secretChecked(name, change.source); // checked again right after
        });
}

QWidget *SettingsDialog::createSecretsPage()
{
    auto *page = new QWidget(this);
    // Where values are kept is known once the store has looked for a keychain (it may take
    // a moment): until then the text does not promise the keychain.
    auto *intro = new QLabel(tr("Secrets the stages of this pipeline use. Looking for the "
                                "system keychain…"),
                             page);
    intro->setObjectName(QStringLiteral("secretsIntro"));
    intro->setWordWrap(true);
    m_intro = intro;

    m_table = new QTableWidget(int(m_names.size()), ColumnCount, page);
    m_table->setObjectName(QStringLiteral("secretsTable"));
    m_table->setAccessibleName(tr("Secrets"));
    m_table->setHorizontalHeaderLabels({tr("Name"), tr("State"), tr("Used by")});
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setSectionResizeMode(NameColumn, QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(StateColumn, QHeaderView::ResizeToContents);
    for (int row = 0; row < m_names.size(); ++row) {
        const QString &name = m_names[row];
        m_table->setItem(row, NameColumn, new QTableWidgetItem(name));
        m_table->setItem(row, StateColumn, new QTableWidgetItem);
        m_table->setItem(row, UsedByColumn,
                         new QTableWidgetItem(m_usedBy.value(name).join(QStringLiteral(", "))));
        setState(name, State::Checking);
    }
    if (!m_names.isEmpty())
        m_table->selectRow(0);
    connect(m_table, &QTableWidget::itemSelectionChanged, this, &SettingsDialog::updateButtons);
    connect(m_table, &QTableWidget::itemActivated, this, &SettingsDialog::setSecret);

    auto *empty = new QLabel(tr("This pipeline uses no secrets (a stage lists the ones it "
                                "needs under \"secrets:\")."),
                             page);
    empty->setWordWrap(true);
    empty->setVisible(m_names.isEmpty());
    m_table->setVisible(!m_names.isEmpty());

    m_setButton = new QPushButton(tr("S&et…"), page);
    m_setButton->setObjectName(QStringLiteral("setSecretButton"));
    m_removeButton = new QPushButton(tr("&Remove…"), page);
    m_removeButton->setObjectName(QStringLiteral("removeSecretButton"));
    m_removeButton->setShortcut(QKeySequence::Delete);
    m_refreshButton = new QPushButton(tr("Re&fresh"), page);
    m_refreshButton->setShortcut(QKeySequence::Refresh);
    connect(m_setButton, &QPushButton::clicked, this, &SettingsDialog::setSecret);
    connect(m_removeButton, &QPushButton::clicked, this, &SettingsDialog::removeSecret);
    connect(m_refreshButton, &QPushButton::clicked, this, &SettingsDialog::refreshSecrets);
    for (QPushButton *button : {m_setButton, m_removeButton, m_refreshButton})
        button->setAutoDefault(false);

    m_message = new QLabel(page);
    m_message->setObjectName(QStringLiteral("secretMessage"));
    m_message->setAccessibleName(tr("Secret status"));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_setButton);
    buttons->addWidget(m_removeButton);
    buttons->addStretch();
    buttons->addWidget(m_refreshButton);
    auto *layout = new QVBoxLayout(page);
    layout->addWidget(intro);
    layout->addWidget(m_table, 1);
    layout->addWidget(empty);
    layout->addLayout(buttons);
    layout->addWidget(m_message);
    updateButtons();
    return page;
}

QWidget *SettingsDialog::createGeneralPage()
{
    auto *page = new QWidget(this);
    m_maxParallel = new QSpinBox(page);
    m_maxParallel->setObjectName(QStringLiteral("maxParallel"));
    m_maxParallel->setRange(0, 256);
    m_maxParallel->setSpecialValueText(
        tr("Automatic (%1, one per CPU)").arg(QThread::idealThreadCount()));
    m_maxParallel->setAccessibleName(tr("Maximum parallel stages"));
    m_maxParallel->setToolTip(tr("How many stages may run at the same time; 0 means one per "
                                 "CPU."));

    m_theme = new QComboBox(page);
    m_theme->setObjectName(QStringLiteral("theme"));
    m_theme->setAccessibleName(tr("Appearance"));
    m_theme->addItem(tr("Follow the system"), QStringLiteral("system"));
    m_theme->addItem(tr("Light"), QStringLiteral("light"));
    m_theme->addItem(tr("Dark"), QStringLiteral("dark"));

    auto *form = new QFormLayout(page);
    auto *parallelLabel = new QLabel(tr("Maximum &parallel stages:"), page);
    parallelLabel->setBuddy(m_maxParallel);
    auto *themeLabel = new QLabel(tr("&Appearance:"), page);
    themeLabel->setBuddy(m_theme);
    form->addRow(parallelLabel, m_maxParallel);
    form->addRow(themeLabel, m_theme);
    return page;
}

void SettingsDialog::loadSettings()
{
    QSettings settings;
    m_maxParallel->setValue(settings.value(QLatin1String(kMaxParallelKey), 0).toInt());
    const int theme =
        m_theme->findData(settings.value(QLatin1String(kThemeKey), QStringLiteral("system")));
    m_theme->setCurrentIndex(theme < 0 ? 0 : theme);
}

void SettingsDialog::addHistoryPage(const QString &databasePath, const QString &dataDir)
{
    if (m_historyPage)
        return;
    m_historyPage = new HistoryPage(databasePath, dataDir, this);
    m_tabs->addTab(m_historyPage, tr("&History"));
}

void SettingsDialog::accept()
{
    if (m_historyPage)
        m_historyPage->save();
    QSettings settings;
    settings.setValue(QLatin1String(kMaxParallelKey), m_maxParallel->value());
    const QString theme = m_theme->currentData().toString();
    const bool themeChanged =
        settings.value(QLatin1String(kThemeKey), QStringLiteral("system")).toString() != theme;
    settings.setValue(QLatin1String(kThemeKey), theme);
    settings.sync();
    if (themeChanged) {
        if (auto *app = qobject_cast<QApplication *>(QCoreApplication::instance()))
            applyTheme(*app, theme);
        emit this->themeChanged(theme);
    }
    QDialog::accept();
}

QStringList SettingsDialog::secretNames() const
{
    return m_names;
}

QString SettingsDialog::secretStateText(const QString &name) const
{
    const int row = int(m_names.indexOf(name));
    return row < 0 ? QString() : m_table->item(row, StateColumn)->text();
}

void SettingsDialog::refreshSecrets()
{
    if (m_names.isEmpty())
        return;
    for (const QString &name : m_names)
        if (!m_busy.contains(name))
            setState(name, State::Checking);
    for (const QString &name : std::as_const(m_names))
        checkLater(name); // one call each: the states fill in one by one
}

void SettingsDialog::setState(const QString &name, State state)
{
    const int row = int(m_names.indexOf(name));
    if (row < 0)
        return;
    m_states[name] = state;
    QString text;
    QString tip;
    switch (state) {
    case State::Checking:
        text = tr("Checking…");
        break;
    case State::Keychain:
        text = tr("Set (keychain)");
        tip = tr("Stored in the system keychain.");
        break;
    case State::Environment:
        text = tr("Set (environment variable)");
        tip = tr("Comes from the environment variable %1 of the shell that started DeployDesk; "
                 "a value set here in the keychain takes precedence.")
                  .arg(name);
        break;
    case State::Missing:
        text = tr("Not set");
        tip = tr("Stages that need it fail until it is set here or exported as %1.").arg(name);
        break;
    case State::Saving:
        text = tr("Saving…");
        break;
    case State::Removing:
        text = tr("Removing…");
        break;
    }
    QTableWidgetItem *item = m_table->item(row, StateColumn);
    item->setText(text);
    item->setToolTip(tip);
    updateButtons();
}

QString SettingsDialog::currentSecret() const
{
    const QList<QTableWidgetItem *> selected = m_table->selectedItems();
    return selected.isEmpty() ? QString() : m_names.value(selected.first()->row());
}

void SettingsDialog::updateButtons()
{
    if (!m_setButton)
        return; // still building the page
    const QString name = currentSecret();
    const State state = m_states.value(name, State::Checking);
    const bool idle = !name.isEmpty() && !m_busy.contains(name) && state != State::Checking;
    const bool inKeychain = state == State::Keychain;
    m_setButton->setText(inKeychain ? tr("R&eplace…") : tr("S&et…"));
    m_setButton->setEnabled(idle);
    m_removeButton->setEnabled(idle && inKeychain);
    m_removeButton->setToolTip(
        state == State::Environment
            ? tr("%1 comes from the environment: unset it in the shell that starts DeployDesk.")
                  .arg(name)
            : QString());
}

void SettingsDialog::setSecret()
{
    const QString name = currentSecret();
    if (name.isEmpty() || !m_setButton->isEnabled())
        return;
    const bool replace = m_states.value(name) == State::Keychain;
    QString value;
    {
        QInputDialog input(this);
        input.setWindowTitle(replace ? tr("Replace Secret") : tr("Set Secret"));
        input.setLabelText(
            tr("New value of %1 (it is stored in the keychain and never shown again):").arg(name));
        input.setTextEchoMode(QLineEdit::Password);
        input.setInputMethodHints(Qt::ImhHiddenText | Qt::ImhSensitiveData |
                                  Qt::ImhNoPredictiveText);
        input.setAccessibleName(tr("Secret value"));
        if (input.exec() != QDialog::Accepted)
            return;
        value = input.textValue();
        input.setTextValue(QString());
    }
    if (value.isEmpty()) {
        m_message->setText(tr("%1 was not changed: expected a value, got an empty one. To "
                              "delete it, use Remove.")
                               .arg(name));
        return;
    }
    m_busy.insert(name);
    setState(name, State::Saving);
    m_message->clear();
    changeLater(name, Operation::Store, std::move(value));
}

void SettingsDialog::removeSecret()
{
    const QString name = currentSecret();
    if (name.isEmpty() || !m_removeButton->isEnabled())
        return;
    QMessageBox box(QMessageBox::Warning, tr("Remove Secret"),
                    tr("Remove %1 from the keychain?").arg(name),
                    QMessageBox::Yes | QMessageBox::Cancel, this);
    box.setInformativeText(tr("This cannot be undone: the value is deleted, and %1 fail until "
                              "%2 is set again.")
                               .arg(m_usedBy.value(name).join(QStringLiteral(", ")), name));
    box.setDefaultButton(QMessageBox::Cancel);
    box.button(QMessageBox::Yes)->setText(tr("&Remove"));
    if (box.exec() != QMessageBox::Yes)
        return;
    m_busy.insert(name);
    setState(name, State::Removing);
    m_message->clear();
    changeLater(name, Operation::Remove, {});
}

void SettingsDialog::secretChecked(const QString &name, int source)
{
    if (m_busy.contains(name))
        return; // a write in progress reports its own state when done
    switch (SecretStore::Source(source)) {
    case SecretStore::Source::Keychain:
        setState(name, State::Keychain);
        break;
    case SecretStore::Source::Environment:
        setState(name, State::Environment);
        break;
    case SecretStore::Source::Missing:
        setState(name, State::Missing);
        break;
    }
}

void SettingsDialog::operationDone(const QString &name, Operation operation, bool ok,
                                   const QString &message)
{
    m_busy.remove(name);
    setState(name, State::Checking); // checked again right after
    if (!ok) {
        m_message->setText(message);
        return;
    }
    m_message->setText(operation == Operation::Remove
                           ? tr("%1 was removed from the keychain.").arg(name)
                           : tr("%1 was saved in the keychain.").arg(name));
}

} // namespace DeployDesk::Ui
