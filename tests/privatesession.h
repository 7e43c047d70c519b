#pragma once

// A private session bus (dbus-daemon) for one test process, optionally with gnome-keyring's
// Secret Service on it, all in a temporary folder: the tests never touch the developer's
// desktop. Start it before anything in the process talks to the session bus (QtDBus and
// libsecret bind to the first address they see).

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

namespace DeployDesk::Test {

class PrivateSession final
{
public:
    PrivateSession() = default;
    PrivateSession(const PrivateSession &) = delete;
    PrivateSession &operator=(const PrivateSession &) = delete;
    ~PrivateSession() { stop(); }

    // Stops the keyring and the bus, and gives back the session bus address the process
    // had before (stop the keychain thread first: see stopKeychainThread()).
    void stop()
    {
        stop(m_keyring);
        stop(m_bus);
        if (m_started) {
            if (m_hadAddress)
                qputenv("DBUS_SESSION_BUS_ADDRESS", m_savedAddress);
            else
                qunsetenv("DBUS_SESSION_BUS_ADDRESS");
            m_started = false;
        }
    }

    // Empty on success, else why not (a missing program: the caller skips).
    QString startBus()
    {
        const QString daemon = QStandardPaths::findExecutable(QStringLiteral("dbus-daemon"));
        if (daemon.isEmpty())
            return QStringLiteral("dbus-daemon is not installed (Debian package dbus-daemon)");
        if (!m_dir.isValid())
            return QStringLiteral("no temporary folder");
        const QDir root(m_dir.path());
        const QString config = root.filePath(QStringLiteral("bus.conf"));
        QFile file(config);
        if (!file.open(QIODevice::WriteOnly))
            return file.errorString();
        file.write(QStringLiteral("<!DOCTYPE busconfig PUBLIC "
                                  "\"-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN\" "
                                  "\"http://www.freedesktop.org/standards/dbus/1.0/"
                                  "busconfig.dtd\">\n<busconfig><type>session</type>"
                                  "<listen>unix:path=%1</listen><auth>EXTERNAL</auth>"
                                  "<policy context=\"default\">"
                                  "<allow send_destination=\"*\" eavesdrop=\"true\"/>"
                                  "<allow eavesdrop=\"true\"/><allow own=\"*\"/>"
                                  "</policy></busconfig>\n")
                       .arg(root.filePath(QStringLiteral("bus")))
                       .toUtf8());
        file.close();
        m_bus.setProgram(daemon);
        m_bus.setArguments({QStringLiteral("--config-file=") + config, QStringLiteral("--nofork"),
                            QStringLiteral("--print-address=1")});
        m_bus.start();
        if (!m_bus.waitForStarted(10000))
            return m_bus.errorString();
        if (!QTest::qWaitFor([&] { return m_bus.canReadLine() || !isRunning(m_bus); }, 10000))
            return QStringLiteral("dbus-daemon printed no address");
        m_address = m_bus.readLine().trimmed();
        if (m_address.isEmpty())
            return QString::fromLocal8Bit(m_bus.readAllStandardError());
        m_hadAddress = qEnvironmentVariableIsSet("DBUS_SESSION_BUS_ADDRESS");
        m_savedAddress = qgetenv("DBUS_SESSION_BUS_ADDRESS");
        m_started = true;
        qputenv("DBUS_SESSION_BUS_ADDRESS", m_address);
        return {};
    }

    // gnome-keyring with an unlocked default collection, on the private bus.
    QString startKeyring()
    {
        const QString daemon =
            QStandardPaths::findExecutable(QStringLiteral("gnome-keyring-daemon"));
        if (daemon.isEmpty())
            return QStringLiteral("gnome-keyring-daemon is not installed (package gnome-keyring)");
        const QDir root(m_dir.path());
        for (const char *sub : {"home", "data", "config", "run"})
            root.mkpath(QString::fromLatin1(sub));
        QFile::setPermissions(root.filePath(QStringLiteral("run")),
                              QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), QString::fromUtf8(m_address));
        env.insert(QStringLiteral("HOME"), root.filePath(QStringLiteral("home")));
        env.insert(QStringLiteral("XDG_DATA_HOME"), root.filePath(QStringLiteral("data")));
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), root.filePath(QStringLiteral("config")));
        env.insert(QStringLiteral("XDG_RUNTIME_DIR"), root.filePath(QStringLiteral("run")));
        env.remove(QStringLiteral("DISPLAY"));
        env.remove(QStringLiteral("WAYLAND_DISPLAY"));
        m_keyring.setProcessEnvironment(env);
        m_keyring.setProgram(daemon);
        m_keyring.setArguments({QStringLiteral("--foreground"), QStringLiteral("--unlock"),
                                QStringLiteral("--components=secrets")});
        m_keyring.start();
        if (!m_keyring.waitForStarted(10000))
            return m_keyring.errorString();
        m_keyring.write("test-keyring-password");
        m_keyring.closeWriteChannel();
        return {};
    }

    bool keyringRunning() const { return isRunning(m_keyring); }
    qint64 keyringPid() const { return m_keyring.processId(); }
    QString keyringErrors() { return QString::fromLocal8Bit(m_keyring.readAllStandardError()); }
    QString path() const { return m_dir.path(); }

private:
    static bool isRunning(const QProcess &p) { return p.state() != QProcess::NotRunning; }
    static void stop(QProcess &process)
    {
        if (!isRunning(process))
            return;
        process.terminate();
        if (!process.waitForFinished(5000)) {
            process.kill();
            process.waitForFinished(5000);
        }
    }

    QTemporaryDir m_dir;
    QProcess m_bus;
    QProcess m_keyring;
    QByteArray m_address;
    QByteArray m_savedAddress;
    bool m_hadAddress = false;
    bool m_started = false;
};

} // namespace DeployDesk::Test
