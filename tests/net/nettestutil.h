#pragma once

// Helpers shared by the net tests: run a job to its end, a client aimed at a fake server
// with retries that do not make the tests slow.
#include "common/job.h"
#include "fakes/fakehttpserver.h"
#include "net/httpclient.h"

#include <QSignalSpy>
#include <QStringList>
#include <QTest>

namespace DeployDesk::Test {

// Starts `job`, collects its log lines, waits for its one result (false on timeout).
inline bool runJob(Job *job, QStringList *log = nullptr, int timeoutMs = 20000)
{
    QSignalSpy finished(job, &Job::result);
    if (log)
        QObject::connect(job, &Job::logLine, job, [log](const QString &line) { *log << line; });
    job->start();
    if (!finished.wait(timeoutMs))
        return false;
    return finished.count() == 1;
}

// Retries after at most a few milliseconds.
inline RetryPolicy quickRetries(int attempts = 4)
{
    RetryPolicy policy;
    policy.maxAttempts = attempts;
    policy.baseDelay = std::chrono::milliseconds(2);
    policy.maxDelay = std::chrono::milliseconds(10);
    policy.rateLimitFloor = std::chrono::milliseconds(0);
    return policy;
}

inline HttpClient clientFor(const FakeHttpServer &server, Platform platform = Platform::Generic)
{
    HttpClient client(platform, server.url());
    client.setRetryPolicy(quickRetries());
    client.setTimeout(std::chrono::seconds(10));
    return client;
}

} // namespace DeployDesk::Test
