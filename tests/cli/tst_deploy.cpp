// deploydeskctl deploy / releases / rollback / queue / compare end to end, as a user runs
// them: a small workspace whose site goes out through local-site (served by python3's
// http.server) and whose "backend" through local-service, on free local ports.
#include "clihelper.h"
#include "stableport.h"

#include <QDirIterator>
#include <QNetworkAccessManager>
#include <QNetworkReply>

#include <csignal>

namespace {

QString get(const QString &url)
{
    QNetworkAccessManager nam;
    nam.setTransferTimeout(5000);
    QNetworkReply *reply = nam.get(QNetworkRequest(QUrl(url)));
    QTest::qWaitFor([reply] { return reply->isFinished(); }, 10000);
    const QString body = reply->error() == QNetworkReply::NoError
                             ? QString::fromUtf8(reply->readAll())
                             : QStringLiteral("ERROR ") + reply->errorString();
    delete reply;
    return body;
}

// Ends every process whose command line or folder names `path` (the services a test
// started: site server, backend instances, forwarder).
void killProcessesUnder(const QString &path)
{
    QDirIterator it(QStringLiteral("/proc"));
    while (it.hasNext()) {
        const QString dir = it.next();
        bool isPid = false;
        const int pid = QFileInfo(dir).fileName().toInt(&isPid);
        if (!isPid || pid == QCoreApplication::applicationPid())
            continue;
        QFile cmd(dir + QStringLiteral("/cmdline"));
        const QByteArray line = cmd.open(QIODevice::ReadOnly) ? cmd.readAll() : QByteArray();
        const QString cwd = QFileInfo(dir + QStringLiteral("/cwd")).symLinkTarget();
        if (line.contains(path.toUtf8()) || cwd.startsWith(path))
            ::kill(pid, SIGKILL);
    }
}

} // namespace

class TestDeploy : public QObject
{
    Q_OBJECT

    Cli m_cli;
    QTemporaryDir m_ws;
    quint16 m_sitePort = 0;
    quint16 m_backendPort = 0;

    void write(const QString &name, const QByteArray &content)
    {
        QDir().mkpath(QFileInfo(m_ws.filePath(name)).absolutePath());
        QFile f(m_ws.filePath(name));
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(content);
    }
    QString siteUrl() const { return QStringLiteral("http://127.0.0.1:%1/").arg(m_sitePort); }

private slots:
    void initTestCase()
    {
        // Ports that stay this test's while its services stop and start again (below the
        // ephemeral range: tests beside it listening on port 0 are never handed them).
        QList<int> ports;
        for (int i = 0; i < 4; ++i) {
            ports << stablePort(ports);
            QVERIFY2(ports.last() > 0, "no free port below the ephemeral range");
        }
        m_sitePort = quint16(ports[0]);
        m_backendPort = quint16(ports[1]);
        const quint16 prodSite = quint16(ports[2]), prodBackend = quint16(ports[3]);
        write("deploydesk.yml",
              QStringLiteral(
                  "name: mini\n"
                  "environments:\n"
                  "  staging:\n"
                  "    url: http://127.0.0.1:%1/\n"
                  "    variables: { SITE_PORT: \"%1\", BACKEND_PORT: \"%2\" }\n"
                  "  production:\n"
                  "    protected: true\n"
                  "    variables: { SITE_PORT: \"%3\", BACKEND_PORT: \"%4\" }\n"
                  "stages:\n"
                  "  build:\n"
                  "    run: mkdir -p build && cp page.html build/index.html && sleep "
                  "${BUILD_SLEEP:-0}\n"
                  "  deploy-site:\n"
                  "    needs: [build]\n"
                  "    uses: local-site\n"
                  "    if: environment in [staging, production]\n"
                  "    with: { from: build, url: \"http://127.0.0.1:$SITE_PORT/\", serve: true }\n"
                  "  deploy-backend:\n"
                  "    uses: local-service\n"
                  "    if: environment in [staging, production]\n"
                  "    with:\n"
                  "      from: api\n"
                  "      command: python3 -m http.server $PORT --bind 127.0.0.1\n"
                  "      port: $BACKEND_PORT\n"
                  "      health-path: /\n")
                  .arg(m_sitePort)
                  .arg(m_backendPort)
                  .arg(prodSite)
                  .arg(prodBackend)
                  .toUtf8());
        write("page.html", "version one");
        write("api/index.html", "backend");
    }

    void cleanupTestCase()
    {
        killProcessesUnder(m_cli.dataDir());
        killProcessesUnder(m_ws.path());
    }

    void deployRollBackAndCompare()
    {
        const CliResult first = m_cli.run({"deploy", "staging", "-m", "first"}, m_ws.path());
        QVERIFY2(first.exitCode == 0, qPrintable(first.out + first.err));
        QVERIFY2(first.out.contains(QStringLiteral("site of staging answers at ") + siteUrl()),
                 qPrintable(first.out));
        QVERIFY2(first.out.contains(QStringLiteral("backend of staging answers at")),
                 qPrintable(first.out));
        QCOMPARE(get(siteUrl()), QStringLiteral("version one"));
        QCOMPARE(get(QStringLiteral("http://127.0.0.1:%1/").arg(m_backendPort)),
                 QStringLiteral("backend"));

        write("page.html", "version two");
        const CliResult second = m_cli.run({"deploy", "staging"}, m_ws.path());
        QVERIFY2(second.exitCode == 0, qPrintable(second.out + second.err));
        QCOMPARE(get(siteUrl()), QStringLiteral("version two"));

        // Not on a terminal: the rollback wants --yes and changes nothing without it.
        const CliResult unconfirmed = m_cli.run({"rollback", "staging"}, m_ws.path());
        QCOMPARE(unconfirmed.exitCode, 2);
        QVERIFY(unconfirmed.err.contains(QStringLiteral("--yes")));
        QCOMPARE(get(siteUrl()), QStringLiteral("version two"));

        const CliResult back = m_cli.run({"rollback", "staging", "--yes"}, m_ws.path());
        QVERIFY2(back.exitCode == 0, qPrintable(back.out + back.err));
        QVERIFY2(back.out.contains(QStringLiteral("symlink switch")), qPrintable(back.out));
        QVERIFY2(back.out.contains(QStringLiteral("service swap")) ||
                     back.out.contains(QStringLiteral("backend: unchanged")),
                 qPrintable(back.out));
        QCOMPARE(get(siteUrl()), QStringLiteral("version one"));

        const CliResult list = m_cli.run({"releases", "staging", "--json"}, m_ws.path());
        const QJsonArray releases = QJsonDocument::fromJson(list.out.toUtf8()).array();
        QCOMPARE(releases.size(), 3);
        QCOMPARE(releases.at(0)["kind"].toString(), QStringLiteral("rollback"));
        QVERIFY(releases.at(0)["live"].toBool());
        QCOMPARE(releases.at(2)["why"].toString(), QStringLiteral("first"));
        // The rollback restored the first release's site version.
        const auto siteOf = [](const QJsonValue &r) {
            for (const QJsonValue &l : r["layers"].toArray())
                if (l["layer"].toString() == QLatin1String("site"))
                    return l["version"].toString();
            return QString();
        };
        QCOMPARE(siteOf(releases.at(0)), siteOf(releases.at(2)));

        const CliResult cmp = m_cli.run({"compare", QString::number(releases.at(2)["id"].toInt()),
                                         QString::number(releases.at(1)["id"].toInt())},
                                        m_ws.path());
        QCOMPARE(cmp.exitCode, 0);
        QVERIFY2(cmp.out.contains(QStringLiteral("site: ") + siteOf(releases.at(2)) +
                                  QStringLiteral(" → ") + siteOf(releases.at(1))),
                 qPrintable(cmp.out));
    }

    void twoProcessesDeployInOrder()
    {
        m_cli.env().insert("BUILD_SLEEP", "3");
        std::unique_ptr<QProcess> a(m_cli.start({"deploy", "staging", "-w", m_ws.path()}, nullptr));
        // A holds the environment once the queue lists it.
        QTRY_VERIFY_WITH_TIMEOUT(
            QJsonDocument::fromJson(m_cli.run({"queue", "--json"}, m_ws.path()).out.toUtf8())
                    .array()
                    .size() == 1,
            20000);
        m_cli.env().insert("BUILD_SLEEP", "0");
        std::unique_ptr<QProcess> b(m_cli.start({"deploy", "staging", "-w", m_ws.path()}, nullptr));
        QVERIFY(a->waitForFinished(60000));
        QVERIFY(b->waitForFinished(60000));
        const QString bOut = QString::fromUtf8(b->readAllStandardOutput());
        QCOMPARE(a->exitCode(), 0);
        QVERIFY2(b->exitCode() == 0, qPrintable(bOut));
        QVERIFY2(bOut.contains(QStringLiteral("waiting: run")), qPrintable(bOut));
        // B began only after A had finished.
        const QJsonArray runs = m_cli.history({"--limit", "2"});
        const QJsonObject bRun = m_cli.show(runs.at(0)["id"].toInteger());
        const QJsonObject aRun = m_cli.show(runs.at(1)["id"].toInteger());
        const auto ms = [](const QJsonValue &v) {
            return QDateTime::fromString(v.toString(), Qt::ISODateWithMs).toMSecsSinceEpoch();
        };
        qint64 bFirstStage = std::numeric_limits<qint64>::max();
        for (const QJsonValue &s : bRun["stages"].toArray())
            if (!s["started"].toString().isEmpty())
                bFirstStage = std::min(bFirstStage, ms(s["started"]));
        QVERIFY2(bFirstStage >= ms(aRun["finished"]),
                 qPrintable(QJsonDocument(bRun).toJson() + QJsonDocument(aRun).toJson()));
        QCOMPARE(m_cli.run({"queue", "--json"}, m_ws.path()).out.trimmed(), QStringLiteral("[\n]"));
    }

    void killedDeployLeavesThePreviousReleaseLive()
    {
        const QString before = get(siteUrl());
        write("page.html", "version never");
        m_cli.env().insert("BUILD_SLEEP", "30");
        std::unique_ptr<QProcess> a(m_cli.start({"deploy", "staging", "-w", m_ws.path()}, nullptr));
        QTRY_VERIFY_WITH_TIMEOUT(
            QJsonDocument::fromJson(m_cli.run({"queue", "--json"}, m_ws.path()).out.toUtf8())
                    .array()
                    .size() == 1,
            20000);
        ::kill(pid_t(a->processId()), SIGKILL);
        QVERIFY(a->waitForFinished(10000));
        const QJsonArray runs = m_cli.history({"--limit", "1"});
        QCOMPARE(runs.at(0)["status"].toString(), QStringLiteral("interrupted"));
        QCOMPARE(get(siteUrl()), before);
        // The next deploy takes over the dead run's place in the queue.
        m_cli.env().insert("BUILD_SLEEP", "0");
        write("page.html", "version three");
        const CliResult next = m_cli.run({"deploy", "staging"}, m_ws.path());
        QVERIFY2(next.exitCode == 0, qPrintable(next.out + next.err));
        QCOMPARE(get(siteUrl()), QStringLiteral("version three"));
    }

    void protectedEnvironmentsRefuseYes()
    {
        const CliResult refused = m_cli.run({"deploy", "production"}, m_ws.path());
        QCOMPARE(refused.exitCode, 2);
        QVERIFY(refused.err.contains(QStringLiteral("--approve")));
        for (int i = 0; i < 2; ++i) {
            const CliResult ok =
                m_cli.run({"deploy", "production", "--approve", "-m", "release"}, m_ws.path());
            QVERIFY2(ok.exitCode == 0, qPrintable(ok.out + ok.err));
        }
        const CliResult yes = m_cli.run({"rollback", "production", "--yes"}, m_ws.path());
        QCOMPARE(yes.exitCode, 2);
        QVERIFY2(yes.err.contains(QStringLiteral("--yes is refused")), qPrintable(yes.err));
        const CliResult approved =
            m_cli.run({"rollback", "production", "--approve", "-m", "bad"}, m_ws.path());
        QVERIFY2(approved.exitCode == 0, qPrintable(approved.out + approved.err));
    }
};

QTEST_GUILESS_MAIN(TestDeploy)
#include "tst_deploy.moc"
