#include "integrations/github/githubjobstage.h"

#include "common/globfiles.h"
#include "common/translate.h"
#include "config/expression.h"
#include "config/workflowloader.h"
#include "engine/processrunner.h"
#include "integrations/github/githubfiles.h"
#include "integrations/github/jobconcurrency.h"
#include "integrations/github/jobscratch.h"
#include "integrations/github/workflowcommands.h"
#include "integrations/github/workflowplan.h"
#include "log/secretmasker.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMutex>
#include <QRegularExpression>
#include <QSaveFile>
#include <QSysInfo>

namespace DeployDesk {

namespace {

QJsonObject parseObject(const QVariant &value)
{
    return QJsonDocument::fromJson(value.toString().toUtf8()).object();
}

QString runnerArch()
{
    const QString arch = QSysInfo::currentCpuArchitecture();
    if (arch == u"x86_64")
        return QStringLiteral("X64");
    if (arch == u"arm64")
        return QStringLiteral("ARM64");
    if (arch == u"arm")
        return QStringLiteral("ARM");
    return QStringLiteral("X86");
}

QString shellQuote(const QString &text)
{
    QString quoted = text;
    quoted.replace(u'\'', QStringLiteral("'\\''"));
    return u'\'' + quoted + u'\'';
}

// GitHub's hashFiles(): the SHA-256 of the SHA-256s of the regular files the patterns
// match below the workspace (`!pattern` leaves files out), in path order; "" when none.
std::expected<QString, QString> hashFiles(const QString &workspace, const QStringList &patterns)
{
    QStringList files;
    QStringList excluded;
    for (const QString &pattern : patterns) {
        if (pattern.startsWith(u'!'))
            excluded.append(pattern.mid(1));
        else
            files += filesMatchingGlob(workspace, pattern);
    }
    files.removeDuplicates();
    files.sort();
    QCryptographicHash outer(QCryptographicHash::Sha256);
    int hashed = 0;
    for (const QString &path : std::as_const(files)) {
        if (std::any_of(excluded.cbegin(), excluded.cend(),
                        [&](const QString &p) { return matchesGlob(p, path); }))
            continue;
        QFile file(QDir(workspace).filePath(path));
        if (!QFileInfo(file.fileName()).isFile() || QFileInfo(file.fileName()).isSymLink())
            continue;
        if (!file.open(QIODevice::ReadOnly))
            return std::unexpected(
                tr("hashFiles(): cannot read %1: %2").arg(path, file.errorString()));
        QCryptographicHash inner(QCryptographicHash::Sha256);
        if (!inner.addData(&file))
            return std::unexpected(
                tr("hashFiles(): cannot read %1: %2").arg(path, file.errorString()));
        outer.addData(inner.result());
        ++hashed;
    }
    return hashed ? QString::fromLatin1(outer.result().toHex()) : QString();
}

// The jobs of a run read the same workflow file: it is loaded once while its path, size and
// modification time stay the same (a 200-job file was read 200 times, 2 s of a 5 s run).
std::shared_ptr<const WorkflowLoadResult> loadWorkflow(const QString &path,
                                                       const QString &workspaceDir)
{
    static QMutex mutex;
    static QString cachedKey;
    static std::shared_ptr<const WorkflowLoadResult> cached;
    const QFileInfo info(path);
    const QString key = QStringLiteral("%1\n%2\n%3\n%4")
                            .arg(info.absoluteFilePath(), workspaceDir)
                            .arg(info.size())
                            .arg(info.lastModified().toMSecsSinceEpoch());
    QMutexLocker lock(&mutex);
    if (!cached || key != cachedKey) {
        cached = std::make_shared<const WorkflowLoadResult>(
            WorkflowLoader::loadFile(path, workspaceDir));
        cachedKey = key;
    }
    return cached;
}

// A file the step writes to (GITHUB_OUTPUT...), read when it ends; bounded like GitHub.
Result<QByteArray> readStepFile(const QString &path, const QString &what)
{
    QFile file(path);
    if (!file.exists())
        return QByteArray();
    if (auto size = checkGitHubFileSize(file.size(), what); !size)
        return std::unexpected(size.error());
    if (!file.open(QIODevice::ReadOnly)) {
        return makeError(ErrorCode::Io,
                         tr("cannot read %1 (%2): %3").arg(what, path, file.errorString()));
    }
    return file.readAll();
}

} // namespace

struct GitHubJobStage::Private
{
    GitHubJobStage *q = nullptr;
    Workflow workflow;
    const WorkflowJob *job = nullptr;
    ExprContext context;
    QProcessEnvironment baseEnv; // the process environment every step starts from
    QList<std::pair<QString, QString>> envFromFiles; // GITHUB_ENV, in order
    QStringList pathAdded;                           // GITHUB_PATH, in the order added
    std::optional<RunnerTemp> temp;                  // RUNNER_TEMP
    std::unique_ptr<JobConcurrency> concurrency;     // the job's `concurrency:` group
    SecretMasker masker;
    // The steps being run: the job's, and above them those of the local composite
    // actions being run (a step of the frame below runs the frame above).
    struct Frame
    {
        const QList<WorkflowStep> *steps = nullptr;
        std::shared_ptr<const LocalAction> action; // null for the job
        int index = -1;
        bool failed = false;
        QString failure; // the first failed step
        QString label;   // "./path › " before the names of its steps
        // For an action: its outer step, and the contexts to restore when it ends.
        QString outerName;
        bool outerContinueOnError = false;
        QJsonObject savedSteps, savedInputs, savedEnv;
    };
    QList<Frame> frames;
    QList<Annotation> annotations; // masked
    // Hands the annotations to the stage's result, just before it is emitted.
    void publishAnnotations()
    {
        for (const Annotation &a : std::as_const(annotations))
            q->addAnnotation(a);
        annotations.clear();
    }
    // A step that was not run here: a warning, as GitHub shows one for what it skipped.
    void notRun(const QString &why)
    {
        Annotation a;
        a.level = Annotation::Level::Warning;
        a.message = masker.maskText(
            tr("step %1 \"%2\" was not run: %3").arg(frame().index + 1).arg(stepName, why));
        annotations.append(a);
    }

    Frame &frame() { return frames.last(); }
    const WorkflowStep &currentStep() { return frame().steps->at(frame().index); }
    void stepFailed(const QString &why)
    {
        Frame &f = frame();
        if (f.failed)
            return;
        f.failed = true;
        f.failure = tr("step %1 \"%2\" failed: %3").arg(f.index + 1).arg(stepName, why);
    }

    // The running step.
    ProcessRunner *runner = nullptr;
    WorkflowCommandParser parsers[2];
    QElapsedTimer stepTimer;
    QString stepName;
    QString stepKey; // its id, or "__run_N"
    bool continueOnError = false;
    QJsonObject deprecatedOutputs; // ::set-output
    QString outputFile, envFile, pathFile, summaryFile;
    bool stepFailedByCommand = false;
    // Log groups the step opened (::group::) and did not close: closed with the step's own
    // group when it ends, so the log viewer folds each step on its own.
    int openGroups = 0;
    void endStepGroups()
    {
        for (; openGroups > 0; --openGroups)
            log(QStringLiteral("##[endgroup]"));
        log(QStringLiteral("##[endgroup]"));
    }

    void log(const QString &line) { emit q->logLine(masker.maskText(line)); }
    void logBytes(const QByteArray &line) { emit q->logLine(QString::fromUtf8(masker.mask(line))); }

    QJsonObject envContext() const
    {
        return context.contexts.value(QStringLiteral("env")).toObject();
    }

    void setContext(const QString &name, const QJsonValue &value)
    {
        context.contexts.insert(name, value);
    }

    // Evaluates `text` (a template) in the current context.
    Result<QString> evaluate(const WorkflowText &text, const QString &what)
    {
        if (!text.text.contains(QLatin1String("${{")))
            return text.text;
        const auto parsed = ExprTemplate::parse(text.text);
        if (!parsed) {
            return makeError(
                ErrorCode::Invalid,
                tr("%1: %2: %3").arg(text.where.toString(), what, parsed.error().message));
        }
        const auto value = parsed->evaluate(context);
        if (!value) {
            return makeError(
                ErrorCode::Invalid,
                tr("%1: %2: %3").arg(text.where.toString(), what, value.error().message));
        }
        return *value;
    }

    Result<QJsonValue> evaluateValue(const WorkflowText &text, const QString &what)
    {
        const auto parsed = ExprTemplate::parse(text.text);
        if (!parsed) {
            return makeError(
                ErrorCode::Invalid,
                tr("%1: %2: %3").arg(text.where.toString(), what, parsed.error().message));
        }
        const auto value = parsed->evaluateValue(context);
        if (!value) {
            return makeError(
                ErrorCode::Invalid,
                tr("%1: %2: %3").arg(text.where.toString(), what, value.error().message));
        }
        return *value;
    }

    // Adds `variables` (evaluated in order, each seeing the ones before) to the env context.
    Result<void> addEnv(const WorkflowVariables &variables, const QString &what)
    {
        QJsonObject env = envContext();
        for (const auto &[name, text] : variables) {
            setContext(QStringLiteral("env"), env);
            if (name.isEmpty()) { // `env: ${{ fromJSON(...) }}`
                auto value = evaluateValue(text, what);
                if (!value)
                    return std::unexpected(value.error());
                const QJsonObject object = value->toObject();
                for (auto it = object.begin(); it != object.end(); ++it)
                    env.insert(it.key(), exprToString(it.value()));
                continue;
            }
            auto value = evaluate(text, tr("\"%1\" in %2").arg(name, what));
            if (!value)
                return std::unexpected(value.error());
            env.insert(name, *value);
        }
        setContext(QStringLiteral("env"), env);
        return {};
    }

    QString stageDir() const { return outputsDir(q->context().stateDir, q->context().runId); }

    void writeResult(const QString &result, const QJsonObject &outputs)
    {
        JobResults::write(
            stageDir(), q->context().stageName,
            QJsonObject{{QStringLiteral("result"), result}, {QStringLiteral("outputs"), outputs}});
    }

    QJsonObject readNeeds(const QJsonObject &needs) const
    {
        QJsonObject context;
        for (auto it = needs.begin(); it != needs.end(); ++it) {
            QJsonObject outputs;
            QString result = QStringLiteral("success");
            bool anyRan = false;
            for (const QJsonValue &stage : it.value().toArray()) {
                const std::optional<QJsonObject> found =
                    JobResults::read(stageDir(), stage.toString());
                if (!found)
                    continue;
                const QJsonObject &leg = *found;
                const QJsonObject legOutputs = leg.value(QStringLiteral("outputs")).toObject();
                for (auto o = legOutputs.begin(); o != legOutputs.end(); ++o)
                    outputs.insert(o.key(), o.value());
                const QString legResult = leg.value(QStringLiteral("result")).toString();
                if (legResult == u"failure")
                    result = legResult;
                if (legResult != u"skipped")
                    anyRan = true;
            }
            if (!anyRan && result != u"failure")
                result = QStringLiteral("skipped");
            context.insert(it.key(), QJsonObject{{QStringLiteral("result"), result},
                                                 {QStringLiteral("outputs"), outputs}});
        }
        return context;
    }

    void setJobStatus()
    {
        setContext(QStringLiteral("job"), QJsonObject{{QStringLiteral("status"),
                                                       frame().failed ? QStringLiteral("failure")
                                                                      : QStringLiteral("success")},
                                                      {QStringLiteral("container"), QJsonObject()},
                                                      {QStringLiteral("services"), QJsonObject()}});
        context.status.failed = frame().failed;
    }

    Result<void> prepare();
    void enterConcurrencyGroup();
    void nextStep();
    void startScript(const WorkflowStep &step);
    void onOutput(LogStream stream, const QByteArray &chunk);
    void handleLines(const QList<WorkflowCommandParser::Line> &lines);
    void onStepDone(const ProcessResult &result);
    void recordStep(const QString &outcome, const QString &conclusion, const QJsonObject &outputs);
    void finishJob();
    void startAction(const WorkflowStep &step, const QString &uses);
    void finishAction();
};

GitHubJobStage::GitHubJobStage(QObject *parent)
    : BuiltinStage(parent)
    , d(std::make_unique<Private>())
{
    d->q = this;
}

GitHubJobStage::~GitHubJobStage() = default;

QString GitHubJobStage::outputsDir(const QString &stateDir, qint64 runId)
{
    return QDir(stateDir).filePath(QStringLiteral("github-jobs/run-%1").arg(runId));
}

void GitHubJobStage::doStart()
{
    if (auto ok = d->prepare(); !ok) {
        d->writeResult(QStringLiteral("failure"), {});
        emitFailure(ok.error());
        return;
    }
    // The job's `if:` that reads `needs` or calls a status function is known only now (the
    // plan decided the others). Its status functions see the jobs it needs: failure() is
    // true when one of them failed; the implicit success() is false when one did not
    // succeed (failed, was skipped or cancelled).
    if (d->job->condition.isSet()) {
        const QString written = d->job->condition.text.trimmed();
        const auto condition = Condition::parse(d->job->condition.text);
        bool allSucceeded = true;
        const QJsonObject needs = d->context.contexts.value(QStringLiteral("needs")).toObject();
        for (auto it = needs.begin(); it != needs.end(); ++it) {
            const QString result = it.value().toObject().value(QStringLiteral("result")).toString();
            allSucceeded = allSucceeded && result == u"success";
            if (result == u"failure")
                d->context.status.failed = true;
        }
        d->context.status.needNotSucceeded = !allSucceeded;
        const bool skipAtOnce = condition && condition->hasImplicitSuccess() && !allSucceeded;
        const auto value = skipAtOnce ? std::expected<bool, ExprError>(false)
                           : condition
                               ? condition->evaluate(d->context)
                               : std::expected<bool, ExprError>(std::unexpected(condition.error()));
        d->context.status.failed = false; // the steps' own status starts afresh
        d->context.status.needNotSucceeded = false;
        if (!value) {
            d->writeResult(QStringLiteral("failure"), {});
            emitFailure(
                makeErrorValue(ErrorCode::Invalid, tr("%1: \"if\" of job \"%2\": %3")
                                                       .arg(d->job->condition.where.toString(),
                                                            d->job->id, value.error().message)));
            return;
        }
        if (!*value) {
            d->log(skipAtOnce ? tr("○ job skipped: a job it needs did not succeed")
                              : tr("○ job skipped: if: %1 is false").arg(written));
            d->writeResult(QStringLiteral("skipped"), {});
            emitSuccess();
            return;
        }
    }
    if (d->job->concurrency.isSet()) {
        d->enterConcurrencyGroup();
        return;
    }
    d->nextStep();
}

// The job's `concurrency:` (evaluated with the job's contexts: github, inputs, vars, needs,
// matrix, strategy): its steps start once the group is this job's; a newer job of the
// group replaces it while it waits, and with cancel-in-progress while it runs.
void GitHubJobStage::Private::enterConcurrencyGroup()
{
    auto group = evaluate(job->concurrency.group, tr("\"concurrency\""));
    Result<QJsonValue> cancel = QJsonValue(false);
    if (group && job->concurrency.cancelInProgress.isSet())
        cancel = evaluateValue(job->concurrency.cancelInProgress, tr("\"cancel-in-progress\""));
    if (!group || !cancel) {
        writeResult(QStringLiteral("failure"), {});
        q->emitFailure(!group ? group.error() : cancel.error());
        return;
    }
    if (group->trimmed().isEmpty()) {
        nextStep();
        return;
    }
    const bool cancelInProgress = exprIsTruthy(*cancel) || cancel->toString() == u"true";
    concurrency = std::make_unique<JobConcurrency>();
    QObject::connect(concurrency.get(), &JobConcurrency::waiting, q,
                     [this](const QString &line) { log(tr("⏸ %1").arg(line)); });
    QObject::connect(concurrency.get(), &JobConcurrency::acquired, q, [this] { nextStep(); });
    const auto end = [this](const QString &why) {
        log(tr("✘ %1").arg(why));
        if (runner && runner->isRunning()) {
            runner->cancel(); // onStepDone() ends the job as cancelled
            return;
        }
        publishAnnotations();
        writeResult(QStringLiteral("cancelled"), {});
        q->emitCancelled();
    };
    QObject::connect(concurrency.get(), &JobConcurrency::replaced, q, end);
    QObject::connect(concurrency.get(), &JobConcurrency::deadlock, q, end);
    const StageContext &stage = q->context();
    const JobConcurrency::Place place{stage.dataDir, stage.workspaceDir, stage.runId,
                                      stage.stageName};
    if (auto ok = concurrency->enter(place, *group, cancelInProgress); !ok) {
        concurrency.reset();
        writeResult(QStringLiteral("failure"), {});
        q->emitFailure(ok.error());
    }
}

void GitHubJobStage::doCancel()
{
    if (d->concurrency)
        d->concurrency->leave();
    if (d->runner && d->runner->isRunning()) {
        d->runner->cancel(); // onStepDone() ends the job as cancelled
        return;
    }
    emitCancelled();
}

Result<void> GitHubJobStage::Private::prepare()
{
    const StageContext &stage = q->context();
    const QVariantMap &with = q->with();
    const std::shared_ptr<const WorkflowLoadResult> file =
        loadWorkflow(with.value(QStringLiteral("workflow")).toString(), stage.workspaceDir);
    const WorkflowLoadResult &loaded = *file;
    if (!loaded.ok()) {
        return makeError(ErrorCode::Invalid,
                         tr("the workflow has problems: %1").arg(loaded.diagnostics[0].toString()));
    }
    workflow = loaded.workflow;
    job = workflow.job(with.value(QStringLiteral("job")).toString());
    if (!job) {
        return makeError(ErrorCode::Invalid,
                         tr("the workflow has no job \"%1\" any more")
                             .arg(with.value(QStringLiteral("job")).toString()));
    }
    Frame jobFrame;
    jobFrame.steps = &job->steps;
    frames.append(jobFrame);
    auto folder = RunnerTemp::take();
    if (!folder) {
        return makeError(ErrorCode::Io,
                         tr("cannot make the job's temporary folder: %1").arg(folder.error()));
    }
    temp.emplace(std::move(*folder));

    // Secrets: only through the secrets context, never inherited by the steps' processes.
    QJsonObject secrets;
    QList<QByteArray> secretValues;
    baseEnv = stage.env;
    for (const QString &name : with.value(QStringLiteral("secrets")).toStringList()) {
        const QString value = stage.env.value(name);
        secrets.insert(name, value);
        if (!value.isEmpty())
            secretValues.append(value.toUtf8());
        baseEnv.remove(name);
    }
    for (const QString &value : stage.secretValues)
        secretValues.append(value.toUtf8());
    masker.setSecrets(secretValues);

    WorkflowPlanOptions facts;
    facts.event = with.value(QStringLiteral("event")).toString();
    facts.repository = with.value(QStringLiteral("repository")).toString();
    facts.apiUrl = with.value(QStringLiteral("api-url")).toString();
    facts.ref = stage.branch.isEmpty() ? QString() : QStringLiteral("refs/heads/") + stage.branch;
    facts.sha = stage.commit;
    facts.actor = stage.triggeredBy;
    facts.workspaceDir = stage.workspaceDir;
    const QString &event = facts.event;
    const QString &repository = facts.repository;
    const QString &ref = facts.ref;
    const QJsonObject inputs = parseObject(with.value(QStringLiteral("inputs")));
    QJsonObject github = githubContext(workflow, facts, inputs);
    // The event's payload and the tool cache: one of each per run, made by its first job.
    const QString toolCache = QDir(stageDir()).filePath(QStringLiteral("tool-cache"));
    QDir().mkpath(toolCache);
    const QString eventPath = QDir(stageDir()).filePath(QStringLiteral("event.json"));
    if (!QFileInfo::exists(eventPath)) {
        QSaveFile file(eventPath);
        if (file.open(QIODevice::WriteOnly)) {
            file.write(QJsonDocument(github.value(QStringLiteral("event")).toObject()).toJson());
            file.commit();
        }
    }
    const QString runId = QString::number(stage.runId);
    github.insert(QStringLiteral("event_path"), eventPath);
    github.insert(QStringLiteral("job"), job->id);
    github.insert(QStringLiteral("run_id"), runId);
    github.insert(QStringLiteral("run_number"), runId);
    github.insert(QStringLiteral("run_attempt"), QStringLiteral("1"));
    github.insert(QStringLiteral("token"),
                  secrets.value(QStringLiteral("GITHUB_TOKEN")).toString());
    const QJsonObject runner{{QStringLiteral("os"), QStringLiteral("Linux")},
                             {QStringLiteral("arch"), runnerArch()},
                             {QStringLiteral("name"), QStringLiteral("DeployDesk")},
                             {QStringLiteral("environment"), QStringLiteral("self-hosted")},
                             {QStringLiteral("temp"), temp->path()},
                             {QStringLiteral("tool_cache"), toolCache}};
    setContext(QStringLiteral("github"), github);
    setContext(QStringLiteral("inputs"), inputs);
    setContext(QStringLiteral("vars"), QJsonObject());
    setContext(QStringLiteral("secrets"), secrets);
    setContext(QStringLiteral("matrix"), parseObject(with.value(QStringLiteral("matrix"))));
    setContext(QStringLiteral("strategy"), parseObject(with.value(QStringLiteral("strategy"))));
    setContext(QStringLiteral("needs"),
               readNeeds(parseObject(with.value(QStringLiteral("needs")))));
    setContext(QStringLiteral("runner"), runner);
    setContext(QStringLiteral("steps"), QJsonObject());
    setContext(QStringLiteral("env"), QJsonObject());
    setJobStatus();
    context.hashFiles = [workspace = stage.workspaceDir](
                            const QStringList &patterns) -> std::expected<QString, QString> {
        return hashFiles(workspace, patterns);
    };

    const std::pair<const char *, QString> variables[] = {
        {"CI", QStringLiteral("true")},
        {"GITHUB_ACTIONS", QStringLiteral("true")},
        {"GITHUB_WORKFLOW", workflow.displayName()},
        {"GITHUB_RUN_ID", runId},
        {"GITHUB_RUN_NUMBER", runId},
        {"GITHUB_RUN_ATTEMPT", QStringLiteral("1")},
        {"GITHUB_JOB", job->id},
        {"GITHUB_ACTOR", stage.triggeredBy},
        {"GITHUB_TRIGGERING_ACTOR", stage.triggeredBy},
        {"GITHUB_REPOSITORY", repository},
        {"GITHUB_REPOSITORY_OWNER", repository.section(u'/', 0, 0)},
        {"GITHUB_EVENT_NAME", event},
        {"GITHUB_EVENT_PATH", eventPath},
        {"GITHUB_WORKSPACE", stage.workspaceDir},
        {"GITHUB_SHA", stage.commit},
        {"GITHUB_REF", ref},
        {"GITHUB_REF_NAME", stage.branch},
        {"GITHUB_REF_TYPE", QStringLiteral("branch")},
        {"GITHUB_HEAD_REF", QString()},
        {"GITHUB_BASE_REF", QString()},
        {"GITHUB_SERVER_URL", github.value(QStringLiteral("server_url")).toString()},
        {"GITHUB_API_URL", github.value(QStringLiteral("api_url")).toString()},
        {"GITHUB_GRAPHQL_URL", github.value(QStringLiteral("graphql_url")).toString()},
        {"RUNNER_OS", QStringLiteral("Linux")},
        {"RUNNER_ARCH", runnerArch()},
        {"RUNNER_NAME", QStringLiteral("DeployDesk")},
        {"RUNNER_ENVIRONMENT", QStringLiteral("self-hosted")},
        {"RUNNER_TEMP", temp->path()},
        {"RUNNER_TOOL_CACHE", toolCache},
    };
    for (const auto &[name, value] : variables)
        baseEnv.insert(QString::fromLatin1(name), value);

    if (auto env = addEnv(workflow.env, tr("the workflow's \"env\"")); !env)
        return env;
    if (auto env = addEnv(job->env, tr("\"env\" of job \"%1\"").arg(job->id)); !env)
        return env;
    return {};
}

void GitHubJobStage::Private::nextStep()
{
    // Cancelled, or ended already (replaced in its concurrency group between two steps).
    if (q->isCancelRequested() || q->isFinished())
        return;
    Frame &f = frame();
    ++f.index;
    if (f.index >= f.steps->size()) {
        if (frames.size() == 1)
            finishJob();
        else
            finishAction();
        return;
    }
    const WorkflowStep &step = currentStep();
    stepKey = step.id.isEmpty() ? QStringLiteral("__run_%1").arg(f.index + 1) : step.id;
    setJobStatus();
    stepName =
        f.label +
        (step.name.isSet() && !step.name.text.isEmpty()
             ? evaluate(step.name, tr("\"name\"")).value_or(step.name.text)
             : (step.run.isSet() ? tr("Run %1").arg(step.run.text.section(u'\n', 0, 0).trimmed())
                                 : tr("Run %1").arg(step.uses.text)));

    // The step's env on top of the job's, for its `if:` and everything after.
    const QJsonObject jobEnv = envContext();
    QJsonObject env = jobEnv;
    for (const auto &[name, value] : std::as_const(envFromFiles))
        env.insert(name, value);
    setContext(QStringLiteral("env"), env);
    auto stepEnv = addEnv(step.env, tr("\"env\" of step %1").arg(f.index + 1));
    auto fail = [&](const Error &error) {
        log(tr("▶ %1").arg(stepName));
        log(tr("✘ %1").arg(error.toString()));
        setContext(QStringLiteral("env"), jobEnv);
        continueOnError = false;
        recordStep(QStringLiteral("failure"), QStringLiteral("failure"), {});
        stepFailed(error.message);
        nextStep();
    };
    if (!stepEnv) {
        fail(stepEnv.error());
        return;
    }

    // if: (with the implicit success())
    bool runs = !frame().failed;
    QString written;
    if (step.condition.isSet()) {
        written = step.condition.text.trimmed();
        const auto condition = Condition::parse(step.condition.text);
        const auto value = condition
                               ? condition->evaluate(context)
                               : std::expected<bool, ExprError>(std::unexpected(condition.error()));
        if (!value) {
            fail(makeErrorValue(ErrorCode::Invalid, tr("\"if\": %1").arg(value.error().message)));
            return;
        }
        runs = *value;
    }
    if (!runs) {
        log(written.isEmpty() ? tr("○ %1: skipped (an earlier step failed)").arg(stepName)
                              : tr("○ %1: skipped (if: %2 is false)").arg(stepName, written));
        setContext(QStringLiteral("env"), jobEnv);
        recordStep(QStringLiteral("skipped"), QStringLiteral("skipped"), {});
        nextStep();
        return;
    }

    if (step.run.isSet()) {
        startScript(step);
        return;
    }
    // Actions: a local composite action runs its steps; the checkout is the workspace;
    // anything else is not run here.
    const QString uses = step.uses.text.trimmed();
    if (uses.startsWith(QLatin1String("./"))) {
        startAction(step, uses);
        return;
    }
    log(tr("▶ %1").arg(stepName));
    if (const QString why = remoteActionNotRun(uses); why.isEmpty()) {
        log(tr("✔ the workspace is the checkout: nothing is cloned"));
        recordStep(QStringLiteral("success"), QStringLiteral("success"), {});
    } else {
        log(tr("○ skipped: %1").arg(why));
        notRun(why);
        recordStep(QStringLiteral("skipped"), QStringLiteral("skipped"), {});
    }
    setContext(QStringLiteral("env"), jobEnv);
    nextStep();
}

void GitHubJobStage::Private::startScript(const WorkflowStep &step)
{
    const QJsonObject jobEnv = envContext(); // restored when the step ends
    auto fail = [&](const Error &error) {
        log(tr("▶ %1").arg(stepName));
        log(tr("✘ %1").arg(error.toString()));
        recordStep(QStringLiteral("failure"), QStringLiteral("failure"), {});
        stepFailed(error.message);
        QMetaObject::invokeMethod(
            q, [this] { nextStep(); }, Qt::QueuedConnection);
    };
    continueOnError = false;
    if (step.continueOnError.isSet()) {
        auto value = evaluateValue(step.continueOnError, tr("\"continue-on-error\""));
        if (!value) {
            fail(value.error());
            return;
        }
        continueOnError = exprIsTruthy(*value) || value->toString() == u"true";
    }
    auto script = evaluate(step.run, tr("\"run\""));
    if (!script) {
        fail(script.error());
        return;
    }
    WorkflowText shell = step.shell;
    if (!shell.isSet())
        shell = job->defaults.shell;
    if (!shell.isSet())
        shell = workflow.defaults.shell;
    auto shellName = evaluate(shell, tr("\"shell\""));
    if (!shellName) {
        fail(shellName.error());
        return;
    }
    QString why;
    const QString command = shellCommand(*shellName, baseEnv, &why);
    if (command.isEmpty()) {
        fail(makeErrorValue(ErrorCode::Process, why));
        return;
    }
    WorkflowText workdir = step.workingDirectory;
    if (!workdir.isSet())
        workdir = job->defaults.workingDirectory;
    if (!workdir.isSet())
        workdir = workflow.defaults.workingDirectory;
    auto workdirText = evaluate(workdir, tr("\"working-directory\""));
    if (!workdirText) {
        fail(workdirText.error());
        return;
    }
    const QString dir = QDir(q->context().workspaceDir).absoluteFilePath(*workdirText);
    if (!QFileInfo(dir).isDir()) {
        fail(makeErrorValue(ErrorCode::NotFound,
                            tr("the working directory \"%1\" does not exist").arg(*workdirText)));
        return;
    }

    // The script file, and empty command files for this step, as the runner makes them. The
    // job keeps one of each and empties it before every step: a file created and removed
    // per step was a third of a trivial step's cost (ext4 inode allocation).
    const QDir tempDir(temp->path());
    const QString extension =
        shellName->trimmed() == u"python" ? QStringLiteral(".py") : QStringLiteral(".sh");
    const QString scriptPath = tempDir.filePath(QStringLiteral("step") + extension);
    outputFile = tempDir.filePath(QStringLiteral("output"));
    envFile = tempDir.filePath(QStringLiteral("env"));
    pathFile = tempDir.filePath(QStringLiteral("path"));
    summaryFile = tempDir.filePath(QStringLiteral("step_summary"));
    auto writeFile = [&](const QString &path, const QByteArray &content) {
        QFile file(path);
        if (file.open(QIODevice::WriteOnly | QIODevice::Truncate) &&
            file.write(content) == content.size())
            return true;
        fail(
            makeErrorValue(ErrorCode::Io, tr("cannot write %1: %2").arg(path, file.errorString())));
        return false;
    };
    for (const QString &path : {outputFile, envFile, pathFile, summaryFile}) {
        if (!writeFile(path, {}))
            return;
    }

    QProcessEnvironment env = baseEnv;
    const QJsonObject envObject = envContext();
    for (auto it = envObject.begin(); it != envObject.end(); ++it)
        env.insert(it.key(), it.value().toString());
    env.insert(QStringLiteral("PATH"), prependToPath(env.value(QStringLiteral("PATH")), pathAdded));
    env.insert(QStringLiteral("GITHUB_ACTION"), stepKey);
    if (frame().action)
        env.insert(QStringLiteral("GITHUB_ACTION_PATH"), frame().action->dir);
    env.insert(QStringLiteral("GITHUB_OUTPUT"), outputFile);
    env.insert(QStringLiteral("GITHUB_ENV"), envFile);
    env.insert(QStringLiteral("GITHUB_PATH"), pathFile);
    env.insert(QStringLiteral("GITHUB_STEP_SUMMARY"), summaryFile);

    // A script that is one simple command the shell would only look up and run (`make
    // test`, `npm ci`, `true`) is exec'd by the stage guard directly, as a plain-word `run:`
    // stage is: no bash start-up and no script file (docs/benchmarks.md §16).
    const QString directCommand = directStepCommand(*shellName, *script, env);
    if (directCommand.isEmpty() && !writeFile(scriptPath, script->toUtf8()))
        return;

    ProcessSpec spec;
    // Plain words (the usual case: `bash --noprofile --norc -eo pipefail /tmp/…/1.sh`) are
    // run by the stage guard itself, without /bin/sh (processrunner.cpp); otherwise exec: the
    // step's shell replaces /bin/sh -c. Either way one process less per step.
    const QString plain = QString(command).replace(QStringLiteral("{0}"), scriptPath);
    const bool simple = std::all_of(plain.cbegin(), plain.cend(), [](QChar c) {
        return (c.unicode() < 128 && c.isLetterOrNumber()) ||
               QStringView(u"_./:@%+,-= ").contains(c);
    });
    spec.command = !directCommand.isEmpty() ? directCommand
                   : simple
                       ? plain
                       : QStringLiteral("exec ") + QString(command).replace(QStringLiteral("{0}"),
                                                                            shellQuote(scriptPath));
    spec.workdir = dir;
    spec.environment = env;
    if (step.timeoutMinutes.isSet()) {
        auto minutes = evaluateValue(step.timeoutMinutes, tr("\"timeout-minutes\""));
        if (!minutes) {
            fail(minutes.error());
            return;
        }
        const double value =
            minutes->isDouble() ? minutes->toDouble() : minutes->toString().toDouble();
        if (value > 0)
            spec.timeout = std::chrono::milliseconds(qint64(value * 60000));
    }
    setContext(QStringLiteral("env"), jobEnv);

    WorkflowCommandParser::Options options;
    options.allowUnsecureCommands =
        env.value(QStringLiteral("ACTIONS_ALLOW_UNSECURE_COMMANDS")) == u"true";
    parsers[0] = WorkflowCommandParser(options);
    parsers[1] = WorkflowCommandParser(options);
    deprecatedOutputs = {};
    stepFailedByCommand = false;
    openGroups = 0;
    // Each step is a log group (as on GitHub), its result line after it: the panel folds
    // the output and keeps "✔ Run make (0.4 s)" in view.
    log(QStringLiteral("##[group]") + tr("▶ %1").arg(stepName));
    delete runner;
    runner = new ProcessRunner(q);
    QObject::connect(
        runner, &ProcessRunner::output, q,
        [this](LogStream stream, const QByteArray &chunk) { onOutput(stream, chunk); });
    QObject::connect(runner, &ProcessRunner::done, q,
                     [this](const ProcessResult &result) { onStepDone(result); });
    stepTimer.start();
    runner->start(spec);
}

void GitHubJobStage::Private::onOutput(LogStream stream, const QByteArray &chunk)
{
    handleLines(parsers[stream == LogStream::Stderr ? 1 : 0].feed(chunk));
}

void GitHubJobStage::Private::handleLines(const QList<WorkflowCommandParser::Line> &lines)
{
    using Kind = WorkflowCommand::Kind;
    for (const WorkflowCommandParser::Line &line : lines) {
        if (!line.command) {
            logBytes(line.text);
            continue;
        }
        const WorkflowCommand &c = *line.command;
        if (!c.problem.isEmpty()) {
            log(tr("⚠ %1").arg(c.problem));
            if (c.failsStep)
                stepFailedByCommand = true;
        }
        switch (c.kind) {
        case Kind::AddMask:
            if (!c.value.isEmpty())
                masker.addSecret(c.value.toUtf8());
            break;
        case Kind::Group:
            // Stored as GitHub writes it: the log viewer folds it, `logs` shows the marker.
            log(QStringLiteral("##[group]") + c.value);
            ++openGroups;
            break;
        case Kind::EndGroup:
            if (openGroups > 0) {
                log(QStringLiteral("##[endgroup]"));
                --openGroups;
            }
            break;
        case Kind::Debug:
            break; // shown only with step debug logging on GitHub
        case Kind::Notice:
        case Kind::Warning:
        case Kind::Error: {
            log(annotationText(c));
            if (std::optional<Annotation> a = annotationOf(c)) {
                a->file = masker.maskText(a->file);
                a->title = masker.maskText(a->title);
                a->message = masker.maskText(a->message);
                annotations.append(*a);
            }
            break;
        }
        case Kind::SetOutput:
            if (c.problem.isEmpty())
                deprecatedOutputs.insert(c.properties.value(QStringLiteral("name")), c.value);
            break;
        case Kind::SetEnv:
            if (c.problem.isEmpty())
                envFromFiles.append({c.properties.value(QStringLiteral("name")), c.value});
            break;
        case Kind::AddPath:
            if (c.problem.isEmpty())
                pathAdded.append(c.value);
            break;
        case Kind::Unknown:
            logBytes(line.text);
            break;
        default:
            if (c.echoed)
                logBytes(line.text);
            break;
        }
    }
}

void GitHubJobStage::Private::onStepDone(const ProcessResult &result)
{
    handleLines(parsers[0].finish());
    handleLines(parsers[1].finish());
    endStepGroups();
    if (result.status == ProcessResult::Status::Cancelled || q->isCancelRequested()) {
        if (concurrency)
            concurrency->leave();
        log(tr("✘ %1: cancelled").arg(stepName));
        publishAnnotations();
        writeResult(QStringLiteral("cancelled"), {});
        q->emitCancelled();
        return;
    }
    const double seconds = double(stepTimer.elapsed()) / 1000.0;
    bool ok = result.success() && !stepFailedByCommand;
    QString why = result.success() ? tr("a workflow command failed the step") : result.describe();

    // The command files: outputs, env and path for the steps after it.
    QJsonObject outputs = deprecatedOutputs;
    auto output = readStepFile(outputFile, QStringLiteral("GITHUB_OUTPUT"));
    auto envText = readStepFile(envFile, QStringLiteral("GITHUB_ENV"));
    auto pathText = readStepFile(pathFile, QStringLiteral("GITHUB_PATH"));
    auto summary = readStepFile(summaryFile, QStringLiteral("GITHUB_STEP_SUMMARY"));
    for (const auto *file : {&output, &envText, &pathText, &summary}) {
        if (!*file) {
            ok = false;
            why = file->error().message;
        }
    }
    if (output && !output->isEmpty()) {
        auto entries = parseGitHubFile(*output, QStringLiteral("GITHUB_OUTPUT"));
        if (!entries) {
            ok = false;
            why = entries.error().message;
        } else {
            for (const GitHubFileEntry &entry : *entries)
                outputs.insert(entry.name, entry.value);
        }
    }
    if (envText && !envText->isEmpty()) {
        auto entries = parseGitHubFile(*envText, QStringLiteral("GITHUB_ENV"));
        if (!entries) {
            ok = false;
            why = entries.error().message;
        } else {
            for (const GitHubFileEntry &entry : *entries) {
                if (const auto refused = refusedEnvName(entry.name)) {
                    log(tr("⚠ %1").arg(*refused));
                    continue;
                }
                envFromFiles.append({entry.name, entry.value});
            }
        }
    }
    if (pathText && !pathText->isEmpty()) {
        for (const QString &dir : parseGitHubPath(*pathText))
            pathAdded.append(dir);
    }
    if (summary && !summary->trimmed().isEmpty()) {
        log(tr("Step summary:"));
        for (const QByteArray &line : summary->split('\n'))
            logBytes(line);
    }

    const QString outcome = ok ? QStringLiteral("success") : QStringLiteral("failure");
    const QString conclusion =
        ok || continueOnError ? QStringLiteral("success") : QStringLiteral("failure");
    if (ok) {
        log(tr("✔ %1 (%2 s)").arg(stepName, QString::number(seconds, 'f', 1)));
    } else {
        log(continueOnError ? tr("✘ %1: %2 (continue-on-error: the job goes on)").arg(stepName, why)
                            : tr("✘ %1: %2").arg(stepName, why));
    }
    recordStep(outcome, conclusion, outputs);
    if (conclusion == u"failure")
        stepFailed(why);
    nextStep();
}

void GitHubJobStage::Private::recordStep(const QString &outcome, const QString &conclusion,
                                         const QJsonObject &outputs)
{
    const WorkflowStep &step = currentStep();
    if (step.id.isEmpty())
        return;
    QJsonObject steps = context.contexts.value(QStringLiteral("steps")).toObject();
    steps.insert(step.id, QJsonObject{{QStringLiteral("outcome"), outcome},
                                      {QStringLiteral("conclusion"), conclusion},
                                      {QStringLiteral("outputs"), outputs}});
    setContext(QStringLiteral("steps"), steps);
}

void GitHubJobStage::Private::startAction(const WorkflowStep &step, const QString &uses)
{
    log(tr("▶ %1").arg(stepName));
    const QJsonObject outerEnv = envContext();
    auto fail = [&](const QString &why) {
        log(tr("✘ %1").arg(why));
        recordStep(QStringLiteral("failure"), QStringLiteral("failure"), {});
        stepFailed(why);
        nextStep();
    };
    if (frames.size() > 10) {
        fail(tr("local actions nested more than 10 deep (does an action use itself?)"));
        return;
    }
    const LocalActionLoadResult loaded = WorkflowLoader::loadLocalAction(
        QDir(q->context().workspaceDir).filePath(uses), q->context().workspaceDir);
    if (!loaded.ok()) {
        fail(loaded.diagnostics.constFirst().toString());
        return;
    }
    auto action = std::make_shared<const LocalAction>(loaded.action);
    if (action->runsUsing != u"composite") {
        const QString why = tr("\"%1\" is a %2 action; only composite actions run here")
                                .arg(uses, action->runsUsing);
        log(tr("○ skipped: %1").arg(why));
        notRun(why);
        recordStep(QStringLiteral("skipped"), QStringLiteral("skipped"), {});
        setContext(QStringLiteral("env"), outerEnv);
        nextStep();
        return;
    }
    bool continueOnError = false;
    if (step.continueOnError.isSet()) {
        auto value = evaluateValue(step.continueOnError, tr("\"continue-on-error\""));
        if (!value) {
            fail(value.error().toString());
            return;
        }
        continueOnError = exprIsTruthy(*value) || value->toString() == u"true";
    }
    // The inputs: `with:` evaluated here, else the input's default, else "".
    QJsonObject inputs;
    QStringList declared;
    for (const LocalActionInput &input : action->inputs) {
        declared.append(input.name);
        const auto given = std::find_if(step.with.cbegin(), step.with.cend(),
                                        [&](const auto &w) { return w.first == input.name; });
        Result<QString> value = QString();
        if (given != step.with.cend())
            value = evaluate(given->second, tr("\"with.%1\"").arg(input.name));
        else if (input.defaultValue.isSet())
            value = evaluate(input.defaultValue, tr("the default of input \"%1\"").arg(input.name));
        else if (input.required)
            log(tr("⚠ input \"%1\" of %2 is required and not given").arg(input.name, uses));
        if (!value) {
            fail(value.error().toString());
            return;
        }
        inputs.insert(input.name, *value);
    }
    for (const auto &[name, value] : step.with) {
        if (!declared.contains(name))
            log(tr("⚠ %1 has no input \"%2\"; it is ignored").arg(uses, name));
    }
    Frame nested;
    nested.steps = &action->steps;
    nested.action = action;
    nested.label = stepName + QStringLiteral(" › ");
    nested.outerName = stepName;
    nested.outerContinueOnError = continueOnError;
    nested.savedSteps = context.contexts.value(QStringLiteral("steps")).toObject();
    nested.savedInputs = context.contexts.value(QStringLiteral("inputs")).toObject();
    nested.savedEnv = outerEnv;
    frames.append(nested);
    setContext(QStringLiteral("steps"), QJsonObject());
    setContext(QStringLiteral("inputs"), inputs);
    QJsonObject github = context.contexts.value(QStringLiteral("github")).toObject();
    github.insert(QStringLiteral("action_path"), action->dir);
    setContext(QStringLiteral("github"), github);
    nextStep();
}

void GitHubJobStage::Private::finishAction()
{
    Frame done = frames.takeLast();
    setJobStatus();
    // The action's outputs, from its own steps, before its contexts go.
    QJsonObject outputs;
    QStringList problems;
    {
        frames.append(done); // evaluate() reads the action's contexts
        for (const auto &[name, text] : done.action->outputs) {
            if (!text.isSet())
                continue;
            auto value = evaluate(text, tr("output \"%1\"").arg(name));
            if (value)
                outputs.insert(name, *value);
            else
                problems.append(value.error().toString());
        }
        frames.removeLast();
    }
    setContext(QStringLiteral("steps"), done.savedSteps);
    setContext(QStringLiteral("inputs"), done.savedInputs);
    setContext(QStringLiteral("env"), done.savedEnv);
    stepName = done.outerName;
    for (const QString &problem : std::as_const(problems))
        log(tr("⚠ %1").arg(problem));
    const QString outcome = done.failed ? QStringLiteral("failure") : QStringLiteral("success");
    const QString conclusion = !done.failed || done.outerContinueOnError
                                   ? QStringLiteral("success")
                                   : QStringLiteral("failure");
    if (done.failed) {
        log(done.outerContinueOnError
                ? tr("✘ %1: %2 (continue-on-error: the job goes on)").arg(stepName, done.failure)
                : tr("✘ %1: %2").arg(stepName, done.failure));
    } else {
        log(tr("✔ %1").arg(stepName));
    }
    recordStep(outcome, conclusion, outputs);
    if (conclusion == u"failure")
        stepFailed(done.failure);
    nextStep();
}

void GitHubJobStage::Private::finishJob()
{
    if (concurrency)
        concurrency->leave(); // the group's next job may start
    setJobStatus();
    QJsonObject outputs;
    for (const auto &[name, text] : job->outputs) {
        auto value = evaluate(text, tr("output \"%1\" of job \"%2\"").arg(name, job->id));
        if (!value) {
            log(tr("⚠ %1").arg(value.error().toString()));
            continue;
        }
        outputs.insert(name, masker.maskText(*value));
    }
    if (!annotations.isEmpty()) {
        log(tr("Annotations:"));
        for (const Annotation &annotation : std::as_const(annotations))
            log(QStringLiteral("  ") + annotationText(annotation));
    }
    publishAnnotations();
    const Frame &jobFrame = frames.constFirst();
    writeResult(jobFrame.failed ? QStringLiteral("failure") : QStringLiteral("success"), outputs);
    if (jobFrame.failed) {
        q->emitFailure(makeErrorValue(ErrorCode::Process, masker.maskText(jobFrame.failure)));
        return;
    }
    q->emitSuccess();
}

} // namespace DeployDesk
