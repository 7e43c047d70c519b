#pragma once

#include "common/error.h"
#include "run/rollbackjob.h"
#include "store/releaserecords.h"

#include <QHash>
#include <QObject>
#include <QStringList>

#include <functional>
#include <memory>

namespace DeployDesk {
class HistoryStore;
}

namespace DeployDesk::Ui {

namespace Internal {
class HistoryReader;
}

// A branch preview: a deployment marked "preview" in its details, with the branch it
// shows (the deployment's own "branch" detail, else its run's branch).
struct PreviewEntry
{
    DeploymentRecord deployment;
    QString branch;
    QString commit;
};

// What the Environments view shows, read in one go.
struct EnvironmentsSnapshot
{
    QHash<QString, QList<ReleaseRecord>> releases; // by environment, newest (live) first
    QHash<QString, bool> more;                     // an environment has releases beyond the limit
    QList<QueueTicket> queue;                      // FIFO per environment
    QList<PreviewEntry> previews;                  // newest first, one per branch and layer
    QString error;                                 // the first read that failed
};

// The Environments view's only way to the history: every read runs on a reader thread
// with its own connection (Internal::HistoryReader, never the GUI thread) and answers on
// the GUI thread, only while `context` lives.
class EnvironmentsReader final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EnvironmentsReader)

public:
    // `dataDir`: the history's folder; empty: every read answers with an error.
    explicit EnvironmentsReader(const QString &dataDir, QObject *parent = nullptr);
    ~EnvironmentsReader() override;
    // Reads from now on go to the history in `dataDir` (empty: none).
    void setDataDir(const QString &dataDir);

    // Releases of each environment (at most limits[env], default kPageSize), the queue
    // and the branch previews of `workspace`.
    void readAll(QObject *context, const QString &workspace, const QStringList &environments,
                 const QHash<QString, int> &limits,
                 std::function<void(const EnvironmentsSnapshot &)> done);
    void readQueue(QObject *context, const QString &workspace,
                   std::function<void(const Result<QList<QueueTicket>> &)> done);
    // planRollback() (run/rollbackjob.h) on the reading thread.
    void planRollback(QObject *context, const QString &workspace, const QString &environment,
                      qint64 releaseId, std::function<void(const Result<RollbackPlan> &)> done);

    static constexpr int kPageSize = 50;

private:
    template<typename R>
    void read(QObject *context, std::function<R(HistoryStore *)> work,
              std::function<void(const R &)> done);

    std::unique_ptr<Internal::HistoryReader> m_reader;
};

} // namespace DeployDesk::Ui
