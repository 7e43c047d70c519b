#pragma once

// Runs on GitHub's runners, in DeployDesk's history: imported (RemoteImportJob), dispatched
// (DispatchJob) and followed live with their jobs' logs fetched into the log store
// (RemoteFollowJob), so find, first error, search and compare work on them as on local runs.

#include "common/job.h"
#include "integrations/github/actionsapi.h"
#include "log/logline.h"
#include "store/remoterecords.h"

#include <QPointer>
#include <QSet>
#include <QTimer>

#include <chrono>

namespace DeployDesk {

class HistoryStore;
class SecretMasker;

namespace GitHub {

// The provider name remote runs of GitHub carry in the history.
inline constexpr char kProvider[] = "github";

// The repository as the history names it: "owner/name", prefixed with the host for a
// GitHub Enterprise Server ("ghe.example.com/owner/name"), so two servers never mix.
QString repositoryKey(const ActionsApi &api);

// What the history records of a remote run: the run (workflow name as pipeline, actor,
// branch, commit, title as message, times) and, when given, its jobs as stages (the latest
// execution of each, as jobs?filter=latest lists them).
RemoteRunImport toImport(const RemoteRun &run, const std::optional<QList<RemoteJob>> &jobs,
                         const QString &workspace, const QString &repository);

// A job's log as GitHub serves it, as the log store keeps it: each line's timestamp prefix
// ("2026-12-01T10:00:00.1234567Z ") read into LogLine::timestampMs, `##[group]` and
// `##[endgroup]` kept (the log viewer folds them), `##[error]`/`##[warning]`/`##[notice]` as
// annotations (listed at the end, as a local job's are), valid UTF-8, secrets masked.
// Returns the lines and, through `annotations`, the annotations.
struct StoredLog
{
    QList<LogLine> lines;
    QList<Annotation> annotations;
};
StoredLog convertJobLog(const QByteArray &log, const SecretMasker &masker);

struct ImportOptions
{
    QString workspace;
    QString workflow; // an id or file name; empty: every workflow
    int maxRuns = 1000;
    // The jobs of at most this many runs (newest first) are fetched per import: one request
    // each. The others are listed without stages until a later import or a follow. Jobs are
    // the latest execution of each (a run recorded at an older attempt gets its newest).
    int jobsFor = 50;
};

// Imports the repository's recent runs into the history: reads them newest first, page by
// page (100 a page), and records them oldest first in one transaction, so the history lists
// them in the order they were made. Incremental: it stops at the first page whose runs are
// all recorded, finished and unchanged (a 304 when nothing at all is new). Then fetches the
// jobs of runs recorded without them.
class RemoteImportJob final : public ActionsJob
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RemoteImportJob)

public:
    RemoteImportJob(ActionsSession *session, HistoryStore *store, ImportOptions options,
                    QObject *parent = nullptr);
    ~RemoteImportJob() override;

    const RemoteImportResult &totals() const { return m_totals; }
    int pages() const { return m_pages; }
    int jobsFetched() const { return m_jobsFetched; }

protected:
    void doStart() override;

private:
    void fetchPage(const HttpRequest &request);
    void readPage(const ActionsCall &call);
    void fetchJobs();
    bool record(const QList<RemoteRunImport> &runs);

    HistoryStore *m_store;
    ImportOptions m_options;
    RemoteImportResult m_totals;
    int m_pages = 0;
    int m_seen = 0;
    int m_jobsFetched = 0;
    QList<RemoteRunLink> m_withoutJobs;
    QList<RemoteRunImport> m_pending; // the pages read so far, newest first
    QSet<qint64> m_ids;               // remote ids in m_pending (a run may move pages)
};

struct FollowOptions
{
    QString workspace;
    // Polling: every pollInterval while something changes; each poll that finds nothing
    // new waits `backoff` times longer, up to maxPollInterval.
    std::chrono::milliseconds pollInterval{3000};
    std::chrono::milliseconds maxPollInterval{30000};
    double backoff = 1.6;
    bool fetchLogs = true;
    QList<QByteArray> secrets; // masked in stored logs, besides the token
};

// Follows one remote run until it has completed and every job's log is stored: the run
// (conditional GET), then its jobs (conditional GET), each change recorded in the history;
// a job's log is fetched when it completes (the 302's short-lived URL, without the token).
// Success: the run completed (whatever its conclusion: see remoteRun()). Cancelling stops
// following; the run goes on on GitHub.
class RemoteFollowJob final : public ActionsJob
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RemoteFollowJob)

public:
    RemoteFollowJob(ActionsSession *session, HistoryStore *store, qint64 remoteRunId,
                    FollowOptions options, QObject *parent = nullptr);
    ~RemoteFollowJob() override;

    qint64 runId() const { return m_runId; } // the history's; 0 before the first answer
    const RemoteRun &remoteRun() const { return m_run; }
    const QList<RemoteJob> &remoteJobs() const { return m_jobs; }
    QList<Annotation> annotations() const { return m_annotations; }
    int polls() const { return m_polls; }

signals:
    void runChanged(const DeployDesk::GitHub::RemoteRun &run, qint64 runId);
    void jobChanged(const DeployDesk::GitHub::RemoteJob &job);
    // A step of a job started or ended (as GitHub lists them: "Set up job", "Run make"...).
    void stepChanged(const DeployDesk::GitHub::RemoteJob &job,
                     const DeployDesk::GitHub::RemoteStep &step);
    void logStored(qint64 stageId, const QString &job, qint64 lines);

protected:
    void doStart() override;
    void doCancel() override;

private:
    void poll();
    void pollJobs(bool runMoved);
    void readJobs(const ActionsCall &call, bool runMoved);
    void afterPoll(bool changed);
    bool logsDone() const;
    void fetchLogs();
    void fetchLog(const RemoteStageLink &stage);
    void download(const RemoteStageLink &stage, const QUrl &url);
    void storeLog(const RemoteStageLink &stage, const QByteArray &body);
    void giveUp(const RemoteStageLink &stage, const QString &why);

    HistoryStore *m_store;
    qint64 m_remoteId;
    FollowOptions m_options;
    QTimer m_timer;
    std::chrono::milliseconds m_interval;
    RemoteRun m_run;
    QList<RemoteJob> m_jobs;
    QHash<qint64, QString> m_jobStates;   // job id -> "status/conclusion" last reported
    QHash<QString, QString> m_stepStates; // "job id/step number" -> "status/conclusion"
    qint64 m_runId = 0;
    QSet<qint64> m_logsInFlight;
    QSet<qint64> m_logsGivenUp;
    QList<Annotation> m_annotations;
    int m_polls = 0;
};

// Dispatches a workflow (workflow_dispatch on a ref, inputs as strings) and finds the run it
// made: from the answer when GitHub returns run details, else by listing the workflow's
// dispatched runs on that branch created since, polling for a new one (at most a minute).
class DispatchJob final : public ActionsJob
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DispatchJob)

public:
    DispatchJob(ActionsSession *session, QString workflow, QString ref, QJsonObject inputs,
                QObject *parent = nullptr);
    ~DispatchJob() override;

    qint64 remoteRunId() const { return m_runId; }
    QString htmlUrl() const { return m_htmlUrl; }

protected:
    void doStart() override;
    void doCancel() override;

private:
    void lookForRun();

    QString m_workflow;
    QString m_ref;
    QJsonObject m_inputs;
    QTimer m_timer;
    QDateTime m_sentAt;
    int m_looks = 0;
    qint64 m_runId = 0;
    QString m_htmlUrl;
};

} // namespace GitHub
} // namespace DeployDesk
