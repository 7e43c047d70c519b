#pragma once

#include "common/error.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace DeployDesk::LocalService {

// A process DeployDesk started and left running: identified by pid AND start time (clock
// ticks since boot, /proc/PID/stat field 22), so a recycled pid is never taken for it.
struct ProcessRecord
{
    qint64 pid = 0;
    qint64 startTicks = -1;
    int port = 0; // the port it listens on

    bool isRunning() const; // the same process is still there (not a zombie)
    QJsonObject toJson() const;
    static ProcessRecord fromJson(const QJsonObject &json);
    friend bool operator==(const ProcessRecord &, const ProcessRecord &) = default;
};

// What <root>/active.json says: the instance the stable port forwards to. The forwarder
// reads "instancePort" from it; DeployDesk replaces the file with a rename.
struct ActiveState
{
    QString release;
    ProcessRecord instance;
    int port = 0; // the stable port
    QString url;
    QString healthPath;
    QString previous; // the release live before this one (kept by pruning); may be empty
    QDateTime since;  // UTC
};

// One folder under <root>/releases/, described by <root>/releases/<id>.json.
struct ReleaseInfo
{
    QString id;
    QDateTime createdAt; // UTC
    QString commit;
    QString branch;
    qint64 runId = 0;
    bool failed = false; // never passed its health check: not offered for rollback
    std::optional<ProcessRecord> instance; // the last instance started from it
};

// The files of one service root (an environment's service):
//   active.json          the live instance (see ActiveState)
//   forwarder.json       the forwarder that owns the stable port (a ProcessRecord)
//   forwarder.log        its messages
//   deploy.lock          held while a deploy or rollback runs
//   releases/<id>/       a copy of the released folder; service.log in it
//   releases/<id>.json   a ReleaseInfo
class ServiceRoot
{
public:
    explicit ServiceRoot(QString path);

    QString path() const { return m_path; }
    QString activeFile() const;
    QString forwarderFile() const;
    QString forwarderLog() const;
    QString lockFile() const;
    QString releasesDir() const;
    QString releaseDir(const QString &id) const;
    QString serviceLog(const QString &id) const;

    std::optional<ActiveState> active() const; // none when absent or unreadable
    Result<void> setActive(const ActiveState &state) const;
    Result<void> clearActive() const;

    std::optional<ProcessRecord> forwarder() const;
    Result<void> setForwarder(const ProcessRecord &record) const;

    QList<ReleaseInfo> releases() const; // newest first, folders without a .json included
    std::optional<ReleaseInfo> release(const QString &id) const;
    Result<void> setRelease(const ReleaseInfo &info) const;
    Result<void> removeRelease(const QString &id) const;

    // A new release id: the UTC time (and the commit), unique in this root.
    QString newReleaseId(const QDateTime &now, const QString &commit) const;

    // The last `count` lines of a release's service.log (for error messages).
    QStringList serviceLogTail(const QString &id, int count) const;

private:
    Result<void> writeJson(const QString &file, const QJsonObject &json) const;

    QString m_path;
};

} // namespace DeployDesk::LocalService
