#include "net/threadnetwork.h"

#include "net/httpclient.h"

#include <QCoreApplication>
#include <QNetworkAccessManager>
#include <QPointer>
#include <QThread>

namespace DeployDesk::Internal {

namespace {

// The main thread's network, deleted by a post routine: ~QCoreApplication calls those
// first, while the application object is whole. Deleted later, with the application's
// other children, its HTTP thread could still deliver an event after the application had
// cleared its instance pointer, and crash there (seen at exit: SIGSEGV in
// QCoreApplication::notifyInternal2 on the "QNetworkAccessManager" thread).
QPointer<QNetworkAccessManager> mainThreadNetwork;

void deleteMainThreadNetwork()
{
    delete mainThreadNetwork.data();
}

} // namespace

QNetworkAccessManager *threadNetwork()
{
    thread_local QPointer<QNetworkAccessManager> network;
    if (network)
        return network;
    network = new QNetworkAccessManager;
    network->setTransferTimeout(int(HttpClient::kDefaultTimeout.count()));
    network->setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
    QThread *thread = QThread::currentThread();
    if (QCoreApplication *app = QCoreApplication::instance(); app && app->thread() == thread) {
        network->setParent(app); // goes with the application object, before its children
        mainThreadNetwork = network.data();
        qAddPostRoutine(deleteMainThreadNetwork);
    } else {
        // Deferred deletes still run once a thread's event loop has stopped.
        QObject::connect(thread, &QThread::finished, network.data(), &QObject::deleteLater,
                         Qt::DirectConnection);
    }
    return network;
}

} // namespace DeployDesk::Internal
