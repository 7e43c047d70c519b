#include "net/threadnetwork.h"

#include "net/httpclient.h"

#include <QCoreApplication>
#include <QNetworkAccessManager>
#include <QPointer>
#include <QThread>

namespace DeployDesk::Internal {

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
        network->setParent(app); // goes with the application object
    } else {
        // Deferred deletes still run once a thread's event loop has stopped.
        QObject::connect(thread, &QThread::finished, network.data(), &QObject::deleteLater,
                         Qt::DirectConnection);
    }
    return network;
}

} // namespace DeployDesk::Internal
