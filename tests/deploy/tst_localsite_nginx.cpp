// local-site behind a real nginx (started by the test on a free port, its whole state in
// a temporary folder, root = <deploy root>/current): the served site follows deploys and
// rollbacks, and a reader fetching pages while 50 switches happen never gets a 404 or a
// page that mixes two versions.
#include "deploy/localsite/localsitetarget.h"
#include "sitetestutil.h"

#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>

#include <unistd.h>

using namespace DeployDesk;
using namespace SiteTest;

namespace {
constexpr int kPages = 8;

// A page whose whole body depends on its version: a mix of two versions cannot match.
QByteArray pageBody(const QString &version, int page)
{
    const QByteArray v = version.toUtf8();
    QByteArray body = "version " + v + " page " + QByteArray::number(page) + "\n";
    while (body.size() < 24 * 1024)
        body += "line of " + v + " page " + QByteArray::number(page) + " offset " +
                QByteArray::number(body.size()) + "\n";
    return body + "end " + v + "\n";
}

QString pagePath(int page)
{
    return page == 0 ? QStringLiteral("index.html") : QStringLiteral("pages/p%1.html").arg(page);
}

void makeVersion(const QString &dir, const QString &version)
{
    QDir(dir).removeRecursively();
    for (int page = 0; page < kPages; ++page)
        writeFile(dir + u'/' + pagePath(page), pageBody(version, page));
}

// The version a body claims, when the whole body is exactly that version's page.
QString versionOf(const QByteArray &body, int page)
{
    if (!body.startsWith("version "))
        return {};
    const QByteArray version = body.mid(8, body.indexOf(' ', 8) - 8);
    return pageBody(QString::fromUtf8(version), page) == body ? QString::fromUtf8(version)
                                                              : QString();
}
} // namespace

class TestLocalSiteNginx : public QObject
{
    Q_OBJECT

    QTemporaryDir m_tmp;
    QString m_root, m_build;
    QProcess m_nginx;
    int m_port = 0;
    QNetworkAccessManager m_network;
    LocalSiteTarget m_target;

    QString url(const QString &path = {}) const
    {
        return QStringLiteral("http://127.0.0.1:%1/%2").arg(m_port).arg(path);
    }
    // GET, waiting for the answer; the status (0 when nginx did not answer).
    int get(const QString &path, QByteArray *body = nullptr)
    {
        QNetworkReply *reply = m_network.get(QNetworkRequest(QUrl(url(path))));
        QEventLoop loop;
        connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        loop.exec();
        reply->deleteLater();
        if (body)
            *body = reply->readAll();
        return reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    }
    TargetRequest request(qint64 runId = 1, const QVariantMap &extra = {},
                          const QString &branch = {})
    {
        QVariantMap with{{"from", m_build}, {"root", m_root}, {"url", url()}, {"keep", "5"}};
        for (auto it = extra.cbegin(); it != extra.cend(); ++it)
            with.insert(it.key(), it.value());
        return SiteTest::request(m_tmp.path(), with, runId, branch);
    }
    Deployment deploy(const QString &version, qint64 runId, const QVariantMap &extra = {},
                      const QString &branch = {})
    {
        makeVersion(m_build, version);
        std::unique_ptr<TargetJob> job(m_target.deploy(request(runId, extra, branch), nullptr));
        const Finished f = run(job.get());
        if (!f.ok())
            qWarning("deploy of %s failed: %s", qPrintable(version), qPrintable(f.error.message));
        return f.ok() ? f.deployments.first() : Deployment{};
    }
    bool rollback(const Deployment &to)
    {
        std::unique_ptr<TargetJob> job(m_target.rollback(request(), to, nullptr));
        return run(job.get()).ok();
    }

    bool startNginx(const QString &nginx)
    {
        for (int attempt = 0; attempt < 5; ++attempt) {
            QTcpServer probe; // a free port (nginx binds it right after; retried if lost)
            if (!probe.listen(QHostAddress::LocalHost))
                return false;
            m_port = probe.serverPort();
            probe.close();
            const QString dir = m_tmp.path() + "/nginx";
            QDir().mkpath(dir);
            QByteArray conf = "daemon off;\nworker_processes 1;\n";
            if (::geteuid() == 0)
                conf += "user root root;\n"; // workers as nobody could not read the temp dir
            conf += "pid " + dir.toUtf8() + "/nginx.pid;\nerror_log " + dir.toUtf8() +
                    "/error.log warn;\nevents { worker_connections 64; }\nhttp {\n"
                    "  default_type text/html;\n  access_log " +
                    dir.toUtf8() + "/access.log;\n";
            for (const char *temp : {"client_body", "proxy", "fastcgi", "uwsgi", "scgi"})
                conf += QByteArray("  ") + temp + "_temp_path " + dir.toUtf8() + "/" + temp + ";\n";
            conf += "  server {\n    listen 127.0.0.1:" + QByteArray::number(m_port) +
                    ";\n    root " + m_root.toUtf8() +
                    "/current;\n"
                    "    location /previews/ { root " +
                    m_root.toUtf8() + "; }\n  }\n}\n";
            writeFile(dir + "/nginx.conf", conf);
            m_nginx.setProcessChannelMode(QProcess::MergedChannels);
            m_nginx.start(nginx, {"-p", dir, "-e", dir + "/error.log", "-c", dir + "/nginx.conf"});
            if (!m_nginx.waitForStarted(10000))
                return false;
            // Up when it answers anything (404 while nothing is deployed), or gone when the
            // port was taken meanwhile.
            for (int i = 0; i < 200 && m_nginx.state() == QProcess::Running; ++i) {
                if (get({}) != 0)
                    return true;
                QTest::qWait(50);
            }
            qWarning("nginx did not come up: %s %s", m_nginx.readAll().constData(),
                     readFile(dir + "/error.log").constData());
            m_nginx.kill();
            m_nginx.waitForFinished();
        }
        return false;
    }

private slots:
    void initTestCase()
    {
        const QString nginx = QStandardPaths::findExecutable(
            "nginx", {"/usr/sbin", "/usr/local/sbin", "/usr/bin", "/usr/local/bin"});
        if (nginx.isEmpty())
            QSKIP("nginx is not installed (apt-get install nginx; scripts/setup.sh installs it)");
        QVERIFY(m_tmp.isValid());
        m_root = m_tmp.path() + "/root";
        m_build = m_tmp.path() + "/build";
        m_network.setTransferTimeout(10000);
        QVERIFY2(startNginx(nginx), "nginx did not start");
    }

    void cleanupTestCase()
    {
        if (m_nginx.state() != QProcess::NotRunning) {
            m_nginx.terminate(); // SIGTERM: nginx's fast shutdown, workers included
            if (!m_nginx.waitForFinished(10000))
                m_nginx.kill();
            m_nginx.waitForFinished();
        }
    }

    void servedContentFollowsDeployAndRollback()
    {
        const Deployment v1 = deploy("one", 1);
        QVERIFY(v1.isValid());
        QByteArray body;
        QCOMPARE(get({}, &body), 200);
        QCOMPARE(versionOf(body, 0), QString("one"));

        const Deployment v2 = deploy("two", 2);
        QVERIFY(v2.isValid());
        QCOMPARE(get("pages/p3.html", &body), 200);
        QCOMPARE(versionOf(body, 3), QString("two"));

        QVERIFY(rollback(v1));
        QCOMPARE(get("pages/p3.html", &body), 200);
        QCOMPARE(versionOf(body, 3), QString("one"));

        // health(): the index is there and the URL answers 200.
        std::unique_ptr<TargetJob> health(m_target.health(request(), v1, nullptr));
        const Finished h = run(health.get());
        QVERIFY2(h.ok(), qPrintable(h.error.message));
        QVERIFY(h.log.join('\n').contains("answered 200"));
    }

    void previewIsServedAtItsUrl()
    {
        const Deployment preview = deploy("preview", 3, {{"preview", "true"}}, "feat/Search");
        QVERIFY(preview.isValid());
        QCOMPARE(preview.url, url("previews/feat-search/"));
        QByteArray body;
        QCOMPARE(get("previews/feat-search/", &body), 200);
        QCOMPARE(versionOf(body, 0), QString("preview"));
        QVERIFY(get({}, &body) == 200 && versionOf(body, 0) != "preview"); // live site untouched
    }

    void readersNeverSeeAMissingOrMixedPage()
    {
        QList<Deployment> made{deploy("s0", 100)};
        QStringList names{"s0"};
        QString live = "s0";
        QVERIFY(made.first().isValid());

        // Keeps two requests in flight until the switches are done (bounded).
        int requests = 0, notFound = 0, failures = 0, mixed = 0;
        QSet<QString> seen;
        bool switching = true;
        std::function<void()> next = [&] {
            if (!switching || requests >= 20000)
                return;
            const int page = requests % kPages;
            ++requests;
            QNetworkReply *reply = m_network.get(QNetworkRequest(QUrl(url(pagePath(page)))));
            connect(reply, &QNetworkReply::finished, this, [&, reply, page] {
                reply->deleteLater();
                const int status =
                    reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
                if (status == 404)
                    ++notFound;
                else if (status != 200)
                    ++failures;
                else if (const QString v = versionOf(reply->readAll(), page); v.isEmpty())
                    ++mixed;
                else
                    seen.insert(v);
                next();
            });
        };
        next();
        next();
        for (int i = 1; i <= 50; ++i) {
            if (i % 5 == 0) { // every fifth switch is a rollback to the one before last
                QVERIFY(rollback(made.at(made.size() - 2)));
                live = names.at(names.size() - 2);
            } else {
                live = QString("s%1").arg(i);
                made.append(deploy(live, 100 + i));
                names.append(live);
                QVERIFY(made.last().isValid());
            }
        }
        switching = false;
        QTRY_VERIFY_WITH_TIMEOUT(m_network.findChildren<QNetworkReply *>().isEmpty(), 20000);
        qInfo("%d requests during 50 switches, %lld versions seen", requests, qint64(seen.size()));
        QVERIFY(requests > 2);
        QCOMPARE(notFound, 0);
        QCOMPARE(failures, 0);
        QCOMPARE(mixed, 0);
        QByteArray body;
        QCOMPARE(get({}, &body), 200);
        QCOMPARE(versionOf(body, 0), live);
    }
};

QTEST_GUILESS_MAIN(TestLocalSiteNginx)
#include "tst_localsite_nginx.moc"
