#pragma once

// The part of GitHub's REST API that deployment statuses use (apis.md §5), on
// FakeHttpServer: POST /repos/{o}/{r}/deployments (201 with an id; 401 without a Bearer
// token, with GitHub's {"message","documentation_url","status"} body; 422 without `ref`)
// and POST …/deployments/{id}/statuses (201; 404 for an unknown deployment; 422 for a state
// GitHub does not know). Every accepted body is kept for the test to read.

#include "fakehttpserver.h"

namespace DeployDesk::Test {

class GitHubDeploymentsFake final
{
public:
    explicit GitHubDeploymentsFake(QByteArray token);

    FakeHttpServer server;
    QList<QJsonObject> deployments; // bodies of created deployments, in order
    QList<std::pair<qint64, QJsonObject>> statuses; // (deployment id, body), in order
    // Answer the next deployment request with 202 "Auto-merged" this many times first.
    int autoMergeAnswers = 0;

private:
    QByteArray m_token;
};

} // namespace DeployDesk::Test
