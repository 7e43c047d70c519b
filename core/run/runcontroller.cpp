#include "run/runcontroller.h"

#include "run/stageinputs.h"

#include "common/logging.h"
#include "common/paths.h"
#include "common/processinfo.h"
#include "engine/runjob.h"
#include "engine/stagetype.h"
#include "run/artifactstore.h"
#include "run/builtinstages.h"
#include "run/gitinfo.h"
#include "secrets/secretstore.h"
#include "store/historystore.h"
#include "store/logwriter.h"

#include <QCoreApplication>
#include <QDir>
#include <QSet>

namespace DeployDesk {

namespace {

QDateTime now()
{
    return QDateTime::currentDateTimeUtc();
}
} // namespace

RunController::RunController(HistoryStore *store, SecretStore *secrets, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_secrets(secrets)
    , m_recorder(store)
{
    m_recorder.onFailure = [this](const Error &error) { emit recordingFailed(error); };
}

RunController::~RunController()
{
    if (m_active) {
        // Going away mid-run: the guard ends the stage processes; record the truth.
        if (m_job)
            m_job->disconnect(this);
        if (m_rollback)
            m_rollback->disconnect(this);
        m_store->logWriter()->flush();
        m_recorder.finishRun(RunStatus::Interrupted, now(), 1);
    }
}

LoadResult RunController::load(const QString &workspaceDir, const QString &environment,
                               const QStringList &stages) const
{
    LoadOptions options;
    registerBuiltinStageTypes();
    options.knownStageTypes = StageTypeRegistry::instance().names();
    options.stageTypeParams = StageTypeRegistry::instance().allParams();
    options.environment = environment;
    options.stages = stages;
    if (m_secrets)
        options.secretIsSet = [this](const QString &name) { return m_secrets->isSet(name); };
    return PipelineLoader::loadFile(
        QDir(workspaceDir).absoluteFilePath(QStringLiteral("deploydesk.yml")), options);
}

void RunController::collectSecrets(const Pipeline &pipeline, RunPlan &plan)
{
    m_masker.setSecrets({});
    if (!m_secrets)
        return;
    QSet<QString> names;
    for (const Stage &s : pipeline.stages)
        for (const QString &n : s.secrets)
            names.insert(n);
    for (const QString &n : m_secrets->knownNames())
        names.insert(n);
    for (const QString &name : names) {
        if (auto value = m_secrets->value(name); value) {
            plan.secrets.insert(name, *value);
            m_masker.addSecret(value->toUtf8());
        }
    }
    plan.secretNames = names.values();
}

bool RunController::isRunning() const
{
    return m_active;
}

QList<StageRecord> RunController::stageRecords() const
{
    QList<StageRecord> out;
    for (const QString &name : m_order)
        out << m_stages.value(name);
    return out;
}

Result<qint64> RunController::start(const Pipeline &pipeline, const RunRequest &request)
{
    if (isRunning())
        return makeError(ErrorCode::Invalid, tr("a run is already in progress"));
    const QHash<QString, const Stage *> byName = pipeline.stagesByName();
    for (const QString &name : request.stages) {
        if (!byName.contains(name))
            return makeError(ErrorCode::Invalid,
                             tr("stage \"%1\" is not defined in %2").arg(name, pipeline.filePath));
    }
    if (!request.environment.isEmpty() && !pipeline.environment(request.environment))
        return makeError(ErrorCode::Invalid, tr("environment \"%1\" is not defined in %2")
                                                 .arg(request.environment, pipeline.filePath));

    // A re-run reuses the stages that succeeded in the earlier run.
    QMap<QString, StageRecord> earlier;
    QList<ArtifactRecord> earlierArtifacts;
    if (request.rerunOf) {
        auto previous = m_store->run(request.rerunOf);
        if (!previous)
            return std::unexpected(previous.error());
        if (QDir(previous->workspace) != QDir(pipeline.workspaceDir))
            return makeError(ErrorCode::Invalid,
                             tr("run %1 belongs to workspace %2, not %3")
                                 .arg(request.rerunOf)
                                 .arg(previous->workspace, pipeline.workspaceDir));
        if (!isFinal(previous->status))
            return makeError(
                ErrorCode::Invalid,
                tr("run %1 is still running; wait for it or cancel it first").arg(request.rerunOf));
        auto stages = m_store->stages(request.rerunOf);
        if (!stages)
            return std::unexpected(stages.error());
        for (const StageRecord &s : *stages)
            earlier.insert(s.name, s);
        auto artifacts = m_store->artifacts(request.rerunOf);
        if (!artifacts)
            return std::unexpected(artifacts.error());
        earlierArtifacts = *artifacts;
    }

    RunPlan plan;
    plan.pipeline = pipeline;
    for (auto it = request.withOverrides.cbegin(); it != request.withOverrides.cend(); ++it) {
        auto stage = std::find_if(plan.pipeline.stages.begin(), plan.pipeline.stages.end(),
                                  [&](const Stage &s) { return s.name == it.key(); });
        if (stage == plan.pipeline.stages.end())
            return makeError(
                ErrorCode::Invalid,
                tr("stage \"%1\" is not defined in %2").arg(it.key(), pipeline.filePath));
        for (auto value = it->cbegin(); value != it->cend(); ++value)
            stage->with.insert(value.key(), value.value());
    }
    plan.environment = request.environment;
    plan.maxParallel = request.maxParallel;
    plan.approved = request.approved;
    plan.selection = request.stages.isEmpty() && request.rerunOf
                         ? QStringList(earlier.keys()) // the earlier run's selection
                         : request.stages;
    const QStringList deploying = deployStages(pipeline, RunJob::coveredStages(pipeline, {}));
    for (auto it = earlier.cbegin(); it != earlier.cend(); ++it) {
        if (it->status == StageStatus::Success && byName.contains(it.key()) &&
            !(request.promote && deploying.contains(it.key())))
            plan.reused << it.key();
    }
    // Stages with `inputs:` (issue 11 §7), hashed now: one whose hash equals that of a
    // successful earlier stage, whose artifacts are still kept, is reused (they are put
    // back); one a re-run would reuse whose inputs changed since runs again. Deploy stages
    // always run. A hash that cannot be made (an unreadable input) runs the stage.
    QHash<QString, QString> inputHashes;
    QHash<QString, StageRecord> reusedByInputs;         // the earlier stage each one reuses
    QList<ArtifactRecord> putBack;                      // artifacts of the stages reused
    QList<std::pair<QString, EventParams>> inputEvents; // recorded once the run exists
    if (!request.promote) {
        for (const QString &name : RunJob::coveredStages(pipeline, plan.selection)) {
            const Stage *s = byName.value(name);
            if (!s || s->inputs.isEmpty() || deploying.contains(name))
                continue;
            auto inputs = hashStageInputs(pipeline, *s, request.environment);
            if (!inputs) {
                inputEvents.append({name,
                                    {{QStringLiteral("outcome"), QStringLiteral("unreadable")},
                                     {QStringLiteral("stage"), name},
                                     {QStringLiteral("reason"), inputs.error().message}}});
                plan.reused.removeAll(name);
                continue;
            }
            inputHashes.insert(name, inputs->hash);
            if (plan.reused.contains(name)) {
                if (earlier.value(name).inputHash != inputs->hash) {
                    plan.reused.removeAll(name);
                    inputEvents.append(
                        {name,
                         {{QStringLiteral("outcome"), QStringLiteral("changed")},
                          {QStringLiteral("stage"), name},
                          {QStringLiteral("run"), QString::number(request.rerunOf)}}});
                }
                continue;
            }
            auto found =
                m_store->reusableStage(pipeline.workspaceDir, pipeline.name, name, inputs->hash);
            if (!found)
                return std::unexpected(found.error());
            if (!*found)
                continue;
            auto kept = m_store->artifacts((*found)->runId);
            if (!kept)
                return std::unexpected(kept.error());
            QList<ArtifactRecord> mine;
            for (const ArtifactRecord &a : std::as_const(*kept))
                if (a.stage == name && !a.storedPath.isEmpty() && QFileInfo::exists(a.storedPath))
                    mine << a;
            const bool allKept =
                std::all_of(s->artifacts.cbegin(), s->artifacts.cend(), [&](const QString &path) {
                    return std::any_of(mine.cbegin(), mine.cend(),
                                       [&](const ArtifactRecord &a) { return a.path == path; });
                });
            if (!allKept) {
                inputEvents.append({name,
                                    {{QStringLiteral("outcome"), QStringLiteral("gone")},
                                     {QStringLiteral("stage"), name},
                                     {QStringLiteral("run"), QString::number((*found)->runId)}}});
                continue;
            }
            plan.reused << name;
            reusedByInputs.insert(name, **found);
            putBack << mine;
            inputEvents.append({name,
                                {{QStringLiteral("outcome"), QStringLiteral("reused")},
                                 {QStringLiteral("stage"), name},
                                 {QStringLiteral("run"), QString::number((*found)->runId)}}});
        }
    }
    for (const ArtifactRecord &a : std::as_const(earlierArtifacts))
        if (plan.reused.contains(a.stage) && !reusedByInputs.contains(a.stage))
            putBack << a;

    if (request.promote) {
        if (!request.rerunOf || request.environment.isEmpty())
            return makeError(ErrorCode::Invalid,
                             tr("promote needs a run and an environment: promote RUN ENV"));
        // Every stage of the pipeline runs or is reused: the deploy stages of the new
        // environment were skipped (or deployed elsewhere) in the earlier run.
        plan.selection.clear();
    }
    if (request.rerunOf && !request.promote && plan.reused.size() == earlier.size())
        return makeError(
            ErrorCode::Invalid,
            tr("run %1 has no failed or skipped stages to re-run").arg(request.rerunOf));
    if (request.rerunOf && !request.promote &&
        pipeline.stagesThatWouldStart(request.environment, plan.selection, plan.reused).isEmpty()) {
        // Its stages that did not succeed were skipped by their `if:` (or because what
        // they need was): a re-run would skip them again and record a success that did
        // nothing.
        QStringList skipped;
        for (const QString &name : pipeline.coveredStages(plan.selection))
            if (!plan.reused.contains(name))
                skipped << name;
        return makeError(ErrorCode::Invalid,
                         request.environment.isEmpty()
                             ? tr("nothing to re-run in run %1: nothing in it failed, and its "
                                  "skipped stages (%2) would be skipped again in a run without "
                                  "an environment; nothing was recorded")
                                   .arg(request.rerunOf)
                                   .arg(skipped.join(QStringLiteral(", ")))
                             : tr("nothing to re-run in run %1: nothing in it failed, and its "
                                  "skipped stages (%2) would be skipped again in environment "
                                  "%3; nothing was recorded")
                                   .arg(request.rerunOf)
                                   .arg(skipped.join(QStringLiteral(", ")), request.environment));
    }

    // Secrets: every declared secret that has a value is injected where asked for. The
    // values of those and of every secret the store knows are masked everywhere (logs,
    // the message, events), and none of these names reaches a stage that does not
    // declare it.
    collectSecrets(pipeline, plan);

    GitInfo git = readGitInfo(pipeline.workspaceDir);
    if (!request.branch.isEmpty()) {
        if (!git.branch.isEmpty() && git.branch != request.branch)
            return makeError(ErrorCode::Invalid,
                             tr("the workspace is on branch %1, not %2; check out %2 first")
                                 .arg(git.branch, request.branch));
        git.branch = request.branch;
    }
    m_run = RunRecord{};
    m_run.workspace = pipeline.workspaceDir;
    m_run.pipeline = pipeline.name;
    m_run.environment = request.environment;
    m_run.triggeredBy = Paths::currentUser();
    const QStringList deployingNow =
        request.environment.isEmpty()
            ? QStringList()
            : deployStages(pipeline, RunJob::coveredStages(pipeline, plan.selection));
    const bool grouped = deployingNow.isEmpty() && !request.concurrencyGroup.isEmpty();
    m_run.status = deployingNow.isEmpty() && !grouped ? RunStatus::Running : RunStatus::Queued;
    m_run.message = m_masker.maskText(request.message);
    m_run.commit = git.commit;
    m_run.branch = git.branch;
    m_run.startedAt = now();
    m_run.rerunOf = request.rerunOf;
    m_run.runnerPid = QCoreApplication::applicationPid();
    m_run.runnerStartTicks = ProcessInfo::startTicks(m_run.runnerPid);
    m_run.selectedStages = plan.selection;
    if (const auto tree = readGitTreeState(pipeline.workspaceDir)) {
        m_run.dirty = tree->dirty;
        m_run.changedFiles = tree->changedFiles;
    }
    auto id = m_store->createRun(m_run);
    if (!id)
        return std::unexpected(id.error());
    m_run.id = *id;
    m_recorder.reset(m_run.id);
    m_incomplete.clear();
    plan.runId = m_run.id;
    plan.commit = git.commit;
    plan.branch = git.branch;
    plan.triggeredBy = m_run.triggeredBy;
    plan.stateDir = deployStateDir(m_store->dataDir(), pipeline);
    plan.dataDir = m_store->dataDir();
    m_pipeline = pipeline;
    m_deployed.clear();
    m_rollbackWantedBy.clear();
    m_isRollbackRun = false;
    m_releaseKind = request.promote ? ReleaseKind::Promote : ReleaseKind::Deploy;
    m_restores = 0;
    m_liveBefore.reset();
    if (!request.environment.isEmpty()) {
        if (auto live = m_store->liveRelease(pipeline.workspaceDir, request.environment); live) {
            m_liveBefore = *live;
            if (m_liveBefore)
                for (const ReleaseLayer &l : m_liveBefore->layers)
                    plan.liveBefore.append(l.deployment.deployment);
        }
    }

    m_order = RunJob::coveredStages(pipeline, plan.selection);
    m_stages.clear();
    int position = 0;
    for (const QString &name : std::as_const(m_order)) {
        StageRecord record;
        record.runId = m_run.id;
        record.name = name;
        record.position = position++;
        auto stageId = m_store->createStage(record);
        if (!stageId) {
            m_store->finishRun(m_run.id, RunStatus::Failed, now());
            return std::unexpected(stageId.error());
        }
        record.id = *stageId;
        record.inputHash = inputHashes.value(name);
        if (reusedByInputs.contains(name)) {
            const StageRecord &from = reusedByInputs[name];
            record.reusedFrom = from.reusedFrom ? from.reusedFrom : from.id;
        } else if (plan.reused.contains(name)) {
            record.reusedFrom = earlier.value(name).reusedFrom ? earlier.value(name).reusedFrom
                                                               : earlier.value(name).id;
        }
        m_stages.insert(name, record);
    }
    // Now that stage ids exist, give every stage a sink into the log writer.
    LogWriter *writer = m_store->logWriter();
    const qint64 runId = m_run.id;
    QHash<QString, qint64> ids;
    for (const StageRecord &r : std::as_const(m_stages))
        ids.insert(r.name, r.id);
    auto *job = new RunJob(
        m_plan = plan,
        [writer, runId, ids](const QString &stage) -> LogPipeline::Sink {
            const qint64 stageId = ids.value(stage);
            return [writer, runId, stageId](std::span<const LogLineRef> lines) {
                writer->append(runId, stageId, lines);
            };
        },
        this);
    m_job = job;

    // Put back the artifacts of the reused stages, so the stages that need them find
    // them where they were.
    const ArtifactStore artifacts(m_store->dataDir());
    for (const ArtifactRecord &a : std::as_const(putBack)) {
        const Stage *s = byName.value(a.stage);
        if (!s || !plan.reused.contains(a.stage))
            continue;
        if (auto restored = artifacts.restore(a, QDir(pipeline.workspaceDir).filePath(s->workdir),
                                              pipeline.workspaceDir);
            !restored) {
            event(a.stage, EventKind::ArtifactMissing, restored.error().message);
            continue;
        }
        ArtifactRecord copy = a;
        copy.id = 0;
        copy.runId = m_run.id;
        m_store->addArtifact(copy);
    }

    connect(job, &RunJob::stageStarted, this, &RunController::onStageStarted);
    connect(job, &RunJob::stageAttempt, this, &RunController::onStageAttempt);
    connect(job, &RunJob::stageProgress, this, &RunController::stageProgress);
    connect(job, &RunJob::stageFinished, this, &RunController::onStageFinished);
    connect(job, &Job::result, this, &RunController::onRunFinished);
    connect(job, &RunJob::approvalRequired, this, [this](const QStringList &stages) {
        event({}, EventKind::ApprovalRequested,
              {{QStringLiteral("environment"), m_run.environment},
               {QStringLiteral("stages"), stages.join(QStringLiteral(", "))}});
        emit approvalRequired(m_run.environment, stages);
    });
    EventParams started{{QStringLiteral("by"), m_run.triggeredBy}};
    if (!request.environment.isEmpty())
        started.insert(QStringLiteral("environment"), request.environment);
    if (request.rerunOf)
        started.insert(QStringLiteral("rerunOf"), QString::number(request.rerunOf));
    if (!request.message.isEmpty())
        started.insert(QStringLiteral("message"), request.message);
    event({}, EventKind::Started, started);
    for (const auto &[stage, params] : std::as_const(inputEvents))
        event(stage, EventKind::Inputs, params);
    if (request.approved && !job->gatedStages().isEmpty()) {
        const QString who =
            request.approvedBy.isEmpty() ? Paths::currentUser() : request.approvedBy;
        EventParams approved{{QStringLiteral("environment"), request.environment},
                             {QStringLiteral("by"), who}};
        if (!request.message.isEmpty())
            approved.insert(QStringLiteral("reason"), request.message);
        event({}, EventKind::Approved, approved, who);
    }
    for (const EnvironmentApproval &a : request.approvals) {
        const QString who = a.by.isEmpty() ? Paths::currentUser() : a.by;
        EventParams approved{{QStringLiteral("environment"), a.environment},
                             {QStringLiteral("by"), who}};
        if (!a.reason.isEmpty())
            approved.insert(QStringLiteral("reason"), a.reason);
        event({}, EventKind::Approved, approved, who);
    }
    m_active = true;
    if (grouped) {
        supersede(request.concurrencyGroup, request.cancelInProgress);
        startWhenLocked([job] { job->start(); }, request.concurrencyGroup);
    } else if (deployingNow.isEmpty()) {
        job->start();
    } else {
        startWhenLocked([job] { job->start(); });
    }
    return m_run.id;
}

void RunController::cancel(const QString &reason)
{
    if (!isRunning())
        return;
    event({}, EventKind::CancelRequested,
          reason.isEmpty() ? EventParams{} : EventParams{{QStringLiteral("reason"), reason}});
    if (m_lock && !m_lock->isFinished()) {
        m_lock->cancel(); // still queued: the run ends cancelled without starting
        return;
    }
    if (m_rollback && !m_rollback->isFinished()) {
        m_rollback->cancel();
        return;
    }
    if (m_job)
        m_job->cancel();
}

QStringList RunController::stagesNeedingApproval(const Pipeline &pipeline,
                                                 const RunRequest &request)
{
    QStringList covered = RunJob::coveredStages(pipeline, request.stages);
    return RunJob::gatedStages(pipeline, request.environment, covered);
}

bool RunController::isWaitingForApproval() const
{
    return m_job && !m_job->isFinished() && m_job->isWaitingForApproval();
}

void RunController::approve(const QString &who, const QString &reason)
{
    if (!isWaitingForApproval())
        return;
    EventParams approved{{QStringLiteral("environment"), m_run.environment},
                         {QStringLiteral("by"), who}};
    if (!reason.isEmpty())
        approved.insert(QStringLiteral("reason"), reason);
    event({}, EventKind::Approved, approved, who);
    m_job->approve();
}

void RunController::refuse(const QString &who, const QString &reason)
{
    if (!isWaitingForApproval())
        return;
    const QString message =
        reason.isEmpty() ? tr("deploy to %1 refused by %2").arg(m_run.environment, who)
                         : tr("deploy to %1 refused by %2: %3").arg(m_run.environment, who, reason);
    EventParams refused{{QStringLiteral("environment"), m_run.environment},
                        {QStringLiteral("by"), who}};
    if (!reason.isEmpty())
        refused.insert(QStringLiteral("reason"), reason);
    event({}, EventKind::Refused, refused, who);
    m_job->refuse(message);
}

void RunController::event(const QString &stage, EventKind kind, const EventParams &params,
                          const QString &who)
{
    EventRecord e;
    e.runId = m_run.id;
    e.stage = stage;
    e.at = now();
    e.kind = kind;
    for (auto it = params.begin(); it != params.end(); ++it)
        e.params.insert(it.key(), m_masker.maskText(it.value()));
    e.who = m_masker.maskText(who.isEmpty() ? Paths::currentUser() : who);
    if (!m_recorder.addEvent(e) && !stage.isEmpty())
        markIncomplete(stage);
}

void RunController::save(StageRecord &stage)
{
    // Every path that records a stage (a run's stages, a rollback's steps) comes here;
    // a reason may repeat a secret (an error message with a URL and its token).
    if (stage.status == StageStatus::Success && m_incomplete.contains(stage.name)) {
        stage.status = StageStatus::Failed;
        stage.reason =
            tr("its work succeeded, but its record is incomplete; the history could not be "
               "written: %1")
                .arg(m_incomplete.value(stage.name).message);
    }
    stage.reason = m_masker.maskText(stage.reason);
    if (!m_recorder.saveStage(stage) && !m_incomplete.contains(stage.name)) {
        markIncomplete(stage.name, false);
        if (stage.status == StageStatus::Success) {
            save(stage); // the pending state becomes the failed one
            return;
        }
    }
    emit stageChanged(stage);
}

void RunController::markIncomplete(const QString &stage, bool resave)
{
    if (m_incomplete.contains(stage) || !m_stages.contains(stage) ||
        m_recorder.failures().isEmpty())
        return;
    m_incomplete.insert(stage, m_recorder.failures().constLast());
    if (resave && m_stages.value(stage).status == StageStatus::Success)
        save(m_stages[stage]);
}

void RunController::takeLogLosses()
{
    if (auto flushed = m_store->logWriter()->flush(); !flushed)
        qCWarning(lcEngine) << "cannot store logs:" << flushed.error().message;
    for (const LogWriter::Loss &loss : m_store->logWriter()->takeLosses(m_run.id)) {
        QString name;
        for (const StageRecord &s : std::as_const(m_stages))
            if (s.id == loss.stageId)
                name = s.name;
        Error error = loss.error;
        error.message = tr("%n log line(s) of stage %1 could not be recorded: %2", nullptr,
                           int(std::min<qint64>(loss.lines, INT_MAX)))
                            .arg(name, loss.error.message);
        m_recorder.noteFailure(error);
        markIncomplete(name);
    }
}

void RunController::onStageStarted(const QString &name)
{
    StageRecord &s = m_stages[name];
    s.status = StageStatus::Running;
    s.startedAt = now();
    save(s);
    event(name, EventKind::StageStarted, {{QStringLiteral("stage"), name}});
}

void RunController::onStageAttempt(const QString &name, int attempt)
{
    StageRecord &s = m_stages[name];
    s.attempts = attempt;
    save(s);
    if (attempt > 1)
        event(name, EventKind::Retry,
              {{QStringLiteral("attempt"), QString::number(attempt)},
               {QStringLiteral("stage"), name}});
}

void RunController::onStageFinished(const QString &name, StageStatus status, const QString &reason,
                                    StageJob *job)
{
    // Its lines are all appended: what the writer gave up on fails this stage.
    takeLogLosses();
    StageRecord &s = m_stages[name];
    s.status = status;
    s.reason = reason;    // masked by save()
    s.finishedAt = now(); // a stage that never started keeps no start time
    if (status != StageStatus::Success)
        s.reusedFrom = 0; // it was to be reused, but what it needs did not succeed
    if (job) {
        const ProcessResult &r = job->lastProcessResult();
        s.attempts = job->attempts();
        // continue-on-error: failed, but the run goes on and does not fail for it.
        s.allowedFailure = status == StageStatus::Failed && job->stage().continueOnError;
        if (r.status == ProcessResult::Status::Exited)
            s.exitCode = r.exitCode;
        s.signal = r.signal;
        if (status == StageStatus::Success) {
            keepArtifacts(s, job->stage());
            recordDeployments(name, job);
        } else if (status == StageStatus::Failed && job->wantsRollback() &&
                   m_rollbackWantedBy.isEmpty()) {
            m_rollbackWantedBy = name;
        }
        if (auto ok = m_store->addAnnotations(m_run.id, name, job->annotations()); !ok)
            m_recorder.noteFailure(ok.error());
    }
    save(s);
    EventParams finished{{QStringLiteral("stage"), name},
                         {QStringLiteral("status"),
                          s.allowedFailure ? QStringLiteral("allowed-failure") : toString(status)}};
    if (!reason.isEmpty())
        finished.insert(QStringLiteral("reason"), reason);
    event(name, EventKind::StageFinished, finished);
}

void RunController::keepArtifacts(const StageRecord &record, const Stage &stage)
{
    const ArtifactStore store(m_store->dataDir());
    const QString workdir = QDir(m_pipeline.workspaceDir).filePath(stage.workdir);
    for (const QString &path : stage.artifacts) {
        auto kept = store.keep(m_run.id, record.name, workdir, path, m_pipeline.workspaceDir);
        if (!kept) {
            event(record.name, EventKind::ArtifactMissing, kept.error().message);
            continue;
        }
        if (auto r = m_store->addArtifact(*kept); !r) {
            m_recorder.noteFailure(r.error());
            markIncomplete(record.name, false);
            event(record.name, EventKind::ArtifactMissing, r.error().message);
        }
    }
}

void RunController::onRunFinished()
{
    const RunStatus status = m_job->runStatus();
    m_job->deleteLater();
    if (!m_deployed.isEmpty())
        recordRelease(m_releaseKind, 0, m_deployed, status == RunStatus::Success);
    if (!m_rollbackWantedBy.isEmpty() && startAutoRollback())
        return; // onRollbackFinished() ends the run
    finishRun(status);
}

void RunController::finishRun(RunStatus status)
{
    m_run.finishedAt = now();
    if (m_lock)
        m_lock->release();
    takeLogLosses();
    // A run whose record is incomplete did not succeed, whatever its stages did.
    const QList<Error> &failures = m_recorder.failures();
    if (!failures.isEmpty()) {
        if (status == RunStatus::Success)
            status = RunStatus::Failed;
        event({}, EventKind::RecordFailed,
              {{QStringLiteral("count"), QString::number(failures.size())},
               {QStringLiteral("detail"), failures.constFirst().message}});
    }
    m_run.status = status;
    event({}, EventKind::Finished, {{QStringLiteral("status"), toString(m_run.status)}});
    // Nothing can be written: the store marks the run interrupted when next opened.
    if (!m_recorder.finishRun(m_run.status, m_run.finishedAt))
        m_run.status = RunStatus::Interrupted;
    emitFinished();
}

} // namespace DeployDesk
