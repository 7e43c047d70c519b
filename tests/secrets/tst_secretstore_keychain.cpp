// The secret store against a real keychain: a private session bus (dbus-daemon) and
// gnome-keyring's Secret Service, both started here in a temporary folder, headless.
// Its own executable, because libsecret and QtKeychain bind to the session bus of the
// process the first time they are used.

#include "privatesession.h"
#include "secrets/keychainjob.h"
#include "secrets/secretstore.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <signal.h>

using namespace DeployDesk;

namespace {

const QString kService = QStringLiteral("deploydesk-tst");
const QString kName = QStringLiteral("DD_TST_KEYCHAIN_TOKEN");

} // namespace

class tst_SecretStoreKeychain final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void init();

    void keychainIsDetected();
    void storeReadReplaceRemove();
    void keychainWinsOverEnvironment();
    void valuePersistsAcrossInstances();
    void disabledStoreIgnoresKeychain();
    void indexHoldsNamesOnlyWithOwnerPermissions();
    void removeUnknownIsNotFound();
    void frozenKeychainFallsBackWithoutHanging(); // last: it turns the keychain off

private:
    QString indexPath() const { return m_dir.filePath(QStringLiteral("state/secrets.json")); }

    QTemporaryDir m_dir;
    Test::PrivateSession m_session;
};

void tst_SecretStoreKeychain::initTestCase()
{
    QVERIFY(m_dir.isValid());
    for (const auto start :
         {&Test::PrivateSession::startBus, &Test::PrivateSession::startKeyring}) {
        const QString problem = (m_session.*start)();
        if (problem.contains(QStringLiteral("not installed")))
            QSKIP(qPrintable(problem));
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
    }
    // Ready once the Secret Service name is on the bus (each new store asks the bus again).
    QTRY_VERIFY_WITH_TIMEOUT(SecretStore(indexPath(), nullptr, kService).keychainAvailable() ||
                                 !m_session.keyringRunning(),
                             15000);
    QVERIFY2(m_session.keyringRunning(), qPrintable(m_session.keyringErrors()));
}

void tst_SecretStoreKeychain::cleanupTestCase()
{
    // Before the bus goes: GDBus raises SIGTERM when a dispatched connection's bus closes.
    DeployDesk::Internal::stopKeychainThread();
    m_session.stop();
}

void tst_SecretStoreKeychain::init()
{
    qunsetenv("DEPLOYDESK_NO_KEYCHAIN");
    qunsetenv(kName.toLatin1().constData());
}

void tst_SecretStoreKeychain::keychainIsDetected()
{
    SecretStore store(indexPath(), nullptr, kService);
    QVERIFY(store.keychainAvailable());
    store.setKeychainEnabled(false);
    QVERIFY(!store.keychainAvailable());
}

void tst_SecretStoreKeychain::storeReadReplaceRemove()
{
    SecretStore store(indexPath(), nullptr, kService);
    QCOMPARE(store.sourceOf(kName), SecretStore::Source::Missing);

    Result<void> stored = store.setValue(kName, QStringLiteral("first-value"));
    QVERIFY2(stored.has_value(), qPrintable(stored ? QString() : stored.error().message));
    QCOMPARE(store.value(kName).value_or(QStringLiteral("<error>")), QStringLiteral("first-value"));
    QCOMPARE(store.sourceOf(kName), SecretStore::Source::Keychain);
    QVERIFY(store.knownNames().contains(kName));

    stored = store.setValue(kName, QStringLiteral("second value, with spaces and \u00e9"));
    QVERIFY2(stored.has_value(), qPrintable(stored ? QString() : stored.error().message));
    QCOMPARE(store.value(kName).value_or(QStringLiteral("<error>")),
             QStringLiteral("second value, with spaces and \u00e9"));
    QCOMPARE(store.knownNames().count(kName), 1);

    const Result<void> removed = store.remove(kName);
    QVERIFY2(removed.has_value(), qPrintable(removed ? QString() : removed.error().message));
    QCOMPARE(store.sourceOf(kName), SecretStore::Source::Missing);
    const Result<QString> gone = store.value(kName);
    QVERIFY(!gone);
    QCOMPARE(gone.error().code, ErrorCode::NotFound);
    QVERIFY(!store.knownNames().contains(kName));
}

void tst_SecretStoreKeychain::keychainWinsOverEnvironment()
{
    SecretStore store(indexPath(), nullptr, kService);
    QVERIFY(store.setValue(kName, QStringLiteral("from-keychain")).has_value());
    qputenv(kName.toLatin1().constData(), "from-environment");

    QCOMPARE(store.value(kName).value_or(QString()), QStringLiteral("from-keychain"));
    QCOMPARE(store.sourceOf(kName), SecretStore::Source::Keychain);

    QVERIFY(store.remove(kName).has_value());
    QCOMPARE(store.value(kName).value_or(QString()), QStringLiteral("from-environment"));
    QCOMPARE(store.sourceOf(kName), SecretStore::Source::Environment);
}

void tst_SecretStoreKeychain::valuePersistsAcrossInstances()
{
    {
        SecretStore writer(indexPath(), nullptr, kService);
        QVERIFY(writer.setValue(kName, QStringLiteral("kept")).has_value());
    }
    SecretStore reader(indexPath(), nullptr, kService);
    QCOMPARE(reader.value(kName).value_or(QString()), QStringLiteral("kept"));
    QVERIFY(reader.knownNames().contains(kName));

    // Another service is another namespace: it does not see the entry.
    SecretStore other(m_dir.filePath(QStringLiteral("other.json")), nullptr,
                      QStringLiteral("deploydesk-tst-other"));
    QCOMPARE(other.sourceOf(kName), SecretStore::Source::Missing);

    QVERIFY(reader.remove(kName).has_value());
}

void tst_SecretStoreKeychain::disabledStoreIgnoresKeychain()
{
    SecretStore store(indexPath(), nullptr, kService);
    QVERIFY(store.setValue(kName, QStringLiteral("in-keychain")).has_value());

    qputenv("DEPLOYDESK_NO_KEYCHAIN", "1");
    QCOMPARE(store.sourceOf(kName), SecretStore::Source::Missing);
    qputenv(kName.toLatin1().constData(), "in-env");
    QCOMPARE(store.value(kName).value_or(QString()), QStringLiteral("in-env"));
    const Result<void> removed = store.remove(kName);
    QVERIFY(!removed);
    QCOMPARE(removed.error().code, ErrorCode::Unavailable);

    qunsetenv("DEPLOYDESK_NO_KEYCHAIN");
    QCOMPARE(store.value(kName).value_or(QString()), QStringLiteral("in-keychain"));
    QVERIFY(store.remove(kName).has_value());
}

void tst_SecretStoreKeychain::indexHoldsNamesOnlyWithOwnerPermissions()
{
    QFile::remove(indexPath());
    SecretStore store(indexPath(), nullptr, kService);
    const QByteArray valueA = "value-a-3b1f9c0e";
    const QByteArray valueB = "value-b-7d2e4a61";
    QVERIFY(store.setValue(QStringLiteral("DD_TST_B"), QString::fromLatin1(valueB)).has_value());
    QVERIFY(store.setValue(QStringLiteral("DD_TST_A"), QString::fromLatin1(valueA)).has_value());

    QFile file(indexPath());
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    QVERIFY(!bytes.contains(valueA));
    QVERIFY(!bytes.contains(valueB));

    const QFileDevice::Permissions others = QFileDevice::ReadGroup | QFileDevice::WriteGroup |
                                            QFileDevice::ExeGroup | QFileDevice::ReadOther |
                                            QFileDevice::WriteOther | QFileDevice::ExeOther;
    QCOMPARE(file.permissions() & others, QFileDevice::Permissions());
    QVERIFY(file.permissions().testFlags(QFileDevice::ReadOwner | QFileDevice::WriteOwner));

    const QJsonObject root = QJsonDocument::fromJson(bytes).object();
    QCOMPARE(root.value(QLatin1String("names")).toArray(),
             QJsonArray({QStringLiteral("DD_TST_A"), QStringLiteral("DD_TST_B")}));
    QCOMPARE(store.knownNames(),
             (QStringList{QStringLiteral("DD_TST_A"), QStringLiteral("DD_TST_B")}));

    QVERIFY(store.remove(QStringLiteral("DD_TST_A")).has_value());
    QCOMPARE(store.knownNames(), QStringList{QStringLiteral("DD_TST_B")});
    QVERIFY(store.remove(QStringLiteral("DD_TST_B")).has_value());
    QVERIFY(store.knownNames().isEmpty());
    QCOMPARE(QFile::permissions(indexPath()) & others, QFileDevice::Permissions());
}

void tst_SecretStoreKeychain::removeUnknownIsNotFound()
{
    SecretStore store(indexPath(), nullptr, kService);
    const Result<void> removed = store.remove(QStringLiteral("DD_TST_NEVER_STORED"));
    QVERIFY(!removed);
    QCOMPARE(removed.error().code, ErrorCode::NotFound);
    QVERIFY2(removed.error().message.contains(QLatin1String("\"DD_TST_NEVER_STORED\"")),
             qPrintable(removed.error().message));
}

void tst_SecretStoreKeychain::frozenKeychainFallsBackWithoutHanging()
{
    SecretStore store(indexPath(), nullptr, kService);
    QVERIFY(store.setValue(kName, QStringLiteral("unreachable")).has_value());

    // The service still owns its bus name but never answers, as a hung keychain does.
    QVERIFY(::kill(pid_t(m_session.keyringPid()), SIGSTOP) == 0);
    const Result<QString> frozen = store.value(kName);
    QVERIFY(::kill(pid_t(m_session.keyringPid()), SIGCONT) == 0);
    QVERIFY(!frozen);
    QCOMPARE(frozen.error().code, ErrorCode::Unavailable);
    QVERIFY2(frozen.error().message.contains(QLatin1String("did not answer")),
             qPrintable(frozen.error().message));
    QVERIFY(!frozen.error().message.contains(QLatin1String("unreachable")));

    // From now on the process uses the environment only, even in a new store.
    SecretStore later(indexPath(), nullptr, kService);
    QVERIFY(!later.keychainAvailable());
    qputenv(kName.toLatin1().constData(), "env-after-freeze");
    QCOMPARE(later.value(kName).value_or(QString()), QStringLiteral("env-after-freeze"));
    QCOMPARE(later.sourceOf(kName), SecretStore::Source::Environment);
    const Result<void> set = later.setValue(kName, QStringLiteral("x"));
    QVERIFY(!set);
    QCOMPARE(set.error().code, ErrorCode::Unavailable);
}

QTEST_GUILESS_MAIN(tst_SecretStoreKeychain)
#include "tst_secretstore_keychain.moc"
