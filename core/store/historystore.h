#pragma once

#include "common/error.h"
#include "log/logline.h"
#include "store/records.h"
#include "store/releaserecords.h"
#include "store/remoterecords.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QSqlDatabase>

#include <functional>
#include <memory>
#include <optional>

class QSqlQuery;

namespace DeployDesk {

class LogWriter;

// The local history: one SQLite file (WAL) in the data directory. An instance and its
// connection belong to the thread that opened it; log lines go through logWriter(),
// which batches them on a thread of its own with a connection of its own.
class HistoryStore final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HistoryStore)

public:
    static constexpr int kSchemaVersion = 12;

    // Opens (creating and migrating as needed) <dataDir>/history.sqlite.
    static Result<std::unique_ptr<HistoryStore>> open(const QString &dataDir);
    ~HistoryStore() override;

    QString databasePath() const { return m_path; }
    QString dataDir() const { return m_dataDir; }
    int schemaVersion() const;

    // Marks runs that are still "running" but whose runner process is gone as
    // "interrupted" (their running and pending stages too, logs kept). `runnerAlive`
    // receives runnerPid and runnerStartTicks. Returns the ids marked. Remote runs are
    // left alone: their state is the remote's, brought up to date by the next import.
    Result<QList<qint64>>
    recoverInterrupted(const std::function<bool(qint64 pid, qint64 startTicks)> &runnerAlive);

    // --- writing -----------------------------------------------------------------
    Result<qint64> createRun(const RunRecord &run); // returns the new id
    Result<void> finishRun(qint64 runId, RunStatus status, const QDateTime &finishedAt);
    Result<void> setRunStatus(qint64 runId, RunStatus status); // queued -> running
    Result<qint64> createStage(const StageRecord &stage);      // returns the new id
    Result<void> updateStage(const StageRecord &stage);        // by id, every field
    Result<qint64> addEvent(const EventRecord &event);
    Result<qint64> addArtifact(const ArtifactRecord &artifact);

    // Thread-safe, batching, bounded: see logwriter.h.
    LogWriter *logWriter() const { return m_logWriter.get(); }

    // --- reading -----------------------------------------------------------------
    Result<RunRecord> run(qint64 runId) const;
    Result<QList<RunRecord>> runs(const RunFilter &filter) const; // newest first
    // How many runs pass `filter` (its paging, order and limit ignored): a COUNT on the
    // same conditions as runs().
    Result<RunCount> countRuns(const RunFilter &filter) const;
    Result<QList<StageRecord>> stages(qint64 runId) const; // in pipeline order
    Result<StageRecord> stage(qint64 stageId) const;       // NotFound when none
    // The newest successful stage `name` of a finished run of `workspace` and `pipeline`
    // whose input hash (run/stageinputs.h) is `inputHash`; none when there is none.
    Result<std::optional<StageRecord>> reusableStage(const QString &workspace,
                                                     const QString &pipeline, const QString &name,
                                                     const QString &inputHash) const;
    Result<QList<EventRecord>> events(qint64 runId) const; // oldest first
    Result<QList<ArtifactRecord>> artifacts(qint64 runId) const;
    // Lines [firstLine, firstLine + maxLines) of a stage's log; firstLine is 1-based.
    Result<QList<LogLine>> logLines(qint64 stageId, qint64 firstLine, qint64 maxLines) const;
    Result<qint64> logLineCount(qint64 stageId) const;
    // Lines containing `text` (case-insensitive, ANSI ignored), newest runs first.
    Result<QList<LogMatch>> searchLogs(const QString &text, qint64 runId = 0,
                                       int limit = 1000) const;

    // --- checking (storecheck.cpp) --------------------------------------------------
    // SQLite's integrity check, then the log index's own: every stage's blocks decode,
    // hold the number of lines recorded and follow each other without gaps, and the
    // full-text index is consistent. Returns what is damaged, one sentence each naming
    // the run and stage where it can; empty when nothing is.
    Result<QStringList> check() const;

    // --- deployments and releases (releasestore.cpp) ------------------------------
    Result<qint64> addDeployment(const DeploymentRecord &deployment);
    Result<QList<DeploymentRecord>> deployments(qint64 runId) const;
    // Records a release and its layers in one transaction; returns its id.
    Result<qint64> createRelease(const ReleaseRecord &release);
    Result<ReleaseRecord> release(qint64 releaseId) const;
    // Newest first; at most `limit`.
    Result<QList<ReleaseRecord>> releases(const QString &workspace, const QString &environment,
                                          int limit = 100) const;
    // The newest release of the environment; nullopt when it has none.
    Result<std::optional<ReleaseRecord>> liveRelease(const QString &workspace,
                                                     const QString &environment) const;
    // The release a run made, if any.
    Result<std::optional<ReleaseRecord>> releaseOfRun(qint64 runId) const;
    // Branch previews: deployments of `workspace` whose details say "preview": true,
    // newest first; at most `limit`.
    Result<QList<DeploymentRecord>> previewDeployments(const QString &workspace,
                                                       int limit = 50) const;

    // --- the deploy queue (releasestore.cpp) ----------------------------------------
    Result<qint64> enqueue(const QueueTicket &ticket);
    Result<void> removeTicket(qint64 ticketId);
    // Tickets in FIFO order; empty workspace: every workspace; empty environment: all.
    Result<QList<QueueTicket>> queue(const QString &workspace = {},
                                     const QString &environment = {}) const;

    // --- remote runs (remotestore.cpp) ------------------------------------------------
    // Records or brings up to date runs that ran elsewhere, in one transaction: a run new
    // to the history is added with its stages; a known one (same provider, repository,
    // remote id and attempt) gets the given status, times and details, and its stages are
    // matched to the jobs by job id (new jobs added, gone ones kept). A run whose remote
    // updated_at is the recorded one and whose jobs are already recorded is left as is.
    Result<RemoteImportResult> importRemoteRuns(const QList<RemoteRunImport> &runs);
    // The link of a run to where it ran; nullopt for a local run.
    Result<std::optional<RemoteRunLink>> remoteRun(qint64 runId) const;
    // The recorded attempts of a remote run, by remote id, newest attempt first.
    Result<QList<RemoteRunLink>>
    remoteRunAttempts(const QString &provider, const QString &repository, qint64 remoteId) const;
    // Runs of `repository` whose jobs were never fetched, newest remote id first.
    Result<QList<RemoteRunLink>> remoteRunsWithoutJobs(const QString &provider,
                                                       const QString &repository, int limit) const;
    // The stages of a remote run with their job ids, in order.
    Result<QList<RemoteStageLink>> remoteStages(qint64 runId) const;
    Result<void> markRemoteLogFetched(qint64 stageId);

    // --- annotations (annotationstore.cpp) --------------------------------------------
    // Adds what `stage` of run `runId` reported, in order, in one transaction.
    Result<void> addAnnotations(qint64 runId, const QString &stage,
                                const QList<Annotation> &annotations);
    // A run's annotations in the order they were reported.
    Result<QList<AnnotationRecord>> annotations(qint64 runId) const;

private:
    HistoryStore(QString dataDir, QString path, QString connectionName);

    // Runs the write `sql` with `values` on a statement kept prepared for this store's
    // connection: the writes every stage makes (its record, its events) were prepared again
    // each time, which cost more than the writes themselves (docs/benchmarks.md §2).
    struct Written
    {
        qint64 insertId = 0;
        int rowsAffected = 0;
    };
    Result<Written> runKept(const QString &operation, const QString &sql,
                            const QVariantList &values);

    QString m_dataDir;
    QString m_path;
    QString m_connectionName;
    std::unique_ptr<LogWriter> m_logWriter;
    QHash<QString, std::shared_ptr<QSqlQuery>> m_kept; // by SQL text
};

} // namespace DeployDesk
