#include "integrations/github/remoteruns.h"

#include "common/translate.h"
#include "integrations/github/workflowcommands.h"
#include "log/logline.h"
#include "log/secretmasker.h"
#include "log/utf8.h"
#include "net/httpjob.h"
#include "store/historystore.h"
#include "store/logwriter.h"

#include <QRegularExpression>

#include <algorithm>

namespace DeployDesk::GitHub {

using namespace std::chrono;

QString repositoryKey(const ActionsApi &api)
{
    const QString host = api.http().baseUrl().host().toLower();
    const QString name = api.repository().fullName();
    if (host.isEmpty() || host == u"api.github.com")
        return name;
    return host + u'/' + name;
}

RemoteRunImport toImport(const RemoteRun &remote, const std::optional<QList<RemoteJob>> &jobs,
                         const QString &workspace, const QString &repository)
{
    RemoteRunImport in;
    in.repository = repository;
    in.remoteId = remote.id;
    in.attempt = remote.runAttempt;
    in.url = remote.htmlUrl;
    in.remoteUpdatedAt = remote.updatedAt;
    RunRecord &r = in.run;
    r.workspace = workspace;
    r.pipeline = remote.name.isEmpty() ? remote.path : remote.name;
    r.status = runStatus(remote);
    r.triggeredBy = remote.actor;
    r.message = remote.displayTitle;
    r.commit = remote.sha;
    r.branch = remote.branch;
    r.startedAt = remote.runStartedAt.isValid() ? remote.runStartedAt : remote.createdAt;
    if (remote.isCompleted())
        r.finishedAt = remote.updatedAt;
    if (jobs) {
        QList<RemoteStageImport> stages;
        for (const RemoteJob &job : *jobs) {
            stages.append(RemoteStageImport{job.id, job.name, jobStatus(job), jobReason(job),
                                            job.startedAt,
                                            job.isCompleted() ? job.completedAt : QDateTime()});
        }
        in.stages = std::move(stages);
    }
    return in;
}

StoredLog convertJobLog(const QByteArray &log, const SecretMasker &masker)
{
    // "2026-12-01T10:00:00.1234567Z text": GitHub's runner stamps every line.
    static const QRegularExpression stamp(
        QStringLiteral("^(\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d)(?:\\.(\\d+))?Z ?"));
    StoredLog out;
    WorkflowCommandParser parser;
    QByteArrayView rest(log);
    if (rest.startsWith("\xEF\xBB\xBF"))
        rest = rest.sliced(3);
    qint64 lastStamp = 0;
    // As every stored line: valid UTF-8 (a stray byte becomes U+FFFD), secrets masked.
    auto emitLine = [&](const QByteArray &text) {
        QByteArray valid;
        Internal::appendValidUtf8(valid, text);
        out.lines.append(LogLine{lastStamp, LogStream::Stdout, masker.mask(valid)});
    };
    auto handle = [&](const QList<WorkflowCommandParser::Line> &lines) {
        for (const WorkflowCommandParser::Line &line : lines) {
            if (!line.command) {
                emitLine(line.text);
                continue;
            }
            const WorkflowCommand &c = *line.command;
            switch (c.kind) {
            case WorkflowCommand::Kind::Group:
            case WorkflowCommand::Kind::EndGroup:
                emitLine(line.text); // as GitHub wrote it: the log viewer folds the group
                break;
            case WorkflowCommand::Kind::Debug:
                break;
            case WorkflowCommand::Kind::Error:
            case WorkflowCommand::Kind::Warning:
            case WorkflowCommand::Kind::Notice: {
                Annotation a = *annotationOf(c);
                a.file = masker.maskText(a.file);
                a.title = masker.maskText(a.title);
                a.message = masker.maskText(a.message);
                emitLine(masker.maskText(annotationText(c)).toUtf8());
                out.annotations.append(a);
                break;
            }
            default:
                emitLine(line.text);
            }
        }
    };
    while (!rest.isEmpty()) {
        const qsizetype end = rest.indexOf('\n');
        QByteArrayView line = end < 0 ? rest : rest.first(end);
        rest = end < 0 ? QByteArrayView() : rest.sliced(end + 1);
        if (line.endsWith('\r'))
            line.chop(1);
        const QString head = QString::fromLatin1(line.first(std::min<qsizetype>(line.size(), 40)));
        const QRegularExpressionMatch m = stamp.match(head);
        if (m.hasMatch()) {
            QString text = m.captured(1);
            const QString fraction = m.captured(2).left(3).leftJustified(3, u'0');
            const QDateTime at =
                QDateTime::fromString(text + u'.' + fraction + u'Z', Qt::ISODateWithMs);
            if (at.isValid())
                lastStamp = at.toMSecsSinceEpoch();
            line = line.sliced(m.capturedLength());
        }
        QByteArray withEnd = line.toByteArray();
        withEnd.append('\n');
        handle(parser.feed(withEnd));
    }
    handle(parser.finish());
    if (!out.annotations.isEmpty()) {
        emitLine(tr("Annotations:").toUtf8());
        for (const Annotation &a : std::as_const(out.annotations))
            emitLine(QStringLiteral("  %1").arg(annotationText(a)).toUtf8());
    }
    return out;
}

// --- RemoteImportJob ------------------------------------------------------------------

RemoteImportJob::RemoteImportJob(ActionsSession *session, HistoryStore *store,
                                 ImportOptions options, QObject *parent)
    : ActionsJob(session, parent)
    , m_store(store)
    , m_options(std::move(options))
{}

RemoteImportJob::~RemoteImportJob() = default;

void RemoteImportJob::doStart()
{
    if (!m_session) {
        fail(makeErrorValue(ErrorCode::Internal, tr("the GitHub session is gone")));
        return;
    }
    RunQuery query;
    query.workflow = m_options.workflow;
    query.perPage = std::clamp(m_options.maxRuns, 1, 100);
    fetchPage(m_session->api().runs(query));
}

bool RemoteImportJob::record(const QList<RemoteRunImport> &runs)
{
    auto recorded = m_store->importRemoteRuns(runs);
    if (!recorded) {
        fail(recorded.error());
        return false;
    }
    m_totals.added += recorded->added;
    m_totals.updated += recorded->updated;
    m_totals.unchanged += recorded->unchanged;
    m_totals.runIds += recorded->runIds;
    return true;
}

void RemoteImportJob::fetchPage(const HttpRequest &request)
{
    call(request, [this](ActionsCall &answer) { readPage(answer); });
}

void RemoteImportJob::readPage(const ActionsCall &answer)
{
    ++m_pages;
    const QJsonObject page = answer.json().toObject();
    const QJsonArray items = page.value(u"workflow_runs").toArray();
    const QString repository = repositoryKey(m_session->api());
    // Runs the history has already, finished and unchanged: a page of only those ends the
    // import (what lies beyond was imported before).
    int known = 0;
    int taken = 0;
    for (const QJsonValue &v : items) {
        if (m_seen + taken >= m_options.maxRuns)
            break;
        const RemoteRun run = parseRun(v.toObject());
        ++taken;
        if (!m_ids.contains(run.id))
            m_pending.append(toImport(run, std::nullopt, m_options.workspace, repository));
        m_ids.insert(run.id);
        auto recorded = m_store->remoteRunAttempts(QLatin1String(kProvider), repository, run.id);
        if (!recorded) {
            fail(recorded.error());
            return;
        }
        if (run.isCompleted() && !recorded->isEmpty() &&
            recorded->first().attempt == run.runAttempt &&
            recorded->first().remoteUpdatedAt == run.updatedAt)
            ++known;
    }
    m_seen += taken;
    const int total = page.value(u"total_count").toInt();
    emit progress(m_seen, std::min(total, m_options.maxRuns), 0);
    if (taken > 0 && known < taken && m_seen < m_options.maxRuns && !answer.nextPage().isEmpty()) {
        fetchPage(HttpRequest::get(answer.nextPage()));
        return;
    }
    // Oldest first, so the history's order (by id) is the order the runs were made.
    std::reverse(m_pending.begin(), m_pending.end());
    if (!record(std::exchange(m_pending, {})))
        return;
    fetchJobs();
}

void RemoteImportJob::fetchJobs()
{
    if (m_withoutJobs.isEmpty() && m_jobsFetched == 0) {
        auto pending = m_store->remoteRunsWithoutJobs(
            QLatin1String(kProvider), repositoryKey(m_session->api()), m_options.jobsFor);
        if (!pending) {
            fail(pending.error());
            return;
        }
        m_withoutJobs = *pending;
    }
    if (m_withoutJobs.isEmpty()) {
        emitSuccess();
        return;
    }
    const RemoteRunLink link = m_withoutJobs.takeFirst();
    call(m_session->api().jobs(link.remoteId), [this, link](ActionsCall &answer) {
        auto stored = m_store->run(link.runId);
        if (!stored) {
            fail(stored.error());
            return;
        }
        QList<RemoteStageImport> stages;
        for (const QJsonValue &v : answer.json().toObject().value(u"jobs").toArray()) {
            const RemoteJob job = parseJob(v.toObject());
            stages.append(RemoteStageImport{job.id, job.name, jobStatus(job), jobReason(job),
                                            job.startedAt,
                                            job.isCompleted() ? job.completedAt : QDateTime()});
        }
        RemoteRunImport in;
        in.run = *stored;
        in.repository = link.repository;
        in.remoteId = link.remoteId;
        in.attempt = link.attempt;
        in.url = link.url;
        in.remoteUpdatedAt = link.remoteUpdatedAt;
        in.stages = std::move(stages);
        if (auto recorded = m_store->importRemoteRuns({in}); !recorded) {
            fail(recorded.error());
            return;
        }
        ++m_jobsFetched;
        fetchJobs();
    });
}

// --- RemoteFollowJob ------------------------------------------------------------------

RemoteFollowJob::RemoteFollowJob(ActionsSession *session, HistoryStore *store, qint64 remoteRunId,
                                 FollowOptions options, QObject *parent)
    : ActionsJob(session, parent)
    , m_store(store)
    , m_remoteId(remoteRunId)
    , m_options(std::move(options))
    , m_interval(m_options.pollInterval)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &RemoteFollowJob::poll);
    // Whatever ends the job (a failure, a cancel) ends the polling.
    connect(this, &Job::result, &m_timer, &QTimer::stop);
}

RemoteFollowJob::~RemoteFollowJob() = default;

void RemoteFollowJob::doStart()
{
    poll();
}

void RemoteFollowJob::doCancel()
{
    m_timer.stop();
    ActionsJob::doCancel();
}

void RemoteFollowJob::poll()
{
    if (isFinished())
        return;
    if (!m_session) {
        fail(makeErrorValue(ErrorCode::Internal, tr("the GitHub session is gone")));
        return;
    }
    ++m_polls;
    call(m_session->api().run(m_remoteId), [this](ActionsCall &answer) {
        const bool changed = !answer.notModified() || m_run.id == 0;
        if (changed)
            m_run = parseRun(answer.json().toObject());
        pollJobs(changed);
    });
}

void RemoteFollowJob::pollJobs(bool runMoved)
{
    const bool jobsSettled = m_run.isCompleted() && !m_jobs.isEmpty() &&
                             std::all_of(m_jobs.cbegin(), m_jobs.cend(),
                                         [](const RemoteJob &j) { return j.isCompleted(); });
    if (jobsSettled && !runMoved) {
        afterPoll(false);
        return;
    }
    call(m_session->api().jobs(m_remoteId),
         [this, runMoved](ActionsCall &answer) { readJobs(answer, runMoved); });
}

void RemoteFollowJob::readJobs(const ActionsCall &answer, bool runMoved)
{
    const bool jobsChanged = !answer.notModified() || m_runId == 0;
    if (!runMoved && !jobsChanged) {
        afterPoll(false);
        return;
    }
    // The latest execution of each job: a re-run attempt keeps the jobs that passed.
    m_jobs.clear();
    for (const QJsonValue &v : answer.json().toObject().value(u"jobs").toArray())
        m_jobs.append(parseJob(v.toObject()));
    const RemoteRunImport in =
        toImport(m_run, m_jobs, m_options.workspace, repositoryKey(m_session->api()));
    auto recorded = m_store->importRemoteRuns({in});
    if (!recorded) {
        fail(recorded.error());
        return;
    }
    m_runId = recorded->runIds.value(0);
    if (runMoved)
        emit runChanged(m_run, m_runId);
    for (const RemoteJob &job : std::as_const(m_jobs)) {
        const QString state = job.status + u'/' + job.conclusion;
        if (m_jobStates.value(job.id) != state) {
            m_jobStates.insert(job.id, state);
            emit jobChanged(job);
        }
        for (const RemoteStep &step : job.steps) {
            const QString key = QStringLiteral("%1/%2").arg(job.id).arg(step.number);
            const QString stepState = step.status + u'/' + step.conclusion;
            if (step.status != u"queued" && m_stepStates.value(key) != stepState) {
                m_stepStates.insert(key, stepState);
                emit stepChanged(job, step);
            }
        }
    }
    fetchLogs();
    afterPoll(true);
}

bool RemoteFollowJob::logsDone() const
{
    if (!m_options.fetchLogs)
        return true;
    if (!m_logsInFlight.isEmpty())
        return false;
    auto stages = m_store->remoteStages(m_runId);
    if (!stages)
        return true; // nothing more can be done for them; fetchLogs() reported it
    return std::none_of(stages->cbegin(), stages->cend(), [&](const RemoteStageLink &s) {
        return isFinal(s.status) && s.status != StageStatus::Skipped && !s.logFetched &&
               !m_logsGivenUp.contains(s.jobId);
    });
}

void RemoteFollowJob::afterPoll(bool changed)
{
    if (isFinished())
        return;
    if (m_run.isCompleted()) {
        if (logsDone() && callsInFlight() == 0) {
            emitSuccess();
            return;
        }
        if (!m_logsInFlight.isEmpty())
            return; // the last log stored ends it (storeLog() comes back here)
    }
    m_interval =
        changed ? m_options.pollInterval
                : std::min(m_options.maxPollInterval,
                           milliseconds(qint64(double(m_interval.count()) * m_options.backoff)));
    if (!m_timer.isActive())
        m_timer.start(m_interval);
}

void RemoteFollowJob::fetchLogs()
{
    if (!m_options.fetchLogs || m_runId == 0)
        return;
    auto stages = m_store->remoteStages(m_runId);
    if (!stages) {
        fail(stages.error());
        return;
    }
    for (const RemoteStageLink &stage : *stages) {
        if (isFinal(stage.status) && stage.status != StageStatus::Skipped && !stage.logFetched &&
            !m_logsInFlight.contains(stage.jobId) && !m_logsGivenUp.contains(stage.jobId))
            fetchLog(stage);
    }
}

void RemoteFollowJob::giveUp(const RemoteStageLink &stage, const QString &why)
{
    m_logsInFlight.remove(stage.jobId);
    m_logsGivenUp.insert(stage.jobId);
    emit logLine(why);
    afterPoll(false);
}

void RemoteFollowJob::fetchLog(const RemoteStageLink &stage)
{
    m_logsInFlight.insert(stage.jobId);
    const HttpRequest request = m_session->api().jobLog(stage.jobId);
    const QUrl asked = m_session->api().http().resolve(request.url);
    call(
        request,
        [this, stage, asked](ActionsCall &answer) {
            const QByteArray location = answer.header("location");
            if (answer.status() < 300 || location.isEmpty())
                storeLog(stage, answer.body()); // served directly (a proxy, an older server)
            else
                download(stage, asked.resolved(QUrl::fromEncoded(location)));
        },
        [this, stage](ActionsCall &answer) {
            // Logs are kept 90 days by default, and may be deleted.
            if (answer.status() == 404 || answer.status() == 410)
                storeLog(stage, {});
            else
                giveUp(stage, tr("the log of job \"%1\" could not be fetched: %2")
                                  .arg(stage.name, answer.errorText()));
            return true;
        });
}

void RemoteFollowJob::download(const RemoteStageLink &stage, const QUrl &url)
{
    // The blob URL is signed and short-lived: fetched without the token.
    HttpClient blob(Platform::Generic);
    for (const QByteArray &secret : m_session->api().http().secrets())
        blob.addSecret(secret);
    for (const QByteArray &secret : std::as_const(m_options.secrets))
        blob.addSecret(secret);
    HttpJob *job = blob.send(HttpRequest::get(url), this);
    track(job);
    connect(job, &Job::result, this, [this, job, stage](Job *) {
        job->deleteLater();
        if (job->outcome() == Outcome::Cancelled || isFinished())
            return;
        if (job->outcome() == Outcome::Failed)
            giveUp(stage, tr("the log of job \"%1\" could not be downloaded: %2")
                              .arg(stage.name, job->errorText()));
        else
            storeLog(stage, job->body());
    });
    job->start();
}

void RemoteFollowJob::storeLog(const RemoteStageLink &stage, const QByteArray &body)
{
    m_logsInFlight.remove(stage.jobId);
    SecretMasker masker;
    for (const QByteArray &secret : m_session->api().http().secrets())
        masker.addSecret(secret);
    for (const QByteArray &secret : std::as_const(m_options.secrets))
        masker.addSecret(secret);
    StoredLog log = convertJobLog(body, masker);
    if (body.isEmpty()) {
        log.lines.append(LogLine{QDateTime::currentMSecsSinceEpoch(), LogStream::System,
                                 tr("GitHub no longer has the log of this job").toUtf8()});
    }
    m_annotations += log.annotations;
    // A log stored by an earlier follow that ended before it was marked is not stored twice
    // (nor are its annotations).
    auto existing = m_store->logLineCount(stage.stageId);
    if (existing && *existing == 0) {
        LogWriter *writer = m_store->logWriter();
        for (LogLine &line : log.lines)
            writer->append(m_runId, stage.stageId, std::move(line));
        if (auto flushed = writer->flush(); !flushed) {
            fail(flushed.error());
            return;
        }
        if (auto added = m_store->addAnnotations(m_runId, stage.name, log.annotations); !added) {
            fail(added.error());
            return;
        }
    }
    if (auto marked = m_store->markRemoteLogFetched(stage.stageId); !marked) {
        fail(marked.error());
        return;
    }
    emit logStored(stage.stageId, stage.name, qint64(log.lines.size()));
    afterPoll(false);
}

// --- DispatchJob ----------------------------------------------------------------------

DispatchJob::DispatchJob(ActionsSession *session, QString workflow, QString ref, QJsonObject inputs,
                         QObject *parent)
    : ActionsJob(session, parent)
    , m_workflow(std::move(workflow))
    , m_ref(std::move(ref))
    , m_inputs(std::move(inputs))
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &DispatchJob::lookForRun);
    connect(this, &Job::result, &m_timer, &QTimer::stop);
}

DispatchJob::~DispatchJob() = default;

void DispatchJob::doStart()
{
    if (!m_session) {
        fail(makeErrorValue(ErrorCode::Internal, tr("the GitHub session is gone")));
        return;
    }
    m_sentAt = QDateTime::currentDateTimeUtc();
    call(m_session->api().dispatch(m_workflow, m_ref, m_inputs), [this](ActionsCall &answer) {
        const QJsonObject details = answer.json().toObject();
        if (answer.status() == 200 && details.contains(u"workflow_run_id")) {
            m_runId = qint64(details.value(u"workflow_run_id").toDouble());
            m_htmlUrl = details.value(u"html_url").toString();
            emitSuccess();
            return;
        }
        lookForRun(); // 204: GitHub did not say which run it made
    });
}

void DispatchJob::doCancel()
{
    m_timer.stop();
    ActionsJob::doCancel();
}

void DispatchJob::lookForRun()
{
    if (isFinished())
        return;
    RunQuery query;
    query.workflow = m_workflow;
    query.event = QStringLiteral("workflow_dispatch");
    query.branch = m_ref.startsWith(u"refs/heads/") ? m_ref.mid(11) : m_ref;
    // GitHub's clock may differ from ours: a margin, then the newest run after the margin.
    query.created = QStringLiteral(">=") + m_sentAt.addSecs(-60).toString(Qt::ISODate);
    query.perPage = 20;
    call(m_session->api().runs(query), [this](ActionsCall &answer) {
        RemoteRun newest;
        for (const QJsonValue &v : answer.json().toObject().value(u"workflow_runs").toArray()) {
            const RemoteRun run = parseRun(v.toObject());
            if (run.createdAt.isValid() && run.createdAt < m_sentAt.addSecs(-10))
                continue;
            if (run.id > newest.id)
                newest = run;
        }
        if (newest.id != 0) {
            m_runId = newest.id;
            m_htmlUrl = newest.htmlUrl;
            emitSuccess();
            return;
        }
        if (++m_looks >= 30) {
            fail(makeErrorValue(ErrorCode::Timeout,
                                tr("GitHub accepted the dispatch of %1 on %2, but no run of it "
                                   "appeared within a minute; see the repository's Actions page")
                                    .arg(m_workflow, m_ref)));
            return;
        }
        m_timer.start(seconds(2));
    });
}

} // namespace DeployDesk::GitHub
