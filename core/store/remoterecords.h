#pragma once

#include "common/status.h"
#include "store/records.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace DeployDesk {

// A run that ran elsewhere (GitHub Actions) as the history keeps it: a RunRecord and its
// stages, plus where it ran. Written by HistoryStore::importRemoteRuns (remotestore.cpp).

// One remote job, as a stage of its run.
struct RemoteStageImport
{
    qint64 jobId = 0;
    QString name;
    StageStatus status = StageStatus::Pending;
    QString reason; // the remote conclusion when it says more than the status
    QDateTime startedAt;
    QDateTime finishedAt;
};

struct RemoteRunImport
{
    // workspace, pipeline (the workflow's name), status, who, branch, commit, message and
    // times; id, runner and selection are ignored.
    RunRecord run;
    QString provider = QStringLiteral("github");
    QString repository; // "owner/name", or "host/owner/name" for a GitHub Enterprise Server
    qint64 remoteId = 0;
    int attempt = 1;
    QString url; // where a person sees it (html_url)
    QDateTime remoteUpdatedAt;
    // The run's jobs, in the remote's order; nullopt when they were not fetched (stages the
    // history already has for the run are kept).
    std::optional<QList<RemoteStageImport>> stages;
};

// What the history knows of a remote run.
struct RemoteRunLink
{
    qint64 runId = 0;
    QString provider;
    QString repository;
    qint64 remoteId = 0;
    int attempt = 1;
    QString url;
    QDateTime remoteUpdatedAt;
    bool jobsFetched = false;
    RunStatus status = RunStatus::Running; // the run's status in the history
};

struct RemoteStageLink
{
    qint64 stageId = 0;
    qint64 jobId = 0;
    QString name;
    StageStatus status = StageStatus::Pending;
    bool logFetched = false;
};

// What importRemoteRuns did.
struct RemoteImportResult
{
    QList<qint64> runIds; // the history's run ids, in the order given
    int added = 0;        // runs new to the history
    int updated = 0;      // runs whose remote state changed since they were recorded
    int unchanged = 0;    // runs recorded already, with the same remote updated_at and jobs
};

} // namespace DeployDesk
