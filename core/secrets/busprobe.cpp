#include "secrets/busprobe.h"

#include "common/logging.h"

#include <QDBusConnection>
#include <QDBusMessage>

#include <array>
#include <atomic>

namespace DeployDesk::Internal {

namespace {

const QString kBusService = QStringLiteral("org.freedesktop.DBus");
const QString kBusPath = QStringLiteral("/org/freedesktop/DBus");
const QString kBusInterface = QStringLiteral("org.freedesktop.DBus");

// Secret Service (gnome-keyring, KeePassXC, recent KWallet) and KWallet itself.
const std::array<QString, 3> kKeychainNames = {
    QStringLiteral("org.freedesktop.secrets"),
    QStringLiteral("org.kde.kwalletd5"),
    QStringLiteral("org.kde.kwalletd6"),
};

QDBusMessage busCall(const QDBusConnection &bus, const QString &method, const QVariantList &args,
                     std::chrono::milliseconds timeout)
{
    QDBusMessage msg = QDBusMessage::createMethodCall(kBusService, kBusPath, kBusInterface, method);
    msg.setArguments(args);
    return bus.call(msg, QDBus::Block, int(timeout.count()));
}

BusProbeResult askBus(const QDBusConnection &bus, std::chrono::milliseconds timeout)
{
    for (const QString &name : kKeychainNames) {
        const QDBusMessage reply = busCall(bus, QStringLiteral("NameHasOwner"), {name}, timeout);
        if (reply.type() != QDBusMessage::ReplyMessage) {
            qCWarning(lcSecrets) << "session bus did not answer NameHasOwner:" << reply.errorName()
                                 << reply.errorMessage();
            return BusProbeResult::NotConnected;
        }
        if (!reply.arguments().isEmpty() && reply.arguments().constFirst().toBool()) {
            qCDebug(lcSecrets) << "keychain service is running:" << name;
            return BusProbeResult::Available;
        }
    }
    const QDBusMessage reply = busCall(bus, QStringLiteral("ListActivatableNames"), {}, timeout);
    if (reply.type() != QDBusMessage::ReplyMessage || reply.arguments().isEmpty()) {
        qCWarning(lcSecrets) << "session bus did not answer ListActivatableNames:"
                             << reply.errorName() << reply.errorMessage();
        return BusProbeResult::NoService;
    }
    const QStringList activatable = reply.arguments().constFirst().toStringList();
    for (const QString &name : kKeychainNames) {
        if (activatable.contains(name)) {
            qCDebug(lcSecrets) << "keychain service is activatable:" << name;
            return BusProbeResult::Available;
        }
    }
    return BusProbeResult::NoService;
}

} // namespace

BusProbeResult probeKeychainService(std::chrono::milliseconds timeout)
{
    const QString address = qEnvironmentVariable("DBUS_SESSION_BUS_ADDRESS");
    if (address.isEmpty()) {
        qCDebug(lcSecrets) << "DBUS_SESSION_BUS_ADDRESS is not set: no keychain";
        return BusProbeResult::NoAddress;
    }

    // A private connection to the address as it is now: QDBusConnection::sessionBus() would
    // be fixed at its first use for the whole process.
    static std::atomic<int> counter = 0;
    const QString connectionName =
        QStringLiteral("deploydesk-secrets-probe-%1").arg(counter.fetch_add(1));
    BusProbeResult result = BusProbeResult::NotConnected;
    {
        const QDBusConnection bus = QDBusConnection::connectToBus(address, connectionName);
        if (bus.isConnected()) {
            result = askBus(bus, timeout);
        } else {
            qCDebug(lcSecrets) << "cannot connect to the session bus:" << bus.lastError().message();
        }
    }
    QDBusConnection::disconnectFromBus(connectionName);
    return result;
}

} // namespace DeployDesk::Internal
