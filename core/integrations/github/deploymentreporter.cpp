#include "integrations/github/deploymentreporter.h"
#include "common/regularfile.h"
#include "common/translate.h"

#include "config/pipelineloader.h"
#include "net/httpjob.h"
#include "net/platform.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSettings>

namespace DeployDesk {

namespace {
// The url of remote "origin" in <workspace>/.git/config (worktrees and gitdir files aside).
QString originUrl(const QString &workspaceDir)
{
    QFile config;
    if (!openRegularFile(config, QDir(workspaceDir).filePath(QStringLiteral(".git/config"))))
        return {};
    bool inOrigin = false;
    while (!config.atEnd()) {
        const QString line = QString::fromUtf8(config.readLine()).trimmed();
        if (line.startsWith(u'['))
            inOrigin = line == QLatin1String("[remote \"origin\"]");
        else if (inOrigin && line.startsWith(QLatin1String("url")))
            return line.section(u'=', 1).trimmed();
    }
    return {};
}
} // namespace

std::pair<QString, QString> GitHubTarget::repositoryOf(const QString &workspaceDir,
                                                       const QProcessEnvironment &env)
{
    const auto place = locateGitHub(workspaceDir, env);
    if (!place)
        return {};
    return {place->owner, place->repository};
}

Result<GitHubPlace> locateGitHub(const QString &workspaceDir, const QProcessEnvironment &env)
{
    GitHubSettings settings;
    const QString pipelineFile = QDir(workspaceDir).filePath(QStringLiteral("deploydesk.yml"));
    if (QFileInfo::exists(pipelineFile)) {
        const LoadResult loaded = PipelineLoader::loadFile(pipelineFile);
        settings = loaded.pipeline.github;
        if (settings.problems) {
            return makeError(ErrorCode::Invalid, tr("the \"github\" section of %1 has problems; "
                                                    "`deploydeskctl validate` lists them")
                                                     .arg(pipelineFile));
        }
    }
    auto base = resolvePlatformBase(Platform::GitHub, QUrl(settings.apiUrl), env);
    if (!base)
        return std::unexpected(base.error());
    GitHubPlace place;
    place.apiUrl = base->url;
    place.notice = base->notice;

    static const QRegularExpression named(QStringLiteral("^([A-Za-z0-9_.-]+)/([A-Za-z0-9_.-]+)$"));
    const QString fromEnv = env.value(QStringLiteral("GITHUB_REPOSITORY")).trimmed();
    const QString configured = named.match(fromEnv).hasMatch() ? fromEnv : settings.repository;
    if (const auto m = named.match(configured); m.hasMatch()) {
        place.owner = m.captured(1);
        place.repository = m.captured(2);
        return place;
    }
    QStringList hosts{QStringLiteral("github.com")};
    if (const QString host = QUrl(settings.apiUrl).host(); !host.isEmpty())
        hosts.append(host);
    const QString origin = originUrl(workspaceDir);
    for (const QString &host : std::as_const(hosts)) {
        const QRegularExpression remote(QRegularExpression::escape(host) +
                                        QStringLiteral("[:/]([A-Za-z0-9_.-]+)/"
                                                       "([A-Za-z0-9_.-]+?)(?:\\.git)?/?$"));
        if (const auto m = remote.match(origin); m.hasMatch()) {
            place.owner = m.captured(1);
            place.repository = m.captured(2);
            break;
        }
    }
    return place;
}

DeploymentReporter::DeploymentReporter(GitHubTarget target, QObject *parent)
    : QObject(parent)
    , m_target(std::move(target))
    , m_client(Platform::GitHub, m_target.baseUrl)
{
    m_client.setBearerToken(m_target.token);
    m_client.setHeader("Accept", "application/vnd.github+json");
    m_client.setHeader("X-GitHub-Api-Version", "2022-11-28");
    m_client.setAuthHint(tr("the secret GITHUB_TOKEN"));
    m_client.setTimeout(std::chrono::seconds(20));
}

DeploymentReporter::~DeploymentReporter() = default;

void DeploymentReporter::begin(const QString &environment, const QString &ref,
                               const QString &description)
{
    m_environment = environment;
    m_creating = true;
    const QString path =
        QStringLiteral("/repos/%1/%2/deployments").arg(m_target.owner, m_target.repository);
    QJsonObject body{
        {QStringLiteral("ref"), ref},
        {QStringLiteral("environment"), environment},
        {QStringLiteral("auto_merge"), false},
        {QStringLiteral("required_contexts"), QJsonArray()},
        {QStringLiteral("description"), description.left(140)},
        {QStringLiteral("production_environment"), environment == QLatin1String("production")}};
    auto create = std::make_shared<std::function<void(int)>>();
    *create = [this, path, body, create](int tries) {
        HttpJob *job = m_client.send(HttpRequest::post(QUrl(path), body), this);
        connect(job, &Job::result, this, [this, job, tries, create] {
            job->deleteLater();
            // 202: GitHub merged the default branch into the ref and made no deployment;
            // the documented answer is to ask again.
            if (job->outcome() == Job::Outcome::Success && job->status() == 202 && tries < 3) {
                (*create)(tries + 1);
                return;
            }
            m_creating = false;
            if (job->outcome() != Job::Outcome::Success || job->status() != 201) {
                m_failed = true;
                emit problem(tr("GitHub deployment for %1 not created: %2")
                                 .arg(m_environment, job->outcome() == Job::Outcome::Success
                                                         ? tr("answered %1").arg(job->status())
                                                         : job->error().message));
                flushPending();
                return;
            }
            m_deploymentId = job->jsonObject().value(QStringLiteral("id")).toInteger();
            postStatus(QStringLiteral("in_progress"), {}, {}, tr("DeployDesk is deploying"), {});
            flushPending();
        });
        job->start();
    };
    (*create)(1);
}

void DeploymentReporter::flushPending()
{
    if (m_pending) {
        auto pending = std::move(m_pending);
        m_pending = {};
        pending();
    }
}

void DeploymentReporter::end(bool success, const QUrl &environmentUrl, const QUrl &logUrl,
                             const QString &description, std::function<void()> done)
{
    if (m_creating) {
        m_pending = [this, success, environmentUrl, logUrl, description, done] {
            end(success, environmentUrl, logUrl, description, done);
        };
        return;
    }
    if (m_failed || !m_deploymentId) {
        if (done)
            done();
        return;
    }
    postStatus(success ? QStringLiteral("success") : QStringLiteral("failure"), environmentUrl,
               logUrl, description, std::move(done));
}

void DeploymentReporter::postStatus(const QString &state, const QUrl &environmentUrl,
                                    const QUrl &logUrl, const QString &description,
                                    std::function<void()> done)
{
    QJsonObject body{{QStringLiteral("state"), state},
                     {QStringLiteral("environment"), m_environment},
                     {QStringLiteral("description"), description.left(140)}};
    if (environmentUrl.isValid())
        body.insert(QStringLiteral("environment_url"), environmentUrl.toString());
    if (logUrl.isValid())
        body.insert(QStringLiteral("log_url"), logUrl.toString());
    const QString path = QStringLiteral("/repos/%1/%2/deployments/%3/statuses")
                             .arg(m_target.owner, m_target.repository)
                             .arg(m_deploymentId);
    // A status post is safe to repeat: the latest one wins.
    HttpJob *job = m_client.send(HttpRequest::post(QUrl(path), body).setIdempotent(true), this);
    connect(job, &Job::result, this, [this, job, state, done] {
        job->deleteLater();
        if (job->outcome() == Job::Outcome::Success)
            emit posted(state);
        else
            emit problem(tr("GitHub deployment status \"%1\" not posted: %2")
                             .arg(state, job->error().message));
        if (done)
            done();
    });
    job->start();
}

} // namespace DeployDesk
