#include "log/secretmasker.h"

#include <QRandomGenerator>
#include <QTest>

using namespace DeployDesk;

class tst_SecretMasker final : public QObject
{
    Q_OBJECT

private slots:
    void mask_data()
    {
        QTest::addColumn<QList<QByteArray>>("secrets");
        QTest::addColumn<QByteArray>("line");
        QTest::addColumn<QByteArray>("expected");
        using L = QList<QByteArray>;
        QTest::newRow("no secrets")
            << L{} << QByteArray("token=hunter2") << QByteArray("token=hunter2");
        QTest::newRow("no match") << L{"hunter2"} << QByteArray("all good")
                                  << QByteArray("all good");
        QTest::newRow("one") << L{"hunter2"} << QByteArray("token=hunter2;")
                             << QByteArray("token=***;");
        QTest::newRow("whole line") << L{"hunter2"} << QByteArray("hunter2") << QByteArray("***");
        QTest::newRow("every occurrence")
            << L{"hunter2"} << QByteArray("hunter2 hunter2hunter2 x hunter2")
            << QByteArray("*** *** x ***");
        QTest::newRow("several values")
            << L{"alpha-key", "beta-key"} << QByteArray("a=alpha-key b=beta-key")
            << QByteArray("a=*** b=***");
        QTest::newRow("longest first: value inside another")
            << L{"abc", "xxabcxx"} << QByteArray("[xxabcxx] [abc]") << QByteArray("[***] [***]");
        QTest::newRow("overlapping values mask the union")
            << L{"abcdef", "defghi"} << QByteArray("<abcdefghi>") << QByteArray("<***>");
        QTest::newRow("value overlapping itself")
            << L{"aaa"} << QByteArray("baaaaab") << QByteArray("b***b");
        QTest::newRow("short value ignored")
            << L{"ab", "x"} << QByteArray("ab x abc") << QByteArray("ab x abc");
        QTest::newRow("minimum length masked")
            << L{"abc"} << QByteArray("ab abc") << QByteArray("ab ***");
        QTest::newRow("multi-line value masked line by line")
            << L{"-----BEGIN KEY-----\nMIIEvQIBADANBg\r\nxy\n-----END KEY-----\n"}
            << QByteArray("MIIEvQIBADANBg") << QByteArray("***");
        QTest::newRow("multi-line value: short line not masked")
            << L{"first-line\nxy"} << QByteArray("xy first-line") << QByteArray("xy ***");
        QTest::newRow("utf-8 value")
            << L{"pässwörd"} << QByteArray("pw: pässwörd!") << QByteArray("pw: ***!");
    }

    void mask()
    {
        QFETCH(QList<QByteArray>, secrets);
        QFETCH(QByteArray, line);
        QFETCH(QByteArray, expected);
        SecretMasker masker;
        masker.setSecrets(secrets);
        QCOMPARE(masker.mask(line), expected);

        // Same result whatever order the values were added in.
        SecretMasker reversed;
        for (auto it = secrets.crbegin(); it != secrets.crend(); ++it)
            reversed.addSecret(*it);
        QCOMPARE(reversed.mask(line), expected);
    }

    void agreesWithNaiveMasking()
    {
        // Lines over a tiny alphabet are full of overlapping, touching and repeated
        // occurrences: compare with a straightforward mark-every-byte implementation.
        const QList<QByteArray> secrets{"abc", "bca", "aaaa", "cabca", "cc\ncab"};
        const QList<QByteArray> lines{"abc", "bca", "aaaa", "cabca", "cab"}; // what is masked
        SecretMasker masker;
        masker.setSecrets(secrets);
        QRandomGenerator random(20240501);
        for (int round = 0; round < 2000; ++round) {
            QByteArray line;
            const int length = random.bounded(0, 40);
            for (int i = 0; i < length; ++i)
                line += "abc"[random.bounded(3)];
            QList<bool> secret(line.size(), false);
            for (const QByteArray &value : lines) {
                for (qsizetype at = line.indexOf(value); at >= 0; at = line.indexOf(value, at + 1))
                    std::fill(secret.begin() + at, secret.begin() + at + value.size(), true);
            }
            QByteArray expected;
            for (qsizetype i = 0; i < line.size(); ++i) {
                if (!secret[i])
                    expected += line[i];
                else if (i == 0 || !secret[i - 1])
                    expected += "***";
            }
            QCOMPARE(masker.mask(line), expected);
        }
    }

    void emptyMaskerSharesTheLine()
    {
        SecretMasker masker;
        QVERIFY(masker.isEmpty());
        const QByteArray line = "nothing to hide";
        const QByteArray result = masker.mask(line);
        QCOMPARE(result, line);
        QCOMPARE(result.constData(), line.constData()); // no copy
    }

    void unmatchedLineIsShared()
    {
        SecretMasker masker;
        masker.addSecret("hunter2");
        const QByteArray line = "nothing to hide";
        QCOMPARE(masker.mask(line).constData(), line.constData());
    }

    void onlyTooShortValuesLeavesMaskerEmpty()
    {
        SecretMasker masker;
        masker.setSecrets({"a", "bc", "", "\n\n"});
        QVERIFY(masker.isEmpty());
    }

    void setSecretsReplaces()
    {
        SecretMasker masker;
        masker.setSecrets({"old-secret"});
        masker.setSecrets({"new-secret"});
        QCOMPARE(masker.mask("old-secret new-secret"), QByteArray("old-secret ***"));
    }
};

QTEST_GUILESS_MAIN(tst_SecretMasker)
#include "tst_secretmasker.moc"
