#pragma once

#include <QMap>
#include <QObject>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>
#include <QVariantMap>

#include <functional>
#include <memory>

namespace DeployDesk {

struct Stage;

// What a built-in stage (`uses:`) gets to work with.
struct StageContext
{
    QString workspaceDir;
    QString workdir;       // absolute
    QString environment;   // may be empty
    QString environmentUrl;
    qint64 runId = 0;
    QProcessEnvironment env; // the stage's full environment, secrets included
};

// A built-in stage type: talks to a service instead of running a shell command.
// finished() must be emitted exactly once per start(), also after cancel().
class BuiltinStage : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BuiltinStage)

public:
    explicit BuiltinStage(QObject *parent = nullptr)
        : QObject(parent)
    {
    }

    virtual void start(const QVariantMap &with, const StageContext &context) = 0;
    virtual void cancel() = 0;

signals:
    void logLine(const QString &line);
    void finished(bool success, const QString &reason);
};

// The built-in stage types `uses:` may name.
class StageTypeRegistry final
{
public:
    using Factory = std::function<std::unique_ptr<BuiltinStage>()>;

    static StageTypeRegistry &instance(); // has the types DeployDesk ships with

    void add(const QString &name, const QString &description, Factory factory);
    QStringList names() const; // sorted
    QString description(const QString &name) const;
    std::unique_ptr<BuiltinStage> create(const QString &name) const;

private:
    struct Entry
    {
        QString description;
        Factory factory;
    };
    QMap<QString, Entry> m_types;
};

} // namespace DeployDesk
