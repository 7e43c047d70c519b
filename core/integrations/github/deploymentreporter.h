#pragma once

#include "common/error.h"
#include "net/httpclient.h"

#include <QObject>
#include <QPointer>
#include <QUrl>

#include <functional>

namespace DeployDesk {

class Job;

// Where GitHub deployment statuses go: a repository and a token.
struct GitHubTarget
{
    QString owner;
    QString repository;
    QByteArray token;
    QUrl baseUrl; // https://api.github.com, or DEPLOYDESK_API_GITHUB / a GHES URL

    bool isValid() const { return !owner.isEmpty() && !repository.isEmpty() && !token.isEmpty(); }
    // "owner/name" as locate() finds it, or empty (also when locate() reports a problem).
    static std::pair<QString, QString> repositoryOf(const QString &workspaceDir,
                                                    const QProcessEnvironment &env);
};

// Where a workspace's GitHub is.
struct GitHubPlace
{
    QString owner, repository; // both empty when nothing names one
    QUrl apiUrl;               // the REST API's base URL
    QString notice;            // about the URL (an override in use), for the user
};

// The repository from GITHUB_REPOSITORY in `env`, else `github.repository` in the
// workspace's deploydesk.yml, else the git remote `origin` of `workspaceDir` on github.com
// or on the host of `github.api-url` (https://HOST/o/r(.git), git@HOST:o/r(.git)); the API
// from DEPLOYDESK_API_GITHUB, else `github.api-url` (GitHub Enterprise Server), else
// https://api.github.com. An error when the `github:` section has problems or the URL
// cannot be used; other problems of deploydesk.yml do not matter here.
Result<GitHubPlace> locateGitHub(const QString &workspaceDir, const QProcessEnvironment &env);

// Mirrors one deploy or rollback of DeployDesk as a GitHub deployment: begin() creates the
// deployment (environment, ref, auto_merge false, required_contexts []) and posts
// `in_progress`; end() posts `success` or `failure` with environment_url and log_url.
// GitHub being unreachable never fails the deploy: problems are reported through
// problem() (for the run's events) and the reporter carries on.
class DeploymentReporter final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DeploymentReporter)

public:
    DeploymentReporter(GitHubTarget target, QObject *parent = nullptr);
    ~DeploymentReporter() override;

    void begin(const QString &environment, const QString &ref, const QString &description);
    // `done` is called once the last status is posted (or given up on).
    void end(bool success, const QUrl &environmentUrl, const QUrl &logUrl,
             const QString &description, std::function<void()> done);
    qint64 deploymentId() const { return m_deploymentId; }

signals:
    void problem(const QString &message);
    void posted(const QString &state);

private:
    void postStatus(const QString &state, const QUrl &environmentUrl, const QUrl &logUrl,
                    const QString &description, std::function<void()> done);
    void flushPending();

    GitHubTarget m_target;
    HttpClient m_client;
    QString m_environment;
    qint64 m_deploymentId = 0;
    bool m_creating = false;
    bool m_failed = false;
    std::function<void()> m_pending; // end() called while the deployment was being created
};

} // namespace DeployDesk
