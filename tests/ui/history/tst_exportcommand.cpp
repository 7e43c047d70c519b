// `deploydeskctl export` as a user runs it: Markdown to stdout by default, HTML to a file,
// exit 2 with a clear message on bad arguments, exit 1 for a run that does not exist.
#include "historyfixture.h"

#include <QDir>
#include <QFile>
#include <QProcess>

class TestExportCommand : public QObject
{
    Q_OBJECT

    HistoryFixture m_fx;

    struct Output
    {
        int exitCode = -1;
        QString out;
        QString err;
    };

    Output run(const QStringList &args)
    {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert("DEPLOYDESK_DATA_DIR", m_fx.dir.path());
        env.insert("DEPLOYDESK_NO_KEYCHAIN", "1");
        env.insert("LC_ALL", "C.UTF-8");
        p.setProcessEnvironment(env);
        p.setWorkingDirectory(m_fx.dir.path());
        p.start(QStringLiteral(DD_BIN_DIR "/deploydeskctl"), QStringList{"export"} + args);
        if (!p.waitForFinished(60000)) {
            p.kill();
            p.waitForFinished();
            return {};
        }
        return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1,
                QString::fromUtf8(p.readAllStandardOutput()),
                QString::fromUtf8(p.readAllStandardError())};
    }

private slots:
    void initTestCase()
    {
        m_fx.build();
        // The CLI opens the file itself: let it have the data directory alone.
        m_fx.store.reset();
    }

    void markdownToStdoutByDefault()
    {
        const Output r = run({QString::number(m_fx.failed)});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.startsWith("# Run "), qPrintable(r.out.left(200)));
        QVERIFY(r.out.contains("| test | failed |"));
        QVERIFY(r.out.contains("FAIL expected 3 got 4"));
        QVERIFY(r.err.isEmpty());
    }

    void htmlToAFile_data()
    {
        QTest::addColumn<QStringList>("options");
        QTest::newRow("--format html") << QStringList{"--format", "html"};
        QTest::newRow("from the extension") << QStringList{};
    }

    void htmlToAFile()
    {
        QFETCH(QStringList, options);
        QTemporaryDir out;
        const QString path = out.filePath("report.html");
        const Output r = run(QStringList{QString::number(m_fx.failed), "-o", path} + options);
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains(path));
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QString html = QString::fromUtf8(f.readAll());
        QVERIFY(html.startsWith("<!DOCTYPE html>"));
        QVERIFY(html.contains("&lt;script&gt;"));
        QVERIFY(!html.contains("<script>"));
    }

    void badArguments_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        QTest::newRow("no run") << QStringList{} << "usage: deploydeskctl export RUN";
        QTest::newRow("two runs") << QStringList{"1", "2"} << "usage: deploydeskctl export RUN";
        QTest::newRow("not a number") << QStringList{"last"} << "\"last\" is not a run id";
        QTest::newRow("bad format")
            << QStringList{"1", "--format", "pdf"} << "--format must be md or html; found \"pdf\"";
        QTest::newRow("unknown option") << QStringList{"1", "--colour"} << "colour";
    }

    void badArguments()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        const Output r = run(args);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(message), qPrintable(r.err));
        QVERIFY(r.out.isEmpty());
    }

    // An unknown run is a bad argument: exit 2, as docs/cli.md's table says.
    void anUnknownRunExitsTwo()
    {
        const Output r = run({"4242"});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("no run with id 4242"), qPrintable(r.err));
    }

    void anUnwritableFileExitsOne()
    {
        const Output r = run({QString::number(m_fx.good), "-o", "/nonexistent/dir/r.md"});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("/nonexistent/dir/r.md"), qPrintable(r.err));
    }
};

QTEST_GUILESS_MAIN(TestExportCommand)
#include "tst_exportcommand.moc"
