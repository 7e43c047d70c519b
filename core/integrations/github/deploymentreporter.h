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
    // "owner/name" from GITHUB_REPOSITORY in `env`, else from the git remote `origin` of
    // `workspaceDir` (https://github.com/o/r(.git), git@github.com:o/r(.git)); empty when
    // neither names one.
    static std::pair<QString, QString> repositoryOf(const QString &workspaceDir,
                                                    const QProcessEnvironment &env);
};

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
