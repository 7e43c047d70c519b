#pragma once

// A private PostgreSQL server for a test: Debian's binaries, its own data folder and a
// free port, stopped (and its folder removed) when the object goes away. As root it
// runs as the `postgres` user (the server refuses to run as root) through runuser.
#include <QDir>
#include <QProcess>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

class PgServer
{
public:
    ~PgServer() { stop(); }

    // Empty when it started, else why not.
    QString start()
    {
        m_bin = binDir();
        if (m_bin.isEmpty())
            return QStringLiteral("no PostgreSQL server binaries under /usr/lib/postgresql "
                                  "(Debian package postgresql)");
        if (!m_dir.isValid())
            return QStringLiteral("no temporary folder");
        QTcpServer probe;
        probe.listen(QHostAddress::LocalHost);
        m_port = probe.serverPort();
        probe.close();
        m_asRoot = ::geteuid() == 0;
        if (m_asRoot) {
            // The server's user must reach its folders.
            QFile::setPermissions(m_dir.path(), QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                                    QFileDevice::ExeOwner);
            if (!run({QStringLiteral("chown"), QStringLiteral("postgres:postgres"), m_dir.path()},
                     false))
                return QStringLiteral("chown postgres %1 failed").arg(m_dir.path());
        }
        if (!run({m_bin + QStringLiteral("/initdb"), QStringLiteral("-D"), dataDir(),
                  QStringLiteral("-U"), QStringLiteral("postgres"), QStringLiteral("-A"),
                  QStringLiteral("trust"), QStringLiteral("--auth-host=scram-sha-256"),
                  QStringLiteral("-E"), QStringLiteral("UTF8"), QStringLiteral("--no-sync")}))
            return QStringLiteral("initdb failed: ") + m_lastOutput;
        const QString options =
            QStringLiteral("-p %1 -k %2 -h 127.0.0.1 -F").arg(m_port).arg(m_dir.path());
        if (!run({m_bin + QStringLiteral("/pg_ctl"), QStringLiteral("-D"), dataDir(),
                  QStringLiteral("-o"), options, QStringLiteral("-l"),
                  m_dir.filePath(QStringLiteral("server.log")), QStringLiteral("-w"),
                  QStringLiteral("-t"), QStringLiteral("60"), QStringLiteral("start")}))
            return QStringLiteral("pg_ctl start failed: ") + m_lastOutput;
        m_running = true;
        return {};
    }

    void stop()
    {
        if (!m_running)
            return;
        m_running = false;
        run({m_bin + QStringLiteral("/pg_ctl"), QStringLiteral("-D"), dataDir(),
             QStringLiteral("-m"), QStringLiteral("immediate"), QStringLiteral("-w"),
             QStringLiteral("stop")});
    }

    quint16 port() const { return m_port; }

    // Runs SQL over the server's own socket as the superuser; returns psql's output
    // (unaligned, tuples only), or "ERROR ..." when it fails.
    QString sql(const QString &statement, const QString &database = QStringLiteral("postgres"))
    {
        if (!run({QStringLiteral("psql"), QStringLiteral("-X"), QStringLiteral("-q"),
                  QStringLiteral("-A"), QStringLiteral("-t"), QStringLiteral("-v"),
                  QStringLiteral("ON_ERROR_STOP=1"), QStringLiteral("-h"), m_dir.path(),
                  QStringLiteral("-p"), QString::number(m_port), QStringLiteral("-U"),
                  QStringLiteral("postgres"), QStringLiteral("-d"), database, QStringLiteral("-c"),
                  statement}))
            return QStringLiteral("ERROR ") + m_lastOutput;
        return m_lastOutput.trimmed();
    }

private:
    static QString binDir()
    {
        const QStringList versions =
            QDir(QStringLiteral("/usr/lib/postgresql"))
                .entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name | QDir::Reversed);
        for (const QString &v : versions) {
            const QString bin = QStringLiteral("/usr/lib/postgresql/%1/bin").arg(v);
            if (QFileInfo(bin + QStringLiteral("/postgres")).isExecutable())
                return bin;
        }
        return {};
    }

    QString dataDir() const { return m_dir.filePath(QStringLiteral("data")); }

    bool run(QStringList command, bool asServerUser = true)
    {
        if (asServerUser && m_asRoot)
            command = QStringList{QStringLiteral("runuser"), QStringLiteral("-u"),
                                  QStringLiteral("postgres"), QStringLiteral("--")} +
                      command;
        QProcess p;
        p.setProcessChannelMode(QProcess::MergedChannels);
        p.setWorkingDirectory(m_dir.path()); // the server user may not enter the caller's
        p.start(command.takeFirst(), command);
        const bool ok = p.waitForFinished(120000) && p.exitStatus() == QProcess::NormalExit &&
                        p.exitCode() == 0;
        m_lastOutput = QString::fromUtf8(p.readAll());
        return ok;
    }

    QTemporaryDir m_dir;
    QString m_bin;
    QString m_lastOutput;
    quint16 m_port = 0;
    bool m_asRoot = false;
    bool m_running = false;
};
