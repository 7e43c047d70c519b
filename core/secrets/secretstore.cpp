// The secret store. Keychain access goes through QtKeychain's asynchronous jobs, run on the
// process's keychain thread; the public calls here are blocking wrappers that wait (on a
// semaphore, no local event loop) until the job finishes or a guard time expires (see
// keychainjob.h). They are meant for the CLI and for worker threads; a GUI calls them off
// its main thread (the panel: ui/settings/secretthread.h, ui/runservice.h). Keychain jobs are
// serialized process-wide, and a keychain that does not answer in time is switched off for the rest
// of the process, so no call can hang.
//
// Values never reach a log line or an error message: only names do.

#include "secrets/secretstore.h"

#include "common/logging.h"
#include "secrets/busprobe.h"
#include "secrets/keychainjob.h"
#include "secrets/secretindex.h"

#include <QRegularExpression>

#include <qt6keychain/keychain.h>

#include <optional>

namespace DeployDesk {

using namespace std::chrono_literals;
using Internal::KeychainOutcome;
using Internal::KeychainStatus;

namespace {

constexpr std::chrono::milliseconds kBusTimeout = 1500ms;

bool disabledByEnvironment()
{
    return qEnvironmentVariable("DEPLOYDESK_NO_KEYCHAIN") == QLatin1String("1");
}

} // namespace

struct SecretStore::Private
{
    explicit Private(const QString &indexPath, const QString &service)
        : index(indexPath)
        , service(service)
    {}

    // What a keychain read found, before the environment is consulted.
    struct Lookup
    {
        Source source = Source::Missing;
        QString value;
        std::optional<KeychainOutcome> failure; // the keychain was asked and did not answer
    };

    Lookup lookup(SecretStore *q, const QString &name);
    Error unavailableError(const QString &action, const QString &name) const;
    Error jobError(const QString &action, const QString &name, const KeychainOutcome &o) const;

    Internal::SecretIndex index;
    QString service;
    bool enabled = true;
    std::optional<bool> available; // decided once
};

SecretStore::Private::Lookup SecretStore::Private::lookup(SecretStore *q, const QString &name)
{
    Lookup result;
    if (q->keychainAvailable()) {
        auto *job = new QKeychain::ReadPasswordJob(service);
        job->setKey(name);
        const KeychainOutcome outcome = Internal::runKeychainJob(job);
        if (outcome.status == KeychainStatus::Ok) {
            result.source = Source::Keychain;
            result.value = outcome.text;
            return result;
        }
        if (outcome.status != KeychainStatus::NotFound) {
            if (outcome.status != KeychainStatus::TimedOut) { // that one is logged already
                qCWarning(lcSecrets)
                    << "cannot read secret" << name << "from the keychain:" << outcome.errorString;
            }
            result.failure = outcome;
        }
    }
    if (qEnvironmentVariableIsSet(name.toLocal8Bit().constData())) {
        result.source = Source::Environment;
        result.value = qEnvironmentVariable(name.toLocal8Bit().constData());
    }
    return result;
}

Error SecretStore::Private::unavailableError(const QString &action, const QString &name) const
{
    const QString why =
        (!enabled || disabledByEnvironment())
            ? tr("the keychain is turned off (DEPLOYDESK_NO_KEYCHAIN=1 or --no-keychain)")
            : tr("no keychain is reachable (no Secret Service or KWallet on the session D-Bus)");
    return Error{ErrorCode::Unavailable,
                 tr("cannot %1 secret \"%2\": %3; export %2 in the environment instead (the "
                    "usual way on CI and over SSH)")
                     .arg(action, name, why),
                 {},
                 std::nullopt};
}

Error SecretStore::Private::jobError(const QString &action, const QString &name,
                                     const KeychainOutcome &o) const
{
    switch (o.status) {
    case KeychainStatus::TimedOut:
        return Error{ErrorCode::Unavailable,
                     tr("cannot %1 secret \"%2\": the keychain did not answer within %3 s; check "
                        "that it is unlocked, or export %2 in the environment instead")
                         .arg(action, name)
                         .arg(Internal::kKeychainGuard.count() / 1000),
                     {},
                     std::nullopt};
    case KeychainStatus::Denied:
        return Error{ErrorCode::Unavailable,
                     tr("cannot %1 secret \"%2\": the keychain refused access (%3); unlock it "
                        "and try again")
                         .arg(action, name, o.errorString),
                     o.errorString, std::nullopt};
    case KeychainStatus::Ok:
    case KeychainStatus::NotFound:
    case KeychainStatus::Failed:
        break;
    }
    return Error{ErrorCode::Io,
                 tr("cannot %1 secret \"%2\": the keychain reported \"%3\"")
                     .arg(action, name, o.errorString),
                 o.errorString, std::nullopt};
}

SecretStore::SecretStore(const QString &indexPath, QObject *parent, const QString &service)
    : QObject(parent)
    , d(std::make_unique<Private>(indexPath, service))
{}

SecretStore::~SecretStore() = default;

bool SecretStore::keychainAvailable()
{
    if (!d->enabled || disabledByEnvironment() || Internal::keychainUnresponsive())
        return false;
    if (!d->available) {
        const auto probe = Internal::probeKeychainService(kBusTimeout);
        d->available = probe == Internal::BusProbeResult::Available;
        qCDebug(lcSecrets) << "keychain available:" << *d->available;
    }
    return *d->available;
}

void SecretStore::setKeychainEnabled(bool enabled)
{
    d->enabled = enabled;
}

Result<QString> SecretStore::value(const QString &name)
{
    if (!isValidName(name)) {
        return makeError(ErrorCode::Invalid,
                         tr("\"%1\" is not a valid secret name: expected letters, digits and "
                            "underscores, not starting with a digit")
                             .arg(name));
    }
    Private::Lookup found = d->lookup(this, name);
    if (found.source != Source::Missing)
        return std::move(found.value);
    if (found.failure)
        return std::unexpected(d->jobError(tr("read"), name, *found.failure));
    return makeError(ErrorCode::NotFound,
                     tr("secret \"%1\" is not set: set it with \"deploydeskctl secrets set %1\" "
                        "or export %1")
                         .arg(name));
}

SecretStore::Source SecretStore::sourceOf(const QString &name)
{
    if (!isValidName(name))
        return Source::Missing;
    return d->lookup(this, name).source;
}

Result<void> SecretStore::setValue(const QString &name, const QString &value)
{
    if (!isValidName(name)) {
        return makeError(ErrorCode::Invalid,
                         tr("cannot store secret \"%1\": a name needs letters, digits and "
                            "underscores, not starting with a digit (it becomes an environment "
                            "variable), e.g. DEPLOY_TOKEN")
                             .arg(name));
    }
    if (!keychainAvailable())
        return std::unexpected(d->unavailableError(tr("store"), name));

    auto *job = new QKeychain::WritePasswordJob(d->service);
    job->setKey(name);
    job->setTextData(value);
    const KeychainOutcome outcome = Internal::runKeychainJob(job);
    if (outcome.status != KeychainStatus::Ok)
        return std::unexpected(d->jobError(tr("store"), name, outcome));
    qCDebug(lcSecrets) << "stored secret" << name << "in the keychain";
    return d->index.add(name);
}

Result<void> SecretStore::remove(const QString &name)
{
    if (!isValidName(name)) {
        return makeError(ErrorCode::Invalid,
                         tr("cannot remove secret \"%1\": a name needs letters, digits and "
                            "underscores, not starting with a digit")
                             .arg(name));
    }
    if (!keychainAvailable())
        return std::unexpected(d->unavailableError(tr("remove"), name));

    // The Secret Service reports no error for a missing entry: look first, so that a typo
    // is reported instead of silently "removed".
    auto *read = new QKeychain::ReadPasswordJob(d->service);
    read->setKey(name);
    const KeychainOutcome existing = Internal::runKeychainJob(read);
    if (existing.status == KeychainStatus::NotFound) {
        const bool indexed = d->index.names().contains(name);
        if (!indexed) {
            return makeError(ErrorCode::NotFound,
                             tr("cannot remove secret \"%1\": it is not in the keychain; "
                                "\"deploydeskctl secrets list\" shows the stored names")
                                 .arg(name));
        }
        return d->index.remove(name); // a stale index entry
    }
    if (existing.status != KeychainStatus::Ok)
        return std::unexpected(d->jobError(tr("remove"), name, existing));

    auto *job = new QKeychain::DeletePasswordJob(d->service);
    job->setKey(name);
    const KeychainOutcome outcome = Internal::runKeychainJob(job);
    if (outcome.status != KeychainStatus::Ok && outcome.status != KeychainStatus::NotFound)
        return std::unexpected(d->jobError(tr("remove"), name, outcome));
    qCDebug(lcSecrets) << "removed secret" << name << "from the keychain";
    return d->index.remove(name);
}

QStringList SecretStore::knownNames() const
{
    return d->index.names();
}

QStringList SecretStore::knownValues()
{
    QStringList values;
    for (const QString &name : knownNames()) {
        if (auto v = value(name); v && !v->isEmpty())
            values.append(*v);
    }
    return values;
}

SecretMasker SecretStore::masker(const QList<QByteArray> &more)
{
    SecretMasker masker;
    masker.setSecrets(more);
    for (const QString &value : knownValues())
        masker.addSecret(value.toUtf8());
    return masker;
}

bool SecretStore::isValidName(const QString &name)
{
    static const QRegularExpression pattern(
        QRegularExpression::anchoredPattern(QStringLiteral("[A-Za-z_][A-Za-z0-9_]*")));
    return pattern.match(name).hasMatch();
}

} // namespace DeployDesk
