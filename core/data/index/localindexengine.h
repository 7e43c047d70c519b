#pragma once

#include "common/serialthread.h"
#include "data/index/indextypes.h"

#include <QHash>
#include <QList>
#include <QStringList>

namespace DeployDesk::Data::Internal {

// The local index's files and their SQLite connections, used only on its own SerialThread
// (a connection belongs to the thread that opened it). LocalIndex posts its jobs' steps here.
//
// Layout in `folder`: <name>_v<N>.vectors.sqlite per version (schema through the store's
// migrations: a meta table and a points table of id, float32 vector blob, norm, payload JSON)
// and <name>.live.json {"version":N}, replaced atomically (write and rename) to switch.
class LocalIndexEngine final
{
public:
    LocalIndexEngine(QString folder, QString name);
    ~LocalIndexEngine();

    SerialThread &thread() { return m_thread; }
    QString folder() const { return m_folder; }
    QString name() const { return m_name; }
    QString pathOf(int version) const;

    // All on the thread.
    Result<IndexState> state();
    Result<IndexVersionInfo> info(int version, bool withCount);
    Result<IndexVersionInfo> create(int version, const IndexSpec &spec);
    Result<qint64> upsert(int version, const QList<IndexPoint> &points);
    Result<qint64> remove(int version, const QStringList &ids);
    Result<qint64> count(int version);
    Result<QList<IndexHit>> query(std::optional<int> version, const QList<float> &vector,
                                  int limit);
    Result<void> activate(int version);
    Result<void> drop(int version);

private:
    struct Open
    {
        QString connection;
        int dimension = 0;
    };
    Result<Open> open(int version, bool create);
    void close(int version);
    Result<std::optional<int>> liveVersion() const;
    QString livePath() const;
    Error noVersion(int version);

    QString m_folder;
    QString m_name;
    QHash<int, Open> m_open; // version -> its connection (thread-side)
    // Last: destroyed first, so the running step ends before anything it uses goes away.
    SerialThread m_thread;
};

// The migration steps of a local index file (store/schema.h's mechanism).
int localIndexSchemaVersion();

} // namespace DeployDesk::Data::Internal
