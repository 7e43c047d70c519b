#pragma once

#include <QObject>
#include <QStringList>

#include <deque>
#include <functional>
#include <memory>

class QSemaphore;

namespace DeployDesk {
class SecretStore;
}

namespace DeployDesk::Ui {

// Makes the SecretStore the settings dialog's worker thread uses; called in that thread.
using SecretStoreFactory = std::function<std::unique_ptr<SecretStore>()>;

namespace Internal {

// Runs the secret store's blocking calls (keychain jobs may take seconds) on the thread it
// lives in, one at a time, and reports back by queued signals. Values only pass through.
// A keychain call spins a local event loop, so requests (and the end of the worker) may
// arrive in the middle of another: they are queued and run after it, never inside it.
class SecretWorker final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SecretWorker)

public:
    enum class Operation { Check, Store, Remove };
    Q_ENUM(Operation)

    // Creates its own store with `factory` on first use, in the worker thread.
    explicit SecretWorker(SecretStoreFactory factory);
    // Uses a store owned elsewhere, which must outlive the worker's thread.
    explicit SecretWorker(SecretStore *borrowed);
    ~SecretWorker() override;

    // Call these in the worker's thread (QMetaObject::invokeMethod with a functor).
    void check(const QStringList &names);
    void store(const QString &name, QString value);
    void remove(const QString &name);
    // Ends the worker once the call in progress is over; then releases `finished` if given.
    // Instead of deleteLater(), which a keychain call's local event loop could run mid-call.
    void dispose(QSemaphore *finished = nullptr);

signals:
    // `source` is an int of SecretStore::Source.
    void checked(const QString &name, int source);
    // `message` is for users: empty on success, else what went wrong and how to fix it.
    void done(const QString &name, DeployDesk::Ui::Internal::SecretWorker::Operation operation,
              bool ok, const QString &message);

private:
    SecretStore *secrets();
    void enqueue(std::function<void()> operation);
    void runCheck(const QStringList &names);

    SecretStoreFactory m_factory;
    std::unique_ptr<SecretStore> m_owned;
    SecretStore *m_store = nullptr;
    std::deque<std::function<void()>> m_queue;
    bool m_running = false;
    bool m_disposed = false;
    QSemaphore *m_disposedSignal = nullptr;
};

} // namespace Internal
} // namespace DeployDesk::Ui
