#pragma once

#include "common/status.h"
#include "config/pipeline.h"
#include "engine/job.h"
#include "engine/processrunner.h"
#include "engine/stagecache.h"
#include "engine/stagetype.h"
#include "log/logpipeline.h"

#include <QTimer>

#include <atomic>
#include <memory>
#include <optional>

namespace DeployDesk {

// Runs one stage: a shell command through ProcessRunner, or a built-in stage type,
// with its timeout and retries (exponential backoff). Every line it or its process
// writes goes through its LogPipeline into the sink. A stage with `cache:` restores its
// cache before the first attempt and saves it after a success, both off the GUI thread
// (engine/stagecache.h); the process sees DEPLOYDESK_CACHE_HIT=true or false.
class StageJob final : public Job
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StageJob)

public:
    StageJob(Stage stage, StageContext context, SecretMasker masker, LogPipeline::Sink sink,
             QObject *parent = nullptr);
    ~StageJob() override;

    const Stage &stage() const { return m_stage; }
    int attempts() const { return m_attempt; }
    // After result(): how it ended, for the history.
    StageStatus status() const
    {
        // Cancelled before it began: the job ended without ever running.
        if (isFinished() && !isFinal(m_status))
            return outcome() == Outcome::Cancelled ? StageStatus::Cancelled : StageStatus::Failed;
        return m_status;
    }
    const ProcessResult &lastProcessResult() const { return m_lastResult; }
    QString reason() const { return m_reason; }
    // After a successful built-in stage: the layer versions it put live.
    QList<Deployment> deployments() const { return m_deployments; }
    // After a failed built-in stage: it asks for the environment to be rolled back.
    bool wantsRollback() const { return m_wantsRollback; }
    // After a built-in stage ended (however it ended): the annotations it reported.
    QList<Annotation> annotations() const { return m_annotations; }

    // `with:` values with $NAME / ${NAME} taken from the stage's environment; a name the
    // environment does not set stays as written ($PORT for a target's own shell).
    static QVariantMap expandParameters(const QVariantMap &with, const QProcessEnvironment &env);
    static QString expandVariables(const QString &text, const QProcessEnvironment &env);

    // For tests: how long to wait before retry number n (1-based).
    std::chrono::milliseconds backoffBefore(int retry) const;

signals:
    void attemptStarted(int attempt);

protected:
    void doStart() override;
    void doCancel() override;

private:
    void restoreCacheThenStart();
    void saveCacheThenFinish();
    void startAttempt();
    void attemptDone(bool success, const QString &reason);
    void builtinDone();
    void finish(StageStatus status, const QString &reason);

    Stage m_stage;
    StageContext m_context;
    LogPipeline m_log;
    std::unique_ptr<ProcessRunner> m_process;
    std::unique_ptr<BuiltinStage> m_builtin;
    QTimer m_backoff;
    QTimer m_builtinTimeout;
    int m_attempt = 0;
    StageStatus m_status = StageStatus::Pending;
    ProcessResult m_lastResult;
    QString m_reason;
    Error m_lastError;
    QList<Deployment> m_deployments;
    QList<Annotation> m_annotations;
    bool m_builtinTimedOut = false;
    bool m_wantsRollback = false;
    std::optional<CacheKey> m_cacheKey; // known once the restore looked
    bool m_cacheHit = false;
    bool m_cacheBusy = false; // a restore or save is running
    std::shared_ptr<std::atomic_bool> m_cacheCancel;
};

} // namespace DeployDesk
