#pragma once

#include "deploy/deploytarget.h"

#include <QNetworkAccessManager>
#include <QPointer>
#include <QUrl>

class QNetworkReply;

namespace DeployDesk::LocalSite {

// local-site's health(): the release folder has its index page, and when there is a URL,
// a GET of it answers 200.
class SiteHealthJob final : public TargetJob
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SiteHealthJob)

public:
    SiteHealthJob(QString indexFile, QUrl url, QObject *parent = nullptr);
    ~SiteHealthJob() override;

protected:
    void doStart() override;
    void doCancel() override;

private:
    QString m_indexFile;
    QUrl m_url;
    QNetworkAccessManager m_network;
    QPointer<QNetworkReply> m_reply;
};

} // namespace DeployDesk::LocalSite
