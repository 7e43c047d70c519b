#include "deploy/localsite/siteserver.h"

#include "common/processinfo.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSaveFile>
#include <QStandardPaths>
#include <QTcpSocket>
#include <QThread>
#include <QUrl>

namespace DeployDesk::LocalSite {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("DeployDesk", text);
}

bool answers(const QString &host, int port)
{
    QTcpSocket socket;
    socket.connectToHost(host, quint16(port));
    return socket.waitForConnected(200);
}
} // namespace

Result<QString> ensureSiteServer(const QString &root, const QString &url)
{
    const QUrl u(url);
    const QString host = u.host();
    if (u.scheme() != QLatin1String("http") || u.port() <= 0 ||
        (host != QLatin1String("127.0.0.1") && host != QLatin1String("localhost")))
        return makeError(ErrorCode::Invalid,
                         tr("\"serve\" needs a local \"url\" with a port, such as "
                            "http://127.0.0.1:8471/; found \"%1\"")
                             .arg(url));
    const QString stateFile = QDir(root).filePath(QStringLiteral("server.json"));
    QFile state(stateFile);
    if (state.open(QIODevice::ReadOnly)) {
        const QJsonObject o = QJsonDocument::fromJson(state.readAll()).object();
        const qint64 pid = o.value(QStringLiteral("pid")).toInteger();
        if (ProcessInfo::isAlive(pid, o.value(QStringLiteral("startTicks")).toInteger()) &&
            o.value(QStringLiteral("port")).toInt() == u.port())
            return tr("already serving %1 at %2 (pid %3)")
                .arg(QDir(root).filePath(QStringLiteral("current")), url)
                .arg(pid);
    }
    if (answers(host, u.port()))
        return makeError(ErrorCode::Conflict,
                         tr("port %1 is taken by another program, so \"serve\" cannot answer "
                            "at %2; choose another port in \"url\" or stop that program")
                             .arg(u.port())
                             .arg(url));
    const QString python = QStandardPaths::findExecutable(QStringLiteral("python3"));
    const QString setsid = QStandardPaths::findExecutable(QStringLiteral("setsid"));
    if (python.isEmpty() || setsid.isEmpty())
        return makeError(ErrorCode::Unavailable,
                         tr("\"serve\" needs python3 and setsid on PATH (apt-get install "
                            "python3); or serve %1 with a web server and drop \"serve\"")
                             .arg(QDir(root).filePath(QStringLiteral("current"))));
    qint64 pid = 0;
    QProcess process;
    process.setProgram(setsid);
    process.setArguments({python, QStringLiteral("-m"), QStringLiteral("http.server"),
                          QString::number(u.port()), QStringLiteral("--bind"), host,
                          QStringLiteral("--directory"),
                          QDir(root).filePath(QStringLiteral("current"))});
    process.setStandardOutputFile(QDir(root).filePath(QStringLiteral("server.log")),
                                  QIODevice::Append);
    process.setStandardErrorFile(QDir(root).filePath(QStringLiteral("server.log")),
                                 QIODevice::Append);
    process.setWorkingDirectory(root);
    if (!process.startDetached(&pid))
        return makeError(ErrorCode::Process,
                         tr("could not start the site server: %1").arg(process.errorString()));
    // Wait (briefly, on the deploy's worker thread) until it answers.
    for (int i = 0; i < 50 && !answers(host, u.port()); ++i)
        QThread::msleep(100);
    if (!answers(host, u.port()))
        return makeError(ErrorCode::Process,
                         tr("the site server did not answer at %1 within 5s; see %2")
                             .arg(url, QDir(root).filePath(QStringLiteral("server.log"))));
    QSaveFile out(stateFile);
    if (out.open(QIODevice::WriteOnly)) {
        out.write(QJsonDocument(QJsonObject{{QStringLiteral("pid"), pid},
                                            {QStringLiteral("startTicks"),
                                             ProcessInfo::startTicks(pid)},
                                            {QStringLiteral("port"), u.port()}})
                      .toJson(QJsonDocument::Compact));
        out.commit();
    }
    return tr("serving %1 at %2 (python3 http.server, pid %3)")
        .arg(QDir(root).filePath(QStringLiteral("current")), url)
        .arg(pid);
}

} // namespace DeployDesk::LocalSite
