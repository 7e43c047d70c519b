// RunController: deploys, releases, the deploy queue and rollbacks.
#include "run/runcontroller.h"

#include "common/logging.h"
#include "common/paths.h"
#include "common/processinfo.h"
#include "deploy/deploytarget.h"
#include "integrations/github/deploymentreporter.h"
#include "log/secretmasker.h"
#include "net/platform.h"
#include "run/builtinstages.h"
#include "run/gitinfo.h"
#include "secrets/secretstore.h"
#include "store/historystore.h"
#include "store/logwriter.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>

#include <csignal>

namespace DeployDesk {

namespace {
QDateTime now()
{
    return QDateTime::currentDateTimeUtc();
}

// A line DeployDesk itself writes into a stage's log, masked like every other.
LogLine systemLine(const SecretMasker &masker, const QString &text)
{
    LogLine l;
    l.timestampMs = QDateTime::currentMSecsSinceEpoch();
    l.stream = LogStream::System;
    l.text = masker.mask(text.toUtf8());
    return l;
}
} // namespace

QString RunController::deployStateDir(const QString &dataDir, const Pipeline &pipeline)
{
    // One folder per workspace: two workspaces may share a pipeline name.
    const QByteArray hash =
        QCryptographicHash::hash(QDir(pipeline.workspaceDir).absolutePath().toUtf8(),
                                 QCryptographicHash::Sha1)
            .toHex()
            .left(8);
    QString name = pipeline.name;
    for (QChar &c : name)
        if (!c.isLetterOrNumber() && c != u'-' && c != u'_')
            c = u'_';
    return QDir(dataDir).filePath(
        QStringLiteral("deploy/%1-%2").arg(name, QString::fromLatin1(hash)));
}

QStringList RunController::deployStages(const Pipeline &pipeline, const QStringList &covered)
{
    registerBuiltinStageTypes();
    const QStringList targets = TargetRegistry::instance().names();
    const QHash<QString, const Stage *> byName = pipeline.stagesByName();
    QStringList out;
    for (const QString &name : covered) {
        const Stage *s = byName.value(name);
        if (s && targets.contains(s->uses))
            out << name;
    }
    return out;
}

namespace {
// A concurrency group's place in the deploy queue: a key no environment name can be
// (environment names are [A-Za-z0-9_-]).
QString groupKey(const QString &group)
{
    return QStringLiteral("concurrency: ") + group;
}
} // namespace

void RunController::supersede(const QString &group, bool cancelInProgress)
{
    auto tickets = m_store->queue(m_run.workspace, groupKey(group));
    if (!tickets) {
        event({}, EventKind::QueueFailed, tickets.error().message);
        return;
    }
    for (qsizetype i = 0; i < tickets->size(); ++i) {
        const QueueTicket &t = tickets->at(i);
        // The first ticket holds the group: it runs on unless cancel-in-progress.
        if ((i == 0 && !cancelInProgress) || t.runId == m_run.id)
            continue;
        EventRecord e;
        e.runId = t.runId;
        e.at = now();
        e.kind = EventKind::CancelRequested;
        e.who = m_run.triggeredBy;
        e.params = {{QStringLiteral("reason"),
                     tr("run %1 of concurrency group %2 replaces it").arg(m_run.id).arg(group)}};
        m_recorder.addEvent(e); // retried and, failing that, reported with this run
        if (t.pid != QCoreApplication::applicationPid() &&
            ProcessInfo::isAlive(t.pid, t.startTicks))
            ::kill(pid_t(t.pid), SIGTERM);
    }
}

void RunController::startWhenLocked(std::function<void()> begin, const QString &group)
{
    QueueTicket ticket;
    ticket.workspace = m_run.workspace;
    ticket.environment = group.isEmpty() ? m_run.environment : groupKey(group);
    ticket.runId = m_run.id;
    ticket.what = !group.isEmpty()  ? tr("workflow run")
                  : m_isRollbackRun ? tr("rollback")
                                    : tr("deploy");
    auto *lock = new DeployLock(m_store, ticket, this);
    m_lock = lock;
    connect(lock, &DeployLock::waiting, this, [this, group](const QueueTicket &ahead) {
        EventParams params{{QStringLiteral("run"), QString::number(ahead.runId)},
                           {QStringLiteral("what"), ahead.what}};
        if (group.isEmpty())
            params.insert(QStringLiteral("environment"), m_run.environment);
        else
            params.insert(QStringLiteral("group"), group);
        event({}, EventKind::Queued, params);
        emit queued(ahead);
    });
    connect(lock, &Job::result, this, [this, lock, begin = std::move(begin)] {
        if (lock->outcome() == Job::Outcome::Success) {
            m_run.status = RunStatus::Running;
            m_recorder.setRunStatus(RunStatus::Running);
            startGitHubReport();
            begin();
            return;
        }
        // Cancelled (or the queue could not be read): nothing started, nothing changed.
        if (lock->outcome() == Job::Outcome::Failed)
            event({}, EventKind::QueueFailed, lock->error().message);
        for (StageRecord &s : m_stages) {
            s.status = StageStatus::Cancelled;
            s.finishedAt = now();
            save(s);
        }
        if (m_job)
            m_job->disconnect(this);
        finishRun(lock->outcome() == Job::Outcome::Failed ? RunStatus::Failed
                                                          : RunStatus::Cancelled);
    });
    lock->start();
}

void RunController::recordDeployments(const QString &stage, StageJob *job)
{
    for (const Deployment &d : job->deployments()) {
        DeploymentRecord record;
        record.runId = m_run.id;
        record.stage = stage;
        record.workspace = m_run.workspace;
        record.environment = m_run.environment;
        record.deployment = d;
        auto id = m_store->addDeployment(record);
        if (!id) {
            m_recorder.noteFailure(id.error());
            markIncomplete(stage, false);
            event(stage, EventKind::RecordFailed, id.error().message);
            continue;
        }
        record.id = *id;
        m_deployed.append(record);
        EventParams deployed{{QStringLiteral("layer"), toString(d.layer)},
                             {QStringLiteral("version"), d.version},
                             {QStringLiteral("environment"), m_run.environment},
                             {QStringLiteral("target"), d.target}};
        if (!d.url.isEmpty())
            deployed.insert(QStringLiteral("url"), d.url);
        event(stage, EventKind::Deployed, deployed);
    }
}

void RunController::recordRelease(ReleaseKind kind, qint64 restores,
                                  const QList<DeploymentRecord> &changed, bool complete)
{
    ReleaseRecord release;
    release.workspace = m_run.workspace;
    release.environment = m_run.environment;
    release.runId = m_run.id;
    release.kind = kind;
    release.restores = restores;
    release.complete = complete;
    release.commit = m_run.commit;
    release.branch = m_run.branch;
    release.who = m_run.triggeredBy;
    release.why = m_run.message;
    release.createdAt = now();
    // Layers this run did not touch carry over from the live release.
    auto live = m_store->liveRelease(m_run.workspace, m_run.environment);
    QMap<Layer, ReleaseLayer> layers;
    if (live && *live)
        for (const ReleaseLayer &l : (*live)->layers)
            layers.insert(l.layer, ReleaseLayer{l.layer, false, l.deployment});
    for (const DeploymentRecord &d : changed)
        layers.insert(d.deployment.layer, ReleaseLayer{d.deployment.layer, true, d});
    release.layers = layers.values();
    auto id = m_store->createRelease(release);
    if (!id) {
        m_recorder.noteFailure(id.error());
        event({}, EventKind::RecordFailed, id.error().message);
        return;
    }
    event({}, EventKind::Release,
          {{QStringLiteral("release"), QString::number(*id)},
           {QStringLiteral("environment"), m_run.environment},
           {QStringLiteral("kind"), toString(kind)}});
}

bool RunController::startAutoRollback()
{
    const QString stage = m_rollbackWantedBy;
    if (!m_liveBefore) {
        event(
            stage, EventKind::RollbackImpossible,
            {{QStringLiteral("stage"), stage}, {QStringLiteral("environment"), m_run.environment}});
        return false;
    }
    auto plan = planRollback(*m_store, m_run.workspace, m_run.environment, m_liveBefore->id);
    // Nobody is there to approve a database downgrade: the schema stays as deployed.
    QString held;
    if (plan && plan->schemaChange()) {
        held = tr("the database stays at revision %1: taking it back to %2 needs an approval "
                  "naming both revisions (deploydeskctl rollback %3 %4)")
                   .arg(plan->schemaChange()->from, plan->schemaChange()->to, m_run.environment)
                   .arg(m_liveBefore->id);
        plan->holdSchemaChange(held);
        event(stage, EventKind::RollbackHeld, held);
    }
    if (!plan || !plan->changesAnything()) {
        const QString release = QString::number(m_liveBefore->id);
        event(stage, EventKind::RollbackImpossible,
              !plan            ? EventParams{{QStringLiteral("detail"), plan.error().message}}
              : held.isEmpty() ? EventParams{{QStringLiteral("stage"), stage},
                                             {QStringLiteral("release"), release}}
                               : EventParams{{QStringLiteral("stage"), stage},
                                             {QStringLiteral("release"), release},
                                             {QStringLiteral("held"), held}});
        return false;
    }
    event(stage, EventKind::AutoRollback,
          {{QStringLiteral("stage"), stage},
           {QStringLiteral("environment"), m_run.environment},
           {QStringLiteral("release"), QString::number(m_liveBefore->id)}});
    m_restores = m_liveBefore->id;
    StageRecord record;
    record.runId = m_run.id;
    record.name = QStringLiteral("rollback");
    record.position = int(m_stages.size());
    record.status = StageStatus::Running;
    record.startedAt = now();
    if (auto id = m_store->createStage(record); id)
        record.id = *id;
    m_stages.insert(record.name, record);
    m_order.append(record.name);
    emit stageChanged(record);
    LogWriter *writer = m_store->logWriter();
    const qint64 runId = m_run.id, stageId = record.id;
    auto *job = new RollbackJob(
        *plan, m_plan,
        [writer, runId, stageId, masker = m_masker](Layer, const QString &line) {
            writer->append(runId, stageId, systemLine(masker, line));
        },
        this);
    m_rollback = job;
    m_releaseKind = ReleaseKind::AutoRollback;
    connect(job, &Job::result, this, &RunController::onRollbackFinished);
    job->start();
    return true;
}

void RunController::onRollbackFinished()
{
    RollbackJob *job = m_rollback;
    job->deleteLater();
    QList<DeploymentRecord> restored;
    for (Layer l : job->changedLayers()) {
        for (const RollbackStep &s : job->plan().steps)
            if (s.layer == l && s.to)
                restored.append(*s.to);
    }
    // An index switch puts live a version no run recorded yet: this run records it.
    for (DeploymentRecord &d : restored) {
        if (d.id != 0)
            continue;
        d.runId = m_run.id;
        auto id = m_store->addDeployment(d);
        if (!id) {
            m_recorder.noteFailure(id.error());
            event(d.stage, EventKind::RecordFailed, id.error().message);
            continue;
        }
        d.id = *id;
    }
    const bool ok = job->outcome() == Job::Outcome::Success;
    if (!restored.isEmpty())
        recordRelease(m_releaseKind, m_restores, restored, ok);
    const QString stageName =
        m_isRollbackRun ? QString() : QStringLiteral("rollback"); // auto-rollback's own stage
    if (!stageName.isEmpty() && m_stages.contains(stageName)) {
        StageRecord &s = m_stages[stageName];
        s.status = ok ? StageStatus::Success
                      : (job->outcome() == Job::Outcome::Cancelled ? StageStatus::Cancelled
                                                                   : StageStatus::Failed);
        s.reason = ok ? QString() : job->error().message;
        s.finishedAt = now();
        save(s);
    }
    if (!ok)
        event({},
              m_releaseKind == ReleaseKind::IndexSwitch ? EventKind::IndexSwitchFailed
                                                        : EventKind::RollbackFailed,
              job->error().message);
    else if (m_releaseKind == ReleaseKind::IndexSwitch)
        event({}, EventKind::IndexSwitched,
              {{QStringLiteral("environment"), m_run.environment},
               {QStringLiteral("version"),
                restored.isEmpty() ? QString() : restored.first().deployment.version}});
    else
        event({}, EventKind::RolledBack,
              {{QStringLiteral("environment"), m_run.environment},
               {QStringLiteral("release"), QString::number(m_restores)}});
    // An automatic rollback follows a failed check: the run has failed either way.
    if (!m_isRollbackRun) {
        finishRun(job->outcome() == Job::Outcome::Cancelled ? RunStatus::Cancelled
                                                            : RunStatus::Failed);
        return;
    }
    finishRun(ok ? RunStatus::Success
                 : (job->outcome() == Job::Outcome::Cancelled ? RunStatus::Cancelled
                                                              : RunStatus::Failed));
}

Result<qint64> RunController::startRollback(const Pipeline &pipeline,
                                            const RollbackRequest &request)
{
    registerBuiltinStageTypes();
    if (isRunning())
        return makeError(ErrorCode::Invalid, tr("a run is already in progress"));
    const Environment *environment = pipeline.environment(request.environment);
    if (!environment)
        return makeError(ErrorCode::Invalid, tr("environment \"%1\" is not defined in %2")
                                                 .arg(request.environment, pipeline.filePath));
    auto plan =
        planRollback(*m_store, pipeline.workspaceDir, request.environment, request.releaseId);
    if (!plan)
        return std::unexpected(plan.error());
    if (!plan->changesAnything())
        return makeError(ErrorCode::Invalid,
                         tr("release %1 has the same versions as the live release of %2: "
                            "nothing to roll back")
                             .arg(plan->target.id)
                             .arg(request.environment));
    if (environment->isProtected && !request.approved)
        return makeError(ErrorCode::Invalid,
                         tr("%1 is protected: a rollback needs the same approval as a deploy")
                             .arg(request.environment));
    const std::optional<SchemaChange> schemaChange = plan->schemaChange();
    if (schemaChange && request.approvedSchemaChange != schemaChange->key())
        return makeError(
            ErrorCode::Invalid,
            request.approvedSchemaChange.isEmpty()
                ? tr("rolling %1 back to release %2 takes its database from revision %3 to %4, "
                     "which can drop what the later migrations added: approve it by naming both "
                     "revisions (%5); nothing was changed")
                      .arg(request.environment)
                      .arg(plan->target.id)
                      .arg(schemaChange->from, schemaChange->to, schemaChange->key())
                : tr("the approval names the database change %1, but rolling %2 back to release "
                     "%3 takes the database from revision %4 to %5; nothing was changed")
                      .arg(request.approvedSchemaChange, request.environment)
                      .arg(plan->target.id)
                      .arg(schemaChange->from, schemaChange->to));

    RollbackStart how;
    how.message = request.message.isEmpty()
                      ? tr("rollback to release %1").arg(plan->target.id)
                      : tr("rollback to release %1: %2").arg(plan->target.id).arg(request.message);
    how.operation = QStringLiteral("rollback");
    how.planText = plan->describe();
    how.approved = {{QStringLiteral("environment"), request.environment},
                    {QStringLiteral("release"), QString::number(plan->target.id)}};
    how.kind = ReleaseKind::Rollback;
    how.schemaChange = schemaChange;
    return beginRollbackRun(pipeline, *environment, *plan, request.approvedBy, request.approved,
                            how);
}

Result<qint64> RunController::beginRollbackRun(const Pipeline &pipeline,
                                               const Environment &environment,
                                               const RollbackPlan &rollback,
                                               const QString &approvedBy, bool approved,
                                               const RollbackStart &how)
{
    const RollbackPlan *plan = &rollback;
    const std::optional<SchemaChange> &schemaChange = how.schemaChange;
    RunPlan runPlan;
    collectSecrets(pipeline, runPlan); // before anything typed is recorded: it is masked
    const GitInfo git = readGitInfo(pipeline.workspaceDir);
    m_run = RunRecord{};
    m_run.workspace = pipeline.workspaceDir;
    m_run.pipeline = pipeline.name;
    m_run.environment = environment.name;
    m_run.status = RunStatus::Queued;
    m_run.triggeredBy = Paths::currentUser();
    m_run.message = m_masker.maskText(how.message);
    m_run.commit = git.commit;
    m_run.branch = git.branch;
    m_run.startedAt = now();
    m_run.runnerPid = QCoreApplication::applicationPid();
    m_run.runnerStartTicks = ProcessInfo::startTicks(m_run.runnerPid);
    auto id = m_store->createRun(m_run);
    if (!id)
        return std::unexpected(id.error());
    m_run.id = *id;
    m_recorder.reset(m_run.id);
    m_incomplete.clear();
    m_pipeline = pipeline;
    m_deployed.clear();
    m_rollbackWantedBy.clear();
    m_isRollbackRun = true;
    m_releaseKind = how.kind;
    m_restores = plan->target.id;
    m_liveBefore = plan->live;

    m_plan = runPlan;
    m_plan.pipeline = pipeline;
    m_plan.environment = environment.name;
    m_plan.runId = m_run.id;
    m_plan.commit = git.commit;
    m_plan.branch = git.branch;
    m_plan.triggeredBy = m_run.triggeredBy;
    m_plan.stateDir = deployStateDir(m_store->dataDir(), pipeline);
    m_plan.approved = approved;

    m_order.clear();
    m_stages.clear();
    QHash<Layer, qint64> stageIds;
    int position = 0;
    for (const RollbackStep &step : plan->steps) {
        if (!step.changes)
            continue;
        StageRecord record;
        record.runId = m_run.id;
        record.name = QStringLiteral("rollback-") + toString(step.layer);
        record.position = position++;
        auto stageId = m_store->createStage(record);
        if (!stageId) {
            m_store->finishRun(m_run.id, RunStatus::Failed, now());
            return std::unexpected(stageId.error());
        }
        record.id = *stageId;
        stageIds.insert(step.layer, record.id);
        m_stages.insert(record.name, record);
        m_order.append(record.name);
    }
    event({}, EventKind::Started,
          {{QStringLiteral("environment"), environment.name},
           {QStringLiteral("by"), m_run.triggeredBy},
           {QStringLiteral("operation"), how.operation}});
    event({}, EventKind::RollbackPlan, how.planText);
    if (environment.isProtected) {
        const QString who = approvedBy.isEmpty() ? Paths::currentUser() : approvedBy;
        EventParams approved = how.approved;
        approved.insert(QStringLiteral("by"), who);
        event({}, EventKind::Approved, approved, who);
    }

    if (schemaChange) {
        const QString who = approvedBy.isEmpty() ? Paths::currentUser() : approvedBy;
        event(QStringLiteral("rollback-database"), EventKind::Approved,
              {{QStringLiteral("environment"), environment.name},
               {QStringLiteral("from"), schemaChange->from},
               {QStringLiteral("to"), schemaChange->to},
               {QStringLiteral("by"), who}},
              who);
    }

    LogWriter *writer = m_store->logWriter();
    const qint64 runId = m_run.id;
    auto *job = new RollbackJob(
        *plan, m_plan,
        [writer, runId, stageIds, masker = m_masker](Layer layer, const QString &line) {
            writer->append(runId, stageIds.value(layer), systemLine(masker, line));
        },
        this);
    m_rollback = job;
    connect(job, &RollbackJob::stepStarted, this, [this](Layer layer) {
        StageRecord &s = m_stages[QStringLiteral("rollback-") + toString(layer)];
        s.status = StageStatus::Running;
        s.startedAt = now();
        s.attempts = 1;
        save(s);
    });
    connect(job, &RollbackJob::stepFinished, this,
            [this](Layer layer, bool success, const QString &reason) {
                const QString name = QStringLiteral("rollback-") + toString(layer);
                StageRecord &s = m_stages[name];
                s.status = success ? StageStatus::Success : StageStatus::Failed;
                s.reason = reason;
                s.finishedAt = now();
                save(s);
                EventParams step{{QStringLiteral("layer"), toString(layer)}};
                if (!success)
                    step.insert(QStringLiteral("reason"), reason);
                event(name, EventKind::StageFinished, step);
            });
    connect(job, &Job::result, this, [this] {
        // Steps that never started stay visible as not run.
        for (StageRecord &s : m_stages) {
            if (!isFinal(s.status)) {
                s.status = m_rollback->outcome() == Job::Outcome::Cancelled ? StageStatus::Cancelled
                                                                            : StageStatus::Skipped;
                s.finishedAt = now();
                save(s);
            }
        }
        onRollbackFinished();
    });
    m_active = true;
    startWhenLocked([job] { job->start(); });
    return m_run.id;
}

} // namespace DeployDesk

namespace DeployDesk {

void RunController::startGitHubReport()
{
    // Only when the workspace names a GitHub repository and a token is set.
    if (!m_secrets)
        return;
    const QProcessEnvironment env = RunJob::contextFor(m_plan, Stage{}).env;
    const auto place = locateGitHub(m_run.workspace, env);
    if (!place) {
        event({}, EventKind::GitHub, place.error().message);
        return;
    }
    if (place->owner.isEmpty())
        return;
    const auto token = m_secrets->value(QStringLiteral("GITHUB_TOKEN"));
    if (!token || token->isEmpty())
        return;
    if (!place->notice.isEmpty())
        event({}, EventKind::GitHub, place->notice);
    auto *reporter = new DeploymentReporter(
        GitHubTarget{place->owner, place->repository, token->toUtf8(), place->apiUrl}, this);
    m_github = reporter;
    connect(reporter, &DeploymentReporter::problem, this,
            [this](const QString &message) { event({}, EventKind::GitHub, message); });
    const QString ref = m_run.commit.isEmpty() ? m_run.branch : m_run.commit;
    reporter->begin(m_run.environment, ref.isEmpty() ? QStringLiteral("HEAD") : ref,
                    m_isRollbackRun ? tr("DeployDesk rollback (run %1)").arg(m_run.id)
                                    : tr("DeployDesk deploy (run %1)").arg(m_run.id));
}

void RunController::emitFinished()
{
    if (!m_github) {
        m_active = false;
        emit finished(m_run);
        return;
    }
    // The environment's URL: the site layer's, else any layer's, of the live release.
    QUrl url;
    if (auto live = m_store->liveRelease(m_run.workspace, m_run.environment); live && *live) {
        for (const ReleaseLayer &l : (*live)->layers)
            if (!l.deployment.deployment.url.isEmpty() && (url.isEmpty() || l.layer == Layer::Site))
                url = QUrl(l.deployment.deployment.url);
    }
    QUrl logUrl;
    if (const QString base = qEnvironmentVariable("DEPLOYDESK_LOG_URL"); !base.isEmpty())
        logUrl = QUrl(QString(base).replace(QLatin1String("{run}"), QString::number(m_run.id)));
    DeploymentReporter *reporter = m_github;
    reporter->end(m_run.status == RunStatus::Success, url, logUrl,
                  tr("run %1 %2").arg(m_run.id).arg(toString(m_run.status)), [this, reporter] {
                      reporter->deleteLater();
                      m_active = false;
                      emit finished(m_run);
                  });
}

} // namespace DeployDesk
