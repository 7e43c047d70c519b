// The program speaks the system locale's language: German with LANG=de_DE.UTF-8 (its own
// strings and Qt's), English otherwise.
#include <QProcess>
#include <QTest>

class TestTranslations : public QObject
{
    Q_OBJECT

    static QString help(const QString &lang)
    {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove("LC_ALL");
        env.remove("LC_MESSAGES");
        env.remove("LANGUAGE");
        env.insert("LANG", lang);
        env.insert("QT_QPA_PLATFORM", "offscreen");
        env.insert("DEPLOYDESK_NO_KEYCHAIN", "1");
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(DD_BIN_DIR "/deploydesk"), {"--help"});
        if (!p.waitForFinished(30000))
            return {};
        return QString::fromUtf8(p.readAllStandardOutput());
    }

private slots:
    void germanLocaleGivesGerman()
    {
        const QString out = help("de_DE.UTF-8");
        // DeployDesk's own description and argument, and Qt's "Options:".
        QVERIFY2(out.contains("DeployDesk-Kontrollzentrum"), qPrintable(out));
        QVERIFY2(out.contains("Arbeitsbereich"), qPrintable(out));
        QVERIFY2(out.contains("Optionen:"), qPrintable(out));
        QVERIFY(!out.contains("The workspace folder to open."));
    }

    void englishLocaleGivesEnglish()
    {
        const QString out = help("en_US.UTF-8");
        QVERIFY2(out.contains("The workspace folder to open."), qPrintable(out));
        QVERIFY(out.contains("Options:"));
    }
};

QTEST_GUILESS_MAIN(TestTranslations)
#include "tst_translations.moc"
