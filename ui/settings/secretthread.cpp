#include "ui/settings/secretthread.h"

#include "common/serialthread.h"

#include <QCoreApplication>
#include <QThread>

namespace DeployDesk::Ui::Internal {

namespace {

SerialThread *s_thread = nullptr;
bool s_cleanupRegistered = false;

} // namespace

void stopSecretThread()
{
    if (!s_thread)
        return;
    s_thread->stop(SerialThread::PendingWork::Run); // ends within the keychain's guard time
    delete s_thread;
    s_thread = nullptr;
}

SerialThread &secretThread()
{
    Q_ASSERT(QThread::currentThread() == QCoreApplication::instance()->thread());
    if (!s_thread) {
        s_thread = new SerialThread(QStringLiteral("deploydesk-secrets"));
        if (!s_cleanupRegistered)
            qAddPostRoutine(stopSecretThread);
        s_cleanupRegistered = true;
    }
    return *s_thread;
}

} // namespace DeployDesk::Ui::Internal
