#include "deploy/vercel/verceldeployjob.h"

#include "common/duration.h"
#include "deploy/vercel/uploadpool.h"
#include "net/httpjob.h"

#include <QElapsedTimer>
#include <QHash>
#include <QJsonArray>
#include <QLocale>

namespace DeployDesk::Vercel {
namespace {
// A create that still names missing files after this many uploads gives up.
constexpr int kMaxRounds = 3;
// Status checks that may fail in a row (after the HTTP layer's own retries).
constexpr int kMaxPollFailures = 3;
constexpr int kMaxEventFailures = 3;
constexpr std::chrono::milliseconds kMaxPollWait{10000};

QString megabytes(qint64 bytes)
{
    return QLocale::c().toString(double(bytes) / (1024.0 * 1024.0), 'f', 1);
}
} // namespace

VercelDeployJob::VercelDeployJob(TargetRequest request, QObject *parent)
    : VercelJob(std::move(request), true, parent)
{}

VercelDeployJob::~VercelDeployJob() = default;

void VercelDeployJob::run()
{
    const VercelOptions &o = options();
    log(o.production
            ? tr("deploying %1 to Vercel %2 (production)").arg(o.from, o.describeProject())
            : tr("deploying %1 to Vercel %2 (preview%3)")
                  .arg(o.from, o.describeProject(),
                       o.branch.isEmpty() ? QString() : tr(" of branch %1").arg(o.branch)));
    QElapsedTimer clock;
    clock.start();
    runChild(new DigestJob(o.from), [this, clock](Job *job) {
        if (job->outcome() == Outcome::Failed) {
            fail(job->error());
            return;
        }
        log(tr("hashed %n file(s) (%1 MB) in %2", nullptr,
               int(static_cast<DigestJob *>(job)->manifest().files.size()))
                .arg(megabytes(static_cast<DigestJob *>(job)->manifest().totalBytes),
                     formatDuration(std::chrono::milliseconds(clock.elapsed()))));
        hashed(static_cast<DigestJob *>(job)->manifest());
    });
}

void VercelDeployJob::hashed(const SiteManifest &manifest)
{
    if (manifest.files.isEmpty()) {
        fail(makeErrorValue(ErrorCode::Invalid,
                            tr("nothing to deploy: %1 has no files (\"from\" should name the "
                               "build's output folder)")
                                .arg(options().from)));
        return;
    }
    m_manifest = manifest;
    create();
}

QJsonObject VercelDeployJob::createBody() const
{
    const VercelOptions &o = options();
    QJsonArray files;
    for (const SiteFile &file : m_manifest.files)
        files.append(QJsonObject{{QStringLiteral("file"), file.path},
                                 {QStringLiteral("sha"), QString::fromLatin1(file.sha1)},
                                 {QStringLiteral("size"), file.size}});
    QJsonObject meta{{QStringLiteral("deploydeskRun"), QString::number(o.runId)}};
    if (!o.environment.isEmpty())
        meta.insert(QStringLiteral("deploydeskEnvironment"), o.environment);
    if (!o.branch.isEmpty())
        meta.insert(QStringLiteral("branch"), o.branch);
    if (!o.commit.isEmpty())
        meta.insert(QStringLiteral("commit"), o.commit);
    QJsonObject body{{QStringLiteral("name"), o.project},
                     {QStringLiteral("project"), o.project},
                     {QStringLiteral("files"), files},
                     {QStringLiteral("meta"), meta}};
    if (o.production) // omitted: a preview
        body.insert(QStringLiteral("target"), QStringLiteral("production"));
    if (!o.commit.isEmpty()) {
        QJsonObject git{{QStringLiteral("commitSha"), o.commit}};
        if (!o.branch.isEmpty())
            git.insert(QStringLiteral("commitRef"), o.branch);
        body.insert(QStringLiteral("gitMetadata"), git);
    }
    return body;
}

void VercelDeployJob::create()
{
    ++m_round;
    call(api().createDeployment(createBody()), [this](HttpJob *job) { created(job); });
}

void VercelDeployJob::created(HttpJob *job)
{
    if (job->outcome() == Outcome::Success) {
        const QJsonObject deployment = job->jsonObject();
        m_id = deployment.value(QStringLiteral("id")).toString();
        if (m_id.isEmpty()) {
            fail(makeErrorValue(ErrorCode::Remote,
                                tr("Vercel answered the new deployment without an id"),
                                masked(QString::fromUtf8(job->body().left(4096)))));
            return;
        }
        m_inspectorUrl = deployment.value(QStringLiteral("inspectorUrl")).toString();
        log(m_inspectorUrl.isEmpty()
                ? tr("deployment %1 created").arg(m_id)
                : tr("deployment %1 created; inspect: %2").arg(m_id, m_inspectorUrl));
        follow(deployment);
        return;
    }
    const RemoteError remote = job->remoteError();
    if (job->status() == 400 && remote.code == QLatin1String("missing_files")) {
        const QJsonArray missing = job->jsonObject()
                                       .value(QStringLiteral("error"))
                                       .toObject()
                                       .value(QStringLiteral("missing"))
                                       .toArray();
        if (m_round >= kMaxRounds || missing.isEmpty()) {
            fail(makeErrorValue(ErrorCode::Remote,
                                tr("Vercel still reports %n file(s) missing after %1 upload "
                                   "round(s)%2",
                                   nullptr, int(missing.size()))
                                    .arg(m_round - 1)
                                    .arg(remote.requestId.isEmpty()
                                             ? QString()
                                             : tr(" (request id %1)").arg(remote.requestId))));
            return;
        }
        upload(missing);
        return;
    }
    fail(createError(job));
}

Error VercelDeployJob::createError(HttpJob *job) const
{
    Error error = job->error();
    if (error.code == ErrorCode::NotFound)
        error.message =
            tr("Vercel has no %1 (set by %2): %3")
                .arg(options().describeProject(), options().projectSource, error.message);
    else
        error.message = tr("creating the deployment failed: %1").arg(error.message);
    return error;
}

void VercelDeployJob::upload(const QJsonArray &missing)
{
    QHash<QByteArray, const SiteFile *> bySha;
    for (const SiteFile &file : std::as_const(m_manifest.files))
        bySha.insert(file.sha1, &file);
    QList<SiteFile> files;
    for (const QJsonValue &sha : missing) {
        const SiteFile *file = bySha.value(sha.toString().toLower().toLatin1());
        if (!file) {
            fail(makeErrorValue(
                ErrorCode::Remote,
                tr("Vercel asked for a file this deploy does not have (%1)").arg(sha.toString())));
            return;
        }
        files.append(*file);
    }
    log(tr("Vercel needs %n of the %1 file(s)", nullptr, int(files.size()))
            .arg(m_manifest.files.size()));
    auto *pool = new UploadPool(api(), files, options().parallel);
    runChild(pool, [this](Job *job) {
        if (job->outcome() == Outcome::Failed) {
            fail(job->error());
            return;
        }
        m_uploaded += static_cast<UploadPool *>(job)->uploadedFiles();
        create();
    });
}

void VercelDeployJob::follow(const QJsonObject &deployment)
{
    m_building.start();
    m_wait = options().pollInterval;
    evaluate(deployment);
}

void VercelDeployJob::poll()
{
    call(api().deployment(m_id), [this](HttpJob *job) { polled(job); });
}

void VercelDeployJob::polled(HttpJob *job)
{
    if (job->outcome() == Outcome::Success) {
        m_pollFailures = 0;
        evaluate(job->jsonObject());
        return;
    }
    const ErrorCode code = job->error().code;
    if (code == ErrorCode::Unauthorized || code == ErrorCode::NotFound ||
        ++m_pollFailures > kMaxPollFailures) {
        Error error = job->error();
        error.message = tr("following deployment %1 failed: %2").arg(m_id, error.message);
        fail(std::move(error));
        return;
    }
    log(tr("status check failed (%1); trying again").arg(job->error().message));
    after(m_wait, [this] { poll(); });
}

void VercelDeployJob::evaluate(const QJsonObject &deployment)
{
    const QString state = VercelApi::readyState(deployment);
    if (state != m_state) {
        log(tr("%1: %2").arg(m_id, state.isEmpty() ? tr("(no state)") : state));
        m_state = state;
    }
    const QString aliasError = deployment.value(QStringLiteral("aliasError"))
                                   .toObject()
                                   .value(QStringLiteral("message"))
                                   .toString();
    if (state == QLatin1String("ERROR")) {
        fetchEvents([this, deployment] {
            const QString code = deployment.value(QStringLiteral("errorCode")).toString();
            const QString message = deployment.value(QStringLiteral("errorMessage")).toString();
            fail(makeErrorValue(ErrorCode::Remote,
                                tr("the Vercel build of %1 failed: %2%3")
                                    .arg(m_id,
                                         code.isEmpty()      ? message
                                         : message.isEmpty() ? code
                                                             : tr("%1: %2").arg(code, message),
                                         m_inspectorUrl.isEmpty()
                                             ? QString()
                                             : tr(" (see %1)").arg(m_inspectorUrl))));
        });
        return;
    }
    if (state == QLatin1String("CANCELED")) {
        fail(makeErrorValue(ErrorCode::Remote,
                            tr("deployment %1 was canceled on Vercel").arg(m_id)));
        return;
    }
    if (state == QLatin1String("READY")) {
        if (!aliasError.isEmpty()) {
            fail(makeErrorValue(ErrorCode::Remote,
                                tr("deployment %1 is ready but Vercel could not assign its "
                                   "alias: %2")
                                    .arg(m_id, aliasError)));
            return;
        }
        const bool aliased = deployment.value(QStringLiteral("aliasAssigned")).toBool();
        if (!options().production || aliased) {
            fetchEvents([this, deployment] { succeed(deployment); });
            return;
        }
        if (!m_waitingForAlias) {
            m_waitingForAlias = true;
            log(tr("%1 is ready; waiting for Vercel to point production at it").arg(m_id));
        }
    }
    // QUEUED, BUILDING, INITIALIZING and any state this version does not know: in progress.
    if (std::chrono::milliseconds(m_building.elapsed()) >= options().timeout) {
        fail(makeErrorValue(
            ErrorCode::Timeout,
            tr("deployment %1 is still %2 after %3 (\"timeout\" of the stage's "
               "with:)%4")
                .arg(m_id, state, formatDuration(options().timeout),
                     m_inspectorUrl.isEmpty() ? QString() : tr("; see %1").arg(m_inspectorUrl))));
        return;
    }
    fetchEvents([this] {
        const auto wait = m_wait;
        m_wait = std::min(std::max(kMaxPollWait, options().pollInterval),
                          std::chrono::milliseconds(m_wait.count() * 3 / 2));
        after(wait, [this] { poll(); });
    });
}

void VercelDeployJob::fetchEvents(std::function<void()> then)
{
    if (m_eventFailures >= kMaxEventFailures) {
        then();
        return;
    }
    HttpRequest request = api().events(m_id, m_events.since());
    request.maxAttempts = 2; // the next poll asks again anyway
    call(std::move(request), [this, then = std::move(then)](HttpJob *job) {
        if (job->outcome() == Outcome::Success && job->json().isArray()) {
            m_eventFailures = 0;
            for (const QString &line : m_events.take(job->json().array()))
                log(line);
        } else if (++m_eventFailures >= kMaxEventFailures) {
            log(tr("build events are not available (%1); following the state only")
                    .arg(job->outcome() == Outcome::Success ? tr("not a JSON array")
                                                            : job->error().message));
        }
        then();
    });
}

void VercelDeployJob::succeed(const QJsonObject &deployment)
{
    const VercelOptions &o = options();
    Deployment result = VercelApi::toDeployment(deployment, o.teamId);
    if (result.version.isEmpty())
        result.version = m_id;
    if (!result.details.contains(QStringLiteral("projectId")))
        result.details.insert(QStringLiteral("projectId"), o.project);
    result.details.insert(QStringLiteral("target"),
                          o.production ? QStringLiteral("production") : QStringLiteral("preview"));
    if (!o.branch.isEmpty())
        result.details.insert(QStringLiteral("branch"), o.branch);
    if (!m_inspectorUrl.isEmpty() && !result.details.contains(QStringLiteral("inspectorUrl")))
        result.details.insert(QStringLiteral("inspectorUrl"), m_inspectorUrl);
    log(o.production ? tr("ready: %1 (production)").arg(result.url)
                     : tr("ready: %1 (preview)").arg(result.url));
    addDeployment(std::move(result));
    emitSuccess();
}

} // namespace DeployDesk::Vercel
