#pragma once

// The built-in stage type `github-job`: one job (one matrix leg) of a GitHub Actions
// workflow run on this machine, step by step, as GitHub's runner would run it — each
// `run:` step through the process runner with its shell, the GITHUB_* variables and the
// GITHUB_ENV / GITHUB_OUTPUT / GITHUB_PATH / GITHUB_STEP_SUMMARY files between steps,
// workflow commands understood, `steps.*` and `needs.*` filled in. `deploydeskctl workflow
// run` makes one such stage per job.
//
// with:
//   workflow: the workflow file (absolute)
//   job: the job's id
//   matrix: this leg's values, a JSON object text ("" without a matrix)
//   event: the event name (push, workflow_dispatch...)
//   inputs: the inputs context, a JSON object text
//   needs: JSON object text, job id -> [the stage names of its legs]
//   secrets: the secret names the job reads (their values come from the stage's env)
//   strategy: JSON object text, the strategy context of this leg
//   repository, api-url: the github context's repository and GitHub's URLs (GHES)

#include "engine/stagetype.h"

#include <QJsonObject>

namespace DeployDesk {

class GitHubJobStage final : public BuiltinStage
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GitHubJobStage)

public:
    explicit GitHubJobStage(QObject *parent = nullptr);
    ~GitHubJobStage() override;

    // Where the jobs of run `runId` leave their result and outputs for the jobs that need
    // them (results.jsonl, see jobscratch.h), the event's payload and the tool cache.
    static QString outputsDir(const QString &stateDir, qint64 runId);

protected:
    void doStart() override;
    void doCancel() override;

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace DeployDesk
