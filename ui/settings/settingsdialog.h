#pragma once

#include "config/pipeline.h"

#include <QDialog>
#include <QHash>
#include <QSet>

#include <functional>
#include <memory>

class QComboBox;
class QLabel;
class QPushButton;
class QSpinBox;
class QTableWidget;
class QTabWidget;

namespace DeployDesk {
class SecretStore;
}

namespace DeployDesk::Ui {

class HistoryPage;

// Makes the SecretStore the settings dialog's calls use; called on the secret thread.
using SecretStoreFactory = std::function<std::unique_ptr<SecretStore>()>;

// Settings: the secrets the workspace's stages need (set, replace, remove; a saved value is
// never shown again), the maximum of parallel stages and the appearance. Keychain calls run
// on a worker thread, so a slow or locked keychain never freezes the dialog.
// QSettings keys: "run/maxParallel" (int, 0 = one per CPU), "ui/theme" (system|light|dark).
class SettingsDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SettingsDialog)

public:
    // Preferred: the secret thread makes the dialog's own store with `factory`.
    SettingsDialog(const Pipeline &pipeline, SecretStoreFactory factory, QWidget *parent = nullptr);
    // The secret thread calls `secrets`, which must outlive the dialog and not be used by
    // another thread meanwhile (closing the dialog waits for a call in progress).
    // Secret-store calls run on Internal::secretThread(), one at a time.
    SettingsDialog(const Pipeline &pipeline, SecretStore *secrets, QWidget *parent = nullptr);
    ~SettingsDialog() override;

    static constexpr const char *kMaxParallelKey = "run/maxParallel";
    static constexpr const char *kThemeKey = "ui/theme";

    // Adds the History page (historypage.h): size on disk and the retention policy.
    void addHistoryPage(const QString &databasePath, const QString &dataDir);
    HistoryPage *historyPage() const { return m_historyPage; }

    QStringList secretNames() const;                    // sorted union of the stages' secrets
    QString secretStateText(const QString &name) const; // as the table shows it
    bool isBusy() const { return !m_busy.isEmpty(); }

public slots:
    void accept() override;
    void refreshSecrets();

signals:
    void themeChanged(const QString &setting);

private:
    enum class State { Checking, Keychain, Environment, Missing, Saving, Removing };
    enum class Operation { Store, Remove };
    struct Secrets;

    SettingsDialog(const Pipeline &pipeline, std::shared_ptr<Secrets> secrets, QWidget *parent);
    QWidget *createSecretsPage();
    QWidget *createGeneralPage();
    void loadSettings();
    void setState(const QString &name, State state);
    void updateButtons();
    QString currentSecret() const;
    void setSecret();
    void removeSecret();
    void secretChecked(const QString &name, int source);
    void operationDone(const QString &name, Operation operation, bool ok, const QString &message);
    void checkLater(const QString &name);
    // Asks the store (on the secret thread) whether a keychain answers, then says where
    // values are kept: the keychain, or environment variables only.
    void checkWhereKept();
    void showWhereKept(bool keychain);
    void changeLater(const QString &name, Operation operation, QString value);

    QStringList m_names;
    QHash<QString, QStringList> m_usedBy; // secret -> stages
    QHash<QString, State> m_states;
    QSet<QString> m_busy;
    bool m_borrowedStore = false;

    std::shared_ptr<Secrets> m_secrets; // used on the secret thread only

    QTableWidget *m_table = nullptr;
    QPushButton *m_setButton = nullptr;
    QPushButton *m_removeButton = nullptr;
    QPushButton *m_refreshButton = nullptr;
    QLabel *m_message = nullptr;
    QLabel *m_intro = nullptr; // where the values are kept
    QSpinBox *m_maxParallel = nullptr;
    QComboBox *m_theme = nullptr;
    QTabWidget *m_tabs = nullptr;
    HistoryPage *m_historyPage = nullptr;
};

} // namespace DeployDesk::Ui
