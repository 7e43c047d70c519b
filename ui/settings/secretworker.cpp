#include "ui/settings/secretworker.h"

#include "secrets/secretstore.h"

#include <QCoreApplication>
#include <QSemaphore>

namespace DeployDesk::Ui::Internal {

SecretWorker::SecretWorker(SecretStoreFactory factory)
    : m_factory(std::move(factory))
{}

SecretWorker::SecretWorker(SecretStore *borrowed)
    : m_store(borrowed)
{}

SecretWorker::~SecretWorker() = default;

SecretStore *SecretWorker::secrets()
{
    if (!m_store && m_factory) {
        m_owned = m_factory();
        m_store = m_owned.get();
    }
    return m_store;
}

void SecretWorker::enqueue(std::function<void()> operation)
{
    if (m_disposed)
        return;
    m_queue.push_back(std::move(operation));
    if (m_running)
        return; // called from a keychain call's event loop: the outer loop below runs it
    m_running = true;
    while (!m_queue.empty()) {
        const std::function<void()> next = std::move(m_queue.front());
        m_queue.pop_front();
        next();
    }
    m_running = false;
    if (m_disposed)
        dispose(m_disposedSignal);
}

void SecretWorker::dispose(QSemaphore *finished)
{
    m_disposed = true;
    m_queue.clear();
    if (m_running) {
        m_disposedSignal = finished; // the loop in enqueue() ends it
        return;
    }
    m_owned.reset();
    m_store = nullptr;
    if (finished)
        finished->release();
    deleteLater(); // nothing of ours runs any more: safe whenever it happens
}

void SecretWorker::check(const QStringList &names)
{
    enqueue([this, names] { runCheck(names); });
}

void SecretWorker::runCheck(const QStringList &names)
{
    SecretStore *store = secrets();
    for (const QString &name : names) {
        const SecretStore::Source source =
            store ? store->sourceOf(name) : SecretStore::Source::Missing;
        emit checked(name, int(source));
    }
}

void SecretWorker::store(const QString &name, QString value)
{
    enqueue([this, name, value]() mutable {
        SecretStore *store = secrets();
        const Result<void> result =
            store ? store->setValue(name, value)
                  : makeError(ErrorCode::Internal,
                              QCoreApplication::translate("DeployDesk", "no secret store"));
        value.fill(QLatin1Char('\0')); // do not leave the value around longer than needed
        value.clear();
        emit done(name, Operation::Store, result.has_value(),
                  result ? QString() : result.error().toString());
        runCheck({name});
    });
    value.fill(QLatin1Char('\0'));
}

void SecretWorker::remove(const QString &name)
{
    enqueue([this, name] {
        SecretStore *store = secrets();
        const Result<void> result =
            store ? store->remove(name)
                  : makeError(ErrorCode::Internal,
                              QCoreApplication::translate("DeployDesk", "no secret store"));
        emit done(name, Operation::Remove, result.has_value(),
                  result ? QString() : result.error().toString());
        runCheck({name});
    });
}

} // namespace DeployDesk::Ui::Internal
