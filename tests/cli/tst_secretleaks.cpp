// Secrets never reach what DeployDesk records or shows, end to end with the real
// deploydeskctl: a value split by colour codes (grep --color=always), a value typed in
// the run message, and a value a stage did not ask for. The secret comes from an
// environment variable (no keychain), as on CI.
#include "clihelper.h"

#include <QDirIterator>
#include <QRegularExpression>
#include <QTcpServer>

namespace {

const QString kValue = QStringLiteral("hunter2xyzzy");
// The value, and the pieces of it grep's colour codes leave apart.
const QList<QByteArray> kFragments{"hunter2xyzzy", "hunter2", "2xyzzy"};

// What a terminal shows of `text`: without CSI, OSC and two-byte escape sequences.
QString visible(QString text)
{
    static const QRegularExpression escapes(QStringLiteral(
        "\x1b\\[[0-?]*[ -/]*[@-~]|\x1b\\][^\x07\x1b]*(\x07|\x1b\\\\)|\x1b[ -/]*[0-~]"));
    return text.remove(escapes);
}

// The first fragment of the value in `text` (as a reader sees it), or an empty string.
QByteArray leakIn(const QByteArray &text)
{
    const QByteArray shown = visible(QString::fromUtf8(text)).toUtf8();
    for (const QByteArray &fragment : kFragments) {
        if (text.contains(fragment) || shown.contains(fragment))
            return fragment;
    }
    return {};
}

} // namespace

class TestSecretLeaks : public QObject
{
    Q_OBJECT

    QTemporaryDir m_tmp;

    QString workspace(const QString &name, const QByteArray &yaml)
    {
        const QString dir = m_tmp.filePath(name);
        QDir().mkpath(dir);
        writeFile(dir + "/deploydesk.yml", yaml);
        return dir;
    }

    // Every byte DeployDesk keeps: the history database with its WAL, logs, artifacts.
    static void verifyDataDirClean(const QString &dataDir)
    {
        int files = 0;
        for (QDirIterator it(dataDir, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
             it.hasNext();) {
            const QString path = it.next();
            QFile file(path);
            QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(path));
            const QByteArray bytes = file.readAll();
            ++files;
            for (const QByteArray &fragment : kFragments)
                QVERIFY2(!bytes.contains(fragment),
                         qPrintable(QStringLiteral("%1 holds \"%2\"").arg(path, fragment)));
        }
        QVERIFY(files > 0);
    }

    static void verifyNoLeak(const QString &what, const QByteArray &text)
    {
        const QByteArray leak = leakIn(text);
        QVERIFY2(
            leak.isEmpty(),
            qPrintable(
                QStringLiteral("%1 shows \"%2\":\n%3").arg(what, leak, QString::fromUtf8(text))));
    }

    // deploydeskctl on a terminal (through script(1)): colours and the live table.
    CliResult runOnTerminal(Cli &cli, const QStringList &args)
    {
        QStringList quoted{Cli::program()};
        for (const QString &a : args)
            quoted << "'" + QString(a).replace("'", "'\\''") + "'";
        QProcess p;
        QProcessEnvironment env = cli.env();
        env.insert("TERM", "xterm-256color");
        p.setProcessEnvironment(env);
        p.start("script", {"-qefc", quoted.join(' '), "/dev/null"});
        if (!p.waitForStarted() || !p.waitForFinished(120000))
            return {};
        return CliResult{p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()),
                         QString::fromUtf8(p.readAllStandardError())};
    }

private slots:
    // echo "api_key=$TOK" | grep --color=always "api_key=hunter": the colour codes land
    // inside the value. What a reader sees of it is masked in the stored log, the
    // failure summary (piped and on a terminal), logs, show, history, exports and in the
    // bytes of the data folder.
    void valueSplitByColourCodesIsMaskedEverywhere()
    {
        Cli cli;
        cli.env().insert("TOK", kValue);
        const QString ws = workspace(
            "grep", "name: grep\n"
                    "stages:\n"
                    "  leak:\n"
                    "    secrets: [TOK]\n"
                    "    run: |\n"
                    "      echo \"api_key=$TOK\" | grep --color=always \"api_key=hunter\"\n"
                    "      exit 3\n");
        const CliResult piped = cli.run({"run", "-m", "deploy with " + kValue}, ws);
        QCOMPARE(piped.exitCode, 1);
        // The failure summary shows the line, masked.
        QVERIFY2(piped.err.contains("api_key=***"), qPrintable(piped.err));
        verifyNoLeak("the piped run", (piped.out + piped.err).toUtf8());

        const CliResult terminal = runOnTerminal(cli, {"run", "--workspace", ws});
        QCOMPARE(terminal.exitCode, 1);
        QVERIFY2(visible(terminal.out).contains("api_key=***"), qPrintable(terminal.out));
        verifyNoLeak("the run on a terminal", (terminal.out + terminal.err).toUtf8());

        const QJsonArray runs = cli.history();
        QCOMPARE(runs.size(), 2);
        verifyNoLeak("history --json", QJsonDocument(runs).toJson());
        for (const QJsonValue &v : runs) {
            const QString id = QString::number(v.toObject()["id"].toInteger());
            const CliResult logs = cli.run({"logs", id, "--color", "always"});
            QCOMPARE(logs.exitCode, 0);
            // The colours stay, the value goes (and grep's erase-to-end-of-line, which is
            // not a colour, with it).
            QVERIFY2(logs.out.contains("\x1b[01;31mapi_key=***"), qPrintable(logs.out));
            verifyNoLeak("logs " + id, logs.out.toUtf8());
            verifyNoLeak("show " + id, cli.run({"show", id}).out.toUtf8());
            verifyNoLeak("show --json " + id, cli.run({"show", id, "--json"}).out.toUtf8());
            for (const QString format : {"md", "html"}) {
                const CliResult report = cli.run({"export", id, "--format", format});
                QCOMPARE(report.exitCode, 0);
                QVERIFY(report.out.contains("api_key=***"));
                verifyNoLeak("export --format " + format, report.out.toUtf8());
            }
        }
        verifyDataDirClean(cli.dataDir());
    }

    // run -m "deploy with $TOK": what a user types is recorded masked, in the run and in
    // every event that repeats it (started, approved).
    void runMessageIsMasked()
    {
        Cli cli;
        cli.env().insert("TOK", kValue);
        const QString ws = workspace("message", "name: message\n"
                                                "environments:\n  production:\n"
                                                "    protected: true\n"
                                                "stages:\n"
                                                "  deploy:\n"
                                                "    secrets: [TOK]\n"
                                                "    run: echo deploying\n");
        const CliResult r =
            cli.run({"run", "--env", "production", "--approve", "-m", "deploy with " + kValue}, ws);
        QCOMPARE(r.exitCode, 0);
        verifyNoLeak("the run", (r.out + r.err).toUtf8());

        const QJsonArray runs = cli.history();
        QCOMPARE(runs.size(), 1);
        QCOMPARE(runs[0].toObject()["message"].toString(), "deploy with ***");
        const qint64 id = runs[0].toObject()["id"].toInteger();
        const QJsonObject shown = cli.show(id);
        QCOMPARE(shown["message"].toString(), "deploy with ***");
        QStringList messages;
        for (const QJsonValue &e : shown["events"].toArray())
            messages << e.toObject()["message"].toString();
        QVERIFY2(messages.filter("deploy with ***").size() >= 2, qPrintable(messages.join('\n')));
        verifyNoLeak("show --json", QJsonDocument(shown).toJson());
        const CliResult text = cli.run({"show", QString::number(id)});
        QVERIFY2(text.out.contains("deploy with ***"), qPrintable(text.out));
        verifyNoLeak("show", text.out.toUtf8());
        verifyNoLeak("history", cli.run({"history"}).out.toUtf8());

        const QString report = m_tmp.filePath("message-report.html");
        QCOMPARE(cli.run({"export", QString::number(id), "-o", report}).exitCode, 0);
        QFile file(report);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray html = file.readAll();
        QVERIFY(html.contains("deploy with ***"));
        verifyNoLeak("the exported report", html);
        verifyDataDirClean(cli.dataDir());
    }

    // A stage's reason can repeat what the pipeline says (a health check's URL with a
    // token in it): it is recorded and shown masked, as the stage's log lines are.
    void stageReasonIsMasked()
    {
        Cli cli;
        cli.env().insert("TOK", kValue);
        QTcpServer probe; // a port nothing listens on
        QVERIFY(probe.listen(QHostAddress::LocalHost));
        const QByteArray url = "http://127.0.0.1:" + QByteArray::number(probe.serverPort()) +
                               "/health?token=" + kValue.toUtf8();
        probe.close();
        const QByteArray yaml = "name: reason\n"
                                "stages:\n"
                                "  check:\n"
                                "    uses: health-check\n"
                                "    secrets: [TOK]\n"
                                "    with: { url: \"" +
                                url + "\", wait: 300ms, interval: 100ms, timeout: 1s }\n";
        const QString ws = workspace("reason", yaml);
        const CliResult r = cli.run({"run"}, ws);
        QCOMPARE(r.exitCode, 1);
        verifyNoLeak("the run", (r.out + r.err).toUtf8());
        const QJsonObject shown = cli.show(cli.history()[0].toObject()["id"].toInteger());
        const QString reason = stageOf(shown, "check")["reason"].toString();
        QVERIFY2(reason.contains("token=***"), qPrintable(reason));
        verifyNoLeak("show --json", QJsonDocument(shown).toJson());
        verifyDataDirClean(cli.dataDir());
    }

    // A secret reaches only the stages that declare it, even when DeployDesk itself has
    // it in its environment (the fallback without a keychain): a name a stage of the
    // pipeline declares, and a name only the secret index knows.
    void stageSeesOnlyTheSecretsItDeclares()
    {
        Cli cli;
        cli.env().insert("TOK", kValue);
        cli.env().insert("STORED_ONLY", "stored-value-42");
        cli.env().insert("NOT_A_SECRET", "kept");
        writeFile(cli.dataDir() + "/secrets.json", R"({"version": 1, "names": ["STORED_ONLY"]})");
        const QString ws = workspace(
            "scope",
            "name: scope\n"
            "stages:\n"
            "  plain:\n"
            "    run: |\n"
            "      test -z \"${TOK+set}\" || { echo 'TOK inherited'; exit 1; }\n"
            "      test -z \"${STORED_ONLY+set}\" || { echo 'STORED_ONLY inherited'; exit 1; }\n"
            "      test \"$NOT_A_SECRET\" = kept\n"
            "  uses:\n"
            "    secrets: [TOK]\n"
            "    run: |\n"
            "      test \"$TOK\" = \"" +
                kValue.toUtf8() +
                "\"\n"
                "      test -z \"${STORED_ONLY+set}\" || { echo 'STORED_ONLY inherited'; "
                "exit 1; }\n");
        const CliResult r = cli.run({"run"}, ws);
        QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
        const QJsonObject shown = cli.show(cli.history()[0].toObject()["id"].toInteger());
        QCOMPARE(stageOf(shown, "plain")["status"].toString(), "success");
        QCOMPARE(stageOf(shown, "uses")["status"].toString(), "success");
    }
};

QTEST_GUILESS_MAIN(TestSecretLeaks)
#include "tst_secretleaks.moc"
