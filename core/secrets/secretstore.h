#pragma once

#include "common/error.h"
#include "log/secretmasker.h"

#include <QObject>
#include <QString>
#include <QStringList>

#include <memory>

namespace DeployDesk {

// Secret values live in the system keychain (QtKeychain: Secret Service, KWallet).
// When no keychain is reachable (CI, SSH, a headless box) it falls back to environment
// variables of the same name. Detection is quick and never waits on a missing service.
// Values never leave this class except to be injected into a stage's environment and
// into the log masker; names are kept in an index file (names only) for `list`.
class SecretStore final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SecretStore)

public:
    enum class Source { Keychain, Environment, Missing };

    // `service` namespaces the keychain entries; `indexPath` holds the known names.
    explicit SecretStore(const QString &indexPath, QObject *parent = nullptr,
                         const QString &service = QStringLiteral("deploydesk"));
    ~SecretStore() override;

    // Whether a keychain answers; decided once, within `timeout` at most.
    bool keychainAvailable();
    // Forces the environment-only mode (tests, --no-keychain).
    void setKeychainEnabled(bool enabled);

    // Keychain first, then the environment. Blocking: for the CLI and worker threads.
    Result<QString> value(const QString &name);
    Source sourceOf(const QString &name);
    bool isSet(const QString &name) { return sourceOf(name) != Source::Missing; }

    Result<void> setValue(const QString &name, const QString &value); // keychain only
    Result<void> remove(const QString &name);
    QStringList knownNames() const; // from the index, sorted
    // The values of the known names that are set (blocking, like value()): what a masker
    // hides in text the user typed before it is recorded or shown.
    QStringList knownValues();
    // A masker of those values and of `more` (a session's token), for text the user typed
    // before it is recorded or sent.
    SecretMasker masker(const QList<QByteArray> &more = {});

    // A valid name: [A-Za-z_][A-Za-z0-9_]* (it becomes an environment variable).
    static bool isValidName(const QString &name);

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace DeployDesk
