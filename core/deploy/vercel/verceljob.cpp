#include "deploy/vercel/verceljob.h"

#include "net/httpjob.h"

#include <QTimer>

namespace DeployDesk::Vercel {

VercelJob::VercelJob(TargetRequest request, bool needFrom, QObject *parent)
    : TargetJob(parent)
    , m_request(std::move(request))
    , m_needFrom(needFrom)
{
    for (const QString &secret : std::as_const(m_request.context.secretValues))
        m_masker.addSecret(secret.toUtf8());
}

VercelJob::~VercelJob() = default;

void VercelJob::doStart()
{
    auto options = VercelOptionsReader::read(m_request, m_needFrom);
    if (!options) {
        fail(options.error());
        return;
    }
    m_options = std::move(*options);
    m_api = VercelApi(m_options);
    for (const QByteArray &secret : m_api.http().secrets())
        m_masker.addSecret(secret);
    for (const QString &note : std::as_const(m_options.notes))
        log(note);
    run();
}

void VercelJob::doCancel()
{
    emitCancelled(); // first: the children's results then find this job ended
    const auto children = m_children;
    m_children.clear();
    for (const QPointer<Job> &child : children) {
        if (child)
            child->cancel();
    }
}

void VercelJob::call(HttpRequest request, Done done)
{
    HttpJob *job = m_api.http().send(std::move(request), this);
    runChild(job, [done = std::move(done)](Job *child) { done(static_cast<HttpJob *>(child)); });
}

void VercelJob::runChild(Job *child, std::function<void(Job *)> done)
{
    child->setParent(this);
    m_children.append(child);
    connect(child, &Job::logLine, this, [this](const QString &line) { log(line); });
    connect(child, &Job::result, this, [this, child, done = std::move(done)] {
        m_children.removeAll(child);
        child->deleteLater();
        if (isFinished() || child->outcome() == Outcome::Cancelled)
            return;
        done(child);
    });
    child->start();
}

void VercelJob::after(std::chrono::milliseconds wait, std::function<void()> then)
{
    QTimer::singleShot(wait, this, [this, then = std::move(then)] {
        if (!isFinished())
            then();
    });
}

QString VercelJob::masked(const QString &text) const
{
    if (m_masker.isEmpty() || text.isEmpty())
        return text;
    QByteArrayList lines = text.toUtf8().split('\n');
    for (QByteArray &line : lines)
        line = m_masker.mask(line);
    return QString::fromUtf8(lines.join('\n'));
}

void VercelJob::log(const QString &line)
{
    emit logLine(masked(line));
}

void VercelJob::fail(Error error)
{
    error.message = masked(error.message);
    error.detail = masked(error.detail);
    emitFailure(std::move(error));
}

} // namespace DeployDesk::Vercel
