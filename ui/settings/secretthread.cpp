#include "ui/settings/secretthread.h"

#include <QCoreApplication>
#include <QThread>

namespace DeployDesk::Ui::Internal {

namespace {

QThread *s_thread = nullptr;
bool s_cleanupRegistered = false;

} // namespace

void stopSecretThread()
{
    if (!s_thread)
        return;
    s_thread->quit();
    s_thread->wait(); // a keychain call in progress ends within its guard time
    delete s_thread;
    s_thread = nullptr;
}

QThread *secretThread()
{
    Q_ASSERT(QThread::currentThread() == QCoreApplication::instance()->thread());
    if (!s_thread) {
        s_thread = new QThread;
        s_thread->setObjectName(QStringLiteral("deploydesk-secrets"));
        s_thread->start();
        if (!s_cleanupRegistered)
            qAddPostRoutine(stopSecretThread);
        s_cleanupRegistered = true;
    }
    return s_thread;
}

} // namespace DeployDesk::Ui::Internal
