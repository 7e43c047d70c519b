#pragma once

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

// Runs deploydeskctl as a user would, with its own data directory and no keychain.
struct CliResult
{
    int exitCode = -1;
    QString out;
    QString err;
};

class Cli
{
public:
    Cli()
    {
        m_env = QProcessEnvironment::systemEnvironment();
        m_env.insert("DEPLOYDESK_DATA_DIR", m_data.path());
        m_env.insert("DEPLOYDESK_NO_KEYCHAIN", "1");
        m_env.insert("LC_ALL", "C.UTF-8");
    }

    QString dataDir() const { return m_data.path(); }
    QProcessEnvironment &env() { return m_env; }
    static QString program() { return QStringLiteral(DD_BIN_DIR "/deploydeskctl"); }

    CliResult run(const QStringList &args, const QString &workspace = {},
                  const QByteArray &input = {}, int timeoutMs = 120000)
    {
        QProcess p;
        p.setProcessEnvironment(m_env);
        QStringList all = args;
        if (!workspace.isEmpty())
            all << QStringLiteral("--workspace") << workspace;
        p.start(program(), all);
        if (!p.waitForStarted())
            return {};
        if (!input.isEmpty())
            p.write(input);
        p.closeWriteChannel();
        if (!p.waitForFinished(timeoutMs)) {
            p.kill();
            p.waitForFinished();
        }
        return CliResult{p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1,
                         QString::fromUtf8(p.readAllStandardOutput()),
                         QString::fromUtf8(p.readAllStandardError())};
    }

    // Starts deploydeskctl without waiting (for cancel and crash tests).
    QProcess *start(const QStringList &args, QObject *parent)
    {
        auto *p = new QProcess(parent);
        p->setProcessEnvironment(m_env);
        p->start(program(), args);
        return p;
    }

    QJsonArray history(const QStringList &filters = {})
    {
        const CliResult r = run(QStringList{"history", "--json"} + filters);
        return QJsonDocument::fromJson(r.out.toUtf8()).array();
    }

    QJsonObject show(qint64 runId)
    {
        const CliResult r = run({"show", QString::number(runId), "--json"});
        return QJsonDocument::fromJson(r.out.toUtf8()).object();
    }

private:
    QTemporaryDir m_data;
    QProcessEnvironment m_env;
};

// waitForFinished() returns false for a process that has already finished (its end
// may have been seen while a QTRY loop ran the event loop): both count here.
inline bool hasFinished(QProcess *p, int timeoutMs = 20000)
{
    return p->state() == QProcess::NotRunning || p->waitForFinished(timeoutMs);
}

inline void writeFile(const QString &path, const QByteArray &content)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(content);
}

// A copy of a workspace (without what its runs left: build/, caches), so a test writes
// nothing into the source tree and tests running at once do not share one.
inline void copyTree(const QString &from, const QString &to)
{
    QDirIterator it(from, QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString file = it.next();
        const QString rel = QDir(from).relativeFilePath(file);
        if (rel.startsWith(QLatin1String("build/")) || rel.contains(QLatin1String("__pycache__")) ||
            rel.contains(QLatin1String(".mypy_cache")))
            continue;
        QDir().mkpath(QFileInfo(to + u'/' + rel).absolutePath());
        QVERIFY(QFile::copy(file, to + u'/' + rel));
    }
}

inline QJsonObject stageOf(const QJsonObject &run, const QString &name)
{
    for (const QJsonValue &v : run.value("stages").toArray()) {
        if (v.toObject().value("name").toString() == name)
            return v.toObject();
    }
    return {};
}
