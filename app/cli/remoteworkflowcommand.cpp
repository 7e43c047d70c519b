// deploydeskctl workflow remote | import | dispatch | follow | cancel | rerun | approve |
// reject: a repository's GitHub Actions runs on GitHub's runners, in the history.

#include "cli.h"

#include "common/paths.h"
#include "common/translate.h"
#include "config/workflowloader.h"
#include "integrations/github/actionsapi.h"
#include "integrations/github/deploymentreporter.h"
#include "integrations/github/remoteruns.h"
#include "integrations/github/workflowplan.h"
#include "net/platform.h"
#include "run/gitinfo.h"
#include "secrets/secretstore.h"
#include "store/historystore.h"

#include <QDir>
#include <QEventLoop>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>

namespace DeployDesk::Cli {

using namespace GitHub;

namespace {

const QCommandLineOption kPoll(QStringLiteral("poll"),
                               tr("Ask GitHub every this many seconds while the run changes "
                                  "(default 3; ten times longer at most while nothing changes)."),
                               QStringLiteral("seconds"));
const QCommandLineOption kRepo(QStringLiteral("repo"),
                               tr("The GitHub repository, owner/name (default: the git remote "
                                  "origin)."),
                               QStringLiteral("owner/name"));
const QCommandLineOption kRef(QStringLiteral("ref"),
                              tr("The branch or tag to dispatch on (default: the current "
                                 "branch)."),
                              QStringLiteral("ref"));
const QCommandLineOption kNoFollow(QStringLiteral("no-follow"),
                                   tr("Do not follow the run after dispatching it."));
const QCommandLineOption kRemoteWorkflow(QStringLiteral("workflow"),
                                         tr("Only the runs of this workflow (file name or id)."),
                                         QStringLiteral("workflow"));
const QCommandLineOption kLimit(QStringLiteral("limit"),
                                tr("At most this many runs (default 1000)."), QStringLiteral("n"),
                                QStringLiteral("1000"));
const QCommandLineOption kJobsFor(QStringLiteral("jobs"),
                                  tr("Fetch the jobs of at most this many runs (default 50)."),
                                  QStringLiteral("n"), QStringLiteral("50"));
const QCommandLineOption kEnvironmentName(QStringLiteral("environment"),
                                          tr("The GitHub environment to review (repeatable; "
                                             "default: every one the run waits for)."),
                                          QStringLiteral("name"));
const QCommandLineOption kComment(QStringLiteral("comment"),
                                  tr("The review's comment (recorded on GitHub and here)."),
                                  QStringLiteral("text"));

// The session for the workspace's repository (--repo, else GITHUB_REPOSITORY or the git
// remote) with the GITHUB_TOKEN secret; nullptr after saying what is missing.
std::unique_ptr<ActionsSession> openSession(Context &ctx, const QString &repoOption)
{
    const QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    auto place = locateGitHub(ctx.workspace, env);
    if (!place) {
        ctx.err(place.error().toString());
        return nullptr;
    }
    std::optional<Repository> repository;
    if (!repoOption.isEmpty()) {
        repository = Repository::parse(repoOption);
        if (!repository) {
            ctx.err(tr("--repo needs owner/name; found \"%1\"").arg(repoOption));
            return nullptr;
        }
    } else if (!place->owner.isEmpty()) {
        repository = Repository{place->owner, place->repository};
    }
    if (!repository) {
        ctx.err(tr("no GitHub repository: the workspace %1 has no GitHub remote named origin; "
                   "name one with --repo owner/name or with \"github: repository:\" in "
                   "deploydesk.yml")
                    .arg(ctx.workspace));
        return nullptr;
    }
    auto token = ctx.secrets()->value(QStringLiteral("GITHUB_TOKEN"));
    if (!token || token->isEmpty()) {
        ctx.err(tr("the secret GITHUB_TOKEN is not set: set a GitHub token with the actions "
                   "scope with `deploydeskctl secrets set GITHUB_TOKEN`"));
        return nullptr;
    }
    if (!place->notice.isEmpty())
        ctx.err(place->notice);
    return std::make_unique<ActionsSession>(
        ActionsApi(*repository, place->apiUrl, token->toUtf8()));
}

void printQuota(Context &ctx, const ActionsSession &session)
{
    const RateLimit limit = session.rateLimit();
    if (limit.known())
        ctx.err(tr("GitHub API: %1").arg(limit.toString()));
}

qint64 remoteRunId(Context &ctx, const QString &text)
{
    bool ok = false;
    const qint64 id = text.toLongLong(&ok);
    if (!ok || id <= 0) {
        ctx.err(tr("\"%1\" is not a GitHub run id (the number in the run's URL, "
                   ".../actions/runs/NUMBER)")
                    .arg(text));
        return 0;
    }
    return id;
}

QString stateText(const QString &status, const QString &conclusion)
{
    return conclusion.isEmpty() ? QString(status).replace(u'_', u' ') : conclusion;
}

int remoteList(Context &ctx, const QString &repo, bool json)
{
    auto session = openSession(ctx, repo);
    if (!session)
        return ExitInvalid;
    ActionsCall *call = session->call(session->api().workflows(), session.get());
    runToEnd(call);
    if (call->outcome() != Job::Outcome::Success) {
        ctx.err(call->errorText());
        return ExitFailed;
    }
    const QJsonArray workflows = call->json().toObject().value(u"workflows").toArray();
    if (json) {
        ctx.out(QString::fromUtf8(QJsonDocument(workflows).toJson()).trimmed());
    } else {
        ctx.out(tr("%n workflow(s) of %1 on GitHub:", nullptr, int(workflows.size()))
                    .arg(session->api().repository().fullName()));
        for (const QJsonValue &v : workflows) {
            const RemoteWorkflow w = parseWorkflow(v.toObject());
            ctx.out(QStringLiteral("  %1  %2  %3  (id %4)").arg(w.name, w.path, w.state).arg(w.id));
        }
    }
    printQuota(ctx, *session);
    return ExitSuccess;
}

int importRuns(Context &ctx, const QString &repo, const QString &workflow, int limit, int jobsFor)
{
    auto session = openSession(ctx, repo);
    if (!session)
        return ExitInvalid;
    auto store = ctx.store();
    if (!store) {
        ctx.err(store.error().toString());
        return ExitInvalid;
    }
    ImportOptions options;
    options.workspace = ctx.workspace;
    options.workflow = workflow;
    options.maxRuns = limit;
    options.jobsFor = jobsFor;
    RemoteImportJob job(session.get(), *store, options);
    QObject::connect(&job, &Job::logLine, &job, [&](const QString &line) { ctx.err(line); });
    runToEnd(&job);
    if (job.outcome() != Job::Outcome::Success) {
        ctx.err(job.errorText());
        const RemoteImportResult &t = job.totals();
        if (t.added + t.updated > 0)
            ctx.err(
                tr("recorded before the failure: %1 new, %2 updated").arg(t.added).arg(t.updated));
        return ExitFailed;
    }
    const RemoteImportResult &t = job.totals();
    ctx.out(tr("%1: %2 new run(s), %3 updated, %4 unchanged (%5 page(s)); jobs fetched for %6 "
               "run(s)")
                .arg(session->api().repository().fullName())
                .arg(t.added)
                .arg(t.updated)
                .arg(t.unchanged)
                .arg(job.pages())
                .arg(job.jobsFetched()));
    printQuota(ctx, *session);
    return ExitSuccess;
}

int followRun(Context &ctx, ActionsSession &session, qint64 remoteId)
{
    auto store = ctx.store();
    if (!store) {
        ctx.err(store.error().toString());
        return ExitInvalid;
    }
    FollowOptions options;
    options.workspace = ctx.workspace;
    if (ctx.args.isSet(kPoll)) {
        bool ok = false;
        const double secs = ctx.args.value(kPoll).toDouble(&ok);
        if (!ok || secs < 0.05 || secs > 3600) {
            ctx.err(tr("--poll needs a number of seconds between 0.05 and 3600; found \"%1\"")
                        .arg(ctx.args.value(kPoll)));
            return ExitInvalid;
        }
        options.pollInterval = std::chrono::milliseconds(qint64(secs * 1000));
        options.maxPollInterval = options.pollInterval * 10;
    }
    RemoteFollowJob job(&session, *store, remoteId, options);
    bool announced = false;
    QObject::connect(&job, &Job::logLine, &job, [&](const QString &line) { ctx.err(line); });
    QObject::connect(&job, &RemoteFollowJob::runChanged, &job,
                     [&](const RemoteRun &run, qint64 runId) {
                         if (!announced) {
                             announced = true;
                             ctx.out(tr("run %1: GitHub run %2 of \"%3\" (attempt %4) on %5, %6")
                                         .arg(runId)
                                         .arg(run.id)
                                         .arg(run.name)
                                         .arg(run.runAttempt)
                                         .arg(run.branch, run.htmlUrl));
                         }
                     });
    QObject::connect(&job, &RemoteFollowJob::jobChanged, &job, [&](const RemoteJob &j) {
        ctx.out(QStringLiteral("  %1: %2").arg(j.name, stateText(j.status, j.conclusion)));
    });
    QObject::connect(
        &job, &RemoteFollowJob::stepChanged, &job, [&](const RemoteJob &j, const RemoteStep &step) {
            ctx.out(QStringLiteral("  %1 › %2: %3")
                        .arg(j.name, step.name, stateText(step.status, step.conclusion)));
        });
    QObject::connect(
        &job, &RemoteFollowJob::logStored, &job, [&](qint64, const QString &name, qint64 lines) {
            ctx.out(tr("  %1: log stored (%n line(s))", nullptr, int(lines)).arg(name));
        });
    runToEnd(&job);
    if (job.outcome() != Job::Outcome::Success) {
        ctx.err(job.errorText());
        printQuota(ctx, session);
        return ExitFailed;
    }
    const RemoteRun &run = job.remoteRun();
    for (const Annotation &annotation : job.annotations())
        ctx.out(QStringLiteral("  ") + annotationText(annotation));
    ctx.out(tr("run %1: %2 on GitHub (%3)")
                .arg(job.runId())
                .arg(stateText(run.status, run.conclusion), run.htmlUrl));
    printQuota(ctx, session);
    return runStatus(run) == RunStatus::Success ? ExitSuccess : ExitFailed;
}

// Inputs for a dispatch: checked against the workflow file's typed inputs when the file is
// in the workspace, then sent as strings (GitHub wants strings).
std::optional<QJsonObject> dispatchInputs(Context &ctx, const QString &workflowFile,
                                          const QStringList &given)
{
    QMap<QString, QString> values;
    for (const QString &input : given) {
        const qsizetype eq = input.indexOf(u'=');
        if (eq <= 0) {
            ctx.err(tr("--input needs name=value; found \"%1\"").arg(input));
            return std::nullopt;
        }
        values.insert(input.left(eq), input.mid(eq + 1));
    }
    const QString local =
        QDir(ctx.workspace)
            .filePath(QStringLiteral(".github/workflows/") + QFileInfo(workflowFile).fileName());
    QJsonObject inputs;
    if (QFileInfo::exists(local)) {
        const WorkflowLoadResult loaded = WorkflowLoader::loadFile(local, ctx.workspace);
        if (!loaded.ok()) {
            for (const Diagnostic &d : loaded.diagnostics)
                ctx.err(d.toString());
            return std::nullopt;
        }
        QStringList problems;
        if (!loaded.workflow.on.has(QStringLiteral("workflow_dispatch")))
            problems.append(tr("%1 has no workflow_dispatch trigger: GitHub would refuse to "
                               "dispatch it")
                                .arg(loaded.workflow.displayPath));
        const QJsonObject typed = workflowInputs(loaded.workflow, values, problems);
        if (!problems.isEmpty()) {
            for (const QString &p : std::as_const(problems))
                ctx.err(p);
            return std::nullopt;
        }
        for (auto it = typed.begin(); it != typed.end(); ++it) {
            if (!values.contains(it.key()))
                continue; // GitHub fills defaults itself
            inputs.insert(it.key(), values.value(it.key()));
        }
        return inputs;
    }
    for (auto it = values.begin(); it != values.end(); ++it)
        inputs.insert(it.key(), it.value());
    return inputs;
}

int dispatch(Context &ctx, const QString &repo, const QString &workflow, QString ref,
             const QStringList &inputArgs, bool follow)
{
    const std::optional<QJsonObject> inputs = dispatchInputs(ctx, workflow, inputArgs);
    if (!inputs)
        return ExitInvalid;
    if (ref.isEmpty())
        ref = readGitInfo(ctx.workspace).branch;
    if (ref.isEmpty()) {
        ctx.err(tr("no ref to dispatch on: the workspace is not on a branch; give one with "
                   "--ref"));
        return ExitInvalid;
    }
    auto session = openSession(ctx, repo);
    if (!session)
        return ExitInvalid;
    const QString id = workflow.contains(u'/') ? QFileInfo(workflow).fileName() : workflow;
    DispatchJob job(session.get(), id, ref, *inputs);
    QObject::connect(&job, &Job::logLine, &job, [&](const QString &line) { ctx.err(line); });
    runToEnd(&job);
    if (job.outcome() != Job::Outcome::Success) {
        ctx.err(job.errorText());
        printQuota(ctx, *session);
        return ExitFailed;
    }
    ctx.out(tr("dispatched %1 on %2: GitHub run %3 %4")
                .arg(id, ref)
                .arg(job.remoteRunId())
                .arg(job.htmlUrl()));
    if (!follow) {
        printQuota(ctx, *session);
        return ExitSuccess;
    }
    return followRun(ctx, *session, job.remoteRunId());
}

// The history's run for a remote run (its newest attempt), 0 when it is not recorded.
qint64 recordedRun(Context &ctx, const ActionsSession &session, qint64 remoteId)
{
    auto store = ctx.store();
    if (!store)
        return 0;
    auto attempts = (*store)->remoteRunAttempts(QLatin1String(kProvider),
                                                repositoryKey(session.api()), remoteId);
    return attempts && !attempts->isEmpty() ? attempts->first().runId : 0;
}

// The token's and every known secret's values, for text the user typed.
SecretMasker secretMasker(Context &ctx, const ActionsSession &session)
{
    return ctx.secrets()->masker(session.api().http().secrets());
}

// Records an event of the history's run `runId` (none when 0), its parameters masked like
// everything a run records.
void recordEvent(Context &ctx, const ActionsSession &session, qint64 runId, EventKind kind,
                 const EventParams &params)
{
    if (runId == 0)
        return;
    auto store = ctx.store();
    if (!store)
        return;
    const SecretMasker masker = secretMasker(ctx, session);
    EventRecord e;
    e.runId = runId;
    e.at = QDateTime::currentDateTimeUtc();
    e.kind = kind;
    for (auto it = params.begin(); it != params.end(); ++it)
        e.params.insert(it.key(), masker.maskText(it.value()));
    e.who = Paths::currentUser();
    if (auto added = (*store)->addEvent(e); !added)
        ctx.err(added.error().toString());
}

int simpleCall(Context &ctx, const QString &repo, qint64 remoteId, bool rerun, bool follow)
{
    auto session = openSession(ctx, repo);
    if (!session)
        return ExitInvalid;
    ActionsCall *call = session->call(rerun ? session->api().rerunFailedJobs(remoteId)
                                            : session->api().cancel(remoteId),
                                      session.get());
    runToEnd(call);
    if (call->outcome() != Job::Outcome::Success) {
        ctx.err(call->errorText());
        printQuota(ctx, *session);
        return ExitFailed;
    }
    const qint64 runId = recordedRun(ctx, *session, remoteId);
    if (rerun) {
        recordEvent(
            ctx, *session, runId, EventKind::GitHub,
            {{QStringLiteral("detail"), tr("re-run of the failed jobs requested on GitHub by %1")
                                            .arg(Paths::currentUser())}});
        ctx.out(tr("GitHub re-runs the failed jobs of run %1").arg(remoteId));
        if (follow)
            return followRun(ctx, *session, remoteId);
    } else {
        recordEvent(ctx, *session, runId, EventKind::CancelRequested,
                    {{QStringLiteral("by"), Paths::currentUser()},
                     {QStringLiteral("pid"), QString::number(QCoreApplication::applicationPid())}});
        ctx.out(tr("cancel of GitHub run %1 requested").arg(remoteId));
    }
    printQuota(ctx, *session);
    return ExitSuccess;
}

int review(Context &ctx, const QString &repo, qint64 remoteId, bool approve,
           const QStringList &environments, const QString &comment)
{
    auto session = openSession(ctx, repo);
    if (!session)
        return ExitInvalid;
    // GitHub shows the comment to everyone who can read the run: a pasted token goes no
    // further than here.
    if (secretMasker(ctx, *session).maskText(comment) != comment) {
        ctx.err(tr("the comment holds the value of a secret (GITHUB_TOKEN or another secret "
                   "DeployDesk knows), and GitHub would show it to everyone who can read the "
                   "run: take it out of --comment; nothing was sent"));
        return ExitInvalid;
    }
    ActionsCall *pendingCall =
        session->call(session->api().pendingDeployments(remoteId), session.get());
    runToEnd(pendingCall);
    if (pendingCall->outcome() != Job::Outcome::Success) {
        ctx.err(pendingCall->errorText());
        return ExitFailed;
    }
    const QList<PendingDeployment> pending = parsePendingDeployments(pendingCall->json().toArray());
    if (pending.isEmpty()) {
        ctx.err(tr("GitHub run %1 waits for no deployment approval").arg(remoteId));
        return ExitInvalid;
    }
    QList<qint64> ids;
    QStringList names;
    QStringList waiting;
    for (const PendingDeployment &p : pending) {
        waiting.append(p.environment);
        if (!environments.isEmpty() && !environments.contains(p.environment))
            continue;
        if (!p.canApprove) {
            ctx.err(tr("you may not review deployments to %1 (its reviewers: %2)")
                        .arg(p.environment, p.reviewers.join(QStringLiteral(", "))));
            return ExitInvalid;
        }
        ids.append(p.environmentId);
        names.append(p.environment);
    }
    for (const QString &asked : environments) {
        if (!names.contains(asked)) {
            ctx.err(tr("GitHub run %1 does not wait for %2; it waits for: %3")
                        .arg(remoteId)
                        .arg(asked, waiting.join(QStringLiteral(", "))));
            return ExitInvalid;
        }
    }
    ActionsCall *call = session->call(
        session->api().reviewDeployments(remoteId, ids, approve, comment), session.get());
    runToEnd(call);
    if (call->outcome() != Job::Outcome::Success) {
        ctx.err(call->errorText());
        return ExitFailed;
    }
    const qint64 runId = recordedRun(ctx, *session, remoteId);
    for (const QString &name : std::as_const(names)) {
        EventParams params{{QStringLiteral("environment"), name},
                           {QStringLiteral("by"), Paths::currentUser()}};
        if (!comment.isEmpty())
            params.insert(QStringLiteral("reason"), comment);
        recordEvent(ctx, *session, runId, approve ? EventKind::Approved : EventKind::Refused,
                    params);
    }
    ctx.out(approve ? tr("deployment to %1 approved on GitHub run %2")
                          .arg(names.join(QStringLiteral(", ")))
                          .arg(remoteId)
                    : tr("deployment to %1 rejected on GitHub run %2")
                          .arg(names.join(QStringLiteral(", ")))
                          .arg(remoteId));
    printQuota(ctx, *session);
    return ExitSuccess;
}

} // namespace

QList<QCommandLineOption> remoteWorkflowOptions()
{
    return {kRepo,    kRef, kNoFollow, kRemoteWorkflow, kLimit, kJobsFor, kEnvironmentName,
            kComment, kPoll};
}

// -1: not a remote subcommand.
int remoteWorkflow(Context &ctx, const QStringList &args, const QCommandLineOption &inputOption,
                   const QCommandLineOption &jsonOption)
{
    const QString sub = args.value(1);
    const QString repo = ctx.args.value(kRepo);
    if (sub == u"remote" && args.size() == 2)
        return remoteList(ctx, repo, ctx.args.isSet(jsonOption));
    if (sub == u"import" && args.size() == 2) {
        bool okLimit = false;
        bool okJobs = false;
        const int limit = ctx.args.value(kLimit).toInt(&okLimit);
        const int jobs = ctx.args.value(kJobsFor).toInt(&okJobs);
        if (!okLimit || limit < 1 || !okJobs || jobs < 0) {
            ctx.err(tr("--limit needs a whole number of at least 1 and --jobs one of at least 0"));
            return ExitInvalid;
        }
        return importRuns(ctx, repo, ctx.args.value(kRemoteWorkflow), limit, jobs);
    }
    if (sub == u"dispatch" && args.size() == 3)
        return dispatch(ctx, repo, args.at(2), ctx.args.value(kRef), ctx.args.values(inputOption),
                        !ctx.args.isSet(kNoFollow));
    if ((sub == u"follow" || sub == u"cancel" || sub == u"rerun" || sub == u"approve" ||
         sub == u"reject") &&
        args.size() == 3) {
        const qint64 id = remoteRunId(ctx, args.at(2));
        if (id == 0)
            return ExitInvalid;
        if (sub == u"follow") {
            auto session = openSession(ctx, repo);
            return session ? followRun(ctx, *session, id) : ExitInvalid;
        }
        if (sub == u"cancel" || sub == u"rerun")
            return simpleCall(ctx, repo, id, sub == u"rerun", !ctx.args.isSet(kNoFollow));
        return review(ctx, repo, id, sub == u"approve", ctx.args.values(kEnvironmentName),
                      ctx.args.value(kComment));
    }
    return -1;
}

} // namespace DeployDesk::Cli
