// `uses: health-check` against a real local HTTP server: success, a wrong status,
// waiting until the service comes up, and configuration errors a user would make.
#include "engine/healthcheckstage.h"

#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

using namespace DeployDesk;

namespace {
// Answers every request with the current status (a tiny HTTP/1.0 server).
class StatusServer final : public QObject
{
public:
    StatusServer()
    {
        QVERIFY(m_server.listen(QHostAddress::LocalHost));
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection()) {
                connect(socket, &QTcpSocket::readyRead, socket, [this, socket] {
                    if (!socket->readAll().contains("\r\n\r\n"))
                        return;
                    ++requests;
                    const QByteArray body = "{\"status\":\"ok\"}";
                    socket->write("HTTP/1.0 " + QByteArray::number(status) +
                                  " X\r\nContent-Length: " + QByteArray::number(body.size()) +
                                  "\r\n\r\n" + body);
                    socket->disconnectFromHost();
                });
                connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            }
        });
    }
    QString url(const QString &path = QStringLiteral("/health")) const
    {
        return QStringLiteral("http://127.0.0.1:%1%2").arg(m_server.serverPort()).arg(path);
    }
    int status = 200;
    int requests = 0;

private:
    QTcpServer m_server;
};
} // namespace

class TestHealthCheck : public QObject
{
    Q_OBJECT

    // Runs the stage to its end; returns (success, reason).
    static std::pair<bool, QString> check(const QVariantMap &with, const QString &envUrl = {},
                                          QStringList *log = nullptr)
    {
        HealthCheckStage stage;
        QSignalSpy finished(&stage, &Job::result);
        if (log)
            QObject::connect(&stage, &Job::logLine, &stage, [log](const QString &l) { *log << l; });
        StageContext context;
        context.environmentUrl = envUrl;
        stage.configure(with, context);
        stage.start();
        if (!finished.wait(20000))
            return {false, QStringLiteral("no result")};
        [&] { QCOMPARE(finished.count(), 1); }();
        return {stage.outcome() == Job::Outcome::Success, stage.error().message};
    }

private slots:
    void healthyServicePasses()
    {
        StatusServer server;
        QStringList log;
        const auto [ok, reason] = check({{"url", server.url()}}, {}, &log);
        QVERIFY2(ok, qPrintable(reason));
        QVERIFY(log.join('\n').contains("answered 200"));
    }

    void wrongStatusFailsWithTheReason()
    {
        StatusServer server;
        server.status = 503;
        const auto [ok, reason] = check({{"url", server.url()}});
        QVERIFY(!ok);
        QVERIFY2(reason.contains("answered 503, expected 200"), qPrintable(reason));
        QCOMPARE(server.requests, 1); // no wait: one try
    }

    void expectedStatusIsConfigurable()
    {
        StatusServer server;
        server.status = 204;
        const auto [ok, reason] = check({{"url", server.url()}, {"expect-status", 204}});
        QVERIFY2(ok, qPrintable(reason));
    }

    void waitsUntilTheServiceComesUp()
    {
        StatusServer server;
        server.status = 503;
        QTimer::singleShot(300, &server, [&server] { server.status = 200; });
        const auto [ok, reason] =
            check({{"url", server.url()}, {"wait", "20s"}, {"interval", "100ms"}});
        QVERIFY2(ok, qPrintable(reason));
        QVERIFY(server.requests >= 2);
    }

    void environmentUrlAndPath()
    {
        StatusServer server;
        const auto [ok, reason] = check({{"path", "/health"}}, server.url(QString()));
        QVERIFY2(ok, qPrintable(reason));
    }

    void unreachableServiceFails()
    {
        QTcpServer closed;
        QVERIFY(closed.listen(QHostAddress::LocalHost));
        const quint16 port = closed.serverPort();
        closed.close(); // nothing listens there now
        const auto [ok, reason] =
            check({{"url", QStringLiteral("http://127.0.0.1:%1/").arg(port)}});
        QVERIFY(!ok);
        QVERIFY2(reason.contains("health check of"), qPrintable(reason));
    }

    // A service that accepts the connection and never answers: the reason says so plainly.
    void silentServiceTimesOut()
    {
        QTcpServer silent;
        QVERIFY(silent.listen(QHostAddress::LocalHost));
        QList<QTcpSocket *> held; // accepted, never answered
        connect(&silent, &QTcpServer::newConnection, &silent, [&] {
            while (QTcpSocket *socket = silent.nextPendingConnection())
                held << socket;
        });
        HealthCheckStage stage;
        QSignalSpy finished(&stage, &Job::result);
        const QString url = QStringLiteral("http://127.0.0.1:%1/health").arg(silent.serverPort());
        stage.configure({{"url", url}, {"timeout", "500ms"}}, StageContext{});
        stage.start();
        QVERIFY(finished.wait(20000));
        QCOMPARE(stage.outcome(), Job::Outcome::Failed);
        QCOMPARE(stage.error().code, ErrorCode::Timeout);
        QVERIFY2(stage.error().message.endsWith("/health failed: no answer within 500 ms"),
                 qPrintable(stage.error().message));
        QVERIFY(!held.isEmpty());
    }

    // A cancelled check ends Cancelled, not Failed, exactly once, and asks for no rollback.
    void cancelIsNotFailure()
    {
        StatusServer server;
        server.status = 503;
        HealthCheckStage stage;
        QSignalSpy finished(&stage, &Job::result);
        StageContext context;
        stage.configure({{"url", server.url()},
                         {"wait", "60s"},
                         {"interval", "50ms"},
                         {"on-failure", "rollback"}},
                        context);
        stage.start();
        QTRY_VERIFY(server.requests >= 2);
        stage.cancel();
        QTRY_COMPARE(finished.count(), 1);
        QCOMPARE(stage.outcome(), Job::Outcome::Cancelled);
        QVERIFY(stage.error().message.isEmpty());
        QVERIFY(!stage.wantsRollback());
        QTest::qWait(200); // a late reply must not produce a second result
        QCOMPARE(finished.count(), 1);
    }

    // A failure carries its ErrorCode; `on-failure: rollback` asks the run to roll back.
    void failureCarriesErrorAndRollbackWish()
    {
        StatusServer server;
        server.status = 500;
        HealthCheckStage stage;
        QSignalSpy finished(&stage, &Job::result);
        stage.configure({{"url", server.url()}, {"on-failure", "rollback"}}, StageContext{});
        stage.start();
        QTRY_COMPARE(finished.count(), 1);
        QCOMPARE(stage.outcome(), Job::Outcome::Failed);
        QCOMPARE(stage.error().code, ErrorCode::Remote);
        QVERIFY(stage.wantsRollback());
    }

    void badConfigurationIsExplained_data()
    {
        QTest::addColumn<QVariantMap>("with");
        QTest::addColumn<QString>("message");
        QTest::newRow("no url") << QVariantMap{} << "needs a valid \"url\"";
        QTest::newRow("not a url")
            << QVariantMap{{"url", "localhost health"}} << "needs a valid \"url\"";
        QTest::newRow("bad status")
            << QVariantMap{{"url", "http://127.0.0.1:1/"}, {"expect-status", "ok"}}
            << "\"expect-status\" must be an HTTP status";
        QTest::newRow("bad duration")
            << QVariantMap{{"url", "http://127.0.0.1:1/"}, {"wait", "soon"}}
            << "\"wait\" must be a duration";
    }
    void badConfigurationIsExplained()
    {
        QFETCH(QVariantMap, with);
        QFETCH(QString, message);
        const auto [ok, reason] = check(with);
        QVERIFY(!ok);
        QVERIFY2(reason.contains(message), qPrintable(reason));
    }
};

QTEST_GUILESS_MAIN(TestHealthCheck)
#include "tst_healthcheck.moc"
