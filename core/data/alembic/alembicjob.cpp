#include "data/alembic/alembicjob.h"

#include "data/alembic/alembicoutput.h"

#include <QDir>
#include <QFileInfo>

namespace DeployDesk::Alembic {

AlembicJob::AlembicJob(Operation operation, TargetRequest request,
                       std::optional<Deployment> deployment, QObject *parent)
    : TargetJob(parent)
    , m_operation(operation)
    , m_request(std::move(request))
    , m_deployment(std::move(deployment))
{
    for (const QString &value : m_request.context.secretValues)
        m_masker.addSecret(value.toUtf8());
}

AlembicJob::~AlembicJob() = default;

QString AlembicJob::maskText(const QString &text) const
{
    return m_masker.maskText(text);
}

void AlembicJob::fail(Error error)
{
    error.message = maskText(error.message);
    error.detail = maskText(error.detail);
    emitFailure(std::move(error));
}

void AlembicJob::doStart()
{
    auto options = parseOptions(m_request);
    if (!options) {
        fail(options.error());
        return;
    }
    m_options = *options;
    // The URL and what of it could show on its own (a password in an error) are masked
    // in every line and message of this job, whatever the run's masker already knows.
    m_masker.addSecret(m_options.url.toUtf8());
    for (const QByteArray &part : secretPartsOf(m_options.url))
        m_masker.addSecret(part);

    if (!QFileInfo(m_options.config).isFile()) {
        fail(makeErrorValue(ErrorCode::NotFound,
                            tr("Alembic's configuration %1 does not exist; create it (alembic "
                               "init) or set the stage's config option")
                                .arg(m_options.config)));
        return;
    }
    if (const QString file = sqliteFile(m_options.url, m_options.workdir); !file.isEmpty())
        QDir().mkpath(QFileInfo(file).absolutePath()); // SQLite creates the file, not its folder
    if (m_options.urlIsDefault)
        emit logLine(tr("%1 is not set: using the stage's default-url (%2)")
                         .arg(m_options.urlVariable, dialectOf(m_options.url)));

    switch (m_operation) {
    case Operation::Upgrade:
        upgrade();
        return;
    case Operation::Restore:
        restore();
        return;
    case Operation::Status:
        runOrFail({QStringLiteral("current")}, [this](const Call &call) {
            const QStringList current = revisions(call.out);
            if (!current.isEmpty())
                addDeployment(layerVersion(revisionOf(current), {}));
            emitSuccess();
        });
        return;
    case Operation::List:
        runOrFail({QStringLiteral("history")}, [this](const Call &call) {
            for (const QString &revision : historyRevisions(call.out))
                addDeployment(layerVersion(revision, {}));
            emitSuccess();
        });
        return;
    case Operation::Health:
        runOrFail({QStringLiteral("current")}, [this](const Call &call) {
            const QString current = revisionOf(revisions(call.out));
            if (m_deployment && current != m_deployment->version) {
                fail(
                    makeErrorValue(ErrorCode::Conflict, tr("the database is at revision %1, not %2")
                                                            .arg(current, m_deployment->version)));
                return;
            }
            emitSuccess();
        });
        return;
    }
}

void AlembicJob::doCancel()
{
    if (m_runner && m_runner->isRunning())
        m_runner->cancel(); // done() follows and ends the job as cancelled
    else
        emitCancelled();
}

QString AlembicJob::revisionOf(const QStringList &revisions)
{
    // A database on several branches at once has several current revisions.
    return revisions.isEmpty() ? baseRevision() : revisions.join(u' ');
}

Deployment AlembicJob::layerVersion(const QString &revision, const QString &before) const
{
    Deployment d;
    d.target = QStringLiteral("alembic");
    d.layer = Layer::Database;
    d.version = revision;
    d.createdAt = QDateTime::currentDateTimeUtc();
    // Never the URL: only what kind of database it is, and where the scripts are.
    d.details.insert(QStringLiteral("dialect"), dialectOf(m_options.url));
    d.details.insert(QStringLiteral("config"),
                     QDir(m_request.context.workspaceDir).relativeFilePath(m_options.config));
    if (!before.isEmpty())
        d.details.insert(QStringLiteral("before"), before);
    return d;
}

void AlembicJob::upgrade()
{
    runOrFail({QStringLiteral("heads")}, [this](const Call &call) {
        const QStringList heads = revisions(call.out);
        if (heads.size() > 1) {
            fail(makeErrorValue(
                ErrorCode::Conflict,
                tr("the migration scripts of %1 have %2 heads (%3): Alembic cannot tell which "
                   "one to upgrade to. Merge them (alembic merge -m \"merge heads\" heads) and "
                   "deploy again; nothing was migrated")
                    .arg(QDir::toNativeSeparators(m_options.config))
                    .arg(heads.size())
                    .arg(heads.join(QStringLiteral(", ")))));
            return;
        }
        runOrFail({QStringLiteral("current")}, [this](const Call &call) {
            const QString before = revisionOf(revisions(call.out));
            emit logLine(tr("the database is at revision %1; upgrading to %2")
                             .arg(before, m_options.revision));
            run({QStringLiteral("upgrade"), m_options.revision}, [this, before](const Call &up) {
                const bool upgraded = up.result.success();
                const Error upgradeError = upgraded ? Error{} : callError(up);
                // Where the database is now: the after revision, or how far a failed
                // upgrade got (a database without transactional DDL keeps the steps done).
                run({QStringLiteral("current")},
                    [this, before, upgraded, upgradeError](const Call &now) {
                        const QString after =
                            now.result.success() ? revisionOf(revisions(now.out)) : QString();
                        if (!upgraded) {
                            Error error = upgradeError;
                            error.message +=
                                after.isEmpty()
                                    ? tr("; the database was at revision %1").arg(before)
                                    : (after == before
                                           ? tr("; the database stays at revision %1").arg(before)
                                           : tr("; the database is now at revision %1 "
                                                "(it was at %2)")
                                                 .arg(after, before));
                            fail(error);
                            return;
                        }
                        if (after.isEmpty()) {
                            fail(callError(now));
                            return;
                        }
                        if (after == before)
                            emit logLine(tr("the database was already at revision %1").arg(after));
                        else
                            emit logLine(tr("database: %1 → %2").arg(before, after));
                        addDeployment(layerVersion(after, before));
                        emitSuccess();
                    });
            });
        });
    });
}

void AlembicJob::restore()
{
    if (!m_deployment || m_deployment->version.isEmpty()) {
        fail(makeErrorValue(ErrorCode::Internal, tr("a database rollback needs a revision")));
        return;
    }
    const QString to = m_deployment->version;
    runOrFail({QStringLiteral("current")}, [this, to](const Call &call) {
        const QString from = revisionOf(revisions(call.out));
        auto finish = [this, to, from] {
            runOrFail({QStringLiteral("current")}, [this, to, from](const Call &check) {
                const QString now = revisionOf(revisions(check.out));
                if (now != to) {
                    fail(makeErrorValue(ErrorCode::Conflict,
                                        tr("Alembic ended without error but the database is at "
                                           "revision %1, not %2")
                                            .arg(now, to)));
                    return;
                }
                emit logLine(tr("database: %1 → %2").arg(from, to));
                Deployment restored = *m_deployment;
                restored.details.insert(QStringLiteral("before"), from);
                addDeployment(restored);
                emitSuccess();
            });
        };
        if (from == to) {
            emit logLine(tr("the database is already at revision %1").arg(to));
            addDeployment(*m_deployment);
            emitSuccess();
            return;
        }
        auto migrate = [this, to, finish](const QString &verb) {
            emit logLine(tr("alembic %1 %2").arg(verb, to));
            runOrFail({verb, to}, [finish](const Call &) { finish(); });
        };
        if (to == baseRevision() || from == baseRevision()) {
            migrate(to == baseRevision() ? QStringLiteral("downgrade") : QStringLiteral("upgrade"));
            return;
        }
        // The recorded revision is normally older (downgrade); after an earlier rollback it
        // may be newer (upgrade). `history -r TO:FROM` succeeds only when TO is below FROM.
        run({QStringLiteral("history"), QStringLiteral("-r"), to + u':' + from},
            [migrate](const Call &order) {
                migrate(order.result.success() ? QStringLiteral("downgrade")
                                               : QStringLiteral("upgrade"));
            });
    });
}

void AlembicJob::runOrFail(const QStringList &args, Then then)
{
    run(args, [this, then = std::move(then)](const Call &call) {
        if (!call.result.success()) {
            fail(callError(call));
            return;
        }
        then(call);
    });
}

void AlembicJob::run(const QStringList &args, Then then)
{
    if (!m_runner) {
        m_runner = new ProcessRunner(this);
        const auto forward = [this](LineSplitter &splitter, QStringList &into,
                                    QByteArrayView chunk) {
            splitter.feed(chunk, [this, &into](QByteArrayView line) {
                const QString text = QString::fromUtf8(m_masker.mask(line.toByteArray()));
                into << text;
                emit logLine(text);
            });
        };
        connect(m_runner, &ProcessRunner::output, this,
                [this, forward](LogStream stream, const QByteArray &chunk) {
                    if (stream == LogStream::Stderr)
                        forward(m_errSplitter, m_call.err, chunk);
                    else
                        forward(m_outSplitter, m_call.out, chunk);
                });
        connect(m_runner, &ProcessRunner::done, this, [this](const ProcessResult &result) {
            const auto flush = [this](LineSplitter &splitter, QStringList &into) {
                splitter.finish([this, &into](QByteArrayView line) {
                    const QString text = QString::fromUtf8(m_masker.mask(line.toByteArray()));
                    into << text;
                    emit logLine(text);
                });
            };
            flush(m_outSplitter, m_call.out);
            flush(m_errSplitter, m_call.err);
            m_call.result = result;
            if (result.status == ProcessResult::Status::Cancelled || isCancelRequested()) {
                emitCancelled();
                return;
            }
            const Then then = std::exchange(m_then, {});
            const Call finished = m_call; // `then` may start the next call
            then(finished);
        });
    }
    m_call = Call{args, {}, {}, {}};
    m_then = std::move(then);
    emit logLine(QStringLiteral("$ alembic ") + args.join(u' '));
    ProcessSpec spec;
    spec.command = command(m_options, args);
    spec.workdir = m_options.workdir;
    spec.environment = processEnvironment(m_request, m_options);
    m_runner->start(spec);
}

Error AlembicJob::callError(const Call &call) const
{
    const QString what = QStringLiteral("alembic ") + call.args.join(u' ');
    const QString detail = call.result.describe();
    if (call.result.status != ProcessResult::Status::Exited)
        return makeErrorValue(call.result.status == ProcessResult::Status::TimedOut
                                  ? ErrorCode::Timeout
                                  : ErrorCode::Process,
                              tr("%1: %2").arg(what, detail), detail);
    if (const QString missing = missingModule(call.err); !missing.isEmpty())
        return makeErrorValue(ErrorCode::Unavailable,
                              tr("%1 cannot import Alembic (%2): install python3-alembic and the "
                                 "database's driver (python3-psycopg2 for PostgreSQL), or set the "
                                 "stage's python option to a Python that has them")
                                  .arg(m_options.python, missing),
                              detail);
    const QString said = failureMessage(call.out, call.err);
    if (said.isEmpty())
        return makeErrorValue(
            ErrorCode::Process,
            tr("%1 failed (%2); its output is in the stage's log").arg(what, detail), detail);
    return makeErrorValue(ErrorCode::Process, tr("%1 failed: %2 (%3)").arg(what, said, detail),
                          detail);
}

} // namespace DeployDesk::Alembic
