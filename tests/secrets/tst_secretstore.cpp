// The secret store without a keychain: environment fallback, error messages, name rules,
// and keychain detection on a machine where the session bus is missing.

#include "secrets/secretstore.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace DeployDesk;

class tst_SecretStore final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void envFallbackWhenDisabled_data();
    void envFallbackWhenDisabled();
    void missingSecretMessage();
    void invalidNameIsRejected();
    void setValueWithoutKeychain_data();
    void setValueWithoutKeychain();
    void removeWithoutKeychain();
    void isValidName_data();
    void isValidName();
    void knownNamesReadsTheIndex();
    void knownNamesToleratesABrokenIndex();
    void nonexistentBusSocketMeansNoKeychain();
    void emptyBusAddressMeansNoKeychain();

private:
    QString indexPath() const { return m_dir.filePath(QStringLiteral("secrets.json")); }

    QTemporaryDir m_dir;
    QByteArray m_savedBusAddress;
};

void tst_SecretStore::init()
{
    QVERIFY(m_dir.isValid());
    // Never touch the developer's real keychain from these tests.
    m_savedBusAddress = qgetenv("DBUS_SESSION_BUS_ADDRESS");
    qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=" + QFile::encodeName(m_dir.path()) + "/none");
    qunsetenv("DEPLOYDESK_NO_KEYCHAIN");
    qunsetenv("DD_TST_TOKEN");
    QFile::remove(indexPath());
}

void tst_SecretStore::cleanup()
{
    qputenv("DBUS_SESSION_BUS_ADDRESS", m_savedBusAddress);
    qunsetenv("DEPLOYDESK_NO_KEYCHAIN");
    qunsetenv("DD_TST_TOKEN");
}

void tst_SecretStore::envFallbackWhenDisabled_data()
{
    QTest::addColumn<bool>("viaEnvironment");
    QTest::newRow("DEPLOYDESK_NO_KEYCHAIN=1") << true;
    QTest::newRow("setKeychainEnabled(false)") << false;
}

void tst_SecretStore::envFallbackWhenDisabled()
{
    QFETCH(bool, viaEnvironment);
    SecretStore store(indexPath());
    if (viaEnvironment)
        qputenv("DEPLOYDESK_NO_KEYCHAIN", "1");
    else
        store.setKeychainEnabled(false);
    qputenv("DD_TST_TOKEN", "env-value-42");

    QVERIFY(!store.keychainAvailable());
    const Result<QString> value = store.value(QStringLiteral("DD_TST_TOKEN"));
    QVERIFY2(value.has_value(), qPrintable(value ? QString() : value.error().message));
    QCOMPARE(*value, QStringLiteral("env-value-42"));
    QCOMPARE(store.sourceOf(QStringLiteral("DD_TST_TOKEN")), SecretStore::Source::Environment);
    QVERIFY(store.isSet(QStringLiteral("DD_TST_TOKEN")));
}

void tst_SecretStore::missingSecretMessage()
{
    SecretStore store(indexPath());
    store.setKeychainEnabled(false);
    const Result<QString> value = store.value(QStringLiteral("DD_TST_TOKEN"));
    QVERIFY(!value);
    QCOMPARE(value.error().code, ErrorCode::NotFound);
    QCOMPARE(value.error().message,
             QStringLiteral("secret \"DD_TST_TOKEN\" is not set: set it with \"deploydeskctl "
                            "secrets set DD_TST_TOKEN\" or export DD_TST_TOKEN"));
    QCOMPARE(store.sourceOf(QStringLiteral("DD_TST_TOKEN")), SecretStore::Source::Missing);
    QVERIFY(!store.isSet(QStringLiteral("DD_TST_TOKEN")));
}

void tst_SecretStore::invalidNameIsRejected()
{
    SecretStore store(indexPath());
    store.setKeychainEnabled(false);
    const Result<QString> value = store.value(QStringLiteral("1BAD-NAME"));
    QVERIFY(!value);
    QCOMPARE(value.error().code, ErrorCode::Invalid);
    QVERIFY2(value.error().message.contains(QLatin1String("\"1BAD-NAME\"")),
             qPrintable(value.error().message));

    const Result<void> set = store.setValue(QStringLiteral("has space"), QStringLiteral("v"));
    QVERIFY(!set);
    QCOMPARE(set.error().code, ErrorCode::Invalid);
    QCOMPARE(store.sourceOf(QStringLiteral("1BAD-NAME")), SecretStore::Source::Missing);
}

void tst_SecretStore::setValueWithoutKeychain_data()
{
    QTest::addColumn<int>("mode");
    QTest::newRow("no bus") << 0;
    QTest::newRow("disabled") << 1;
}

void tst_SecretStore::setValueWithoutKeychain()
{
    QFETCH(int, mode);
    // An index that already lists a name: a failed store must leave it as it was.
    {
        QFile file(indexPath());
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(R"({"version": 1, "names": ["OLD_NAME"]})");
    }
    const QByteArray before = [&] {
        QFile file(indexPath());
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }();

    SecretStore store(indexPath());
    if (mode == 1)
        store.setKeychainEnabled(false);
    const QString secretValue = QStringLiteral("do-not-leak-9f8e7d");
    const Result<void> result = store.setValue(QStringLiteral("DD_TST_TOKEN"), secretValue);
    QVERIFY(!result);
    QCOMPARE(result.error().code, ErrorCode::Unavailable);
    const QString message = result.error().message;
    QVERIFY2(message.contains(QLatin1String("\"DD_TST_TOKEN\"")), qPrintable(message));
    QVERIFY2(message.contains(QLatin1String("export DD_TST_TOKEN")), qPrintable(message));
    QVERIFY2(message.contains(mode == 0 ? QLatin1String("no keychain is reachable")
                                        : QLatin1String("turned off")),
             qPrintable(message));
    QVERIFY(!message.contains(secretValue));
    QVERIFY(!result.error().detail.contains(secretValue));

    QFile file(indexPath());
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), before);
    QCOMPARE(store.knownNames(), QStringList{QStringLiteral("OLD_NAME")});
}

void tst_SecretStore::removeWithoutKeychain()
{
    SecretStore store(indexPath());
    const Result<void> result = store.remove(QStringLiteral("DD_TST_TOKEN"));
    QVERIFY(!result);
    QCOMPARE(result.error().code, ErrorCode::Unavailable);
    QVERIFY(!QFile::exists(indexPath()));
}

void tst_SecretStore::isValidName_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("valid");
    QTest::newRow("upper") << QStringLiteral("DEPLOY_TOKEN") << true;
    QTest::newRow("lower") << QStringLiteral("token") << true;
    QTest::newRow("leading underscore") << QStringLiteral("_X") << true;
    QTest::newRow("single letter") << QStringLiteral("A") << true;
    QTest::newRow("digits after") << QStringLiteral("A1_2") << true;
    QTest::newRow("empty") << QString() << false;
    QTest::newRow("leading digit") << QStringLiteral("1ABC") << false;
    QTest::newRow("dash") << QStringLiteral("MY-TOKEN") << false;
    QTest::newRow("space") << QStringLiteral("MY TOKEN") << false;
    QTest::newRow("dot") << QStringLiteral("a.b") << false;
    QTest::newRow("equals") << QStringLiteral("A=B") << false;
    QTest::newRow("dollar") << QStringLiteral("$A") << false;
    QTest::newRow("trailing newline") << QStringLiteral("ABC\n") << false;
    QTest::newRow("non-ascii letter") << QStringLiteral("TOKEN_\u00e9") << false;
}

void tst_SecretStore::isValidName()
{
    QFETCH(QString, name);
    QFETCH(bool, valid);
    QCOMPARE(SecretStore::isValidName(name), valid);
}

void tst_SecretStore::knownNamesReadsTheIndex()
{
    {
        QFile file(indexPath());
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(R"({"version": 1, "names": ["ZED", "ALPHA", "MIDDLE", "ALPHA"]})");
    }
    SecretStore store(indexPath());
    QCOMPARE(store.knownNames(), (QStringList{QStringLiteral("ALPHA"), QStringLiteral("MIDDLE"),
                                              QStringLiteral("ZED")}));
}

void tst_SecretStore::knownNamesToleratesABrokenIndex()
{
    {
        QFile file(indexPath());
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("{ not json");
    }
    SecretStore store(indexPath());
    QVERIFY(store.knownNames().isEmpty());
    SecretStore noFile(m_dir.filePath(QStringLiteral("missing/secrets.json")));
    QVERIFY(noFile.knownNames().isEmpty());
}

void tst_SecretStore::nonexistentBusSocketMeansNoKeychain()
{
    // init() points DBUS_SESSION_BUS_ADDRESS at a socket that does not exist. A hang here
    // is caught by the ctest timeout.
    SecretStore store(indexPath());
    QVERIFY(!store.keychainAvailable());
    qputenv("DD_TST_TOKEN", "from-env");
    QCOMPARE(store.value(QStringLiteral("DD_TST_TOKEN")).value_or(QString()),
             QStringLiteral("from-env"));
    QCOMPARE(store.sourceOf(QStringLiteral("DD_TST_TOKEN")), SecretStore::Source::Environment);
}

void tst_SecretStore::emptyBusAddressMeansNoKeychain()
{
    qputenv("DBUS_SESSION_BUS_ADDRESS", "");
    SecretStore empty(indexPath());
    QVERIFY(!empty.keychainAvailable());
    qunsetenv("DBUS_SESSION_BUS_ADDRESS");
    SecretStore unset(indexPath());
    QVERIFY(!unset.keychainAvailable());
}

QTEST_GUILESS_MAIN(tst_SecretStore)
#include "tst_secretstore.moc"
