#pragma once

#include "common/annotation.h"

#include "common/status.h"

#include <QDateTime>
#include <QMap>
#include <QString>
#include <QStringList>

namespace DeployDesk {

struct RunRecord
{
    qint64 id = 0;
    QString workspace;   // absolute workspace directory
    QString pipeline;    // pipeline name
    QString environment; // empty: no environment
    RunStatus status = RunStatus::Running;
    QString triggeredBy; // OS user
    QString message;     // why (optional)
    QString commit;      // git HEAD, when the workspace is a repo
    QString branch;
    QDateTime startedAt;         // UTC
    QDateTime finishedAt;        // invalid while running
    qint64 rerunOf = 0;          // the run whose failed stages this one re-runs
    qint64 runnerPid = 0;        // the process running it (for cancel and crash detection)
    qint64 runnerStartTicks = 0; // that process's start time (/proc/PID/stat field 22)
    QStringList selectedStages;  // --stage filter; empty means all
    // The working tree had uncommitted changes when the run started (git status), and
    // which: `git status --porcelain` lines ("M  docs/index.md", "?? notes.txt").
    bool dirty = false;
    QStringList changedFiles;
    // It ran elsewhere (GitHub Actions) and was imported or followed (remoterecords.h);
    // remoteUrl is where a person sees it. Read only: importRemoteRuns() sets it.
    bool remote = false;
    QString remoteUrl;

    qint64 durationMs() const
    {
        return finishedAt.isValid() && startedAt.isValid() ? startedAt.msecsTo(finishedAt) : -1;
    }
};

struct StageRecord
{
    qint64 id = 0;
    qint64 runId = 0;
    QString name;
    StageStatus status = StageStatus::Pending;
    int attempts = 0;
    int exitCode = -1;     // -1: none
    int signal = 0;        // the signal that ended it, 0: none
    QString reason;        // why it failed or was skipped, for humans
    qint64 reusedFrom = 0; // stage id of an earlier run whose result this reuses
    QString inputHash;     // of its `inputs:` (hashStageInputs()), empty when it has none
    // Failed, but with continue-on-error: it did not fail the run (status stays Failed).
    bool allowedFailure = false;
    QDateTime startedAt;
    QDateTime finishedAt;
    int position = 0; // order in the pipeline file

    qint64 durationMs() const
    {
        return finishedAt.isValid() && startedAt.isValid() ? startedAt.msecsTo(finishedAt) : -1;
    }
    // Failed and it counts: a failure that was not allowed by continue-on-error.
    bool failedForReal() const { return status == StageStatus::Failed && !allowedFailure; }
    bool isAllowedFailure() const { return status == StageStatus::Failed && allowedFailure; }
};

// What happened in a run. Stored as a kind and its parameters, and turned into a sentence
// when read (store/eventtext.h), so every reader sees it in their own language. Stable names
// (toString) are what the history has always stored.
enum class EventKind {
    Note, // free text (an unknown kind read from a newer history, or a text of its own)
    Started,
    Finished,
    StageStarted,
    StageFinished,
    Retry,
    CancelRequested,
    Interrupted,
    ApprovalRequested,
    Approved,
    Refused,
    ArtifactMissing,
    RecordFailed,
    Queued,
    QueueFailed,
    Deployed,
    Release,
    RollbackPlan,
    AutoRollback,
    RollbackHeld,
    RollbackImpossible,
    RolledBack,
    RollbackFailed,
    IndexSwitched,
    IndexSwitchFailed,
    GitHub,
    Inputs, // a stage with `inputs:` reused, or run although it could have been
};

// Named values put into the event's sentence ("environment" -> "production"). Values that
// are words of a language (a status) are stored by their stable names.
using EventParams = QMap<QString, QString>;

struct EventRecord
{
    qint64 id = 0;
    qint64 runId = 0;
    QString stage; // empty: the run itself
    QDateTime at;
    EventKind kind = EventKind::Note;
    EventParams params;
    // The sentence as recorded, for events from before events were data (no parameters);
    // empty for newer ones. Read events through eventText().
    QString message;
    QString who;
};

// An annotation as the history keeps it: with its run and stage.
struct AnnotationRecord
{
    qint64 id = 0;
    qint64 runId = 0;
    QString stage;
    Annotation annotation;
};

struct ArtifactRecord
{
    qint64 id = 0;
    qint64 runId = 0;
    QString stage;
    QString path; // as declared, relative to the stage's workdir
    qint64 size = 0;
    QString sha256;     // lowercase hex
    QString storedPath; // absolute path of the copy kept with the run
};

// The order runs are listed in. Newest/Oldest follow the run id (runs get their id when
// they start); Longest/Shortest follow finished_at - started_at, runs without a duration
// (still running, never started) counting as -1 ms, ties broken by id.
enum class RunOrder { NewestFirst, OldestFirst, LongestFirst, ShortestFirst };

struct RunFilter
{
    QString environment;
    bool withoutEnvironment = false; // only the runs with no environment (checks only)
    QString status;                  // a RunStatus name
    QString branch;
    QString who;
    // branch and who match any part of the name, ignoring ASCII case (the panel's filter
    // fields); false: the whole name exactly (deploydeskctl history --branch / --who).
    bool partialNames = false;
    QDateTime since;     // started at or after
    QDateTime until;     // started before
    QString grep;        // runs whose logs contain this text (FTS)
    QString workspace;   // empty: every workspace
    QString pipeline;    // a pipeline's name (a workflow's for workflow runs); empty: any
    qint64 beforeId = 0; // keyset paging: only runs with id < beforeId (0: from the newest)
    int limit = 50;
    RunOrder order = RunOrder::NewestFirst;
    // Keyset paging in any order: only runs after this one in `order` (0: from the first).
    // The duration orders also need that run's duration (RunRecord::durationMs()).
    qint64 afterId = 0;
    qint64 afterDurationMs = -1;
};

// How many runs pass a filter (HistoryStore::countRuns).
struct RunCount
{
    qint64 runs = 0;
    // A log search (RunFilter::grep) counts at most a bounded number of runs: at least
    // `runs` match.
    bool capped = false;
};

struct LogMatch
{
    qint64 runId = 0;
    qint64 stageId = 0;
    QString stage;
    qint64 lineNumber = 0; // 1-based within the stage's log
    QByteArray text;       // the stored line (ANSI kept)
};

} // namespace DeployDesk
