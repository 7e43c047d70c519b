#include "engine/stagejob.h"

#include "common/duration.h"
#include "common/logging.h"

#include <QCoreApplication>
#include <QDir>

namespace DeployDesk {

StageJob::StageJob(Stage stage, StageContext context, SecretMasker masker,
                   LogPipeline::Sink sink, QObject *parent)
    : Job(parent)
    , m_stage(std::move(stage))
    , m_context(std::move(context))
    , m_log(std::move(masker), std::move(sink))
{
    m_backoff.setSingleShot(true);
    connect(&m_backoff, &QTimer::timeout, this, &StageJob::startAttempt);
    m_builtinTimeout.setSingleShot(true);
    connect(&m_builtinTimeout, &QTimer::timeout, this, [this] {
        if (m_builtin) {
            m_log.system(tr("timed out after %1").arg(formatDuration(m_stage.timeout)));
            m_builtin->disconnect(this);
            m_builtin->cancel();
            attemptDone(false, tr("timed out after %1").arg(formatDuration(m_stage.timeout)));
        }
    });
}

StageJob::~StageJob() = default;

std::chrono::milliseconds StageJob::backoffBefore(int retry) const
{
    const int shift = std::clamp(retry - 1, 0, 16);
    return std::min(std::chrono::milliseconds(m_stage.retryBackoff.count() * (qint64(1) << shift)),
                    std::chrono::milliseconds(10 * 60 * 1000));
}

void StageJob::doStart()
{
    m_status = StageStatus::Running;
    startAttempt();
}

void StageJob::startAttempt()
{
    ++m_attempt;
    emit attemptStarted(m_attempt);
    if (m_stage.retries > 0)
        m_log.system(tr("attempt %1 of %2").arg(m_attempt).arg(m_stage.retries + 1));

    if (!m_stage.uses.isEmpty()) {
        m_builtin = StageTypeRegistry::instance().create(m_stage.uses);
        if (!m_builtin) {
            attemptDone(false, tr("unknown stage type \"%1\"").arg(m_stage.uses));
            return;
        }
        connect(m_builtin.get(), &BuiltinStage::logLine, this,
                [this](const QString &line) { m_log.system(line); });
        connect(m_builtin.get(), &BuiltinStage::finished, this,
                [this](bool success, const QString &reason) {
                    m_builtinTimeout.stop();
                    attemptDone(success, reason);
                });
        if (m_stage.timeout.count() > 0)
            m_builtinTimeout.start(m_stage.timeout);
        m_builtin->start(m_stage.with, m_context);
        return;
    }

    m_process = std::make_unique<ProcessRunner>();
    connect(m_process.get(), &ProcessRunner::output, this,
            [this](LogStream stream, const QByteArray &chunk) { m_log.feed(stream, chunk); });
    connect(m_process.get(), &ProcessRunner::done, this, [this](const ProcessResult &result) {
        m_lastResult = result;
        m_log.finish();
        if (!result.success())
            m_log.system(result.describe());
        attemptDone(result.success(), result.describe());
    });
    ProcessSpec spec;
    spec.command = m_stage.run;
    spec.workdir = m_context.workdir;
    spec.environment = m_context.env;
    spec.timeout = m_stage.timeout;
    m_process->start(spec);
}

void StageJob::attemptDone(bool success, const QString &reason)
{
    if (isFinished())
        return;
    if (success) {
        finish(StageStatus::Success, {});
        return;
    }
    if (isCancelRequested()) {
        finish(StageStatus::Cancelled, tr("cancelled"));
        return;
    }
    if (m_attempt <= m_stage.retries) {
        const auto delay = backoffBefore(m_attempt);
        m_log.system(tr("%1; retrying in %2").arg(reason, formatDuration(delay)));
        m_backoff.start(delay);
        return;
    }
    finish(StageStatus::Failed, reason);
}

void StageJob::doCancel()
{
    if (m_backoff.isActive()) {
        m_backoff.stop();
        finish(StageStatus::Cancelled, tr("cancelled"));
        return;
    }
    if (m_process && m_process->isRunning()) {
        m_process->cancel(); // done() follows, then attemptDone() sees the cancel
        return;
    }
    if (m_builtin) {
        m_builtinTimeout.stop();
        m_builtin->disconnect(this);
        m_builtin->cancel();
    }
    finish(StageStatus::Cancelled, tr("cancelled"));
}

void StageJob::finish(StageStatus status, const QString &reason)
{
    m_status = status;
    m_reason = reason;
    m_log.finish();
    switch (status) {
    case StageStatus::Success:
        emitResult(Outcome::Success);
        break;
    case StageStatus::Cancelled:
        emitResult(Outcome::Cancelled, reason);
        break;
    default:
        emitResult(Outcome::Failed, reason);
        break;
    }
}

} // namespace DeployDesk
