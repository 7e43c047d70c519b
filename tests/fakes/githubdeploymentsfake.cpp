#include "githubdeploymentsfake.h"

namespace DeployDesk::Test {

namespace {
FakeResponse githubError(int status, const QString &message)
{
    return FakeResponse::json(
        QJsonObject{{QStringLiteral("message"), message},
                    {QStringLiteral("documentation_url"),
                     QStringLiteral("https://docs.github.com/rest/deployments")},
                    {QStringLiteral("status"), QString::number(status)}},
        status);
}
} // namespace

GitHubDeploymentsFake::GitHubDeploymentsFake(QByteArray token)
    : m_token(std::move(token))
{
    const auto authorized = [this](const FakeRequest &r) {
        return r.header("Authorization") == "Bearer " + m_token;
    };
    server.on("POST", "/repos/{owner}/{repo}/deployments", [this, authorized](const FakeRequest &r) {
        if (!authorized(r))
            return githubError(401, QStringLiteral("Bad credentials"));
        const QJsonObject body = r.jsonObject();
        if (!body.contains(QStringLiteral("ref")))
            return githubError(422, QStringLiteral("Invalid request.\n\n\"ref\" wasn't supplied."));
        if (autoMergeAnswers > 0) {
            --autoMergeAnswers;
            return FakeResponse::json(
                QJsonObject{{QStringLiteral("message"),
                             QStringLiteral("Auto-merged main into topic on deployment.")}},
                202);
        }
        deployments.append(body);
        const qint64 id = 1000 + deployments.size();
        return FakeResponse::json(
            QJsonObject{{QStringLiteral("id"), id},
                        {QStringLiteral("ref"), body.value(QStringLiteral("ref"))},
                        {QStringLiteral("environment"), body.value(QStringLiteral("environment"))},
                        {QStringLiteral("task"), QStringLiteral("deploy")}},
            201);
    });
    server.on("POST", "/repos/{owner}/{repo}/deployments/{id}/statuses",
              [this, authorized](const FakeRequest &r) {
                  if (!authorized(r))
                      return githubError(401, QStringLiteral("Bad credentials"));
                  const qint64 id = r.params.value(QStringLiteral("id")).toLongLong();
                  if (id <= 1000 || id > 1000 + deployments.size())
                      return githubError(404, QStringLiteral("Not Found"));
                  static const QStringList states{
                      QStringLiteral("error"),   QStringLiteral("failure"),
                      QStringLiteral("inactive"), QStringLiteral("in_progress"),
                      QStringLiteral("queued"),  QStringLiteral("pending"),
                      QStringLiteral("success")};
                  const QJsonObject body = r.jsonObject();
                  if (!states.contains(body.value(QStringLiteral("state")).toString()))
                      return githubError(422, QStringLiteral("Validation Failed"));
                  statuses.append({id, body});
                  return FakeResponse::json(QJsonObject{{QStringLiteral("id"), statuses.size()},
                                                        {QStringLiteral("state"),
                                                         body.value(QStringLiteral("state"))}},
                                            201);
              });
}

} // namespace DeployDesk::Test
