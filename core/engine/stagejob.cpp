#include "engine/stagejob.h"

#include "common/async.h"
#include "common/bytesize.h"
#include "common/duration.h"
#include "common/logging.h"

#include <QCoreApplication>
#include <QDir>

namespace DeployDesk {

StageJob::StageJob(Stage stage, StageContext context, SecretMasker masker, LogPipeline::Sink sink,
                   QObject *parent)
    : Job(parent)
    , m_stage(std::move(stage))
    , m_context(std::move(context))
    , m_log(std::move(masker), std::move(sink))
{
    m_backoff.setSingleShot(true);
    connect(&m_backoff, &QTimer::timeout, this, &StageJob::startAttempt);
    m_builtinTimeout.setSingleShot(true);
    connect(&m_builtinTimeout, &QTimer::timeout, this, [this] {
        if (m_builtin && !m_builtin->isFinished()) {
            m_builtinTimedOut = true;
            m_log.system(tr("timed out after %1").arg(formatDuration(m_stage.timeout)));
            m_builtin->cancel(); // its Cancelled result becomes a failure: see builtinDone()
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
    if (m_stage.cache.enabled() && !m_context.dataDir.isEmpty()) {
        restoreCacheThenStart();
        return;
    }
    startAttempt();
}

void StageJob::restoreCacheThenStart()
{
    struct Restored
    {
        Result<CacheKey> key;
        Result<CacheOutcome> outcome;
    };
    m_cacheBusy = true;
    m_cacheCancel = std::make_shared<std::atomic_bool>(false);
    runAsync(
        this,
        [cache = m_stage.cache, dataDir = m_context.dataDir, workdir = m_context.workdir,
         env = m_context.env, secrets = m_context.secretValues, cancel = m_cacheCancel] {
            Restored r{cacheKeyFor(cache, workdir, env, secrets), CacheOutcome{}};
            if (r.key)
                r.outcome = restoreCache(dataDir, cache, *r.key, workdir, cancel.get());
            return r;
        },
        [this](Restored r) {
            m_cacheBusy = false;
            if (!r.key) {
                m_log.system(tr("cache not used: %1").arg(r.key.error().toString()));
            } else {
                m_cacheKey = *r.key;
                if (!r.outcome) {
                    m_log.system(tr("cache not restored, the stage runs without it: %1")
                                     .arg(r.outcome.error().toString()));
                } else {
                    for (const QString &line : std::as_const(r.outcome->lines))
                        m_log.system(line);
                    m_cacheHit = r.outcome->hit && !r.outcome->cancelled;
                }
            }
            m_context.env.insert(QStringLiteral("DEPLOYDESK_CACHE_HIT"),
                                 m_cacheHit ? QStringLiteral("true") : QStringLiteral("false"));
            if (isCancelRequested()) {
                finish(StageStatus::Cancelled, tr("cancelled"));
                return;
            }
            startAttempt();
        });
}

void StageJob::saveCacheThenFinish()
{
    QString bad;
    const qint64 maxBytes = cacheMaxBytes(&bad);
    if (!bad.isEmpty()) {
        m_log.system(tr("DEPLOYDESK_CACHE_MAX_SIZE=\"%1\" is no size (write e.g. 5G or 500M); "
                        "the cache keeps to %2")
                         .arg(bad, formatBytes(maxBytes)));
    }
    m_cacheBusy = true;
    runAsync(
        this,
        [cache = m_stage.cache, key = *m_cacheKey, dataDir = m_context.dataDir,
         workdir = m_context.workdir, stage = m_stage.name, runId = m_context.runId, maxBytes,
         cancel = m_cacheCancel] {
            return saveCache(dataDir, cache, key, workdir, stage, runId, maxBytes, cancel.get());
        },
        [this](Result<CacheOutcome> saved) {
            m_cacheBusy = false;
            if (!saved) {
                m_log.system(tr("cache not saved: %1").arg(saved.error().toString()));
            } else {
                for (const QString &line : std::as_const(saved->lines))
                    m_log.system(line);
            }
            if (isCancelRequested()) {
                m_log.system(tr("the command succeeded; the stage was cancelled while its cache "
                                "was being saved"));
                finish(StageStatus::Cancelled, tr("cancelled"));
                return;
            }
            finish(StageStatus::Success, {});
        });
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
        m_builtinTimedOut = false;
        connect(m_builtin.get(), &Job::logLine, this,
                [this](const QString &line) { m_log.system(line); });
        connect(m_builtin.get(), &Job::progress, this, &Job::progress);
        connect(m_builtin.get(), &Job::result, this, &StageJob::builtinDone);
        if (m_stage.timeout.count() > 0)
            m_builtinTimeout.start(m_stage.timeout);
        m_builtin->configure(expandParameters(m_stage.with, m_context.env), m_context);
        m_builtin->start();
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

QVariantMap StageJob::expandParameters(const QVariantMap &with, const QProcessEnvironment &env)
{
    QVariantMap expanded;
    for (auto it = with.cbegin(); it != with.cend(); ++it) {
        const QVariant &value = it.value();
        if (value.typeId() == QMetaType::QString)
            expanded.insert(it.key(), expandVariables(value.toString(), env));
        else if (value.typeId() == QMetaType::QVariantList) {
            QVariantList items;
            for (const QVariant &item : value.toList())
                items.append(item.typeId() == QMetaType::QString
                                 ? QVariant(expandVariables(item.toString(), env))
                                 : item);
            expanded.insert(it.key(), items);
        } else {
            expanded.insert(it.key(), value);
        }
    }
    return expanded;
}

QString StageJob::expandVariables(const QString &text, const QProcessEnvironment &env)
{
    // $NAME and ${NAME}; $$ is a literal $. Unset names stay as written.
    if (!text.contains(u'$'))
        return text;
    QString out;
    out.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c != u'$' || i + 1 >= text.size()) {
            out += c;
            continue;
        }
        if (text.at(i + 1) == u'$') {
            out += u'$';
            ++i;
            continue;
        }
        const bool braced = text.at(i + 1) == u'{';
        qsizetype start = i + (braced ? 2 : 1);
        qsizetype end = start;
        while (end < text.size() && (text.at(end).isLetterOrNumber() || text.at(end) == u'_'))
            ++end;
        if (end == start || (braced && (end >= text.size() || text.at(end) != u'}'))) {
            out += c;
            continue;
        }
        const QString name = text.mid(start, end - start);
        if (!env.contains(name)) {
            // Unset: kept as written, so a target's own shell can still expand it later
            // (local-service's `command` gets $PORT when the instance starts).
            out += text.mid(i, (braced ? end + 1 : end) - i);
            i = braced ? end : end - 1;
            continue;
        }
        out += env.value(name);
        i = braced ? end : end - 1;
    }
    return out;
}

void StageJob::builtinDone()
{
    m_builtinTimeout.stop();
    BuiltinStage *builtin = m_builtin.get();
    m_annotations.append(builtin->annotations());
    if (builtin->outcome() == Outcome::Success) {
        m_deployments.append(builtin->deployments());
        attemptDone(true, {});
        return;
    }
    m_wantsRollback = builtin->wantsRollback();
    if (builtin->outcome() == Outcome::Cancelled && !m_builtinTimedOut) {
        finish(StageStatus::Cancelled, tr("cancelled"));
        return;
    }
    const QString reason = m_builtinTimedOut
                               ? tr("timed out after %1").arg(formatDuration(m_stage.timeout))
                               : builtin->error().toString();
    m_log.system(reason);
    m_lastError = builtin->error();
    attemptDone(false, reason);
}

void StageJob::attemptDone(bool success, const QString &reason)
{
    if (isFinished())
        return;
    if (success) {
        if (m_cacheKey && !m_cacheHit) {
            saveCacheThenFinish();
            return;
        }
        if (m_cacheKey)
            m_log.system(tr("cache not saved: key %1 was restored, and an entry never changes")
                             .arg(m_cacheKey->name));
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
    if (m_cacheBusy) {
        m_cacheCancel->store(true); // the restore or save ends early, then the stage
        return;
    }
    if (m_backoff.isActive()) {
        m_backoff.stop();
        finish(StageStatus::Cancelled, tr("cancelled"));
        return;
    }
    if (m_process && m_process->isRunning()) {
        m_process->cancel(); // done() follows, then attemptDone() sees the cancel
        return;
    }
    if (m_builtin && !m_builtin->isFinished()) {
        m_builtinTimeout.stop();
        m_builtin->cancel(); // builtinDone() finishes the stage as Cancelled
        return;
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
        emitSuccess();
        break;
    case StageStatus::Cancelled:
        emitCancelled();
        break;
    default: {
        Error error = m_lastError.message.isEmpty() || m_lastError.toString() != reason
                          ? Error{ErrorCode::Process, reason, {}, std::nullopt}
                          : m_lastError;
        emitFailure(std::move(error));
        break;
    }
    }
}

} // namespace DeployDesk
